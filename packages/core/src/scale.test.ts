import { describe, expect, it } from "vitest";
import { agreementScale, normaliseToPercent, OrdinalScale, reverseScore, scaleBounds, ScaleOption, scoreOption } from "./scale";
import { safeParseResult } from "./parse";
import { isSelfManageError } from "./errors";

describe("ordinal scales", () => {
  it("ships a valid agreement scale", () => {
    expect(OrdinalScale.parse(agreementScale)).toEqual(agreementScale);
    expect(scaleBounds(agreementScale)).toEqual({ min: 1, max: 5 });
  });

  it("scores options and excludes not applicable and don't know", () => {
    expect(scoreOption(agreementScale, "agree")).toEqual({ kind: "scored", value: 4 });
    expect(scoreOption(agreementScale, "not-applicable")).toEqual({ kind: "excluded", reason: "not-applicable" });
    expect(scoreOption(agreementScale, "dont-know")).toEqual({ kind: "excluded", reason: "dont-know" });
    expect(scoreOption(agreementScale, "maybe")).toBeUndefined();
  });

  it("reverses and normalises values", () => {
    expect(reverseScore(5, { min: 1, max: 5 })).toBe(1);
    expect(reverseScore(1, { min: 0, max: 3 })).toBe(2);
    expect(normaliseToPercent(3, { min: 1, max: 5 })).toBe(50);
    expect(normaliseToPercent(0, { min: 0, max: 4 })).toBe(0);
    expect(() => normaliseToPercent(1, { min: 1, max: 1 })).toThrow();
  });

  it("rejects duplicate codes, too few scored options and confused exclusions", () => {
    const result = safeParseResult(OrdinalScale, {
      id: "broken",
      options: [
        { code: "a", value: 1, label: { en: "A" } },
        { code: "a", exclusion: "dont-know", label: { en: "Again" } },
      ],
    });
    expect(result.ok ? [] : result.issues.map((found) => [found.path.join("."), found.code])).toEqual([
      ["options.1.code", "duplicate_code"],
      ["options", "too_few_scored_options"],
    ]);
    const option = safeParseResult(ScaleOption, { code: "x", label: { en: "X" } });
    expect(option.ok ? [] : option.issues.map((found) => found.code)).toEqual(["missing_value"]);
    const both = safeParseResult(ScaleOption, { code: "x", value: 0, exclusion: "not-applicable", label: { en: "X" } });
    expect(both.ok ? [] : both.issues.map((found) => found.code)).toEqual(["excluded_with_value"]);
  });

  it("throws a coded error for bounds of an unvalidated scale", () => {
    const broken = { id: "x", options: [{ code: "a", value: 1, label: { en: "A" } }] } as OrdinalScale;
    try {
      scaleBounds(broken);
      expect.unreachable();
    } catch (error) {
      expect(isSelfManageError(error, "invalid-definition")).toBe(true);
    }
  });
});
