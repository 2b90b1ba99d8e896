import { basename } from "node:path";
import type { ValidationIssue } from "@selfmanage/core";
import { readLines, STDIN_NAME, type InputLine } from "./input";
import type { CliIo } from "./io";
import { MAX_JSON_DEPTH, scanJson, type JsonSyntaxError, type JsonValueNotice } from "./json-syntax";

export { checkInputsReadable, openInput, STDIN_NAME } from "./input";

/**
 * Where a record came from: the file as the person named it, the line for NDJSON, the
 * position for a JSON array. Lines and positions both count from 1.
 *
 * @example
 * ```ts
 * const fromNdjson: RecordSource = { file: "services.ndjson", line: 12 };
 * const fromArray: RecordSource = { file: "goals.json", record: 3 };
 * ```
 */
export interface RecordSource {
  /** The file as given on the command line; standard input is `<stdin>`. */
  readonly file: string;
  /** 1-based line number, for NDJSON records and for problems found while reading a JSON document. */
  readonly line?: number;
  /** 1-based position in a top-level JSON array: the first record is 1. */
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

const SYNTAX_MESSAGES: Readonly<Record<JsonSyntaxError["reason"], string>> = {
  unexpected_character: "This is not valid JSON: the text breaks the JSON grammar at",
  unexpected_end: "This is not valid JSON: the text ends too early, at",
  trailing_content: "This is not valid JSON: there is more text after the end of the value, at",
  too_deep: `The data is nested more than ${MAX_JSON_DEPTH} levels deep, more than the tools accept, at`,
};

const NOTICE_ISSUES: Readonly<Record<JsonValueNotice["kind"], { code: string; message: string }>> = {
  duplicate_key: {
    code: "duplicate_key",
    message: "This key appears more than once in the same object, so one of its values would be silently lost. Give each key once.",
  },
  number_out_of_range: {
    code: "number_out_of_range",
    message: "This number is out of range: it is too large or too small to be read as a number without becoming infinite or zero.",
  },
  reserved_key: {
    code: "reserved_key",
    message: "This key is reserved in JavaScript, so it would be silently dropped. Remove it or give it another name.",
  },
};

const NDJSON_HINT = " It looks like NDJSON (one JSON value per line): name the file .ndjson or .jsonl to read one record per line.";

function syntaxIssue(error: JsonSyntaxError, line: number, hint = ""): ValidationIssue {
  return { path: [], code: error.reason === "too_deep" ? "too_deep" : "invalid_json", message: `${SYNTAX_MESSAGES[error.reason]} line ${line}, column ${error.column}.${hint}` };
}

function utf8Issue(input: InputLine & { invalidByte: number }): ValidationIssue {
  return {
    path: [],
    code: "invalid_utf8",
    message: `The text is not valid UTF-8: the byte at offset ${input.invalidByte} (line ${input.line}) is not part of a UTF-8 character. Save the file as UTF-8.`,
  };
}

type Parsed = { ok: true; value: unknown; notices: readonly JsonValueNotice[] } | { ok: false; error: JsonSyntaxError; issues: ValidationIssue[] };

function parseJson(text: string, lineOffset = 0): Parsed {
  const scan = scanJson(text);
  if (scan.error !== undefined) return { ok: false, error: scan.error, issues: [syntaxIssue(scan.error, scan.error.line + lineOffset)] };
  return { ok: true, value: JSON.parse(text) as unknown, notices: scan.notices };
}

function noticeIssue(notice: JsonValueNotice, path = notice.path): ValidationIssue {
  return { path, ...NOTICE_ISSUES[notice.kind] };
}

/** Join lines read as one document; undefined text means a byte that is not UTF-8. */
function joinLines(lines: readonly InputLine[]): { text: string } | { invalid: InputLine & { invalidByte: number } } {
  const texts: string[] = [];
  for (const input of lines) {
    if (input.invalidByte !== undefined) return { invalid: input };
    texts.push(input.text);
  }
  return { text: texts.join("\n") };
}

const emptyFile = (file: string): InputRecord => ({ ok: false, source: { file }, issues: [{ path: [], code: "empty_file", message: "The file has no records." }] });

/**
 * Read one JSON document from a file: a definition such as an instrument or a directory.
 * Returns the value, or the located issues that stopped it from being read.
 *
 * @example
 * ```ts
 * const read = await readDocument("instrument.json", processIo());
 * if (read.ok) console.log(read.value);
 * ```
 */
export async function readDocument(file: string, io: CliIo): Promise<InputRecord> {
  const name = file === "-" ? STDIN_NAME : file;
  const lines: InputLine[] = [];
  for await (const input of readLines(file, io)) lines.push(input);
  const joined = joinLines(lines);
  if ("invalid" in joined) return { ok: false, source: { file: name, line: joined.invalid.line }, issues: [utf8Issue(joined.invalid)] };
  if (joined.text.trim() === "") return emptyFile(name);
  return documentRecord(name, joined.text);
}

function syntaxRecord(file: string, text: string, error: JsonSyntaxError): InputRecord {
  const looksLikeNdjson = error.reason === "trailing_content" && /\n\s*$/.test(text.slice(0, error.offset));
  return { ok: false, source: { file, line: error.line }, issues: [syntaxIssue(error, error.line, looksLikeNdjson ? NDJSON_HINT : "")] };
}

function documentRecord(file: string, text: string): InputRecord {
  const parsed = parseJson(text);
  if (!parsed.ok) return syntaxRecord(file, text, parsed.error);
  if (parsed.notices.length > 0) return { ok: false, source: { file }, issues: parsed.notices.map((notice) => noticeIssue(notice)) };
  return { ok: true, source: { file }, value: parsed.value };
}

function* documentRecords(file: string, text: string): Generator<InputRecord> {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    yield syntaxRecord(file, text, parsed.error);
    return;
  }
  if (!Array.isArray(parsed.value)) {
    yield parsed.notices.length > 0 ? { ok: false, source: { file }, issues: parsed.notices.map((notice) => noticeIssue(notice)) } : { ok: true, source: { file }, value: parsed.value };
    return;
  }
  // Notices inside an element belong to that record, located within it.
  const byRecord = new Map<number, ValidationIssue[]>();
  for (const notice of parsed.notices) {
    const [index, ...rest] = notice.path;
    const issues = byRecord.get(index as number) ?? [];
    issues.push(noticeIssue(notice, rest));
    byRecord.set(index as number, issues);
  }
  for (const [index, value] of parsed.value.entries()) {
    const issues = byRecord.get(index);
    const source = { file, record: index + 1 };
    yield issues === undefined ? { ok: true, source, value } : { ok: false, source, issues };
  }
}

function lineRecord(file: string, input: InputLine): InputRecord {
  const source = { file, line: input.line };
  if (input.invalidByte !== undefined) return { ok: false, source, issues: [utf8Issue(input)] };
  const parsed = parseJson(input.text, input.line - 1);
  if (!parsed.ok) return { ok: false, source, issues: parsed.issues };
  if (parsed.notices.length > 0) return { ok: false, source, issues: parsed.notices.map((notice) => noticeIssue(notice)) };
  return { ok: true, source, value: parsed.value };
}

/**
 * Read the records of a data file: a JSON object (one record), a JSON array (one record per
 * element) or NDJSON (one record per non-blank line), or standard input for `-`.
 *
 * @remarks
 * NDJSON is read line by line, so memory stays flat however long the file is. The layout
 * comes from the extension (`.ndjson`/`.jsonl`, `.json`) or, for other names and standard
 * input, from the content. A file that cannot be opened or read is a usage error (exit code
 * 2). Everything else is a located issue on the record: text that is not JSON, a file with no
 * records, bytes that are not UTF-8 (with their byte offset), a key given twice, a number out
 * of range, nesting deeper than 128 levels.
 *
 * @example
 * ```ts
 * for await (const read of readRecords("services.ndjson", io)) {
 *   if (read.ok) console.log(read.source.line, read.value);
 * }
 * ```
 */
export async function* readRecords(file: string, io: CliIo, layout: InputLayout = layoutFromName(file)): AsyncGenerator<InputRecord> {
  const name = file === "-" ? STDIN_NAME : file;
  let mode: "json" | "ndjson" | "undecided" = layout === "auto" ? "undecided" : layout;
  const buffered: InputLine[] = [];
  let records = 0;
  for await (const input of readLines(file, io)) {
    if (mode === "json") {
      buffered.push(input);
      continue;
    }
    if (input.text !== undefined && input.text.trim() === "") {
      if (mode === "undecided") buffered.push(input);
      continue;
    }
    if (mode === "undecided") {
      const standsAlone = input.text !== undefined && input.text.trimStart().startsWith("{") && parseJson(input.text).ok;
      mode = standsAlone ? "ndjson" : "json";
      if (mode === "json") {
        buffered.push(input);
        continue;
      }
      buffered.length = 0;
    }
    records++;
    yield lineRecord(name, input);
  }
  if (mode === "ndjson") {
    if (records === 0) yield emptyFile(name);
    return;
  }
  const joined = joinLines(buffered);
  if ("invalid" in joined) {
    yield { ok: false, source: { file: name, line: joined.invalid.line }, issues: [utf8Issue(joined.invalid)] };
    return;
  }
  if (joined.text.trim() === "") {
    yield emptyFile(name);
    return;
  }
  yield* documentRecords(name, joined.text);
}

/**
 * A short label for a record's origin: `services.ndjson:12` (line 12), `goals.json record 3`
 * (the third element of the array) or `goal.json`.
 *
 * @example
 * ```ts
 * describeSource({ file: "services.ndjson", line: 12 }); // "services.ndjson:12"
 * describeSource({ file: "goals.json", record: 3 }); // "goals.json record 3"
 * ```
 */
export function describeSource(source: RecordSource): string {
  if (source.line !== undefined) return `${source.file}:${source.line}`;
  if (source.record !== undefined) return `${source.file} record ${source.record}`;
  return source.file;
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
  return file === "-" || file === STDIN_NAME ? "standard input" : basename(file);
}
