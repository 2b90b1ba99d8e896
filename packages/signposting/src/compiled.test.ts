import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeParseResult } from "@selfmanage/core";
import { directory as fixtureDirectory } from "../test/fixtures";
import { alissEnvelope } from "../test/aliss-fixture";
import { importAlissServices } from "./aliss/import";
import { Directory, Location, Organisation, Service, validateDirectory, validateLocation, validateOrganisation, validateService } from "./directory";
import { SignpostingEvent, validateSignpostingEvent } from "./events";
import { generateSyntheticDirectory } from "../test/synthetic";

/**
 * The validate functions run zod-compiled copies of the schemas for speed. These properties check
 * that compiling changed nothing a caller can see: for valid records and for records broken in one
 * place, the compiled validator gives exactly the result of the plain schema.
 */

type Json = unknown;

/** Every path into a JSON value, containers included. */
function pathsOf(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => { for (const path of pathsOf(item, [...prefix, index])) found.push(path); });
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) for (const path of pathsOf(item, [...prefix, key])) found.push(path);
  return found;
}

/** A deep copy with the value at `path` replaced, removed, or given an unknown neighbour. */
function mutate(value: Json, path: Array<string | number>, change: { kind: "set"; to: unknown } | { kind: "delete" } | { kind: "extra" }): Json {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  if (path.length === 0) return change.kind === "set" ? change.to : copy;
  let parent: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (change.kind === "set") parent[last] = change.to;
  else if (change.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (!Array.isArray(parent)) parent.unexpected = true;
  return copy;
}

// Values chosen to trip each kind of rule: types, lengths, formats, codes, times, dates, postcodes, GSS codes.
const awkward = fc.constantFrom<unknown>(
  "",
  " padded ",
  "x".repeat(600),
  0,
  -1,
  130.5,
  1e9,
  true,
  null,
  [],
  {},
  "24:00",
  "09:00",
  "9:00",
  "2026-02-30",
  "2026-02-28",
  "2026-03-29T01:30:00Z",
  "S12000036",
  "S08000024",
  "S13002842",
  "eh11yz",
  "EH1 1YZ",
  "NOT A POSTCODE",
  "https://example.org/a",
  "not a url",
  "hello@example.org",
  "jane@example",
  "en",
  "english",
  "peer-support-group",
  "radius",
  "national",
  "GB",
);
const change = fc.oneof(
  awkward.map((to) => ({ kind: "set" as const, to })),
  fc.constant({ kind: "delete" as const }),
  fc.constant({ kind: "extra" as const }),
);

function agree(records: readonly Json[], compiled: (input: unknown) => unknown, plain: (input: unknown) => unknown, numRuns = 150): void {
  for (const record of records) expect(compiled(record)).toEqual(plain(record));
  fc.assert(
    fc.property(fc.nat(), fc.nat(), change, (pick, where, how) => {
      const record = records[pick % records.length];
      const paths = pathsOf(record);
      const broken = mutate(record, paths[where % paths.length] as Array<string | number>, how);
      expect(compiled(broken)).toEqual(plain(broken));
    }),
    { numRuns },
  );
}

const synthetic = generateSyntheticDirectory(60, 11);
const aliss = importAlissServices(alissEnvelope).directory;

describe("compiled validators agree with the plain schemas", () => {
  it("on every cross-field rule, each broken on purpose", () => {
    const service = { id: "svc-1", name: "Example group", status: "active", categories: ["peer-support-group"] };
    const hours = (weekly: unknown[], exceptions?: unknown[]) => ({ ...service, hours: { weekly, ...(exceptions === undefined ? {} : { exceptions }) } });
    const serviceCases: Array<[unknown, string]> = [
      [hours([{ day: "monday", opens: "09:00", closes: "09:00" }]), "closes_before_opens"],
      [hours([], [{ date: "2026-12-25", periods: [{ opens: "12:00", closes: "10:00" }] }]), "closes_before_opens"],
      [hours([{ day: "monday", opens: "09:00", closes: "10:00", validFrom: "2026-02-01", validTo: "2026-01-31" }]), "valid_to_before_valid_from"],
      [hours([], [{ date: "2026-12-25", periods: [] }, { date: "2026-12-25", periods: [] }]), "duplicate_exception"],
      [{ ...service, eligibility: { minimumAge: 30, maximumAge: 29 } }, "age_range_reversed"],
      [{ ...service, areas: [{ kind: "ward", code: "S12000036" }] }, "gss_kind_mismatch"],
      [{ ...service, locationIds: ["loc-1"], areas: [{ kind: "radius", radiusKm: 5, locationId: "loc-2" }] }, "unknown_location"],
      [{ ...service, languages: ["en-x"] }, "invalid_language_tag"],
    ];
    const address = { line1: "1 Example Street", city: "Edinburgh", postcode: "EH1 1YZ", country: "GB" };
    const locationCases: Array<[unknown, string]> = [
      [{ id: "l", kind: "physical", address: { ...address, postcode: "NOT A POSTCODE" } }, "invalid_postcode"],
      [{ id: "l", kind: "physical", address: { ...address, postcode: "eh11yz" } }, "postcode_not_normalised"],
      [{ id: "l", kind: "physical", latitude: 55.9 }, "incomplete_coordinates"],
      [{ id: "l", kind: "physical", longitude: -3.2 }, "incomplete_coordinates"],
      [{ id: "l", kind: "physical", confidential: true, address, maskedAddress: { locality: "Perth" } }, "confidential_address"],
      [{ id: "l", kind: "physical", confidential: true }, "required"],
      [{ id: "l", kind: "physical", confidential: true, maskedAddress: { postcodeDistrict: "PH1 1AA" } }, "invalid_postcode_district"],
    ];
    for (const [input, code] of serviceCases) {
      const result = validateService(input);
      expect(result).toEqual(safeParseResult(Service, input));
      expect(result.ok ? [] : result.issues.map((found) => found.code)).toEqual([code]);
    }
    for (const [input, code] of locationCases) {
      const result = validateLocation(input);
      expect(result).toEqual(safeParseResult(Location, input));
      expect(result.ok ? [] : result.issues.map((found) => found.code)).toEqual([code]);
    }
  });
  it("for services", () => {
    agree([...fixtureDirectory.services, ...synthetic.services, ...aliss.services], validateService, (input) => safeParseResult(Service, input), 300);
  });
  it("for locations, including confidential places and GB addresses", () => {
    agree([...fixtureDirectory.locations, ...synthetic.locations, ...aliss.locations], validateLocation, (input) => safeParseResult(Location, input), 300);
  });
  it("for organisations", () => {
    agree([...fixtureDirectory.organisations, ...aliss.organisations, { id: "org-x", name: "Example Trust", website: "https://example.org", identifiers: [{ scheme: "GB-SC", type: "Scottish charity number", value: "SC000000" }] }], validateOrganisation, (input) => safeParseResult(Organisation, input));
  });
  it("for whole directories", () => {
    const small = generateSyntheticDirectory(5, 3);
    // Shape problems come back exactly as the plain schema reports them; cross-reference checks only run on top.
    // (unknown_location is also a Service rule of its own, the centre of a radius: such an issue is the schema's.)
    const crossReferenceCodes = new Set(["duplicate_id", "unknown_organisation", "unknown_location"]);
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
    agree([fixtureDirectory, small], (input) => {
      const checked = validateDirectory(input);
      const plain = safeParseResult(Directory, input);
      if (checked.ok || plain.ok) return checked;
      return { ok: false, issues: checked.issues.filter((found) => !crossReferenceCodes.has(found.code) || plain.issues.some((given) => same(given, found))) };
    }, (input) => {
      const plain = safeParseResult(Directory, input);
      return plain.ok ? validateDirectory(plain.value) : plain;
    }, 60);
  });
  it("for signposting events", () => {
    const event = {
      id: "evt-1",
      person: "person-7f3a9c",
      occurredAt: "2026-03-01T11:00:00Z",
      organisationId: "org-1",
      needs: [{ category: "peer-support-group" }],
      services: [{ serviceId: "s1", method: "referral" }],
      consent: { given: true, scope: ["share-with-service"], recordedAt: "2026-03-01T10:00:00Z" },
      followUps: [{ outcome: "attended", recordedAt: "2026-03-20T09:00:00Z", serviceId: "s1", feedback: "Helpful group." }],
    };
    expect(validateSignpostingEvent(event).ok).toBe(true);
    agree([event], validateSignpostingEvent, (input) => safeParseResult(SignpostingEvent, input));
  });
});
