import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeReflection } from "../test/fixtures";
import { reflectivePracticeTaxonomy as taxonomy } from "./builtins";
import { confirmThemes } from "./confirm";
import { extendTaxonomy } from "./extend";
import { compileThemeMatcher, findThemes, suggestReflectionThemes } from "./themes";
import { normaliseWord, tokenise } from "./tokens";

const matcher = compileThemeMatcher(taxonomy);
const found = (text: string) => findThemes(text, matcher).map((match) => `${match.category}:${match.termId}@${text.slice(match.start, match.end)}`);

describe("tokenise", () => {
  it("splits on punctuation and hyphens, ignores case and accents, and keeps offsets", () => {
    expect(tokenise("Person-centred, ÓPEN talk… don’t!")).toEqual([
      { word: "person", start: 0, end: 6 },
      { word: "centred", start: 7, end: 14 },
      { word: "open", start: 16, end: 20 },
      { word: "talk", start: 21, end: 25 },
      { word: "don't", start: 27, end: 32 },
    ]);
    expect(normaliseWord("Cafè")).toBe("cafe");
    expect(tokenise("")).toEqual([]);
  });
});

describe("findThemes", () => {
  it("finds synonyms as whole words in any case, with hyphens and spaces alike", () => {
    expect(found("Signposting helped, and PERSON CENTRED talk too.")).toEqual(["technique:signposting@Signposting", "solution:person-centred-communication@PERSON CENTRED"]);
    expect(found("We work in a person-centred way across services.")).toEqual(["solution:person-centred-communication@person-centred", "solution:working-across-services@across services"]);
    // Whole words only: "trustee" is not "trust", and "funded" is its own synonym.
    expect(found("The trustees funded it.")).toEqual(["challenge:funding@funded"]);
  });

  it("keeps the longest of overlapping phrases of one term, and reports every term that overlaps", () => {
    expect(found("Building trust takes time; there is no time.")).toEqual(["challenge:building-trust@Building trust", "challenge:time@no time"]);
    // "realistic goals" (technique) and "unrealistic goals" (challenge) do not collide.
    expect(found("Setting realistic goals, not unrealistic goals.")).toEqual(["technique:setting-realistic-goals@realistic goals", "challenge:unrealistic-goals@unrealistic goals"]);
    // Overlapping phrases of one term count once, from the earliest.
    expect(found("lack of knowledge of the condition")).toEqual(["challenge:condition-knowledge@lack of knowledge"]);
  });

  it("finds a phrase that ends inside a longer one (output links)", () => {
    const custom = extendTaxonomy(taxonomy, { id: "ext", synonyms: { challenge: { time: ["rota gaps"], funding: ["gaps"] } } });
    if (!custom.ok) throw new Error("extension not valid");
    const text = "big rota gaps";
    expect(findThemes(text, compileThemeMatcher(custom.value)).map((match) => `${match.termId}@${text.slice(match.start, match.end)}`)).toEqual(["time@rota gaps", "funding@gaps"]);
  });

  it("follows failure links across partial phrases", () => {
    const custom = extendTaxonomy(taxonomy, { id: "ext", synonyms: { challenge: { time: ["time on the rota"], hierarchy: ["on the rota board"] } } });
    if (!custom.ok) throw new Error("extension not valid");
    const extended = compileThemeMatcher(custom.value);
    const text = "time on the rota board";
    expect(findThemes(text, extended).map((match) => `${match.termId}@${text.slice(match.start, match.end)}`)).toEqual(["time@time on the rota", "hierarchy@on the rota board"]);
  });

  it("builds no regular expression from the data", () => {
    const custom = extendTaxonomy(taxonomy, { id: "ext", synonyms: { pillar: { holistic: ["(a+)+ c++ .*"] } } });
    if (!custom.ok) throw new Error("extension not valid");
    const text = `${"a".repeat(5000)}! c++ anything`;
    expect(findThemes(text, compileThemeMatcher(custom.value))).toEqual([]);
    expect(findThemes("(a+)+ c .*", compileThemeMatcher(custom.value)).map((match) => match.termId)).toEqual(["holistic"]);
  });

  it("never throws and returns offsets inside the text (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const match of findThemes(text, matcher)) {
          expect(match.start).toBeGreaterThanOrEqual(0);
          expect(match.end).toBeLessThanOrEqual(text.length);
          expect(match.start).toBeLessThan(match.end);
        }
      }),
    );
  });

  it("agrees with a plain phrase-by-phrase search (property)", () => {
    const vocabulary = ["no", "time", "building", "trust", "other", "services", "the", "and", "we", "person", "centred", "lack", "of"];
    const phrases = taxonomy.challenges.concat(taxonomy.solutions).flatMap((term) => (term.synonyms ?? []).map((synonym) => ({ termId: term.id, words: tokenise(synonym).map((token) => token.word) })));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }), (words) => {
        const text = words.join(" ");
        const expected = new Set<string>();
        for (const phrase of phrases) {
          for (let start = 0; start + phrase.words.length <= words.length; start++) {
            if (phrase.words.every((word, offset) => words[start + offset] === word)) expected.add(phrase.termId);
          }
        }
        const got = new Set(findThemes(text, matcher).filter((match) => match.category === "challenge" || match.category === "solution").map((match) => match.termId));
        expect(got).toEqual(expected);
      }),
    );
  });
});

describe("suggestReflectionThemes and confirmThemes", () => {
  const reflection = makeReflection(
    "r-1",
    "s-1",
    { challenges: ["time"] },
    {
      meaning: { pillars: [], text: "Letting the person take control." },
      freeText: "There is no time, and building trust is slow.",
      plan: { text: "Signpost to the walking group." },
      followUp: { date: "2026-06-01", planStatus: "partly", gotInTheWay: "Rota gaps and no time.", changed: "I signpost more." },
    },
  );

  it("suggests each term once, with every place it was found, and says which are already tagged", () => {
    const suggestions = suggestReflectionThemes(reflection, taxonomy);
    expect(suggestions.map((suggestion) => [suggestion.category, suggestion.termId, suggestion.alreadyTagged, suggestion.occurrences.map((occurrence) => occurrence.field)])).toEqual([
      ["pillar", "empowerment", false, ["meaning.text"]],
      ["technique", "signposting", false, ["plan.text", "followUp.changed"]],
      ["challenge", "time", true, ["freeText", "followUp.gotInTheWay"]],
      ["challenge", "building-trust", false, ["freeText"]],
    ]);
    for (const suggestion of suggestions) expect(suggestion.status).toBe("suggested");
    const [first] = suggestions;
    expect(first?.occurrences[0]).toEqual({ field: "meaning.text", path: ["meaning", "text"], phrase: "take control", start: 19, end: 31 });
    expect(suggestReflectionThemes(makeReflection("r-2", "s-1", { challenges: ["time"] }, { followUp: undefined }), matcher)).toEqual([]);
  });

  it("tags only what a person confirms, and leaves the reflection given unchanged", () => {
    const confirmed = confirmThemes(
      reflection,
      [
        { category: "pillar", termId: "empowerment" },
        { category: "technique", termId: "signposting" },
        { category: "challenge", termId: "time" },
        { category: "challenge", termId: "building-trust" },
        { category: "solution", termId: "working-across-services" },
        { category: "solution", termId: "working-across-services" },
      ],
      taxonomy,
    );
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.issues));
    expect(confirmed.value.meaning.pillars).toEqual(["empowerment"]);
    expect(confirmed.value.techniques).toEqual(["signposting"]);
    expect(confirmed.value.challenges).toEqual(["time", "building-trust"]);
    expect(confirmed.value.solutions).toEqual([{ solution: "working-across-services" }]);
    expect(reflection.challenges).toEqual(["time"]);
    const wrong = confirmThemes(reflection, [{ category: "pillar", termId: "signposting" }], taxonomy);
    expect(wrong).toEqual({ ok: false, issues: [{ path: [0, "termId"], code: "unknown_term", message: "This is not a pillar in the taxonomy." }] });
  });
});

describe("scanWords edge cases", () => {
  it("keeps combining marks and characters outside the basic plane inside words, and drops trailing apostrophes", () => {
    expect(tokenise("cafe\u0301 o\u2019clock carers' 𝒜bc \u00e9t\u00e9").map((token) => token.word)).toEqual(["cafe", "o'clock", "carers", "abc", "ete"]);
    expect(tokenise("naïve—café").map((token) => [token.word, token.start, token.end])).toEqual([
      ["naive", 0, 5],
      ["cafe", 6, 10],
    ]);
    expect(tokenise("\u0301 ' - ")).toEqual([]);
  });
});
