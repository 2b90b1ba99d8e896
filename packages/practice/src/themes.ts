import type { PathSegment } from "@selfmanage/core";
import type { Reflection } from "./reflection";
import { taxonomyTerms, TaxonomyCategory, type PracticeTaxonomy } from "./taxonomy";
import { scanWords, tokenise } from "./tokens";

interface Phrase {
  readonly category: TaxonomyCategory;
  readonly termId: string;
  readonly words: readonly string[];
  readonly text: string;
}

interface MatcherNode {
  readonly next: Map<string, number>;
  fail: number;
  outputs: number[];
}

/**
 * A taxonomy's terms and synonyms compiled for matching: build it once with
 * {@link compileThemeMatcher} and reuse it for every text. Treat it as opaque.
 *
 * @example
 * ```ts
 * const matcher: ThemeMatcher = compileThemeMatcher(reflectivePracticeTaxonomy);
 * matcher.taxonomyId; // "self-management-reflective-practice"
 * ```
 */
export interface ThemeMatcher {
  /** The taxonomy the matcher was compiled from. */
  readonly taxonomyId: string;
  /** How many distinct phrases it looks for. */
  readonly phraseCount: number;
  /** @internal */
  readonly phrases: readonly Phrase[];
  /** @internal */
  readonly nodes: readonly MatcherNode[];
  /** @internal The most words in one phrase. */
  readonly longest: number;
}

/**
 * Compile a taxonomy's synonyms into a matcher (labels are not matched on their own: a label
 * such as "Time" is too loose, so the data lists the forms worth finding as synonyms). It
 * is a word-level Aho-Corasick automaton: matching a text takes time in proportion to its
 * length, however many phrases there are, and no regular expression is built from the data.
 *
 * @example
 * ```ts
 * const matcher = compileThemeMatcher(reflectivePracticeTaxonomy);
 * findThemes("We never have enough time", matcher);
 * ```
 */
export function compileThemeMatcher(taxonomy: PracticeTaxonomy): ThemeMatcher {
  const phrases: Phrase[] = [];
  const nodes: MatcherNode[] = [{ next: new Map(), fail: 0, outputs: [] }];
  const seen = new Set<string>();
  for (const category of TaxonomyCategory.options) {
    for (const term of taxonomyTerms(taxonomy, category)) {
      for (const text of term.synonyms ?? []) {
        const words = tokenise(text).map((token) => token.word);
        const key = `${category}\u0000${term.id}\u0000${words.join(" ")}`;
        if (words.length === 0 || seen.has(key)) continue;
        seen.add(key);
        let state = 0;
        for (const word of words) {
          const node = nodes[state] as MatcherNode;
          let child = node.next.get(word);
          if (child === undefined) {
            child = nodes.length;
            nodes.push({ next: new Map(), fail: 0, outputs: [] });
            node.next.set(word, child);
          }
          state = child;
        }
        (nodes[state] as MatcherNode).outputs.push(phrases.length);
        phrases.push({ category, termId: term.id, words, text: words.join(" ") });
      }
    }
  }
  // Breadth first, so that every node's failure target is finished before the node itself.
  const queue: number[] = [...(nodes[0] as MatcherNode).next.values()];
  for (let head = 0; head < queue.length; head++) {
    const node = nodes[queue[head] as number] as MatcherNode;
    for (const [word, child] of node.next) {
      let fallback = node.fail;
      while (fallback !== 0 && !(nodes[fallback] as MatcherNode).next.has(word)) fallback = (nodes[fallback] as MatcherNode).fail;
      const target = (nodes[fallback] as MatcherNode).next.get(word);
      const childNode = nodes[child] as MatcherNode;
      childNode.fail = target !== undefined && target !== child ? target : 0;
      childNode.outputs = [...childNode.outputs, ...(nodes[childNode.fail] as MatcherNode).outputs];
      queue.push(child);
    }
  }
  const longest = phrases.reduce((most, phrase) => Math.max(most, phrase.words.length), 1);
  return { taxonomyId: taxonomy.id, phraseCount: phrases.length, phrases, nodes, longest };
}

/**
 * One place a term's label or synonym was found in a text.
 *
 * @example
 * ```ts
 * const found: ThemeMatch = { category: "challenge", termId: "time", phrase: "no time", start: 10, end: 17 };
 * ```
 */
export interface ThemeMatch {
  /** The category of the term. */
  readonly category: TaxonomyCategory;
  /** The term suggested. */
  readonly termId: string;
  /** The taxonomy's phrase that matched, in its compared form (lower case, words separated by spaces). */
  readonly phrase: string;
  /** Where the match starts in the text (UTF-16 offset). */
  readonly start: number;
  /** Just after where it ends. */
  readonly end: number;
}

/**
 * Find the taxonomy's terms in a text, by their synonyms: whole words, ignoring
 * case, accents and punctuation. Where phrases of the same term overlap, the longest is kept.
 * These are **suggestions** for a person to confirm: matching cannot tell "we had time" from
 * "we never had time".
 *
 * @example
 * ```ts
 * const matcher = compileThemeMatcher(reflectivePracticeTaxonomy);
 * findThemes("Building trust takes time; there is no time.", matcher).map((found) => `${found.category}:${found.termId}`);
 * // ["challenge:building-trust", "challenge:time"]
 * ```
 */
export function findThemes(text: string, matcher: ThemeMatcher): ThemeMatch[] {
  const found: ThemeMatch[] = [];
  const { nodes, phrases, longest } = matcher;
  // The starts of the last few words, enough to find where the longest phrase began.
  const starts: number[] = new Array<number>(longest).fill(0);
  let count = 0;
  let state = 0;
  scanWords(text, (word, start, end) => {
    starts[count % longest] = start;
    count++;
    while (state !== 0 && !(nodes[state] as MatcherNode).next.has(word)) state = (nodes[state] as MatcherNode).fail;
    state = (nodes[state] as MatcherNode).next.get(word) ?? 0;
    for (const output of (nodes[state] as MatcherNode).outputs) {
      const phrase = phrases[output] as Phrase;
      const first = starts[(count - phrase.words.length) % longest] as number;
      found.push({ category: phrase.category, termId: phrase.termId, phrase: phrase.text, start: first, end });
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const keptEnd = new Map<string, number>();
  return found.filter((match) => {
    const key = `${match.category}\u0000${match.termId}`;
    if ((keptEnd.get(key) ?? -1) > match.start) return false;
    keptEnd.set(key, match.end);
    return true;
  });
}

/**
 * Where in a reflection a free-text field is.
 *
 * @example
 * ```ts
 * const field: ReflectionTextField = "plan.text";
 * ```
 */
export type ReflectionTextField = "meaning.text" | "freeText" | "plan.text" | "followUp.changed" | "followUp.gotInTheWay";

/**
 * The free-text fields of a reflection, with their paths.
 *
 * @example
 * ```ts
 * reflectionTexts(reflection).map((entry) => entry.field); // e.g. ["meaning.text", "plan.text"]
 * ```
 */
export function reflectionTexts(reflection: Reflection): { field: ReflectionTextField; path: PathSegment[]; text: string }[] {
  const texts: { field: ReflectionTextField; path: PathSegment[]; text: string | undefined }[] = [
    { field: "meaning.text", path: ["meaning", "text"], text: reflection.meaning.text },
    { field: "freeText", path: ["freeText"], text: reflection.freeText },
    { field: "plan.text", path: ["plan", "text"], text: reflection.plan?.text },
    { field: "followUp.changed", path: ["followUp", "changed"], text: reflection.followUp?.changed },
    { field: "followUp.gotInTheWay", path: ["followUp", "gotInTheWay"], text: reflection.followUp?.gotInTheWay },
  ];
  return texts.flatMap((entry) => (entry.text === undefined ? [] : [{ field: entry.field, path: entry.path, text: entry.text }]));
}

/**
 * A term suggested by a reflection's free text, for a person to confirm or dismiss. It is
 * never a tag: the reflection is unchanged until someone confirms it with {@link confirmThemes}.
 *
 * @example
 * ```ts
 * const suggestion: ThemeSuggestion = {
 *   status: "suggested",
 *   category: "solution",
 *   termId: "working-across-services",
 *   alreadyTagged: false,
 *   occurrences: [{ field: "freeText", path: ["freeText"], phrase: "other services", start: 24, end: 38 }],
 * };
 * ```
 */
export interface ThemeSuggestion {
  /** Always `"suggested"`: a person decides whether it becomes a tag. */
  readonly status: "suggested";
  /** The category of the term. */
  readonly category: TaxonomyCategory;
  /** The term suggested. */
  readonly termId: string;
  /** True when the reflection already has this tag (anywhere it can be tagged). */
  readonly alreadyTagged: boolean;
  /** Every place the term was found, in field order. */
  readonly occurrences: readonly { field: ReflectionTextField; path: PathSegment[]; phrase: string; start: number; end: number }[];
}

function taggedIn(reflection: Reflection, category: TaxonomyCategory): Set<string> {
  switch (category) {
    case "pillar":
      return new Set(reflection.meaning.pillars);
    case "technique":
      return new Set([...reflection.techniques, ...(reflection.plan?.techniques ?? [])]);
    case "challenge":
      return new Set([...reflection.challenges, ...(reflection.followUp?.barriers ?? [])]);
    case "solution":
      return new Set(reflection.solutions.map((proposed) => proposed.solution));
  }
}

/**
 * Suggest themes for one reflection from all of its free text: one suggestion per term found,
 * with every place it was found and whether the reflection is already tagged with it. Pass a
 * compiled matcher when suggesting for many reflections.
 *
 * @example
 * ```ts
 * const suggestions = suggestReflectionThemes(reflection, compileThemeMatcher(reflectivePracticeTaxonomy));
 * const toReview = suggestions.filter((suggestion) => !suggestion.alreadyTagged);
 * ```
 */
export function suggestReflectionThemes(reflection: Reflection, matcher: ThemeMatcher | PracticeTaxonomy): ThemeSuggestion[] {
  const compiled = "nodes" in matcher ? matcher : compileThemeMatcher(matcher);
  const byTerm = new Map<string, { category: TaxonomyCategory; termId: string; occurrences: ThemeSuggestion["occurrences"][number][] }>();
  for (const entry of reflectionTexts(reflection)) {
    for (const match of findThemes(entry.text, compiled)) {
      const key = `${match.category}\u0000${match.termId}`;
      const suggestion = byTerm.get(key) ?? { category: match.category, termId: match.termId, occurrences: [] };
      suggestion.occurrences.push({ field: entry.field, path: entry.path, phrase: match.phrase, start: match.start, end: match.end });
      byTerm.set(key, suggestion);
    }
  }
  const order = new Map(TaxonomyCategory.options.map((category, index) => [category, index]));
  return [...byTerm.values()]
    .sort((a, b) => (order.get(a.category) as number) - (order.get(b.category) as number))
    .map((suggestion) => ({ status: "suggested" as const, ...suggestion, alreadyTagged: taggedIn(reflection, suggestion.category).has(suggestion.termId) }));
}
