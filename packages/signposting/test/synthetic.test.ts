import { describe, expect, it } from "vitest";
import { isSelfManageError } from "@selfmanage/core";
import { scottishAreas } from "../src/areas";
import { validateDirectory } from "../src/directory";
import { generateSyntheticDirectory } from "./synthetic";

describe("generateSyntheticDirectory", () => {
  const directory = generateSyntheticDirectory(2000, 42);
  it("is deterministic for a seed and different across seeds", () => {
    expect(generateSyntheticDirectory(2000, 42)).toEqual(directory);
    expect(generateSyntheticDirectory(50, 43).services[0]).not.toEqual(generateSyntheticDirectory(50, 42).services[0]);
    expect(generateSyntheticDirectory(10).services).toHaveLength(10);
  });
  it("makes a valid directory with clearly fictional names", () => {
    expect(validateDirectory(directory).ok).toBe(true);
    expect(directory.services).toHaveLength(2000);
    for (const service of directory.services) expect(service.name).toMatch(/^(Example|Sample|Demo|Fictional|Imaginary) /);
  });
  it("places services in Scotland, in real council areas, with a few confidential places", () => {
    const councils = new Set(scottishAreas.map((area) => area.code));
    for (const service of directory.services) for (const area of service.areas ?? []) if ("code" in area) expect(councils.has(area.code)).toBe(true);
    for (const location of directory.locations) {
      if (location.latitude === undefined || location.longitude === undefined) continue;
      expect(location.latitude).toBeGreaterThan(54.5);
      expect(location.latitude).toBeLessThan(60.9);
      expect(location.longitude).toBeGreaterThan(-7.7);
      expect(location.longitude).toBeLessThan(-0.7);
    }
    expect(directory.locations.some((location) => location.confidential === true)).toBe(true);
    expect(directory.services.some((service) => service.deprioritised === true)).toBe(true);
  });
  it("handles zero and rejects bad counts", () => {
    expect(generateSyntheticDirectory(0)).toEqual({ organisations: [], locations: [], services: [] });
    for (const count of [-1, 1.5, 2_000_000]) {
      let thrown: unknown;
      try {
        generateSyntheticDirectory(count);
      } catch (error) {
        thrown = error;
      }
      expect(isSelfManageError(thrown, "invalid-argument")).toBe(true);
    }
  });
});
