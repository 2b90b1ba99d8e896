import type { PathSegment } from "@selfmanage/core";

/**
 * The deepest nesting of arrays and objects the tools read. Real records of the toolkit and of
 * Open Referral UK nest fewer than 15 levels; the bound keeps validation, which walks the data
 * recursively, far from the JavaScript stack limit.
 *
 * @example
 * ```ts
 * MAX_JSON_DEPTH; // 128
 * ```
 */
export const MAX_JSON_DEPTH = 128;

/**
 * Where a JSON text first breaks the grammar (or nests deeper than {@link MAX_JSON_DEPTH}), as a
 * character offset with its line and column. `JSON.parse` reports positions inconsistently and
 * quotes the surrounding text (which may be personal data), so the CLI finds the position itself
 * and says only where to look.
 *
 * @example
 * ```ts
 * const error: JsonSyntaxError = { offset: 5, line: 1, column: 6, reason: "unexpected_character" };
 * ```
 */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly reason: "unexpected_character" | "unexpected_end" | "trailing_content" | "too_deep";
}

/**
 * Something in grammatical JSON that `JSON.parse` would hide: a key given twice in one object
 * (the last value silently wins), a number too large or too small for a double (it becomes
 * `Infinity` or `0`), or a `__proto__` key (copying the object turns it into a prototype and
 * loses it). `path` is where in the value it is.
 *
 * @example
 * ```ts
 * const notice: JsonValueNotice = { kind: "duplicate_key", path: ["services", 2, "name"], line: 1, column: 40 };
 * ```
 */
export interface JsonValueNotice {
  readonly kind: "duplicate_key" | "number_out_of_range" | "reserved_key";
  readonly path: PathSegment[];
  readonly line: number;
  readonly column: number;
}

/**
 * What {@link scanJson} found: the first syntax error, if any, and the notices before it.
 *
 * @example
 * ```ts
 * const scan: JsonScan = { notices: [] };
 * ```
 */
export interface JsonScan {
  readonly error?: JsonSyntaxError;
  readonly notices: JsonValueNotice[];
}

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const QUOTE = 34;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

// A whole string in one step (the common case); the slow path below finds where a bad one breaks.
// eslint-disable-next-line no-control-regex
const STRING = /"[^"\\\u0000-\u001f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\u0000-\u001f]*)*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
// Objects with more keys than this switch from a list to a set to look for repeated keys.
const SMALL_OBJECT = 12;

interface Frame {
  readonly isArray: boolean;
  index: number;
  key: string;
  keys: string[] | Set<string> | undefined;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Where an invalid string literal starting at `start` breaks (only called once STRING has failed). */
function stringBreak(text: string, start: number): number {
  let position = start + 1;
  for (;;) {
    if (position >= text.length) return position;
    const character = text[position] as string;
    if (character === '"') return position;
    if (character < " ") return position;
    if (character !== "\\") {
      position++;
      continue;
    }
    const escape = text[position + 1];
    if (escape === "u") {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) return position + 1;
      position += 6;
    } else if (escape === undefined || !ESCAPES.has(escape)) return position + 1;
    else position += 2;
  }
}

function outOfRange(literal: string): boolean {
  // Doubles are exact enough below 300 characters without an exponent; only then can a literal overflow or vanish.
  const exponent = literal.search(/[eE]/);
  if (exponent === -1 && literal.length < 300) return false;
  const value = Number(literal);
  if (!Number.isFinite(value)) return true;
  return value === 0 && /[1-9]/.test(exponent === -1 ? literal : literal.slice(0, exponent));
}

/**
 * Read a JSON text once, without recursion, and report the first syntax error (with
 * `too_deep` past {@link MAX_JSON_DEPTH} levels) and every repeated key, `__proto__` key and
 * out-of-range number.
 *
 * @remarks
 * Runs in time linear in the text and in memory proportional to the nesting depth, so
 * hostile input (100,000 unclosed brackets, a 100 MB string) cannot exhaust the stack.
 *
 * @example
 * ```ts
 * scanJson('{"a":1,"a":2}').notices; // [{ kind: "duplicate_key", path: ["a"], line: 1, column: 8 }]
 * scanJson("[1e400]").notices[0]?.kind; // "number_out_of_range"
 * ```
 */
export function scanJson(text: string): JsonScan {
  const notices: JsonValueNotice[] = [];
  const stack: Frame[] = [];
  let position = 0;
  let trailing = false;

  const skipWhitespace = (): void => {
    for (;;) {
      const code = text.charCodeAt(position);
      if (code !== SPACE && code !== NEWLINE && code !== RETURN && code !== TAB) return;
      position++;
    }
  };
  const pathHere = (): PathSegment[] => stack.map((frame) => (frame.isArray ? frame.index : frame.key));
  const notice = (kind: JsonValueNotice["kind"], at: number): void => {
    notices.push({ kind, path: pathHere(), ...lineAndColumn(text, at) });
  };
  /** Read a string at `position`; returns its end, or -1 when it is not a valid string. */
  const readString = (): number => {
    STRING.lastIndex = position;
    if (!STRING.test(text)) return -1;
    return STRING.lastIndex;
  };
  /** Read an object key and its colon; false on a syntax error (position is then where it broke). */
  const readKey = (frame: Frame): boolean => {
    skipWhitespace();
    if (text.charCodeAt(position) !== QUOTE) return false;
    const start = position;
    const end = readString();
    if (end === -1) {
      position = stringBreak(text, start);
      return false;
    }
    const raw = text.slice(start + 1, end - 1);
    const key = raw.includes("\\") ? (JSON.parse(text.slice(start, end)) as string) : raw;
    frame.key = key;
    if (key === "__proto__") notice("reserved_key", start);
    const keys = frame.keys;
    if (keys === undefined) frame.keys = [key];
    else if (Array.isArray(keys)) {
      if (keys.includes(key)) notice("duplicate_key", start);
      else if (keys.length < SMALL_OBJECT) keys.push(key);
      else frame.keys = new Set([...keys, key]);
    } else if (keys.has(key)) notice("duplicate_key", start);
    else keys.add(key);
    position = end;
    skipWhitespace();
    if (text.charCodeAt(position) !== COLON) return false;
    position++;
    return true;
  };

  const scan = (): "ok" | "error" | "too_deep" => {
    for (;;) {
      // A value is expected here.
      skipWhitespace();
      const code = text.charCodeAt(position);
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (stack.length >= MAX_JSON_DEPTH) return "too_deep";
        const isArray = code === OPEN_BRACKET;
        position++;
        skipWhitespace();
        const frame: Frame = { isArray, index: 0, key: "", keys: undefined };
        stack.push(frame);
        if (text.charCodeAt(position) === (isArray ? CLOSE_BRACKET : CLOSE_BRACE)) {
          position++;
          stack.pop();
        } else {
          if (!isArray && !readKey(frame)) return "error";
          continue;
        }
      } else if (code === QUOTE) {
        const end = readString();
        if (end === -1) {
          position = stringBreak(text, position);
          return "error";
        }
        position = end;
      } else if (text.startsWith("true", position)) position += 4;
      else if (text.startsWith("false", position)) position += 5;
      else if (text.startsWith("null", position)) position += 4;
      else {
        NUMBER.lastIndex = position;
        const number = NUMBER.exec(text);
        if (number === null) return "error";
        if (outOfRange(number[0])) notice("number_out_of_range", position);
        position += number[0].length;
      }
      // After a value: close containers, or move to the next element.
      for (;;) {
        const frame = stack[stack.length - 1];
        if (frame === undefined) return "ok";
        skipWhitespace();
        const next = text.charCodeAt(position);
        if (next === COMMA) {
          position++;
          if (frame.isArray) frame.index++;
          else if (!readKey(frame)) return "error";
          break;
        }
        if (next !== (frame.isArray ? CLOSE_BRACKET : CLOSE_BRACE)) return "error";
        position++;
        stack.pop();
      }
    }
  };

  let outcome = scan();
  if (outcome === "ok") {
    skipWhitespace();
    if (position >= text.length) return { notices };
    trailing = true;
    outcome = "error";
  }
  const reason: JsonSyntaxError["reason"] = outcome === "too_deep" ? "too_deep" : trailing ? "trailing_content" : position >= text.length ? "unexpected_end" : "unexpected_character";
  return { error: { offset: position, ...lineAndColumn(text, position), reason }, notices };
}

/**
 * Return the first syntax error in a JSON text (or `too_deep` when it nests deeper than
 * {@link MAX_JSON_DEPTH}), or `undefined` if the text is JSON the tools can read.
 *
 * @example
 * ```ts
 * findJsonSyntaxError('{"a":}'); // { offset: 5, line: 1, column: 6, reason: "unexpected_character" }
 * findJsonSyntaxError("[".repeat(100_000))?.reason; // "too_deep"
 * ```
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  return scanJson(text).error;
}
