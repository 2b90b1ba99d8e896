import { describe, expect, it } from "vitest";
import { createAjv } from "@selfmanage/test-kit";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateDirectory, type Directory } from "../directory";
import { importOpenReferralUk } from "./import";
import { exportOpenReferralUk } from "./export";

const compiled = JSON.parse(readFileSync(fileURLToPath(new URL("../../../../../shared/standards/oruk-3.0/schema/compiled/service.json", import.meta.url)), "utf8")) as Record<string, unknown>;
delete compiled.$schema;
const validateOrukService = createAjv().compile(compiled);

/** A fictional directory that uses every part of the model that ORUK export has to carry. */
const rich: Directory = {
  organisations: [{ id: "org-rich", name: "Example Rich Trust", description: "Fictional.", identifiers: [{ type: "Scottish charity number", value: "SC000001" }] }],
  locations: [
    {
      id: "loc-postal",
      kind: "postal",
      name: "Example Post Room",
      description: "Post only.",
      address: { line1: "PO Box 1", line2: "Example Place", city: "Inverness", region: "Highland", stateProvince: "Scotland", postcode: "IV1 1AA", country: "GB", attention: "Reception" },
      latitude: 57.48,
      longitude: -4.22,
      externalIdentifier: { type: "UPRN", value: "906700000001" },
      accessibility: [{ features: [], description: "Call ahead for help at the door.", url: "https://example.org/access" }],
    },
    { id: "loc-hidden", kind: "physical", confidential: true, maskedAddress: { region: "Highland" }, latitude: 57.5, longitude: -4.2 },
  ],
  services: [
    {
      id: "svc-rich",
      organisationId: "org-rich",
      name: "Example rich service",
      description: "Every field, for testing.",
      url: "https://example.org/rich",
      email: "rich@example.org",
      status: "temporarily-closed",
      categories: ["health-coaching", "self-management-education"],
      classifications: [{ system: "https://example.org/taxonomy", code: "coaching" }],
      eligibility: { minimumAge: 16, maximumAge: 64, communityGroups: ["unpaid-carers", "veterans"], description: "Lives in the Highlands." },
      cost: { kind: "discounted", options: [{ label: "Concession", amount: 2.5, currency: "GBP", amountDescription: "per session" }], description: "Ask about concessions." },
      accessRoutes: ["self-referral", "appointment"],
      attending: ["in-person", "online"],
      languages: ["en", "gd"],
      accessibility: ["bsl"],
      locationIds: ["loc-postal", "loc-hidden", "loc-missing"],
      areas: [
        { kind: "national" },
        { kind: "council-area", code: "S12000017" },
        { kind: "ward", code: "S13002842", name: "Example ward" },
        { kind: "radius", radiusKm: 12.5, locationId: "loc-postal" },
        { kind: "radius", radiusKm: 3 },
        { kind: "described", description: "Anywhere on the islands.", name: "Islands" },
      ],
      hours: {
        weekly: [
          { day: "monday", opens: "09:00", closes: "12:00" },
          { day: "monday", opens: "09:00", closes: "12:00" },
          { day: "tuesday", opens: "09:00", closes: "12:00" },
          { day: "tuesday", opens: "13:00", closes: "16:00", validFrom: "2026-01-01", validTo: "2026-06-30" },
        ],
        exceptions: [
          { date: "2026-12-25", periods: [], reason: "bank-holiday" },
          { date: "2026-12-31", periods: [{ opens: "10:00", closes: "12:00" }, { opens: "13:00", closes: "14:00" }], reason: "special-opening", note: "Short day." },
          { date: "2026-11-30", periods: [], note: "St Andrew's Day: staff training." },
        ],
        notes: "Closed on public holidays.",
      },
      contacts: [{ name: "Example Worker", title: "Coach", phone: "01463 000000", email: "coach@example.org" }],
      lastReviewed: "2026-02-01",
      assuredDate: "2026-02-15",
      assurerEmail: "assurer@example.org",
      lastModified: "2026-02-15T10:00:00Z",
      deprioritised: false,
      alert: "Moving venue in March.",
      accreditations: "Fictional accreditation.",
      fundingSources: ["Example Fund"],
    },
    { id: "svc-notes-only", name: "Example notes-only service", status: "active", categories: [], hours: { weekly: [], notes: "Times vary: phone first." } },
  ],
};

describe("ORUK export of every model field", () => {
  const exported = exportOpenReferralUk(rich);
  it("is valid against the real ORUK service schema", () => {
    for (const service of exported) {
      validateOrukService(service);
      expect(validateOrukService.errors ?? []).toEqual([]);
    }
  });
  it("hides confidential places and skips unknown locations", () => {
    const [first] = exported as Array<{ service_at_locations: Array<{ location: Record<string, unknown> }>; status: string }>;
    expect(first?.status).toBe("temporarily closed");
    expect(first?.service_at_locations).toHaveLength(2);
    const hidden = first?.service_at_locations[1]?.location;
    expect(hidden?.latitude).toBeUndefined();
    expect(hidden?.name).toBeUndefined();
    expect(JSON.stringify(hidden)).not.toContain("57.5");
  });
  it("comes back as the same model, apart from ids made into UUIDs and hidden coordinates", () => {
    const back = importOpenReferralUk(exported);
    expect(back.problems).toEqual([]);
    expect(back.notices).toEqual([]);
    expect(validateDirectory(back.directory).ok).toBe(true);
    const [service, notesOnly] = back.directory.services;
    const { id: _id, organisationId: _organisation, locationIds: _locations, areas, ...rest } = rich.services[0] as Directory["services"][number];
    const { weekly, ...otherHours } = rest.hours as NonNullable<typeof rest.hours>;
    expect(service).toMatchObject({ ...rest, hours: { ...otherHours, weekly: weekly.filter((_, index) => index !== 1) } });
    expect(service?.areas?.map((area) => area.kind)).toEqual(areas?.map((area) => area.kind));
    expect(service?.areas).toEqual(areas?.map((area) => (area.kind === "radius" && area.locationId !== undefined ? { ...area, locationId: service?.locationIds?.[0] } : area)));
    expect(notesOnly?.hours).toEqual({ weekly: [], notes: "Times vary: phone first." });
    expect(back.directory.locations[0]).toEqual({ ...rich.locations[0], id: service?.locationIds?.[0] });
    expect(back.directory.organisations).toEqual([{ ...rich.organisations[0], id: service?.organisationId }]);
    expect(back.directory.locations[1]).toEqual({ id: expect.any(String) as string, kind: "physical", confidential: true, maskedAddress: { region: "Highland" } });
    // ORUK -> model -> ORUK is stable from here on.
    expect(exportOpenReferralUk(back.directory)).toEqual(exportOpenReferralUk(importOpenReferralUk(exportOpenReferralUk(back.directory)).directory));
  });
});

describe("ORUK import of unusual records", () => {
  const id = "5d1c0c1e-0000-4000-8000-000000000001";
  const odd = {
    id,
    name: "Example odd service",
    status: "active",
    organization_id: "5d1c0c1e-0000-4000-8000-0000000000aa",
    schedules: [
      { id: "a", freq: "WEEKLY", byday: "mo, we", opens_at: "09:00Z", closes_at: "17:00:00+01:00", dtstart: "2026-01-05", valid_from: "2026-01-01" },
      { id: "b", freq: "MONTHLY", bymonthday: "1", opens_at: "10:00", closes_at: "11:00" },
      { id: "c", freq: "WEEKLY", opens_at: "10:00", closes_at: "11:00" },
      { id: "e", freq: "WEEKLY", interval: 2, byday: "FR", opens_at: "10:00", closes_at: "11:00" },
      { id: "d", valid_from: "2026-12-26", valid_to: "2026-12-26", description: "Boxing Day" },
    ],
    attributes: [
      { id: "x", taxonomy_term: { id: "t1", name: "Walking", description: "Walking" } },
      { id: "y", taxonomy_term: { id: "t2", name: "false", description: "Deprioritised", taxonomy: "selfmanage:deprioritised" } },
      { id: "z" },
    ],
    service_areas: [
      { id: "g", extent_type: "gss", extent: "S08000022" },
      { id: "r", extent_type: "radius-km", extent: "8" },
      { id: "n", name: "Example town only" },
      { id: "e", extent_type: "gss", extent: "E08000001" },
    ],
  };

  it("reads what the model can hold, keeps the rest, and gives the record back", () => {
    const report = importOpenReferralUk(odd);
    expect(report.problems).toEqual([]);
    const [service] = report.directory.services;
    expect(service?.organisationId).toBe("5d1c0c1e-0000-4000-8000-0000000000aa");
    expect(service?.deprioritised).toBe(false);
    expect(service?.classifications).toEqual([{ system: "urn:oruk:unspecified", code: "Walking" }]);
    // Monthly rules, times without days and every other week are not weekly periods.
    expect(service?.hours).toEqual({
      weekly: [
        { day: "monday", opens: "09:00", closes: "17:00", validFrom: "2026-01-01" },
        { day: "wednesday", opens: "09:00", closes: "17:00", validFrom: "2026-01-01" },
      ],
      exceptions: [{ date: "2026-12-26", periods: [], note: "Boxing Day" }],
    });
    // An English GSS code is not a Scottish area: the area stays in the record, outside the model.
    expect(service?.areas).toEqual([{ kind: "health-board", code: "S08000022" }, { kind: "radius", radiusKm: 8 }, { kind: "described", description: "Example town only" }]);
    const kept = report.notices.filter((notice) => notice.code === "kept").map((notice) => notice.path.join("."));
    expect(kept).toEqual(expect.arrayContaining(["schedules.*", "service_areas.*", "attributes.*"]));
    expect(report.notices.filter((notice) => notice.code === "normalised").map((notice) => notice.path.join("."))).toEqual(expect.arrayContaining(["schedules.*.opens_at", "schedules.*.closes_at", "schedules.*.byday"]));
    expect(exportOpenReferralUk(report.directory)[0]).toEqual(odd);
  });

  it("refuses only what breaks the ORUK schema, and sets aside what the model cannot hold", () => {
    const record = {
      id,
      name: "Example bad service",
      status: "temporarily closed",
      minimum_age: 12.5,
      assured_date: "last spring",
      schedules: [{ id: "a", freq: "WEEKLY", byday: "XX", opens_at: "morning", closes_at: "noon" }],
      attributes: [{ id: "c", taxonomy_term: { id: "t", name: "yoga", description: "yoga", taxonomy: "selfmanage:service-category", term: "yoga" } }],
      service_at_locations: [
        {
          id: "l",
          location: {
            id: "loc",
            location_type: "physical",
            external_identifier: "1",
            addresses: [{ id: "ad", address_1: "1 Example Street", city: "Edinburgh", state_province: "", postal_code: "not a postcode", country: "GB", address_type: "physical" }],
            accessibility: [{ id: "ac", accessibility: "ramp,unknown-code" }],
          },
        },
      ],
    };
    const report = importOpenReferralUk(record);
    expect(report.problems).toEqual([]);
    expect(report.notices.filter((notice) => notice.message.includes("left out of the model")).map((notice) => [notice.path.join("."), notice.code])).toEqual([
      ["service_at_locations.*.location.addresses.*.postal_code", "invalid_postcode"],
      ["attributes.*.taxonomy_term.term", "invalid_value"],
      ["minimum_age", "invalid_type"],
      ["schedules.*.byday", "invalid_value"],
      ["schedules.*.opens_at", "invalid_format"],
      ["schedules.*.closes_at", "invalid_format"],
      ["assured_date", "invalid_format"],
    ]);
    expect(report.directory.locations[0]?.address).toBeUndefined();
    expect(exportOpenReferralUk(report.directory)[0]).toEqual(record);
    // A number where ORUK says text, or a status outside its list, breaks the standard itself.
    const broken = importOpenReferralUk({ ...record, status: "open", schedules: [{ id: "a", freq: "WEEKLY", byday: "MO", opens_at: "09:00", closes_at: 5 }] });
    expect(broken.problems[0]?.issues.map((found) => [found.path.join("."), found.code])).toEqual([
      ["status", "invalid_value"],
      ["schedules.0.closes_at", "invalid_type"],
    ]);
  });

  it("imports a repeated identical record once and notes it", () => {
    const record = { id, name: "Example", status: "active" };
    const report = importOpenReferralUk([record, record, { ...record, name: "Changed" }]);
    expect(report.imported).toBe(1);
    expect(report.notices).toEqual([{ code: "duplicate_record", path: ["id"], message: "The same record appears earlier in the feed; it was imported once.", count: 1, records: [id] }]);
    expect(report.problems).toEqual([{ record: 2, path: [2], issues: [{ path: ["id"], code: "duplicate_id", message: "An earlier service in the feed has this id but different details; the earlier one was kept." }] }]);
  });

  it("reads accessibility words and external identifiers without a type", () => {
    const report = importOpenReferralUk({
      id,
      name: "Example",
      status: "active",
      service_at_locations: [{ id: "l", location: { id: "loc", location_type: "virtual", external_identifier: "abc", accessibility: [{ id: "ac", accessibility: "Ramp at the back door" }] } }],
    });
    expect(report.directory.locations[0]).toMatchObject({
      id: "loc",
      kind: "virtual",
      externalIdentifier: { type: "unspecified", value: "abc" },
      accessibility: [{ features: ["step-free-access"], description: "Ramp at the back door" }],
    });
  });
});
