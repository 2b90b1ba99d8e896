import { describe, expect, it } from "vitest";
import { agreementScale } from "@selfmanage/core";
import {
  IndicatorSet,
  buildActionPlan,
  compareIndicatorCycles,
  evidenceSources,
  recoveryIndicatorSet,
  summariseIndicatorAssessment,
  validateIndicatorAssessment,
  type IndicatorAssessment,
} from "./index";

const smallSet: IndicatorSet = {
  id: "small-set",
  version: "1.0.0",
  title: { en: "Small set" },
  ratingScale: agreementScale,
  evidenceSources: [
    { id: "docs", kind: "documentary", label: { en: "Documents" } },
    { id: "staff", kind: "conversational", label: { en: "Staff" } },
  ],
  indicators: [
    { id: "ind-a", title: { en: "A" }, statements: [{ id: "a1", text: { en: "A one" } }, { id: "a2", text: { en: "A two" } }] },
    { id: "ind-b", title: { en: "B" }, statements: [{ id: "b1", text: { en: "B one" }, sources: ["staff"] }] },
  ],
};

const spring: IndicatorAssessment = {
  id: "spring",
  indicatorSetId: "small-set",
  indicatorSetVersion: "1.0.0",
  cycle: 1,
  periodStart: "2026-03-01",
  periodEnd: "2026-03-31",
  ratings: [
    { statementId: "a1", sourceId: "docs", rating: "agree", evidenceKind: "written", evidence: "Recorded in 8 of 10 plans.", documentRef: "doc-1" },
    { statementId: "a1", sourceId: "docs", rating: "strongly-agree", evidenceKind: "spoken" },
    { statementId: "a1", sourceId: "staff", rating: "disagree", evidenceKind: "spoken" },
    { statementId: "a2", sourceId: "staff", rating: "agree" },
    { statementId: "a2", sourceId: "docs", rating: "not-applicable", evidenceKind: "written" },
    { statementId: "b1", sourceId: "staff", rating: "strongly-disagree" },
    { statementId: "b1", sourceId: "staff", rating: "neutral" },
  ],
};

const autumn: IndicatorAssessment = {
  id: "autumn",
  indicatorSetId: "small-set",
  indicatorSetVersion: "1.0.0",
  ratings: [
    { statementId: "a1", sourceId: "docs", rating: "strongly-agree", evidenceKind: "written" },
    { statementId: "b1", sourceId: "staff", rating: "agree" },
  ],
};

describe("built-in indicator set", () => {
  it("has ten indicators with several statements each, the six evidence sources, and parses with its own schema", () => {
    expect(IndicatorSet.parse(recoveryIndicatorSet)).toEqual(recoveryIndicatorSet);
    expect(recoveryIndicatorSet.indicators).toHaveLength(10);
    for (const indicator of recoveryIndicatorSet.indicators) expect(indicator.statements.length).toBeGreaterThanOrEqual(3);
    expect(evidenceSources.map((source) => [source.id, source.kind])).toEqual([
      ["assessments", "documentary"],
      ["care-plans", "documentary"],
      ["service-information", "documentary"],
      ["staff-conversations", "conversational"],
      ["people-using-service-conversations", "conversational"],
      ["carer-conversations", "conversational"],
    ]);
  });

  it("rejects repeated evidence source ids", () => {
    const parsed = IndicatorSet.safeParse({ ...smallSet, evidenceSources: [...smallSet.evidenceSources, { id: "docs", kind: "conversational", label: { en: "Again" } }] });
    expect(parsed.success ? [] : parsed.error.issues.map((found) => [found.path, (found as { params?: { code?: string } }).params?.code])).toEqual([
      [["evidenceSources", 2, "id"], "duplicate_id"],
    ]);
  });

  it("rejects duplicate ids and unknown sources in a set", () => {
    const broken = {
      ...smallSet,
      indicators: [...smallSet.indicators, { id: "ind-a", title: { en: "A again" }, statements: [{ id: "a1", text: { en: "Dup" }, sources: ["nowhere"] }] }],
    };
    const parsed = IndicatorSet.safeParse(broken);
    expect(parsed.success ? [] : parsed.error.issues.map((found) => [found.path, (found as { params?: { code?: string } }).params?.code])).toEqual([
      [["indicators", 2, "id"], "duplicate_id"],
      [["indicators", 2, "statements", 0, "id"], "duplicate_id"],
      [["indicators", 2, "statements", 0, "sources", 0], "unknown_source"],
    ]);
  });
});

describe("validateIndicatorAssessment", () => {
  it("accepts a valid assessment", () => {
    expect(validateIndicatorAssessment(spring, smallSet)).toEqual({ ok: true, value: spring });
  });

  it("reports unknown statements and sources, inapplicable sources, off-scale ratings and a reversed period", () => {
    const result = validateIndicatorAssessment(
      {
        ...spring,
        periodEnd: "2026-02-01",
        ratings: [
          { statementId: "zz", sourceId: "staff", rating: "agree" },
          { statementId: "a1", sourceId: "nowhere", rating: "agree" },
          { statementId: "b1", sourceId: "docs", rating: "agree", evidenceKind: "written" },
          { statementId: "a2", sourceId: "staff", rating: "7" },
        ],
      },
      smallSet,
    );
    expect(result.ok ? [] : result.issues.map((found) => [found.path, found.code])).toEqual([
      [["periodEnd"], "period_ends_before_start"],
      [["ratings", 0, "statementId"], "unknown_statement"],
      [["ratings", 1, "sourceId"], "unknown_source"],
      [["ratings", 2, "sourceId"], "source_not_applicable"],
      [["ratings", 3, "rating"], "not_on_scale"],
    ]);
  });

  it("reports the same document rated twice for one statement", () => {
    const rated = { statementId: "a1", sourceId: "docs", rating: "agree", evidenceKind: "written" as const, documentRef: "plan-3" };
    const result = validateIndicatorAssessment({ ...spring, ratings: [rated, { ...rated, statementId: "a2" }, { ...rated, rating: "disagree" }, { ...rated, documentRef: "plan-4" }] }, smallSet);
    expect(result.ok ? [] : result.issues.map((found) => [found.path, found.code])).toEqual([[["ratings", 2, "documentRef"], "duplicate_rating"]]);
  });

  it("never repeats a rejected value in a message", () => {
    const SENTINEL = "SENTINEL-Jane-Doe-0123456789";
    const result = validateIndicatorAssessment(
      {
        ...spring,
        service: `${SENTINEL} `,
        ratings: [
          { statementId: SENTINEL, sourceId: SENTINEL, rating: SENTINEL, evidence: SENTINEL },
          { statementId: "a1", sourceId: "staff", rating: "agree", evidence: "" },
        ],
      },
      smallSet,
    );
    const ruleResult = validateIndicatorAssessment({ ...spring, ratings: [{ statementId: SENTINEL, sourceId: SENTINEL, rating: SENTINEL, evidence: SENTINEL }] }, smallSet);
    if (result.ok || ruleResult.ok) throw new Error("expected issues");
    expect(result.issues.map((found) => found.path)).toEqual([["service"], ["ratings", 1, "evidence"]]);
    expect(ruleResult.issues.map((found) => found.code)).toEqual(["unknown_statement", "unknown_source", "not_on_scale"]);
    for (const found of [...result.issues, ...ruleResult.issues]) expect(found.message).not.toContain("SENTINEL");
  });

  it("needs the same set and version, and a well-formed record", () => {
    const codes = (input: unknown) => {
      const result = validateIndicatorAssessment(input, smallSet);
      return result.ok ? [] : result.issues.map((found) => [found.path, found.code]);
    };
    expect(codes({ ...spring, indicatorSetId: "other" })).toEqual([[["indicatorSetId"], "wrong_indicator_set"]]);
    expect(codes({ ...spring, indicatorSetVersion: "2.0.0" })).toEqual([[["indicatorSetVersion"], "wrong_version"]]);
    expect(codes({ ...spring, ratings: [{ statementId: "a1", sourceId: "docs", rating: "agree", evidenceKind: "heard" }] })).toEqual([
      [["ratings", 0, "evidenceKind"], "invalid_value"],
    ]);
  });
});

describe("summariseIndicatorAssessment", () => {
  const summary = summariseIndicatorAssessment(spring, smallSet);

  it("aggregates overall: written documentary evidence only, not applicable excluded", () => {
    // Counted: 4 (written doc), 2, 4, 1, 3 = 14 / 5 = 2.8. One NA excluded; one spoken doc rating set aside.
    expect(summary.overall).toEqual({ mean: 2.8, counted: 5, excluded: 1, setAside: 1 });
    expect([summary.indicatorSetId, summary.indicatorSetVersion, summary.assessmentId]).toEqual(["small-set", "1.0.0", "spring"]);
  });

  it("aggregates per evidence source", () => {
    expect(summary.sources).toEqual([
      { sourceId: "docs", mean: 4, counted: 1, excluded: 1, setAside: 1 },
      { sourceId: "staff", mean: 2.5, counted: 4, excluded: 0, setAside: 0 },
    ]);
  });

  it("aggregates per indicator, with statements and sources", () => {
    const [first, second] = summary.indicators;
    expect(first).toMatchObject({ indicatorId: "ind-a", counted: 3, excluded: 1, setAside: 1 });
    expect(first?.mean).toBeCloseTo(10 / 3, 12);
    expect(first?.statements).toEqual([
      { statementId: "a1", mean: 3, counted: 2, excluded: 0, setAside: 1 },
      { statementId: "a2", mean: 4, counted: 1, excluded: 1, setAside: 0 },
    ]);
    expect(first?.sources).toEqual([
      { sourceId: "docs", mean: 4, counted: 1, excluded: 1, setAside: 1 },
      { sourceId: "staff", mean: 3, counted: 2, excluded: 0, setAside: 0 },
    ]);
    expect(second).toEqual({
      indicatorId: "ind-b",
      mean: 2,
      counted: 2,
      excluded: 0,
      setAside: 0,
      statements: [{ statementId: "b1", mean: 2, counted: 2, excluded: 0, setAside: 0 }],
      sources: [
        { sourceId: "docs", mean: null, counted: 0, excluded: 0, setAside: 0 },
        { sourceId: "staff", mean: 2, counted: 2, excluded: 0, setAside: 0 },
      ],
    });
  });

  it("never drops a rating that does not fit the set silently: it is a programmer error", () => {
    const invalid = expect.objectContaining({ code: "invalid-argument" });
    expect(() => summariseIndicatorAssessment({ ...autumn, ratings: [{ statementId: "zz", sourceId: "staff", rating: "agree" }] }, smallSet)).toThrow(invalid);
    expect(() => summariseIndicatorAssessment({ ...autumn, ratings: [{ statementId: "a1", sourceId: "nowhere", rating: "agree" }] }, smallSet)).toThrow(invalid);
    expect(() => summariseIndicatorAssessment({ ...autumn, ratings: [{ statementId: "a1", sourceId: "staff", rating: "9" }] }, smallSet)).toThrow(invalid);
    expect(() => summariseIndicatorAssessment({ ...autumn, indicatorSetVersion: "2.0.0" }, smallSet)).toThrow(invalid);
    expect(() => summariseIndicatorAssessment({ ...autumn, indicatorSetId: "other" }, smallSet)).toThrow(invalid);
    expect(summariseIndicatorAssessment({ ...autumn, ratings: [] }, smallSet).overall).toEqual({ mean: null, counted: 0, excluded: 0, setAside: 0 });
  });

  it("summarises an assessment against the built-in set", () => {
    const built = summariseIndicatorAssessment(
      {
        id: "cycle-1",
        indicatorSetId: "recovery-indicators",
        indicatorSetVersion: "1.0.0",
        ratings: [
          { statementId: "goals-1", sourceId: "care-plans", rating: "strongly-agree", evidenceKind: "written" },
          { statementId: "goals-1", sourceId: "people-using-service-conversations", rating: "agree" },
        ],
      },
      recoveryIndicatorSet,
    );
    expect(built.overall.mean).toBe(4.5);
    expect(built.indicators.find((entry) => entry.indicatorId === "goals")?.mean).toBe(4.5);
    expect(built.sources).toHaveLength(6);
  });
});

describe("buildActionPlan", () => {
  const summary = summariseIndicatorAssessment(spring, smallSet);

  it("lists strengths and improvements by statement, with owner and date on improvements", () => {
    expect(buildActionPlan(summary, { owner: "team-lead", dueDate: "2026-06-30", reviewDate: "2026-09-01" })).toEqual({
      indicatorSetId: "small-set",
      indicatorSetVersion: "1.0.0",
      assessmentId: "spring",
      reviewDate: "2026-09-01",
      strengths: [{ indicatorId: "ind-a", statementId: "a2", mean: 4 }],
      improvements: [{ indicatorId: "ind-b", statementId: "b1", mean: 2, owner: "team-lead", dueDate: "2026-06-30" }],
    });
  });

  it("orders entries and honours custom thresholds", () => {
    const plan = buildActionPlan(summary, { strengthAtLeast: 3, improveBelow: 2.5 });
    // a1 = 3 and a2 = 4 are strengths (highest first); b1 = 2 needs improvement.
    expect(plan.strengths.map((entry) => entry.statementId)).toEqual(["a2", "a1"]);
    expect(plan.improvements).toEqual([{ indicatorId: "ind-b", statementId: "b1", mean: 2 }]);
    const lowFirst = buildActionPlan(summary, { strengthAtLeast: 5, improveBelow: 5 });
    expect(lowFirst.improvements.map((entry) => entry.statementId)).toEqual(["b1", "a1", "a2"]);
    expect(() => buildActionPlan(summary, { strengthAtLeast: 3, improveBelow: 4 })).toThrow(expect.objectContaining({ code: "invalid-argument" }));
  });
});

describe("compareIndicatorCycles", () => {
  it("compares overall, per indicator and per source", () => {
    const before = summariseIndicatorAssessment(spring, smallSet);
    const after = summariseIndicatorAssessment(autumn, smallSet);
    const comparison = compareIndicatorCycles(before, after);
    // After: 5 (written doc) and 4 = 4.5 overall.
    expect(comparison.overall.before).toBe(2.8);
    expect(comparison.overall.after).toBe(4.5);
    expect(comparison.overall.change).toBeCloseTo(1.7, 12);
    expect(comparison.overall.trend).toBe("better");
    expect(comparison.indicators.map((entry) => [entry.indicatorId, entry.after, entry.trend])).toEqual([
      ["ind-a", 5, "better"],
      ["ind-b", 4, "better"],
    ]);
    expect(comparison.sources).toEqual([
      { sourceId: "docs", before: 4, after: 5, change: 1, trend: "better" },
      { sourceId: "staff", before: 2.5, after: 4, change: 1.5, trend: "better" },
    ]);
    expect([comparison.beforeAssessmentId, comparison.afterAssessmentId]).toEqual(["spring", "autumn"]);
  });

  it("marks groups worse, the same, or not comparable", () => {
    const before = summariseIndicatorAssessment(autumn, smallSet);
    const after = summariseIndicatorAssessment({ ...autumn, id: "winter", ratings: [{ statementId: "a1", sourceId: "docs", rating: "agree", evidenceKind: "written" }] }, smallSet);
    const comparison = compareIndicatorCycles(before, after);
    expect(comparison.indicators).toEqual([
      { indicatorId: "ind-a", before: 5, after: 4, change: -1, trend: "worse" },
      { indicatorId: "ind-b", before: 4, after: null, change: null, trend: "not-comparable" },
    ]);
    expect(compareIndicatorCycles(before, before).overall.trend).toBe("same");
    const fewer = { ...after, indicators: after.indicators.slice(0, 1) };
    expect(compareIndicatorCycles(before, fewer).indicators[1]).toEqual({ indicatorId: "ind-b", before: 4, after: null, change: null, trend: "not-comparable" });
  });

  it("refuses to compare cycles of different indicator sets", () => {
    const summary = summariseIndicatorAssessment(spring, smallSet);
    expect(() => compareIndicatorCycles(summary, { ...summary, indicatorSetId: "other" })).toThrow(expect.objectContaining({ code: "invalid-argument" }));
  });
});
