import { describe, expect, it } from "vitest";
import { periodOf } from "./periods";

describe("periodOf", () => {
  it("cuts calendar months, quarters, half-years and years", () => {
    expect(periodOf("2026-02-14", "month")).toEqual({ id: "2026-02-01/2026-02-28", start: "2026-02-01", end: "2026-02-28", label: "February 2026" });
    expect(periodOf("2024-02-29", "month").end).toBe("2024-02-29");
    expect(periodOf("2026-12-31", "quarter")).toMatchObject({ id: "2026-10-01/2026-12-31", label: "October to December 2026" });
    expect(periodOf("2026-07-01", "half-year").label).toBe("July to December 2026");
    expect(periodOf("2026-07-01", "year").id).toBe("2026-01-01/2026-12-31");
  });

  it("starts from another month, such as April for the financial year", () => {
    expect(periodOf("2026-03-31", "year", 4)).toMatchObject({ id: "2025-04-01/2026-03-31", label: "April 2025 to March 2026" });
    expect(periodOf("2026-04-01", "year", 4).start).toBe("2026-04-01");
    expect(periodOf("2026-01-15", "quarter", 2)).toMatchObject({ start: "2025-11-01", end: "2026-01-31", label: "November 2025 to January 2026" });
  });

  it("refuses a month outside 1-12 and a date it cannot read", () => {
    expect(() => periodOf("2026-01-01", "year", 13)).toThrow(expect.objectContaining({ code: "invalid-argument" }) as Error);
    expect(() => periodOf("1 March", "year")).toThrow(expect.objectContaining({ code: "invalid-argument" }) as Error);
  });
});
