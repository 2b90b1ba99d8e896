import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileStandardSchema } from "../../test/standards";
import { validateDirectory } from "../directory";
import { jsonEqual } from "../residue";
import { exportOpenReferralUk } from "./export";
import { importOpenReferralUk } from "./import";

const text = fc.string({ minLength: 1, maxLength: 20 });
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.boolean()).map(([hour, minute, seconds]) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}${seconds ? ":00" : ""}`);
const date = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10));
const days = fc.uniqueArray(fc.constantFrom("MO", "TU", "WE", "TH", "FR", "SA", "SU"), { minLength: 1, maxLength: 7 }).map((list) => list.join(","));
/** Fields no standard defines, to stand for HSDS and local extensions. */
// A `__proto__` key is reported (reserved_key), not kept: the round trip holds for everything else.
const extra = fc.dictionary(
  fc.stringMatching(/^x_[a-z]{1,8}$/),
  fc.jsonValue({ maxDepth: 2 }).filter((value) => !JSON.stringify(value).includes('"__proto__"')),
  { maxKeys: 2 },
);

const schedule = fc
  .record(
    {
      id: fc.uuid(),
      freq: fc.constantFrom("WEEKLY", "MONTHLY"),
      interval: fc.constantFrom(1, 2),
      byday: days,
      bymonthday: fc.constantFrom("1", "2,3"),
      opens_at: time,
      closes_at: time,
      valid_from: date,
      description: text,
      notes: text,
      schedule_link: fc.webUrl(),
      attending_type: text,
    },
    { requiredKeys: ["id"] },
  )
  .chain((row) => extra.map((more) => ({ ...more, ...row })));

const location = fc.record(
  {
    id: fc.uuid(),
    location_type: fc.constantFrom("physical", "postal", "virtual"),
    name: text,
    latitude: fc.oneof(fc.double({ min: 49, max: 61, noNaN: true }), fc.constant(100)),
    longitude: fc.double({ min: -8, max: 2, noNaN: true }),
    external_identifier: text,
    addresses: fc.array(
      fc.record({
        id: fc.uuid(),
        address_1: text,
        city: text,
        state_province: fc.constantFrom("", "Scotland"),
        postal_code: fc.constantFrom("EH1 1YZ", "eh11yz", "not a postcode", "ABC 1234"),
        country: fc.constantFrom("GB", "US"),
        address_type: fc.constantFrom("physical", "postal"),
      }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ["id", "location_type"] },
);

const service = fc
  .record(
    {
      id: fc.uuid(),
      name: text,
      status: fc.constantFrom("active", "inactive", "defunct", "temporarily closed"),
      description: fc.string({ maxLength: 40 }),
      url: fc.webUrl(),
      email: fc.emailAddress(),
      fees: text,
      minimum_age: fc.oneof(fc.integer({ min: 0, max: 150 }), fc.constant(12.5)),
      assured_date: fc.oneof(date, fc.constant("last spring")),
      last_modified: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true }).map((value) => value.toISOString()),
      schedules: fc.array(schedule, { maxLength: 3 }),
      service_areas: fc.array(
        fc.oneof(
          fc.record({ id: fc.uuid(), extent_type: fc.constant("gss"), extent: fc.constantFrom("S12000036", "S08000024", "S37000032", "E08000001"), name: text }, { requiredKeys: ["id", "extent_type", "extent"] }),
          fc.record({ id: fc.uuid(), extent_type: fc.constantFrom("national", "geojson"), extent: text, service_area: text }, { requiredKeys: ["id"] }),
        ),
        { maxLength: 2 },
      ),
      contacts: fc.array(fc.record({ id: fc.uuid(), name: text, title: text, phones: fc.array(fc.record({ id: fc.uuid(), number: fc.constantFrom("0131 496 0000", '"+44 1234 234567"', "ask at desk") }), { maxLength: 2 }) }, { requiredKeys: ["id"] }), { maxLength: 2 }),
      cost_options: fc.array(fc.record({ id: fc.uuid(), option: text, amount: fc.integer({ min: 0, max: 100 }), currency: fc.constantFrom("GBP", "gbp") }, { requiredKeys: ["id"] }), { maxLength: 2 }),
      attributes: fc.array(fc.record({ id: fc.uuid(), link_type: text, taxonomy_term: fc.record({ id: fc.uuid(), name: text, description: text, taxonomy: text, term_uri: fc.webUrl() }, { requiredKeys: ["id", "name", "description"] }) }), { maxLength: 3 }),
      service_at_locations: fc.array(fc.record({ id: fc.uuid(), location }), { maxLength: 2 }),
      organization: fc.record({ id: fc.uuid(), name: text, description: text, uri: fc.webUrl(), website: fc.webUrl() }, { requiredKeys: ["id", "name", "description"] }),
    },
    { requiredKeys: ["id", "name", "status"] },
  )
  .chain((record) => extra.map((more) => ({ ...more, ...record })));

const validateOruk = compileStandardSchema("oruk-3.0/schema/compiled/service.json");

describe("ORUK 3.0 -> model -> ORUK 3.0, for arbitrary services", () => {
  it("gives back every value of every service it imports, and imports every one", () => {
    fc.assert(
      fc.property(service, (record) => {
        const report = importOpenReferralUk(record);
        expect(report.problems).toEqual([]);
        expect(report.imported).toBe(1);
        expect(validateDirectory(report.directory).ok).toBe(true);
        expect(jsonEqual(exportOpenReferralUk(report.directory)[0], record)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("writes valid ORUK from the model alone", () => {
    fc.assert(
      fc.property(service, (record) => {
        const [written] = exportOpenReferralUk(importOpenReferralUk(record, { keepSource: false }).directory);
        expect(validateOruk(written) ? [] : validateOruk.errors).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("reports a __proto__ key in a field the model does not hold, instead of keeping or losing it", () => {
    const record = JSON.parse('{"id": "x", "name": "Example", "status": "active", "x_extra": [{"__proto__": false}]}') as unknown;
    const report = importOpenReferralUk(record);
    expect(report.imported).toBe(0);
    expect(report.problems.flatMap((problem) => problem.issues.map((found) => found.code))).toContain("reserved_key");
  });

  it("never throws on arbitrary JSON, and accounts for every record", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 4 }), (records) => {
        const report = importOpenReferralUk(records);
        expect(report.feed.records).toBe(records.length);
        expect(report.imported + report.problems.length + report.directory.organisations.length + report.directory.locations.length).toBeGreaterThanOrEqual(records.length === 0 ? 0 : 1);
      }),
      { numRuns: 200 },
    );
  });

  it("lets an edit to the model win over the value kept from the source", () => {
    fc.assert(
      fc.property(service, text, (record, name) => {
        const report = importOpenReferralUk(record);
        const [imported] = report.directory.services;
        if (imported === undefined) return;
        const edited = { ...report.directory, services: [{ ...imported, name: `${name} (edited)` }] };
        const [written] = exportOpenReferralUk(edited) as Array<Record<string, unknown>>;
        expect(written?.name).toBe(`${name} (edited)`);
        // Everything else comes back as it was.
        expect(jsonEqual({ ...written, name: record.name }, record)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
