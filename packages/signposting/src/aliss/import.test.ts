import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alissEnvelope } from "../../test/aliss-fixture";
import { readStandard, standardsRoot } from "../../test/standards";
import { gssAreaKind } from "../areas";
import { signpostingCodes } from "../codes";
import { validateDirectory } from "../directory";
import { ALISS_CATEGORY_SYSTEM, importAlissServices } from "./import";

type Fixture = Array<{ pk: number; fields: Record<string, unknown> }>;
const categories = readStandard("interop/aliss-fixtures/categories.json") as Fixture;
const serviceAreas = readStandard("interop/aliss-fixtures/service_areas.json") as Fixture;
const docs = readdirSync(join(standardsRoot, "interop/aliss-docs")).map((file) => `interop/aliss-docs/${file}`);
const service = (fields: Record<string, unknown>): Record<string, unknown> => ({ id: "0b7c1a52-6c1e-4e59-9d7e-3f1a2b4c5d6e", name: "Example service", organisation: { id: "6a1f0e7d-2b3c-4d5e-8f90-a1b2c3d4e5f6", name: "Example Trust" }, ...fields });

describe("importAlissServices on ALISS's own lists and documented responses", () => {
  it("maps only category slugs that ALISS has, and imports each of ALISS's 212 categories as what it is", () => {
    const slugs = new Map(categories.map((entry) => [entry.fields.slug as string, entry.fields.name as string]));
    expect(slugs.size).toBe(212);
    for (const slug of Object.keys(signpostingCodes.alissCategories)) expect(slugs.has(slug), slug).toBe(true);
    const report = importAlissServices(service({ categories: categories.map((entry) => ({ name: entry.fields.name, slug: entry.fields.slug })) }));
    expect(report.problems).toEqual([]);
    const [imported] = report.directory.services;
    expect(imported?.classifications).toEqual([...slugs].map(([code, display]) => ({ system: ALISS_CATEGORY_SYSTEM, code, display })));
    expect(new Set(imported?.categories)).toEqual(new Set(Object.values(signpostingCodes.alissCategories)));
    expect(report.notices).toEqual([]);
  });

  it("imports each of ALISS's 79 service areas as what it is, integration authorities (S37) included", () => {
    expect(serviceAreas).toHaveLength(79);
    const kinds = new Map<unknown, string>(signpostingCodes.alissAreaTypes.map((type) => [type.number, type.kind]));
    const report = importAlissServices(service({ service_areas: serviceAreas.map((entry) => ({ code: entry.fields.code, name: entry.fields.name, type: entry.fields.type })) }));
    expect(report.problems).toEqual([]);
    expect(report.notices).toEqual([]);
    const areas = report.directory.services[0]?.areas ?? [];
    expect(areas.map((area) => area.kind)).toEqual(serviceAreas.map((entry) => kinds.get(entry.fields.type)));
    expect(areas.filter((area) => area.kind === "integration-authority")).toHaveLength(31);
    for (const [index, area] of areas.entries()) {
      expect("name" in area ? area.name : undefined).toBe(serviceAreas[index]?.fields.name);
      if (area.kind !== "national" && "code" in area) expect(gssAreaKind(area.code)).toBe(area.kind);
    }
  });

  it.each(docs)("%s imports every service it holds, and says what it did not", (file) => {
    const response = readStandard(file) as { data?: unknown; results?: unknown };
    const report = importAlissServices(response);
    expect(validateDirectory(report.directory).ok).toBe(true);
    const listed = (Array.isArray(response.data) ? response.data : Array.isArray(response.results) ? response.results : Array.isArray(response) ? response : [response.data]) as Array<Record<string, unknown>>;
    const services = listed.filter((record) => typeof record === "object" && record !== null && ("organisation" in record || "locations" in record || "services" in record));
    const nested = services.flatMap((record) => (Array.isArray(record.services) ? record.services : [record]));
    expect(report.imported).toBe(nested.length);
    // Lists of categories and areas are reported, never passed over.
    expect(report.problems.length).toBe(listed.length - services.length);
    for (const problem of report.problems) expect(problem.issues[0]?.code).toBe("not_a_directory_record");
  });

  it("reads the single-service response, and keeps is_claimed, slug and links", () => {
    const report = importAlissServices(readStandard("interop/aliss-docs/v4.1-service@6649a53.json"));
    const [imported] = report.directory.services;
    expect(imported).toMatchObject({ id: "4b5eaf69-b5dc-4aea-9970-42fa3b590b91", name: "Leitholm Soup Social", lastModified: "2018-12-20T14:45:51.344207Z", contacts: [{ phone: "01835825080" }] });
    expect(imported?.extensions?.aliss).toMatchObject({ slug: "leitholm-soup-social-1", "organisation.is_claimed": false, "organisation.slug": "sbc-community-capacity-building-0" });
    const kept = report.notices.filter((notice) => notice.code === "kept").map((notice) => notice.path.join("."));
    expect(kept).toEqual(expect.arrayContaining(["slug", "organisation.is_claimed", "aliss_url", "permalink"]));
    expect(report.directory.locations[0]).toMatchObject({ address: { line1: "Main Street", city: "Leitholm", postcode: "TD12 4JN", country: "GB" }, latitude: 55.6907691 });
  });

  it("reads the organisation response: the organisation and its services in integration authorities", () => {
    const report = importAlissServices(readStandard("interop/aliss-docs/v4.1-organisation@6649a53.json"));
    expect(report.problems).toEqual([]);
    expect(report.directory.organisations.map((organisation) => organisation.id)).toEqual(["24e42647-da5f-46ec-b0c6-458465d2467d"]);
    expect(report.directory.organisations[0]?.extensions?.aliss).toMatchObject({ is_claimed: false, facebook: expect.any(String) as string });
    expect(report.directory.services.every((imported) => imported.organisationId === "24e42647-da5f-46ec-b0c6-458465d2467d")).toBe(true);
    expect(report.directory.services.flatMap((imported) => imported.areas ?? []).some((area) => area.kind === "integration-authority")).toBe(true);
  });

  it("reads a v4.1 import page, and says the response goes on", () => {
    const report = importAlissServices(readStandard("interop/aliss-docs/v4.1-import@6649a53.json"));
    expect(report.feed).toEqual({ format: "aliss-page", records: 6, page: { size: 6, first: true, last: false, empty: false, totalItems: 5179 } });
    expect(report.notices.find((notice) => notice.code === "incomplete_feed")).toMatchObject({ path: ["next"], records: [] });
  });

  it("maps community_groups, is_deprioritised and last_reviewed (the current ALISS service model)", () => {
    const report = importAlissServices(
      service({
        community_groups: [{ name: "Carers", slug: "carers" }, "veterans", { name: "Chess players", slug: "chess-players" }],
        is_deprioritised: true,
        last_reviewed: "2024-05-01T10:00:00Z",
        summary: "A short summary.",
      }),
    );
    const [imported] = report.directory.services;
    expect(imported).toMatchObject({ deprioritised: true, lastReviewed: "2024-05-01", eligibility: { communityGroups: ["unpaid-carers", "veterans"] } });
    expect(imported?.extensions?.aliss).toEqual({ "community_groups.2.name": "Chess players", "community_groups.2.slug": "chess-players", last_reviewed: "2024-05-01T10:00:00Z", summary: "A short summary." });
    expect(report.notices.map((notice) => [notice.code, notice.path.join(".")])).toEqual([
      ["normalised", "last_reviewed"],
      ["unknown_community_group", "community_groups.*"],
      ["kept", "summary"],
    ]);
  });
});

describe("importAlissServices (fictional fixture)", () => {
  const report = importAlissServices(alissEnvelope);

  it("imports services with their organisation, categories, features, areas and locations", () => {
    expect(report.imported).toBe(3);
    expect(validateDirectory(report.directory).ok).toBe(true);
    const [walk, carers] = report.directory.services;
    expect(walk).toMatchObject({
      id: "0b7c1a52-6c1e-4e59-9d7e-3f1a2b4c5d6e",
      organisationId: "6a1f0e7d-2b3c-4d5e-8f90-a1b2c3d4e5f6",
      name: "Example Wednesday Walking Group",
      status: "active",
      categories: ["physical-activity", "peer-support-group"],
      classifications: [
        { system: ALISS_CATEGORY_SYSTEM, code: "physical-activity", display: "Physical activity" },
        { system: ALISS_CATEGORY_SYSTEM, code: "peer-support", display: "Peer support" },
        { system: ALISS_CATEGORY_SYSTEM, code: "outdoors", display: "Outdoors" },
      ],
      accessibility: ["step-free-access", "hearing-loop"],
      areas: [
        { kind: "council-area", code: "S12000036", name: "City of Edinburgh" },
        { kind: "health-board", code: "S08000024", name: "Lothian" },
      ],
      locationIds: ["9f8e7d6c-5b4a-4392-8180-7f6e5d4c3b2a"],
      attending: ["in-person"],
      contacts: [{ phone: "0131 496 0000" }],
      lastModified: "2026-02-11T09:15:00Z",
    });
    expect(walk?.extensions?.aliss).toEqual({
      slug: "example-wednesday-walking-group",
      "organisation.is_claimed": true,
      "organisation.phone": "0131 496 0001",
      "accessibility_features.2.name": "Ramp to stage",
      "accessibility_features.2.slug": "ramp-to-stage",
      "locations.0.formatted_address": "1 Example Road, Edinburgh, EH1 1YZ",
    });
    expect(carers?.areas).toEqual([{ kind: "national", name: "Scotland" }]);
    expect(report.directory.organisations.map((organisation) => organisation.name)).toEqual(["Example Community Trust", "Example Carers Network", "Example Org"]);
    expect(report.directory.organisations[0]?.website).toBe("https://example.org");
  });

  it("normalises postcodes and reads one-line addresses", () => {
    const [park, office] = report.directory.locations;
    expect(park?.address).toEqual({ country: "GB", line1: "1 Example Road", city: "Edinburgh", region: "City of Edinburgh", postcode: "EH1 1YZ" });
    expect(office?.address).toEqual({ country: "GB", line1: "2 Example Lane", city: "Perth", postcode: "PH1 5AA" });
  });

  it("sets aside what the model cannot hold, keeps it as written, and refuses only what is not a service", () => {
    const broken = report.directory.services[2];
    expect(broken?.email).toBeUndefined();
    expect(broken?.extensions?.aliss).toEqual({
      email: "not an email",
      "locations.0.latitude": 123,
      "locations.0.longitude": -3.2,
      "service_areas.0.code": "S12000999X",
      "service_areas.0.name": "Nowhere",
      "service_areas.0.type": "local_authority",
    });
    expect(report.notices.filter((notice) => notice.records.includes("3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b")).map((notice) => notice.code)).toEqual(expect.arrayContaining(["too_big", "invalid_format", "unknown_area"]));
    expect(report.problems).toEqual([{ record: 3, path: ["data", 3], issues: [{ path: [], code: "invalid_type", message: "Expected an object for each service." }] }]);
  });

  it("accepts a bare list or one service, refuses other shapes, and reports repeats", () => {
    const [first] = alissEnvelope.data;
    expect(importAlissServices([first]).imported).toBe(1);
    expect(importAlissServices(first).imported).toBe(1);
    expect(importAlissServices({ meta: {}, data: first }).imported).toBe(1);
    expect(importAlissServices(42).problems[0]?.issues[0]?.code).toBe("not_a_feed");
    const twice = importAlissServices([first, first]);
    expect(twice.imported).toBe(1);
    expect(twice.problems[0]?.issues[0]).toMatchObject({ path: ["id"], code: "duplicate_id" });
    const wrongShapes = importAlissServices([{ id: "x", name: "Example", organisation: "Example Org", accessibility_features: "loop", categories: "walks" }]);
    expect(wrongShapes.problems[0]?.issues.map((found) => [found.path.join("."), found.code])).toEqual([
      ["organisation", "invalid_type"],
      ["categories", "invalid_type"],
      ["accessibility_features", "invalid_type"],
    ]);
    expect(importAlissServices([{ name: "No id", organisation: { id: "o", name: "Org" } }]).problems[0]?.issues[0]).toMatchObject({ path: ["id"], code: "required" });
    const mismatch = importAlissServices(service({ service_areas: [{ code: "S08000024", name: "Lothian", type: "Local Authority" }] }));
    expect(mismatch.notices.map((notice) => notice.code)).toEqual(["area_type_mismatch"]);
    expect(mismatch.directory.services[0]?.areas).toEqual([{ kind: "health-board", code: "S08000024", name: "Lothian" }]);
    const clash = importAlissServices([service({}), service({ id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", organisation: { id: "6a1f0e7d-2b3c-4d5e-8f90-a1b2c3d4e5f6", name: "Another name" } })]);
    expect(clash.notices.map((notice) => notice.code)).toEqual(["conflicting_record"]);
  });
});
