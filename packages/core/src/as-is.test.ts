import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { ACCEPTED, asIsCheck, REJECTED, UNSURE, type AsIsCheck } from "./as-is";
import { issuesFromZodError, safeParseResult } from "./parse";

// Schemas with every kind of part the generated check models, and some it hands to zod.
const Point = z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().gt(-180).lt(180) });
const Tag = z.string().min(2).max(4);
const Area = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("national"), name: z.string().min(1).optional() }),
  z.strictObject({ kind: z.literal("code"), code: z.string().regex(/^S\d{2}$/) }).refine((area) => area.code !== "S00", { message: "No S00." }),
  z.strictObject({ kind: z.enum(["radius", "circle"]), km: z.number().positive().max(100) }),
]);
interface Tree {
  name: string;
  children?: Tree[] | undefined;
}
const TreeSchema: z.ZodType<Tree> = z.lazy(() => z.strictObject({ name: z.string(), children: z.array(TreeSchema).optional() }));
const Record = z
  .strictObject({
    id: z.string().min(1).max(8),
    count: z.number().int().nonnegative(),
    big: z.number().multipleOf(5).optional(),
    safe: z.number().int().optional(),
    flag: z.boolean().nullable(),
    tags: z.array(Tag).min(1).max(3),
    point: Point.optional(),
    area: Area.optional(),
    label: z.record(z.string().regex(/^[a-z]{2}$/), z.string().min(1)).optional(),
    byDay: z.record(z.enum(["mon", "tue"]), z.number()).optional(),
    text: z.strictObject({}).catchall(z.string().min(1)).optional(),
    loose: z.object({ a: z.number() }).optional(),
    home: z.url().optional(),
    mail: z.email().optional(),
    trimmed: z.string().trim().optional(),
    either: z.union([z.string(), z.number()]).optional(),
    note: z.unknown(),
    tree: TreeSchema.optional(),
    level: z.number().default(3),
    exact: z.exactOptional(z.string()),
    defaulted: z.string().default("x").optional(),
    upper: z.string().transform((value) => value.toUpperCase()).optional(),
  })
  .refine((record) => record.tags.length <= record.count + 3, { message: "Too many tags." });

const sample = {
  id: "r-1",
  count: 2,
  flag: null,
  tags: ["ab", "abcd"],
  point: { latitude: 55.9, longitude: -3.2 },
  area: { kind: "code", code: "S12" },
  text: { en: "Hello", gd: "Halò" },
  label: { en: "A label", cy: "Label" },
  home: "https://example.org/a",
  mail: "someone@example.org",
  trimmed: "tidy",
  note: { any: ["thing", 1] },
  tree: { name: "root", children: [{ name: "leaf" }] },
  level: 4,
  defaulted: "y",
};

const verdictOf = asIsCheck(Record) as AsIsCheck;
/** Whether the input is taken as it stands. */
const check = (input: unknown): boolean => verdictOf(input) === ACCEPTED;

/** What zod's ordinary parser makes of the input. */
const zod = (input: unknown) => Record.safeParse(input);

describe("asIsCheck", () => {
  it("accepts a valid record that zod would hand back unchanged, and safeParseResult then returns the input itself", () => {
    expect(check(sample)).toBe(true);
    const result = safeParseResult(Record, sample);
    expect(result.ok && result.value).toBe(sample);
    expect(zod(sample).data).toStrictEqual(sample);
  });

  it("is not sure (false) wherever zod's output would differ from the input, and the value is then zod's", () => {
    const differs: unknown[] = [
      { ...sample, level: undefined }, // a default fills it in
      { ...sample, defaulted: undefined }, // an optional around a default fills it in too
      { ...sample, home: " https://example.org/a " }, // a web address is trimmed
      { ...sample, trimmed: " tidy " }, // an overwrite trims
      { ...sample, loose: { a: 1, b: 2 } }, // a key that zod strips
      { ...sample, upper: "shout" }, // a transform
      { ...sample, byDay: { mon: 1, tue: 2 } }, // a record with a fixed set of keys is left to zod
    ];
    for (const input of differs) {
      expect(check(input)).toBe(false);
      const result = safeParseResult(Record, input);
      const expected = zod(input);
      expect(expected.success).toBe(true);
      expect(result.ok && result.value).toStrictEqual(expected.data);
      expect(result.ok && result.value).not.toBe(input);
    }
  });

  it("turns down what zod turns down, however small the difference", () => {
    const invalid: unknown[] = [
      { ...sample, tags: ["a"] }, // too short
      { ...sample, tags: ["😀"] }, // two UTF-16 units, but one character: too short, as zod counts
      { ...sample, tags: ["ab", "ab", "ab", "ab"] }, // too many
      { ...sample, point: { latitude: 91, longitude: 0 } },
      { ...sample, point: { latitude: 0, longitude: 180 } }, // the bound is exclusive
      { ...sample, count: 1.5 },
      { ...sample, count: Number.NaN },
      { ...sample, big: 7 },
      { ...sample, area: { kind: "code", code: "S00" } }, // the option's refinement
      { ...sample, area: { kind: "elsewhere" } }, // no option has this tag
      { ...sample, area: { kind: "radius", km: 0 } },
      { ...sample, text: { en: "" } }, // the catch-all's check
      { ...sample, label: { english: "A label" } }, // a record's key check
      { ...sample, label: { en: "" } }, // a record's value check
      { ...sample, label: { en: "A label", [Symbol("hidden")]: "x" } }, // zod checks symbol keys too
      { ...sample, flag: undefined },
      { ...sample, exact: undefined }, // an exact optional takes no undefined
      { ...sample, extra: true },
      { ...sample, tree: { name: "root", children: [{ name: 3 }] } }, // deep in the recursion
      { ...sample, tree: { name: "root", children: { length: 0 } } }, // not a list, however like one
      { ...sample, count: 0, tags: ["ab", "ab", "ab"], point: undefined, extraTag: 1 },
      { ...sample, tags: ["ab"], count: -1 },
    ];
    for (const input of invalid) {
      expect(check(input)).toBe(false);
      expect(safeParseResult(Record, input).ok).toBe(zod(input).success);
    }
    const { note: _note, ...withoutNote } = sample;
    expect(check(withoutNote)).toBe(false); // zod would add the missing key, with undefined
  });

  it("never takes a record with a __proto__ key as it stands, wherever the key is", () => {
    for (const text of [
      '{"__proto__": {"x": 1}}',
      '{"note": {"deep": [{"__proto__": 1}]}}',
      '{"text": {"__proto__": "hello"}}',
      '{"label": {"__proto__": "hello"}}',
      '{"tree": {"name": "a", "children": [{"name": "b", "__proto__": {}}]}}',
    ]) {
      // A spread defines an own __proto__ key as JSON.parse does (it does not set the prototype).
      const record = { ...sample, ...(JSON.parse(text) as object) };
      expect(check(record)).toBe(false);
      expect(safeParseResult(Record, record).ok).toBe(false);
    }
  });

  it("takes nothing but plain objects as records: an instance of a class would come back changed", () => {
    class Shape {
      latitude = 1;
      longitude = 2;
    }
    const shaped = asIsCheck(Point) as AsIsCheck;
    expect(shaped(new Shape())).toBe(UNSURE);
    expect(shaped(Object.assign(Object.create(null) as object, { latitude: 1, longitude: 2 }))).toBe(ACCEPTED);
    expect(safeParseResult(Point, new Shape())).toEqual({ ok: true, value: { latitude: 1, longitude: 2 } });
  });

  it("is unsure rather than throwing when a refinement throws", () => {
    const Fragile = z.strictObject({ list: z.array(z.number()) }).refine((value) => (value.list.length > 0 ? true : (null as unknown as { x: boolean }).x));
    const fragile = asIsCheck(Fragile) as AsIsCheck;
    expect(fragile({ list: [] })).toBe(UNSURE);
    expect(fragile({ list: [1] })).toBe(ACCEPTED);
  });

  it("is not made when zod may not generate code (jitless)", () => {
    z.config({ jitless: true });
    try {
      expect(asIsCheck(z.strictObject({ fresh: z.string() }))).toBeUndefined();
    } finally {
      z.config({ jitless: false });
    }
  });

  // The property that matters: true means zod accepts the input and gives back a value equal to it.
  const jsonish = fc.jsonValue({ maxDepth: 3 });
  const part = fc.oneof(
    jsonish,
    fc.constantFrom(undefined, "ab", "abcd", "abcde", "😀", "😀😀", " x ", "https://example.org", 0, 5, -1, 1.5, 90, 180, null, true),
    fc.constantFrom({ kind: "code", code: "S12" }, { kind: "code", code: "S00" }, { kind: "national" }, { kind: "circle", km: 5 }, { kind: "circle", km: 500 }),
    fc.constantFrom({ latitude: 1, longitude: 2 }, { latitude: 1 }, { name: "a", children: [] }, { name: "a", children: [{ name: 1 }] }, { en: "x" }, { en: "" }, { mon: 1, tue: 2 }, { mon: 1 }),
  );
  const keys = Object.keys(Record.shape).concat("other");
  const arbitraryRecord = fc.tuple(fc.dictionary(fc.constantFrom(...keys), part, { maxKeys: 8 }), fc.boolean()).map(([changes, fromSample]) => (fromSample ? { ...sample, ...changes } : changes));

  it("agrees with zod on arbitrary records: accepted as is only when zod accepts them and returns an equal value", () => {
    let acceptedAsIs = 0;
    let turnedDown = 0;
    fc.assert(
      fc.property(arbitraryRecord, (input) => {
        const expected = zod(input);
        if (check(input)) {
          acceptedAsIs += 1;
          expect(expected.success).toBe(true);
          expect(expected.data).toStrictEqual(input);
        } else turnedDown += 1;
        const result = safeParseResult(Record, input);
        expect(result.ok).toBe(expected.success);
        if (result.ok) expect(result.value).toStrictEqual(expected.data);
      }),
      { numRuns: 3000 },
    );
    // Neither answer is left untried.
    expect(acceptedAsIs).toBeGreaterThan(50);
    expect(turnedDown).toBeGreaterThan(50);
  });

  // A schema in which zod changes nothing it accepts, beside one in which it may.
  const Strict = z
    .strictObject({
      id: Record.shape.id,
      count: Record.shape.count,
      big: Record.shape.big,
      flag: Record.shape.flag,
      tags: Record.shape.tags,
      point: Record.shape.point,
      area: Record.shape.area,
      label: Record.shape.label,
      text: Record.shape.text,
      mail: Record.shape.mail,
      note: Record.shape.note,
      tree: Record.shape.tree,
    })
    .refine((record) => record.tags.length <= record.count + 3, { message: "Too many tags.", path: ["tags"] });

  it("is unsure where zod would change a valid value, and rejects only what zod turns down", () => {
    const cases: Array<[z.ZodType, unknown, number]> = [
      [z.strictObject({ a: z.number().default(1) }), {}, UNSURE],
      [z.strictObject({ a: z.number().default(1) }), { a: "one" }, REJECTED],
      [z.object({ a: z.number() }), { a: 1, b: 2 }, UNSURE],
      [z.object({ a: z.number() }), { b: 2 }, REJECTED],
      [z.strictObject({ a: z.number() }), { a: 1, b: 2 }, REJECTED],
      [z.strictObject({ a: z.string().trim() }), { a: " x " }, UNSURE],
      [z.strictObject({ a: z.url() }), { a: " https://example.org " }, UNSURE],
      [z.strictObject({ a: z.url() }), { a: "not a web address" }, REJECTED],
      [z.strictObject({ a: z.union([z.string(), z.number()]) }), { a: 1 }, ACCEPTED],
      [z.strictObject({ a: z.union([z.string(), z.number()]) }), { a: true }, REJECTED],
      [z.strictObject({ a: z.number().refine((n) => n > 0, { when: () => true }) }), { a: 1 }, UNSURE],
      [z.strictObject({ a: z.unknown() }), JSON.parse('{"a": {"__proto__": 1}}'), UNSURE],
    ];
    for (const [schema, input, verdict] of cases) {
      expect((asIsCheck(schema) as AsIsCheck)(input)).toBe(verdict);
      expect(schema.safeParse(input).success).toBe(verdict !== REJECTED);
    }
  });

  it("gives rejected records zod's own issues, in zod's order, and never rejects what zod accepts", () => {
    for (const schema of [Strict, Record]) {
      const verdictFor = asIsCheck(schema) as AsIsCheck;
      let rejected = 0;
      fc.assert(
        fc.property(arbitraryRecord, (input) => {
          const expected = schema.safeParse(input);
          const verdict = verdictFor(input);
          if (verdict === REJECTED) {
            rejected += 1;
            expect(expected.success).toBe(false);
          }
          if (JSON.stringify(input)?.includes('"__proto__"')) return;
          const result = safeParseResult(schema, input);
          if (expected.success) expect(result).toStrictEqual({ ok: true, value: expected.data });
          else expect(result).toEqual({ ok: false, issues: issuesFromZodError(expected.error, input) });
        }),
        { numRuns: 2000 },
      );
      expect(rejected).toBeGreaterThan(100);
    }
  });
});
