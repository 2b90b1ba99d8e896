import { formatIssue, type ValidationIssue } from "@selfmanage/core";
import { fromFhir, toBundle, toFhir, type FhirImport, type FhirResource, type ToolkitRecords } from "@selfmanage/fhir";
import type { Goal } from "@selfmanage/goals";
import type { InstrumentDefinition, InstrumentResponse } from "@selfmanage/recovery";
import type { Directory, SignpostingEvent } from "@selfmanage/signposting";
import { choiceOption, stringOption, type OptionValues } from "../command";
import { loadDefinition } from "../definitions";
import { checkOutputFile, colourer, toJson, UsageError, writeLine, writeOutputFile, type CliIo, type WriteOutputOptions } from "../io";
import { findKind, instrumentSource } from "../kinds";
import { checkInputsReadable, readRecords, type InputRecord } from "../records";
import { formatReportedIssue, locateIssues, type ReportedIssue } from "../reported-issue";
import { didYouMean } from "../suggest";

/** The kinds `export fhir` converts, and how their records go into {@link ToolkitRecords}. */
type ExportKind = (records: unknown[], instrument: InstrumentDefinition | undefined, scores: boolean) => ToolkitRecords;
const exportKinds: ReadonlyMap<string, ExportKind> = new Map<string, ExportKind>([
  ["goal", (records: unknown[]) => ({ goals: records as Goal[] })],
  ["directory", (records: unknown[]) => ({ directory: mergeDirectories(records as Directory[]) })],
  ["instrument", (records: unknown[]) => ({ instruments: records as InstrumentDefinition[] })],
  ["instrument-response", (records: unknown[], instrument: InstrumentDefinition | undefined, scores: boolean) => ({ instruments: instrument === undefined ? [] : [instrument], responses: records as InstrumentResponse[], scores })],
  ["signposting-event", (records: unknown[]) => ({ signpostingEvents: records as SignpostingEvent[] })],
]);

function mergeDirectories(directories: readonly Directory[]): Directory {
  return {
    organisations: directories.flatMap((directory) => directory.organisations),
    locations: directories.flatMap((directory) => directory.locations),
    services: directories.flatMap((directory) => directory.services),
  };
}

/** Where `--out` may write: never over one of the inputs, nor an existing file without `--force`. */
function writing(inputs: readonly string[], values: OptionValues, io: CliIo): WriteOutputOptions {
  return { cwd: io.cwd, inputs, force: values.force === true, option: "--out" };
}

/** Check `--out` before any reading, so a bad output fails fast with exit code 2. */
async function checkOut(inputs: readonly string[], values: OptionValues, io: CliIo): Promise<void> {
  const out = stringOption(values, "out");
  if (out !== undefined) await checkOutputFile(out, writing(inputs, values, io));
}

async function emit(text: string, inputs: readonly string[], values: OptionValues, io: CliIo): Promise<void> {
  const out = stringOption(values, "out");
  if (out === undefined) await writeLine(io.stdout, text.replace(/\n$/, ""));
  else await writeOutputFile(out, text.endsWith("\n") ? text : `${text}\n`, writing(inputs, values, io));
}

async function reportAll(found: readonly ReportedIssue[], io: CliIo): Promise<void> {
  const paint = colourer(io.stderr, io.env);
  for (const located of found) await writeLine(io.stderr, formatReportedIssue(located, paint));
}

/**
 * `selfmanage export fhir <kind> <file>`: check the records, then write them as a FHIR R4 Bundle
 * (`--bundle collection|transaction`) or as NDJSON (`--format ndjson`).
 *
 * @example
 * ```ts
 * await runExportFhir(["goal", "goals.json"], { bundle: "transaction" }, processIo());
 * ```
 */
export async function runExportFhir([kindName, file]: string[], values: OptionValues, io: CliIo): Promise<number> {
  const names = [...exportKinds.keys()];
  const convert = exportKinds.get(kindName ?? "");
  if (convert === undefined) throw new UsageError(`Unknown kind "${kindName ?? ""}" for export fhir.${didYouMean(kindName ?? "", names)} Kinds: ${names.join(", ")}.`);
  if (file === undefined) throw new UsageError(`Usage: export fhir <kind> <file>. Kinds: ${names.join(", ")}.`);
  const bundleType = choiceOption(values, "bundle", ["collection", "transaction"] as const, "collection");
  const format = choiceOption(values, "format", ["bundle", "ndjson"] as const, "bundle");
  const instrumentOption = stringOption(values, "instrument");
  if (kindName === "instrument-response" && instrumentOption === undefined) throw new UsageError("Responses are written against their instrument: pass --instrument <file|built-in id>.");
  const inputs = instrumentOption === undefined ? [file] : [file, instrumentOption];
  await checkOut(inputs, values, io);
  await checkInputsReadable([file], io);
  const instrument = instrumentOption === undefined ? undefined : await loadDefinition(instrumentSource, instrumentOption, io);
  const validate = await findKind(kindName as string).createValidator(instrumentOption === undefined ? {} : { instrument: instrumentOption }, io);
  const records: unknown[] = [];
  const problems: ReportedIssue[] = [];
  for await (const read of readRecords(file, io)) {
    const issues = read.ok ? validate(read.value) : read.issues;
    if (issues.length > 0) for (const located of locateIssues(read.source, issues)) problems.push(located);
    else if (read.ok) records.push(read.value);
  }
  if (problems.length > 0) {
    await reportAll(problems, io);
    await writeLine(io.stderr, "Nothing was exported: fix the records above first.");
    return 1;
  }
  const resources = toFhir(convert(records, instrument, values.scores === true));
  if (!resources.ok) {
    for (const found of resources.issues) await writeLine(io.stderr, formatIssue(found));
    return 1;
  }
  if (format === "ndjson") {
    await emit(resources.value.map((resource) => toJson(resource)).join("\n"), inputs, values, io);
    return 0;
  }
  const bundle = toBundle(resources.value, bundleType);
  if (!bundle.ok) {
    for (const found of bundle.issues) await writeLine(io.stderr, formatIssue(found));
    return 1;
  }
  await emit(toJson(bundle.value, values.compact === true ? undefined : 2), inputs, values, io);
  if (values.quiet !== true) await writeLine(io.stderr, `Wrote ${describeCount(resources.value)} as ${bundleType === "transaction" ? "a transaction" : "a collection"} Bundle.`);
  return 0;
}

function describeCount(resources: readonly FhirResource[]): string {
  const counts = new Map<string, number>();
  for (const resource of resources) counts.set(resource.resourceType, (counts.get(resource.resourceType) ?? 0) + 1);
  return [...counts.entries()].map(([type, count]) => `${count} ${type}`).join(", ") || "no resources";
}

/** Read every record of a FHIR input file and import them together, so references across lines resolve. */
async function importFile(file: string, io: CliIo): Promise<{ imported: FhirImport; located: (issues: readonly ValidationIssue[]) => ReportedIssue[]; unreadable: ReportedIssue[] }> {
  const reads: InputRecord[] = [];
  for await (const read of readRecords(file, io)) reads.push(read);
  const unreadable = reads.flatMap((read) => (read.ok ? [] : locateIssues(read.source, read.issues)));
  const good = reads.filter((read): read is Extract<InputRecord, { ok: true }> => read.ok);
  const single = good.length === 1;
  const imported = fromFhir(single ? good[0]?.value : good.map((read) => read.value));
  const located = (issues: readonly ValidationIssue[]): ReportedIssue[] =>
    issues.flatMap((found) => {
      if (single) return locateIssues((good[0] as { source: InputRecord["source"] }).source, [found]);
      const [index, ...rest] = found.path;
      const source = typeof index === "number" ? good[index]?.source : undefined;
      return source === undefined ? locateIssues({ file }, [found]) : locateIssues(source, [{ ...found, path: rest }]);
    });
  return { imported, located, unreadable };
}

/**
 * `selfmanage import fhir <file>`: read a FHIR R4 Bundle, one resource, or NDJSON into toolkit
 * records (JSON on stdout or `--out`), with issues and a count of notices on stderr. A file that
 * cannot be read (not JSON, not UTF-8, a key given twice...) is not imported in part: nothing is written.
 *
 * @example
 * ```ts
 * await runImportFhir(["bundle.json"], {}, processIo());
 * ```
 */
export async function runImportFhir([file]: string[], values: OptionValues, io: CliIo): Promise<number> {
  await checkOut([file as string], values, io);
  await checkInputsReadable([file as string], io);
  const { imported, located, unreadable } = await importFile(file as string, io);
  if (unreadable.length > 0) {
    // Input that cannot be read is not imported in part: nothing is written.
    await reportAll([...unreadable, ...located(imported.issues)], io);
    if (values.quiet !== true) await writeLine(io.stderr, "Nothing was imported: part of the file cannot be read as JSON (see above).");
    return 1;
  }
  const { issues, notices, ...records } = imported;
  await emit(toJson(records, values.compact === true ? undefined : 2), [file as string], values, io);
  await reportAll(located(issues), io);
  if (values.quiet !== true) {
    const count = records.goals.length + records.instruments.length + records.responses.length + records.signpostingEvents.length + records.directory.services.length + records.directory.locations.length + records.directory.organisations.length;
    await writeLine(io.stderr, `Imported ${count} record${count === 1 ? "" : "s"}; ${issues.length} issue${issues.length === 1 ? "" : "s"}; ${notices.length} note${notices.length === 1 ? "" : "s"} about elements the model does not keep.`);
  }
  return issues.length === 0 ? 0 : 1;
}

/**
 * `selfmanage validate fhir <file>`: the toolkit's structural checks on FHIR input, each issue
 * with its FHIRPath-style path; `--format json` prints NDJSON issues.
 *
 * @example
 * ```ts
 * await runValidateFhir(["bundle.json"], { format: "json" }, processIo());
 * ```
 */
export async function runValidateFhir(files: string[], values: OptionValues, io: CliIo): Promise<number> {
  const format = choiceOption(values, "format", ["text", "json"] as const, "text");
  const paint = colourer(io.stdout, io.env);
  await checkInputsReadable(files, io);
  let total = 0;
  for (const file of files) {
    const { imported, located, unreadable } = await importFile(file, io);
    const found = [...unreadable, ...located(imported.issues)];
    total += found.length;
    for (const entry of found) await writeLine(io.stdout, format === "json" ? toJson(entry) : formatReportedIssue(entry, paint));
  }
  if (values.quiet !== true) {
    const summary = total === 0 ? `Checked ${files.length} FHIR file${files.length === 1 ? "" : "s"}: no issues.` : `Checked ${files.length} FHIR file${files.length === 1 ? "" : "s"}: ${total} issue${total === 1 ? "" : "s"}.`;
    await writeLine(format === "json" ? io.stderr : io.stdout, format === "json" ? summary : paint(total === 0 ? "green" : "red", summary));
  }
  return total === 0 ? 0 : 1;
}

/** Every record of a file, counted as left out. */
async function countRecords(file: string, io: CliIo): Promise<{ records: unknown[]; skipped: number }> {
  let skipped = 0;
  for await (const _read of readRecords(file, io)) skipped++;
  return { records: [], skipped };
}

/**
 * The demo's FHIR step: the sample goals, directory, instrument, responses (with scores) and
 * signposting events that pass their validators, as one collection Bundle; records that do not
 * pass are counted, not converted.
 *
 * @example
 * ```ts
 * const built = await buildSampleBundle(dataIo);
 * if (built.ok) console.log(built.summary);
 * ```
 */
export async function buildSampleBundle(io: CliIo): Promise<{ ok: true; bundle: FhirResource; summary: string } | { ok: false; summary: string }> {
  const valid = async (kind: string, file: string, options: { instrument?: string } = {}): Promise<{ records: unknown[]; skipped: number }> => {
    const validate = await findKind(kind).createValidator(options, io);
    const records: unknown[] = [];
    let skipped = 0;
    for await (const read of readRecords(file, io)) {
      if (read.ok && validate(read.value).length === 0) records.push(read.value);
      else skipped++;
    }
    return { records, skipped };
  };
  const goals = await valid("goal", "goals.json");
  const directories = await valid("directory", "directory.json");
  const instruments = await valid("instrument", "instrument.json");
  // Responses are checked against the instrument, so with no valid instrument none can be written.
  const responses = instruments.records.length > 0 ? await valid("instrument-response", "responses.ndjson", { instrument: "instrument.json" }) : await countRecords("responses.ndjson", io);
  const events = await valid("signposting-event", "signposting-events.ndjson");
  const resources = toFhir({
    goals: goals.records as Goal[],
    directory: mergeDirectories(directories.records as Directory[]),
    instruments: instruments.records as InstrumentDefinition[],
    responses: responses.records as InstrumentResponse[],
    signpostingEvents: events.records as SignpostingEvent[],
    scores: true,
  });
  const bundle = resources.ok ? toBundle(resources.value, "collection") : resources;
  const skipped = goals.skipped + directories.skipped + instruments.skipped + responses.skipped + events.skipped;
  if (!resources.ok || !bundle.ok) return { ok: false, summary: "The sample data could not be written as FHIR." };
  return { ok: true, bundle: bundle.value, summary: `${describeCount(resources.value)}; ${skipped} record${skipped === 1 ? "" : "s"} left out as not valid.` };
}
