import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ok } from "@selfmanage/core";
import { compileInstrument, scoreResponse, serviceExperienceQuestionnaire, validateResponse, type InstrumentDefinition } from "./index";
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
      answers: fc.oneof(answers, fc.constant([]), fc.constant("all"), fc.constant(JSON.parse('{"__proto__":"x"}') as unknown), fc.constant({ [itemIds[0] as string]: undefined })),
      extra: fc.boolean(),
    },
    { requiredKeys: ["instrumentId", "instrumentVersion", "answers"] },
  );
  // Mostly valid responses, broken in at most one way, so that the fast paths are really taken.
  const validCodes = (item: InstrumentDefinition["items"][number]) => instrument.scales.find((scale) => scale.id === item.scale)?.options.map((option) => option.code) ?? [];
  const nearlyValid = fc
    .tuple(
      fc.tuple(...instrument.items.map((item) => fc.option(fc.constantFrom(...validCodes(item)), { nil: undefined, freq: 4 }))),
      fc.constantFrom("none", "unknown-item", "bad-code", "undefined-answer", "drop-first", "extra-field", "number"),
      fc.option(fc.constantFrom("r-1", "resp 2"), { nil: undefined }),
    )
    .map(([chosen, breakage, id]) => {
      const given: Record<string, unknown> = {};
      instrument.items.forEach((item, index) => {
        if (chosen[index] !== undefined) given[item.id] = chosen[index];
      });
      const first = instrument.items[0]?.id as string;
      if (breakage === "unknown-item") given["unknown-item"] = codes[0];
      if (breakage === "bad-code") given[first] = "not-a-code";
      if (breakage === "undefined-answer") given[first] = undefined;
      if (breakage === "drop-first") delete given[first];
      if (breakage === "number") given[first] = 1;
      const input: Record<string, unknown> = { instrumentId: instrument.id, instrumentVersion: instrument.version, answers: given };
      if (id !== undefined) input.id = id;
      if (breakage === "extra-field") input.extra = true;
      return input;
    });
  fc.assert(
    fc.property(fc.oneof({ arbitrary: nearlyValid, weight: 3 }, { arbitrary: response, weight: 1 }, { arbitrary: fc.anything(), weight: 1 }), (input) => {
      const quick = compiled.validate(input);
      const full = validateResponse(instrument, input);
      expect(quick).toEqual(full);
      // The same value (the full validation hands back a response valid as it stands itself, in its own key order).
      if (quick.ok && full.ok) expect(quick.value).toStrictEqual(full.value);
      // scoreResponse checks and scores valid responses in one pass: the same answer as validating, then scoring.
      expect(JSON.stringify(scoreResponse(instrument, input))).toBe(JSON.stringify(full.ok ? ok(compiled.score(full.value)) : full));
    }),
    { numRuns: 400 },
  );
}

describe("the compiled validator's fast path", () => {
  it("answers exactly as the full validation does, value and issues", () => {
    // One with required items too: a shown required item left out is not a valid response.
    const someRequired: InstrumentDefinition = { ...phq9, items: phq9.items.map((item, index) => (index % 3 === 0 ? { ...item, required: true } : item)) };
    for (const instrument of [serviceExperienceQuestionnaire, phq9, conditional, someRequired]) agreeFor(instrument);
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
