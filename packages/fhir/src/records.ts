import { fail, issue, ok, type Result, type ValidationIssue } from "@selfmanage/core";
import type { Goal } from "@selfmanage/goals";
import { compileInstrument, type InstrumentDefinition, type InstrumentResponse } from "@selfmanage/recovery";
import type { Directory, SignpostingEvent } from "@selfmanage/signposting";
import { locationToFhir, organisationToFhir } from "./directory";
import { goalToFhir } from "./goal";
import { serviceToHealthcareService } from "./healthcare-service";
import { instrumentToQuestionnaire } from "./questionnaire";
import { responseToQuestionnaireResponse } from "./questionnaire-response";
import type { FhirResource } from "./resource";
import { scoreToObservation } from "./score";
import { signpostingEventToFhir } from "./service-request";

/**
 * Toolkit records to convert together, for {@link toFhir}. Responses are written against the
 * instrument (id and version) among `instruments`.
 *
 * @example
 * ```ts
 * const records: ToolkitRecords = { goals: [goal], directory, instruments: [instrument], responses };
 * ```
 */
export interface ToolkitRecords {
  readonly goals?: readonly Goal[];
  readonly instruments?: readonly InstrumentDefinition[];
  readonly responses?: readonly InstrumentResponse[];
  readonly directory?: Directory;
  readonly signpostingEvents?: readonly SignpostingEvent[];
  /** Also write each response's score as an Observation (scores are computed here). */
  readonly scores?: boolean;
}

/**
 * Convert toolkit records (assumed valid: check them with their package's validators first) to
 * FHIR R4 resources, ready for {@link toBundle} or {@link toNdjson}. A response whose instrument is
 * not among `instruments` is an issue at `responses[i].instrumentId`.
 *
 * @example
 * ```ts
 * const resources = toFhir({ goals, directory });
 * if (resources.ok) toBundle(resources.value, "collection");
 * ```
 */
export function toFhir(records: ToolkitRecords): Result<FhirResource[]> {
  const resources: FhirResource[] = [];
  const issues: ValidationIssue[] = [];
  const directory = records.directory;
  if (directory !== undefined) {
    resources.push(...directory.organisations.map(organisationToFhir), ...directory.locations.map(locationToFhir), ...directory.services.map(serviceToHealthcareService));
  }
  for (const goal of records.goals ?? []) resources.push(...goalToFhir(goal));
  const instruments = new Map((records.instruments ?? []).map((instrument) => [`${instrument.id}|${instrument.version}`, instrument]));
  for (const instrument of records.instruments ?? []) resources.push(instrumentToQuestionnaire(instrument));
  const compiled = new Map<string, ReturnType<typeof compileInstrument>>();
  (records.responses ?? []).forEach((response, index) => {
    const key = `${response.instrumentId}|${response.instrumentVersion}`;
    const instrument = instruments.get(key);
    if (instrument === undefined) {
      issues.push(issue(["responses", index, "instrumentId"], "unknown_instrument", "This response's instrument (at this version) is not among the instruments given, so its answers cannot be written."));
      return;
    }
    resources.push(responseToQuestionnaireResponse(response, instrument));
    if (records.scores !== true) return;
    let scorer = compiled.get(key);
    if (scorer === undefined) {
      scorer = compileInstrument(instrument);
      compiled.set(key, scorer);
    }
    const checked = scorer.validate(response);
    if (checked.ok) resources.push(scoreToObservation(scorer.score(checked.value), response, instrument));
    else issues.push(issue(["responses", index], "invalid_response", "This response does not fit its instrument, so it was not scored."));
  });
  for (const event of records.signpostingEvents ?? []) resources.push(...signpostingEventToFhir(event));
  return issues.length > 0 ? fail(issues) : ok(resources);
}
