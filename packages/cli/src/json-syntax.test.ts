import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError, MAX_JSON_DEPTH, scanJson } from "./json-syntax";

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

describe("scanJson", () => {
  it("reports repeated keys, __proto__ keys and numbers out of range with their paths", () => {
    expect(scanJson('{"a":1,"b":{"c":[1e400,2,-1e-400]},"a":2,"__proto__":{}}')).toEqual({
      notices: [
        { kind: "number_out_of_range", path: ["b", "c", 0], line: 1, column: 18 },
        { kind: "number_out_of_range", path: ["b", "c", 2], line: 1, column: 26 },
        { kind: "duplicate_key", path: ["a"], line: 1, column: 36 },
        { kind: "reserved_key", path: ["__proto__"], line: 1, column: 42 },
      ],
    });
    expect(scanJson('{"\\u005f_proto__":1}').notices.map((notice) => notice.kind)).toEqual(["reserved_key"]);
    expect(scanJson('{"a\\u0062":1,"ab":2}').notices.map((notice) => notice.path)).toEqual([["ab"]]);
  });

  it("finds repeated keys in large objects too", () => {
    const keys = Array.from({ length: 40 }, (_, index) => `"k${index}":${index}`);
    expect(scanJson(`{${keys.join(",")},"k3":0}`).notices).toMatchObject([{ kind: "duplicate_key", path: ["k3"] }]);
    expect(scanJson(`{${keys.join(",")}}`).notices).toEqual([]);
  });

  it("stops at the nesting limit without using the stack", () => {
    const deep = `${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`;
    expect(scanJson(deep)).toEqual({ notices: [] });
    expect(findJsonSyntaxError(`[${deep}]`)).toMatchObject({ reason: "too_deep", offset: MAX_JSON_DEPTH });
    expect(findJsonSyntaxError(`{"a":`.repeat(1_000_000))).toMatchObject({ reason: "too_deep" });
  });

  it("agrees with JSON.parse on grammar for keys with escapes and odd whitespace", () => {
    for (const text of ['{"a\\"b":1}', ' \t\r\n{ "a" : [ ] }', '{"a":"\\ud83d\\ude00"}', '[1,]', '{"a":1,}', '{,}', '[-]', '["\\x"]', '{"a" : }', "nul", "[tru]"]) {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(findJsonSyntaxError(text) === undefined, text).toBe(parses);
    }
  });
});
