import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { safeParseResult } from "./parse";
import { findReservedKeys } from "./reserved-keys";
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
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(findReservedKeys(value)).toEqual([]);
      }),
      { numRuns: 200 },
    );
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
