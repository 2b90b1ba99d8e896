import { choiceOption, stringOption, type Command, type OptionValues } from "../command";
import { colourer, toJson, writeLine, type CliIo } from "../io";
import { findKind, kinds, type KindOptions } from "../kinds";
import { startProgress } from "../progress";
import { checkInputsReadable, readRecords } from "../records";
import { formatReportedIssue, locateIssues, type ReportedIssue } from "../reported-issue";

/**
 * Counts from checking files, for summaries.
 *
 * @example
 * ```ts
 * const counts: CheckCounts = { records: 120, invalid: 3, issues: 5 };
 * ```
 */
export interface CheckCounts {
  records: number;
  invalid: number;
  issues: number;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en-GB")} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * `Checked 120 records in 2 files: 117 valid, 3 not valid (5 issues).`
 *
 * @example
 * ```ts
 * summariseCounts({ records: 120, invalid: 3, issues: 5 }, 2);
 * // "Checked 120 records in 2 files: 117 valid, 3 not valid (5 issues)."
 * ```
 */
export function summariseCounts(counts: CheckCounts, files: number): string {
  const valid = counts.records - counts.invalid;
  const tail = counts.invalid === 0 ? "all valid." : `${valid.toLocaleString("en-GB")} valid, ${counts.invalid.toLocaleString("en-GB")} not valid (${plural(counts.issues, "issue")}).`;
  return `Checked ${plural(counts.records, "record")} in ${plural(files, "file")}: ${tail}`;
}

/**
 * Make sure every named file can be opened before any output, so a typo or a file without read
 * permission fails fast with exit code 2.
 *
 * @example
 * ```ts
 * await checkFilesExist(["goals.json", "-"], processIo());
 * ```
 */
export async function checkFilesExist(files: readonly string[], io: CliIo): Promise<void> {
  await checkInputsReadable(files, io);
}

/**
 * The definition options of `validate`, without the ones left unset.
 *
 * @example
 * ```ts
 * kindOptions({ instrument: "instrument.json" }); // { instrument: "instrument.json" }
 * ```
 */
export function kindOptions(values: OptionValues): KindOptions {
  const framework = stringOption(values, "framework");
  const instrument = stringOption(values, "instrument");
  const indicatorSet = stringOption(values, "indicator-set");
  const taxonomy = stringOption(values, "taxonomy");
  return {
    ...(framework === undefined ? {} : { framework }),
    ...(instrument === undefined ? {} : { instrument }),
    ...(indicatorSet === undefined ? {} : { indicatorSet }),
    ...(taxonomy === undefined ? {} : { taxonomy }),
  };
}

/**
 * Check every record of some files as one kind, calling `onIssue` for each issue found.
 * A file that cannot be opened, an unknown kind or an unusable definition is a usage error.
 *
 * @example
 * ```ts
 * const counts = await checkFiles("goal", ["goals.json"], {}, processIo(), async (found) => console.log(found.path));
 * ```
 */
export async function checkFiles(kindName: string, files: readonly string[], options: KindOptions, io: CliIo, onIssue: (found: ReportedIssue) => Promise<void>): Promise<CheckCounts> {
  const kind = findKind(kindName);
  await checkFilesExist(files, io);
  const validate = await kind.createValidator(options, io);
  const counts: CheckCounts = { records: 0, invalid: 0, issues: 0 };
  const progress = startProgress(io, `Checking ${kind.kind} records`);
  for (const file of files) {
    for await (const read of readRecords(file, io)) {
      counts.records++;
      progress.tick();
      const issues = read.ok ? validate(read.value) : read.issues;
      if (issues.length === 0) continue;
      counts.invalid++;
      counts.issues += issues.length;
      for (const located of locateIssues(read.source, issues)) await onIssue(located);
    }
  }
  progress.done();
  return counts;
}

async function run(positionals: string[], values: OptionValues, io: CliIo): Promise<number> {
  const [kindName, ...files] = positionals as [string, ...string[]];
  if (kindName === "fhir") return (await import("./fhir")).runValidateFhir(files, values, io);
  const format = choiceOption(values, "format", ["text", "json"] as const, "text");
  const paint = colourer(io.stdout, io.env);
  const counts = await checkFiles(kindName, files, kindOptions(values), io, (located) =>
    writeLine(io.stdout, format === "json" ? toJson(located) : formatReportedIssue(located, paint)),
  );
  if (values.quiet !== true) {
    const summary = summariseCounts(counts, files.length);
    if (format === "json") await writeLine(io.stderr, summary);
    else await writeLine(io.stdout, paint(counts.invalid === 0 ? "green" : "red", summary));
  }
  return counts.invalid === 0 ? 0 : 1;
}

const kindList = (): string => {
  const width = kinds.reduce((widest, kind) => Math.max(widest, kind.kind.length), 0);
  return kinds.map((kind) => `  ${kind.kind.padEnd(width)}  ${kind.summary}`).join("\n");
};

/** `selfmanage validate <kind> <file...>` */
export const validateCommand: Command = {
  name: "validate",
  summary: "Check records against the toolkit's schemas and rules.",
  usage: ["validate <kind> <file...> [--format text|json] [--quiet]", "validate fhir <file...> [--format text|json] [--quiet]"],
  get help() {
    return `Files may hold one JSON object, a JSON array of records, or NDJSON (one record per line);
use - to read standard input (named <stdin> in the output). Each issue says where it is:
services.ndjson:12 is line 12 of an NDJSON file, goals.json record 3 the third record of a
JSON array (record N counts from 1, as lines do), then the path. Values are never printed. Text that is not JSON or not UTF-8, a key given twice, a number
out of range and data nested more than 128 levels deep are issues too (exit code 1).

Options:
  --format text|json      text (default): one line per issue; json: NDJSON of
                          { file, line?, record?, path, code, message } (line and
                          record count from 1).
  --quiet                 Do not print the summary line.
  --framework <file|id>   coproduction-assessment: the framework to check against.
  --instrument <file|id>  instrument-response: the instrument the responses answer.
  --indicator-set <file>  indicator-assessment: the indicator set (default: built-in).
  --taxonomy <file|id>    reflection: the taxonomy its tags come from (default: built-in).

Kinds:
${kindList()}

Examples:
  selfmanage validate service services.ndjson
  cat goal.json | selfmanage validate goal - --format json`;
  },
  options: {
    format: { type: "string" },
    quiet: { type: "boolean", short: "q" },
    framework: { type: "string" },
    instrument: { type: "string" },
    "indicator-set": { type: "string" },
    taxonomy: { type: "string" },
  },
  positionals: [2, Infinity],
  run,
};
