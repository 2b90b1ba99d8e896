import { describe, expect, it } from "vitest";
import type { Directory, Service } from "../directory";
import { buildSearchIndex } from "./build";
import { searchServices } from "./query";
import { allowedEdits, matchOf, queryWords, withinEdits, wordsOf, MATCH_EXACT, MATCH_FUZZY, MATCH_NONE, MATCH_PREFIX } from "./text";

const service = (id: string, name: string, description?: string, extra: Partial<Service> = {}): Service => ({
  id,
  organisationId: "org-1",
  status: "active",
  name,
  categories: ["befriending"],
  ...(description === undefined ? {} : { description }),
  ...extra,
});

const directory: Directory = {
  organisations: [],
  locations: [],
  services: [
    service("name", "Example walking group"),
    service("split", "Example walking", "A group that meets on Sundays."),
    service("description", "Example Sunday club", "A walking group."),
    service("prefix", "Example walkers group"),
    service("typo", "Example walkng group"),
    service("one-word", "Example walking"),
    service("older", "Example walking group", undefined, { lastReviewed: "2025-01-01" }),
    service("newer", "Example walking group", undefined, { lastReviewed: "2026-01-01" }),
    service("accent", "Example Gàidhlig conversation café"),
  ],
};
const index = buildSearchIndex(directory);
const ranked = (text: string) => searchServices(index, { text }).map((match) => [match.service.id, match.score]);

describe("words", () => {
  it("folds case and accents, splits at anything but letters and digits, and drops stop words", () => {
    expect(wordsOf("Gàidhlig CAFÉ: 50+ near me, for the over-60s")).toEqual(["gaidhlig", "cafe", "50", "over", "60s"]);
    expect(queryWords("peer peer support near me")).toEqual(["peer", "support"]);
  });
  it("allows no typo up to 4 letters, one up to 7 and two from 8", () => {
    expect([allowedEdits("walk"), allowedEdits("walks"), allowedEdits("walking"), allowedEdits("befriend")]).toEqual([0, 1, 1, 2]);
    expect(withinEdits("befreind", "befriend", 2)).toBe(true);
    expect(withinEdits("kitten", "sitting", 2)).toBe(false);
    expect(withinEdits("kitten", "sitting", 3)).toBe(true);
  });
  it("matches a typed word exactly, as the start of a word, or with a typo", () => {
    expect(matchOf("walking", "walking")).toBe(MATCH_EXACT);
    expect(matchOf("walk", "walking")).toBe(MATCH_PREFIX);
    expect(matchOf("walkng", "walking")).toBe(MATCH_FUZZY);
    expect(matchOf("walk", "wall")).toBe(MATCH_NONE);
  });
});

describe("text ranking rules", () => {
  it("counts a word in the name 3, in a category label 2, in the description 1, divided by 3 per typed word", () => {
    const scores = Object.fromEntries(ranked("walking group"));
    // relevance = 0.5 + 0.5 * text score; no place was given, so there is no distance decay.
    expect(scores.name).toBe(1); // (3 + 3) / 6 = 1
    expect(scores.split).toBe(0.833333); // (3 + 1) / 6
    expect(scores.description).toBe(0.666667); // (1 + 1) / 6
    expect(scores["one-word"]).toBeUndefined(); // every typed word must be found
    expect(Object.fromEntries(ranked("befriending")).name).toBe(0.833333); // the category label: 2 / 3
  });
  it("counts an exact word 1, the start of a word 0.75 and a typo 0.5", () => {
    const scores = Object.fromEntries(ranked("walking group"));
    expect(scores.typo).toBe(0.875); // (3 * 0.5 + 3) / 6 = 0.75
    expect(Object.fromEntries(ranked("walk group")).name).toBe(0.9375); // (3 * 0.75 + 3) / 6 = 0.875
    expect(scores.prefix).toBeUndefined(); // "walkers" is neither "walking", its start, nor one letter away
  });
  it("puts the better text match first, then the fresher record, then by id", () => {
    expect(ranked("walking group").map(([id]) => id)).toEqual(["newer", "older", "name", "typo", "split", "description"]);
  });
  it("ignores case, accents and stop words in the query", () => {
    expect(ranked("GAIDHLIG cafe near me")).toEqual([["accent", 1]]);
  });
});
