/**
 * One word of a text: its comparable form and where it sits in the original (UTF-16 offsets).
 *
 * @example
 * ```ts
 * const word: Token = { word: "person", start: 0, end: 6 };
 * ```
 */
export interface Token {
  /** The word lower-cased, without accents, with typographic apostrophes made plain. */
  readonly word: string;
  /** Offset of the first character in the original text. */
  readonly start: number;
  /** Offset just after the last character in the original text. */
  readonly end: number;
}

// Letters and digits, with inner apostrophes ("don't"). Each alternative starts with a different
// character class, so the engine never backtracks over a word: matching is linear in the text.
const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;
const COMBINING_MARKS = /\p{M}/gu;

/**
 * The comparable form of one word: lower case, accents removed, typographic apostrophes plain.
 *
 * @example
 * ```ts
 * normaliseWord("Café’s"); // "cafe's"
 * ```
 */
export function normaliseWord(word: string): string {
  return word.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase().replace(/\u2019/g, "'");
}

/**
 * Split text into words, in one pass. Punctuation and hyphens separate words, so
 * "person-centred" and "person centred" give the same two words.
 *
 * @example
 * ```ts
 * tokenise("Person-centred, open talk").map((token) => token.word); // ["person", "centred", "open", "talk"]
 * ```
 */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ word: normaliseWord(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}
