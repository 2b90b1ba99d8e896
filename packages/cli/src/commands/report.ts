import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Result } from "@selfmanage/core";
import { scoreAssessment, validateAssessment, type AssessmentScore } from "@selfmanage/coproduction";
import { summariseGoalProgress, summarisePersonGoals, validateGoal, type Goal } from "@selfmanage/goals";
import { buildActionPlan, compareIndicatorCycles, recoveryIndicatorSet, summariseIndicatorAssessment, validateIndicatorAssessment } from "@selfmanage/recovery";
import { PeriodLength, reflectivePracticeTaxonomy, summarisePractice, validatePracticeRecords, validateReflection, validateSession } from "@selfmanage/practice";
import { numberOption, stringOption, type Command, type OptionValues } from "../command";
import { loadDefinition } from "../definitions";
import { colourer, UsageError, writeLine, type CliIo } from "../io";
import { builtInFrameworkNamedIn, frameworkSource, indicatorSetSource, taxonomySource, unknownFrameworkIssue } from "../kinds";
import { readRecords, type InputRecord } from "../records";
import { formatReportedIssue, locateIssues, type ReportedIssue } from "../reported-issue";
import { renderCoproductionReport } from "../reports/coproduction";
import { renderGoalsReport } from "../reports/goals";
import { renderIndicatorReport, type IndicatorCycle } from "../reports/indicators";
import { countSuppressed, renderPracticeReport } from "../reports/practice";
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
  /** practice: the taxonomy (built-in id or file). */
  readonly taxonomy?: string;
  /** practice: how long each period compared is. */
  readonly period?: PeriodLength;
  /** practice: the month periods start from (1-12). */
  readonly firstMonth?: number;
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
  const overall = score.overall.score === null ? "not scored" : score.overall.score.toFixed(1);
  const suppressed = score.perspectives.filter((perspective) => perspective.suppressed && perspective.respondents > 0).length;
  return { ok: true, html, summary: `co-production overall ${overall}/100, ladder ${score.ladder.level ?? "none"}, ${suppressed} perspective${suppressed === 1 ? "" : "s"} suppressed` };
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

/**
 * Build the reflective practice learning report from two files: the sessions, then the
 * reflections. Each record is checked on its own, then all of them together (sessions named,
 * ids unique, counts and dates consistent); any issue stops the report.
 *
 * @example
 * ```ts
 * const built = await buildPracticeReport(["sessions.json", "reflections.ndjson"], { generatedAt: "2026-04-28T10:00:00Z", period: "quarter" }, processIo());
 * ```
 */
export async function buildPracticeReport(files: readonly string[], options: ReportOptions, io: CliIo): Promise<BuiltReport> {
  if (files.length !== 2) throw new UsageError("report practice expects two files: the sessions, then the reflections.");
  const taxonomy = await loadDefinition(taxonomySource, options.taxonomy ?? reflectivePracticeTaxonomy.id, io);
  const sessionRecords = await readAll([files[0] as string], io);
  const reflectionRecords = await readAll([files[1] as string], io);
  const sessions = validateAll(sessionRecords, validateSession);
  const reflections = validateAll(reflectionRecords, (input) => validateReflection(input, taxonomy));
  if (sessions.issues.length + reflections.issues.length > 0) return { ok: false, issues: [...sessions.issues, ...reflections.issues] };
  const checked = validatePracticeRecords({ sessions: sessions.values, reflections: reflections.values }, taxonomy);
  if (!checked.ok) {
    // Every record was read and valid on its own, so the n-th value is the n-th record of its file.
    const issues = checked.issues.flatMap((found) => {
      const [list, index] = found.path;
      const read = (list === "sessions" ? sessionRecords : reflectionRecords)[index as number] as InputRecord;
      return locateIssues(read.source, [{ ...found, path: found.path.slice(2) }]);
    });
    return { ok: false, issues };
  }
  const summary = summarisePractice(checked.value, taxonomy, {
    ...(options.minimumRespondents === undefined ? {} : { minimumRespondents: options.minimumRespondents }),
    ...(options.period === undefined ? {} : { period: options.period }),
    ...(options.firstMonth === undefined ? {} : { firstMonth: options.firstMonth }),
  });
  const html = renderPracticeReport({ summary, taxonomy, sessions: checked.value.sessions, generatedAt: options.generatedAt });
  const hidden = countSuppressed(summary);
  return {
    ok: true,
    html,
    summary: `practice: ${summary.sessions.sessions} session${summary.sessions.sessions === 1 ? "" : "s"}, ${summary.reflections} reflection${summary.reflections === 1 ? "" : "s"}, ${hidden} count${hidden === 1 ? "" : "s"} not shown to protect small numbers`,
  };
}

/** The report kinds and their builders, as data. */
export const reportKinds: Readonly<Record<string, (files: readonly string[], options: ReportOptions, io: CliIo) => Promise<BuiltReport>>> = {
  coproduction: buildCoproductionReport,
  indicators: buildIndicatorReport,
  goals: buildGoalsReport,
  practice: buildPracticeReport,
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
  const taxonomy = stringOption(values, "taxonomy");
  const period = stringOption(values, "period");
  const firstMonth = numberOption(values, "first-month", { min: 1, max: 12, integer: true });
  if (period !== undefined && !PeriodLength.safeParse(period).success) throw new UsageError(`--period must be one of: ${PeriodLength.options.join(", ")}.`);
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError("--today must be a date in the form YYYY-MM-DD.");
  return {
    generatedAt: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    ...(framework === undefined ? {} : { framework }),
    ...(indicatorSet === undefined ? {} : { indicatorSet }),
    ...(today === undefined ? {} : { today }),
    ...(minimumRespondents === undefined ? {} : { minimumRespondents }),
    ...(taxonomy === undefined ? {} : { taxonomy }),
    ...(period === undefined ? {} : { period: period as PeriodLength }),
    ...(firstMonth === undefined ? {} : { firstMonth }),
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
  usage: ["report coproduction <assessment> [--framework <file|id>] --out <file.html>", "report indicators <cycle> [<later cycle>] [--indicator-set <file>] --out <file.html>", "report goals <goals> [--today YYYY-MM-DD] --out <file.html>", "report practice <sessions> <reflections> [--taxonomy <file|id>] [--period quarter] --out <file.html>"],
  help: `Reports are single HTML files: inline CSS and SVG, no scripts, no external resources.
Every chart has a title and description for screen readers and its data table beside it.
Inputs are validated first; if any record has issues they are printed and no report is
written (exit code 1).

Kinds:
  coproduction  Radar chart by principle, one polygon per perspective (suppressed
                perspectives are left out and the report says so), gaps, tokenism, ladder.
  indicators    Bars by indicator and by evidence source; two cycles side by side.
  goals         A goal-progress timeline, check-ins due and next steps.
  practice      The learning report of a run of reflective practice sessions: pillars,
                techniques, challenges and solutions, change between periods, plans
                followed through; small counts are withheld, free text never shown.

Options:
  --out <file.html>             Where to write (default: <kind>-report.html).
  --framework <file|id>         coproduction: the framework (default: the built-in one named).
  --minimum-respondents <n>     coproduction: smallest perspective reported (default 5);
                                practice: fewest reflections a count may stand for (default 5).
  --indicator-set <file>        indicators: the indicator set (default: built-in).
  --today <YYYY-MM-DD>          goals: the day to summarise on (default: today).
  --taxonomy <file|id>          practice: the taxonomy (default: built-in).
  --period <length>             practice: month, quarter (default), half-year or year.
  --first-month <1-12>          practice: the month periods start from (4: financial year).
  --quiet                       Do not print where the report was written.

Example:
  selfmanage report coproduction assessment.json --out reports/coproduction.html`,
  options: {
    out: { type: "string", short: "o" },
    framework: { type: "string" },
    "minimum-respondents": { type: "string" },
    "indicator-set": { type: "string" },
    today: { type: "string" },
    taxonomy: { type: "string" },
    period: { type: "string" },
    "first-month": { type: "string" },
    quiet: { type: "boolean", short: "q" },
  },
  positionals: [2, 3],
  run,
};
