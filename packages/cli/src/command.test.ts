import { describe, expect, it } from "vitest";
import { choiceOption, listOption, numberOption, stringOption } from "./command";

describe("option readers", () => {
  it("read strings and lists, splitting commas and dropping blanks", () => {
    expect(stringOption({ format: "json", quiet: true }, "format")).toBe("json");
    expect(stringOption({ quiet: true }, "quiet")).toBeUndefined();
    expect(listOption({ need: ["wrap, advocacy", "", "peer-support-group"] }, "need")).toEqual(["wrap", "advocacy", "peer-support-group"]);
    expect(listOption({ need: "wrap" }, "need")).toEqual(["wrap"]);
    expect(listOption({}, "need")).toEqual([]);
  });

  it("read numbers within their range, and explain the range otherwise", () => {
    expect(numberOption({}, "age")).toBeUndefined();
    expect(numberOption({ age: "42" }, "age", { min: 0, max: 130, integer: true })).toBe(42);
    expect(() => numberOption({ age: " " }, "age")).toThrow("--age must be a number.");
    expect(() => numberOption({ age: "200" }, "age", { max: 130 })).toThrow("--age must be a number at most 130.");
    expect(() => numberOption({ age: "-1" }, "age", { min: 0, max: 130 })).toThrow("--age must be a number at least 0 and at most 130.");
  });

  it("read choices", () => {
    expect(choiceOption({}, "format", ["text", "json"] as const, "text")).toBe("text");
    expect(() => choiceOption({ format: "xml" }, "format", ["text", "json"] as const, "text")).toThrow("--format must be one of: text, json.");
  });
});
