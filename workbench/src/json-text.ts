// Where things are in JSON text: the line and column of a syntax error, and the line of the value
// at a path. Both scan iteratively, so deeply nested input cannot overflow the stack.

/** A place in the text: 1-based line and column. */
export interface TextPlace {
  readonly line: number;
  readonly column: number;
}

/** Line starts of a text, for turning offsets into lines quickly. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return starts;
}

/** The 1-based line and column of an offset. */
export function placeOf(starts: readonly number[], offset: number): TextPlace {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 };
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

function skipSpace(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && WHITESPACE.has(text[at] as string)) at++;
  return at;
}

function matchAt(pattern: RegExp, text: string, offset: number): number {
  pattern.lastIndex = offset;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/** Read `"key" :` at `offset`; the offset after the colon and its spaces, or the failing offset as a negative - 1. */
function readKey(text: string, offset: number): number {
  const end = matchAt(STRING, text, offset);
  if (end === -1) return -offset - 1;
  const colon = skipSpace(text, end);
  return text[colon] === ":" ? skipSpace(text, colon + 1) : -colon - 1;
}

/**
 * The offset of the first character that breaks the JSON grammar (the text's length when it
 * ends too early), or -1 when the text is one valid JSON value.
 */
export function syntaxErrorOffset(text: string): number {
  const stack: Array<"object" | "array"> = [];
  let at = skipSpace(text, 0);
  for (;;) {
    // Read one value at `at`.
    const character = text[at];
    if (character === "{" || character === "[") {
      const inside = skipSpace(text, at + 1);
      if (text[inside] === (character === "{" ? "}" : "]")) at = inside + 1;
      else if (character === "[") {
        stack.push("array");
        at = inside;
        continue;
      } else {
        const next = readKey(text, inside);
        if (next < 0) return -next - 1;
        stack.push("object");
        at = next;
        continue;
      }
    } else {
      const end = character === '"' ? matchAt(STRING, text, at) : character === "-" || (character !== undefined && character >= "0" && character <= "9") ? matchAt(NUMBER, text, at) : matchAt(LITERAL, text, at);
      if (end === -1) return at;
      at = end;
    }
    // After a value: close containers, or move on to the next member.
    for (;;) {
      at = skipSpace(text, at);
      const frame = stack[stack.length - 1];
      if (frame === undefined) return at === text.length ? -1 : at;
      if (text[at] === (frame === "object" ? "}" : "]")) {
        stack.pop();
        at++;
        continue;
      }
      if (text[at] !== ",") return at;
      at = skipSpace(text, at + 1);
      if (frame === "object") {
        const next = readKey(text, at);
        if (next < 0) return -next - 1;
        at = next;
      }
      break;
    }
  }
}

/** The offset just after the JSON value starting at `offset` (the text is known to be valid). */
function skipValue(text: string, offset: number): number {
  let depth = 0;
  let at = offset;
  do {
    const character = text[at];
    if (character === '"') at = matchAt(STRING, text, at);
    else if (character === "{" || character === "[") {
      depth++;
      at++;
    } else if (character === "}" || character === "]") {
      depth--;
      at++;
    } else if (character === "," || character === ":" || WHITESPACE.has(character as string)) at++;
    else {
      const end = character === "-" || (character !== undefined && character >= "0" && character <= "9") ? matchAt(NUMBER, text, at) : matchAt(LITERAL, text, at);
      at = end === -1 ? at + 1 : end;
    }
    if (depth > 0) continue;
    return at;
  } while (at < text.length);
  return at;
}

/**
 * The offset of the value at `path` inside the valid JSON value that starts at `offset`; where
 * the path goes further than the text (a missing field), the offset of the deepest value found.
 */
export function offsetOfPath(text: string, offset: number, path: readonly (string | number)[]): number {
  let at = skipSpace(text, offset);
  for (const segment of path) {
    const opening = text[at];
    if (opening !== "{" && opening !== "[") return at;
    let cursor = skipSpace(text, at + 1);
    let found = -1;
    let index = 0;
    while (text[cursor] !== "}" && text[cursor] !== "]" && cursor < text.length) {
      if (opening === "{") {
        const end = matchAt(STRING, text, cursor);
        const key = JSON.parse(text.slice(cursor, end)) as string;
        cursor = skipSpace(text, skipSpace(text, end) + 1);
        if (key === String(segment)) {
          found = cursor;
          break;
        }
      } else if (index === segment) {
        found = cursor;
        break;
      }
      cursor = skipSpace(text, skipValue(text, cursor));
      if (text[cursor] === ",") cursor = skipSpace(text, cursor + 1);
      index++;
    }
    if (found === -1) return at;
    at = found;
  }
  return at;
}

/** The start offsets of the elements of the top-level array (the text is known to be valid). */
export function arrayElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let cursor = skipSpace(text, skipSpace(text, 0) + 1);
  while (cursor < text.length && text[cursor] !== "]") {
    offsets.push(cursor);
    cursor = skipSpace(text, skipValue(text, cursor));
    if (text[cursor] === ",") cursor = skipSpace(text, cursor + 1);
  }
  return offsets;
}
