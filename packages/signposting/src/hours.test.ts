import { describe, expect, it } from "vitest";
import { isSelfManageError, safeParseResult } from "@selfmanage/core";
import { isOpenAt, isOpenAtLondonTime, OpeningHours, toLondonTime, WeeklyOpening } from "./hours";

const sundays: OpeningHours = { weekly: [{ day: "sunday", opens: "09:00", closes: "17:00" }] };
const earlySunday: OpeningHours = { weekly: [{ day: "sunday", opens: "00:30", closes: "03:00" }] };

describe("toLondonTime", () => {
  it("uses GMT in winter and BST in summer", () => {
    expect(toLondonTime("2026-01-15T12:00:00Z")).toEqual({ date: "2026-01-15", weekday: "thursday", time: "12:00" });
    expect(toLondonTime("2026-07-01T12:00:00Z")).toEqual({ date: "2026-07-01", weekday: "wednesday", time: "13:00" });
    expect(toLondonTime(new Date("2026-07-01T23:30:00Z"))).toEqual({ date: "2026-07-02", weekday: "thursday", time: "00:30" });
    expect(toLondonTime("2026-07-01T12:00:00+02:00")).toEqual({ date: "2026-07-01", weekday: "wednesday", time: "11:00" });
  });
  it("follows the clocks going forward on the last Sunday of March (01:00 UTC)", () => {
    expect(toLondonTime("2026-03-29T00:59:00Z").time).toBe("00:59"); // 00:59 GMT
    expect(toLondonTime("2026-03-29T01:00:00Z").time).toBe("02:00"); // 02:00 BST
  });
  it("follows the clocks going back on the last Sunday of October (01:00 UTC)", () => {
    expect(toLondonTime("2026-10-25T00:30:00Z").time).toBe("01:30"); // 01:30 BST
    expect(toLondonTime("2026-10-25T01:30:00Z").time).toBe("01:30"); // 01:30 GMT, the second time round
    expect(toLondonTime("2026-10-25T02:00:00Z").time).toBe("02:00");
  });
  it("throws for an invalid instant", () => {
    let thrown: unknown;
    try {
      toLondonTime("not a date");
    } catch (error) {
      thrown = error;
    }
    expect(isSelfManageError(thrown, "invalid-argument")).toBe(true);
  });
});

describe("isOpenAt", () => {
  it("handles the spring clock change", () => {
    expect(isOpenAt(sundays, "2026-03-29T08:30:00Z")).toBe(true); // 09:30 BST
    expect(isOpenAt(sundays, "2026-03-29T07:30:00Z")).toBe(false); // 08:30 BST
    expect(isOpenAt(sundays, "2026-03-29T15:59:00Z")).toBe(true); // 16:59 BST
    expect(isOpenAt(sundays, "2026-03-29T16:30:00Z")).toBe(false); // 17:30 BST
    expect(isOpenAt(sundays, "2026-03-22T16:30:00Z")).toBe(true); // 16:30 GMT a week earlier
    // 00:30-03:00 local: 01:00-02:00 does not exist that night, 02:00 BST is 01:00 UTC.
    expect(isOpenAt(earlySunday, "2026-03-29T00:45:00Z")).toBe(true); // 00:45 GMT
    expect(isOpenAt(earlySunday, "2026-03-29T01:30:00Z")).toBe(true); // 02:30 BST
    expect(isOpenAt(earlySunday, "2026-03-29T02:00:00Z")).toBe(false); // 03:00 BST
  });
  it("handles the autumn clock change", () => {
    expect(isOpenAt(sundays, "2026-10-25T08:30:00Z")).toBe(false); // 08:30 GMT
    expect(isOpenAt(sundays, "2026-10-25T09:30:00Z")).toBe(true); // 09:30 GMT
    expect(isOpenAt(sundays, "2026-10-25T16:30:00Z")).toBe(true); // 16:30 GMT
    expect(isOpenAt(sundays, "2026-10-18T16:30:00Z")).toBe(false); // 17:30 BST a week earlier
    expect(isOpenAt(earlySunday, "2026-10-25T03:00:00Z")).toBe(false); // 03:00 GMT: the repeated hour does not stretch the period
    expect(isOpenAt(earlySunday, "2026-10-24T23:15:00Z")).toBe(false); // 00:15 BST on the Sunday, before opening
    expect(isOpenAt(earlySunday, "2026-10-25T01:59:00Z")).toBe(true); // 01:59 GMT
  });
  it("allows several periods a day and closes between them", () => {
    const split: OpeningHours = {
      weekly: [
        { day: "monday", opens: "09:00", closes: "12:30" },
        { day: "monday", opens: "13:30", closes: "17:00" },
      ],
    };
    expect(isOpenAt(split, "2026-02-02T12:00:00Z")).toBe(true);
    expect(isOpenAt(split, "2026-02-02T13:00:00Z")).toBe(false);
    expect(isOpenAt(split, "2026-02-02T13:30:00Z")).toBe(true);
    expect(isOpenAt(split, "2026-02-02T17:00:00Z")).toBe(false);
  });
  it("honours valid-from and valid-to dates in local time", () => {
    const summer: OpeningHours = { weekly: [{ day: "wednesday", opens: "00:00", closes: "24:00", validFrom: "2026-06-01", validTo: "2026-08-31" }] };
    expect(isOpenAt(summer, "2026-06-03T12:00:00Z")).toBe(true);
    expect(isOpenAt(summer, "2026-05-27T12:00:00Z")).toBe(false);
    expect(isOpenAt(summer, "2026-09-02T12:00:00Z")).toBe(false);
    // 23:30 UTC on Tuesday 2 June is 00:30 BST on Wednesday 3 June.
    expect(isOpenAt(summer, "2026-06-02T23:30:00Z")).toBe(true);
  });
  it("treats bank holidays and other dated exceptions as replacing the week", () => {
    const weekdays: OpeningHours = {
      weekly: (["monday", "tuesday", "wednesday", "thursday", "friday"] as const).map((day) => ({ day, opens: "09:00", closes: "17:00" })),
      exceptions: [
        { date: "2026-05-04", periods: [], reason: "bank-holiday" },
        { date: "2026-05-09", periods: [{ opens: "10:00", closes: "12:00" }], reason: "special-opening" },
      ],
    };
    expect(isOpenAt(weekdays, "2026-05-04T10:00:00Z")).toBe(false); // May Day bank holiday, 11:00 BST
    expect(isOpenAt(weekdays, "2026-05-05T10:00:00Z")).toBe(true);
    expect(isOpenAt(weekdays, "2026-05-09T10:00:00Z")).toBe(true); // Saturday special opening, 11:00 BST
    expect(isOpenAt(weekdays, "2026-05-09T11:00:00Z")).toBe(false); // 12:00 BST
    expect(isOpenAtLondonTime(weekdays, { date: "2026-05-04", weekday: "monday", time: "10:00" })).toBe(false);
  });
});

describe("opening hours schema", () => {
  it("rejects periods that close before they open, reversed dates and duplicate exceptions", () => {
    const reversed = safeParseResult(WeeklyOpening, { day: "monday", opens: "17:00", closes: "09:00", validFrom: "2026-02-01", validTo: "2026-01-01" });
    expect(reversed.ok ? [] : reversed.issues.map((found) => [found.path, found.code])).toEqual([
      [["closes"], "closes_before_opens"],
      [["validTo"], "valid_to_before_valid_from"],
    ]);
    const duplicate = safeParseResult(OpeningHours, {
      weekly: [],
      exceptions: [
        { date: "2026-12-25", periods: [] },
        { date: "2026-12-25", periods: [] },
      ],
    });
    expect(duplicate.ok ? [] : duplicate.issues.map((found) => [found.path, found.code])).toEqual([[["exceptions", 1, "date"], "duplicate_exception"]]);
    expect(WeeklyOpening.safeParse({ day: "monday", opens: "24:00", closes: "24:00" }).success).toBe(false);
    expect(WeeklyOpening.safeParse({ day: "monday", opens: "9:00", closes: "17:00" }).success).toBe(false);
  });
});
