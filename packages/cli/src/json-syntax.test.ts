import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "./json-syntax";

describe("findJsonSyntaxError", () => {
  it("accepts every valid JSON text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it("agrees with JSON.parse on arbitrary text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json().map((text) => text.slice(0, -1)), fc.json().map((text) => `${text}}`)), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(findJsonSyntaxError(text) === undefined).toBe(parses);
      }),
      { numRuns: 200 },
    );
  });

  it("locates the first broken character by line and column", () => {
    expect(findJsonSyntaxError('{\n  "a": 1,\n  "b": x\n}')).toEqual({ offset: 19, line: 3, column: 8, reason: "unexpected_character" });
    expect(findJsonSyntaxError('{"a":}')).toMatchObject({ offset: 5, line: 1, column: 6 });
    expect(findJsonSyntaxError('{"a" 1}')).toMatchObject({ column: 6 });
    expect(findJsonSyntaxError('["a\\q"]')).toMatchObject({ column: 5 });
    expect(findJsonSyntaxError('["\\u12G4"]')).toMatchObject({ column: 4 });
    expect(findJsonSyntaxError('["a\tb"]')).toMatchObject({ column: 4 });
    expect(findJsonSyntaxError("[01]")).toMatchObject({ column: 3 });
  });

  it("tells an early end from trailing text", () => {
    expect(findJsonSyntaxError('[1, {"a": "b"')).toMatchObject({ reason: "unexpected_end", line: 1, column: 14 });
    expect(findJsonSyntaxError('"open')).toMatchObject({ reason: "unexpected_end" });
    expect(findJsonSyntaxError("")).toMatchObject({ reason: "unexpected_end", offset: 0 });
    expect(findJsonSyntaxError('{"a": 1}\n{"b": 2}')).toEqual({ offset: 9, line: 2, column: 1, reason: "trailing_content" });
    expect(findJsonSyntaxError("[true, false, null, -1.5e3, {}, []]")).toBeUndefined();
  });
});
