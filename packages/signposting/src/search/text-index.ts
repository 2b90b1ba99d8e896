import { FIELD_CATEGORY, FIELD_DESCRIPTION, FIELD_NAME, MATCH_EXACT, MATCH_FUZZY, MATCH_PREFIX, allowedEdits, withinEdits, wordsOf } from "./text";

/**
 * The text part of a search index, as flat arrays: the sorted vocabulary; for each word, the
 * services that have it (postings) and in which fields; and for each service, its words and
 * fields (the forward lists), so that a candidate found some other way can be scored without
 * searching.
 *
 * @example
 * ```ts
 * const { words, wordStart } = buildSearchIndex(directory).data.text;
 * ```
 */
export interface TextIndex {
  /** Every distinct word, sorted, so that the words starting with a prefix sit together. */
  readonly words: readonly string[];
  /** Postings of word `w`: positions `wordStart[w]` to `wordStart[w + 1]` of `postingServices` and `postingFields`. */
  readonly wordStart: Uint32Array;
  readonly postingServices: Uint32Array;
  readonly postingFields: Uint8Array;
  /** Words of service `s`: positions `serviceStart[s]` to `serviceStart[s + 1]` of `serviceWords` and `serviceFields`. */
  readonly serviceStart: Uint32Array;
  readonly serviceWords: Uint32Array;
  readonly serviceFields: Uint8Array;
}

/**
 * The text of one service as search reads it.
 *
 * @example
 * ```ts
 * const text: ServiceText = { name: "Example walking group", description: "", categories: [12] };
 * ```
 */
export interface ServiceText {
  name: string;
  description: string;
  /** Positions of the service's categories in the category table, whose labels are `categoryWords`. */
  categories: readonly number[];
}

/**
 * Build the text index of `count` services, reading each one's text through `textOf`.
 *
 * @example
 * ```ts
 * buildTextIndex(1, () => ({ name: "Example walking group", description: "", categories: [] }), []).words; // ["example", "group", "walking"]
 * ```
 */
export function buildTextIndex(count: number, textOf: (position: number) => ServiceText, categoryLabels: readonly string[]): TextIndex {
  const ids = new Map<string, number>();
  const spelled: string[] = [];
  const intern = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      id = spelled.length;
      ids.set(word, id);
      spelled.push(word);
    }
    return id;
  };
  const labelWords = categoryLabels.map((label) => [...new Set(wordsOf(label))].map(intern));
  const serviceStart = new Uint32Array(count + 1);
  let serviceWords = new Uint32Array(Math.max(16, count * 16));
  let serviceFields = new Uint8Array(serviceWords.length);
  let length = 0;
  // For each word id, the last service that had it and where, so that a service lists each word once.
  let lastService = new Int32Array(1024).fill(-1);
  let lastSlot = new Uint32Array(1024);
  const add = (service: number, id: number, field: number): void => {
    if (id >= lastService.length) {
      const grownService = new Int32Array(lastService.length * 2).fill(-1);
      grownService.set(lastService);
      lastService = grownService;
      const grownSlot = new Uint32Array(lastSlot.length * 2);
      grownSlot.set(lastSlot);
      lastSlot = grownSlot;
    }
    if (lastService[id] === service) {
      const slot = lastSlot[id] as number;
      serviceFields[slot] = (serviceFields[slot] as number) | field;
      return;
    }
    if (length === serviceWords.length) {
      const grownWords = new Uint32Array(length * 2);
      grownWords.set(serviceWords);
      serviceWords = grownWords;
      const grownFields = new Uint8Array(length * 2);
      grownFields.set(serviceFields);
      serviceFields = grownFields;
    }
    lastService[id] = service;
    lastSlot[id] = length;
    serviceWords[length] = id;
    serviceFields[length] = field;
    length += 1;
  };
  for (let service = 0; service < count; service += 1) {
    serviceStart[service] = length;
    const text = textOf(service);
    for (const word of wordsOf(text.name)) add(service, intern(word), FIELD_NAME);
    for (const category of text.categories) for (const id of labelWords[category] ?? []) add(service, id, FIELD_CATEGORY);
    for (const word of wordsOf(text.description)) add(service, intern(word), FIELD_DESCRIPTION);
  }
  serviceStart[count] = length;

  // Renumber words in sorted order, then count and fill the postings; services come out ascending.
  const order = spelled.map((_, id) => id).sort((a, b) => (spelled[a] as string) < (spelled[b] as string) ? -1 : 1);
  const renumber = new Uint32Array(spelled.length);
  order.forEach((id, sorted) => (renumber[id] = sorted));
  const words = order.map((id) => spelled[id] as string);
  const finalWords = serviceWords.slice(0, length);
  const finalFields = serviceFields.slice(0, length);
  const wordStart = new Uint32Array(words.length + 1);
  for (let slot = 0; slot < length; slot += 1) {
    const id = renumber[finalWords[slot] as number] as number;
    finalWords[slot] = id;
    wordStart[id + 1] = (wordStart[id + 1] as number) + 1;
  }
  for (let id = 0; id < words.length; id += 1) wordStart[id + 1] = (wordStart[id + 1] as number) + (wordStart[id] as number);
  const next = wordStart.slice(0, words.length);
  const postingServices = new Uint32Array(length);
  const postingFields = new Uint8Array(length);
  for (let service = 0; service < count; service += 1) {
    for (let slot = serviceStart[service] as number; slot < (serviceStart[service + 1] as number); slot += 1) {
      const id = finalWords[slot] as number;
      const at = next[id] as number;
      postingServices[at] = service;
      postingFields[at] = finalFields[slot] as number;
      next[id] = at + 1;
    }
  }
  return { words, wordStart, postingServices, postingFields, serviceStart, serviceWords: finalWords, serviceFields: finalFields };
}

/** The first position in the sorted words that is not before `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] as string) < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The words of the vocabulary a typed word matches, as a match kind per word id (exact, prefix,
 * or fuzzy: see `matchOf`), and the number of postings they hold together (an upper bound on the
 * services that have the typed word).
 *
 * @example
 * ```ts
 * expandWord(text, "walk").ids; // the ids of "walk", "walking", "walks", ...
 * ```
 */
export function expandWord(text: TextIndex, typed: string): { matches: Uint8Array; postings: number; ids: number[] } {
  const matches = new Uint8Array(text.words.length);
  const ids: number[] = [];
  let postings = 0;
  const mark = (id: number, kind: number): void => {
    matches[id] = kind;
    ids.push(id);
    postings += (text.wordStart[id + 1] as number) - (text.wordStart[id] as number);
  };
  for (let id = lowerBound(text.words, typed); id < text.words.length && (text.words[id] as string).startsWith(typed); id += 1) {
    mark(id, text.words[id] === typed ? MATCH_EXACT : MATCH_PREFIX);
  }
  const edits = allowedEdits(typed);
  if (edits > 0) {
    for (let id = 0; id < text.words.length; id += 1) {
      if (matches[id] !== 0) continue;
      const word = text.words[id] as string;
      if (Math.abs(word.length - typed.length) <= edits && withinEdits(typed, word, edits)) mark(id, MATCH_FUZZY);
    }
  }
  return { matches, postings, ids };
}
