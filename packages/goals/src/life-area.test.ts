import { describe, expect, it } from "vitest";
import { LifeArea, lifeAreas } from "./life-area";

describe("lifeAreas", () => {
  it("has a label and a hint for every life area code, and for nothing else", () => {
    expect(Object.keys(lifeAreas).sort()).toEqual([...LifeArea.options].sort());
    for (const [code, entry] of Object.entries(lifeAreas)) {
      expect(LifeArea.safeParse(code).success).toBe(true);
      expect(entry.label.length).toBeGreaterThan(2);
      expect(entry.hint.endsWith(".")).toBe(true);
    }
  });

  it("covers the areas named in the product brief", () => {
    for (const code of ["physical-health", "mental-wellbeing", "relationships", "work-and-learning", "daily-living", "money", "housing", "community"]) {
      expect(LifeArea.options).toContain(code);
    }
    expect(lifeAreas["substance-use"].label).toBe("Alcohol, tobacco and drugs");
  });
});
