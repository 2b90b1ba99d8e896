import { describe, expect, it } from "vitest";
import { isSelfManageError } from "@selfmanage/core";
import { assemble, crowd, miniFramework } from "../test/fixtures";
import { compareAssessments } from "./change";
import { scoreAssessment } from "./scoring";

const spring = scoreAssessment(
  assemble([...crowd("p", "person", 5, { a: "disagree", b: "neutral", c: "neutral" }), ...crowd("s", "practitioner", 5, { a: "agree", b: "agree", c: "disagree" })], {
    id: "spring",
    date: "2026-04-01",
    involvement: [{ stage: "design", perspective: "person", level: "consultation" }],
  }),
  miniFramework,
);
const autumn = scoreAssessment(
  assemble(
    [
      ...crowd("p", "person", 5, { a: "agree", b: "agree", c: "neutral" }),
      ...crowd("s", "practitioner", 5, { a: "agree", b: "strongly-agree", c: "disagree" }),
      ...crowd("c", "carer", 2, { a: "agree" }),
    ],
    {
      id: "autumn",
      date: "2026-10-01",
      involvement: ["design", "delivery", "evaluation"].map((stage) => ({ stage, perspective: "person" as const, level: "co-design" as const })),
    },
  ),
  miniFramework,
);

describe("compareAssessments", () => {
  const change = compareAssessments(spring, autumn);

  it("gives the change overall and per principle, on 0-100", () => {
    // spring p1: person mean(25, 50) = 37.5, practitioner 75 -> 56.25; p2: person 50, practitioner 75 -> 62.5; overall 59.375
    // autumn p1: person 75, practitioner mean(75, 100) = 87.5 -> 81.25; p2 unchanged 62.5; overall 71.875
    expect(change.principles.map(({ principleId, before, after, change: moved }) => ({ principleId, before, after, moved }))).toEqual([
      { principleId: "p1", before: 56.25, after: 81.25, moved: 25 },
      { principleId: "p2", before: 62.5, after: 62.5, moved: 0 },
    ]);
    expect(change.overall).toMatchObject({ before: 59.375, after: 71.875, change: 12.5 });
    expect(change.principles[0]?.byPerspective.person).toEqual({ before: 37.5, after: 75, change: 37.5 });
    expect(change).toMatchObject({ initiative: "peer-hub", frameworkId: "mini", before: { assessmentId: "spring", date: "2026-04-01" }, after: { assessmentId: "autumn", date: "2026-10-01" } });
  });

  it("gives no change where either side is suppressed", () => {
    // two carers in autumn only: suppressed, so there is nothing to compare
    expect(change.principles[0]?.byPerspective.carer).toEqual({ before: null, after: null, change: null });
    expect(change.overall.byPerspective.carer).toEqual({ before: null, after: null, change: null });
  });

  it("reports ladder steps and tokenism flags resolved or raised", () => {
    expect(change.ladder).toEqual({ before: "consultation", after: "co-design", steps: 2 });
    expect(change.tokenism).toEqual({ resolved: ["never-deciding"], raised: [] });
    const back = compareAssessments(autumn, spring);
    expect(back.tokenism).toEqual({ resolved: [], raised: ["never-deciding"] });
    const none = compareAssessments(spring, { ...autumn, ladder: { level: null, byStage: [] } });
    expect(none.ladder.steps).toBeNull();
  });

  it("compares principles missing on one side as not reported", () => {
    const partial = compareAssessments(spring, { ...autumn, principles: autumn.principles.slice(0, 1) });
    expect(partial.principles[1]).toEqual({ principleId: "p2", before: 62.5, after: null, change: null, byPerspective: { person: { before: 50, after: null, change: null }, practitioner: { before: 75, after: null, change: null } } });
  });

  it("refuses to compare different initiatives, frameworks or weightings", () => {
    const refuses = (other: typeof autumn) => {
      try {
        compareAssessments(spring, other);
      } catch (error) {
        return isSelfManageError(error, "invalid-argument");
      }
      return false;
    };
    expect(refuses({ ...autumn, initiative: "other" })).toBe(true);
    expect(refuses({ ...autumn, frameworkId: "other" })).toBe(true);
    expect(refuses({ ...autumn, weighting: "headcount" })).toBe(true);
  });
});

describe("compareAssessments with explicit weights", () => {
  it("refuses results weighted with different explicit weights, and accepts the same ones", () => {
    const people = [...crowd("p", "person", 5, { a: "agree" }), ...crowd("s", "practitioner", 5, { a: "neutral" })];
    const weighted = (weights: { person: number }) => scoreAssessment(assemble(people), miniFramework, { perspectiveWeights: weights });
    // person 75 and practitioner 50: (2 * 75 + 50) / 3 = 66.67 both times, so no change.
    expect(compareAssessments(weighted({ person: 2 }), weighted({ person: 2 })).overall.change).toBe(0);
    expect(() => compareAssessments(weighted({ person: 2 }), weighted({ person: 3 }))).toThrow(expect.objectContaining({ code: "invalid-argument" }));
  });
});
