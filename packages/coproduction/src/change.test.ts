import { describe, expect, it } from "vitest";
import { isSelfManageError } from "@selfmanage/core";
import { assemble, crowd, miniFramework, type Person } from "../test/fixtures";
import { compareAssessments } from "./change";

const springPeople = [...crowd("p", "person", 5, { a: "disagree", b: "neutral", c: "neutral" }), ...crowd("s", "practitioner", 5, { a: "agree", b: "agree", c: "disagree" })];
const spring = assemble(springPeople, { id: "spring", date: "2026-04-01", involvement: [{ stage: "design", perspective: "person", level: "consultation" }] });
const autumn = assemble(
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
);

describe("compareAssessments", () => {
  const change = compareAssessments(spring, autumn, miniFramework);

  it("gives the change overall, per principle and per side, on 0-100", () => {
    // spring p1: person mean(25, 50) = 37.5, practitioner 75 -> 56.25; p2: person 50, practitioner 75 -> 62.5
    // autumn p1: person 75, practitioner mean(75, 100) = 87.5 -> 81.25; p2 unchanged 62.5
    // overall: spring person 43.75, practitioner 75 -> 59.375; autumn person 62.5, practitioner 81.25 -> 71.875
    expect(change.principles.map(({ principleId, before, after, change: moved }) => ({ principleId, before, after, moved }))).toEqual([
      { principleId: "p1", before: 56.25, after: 81.25, moved: 25 },
      { principleId: "p2", before: 62.5, after: 62.5, moved: 0 },
    ]);
    expect(change.overall).toMatchObject({ before: 59.375, after: 71.875, change: 12.5, withheld: null });
    expect(change.overall.sides).toEqual({
      "using-services": { before: 43.75, after: 62.5, change: 18.75, withheld: null },
      "providing-services": { before: 75, after: 81.25, change: 6.25, withheld: null },
    });
    expect(change.principles[0]?.byPerspective.person).toEqual({ before: 37.5, after: 75, change: 37.5, withheld: null });
    expect(change.indicators.map((indicator) => [indicator.indicatorId, indicator.change])).toEqual([
      ["a", 25],
      ["b", 25],
      ["c", 0],
    ]);
    expect(change).toMatchObject({
      initiative: "peer-hub",
      frameworkId: "mini",
      minimumRespondents: 5,
      before: { assessmentId: "spring", date: "2026-04-01" },
      after: { assessmentId: "autumn", date: "2026-10-01" },
    });
  });

  it("gives no change where either side is suppressed", () => {
    // two carers in autumn only: suppressed, so there is nothing to compare
    expect(change.principles[0]?.byPerspective.carer).toEqual({ before: null, after: null, change: null, withheld: "not-reported" });
    expect(change.overall.byPerspective.carer).toEqual({ before: null, after: null, change: null, withheld: "not-reported" });
  });

  it("reports ladder steps and tokenism flags resolved or raised", () => {
    expect(change.ladder).toEqual({ before: "consultation", after: "co-design", steps: 2 });
    expect(change.tokenism).toEqual({ resolved: ["never-deciding"], raised: [] });
    expect(compareAssessments(autumn, spring, miniFramework).tokenism).toEqual({ resolved: [], raised: ["never-deciding"] });
    expect(compareAssessments(spring, { ...autumn, involvement: [] }, miniFramework).ladder.steps).toBeNull();
  });

  it("refuses to compare different initiatives or frameworks, or rounds that move peer workers between sides", () => {
    const refuses = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isSelfManageError(error, "invalid-argument");
      }
      return false;
    };
    expect(refuses(() => compareAssessments(spring, { ...autumn, initiative: "other" }, miniFramework))).toBe(true);
    expect(refuses(() => compareAssessments(spring, { ...autumn, framework: "other" }, miniFramework))).toBe(true);
    expect(refuses(() => compareAssessments(spring, { ...autumn, partnershipSides: { "peer-worker": "using-services" } }, miniFramework))).toBe(true);
  });
});

describe("compareAssessments and the membership rule", () => {
  const staff = crowd("s", "practitioner", 6, { a: "agree", b: "agree", c: "agree" });
  const people = crowd("p", "person", 5, { a: "neutral", b: "neutral", c: "neutral" });
  const late: Person = { id: "s-late", perspective: "practitioner", answers: { a: "strongly-disagree", b: "dont-know", c: "agree" } };
  const first = assemble([...people, ...staff], { id: "first" });

  it("withholds a group's change when one late response is the only difference, and every figure built on it", () => {
    const second = assemble([...people, ...staff, late], { id: "second" });
    const change = compareAssessments(first, second, miniFramework);
    const withheld = { before: null, after: null, change: null, withheld: "membership" };
    // a and c: the late practitioner rated them, so the practitioners' change would be that one answer
    expect(change.indicators[0]?.byPerspective.practitioner).toEqual(withheld);
    expect(change.indicators[2]?.byPerspective.practitioner).toEqual(withheld);
    expect(change.indicators[0]).toMatchObject(withheld);
    expect(change.indicators[0]?.sides["providing-services"]).toEqual(withheld);
    // b: they answered don't know, so nothing changed there and the change is given
    expect(change.indicators[1]?.byPerspective.practitioner).toEqual({ before: 75, after: 75, change: 0, withheld: null });
    expect(change.principles[0]?.byPerspective.practitioner).toEqual(withheld);
    expect(change.overall).toMatchObject(withheld);
    // the people who use services are the same five: their change is given
    expect(change.overall.sides["using-services"]).toEqual({ before: 50, after: 50, change: 0, withheld: null });
    expect(change.overall.byPerspective.person).toEqual({ before: 50, after: 50, change: 0, withheld: null });
  });

  it("gives the change when the membership differs by at least the minimum, or not at all", () => {
    const newcomers = crowd("new", "practitioner", 5, { a: "strongly-disagree", b: "strongly-disagree", c: "strongly-disagree" });
    const grown = compareAssessments(first, assemble([...people, ...staff, ...newcomers], { id: "grown" }), miniFramework);
    expect(grown.overall.withheld).toBeNull();
    // practitioners on a: 6 x 75 then (6 x 75 + 5 x 0) / 11 = 40.9, rounded to the nearest 12.5 (25 x 5 / 11 = 11.4): 37.5
    expect(grown.indicators[0]?.byPerspective.practitioner).toEqual({ before: 75, after: 37.5, change: -37.5, withheld: null });
    // a fresh set of references for every round counts as everyone different
    const renamed = assemble([...people, ...crowd("t", "practitioner", 6, { a: "neutral", b: "agree", c: "agree" })], { id: "renamed" });
    expect(compareAssessments(first, renamed, miniFramework).indicators[0]?.byPerspective.practitioner).toEqual({ before: 75, after: 50, change: -25, withheld: null });
  });

  it("withholds a combined change that compares a two-sided score with a one-sided one", () => {
    const staffOnly = assemble(staff, { id: "staff-only" });
    const marked = compareAssessments(first, staffOnly, miniFramework, { oneSided: "mark" });
    // practitioners: p1 75, p2 25 (c is worded the other way round), so 50 overall; people 50
    expect(marked.overall).toMatchObject({ before: 50, after: 50, change: null, withheld: "partnership" });
    expect(marked.overall.sides["providing-services"]).toEqual({ before: 50, after: 50, change: 0, withheld: null });
    const withheldByDefault = compareAssessments(first, staffOnly, miniFramework);
    expect(withheldByDefault.overall).toMatchObject({ before: 50, after: null, change: null, withheld: "not-reported" });
  });
});
