import { describe, expect, it } from "vitest";
import { builtInTaxonomies, reflectivePracticeTaxonomy } from "./builtins";
import { extendTaxonomy } from "./extend";
import { acceptedTaxonomyIds, PracticeTaxonomy, Synonym, taxonomyTerms, validateTaxonomy } from "./taxonomy";

const codes = (result: { ok: boolean; issues?: { path: (string | number)[]; code: string }[] }) => (result.ok ? [] : (result.issues ?? []).map((found) => `${found.path.join(".")}: ${found.code}`));

describe("the built-in taxonomy", () => {
  it("is valid data with the five pillars, seven techniques, nine challenges in three areas and four solutions", () => {
    for (const taxonomy of builtInTaxonomies) expect(validateTaxonomy(taxonomy).ok).toBe(true);
    const taxonomy = reflectivePracticeTaxonomy;
    expect(taxonomy.pillars.map((term) => term.id)).toEqual(["holistic", "empowerment", "communication", "quality-service", "partnership-working"]);
    const byGroup = (terms: readonly { id: string; group?: string | undefined }[]) => {
      const groups: Record<string, string[]> = {};
      for (const term of terms) (groups[term.group ?? "none"] ??= []).push(term.id);
      return groups;
    };
    expect(byGroup(taxonomy.techniques)).toEqual({
      before: ["gathering-information", "sharing-good-practice", "training", "building-networks"],
      during: ["screening-tools", "signposting", "setting-realistic-goals"],
    });
    expect(byGroup(taxonomy.challenges)).toEqual({
      system: ["hierarchy", "time", "funding"],
      person: ["engagement", "unrealistic-goals", "reluctance-to-be-helped"],
      circumstances: ["competing-priorities", "building-trust", "condition-knowledge"],
    });
    expect(taxonomyTerms(taxonomy, "solution").map((term) => term.id)).toEqual(["working-with-colleagues", "working-across-services", "managing-expectations", "person-centred-communication"]);
    for (const category of ["pillar", "technique", "challenge", "solution"] as const) {
      for (const term of taxonomyTerms(taxonomy, category)) {
        expect(term.description?.en.length, term.id).toBeGreaterThan(20);
        expect(term.synonyms?.length, term.id).toBeGreaterThanOrEqual(3);
      }
    }
    expect(acceptedTaxonomyIds(taxonomy)).toEqual(["self-management-reflective-practice"]);
  });
});

describe("validateTaxonomy", () => {
  const base = reflectivePracticeTaxonomy;

  it("reports repeated ids, missing and unknown groups, and groups where none belong", () => {
    const broken = {
      ...base,
      pillars: [...base.pillars, { ...base.pillars[0], group: "before" }],
      techniques: [{ id: "x", label: { en: "X" } }, { id: "y", group: "after", label: { en: "Y" } }],
      challengeAreas: [...base.challengeAreas, base.challengeAreas[0]],
    };
    expect(codes(validateTaxonomy(broken))).toEqual([
      "pillars.5.id: duplicate_term",
      "pillars.5.group: unexpected_group",
      "techniques.0.group: required",
      "techniques.1.group: unknown_group",
      "challengeAreas.3.id: duplicate_group",
    ]);
  });

  it("keeps synonyms to between one and eight words", () => {
    expect(Synonym.safeParse("person-centred").success).toBe(true);
    expect(Synonym.safeParse("-- !").success).toBe(false);
    expect(Synonym.safeParse("one two three four five six seven eight").success).toBe(true);
    expect(Synonym.safeParse("one two three four five six seven eight nine").success).toBe(false);
    expect(PracticeTaxonomy.safeParse({ ...base, solutions: [] }).success).toBe(false);
  });
});

describe("extendTaxonomy", () => {
  it("adds a provider's terms, groups and synonyms, and names the base it extends", () => {
    const extended = extendTaxonomy(reflectivePracticeTaxonomy, {
      id: "fictional-provider",
      version: "2026.1",
      techniqueStages: [{ id: "after", label: { en: "After a meeting" } }],
      techniques: [{ id: "reflective-diary", group: "after", label: { en: "Reflective diary" }, synonyms: ["diary"] }],
      challenges: [{ id: "travel", group: "circumstances", label: { en: "Travel" }, synonyms: ["bus fare"] }],
      synonyms: { challenge: { time: ["rota gaps"] }, pillar: { empowerment: ["self-determination"] } },
    });
    if (!extended.ok) throw new Error(JSON.stringify(extended.issues));
    const taxonomy = extended.value;
    expect(taxonomy.id).toBe("fictional-provider");
    expect(taxonomy.version).toBe("2026.1");
    expect(taxonomy.title).toEqual(reflectivePracticeTaxonomy.title);
    expect(taxonomy.extends).toEqual([{ id: "self-management-reflective-practice", version: "1.0.0" }]);
    expect(acceptedTaxonomyIds(taxonomy)).toEqual(["fictional-provider", "self-management-reflective-practice"]);
    expect(taxonomy.techniques.map((term) => term.id).at(-1)).toBe("reflective-diary");
    expect(taxonomy.techniqueStages.map((group) => group.id)).toEqual(["before", "during", "after"]);
    expect(taxonomy.challenges.find((term) => term.id === "time")?.synonyms?.at(-1)).toBe("rota gaps");
    expect(taxonomy.pillars.find((term) => term.id === "empowerment")?.synonyms).toContain("self-determination");
    // The base is not changed.
    expect(reflectivePracticeTaxonomy.challenges.find((term) => term.id === "time")?.synonyms).not.toContain("rota gaps");
    // Extending an extension keeps the whole chain.
    const again = extendTaxonomy(taxonomy, { id: "fictional-team", title: { en: "Our team" }, description: { en: "Ours." }, source: "Our notes." });
    expect(again.ok && again.value.extends?.map((reference) => reference.id)).toEqual(["self-management-reflective-practice", "fictional-provider"]);
    expect(again.ok && again.value.description).toEqual({ en: "Ours." });
  });

  it("keeps what the base has out of reach, with paths in the extension", () => {
    const result = extendTaxonomy(reflectivePracticeTaxonomy, {
      id: "self-management-reflective-practice",
      techniqueStages: [{ id: "before", label: { en: "Before" } }],
      pillars: [{ id: "holistic", label: { en: "Again" } }, { id: "hope", group: "before", label: { en: "Hope" } }],
      techniques: [{ id: "peer-mentoring", label: { en: "Peer mentoring" } }, { id: "diary", group: "after", label: { en: "Diary" } }],
      synonyms: { solution: { "not-a-solution": ["x"] } },
    });
    expect(codes(result)).toEqual([
      "id: same_id",
      "techniqueStages.0.id: duplicate_group",
      "pillars.0.id: duplicate_term",
      "pillars.1.group: unexpected_group",
      "techniques.0.group: required",
      "techniques.1.group: unknown_group",
      "synonyms.solution.not-a-solution: unknown_term",
    ]);
    expect(extendTaxonomy(reflectivePracticeTaxonomy, { id: 7 }).ok).toBe(false);
  });
});
