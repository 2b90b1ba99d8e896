import { describe, expect, it } from "vitest";
import { generateSyntheticDirectory } from "../../test/synthetic";
import { buildSearchIndex, SEARCH_INDEX_FORMAT } from "./build";
import { searchServices, type ServiceQuery } from "./query";
import { loadSearchIndex, serialiseSearchIndex } from "./serialise";

const directory = generateSyntheticDirectory(3000, 5);
const built = buildSearchIndex(directory);
const bytes = serialiseSearchIndex(built);
const queries: ServiceQuery[] = [
  { categories: ["peer-support-group"], near: { latitude: 55.9533, longitude: -3.1883 }, radiusKm: 10, openAt: "2026-03-03T18:30:00Z", age: 34 },
  { text: "helth coaching", near: { latitude: 55.8642, longitude: -4.2518 }, radiusKm: 25 },
  { text: "befriend", limit: 50 },
  { areaCodes: ["S12000049"], languages: ["en-GB"], attending: ["phone"] },
  { near: { latitude: 57.1497, longitude: -2.0943 }, radiusKm: 8, accessibility: ["step-free-access"], statuses: ["active", "inactive"] },
  { needs: ["carers-support", "money-advice"], limit: 100 },
];
const answers = (index: typeof built) => queries.map((query) => searchServices(index, query));

describe("a saved search index", () => {
  it("loads to an index that answers every query exactly as the one it was saved from", () => {
    const loaded = loadSearchIndex(bytes, directory);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.size).toBe(3000);
    expect(loaded.value.format).toBe(SEARCH_INDEX_FORMAT);
    expect(answers(loaded.value)).toEqual(answers(built));
    expect(answers(built).every((found) => found.length > 0)).toBe(true);
  });

  it("loads from an ArrayBuffer, and from bytes that do not start on an aligned offset", () => {
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    for (const input of [bytes.slice().buffer, shifted.subarray(3)]) {
      const loaded = loadSearchIndex(input, directory);
      expect(loaded.ok && answers(loaded.value)).toEqual(answers(built));
    }
  });

  it("saves the same bytes again from a loaded index", () => {
    const loaded = loadSearchIndex(bytes, directory);
    expect(loaded.ok && serialiseSearchIndex(loaded.value)).toEqual(bytes);
  });

  it("refuses an index saved in another format version, naming both versions", () => {
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(4, SEARCH_INDEX_FORMAT + 1, true);
    const loaded = loadSearchIndex(other, directory);
    expect(loaded).toEqual({ ok: false, issues: [{ path: [], code: "index_format", message: expect.stringContaining(`format ${SEARCH_INDEX_FORMAT + 1}`) }] });
    expect(!loaded.ok && loaded.issues[0]?.message).toContain(`reads format ${SEARCH_INDEX_FORMAT}`);
  });

  it("refuses an index of another directory", () => {
    for (const other of [generateSyntheticDirectory(3000, 6), generateSyntheticDirectory(2999, 5)]) {
      expect(loadSearchIndex(bytes, other)).toEqual({ ok: false, issues: [{ path: [], code: "index_directory_mismatch", message: expect.any(String) }] });
    }
    const moved = structuredClone(directory);
    moved.locations[0] = { ...moved.locations[0]!, latitude: (moved.locations[0]!.latitude ?? 0) + 0.01 };
    expect(loadSearchIndex(bytes, moved).ok).toBe(false);
  });

  it("refuses bytes that are not a saved index, or are damaged", () => {
    const code = (input: Uint8Array) => {
      const loaded = loadSearchIndex(input, directory);
      return loaded.ok ? "loaded" : loaded.issues[0]?.code;
    };
    expect(code(new TextEncoder().encode('{"not":"an index"}'))).toBe("not_search_index");
    expect(code(new Uint8Array(3))).toBe("not_search_index");
    expect(code(bytes.slice(0, bytes.length - 64))).toBe("not_search_index");
    const badHeader = bytes.slice();
    badHeader[12] = 0x7b - 1;
    expect(code(badHeader)).toBe("not_search_index");
  });
});
