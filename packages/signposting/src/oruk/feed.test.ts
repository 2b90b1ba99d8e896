import { describe, expect, it } from "vitest";
import { directory as fixtureDirectory } from "../../test/fixtures";
import { readStandard } from "../../test/standards";
import { exportOpenReferralUkPage } from "./export";
import { checkPage, feedFormat } from "./feed";
import { importOpenReferralUk } from "./import";
import { checkOrukObject } from "./schema-rules";

const page = { total_items: 25, total_pages: 3, page_number: 2, size: 10, first_page: false, last_page: false, empty: false };
const codes = (envelope: Record<string, unknown>, count: number): string[] => checkPage("oruk-3.0-page", envelope, count).findings.map((finding) => finding.code);

describe("checkPage", () => {
  it("passes a consistent middle page", () => {
    expect(codes(page, 10)).toEqual([]);
    expect(codes({ ...page, page_number: 3, size: 5, last_page: true }, 5)).toEqual([]);
  });
  it("finds each kind of paging fault", () => {
    expect(codes({ ...page, size: 9 }, 10)).toEqual(["page_size_mismatch"]);
    expect(codes({ ...page, empty: true }, 10)).toEqual(["page_empty_mismatch"]);
    expect(codes({ ...page, empty: false, size: 0 }, 0)).toEqual(["page_empty_mismatch"]);
    expect(codes({ ...page, total_items: 5 }, 10)).toEqual(["total_items_mismatch", "total_pages_mismatch"]);
    expect(codes({ ...page, first_page: true }, 10)).toEqual(["first_page_mismatch"]);
    expect(codes({ ...page, page_number: 1 }, 10)).toEqual(["first_page_mismatch"]);
    expect(codes({ ...page, last_page: true }, 10)).toEqual(["last_page_mismatch"]);
    expect(codes({ ...page, page_number: 3 }, 10)).toEqual(["last_page_mismatch"]);
    expect(codes({ ...page, page_number: 4, last_page: true }, 10)).toEqual(["page_number_out_of_range", "last_page_mismatch"]);
    expect(codes({ ...page, total_pages: 7 }, 10)).toEqual(["total_pages_mismatch"]);
    expect(codes({ ...page, size: "ten", last_page: "no" }, 10)).toEqual(["page_field_invalid", "page_field_invalid"]);
  });
  it("counts v1 pages from 0", () => {
    const checked = checkPage("oruk-v1-page", { number: 0, totalPages: 2, totalElements: 15, numberOfElements: 10, first: true, last: false }, 10);
    expect(checked).toEqual({ page: { number: 1, totalPages: 2, totalItems: 15, size: 10, first: true, last: false }, findings: [] });
  });
  it("tells envelopes apart", () => {
    expect([feedFormat([]), feedFormat({ contents: [] }), feedFormat({ content: [] }), feedFormat({ id: "x" }), feedFormat(3)]).toEqual(["list", "oruk-3.0-page", "oruk-v1-page", "record", undefined]);
  });
  it("reads the validator's Fail feed page as broken", () => {
    const feed = readStandard("oruk-3.0/validator-fixtures/V3.0-UK-Fail/service_list.json") as Record<string, unknown>;
    expect(checkPage("oruk-3.0-page", feed, (feed.contents as unknown[]).length).findings.map((finding) => finding.code)).toEqual(["page_size_mismatch", "total_items_mismatch"]);
  });
});

describe("exportOpenReferralUkPage", () => {
  it("writes pages an ORUK client can walk, and that read back without a paging fault", () => {
    const services = fixtureDirectory.services.length;
    const pages = Math.ceil(services / 2);
    const seen: string[] = [];
    for (let number = 1; number <= pages; number += 1) {
      const written = exportOpenReferralUkPage(fixtureDirectory, { page: number, perPage: 2 });
      expect(written).toMatchObject({ total_items: services, total_pages: pages, page_number: number, first_page: number === 1, last_page: number === pages, empty: false });
      expect(written.size).toBe(written.contents.length);
      expect(checkPage("oruk-3.0-page", written as unknown as Record<string, unknown>, written.contents.length).findings).toEqual([]);
      for (const item of importOpenReferralUk(written).directory.services.map((service) => service.name)) seen.push(item);
    }
    expect(seen.sort()).toEqual(fixtureDirectory.services.map((service) => service.name).sort());
    expect(exportOpenReferralUkPage(fixtureDirectory, { page: 99, perPage: 2 }).page_number).toBe(pages);
  });
  it("writes list pages as ORUK's list endpoints serve them, valid against the list schemas", () => {
    const page = exportOpenReferralUkPage(fixtureDirectory, { items: "summary" });
    for (const item of page.contents) expect(checkOrukObject("service-list-item", item)).toEqual([]);
    expect(Object.keys(page.contents[0] as object)).not.toContain("schedules");
    for (const item of exportOpenReferralUkPage(fixtureDirectory, { items: "summary", records: "organizations" }).contents) expect(checkOrukObject("organization-list-item", item)).toEqual([]);
  });

  it("writes organisations and locations pages, and an empty page for an empty directory", () => {
    expect(exportOpenReferralUkPage(fixtureDirectory, { records: "organizations" }).total_items).toBe(fixtureDirectory.organisations.length);
    expect(exportOpenReferralUkPage(fixtureDirectory, { records: "locations" }).total_items).toBe(fixtureDirectory.locations.length);
    expect(exportOpenReferralUkPage({ organisations: [], locations: [], services: [] })).toEqual({ total_items: 0, total_pages: 1, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] });
  });
});
