import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { recoveryIndicatorSet } from "@selfmanage/recovery";
import { numberOption, stringOption, type Command, type OptionValues } from "../command";
import { loadDefinition } from "../definitions";
import { colourer, UsageError, writeLine, type CliIo } from "../io";
import { frameworkSource, indicatorSetSource } from "../kinds";
import { readRecords, type InputRecord } from "../records";
import { formatReportedIssue, locateIssues, type ReportedIssue } from "../reported-issue";
import { coproductionReportFrom, goalsReportFrom, indicatorReportFrom, type ReportBuild } from "../reports/build";
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
