import { describe, expect, it } from "vitest";
import { ChangeParameters, classifyChange, clinicalCutOff, reliableChange } from "./index";
import { phq9 } from "../test/instruments";

// SD 5 and reliability 0.84: SE = 5 * sqrt(0.16) = 2; S_diff = sqrt(2 * 2^2) = sqrt(8) = 2.8284.
const rciOnly = { standardDeviation: 5, reliability: 0.84 };
const S_DIFF = Math.sqrt(8);

describe("reliableChange", () => {
  it("computes the Jacobson-Truax index", () => {
    const result = reliableChange(20, 12, rciOnly, "lower-is-better");
    expect(result.change).toBe(-8);
    expect(result.improvement).toBe(8);
    expect(result.standardErrorOfDifference).toBeCloseTo(2.828427, 6);
    expect(result.rci).toBeCloseTo(-2.828427, 6);
    expect(result.threshold).toBeCloseTo(1.96 * S_DIFF, 9);
    expect([result.basis, result.reliable]).toEqual(["rci", true]);
  });

  it("needs |RCI| above 1.96, or above a custom critical value", () => {
    // 5 / 2.8284 = 1.77: not reliable; 6 / 2.8284 = 2.12: reliable.
    expect(reliableChange(10, 15, rciOnly, "higher-is-better").reliable).toBe(false);
    expect(reliableChange(10, 16, rciOnly, "higher-is-better").reliable).toBe(true);
    expect(reliableChange(10, 15, { ...rciOnly, criticalValue: 1.645 }, "higher-is-better").reliable).toBe(true);
  });

  it("lets a fixed threshold override the computed one", () => {
    // RCI -6 / 2.8284 = -2.12 would be reliable, but the published threshold is 7 points.
    const result = reliableChange(16, 10, { ...rciOnly, reliableChangeThreshold: 7 }, "lower-is-better");
    expect(result.rci).toBeCloseTo(-2.1213, 4);
    expect([result.basis, result.threshold, result.reliable]).toEqual(["fixed-threshold", 7, false]);
    const fixedOnly = reliableChange(16, 10, { reliableChangeThreshold: 6 }, "lower-is-better");
    expect([fixedOnly.rci, fixedOnly.standardErrorOfDifference, fixedOnly.reliable]).toEqual([null, null, true]);
  });

  it("rejects unusable parameters and scores as programmer errors", () => {
    expect(() => reliableChange(1, 2, {}, "higher-is-better")).toThrow(expect.objectContaining({ code: "invalid-argument" }));
    expect(() => reliableChange(Number.NaN, 2, rciOnly, "higher-is-better")).toThrow(expect.objectContaining({ code: "invalid-argument" }));
  });
});

describe("clinicalCutOff", () => {
  const clinical = { mean: 20, standardDeviation: 5 };
  const functional = { mean: 6, standardDeviation: 3 };

  it("computes c, a and b for lower-is-better scores", () => {
    // c = (5 * 6 + 3 * 20) / (5 + 3) = 90 / 8 = 11.25; a = 20 - 2 * 5 = 10; b = 6 + 2 * 3 = 12.
    expect(clinicalCutOff({ ...rciOnly, clinical, functional }, "lower-is-better")).toBe(11.25);
    expect(clinicalCutOff({ ...rciOnly, clinical, cutOffMethod: "a" }, "lower-is-better")).toBe(10);
    expect(clinicalCutOff({ ...rciOnly, functional, cutOffMethod: "b" }, "lower-is-better")).toBe(12);
  });

  it("computes c, a and b for higher-is-better scores", () => {
    const low = { mean: 40, standardDeviation: 6 };
    const high = { mean: 55, standardDeviation: 9 };
    // c = (6 * 55 + 9 * 40) / 15 = 46; a = 40 + 12 = 52; b = 55 - 18 = 37.
    expect(clinicalCutOff({ ...rciOnly, clinical: low, functional: high, cutOffMethod: "c" }, "higher-is-better")).toBe(46);
    expect(clinicalCutOff({ ...rciOnly, clinical: low, cutOffMethod: "a" }, "higher-is-better")).toBe(52);
    expect(clinicalCutOff({ ...rciOnly, functional: high, cutOffMethod: "b" }, "higher-is-better")).toBe(37);
  });

  it("prefers a fixed cut-off, and gives null without enough to compute one", () => {
    expect(clinicalCutOff({ ...rciOnly, clinical, functional, cutOff: 10 }, "lower-is-better")).toBe(10);
    expect(clinicalCutOff(rciOnly, "lower-is-better")).toBeNull();
    expect(clinicalCutOff({ ...rciOnly, clinical }, "lower-is-better")).toBeNull();
    expect(clinicalCutOff({ ...rciOnly, cutOffMethod: "a", clinical: undefined } as never, "lower-is-better")).toBeNull();
    expect(clinicalCutOff({ ...rciOnly, cutOffMethod: "b" } as never, "lower-is-better")).toBeNull();
  });
});

describe("classifyChange", () => {
  const withCutOff = { ...rciOnly, cutOff: 10 };

  it("classifies lower-is-better change (PHQ-9 style)", () => {
    // 20 -> 8: RCI -4.24, reliable, crossed 10 from the clinical side: recovered.
    expect(classifyChange(20, 8, withCutOff, "lower-is-better")).toMatchObject({ reliable: true, crossedCutOff: true, cutOff: 10, classification: "recovered" });
    // 20 -> 12: reliable, still at or above 10: improved.
    expect(classifyChange(20, 12, withCutOff, "lower-is-better")).toMatchObject({ crossedCutOff: false, classification: "improved" });
    // 20 -> 16: RCI -1.41: unchanged.
    expect(classifyChange(20, 16, withCutOff, "lower-is-better").classification).toBe("unchanged");
    // 20 -> 26: RCI 2.12, worse: deteriorated.
    expect(classifyChange(20, 26, withCutOff, "lower-is-better").classification).toBe("deteriorated");
    // Crossing without reliable change is not recovery: 11 -> 9.
    expect(classifyChange(11, 9, withCutOff, "lower-is-better")).toMatchObject({ crossedCutOff: true, reliable: false, classification: "unchanged" });
  });

  it("classifies higher-is-better change", () => {
    const parameters = { standardDeviation: 8, reliability: 0.75, clinical: { mean: 40, standardDeviation: 6 }, functional: { mean: 55, standardDeviation: 9 }, cutOffMethod: "c" as const };
    // SE = 8 * 0.5 = 4; S_diff = sqrt(32) = 5.657. 40 -> 52: RCI 2.12, crosses c = 46: recovered.
    const recovered = classifyChange(40, 52, parameters, "higher-is-better");
    expect(recovered.rci).toBeCloseTo(12 / Math.sqrt(32), 9);
    expect(recovered.classification).toBe("recovered");
    // 40 -> 50: RCI 1.77: unchanged, although it crossed the cut-off.
    expect(classifyChange(40, 50, parameters, "higher-is-better")).toMatchObject({ crossedCutOff: true, classification: "unchanged" });
    // 30 -> 42: reliable but still at or below 46: improved.
    expect(classifyChange(30, 42, parameters, "higher-is-better").classification).toBe("improved");
    expect(classifyChange(52, 40, parameters, "higher-is-better").classification).toBe("deteriorated");
  });

  it("uses the fixed parameters of an instrument definition", () => {
    const change = phq9.change as ChangeParameters;
    // Threshold 6, cut-off 10: 15 -> 9 is a 6-point fall across the cut-off.
    expect(classifyChange(15, 9, change, "lower-is-better")).toMatchObject({ basis: "fixed-threshold", classification: "recovered" });
    expect(classifyChange(15, 10, change, "lower-is-better").classification).toBe("unchanged");
  });

  it("cannot recover without a cut-off", () => {
    expect(classifyChange(20, 8, rciOnly, "lower-is-better")).toMatchObject({ cutOff: null, crossedCutOff: false, classification: "improved" });
  });
});

describe("ChangeParameters", () => {
  it("needs a basis for reliable change and the populations a method needs", () => {
    const codes = (input: unknown) => {
      const parsed = ChangeParameters.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((found) => [found.path, (found as { params?: { code?: string } }).params?.code]);
    };
    expect(codes({})).toEqual([[["standardDeviation"], "no_reliable_change_basis"]]);
    expect(codes({ standardDeviation: 5, reliableChangeThreshold: 3 })).toEqual([[["reliability"], "incomplete_rci_parameters"]]);
    expect(codes({ reliability: 0.8, reliableChangeThreshold: 3 })).toEqual([[["standardDeviation"], "incomplete_rci_parameters"]]);
    expect(codes({ ...rciOnly, cutOffMethod: "c" })).toEqual([
      [["clinical"], "missing_population"],
      [["functional"], "missing_population"],
    ]);
    expect(codes({ ...rciOnly, cutOffMethod: "a" })).toEqual([[["clinical"], "missing_population"]]);
    expect(codes({ ...rciOnly, cutOffMethod: "b" })).toEqual([[["functional"], "missing_population"]]);
  });
});
