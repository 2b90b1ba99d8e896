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

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

function isAsciiWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** 0: not part of a word; 1: starts or continues a word; 2: continues a word only (a combining mark). */
function classify(text: string, index: number): { kind: 0 | 1 | 2; width: number } {
  const code = text.charCodeAt(index);
  if (code < 0x80) return { kind: isAsciiWordCode(code) ? 1 : 0, width: 1 };
  const point = text.codePointAt(index) as number;
  const character = String.fromCodePoint(point);
  const width = point > 0xffff ? 2 : 1;
  if (LETTER_OR_DIGIT.test(character)) return { kind: 1, width };
  return { kind: MARK.test(character) ? 2 : 0, width };
}

/**
 * The comparable form of one word: lower case, accents removed, typographic apostrophes plain.
 *
 * @example
 * ```ts
 * normaliseWord("Café’s"); // "cafe's"
 * ```
 */
export function normaliseWord(word: string): string {
  for (let index = 0; index < word.length; index++) {
    if (word.charCodeAt(index) >= 0x80) return word.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase().replace(/\u2019/g, "'");
  }
  return word.toLowerCase();
}

/**
 * Call `onWord` for each word of a text, in order, in one pass over its characters (no regular
 * expression runs over the text as a whole). Letters and digits make words, with combining marks
 * and inner apostrophes ("don't") kept inside them; everything else separates words.
 *
 * @example
 * ```ts
 * const words: string[] = [];
 * scanWords("Person-centred talk", (word) => words.push(word)); // words: ["person", "centred", "talk"]
 * ```
 */
export function scanWords(text: string, onWord: (word: string, start: number, end: number) => void): void {
  let index = 0;
  const length = text.length;
  while (index < length) {
    const first = classify(text, index);
    if (first.kind !== 1) {
      index += first.width;
      continue;
    }
    const start = index;
    let ascii = text.charCodeAt(index) < 0x80;
    index += first.width;
    while (index < length) {
      const next = classify(text, index);
      if (next.kind !== 0) {
        if (ascii && text.charCodeAt(index) >= 0x80) ascii = false;
        index += next.width;
        continue;
      }
      const code = text.charCodeAt(index);
      // An apostrophe between two word characters belongs to the word.
      if ((code === APOSTROPHE || code === RIGHT_QUOTE) && index + 1 < length && classify(text, index + 1).kind === 1) {
        if (code === RIGHT_QUOTE) ascii = false;
        index += 1;
        continue;
      }
      break;
    }
    const raw = text.slice(start, index);
    onWord(ascii ? raw.toLowerCase() : normaliseWord(raw), start, index);
  }
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
  scanWords(text, (word, start, end) => tokens.push({ word, start, end }));
  return tokens;
}
