/**
 * An incremental reader for one JSON document that holds many records: a top-level list, or an
 * object with the records in one of its fields (an ORUK page's `contents`). It finds where each
 * record starts and ends as text arrives, and parses each record alone with `JSON.parse`, so a
 * feed of any size is read in memory bounded by its largest record. Everything outside the
 * records (the page's own fields) is parsed too and handed back at the end. Plain code: no
 * dependency, no Node built-ins, so it runs in browsers as well.
 */
import { MAX_JSON_DEPTH, scanJson, type JsonValueNotice, type PathSegment } from "@selfmanage/core";

/**
 * One record found in the document: its position, the line it starts on, and its value, or the
 * reason it could not be read.
 *
 * @example
 * ```ts
 * const scanned: ScannedRecord = { index: 0, line: 3, ok: true, value: { id: "a" } };
 * ```
 */
export type ScannedRecord = { index: number; line: number; ok: true; value: unknown; notices?: ValueNotice[] } | { index: number; line: number; ok: false; message: string };

/**
 * Something in well-formed JSON that `JSON.parse` would hide (a key given twice, a `__proto__`
 * key, a number too large or small for a double), with its path from the record (or, in
 * {@link ScanEnd}, from the document) and the line of the document it is on.
 *
 * @example
 * ```ts
 * const notice: ValueNotice = { kind: "duplicate_key", path: ["name"], line: 4 };
 * ```
 */
export interface ValueNotice {
  kind: JsonValueNotice["kind"];
  path: PathSegment[];
  line: number;
}

/**
 * What the scanner learnt about the document once it has all of it.
 *
 * @example
 * ```ts
 * const end: ScanEnd = { shape: "object", recordsField: "contents", envelope: { total_items: 2 }, records: [], notices: [] };
 * ```
 */
export interface ScanEnd {
  /** `list` for a top-level array, `object` for a top-level object, `value` for anything else. */
  shape: "list" | "object" | "value";
  /** The field the records were in, for an object. */
  recordsField?: string;
  /** The document's own fields (an object without a records field is one record: all of it is here). */
  envelope?: Record<string, unknown>;
  /** The whole document when it is neither a list nor an object. */
  value?: unknown;
  /** Records completed by the end of input. */
  records: ScannedRecord[];
  /** What `JSON.parse` would hide in the document's own fields (outside the records). */
  notices: ValueNotice[];
  /**
   * Set when the document is not well-formed JSON as a whole (cut short, unbalanced, or not JSON
   * at all: `invalid_json`), or nests deeper than the scanner's `maxDepth` (`too_deep`).
   */
  error?: { line: number; message: string; code: "invalid_json" | "too_deep" };
}

/**
 * The scanner: push text as it arrives, then end.
 *
 * @example
 * ```ts
 * const scanner = createJsonRecordScanner();
 * scanner.push('{"contents": [{"id": "a"}, {"id"');
 * scanner.push(': "b"}], "total_items": 2}').map((record) => record.ok && record.value); // [{ id: "a" }, { id: "b" }]
 * scanner.end().envelope; // { total_items: 2 }
 * ```
 */
export interface JsonRecordScanner {
  push(text: string): ScannedRecord[];
  end(): ScanEnd;
  /** The field of a top-level object the records are being read from, once known. */
  recordsField(): string | undefined;
}

/**
 * A number that is not zero comes out of `JSON.parse` as 0 only below about 1e-324: its text must
 * then have a negative exponent of three digits or more, or 32 zeros in a row (a mantissa with
 * fewer leading zeros needs such an exponent). This looks for either, in number context (a
 * mantissa just after `:`, `,`, `[` or white space); a string can fake one, which only costs the
 * full scan.
 */
function mayVanish(text: string): boolean {
  for (const marker of EXPONENT_MARKERS) {
    for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 2)) {
      if (!isDigit(text.charCodeAt(at + 2)) || !isDigit(text.charCodeAt(at + 3)) || !isDigit(text.charCodeAt(at + 4))) continue;
      let back = at - 1;
      while (back >= 0 && (isDigit(text.charCodeAt(back)) || text.charCodeAt(back) === 46)) back -= 1;
      if (back === at - 1) continue;
      if (text.charCodeAt(back) === 45) back -= 1;
      if (back < 0 || NUMBER_BEFORE.has(text.charCodeAt(back))) return true;
    }
  }
  return text.includes(MANY_ZEROS);
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** What may come just before a number in JSON: `:` `,` `[` and white space. */
const NUMBER_BEFORE = new Set([58, 44, 91, 32, 9, 10, 13]);
const MANY_ZEROS = "0".repeat(32);
const EXPONENT_MARKERS = ["e-", "E-"] as const;
const NOT_SPACE = /\S/g;

type State = "start" | "before-key" | "after-key" | "before-value" | "in-value" | "after-value" | "before-record" | "in-record" | "after-record" | "done" | "failed";

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Where found records go: a list to return, or the caller's `onRecord`. */
interface Sink {
  push(record: ScannedRecord): unknown;
}

/** What a walk of a parsed value found: its keys, and whether anything in it may hide a notice. */
interface Walk {
  keys: number;
  doubt: boolean;
  zero: boolean;
}

/** Deeper than this, the walk leaves the value to the full scan, which needs no stack. */
const WALK_DEPTH = 256;

function walk(value: unknown, found: Walk, depth: number): void {
  if (typeof value === "number") {
    if (value === 0) found.zero = true;
    else if (!Number.isFinite(value)) found.doubt = true;
    return;
  }
  if (typeof value !== "object" || value === null) return;
  if (depth > WALK_DEPTH) {
    found.doubt = true;
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) walk(item, found, depth + 1);
    return;
  }
  for (const key in value) {
    found.keys += 1;
    if (key === "__proto__") found.doubt = true;
    walk((value as Record<string, unknown>)[key], found, depth + 1);
  }
}

/**
 * Whether `JSON.parse` read a record's text without hiding anything, judged from the parsed value
 * and the number of keys the text wrote (`keys`): fewer keys in the value means one was given
 * twice; a `__proto__` key or an infinite number is there to see; a zero is in doubt only when
 * the text has a number that could have vanished. When this says no, {@link scanJson} finds what
 * and where; it is never wrong the other way.
 */
function plainlyRead(value: unknown, keys: number, text: string): boolean {
  const found: Walk = { keys: 0, doubt: false, zero: false };
  walk(value, found, 0);
  return !found.doubt && found.keys === keys && !(found.zero && mayVanish(text));
}

/**
 * A fresh scanner (see {@link JsonRecordScanner}). `recordsFields` names the fields of a top-level
 * object that hold the records; the first one met is used. `maxDepth` (default
 * `MAX_JSON_DEPTH` of `@selfmanage/core`, 128) bounds how deep the document may nest: deeper data stops the scan with
 * a `too_deep` error instead of exhausting the parser's stack. With `onRecord`, each record is
 * handed to it the moment it is read, and `push` and `end` return none: a caller that deals with
 * records one by one then never holds a whole chunk's worth of parsed records.
 *
 * @example
 * ```ts
 * const scanner = createJsonRecordScanner({ recordsFields: ["contents", "content"] });
 * const ids: unknown[] = [];
 * const oneByOne = createJsonRecordScanner({ onRecord: (record) => ids.push(record.ok && record.value) });
 * oneByOne.push('[{"id": "a"}, {"id": "b"}]'); // [] (ids is [{ id: "a" }, { id: "b" }])
 * ```
 */
export function createJsonRecordScanner(options: { recordsFields?: readonly string[]; maxDepth?: number; onRecord?: (record: ScannedRecord) => void } = {}): JsonRecordScanner {
  const recordsFields = new Set(options.recordsFields ?? ["contents", "content"]);
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const { onRecord } = options;
  const handOver: Sink | undefined = onRecord === undefined ? undefined : { push: onRecord };
  let buffer = "";
  let position = 0;
  let state: State = "start";
  let shape: ScanEnd["shape"] | undefined;
  let depth = 0;
  let start = 0;
  let key = "";
  let recordsField: string | undefined;
  let index = 0;
  let error: ScanEnd["error"];
  const envelope: Record<string, unknown> = {};
  const envelopeKeys = new Set<string>();
  const envelopeNotices: ValueNotice[] = [];
  // Lines are counted once, as the scan moves forward.
  let lines = 1;
  let counted = 0;
  let scalarRecord = false;
  // The keys written in the record being scanned (its colons outside strings).
  let colons = 0;

  // The next line break at or after `counted`, or -1 when there is none up to `searched` (a feed
  // on one line has none at all: without this, every record would search the rest of the buffer).
  let nextBreak = -1;
  let searched = 0;
  const lineAt = (at: number): number => {
    if (at > counted) {
      for (;;) {
        if (nextBreak === -1) {
          if (searched >= at) break;
          nextBreak = buffer.indexOf("\n", Math.max(counted, searched));
          searched = nextBreak === -1 ? buffer.length : nextBreak;
          if (nextBreak === -1) break;
        }
        if (nextBreak >= at) break;
        lines += 1;
        counted = nextBreak + 1;
        nextBreak = -1;
        searched = counted;
      }
      counted = Math.max(counted, at);
    }
    return lines;
  };
  const fail = (message: string, code: "invalid_json" | "too_deep" = "invalid_json"): void => {
    error ??= { line: lineAt(position), message, code };
    state = "failed";
  };
  const nextNonSpace = (): number => {
    NOT_SPACE.lastIndex = position;
    const found = NOT_SPACE.exec(buffer);
    return found === null ? -1 : found.index;
  };
  /** The end of the string that opens at `open`, or -1 when it has not all arrived. */
  const stringEnd = (open: number): number => {
    let close = buffer.indexOf('"', open + 1);
    while (close !== -1) {
      let slashes = 0;
      for (let back = close - 1; buffer.charCodeAt(back) === 92; back -= 1) slashes += 1;
      if (slashes % 2 === 0) return close;
      close = buffer.indexOf('"', close + 1);
    }
    return -1;
  };
  /**
   * Scan a nested value from `position`, itself `outer` levels down; returns the index just past
   * it, -1 when more text is needed, or -2 when it nests too deep (the scan has then failed).
   */
  const scanNested = (outer: number): number => {
    // A plain loop over the characters outside strings (strings are skipped with indexOf): much
    // faster than a regular expression called once per bracket, colon and string.
    const text = buffer;
    const length = text.length;
    let at = position;
    while (at < length) {
      const char = text.charCodeAt(at);
      if (char === 34) {
        const close = stringEnd(at);
        if (close === -1) {
          position = at;
          return -1;
        }
        at = close + 1;
        continue;
      }
      if (char === 58) colons += 1;
      else if (char === 123 || char === 91) {
        depth += 1;
        if (outer + depth > maxDepth) {
          position = at;
          fail(`The data is nested more than ${maxDepth} levels deep, more than the tools accept.`, "too_deep");
          return -2;
        }
      } else if ((char === 125 || char === 93) && --depth === 0) return at + 1;
      at += 1;
    }
    position = length;
    return -1;
  };
  /** The end of a scalar (number, true, false, null) starting at `position`, or -1 when it may go on. */
  const scalarEnd = (stops: string): number => {
    for (let at = position; at < buffer.length; at += 1) if (stops.includes(buffer.charAt(at))) return at;
    return -1;
  };

  /** What `JSON.parse` would hide in a value's text, placed under `path` and from `line` on. */
  const hidden = (text: string, path: PathSegment[], line: number): ValueNotice[] | undefined => {
    const scan = scanJson(text);
    if (scan.error !== undefined || scan.notices.length === 0) return undefined;
    return scan.notices.map((notice) => ({ kind: notice.kind, path: [...path, ...notice.path], line: line + notice.line - 1 }));
  };
  const emit = (text: string, line: number, out: Sink): void => {
    let record: ScannedRecord;
    try {
      const value = JSON.parse(text) as unknown;
      // The full scan runs only when the parsed value leaves room for doubt.
      const notices = scalarRecord || !plainlyRead(value, colons, text) ? hidden(text, [], line) : undefined;
      record = notices === undefined ? { index, line, ok: true, value } : { index, line, ok: true, value, notices };
    } catch {
      record = { index, line, ok: false, message: "This is not valid JSON: this record breaks the JSON grammar." };
    }
    index += 1;
    out.push(record);
  };

  const step = (out: Sink): boolean => {
    switch (state) {
      case "start": {
        const at = nextNonSpace();
        if (at === -1) return false;
        const char = buffer.charAt(at);
        position = at + 1;
        if (char === "[") {
          shape = "list";
          state = "before-record";
        } else if (char === "{") {
          shape = "object";
          state = "before-key";
        } else {
          shape = "value";
          start = at;
          state = "in-value";
          position = at;
        }
        return true;
      }
      case "before-key": {
        const at = nextNonSpace();
        if (at === -1) return false;
        const char = buffer.charAt(at);
        if (char === "}") {
          position = at + 1;
          state = "done";
          return true;
        }
        if (char === ",") {
          position = at + 1;
          return true;
        }
        if (char !== '"') {
          position = at;
          fail("This is not valid JSON: expected a field name in quotes.");
          return false;
        }
        const close = stringEnd(at);
        if (close === -1) {
          position = at;
          return false;
        }
        try {
          key = JSON.parse(buffer.slice(at, close + 1)) as string;
          if (key === "__proto__") envelopeNotices.push({ kind: "reserved_key", path: [key], line: lineAt(at) });
          else if (envelopeKeys.has(key)) envelopeNotices.push({ kind: "duplicate_key", path: [key], line: lineAt(at) });
          envelopeKeys.add(key);
        } catch {
          position = at;
          fail("This is not valid JSON: a field name is not valid JSON text.");
          return false;
        }
        position = close + 1;
        state = "after-key";
        return true;
      }
      case "after-key": {
        const at = nextNonSpace();
        if (at === -1) return false;
        if (buffer.charAt(at) !== ":") {
          position = at;
          fail("This is not valid JSON: expected a colon after the field name.");
          return false;
        }
        position = at + 1;
        state = "before-value";
        return true;
      }
      case "before-value": {
        const at = nextNonSpace();
        if (at === -1) return false;
        if (recordsField === undefined && recordsFields.has(key) && buffer.charAt(at) === "[") {
          recordsField = key;
          position = at + 1;
          state = "before-record";
          return true;
        }
        start = at;
        position = at;
        depth = 0;
        state = "in-value";
        return true;
      }
      case "in-value": {
        const char = buffer.charAt(start);
        let end: number;
        if (char === "{" || char === "[") {
          end = scanNested(shape === "value" ? 0 : 1);
        } else if (char === '"') {
          const close = stringEnd(start);
          end = close === -1 ? -1 : close + 1;
        } else {
          end = scalarEnd(shape === "value" ? " \t\r\n" : ",} \t\r\n");
        }
        if (end < 0) return false;
        let value: unknown;
        try {
          value = JSON.parse(buffer.slice(start, end));
          const notices = hidden(buffer.slice(start, end), shape === "value" ? [] : [key], lineAt(start));
          if (notices !== undefined) for (const notice of notices) envelopeNotices.push(notice);
        } catch {
          position = start;
          fail(shape === "value" ? "This is not valid JSON." : "This is not valid JSON: the value of a field is not valid JSON.");
          return false;
        }
        if (shape === "value") {
          envelope.value = value;
          state = "done";
        } else {
          setOwn(envelope, key, value);
          state = "after-value";
        }
        position = end;
        return true;
      }
      case "after-value": {
        const at = nextNonSpace();
        if (at === -1) return false;
        const char = buffer.charAt(at);
        position = at + 1;
        if (char === ",") state = "before-key";
        else if (char === "}") state = "done";
        else {
          position = at;
          fail("This is not valid JSON: expected a comma or a closing brace.");
          return false;
        }
        return true;
      }
      case "before-record": {
        const at = nextNonSpace();
        if (at === -1) return false;
        const char = buffer.charAt(at);
        if (char === "]") {
          position = at + 1;
          state = shape === "list" ? "done" : "after-value";
          return true;
        }
        start = at;
        position = at;
        depth = 0;
        colons = 0;
        scalarRecord = char !== "{" && char !== "[";
        state = "in-record";
        return true;
      }
      case "in-record": {
        let end: number;
        if (scalarRecord) {
          if (buffer.charAt(start) === '"') {
            const close = stringEnd(start);
            end = close === -1 ? -1 : close + 1;
          } else end = scalarEnd(",] \t\r\n");
        } else end = scanNested(shape === "list" ? 1 : 2);
        if (end < 0) return false;
        emit(buffer.slice(start, end), lineAt(start), out);
        position = end;
        state = "after-record";
        return true;
      }
      case "after-record": {
        const at = nextNonSpace();
        if (at === -1) return false;
        const char = buffer.charAt(at);
        position = at + 1;
        if (char === ",") state = "before-record";
        else if (char === "]") state = shape === "list" ? "done" : "after-value";
        else {
          position = at;
          fail("This is not valid JSON: expected a comma or a closing bracket between records.");
          return false;
        }
        return true;
      }
      case "done": {
        const at = nextNonSpace();
        if (at !== -1) {
          position = at;
          fail("This is not valid JSON: there is more text after the end of the document.");
        }
        return false;
      }
      default:
        return false;
    }
  };

  /** Drop text that has been read, keeping the record or value in progress. */
  const compactBuffer = (): void => {
    const keep = state === "in-record" || state === "in-value" ? start : position;
    if (keep === 0) return;
    lineAt(keep);
    buffer = buffer.slice(keep);
    position -= keep;
    start -= keep;
    counted -= keep;
    searched = Math.max(0, searched - keep);
    if (nextBreak !== -1) nextBreak -= keep;
  };

  return {
    recordsField: () => recordsField,
    push(text) {
      const out: ScannedRecord[] = [];
      if (state === "failed") return out;
      buffer += text;
      while (step(handOver ?? out));
      compactBuffer();
      return out;
    },
    end() {
      const out: ScannedRecord[] = [];
      if (state === "in-value" && shape === "value") {
        // A bare number or word ends with the input.
        buffer += " ";
      }
      while (step(handOver ?? out));
      if (state !== "done" && state !== "failed") {
        position = buffer.length;
        fail(state === "start" ? "This is not valid JSON: the document is empty." : "This is not valid JSON: the document ends before its last record or bracket is closed.");
      }
      const result: ScanEnd = { shape: shape ?? "value", records: out, notices: envelopeNotices };
      if (recordsField !== undefined) result.recordsField = recordsField;
      if (shape === "object") result.envelope = envelope;
      if (shape === "value" && "value" in envelope) result.value = envelope.value;
      if (error !== undefined) result.error = error;
      return result;
    },
  };
}
