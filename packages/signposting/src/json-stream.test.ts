import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanJson } from "@selfmanage/core";
import { createJsonRecordScanner, type ScanEnd, type ScannedRecord } from "./json-stream";

function scanInPieces(text: string, cuts: number[]): { records: ScannedRecord[]; end: ScanEnd } {
  const scanner = createJsonRecordScanner();
  const records: ScannedRecord[] = [];
  let last = 0;
  for (const cut of [...new Set(cuts.map((value) => value % (text.length + 1)))].sort((a, b) => a - b)) {
    for (const item of scanner.push(text.slice(last, cut))) records.push(item);
    last = cut;
  }
  for (const item of scanner.push(text.slice(last))) records.push(item);
  const end = scanner.end();
  return { records: [...records, ...end.records], end };
}

const values = (records: ScannedRecord[]): unknown[] => records.map((record) => (record.ok ? record.value : record.message));

describe("createJsonRecordScanner", () => {
  it("reads the records of any list, cut anywhere, as JSON.parse does", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 })), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (list, cuts, pretty) => {
        const text = JSON.stringify(list, null, pretty ? 2 : undefined);
        const { records, end } = scanInPieces(text, cuts);
        expect(end.error).toBeUndefined();
        expect(end.shape).toBe("list");
        expect(records.map((record) => record.index)).toEqual(list.map((_, index) => index));
        expect(JSON.stringify(values(records))).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("reads a page: the records of contents, and the page's own fields", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }).filter((key) => key !== "contents" && key !== "content"), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), fc.array(fc.nat(), { maxLength: 6 }), (contents, fields, cuts) => {
        const text = JSON.stringify({ ...fields, contents, after: "yes" });
        const { records, end } = scanInPieces(text, cuts);
        expect(end.error).toBeUndefined();
        expect(end.recordsField).toBe("contents");
        expect(JSON.stringify(values(records))).toBe(JSON.stringify(contents));
        expect(JSON.stringify(end.envelope)).toBe(JSON.stringify({ ...fields, after: "yes" }));
      }),
      { numRuns: 200 },
    );
  });

  it("gives each record the line it starts on, however the text is cut and wherever the line breaks fall", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("", "\n", "\n\n", " \n  ", "\r\n")), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (items, cuts) => {
          // Records separated by chosen white space; pretty-printed records hold line breaks of their own.
          let text = "[";
          const starts: number[] = [];
          items.forEach(([value, gap], index) => {
            text += (index === 0 ? "" : ",") + gap;
            starts.push(text.length);
            text += JSON.stringify(value, null, index % 2 === 0 ? undefined : 1);
          });
          text += "]";
          const lineOf = (at: number) => text.slice(0, at).split("\n").length;
          const { records, end } = scanInPieces(text, cuts);
          expect(end.error).toBeUndefined();
          expect(records.map((record) => record.line)).toEqual(starts.map(lineOf));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds what JSON.parse would hide in any record, as the full scan does, however the text is cut", () => {
    // Hazards and their look-alikes: repeated keys, __proto__, numbers that overflow or vanish, and
    // harmless zeros, exponents and colons in strings that must not be mistaken for them.
    const hazard = fc.constantFrom('"a": 1, "a": 2', '"__proto__": {"x": 1}', '"n": 1e400', '"n": -1e400', '"n": 1e-400', `"n": 0.${"0".repeat(330)}1`, '"n": 0', '"n": 0e5', '"n": 0.0', '"s": "1e-400: x"', '"k": ["a:b", {"c": 0}]', '"n": 2.5e-3', '"n": 1e-0400', `"n": 0.${"0".repeat(40)}1e-290`, `"n": 0.${"0".repeat(31)}1e-293`, '"n": 1e-300', '"n": [0, -5.5E-500]', '"s": "ab4e-123", "n": 0', '"s": "x:1e-999"', '"n": 0, "m": 12e-3456', `"s": "${"0".repeat(40)}"`);
    const member = fc.oneof(hazard, fc.tuple(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`));
    // Generated keys may repeat too, which is one more hazard to find.
    const record = fc.array(member, { maxLength: 5 }).map((members) => `{${members.join(", ")}}`);
    const nested = fc.tuple(record, fc.boolean()).map(([text, deeper]) => (deeper ? `{"inner": [${text}]}` : text));
    fc.assert(
      fc.property(fc.array(nested, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (texts, cuts) => {
        const { records, end } = scanInPieces(`[${texts.join(",\n")}]`, cuts);
        expect(end.error).toBeUndefined();
        expect(records.map((found) => (found.ok ? (found.notices ?? []).map((notice) => [notice.kind, notice.path]) : "broken"))).toEqual(
          texts.map((text) => scanJson(text).notices.map((notice) => [notice.kind, notice.path])),
        );
      }),
      { numRuns: 400 },
    );
  });

  it("counts lines, reads strings with escapes and brackets, and reads one record or a bare value", () => {
    const text = '[\n{"a": "x\\"]}[{",\n"b": [1, {"c": "\\\\"}]},\n  7,\n"s",\ntrue\n]';
    const { records, end } = scanInPieces(text, [3, 9, 10, 25]);
    expect(end.error).toBeUndefined();
    expect(records.map((record) => [record.index, record.line])).toEqual([
      [0, 2],
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(values(records)).toEqual(JSON.parse(text));
    const single = scanInPieces('{"id": "x", "name": "y", "n": 3}', [5]);
    expect(single.end).toMatchObject({ shape: "object", envelope: { id: "x", name: "y", n: 3 } });
    expect(single.end.recordsField).toBeUndefined();
    expect(scanInPieces(" 42 ", []).end).toMatchObject({ shape: "value", value: 42 });
    expect(scanInPieces("42", []).end).toMatchObject({ shape: "value", value: 42 });
    const proto = scanInPieces('{"__proto__": {"x": 1}, "contents": []}', []);
    expect(Object.keys(proto.end.envelope ?? {})).toEqual(["__proto__"]);
  });

  it("says where a document goes wrong, and reads the records before it", () => {
    expect(scanInPieces('[{"a": 1}, {"b": 2}', []).end.error?.message).toMatch(/ends before/);
    expect(scanInPieces("", []).end.error?.message).toMatch(/empty/);
    expect(scanInPieces('[{"a": 1}] extra', []).end.error?.message).toMatch(/more text/);
    expect(scanInPieces('{"a" 1}', []).end.error?.message).toMatch(/colon/);
    expect(scanInPieces("{a: 1}", []).end.error?.message).toMatch(/field name/);
    expect(scanInPieces('{"a": 1 "b": 2}', []).end.error?.message).toMatch(/comma/);
    expect(scanInPieces('{"a": nope}', []).end.error?.message).toMatch(/not valid JSON/);
    expect(scanInPieces("nope", []).end.error?.message).toMatch(/not valid JSON/);
    const broken = scanInPieces('[{"a": 1}, {"b": tru}, {"c": 3} {"d": 4}]', []);
    expect(values(broken.records)).toEqual([{ a: 1 }, "This is not valid JSON: this record breaks the JSON grammar.", { c: 3 }]);
    expect(broken.end.error).toEqual({ line: 1, message: "This is not valid JSON: expected a comma or a closing bracket between records.", code: "invalid_json" });
    const afterFailure = createJsonRecordScanner();
    afterFailure.push("[1 2");
    expect(afterFailure.push(", 3]")).toEqual([]);
  });
});
