import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSelfManageError } from "@selfmanage/core";
import { scanServices } from "../bench/scan";
import { directory, here, KM_PER_HUNDREDTH } from "../test/fixtures";
import { signpostingCodes, type ServiceCategory } from "./codes";
import { generateSyntheticDirectory } from "../test/synthetic";
import type { Directory, Location, Service } from "./directory";
import { bandedDistanceKm, buildSearchIndex, distanceKm, publicLocation, searchPosition, searchServices, type ServiceMatch, type ServiceQuery } from "./search";

const index = buildSearchIndex(directory);
const ids = (query: ServiceQuery): string[] => searchServices(index, query).map((match) => match.service.id);
const round = (value: number): number => Math.round(value * 1e6) / 1e6;

describe("distances", () => {
  it("measures great-circle distance with the haversine formula", () => {
    expect(distanceKm(here, { latitude: 55.96, longitude: -3.19 })).toBeCloseTo(KM_PER_HUNDREDTH, 9);
    expect(distanceKm(here, here)).toBe(0);
    // Edinburgh to Glasgow is about 67 km as the crow flies.
    expect(distanceKm({ latitude: 55.9533, longitude: -3.1883 }, { latitude: 55.8642, longitude: -4.2518 })).toBeCloseTo(67.0, 0);
  });
  it("bands confidential distances up to the next 5 km", () => {
    expect(bandedDistanceKm(0)).toBe(5);
    expect(bandedDistanceKm(2.2)).toBe(5);
    expect(bandedDistanceKm(5)).toBe(5);
    expect(bandedDistanceKm(5.01)).toBe(10);
  });
});

describe("searchServices ranking", () => {
  it("ranks by relevance with distance decay, fresher first among equals, deprioritised last", () => {
    const matches = searchServices(index, { categories: ["peer-support-group"], near: here, radiusKm: 5 });
    expect(matches.map((match) => match.service.id)).toEqual(["s1", "s11", "s2", "s5", "s7"]);
    // 1 / (1 + d / 5) with d = 1.111949 km and 4.447797 km; national coverage without a distance counts 0.5.
    expect(matches.map((match) => match.score)).toEqual([0.81807, 0.81807, 0.529224, 0.5, 0.81807]);
    expect(matches[0]?.distanceKm).toBeCloseTo(KM_PER_HUNDREDTH, 6);
    expect(matches[2]?.distanceKm).toBeCloseTo(4 * KM_PER_HUNDREDTH, 6);
    expect(matches[3]?.distanceKm).toBeUndefined();
    expect(matches[0]?.reasons).toEqual(["within-radius", "category"]);
    expect(matches[3]?.reasons).toEqual(["national", "category"]);
    expect(matches[0]?.location?.id).toBe("loc-near");
  });
  it("scores the share of asked categories that a service offers", () => {
    const matches = searchServices(index, { categories: ["peer-support-group", "physical-activity"], near: here, radiusKm: 5 });
    const s2 = matches.find((match) => match.service.id === "s2");
    const s1 = matches.find((match) => match.service.id === "s1");
    expect(s2?.score).toBe(round(1 / (1 + (4 * KM_PER_HUNDREDTH) / 5)));
    expect(s1?.score).toBe(round(0.5 / (1 + KM_PER_HUNDREDTH / 5)));
    expect(matches.map((match) => match.service.id).slice(0, 3)).toEqual(["s2", "s1", "s11"]);
  });
  it("uses a custom distance decay and the needs alias", () => {
    const matches = searchServices(index, { needs: ["peer-support-group"], near: here, radiusKm: 2, distanceDecayKm: 1 });
    // National coverage without a distance counts 0.5, which is more than 1 / (1 + 1.112) here.
    expect(matches.map((match) => [match.service.id, match.score])).toEqual([
      ["s5", 0.5],
      ["s1", round(1 / (1 + KM_PER_HUNDREDTH))],
      ["s11", round(1 / (1 + KM_PER_HUNDREDTH))],
      ["s7", round(1 / (1 + KM_PER_HUNDREDTH))],
    ]);
  });
  it("lists services without a radius by distance when only a point is given", () => {
    expect(ids({ categories: ["health-coaching", "befriending"], near: here })).toEqual(["s10", "s3"]);
    expect(ids({ categories: ["health-coaching"] })).toEqual(["s3"]);
  });
  it("limits the number of results", () => {
    expect(ids({ categories: ["peer-support-group"], near: here, radiusKm: 5, limit: 2 })).toEqual(["s1", "s11"]);
    expect(ids({ limit: 0 })).toEqual([]);
    expect(ids({})).toHaveLength(10);
  });
});

describe("searchServices filters", () => {
  it("matches opening times in Europe/London time, in GMT and in BST", () => {
    // Thursday 5 March 2026, 18:30 GMT.
    expect(ids({ categories: ["peer-support-group"], near: here, radiusKm: 5, openAt: "2026-03-05T18:30:00Z" })).toEqual(["s1", "s2", "s5"]);
    // Thursday 2 July 2026: 17:30Z is 18:30 BST (open); 19:30Z is 20:30 BST (closed).
    expect(ids({ categories: ["peer-support-group"], near: here, radiusKm: 2, openAt: "2026-07-02T17:30:00Z" })).toContain("s1");
    expect(ids({ categories: ["peer-support-group"], near: here, radiusKm: 2, openAt: new Date("2026-07-02T19:30:00Z") })).not.toContain("s1");
    const open = searchServices(index, { categories: ["peer-support-group"], near: here, radiusKm: 2, openAt: "2026-03-05T18:30:00Z" });
    expect(open[0]?.reasons).toContain("open");
  });
  it("filters by age, attending type, accessibility and language", () => {
    expect(ids({ categories: ["peer-support-group"], near: here, radiusKm: 5, age: 17 })).toEqual(["s11", "s2", "s5", "s7"]);
    expect(ids({ categories: ["peer-support-group"], near: here, radiusKm: 5, age: 30 })).toEqual(["s1", "s11", "s5", "s7"]);
    expect(ids({ near: here, radiusKm: 5, attending: ["phone"] })).toEqual(["s5"]);
    expect(ids({ near: here, radiusKm: 5, accessibility: ["hearing-loop", "step-free-access"] })).toEqual(["s1", "s11", "s7"]);
    expect(ids({ near: here, radiusKm: 5, accessibility: ["bsl"] })).toEqual([]);
    expect(ids({ near: here, radiusKm: 5, languages: ["gd-GB"] })).toEqual(["s1"]);
    expect(ids({ categories: ["peer-support-group"], near: here, radiusKm: 5, statuses: ["inactive"] })).toEqual(["s8"]);
  });
  it("matches service-area coverage without a radius", () => {
    expect(ids({ areaCodes: ["S12000036"] })).toEqual(["s5", "s6", "s9"]);
    expect(ids({ areaCodes: ["S12000036"], categories: ["carers-support"] })).toEqual(["s6"]);
    expect(ids({ areaCodes: ["S12000049"] })).toEqual(["s5"]);
    const [carers] = searchServices(index, { areaCodes: ["S12000036"], categories: ["carers-support"] });
    expect(carers?.reasons).toEqual(["covers-area", "category"]);
  });
  it("matches a service whose own radius covers the point", () => {
    const [befriending] = searchServices(index, { categories: ["befriending"], near: here, radiusKm: 5 });
    expect(befriending?.service.id).toBe("s10");
    expect(befriending?.reasons).toEqual(["covers-point", "category"]);
    expect(befriending?.distanceKm).toBeCloseTo(10 * KM_PER_HUNDREDTH, 6);
    expect(ids({ categories: ["befriending"], near: { latitude: 56.3, longitude: -3.19 }, radiusKm: 5 })).toEqual([]);
  });
  it("finds services by free text, forgiving small typos", () => {
    expect(ids({ text: "coaching" })).toEqual(["s3"]);
    expect(ids({ text: "coachng" })).toEqual(["s3"]);
    expect(ids({ text: "peer group", near: here, radiusKm: 5 })).toEqual(expect.arrayContaining(["s1", "s11", "s7"]));
    expect(ids({ text: "   " })).toHaveLength(10);
    const [coaching] = searchServices(index, { text: "coaching", categories: ["health-coaching"] });
    expect(coaching?.reasons).toEqual(["category", "text"]);
  });
});

describe("confidential locations", () => {
  it("never reveal their position: no coordinates, banded distance", () => {
    const [safe] = searchServices(index, { categories: ["peer-support-one-to-one"], near: here, radiusKm: 10 });
    expect(safe?.service.id).toBe("s4");
    expect(safe?.distanceKm).toBe(5);
    expect(safe?.distanceIsApproximate).toBe(true);
    expect(safe?.location).toEqual({ id: "loc-refuge", kind: "physical", confidential: true, maskedAddress: { locality: "Edinburgh", postcodeDistrict: "EH7" } });
    expect(JSON.stringify(safe)).not.toContain("55.97");
  });
  it("are filtered by their banded distance, so a tight radius cannot locate them", () => {
    // The true distance is 2.2 km, but the banded 5 km is what counts.
    expect(ids({ categories: ["peer-support-one-to-one"], near: here, radiusKm: 4 })).toEqual([]);
    const [unbounded] = searchServices(index, { categories: ["peer-support-one-to-one"], near: here });
    expect(unbounded?.distanceKm).toBe(5);
    expect(unbounded?.distanceIsApproximate).toBe(true);
  });
  it("publicLocation leaves ordinary places as they are", () => {
    const place = directory.locations[0];
    expect(place && publicLocation(place)).toBe(place);
    expect(publicLocation({ id: "x", kind: "physical", confidential: true })).toEqual({ id: "x", kind: "physical", confidential: true });
  });
});

describe("query checks", () => {
  it("throws for programmer errors", () => {
    const bad: ServiceQuery[] = [
      { near: here, radiusKm: -1 },
      { radiusKm: 5 },
      { limit: 1.5 },
      { distanceDecayKm: 0 },
      { near: { latitude: 100, longitude: 0 } },
    ];
    for (const query of bad) {
      let thrown: unknown;
      try {
        searchServices(index, query);
      } catch (error) {
        thrown = error;
      }
      expect(isSelfManageError(thrown, "invalid-argument")).toBe(true);
    }
  });
  it("handles an empty directory", () => {
    const empty = buildSearchIndex({ organisations: [], locations: [], services: [] });
    expect(empty.size).toBe(0);
    expect(searchServices(empty, { near: here, radiusKm: 10 })).toEqual([]);
  });
  it("finds places across the date line and near a pole", () => {
    const far: Directory = {
      organisations: [],
      locations: [
        { id: "east", kind: "physical", latitude: -16.5, longitude: 179.99 },
        { id: "north", kind: "physical", latitude: 89.5, longitude: 10 },
      ],
      services: [
        { id: "a", name: "Example island group", status: "active", categories: [], locationIds: ["east"] },
        { id: "b", name: "Example polar group", status: "active", categories: [], locationIds: ["north"] },
      ],
    };
    const farIndex = buildSearchIndex(far);
    expect(searchServices(farIndex, { near: { latitude: -16.5, longitude: -179.99 }, radiusKm: 5 }).map((match) => match.service.id)).toEqual(["a"]);
    expect(searchServices(farIndex, { near: { latitude: 89.5, longitude: -170 }, radiusKm: 120 }).map((match) => match.service.id)).toEqual(["b"]);
  });
  it("ignores unknown location ids when indexing", () => {
    const broken = buildSearchIndex({ organisations: [], locations: [], services: [{ id: "x", name: "Example", status: "active", categories: [], locationIds: ["missing"] }] });
    const found = searchServices(broken, { near: here });
    expect(found.map((match) => [match.service.id, match.distanceKm, match.location])).toEqual([["x", undefined, undefined]]);
  });
});

describe("index agrees with a full scan", () => {
  const synthetic = generateSyntheticDirectory(3000, 11);
  const syntheticIndex = buildSearchIndex(synthetic);
  const categories = signpostingCodes.categories.map((entry) => entry.code) as ServiceCategory[];
  const query = fc.record(
    {
      categories: fc.uniqueArray(fc.constantFrom(...categories), { maxLength: 3 }),
      near: fc.record({ latitude: fc.double({ min: 55.0, max: 58.5, noNaN: true }), longitude: fc.double({ min: -5.5, max: -2.0, noNaN: true }) }),
      radiusKm: fc.double({ min: 0, max: 40, noNaN: true }),
      openAt: fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2026-12-31T23:59:00Z"), noInvalidDate: true }),
      age: fc.integer({ min: 0, max: 100 }),
      attending: fc.uniqueArray(fc.constantFrom("in-person" as const, "phone" as const, "online" as const), { maxLength: 2 }),
      accessibility: fc.uniqueArray(fc.constantFrom("hearing-loop" as const, "bsl" as const, "step-free-access" as const), { maxLength: 1 }),
      languages: fc.constantFrom<string[]>(["en"], ["gd"], ["pl", "ur"]),
      areaCodes: fc.constantFrom<string[]>(["S12000036"], ["S12000049", "S08000031"], ["S12000017"]),
      limit: fc.integer({ min: 1, max: 40 }),
      // Whole words, starts of words, typos, accents, stop words and words no service has.
      text: fc.constantFrom("peer support", "befriend", "helth coaching", "Mental wellbeing", "carers", "suport group", "glasgow", "Fíctional", "advice near me", "zzzz", "a"),
    },
    { requiredKeys: ["near"] },
  );
  it("returns the same services, scores and order", () => {
    fc.assert(
      fc.property(query, (generated) => {
        const asked = generated as ServiceQuery;
        const indexed = searchServices(syntheticIndex, asked).map((match) => ({ id: match.service.id, score: match.score }));
        const scanned = scanServices(synthetic, asked).map((match) => ({ id: match.id, score: match.score }));
        expect(indexed).toEqual(scanned);
      }),
      { numRuns: 160 },
    );
  });
  it("agrees on text-only queries, where the word index names the candidates", () => {
    for (const text of ["peer support group", "befriending", "helth", "money advice", "long-term condition", "xylophone"]) {
      for (const near of [undefined, { latitude: 55.86, longitude: -4.25 }]) {
        const asked: ServiceQuery = { text, limit: 30, ...(near === undefined ? {} : { near }) };
        expect(searchServices(syntheticIndex, asked).map((match) => `${match.service.id}:${match.score}`), text).toEqual(scanServices(synthetic, asked).map((match) => `${match.id}:${match.score}`));
      }
    }
  });
});

describe("ranking ties and confidentiality, checked so that a wrong rule would show", () => {
  const place = (id: string, latitude: number, confidential = false): Location =>
    confidential ? { id, kind: "physical", confidential: true, maskedAddress: { locality: "Edinburgh" }, latitude, longitude: here.longitude } : { id, kind: "physical", latitude, longitude: here.longitude };
  const group = (id: string, extra: Partial<Service> = {}): Service => ({ id, name: `Example group ${id}`, status: "active", categories: ["peer-support-group"], locationIds: ["loc-same"], ...extra });

  it("puts the fresher of two equal matches first, whatever their ids, counting the assured date too", () => {
    const tied = buildSearchIndex({
      organisations: [],
      locations: [place("loc-same", 55.96)],
      services: [
        group("a-stale", { lastReviewed: "2024-05-01" }),
        group("b-undated"),
        group("y-assured", { lastReviewed: "2023-01-01", assuredDate: "2026-06-01" }),
        group("z-fresh", { lastReviewed: "2026-03-01" }),
      ],
    });
    const found = searchServices(tied, { categories: ["peer-support-group"], near: here, radiusKm: 5 });
    expect(new Set(found.map((match) => match.score)).size).toBe(1);
    // Ids alone would give a, b, y, z: freshness must reverse that.
    expect(found.map((match) => match.service.id)).toEqual(["y-assured", "z-fresh", "a-stale", "b-undated"]);
  });

  it("puts a deprioritised service last even when it is nearer and fresher", () => {
    const mixed = buildSearchIndex({
      organisations: [],
      locations: [place("loc-same", 55.96), place("loc-far-away", 55.99)],
      services: [group("a-near", { deprioritised: true, lastReviewed: "2026-06-01" }), group("b-far", { locationIds: ["loc-far-away"], lastReviewed: "2020-01-01" })],
    });
    const found = searchServices(mixed, { categories: ["peer-support-group"], near: here, radiusKm: 10 });
    expect(found.map((match) => match.service.id)).toEqual(["b-far", "a-near"]);
    expect((found[1] as ServiceMatch).score).toBeGreaterThan((found[0] as ServiceMatch).score);
  });

  it("gives the same results wherever a confidential place sits inside its distance band", () => {
    // The refuge is 1.1 km or 4.4 km from the person: both are in the 0-5 km band, so nothing
    // returned (which services, their order, scores, distances or locations) may differ.
    const directoryWithRefugeAt = (latitude: number): Directory => ({
      organisations: [],
      locations: [place("loc-refuge", latitude, true), place("loc-a", 55.97), place("loc-b", 55.985), place("loc-c", 56.0)],
      services: [
        group("refuge-service", { locationIds: ["loc-refuge"], lastReviewed: "2026-01-01" }),
        group("open-a", { locationIds: ["loc-a"], lastReviewed: "2026-01-01" }),
        group("open-b", { locationIds: ["loc-b"], lastReviewed: "2026-01-01" }),
        group("open-c", { locationIds: ["loc-c"], lastReviewed: "2026-01-01" }),
      ],
    });
    const near = buildSearchIndex(directoryWithRefugeAt(55.96));
    const far = buildSearchIndex(directoryWithRefugeAt(55.99));
    const queries: ServiceQuery[] = [
      { categories: ["peer-support-group"], near: here },
      { categories: ["peer-support-group"], near: here, radiusKm: 2 },
      { categories: ["peer-support-group"], near: here, radiusKm: 4.9 },
      { categories: ["peer-support-group"], near: here, radiusKm: 5 },
      { categories: ["peer-support-group"], near: here, radiusKm: 10, distanceDecayKm: 0.5 },
      { text: "group", near: here, radiusKm: 6, distanceDecayKm: 50 },
    ];
    for (const query of queries) {
      const first = searchServices(near, query);
      expect(first.some((match) => match.service.id === "refuge-service")).toBe(query.radiusKm === undefined || query.radiusKm >= 5);
      expect(JSON.stringify(first)).toBe(JSON.stringify(searchServices(far, query)));
    }
    const [refuge] = searchServices(near, { categories: ["peer-support-group"], near: here, radiusKm: 5 }).filter((match) => match.service.id === "refuge-service");
    expect(refuge).toMatchObject({ distanceKm: 5, distanceIsApproximate: true, location: { id: "loc-refuge", kind: "physical", confidential: true, maskedAddress: { locality: "Edinburgh" } } });
    expect(JSON.stringify(refuge)).not.toMatch(/55\.96|latitude|longitude/);
  });

  it("cannot be located by moving the query point and watching the distance band change", () => {
    // Two refuges in the same grid cell (55.95-56.00 N, 3.2-3.1 W) but 3 km apart. If search
    // measured from the true position, some query point would see them in different bands.
    const withRefuge = (latitude: number, longitude: number): ReturnType<typeof buildSearchIndex> =>
      buildSearchIndex({
        organisations: [],
        locations: [{ id: "loc-refuge", kind: "physical", confidential: true, maskedAddress: { locality: "Edinburgh" }, latitude, longitude }],
        services: [group("refuge-service", { locationIds: ["loc-refuge"], areas: [{ kind: "radius", radiusKm: 7 }] })],
      });
    const first = withRefuge(55.951, -3.195);
    const second = withRefuge(55.979, -3.13);
    fc.assert(
      fc.property(
        fc.double({ min: 55.7, max: 56.2, noNaN: true }),
        fc.double({ min: -3.6, max: -2.7, noNaN: true }),
        fc.constantFrom(undefined, 3, 5, 10, 15),
        (latitude, longitude, radiusKm) => {
          const query: ServiceQuery = { near: { latitude, longitude }, ...(radiusKm === undefined ? {} : { radiusKm }) };
          expect(JSON.stringify(searchServices(first, query))).toBe(JSON.stringify(searchServices(second, query)));
        },
      ),
      { numRuns: 200 },
    );
    expect(searchPosition({ id: "r", kind: "physical", confidential: true, latitude: 55.951, longitude: -3.195 })).toEqual({ latitude: 55.975, longitude: -3.15 });
    expect(searchPosition({ id: "o", kind: "physical", latitude: 55.951, longitude: -3.195 })).toEqual({ latitude: 55.951, longitude: -3.195 });
    expect(searchPosition({ id: "v", kind: "virtual" })).toBeUndefined();
  });

  it("matches a ward-level service area by the person's ward code", () => {
    const wards = buildSearchIndex({
      organisations: [],
      locations: [],
      services: [group("ward-service", { locationIds: [], areas: [{ kind: "ward", code: "S13002842" }] }), group("other-ward", { locationIds: [], areas: [{ kind: "ward", code: "S13002843" }] })],
    });
    expect(searchServices(wards, { areaCodes: ["S13002842", "S12000036"] }).map((match) => [match.service.id, match.reasons])).toEqual([["ward-service", ["covers-area"]]]);
  });
});
