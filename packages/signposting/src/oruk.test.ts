import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAjv } from "@selfmanage/test-kit";
import { directory as fixtureDirectory } from "../test/fixtures";
import { validateDirectory, type Directory } from "./directory";
import { exportOpenReferralUk, importOpenReferralUk } from "./oruk";
import { generateSyntheticDirectory } from "./synthetic";

// Open Referral UK 3.0 files (CC BY-SA 4.0, the Open Referral project), read in place from the shared standards folder.
const standards = fileURLToPath(new URL("../../../../shared/standards/oruk-3.0/", import.meta.url));
const readJson = (relative: string): unknown => JSON.parse(readFileSync(join(standards, relative), "utf8")) as unknown;
const folders = ["examples", "validator-fixtures/V3.0-UK-Default", "validator-fixtures/V3.0-UK-Test", "validator-fixtures/V3.0-UK-Fail"];
const allFiles = folders.flatMap((folder) => readdirSync(join(standards, folder)).map((file) => `${folder}/${file}`));

function compile(schemaFile: string) {
  const schema = readJson(`schema/compiled/${schemaFile}`) as Record<string, unknown>;
  delete schema.$schema;
  return createAjv().compile(schema);
}
const validateOrukService = compile("service.json");

function withRealisticCoordinates(record: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(record)) as { service_at_locations?: Array<{ location: { latitude: number; longitude: number } }> };
  for (const link of copy.service_at_locations ?? []) {
    link.location.latitude = 55.9533;
    link.location.longitude = -3.1883;
  }
  return copy;
}

describe("importOpenReferralUk on every ORUK example and validator fixture", () => {
  it.each(allFiles)("%s imports without throwing and accounts for every record", (file) => {
    const feed = readJson(file);
    const report = importOpenReferralUk(feed);
    const records = Array.isArray((feed as { contents?: unknown[] }).contents) ? (feed as { contents: unknown[] }).contents.length : 1;
    const accounted = new Set([...report.problems.map((problem) => problem.record), ...report.notices.filter((notice) => notice.code === "duplicate_record").map((notice) => notice.record)]);
    // Each record is imported, reported as a problem, or reported as a repeat: never silently dropped.
    expect(report.imported + report.directory.organisations.length + accounted.size).toBeGreaterThanOrEqual(Math.min(records, 1));
    expect(validateDirectory(report.directory).ok).toBe(true);
    for (const problem of report.problems) expect(problem.issues.length).toBeGreaterThan(0);
  });

  it.each(allFiles)("%s: every record is imported, reported, or noted as a repeat, one by one", (file) => {
    const feed = readJson(file);
    const records: unknown[] = Array.isArray((feed as { contents?: unknown[] }).contents) ? (feed as { contents: unknown[] }).contents : [feed];
    const whole = importOpenReferralUk(feed);
    const repeats = whole.notices.filter((notice) => notice.code === "duplicate_record").length;
    const conflicts = whole.problems.filter((problem) => problem.issues.some((found) => found.code === "duplicate_id")).length;
    let importedAlone = 0;
    records.forEach((record, position) => {
      const alone = importOpenReferralUk(record);
      importedAlone += alone.imported;
      // Each record on its own gives a service, an organisation, or a problem: never nothing.
      expect(alone.imported + alone.directory.organisations.length + alone.problems.length).toBeGreaterThan(0);
      // Its problems come back in the whole feed under its own position, with the same paths inside the record.
      const inFeed = whole.problems.filter((problem) => problem.record === position && !problem.issues.some((found) => found.code === "duplicate_id"));
      expect(inFeed.map((problem) => problem.issues)).toEqual(alone.problems.map((problem) => problem.issues));
      if (records.length > 1) for (const problem of inFeed) expect(problem.path.slice(0, 2)).toEqual(["contents", position]);
    });
    // Services are counted once: imported from the feed, or a noted repeat, or a reported clash of ids.
    expect(importedAlone).toBe(whole.imported + repeats + conflicts);
  });

  it("imports every record the real ORUK schema accepts, unless its coordinates are off the globe", () => {
    const validators = { service: compile("service.json"), organization: compile("organization.json"), serviceAtLocation: compile("service_at_location.json") };
    let checked = 0;
    for (const file of allFiles) {
      const feed = readJson(file);
      const records: unknown[] = Array.isArray((feed as { contents?: unknown[] }).contents) ? (feed as { contents: unknown[] }).contents : [feed];
      for (const record of records) {
        const fields = record as Record<string, unknown>;
        const validate = "service" in fields && "location" in fields ? validators.serviceAtLocation : "status" in fields ? validators.service : "services" in fields || "organization_identifiers" in fields ? validators.organization : undefined;
        if (validate === undefined || !validate(record)) continue;
        checked += 1;
        const report = importOpenReferralUk(record);
        const issues = report.problems.flatMap((problem) => problem.issues);
        // The ORUK schema does not bound latitude; the model does, and reports it (latitude 100 in the examples).
        expect(issues.filter((found) => !(found.path.at(-1) === "latitude" && found.code === "too_big"))).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("reports latitude 100 in examples/service_full.json at its path", () => {
    const report = importOpenReferralUk(readJson("examples/service_full.json"));
    expect(report.imported).toBe(0);
    expect(report.problems).toEqual([
      { record: 0, path: [], issues: [{ path: ["service_at_locations", 0, "location", "latitude"], code: "too_big", message: "Must be at most 90." }] },
    ]);
  });

  it("reports the broken fields of the validator's failing service feeds", () => {
    const full = importOpenReferralUk(readJson("validator-fixtures/V3.0-UK-Fail/service_full.json"));
    expect(full.problems[0]?.issues.map((found) => found.path.join("."))).toEqual(["service_at_locations.0.location.latitude", "url", "email"]);
    const list = importOpenReferralUk(readJson("validator-fixtures/V3.0-UK-Fail/service_list.json"));
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
  });

  it("imports organisations, nested services and service-at-location records", () => {
    const organisations = importOpenReferralUk(readJson("examples/organization_list.json"));
    expect(organisations.directory.organisations.map((organisation) => organisation.name)).toEqual(["Example Organization Inc."]);
    const nested = importOpenReferralUk(withRealisticCoordinatesInOrganisation(readJson("examples/organization_full.json")));
    expect(nested.imported).toBe(1);
    expect(nested.directory.services[0]?.organisationId).toBe("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
    const atLocation = readJson("examples/service_at_location_full.json") as { location: { latitude: number; longitude: number } };
    atLocation.location.latitude = 55.95;
    atLocation.location.longitude = -3.19;
    const linked = importOpenReferralUk(atLocation);
    expect(linked.imported).toBe(1);
    expect(linked.directory.services[0]?.locationIds).toEqual(["3a19ff88-4620-4d17-9830-ac1d859eb5d5"]);
  });

  it("reports taxonomies and other non-directory records instead of ignoring them", () => {
    for (const file of ["examples/taxonomy.json", "examples/taxonomy_term_list.json", "validator-fixtures/V3.0-UK-Default/api_details.json"]) {
      const report = importOpenReferralUk(readJson(file));
      expect(report.problems.map((problem) => problem.issues[0]?.code)).toEqual(["not_a_directory_record"]);
    }
  });

  it("imports the validator's large test feed once per service id, and says so", () => {
    const report = importOpenReferralUk(readJson("validator-fixtures/V3.0-UK-Test/service_list.json"));
    expect(report.imported).toBe(1);
    const repeats = report.notices.filter((notice) => notice.code === "duplicate_record").length;
    const conflicts = report.problems.filter((problem) => problem.issues[0]?.code === "duplicate_id").length;
    expect(1 + repeats + conflicts + report.problems.filter((problem) => problem.issues[0]?.code !== "duplicate_id").length).toBe(128);
  });

  it("lists the fields the model does not keep", () => {
    const report = importOpenReferralUk(withRealisticCoordinates(readJson("examples/service_full.json")));
    expect(report.imported).toBe(1);
    expect(report.notices.map((notice) => notice.path.join("."))).toEqual([
      "schedules.0.bymonthday",
      "schedules.0.schedule_link",
      "schedules.0.attending_type",
      "service_areas.0.extent",
      "service_areas.0.extent_type",
      "service_areas.0.uri",
      "languages.0.id",
      "organization.uri",
      "attributes.0.taxonomy_term.description",
      "attributes.0.taxonomy_term.parent_id",
      "attributes.0.taxonomy_term.term_uri",
    ]);
  });

  it("maps the ORUK example onto the model", () => {
    const { directory } = importOpenReferralUk(withRealisticCoordinates(readJson("examples/service_full.json")));
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

  it("never throws on hostile input", () => {
    const inputs: unknown[] = [null, 3, "text", [], [null, 5], { contents: [{ status: "active", schedules: "weekly" }] }, { status: "active", attributes: [7] }, { id: "x", status: "active", name: "y", service_at_locations: [{ location: "z" }] }];
    for (const input of inputs) expect(() => importOpenReferralUk(input)).not.toThrow();
    expect(importOpenReferralUk(null).problems[0]?.issues[0]?.code).toBe("not_a_feed");
    expect(importOpenReferralUk([null]).problems[0]?.issues[0]?.code).toBe("invalid_type");
    const wrongList = importOpenReferralUk({ id: "x", name: "y", status: "active", schedules: "weekly", attributes: [7] });
    expect(wrongList.problems[0]?.issues.map((found) => [found.path.join("."), found.code])).toEqual([
      ["attributes.0", "invalid_type"],
      ["schedules", "invalid_type"],
    ]);
  });
});

function withRealisticCoordinatesInOrganisation(record: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(record)) as { services: unknown[] };
  copy.services = copy.services.map(withRealisticCoordinates);
  return copy;
}

describe("exportOpenReferralUk", () => {
  it("produces services that validate against the real ORUK schema", () => {
    const directories: Directory[] = [fixtureDirectory, generateSyntheticDirectory(400, 5)];
    for (const directory of directories) {
      for (const service of exportOpenReferralUk(directory)) {
        const valid = validateOrukService(service);
        expect(validateOrukService.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
      }
    }
  });

  it("keeps every field the model holds: ORUK -> model -> ORUK -> model", () => {
    const first = importOpenReferralUk(withRealisticCoordinates(readJson("examples/service_full.json")));
    const exported = exportOpenReferralUk(first.directory);
    expect(validateOrukService(exported[0])).toBe(true);
    const second = importOpenReferralUk(exported);
    expect(second.problems).toEqual([]);
    expect(second.notices).toEqual([]);
    expect(second.directory).toEqual(first.directory);
    const original = withRealisticCoordinates(readJson("examples/service_full.json")) as Record<string, unknown>;
    const service = exported[0] as Record<string, unknown>;
    for (const field of ["id", "name", "description", "url", "email", "status", "fees", "accreditations", "minimum_age", "maximum_age", "assured_date", "assurer_email", "alert", "last_modified"]) {
      expect(service[field]).toEqual(original[field]);
    }
  });

  it("round-trips model-only fields through attributes, schedules and areas", () => {
    const exported = exportOpenReferralUk(fixtureDirectory);
    const back = importOpenReferralUk(exported);
    expect(back.problems).toEqual([]);
    expect(back.notices).toEqual([]);
    const byName = new Map(back.directory.services.map((service) => [service.name, service]));
    for (const original of fixtureDirectory.services) {
      const returned = byName.get(original.name);
      const { id: _id, organisationId: _organisation, locationIds: _locations, areas, ...rest } = original;
      expect(returned).toMatchObject(rest);
      expect(returned?.areas?.map((area) => area.kind)).toEqual(areas?.map((area) => area.kind));
    }
    const refuge = back.directory.locations.find((location) => location.confidential === true);
    expect(refuge).toEqual({ id: expect.any(String) as string, kind: "physical", confidential: true, maskedAddress: { locality: "Edinburgh", postcodeDistrict: "EH7" } });
  });

  it("derives stable UUIDs for ids that are not UUIDs", () => {
    const [first] = exportOpenReferralUk(fixtureDirectory) as Array<{ id: string }>;
    const [again] = exportOpenReferralUk(fixtureDirectory) as Array<{ id: string }>;
    expect(first?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first?.id).toBe(again?.id);
  });
});
