import { describe, expect, it } from "vitest";
import { compileInstrument, validateResponse } from "./index";
import { buildItemLookups, isShown } from "./response";
import { conditional, phq9 } from "../test/instruments";

const base = { instrumentId: "conditional", instrumentVersion: "1.2.0" };
const SENTINEL = "SENTINEL-4471-personal";

function codes(input: unknown): Array<[unknown[], string]> {
  const result = validateResponse(conditional, input);
  return result.ok ? [] : result.issues.map((found) => [found.path, found.code]);
}

describe("validateResponse", () => {
  it("accepts a response that answers only shown items", () => {
    const response = { ...base, id: "resp-1", respondent: "person-7f3a9c", completedAt: "2026-03-01T10:00:00Z", answers: { "has-carer": "no", "low-mood": "1" } };
    expect(validateResponse(conditional, response)).toEqual({ ok: true, value: response });
    expect(codes({ ...base, answers: { "has-carer": "yes", "carer-support": "na" } })).toEqual([]);
  });

  it("reports unknown items and out-of-scale answers", () => {
    expect(codes({ ...base, answers: { "has-carer": "no", "not-an-item": "1", "low-mood": "7" } })).toEqual([
      [["answers", "not-an-item"], "unknown_item"],
      [["answers", "low-mood"], "not_on_scale"],
    ]);
  });

  it("reports answers to items that were not shown, and missing required answers", () => {
    expect(codes({ ...base, answers: { "has-carer": "no", "carer-support": "2" } })).toEqual([[["answers", "carer-support"], "not_shown"]]);
    expect(codes({ ...base, answers: { "has-carer": "yes" } })).toEqual([[["answers", "carer-support"], "required"]]);
    expect(codes({ ...base, answers: {} })).toEqual([[["answers", "has-carer"], "required"]]);
  });

  it("needs the exact instrument and version", () => {
    expect(codes({ ...base, instrumentVersion: "1.3.0", answers: {} })).toEqual([[["instrumentVersion"], "wrong_version"]]);
    expect(codes({ ...base, instrumentId: "other", answers: {} })).toEqual([[["instrumentId"], "wrong_instrument"]]);
  });

  it("reports shape problems without echoing personal values", () => {
    const result = validateResponse(conditional, { ...base, respondent: "someone@example.org", answers: { "has-carer": 3 }, note: SENTINEL });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((found) => [found.path, found.code])).toEqual([
        [["respondent"], "not_pseudonymous"],
        [["answers", "has-carer"], "invalid_type"],
        [["note"], "unknown_field"],
      ]);
      expect(JSON.stringify(result.issues)).not.toContain(SENTINEL);
      expect(JSON.stringify(result.issues)).not.toContain("someone@example.org");
    }
  });

  it("never repeats a rejected answer or item id in a message", () => {
    const result = validateResponse(conditional, { ...base, answers: { "has-carer": SENTINEL, [SENTINEL]: "1", "carer-support": "2" } });
    if (result.ok) throw new Error("expected issues");
    expect(result.issues.map((found) => found.code)).toEqual(["not_on_scale", "unknown_item", "not_shown"]);
    for (const found of result.issues) expect(found.message).not.toContain("SENTINEL");
  });

  it("gives the same answers through a compiled instrument", () => {
    const compiled = compileInstrument(phq9);
    const input = { instrumentId: "phq-9-local", instrumentVersion: "1.0.0", answers: { q1: "4", q2: "1" } };
    expect(compiled.validate(input)).toEqual(validateResponse(phq9, input));
    expect(compiled.validate({ answers: {} }).ok).toBe(false);
  });
});

describe("isShown", () => {
  it("shows unconditional items and conditional ones only on a matching earlier answer", () => {
    const [first, second] = buildItemLookups(conditional).list;
    expect(isShown(first as NonNullable<typeof first>, {})).toBe(true);
    expect(isShown(second as NonNullable<typeof second>, {})).toBe(false);
    expect(isShown(second as NonNullable<typeof second>, { "has-carer": "yes" })).toBe(true);
  });
});
