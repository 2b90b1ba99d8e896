import { describe, expect, it } from "vitest";
import { safeParseResult } from "@selfmanage/core";
import { directory } from "../test/fixtures";
import { Address, Eligibility, Location, MaskedAddress, Service, validateDirectory, validateLocation, validateOrganisation, validateService } from "./directory";

const SENTINEL = "SENTINEL-Jane-Doe-0123456789";
const service = { id: "svc-1", organisationId: "org-1", name: "Example group", status: "active", categories: ["peer-support-group"] };
const codesOf = (result: { ok: boolean; issues?: Array<{ path: unknown[]; code: string }> }): Array<[string, string]> =>
  result.ok ? [] : (result.issues ?? []).map((found) => [found.path.join("."), found.code]);

describe("services", () => {
  it("accepts a minimal and a full service", () => {
    expect(validateService(service).ok).toBe(true);
    for (const full of directory.services) expect(validateService(full)).toEqual({ ok: true, value: full });
  });
  it("reports unknown fields, bad codes and a reversed age range at their paths", () => {
    const result = validateService({ ...service, status: "open", categories: ["yoga"], nickname: "x", eligibility: { minimumAge: 30, maximumAge: 18 } });
    expect(codesOf(result)).toEqual([
      ["status", "invalid_value"],
      ["categories.0", "invalid_value"],
      ["eligibility.maximumAge", "age_range_reversed"],
      ["nickname", "unknown_field"],
    ]);
  });
  it("requires a radius centre to be one of the service's locations", () => {
    const result = validateService({ ...service, locationIds: ["loc-1"], areas: [{ kind: "radius", radiusKm: 5, locationId: "loc-2" }] });
    expect(codesOf(result)).toEqual([["areas.0.locationId", "unknown_location"]]);
  });
  it("checks GSS codes against the kind of area", () => {
    expect(codesOf(validateService({ ...service, areas: [{ kind: "health-board", code: "S12000036" }] }))).toEqual([["areas.0.code", "gss_kind_mismatch"]]);
    expect(codesOf(validateService({ ...service, areas: [{ kind: "ward", code: "S1300001" }] }))).toEqual([["areas.0.code", "invalid_format"]]);
    expect(validateService({ ...service, areas: [{ kind: "ward", code: "S13002842" }] }).ok).toBe(true);
  });
  it("never echoes rejected values", () => {
    const result = validateService({ ...service, name: 7, email: SENTINEL, url: SENTINEL, status: SENTINEL, [SENTINEL]: SENTINEL });
    expect(JSON.stringify(result.ok ? [] : result.issues.map((found) => found.message))).not.toContain("SENTINEL");
  });
  it("keeps eligibility consistent", () => {
    expect(Eligibility.safeParse({ minimumAge: 18, maximumAge: 18 }).success).toBe(true);
    expect(Eligibility.safeParse({ minimumAge: -1 }).success).toBe(false);
  });
});

describe("locations and addresses", () => {
  it("requires GB postcodes to be valid and normalised", () => {
    const address = { line1: "1 Example Street", city: "Edinburgh", postcode: "EH1 1YZ", country: "GB" };
    expect(Address.safeParse(address).success).toBe(true);
    expect(codesOf(safeParseResult(Address, { ...address, postcode: "eh11yz" }))).toEqual([["postcode", "postcode_not_normalised"]]);
    expect(codesOf(safeParseResult(Address, { ...address, postcode: "SENTINEL-JD" }))).toEqual([["postcode", "invalid_postcode"]]);
    expect(Address.safeParse({ ...address, postcode: "ABC 1234", country: "US" }).success).toBe(true);
  });
  it("needs latitude and longitude together", () => {
    expect(codesOf(validateLocation({ id: "l", kind: "physical", latitude: 55.9 }))).toEqual([["longitude", "incomplete_coordinates"]]);
    expect(codesOf(validateLocation({ id: "l", kind: "physical", longitude: -3.2 }))).toEqual([["latitude", "incomplete_coordinates"]]);
    expect(codesOf(validateLocation({ id: "l", kind: "physical", latitude: 100, longitude: 0 }))).toEqual([["latitude", "too_big"]]);
  });
  it("keeps confidential places to a masked address", () => {
    const address = { line1: "1 Example Street", city: "Edinburgh", postcode: "EH1 1YZ", country: "GB" };
    expect(codesOf(validateLocation({ id: "refuge", kind: "physical", confidential: true, address }))).toEqual([
      ["address", "confidential_address"],
      ["maskedAddress", "required"],
    ]);
    expect(validateLocation({ id: "refuge", kind: "physical", confidential: true, maskedAddress: { locality: "Perth", postcodeDistrict: "PH1" } }).ok).toBe(true);
    expect(codesOf(safeParseResult(MaskedAddress, { postcodeDistrict: "PH1 1AA" }))).toEqual([["postcodeDistrict", "invalid_postcode_district"]]);
    expect(codesOf(safeParseResult(MaskedAddress, { postcodeDistrict: "ph1" }))).toEqual([["postcodeDistrict", "invalid_postcode_district"]]);
  });
  it("accepts virtual locations", () => {
    expect(Location.safeParse({ id: "online", kind: "virtual", url: "https://example.org/join" }).success).toBe(true);
  });
});

describe("organisations", () => {
  it("validates identifiers and web addresses", () => {
    expect(validateOrganisation({ id: "org-1", name: "Example Trust", identifiers: [{ scheme: "GB-SC", type: "Scottish charity number", value: "SC000000" }] }).ok).toBe(true);
    expect(codesOf(validateOrganisation({ id: "org-1", name: "Example Trust", website: "not a url" }))).toEqual([["website", "invalid_format"]]);
  });
});

describe("validateDirectory", () => {
  it("accepts the fixture directory", () => {
    expect(validateDirectory(directory).ok).toBe(true);
  });
  it("reports broken references and duplicate ids", () => {
    const result = validateDirectory({
      organisations: [{ id: "org-1", name: "A" }, { id: "org-1", name: "B" }],
      locations: [{ id: "loc-1", kind: "virtual" }],
      services: [
        { ...service, organisationId: "org-9", locationIds: ["loc-1", "loc-2"] },
        { ...service, organisationId: "org-1" },
      ],
    });
    expect(codesOf(result)).toEqual([
      ["organisations.1.id", "duplicate_id"],
      ["services.1.id", "duplicate_id"],
      ["services.0.organisationId", "unknown_organisation"],
      ["services.0.locationIds.1", "unknown_location"],
    ]);
  });
  it("passes shape problems through", () => {
    expect(codesOf(validateDirectory({ organisations: [], locations: [] }))).toEqual([["services", "required"]]);
  });
  it("allows services without a known organisation", () => {
    expect(Service.safeParse({ id: "s", name: "Example", status: "active", categories: [] }).success).toBe(true);
  });
});
