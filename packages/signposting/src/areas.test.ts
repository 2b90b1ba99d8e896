import { describe, expect, it } from "vitest";
import { enclosingAreaCodes, GssCode, gssAreaKind, ScottishArea, scottishAreas } from "./areas";

describe("Scottish areas", () => {
  it("lists the 14 health boards and 32 council areas with valid, unique codes", () => {
    expect(scottishAreas.filter((area) => area.kind === "health-board")).toHaveLength(14);
    expect(scottishAreas.filter((area) => area.kind === "council-area")).toHaveLength(32);
    expect(new Set(scottishAreas.map((area) => area.code)).size).toBe(46);
    for (const area of scottishAreas) {
      expect(ScottishArea.parse(area)).toEqual(area);
      expect(gssAreaKind(area.code)).toBe(area.kind);
    }
  });
  it("places every council area in a listed health board", () => {
    const boards = new Set(scottishAreas.filter((area) => area.kind === "health-board").map((area) => area.code));
    for (const council of scottishAreas.filter((area) => area.kind === "council-area")) expect(boards.has(council.healthBoard as string)).toBe(true);
    expect(scottishAreas.find((area) => area.code === "S12000049")?.healthBoard).toBe("S08000031");
  });
  it("recognises GSS code shapes and prefixes", () => {
    expect(GssCode.safeParse("S12000036").success).toBe(true);
    expect(GssCode.safeParse("S1200036").success).toBe(false);
    expect(GssCode.safeParse("E06000001").success).toBe(false);
    expect(gssAreaKind("S13002842")).toBe("ward");
    expect(gssAreaKind("S37000012")).toBe("integration-authority");
    expect(GssCode.safeParse("S37000012").success).toBe(true);
    expect(gssAreaKind("S92000003")).toBeUndefined();
    expect(gssAreaKind("nonsense")).toBeUndefined();
  });
  it("finds the areas that contain an area", () => {
    expect(enclosingAreaCodes("S12000036")).toEqual(["S12000036", "S08000024"]);
    expect(enclosingAreaCodes("S08000024")).toEqual(["S08000024"]);
    expect(enclosingAreaCodes("S13002842")).toEqual(["S13002842"]);
  });
});
