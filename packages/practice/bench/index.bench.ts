// Theme matching: the word-level Aho-Corasick matcher against the usual alternative, one regular
// expression with every synonym as an alternative between word boundaries. Both must find the same
// set of terms in every text; the figures show the matcher's cost per character stays flat as texts grow.
import { performance } from "node:perf_hooks";
import { seededRandom } from "@selfmanage/test-kit/random";
import { runBenchmarks } from "@selfmanage/test-kit/bench";
import { compileThemeMatcher, findThemes, reflectivePracticeTaxonomy, TaxonomyCategory, taxonomyTerms, tokenise } from "../src/index";

const taxonomy = reflectivePracticeTaxonomy;
const matcher = compileThemeMatcher(taxonomy);

const filler = ["we", "the", "person", "and", "service", "a", "meeting", "often", "with", "week", "to", "help", "their", "plan", "talk", "support", "about", "it", "is"];
const phrases = TaxonomyCategory.options.flatMap((category) => taxonomyTerms(taxonomy, category).flatMap((term) => term.synonyms ?? []));

function generateTexts(count: number, wordsEach: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const words: string[] = [];
    while (words.length < wordsEach) {
      if (random() < 0.08) words.push(phrases[Math.floor(random() * phrases.length)] as string);
      else words.push(filler[Math.floor(random() * filler.length)] as string);
    }
    return `${words.join(" ")}.`;
  });
}

// The baseline: synonyms as words, joined with spaces, longest first, as one case-insensitive alternation.
const phraseTerm = new Map<string, string>();
for (const category of TaxonomyCategory.options) {
  for (const term of taxonomyTerms(taxonomy, category)) {
    for (const synonym of term.synonyms ?? []) {
      const key = tokenise(synonym).map((token) => token.word).join(" ");
      const terms = phraseTerm.get(key);
      phraseTerm.set(key, terms === undefined ? `${category}:${term.id}` : `${terms}|${category}:${term.id}`);
    }
  }
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...phraseTerm.keys()].sort((a, b) => b.length - a.length).map((key) => key.split(" ").map(escape).join("[^\\p{L}\\p{N}]+")).join("|")})(?![\\p{L}\\p{N}])`, "giu");

function viaRegex(text: string): Set<string> {
  const found = new Set<string>();
  // Restart one character after each match start, so overlapping phrases are found as the matcher finds them.
  alternation.lastIndex = 0;
  for (let match = alternation.exec(text); match !== null; match = alternation.exec(text)) {
    for (const term of (phraseTerm.get(tokenise(match[0]).map((token) => token.word).join(" ")) ?? "").split("|")) if (term !== "") found.add(term);
    alternation.lastIndex = match.index + 1;
  }
  return found;
}

function viaMatcher(text: string): Set<string> {
  return new Set(findThemes(text, matcher).map((match) => `${match.category}:${match.termId}`));
}

const texts = generateTexts(2_000, 120, 20260501);

function agree(): void {
  texts.forEach((text, index) => {
    const expected = viaRegex(text);
    const got = viaMatcher(text);
    for (const term of expected) if (!got.has(term)) throw new Error(`Text ${index}: the matcher missed ${term}.`);
    for (const term of got) if (!expected.has(term)) throw new Error(`Text ${index}: the matcher found ${term}, the regular expression did not.`);
  });
}

function medianMs(run: () => unknown, rounds: number): number {
  run();
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const growth: Record<string, number | string> = {};
for (const words of [1_000, 10_000, 100_000]) {
  const [text] = generateTexts(1, words, 7 + words);
  const ms = medianMs(() => findThemes(text as string, matcher), 7);
  growth[`findThemes ms for ${words} words`] = Number(ms.toFixed(3));
  growth[`nanoseconds per character at ${words} words`] = Number(((ms * 1e6) / (text as string).length).toFixed(1));
}
// A text built to make backtracking engines work hard: a long run of one letter, with no word breaks.
const hostile = `${"a".repeat(200_000)} no time`;
growth["findThemes ms for 200,000 characters without a word break"] = Number(medianMs(() => findThemes(hostile, matcher), 7).toFixed(3));

runBenchmarks(
  "@selfmanage/practice",
  [
    {
      name: "suggest themes in 2,000 reflections of 120 words",
      baseline: { name: "one regular expression alternation", run: () => texts.map(viaRegex) },
      candidate: { name: "findThemes (word-level Aho-Corasick)", run: () => texts.map(viaMatcher) },
      rounds: 9,
      target: { maxRatio: 1.5 },
      check: agree,
    },
  ],
  { "suggest themes in 2,000 reflections of 120 words": growth },
);
console.log(growth);
