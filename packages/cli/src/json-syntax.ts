/**
 * Where a JSON text first breaks the grammar, as a character offset. `JSON.parse` reports
 * positions inconsistently and quotes the surrounding text (which may be personal data), so
 * the CLI finds the position itself and says only where to look.
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
  readonly reason: "unexpected_character" | "unexpected_end" | "trailing_content";
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class SyntaxStop {
  constructor(readonly offset: number) {}
}

/**
 * Return the first syntax error in a JSON text, or `undefined` if the text is valid JSON.
 *
 * @example
 * ```ts
 * findJsonSyntaxError('{"a":}'); // { offset: 5, line: 1, column: 6, reason: "unexpected_character" }
 * ```
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let position = 0;
  const stop = (): never => {
    throw new SyntaxStop(position);
  };
  const skipWhitespace = (): void => {
    while (position < text.length && WHITESPACE.has(text[position] as string)) position++;
  };
  const expect = (character: string): void => {
    if (text[position] !== character) stop();
    position++;
  };
  const readString = (): void => {
    expect('"');
    for (;;) {
      if (position >= text.length) stop();
      const character = text[position] as string;
      if (character === '"') {
        position++;
        return;
      }
      if (character < " ") stop();
      if (character === "\\") {
        position++;
        const escape = text[position];
        if (escape === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 1, position + 5))) stop();
          position += 5;
        } else {
          if (escape === undefined || !ESCAPES.has(escape)) stop();
          position++;
        }
      } else position++;
    }
  };
  const readValue = (): void => {
    skipWhitespace();
    const character = text[position];
    if (character === "{") {
      position++;
      skipWhitespace();
      if (text[position] === "}") {
        position++;
        return;
      }
      for (;;) {
        skipWhitespace();
        readString();
        skipWhitespace();
        expect(":");
        readValue();
        skipWhitespace();
        if (text[position] === ",") position++;
        else return expect("}");
      }
    }
    if (character === "[") {
      position++;
      skipWhitespace();
      if (text[position] === "]") {
        position++;
        return;
      }
      for (;;) {
        readValue();
        skipWhitespace();
        if (text[position] === ",") position++;
        else return expect("]");
      }
    }
    if (character === '"') return readString();
    for (const literal of ["true", "false", "null"]) {
      if (text.startsWith(literal, position)) {
        position += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = position;
    const number = NUMBER.exec(text);
    if (number === null) stop();
    else position += number[0].length;
  };

  let trailing = false;
  try {
    readValue();
    skipWhitespace();
    if (position < text.length) {
      trailing = true;
      stop();
    }
    return undefined;
  } catch (error) {
    /* v8 ignore next */
    if (!(error instanceof SyntaxStop)) throw error;
    const offset = error.offset;
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    const reason = trailing ? "trailing_content" : offset >= text.length ? "unexpected_end" : "unexpected_character";
    return { offset, line, column, reason };
  }
}
