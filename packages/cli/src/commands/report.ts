import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Result } from "@selfmanage/core";
import { scoreAssessment, validateAssessment, type AssessmentScore } from "@selfmanage/coproduction";
import { summariseGoalProgress, summarisePersonGoals, validateGoal, type Goal } from "@selfmanage/goals";
import { buildActionPlan, compareIndicatorCycles, recoveryIndicatorSet, summariseIndicatorAssessment, validateIndicatorAssessment } from "@selfmanage/recovery";
import { numberOption, stringOption, type Command, type OptionValues } from "../command";
import { loadDefinition } from "../definitions";
import { colourer, UsageError, writeLine, type CliIo } from "../io";
import { builtInFrameworkNamedIn, frameworkSource, indicatorSetSource, unknownFrameworkIssue } from "../kinds";
import { readRecords, type InputRecord } from "../records";
import { formatReportedIssue, locateIssues, type ReportedIssue } from "../reported-issue";
import { renderCoproductionReport } from "../reports/coproduction";
import { coproductionSummary } from "../reports/coproduction-content";
import { renderGoalsReport } from "../reports/goals";
import { renderIndicatorReport, type IndicatorCycle } from "../reports/indicators";
import { checkFilesExist } from "./validate";

/**
 * A report built from files: the HTML and a one-line summary, or the issues that stopped it.
 *
 * @example
 * ```ts
 * const built: BuiltReport = { ok: true, html: "<!DOCTYPE html>...", summary: "goals: 3 (2 open)" };
 * ```
 */
export type BuiltReport = { ok: true; html: string; summary: string } | { ok: false; issues: ReportedIssue[] };

/**
 * Options shared by the report builders.
 *
 * @example
 * ```ts
 * const options: ReportOptions = { generatedAt: "2026-04-28T10:00:00Z", today: "2026-04-28" };
 * ```
 */
export interface ReportOptions {
  readonly framework?: string;
  readonly indicatorSet?: string;
  readonly minimumRespondents?: number;
  /** The day goal summaries are made for (YYYY-MM-DD). */
  readonly today?: string;
  /** Shown in the footer; fixed in tests so reports are reproducible. */
  readonly generatedAt: string;
}

async function readAll(files: readonly string[], io: CliIo): Promise<InputRecord[]> {
  const records: InputRecord[] = [];
  for (const file of files) for await (const read of readRecords(file, io)) records.push(read);
  return records;
}

function validateAll<T>(records: readonly InputRecord[], validate: (input: unknown) => Result<T>): { values: T[]; issues: ReportedIssue[] } {
  const values: T[] = [];
  const issues: ReportedIssue[] = [];
  for (const read of records) {
    const checked = read.ok ? validate(read.value) : read;
    if (checked.ok) values.push(checked.value);
    else issues.push(...locateIssues(read.source, checked.issues));
  }
  return { values, issues };
}

/**
 * Build the co-production report from one assessment file.
 *
 * @example
 * ```ts
 * const built = await buildCoproductionReport(["assessment.json"], { generatedAt: "2026-04-28T10:00:00Z" }, processIo());
 * ```
 */
export async function buildCoproductionReport(files: readonly string[], options: ReportOptions, io: CliIo): Promise<BuiltReport> {
  const records = await readAll(files, io);
  if (records.length !== 1) throw new UsageError("report coproduction expects exactly one assessment.");
  const read = records[0] as InputRecord;
  if (!read.ok) return { ok: false, issues: locateIssues(read.source, read.issues) };
  const framework = options.framework === undefined ? builtInFrameworkNamedIn(read.value) : await loadDefinition(frameworkSource, options.framework, io);
  if (framework === undefined) return { ok: false, issues: locateIssues(read.source, [unknownFrameworkIssue]) };
  const checked = validateAssessment(read.value, framework);
  if (!checked.ok) return { ok: false, issues: locateIssues(read.source, checked.issues) };
  const assessment = checked.value;
  const score: AssessmentScore = scoreAssessment(assessment, framework, options.minimumRespondents === undefined ? {} : { minimumRespondents: options.minimumRespondents });
  const html = renderCoproductionReport({ assessment, framework, score, generatedAt: options.generatedAt });
  return { ok: true, html, summary: coproductionSummary(score) };
}

/**
 * Build the indicator report from one or two assessment cycles (oldest first).
 *
 * @example
 * ```ts
 * const built = await buildIndicatorReport(["cycle-1.json", "cycle-2.json"], { generatedAt: "2026-04-28T10:00:00Z" }, processIo());
 * ```
 */
export async function buildIndicatorReport(files: readonly string[], options: ReportOptions, io: CliIo): Promise<BuiltReport> {
  const set = await loadDefinition(indicatorSetSource, options.indicatorSet ?? recoveryIndicatorSet.id, io);
  const records = await readAll(files, io);
  if (records.length < 1 || records.length > 2) throw new UsageError("report indicators expects one or two assessment cycles (two files, or one file with a list of two).");
  const { values, issues } = validateAll(records, (input) => validateIndicatorAssessment(input, set));
  if (issues.length > 0) return { ok: false, issues };
  const cycles: IndicatorCycle[] = values.map((assessment) => ({ assessment, summary: summariseIndicatorAssessment(assessment, set) }));
  const latest = cycles[cycles.length - 1] as IndicatorCycle;
  const first = cycles[0] as IndicatorCycle;
  const comparison = cycles.length === 2 ? compareIndicatorCycles(first.summary, latest.summary) : undefined;
  const actionPlan = buildActionPlan(latest.summary);
  const html = renderIndicatorReport({ set, cycles, actionPlan, ...(comparison === undefined ? {} : { comparison }), generatedAt: options.generatedAt });
  const mean = latest.summary.overall.mean;
  return { ok: true, html, summary: `indicators: ${cycles.length} cycle${cycles.length === 1 ? "" : "s"}, latest mean ${mean === null ? "–" : mean.toFixed(2)}, ${actionPlan.strengths.length} to build on, ${actionPlan.improvements.length} to improve` };
}

/**
 * Build the goals report from one person's goals.
 *
 * @example
 * ```ts
 * const built = await buildGoalsReport(["goals.json"], { generatedAt: "2026-04-28T10:00:00Z", today: "2026-04-28" }, processIo());
 * ```
 */
export async function buildGoalsReport(files: readonly string[], options: ReportOptions, io: CliIo): Promise<BuiltReport> {
  const records = await readAll(files, io);
  const { values: goals, issues } = validateAll<Goal>(records, validateGoal);
  if (issues.length > 0) return { ok: false, issues };
  if (goals.length === 0) throw new UsageError("report goals needs at least one goal.");
  const today = options.today ?? options.generatedAt.slice(0, 10);
  const timelines = goals.map((goal) => summariseGoalProgress(goal, { today }));
  const summary = summarisePersonGoals(goals, { today });
  const html = renderGoalsReport({ goals, timelines, summary, today, generatedAt: options.generatedAt });
  return { ok: true, html, summary: `goals: ${summary.total} (${summary.open} open), ${summary.notReviewedYet} not reviewed yet${summary.gas === undefined ? "" : `, GAS T-score ${summary.gas.tScore.toFixed(1)}`}` };
}

/** The report kinds and their builders, as data. */
export const reportKinds: Readonly<Record<string, (files: readonly string[], options: ReportOptions, io: CliIo) => Promise<BuiltReport>>> = {
  coproduction: buildCoproductionReport,
  indicators: buildIndicatorReport,
  goals: buildGoalsReport,
};

/**
 * Write a report file, creating its folder.
 *
 * @example
 * ```ts
 * await writeReport("reports/goals.html", "<!DOCTYPE html>...");
 * ```
 */
export async function writeReport(path: string, html: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, html, "utf8");
}

/**
 * Report options from the command line.
 *
 * @example
 * ```ts
 * reportOptions({ today: "2026-04-28" }, new Date("2026-04-28T10:00:00Z"));
 * // { generatedAt: "2026-04-28T10:00:00Z", today: "2026-04-28" }
 * ```
 */
export function reportOptions(values: OptionValues, now: Date = new Date()): ReportOptions {
  const framework = stringOption(values, "framework");
  const indicatorSet = stringOption(values, "indicator-set");
  const today = stringOption(values, "today");
  const minimumRespondents = numberOption(values, "minimum-respondents", { min: 1, max: 1000, integer: true });
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError("--today must be a date in the form YYYY-MM-DD.");
  return {
    generatedAt: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    ...(framework === undefined ? {} : { framework }),
    ...(indicatorSet === undefined ? {} : { indicatorSet }),
    ...(today === undefined ? {} : { today }),
    ...(minimumRespondents === undefined ? {} : { minimumRespondents }),
  };
}

async function run([kind, ...files]: string[], values: OptionValues, io: CliIo): Promise<number> {
  const build = reportKinds[kind as string];
  if (build === undefined) throw new UsageError(`Unknown report kind "${kind}". Kinds: ${Object.keys(reportKinds).join(", ")}.`);
  await checkFilesExist(files, io);
  const out = resolve(io.cwd, stringOption(values, "out") ?? `${kind}-report.html`);
  const built = await build(files, reportOptions(values), io);
  if (!built.ok) {
    const paint = colourer(io.stderr, io.env);
    for (const found of built.issues) await writeLine(io.stderr, formatReportedIssue(found, paint));
    await writeLine(io.stderr, "No report was written: fix the issues above first.");
    return 1;
  }
  await writeReport(out, built.html);
  if (values.quiet !== true) await writeLine(io.stdout, `Wrote ${out} (${built.summary}).`);
  return 0;
}

/** `selfmanage report <kind> <file...> --out <file.html>` */
export const reportCommand: Command = {
  name: "report",
  summary: "Write a self-contained, accessible HTML report with charts and data tables.",
  usage: ["report coproduction <assessment> [--framework <file|id>] --out <file.html>", "report indicators <cycle> [<later cycle>] [--indicator-set <file>] --out <file.html>", "report goals <goals> [--today YYYY-MM-DD] --out <file.html>"],
  help: `Reports are single HTML files: inline CSS and SVG, no scripts, no external resources.
Every chart has a title and description for screen readers and its data table beside it.
Inputs are validated first; if any record has issues they are printed and no report is
written (exit code 1).

Kinds:
  coproduction  Radar chart by principle, one polygon per perspective (suppressed
                perspectives are left out and the report says so), gaps, tokenism, ladder.
  indicators    Bars by indicator and by evidence source; two cycles side by side.
  goals         A goal-progress timeline, check-ins due and next steps.

Options:
  --out <file.html>             Where to write (default: <kind>-report.html).
  --framework <file|id>         coproduction: the framework (default: the built-in one named).
  --minimum-respondents <n>     coproduction: smallest perspective reported (default 5).
  --indicator-set <file>        indicators: the indicator set (default: built-in).
  --today <YYYY-MM-DD>          goals: the day to summarise on (default: today).
  --quiet                       Do not print where the report was written.

Example:
  selfmanage report coproduction assessment.json --out reports/coproduction.html`,
  options: {
    out: { type: "string", short: "o" },
    framework: { type: "string" },
    "minimum-respondents": { type: "string" },
    "indicator-set": { type: "string" },
    today: { type: "string" },
    quiet: { type: "boolean", short: "q" },
  },
  positionals: [2, 3],
  run,
};
