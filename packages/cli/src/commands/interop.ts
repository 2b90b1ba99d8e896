import { exportOpenReferralUk, importAlissServices, importOpenReferralUk, type ImportReport } from "@selfmanage/signposting";
import { prefixIssues } from "@selfmanage/core";
import { stringOption, type Command, type OptionValues } from "../command";
import { checkOutputFile, colourer, toJson, UsageError, writeLine, writeOutputFile, type CliIo, type WriteOutputOptions } from "../io";
import { readDocument } from "../records";
import { formatReportedIssue, locateIssues } from "../reported-issue";
import { didYouMean } from "../suggest";
import { loadDirectory } from "./search";

const importers: ReadonlyMap<string, (feed: unknown) => ImportReport> = new Map([
  ["oruk", importOpenReferralUk],
  ["aliss", importAlissServices],
]);

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
  const importer = importers.get(format as string);
  const formats = [...importers.keys(), "fhir"];
  if (importer === undefined) throw new UsageError(`Unknown import format "${format}".${didYouMean(format as string, formats)} Formats: ${formats.join(", ")}.`);
  await checkOut(file as string, values, io);
  const read = await readDocument(file as string, io);
  const paint = colourer(io.stderr, io.env);
  if (!read.ok) {
    for (const located of locateIssues(read.source, read.issues)) await writeLine(io.stderr, formatReportedIssue(located, paint));
    return 1;
  }
  const report = importer(read.value);
  await emit(toJson(report.directory, values.compact === true ? undefined : 2), file as string, values, io);
  for (const problem of report.problems) {
    for (const located of locateIssues(read.source, prefixIssues(problem.issues, problem.path))) await writeLine(io.stderr, formatReportedIssue(located, paint));
  }
  const services = report.directory.services.length;
  if (values.quiet !== true) {
    const notices = report.notices.length === 0 ? "" : ` ${report.notices.length} note${report.notices.length === 1 ? "" : "s"} about fields the model does not keep.`;
    await writeLine(io.stderr, `Imported ${services} service${services === 1 ? "" : "s"}; ${report.problems.length} record${report.problems.length === 1 ? " was" : "s were"} not imported.${notices}`);
  }
  return report.problems.length === 0 ? 0 : 1;
}

async function runExport([format, file, extra]: string[], values: OptionValues, io: CliIo): Promise<number> {
  if (format === "fhir") return (await import("./fhir")).runExportFhir([file as string, extra as string], values, io);
  if (!exportFormats.includes(format as string)) throw new UsageError(`Unknown export format "${format}".${didYouMean(format as string, exportFormats)} Formats: ${exportFormats.join(", ")}.`);
  if (extra !== undefined) throw new UsageError("export oruk takes one directory file.");
  await checkOut(file as string, values, io);
  const directory = await loadDirectory(file as string, io);
  if (directory === undefined) return 1;
  await emit(toJson(exportOpenReferralUk(directory), values.compact === true ? undefined : 2), file as string, values, io);
  return 0;
}

const sharedOptions = { out: { type: "string" }, compact: { type: "boolean" }, quiet: { type: "boolean", short: "q" }, force: { type: "boolean" } } as const;

/** `selfmanage import oruk|aliss <feed>` */
export const importCommand: Command = {
  name: "import",
  summary: "Convert an Open Referral UK 3.0 or ALISS v4 feed into a toolkit Directory.",
  usage: ["import oruk <feed> [--out <file>] [--compact]", "import aliss <feed> [--out <file>] [--compact]", "import fhir <bundle|resource|ndjson> [--out <file>] [--compact]"],
  help: `oruk accepts one service, a list of services, or a paginated page ({ contents: [...] }).
aliss accepts an ALISS v4 services response ({ count, data: [...] }).
fhir accepts a FHIR R4 Bundle, one resource, or NDJSON, and writes the toolkit records it holds
({ goals, instruments, responses, directory, signpostingEvents }); elements the model has no
place for are counted as notes, never dropped silently.
The Directory JSON goes to stdout (or --out); records that cannot be imported are reported
on stderr with their path, and the exit code is then 1. Nothing is dropped silently.

Options:
  --out <file>  Write the directory to this file instead of stdout. An existing file is
                not replaced, nor the feed, nor a symbolic link.
  --force       Replace an existing --out file (a link is replaced, not followed).
  --compact     One-line JSON.
  --quiet       Do not print the summary line on stderr.

Example:
  selfmanage import oruk services-page.json --out directory.json`,
  options: sharedOptions,
  positionals: [2, 2],
  run: runImport,
};

/** `selfmanage export oruk <directory>` */
export const exportCommand: Command = {
  name: "export",
  summary: "Convert a toolkit Directory into Open Referral UK 3.0 services.",
  usage: [
    "export oruk <directory> [--out <file>] [--compact]",
    "export fhir <kind> <file> [--bundle collection|transaction] [--format ndjson] [--instrument <file|id>] [--scores] [--out <file>]",
  ],
  help: `The directory is validated first; a directory with issues is reported on stderr and not
exported (exit code 1). The output is a JSON array of Open Referral UK 3.0 service objects.
fhir writes goal, directory, instrument, instrument-response (with --instrument; --scores adds
score Observations) or signposting-event records as a FHIR R4 Bundle (--bundle collection, the
default, or transaction) or as NDJSON, one resource per line (--format ndjson).

Options:
  --out <file>  Write to this file instead of stdout. An existing file is not replaced,
                nor the directory, nor a symbolic link.
  --force       Replace an existing --out file (a link is replaced, not followed).
  --compact     One-line JSON.

Example:
  selfmanage export oruk directory.json --out oruk-services.json`,
  options: { ...sharedOptions, bundle: { type: "string" }, format: { type: "string" }, instrument: { type: "string" }, scores: { type: "boolean" } },
  positionals: [2, 3],
  run: runExport,
};
