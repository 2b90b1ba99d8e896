import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { ValidationIssue } from "@selfmanage/core";
import { findJsonSyntaxError, type JsonSyntaxError } from "./json-syntax";
import { UsageError, type CliIo } from "./io";

/**
 * Where a record came from: the file as the person named it, the line for NDJSON, the
 * position for a JSON array.
 *
 * @example
 * ```ts
 * const fromNdjson: RecordSource = { file: "services.ndjson", line: 12 };
 * const fromArray: RecordSource = { file: "goals.json", record: 3 };
 * ```
 */
export interface RecordSource {
  /** The file as given on the command line (`-` for standard input). */
  readonly file: string;
  /** 1-based line number, for NDJSON records and for JSON syntax errors. */
  readonly line?: number;
  /** 0-based position in a top-level JSON array. */
  readonly record?: number;
}

/**
 * One record read from an input file: either the parsed value or the issues that stopped it
 * from being read (for example a line that is not JSON).
 *
 * @example
 * ```ts
 * const read: InputRecord = { ok: true, source: { file: "goal.json" }, value: { id: "goal-1" } };
 * ```
 */
export type InputRecord =
  | { readonly ok: true; readonly source: RecordSource; readonly value: unknown }
  | { readonly ok: false; readonly source: RecordSource; readonly issues: ValidationIssue[] };

/**
 * How a file's records are laid out. `auto` looks at the content: a file whose first line is
 * a complete JSON value is NDJSON, anything else is one JSON document.
 *
 * @example
 * ```ts
 * const layout: InputLayout = "ndjson";
 * ```
 */
export type InputLayout = "auto" | "json" | "ndjson";

function layoutFromName(file: string): InputLayout {
  const name = file.toLowerCase();
  if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) return "ndjson";
  if (name.endsWith(".json")) return "json";
  return "auto";
}

const SYNTAX_MESSAGES: Record<JsonSyntaxError["reason"], string> = {
  unexpected_character: "This is not valid JSON: the text breaks the JSON grammar at",
  unexpected_end: "This is not valid JSON: the text ends too early, at",
  trailing_content: "This is not valid JSON: there is more text after the end of the value, at",
};

function syntaxIssue(error: JsonSyntaxError, line: number, column: number): ValidationIssue {
  return { path: [], code: "invalid_json", message: `${SYNTAX_MESSAGES[error.reason]} line ${line}, column ${column}.` };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // JSON.parse and the scanner agree on the grammar; the scanner only adds a position.
    /* v8 ignore next */
    const error = findJsonSyntaxError(text) ?? { offset: 0, line: 1, column: 1, reason: "unexpected_character" as const };
    return { ok: false, error };
  }
}

/**
 * Open a file (or standard input for `-`), turning a missing or unreadable file into a usage error.
 *
 * @example
 * ```ts
 * const stream = await openInput("services.ndjson", processIo());
 * ```
 */
export async function openInput(file: string, io: CliIo): Promise<Readable> {
  if (file === "-") return io.stdin;
  const path = resolve(io.cwd, file);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`${file} is a folder, not a file.`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read ${file}: the file does not exist or cannot be opened.`);
  }
  return createReadStream(path, { encoding: "utf8" });
}

/**
 * Read a whole file as text (for single documents such as an instrument or a framework).
 *
 * @example
 * ```ts
 * const text = await readText("instrument.json", processIo());
 * ```
 */
export async function readText(file: string, io: CliIo): Promise<string> {
  const stream = await openInput(file, io);
  let text = "";
  for await (const chunk of stream) text += typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8");
  return text;
}

/**
 * Read one JSON document from a file: a definition such as an instrument or a directory.
 * Returns the value, or one located `invalid_json` issue.
 *
 * @example
 * ```ts
 * const read = await readDocument("instrument.json", processIo());
 * if (read.ok) console.log(read.value);
 * ```
 */
export async function readDocument(file: string, io: CliIo): Promise<InputRecord> {
  const text = stripByteOrderMark(await readText(file, io));
  const parsed = parseJson(text);
  if (parsed.ok) return { ok: true, source: { file }, value: parsed.value };
  return { ok: false, source: { file, line: parsed.error.line }, issues: [syntaxIssue(parsed.error, parsed.error.line, parsed.error.column)] };
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function* documentRecords(file: string, text: string): Generator<InputRecord> {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    yield { ok: false, source: { file, line: parsed.error.line }, issues: [syntaxIssue(parsed.error, parsed.error.line, parsed.error.column)] };
    return;
  }
  if (Array.isArray(parsed.value)) {
    for (const [record, value] of parsed.value.entries()) yield { ok: true, source: { file, record }, value };
    return;
  }
  yield { ok: true, source: { file }, value: parsed.value };
}

function lineRecord(file: string, line: number, text: string): InputRecord {
  const parsed = parseJson(text);
  if (parsed.ok) return { ok: true, source: { file, line }, value: parsed.value };
  return { ok: false, source: { file, line }, issues: [syntaxIssue(parsed.error, line, parsed.error.column)] };
}

/**
 * Read the records of a data file: a JSON object (one record), a JSON array (one record per
 * element) or NDJSON (one record per non-blank line), or standard input for `-`.
 *
 * @remarks
 * NDJSON is read line by line, so memory stays flat however long the file is. The layout
 * comes from the extension (`.ndjson`/`.jsonl`, `.json`) or, for other names and standard
 * input, from the content. A file that cannot be opened is a usage error (exit code 2);
 * text that is not JSON is a located issue on the record.
 *
 * @example
 * ```ts
 * for await (const read of readRecords("services.ndjson", io)) {
 *   if (read.ok) console.log(read.source.line, read.value);
 * }
 * ```
 */
export async function* readRecords(file: string, io: CliIo, layout: InputLayout = layoutFromName(file)): AsyncGenerator<InputRecord> {
  const stream = await openInput(file, io);
  stream.setEncoding?.("utf8");
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let mode: "json" | "ndjson" | "undecided" = layout === "auto" ? "undecided" : layout;
  const buffered: string[] = [];
  let lineNumber = 0;
  try {
    for await (const rawLine of lines) {
      lineNumber++;
      const text = lineNumber === 1 ? stripByteOrderMark(rawLine) : rawLine;
      if (mode === "json") {
        buffered.push(text);
        continue;
      }
      if (text.trim() === "") {
        if (mode === "undecided") buffered.push(text);
        continue;
      }
      if (mode === "undecided") {
        const first = text.trimStart()[0];
        const standsAlone = first === "{" && parseJson(text).ok;
        mode = standsAlone ? "ndjson" : "json";
        if (mode === "json") {
          buffered.push(text);
          continue;
        }
        buffered.length = 0;
      }
      yield lineRecord(file, lineNumber, text);
    }
  } finally {
    lines.close();
    if (file !== "-") stream.destroy();
  }
  if (mode === "ndjson") return;
  const text = buffered.join("\n");
  if (text.trim() === "") {
    yield { ok: false, source: { file }, issues: [{ path: [], code: "empty_file", message: "The file has no records." }] };
    return;
  }
  yield* documentRecords(file, text);
}

/**
 * A short label for a record's origin: `services.ndjson:12`, `goals.json[3]` or `goal.json`.
 *
 * @example
 * ```ts
 * describeSource({ file: "services.ndjson", line: 12 }); // "services.ndjson:12"
 * ```
 */
export function describeSource(source: RecordSource): string {
  const file = source.file === "-" ? "<stdin>" : source.file;
  if (source.line !== undefined) return `${file}:${source.line}`;
  if (source.record !== undefined) return `${file}[${source.record}]`;
  return file;
}

/**
 * The base name of a file for report titles (`-` reads as standard input).
 *
 * @example
 * ```ts
 * displayName("/data/goals.json"); // "goals.json"
 * ```
 */
export function displayName(file: string): string {
  return file === "-" ? "standard input" : basename(file);
}
