import { replaceOnePlace } from "./arbitraries";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fhirProblems } from "@selfmanage/test-kit/fhir";
import { builtInInstruments, compileInstrument, validateInstrument } from "@selfmanage/recovery";
import { fromFhir, instrumentToQuestionnaire, responseToQuestionnaireResponse, scoreToObservation, toBundle, type FhirResource } from "../src/index";
import { instrumentArbitrary, responsesArbitrary } from "./instrument-arbitraries";

const withResponses = instrumentArbitrary.chain((instrument) => fc.tuple(fc.constant(instrument), responsesArbitrary(instrument), fc.constantFrom("collection" as const, "transaction" as const)));

describe("the ready-made instruments (PHQ-9, PHQ-2, GAD-7, GAD-2, WHO-5)", () => {
  for (const instrument of builtInInstruments) {
    it(`${instrument.id} round-trips as a Questionnaire with its LOINC codes, licence and rule sources, and its score is coded with its LOINC total`, () => {
      const questionnaire = instrumentToQuestionnaire(instrument);
      expect(questionnaire.code).toEqual(instrument.loinc?.panel === undefined ? undefined : [{ system: "http://loinc.org", code: instrument.loinc.panel }]);
      expect(questionnaire.copyright).toBe(instrument.licence?.notice);
      const scorer = compileInstrument(instrument);
      const answers = Object.fromEntries(instrument.items.map((item) => [item.id, instrument.scales.find((scale) => scale.id === item.scale)?.options[1]?.code as string]));
      const response = { id: `${instrument.id}-response`, instrumentId: instrument.id, instrumentVersion: instrument.version, respondent: "person-a1b2c3", completedAt: "2026-03-01T10:00:00Z", answers };
      const checked = scorer.validate(response);
      if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
      const observation = scoreToObservation(scorer.score(checked.value), checked.value, instrument);
      const codings = (observation.code as { coding: Array<{ system: string; code: string }> }).coding;
      if (instrument.loinc?.total !== undefined) expect(codings).toContainEqual({ system: "http://loinc.org", code: instrument.loinc.total });
      const bundle = toBundle([questionnaire, responseToQuestionnaireResponse(checked.value, instrument), observation], "collection");
      if (!bundle.ok) throw new Error(JSON.stringify(bundle.issues));
      expect(fhirProblems(bundle.value)).toEqual([]);
      const back = fromFhir(bundle.value);
      expect(back.issues).toEqual([]);
      expect(back.instruments).toEqual([instrument]);
      expect(back.responses).toEqual([checked.value]);
    });
  }

  it("has sources and LOINC codes to carry (so the round trips above check them)", () => {
    expect(builtInInstruments.some((instrument) => instrument.licence !== undefined && instrument.scoring.source !== undefined && instrument.items.some((item) => item.loinc !== undefined))).toBe(true);
  });
});

describe("generated instruments and responses (model -> FHIR -> model is equal)", () => {
  it("the generators make valid instruments and responses", () => {
    fc.assert(
      fc.property(withResponses, ([instrument, responses]) => {
        const checked = validateInstrument(instrument);
        expect(checked.ok, JSON.stringify(checked)).toBe(true);
        const scorer = compileInstrument(instrument);
        for (const response of responses) expect(scorer.validate(response).ok, JSON.stringify(scorer.validate(response))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("round-trip as a Questionnaire and QuestionnaireResponses, with score Observations, that both validators pass", { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(withResponses, ([instrument, responses, type]) => {
        const scorer = compileInstrument(instrument);
        const resources: FhirResource[] = [instrumentToQuestionnaire(instrument)];
        for (const response of responses) resources.push(responseToQuestionnaireResponse(response, instrument), scoreToObservation(scorer.score(response), response, instrument));
        const bundle = toBundle(resources, type);
        if (!bundle.ok) throw new Error(JSON.stringify(bundle.issues));
        const back = fromFhir(bundle.value);
        expect(back.issues).toEqual([]);
        expect(back.instruments).toEqual([instrument]);
        expect(back.responses).toEqual(responses);
        // Scores are written one way: each is noted, nothing else is.
        expect(back.notices.map((notice) => notice.code)).toEqual(responses.map(() => "resource_not_kept"));
        expect(fhirProblems(bundle.value)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("a generated Questionnaire and its responses with one element replaced by arbitrary JSON never make the reader throw", () => {
    fc.assert(
      fc.property(withResponses, fc.nat(), fc.jsonValue({ maxDepth: 2 }), ([instrument, responses], pick, replacement) => {
        const bundle = toBundle([instrumentToQuestionnaire(instrument), ...responses.map((response) => responseToQuestionnaireResponse(response, instrument))], "collection");
        if (!bundle.ok) throw new Error(JSON.stringify(bundle.issues));
        replaceOnePlace(bundle.value, pick, replacement);
        expect(() => fromFhir(bundle.value)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
