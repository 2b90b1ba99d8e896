import { Role, type Coding, type Provenance } from "@selfmanage/core";
import { fhirCodes } from "./codes";
import { subValue, type FhirNode } from "./reader";
import { complexExtension, compact, extension, type FhirElement } from "./resource";

const X = fhirCodes.extensions;

/**
 * A check that a value is one of an enum schema's options. Reading FHIR asks this for every code
 * it meets, so it is a set lookup rather than a schema parse.
 *
 * @example
 * ```ts
 * const isRole = oneOf(Role.options);
 * isRole("carer"); // true
 * ```
 */
export function oneOf<T extends string | number>(options: readonly T[]): (value: unknown) => value is T {
  const known = new Set<unknown>(options);
  return (value: unknown): value is T => known.has(value);
}

/** Whether a value is a toolkit role. */
export const isRole = oneOf(Role.options);

/**
 * The `recorded` extension: who recorded something, in which role, when, for which organisation.
 *
 * @example
 * ```ts
 * provenanceExtension({ recordedBy: "practitioner-12", role: "practitioner", recordedAt: "2026-03-02T10:00:00Z" });
 * ```
 */
export function provenanceExtension(provenance: Provenance, url: string = X.recorded.url): FhirElement {
  return complexExtension(url, [
    extension("recordedBy", "valueString", provenance.recordedBy),
    extension("role", "valueCode", provenance.role),
    extension("recordedAt", "valueDateTime", provenance.recordedAt),
    extension("organisation", "valueString", provenance.organisation),
  ]);
}

/**
 * Read a `recorded` extension back into a provenance; undefined (with an issue) when a part is missing.
 *
 * @example
 * ```ts
 * const provenance = readProvenance(node.extensions(fhirCodes.extensions.recorded.url)[0]);
 * ```
 */
export function readProvenance(found: FhirNode | undefined): Provenance | undefined {
  if (found === undefined) return undefined;
  const recordedBy = subValue(found, "recordedBy", "valueString");
  const role = subValue(found, "role", "valueCode");
  const recordedAt = subValue(found, "recordedAt", "valueDateTime");
  const organisation = subValue(found, "organisation", "valueString");
  if (typeof recordedBy !== "string" || typeof recordedAt !== "string" || !isRole(role)) {
    found.problem(undefined, "incomplete_provenance", "A recorded extension needs recordedBy, a toolkit role and recordedAt.");
    return undefined;
  }
  return { recordedBy, role, recordedAt, ...(typeof organisation === "string" ? { organisation } : {}) };
}

/**
 * A reference to someone in a toolkit role: the resource type that role points at, the role
 * itself in the `role` extension, and their pseudonymous identifier when known.
 *
 * @example
 * ```ts
 * roleReference("carer", "carer-5"); // { type: "RelatedPerson", identifier: {...}, extension: [{ url: ".../role", valueCode: "carer" }] }
 * ```
 */
export function roleReference(role: Role, id?: string, system: string = fhirCodes.identifiers.recorder): FhirElement {
  return compact({
    extension: [{ url: X.role.url, valueCode: role }],
    type: fhirCodes.roleResourceType[role],
    identifier: id === undefined ? undefined : { system, value: id },
  });
}

/**
 * Read the role (and identifier value) of a reference written by {@link roleReference}.
 * A foreign reference without the role extension gets the role its resource type suggests.
 *
 * @example
 * ```ts
 * readRoleReference(node); // { role: "carer", id: "carer-5" }
 * ```
 */
export function readRoleReference(found: FhirNode): { role: Role | undefined; id: string | undefined } {
  const [roleNode] = found.extensions(X.role.url);
  const code = roleNode?.string("valueCode");
  const type = found.string("type");
  const identifier = found.node("identifier");
  identifier?.skip("system");
  const id = identifier?.string("value");
  found.skip("display", "reference");
  let role: Role | undefined = isRole(code) ? code : undefined;
  if (role === undefined && roleNode === undefined) role = type === "Patient" ? "person" : type === "RelatedPerson" ? "carer" : type === "Practitioner" || type === "PractitionerRole" ? "practitioner" : undefined;
  if (role === undefined) found.problem(undefined, "unknown_role", "This reference does not say which toolkit role the party has.");
  return { role, id };
}

/**
 * A CodeableConcept with one coding.
 *
 * @example
 * ```ts
 * codeable(fhirCodes.systems.lifeArea, "money"); // { coding: [{ system: ".../life-area", code: "money" }] }
 * ```
 */
export function codeable(system: string, code: string, display?: string, text?: string): FhirElement {
  return compact({ coding: [compact({ system, code, display })], text });
}

/**
 * The codings of a CodeableConcept node, as toolkit codings (those without a system or code are issues).
 *
 * @example
 * ```ts
 * readCodings(node.node("code")); // [{ system: "http://loinc.org", code: "107332-9" }]
 * ```
 */
export function readCodings(concept: FhirNode | undefined): Coding[] {
  if (concept === undefined) return [];
  return concept.nodes("coding").flatMap((found) => {
    const coding = readCoding(found);
    return coding === undefined ? [] : [coding];
  });
}

/**
 * One coding node as a toolkit coding; undefined with an issue when the system or code is missing.
 *
 * @example
 * ```ts
 * readCoding(node); // { system: "http://snomed.info/sct", code: "13645005", display: "COPD" }
 * ```
 */
export function readCoding(found: FhirNode): Coding | undefined {
  const system = found.string("system", true);
  const code = found.string("code", true);
  const display = found.string("display");
  found.skip("version", "userSelected");
  if (system === undefined || code === undefined) return undefined;
  return { system, code, ...(display === undefined ? {} : { display }) };
}

/**
 * The code of the first coding from a system in a CodeableConcept node.
 *
 * @example
 * ```ts
 * codeFrom(node.node("achievementStatus"), fhirCodes.systems.goalAchievement); // "improving"
 * ```
 */
export function codeFrom(concept: FhirNode | undefined, system: string): string | undefined {
  return readCodings(concept).find((coding) => coding.system === system)?.code;
}

/**
 * The value of the identifier with this system among a node's `identifier` list.
 *
 * @example
 * ```ts
 * identifierValue(goalNode, fhirCodes.identifiers.goal); // "goal-walk"
 * ```
 */
export function identifierValue(found: FhirNode, system: string): string | undefined {
  const match = found.nodes("identifier").find((candidate) => candidate.value.system === system);
  if (match === undefined) return undefined;
  match.skip("system", "use");
  return match.string("value", true);
}

/**
 * The value of a simple extension of a node (the first with this URL), marking it read.
 *
 * @example
 * ```ts
 * extensionValue(goalNode, fhirCodes.extensions.nextReviewDue.url, "valueDate"); // "2026-03-30"
 * ```
 */
export function extensionValue(found: FhirNode, url: string, valueKey: string): unknown {
  const [first] = found.extensions(url);
  if (first === undefined) return undefined;
  first.skip(valueKey);
  return first.value[valueKey];
}

/**
 * The toolkit id a reference names through its identifier (from {@link recordReference}).
 *
 * @example
 * ```ts
 * referencedId(node.node("focus"), fhirCodes.identifiers.goal); // "goal-walk"
 * ```
 */
export function referencedId(found: FhirNode | undefined, system: string): string | undefined {
  if (found === undefined) return undefined;
  found.skip("reference", "type", "display");
  const identifier = found.node("identifier");
  if (identifier === undefined) return undefined;
  const actual = identifier.string("system");
  if (actual !== system) {
    identifier.problem("system", "unexpected_identifier_system", "This reference names a record with an identifier system the toolkit does not expect here.");
    return undefined;
  }
  return identifier.string("value", true);
}
