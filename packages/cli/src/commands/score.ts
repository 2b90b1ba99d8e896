import { localise } from "@selfmanage/core";
import { compileInstrument, type CompiledInstrument, type InstrumentDefinition, type InstrumentScore } from "@selfmanage/recovery";
import { choiceOption, stringOption, type Command, type OptionValues } from "../command";
import { csvRow } from "../csv";
import { loadDefinition } from "../definitions";
import { colourer, printable, toJson, UsageError, writeLine, type CliIo } from "../io";
import { instrumentSource } from "../kinds";
import { startProgress } from "../progress";
import { describeSource, readRecords, type RecordSource } from "../records";
import { formatReportedIssue, locateIssues, type ReportedIssue } from "../reported-issue";
import { checkFilesExist } from "./validate";

/** Output formats of `selfmanage score`. */
export const scoreFormats = ["text", "json", "ndjson", "csv"] as const;

/**
 * How the scores of many responses went, for the summary line.
 *
 * @example
 * ```ts
 * const tally: ScoreTally = { scored: 2, notScored: 1, invalid: 0, alerts: 1, totals: [9, 18] };
 * ```
 */
export interface ScoreTally {
  scored: number;
  notScored: number;
  invalid: number;
  alerts: number;
  totals: number[];
}

function formatNumber(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined) return "–";
  return Number.isInteger(value) ? String(value) : value.toFixed(decimals);
}

/**
 * The CSV header: fixed columns, then one column per subscale of the instrument.
 *
 * @example
 * ```ts
 * scoreCsvHeader(instrument); // "file,line,record,responseId,status,raw,total,..."
 * ```
 */
export function scoreCsvHeader(instrument: InstrumentDefinition): string {
  const subscales = (instrument.subscales ?? []).map((subscale) => `subscale:${subscale.id}`);
  return csvRow(["file", "line", "record", "responseId", "status", "raw", "total", "metric", "band", "answered", "missing", "excluded", "completeness", "missingDataRule", "alerts", ...subscales]);
}

/**
 * One CSV row for a score.
 *
 * @example
 * ```ts
 * scoreCsvRow(instrument, { file: "responses.ndjson", line: 1 }, score); // "responses.ndjson,1,,r-1,scored,9,9,..."
 * ```
 */
export function scoreCsvRow(instrument: InstrumentDefinition, source: RecordSource, score: InstrumentScore): string {
  const subscales = (instrument.subscales ?? []).map((subscale) => score.subscales.find((found) => found.id === subscale.id)?.score ?? null);
  return csvRow([
    source.file,
    source.line ?? null,
    source.record ?? null,
    score.responseId ?? null,
    score.status,
    score.raw,
    score.total,
    score.metric ?? null,
    score.band === undefined ? null : localise(score.band.label),
    score.answered,
    score.missing,
    score.excluded,
    Number(score.completeness.toFixed(4)),
    score.missingDataRuleApplied,
    score.alerts.map((alert) => alert.itemId).join(" "),
    ...subscales,
  ]);
}

/**
 * One human-readable line for a score.
 *
 * @example
 * ```ts
 * scoreTextLine({ file: "responses.ndjson", line: 1 }, score); // "responses.ndjson:1  r-1  total 9  band \"Mild\"  answered 9 of 9"
 * ```
 */
export function scoreTextLine(source: RecordSource, score: InstrumentScore): string {
  const parts = [
    describeSource(source),
    printable(score.responseId ?? "(no id)"),
    score.status === "scored" ? `total ${formatNumber(score.total)}` : "not scored (too many answers missing)",
  ];
  if (score.metric !== undefined) parts.push(`metric ${formatNumber(score.metric)}`);
  if (score.band !== undefined) parts.push(`band "${printable(localise(score.band.label))}"`);
  parts.push(`answered ${score.answered} of ${score.answered + score.missing + score.excluded}`);
  if (score.alerts.length > 0) parts.push(`${score.alerts.length} alert${score.alerts.length === 1 ? "" : "s"} for a practitioner`);
  return parts.join("  ");
}

/**
 * `Scored 300 responses: 296 scored, 2 not scored, 2 not valid. Mean total 18.4.`
 *
 * @example
 * ```ts
 * summariseScores({ scored: 2, notScored: 1, invalid: 0, alerts: 0, totals: [9, 18] });
 * // "Read 3 responses: 2 scored, 1 not scored, 0 not valid. Mean total 13.50."
 * ```
 */
export function summariseScores(tally: ScoreTally): string {
  const count = tally.scored + tally.notScored + tally.invalid;
  const mean = tally.totals.length === 0 ? undefined : tally.totals.reduce((sum, value) => sum + value, 0) / tally.totals.length;
  const alerts = tally.alerts === 0 ? "" : ` ${tally.alerts} alert${tally.alerts === 1 ? "" : "s"} to pass on to a practitioner.`;
  return `Read ${count} response${count === 1 ? "" : "s"}: ${tally.scored} scored, ${tally.notScored} not scored, ${tally.invalid} not valid.${mean === undefined ? "" : ` Mean total ${formatNumber(mean)}.`}${alerts}`;
}

/**
 * Validate and score every response in some files, calling `onScore` for each score and
 * `onInvalid` with the located issues of each response that is not valid.
 *
 * @example
 * ```ts
 * const tally = await scoreFiles(compileInstrument(instrument), ["responses.ndjson"], processIo(), async (source, score) => console.log(score.total), async () => {});
 * ```
 */
export async function scoreFiles(
  compiled: CompiledInstrument,
  files: readonly string[],
  io: CliIo,
  onScore: (source: RecordSource, score: InstrumentScore) => Promise<void>,
  onInvalid: (issues: ReportedIssue[]) => Promise<void>,
): Promise<ScoreTally> {
  const tally: ScoreTally = { scored: 0, notScored: 0, invalid: 0, alerts: 0, totals: [] };
  const progress = startProgress(io, "Scoring responses");
  for (const file of files) {
    for await (const read of readRecords(file, io)) {
      progress.tick();
      const validated = read.ok ? compiled.validate(read.value) : read;
      if (!validated.ok) {
        tally.invalid++;
        await onInvalid(locateIssues(read.source, validated.issues));
        continue;
      }
      const score = compiled.score(validated.value);
      if (score.total === null) tally.notScored++;
      else {
        tally.scored++;
        tally.totals.push(score.total);
      }
      tally.alerts += score.alerts.length;
      await onScore(read.source, score);
    }
  }
  progress.done();
  return tally;
}

const lineWriters: Record<(typeof scoreFormats)[number], (instrument: InstrumentDefinition, source: RecordSource, score: InstrumentScore) => string> = {
  text: (_instrument, source, score) => scoreTextLine(source, score),
  csv: scoreCsvRow,
  ndjson: (_instrument, source, score) => toJson({ source, ...score }),
  json: (_instrument, source, score) => toJson({ source, ...score }),
};

/**
 * The instrument and the response files of `selfmanage score`: `--instrument <id|file>` with
 * every positional a file, or (as before) the instrument as the first positional.
 *
 * @example
 * ```ts
 * scoreInputs(["responses.ndjson"], { instrument: "phq-9" }); // { instrumentReference: "phq-9", files: ["responses.ndjson"] }
 * scoreInputs(["phq-9", "responses.ndjson"], {}); // the same
 * ```
 */
export function scoreInputs(positionals: readonly string[], values: OptionValues): { instrumentReference: string; files: string[] } {
  const named = stringOption(values, "instrument");
  if (named !== undefined) return { instrumentReference: named, files: [...positionals] };
  const [instrumentReference, ...files] = positionals;
  if (instrumentReference === undefined || files.length === 0) throw new UsageError("score needs an instrument and at least one responses file: score --instrument <id|file> <responses...>.");
  return { instrumentReference, files };
}

async function run(positionals: string[], values: OptionValues, io: CliIo): Promise<number> {
  const { instrumentReference, files } = scoreInputs(positionals, values);
  const format = choiceOption(values, "format", scoreFormats, "text");
  await checkFilesExist(files, io);
  const instrument = await loadDefinition(instrumentSource, instrumentReference, io);
  const paint = colourer(io.stderr, io.env);
  let first = true;
  if (format === "csv") await writeLine(io.stdout, scoreCsvHeader(instrument));
  if (format === "json") io.stdout.write("[");
  const tally = await scoreFiles(
    compileInstrument(instrument),
    files,
    io,
    async (source, score) => {
      // A JSON array needs a comma before every element but the first.
      const separator = format === "json" && !first ? "," : "";
      first = false;
      await writeLine(io.stdout, `${separator}${lineWriters[format](instrument, source, score)}`);
    },
    async (issues) => {
      for (const found of issues) await writeLine(io.stderr, formatReportedIssue(found, paint));
    },
  );
  if (format === "json") await writeLine(io.stdout, "]");
  if (values.quiet !== true) await writeLine(format === "text" ? io.stdout : io.stderr, summariseScores(tally));
  return tally.invalid === 0 ? 0 : 1;
}

/** `selfmanage score <instrument> <responses...>` */
export const scoreCommand: Command = {
  name: "score",
  summary: "Score questionnaire responses against an instrument definition.",
  usage: ["score --instrument <id|file> <responses...> [--format text|json|ndjson|csv] [--quiet]", "score <instrument> <responses...> [--format text|json|ndjson|csv] [--quiet]"],
  help: `The instrument is a file with an instrument definition or a built-in id:
service-experience, or a ready-made definition (phq-9, phq-2, gad-7, gad-2, who-5).
Responses may be a JSON object, a JSON array or NDJSON.
Each response is validated against the exact instrument version first; responses that
are not valid are reported on stderr and the exit code is 1.

Options:
  --instrument <id|file>         The instrument; then every argument is a responses file.
  --format text|json|ndjson|csv  text (default) one line per response; json an array;
                                 ndjson one score per line; csv one row per response with
                                 a column per subscale (RFC 4180 quoting).
  --quiet                        Do not print the summary line.

Examples:
  selfmanage score --instrument phq-9 responses.ndjson
  selfmanage score instrument.json responses.ndjson --format csv > scores.csv`,
  options: { instrument: { type: "string" }, format: { type: "string" }, quiet: { type: "boolean", short: "q" } },
  positionals: [1, Infinity],
  run,
};
