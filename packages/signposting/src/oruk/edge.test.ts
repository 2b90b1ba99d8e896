import { describe, expect, it } from "vitest";
import { exportOpenReferralUk } from "./export";
import { importOpenReferralUk } from "./import";

const id = "5d1c0c1e-0000-4000-8000-000000000002";
const base = { id, name: "Example service", status: "active" };

describe("nothing accepted in silence (issue 13)", () => {
  it("refuses an organization given as a name, at its path", () => {
    const report = importOpenReferralUk({ ...base, organization: "Example Trust" });
    expect(report.imported).toBe(0);
    expect(report.problems[0]?.issues.map((found) => [found.path.join("."), found.code])).toEqual([["organization", "invalid_type"]]);
  });

  it("keeps the first of two clashing organisation records with one id, and says so", () => {
    const organisation = { id: "5d1c0c1e-0000-4000-8000-0000000000bb", name: "Example Trust", description: "First." };
    const report = importOpenReferralUk([
      { ...base, organization: organisation },
      { ...base, id: "5d1c0c1e-0000-4000-8000-000000000003", organization: { ...organisation, description: "Second, different." } },
      { ...base, id: "5d1c0c1e-0000-4000-8000-000000000004", organization: organisation },
    ]);
    expect(report.imported).toBe(3);
    expect(report.directory.organisations).toEqual([{ id: organisation.id, name: "Example Trust", description: "First." }]);
    expect(report.notices.filter((notice) => notice.code === "conflicting_record")).toEqual([
      { code: "conflicting_record", path: ["organization", "id"], message: "An earlier record in the feed has this id but different details; the earlier one was kept.", count: 1, records: ["5d1c0c1e-0000-4000-8000-000000000003"] },
    ]);
    // The directory holds one organisation per id: every service exports the one that was kept.
    const exported = exportOpenReferralUk(report.directory) as Array<{ organization: { description: string } }>;
    expect(exported.map((service) => service.organization.description)).toEqual(["First.", "First.", "First."]);
  });

  it("refuses a schedule description that is not text instead of dropping it", () => {
    const report = importOpenReferralUk({ ...base, schedules: [{ id: "a", freq: "WEEKLY", byday: "MO", opens_at: "09:00", closes_at: "12:00", description: 42 }] });
    expect(report.problems[0]?.issues).toEqual([{ path: ["schedules", 0, "description"], code: "invalid_type", message: "Expected text." }]);
  });

  it("reports a __proto__ field, at any depth, and pollutes nothing", () => {
    for (const text of [`{"id":"${id}","name":"Example","status":"active","__proto__":{"polluted":true}}`, `{"id":"${id}","name":"Example","status":"active","x_list":[{"__proto__":{"polluted":true}}]}`]) {
      const report = importOpenReferralUk(JSON.parse(text) as unknown);
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
      expect(report.imported).toBe(0);
      expect(report.problems.flatMap((problem) => problem.issues.map((found) => [found.path.at(-1), found.code]))).toEqual([["__proto__", "reserved_key"]]);
    }
  });
});

describe("values the standards allow are taken, normalised with a notice, and given back", () => {
  it("takes a description of any length and reports an unusually long one", () => {
    const description = "Long words. ".repeat(1200);
    const report = importOpenReferralUk({ ...base, description });
    expect(report.directory.services[0]?.description).toBe(description);
    expect(report.notices.map((notice) => [notice.code, notice.path.join(".")])).toEqual([["long_text", "description"]]);
  });

  it("reads currency 'gbp' as GBP and writes 'gbp' back", () => {
    const record = { ...base, cost_options: [{ id: "5d1c0c1e-0000-4000-8000-0000000000c1", amount: 5, currency: "gbp" }] };
    const report = importOpenReferralUk(record);
    expect(report.directory.services[0]?.cost?.options?.[0]?.currency).toBe("GBP");
    expect(report.notices.find((notice) => notice.code === "normalised")?.path).toEqual(["cost_options", "*", "currency"]);
    expect(exportOpenReferralUk(report.directory)[0]).toEqual(record);
  });

  it("reads a quoted phone number without its quotes, reports odd ones, and gives both back", () => {
    const record = {
      ...base,
      contacts: [
        { id: "5d1c0c1e-0000-4000-8000-0000000000d1", phones: [{ id: "5d1c0c1e-0000-4000-8000-0000000000d2", number: '"+44 1234 234567"' }] },
        { id: "5d1c0c1e-0000-4000-8000-0000000000d3", phones: [{ id: "5d1c0c1e-0000-4000-8000-0000000000d4", number: "ask at reception" }] },
      ],
    };
    const report = importOpenReferralUk(record);
    expect(report.directory.services[0]?.contacts?.map((contact) => contact.phone)).toEqual(["+44 1234 234567", "ask at reception"]);
    expect(report.notices.find((notice) => notice.code === "unusual_phone")).toMatchObject({ path: ["contacts", "*", "phones", "*", "number"], count: 1 });
    expect(exportOpenReferralUk(report.directory)[0]).toEqual(record);
  });

  it("sets aside a legal but impossible value (an age of 150) and keeps the record", () => {
    const record = { ...base, minimum_age: 150 };
    const report = importOpenReferralUk(record);
    expect(report.imported).toBe(1);
    expect(report.directory.services[0]?.eligibility?.minimumAge).toBeUndefined();
    expect(report.notices[0]).toMatchObject({ code: "too_big", path: ["minimum_age"], records: [id] });
    expect(exportOpenReferralUk(report.directory)[0]).toEqual(record);
  });

  it("can leave out what the model does not hold, and still says what", () => {
    const record = { ...base, alternate_name: "Example", schedules: [{ id: "a", freq: "MONTHLY", bymonthday: "1" }] };
    const report = importOpenReferralUk(record, { keepSource: false });
    expect(report.directory.services[0]?.extensions).toBeUndefined();
    expect(report.notices.map((notice) => notice.path.join("."))).toEqual(["alternate_name", "schedules"]);
  });
});
