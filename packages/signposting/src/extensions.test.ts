import fc from "fast-check";
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, safeParseResult } from "@selfmanage/core";
import { Extensions } from "./extensions";
import { Directory, Location, Organisation, Service, validateLocation } from "./directory";

const NOT_JSON = "not_json";

/** `levels` lists, one inside the other, around one number. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = [value];
  return value;
}

describe("Extensions", () => {
  it("takes any JSON value and gives back an equal copy, not the input itself", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 100 }).filter((key) => key !== "__proto__"), fc.jsonValue().filter((value) => !JSON.stringify(value).includes('"__proto__"'))), (extensions) => {
        const parsed = safeParseResult(Extensions, extensions);
        expect(parsed).toEqual({ ok: true, value: extensions });
        if (!parsed.ok) return;
        for (const key of Object.keys(extensions)) {
          const value = extensions[key];
          if (typeof value === "object" && value !== null) expect(parsed.value[key]).not.toBe(value);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("turns down what is not JSON data, naming the standard's key", () => {
    const notJson: unknown[] = [() => 1, Number.NaN, Number.POSITIVE_INFINITY, new Date(0), undefined, { list: [1, Symbol("s")] }, new Map(), nested(MAX_JSON_DEPTH + 1)];
    for (const value of notJson) {
      const parsed = safeParseResult(Extensions, { oruk: value });
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.issues.map((found) => found.code)).toEqual([NOT_JSON]);
      expect(parsed.issues[0]?.path).toEqual(["oruk"]);
    }
    expect(safeParseResult(Extensions, { oruk: nested(MAX_JSON_DEPTH) }).ok).toBe(true);
    // A value that contains itself cannot be JSON: one issue, no crash.
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(safeParseResult(Extensions, { oruk: cyclic })).toEqual({ ok: false, issues: [expect.objectContaining({ code: "unreadable" })] });
  });

  it("keeps a __proto__ key as data and reports it", () => {
    const result = validateLocation(JSON.parse('{"id":"l","kind":"virtual","extensions":{"oruk":{"add":{"__proto__":{"x":1}}}}}'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([expect.objectContaining({ path: ["extensions", "oruk", "add", "__proto__"], code: "reserved_key" })]);
  });

  it("publishes the usual recursive JSON Schema for a value", () => {
    const schema = z.toJSONSchema(Extensions, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as { $defs: Record<string, { anyOf?: unknown[] }> };
    expect(schema.$defs.JsonValue?.anyOf).toHaveLength(6);
    expect(JSON.stringify(schema.$defs.JsonValue)).toContain('"$ref":"#/$defs/JsonValue"');
  });
});

describe("the directory's record schemas", () => {
  // A recursive part (as z.json() is) makes zod hand back the whole schema uncompiled, which made
  // validation several times slower without a word: compiling strictly turns that into a failure.
  it.each([
    ["Service", Service],
    ["Location", Location],
    ["Organisation", Organisation],
    ["Directory", Directory],
    ["Extensions", Extensions],
  ] as const)("%s can be compiled by zod", (_name, schema) => {
    expect(() => z.compile(schema as z.ZodType, { strict: true })).not.toThrow();
  });
});
