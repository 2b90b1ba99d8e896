/**
 * A generator of fictional directories for this package's tests and benchmarks, and for the
 * CLI's bundled sample data (`packages/cli/scripts/sample-data.ts`). A test helper: it is not
 * part of the published package.
 */
import { SelfManageError } from "@selfmanage/core";
import { seededRandom } from "@selfmanage/test-kit/random";
import type { ServiceArea } from "../src/areas";
import { signpostingCodes, type AccessibilityFeature, type ServiceCategory } from "../src/codes";
import type { AccessRoute, AttendingType, Directory, Location, Organisation, Service, ServiceStatus } from "../src/directory";
import type { OpeningHours } from "../src/hours";

/** Towns used as centres, with a rough weight for how many services they get and their council area. */
const towns = [
  { name: "Glasgow", latitude: 55.8642, longitude: -4.2518, council: "S12000049", weight: 12 },
  { name: "Edinburgh", latitude: 55.9533, longitude: -3.1883, council: "S12000036", weight: 10 },
  { name: "Aberdeen", latitude: 57.1497, longitude: -2.0943, council: "S12000033", weight: 5 },
  { name: "Dundee", latitude: 56.462, longitude: -2.9707, council: "S12000042", weight: 4 },
  { name: "Inverness", latitude: 57.4778, longitude: -4.2247, council: "S12000017", weight: 3 },
  { name: "Perth", latitude: 56.395, longitude: -3.4308, council: "S12000048", weight: 3 },
  { name: "Stirling", latitude: 56.1165, longitude: -3.9369, council: "S12000030", weight: 2 },
  { name: "Falkirk", latitude: 56.0019, longitude: -3.7839, council: "S12000014", weight: 3 },
  { name: "Alloa", latitude: 56.1166, longitude: -3.79, council: "S12000005", weight: 1 },
  { name: "Dumfries", latitude: 55.0701, longitude: -3.6053, council: "S12000006", weight: 3 },
  { name: "Kilmarnock", latitude: 55.6117, longitude: -4.4957, council: "S12000008", weight: 2 },
  { name: "Haddington", latitude: 55.956, longitude: -2.7815, council: "S12000010", weight: 2 },
  { name: "Barrhead", latitude: 55.799, longitude: -4.392, council: "S12000011", weight: 2 },
  { name: "Stornoway", latitude: 58.209, longitude: -6.389, council: "S12000013", weight: 1 },
  { name: "Greenock", latitude: 55.949, longitude: -4.764, council: "S12000018", weight: 2 },
  { name: "Dalkeith", latitude: 55.894, longitude: -3.068, council: "S12000019", weight: 2 },
  { name: "Elgin", latitude: 57.649, longitude: -3.318, council: "S12000020", weight: 2 },
  { name: "Irvine", latitude: 55.611, longitude: -4.669, council: "S12000021", weight: 2 },
  { name: "Kirkwall", latitude: 58.981, longitude: -2.96, council: "S12000023", weight: 1 },
  { name: "Galashiels", latitude: 55.617, longitude: -2.806, council: "S12000026", weight: 2 },
  { name: "Lerwick", latitude: 60.155, longitude: -1.145, council: "S12000027", weight: 1 },
  { name: "Ayr", latitude: 55.458, longitude: -4.629, council: "S12000028", weight: 2 },
  { name: "Hamilton", latitude: 55.777, longitude: -4.039, council: "S12000029", weight: 4 },
  { name: "Peterhead", latitude: 57.505, longitude: -1.798, council: "S12000034", weight: 3 },
  { name: "Oban", latitude: 56.415, longitude: -5.472, council: "S12000035", weight: 2 },
  { name: "Paisley", latitude: 55.847, longitude: -4.424, council: "S12000038", weight: 3 },
  { name: "Clydebank", latitude: 55.901, longitude: -4.405, council: "S12000039", weight: 2 },
  { name: "Livingston", latitude: 55.902, longitude: -3.522, council: "S12000040", weight: 3 },
  { name: "Arbroath", latitude: 56.563, longitude: -2.583, council: "S12000041", weight: 2 },
  { name: "Kirkintilloch", latitude: 55.939, longitude: -4.153, council: "S12000045", weight: 2 },
  { name: "Kirkcaldy", latitude: 56.117, longitude: -3.159, council: "S12000047", weight: 4 },
  { name: "Motherwell", latitude: 55.789, longitude: -3.991, council: "S12000050", weight: 4 },
] as const;

const hourPatterns: OpeningHours[] = [
  {
    weekly: (["monday", "tuesday", "wednesday", "thursday", "friday"] as const).map((day) => ({ day, opens: "09:00", closes: "17:00" })),
    exceptions: [
      { date: "2026-01-01", periods: [], reason: "bank-holiday" },
      { date: "2026-12-25", periods: [], reason: "bank-holiday" },
    ],
  },
  {
    weekly: [
      { day: "tuesday", opens: "18:00", closes: "20:00" },
      { day: "thursday", opens: "18:00", closes: "20:00" },
    ],
  },
  {
    weekly: (["monday", "wednesday", "friday"] as const).flatMap((day) => [
      { day, opens: "09:30", closes: "12:30" },
      { day, opens: "13:30", closes: "16:30" },
    ]),
  },
  { weekly: [{ day: "saturday", opens: "10:00", closes: "14:00" }] },
  { weekly: (["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const).map((day) => ({ day, opens: "08:00", closes: "22:00" })) },
];

const adjectives = ["Example", "Sample", "Demo", "Fictional", "Imaginary"] as const;

function pad(value: number): string {
  return String(value).padStart(6, "0");
}

/**
 * A deterministic, clearly fictional directory of `count` services across Scotland, for
 * benchmarks, the CLI's sample data and tests. Services cluster around 32 towns (one per council
 * area), with varied categories, hours, eligibility, accessibility, areas and freshness. Every
 * name starts with a word such as "Example" or "Fictional" so it cannot be mistaken for real data.
 *
 * @throws `SelfManageError` `invalid-argument` when `count` is not a whole number from 0 to 1,000,000.
 */
export function generateSyntheticDirectory(count: number, seed = 1): Directory {
  if (!Number.isInteger(count) || count < 0 || count > 1_000_000) throw new SelfManageError("invalid-argument", "count must be a whole number from 0 to 1,000,000.");
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const totalWeight = towns.reduce((sum, town) => sum + town.weight, 0);
  const pickTown = (): (typeof towns)[number] => {
    let target = random() * totalWeight;
    for (const town of towns) {
      target -= town.weight;
      if (target < 0) return town;
    }
    return towns[0];
  };
  const categories = signpostingCodes.categories.map((entry) => entry.code) as ServiceCategory[];
  const features = signpostingCodes.accessibilityFeatures.map((entry) => entry.code) as AccessibilityFeature[];
  const organisations: Organisation[] = [];
  const locations: Location[] = [];
  const services: Service[] = [];
  const organisationCount = Math.max(1, Math.ceil(count / 10));
  for (let index = 0; index < Math.min(organisationCount, count); index += 1) {
    organisations.push({ id: `org-${pad(index)}`, name: `${pick(adjectives)} Community Organisation ${index + 1}` });
  }

  for (let index = 0; index < count; index += 1) {
    const town = pickTown();
    const id = `svc-${pad(index)}`;
    const own = [pick(categories)];
    if (random() < 0.35) own.push(pick(categories));
    const serviceCategories = [...new Set(own)];
    const roll = random();
    const locationIds: string[] = [];
    if (roll < 0.9) {
      const confidential = random() < 0.01;
      // Spread points around the town: most within ~10 km, some further out.
      const spread = random() < 0.8 ? 0.09 : 0.25;
      const latitude = Math.round((town.latitude + (random() - 0.5) * spread) * 1e5) / 1e5;
      const longitude = Math.round((town.longitude + (random() - 0.5) * spread * 1.8) * 1e5) / 1e5;
      const location: Location = confidential
        ? { id: `loc-${pad(index)}`, kind: "physical", confidential: true, maskedAddress: { locality: town.name }, latitude, longitude }
        : { id: `loc-${pad(index)}`, kind: "physical", name: `${town.name} venue ${index + 1}`, latitude, longitude };
      if (random() < 0.4) location.accessibility = [{ features: [...new Set([pick(features), pick(features)])] }];
      locations.push(location);
      locationIds.push(location.id);
    } else {
      locations.push({ id: `loc-${pad(index)}`, kind: "virtual", url: `https://example.org/join/${index}` });
      locationIds.push(`loc-${pad(index)}`);
    }
    const areaRoll = random();
    const areas: ServiceArea[] =
      areaRoll < 0.02
        ? [{ kind: "national", name: "Scotland" }]
        : areaRoll < 0.22
          ? [{ kind: "council-area", code: town.council }]
          : areaRoll < 0.27
            ? [{ kind: "radius", radiusKm: 10 + Math.floor(random() * 15) }]
            : [];
    const minimumAge = pick([0, 0, 12, 16, 18, 18, 50]);
    const maximumAge = pick([undefined, undefined, 25, 65, 99]);
    const status: ServiceStatus = random() < 0.94 ? "active" : pick(["inactive", "temporarily-closed", "defunct"] as const);
    const attending: AttendingType[] = roll < 0.9 ? (random() < 0.3 ? ["in-person", "phone"] : ["in-person"]) : ["online"];
    const accessRoutes: AccessRoute[] = [pick(["self-referral", "referral", "appointment", "drop-in"] as const)];
    const reviewed = `${2023 + Math.floor(random() * 4)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
    const service: Service = {
      id,
      organisationId: `org-${pad(index % organisationCount)}`,
      name: `${pick(adjectives)} ${serviceCategories.map((category) => signpostingCodes.categories.find((entry) => entry.code === category)?.label).join(" and ")} in ${town.name}`,
      description: `A fictional service for testing, offering ${serviceCategories.join(", ")} near ${town.name}.`,
      status,
      categories: serviceCategories,
      eligibility: {
        minimumAge: maximumAge !== undefined && maximumAge < minimumAge ? 0 : minimumAge,
        ...(maximumAge === undefined ? {} : { maximumAge }),
      },
      cost: { kind: random() < 0.8 ? "free" : "paid" },
      attending,
      accessRoutes,
      languages: random() < 0.1 ? ["en", pick(["gd", "pl", "ur", "ar", "bfi"])] : ["en"],
      locationIds,
      hours: pick(hourPatterns),
      lastReviewed: reviewed,
    };
    if (areas.length > 0) service.areas = areas;
    if (random() < 0.03) service.deprioritised = true;
    services.push(service);
  }
  return { organisations, locations, services };
}
