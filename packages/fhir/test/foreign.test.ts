import { describe, expect, it } from "vitest";
import { formatPath } from "@selfmanage/core";
import { builtInInstruments, type InstrumentDefinition } from "@selfmanage/recovery";
import { fromFhir, parseNdjson, toNdjson, goalToFhir, validateFhir, toBundle, instrumentToQuestionnaire } from "../src/index";
import { goalArbitrary } from "./arbitraries";
import fc from "fast-check";

const pcoGoal = {
  resourceType: "Goal",
  id: "pco-walk",
  extension: [
    { url: "http://hl7.org/fhir/us/pco/StructureDefinition/pco-goal-attainment-scaling", extension: [{ url: "level", valueCoding: { system: "http://loinc.org", code: "LA34481-4" } }, { url: "text", valueString: "Walk the dog once a week" }] },
    { url: "https://example.org/unknown", valueString: "kept as a notice" },
  ],
  lifecycleStatus: "active",
  achievementStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/goal-achievement", code: "in-progress" }] },
  priority: { text: "high" },
  description: { text: "Walk dog outside once a week" },
  subject: { reference: "Patient/123" },
  target: [{ dueDate: "2024-09" }],
};

describe("reading FHIR that is not ours", () => {
  it("names each problem by its FHIRPath and never repeats a value", () => {
    const imported = fromFhir(pcoGoal);
    const paths = imported.issues.map((found) => formatPath(found.path));
    expect(paths).toContain("Goal.target[0].dueDate");
    expect(paths).toContain("Goal.subject.identifier");
    for (const found of imported.issues) expect(found.message).not.toContain("2024-09");
    expect(imported.goals).toEqual([]);
  });

  it("keeps elements it has no place for in notices, with their paths only", () => {
    const notices = fromFhir(pcoGoal).notices.map((notice) => formatPath(notice.path));
    expect(notices).toContain("Goal.extension[1]");
    expect(notices).toContain("Goal.priority");
    for (const notice of fromFhir(pcoGoal).notices) expect(notice.message).not.toContain("kept as a notice");
  });

  it("refuses an unknown modifier extension instead of ignoring it", () => {
    const imported = fromFhir({ ...pcoGoal, modifierExtension: [{ url: "https://example.org/not", valueBoolean: true }] });
    expect(imported.issues.map((found) => found.code)).toContain("unknown_modifier_extension");
  });

  it("says what a resource it cannot use is, and why", () => {
    expect(fromFhir({ resourceType: "Patient", id: "p" }).notices.map((notice) => notice.code)).toEqual(["resource_not_kept"]);
    expect(validateFhir({ resourceType: "Goal" }).map((found) => formatPath(found.path))).toEqual(expect.arrayContaining(["Goal.lifecycleStatus", "Goal.description", "Goal.subject"]));
  });

  it("reads NDJSON line by line, with the line of any line that is not JSON", () => {
    fc.assert(
      fc.property(goalArbitrary, (goal) => {
        const text = `${toNdjson(goalToFhir(goal))}{oops\n`;
        const parsed = parseNdjson(text);
        expect(parsed.issues.map((found) => found.path)).toEqual([[text.trim().split("\n").length - 1]]);
        expect(fromFhir(parsed.resources).goals).toEqual([goal]);
      }),
      { numRuns: 20 },
    );
  });

  it("refuses two resources with the same type and id in one bundle", () => {
    const [goal] = goalToFhir({ id: "g", person: "person-1", ownWords: "Walk", lifeArea: "other", expressedBy: "person", lifecycleStatus: "active", created: { recordedBy: "p", role: "person", recordedAt: "2026-01-01T00:00:00Z" } });
    const result = toBundle([goal!, goal!]);
    expect(result.ok).toBe(false);
  });
});

describe("a Questionnaire's licence, rule sources and LOINC codes from elsewhere", () => {
  const phq2 = builtInInstruments.find((instrument) => instrument.id === "phq-2") as InstrumentDefinition;

  it("keeps a copyright without our licence parts as a notice, and a code list without LOINC as a notice", () => {
    const { licence: _licence, loinc: _loinc, ...plain } = phq2;
    const questionnaire = { ...instrumentToQuestionnaire(plain), copyright: "© Someone else", code: [{ system: "https://example.org/codes", code: "x" }] };
    const imported = fromFhir(questionnaire);
    expect(imported.issues).toEqual([]);
    expect(imported.instruments[0]?.licence).toBeUndefined();
    const notices = imported.notices.map((notice) => formatPath(notice.path));
    expect(notices).toContain("Questionnaire.copyright");
    expect(notices).toContain("Questionnaire.code");
    for (const notice of imported.notices) expect(notice.message).not.toContain("Someone else");
  });

  it("names an incomplete rule source and an incomplete licence by their paths, without their values", () => {
    const questionnaire = instrumentToQuestionnaire(phq2);
    const instrumentExtension = (questionnaire.extension as Array<{ url: string; extension: Array<{ url: string; extension?: Array<{ url: string }> }> }>)[0];
    if (instrumentExtension === undefined) throw new Error("no instrument extension");
    for (const part of instrumentExtension.extension) {
      // Take the year out of every source, and the wording flag out of the licence.
      if (part.url === "source") part.extension = (part.extension ?? []).filter((inner) => inner.url !== "year");
      if (part.url === "licence") part.extension = (part.extension ?? []).filter((inner) => inner.url !== "wordingIncluded");
    }
    const imported = fromFhir(questionnaire);
    const codes = imported.issues.map((found) => `${formatPath(found.path)} ${found.code}`);
    expect(codes.some((line) => /^Questionnaire\.extension\[0\]\.extension\[\d+\] invalid_extension$/.test(line))).toBe(true);
    expect(imported.issues.some((found) => found.message.includes("licence"))).toBe(true);
    expect(imported.issues.some((found) => found.message.includes("citation and a year"))).toBe(true);
    for (const found of imported.issues) expect(found.message).not.toContain(phq2.licence?.notice as string);
  });

  it("reads a LOINC code on an item only when its check digit is right", () => {
    const questionnaire = instrumentToQuestionnaire(phq2);
    const [first] = questionnaire.item as Array<{ code?: Array<{ system: string; code: string }> }>;
    if (first?.code?.[0] === undefined) throw new Error("the first PHQ-2 item has no code");
    first.code[0].code = "44250-8";
    const imported = fromFhir(questionnaire);
    expect(imported.instruments[0]?.items[0]?.loinc).toBeUndefined();
    expect(imported.instruments[0]?.items[1]?.loinc).toBe(phq2.items[1]?.loinc);
    // The code it could not read is a notice at its path, without its value.
    expect(imported.notices.map((notice) => `${formatPath(notice.path)} ${notice.code}`)).toContain("Questionnaire.item[0].code[0] not_kept");
  });

  it("keeps an item code from another system as a notice, and the known ones without one", () => {
    const questionnaire = instrumentToQuestionnaire(phq2);
    const [first] = questionnaire.item as Array<{ code?: Array<{ system: string; code: string }> }>;
    if (first === undefined) throw new Error("PHQ-2 has no items");
    first.code = [...(first.code ?? []), { system: "http://snomed.info/sct", code: "720433000" }];
    const imported = fromFhir(questionnaire);
    expect(imported.issues).toEqual([]);
    const noted = imported.notices.filter((notice) => formatPath(notice.path).startsWith("Questionnaire.item[0].code"));
    expect(noted.map((notice) => formatPath(notice.path))).toEqual([`Questionnaire.item[0].code[${(first.code?.length ?? 1) - 1}]`]);
    expect(noted[0]?.message).not.toContain("720433000");
    expect(imported.instruments[0]?.items[0]?.loinc).toBe(phq2.items[0]?.loinc);
  });
});
