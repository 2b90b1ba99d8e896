import type { LocalisedText } from "@selfmanage/core";
import { fhirCodes } from "./codes";
import { fhirId } from "./ids";

/**
 * A FHIR R4 resource as JSON: a `resourceType`, usually an `id`, and its elements.
 *
 * @example
 * ```ts
 * const resource: FhirResource = { resourceType: "Goal", id: "goal-walk", lifecycleStatus: "active" };
 * ```
 */
export interface FhirResource {
  readonly resourceType: string;
  id?: string;
  [element: string]: unknown;
}

/**
 * A FHIR element (datatype or backbone element) as JSON.
 *
 * @example
 * ```ts
 * const coding: FhirElement = { system: "http://loinc.org", code: "107332-9" };
 * ```
 */
export type FhirElement = Record<string, unknown>;

/**
 * Drop the keys whose value is undefined, so that no empty element is written.
 *
 * @example
 * ```ts
 * compact({ a: 1, b: undefined }); // { a: 1 }
 * ```
 */
export function compact<T extends Record<string, unknown>>(element: T): T {
  for (const key of Object.keys(element)) if (element[key] === undefined) delete element[key];
  return element;
}

/**
 * A simple extension, or undefined when there is no value, so it can sit in a list that is then filtered.
 *
 * @example
 * ```ts
 * extension("https://example.org/x", "valueString", "hello"); // { url: "https://example.org/x", valueString: "hello" }
 * ```
 */
export function extension(url: string, valueKey: string, value: unknown): FhirElement | undefined {
  return value === undefined ? undefined : { url, [valueKey]: value };
}

/**
 * A complex extension from its sub-extensions (undefined ones are left out).
 *
 * @example
 * ```ts
 * complexExtension("https://example.org/x", [extension("a", "valueInteger", 1), undefined]);
 * // { url: "https://example.org/x", extension: [{ url: "a", valueInteger: 1 }] }
 * ```
 */
export function complexExtension(url: string, parts: ReadonlyArray<FhirElement | undefined>): FhirElement {
  return { url, extension: parts.filter((part): part is FhirElement => part !== undefined) };
}

/**
 * A complex extension, or undefined when none of its parts has a value (FHIR has no empty extensions).
 *
 * @example
 * ```ts
 * optionalComplexExtension("https://example.org/x", [undefined]); // undefined
 * ```
 */
export function optionalComplexExtension(url: string, parts: ReadonlyArray<FhirElement | undefined>): FhirElement | undefined {
  return parts.some((part) => part !== undefined) ? complexExtension(url, parts) : undefined;
}

/**
 * A list of elements without the undefined ones, or undefined when none is left (FHIR has no empty lists).
 *
 * @example
 * ```ts
 * list([undefined, { a: 1 }]); // [{ a: 1 }]
 * list([]); // undefined
 * ```
 */
export function list<T>(items: ReadonlyArray<T | undefined> | undefined): T[] | undefined {
  const kept = (items ?? []).filter((item): item is T => item !== undefined);
  return kept.length === 0 ? undefined : kept;
}

/**
 * Localised text as a FHIR string plus, for the other languages, the HL7 translation extension
 * on the primitive's `_` element: `{ value, primitive }`.
 *
 * @example
 * ```ts
 * localisedString({ en: "Agree", cy: "Cytuno" }).value; // "Agree"
 * ```
 */
export function localisedString(text: LocalisedText): { value: string; primitive: FhirElement | undefined } {
  const others = Object.entries(text).filter(([language]) => language !== "en");
  const primitive =
    others.length === 0
      ? undefined
      : {
          extension: others.map(([language, content]) =>
            complexExtension(fhirCodes.hl7Extensions.translation, [{ url: "lang", valueCode: language }, { url: "content", valueString: content }]),
          ),
        };
  return { value: text.en, primitive };
}

/**
 * Put localised text on an element under `key` (and `_key` for translations).
 *
 * @example
 * ```ts
 * const item: FhirElement = {};
 * setLocalised(item, "text", { en: "I feel hopeful.", gd: "Tha dòchas agam." });
 * ```
 */
export function setLocalised(element: FhirElement, key: string, text: LocalisedText | undefined): void {
  if (text === undefined) return;
  const { value, primitive } = localisedString(text);
  element[key] = value;
  if (primitive !== undefined) element[`_${key}`] = primitive;
}

/**
 * A reference to a toolkit record: a relative `Type/id` reference plus the identifier that names
 * the record. Bundles turn the reference into the entry's full URL, or drop it when the record is
 * not in the bundle (the identifier stays).
 *
 * @example
 * ```ts
 * recordReference("Goal", fhirCodes.identifiers.goal, "goal-walk");
 * // { reference: "Goal/goal-walk", type: "Goal", identifier: { system: ".../identifier/goal", value: "goal-walk" } }
 * ```
 */
export function recordReference(resourceType: string, system: string, id: string): FhirElement {
  return { reference: `${resourceType}/${fhirId(id)}`, type: resourceType, identifier: { system, value: id } };
}

/**
 * A pseudonymous reference to the person: a Patient identifier only, never a Patient resource.
 *
 * @example
 * ```ts
 * personReference("person-7f3a9c"); // { type: "Patient", identifier: { system: ".../identifier/person", value: "person-7f3a9c" } }
 * ```
 */
export function personReference(person: string): FhirElement {
  return { type: "Patient", identifier: { system: fhirCodes.identifiers.person, value: person } };
}

/**
 * The identifier element that carries a toolkit id.
 *
 * @example
 * ```ts
 * recordIdentifier(fhirCodes.identifiers.goal, "goal-walk"); // { system: ".../identifier/goal", value: "goal-walk" }
 * ```
 */
export function recordIdentifier(system: string, id: string): FhirElement {
  return { system, value: id };
}
