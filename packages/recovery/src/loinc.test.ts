import { describe, expect, it } from "vitest";
import { InstrumentLoinc, isLoincCode, phq2, validateInstrument } from "./index";

describe("LOINC codes", () => {
  it("accepts codes whose check digit is right and refuses typing mistakes", () => {
    for (const code of ["44249-1", "44261-6", "69737-5", "70274-6", "55757-9", "55758-7", "69722-7", "1-8"]) expect(isLoincCode(code), code).toBe(true);
    for (const code of ["44249-2", "44216-6", "4426-16", "44261", "x4426-6", "12345678-0", ""]) expect(isLoincCode(code), code).toBe(false);
    expect(InstrumentLoinc.safeParse({ panel: "44249-9" }).success).toBe(false);
  });

  it("must stand for one thing only within an instrument", () => {
    const clash = { ...phq2, items: phq2.items.map((item) => ({ ...item, loinc: "55758-7" })) };
    const result = validateInstrument(clash);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((found) => `${found.path.join(".")} ${found.code}`)).toEqual(["items.0.loinc duplicate_loinc", "items.1.loinc duplicate_loinc"]);
  });
});
