import { localise, scaleBounds } from "@selfmanage/core";
import type { ActionPlan, IndicatorAssessment, IndicatorCycleComparison, IndicatorSet, IndicatorSummary } from "@selfmanage/recovery";
import { chartSection, dataTable, htmlPage, list, nameFromId, paragraph } from "../html";
import { barChart, type Series } from "../svg";

/**
 * One assessment cycle with its summary.
 *
 * @example
 * ```ts
 * const cycle: IndicatorCycle = { assessment, summary: summariseIndicatorAssessment(assessment, recoveryIndicatorSet) };
 * ```
 */
export interface IndicatorCycle {
  readonly assessment: IndicatorAssessment;
  readonly summary: IndicatorSummary;
}

/**
 * Everything an indicator report shows: one or two cycles, the latest action plan, the comparison.
 *
 * @example
 * ```ts
 * const input: IndicatorReportInput = { set: recoveryIndicatorSet, cycles: [cycle], actionPlan: buildActionPlan(cycle.summary), generatedAt: "2026-04-28T10:00:00Z" };
 * ```
 */
export interface IndicatorReportInput {
  readonly set: IndicatorSet;
  /** Oldest first; one or two cycles. */
  readonly cycles: readonly IndicatorCycle[];
  readonly actionPlan: ActionPlan;
  readonly comparison?: IndicatorCycleComparison;
  readonly generatedAt: string;
}

/**
 * A cycle's name for legends: `Cycle 2 (2026-01-01 to 2026-03-31)`.
 *
 * @example
 * ```ts
 * cycleName({ ...assessment, cycle: 2, periodStart: "2026-03-01", periodEnd: "2026-04-30" }, 1); // "Cycle 2 (2026-03-01 to 2026-04-30)"
 * ```
 */
export function cycleName(assessment: IndicatorAssessment, position: number): string {
  const cycle = `Cycle ${assessment.cycle ?? position + 1}`;
  if (assessment.periodStart !== undefined && assessment.periodEnd !== undefined) return `${cycle} (${assessment.periodStart} to ${assessment.periodEnd})`;
  return cycle;
}

/**
 * A self-contained HTML report of recovery indicator assessments: bars by indicator and by
 * evidence source (two cycles side by side when given), each with its data table, and the
 * action plan of the latest cycle.
 *
 * @example
 * ```ts
 * const html = renderIndicatorReport({ set: recoveryIndicatorSet, cycles: [cycle], actionPlan, generatedAt: "2026-04-28T10:00:00Z" });
 * ```
 */
export function renderIndicatorReport(input: IndicatorReportInput): string {
  const { set, cycles } = input;
  const bounds = scaleBounds(set.ratingScale);
  const mean = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : Math.round(value * 100) / 100);
  const names = cycles.map((cycle, position) => cycleName(cycle.assessment, position));
  const shortNames = cycles.map((cycle, position) => `Cycle ${cycle.assessment.cycle ?? position + 1}`);
  const scale = { min: bounds.min, max: bounds.max, decimals: 2 };
  const indicatorTitle = (id: string): string => {
    const indicator = set.indicators.find((candidate) => candidate.id === id);
    return indicator === undefined ? id : localise(indicator.title);
  };
  const sourceLabel = (id: string): string => {
    const source = set.evidenceSources.find((candidate) => candidate.id === id);
    return source === undefined ? id : localise(source.label);
  };
  const statementText = (id: string): string => {
    const statement = set.indicators.flatMap((indicator) => indicator.statements).find((candidate) => candidate.id === id);
    return statement === undefined ? id : localise(statement.text);
  };
  const indicatorSeries: Series[] = cycles.map((cycle, position) => ({
    name: names[position] as string,
    shortName: shortNames[position] as string,
    values: set.indicators.map((indicator) => mean(cycle.summary.indicators.find((found) => found.indicatorId === indicator.id)?.mean)),
  }));
  const sourceSeries: Series[] = cycles.map((cycle, position) => ({
    name: names[position] as string,
    shortName: shortNames[position] as string,
    values: set.evidenceSources.map((source) => mean(cycle.summary.sources.find((found) => found.sourceId === source.id)?.mean)),
  }));
  const indicatorChart = barChart({
    id: "indicators-bars",
    title: `Mean rating by indicator (scale ${bounds.min}-${bounds.max})`,
    description: `Horizontal bar chart of the mean rating of each of the ${set.indicators.length} indicators, on the rating scale of ${bounds.min} to ${bounds.max}, for ${names.join(" and ")}.`,
    categories: set.indicators.map((indicator) => localise(indicator.title)),
    series: indicatorSeries,
    scale,
  });
  const indicatorTable = dataTable(
    `Mean rating by indicator (scale ${bounds.min}-${bounds.max})`,
    ["Indicator", ...shortNames.flatMap((name) => [`${name} mean`, `${name} ratings`])],
    set.indicators.map((indicator) => [
      localise(indicator.title),
      ...cycles.flatMap((cycle) => {
        const found = cycle.summary.indicators.find((candidate) => candidate.indicatorId === indicator.id);
        return [mean(found?.mean), found?.counted ?? 0];
      }),
    ]),
  );
  const sourceChart = barChart({
    id: "sources-bars",
    title: `Mean rating by evidence source (scale ${bounds.min}-${bounds.max})`,
    description: `Horizontal bar chart of the mean rating from each of the ${set.evidenceSources.length} evidence sources, on the rating scale of ${bounds.min} to ${bounds.max}, for ${names.join(" and ")}.`,
    categories: set.evidenceSources.map((source) => localise(source.label)),
    series: sourceSeries,
    scale,
  });
  const sourceTable = dataTable(
    `Mean rating by evidence source (scale ${bounds.min}-${bounds.max})`,
    ["Evidence source", ...shortNames.flatMap((name) => [`${name} mean`, `${name} set aside`])],
    set.evidenceSources.map((source) => [
      sourceLabel(source.id),
      ...cycles.flatMap((cycle) => {
        const found = cycle.summary.sources.find((candidate) => candidate.sourceId === source.id);
        return [mean(found?.mean), found?.setAside ?? 0];
      }),
    ]),
  );
  const overall = cycles.map((cycle, position) => `${names[position]}: mean ${mean(cycle.summary.overall.mean) ?? "–"} from ${cycle.summary.overall.counted} ratings (${cycle.summary.overall.excluded} not applicable or don't know, ${cycle.summary.overall.setAside} documentary ratings without written evidence set aside).`);
  const change =
    input.comparison === undefined
      ? ""
      : `<section>\n<h2>Change between cycles</h2>\n${dataTable(
          "Change in mean rating by indicator",
          ["Indicator", "Before", "After", "Change", "Trend"],
          input.comparison.indicators.map((found) => [indicatorTitle(found.indicatorId), mean(found.before), mean(found.after), mean(found.change), found.trend]),
        )}\n</section>`;
  const entries = (plan: ActionPlan["strengths"]): string[] => plan.map((entry) => `${indicatorTitle(entry.indicatorId)}: ${statementText(entry.statementId)} (mean ${mean(entry.mean)})`);
  const body = [
    `<section>\n<h2>Summary</h2>\n${list(overall)}\n${paragraph("This is a service development tool, not an audit: use it to agree what to build on and what to improve.")}\n</section>`,
    chartSection("By indicator", `Each bar is the mean rating of an indicator's statements, on the scale people rated on (${bounds.min} to ${bounds.max}).`, indicatorChart, indicatorTable),
    chartSection("By evidence source", "Documentary sources count only ratings backed by written evidence.", sourceChart, sourceTable),
    change,
    `<section>\n<h2>Action plan: strengths to build on</h2>\n${list(entries(input.actionPlan.strengths))}\n</section>`,
    `<section>\n<h2>Action plan: improvements to make</h2>\n${list(entries(input.actionPlan.improvements))}\n</section>`,
  ].join("\n");
  const latest = cycles[cycles.length - 1]?.assessment;
  return htmlPage(
    `Recovery indicators${latest?.service === undefined ? "" : `: ${nameFromId(latest.service)}`}`,
    `${localise(set.title)} · ${names.join(" and ")}`,
    body,
    `Made by the selfmanage command on ${input.generatedAt}. Not applicable and don't know ratings are left out, never counted as zero.`,
  );
}
