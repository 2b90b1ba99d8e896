import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { firstInvalidUtf8 } from "./utf8";

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe("firstInvalidUtf8", () => {
  it("is -1 for well-formed text, including every width of character", () => {
    expect(firstInvalidUtf8(new TextEncoder().encode("a é € 😀"))).toBe(-1);
    expect(firstInvalidUtf8(bytes())).toBe(-1);
  });

  it("finds stray, overlong, surrogate, out-of-range and cut-short sequences", () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xff, 0x62))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x61, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xe0, 0x80, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x61, 0xed, 0xa0, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xf0, 0x8f, 0xbf, 0xbf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xf5, 0x80, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xe2, 0x82))).toBe(2);
    expect(firstInvalidUtf8(bytes(0xe2, 0x41, 0x41))).toBe(0);
  });

  it("agrees with a fatal TextDecoder on any bytes", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        let valid = true;
        try {
          decoder.decode(input);
        } catch {
          valid = false;
        }
        const found = firstInvalidUtf8(input);
        expect(found === -1).toBe(valid);
        if (!valid) {
          expect(() => decoder.decode(input.subarray(0, found))).not.toThrow();
          expect(() => decoder.decode(input.subarray(0, found + 4))).toThrow();
        }
      }),
    );
  });
});
