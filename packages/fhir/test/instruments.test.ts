import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fhirProblems } from "@selfmanage/test-kit/fhir";
import { compileInstrument, validateInstrument } from "@selfmanage/recovery";
import { fromFhir, instrumentToQuestionnaire, responseToQuestionnaireResponse, scoreToObservation, toBundle, type FhirResource } from "../src/index";
import { instrumentArbitrary, responsesArbitrary } from "./instrument-arbitraries";

const withResponses = instrumentArbitrary.chain((instrument) => fc.tuple(fc.constant(instrument), responsesArbitrary(instrument), fc.constantFrom("collection" as const, "transaction" as const)));

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
        const places: Array<{ parent: Record<string, unknown>; key: string }> = [];
        const walk = (node: unknown): void => {
          if (node === null || typeof node !== "object") return;
          for (const key of Object.keys(node)) {
            places.push({ parent: node as Record<string, unknown>, key });
            walk((node as Record<string, unknown>)[key]);
          }
        };
        walk(bundle.value);
        const place = places[pick % places.length] as (typeof places)[number];
        place.parent[place.key] = replacement;
        expect(() => fromFhir(bundle.value)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
