import { localise } from "@selfmanage/core";
import type { InstrumentDefinition, InstrumentResponse, InstrumentScore } from "@selfmanage/recovery";
import { fhirCodes } from "./codes";
import { codeable } from "./common";
import { fhirId } from "./ids";
import { compact, list, personReference, type FhirElement, type FhirResource } from "./resource";
import { loincCoding } from "./instrument-sources";
import { instrumentSystem, questionnaireUrl } from "./questionnaire";
import { responseResourceId } from "./questionnaire-response";

const C = fhirCodes.scoreComponentCodes;

function part(code: string, valueKey: string, value: unknown): FhirElement {
  return { code: codeable(fhirCodes.systems.scoreComponent, code), [valueKey]: value };
}

/**
 * A score as a FHIR R4 `Observation` (one way: a score is computed again from its response, never
 * read back): the total (or metric) as its value, the band as `interpretation`, each subscale, the
 * raw total and the completeness counts as components, each alert as a component coded with its
 * rule, `derivedFrom` the QuestionnaireResponse, and the respondent and completion time of the response.
 *
 * @example
 * ```ts
 * const observation = scoreToObservation(score, response, instrument);
 * observation.derivedFrom; // [{ reference: "QuestionnaireResponse/..." }]
 * ```
 */
export function scoreToObservation(score: InstrumentScore, response: InstrumentResponse, instrument: InstrumentDefinition): FhirResource {
  const responseId = responseResourceId(response);
  const value = score.metric ?? score.total;
  const subscaleLabels = new Map((instrument.subscales ?? []).map((subscale) => [subscale.id, localise(subscale.label)]));
  return compact({
    resourceType: "Observation",
    id: fhirId(`score-${responseId}`),
    status: "final",
    category: [{ coding: [{ ...fhirCodes.observationCategorySurvey }] }],
    // The instrument's own total-score LOINC code, where it has one, beside ours (which names the version).
    code: {
      coding: list([{ system: `${questionnaireUrl(instrument.id)}/score`, code: instrument.version, display: localise(instrument.title) }, instrument.loinc?.total === undefined ? undefined : loincCoding(instrument.loinc.total)]),
      text: localise(instrument.title),
    },
    subject: response.respondent === undefined ? undefined : personReference(response.respondent),
    effectiveDateTime: response.completedAt,
    valueQuantity: value === null ? undefined : { value },
    dataAbsentReason: value === null ? { coding: [{ ...fhirCodes.notScored }] } : undefined,
    interpretation: score.band === undefined ? undefined : [codeable(instrumentSystem(instrument.id, "band"), score.band.id, localise(score.band.label))],
    derivedFrom: [{ reference: `QuestionnaireResponse/${responseId}`, type: "QuestionnaireResponse" }],
    component: list<FhirElement>([
      part(C.raw, "valueQuantity", { value: score.raw }),
      ...(score.metric === undefined || score.total === null ? [] : [part(C.total, "valueQuantity", { value: score.total })]),
      ...score.subscales.map((subscale) =>
        compact({
          code: codeable(instrumentSystem(instrument.id, "subscale"), subscale.id, subscaleLabels.get(subscale.id)),
          valueQuantity: subscale.score === null ? undefined : { value: subscale.score },
          dataAbsentReason: subscale.score === null ? { coding: [{ ...fhirCodes.notScored }] } : undefined,
        }),
      ),
      ...score.alerts.map((alert) => ({ code: codeable(instrumentSystem(instrument.id, "alert"), alert.ruleId, localise(alert.message)), valueString: alert.itemId })),
      part(C.answered, "valueInteger", score.answered),
      part(C.missing, "valueInteger", score.missing),
      part(C.excluded, "valueInteger", score.excluded),
      part(C.completeness, "valueQuantity", { value: score.completeness }),
    ]),
  });
}

/**
 * Whether a resource is a score Observation written by {@link scoreToObservation}.
 *
 * @example
 * ```ts
 * isScoreObservation({ resourceType: "Observation", component: [] }); // false
 * ```
 */
export function isScoreObservation(resource: Readonly<Record<string, unknown>>): boolean {
  if (resource.resourceType !== "Observation") return false;
  const coding = (resource.code as { coding?: Array<{ system?: unknown }> } | undefined)?.coding ?? [];
  return coding.some((entry) => typeof entry.system === "string" && entry.system.startsWith(fhirCodes.questionnaireBase) && entry.system.endsWith("/score"));
}
