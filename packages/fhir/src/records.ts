import * as z from "zod";
import { fail, issue, ok, safeParseResult, type Result, type ValidationIssue } from "@selfmanage/core";
import { Goal } from "@selfmanage/goals";
import { compileInstrument, InstrumentDefinition, InstrumentResponse } from "@selfmanage/recovery";
import { Directory, SignpostingEvent } from "@selfmanage/signposting";
import { locationToFhir, organisationToFhir } from "./directory";
import { goalToFhir } from "./goal";
import { serviceToHealthcareService } from "./healthcare-service";
import { instrumentToQuestionnaire } from "./questionnaire";
import { responseToQuestionnaireResponse } from "./questionnaire-response";
import type { FhirResource } from "./resource";
import { scoreToObservation } from "./score";
import { signpostingEventToFhir } from "./service-request";

// Schemas are marked pure, so a bundle that uses none of them leaves them out, with the domain
// schemas they name (building a schema does nothing but record its metadata in zod's registry).

/**
 * Toolkit records to convert together, for {@link toFhir}: each list holds records of its
 * package's schema. Responses are written against the instrument (id and version) among
 * `instruments`; `scores` also writes each response's score as an Observation.
 *
 * @example
 * ```ts
 * ToolkitRecords.safeParse({ goals: [goal], directory, instruments: [instrument], responses, scores: true });
 * ```
 */
export const ToolkitRecords = /* @__PURE__ */ z
  .strictObject({
    goals: z.array(Goal).optional().meta({ description: "Goals, each written as a Goal with its CarePlan and review Observations." }),
    instruments: z.array(InstrumentDefinition).optional().meta({ description: "Instrument definitions, each written as a Questionnaire." }),
    responses: z.array(InstrumentResponse).optional().meta({ description: "Responses, each written as a QuestionnaireResponse of its instrument (which must be among instruments)." }),
    directory: Directory.optional().meta({ description: "A directory, written as Organization, Location and HealthcareService resources." }),
    signpostingEvents: z.array(SignpostingEvent).optional().meta({ description: "Signposting events, each written as a ServiceRequest with its Consent and follow-up Tasks." }),
    scores: z.boolean().optional().meta({ description: "Also score each response and write the score as an Observation. Default false." }),
  })
  .meta({ id: "FhirToolkitRecords", title: "Toolkit records for FHIR", description: "Toolkit records to convert to FHIR R4 together, so references between them resolve." });

/**
 * Toolkit records to convert together (see {@link ToolkitRecords}).
 *
 * @example
 * ```ts
 * const records: ToolkitRecords = { goals: [goal], directory, instruments: [instrument], responses };
 * ```
 */
export type ToolkitRecords = z.infer<typeof ToolkitRecords>;

// What toFhir checks of its argument: the options and the lists, not each record (that is the
// packages' validators' job, and would double the cost of a large export).
const RecordLists = /* @__PURE__ */ z.strictObject({
  goals: z.array(z.unknown()).optional(),
  instruments: z.array(z.unknown()).optional(),
  responses: z.array(z.unknown()).optional(),
  directory: z.looseObject({ organisations: z.array(z.unknown()), locations: z.array(z.unknown()), services: z.array(z.unknown()) }).optional(),
  signpostingEvents: z.array(z.unknown()).optional(),
  scores: z.boolean().optional(),
});

const FHIR_CODE = /^[^\s]+(\s[^\s]+)*$/;

/** Where an instrument's option codes are not FHIR codes (a toolkit identifier may hold runs of spaces; a FHIR code may not). */
function unwritableCodes(instrument: InstrumentDefinition): Array<Array<string | number>> {
  return instrument.scales.flatMap((scale, scaleIndex) =>
    scale.options.flatMap((option, optionIndex) => (FHIR_CODE.test(option.code) ? [] : [["scales", scaleIndex, "options", optionIndex, "code"]])),
  );
}

/**
 * Convert toolkit records (assumed valid: check them with their package's validators first) to
 * FHIR R4 resources, ready for {@link toBundle} or {@link toNdjson}. The argument's shape is
 * checked (known lists only, lists that are lists, `scores` true or false); a response whose
 * instrument is not among `instruments` is an issue at `responses[i].instrumentId`, and an
 * instrument option code FHIR cannot hold (two spaces in a row) is an issue at its path.
 *
 * @example
 * ```ts
 * const resources = toFhir({ goals, directory });
 * if (resources.ok) toBundle(resources.value, "collection");
 * ```
 */
export function toFhir(records: ToolkitRecords): Result<FhirResource[]> {
  const shape = safeParseResult(RecordLists, records);
  if (!shape.ok) return shape;
  const resources: FhirResource[] = [];
  const add = (more: readonly FhirResource[]): void => {
    for (const resource of more) resources.push(resource);
  };
  const issues: ValidationIssue[] = [];
  const directory = records.directory;
  if (directory !== undefined) {
    for (const organisation of directory.organisations) resources.push(organisationToFhir(organisation));
    for (const location of directory.locations) resources.push(locationToFhir(location));
    for (const service of directory.services) resources.push(serviceToHealthcareService(service));
  }
  for (const goal of records.goals ?? []) add(goalToFhir(goal));
  const instruments = new Map((records.instruments ?? []).map((instrument) => [`${instrument.id}|${instrument.version}`, instrument]));
  (records.instruments ?? []).forEach((instrument, index) => {
    const unwritable = unwritableCodes(instrument).map((path) => issue(["instruments", index, ...path], "not_a_fhir_code", "FHIR codes allow one space at a time between characters, so this option code cannot be written as one."));
    for (const found of unwritable) issues.push(found);
    if (unwritable.length > 0) return;
    resources.push(instrumentToQuestionnaire(instrument));
  });
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
  for (const event of records.signpostingEvents ?? []) add(signpostingEventToFhir(event));
  return issues.length > 0 ? fail(issues) : ok(resources);
}
