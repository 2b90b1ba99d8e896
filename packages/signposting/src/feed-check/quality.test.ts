import { describe, expect, it } from "vitest";
import { readStandard, recordsOf } from "../../test/standards";
import { postcodeAreas } from "./postcode-areas";
import { checkFeedQuality, qualityChecks, type QualityCheckId, type QualityReport } from "./quality";

const asOf = "2026-03-01";
const codesOf = (report: QualityReport, id: QualityCheckId): Record<string, number> => Object.fromEntries((report.checks.find((check) => check.id === id)?.codes ?? []).map((entry) => [entry.code, entry.count]));
const scoreOf = (report: QualityReport, id: QualityCheckId): number | null | undefined => report.checks.find((check) => check.id === id)?.score;
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const base = (n: number, fields: Record<string, unknown> = {}): Record<string, unknown> => ({ id: uuid(n), name: `Service ${n}`, status: "active", email: "hello@example.org", assured_date: "2026-01-10", ...fields });
const at = (latitude: unknown, longitude: unknown, postcode?: string): Record<string, unknown> => ({
  service_at_locations: [{ id: uuid(900), location: { id: uuid(901), location_type: "physical", latitude, longitude, ...(postcode === undefined ? {} : { addresses: [{ id: uuid(902), address_1: "1 Example Street", city: "Example", state_province: "", postal_code: postcode, country: "GB", address_type: "physical" }] }) } }],
});

describe("checkFeedQuality", () => {
  it("finds each kind of fault, by check, with a score and the worst records by id", () => {
    const report = checkFeedQuality(
      [
        base(1),
        base(2, { id: "svc-2" }),
        base(1, { schedules: [{ id: uuid(10), service_id: uuid(99), opens_at: "18:00", closes_at: "09:00", byday: "MO,XX", valid_from: "2026-02-01", valid_to: "2026-01-01", interval: 0 }] }),
        base(3, { assured_date: "2020-01-01", email: undefined }),
        base(4, { assured_date: undefined }),
        base(5, { assured_date: "last spring", description: "<p>Drop in &amp; chat</p>", alert: "<script>alert(1)</script>" }),
        base(6, at(55.95, -3.19, "EH1 1YZ")),
        base(7, at(-3.19, 55.95, "EH1 1YZ")),
        base(8, at(55.95, -3.19, "TR1 1AA")),
        base(9, at(0, 0)),
        base(10, at(40.7, -74, "EH1 1YZ")),
        base(11, at(59.0, -9.5)),
        base(12, at(57.0, 1.5)),
        base(13, at(null, -3.2)),
        base(14, { ...at(undefined, undefined, "EH1 1YZ") }),
        base(15, { attributes: [{ id: uuid(20), link_id: uuid(15), taxonomy_term: { id: "t1", name: "One" } }, { id: uuid(21), link_id: uuid(15), taxonomy_term: { name: "No id" } }, { id: uuid(22), link_id: uuid(15) }] }),
        base(16, { attributes: [{ id: uuid(23), link_id: uuid(16), taxonomy_term: { id: "t1", name: "Another name" } }, { id: uuid(23), link_id: uuid(16), taxonomy_term: { id: "t2", name: "" } }] }),
        "not a record",
      ],
      { asOf, taxonomyTerms: new Set(["t1"]) },
    );
    expect(report.services).toBe(17);
    expect(codesOf(report, "ids")).toEqual({ id_format: 1, duplicate_id: 1, duplicate_row_id: 1, broken_reference: 1 });
    expect(codesOf(report, "staleness")).toEqual({ no_date: 1, unreadable_date: 1, stale: 1 });
    expect(codesOf(report, "schedules")).toEqual({ closes_before_opens: 1, unknown_day: 1, valid_to_before_valid_from: 1, bad_interval: 1 });
    expect(codesOf(report, "coordinates")).toEqual({ no_coordinates: 1, incomplete_coordinates: 1, null_island: 1, swapped: 1, outside_uk: 2, not_near_land: 1, far_from_postcode: 1 });
    expect(codesOf(report, "taxonomy")).toEqual({ no_term: 1, term_without_id: 1, term_without_name: 1, unknown_term: 1, inconsistent_term: 1 });
    expect(codesOf(report, "contacts")).toEqual({ no_contact: 1 });
    expect(codesOf(report, "markup")).toEqual({ html_markup: 1, script: 1 });
    // Scores are the share of services a check looked at that passed it.
    expect(scoreOf(report, "contacts")).toBe(Math.round((1000 * 16) / 17) / 10);
    expect(report.checks.find((check) => check.id === "coordinates")).toMatchObject({ checked: 9, passed: 1 });
    expect(report.checks.find((check) => check.id === "schedules")?.worst).toEqual([{ record: uuid(1), findings: 4 }]);
    expect(report.worst[0]).toEqual({ record: uuid(1), findings: 6 });
    // Every code the checks can give has its words in the table.
    for (const check of report.checks) for (const entry of check.codes) expect(entry.message).toBe((qualityChecks[check.id].codes as Record<string, string>)[entry.code]);
    expect(JSON.stringify(report)).not.toContain("alert(1)");
  });

  it("scores the councils' real feeds, and names the worst records by id only", () => {
    const records = readStandard("interop/oruk-v1-councils/bristol-council.json") as Array<Record<string, unknown>>;
    const report = checkFeedQuality(records, { asOf });
    const withMarkup = records.filter((record) => /<[a-z]|&[a-z]+;/i.test(String(record.description))).length;
    expect(codesOf(report, "markup").html_markup).toBeGreaterThanOrEqual(withMarkup);
    const noContact = records.filter((record) => !record.email && !record.url).length;
    expect(codesOf(report, "contacts").no_contact ?? 0).toBe(noContact);
    const ids = new Set(records.map((record) => record.id));
    for (const check of report.checks) for (const entry of check.worst) expect(ids.has(entry.record)).toBe(true);
  });

  it("finds the DfE fixture's script and the ORUK example's impossible latitude", () => {
    expect(codesOf(checkFeedQuality([readStandard("interop/dfe-fh-services/Service_with_html_and_javascript.json")], { asOf }), "markup").script).toBeGreaterThan(0);
    expect(codesOf(checkFeedQuality(recordsOf(readStandard("oruk-3.0/examples/service_full.json")), { asOf }), "coordinates")).toEqual({ off_globe: 1 });
  });

  it("places every postcode area's town inside its own circle and inside the UK box", () => {
    expect(Object.keys(postcodeAreas)).toHaveLength(124);
    const report = checkFeedQuality(
      Object.entries(postcodeAreas).map(([area, [latitude, longitude]], index) => base(index, at(latitude, longitude, `${area}1 1AA`))),
      { asOf },
    );
    expect(codesOf(report, "coordinates")).toEqual({});
  });
});
