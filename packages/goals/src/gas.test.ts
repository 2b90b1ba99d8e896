import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSelfManageError } from "@selfmanage/core";
import { type GasSet, gasScaleIssues, gasTScore, gasWeight, scoreGasSet, validateGasSet } from "./gas";
import { SENTINEL, walkingScale } from "../test/fixtures";

function thrownCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isSelfManageError(error) ? error.code : "other";
  }
  return undefined;
}

describe("gasTScore", () => {
  it("gives exactly 50 when every goal lands at its expected level", () => {
    expect(gasTScore([{ level: 0 }])).toBe(50);
    expect(gasTScore([{ level: 0 }, { level: 0 }, { level: 0 }])).toBe(50);
    expect(gasTScore([{ level: 0, weight: 2 }, { level: 0, weight: 6 }], { rho: 0.5 })).toBe(50);
  });

  it("gives 50 + 10 x level for a single goal, whatever its weight and rho", () => {
    expect(gasTScore([{ level: 1 }])).toBeCloseTo(60, 10);
    expect(gasTScore([{ level: 2, weight: 9 }], { rho: 0 })).toBeCloseTo(70, 10);
    expect(gasTScore([{ level: -3 }])).toBeCloseTo(20, 10);
  });

  it("matches hand-computed values with equal weights", () => {
    // 50 + 10 * 3 / sqrt(0.7 * 3 + 0.3 * 9) = 50 + 30 / sqrt(4.8)
    expect(gasTScore([{ level: 1 }, { level: 1 }, { level: 1 }])).toBeCloseTo(63.693064, 5);
  });

  it("matches hand-computed values with unequal weights", () => {
    // sum wx = 2 - 1 = 1; sum w^2 = 5; sum w = 3: 50 + 10 / sqrt(0.7 * 5 + 0.3 * 9) = 50 + 10 / sqrt(6.2)
    expect(gasTScore([{ level: 1, weight: 2 }, { level: -1, weight: 1 }])).toBeCloseTo(54.016097, 5);
    // weights 3x2 = 6 and 1x2 = 2: sum wx = 4; sum w^2 = 40; sum w = 8: 50 + 40 / sqrt(28 + 19.2)
    expect(gasTScore([{ level: 1, weight: gasWeight({ importance: 3, difficulty: 2 }) }, { level: -1, weight: gasWeight({ importance: 1, difficulty: 2 }) }])).toBeCloseTo(55.822225, 5);
    // sum wx = -6 + 0 + 2 = -4; sum w^2 = 53; sum w = 11: 50 - 40 / sqrt(37.1 + 36.3)
    expect(gasTScore([{ level: -1, weight: 6 }, { level: 0, weight: 4 }, { level: 2, weight: 1 }])).toBeCloseTo(45.331128, 5);
  });

  it("uses the rho it is given", () => {
    // rho 0: 50 + 20 / sqrt(2)
    expect(gasTScore([{ level: 2 }, { level: 0 }], { rho: 0 })).toBeCloseTo(64.142136, 5);
    // rho 0.5: 50 + 20 / sqrt(0.5 * 2 + 0.5 * 4) = 50 + 20 / sqrt(3)
    expect(gasTScore([{ level: 1 }, { level: 1 }], { rho: 0.5 })).toBeCloseTo(61.547005, 5);
    // rho 0.5 with weights 6 and 2: 50 + 40 / sqrt(20 + 32)
    expect(gasTScore([{ level: 1, weight: 6 }, { level: -1, weight: 2 }], { rho: 0.5 })).toBeCloseTo(55.547002, 5);
    expect(gasTScore([{ level: 1 }, { level: 1 }], { rho: 0.3 })).toBe(gasTScore([{ level: 1 }, { level: 1 }]));
  });

  it("agrees with the published coefficient for three unweighted goals", () => {
    // With rho 0.3 and n equal weights, T = 50 + C * sum(x) where C = 10 / sqrt(0.7n + 0.3n^2);
    // for n = 3, C = 10 / sqrt(4.8) = 4.564 (Kiresuk and Sherman's table gives 4.56).
    // Levels +2, 0, -1: sum(x) = 1, so T = 54.564.
    expect(gasTScore([{ level: 2 }, { level: 0 }, { level: -1 }])).toBeCloseTo(54.564355, 5);
  });

  it("counts a -3 (worse than at the start) level", () => {
    // sum wx = -3; denominator sqrt(0.7 * 2 + 0.3 * 4) = sqrt(2.6)
    expect(gasTScore([{ level: -3 }, { level: 0 }])).toBeCloseTo(31.39479, 5);
  });

  it("lets a goal with weight 0 count for nothing", () => {
    expect(gasTScore([{ level: 2, weight: 0 }, { level: 1 }])).toBeCloseTo(60, 10);
  });

  it("throws invalid-argument for programmer errors", () => {
    expect(thrownCode(() => gasTScore([]))).toBe("invalid-argument");
    expect(thrownCode(() => gasTScore([{ level: 3 }]))).toBe("invalid-argument");
    expect(thrownCode(() => gasTScore([{ level: -4 }]))).toBe("invalid-argument");
    expect(thrownCode(() => gasTScore([{ level: 0.5 }]))).toBe("invalid-argument");
    expect(thrownCode(() => gasTScore([{ level: 0 }], { rho: 1 }))).toBe("invalid-argument");
    expect(thrownCode(() => gasTScore([{ level: 0 }], { rho: -0.1 }))).toBe("invalid-argument");
    expect(thrownCode(() => gasTScore([{ level: 0 }], { rho: Number.NaN }))).toBe("invalid-argument");
    expect(thrownCode(() => gasTScore([{ level: 0, weight: -1 }]))).toBe("invalid-argument");
    expect(thrownCode(() => gasTScore([{ level: 0, weight: Number.POSITIVE_INFINITY }]))).toBe("invalid-argument");
    expect(thrownCode(() => gasTScore([{ level: 1, weight: 0 }]))).toBe("invalid-argument");
    expect(thrownCode(() => gasTScore([{ level: 0 }], { rho: 0 }))).toBeUndefined();
  });
});

describe("gasWeight", () => {
  it("multiplies importance by difficulty, or gives 1", () => {
    expect(gasWeight({ importance: 3, difficulty: 2 })).toBe(6);
    expect(gasWeight({ importance: 0, difficulty: 3 })).toBe(0);
    expect(gasWeight({})).toBe(1);
  });

  it("throws for half a rating or values outside 0-3", () => {
    expect(thrownCode(() => gasWeight({ importance: 2 }))).toBe("invalid-argument");
    expect(thrownCode(() => gasWeight({ difficulty: 2 }))).toBe("invalid-argument");
    expect(thrownCode(() => gasWeight({ importance: 4, difficulty: 1 }))).toBe("invalid-argument");
    expect(thrownCode(() => gasWeight({ importance: 1, difficulty: 1.5 }))).toBe("invalid-argument");
  });
});

describe("gasScaleIssues", () => {
  it("accepts a complete scale, with or without -3", () => {
    expect(gasScaleIssues(walkingScale)).toEqual([]);
    expect(gasScaleIssues({ ...walkingScale, levels: [...walkingScale.levels, { level: -3, description: "Not leaving the house." }], baseline: -3 })).toEqual([]);
  });

  it("names each missing level and refuses a baseline that is not on the scale", () => {
    const found = gasScaleIssues({ levels: [{ level: 0, description: "Expected" }, { level: 1, description: "More" }], baseline: -2 });
    expect(found.map((problem) => problem.message)).toEqual([
      "The scale has no description for level -2. Levels -2, -1, 0, +1 and +2 all need one.",
      "The scale has no description for level -1. Levels -2, -1, 0, +1 and +2 all need one.",
      "The scale has no description for level +2. Levels -2, -1, 0, +1 and +2 all need one.",
      "The baseline must be one of the levels described on the scale.",
    ]);
  });

  it("asks for importance and difficulty together", () => {
    expect(gasScaleIssues({ ...walkingScale, difficulty: undefined } as never)).toEqual([
      { path: ["difficulty"], code: "incomplete_weight", message: "Give importance and difficulty together: the weight is their product." },
    ]);
  });
});

const springSet: GasSet = {
  id: "gas-2026-spring",
  person: "person-7f3a9c",
  periodStart: "2026-03-01",
  periodEnd: "2026-05-31",
  entries: [
    { goalId: "goal-walk", scale: walkingScale, attainedLevel: 1 },
    { goalId: "goal-sleep", importance: 1, difficulty: 2, attainedLevel: -1 },
    { goalId: "goal-cook", weight: 0, attainedLevel: 2 },
  ],
};

describe("validateGasSet and scoreGasSet", () => {
  it("scores a set with weights from the scale, from the entry, and given directly", () => {
    const result = scoreGasSet(springSet);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.entries).toEqual([
      { goalId: "goal-walk", level: 1, weight: 6 },
      { goalId: "goal-sleep", level: -1, weight: 2 },
      { goalId: "goal-cook", level: 2, weight: 0 },
    ]);
    expect(result.value.rho).toBe(0.3);
    expect(result.value.tScore).toBeCloseTo(55.822225, 5);
  });

  it("uses the set's rho", () => {
    const result = scoreGasSet({ ...springSet, rho: 0.5 });
    expect(result.ok && result.value.tScore).toBeCloseTo(55.547002, 5);
  });

  it("gives 50 for a set of unweighted goals all at 0", () => {
    const result = scoreGasSet({ id: "gas-1", entries: [{ goalId: "a", attainedLevel: 0 }, { goalId: "b", attainedLevel: 0 }] });
    expect(result.ok && result.value.tScore).toBe(50);
  });

  it("returns issues, never throws, for sets that cannot be scored", () => {
    const result = validateGasSet({
      id: "gas-1",
      periodStart: "2026-05-01",
      periodEnd: "2026-04-01",
      entries: [
        { goalId: "a", scale: { levels: walkingScale.levels.slice(0, 4) }, attainedLevel: -3 },
        { goalId: "a", weight: 2, importance: 1, difficulty: 1, attainedLevel: 0 },
        { goalId: "c", importance: 1, attainedLevel: 0 },
      ],
    });
    expect(!result.ok && result.issues.map((found) => [found.path.join("."), found.code])).toEqual([
      ["entries.0.scale.levels", "missing_gas_level"],
      ["entries.0.attainedLevel", "level_not_on_scale"],
      ["entries.1.weight", "weight_given_twice"],
      ["entries.1.goalId", "duplicate_goal"],
      ["entries.2.difficulty", "incomplete_weight"],
      ["periodEnd", "period_ends_before_start"],
    ]);
  });

  it("refuses an entry whose weight contradicts its scale's importance x difficulty", () => {
    // walkingScale: importance 3 x difficulty 2 = 6.
    const result = validateGasSet({
      id: "gas-1",
      entries: [
        { goalId: "a", scale: walkingScale, weight: 4, attainedLevel: 0 },
        { goalId: "b", scale: walkingScale, importance: 2, difficulty: 2, attainedLevel: 0 },
        { goalId: "c", scale: walkingScale, importance: 2, difficulty: 3, attainedLevel: 0 },
        { goalId: "d", scale: walkingScale, weight: 6, attainedLevel: 0 },
      ],
    });
    expect(!result.ok && result.issues).toEqual([
      {
        path: ["entries", 0, "weight"],
        code: "weight_differs_from_scale",
        message: "This entry's weight differs from the one its scale gives (importance x difficulty). Give the weight in one place, or make them match.",
      },
      {
        path: ["entries", 1, "importance"],
        code: "weight_differs_from_scale",
        message: "This entry's weight differs from the one its scale gives (importance x difficulty). Give the weight in one place, or make them match.",
      },
    ]);
  });

  it("never repeats a rejected value in a message", () => {
    const result = validateGasSet({ id: SENTINEL, person: `${SENTINEL}@example.org`, rho: SENTINEL, entries: [{ goalId: "a", weight: SENTINEL, attainedLevel: SENTINEL }] });
    expect(!result.ok && result.issues.map((found) => found.path.join("."))).toEqual(["person", "rho", "entries.0.weight", "entries.0.attainedLevel"]);
    for (const found of result.ok ? [] : result.issues) expect(found.message).not.toContain("Jane");
  });

  it("refuses a level outside -3..+2 with the schema's issue", () => {
    const result = scoreGasSet({ id: "gas-1", entries: [{ goalId: "a", attainedLevel: 3 }] } as never);
    expect(!result.ok && result.issues[0]).toMatchObject({ path: ["entries", 0, "attainedLevel"], code: "invalid_value" });
  });

  it("refuses a set where every weight is 0", () => {
    const result = scoreGasSet({ id: "gas-1", entries: [{ goalId: "a", importance: 0, difficulty: 3, attainedLevel: 1 }] });
    expect(!result.ok && result.issues).toEqual([
      { path: ["entries"], code: "no_weight", message: "At least one goal needs a weight above 0 (an importance or difficulty of 0 gives a weight of 0)." },
    ]);
  });

  it("refuses a rho of 1 or more", () => {
    const result = validateGasSet({ ...springSet, rho: 1 });
    expect(!result.ok && result.issues[0]).toMatchObject({ path: ["rho"], code: "too_big" });
  });
});

describe("gasTScore properties", () => {
  const level = fc.integer({ min: -3, max: 2 });
  const weight = fc.integer({ min: 1, max: 9 });
  const rho = fc.double({ min: 0, max: 0.95, noNaN: true });

  it("is 50 whenever every goal is at 0, whatever the weights and rho", () => {
    fc.assert(
      fc.property(fc.array(weight, { minLength: 1, maxLength: 8 }), rho, (weights, chosenRho) => {
        expect(gasTScore(weights.map((w) => ({ level: 0, weight: w })), { rho: chosenRho })).toBeCloseTo(50, 9);
      }),
      { numRuns: 150 },
    );
  });

  it("rises when any goal reaches a higher level, and mirrors around 50 when every level is negated", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ level, weight }), { minLength: 1, maxLength: 8 }), fc.nat(), rho, (entries, pick, chosenRho) => {
        const index = pick % entries.length;
        const before = gasTScore(entries, { rho: chosenRho });
        const current = entries[index]!;
        if (current.level < 2) {
          const raised = entries.map((entry, at) => (at === index ? { ...entry, level: entry.level + 1 } : entry));
          expect(gasTScore(raised, { rho: chosenRho })).toBeGreaterThan(before);
        }
        if (entries.every((entry) => entry.level >= -2)) {
          const mirrored = entries.map((entry) => ({ ...entry, level: -entry.level }));
          expect(gasTScore(mirrored, { rho: chosenRho }) - 50).toBeCloseTo(50 - before, 9);
        }
      }),
      { numRuns: 150 },
    );
  });
});
