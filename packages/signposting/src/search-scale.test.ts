import { describe, expect, it } from "vitest";
import { scanServices } from "../bench/scan";
import { generateSyntheticDirectory } from "../test/synthetic";
import type { Directory } from "./directory";
import { buildSearchIndex, searchServices, type ServiceQuery } from "./search";

// A national-scale directory in which nine services in ten cover a radius around their venue.
// Engines cap the number of arguments a call can take (V8: some 120,000), so code that spreads
// one value per service into a call, as Math.max(0, ...radii) once did, throws RangeError here.
const COUNT = 300_000;

function radiusDirectory(): Directory {
  const directory = generateSyntheticDirectory(COUNT, 18);
  directory.services.forEach((service, position) => {
    if (position % 10 !== 0) service.areas = [{ kind: "radius", radiusKm: 5 + (position % 20) }];
  });
  return directory;
}

describe("a national directory", () => {
  it("indexes 300,000 services, most with radius service areas, and answers like a full scan", () => {
    const directory = radiusDirectory();
    const withRadius = directory.services.filter((service) => service.areas?.some((area) => area.kind === "radius")).length;
    expect(withRadius).toBeGreaterThan(COUNT * 0.85);

    const index = buildSearchIndex(directory);
    expect(index.size).toBe(COUNT);

    const queries: ServiceQuery[] = [
      { categories: ["peer-support-group"], near: { latitude: 55.9533, longitude: -3.1883 }, radiusKm: 3 },
      { near: { latitude: 57.1497, longitude: -2.0943 }, radiusKm: 2, age: 40, limit: 50 },
    ];
    for (const query of queries) {
      const found = searchServices(index, query);
      expect(found).toHaveLength(query.limit ?? 20);
      expect(found.map((match) => `${match.service.id}:${match.score}`)).toEqual(scanServices(directory, query).map((match) => `${match.id}:${match.score}`));
    }
    // Between towns few venues are within 1 km, so most matches come through the coverage index:
    // services further away whose own radius reaches the point.
    const between = { near: { latitude: 55.93, longitude: -3.62 }, radiusKm: 1, limit: 100 } satisfies ServiceQuery;
    const covering = searchServices(index, between);
    expect(covering.filter((match) => match.reasons.includes("covers-point")).length).toBeGreaterThan(50);
    expect(covering.map((match) => `${match.service.id}:${match.score}`)).toEqual(scanServices(directory, between).map((match) => `${match.id}:${match.score}`));
  }, 240_000); // builds a 300,000-service index: minutes on a busy two-core machine, so a wider limit than the unit tests
});
