/**
 * FHIR R4 for the Self Management Toolkit.
 *
 * @packageDocumentation
 */
export { fhirCodes, extensionTable } from "./codes";
export type { ExtensionEntry } from "./codes";
export { goalToFhir } from "./goal";
export type { FhirResource, FhirElement } from "./resource";
export { fhirId, fullUrlFor } from "./ids";
