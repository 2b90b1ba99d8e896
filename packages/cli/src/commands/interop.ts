import { exportOpenReferralUk, exportOpenReferralUkPage, importAlissServices, importOpenReferralUkStream, type Directory, type FeedSummary, type ImportNotice, type ImportProblem } from "@selfmanage/signposting";
import { prefixIssues } from "@selfmanage/core";
import { numberOption, stringOption, type Command, type OptionValues } from "../command";
import { checkOutputFile, colourer, toJson, UsageError, writeLine, writeOutputFile, type CliIo, type WriteOutputOptions } from "../io";
import { openInput, readDocument } from "../records";
import { formatReportedIssue, locateIssues } from "../reported-issue";
import { didYouMean } from "../suggest";
import { loadDirectory } from "./search";

/** What an import gave, whichever format it read. */
interface Imported {
  directory: Directory;
  problems: ImportProblem[];
  notices: ImportNotice[];
  feed: FeedSummary;
}

/** ORUK feeds are read as a stream: the text is never held whole, and records are parsed one at a time. */
async function importOruk(file: string, io: CliIo, values: OptionValues): Promise<Imported> {
  const directory: Directory = { organisations: [], locations: [], services: [] };
  const problems: ImportProblem[] = [];
  const summary = await importOpenReferralUkStream(await openInput(file, io), {
    keepSource: values["model-only"] !== true,
    onBatch: (batch) => {
      for (const service of batch.services) directory.services.push(service);
      for (const organisation of batch.organisations) directory.organisations.push(organisation);
      for (const location of batch.locations) directory.locations.push(location);
      for (const problem of batch.problems) problems.push(problem);
    },
  });
  return { directory, problems, notices: summary.notices, feed: summary.feed };
}

async function importAliss(file: string, io: CliIo): Promise<Imported | { syntax: Awaited<ReturnType<typeof readDocument>> }> {
  const read = await readDocument(file, io);
  if (!read.ok) return { syntax: read };
  return importAlissServices(read.value);
}

/** A feed that is not readable JSON as a whole: nothing is written. */
const WHOLE_FEED_UNREADABLE = new Set(["invalid_json", "invalid_utf8", "too_deep"]);
/** JSON that reads, but that a JSON reader would silently change: nothing is written either, as for every other file the CLI reads. */
const HIDDEN_BY_JSON_PARSE = new Set(["duplicate_key", "reserved_key", "number_out_of_range"]);

const importFormats = ["oruk", "aliss"] as const;

/** `kept (412 times, e.g. svc-1, svc-2): schedules[*].schedule_link: The model does not hold ...` */
function formatNotice(notice: ImportNotice): string {
  const where = notice.path.length === 0 ? "(feed)" : notice.path.map((segment, index) => (segment === "*" || typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join("");
  const examples = notice.records.length === 0 ? "" : `, e.g. ${notice.records.join(", ")}`;
  return `${where}: ${notice.message} (${notice.code}, ${notice.count} time${notice.count === 1 ? "" : "s"}${examples})`;
}

const exportFormats = ["oruk", "fhir"];

function writing(file: string, values: OptionValues, io: CliIo): WriteOutputOptions {
  return { cwd: io.cwd, inputs: [file], force: values.force === true, option: "--out" };
}

/** Check `--out` before any reading, so a bad output fails fast with exit code 2. */
async function checkOut(file: string, values: OptionValues, io: CliIo): Promise<void> {
  const out = stringOption(values, "out");
  if (out !== undefined) await checkOutputFile(out, writing(file, values, io));
}

async function emit(text: string, file: string, values: OptionValues, io: CliIo): Promise<void> {
  const out = stringOption(values, "out");
  if (out === undefined) await writeLine(io.stdout, text);
  else await writeOutputFile(out, `${text}\n`, writing(file, values, io));
}

async function runImport([format, file]: string[], values: OptionValues, io: CliIo): Promise<number> {
  // FHIR is converted by its own module, loaded only when asked for (like every command).
  if (format === "fhir") return (await import("./fhir")).runImportFhir([file as string], values, io);
  const formats = [...importFormats, "fhir"];
  if (!(importFormats as readonly string[]).includes(format as string)) throw new UsageError(`Unknown import format "${format}".${didYouMean(format as string, formats)} Formats: ${formats.join(", ")}.`);
  await checkOut(file as string, values, io);
  const paint = colourer(io.stderr, io.env);
  const result = format === "oruk" ? await importOruk(file as string, io, values) : await importAliss(file as string, io);
  if ("syntax" in result) {
    if (!result.syntax.ok) for (const located of locateIssues(result.syntax.source, result.syntax.issues)) await writeLine(io.stderr, formatReportedIssue(located, paint));
    return 1;
  }
  // A feed that is not readable JSON as a whole writes nothing: a directory of the records before the break would pass for the feed.
  const unreadable = result.problems.some((problem) => problem.issues.some((found) => (problem.path.length === 0 && WHOLE_FEED_UNREADABLE.has(found.code)) || HIDDEN_BY_JSON_PARSE.has(found.code)));
  if (!unreadable) await emit(toJson(result.directory, values.compact === true ? undefined : 2), file as string, values, io);
  for (const problem of result.problems) {
    const source = { file: file as string, ...(problem.line === undefined ? {} : { line: problem.line }) };
    for (const located of locateIssues(source, prefixIssues(problem.issues, problem.path))) await writeLine(io.stderr, formatReportedIssue(located, paint));
  }
  if (values.notices === true) for (const notice of result.notices) await writeLine(io.stderr, `${paint("cyan", file as string)}: ${formatNotice(notice)}`);
  if (values.quiet !== true) {
    const services = result.directory.services.length;
    const noted = result.notices.reduce((sum, notice) => sum + notice.count, 0);
    const notices = result.notices.length === 0 ? "" : ` ${noted} notice${noted === 1 ? "" : "s"} of ${result.notices.length} kind${result.notices.length === 1 ? "" : "s"}${values.notices === true ? "" : " (--notices lists them)"}.`;
    await writeLine(io.stderr, `Imported ${services} service${services === 1 ? "" : "s"}; ${result.problems.length} record${result.problems.length === 1 ? " was" : "s were"} not imported.${notices}`);
  }
  return result.problems.length === 0 ? 0 : 1;
}

async function runExport([format, file, extra]: string[], values: OptionValues, io: CliIo): Promise<number> {
  if (format === "fhir") return (await import("./fhir")).runExportFhir([file as string, extra as string], values, io);
  if (!exportFormats.includes(format as string)) throw new UsageError(`Unknown export format "${format}".${didYouMean(format as string, exportFormats)} Formats: ${exportFormats.join(", ")}.`);
  if (extra !== undefined) throw new UsageError("export oruk takes one directory file.");
  const page = numberOption(values, "page", { min: 1, integer: true });
  const perPage = numberOption(values, "per-page", { min: 1, integer: true });
  await checkOut(file as string, values, io);
  const directory = await loadDirectory(file as string, io);
  if (directory === undefined) return 1;
  const exported = page === undefined && perPage === undefined ? exportOpenReferralUk(directory) : exportOpenReferralUkPage(directory, { ...(page === undefined ? {} : { page }), ...(perPage === undefined ? {} : { perPage }) });
  await emit(toJson(exported, values.compact === true ? undefined : 2), file as string, values, io);
  return 0;
}

const sharedOptions = { out: { type: "string" }, compact: { type: "boolean" }, quiet: { type: "boolean", short: "q" }, force: { type: "boolean" } } as const;

/** `selfmanage import oruk|aliss <feed>` */
export const importCommand: Command = {
  name: "import",
  summary: "Convert an Open Referral UK 3.0 or ALISS v4 feed into a toolkit Directory.",
  usage: ["import oruk <feed> [--out <file>] [--compact] [--notices] [--model-only]", "import aliss <feed> [--out <file>] [--compact] [--notices]", "import fhir <bundle|resource|ndjson> [--out <file>] [--compact]"],
  help: `oruk accepts Open Referral UK 3.0 or HSDS 3.x: one service, service-at-location,
organisation or location, a list of them, an ORUK Page ({ contents, total_items, ... }) or an
ORUK v1 page ({ content, totalElements, ... }); v1 records are converted. The feed is read as a
stream, one record at a time, and the page envelope is checked.
aliss accepts ALISS API v4/v4.1 responses: a services page, one service, an organisation.
fhir accepts a FHIR R4 Bundle, one resource, or NDJSON, and writes the toolkit records it holds
({ goals, instruments, responses, directory, signpostingEvents }); elements the model has no
place for are counted as notes, never dropped silently.
The Directory JSON goes to stdout (or --out). What the model does not hold travels in each
record's extensions, so "export oruk" gives it back. Records that break the standard are
reported on stderr with their line and path, and the exit code is then 1. Nothing is dropped
silently: everything else the import did is counted in notices, by place and kind.

Options:
  --out <file>  Write the directory to this file instead of stdout. An existing file is
                not replaced, nor the feed, nor a symbolic link.
  --force       Replace an existing --out file (a link is replaced, not followed).
  --compact     One-line JSON.
  --notices     List the notices on stderr: place, what happened, how often, which records.
  --model-only  Do not keep what the model does not hold (the notices still say what).
  --quiet       Do not print the summary line on stderr.

Example:
  selfmanage import oruk services-page.json --out directory.json --notices`,
  options: { ...sharedOptions, notices: { type: "boolean" }, "model-only": { type: "boolean" } },
  positionals: [2, 2],
  run: runImport,
};

/** `selfmanage export oruk <directory>` */
export const exportCommand: Command = {
  name: "export",
  summary: "Convert a toolkit Directory into Open Referral UK 3.0 services.",
  usage: [
    "export oruk <directory> [--out <file>] [--compact] [--page <n>] [--per-page <n>]",
    "export fhir <kind> <file> [--bundle collection|transaction] [--format ndjson] [--instrument <file|id>] [--scores] [--out <file>]",
  ],
  help: `The directory is validated first; a directory with issues is reported on stderr and not
exported (exit code 1). The output is a JSON array of Open Referral UK 3.0 service objects,
or, with --page or --per-page, one ORUK Page ({ total_items, total_pages, ..., contents }).
Services imported from ORUK come back with every value they had, ids included.
fhir writes goal, directory, instrument, instrument-response (with --instrument; --scores adds
score Observations) or signposting-event records as a FHIR R4 Bundle (--bundle collection, the
default, or transaction) or as NDJSON, one resource per line (--format ndjson).

Options:
  --out <file>      Write to this file instead of stdout. An existing file is not
                    replaced, nor the directory, nor a symbolic link.
  --force           Replace an existing --out file (a link is replaced, not followed).
  --compact         One-line JSON.
  --page <n>        Write page n (from 1) as an ORUK Page.
  --per-page <n>    Services a page (default: all on one page).

Example:
  selfmanage export oruk directory.json --per-page 100 --page 1 --out page-1.json`,
  options: { ...sharedOptions, page: { type: "string" }, "per-page": { type: "string" }, bundle: { type: "string" }, format: { type: "string" }, instrument: { type: "string" }, scores: { type: "boolean" } },
  positionals: [2, 3],
  run: runExport,
};
