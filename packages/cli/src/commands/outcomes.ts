import { isSelfManageError, issue, type ValidationIssue } from "@selfmanage/core";
import {
  InstrumentResponse,
  compileInstrument,
  createOutcomeTracker,
  nhsTalkingTherapiesRules,
  outcomeCountNames,
  outcomeMeasureFromDefinition,
  PeriodKind,
  validateOutcomeRules,
  type CompiledInstrument,
  type OutcomeGroup,
  type OutcomeRateName,
  type OutcomeRules,
  type OutcomeSummary,
} from "@selfmanage/recovery";
import { choiceOption, listOption, numberOption, stringOption, type Command, type OptionValues } from "../command";
import { csvRow } from "../csv";
import { loadDefinition } from "../definitions";
import { checkOutputFile, colourer, UsageError, writeLine, writeOutputFile, type CliIo, type WriteOutputOptions } from "../io";
import { instrumentSource } from "../kinds";
import { startProgress } from "../progress";
import { readDocument, readRecords } from "../records";
import { formatReportedIssue, locateIssues } from "../reported-issue";
import { countLabels, formatCount, formatRate, groupName, inputSentences, outcomeSentences, rateLabels, renderOutcomesReport } from "../reports/outcomes";
import { checkFilesExist } from "./validate";

/** Output formats of `selfmanage outcomes`. */
export const outcomesFormats = ["table", "json", "csv"] as const;

const RESPONSE_FIELDS = new Set(Object.keys(InstrumentResponse.shape));

/**
 * The outcome rules and the compiled instruments that score their measures: `--rules` (a file)
 * or, by default, built from `--measures` (built-in ids or definition files; `phq-9,gad-7` gives
 * the NHS Talking Therapies rules).
 *
 * @example
 * ```ts
 * const { rules, instruments } = await loadOutcomeSetup({ measures: "phq-9,gad-7" }, processIo());
 * ```
 */
export async function loadOutcomeSetup(values: OptionValues, io: CliIo): Promise<{ rules: OutcomeRules; instruments: Map<string, CompiledInstrument> }> {
  const rulesFile = stringOption(values, "rules");
  let rules: OutcomeRules | undefined;
  if (rulesFile !== undefined) {
    const read = await readDocument(rulesFile, io);
    const checked = read.ok ? validateOutcomeRules(read.value) : read;
    if (!checked.ok) throw new UsageError(`The outcome rules in ${rulesFile} are not valid:\n${checked.issues.map((found) => `  ${found.path.join(".")}: ${found.message}`).join("\n")}`);
    rules = checked.value;
  }
  const references = listOption(values, "measures");
  const wanted = references.length > 0 ? references : (rules?.measures.map((measure) => measure.instrumentId) ?? nhsTalkingTherapiesRules.measures.map((measure) => measure.instrumentId));
  const definitions = [];
  for (const reference of wanted) definitions.push(await loadDefinition(instrumentSource, reference, io));
  const ids = definitions.map((definition) => definition.id);
  if (rules === undefined) {
    const talkingTherapies = nhsTalkingTherapiesRules.measures.map((measure) => measure.instrumentId);
    if (ids.length === talkingTherapies.length && talkingTherapies.every((id) => ids.includes(id))) rules = nhsTalkingTherapiesRules;
    else {
      const measures = definitions.map((definition) => {
        const measure = outcomeMeasureFromDefinition(definition);
        if (!measure.ok) throw new UsageError(`--measures ${definition.id} has no fixed cut-off and reliable change threshold: give --rules with its thresholds.`);
        return measure.value;
      });
      rules = { id: "from-definitions", title: `Outcomes (${ids.join(", ")})`, measures };
    }
  }
  for (const measure of rules.measures) {
    if (!ids.includes(measure.instrumentId)) throw new UsageError(`The rules use ${measure.instrumentId}, which is not among --measures: add it (a built-in id or a definition file).`);
  }
  return { rules, instruments: new Map(definitions.map((definition) => [definition.id, compileInstrument(definition)])) };
}

function keyValue(record: Record<string, unknown>, field: string): string | undefined {
  const value = record[field];
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Split one input record into its episode key, its service and the response itself: the fields
 * named by `--episode-key` and `--service-key` are taken off unless they are response fields
 * (such as `respondent`). Returns the issues when the record cannot be used.
 *
 * @example
 * ```ts
 * splitRecord({ referral: "r-1", instrumentId: "phq-9", instrumentVersion: "1.0.0", answers: {} }, "referral", undefined);
 * // { ok: true, episode: "r-1", service: undefined, response: { instrumentId: "phq-9", instrumentVersion: "1.0.0", answers: {} } }
 * ```
 */
export function splitRecord(
  input: unknown,
  episodeKey: string,
  serviceKey: string | undefined,
): { ok: true; episode: string; service: string | undefined; response: Record<string, unknown> } | { ok: false; issues: ValidationIssue[] } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { ok: false, issues: [issue([], "not_an_object", "Each response must be a JSON object.")] };
  const record = input as Record<string, unknown>;
  const episode = keyValue(record, episodeKey);
  const issues: ValidationIssue[] = [];
  if (episode === undefined) issues.push(issue([episodeKey], "missing_episode_key", "Each response needs an episode key (a string or number) in the field named by --episode-key."));
  const service = serviceKey === undefined ? undefined : keyValue(record, serviceKey);
  if (serviceKey !== undefined && record[serviceKey] !== undefined && service === undefined) issues.push(issue([serviceKey], "invalid_service_key", "The field named by --service-key must be a string or a number."));
  if (issues.length > 0) return { ok: false, issues };
  const response: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if ((field === episodeKey || field === serviceKey) && !RESPONSE_FIELDS.has(field)) continue;
    response[field] = value;
  }
  return { ok: true, episode: episode as string, service, response };
}

const TABLE_COUNTS = ["episodes", "paired", "caseAtStart", "recovery", "reliableImprovement", "reliableDeterioration", "noReliableChange", "reliableRecovery", "notReliablyRecovered"] as const;
const TABLE_RATES: readonly OutcomeRateName[] = ["recoveryRate", "reliableRecoveryRate", "reliableImprovementRate", "reliableDeteriorationRate"];

/**
 * The outcome table as aligned text: one row for everyone, then one per service and period.
 *
 * @example
 * ```ts
 * outcomesTable(summary).split("\n")[0]; // "Group       Episodes  Paired scores ..."
 * ```
 */
export function outcomesTable(summary: OutcomeSummary): string {
  const rows = [summary.overall, ...summary.groups];
  const header = ["Group", ...TABLE_COUNTS.map((name) => countLabels[name]), ...TABLE_RATES.map((name) => `${rateLabels[name]} rate`)];
  const body = rows.map((group) => [groupName(group), ...TABLE_COUNTS.map((name) => formatCount(group.counts[name])), ...TABLE_RATES.map((name) => formatRate(group.rates[name]))]);
  const widths = header.map((heading, column) => body.reduce((widest, row) => Math.max(widest, (row[column] as string).length), heading.length));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number))).join("  ").trimEnd();
  return [line(header), ...body.map(line)].join("\n");
}

/**
 * The outcome table as CSV: one row per group with every count and rate (empty when suppressed).
 *
 * @example
 * ```ts
 * outcomesCsv(summary).split("\n")[0]; // "service,period,episodes,...,episodes_suppressed,..."
 * ```
 */
export function outcomesCsv(summary: OutcomeSummary): string {
  const rateNames = Object.keys(rateLabels) as OutcomeRateName[];
  const header = csvRow(["service", "period", ...outcomeCountNames, ...rateNames, "suppressed"]);
  const row = (group: OutcomeGroup) =>
    csvRow([
      group.service,
      group.period,
      ...outcomeCountNames.map((name) => group.counts[name].count),
      ...rateNames.map((name) => (group.rates[name].rate === null ? null : Number(group.rates[name].rate.toFixed(6)))),
      [...outcomeCountNames.filter((name) => group.counts[name].suppressed), ...rateNames.filter((name) => group.rates[name].suppressed)].join(" "),
    ]);
  return [header, row(summary.overall), ...summary.groups.map(row)].join("\n");
}

/**
 * What the outcome options on the command line ask for, read and checked before any file is.
 *
 * @example
 * ```ts
 * outcomeOptions({ "episode-key": "referral", period: "quarter" }).period; // "quarter"
 * ```
 */
export function outcomeOptions(values: OptionValues): { episodeKey: string; serviceKey: string | undefined; period: (typeof PeriodKind.options)[number]; minimumCount: number; roundTo: number | undefined; sorted: boolean } {
  const episodeKey = stringOption(values, "episode-key");
  if (episodeKey === undefined) throw new UsageError("outcomes needs --episode-key <field>: the field that says which episode of care each response belongs to.");
  return {
    episodeKey,
    serviceKey: stringOption(values, "service-key"),
    period: choiceOption(values, "period", PeriodKind.options, "none"),
    minimumCount: numberOption(values, "minimum-count", { min: 1, max: 1000, integer: true }) ?? 5,
    roundTo: numberOption(values, "round-to", { min: 2, max: 1000, integer: true }),
    sorted: values.sorted === true,
  };
}

/**
 * Read, validate and score every response in the files, and judge each episode: the summary,
 * the rules it was judged by and how many records were left out. Each record left out is
 * reported on stderr with where it is.
 *
 * @example
 * ```ts
 * const { summary, invalid } = await summariseOutcomeFiles(["responses.ndjson"], { "episode-key": "referral" }, processIo());
 * ```
 */
export async function summariseOutcomeFiles(files: readonly string[], values: OptionValues, io: CliIo): Promise<{ summary: OutcomeSummary; rules: OutcomeRules; invalid: number }> {
  const { episodeKey, serviceKey, period, minimumCount, roundTo, sorted } = outcomeOptions(values);
  const { rules, instruments } = await loadOutcomeSetup(values, io);
  const tracker = createOutcomeTracker(rules, { period, minimumCount, sortedByEpisode: sorted, ...(roundTo === undefined ? {} : { roundTo }) });
  const paint = colourer(io.stderr, io.env);
  const progress = startProgress(io, "Reading responses");
  let invalid = 0;
  const report = async (issues: ValidationIssue[], source: Parameters<typeof locateIssues>[0]) => {
    invalid += 1;
    for (const found of locateIssues(source, issues)) await writeLine(io.stderr, formatReportedIssue(found, paint));
  };
  for (const file of files) {
    for await (const read of readRecords(file, io)) {
      progress.tick();
      if (!read.ok) {
        await report(read.issues, read.source);
        continue;
      }
      const split = splitRecord(read.value, episodeKey, serviceKey);
      if (!split.ok) {
        await report(split.issues, read.source);
        continue;
      }
      const instrumentId = split.response.instrumentId;
      const compiled = typeof instrumentId === "string" ? instruments.get(instrumentId) : undefined;
      if (compiled === undefined) {
        tracker.add({ episode: split.episode, instrumentId: String(instrumentId), completedAt: "", total: null });
        continue;
      }
      const checked = compiled.validate(split.response);
      if (!checked.ok) {
        await report(checked.issues, read.source);
        continue;
      }
      if (checked.value.completedAt === undefined) {
        await report([issue(["completedAt"], "missing_date", "Outcomes need to know when each response was given: add completedAt.")], read.source);
        continue;
      }
      try {
        tracker.add({ episode: split.episode, instrumentId: checked.value.instrumentId, completedAt: checked.value.completedAt, total: compiled.score(checked.value).total, ...(split.service === undefined ? {} : { service: split.service }) });
      } catch (error) {
        if (isSelfManageError(error)) throw new UsageError(`${read.source.file}${read.source.line === undefined ? "" : `:${read.source.line}`}: ${error.message} (--sorted)`);
        throw error;
      }
    }
  }
  progress.done();
  return { summary: tracker.finish(), rules, invalid };
}

/**
 * The files outcome options name, which are inputs too (never written over).
 *
 * @example
 * ```ts
 * outcomeDefinitionFiles({ rules: "our-rules.json" }); // ["our-rules.json"]
 * ```
 */
export function outcomeDefinitionFiles(values: OptionValues): string[] {
  return stringOption(values, "rules") === undefined ? [] : [stringOption(values, "rules") as string];
}

async function run(files: string[], values: OptionValues, io: CliIo): Promise<number> {
  outcomeOptions(values);
  const format = choiceOption(values, "format", outcomesFormats, "table");
  const out = stringOption(values, "out");
  await checkFilesExist(files, io);
  const writing: WriteOutputOptions = { cwd: io.cwd, inputs: [...files, ...outcomeDefinitionFiles(values)], force: values.force === true };
  // Refuse a bad --out before reading millions of responses, not after.
  if (out !== undefined) await checkOutputFile(out, writing);
  const { summary, rules, invalid } = await summariseOutcomeFiles(files, values, io);
  if (format === "json") await writeLine(io.stdout, JSON.stringify(summary, null, 2));
  else if (format === "csv") await writeLine(io.stdout, outcomesCsv(summary));
  else {
    await writeLine(io.stdout, outcomesTable(summary));
    if (values.quiet !== true) for (const sentence of [...outcomeSentences(summary.overall), ...inputSentences(summary, invalid)]) await writeLine(io.stdout, sentence);
  }
  if (out !== undefined) {
    const path = await writeOutputFile(out, renderOutcomesReport({ summary, rules, invalid, generatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, "Z") }), writing);
    if (values.quiet !== true) await writeLine(io.stderr, `Wrote ${path}.`);
  }
  return invalid === 0 ? 0 : 1;
}

/** `selfmanage outcomes <responses...> --episode-key <field>` */
export const outcomesCommand: Command = {
  name: "outcomes",
  summary: "Judge episodes of care from paired first and last scores, and summarise them by service and period.",
  usage: ["outcomes <responses...> --episode-key <field> [--measures phq-9,gad-7] [--rules <file>] [--service-key <field>] [--period none|month|quarter|year|financial-year] [--minimum-count <n>] [--round-to <n>] [--sorted] [--format table|json|csv] [--out <report.html> [--force]]"],
  help: `Each response is validated and scored against its instrument; for every episode the first
and last scored responses of each measure are compared. Recovery, reliable improvement,
reliable deterioration, no reliable change, reliable recovery and not reliably recovered are
counted per service and period, and every count from 1 to one less than --minimum-count is
suppressed (with any other that would give it away). Responses that are not valid are
reported on stderr and left out; the exit code is then 1.

Options:
  --episode-key <field>        The field naming each response's episode (required). It is
                               taken off before the response is checked, unless it is a
                               response field such as respondent.
  --measures <ids|files>       Instruments to pair (default phq-9,gad-7: the NHS Talking
                               Therapies rules). Other built-ins or files use their own
                               cut-off and reliable change threshold.
  --rules <file>               Outcome rules of your own (caseness and reliable change per
                               measure); --measures then gives the definitions to score with.
  --service-key <field>        Group by this field as the service.
  --period <kind>              Group by the date of each episode's last score: month,
                               quarter, year or financial-year (from 1 April). Default none.
  --minimum-count <n>          Smallest count shown (default 5).
  --round-to <n>               Round every shown count to the nearest multiple of n (e.g. 5)
                               instead of hiding further cells that would give away a
                               suppressed one.
  --sorted                     The input is sorted by episode key: memory stays constant.
  --format table|json|csv      table (default) with summary sentences; json the summary;
                               csv one row per group.
  --out <report.html>          Also write a self-contained HTML report. An existing file is
                               not replaced, nor any input, nor a symbolic link.
  --force                      Replace an existing file (a link is replaced, not followed).
  --quiet                      No summary sentences or messages.

Example:
  selfmanage outcomes responses.ndjson --episode-key referral --service-key team --period quarter --out outcomes.html`,
  options: {
    "episode-key": { type: "string" },
    "service-key": { type: "string" },
    measures: { type: "string", multiple: true },
    rules: { type: "string" },
    period: { type: "string" },
    "minimum-count": { type: "string" },
    "round-to": { type: "string" },
    sorted: { type: "boolean" },
    format: { type: "string" },
    out: { type: "string", short: "o" },
    force: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
  },
  positionals: [1, Infinity],
  run,
};
