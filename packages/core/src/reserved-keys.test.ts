import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { safeParseResult } from "./parse";
import { findReservedKeys, hasReservedKeys, rejectsReservedKeys, reservedKeySearch } from "./reserved-keys";
import { LocalisedText } from "./text";

describe("__proto__ keys", () => {
  it("are reported in localised text, where zod would silently drop them", () => {
    const input = JSON.parse('{"en":"Hello","__proto__":"x"}') as unknown;
    expect(LocalisedText.safeParse(input).success).toBe(true);
    expect(safeParseResult(LocalisedText, input)).toEqual({
      ok: false,
      issues: [{ path: ["__proto__"], code: "reserved_key", message: "This key is reserved in JavaScript, so it would be silently dropped. Remove it or give it another name." }],
    });
  });

  it("are reported in records, at any depth, and in lists", () => {
    const Answers = z.strictObject({ answers: z.record(z.string(), z.string()), list: z.array(z.record(z.string(), z.number())).optional() });
    const input = JSON.parse('{"answers":{"q1":"a","__proto__":"b"},"list":[{"a":1},{"__proto__":{"polluted":true}}]}') as unknown;
    const result = safeParseResult(Answers, input);
    expect(result.ok ? [] : result.issues.map((found) => [found.path, found.code])).toEqual([
      [["answers", "__proto__"], "reserved_key"],
      [["list", 1, "__proto__"], "reserved_key"],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("are reported once where zod already names them as unknown fields", () => {
    const Strict = z.strictObject({ a: z.number() });
    const result = safeParseResult(Strict, JSON.parse('{"a":1,"__proto__":{}}'));
    expect(result.ok ? [] : result.issues.map((found) => [found.path, found.code])).toEqual([[["__proto__"], "unknown_field"]]);
  });

  it("are found exactly where they are, and only there", () => {
    expect(findReservedKeys(JSON.parse('[{"a":{"b":[{"__proto__":1}]}}]'))).toEqual([[0, "a", "b", 0, "__proto__"]]);
    expect(findReservedKeys({ constructor: 1, prototype: 2, toString: 3 })).toEqual([]);
    expect(findReservedKeys("__proto__")).toEqual([]);
    // fast-check's JSON values include own __proto__ keys now and then: each must be found, and nothing else.
    const ownProtoKeys = (node: unknown, path: Array<string | number>): Array<Array<string | number>> => {
      if (typeof node !== "object" || node === null) return [];
      return Object.keys(node).flatMap((key) => {
        const at = [...path, Array.isArray(node) ? Number(key) : key];
        return [...(key === "__proto__" && !Array.isArray(node) ? [at] : []), ...ownProtoKeys((node as Record<string, unknown>)[key], at)];
      });
    };
    const sorted = (paths: ReadonlyArray<ReadonlyArray<string | number>>): string[] => paths.map((path) => JSON.stringify(path)).sort();
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(sorted(findReservedKeys(value))).toEqual(sorted(ownProtoKeys(value, [])));
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.jsonValue().filter((value) => !JSON.stringify(value).includes('"__proto__"')), (value) => {
        expect(findReservedKeys(value)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("schemas that turn down __proto__ keys themselves", () => {
  const Item = z.strictObject({ code: z.string(), value: z.number().optional() });
  const Strict = z.strictObject({
    id: z.string(),
    items: z.array(Item).default([]),
    either: z.union([Item, z.strictObject({ other: z.boolean() }), z.literal("none")]).optional(),
    pair: z.tuple([Item, z.enum(["a", "b"])]).nullable().optional(),
    again: Item.readonly().optional(), // the same node twice is not a cycle
    piped: z.string().pipe(z.string().min(1)).optional(),
  });

  it("are told apart from schemas that take data as it comes", () => {
    expect(rejectsReservedKeys(Strict)).toBe(true);
    const open = [
      z.object({ a: z.string() }),
      z.looseObject({ a: z.string() }),
      z.strictObject({ a: z.string() }).catchall(z.string()),
      z.strictObject({ a: z.record(z.string(), z.string()) }),
      z.strictObject({ a: z.unknown() }),
      z.strictObject({ a: z.any() }),
      z.strictObject({ a: Item.catch({ code: "x" }) }),
      z.array(z.map(z.string(), z.string())),
      z.union([Item, z.object({ b: z.string() })]),
      z.tuple([Item], z.unknown()),
      z.transform((value: unknown) => value),
      z.lazy(() => Item),
      LocalisedText,
    ];
    for (const schema of open) expect(rejectsReservedKeys(schema)).toBe(false);
    type Tree = { name: string; children: Tree[] };
    const Tree: z.ZodType<Tree> = z.strictObject({
      name: z.string(),
      get children() {
        return z.array(Tree);
      },
    });
    expect(rejectsReservedKeys(Tree)).toBe(false);
  });

  it("report a __proto__ key wherever it is put, as the full search would", () => {
    const valid = fc.record({
      id: fc.string(),
      items: fc.array(fc.record({ code: fc.string(), value: fc.integer() }, { requiredKeys: ["code"] }), { maxLength: 3 }),
      either: fc.oneof(fc.record({ code: fc.string() }), fc.record({ other: fc.boolean() })),
    });
    fc.assert(
      fc.property(valid, fc.nat(), (record, pick) => {
        expect(safeParseResult(Strict, record).ok).toBe(true);
        // Put the key into one of the objects, through JSON as a reader would.
        const objects: object[] = [record, ...record.items, record.either];
        const target = objects[pick % objects.length] as Record<string, unknown>;
        const text = JSON.stringify(record, (_key, value: unknown) => (value === target ? { ...target, RESERVED: 1 } : value)).replace('"RESERVED"', '"__proto__"');
        const input = JSON.parse(text) as unknown;
        expect(hasReservedKeys(input)).toBe(true);
        const result = safeParseResult(Strict, input);
        expect(result.ok).toBe(false);
        const paths = result.ok ? [] : result.issues.map((found) => found.path);
        for (const path of findReservedKeys(input)) expect(paths).toContainEqual(path);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the search guided by the schema", () => {
  // Strict objects around the places that take data as it comes: a record, a catch-all, a loose
  // object, unknown data, a union with a record in it, and a list of records.
  const Mixed = z.strictObject({
    id: z.string(),
    tags: z.array(z.string()).optional(),
    answers: z.record(z.string(), z.string()).optional(),
    label: LocalisedText.optional(),
    rows: z.array(z.strictObject({ code: z.string(), extra: z.record(z.string(), z.unknown()).optional() })).optional(),
    loose: z.looseObject({ a: z.number().optional() }).optional(),
    anything: z.unknown().optional(),
    either: z.union([z.strictObject({ kind: z.literal("a") }), z.record(z.string(), z.number())]).optional(),
    nested: z.strictObject({ inner: z.strictObject({ deep: z.record(z.string(), z.boolean()).optional(), name: z.string().optional() }) }).optional(),
  });
  const search = reservedKeySearch(Mixed);
  const valid = fc.record(
    {
      id: fc.string(),
      tags: fc.array(fc.string(), { maxLength: 2 }),
      answers: fc.dictionary(fc.constantFrom("q1", "q2", "q3"), fc.string()),
      label: fc.record({ en: fc.string({ minLength: 1 }), gd: fc.string({ minLength: 1 }) }, { requiredKeys: ["en"] }),
      rows: fc.array(fc.record({ code: fc.string(), extra: fc.dictionary(fc.constantFrom("x", "y"), fc.jsonValue({ maxDepth: 2 })) }, { requiredKeys: ["code"] }), { maxLength: 3 }),
      loose: fc.record({ a: fc.integer(), b: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
      anything: fc.jsonValue({ maxDepth: 2 }),
      either: fc.oneof(fc.constant({ kind: "a" }), fc.dictionary(fc.constantFrom("m", "n"), fc.integer())),
      nested: fc.record({ inner: fc.record({ deep: fc.dictionary(fc.constantFrom("p", "q"), fc.boolean()), name: fc.string() }, { requiredKeys: [] }) }),
    },
    { requiredKeys: ["id"] },
  ).filter((record) => !JSON.stringify(record).includes('"__proto__"'));

  /** Every object in a value, containers within containers included. */
  const objectsIn = (value: unknown): object[] => {
    if (typeof value !== "object" || value === null) return [];
    const found: object[] = Array.isArray(value) ? [] : [value];
    for (const child of Object.values(value)) for (const inner of objectsIn(child)) found.push(inner);
    return found;
  };

  it("answers as the full search does for every value the schema accepts, with a __proto__ key anywhere", () => {
    expect(rejectsReservedKeys(Mixed)).toBe(false);
    fc.assert(
      fc.property(valid, fc.nat(), fc.boolean(), (record, pick, plant) => {
        expect(Mixed.safeParse(record).success).toBe(true);
        expect(search(record)).toBe(false);
        if (!plant) return;
        const objects = objectsIn(record);
        const target = objects[pick % objects.length];
        const text = JSON.stringify(record, (_key, value: unknown) => (value === target ? { ...(value as object), RESERVED: 1 } : value)).replace('"RESERVED"', '"__proto__"');
        const input = JSON.parse(text) as unknown;
        expect(hasReservedKeys(input)).toBe(true);
        // Where zod took the key without a word, the guided search finds it too; where a strict
        // object turned it down, zod said so itself. Either way safeParseResult reports it.
        if (Mixed.safeParse(input).success) expect(search(input)).toBe(true);
        const result = safeParseResult(Mixed, input);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it("does not look at all where every object is strict, and looks everywhere when it cannot tell", () => {
    expect(reservedKeySearch(z.strictObject({ id: z.string(), list: z.array(z.strictObject({ a: z.number() })) }))(JSON.parse('{"id":"a","list":[{"__proto__":1}]}'))).toBe(false);
    const everywhere = reservedKeySearch(z.record(z.string(), z.unknown()));
    expect(everywhere(JSON.parse('{"a":{"b":[{"__proto__":1}]}}'))).toBe(true);
    // A value of another shape than the plan expects (a list where an object was) is searched in full.
    const planned = reservedKeySearch(z.strictObject({ rows: z.array(z.record(z.string(), z.number())) }));
    expect(planned(JSON.parse('{"rows":{"0":{"__proto__":1}}}'))).toBe(true);
    expect(planned(JSON.parse('{"rows":[{"a":1},{"__proto__":2}]}'))).toBe(true);
    expect(planned(JSON.parse('{"rows":[{"a":1}]}'))).toBe(false);
  });
});

describe("numbers that cannot be represented", () => {
  it("say they are out of range instead of 'Expected a number, but found a number'", () => {
    for (const value of [Infinity, -Infinity, Number.NaN]) {
      const result = safeParseResult(z.strictObject({ n: z.number() }), { n: value });
      expect(result.ok ? [] : result.issues).toEqual([{ path: ["n"], code: "number_out_of_range", message: "This number is out of range: it is infinite or not a number." }]);
    }
  });
});

describe("inherited keys", () => {
  it("are not the input's own, so they are not reported", () => {
    const withPrototype = Object.create({ inherited: { __proto__: null } }) as Record<string, unknown>;
    withPrototype.own = 1;
    expect(findReservedKeys(withPrototype)).toEqual([]);
    expect(findReservedKeys([1, "a", null, [{}]])).toEqual([]);
  });
});
