import fc from "fast-check";
import { expect } from "vitest";
import type { z } from "zod";

/** Options for {@link checkSchemaProperties}. */
export interface SchemaPropertyOptions<T> {
  /** Valid records: a fast-check arbitrary or a fixed list of samples. */
  valid: fc.Arbitrary<T> | readonly T[];
  /** How to parse: defaults to `schema.safeParse`. Pass the package's own safe parser to test it too. */
  parse?: (input: unknown) => { ok: true; value: unknown } | { ok: false; issues: readonly unknown[] };
  /** Runs per property (default 200). */
  numRuns?: number;
  /**
   * zod's own issues turned into the package's (`issuesFromZodError` from `@selfmanage/core`). When
   * given, `parse` must be the plain schema parse (`safeParseResult`): broken records must then get
   * exactly the issues zod's ordinary parser gives, in its order.
   */
  zodIssues?: (error: z.core.$ZodError, input: unknown) => readonly unknown[];
}

function defaultParse(schema: z.ZodType) {
  return (input: unknown) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? ({ ok: true, value: parsed.data } as const) : ({ ok: false, issues: parsed.error.issues } as const);
  };
}

/** Replace the value at one random place in a JSON tree with another value. */
function mutate(value: unknown, pick: number, replacement: unknown): unknown {
  const places: Array<{ parent: Record<string | number, unknown>; key: string | number }> = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== "object") return;
    for (const key of Object.keys(node)) {
      places.push({ parent: node as Record<string, unknown>, key });
      walk((node as Record<string, unknown>)[key]);
    }
  };
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  walk(copy);
  if (places.length === 0) return replacement;
  const place = places[pick % places.length];
  if (place) place.parent[place.key] = replacement;
  return copy;
}

/** One change to a record: a value swapped, a key removed, or an unknown key added. */
interface Change {
  pick: number;
  kind: "swap" | "remove" | "add";
  replacement: unknown;
}

/** Apply a few changes to a copy of a JSON tree, each at a random place. */
function breakRecord(value: unknown, changes: readonly Change[]): unknown {
  let copy = JSON.parse(JSON.stringify(value)) as unknown;
  for (const change of changes) {
    const places: Array<{ parent: Record<string | number, unknown>; key: string | number; value: unknown }> = [];
    const walk = (node: unknown) => {
      if (node === null || typeof node !== "object") return;
      for (const key of Object.keys(node)) {
        const child = (node as Record<string, unknown>)[key];
        places.push({ parent: node as Record<string, unknown>, key, value: child });
        walk(child);
      }
    };
    walk(copy);
    if (places.length === 0) {
      copy = change.replacement;
      continue;
    }
    const place = places[change.pick % places.length] as (typeof places)[number];
    if (change.kind === "swap") place.parent[place.key] = change.replacement;
    else if (change.kind === "remove" && !Array.isArray(place.parent)) delete place.parent[place.key];
    else if (change.kind === "add" && place.value !== null && typeof place.value === "object" && !Array.isArray(place.value)) (place.value as Record<string, unknown>)[`unknown${change.pick % 3}`] = change.replacement;
    else place.parent[place.key] = change.replacement;
  }
  return copy;
}

/**
 * The shared property test for a public schema:
 *
 * 1. arbitrary JSON never makes parsing throw (it returns issues instead);
 * 2. valid records with one value swapped for arbitrary JSON never make parsing throw;
 * 3. valid records parse, and survive parse -> JSON -> parse unchanged (and equal the input);
 * 4. records broken in up to three places (values swapped, keys removed, unknown keys added)
 *    are accepted only where zod's ordinary parser accepts them, and then with zod's own value
 *    (the package's fast path for records valid as they stand must never answer differently);
 * 5. with `zodIssues`: such broken records get the issues zod's ordinary parser reports, in its order.
 */
export function checkSchemaProperties<T>(schema: z.ZodType, options: SchemaPropertyOptions<T>): void {
  const parse = options.parse ?? defaultParse(schema);
  const numRuns = options.numRuns ?? 200;
  const valid: fc.Arbitrary<T> = Array.isArray(options.valid) ? fc.constantFrom(...(options.valid as T[])) : (options.valid as fc.Arbitrary<T>);

  fc.assert(
    fc.property(fc.jsonValue(), (input) => {
      expect(() => parse(input)).not.toThrow();
    }),
    { numRuns },
  );

  fc.assert(
    fc.property(valid, fc.nat(), fc.jsonValue({ maxDepth: 2 }), (record, pick, replacement) => {
      expect(() => parse(mutate(record, pick, replacement))).not.toThrow();
    }),
    { numRuns },
  );

  fc.assert(
    fc.property(valid, (record) => {
      const json = JSON.parse(JSON.stringify(record)) as unknown;
      const first = parse(json);
      if (!first.ok) throw new Error(`A valid sample was rejected: ${JSON.stringify(first.issues)}`);
      expect(first.value).toEqual(json);
      const again = parse(JSON.parse(JSON.stringify(first.value)));
      if (!again.ok) throw new Error(`A parsed record was rejected after a JSON round trip: ${JSON.stringify(again.issues)}`);
      expect(again.value).toEqual(first.value);
    }),
    { numRuns },
  );

  const change = fc.record({ pick: fc.nat(), kind: fc.constantFrom("swap", "remove", "add"), replacement: fc.jsonValue({ maxDepth: 2 }) }) as fc.Arbitrary<Change>;
  fc.assert(
    fc.property(valid, fc.array(change, { minLength: 1, maxLength: 3 }), (record, changes) => {
      const input = breakRecord(record, changes);
      const actual = parse(input);
      if (!actual.ok) return;
      const expected = schema.safeParse(input);
      if (!expected.success) throw new Error(`A record zod turns down was accepted: ${JSON.stringify(expected.error.issues.map((found) => found.path))}`);
      expect(actual.value).toStrictEqual(expected.data);
    }),
    { numRuns: numRuns * 2 },
  );

  const zodIssues = options.zodIssues;
  if (zodIssues === undefined) return;
  fc.assert(
    fc.property(valid, fc.array(change, { minLength: 1, maxLength: 3 }), (record, changes) => {
      const input = breakRecord(record, changes);
      // A __proto__ key gets an issue of its own, which zod does not report: left to the reserved-key tests.
      if (JSON.stringify(input)?.includes('"__proto__"')) return;
      const expected = schema.safeParse(input);
      const actual = parse(input);
      if (expected.success) expect(actual.ok).toBe(true);
      else expect(actual.ok ? [] : actual.issues).toEqual(zodIssues(expected.error, input));
    }),
    { numRuns: numRuns * 2 },
  );
}
