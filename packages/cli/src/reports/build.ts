import { issue, type ValidationIssue } from "@selfmanage/core";
import { builtInFrameworks, scoreAssessment, validateAssessment, type Framework } from "@selfmanage/coproduction";
import { summariseGoalProgress, summarisePersonGoals, validateGoal, type Goal } from "@selfmanage/goals";
import { buildActionPlan, compareIndicatorCycles, recoveryIndicatorSet, summariseIndicatorAssessment, validateIndicatorAssessment, type IndicatorAssessment, type IndicatorSet } from "@selfmanage/recovery";
import { plural } from "../html";
import { renderCoproductionReport } from "./coproduction";
import { coproductionSummary } from "./coproduction-content";
import { renderGoalsReport } from "./goals";
import { renderIndicatorReport, type IndicatorCycle } from "./indicators";

/**
 * The issues of one input record: `index` is its position among the values given, or `null`
 * when the issue is about the input as a whole.
 *
 * @example
 * ```ts
 * const found: RecordIssues = { index: 0, issues: [{ path: ["date"], code: "invalid_date", message: "Use a date in the form YYYY-MM-DD." }] };
 * ```
 */
export interface RecordIssues {
  readonly index: number | null;
  readonly issues: readonly ValidationIssue[];
}

/**
 * A report made from parsed records: the HTML and a one-line summary; or the issues of the
 * records that stopped it; or `usage`, when the input is the wrong shape for the report (such
 * as three indicator cycles), in a sentence to show as it is.
 *
 * @example
 * ```ts
 * const made: ReportBuild = { ok: true, html: "<!DOCTYPE html>...", summary: "goals: 3 (2 open)" };
 * ```
 */
export type ReportBuild = { readonly ok: true; readonly html: string; readonly summary: string } | { readonly ok: false; readonly issues: readonly RecordIssues[] } | { readonly ok: false; readonly usage: string };

/**
 * Options of {@link coproductionReportFrom}.
 *
 * @example
 * ```ts
 * const options: CoproductionReportOptions = { generatedAt: "2026-04-28T10:00:00Z", minimumRespondents: 5 };
 * ```
 */
export interface CoproductionReportOptions {
  /** The framework to check against; default: the built-in framework the assessment names. */
  readonly framework?: Framework;
  readonly minimumRespondents?: number;
  readonly generatedAt: string;
}

/** The issue for an assessment whose framework is neither given nor built in. */
const UNKNOWN_FRAMEWORK: ValidationIssue = issue(["framework"], "unknown_framework", "This assessment does not name a built-in framework. Pass the framework with --framework <file>.");

function namedFramework(value: unknown): Framework | undefined {
  const named = typeof value === "object" && value !== null ? (value as { framework?: unknown }).framework : undefined;
  return builtInFrameworks.find((framework) => framework.id === named);
}

/**
 * Validate one co-production assessment, score it and render its report. Pure: the CLI and the
 * browser workbench both call it with a parsed record.
 *
 * @example
 * ```ts
 * const made = coproductionReportFrom(JSON.parse(text), { generatedAt: "2026-04-28T10:00:00Z" });
 * if (made.ok) console.log(made.summary); // "co-production overall 63.1/100, ladder consultation, 1 perspective suppressed"
 * ```
 */
export function coproductionReportFrom(value: unknown, options: CoproductionReportOptions): ReportBuild {
  const framework = options.framework ?? namedFramework(value);
  if (framework === undefined) return { ok: false, issues: [{ index: 0, issues: [UNKNOWN_FRAMEWORK] }] };
  const checked = validateAssessment(value, framework);
  if (!checked.ok) return { ok: false, issues: [{ index: 0, issues: checked.issues }] };
  const score = scoreAssessment(checked.value, framework, options.minimumRespondents === undefined ? {} : { minimumRespondents: options.minimumRespondents });
  const html = renderCoproductionReport({ assessment: checked.value, framework, score, generatedAt: options.generatedAt });
  return { ok: true, html, summary: coproductionSummary(score) };
}

/**
 * Options of {@link indicatorReportFrom}.
 *
 * @example
 * ```ts
 * const options: IndicatorReportOptions = { generatedAt: "2026-04-28T10:00:00Z" };
 * ```
 */
export interface IndicatorReportOptions {
  /** Default: the built-in recovery indicator set. */
  readonly set?: IndicatorSet;
  readonly generatedAt: string;
}

/**
 * Validate one or two indicator assessment cycles (oldest first), summarise and compare them,
 * and render their report.
 *
 * @example
 * ```ts
 * const made = indicatorReportFrom(JSON.parse(text), { generatedAt: "2026-04-28T10:00:00Z" });
 * ```
 */
export function indicatorReportFrom(values: readonly unknown[], options: IndicatorReportOptions): ReportBuild {
  const set = options.set ?? recoveryIndicatorSet;
  if (values.length < 1 || values.length > 2) return { ok: false, usage: "report indicators expects one or two assessment cycles (two files, or one file with a list of two)." };
  const assessments: IndicatorAssessment[] = [];
  const issues: RecordIssues[] = [];
  values.forEach((value, index) => {
    const checked = validateIndicatorAssessment(value, set);
    if (checked.ok) assessments.push(checked.value);
    else issues.push({ index, issues: checked.issues });
  });
  if (issues.length > 0) return { ok: false, issues };
  const cycles: IndicatorCycle[] = assessments.map((assessment) => ({ assessment, summary: summariseIndicatorAssessment(assessment, set) }));
  const latest = cycles[cycles.length - 1] as IndicatorCycle;
  const first = cycles[0] as IndicatorCycle;
  const comparison = cycles.length === 2 ? compareIndicatorCycles(first.summary, latest.summary) : undefined;
  const actionPlan = buildActionPlan(latest.summary);
  const html = renderIndicatorReport({ set, cycles, actionPlan, ...(comparison === undefined ? {} : { comparison }), generatedAt: options.generatedAt });
  const mean = latest.summary.overall.mean;
  return { ok: true, html, summary: `indicators: ${plural(cycles.length, "cycle")}, latest mean ${mean === null ? "–" : mean.toFixed(2)}, ${actionPlan.strengths.length} to build on, ${actionPlan.improvements.length} to improve` };
}

/**
 * Options of {@link goalsReportFrom}.
 *
 * @example
 * ```ts
 * const options: GoalsReportOptions = { today: "2026-04-28", generatedAt: "2026-04-28T10:00:00Z" };
 * ```
 */
export interface GoalsReportOptions {
  /** The day the summary is made for (YYYY-MM-DD); default: the day of `generatedAt`. */
  readonly today?: string;
  readonly generatedAt: string;
}

/**
 * Validate one person's goals, summarise their progress and render the goals report.
 *
 * @example
 * ```ts
 * const made = goalsReportFrom(JSON.parse(text), { today: "2026-04-28", generatedAt: "2026-04-28T10:00:00Z" });
 * ```
 */
export function goalsReportFrom(values: readonly unknown[], options: GoalsReportOptions): ReportBuild {
  const goals: Goal[] = [];
  const issues: RecordIssues[] = [];
  values.forEach((value, index) => {
    const checked = validateGoal(value);
    if (checked.ok) goals.push(checked.value);
    else issues.push({ index, issues: checked.issues });
  });
  if (issues.length > 0) return { ok: false, issues };
  if (goals.length === 0) return { ok: false, usage: "report goals needs at least one goal." };
  const today = options.today ?? options.generatedAt.slice(0, 10);
  const timelines = goals.map((goal) => summariseGoalProgress(goal, { today }));
  const summary = summarisePersonGoals(goals, { today });
  const html = renderGoalsReport({ goals, timelines, summary, today, generatedAt: options.generatedAt });
  return { ok: true, html, summary: `goals: ${summary.total} (${summary.open} open), ${summary.notReviewedYet} not reviewed yet${summary.gas === undefined ? "" : `, GAS T-score ${summary.gas.tScore.toFixed(1)}`}` };
}
