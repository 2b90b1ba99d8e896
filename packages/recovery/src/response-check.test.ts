import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileInstrument, serviceExperienceQuestionnaire, validateResponse, type InstrumentDefinition } from "./index";
import { conditional, phq9 } from "../test/instruments";

function agreeFor(instrument: InstrumentDefinition) {
  const compiled = compileInstrument(instrument);
  const codes = [...new Set(instrument.scales.flatMap((scale) => scale.options.map((option) => option.code))), "not-a-code", " padded", ""];
  const itemIds = [...instrument.items.map((item) => item.id), "unknown-item"];
  const answers = fc.dictionary(fc.constantFrom(...itemIds), fc.oneof(fc.constantFrom(...codes), fc.integer(), fc.constant(null)), { maxKeys: itemIds.length });
  const response = fc.record(
    {
      instrumentId: fc.constantFrom(instrument.id, "other"),
      instrumentVersion: fc.constantFrom(instrument.version, "9.9.9"),
      id: fc.oneof(fc.constantFrom("r-1", " r-1", ""), fc.integer()),
      respondent: fc.constantFrom("person-7f3a9c", "jane@example.org", "943 476 5919"),
      completedAt: fc.constantFrom("2026-03-01T10:00:00Z", "yesterday"),
      recorded: fc.constantFrom({ recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-03-01T10:00:00Z" }, { role: "nurse" }),
      answers: fc.oneof(answers, fc.constant([]), fc.constant("all")),
      extra: fc.boolean(),
    },
    { requiredKeys: ["instrumentId", "instrumentVersion", "answers"] },
  );
  fc.assert(
    fc.property(fc.oneof(response, fc.anything()), (input) => {
      const quick = compiled.validate(input);
      const full = validateResponse(instrument, input);
      expect(quick).toEqual(full);
      if (quick.ok && full.ok) expect(JSON.stringify(quick.value)).toBe(JSON.stringify(full.value));
    }),
    { numRuns: 400 },
  );
}

describe("the compiled validator's fast path", () => {
  it("answers exactly as the full validation does, value and issues", () => {
    for (const instrument of [serviceExperienceQuestionnaire, phq9, conditional]) agreeFor(instrument);
  });
});

describe("a valid response", () => {
  it("comes back as the schema outputs it: fresh objects, fields in schema order", () => {
    const compiled = compileInstrument(phq9);
    const input = { answers: { q1: "1", q2: "0" }, id: "r-7", instrumentVersion: "1.0.0", instrumentId: "phq-9-local", recorded: { recordedBy: "person-7f3a9c", role: "person" as const, recordedAt: "2026-03-01T10:00:00Z" } };
    const checked = compiled.validate(input);
    expect(checked).toEqual(validateResponse(phq9, input));
    if (!checked.ok) throw new Error("expected a valid response");
    expect(checked.value).not.toBe(input);
    expect(checked.value.answers).not.toBe(input.answers);
    expect(Object.keys(checked.value)).toEqual(["instrumentId", "instrumentVersion", "id", "recorded", "answers"]);
    expect(compiled.validate({ ...input, id: undefined }).ok).toBe(validateResponse(phq9, { ...input, id: undefined }).ok);
  });
});
