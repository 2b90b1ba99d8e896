import { describe, expect, it } from "vitest";
import { readStandard } from "../../test/standards";
import { breaksOrukProfile, orukProfileRules, type ProfileRule } from "./profile";

type SchemaNode = { type?: string; format?: string; enum?: string[]; properties?: Record<string, SchemaNode>; required?: string[]; items?: SchemaNode };

/** Every field of a compiled schema as the table writes it: path with `*` for list items, and its rule. */
function rulesOf(schema: SchemaNode): Map<string, ProfileRule> {
  const rules = new Map<string, ProfileRule>();
  const walk = (node: SchemaNode, path: string[], required: boolean): void => {
    const at = path.join(".");
    const rule = (type: ProfileRule["type"]): ProfileRule => ({ type, ...(required ? { required: true as const } : {}) });
    if (node.type === "array" && node.items !== undefined) {
      walk(node.items, [...path, "*"], false);
      rules.set(at, rule("array"));
      return;
    }
    if (node.type === "object" || node.properties !== undefined) {
      for (const [field, inner] of Object.entries(node.properties ?? {})) walk(inner, [...path, field], (node.required ?? []).includes(field));
      if (path.length > 0) rules.set(at, rule("object"));
      return;
    }
    const found = rule(node.type as ProfileRule["type"]);
    if (node.format !== undefined && node.format !== "uuid") found.format = node.format as NonNullable<ProfileRule["format"]>;
    if (node.enum !== undefined) found.enum = node.enum;
    rules.set(at, found);
  };
  walk(schema, [], false);
  return rules;
}

describe("orukProfileRules", () => {
  it("says what the real ORUK 3.0 schema says (HSDS 3.1 for fields ORUK does not list)", () => {
    const oruk = rulesOf(readStandard("oruk-3.0/schema/compiled/service.json") as SchemaNode);
    const hsds = rulesOf(readStandard("interop/hsds-3.1/schema/compiled/service.json") as SchemaNode);
    for (const [path, rule] of Object.entries(orukProfileRules)) expect(rule, path).toEqual(oruk.get(path) ?? hsds.get(path));
    expect(Object.keys(orukProfileRules).filter((path) => oruk.has(path)).length).toBeGreaterThan(70);
  });

  it("breaks only on what the schema forbids", () => {
    expect(breaksOrukProfile(["name"], undefined)).toBe(true);
    expect(breaksOrukProfile(["description"], undefined)).toBe(false);
    expect(breaksOrukProfile(["minimum_age"], "12")).toBe(true);
    expect(breaksOrukProfile(["minimum_age"], 12.5)).toBe(false);
    expect(breaksOrukProfile(["status"], "open")).toBe(true);
    expect(breaksOrukProfile(["email"], "hello at example.org")).toBe(true);
    expect(breaksOrukProfile(["url"], "https://example.org/a")).toBe(false);
    expect(breaksOrukProfile(["url"], "www.example.org")).toBe(true);
    expect(breaksOrukProfile(["url"], "www.example.org", { formats: false })).toBe(false);
    expect(breaksOrukProfile(["url"], "http://[bad")).toBe(true);
    expect(breaksOrukProfile(["last_modified"], "2026-02-30T10:00:00Z")).toBe(false);
    expect(breaksOrukProfile(["last_modified"], "yesterday")).toBe(true);
    expect(breaksOrukProfile(["service_areas", 3, "extent"], 5)).toBe(true);
    expect(breaksOrukProfile(["not", "a", "field"], 5)).toBe(false);
    expect(breaksOrukProfile(["schedules"], {})).toBe(true);
    expect(breaksOrukProfile(["organization"], [])).toBe(true);
  });
});
