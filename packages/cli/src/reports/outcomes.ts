import { outcomeCountNames, type OutcomeCell, type OutcomeCountName, type OutcomeGroup, type OutcomeRate, type OutcomeRateName, type OutcomeRules, type OutcomeSummary } from "@selfmanage/recovery";
import { chartSection, dataTable, escapeHtml, htmlPage, list, paragraph, type Cell } from "../html";
import { barChart } from "../svg";

/**
 * Everything the outcomes report shows.
 *
 * @example
 * ```ts
 * const input: OutcomesReportInput = { summary: tracker.finish(), rules: nhsTalkingTherapiesRules, invalid: 0, generatedAt: "2026-04-28T10:00:00Z" };
 * ```
 */
export interface OutcomesReportInput {
  readonly summary: OutcomeSummary;
  readonly rules: OutcomeRules;
  /** Responses left out because they were not valid (reported on stderr). */
  readonly invalid: number;
  readonly generatedAt: string;
}

/** Column headings for each count, in plain words. */
export const countLabels: Record<OutcomeCountName, string> = {
  episodes: "Episodes",
  paired: "Paired scores",
  notPaired: "Not paired",
  noLastScore: "No last score",
  missingMeasure: "A measure missing",
  caseAtStart: "Case at start",
  notCaseAtStart: "Not a case at start",
  recovery: "Recovered",
  reliableImprovement: "Reliable improvement",
  reliableDeterioration: "Reliable deterioration",
  noReliableChange: "No reliable change",
  reliableRecovery: "Reliable recovery",
  notReliablyRecovered: "Not reliably recovered",
};

/** Headings for each rate. */
export const rateLabels: Record<OutcomeRateName, string> = {
  recoveryRate: "Recovery",
  reliableRecoveryRate: "Reliable recovery",
  notReliablyRecoveredRate: "Not reliably recovered",
  reliableImprovementRate: "Reliable improvement",
  reliableDeteriorationRate: "Reliable deterioration",
  noReliableChangeRate: "No reliable change",
};

/** What a suppressed cell says, in tables and sentences. */
export const SUPPRESSED = "suppressed";

/**
 * A count for a table or a sentence: the number, `suppressed`, never a number that was hidden.
 *
 * @example
 * ```ts
 * formatCount({ count: 12, suppressed: false }); // "12"
 * formatCount({ count: null, suppressed: true }); // "suppressed"
 * ```
 */
export function formatCount(cell: OutcomeCell): string {
  return cell.suppressed || cell.count === null ? SUPPRESSED : String(cell.count);
}

/**
 * A rate as a percentage with one decimal: `suppressed`, or `–` when there was nothing to divide by.
 *
 * @example
 * ```ts
 * formatRate({ rate: 0.5333, suppressed: false }); // "53.3%"
 * ```
 */
export function formatRate(rate: OutcomeRate): string {
  if (rate.suppressed) return SUPPRESSED;
  return rate.rate === null ? "–" : `${(rate.rate * 100).toFixed(1)}%`;
}

/**
 * A group's name: `Everyone`, or its service and period.
 *
 * @example
 * ```ts
 * groupName({ ...group, service: "north", period: "2025-26" }); // "north, 2025-26"
 * ```
 */
export function groupName(group: Pick<OutcomeGroup, "service" | "period">): string {
  const parts = [group.service, group.period].filter((part): part is string => part !== null);
  return parts.length === 0 ? "Everyone" : parts.join(", ");
}

function counted(cell: OutcomeCell, noun: string): string {
  if (cell.suppressed || cell.count === null) return `a suppressed number of ${noun}s`;
  return `${cell.count} ${noun}${cell.count === 1 ? "" : "s"}`;
}

function count(cell: OutcomeCell): string {
  return cell.suppressed || cell.count === null ? "a suppressed number" : String(cell.count);
}

function ratePhrase(rate: OutcomeRate): string {
  if (rate.suppressed) return "rate suppressed";
  return rate.rate === null ? "no rate: nothing to divide by" : formatRate(rate);
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/**
 * The summary sentences for one group, each built from the group's own cells: no number in
 * them comes from anywhere else, and a suppressed figure is named as suppressed.
 *
 * @example
 * ```ts
 * outcomeSentences(summary.overall)[0]; // "Everyone: 40 episodes, of which 37 had paired first and last scores."
 * ```
 */
export function outcomeSentences(group: OutcomeGroup): string[] {
  const { counts, rates } = group;
  return [
    `${groupName(group)}: ${counted(counts.episodes, "episode")}, of which ${count(counts.paired)} had paired first and last scores.`,
    `${capitalise(counted(counts.notPaired, "episode"))} could not be judged: ${count(counts.noLastScore)} had no last score and ${count(counts.missingMeasure)} had a measure missing.`,
    `${capitalise(counted(counts.caseAtStart, "episode"))} started above the clinical cut-off: ${count(counts.recovery)} recovered (${ratePhrase(rates.recoveryRate)}) and ${count(counts.reliableRecovery)} reliably recovered (${ratePhrase(rates.reliableRecoveryRate)}).`,
    `Of the episodes with paired scores, ${count(counts.reliableImprovement)} improved reliably (${ratePhrase(rates.reliableImprovementRate)}), ${count(counts.reliableDeterioration)} deteriorated reliably (${ratePhrase(rates.reliableDeteriorationRate)}) and ${count(counts.noReliableChange)} showed no reliable change (${ratePhrase(rates.noReliableChangeRate)}).`,
  ];
}

/**
 * The sentences about the input and the rules: how many responses were counted and left out,
 * and the suppression threshold.
 *
 * @example
 * ```ts
 * inputSentences(summary, 0)[0]; // "Counted 2000 valid responses: 12 could not be scored under their missing-data rule and 0 were for instruments these rules do not use. 0 responses were not valid and were left out."
 * ```
 */
export function inputSentences(summary: OutcomeSummary, invalid: number): string[] {
  const { input } = summary;
  return [
    `Counted ${counted(input.responses, "valid response")}: ${count(input.notScored)} could not be scored under their missing-data rule and ${count(input.ignored)} ${input.ignored.count === 1 ? "was" : "were"} for instruments these rules do not use. ${capitalise(counted({ count: invalid, suppressed: false }, "response"))} ${invalid === 1 ? "was" : "were"} not valid and left out.`,
    summary.roundTo === null
      ? `Counts from 1 to ${summary.minimumCount - 1} are suppressed, and so is any other count that would let a suppressed one be worked out by subtraction; a rate is suppressed when its count or its total is.`
      : `Counts from 1 to ${summary.minimumCount - 1} are suppressed and every other count is rounded to the nearest multiple of ${summary.roundTo}; rates are worked from the rounded counts, and a rate is suppressed when its count or its total is.`,
  ];
}

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`;

/**
 * Add a Content-Security-Policy that allows no script and no remote loads to a page made by
 * `htmlPage` (right after its charset), unless it already has one.
 *
 * @example
 * ```ts
 * withContentSecurityPolicy('<head>\n<meta charset="utf-8">'); // adds the policy after the charset
 * ```
 */
export function withContentSecurityPolicy(html: string): string {
  if (html.includes('http-equiv="Content-Security-Policy"')) return html;
  return html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${CSP}`);
}

function countCell(cell: OutcomeCell): Cell {
  return cell.suppressed || cell.count === null ? SUPPRESSED : cell.count;
}

/**
 * A self-contained HTML report of episode outcomes: summary sentences, a bar chart of the rates
 * by group with its table, the counts table, and the rules with their sources. Suppressed cells
 * say so; nothing is loaded from anywhere and no script runs.
 *
 * @example
 * ```ts
 * const html = renderOutcomesReport({ summary, rules: nhsTalkingTherapiesRules, invalid: 0, generatedAt: "2026-04-28T10:00:00Z" });
 * ```
 */
export function renderOutcomesReport(input: OutcomesReportInput): string {
  const { summary, rules } = input;
  const rows = [summary.overall, ...summary.groups];
  const rateNames = Object.keys(rateLabels) as OutcomeRateName[];
  const chart = barChart({
    id: "outcome-rates",
    title: "Outcome rates by group (%)",
    description: `Horizontal bar chart of ${rateNames.length} outcome rates as percentages for ${rows.length} group${rows.length === 1 ? "" : "s"}: ${rows.map(groupName).join(", ")}. Suppressed rates have no bar.`,
    categories: rateNames.map((name) => rateLabels[name]),
    series: rows.map((group) => ({ name: groupName(group), values: rateNames.map((name) => (group.rates[name].rate === null ? null : Math.round(group.rates[name].rate * 1000) / 10)) })),
  });
  // The shared chart labels an empty bar "no ratings"; here an empty bar is a suppressed rate or one with nothing to divide by.
  const labelledChart = chart.replaceAll(">no ratings<", ">suppressed or none<");
  const rateTable = dataTable(
    "Outcome rates by group",
    ["Group", ...rateNames.map((name) => rateLabels[name])],
    rows.map((group) => [groupName(group), ...rateNames.map((name) => formatRate(group.rates[name]))]),
  );
  const countTable = dataTable(
    "Episode counts by group",
    ["Group", ...outcomeCountNames.map((name) => countLabels[name])],
    rows.map((group) => [groupName(group), ...outcomeCountNames.map((name) => countCell(group.counts[name]))]),
  );
  const measures = rules.measures.map((measure) => {
    const worse = measure.direction === "lower-is-better" ? "at or above" : "at or below";
    const source = measure.source === undefined ? "" : ` Source: ${measure.source.citation} (${measure.source.year}).`;
    return `${measure.label ?? measure.instrumentId}: a case when ${worse} ${measure.caseness}; a reliable change is ${measure.reliableChange} points or more.${source}`;
  });
  const suppressedCells = rows.reduce((total, group) => total + outcomeCountNames.filter((name) => group.counts[name].suppressed).length, 0);
  const body = [
    `<section>\n<h2>Summary</h2>\n${list(outcomeSentences(summary.overall))}\n${inputSentences(summary, input.invalid).map(paragraph).join("\n")}\n${
      suppressedCells === 0 ? "" : `<p class="note">${escapeHtml(`${suppressedCells} count${suppressedCells === 1 ? " is" : "s are"} suppressed in the tables below to protect small numbers; they read "${SUPPRESSED}".`)}</p>`
    }\n</section>`,
    chartSection("Rates by group", "Recovery and reliable recovery are out of the episodes that started above the cut-off; the other rates are out of all episodes with paired scores.", labelledChart, rateTable),
    `<section>\n<h2>Counts</h2>\n${summary.groups.length === 0 ? "" : list(summary.groups.flatMap((group) => outcomeSentences(group).slice(0, 1)))}\n<div class="table">${countTable}</div>\n</section>`,
    `<section>\n<h2>How outcomes are judged</h2>\n${list(measures)}\n${paragraph(rules.source === undefined ? "" : `${rules.source.note ?? ""} Source: ${rules.source.citation} (${rules.source.year}).`.trim())}\n</section>`,
  ].join("\n");
  return withContentSecurityPolicy(
    htmlPage(`Outcomes: ${rules.title}`, `${groupName(summary.overall)} and ${summary.groups.length} group${summary.groups.length === 1 ? "" : "s"} · periods by ${summary.period}`, body, `Made by the selfmanage command on ${input.generatedAt}. Scores come from each episode's first and last scored responses.`),
  );
}
