import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileStandardSchema, orukFiles, readStandard, recordsOf, serviceSchemas } from "../../test/standards";
import { validateDirectory } from "../directory";
import { jsonEqual } from "../residue";
import { exportOpenReferralUk, exportOpenReferralUkLocations, exportOpenReferralUkOrganisations } from "./export";
import { importOpenReferralUk } from "./import";

const threeZeroFiles = orukFiles.filter((file) => !file.includes("oruk-v1-councils"));

function withRealisticCoordinates(record: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(record)) as { service_at_locations?: Array<{ location: { latitude: number; longitude: number } }> };
  for (const link of copy.service_at_locations ?? []) {
    link.location.latitude = 55.9533;
    link.location.longitude = -3.1883;
  }
  return copy;
}

/** What the exporter should give back for one source record, by kind. */
function expectedBack(record: Record<string, unknown>): { kind: "service" | "organisation" | "location"; value: unknown } | undefined {
  if (typeof record.service === "object" && typeof record.location === "object") {
    const { service, location, ...link } = record as { service: Record<string, unknown>; location: unknown };
    const existing = Array.isArray(service.service_at_locations) ? service.service_at_locations : [];
    return { kind: "service", value: { ...service, service_at_locations: [...existing, { ...link, location }] } };
  }
  if ("status" in record) return { kind: "service", value: record };
  if ("services" in record || "website" in record || "organization_identifiers" in record) {
    const { services: _services, ...organisation } = record;
    return { kind: "organisation", value: organisation };
  }
  if ("location_type" in record) return { kind: "location", value: record };
  return undefined;
}

describe("importOpenReferralUk on every real feed (ORUK 3.0, HSDS 3.0/3.1, validator fixtures, DfE, councils' v1)", () => {
  it.each(orukFiles)("%s: every record is imported, reported, or noted as a repeat, one by one", (file) => {
    const feed = readStandard(file);
    const records = recordsOf(feed);
    const whole = importOpenReferralUk(feed);
    expect(whole.feed.records).toBe(records.length);
    expect(validateDirectory(whole.directory).ok).toBe(true);
    const repeats = whole.notices.find((notice) => notice.code === "duplicate_record")?.count ?? 0;
    const clashes = whole.problems.filter((problem) => problem.issues.some((found) => found.code === "duplicate_id")).length;
    let importedAlone = 0;
    records.forEach((record, position) => {
      const alone = importOpenReferralUk(record, {});
      importedAlone += alone.imported;
      // Each record on its own gives a service, an organisation, a location or a problem: never nothing.
      expect(alone.imported + alone.directory.organisations.length + alone.directory.locations.length + alone.problems.length).toBeGreaterThan(0);
      const inFeed = whole.problems.filter((problem) => problem.record === position && !problem.issues.some((found) => found.code === "duplicate_id"));
      expect(inFeed.map((problem) => problem.issues)).toEqual(alone.problems.map((problem) => problem.issues));
      for (const problem of inFeed) expect(problem.issues.length).toBeGreaterThan(0);
    });
    expect(importedAlone).toBe(whole.imported + repeats + clashes);
  });

  it("gives every ORUK 3.0 and HSDS 3.x record back value for value, ids included", () => {
    let checked = 0;
    for (const file of threeZeroFiles) {
      for (const record of recordsOf(readStandard(file)) as Array<Record<string, unknown>>) {
        const expected = expectedBack(record);
        const report = importOpenReferralUk(record);
        if (expected === undefined || report.problems.length > 0) continue;
        const back =
          expected.kind === "service"
            ? exportOpenReferralUk(report.directory)[0]
            : expected.kind === "organisation"
              ? exportOpenReferralUkOrganisations(report.directory.organisations)[0]
              : exportOpenReferralUkLocations(report.directory.locations)[0];
        expect(jsonEqual(back, expected.value), `${file}: ${String(record.id)}`).toBe(true);
        checked += 1;
        if (expected.kind === "organisation" && Array.isArray(record.services)) {
          // Services nested in an organisation come back as they were, apart from it.
          const services = exportOpenReferralUk(report.directory);
          expect(services.length).toBe(record.services.length);
          record.services.forEach((nested, index) => expect(jsonEqual(services[index], nested)).toBe(true));
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(60);
  });

  it("exports that validate against the ORUK 3.0 and HSDS 3.0 and 3.1 schemas, where the source did", () => {
    const validators = Object.entries(serviceSchemas).map(([name, file]) => [name, compileStandardSchema(file)] as const);
    const errorsOf = (validate: (typeof validators)[number][1], value: unknown): string[] => (validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`));
    let exported = 0;
    for (const file of orukFiles) {
      const feed = readStandard(file);
      const sources = new Map((recordsOf(feed) as Array<Record<string, unknown>>).map((record) => [record.id, record]));
      const modelOnly = exportOpenReferralUk(importOpenReferralUk(feed, { keepSource: false }).directory);
      const kept = exportOpenReferralUk(importOpenReferralUk(feed).directory) as Array<{ id: string }>;
      for (const [name, validate] of validators) {
        // Written from the model alone, every service is valid.
        for (const service of modelOnly) expect(errorsOf(validate, service), `${name}: ${file}`).toEqual([]);
        // Given back with its source's values, a service has no fault its source did not have.
        for (const service of kept) {
          const source = sources.get(service.id);
          const sourceErrors = source !== undefined && "status" in source && !file.includes("v1-councils") ? errorsOf(validate, source) : [];
          expect(errorsOf(validate, service).filter((error) => !sourceErrors.includes(error)), `${name}: ${file} ${service.id}`).toEqual([]);
        }
      }
      exported += kept.length;
    }
    expect(exported).toBeGreaterThan(1500);
  });

  it("takes latitude 100 in examples/service_full.json out of the model, says so, and gives it back on export", () => {
    const feed = readStandard("oruk-3.0/examples/service_full.json") as { service_at_locations: Array<{ location: { latitude: number } }> };
    const report = importOpenReferralUk(feed);
    expect(report.imported).toBe(1);
    expect(report.problems).toEqual([]);
    expect(report.directory.locations[0]?.latitude).toBeUndefined();
    const notice = report.notices.find((found) => found.code === "too_big");
    expect(notice).toMatchObject({ path: ["service_at_locations", "*", "location", "latitude"], count: 1, records: ["ac148810-d857-441c-9679-408f346de14b"] });
    expect(notice?.message).toContain("kept in the record's extensions");
    const [service] = exportOpenReferralUk(report.directory) as typeof feed[];
    expect(service?.service_at_locations[0]?.location.latitude).toBe(100);
  });

  it("reports the broken fields of the validator's failing service feeds at their paths", () => {
    const full = importOpenReferralUk(readStandard("oruk-3.0/validator-fixtures/V3.0-UK-Fail/service_full.json"));
    expect(full.problems[0]?.issues.map((found) => [found.path.join("."), found.code])).toEqual([
      ["url", "invalid_format"],
      ["email", "invalid_format"],
    ]);
    const list = importOpenReferralUk(readStandard("oruk-3.0/validator-fixtures/V3.0-UK-Fail/service_list.json"));
    expect(list.imported).toBe(0);
    expect(list.problems.map((problem) => problem.path)).toEqual([
      ["contents", 0],
      ["contents", 1],
      ["contents", 2],
      ["contents", 3],
    ]);
    expect(list.problems[0]?.issues.map((found) => [found.path.join("."), found.code])).toEqual([
      ["name", "required"],
      ["url", "invalid_format"],
      ["email", "invalid_format"],
    ]);
    // The page says it holds one record of one, and holds four.
    expect(list.notices.filter((notice) => notice.records.length === 0).map((notice) => [notice.code, notice.path.join(".")])).toEqual([
      ["page_size_mismatch", "size"],
      ["total_items_mismatch", "total_items"],
    ]);
    expect(list.feed).toEqual({ format: "oruk-3.0-page", records: 4, page: { number: 1, totalPages: 1, totalItems: 1, size: 1, first: true, last: true, empty: false } });
  });

  it("says what it did to service_full.json, once per place, with the record named", () => {
    const report = importOpenReferralUk(withRealisticCoordinates(readStandard("oruk-3.0/examples/service_full.json")));
    const byPlace = new Map(report.notices.map((notice) => [`${notice.code} ${notice.path.join(".")}`, notice]));
    for (const expected of [
      "kept schedules.*.schedule_link",
      "kept schedules.*.bymonthday",
      "kept schedules.*.attending_type",
      "kept schedules.*.id",
      "normalised schedules.*.opens_at",
      "normalised schedules.*.closes_at",
      "kept service_areas.*.extent_type",
      "kept organization.uri",
      "kept attributes.*.taxonomy_term.parent_id",
      "kept attributes.*.taxonomy_term.term_uri",
      "normalised attributes.*.link_type",
      "normalised service_at_locations.*.location.addresses.*.address_type",
      "kept languages",
    ]) {
      expect(byPlace.get(expected)?.records, expected).toEqual(["ac148810-d857-441c-9679-408f346de14b"]);
    }
    // Every notice is counted and names at most five records.
    for (const notice of report.notices) {
      expect(notice.count).toBeGreaterThan(0);
      expect(notice.records.length).toBeLessThanOrEqual(5);
    }
  });

  it("imports the validator's large test feed once per service id, and says so", () => {
    const feed = readStandard("oruk-3.0/validator-fixtures/V3.0-UK-Test/service_list.json");
    const records = recordsOf(feed) as Array<{ id: string }>;
    const report = importOpenReferralUk(feed);
    expect(report.imported).toBe(new Set(records.map((record) => record.id)).size);
    const repeats = report.notices.find((notice) => notice.code === "duplicate_record")?.count ?? 0;
    const clashes = report.problems.filter((problem) => problem.issues[0]?.code === "duplicate_id").length;
    expect(report.imported + repeats + clashes + report.problems.filter((problem) => problem.issues[0]?.code !== "duplicate_id").length).toBe(records.length);
  });

  it("tells a repeated service from another one with its id, whether the change is to a field the model holds or one it only keeps", () => {
    const service = withRealisticCoordinates(readStandard("oruk-3.0/examples/service_full.json")) as Record<string, unknown>;
    fc.assert(
      fc.property(fc.constantFrom("name", "description", "alternate_name", "fees_description"), fc.string({ minLength: 1, maxLength: 12 }), (field, extra) => {
        const repeat = JSON.parse(JSON.stringify(service)) as Record<string, unknown>;
        const changed = { ...repeat, [field]: `${String(repeat[field] ?? "")}${extra}` };
        const report = importOpenReferralUk([service, repeat, changed]);
        expect(report.imported).toBe(1);
        expect(report.notices.find((notice) => notice.code === "duplicate_record")?.count).toBe(1);
        expect(report.problems.map((problem) => [problem.record, problem.issues[0]?.code])).toEqual([[2, "duplicate_id"]]);
      }),
      { numRuns: 40 },
    );
  });

  it("counts notices by place and kind: a thousand records give as many notices as one", () => {
    const record = withRealisticCoordinates(readStandard("oruk-3.0/examples/service_full.json")) as Record<string, unknown>;
    const one = importOpenReferralUk(record);
    const ids = Array.from({ length: 1000 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
    const many = importOpenReferralUk(ids.map((id) => ({ ...record, id })));
    expect(many.imported).toBe(1000);
    expect(many.notices.map((notice) => [notice.code, notice.path])).toEqual(one.notices.map((notice) => [notice.code, notice.path]));
    for (const notice of many.notices) {
      expect(notice.count).toBe(1000 * (one.notices.find((found) => found.code === notice.code && found.path.join() === notice.path.join())?.count ?? 0));
      expect(notice.records).toEqual(ids.slice(0, 5));
    }
  });

  it("maps the ORUK example onto the model", () => {
    const { directory } = importOpenReferralUk(withRealisticCoordinates(readStandard("oruk-3.0/examples/service_full.json")));
    const [service] = directory.services;
    expect(service).toMatchObject({
      id: "ac148810-d857-441c-9679-408f346de14b",
      name: "Community Counselling",
      status: "active",
      eligibility: { minimumAge: 12, maximumAge: 100 },
      assuredDate: "2005-01-01",
      cost: { description: "fees_description", options: [{ label: "Under 18s and Over 60s", amount: 35, amountDescription: "per 1 hour session", validFrom: "2020-01-01", validTo: "2022-12-31" }] },
      contacts: [{ name: "Ann Persona", title: "Reception Manager" }],
      classifications: [{ system: "taxonomy", code: "name" }],
    });
    expect(service?.hours?.weekly).toEqual([
      { day: "thursday", opens: "10:00", closes: "18:00", validFrom: "2005-01-01", validTo: "2005-01-01" },
      { day: "friday", opens: "10:00", closes: "18:00", validFrom: "2005-01-01", validTo: "2005-01-01" },
    ]);
    expect(directory.locations[0]?.accessibility?.[0]?.features).toEqual(["hearing-loop", "step-free-access"]);
    expect(directory.locations[0]?.address).toMatchObject({ line1: "1-30 Main Street", postcode: "ABC 1234", country: "US" });
    expect(directory.organisations[0]?.identifiers).toEqual([{ scheme: "GB-COH", type: "Company number", value: "1234567" }]);
  });

  it("imports HSDS location records and the organisations of an organisation list", () => {
    const location = importOpenReferralUk(readStandard("interop/hsds-3.1/examples/location.json"));
    expect(location.problems).toEqual([]);
    expect(location.directory.locations.map((found) => found.kind)).toEqual(["physical"]);
    const organisations = importOpenReferralUk(readStandard("oruk-3.0/examples/organization_list.json"));
    expect(organisations.directory.organisations.map((organisation) => organisation.name)).toEqual(["Example Organization Inc."]);
  });

  it("reports taxonomies and other non-directory records instead of ignoring them", () => {
    for (const file of ["oruk-3.0/examples/taxonomy.json", "oruk-3.0/examples/taxonomy_term_list.json", "oruk-3.0/validator-fixtures/V3.0-UK-Default/api_details.json"]) {
      const report = importOpenReferralUk(readStandard(file));
      expect(report.problems.map((problem) => problem.issues[0]?.code)).toEqual(["not_a_directory_record"]);
    }
  });

  it("reads the Warn feed's partial pages and says the feed goes on", () => {
    const report = importOpenReferralUk(readStandard("interop/oruk-validator-warn/organization_list.json"));
    expect(report.feed.page).toMatchObject({ number: 1, totalPages: 10, totalItems: 10, last: false });
    expect(report.notices.map((notice) => notice.code)).toContain("incomplete_feed");
  });
});

describe("importOpenReferralUk on the councils' ORUK v1 feeds", () => {
  for (const file of ["interop/oruk-v1-councils/bristol-council.json", "interop/oruk-v1-councils/north-lincolnshire-council.json"]) {
    it(`${file}: imports every record with a name, once per id, and says what changed`, () => {
      const records = readStandard(file) as Array<Record<string, unknown>>;
      const report = importOpenReferralUk(records);
      const named = records.filter((record) => typeof record.name === "string" && record.name !== "");
      expect(report.imported).toBe(new Set(named.map((record) => record.id)).size);
      const unnamed = report.problems.filter((problem) => problem.issues.some((found) => found.code === "required" && found.path.join(".") === "name"));
      expect(unnamed.length).toBe(records.length - named.length);
      const count = (code: string, path: string): number => report.notices.find((notice) => notice.code === code && notice.path.join(".") === path)?.count ?? 0;
      const imported = new Set(report.directory.services.map((service) => service.id));
      const takenRecords = records.filter((record, position) => imported.has(record.id as string) && records.findIndex((other) => other.id === record.id) === position);
      expect(count("v1_kept", "pc_metadata")).toBe(takenRecords.filter((record) => record.pc_metadata !== undefined).length);
      expect(count("empty_value", "fees")).toBe(takenRecords.filter((record) => record.fees === "").length);
      expect(count("v1_renamed", "organization.url")).toBe(takenRecords.filter((record) => typeof (record.organization as { url?: unknown } | undefined)?.url === "string" && (record.organization as { url: string }).url !== "").length);
      // The v1 words for attending become the model's, and nothing of v1 is lost.
      const venue = takenRecords.filter((record) => record.attending_type === "Venue").length;
      expect(report.directory.services.filter((service) => service.attending?.includes("in-person")).length).toBe(venue);
      for (const service of report.directory.services) {
        const source = records.find((record) => record.id === service.id) as Record<string, unknown>;
        expect(service.extensions?.["oruk-v1"]).toMatchObject({ pc_metadata: source.pc_metadata });
      }
    });
  }

  it("reads an ORUK v1 page envelope (content, totalElements) and checks it", () => {
    const records = (readStandard("interop/oruk-v1-councils/north-lincolnshire-council.json") as unknown[]).slice(0, 20);
    const report = importOpenReferralUk({ content: records, totalElements: 738, totalPages: 37, number: 0, size: 20, numberOfElements: 20, first: true, last: false, empty: false });
    expect(report.feed).toEqual({ format: "oruk-v1-page", records: 20, page: { number: 1, totalPages: 37, totalItems: 738, size: 20, first: true, last: false, empty: false } });
    expect(report.imported).toBe(20);
    expect(report.notices.filter((notice) => notice.records.length === 0).map((notice) => notice.code)).toEqual(["oruk_v1_envelope", "incomplete_feed"]);
    expect(report.problems.every((problem) => problem.path[0] === "content")).toBe(true);
  });
});
