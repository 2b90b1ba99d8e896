import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readStandard, recordsOf } from "../../test/standards";
import { checkOrukObject, orukObjectRules, type OrukObjectKind } from "./schema-rules";

type Node = { type?: string; format?: string; enum?: string[]; properties?: Record<string, Node>; required?: string[]; items?: Node; $ref?: string };

/** Every field of a real schema, resolving its references to sibling files. */
function fieldsOf(file: string): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  const resolve = (node: Node, base: string): Node => (node.$ref !== undefined && !node.$ref.startsWith("#") ? resolve(readStandard(join(base, node.$ref)) as Node, base) : node);
  const walk = (raw: Node, path: string[], required: boolean, base: string): void => {
    const node = resolve(raw, base);
    const at = path.join(".");
    if (node.type === "array" && node.items !== undefined) {
      fields.set(at, { type: "array", required });
      walk(node.items, [...path, "*"], false, base);
      return;
    }
    if (node.type === "object" || node.properties !== undefined) {
      if (path.length > 0) fields.set(at, { type: "object", required });
      for (const [name, inner] of Object.entries(node.properties ?? {})) walk(inner, [...path, name], (node.required ?? []).includes(name), base);
      return;
    }
    fields.set(at, { type: node.type, required, ...(node.format === undefined ? {} : { format: node.format }), ...(node.enum === undefined ? {} : { enum: node.enum }) });
  };
  walk(readStandard(file) as Node, [], false, dirname(file));
  return fields;
}

const kinds: Record<OrukObjectKind, string> = {
  service: "oruk-3.0/schema/compiled/service.json",
  "service-list-item": "oruk-3.0/schema/compiled/service_list.json",
  "service-at-location-list-item": "oruk-3.0/schema/compiled/service_at_location_list.json",
  organization: "oruk-3.0/schema/compiled/organization.json",
  "organization-list-item": "oruk-3.0/schema/compiled/organization_list.json",
  taxonomy: "oruk-3.0/schema/taxonomy.json",
  "taxonomy-term": "oruk-3.0/schema/taxonomy_term.json",
};

describe("the ORUK 3.0 field rules", () => {
  it.each(Object.entries(kinds))("%s says exactly what the real schema says", (kind, file) => {
    expect(new Map([...orukObjectRules(kind as OrukObjectKind)].map(([path, rule]) => [path, { ...rule }]))).toEqual(fieldsOf(file));
  });

  it("pass the validator's Default service feed and find the Fail feed's faults", () => {
    for (const record of recordsOf(readStandard("oruk-3.0/validator-fixtures/V3.0-UK-Default/service_list.json"))) {
      expect(checkOrukObject("service-list-item", record).filter((finding) => finding.severity === "error")).toEqual([]);
    }
    expect(checkOrukObject("service", readStandard("oruk-3.0/validator-fixtures/V3.0-UK-Default/service_full.json")).filter((finding) => finding.severity === "error")).toEqual([]);
    const [first] = recordsOf(readStandard("oruk-3.0/validator-fixtures/V3.0-UK-Fail/service_list.json"));
    expect(checkOrukObject("service-list-item", first).map((finding) => [finding.path.join("."), finding.code])).toEqual([
      ["name", "required"],
      ["url", "invalid_format"],
      ["email", "invalid_format"],
    ]);
  });

  it("finds wrong types, values and additional fields, and never throws", () => {
    expect(checkOrukObject("taxonomy-term", { id: 7, name: "x", description: "y", extra: true, parent_id: "nope" }).map((finding) => [finding.path.join("."), finding.code, finding.severity])).toEqual([
      ["id", "invalid_type", "error"],
      ["parent_id", "invalid_format", "error"],
      ["extra", "additional_field", "warning"],
    ]);
    expect(checkOrukObject("service", { id: "ac148810-d857-441c-9679-408f346de14b", name: "x", status: "active", schedules: [{ id: "48102e86-bb50-41c4-8f1e-e269368c41d1", freq: "DAILY" }], last_modified: "soon", assurer_email: "x@" }).map((finding) => [finding.path.join("."), finding.code])).toEqual([
      ["assurer_email", "invalid_format"],
      ["last_modified", "invalid_format"],
      ["schedules.0.freq", "invalid_value"],
    ]);
    for (const value of [null, 3, "text", [], { schedules: "weekly" }]) expect(() => checkOrukObject("service", value)).not.toThrow();
    expect(checkOrukObject("service", []).map((finding) => finding.code)).toEqual(["invalid_type"]);
  });
});
