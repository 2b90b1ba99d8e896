import * as z from "zod";
import { fail, issue, ok, safeParseResult, type Result, type ValidationIssue } from "@selfmanage/core";
import { fullUrlFor } from "./ids";
import type { FhirElement, FhirResource } from "./resource";

// Schemas are marked pure, so a bundle that uses none of them leaves them out, with the domain
// schemas they name (building a schema does nothing but record its metadata in zod's registry).

/**
 * The Bundle types the toolkit writes: a `collection` of resources, or a `transaction` a server
 * applies as a whole (each entry a PUT of `Type/id`, so that sending it twice changes nothing).
 *
 * @example
 * ```ts
 * BundleType.parse("transaction");
 * ```
 */
export const BundleType = /* @__PURE__ */ z.enum(["collection", "transaction"]).meta({
  id: "FhirBundleType",
  title: "FHIR Bundle type",
  description: "collection: resources kept together; transaction: resources a FHIR server applies as a whole, each entry a PUT of Type/id.",
});

/**
 * A Bundle type the toolkit writes (see {@link BundleType}).
 *
 * @example
 * ```ts
 * const type: BundleType = "transaction";
 * ```
 */
export type BundleType = z.infer<typeof BundleType>;

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;

function rewriteReferences(value: unknown, fullUrls: ReadonlyMap<string, string>): void {
  if (Array.isArray(value)) {
    for (const item of value) rewriteReferences(item, fullUrls);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const element = value as FhirElement;
  const reference = element.reference;
  if (typeof reference === "string" && !reference.startsWith("#")) {
    const target = fullUrls.get(reference);
    if (target !== undefined) element.reference = target;
    // The record referred to is not in the bundle: keep the logical reference (its identifier)
    // rather than a relative one that nothing in the bundle resolves.
    else if (element.identifier !== undefined) delete element.reference;
  }
  for (const key of Object.keys(element)) if (key !== "reference") rewriteReferences(element[key], fullUrls);
}

/**
 * Put resources in a FHIR R4 Bundle: every entry gets a `urn:uuid:` full URL derived from its
 * type and id, and every reference to a resource in the bundle is rewritten to that full URL, so
 * the bundle resolves on its own. References to records outside the bundle keep only their
 * identifier. The resources passed in are not modified. Two resources with the same type and id
 * are an issue, since their full URLs would clash.
 *
 * @example
 * ```ts
 * const bundle = toBundle(goalToFhir(goal), "transaction");
 * if (bundle.ok) bundle.value.entry.length;
 * ```
 */
export function toBundle(resources: readonly FhirResource[], type: BundleType = "collection"): Result<FhirResource & { entry: FhirElement[] }> {
  // Callers in plain JavaScript (or reading options from a file) can pass anything: say what is wrong rather than write a Bundle FHIR refuses.
  const checkedType = safeParseResult(BundleType, type);
  if (!checkedType.ok) return fail(checkedType.issues.map((found) => ({ ...found, path: ["type", ...found.path] })));
  if (!Array.isArray(resources)) return fail([issue([], "wrong_type", "Expected a list of FHIR resources.")]);
  const fullUrls = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  resources.forEach((resource: unknown, index) => {
    if (typeof resource !== "object" || resource === null || typeof (resource as { resourceType?: unknown }).resourceType !== "string" || !RESOURCE_TYPE.test((resource as { resourceType: string }).resourceType)) {
      issues.push(issue([index, "resourceType"], "not_a_resource", "Each entry must be a FHIR resource: an object with a resourceType such as Goal."));
    }
  });
  if (issues.length > 0) return fail(issues);
  resources.forEach((resource, index) => {
    const key = `${resource.resourceType}/${resource.id ?? ""}`;
    if (resource.id === undefined) issues.push(issue([index, "id"], "required", "Each resource in a bundle needs an id."));
    else if (fullUrls.has(key)) issues.push(issue([index, "id"], "duplicate_resource", "Another resource of this type in the bundle has the same id."));
    else fullUrls.set(key, fullUrlFor(resource.resourceType, resource.id));
  });
  if (issues.length > 0) return fail(issues);
  const entry = resources.map((resource) => {
    const copy = structuredClone(resource);
    rewriteReferences(copy, fullUrls);
    const key = `${resource.resourceType}/${resource.id as string}`;
    return {
      fullUrl: fullUrls.get(key) as string,
      resource: copy,
      ...(type === "transaction" ? { request: { method: "PUT", url: key } } : {}),
    };
  });
  return ok({ resourceType: "Bundle", type, entry });
}

/**
 * Resources as NDJSON, one resource per line (the FHIR Bulk Data format), with a final newline.
 * References stay relative (`Goal/goal-walk`), as a server importing bulk data expects.
 *
 * @example
 * ```ts
 * toNdjson(goalToFhir(goal)).split("\n").length;
 * ```
 */
export function toNdjson(resources: readonly FhirResource[]): string {
  return resources.length === 0 ? "" : `${resources.map((resource) => JSON.stringify(resource)).join("\n")}\n`;
}
