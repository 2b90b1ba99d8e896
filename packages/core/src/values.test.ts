import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compareDates, daysBetween, IsoDate, IsoDateTime, toEpochMillis, toIsoDate } from "./dates";
import { Coding, Identifier, isIdentifier, PersonReference } from "./ids";
import { Provenance, Role, roleLabels } from "./roles";
import { isLanguageTag, LanguageTag, localise, LocalisedText } from "./text";
import { safeParseResult } from "./parse";

describe("identifiers", () => {
  it("accepts bounded, trimmed identifiers", () => {
    expect(Identifier.safeParse("goal-1").success).toBe(true);
    expect(Identifier.safeParse("a").success).toBe(true);
    expect(Identifier.safeParse("two words").success).toBe(true);
    for (const bad of ["", " lead", "trail ", "x".repeat(129), "tab\tinside", 5]) expect(Identifier.safeParse(bad).success).toBe(false);
  });

  it("isIdentifier gives the schema's answer for any value", () => {
    const awkward = fc.oneof(
      fc.string({ maxLength: 140 }),
      fc.string({ unit: fc.constantFrom("a", " ", "\t", "\n", "\u0000", "\u007f", "\u0085", "\u00a0", "\u2028", "\u3000", "é", "😀", "\ud83d", "\ude00"), maxLength: 300 }),
      fc.constantFrom("x".repeat(128), "x".repeat(129), "", " ", "😀".repeat(64), "😀".repeat(128), "😀".repeat(129), "\ud83d".repeat(129)),
      fc.anything(),
    );
    fc.assert(fc.property(awkward, (value) => {
      expect(isIdentifier(value)).toBe(Identifier.safeParse(value).success);
    }), { numRuns: 2000 });
  });

  it("keeps person references pseudonymous", () => {
    expect(PersonReference.safeParse("person-7f3a9c").success).toBe(true);
    const email = safeParseResult(PersonReference, "jane@example.org");
    expect(email.ok ? [] : email.issues.map((found) => found.code)).toEqual(["not_pseudonymous"]);
    expect(PersonReference.safeParse("943 476 5919").success).toBe(false);
    expect(PersonReference.safeParse("9434765919").success).toBe(false);
    // The digits of a valid NHS number identify the person whatever is written around them.
    expect(PersonReference.safeParse("ref-9434765919").success).toBe(false);
    expect(PersonReference.safeParse("ref-9434765918").success).toBe(true);
  });

  it("gives the same answers when references repeat, and past the memory of accepted ones", () => {
    const message = (value: string) => {
      const result = safeParseResult(PersonReference, value);
      return result.ok ? "ok" : result.issues.map((found) => `${found.code}: ${found.message}`).join("; ");
    };
    const first = message("943 476 5919");
    expect(first).toMatch(/^not_pseudonymous: .*NHS number/);
    expect(first).not.toContain("943");
    for (let round = 0; round < 3; round++) {
      expect(message("943 476 5919")).toBe(first);
      expect(message("person-7f3a9c")).toBe("ok");
    }
    for (let index = 0; index < 10_050; index++) expect(PersonReference.safeParse(`person-${index}`).success).toBe(true);
    expect(message("943 476 5919")).toBe(first);
    expect(message("jane@example.org")).toMatch(/^not_pseudonymous: .*email address/);
  });

  it("models codings", () => {
    expect(Coding.safeParse({ system: "http://snomed.info/sct", code: "871731000000106" }).success).toBe(true);
    expect(Coding.safeParse({ system: "", code: "1" }).success).toBe(false);
  });
});

describe("dates", () => {
  it("requires an offset on date-times", () => {
    expect(IsoDateTime.safeParse("2026-03-01T09:30:00+00:00").success).toBe(true);
    expect(IsoDateTime.safeParse("2026-03-01T09:30:00Z").success).toBe(true);
    expect(IsoDateTime.safeParse("2026-03-01T09:30:00").success).toBe(false);
    expect(IsoDate.safeParse("2026-02-30").success).toBe(false);
  });

  it("does calendar arithmetic in whole days", () => {
    expect(toEpochMillis("1970-01-02")).toBe(86_400_000);
    expect(toIsoDate("2026-03-01T23:30:00-02:00")).toBe("2026-03-02");
    expect(toIsoDate(new Date(Date.UTC(2026, 0, 5)))).toBe("2026-01-05");
    expect(daysBetween("2026-03-01", "2026-03-15")).toBe(14);
    expect(daysBetween("2026-03-15", "2026-03-01")).toBe(-14);
    expect(daysBetween("2026-03-28T23:00:00Z", "2026-03-30")).toBe(2);
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(["2026-03-02", "2026-03-01"].sort(compareDates)).toEqual(["2026-03-01", "2026-03-02"]);
  });
});

describe("roles and provenance", () => {
  it("labels every role", () => {
    for (const role of Role.options) expect(roleLabels[role].length).toBeGreaterThan(0);
  });

  it("validates provenance strictly", () => {
    expect(Provenance.safeParse({ recordedBy: "p-1", role: "person", recordedAt: "2026-03-01T10:00:00Z" }).success).toBe(true);
    const result = safeParseResult(Provenance, { recordedBy: "p-1", role: "doctor", recordedAt: "2026-03-01T10:00:00Z", extra: 1 });
    expect(result.ok ? [] : result.issues.map((found) => found.code).sort()).toEqual(["invalid_value", "unknown_field"]);
  });
});

describe("localised text", () => {
  it("requires English and BCP 47 keys", () => {
    expect(LocalisedText.safeParse({ en: "Hello", gd: "Halò", cy: "Helo", "en-x-easyread": "Hi" }).success).toBe(true);
    const missing = safeParseResult(LocalisedText, { gd: "Halò" });
    expect(missing.ok ? [] : missing.issues).toEqual([{ path: ["en"], code: "required", message: "This field is required." }]);
    const badKey = safeParseResult(LocalisedText, { en: "Hello", english: "Hello" });
    expect(badKey.ok ? [] : badKey.issues.map((found) => [found.path, found.code])).toEqual([[["english"], "invalid_language_tag"]]);
    expect(LocalisedText.safeParse({ en: "" }).success).toBe(false);
  });

  it("recognises language tags", () => {
    expect(isLanguageTag("gd")).toBe(true);
    expect(isLanguageTag("en-GB")).toBe(true);
    expect(isLanguageTag("english")).toBe(false);
    expect(isLanguageTag("en-")).toBe(false);
    expect(isLanguageTag("xx-aaaaaaaaa")).toBe(false);
    expect(LanguageTag.safeParse("cy").success).toBe(true);
    expect(LanguageTag.safeParse("zz-123456789").success).toBe(false);
  });

  it("picks the best language, falling back to English", () => {
    const text = { en: "Agree", cy: "Cytuno", "en-x-easyread": "Yes, I agree" };
    expect(localise(text, ["cy-GB", "en"])).toBe("Cytuno");
    expect(localise(text, ["en-x-easyread"])).toBe("Yes, I agree");
    expect(localise(text, ["gd"])).toBe("Agree");
    expect(localise(text)).toBe("Agree");
    expect(localise({ en: "Agree", "cy-GB": "Cytuno" }, ["cy"])).toBe("Cytuno");
  });
});

describe("language tag memory", () => {
  it("gives the same verdicts when asked again, beyond its memory size", () => {
    const tags = Array.from({ length: 1_200 }, (_, index) => (index % 2 === 0 ? `en-x-v${index}` : `bad tag ${index}`));
    const first = tags.map(isLanguageTag);
    const second = tags.map(isLanguageTag);
    expect(second).toEqual(first);
    expect(first.filter(Boolean)).toHaveLength(600);
  });
});

describe("identifier characters", () => {
  it("rejects C0, DEL and C1 control characters anywhere", () => {
    for (const bad of ["a\u0000b", "a\u001fb", "a\u007fb", "a\u0085b", "\u0085", "a\u009f"]) expect(Identifier.safeParse(bad).success).toBe(false);
    for (const good of ["é", "a é b", "ü-1", "名前"]) expect(Identifier.safeParse(good).success).toBe(true);
  });
});
