/**
 * FHIR R4 for the Self Management Toolkit: goals (with their steps as a CarePlan, reviews as
 * Observations and Goal Attainment Scaling as the HL7 PCO IG has it), instruments as
 * Questionnaires, responses as QuestionnaireResponses, scores as Observations, directory
 * services, locations and organisations, and signposting events as ServiceRequest + Consent +
 * Task; Bundles (collection or transaction) and NDJSON; and a tolerant reader that turns FHIR
 * back into toolkit records with FHIRPath-style issues and notices. No network, no terminology
 * server: it runs in browsers and Node.
 *
 * @packageDocumentation
 */
export { fhirCodes, extensionTable } from "./codes";
export { ExtensionEntry } from "./extension-entry";
export type { FhirResource, FhirElement } from "./resource";
export { fhirId, fullUrlFor } from "./ids";
export { goalToFhir } from "./goal";
export { instrumentToQuestionnaire, questionnaireUrl } from "./questionnaire";
export { responseToQuestionnaireResponse } from "./questionnaire-response";
export { scoreToObservation } from "./score";
export { organisationToFhir, locationToFhir } from "./directory";
export { serviceToHealthcareService } from "./healthcare-service";
export { signpostingEventToFhir } from "./service-request";
export { toFhir, ToolkitRecords } from "./records";
export { toBundle, toNdjson, BundleType } from "./bundle";
export { fromFhir, validateFhir, parseNdjson } from "./import";
export { FhirImport, FhirNotice, ParsedNdjson } from "./import-result";
