/**
 * Free-text matching for search: how text becomes words, how a word people type matches a word
 * in a service, and what a match is worth. The index (see `text-index.ts`) precomputes these
 * rules over its vocabulary; a plain scan can apply them word by word and must agree.
 */

/**
 * Words that carry no meaning for finding a service ("near me", "for the", ...). They are left
 * out of both the services' text and the query, so "diabetes support near me" asks for two words.
 *
 * @example
 * ```ts
 * STOP_WORDS.has("near"); // true
 * ```
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "an", "and", "any", "are", "as", "at", "be", "by", "can", "do", "for", "from", "get", "i", "in", "into", "is", "it",
  "me", "my", "near", "nearby", "of", "on", "or", "our", "so", "that", "the", "their", "them", "there", "this", "to", "us",
  "we", "where", "who", "with", "you", "your",
]);

/**
 * Where a word was found, as a bit: in the service's name.
 *
 * @example
 * ```ts
 * FIELD_NAME | FIELD_DESCRIPTION; // a word found in both
 * ```
 */
export const FIELD_NAME = 1;
/**
 * Where a word was found, as a bit: in a category label.
 *
 * @example
 * ```ts
 * FIELD_CATEGORY; // 2
 * ```
 */
export const FIELD_CATEGORY = 2;
/**
 * Where a word was found, as a bit: in the description.
 *
 * @example
 * ```ts
 * FIELD_DESCRIPTION; // 4
 * ```
 */
export const FIELD_DESCRIPTION = 4;

/**
 * What a word found in each field is worth: name 3, category label 2, description 1.
 *
 * @example
 * ```ts
 * FIELD_WEIGHTS.name; // 3
 * ```
 */
export const FIELD_WEIGHTS = { name: 3, category: 2, description: 1 } as const;

/**
 * The best field weight for each combination of field bits (0-7).
 *
 * @example
 * ```ts
 * FIELD_MASK_WEIGHT[FIELD_NAME | FIELD_DESCRIPTION]; // 3
 * ```
 */
export const FIELD_MASK_WEIGHT: readonly number[] = Array.from({ length: 8 }, (_, mask) =>
  mask & FIELD_NAME ? FIELD_WEIGHTS.name : mask & FIELD_CATEGORY ? FIELD_WEIGHTS.category : mask & FIELD_DESCRIPTION ? FIELD_WEIGHTS.description : 0,
);

/**
 * A typed word that does not match a word of the service.
 *
 * @example
 * ```ts
 * matchOf("walk", "wall") === MATCH_NONE; // true
 * ```
 */
export const MATCH_NONE = 0;
/**
 * A typed word that matches a word of the service with a typo.
 *
 * @example
 * ```ts
 * matchOf("walkng", "walking") === MATCH_FUZZY; // true
 * ```
 */
export const MATCH_FUZZY = 1;
/**
 * A typed word that is the start of a word of the service.
 *
 * @example
 * ```ts
 * matchOf("walk", "walking") === MATCH_PREFIX; // true
 * ```
 */
export const MATCH_PREFIX = 2;
/**
 * A typed word that is a word of the service.
 *
 * @example
 * ```ts
 * matchOf("walking", "walking") === MATCH_EXACT; // true
 * ```
 */
export const MATCH_EXACT = 3;

/**
 * What each kind of match is worth: an exact word 1, the start of a word 0.75, a word with a typo 0.5.
 *
 * @example
 * ```ts
 * MATCH_WEIGHT[MATCH_PREFIX]; // 0.75
 * ```
 */
export const MATCH_WEIGHT: readonly number[] = [0, 0.5, 0.75, 1];

// Letters with accents fold to their base letter, so "Gàidhlig" matches "gaidhlig".
const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
// eslint-disable-next-line no-control-regex -- the ASCII range is the point: plain text skips Unicode folding
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The words of a text: lower case, accents folded, split at anything that is not a letter or a
 * digit, stop words left out. Words may repeat.
 *
 * @example
 * ```ts
 * wordsOf("Café near me"); // ["cafe"]
 * ```
 */
export function wordsOf(text: string): string[] {
  const folded = ASCII.test(text) ? text.toLowerCase() : text.normalize("NFKD").replace(MARKS, "").toLowerCase();
  const words: string[] = [];
  for (const word of folded.split(NOT_WORD)) if (word !== "" && !STOP_WORDS.has(word)) words.push(word);
  return words;
}

/**
 * The distinct words of a query, in the order typed.
 *
 * @example
 * ```ts
 * queryWords("peer peer group"); // ["peer", "group"]
 * ```
 */
export function queryWords(text: string): string[] {
  return [...new Set(wordsOf(text))];
}

/**
 * How many typos a typed word may have: none up to 4 letters, one up to 7, two from 8.
 *
 * @example
 * ```ts
 * allowedEdits("coaching"); // 2
 * ```
 */
export function allowedEdits(word: string): number {
  return word.length <= 4 ? 0 : word.length <= 7 ? 1 : 2;
}

/**
 * Whether two words are at most `limit` single-letter edits apart (insert, delete, substitute:
 * the Levenshtein distance), stopping as soon as every path is over the limit.
 *
 * @example
 * ```ts
 * withinEdits("helth", "health", 1); // true
 * ```
 */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  if (limit === 0) return a === b;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let column = 0; column <= b.length; column += 1) previous[column] = column;
  for (let row = 1; row <= a.length; row += 1) {
    current[0] = row;
    let smallest = row;
    const letter = a.charCodeAt(row - 1);
    for (let column = 1; column <= b.length; column += 1) {
      const substitute = (previous[column - 1] as number) + (letter === b.charCodeAt(column - 1) ? 0 : 1);
      const remove = (previous[column] as number) + 1;
      const insert = (current[column - 1] as number) + 1;
      const best = substitute < remove ? (substitute < insert ? substitute : insert) : remove < insert ? remove : insert;
      current[column] = best;
      if (best < smallest) smallest = best;
    }
    if (smallest > limit) return false;
    [previous, current] = [current, previous];
  }
  return (previous[b.length] as number) <= limit;
}

/**
 * How a typed word matches a word of the service (see the MATCH_ constants).
 *
 * @example
 * ```ts
 * matchOf("befriend", "befriending"); // MATCH_PREFIX
 * ```
 */
export function matchOf(typed: string, word: string): number {
  if (word === typed) return MATCH_EXACT;
  if (word.startsWith(typed)) return MATCH_PREFIX;
  const edits = allowedEdits(typed);
  return edits > 0 && withinEdits(typed, word, edits) ? MATCH_FUZZY : MATCH_NONE;
}

/**
 * The text score of a service from the best match of each typed word: the match's worth times
 * the weight of the best field it was found in, summed over the typed words and divided by what
 * exact matches in the name would give, so between 0 and 1. Zero when any typed word is not found.
 *
 * @example
 * ```ts
 * textScoreOf([3, 1]); // (3 + 1) / 6
 * ```
 */
export function textScoreOf(best: ArrayLike<number>): number {
  let total = 0;
  for (let position = 0; position < best.length; position += 1) {
    const worth = best[position] as number;
    if (worth === 0) return 0;
    total += worth;
  }
  return best.length === 0 ? 0 : total / (FIELD_WEIGHTS.name * best.length);
}
