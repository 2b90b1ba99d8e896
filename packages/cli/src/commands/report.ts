import type { Result } from "@selfmanage/core";
import { recoveryIndicatorSet } from "@selfmanage/recovery";
import { PeriodLength, reflectivePracticeTaxonomy, summarisePractice, validatePracticeRecords, validateReflection, validateSession } from "@selfmanage/practice";
import { numberOption, stringOption, type Command, type OptionValues } from "../command";
import { loadDefinition } from "../definitions";
import { checkOutputFile, colourer, UsageError, writeLine, writeOutputFile, type CliIo, type WriteOutputOptions } from "../io";
import { frameworkSource, indicatorSetSource, taxonomySource } from "../kinds";
import { readRecords, type InputRecord } from "../records";
import { formatReportedIssue, locateIssues, type ReportedIssue } from "../reported-issue";
import { coproductionReportFrom, goalsReportFrom, indicatorReportFrom, type ReportBuild } from "../reports/build";
import { formatCount, renderOutcomesReport } from "../reports/outcomes";
import { countSuppressed, renderPracticeReport } from "../reports/practice";
import { didYouMean } from "../suggest";
import { outcomeDefinitionFiles, outcomeOptions, summariseOutcomeFiles } from "./outcomes";
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
  /** outcomes: the outcome options as given (`--episode-key`, `--measures`, `--period`, ...; see `selfmanage outcomes --help`). */
  readonly outcomes?: OptionValues;
  /** Shown in the footer; fixed in tests so reports are reproducible. */
  readonly generatedAt: string;
}

async function readAll(files: readonly string[], io: CliIo): Promise<InputRecord[]> {
  const records: InputRecord[] = [];
  for (const file of files) for await (const read of readRecords(file, io)) records.push(read);
  return records;
}

/**
 * Turn a pure report build into the CLI's answer: issues located in the files they came from,
 * and a record-count problem as a usage error (exit code 2).
 */
function located(records: readonly InputRecord[], made: ReportBuild): BuiltReport {
  if (made.ok) return made;
  if ("usage" in made) throw new UsageError(made.usage);
  const fallback = records[0]?.source ?? { file: "-" };
  return { ok: false, issues: made.issues.flatMap((found) => locateIssues(found.index === null ? fallback : (records[found.index]?.source ?? fallback), found.issues)) };
}

/** Records that could not be read (not JSON, for example) stop a report before it is built. */
function unreadable(records: readonly InputRecord[]): BuiltReport | undefined {
  const issues = records.flatMap((read) => (read.ok ? [] : locateIssues(read.source, read.issues)));
  return issues.length === 0 ? undefined : { ok: false, issues };
}

function valuesOf(records: readonly InputRecord[]): unknown[] {
  return records.map((read) => (read.ok ? read.value : undefined));
}

/** Validate every record read, keeping the values and the located issues of those that fail. */
function validateAll<T>(records: readonly InputRecord[], validate: (input: unknown) => Result<T>): { values: T[]; issues: ReportedIssue[] } {
  const values: T[] = [];
  const issues: ReportedIssue[] = [];
  for (const read of records) {
    const checked = read.ok ? validate(read.value) : read;
    if (checked.ok) values.push(checked.value);
    else for (const located of locateIssues(read.source, checked.issues)) issues.push(located);
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
  const stopped = unreadable(records);
  if (stopped !== undefined) return stopped;
  const framework = options.framework === undefined ? undefined : await loadDefinition(frameworkSource, options.framework, io);
  const made = coproductionReportFrom(valuesOf(records)[0], {
    generatedAt: options.generatedAt,
    ...(framework === undefined ? {} : { framework }),
    ...(options.minimumRespondents === undefined ? {} : { minimumRespondents: options.minimumRespondents }),
  });
  return located(records, made);
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
  if (records.length < 1 || records.length > 2) return located(records, indicatorReportFrom(valuesOf(records), { set, generatedAt: options.generatedAt }));
  return unreadable(records) ?? located(records, indicatorReportFrom(valuesOf(records), { set, generatedAt: options.generatedAt }));
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
  return unreadable(records) ?? located(records, goalsReportFrom(valuesOf(records), { generatedAt: options.generatedAt, ...(options.today === undefined ? {} : { today: options.today }) }));
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

/**
 * Build the outcomes report of paired first and last scores, from one or two response files,
 * as `selfmanage outcomes --out` writes it. Every response is validated first; any that is not
 * valid is reported and stops the report, so every figure stands for all the records given.
 *
 * @example
 * ```ts
 * const built = await buildOutcomesReport(["responses.ndjson"], { generatedAt: "2026-04-28T10:00:00Z", outcomes: { "episode-key": "referral" } }, processIo());
 * ```
 */
export async function buildOutcomesReport(files: readonly string[], options: ReportOptions, io: CliIo): Promise<BuiltReport> {
  const { summary, rules, invalid } = await summariseOutcomeFiles(files, options.outcomes ?? {}, io);
  // The records left out were reported on stderr as they were read.
  if (invalid > 0) return { ok: false, issues: [] };
  const episodes = summary.overall.counts.episodes;
  const paired = summary.overall.counts.paired;
  return {
    ok: true,
    html: renderOutcomesReport({ summary, rules, invalid, generatedAt: options.generatedAt }),
    summary: `outcomes: ${formatCount(episodes)} episode${episodes.count === 1 ? "" : "s"}, ${formatCount(paired)} with paired scores, ${summary.groups.length} group${summary.groups.length === 1 ? "" : "s"}`,
  };
}

/** The report kinds and their builders, as data. */
export const reportKinds: Readonly<Record<string, (files: readonly string[], options: ReportOptions, io: CliIo) => Promise<BuiltReport>>> = {
  coproduction: buildCoproductionReport,
  indicators: buildIndicatorReport,
  goals: buildGoalsReport,
  practice: buildPracticeReport,
  outcomes: buildOutcomesReport,
};

/**
 * Write a report file safely (see {@link writeOutputFile}): never over an input, a link or,
 * without `force`, an existing file. Returns the absolute path written.
 *
 * @example
 * ```ts
 * await writeReport("reports/goals.html", "<!DOCTYPE html>...", { cwd: process.cwd(), inputs: ["goals.json"] });
 * ```
 */
export async function writeReport(path: string, html: string, options: WriteOutputOptions): Promise<string> {
  return writeOutputFile(path, html, options);
}

/**
 * The builder of a report kind, or a usage error naming the kinds (and the closest one).
 *
 * @example
 * ```ts
 * findReportKind("goals"); // buildGoalsReport
 * ```
 */
export function findReportKind(kind: string): (typeof reportKinds)[string] {
  const build = Object.hasOwn(reportKinds, kind) ? reportKinds[kind] : undefined;
  if (build !== undefined) return build;
  const names = Object.keys(reportKinds);
  throw new UsageError(`Unknown report kind "${kind}".${didYouMean(kind, names)} Kinds: ${names.join(", ")}.`);
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

/** The definition files named by options, which are inputs too. */
function definitionFiles(values: OptionValues): string[] {
  return [...["framework", "indicator-set", "taxonomy"].flatMap((name) => stringOption(values, name) ?? []), ...outcomeDefinitionFiles(values)];
}

async function run([kind, ...files]: string[], values: OptionValues, io: CliIo): Promise<number> {
  const build = findReportKind(kind as string);
  await checkFilesExist(files, io);
  const target = stringOption(values, "out") ?? `${kind}-report.html`;
  const writing: WriteOutputOptions = { cwd: io.cwd, inputs: [...files, ...definitionFiles(values)], force: values.force === true, option: "--out" };
  await checkOutputFile(target, writing);
  // outcomes reads its own options (its --period is a kind of period, not a length).
  if (kind === "outcomes") outcomeOptions(values);
  const options = kind === "outcomes" ? { ...reportOptions({ ...values, period: undefined }), outcomes: values } : reportOptions(values);
  const built = await build(files, options, io);
  if (!built.ok) {
    const paint = colourer(io.stderr, io.env);
    for (const found of built.issues) await writeLine(io.stderr, formatReportedIssue(found, paint));
    await writeLine(io.stderr, "No report was written: fix the issues above first.");
    return 1;
  }
  const out = await writeReport(target, built.html, writing);
  if (values.quiet !== true) await writeLine(io.stdout, `Wrote ${out} (${built.summary}).`);
  return 0;
}

/** `selfmanage report <kind> <file...> --out <file.html>` */
export const reportCommand: Command = {
  name: "report",
  summary: "Write a self-contained, accessible HTML report with charts and data tables.",
  usage: ["report coproduction <assessment> [--framework <file|id>] --out <file.html>", "report indicators <cycle> [<later cycle>] [--indicator-set <file>] --out <file.html>", "report goals <goals> [--today YYYY-MM-DD] --out <file.html>", "report practice <sessions> <reflections> [--taxonomy <file|id>] [--period quarter] --out <file.html>", "report outcomes <responses> [<more responses>] --episode-key <field> [--measures phq-9,gad-7] [--service-key <field>] [--period quarter] --out <file.html>"],
  help: `Reports are single HTML files: inline CSS and SVG, no scripts, no external resources,
and a Content-Security-Policy that keeps it so. They read on a phone as on a desk, and print
with each chart beside its table. Every chart has a title and description for screen readers
and its data table beside it.
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
  outcomes      Episode outcomes from paired first and last scores (recovery, reliable
                improvement, deterioration ...) by service and period, as "selfmanage
                outcomes --out" writes it; takes the outcomes command's options
                (--episode-key, --measures, --rules, --service-key, --period,
                --minimum-count, --round-to, --sorted).

Options:
  --out <file.html>             Where to write (default: <kind>-report.html). An existing
                                file is not replaced, nor any input, nor a symbolic link.
  --force                       Replace an existing file (a link is replaced, not followed).
  --framework <file|id>         coproduction: the framework (default: the built-in one named).
  --minimum-respondents <n>     coproduction: smallest perspective reported (default 5);
                                practice: fewest reflections a count may stand for (default 5).
  --indicator-set <file>        indicators: the indicator set (default: built-in).
  --today <YYYY-MM-DD>          goals: the day to summarise on (default: today).
  --taxonomy <file|id>          practice: the taxonomy (default: built-in).
  --period <length>             practice: month, quarter (default), half-year or year;
                                outcomes: none (default), month, quarter, year or
                                financial-year.
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
    "episode-key": { type: "string" },
    "service-key": { type: "string" },
    measures: { type: "string", multiple: true },
    rules: { type: "string" },
    "minimum-count": { type: "string" },
    "round-to": { type: "string" },
    sorted: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    force: { type: "boolean" },
  },
  positionals: [2, 3],
  run,
};
