import { nefPrinciplesFramework, type Assessment, type AssessmentScore } from "@selfmanage/coproduction";
import type { Goal, GoalTimeline, PersonGoalsSummary } from "@selfmanage/goals";
import { recoveryIndicatorSet, type ActionPlan, type IndicatorAssessment, type IndicatorSummary } from "@selfmanage/recovery";
import { describe, expect, it } from "vitest";
import { renderCoproductionReport } from "../src/reports/coproduction";
import { checkInText, renderGoalsReport } from "../src/reports/goals";
import { cycleName, renderIndicatorReport } from "../src/reports/indicators";
import { checkReport } from "./html-check";

const assessment: Assessment = { id: "a-1", initiative: "fictional-hub", framework: nefPrinciplesFramework.id, date: "2026-04-01", respondents: [], ratings: [], involvement: [] };

describe("co-production report edge cases", () => {
  it("says plainly when nothing could be scored and nobody with lived experience took part", () => {
    const side = { score: null, ratings: null, status: "absent", share: 0, perspectives: [], rounding: null };
    const notReported = { score: null, ratings: 0, status: "not-reported", oneSided: null, sides: { "using-services": side, "providing-services": side, gap: null } };
    const score = {
      assessmentId: "a-1",
      initiative: "fictional-hub",
      frameworkId: nefPrinciplesFramework.id,
      date: "2026-04-01",
      weighting: "partnership-parity",
      oneSided: "withhold",
      rounding: "by-group-size",
      minimumRespondents: 5,
      gapThreshold: 20,
      overall: { ...notReported, byPerspective: {} },
      principles: [{ principleId: "unknown-principle", ...notReported, byPerspective: { practitioner: { score: 80, ratings: 5, suppressed: false, rounding: 25 } } }],
      indicators: [],
      perspectives: [{ perspective: "practitioner", side: "providing-services", respondents: 5, suppressed: false, weight: 1, share: 0 }],
      gaps: [{ principleId: "unknown-principle", higher: "practitioner", lower: "person", difference: 30.4, flagged: true }],
      ladder: { level: null, byStage: [{ stage: "design", level: null, byPerspective: {} }] },
      tokenism: [{ code: "no-lived-experience-respondents", message: "Nobody with lived experience rated the initiative." }],
      strengths: [{ principleId: "unknown-principle", indicatorId: "unknown-indicator", score: 80 }],
      priorities: [],
    } as unknown as AssessmentScore;
    const html = renderCoproductionReport({ assessment, framework: nefPrinciplesFramework, score, generatedAt: "2026-04-28T10:00:00Z" });
    checkReport(html);
    expect(html).toContain("Overall co-production score: not enough ratings to score");
    expect(html).toContain("Participation ladder: no lived-experience involvement recorded.");
    expect(html).toContain("<td>no lived experience involved</td>");
    expect(html).toContain("unknown-principle: Practitioner rated 30 points higher than Person with lived experience.");
    expect(html).toContain("unknown-principle: unknown-indicator (80)");
    expect(html).toContain("1 possible sign of tokenism");
    expect(html).toContain("<p>None.</p>");
  });
});

describe("indicator report edge cases", () => {
  const summary = (mean: number | null): IndicatorSummary => ({
    indicatorSetId: recoveryIndicatorSet.id,
    indicatorSetVersion: recoveryIndicatorSet.version,
    assessmentId: "c-1",
    overall: { mean, counted: 0, excluded: 0, setAside: 0 },
    sources: [],
    indicators: [],
  });
  const cycle: IndicatorAssessment = { id: "c-1", indicatorSetId: recoveryIndicatorSet.id, indicatorSetVersion: recoveryIndicatorSet.version, ratings: [] };
  const plan: ActionPlan = { indicatorSetId: recoveryIndicatorSet.id, indicatorSetVersion: recoveryIndicatorSet.version, assessmentId: "c-1", strengths: [], improvements: [{ indicatorId: "gone", statementId: "gone-1", mean: 2 }] };

  it("shows missing ratings as gaps, and unknown ids as they are", () => {
    const html = renderIndicatorReport({ set: recoveryIndicatorSet, cycles: [{ assessment: cycle, summary: summary(null) }], actionPlan: plan, generatedAt: "2026-04-28T10:00:00Z" });
    checkReport(html);
    expect(html).toContain("Cycle 1: mean – from 0 ratings");
    expect(html).toContain("no ratings");
    expect(html).toContain("gone: gone-1 (mean 2)");
    expect(html).toContain("<title>Recovery indicators</title>");
  });

  it("names cycles by number and period", () => {
    expect(cycleName({ ...cycle, cycle: 3, periodStart: "2026-01-01", periodEnd: "2026-03-31" }, 0)).toBe("Cycle 3 (2026-01-01 to 2026-03-31)");
    expect(cycleName(cycle, 1)).toBe("Cycle 2");
  });
});

describe("goals report edge cases", () => {
  it("reads kindly when nothing is due and no GAS levels are recorded", () => {
    const goal = { id: "goal-1", ownWords: "Walk more" } as Goal;
    const timeline = { goalId: "goal-1", lifecycleStatus: "proposed", startDate: "2026-04-01", endDate: "2026-04-28", events: [{ date: "2026-04-01", kind: "created", label: "Goal recorded" }], ratings: [], gasLevels: [], stepsDone: 0, stepsTotal: 0, review: { state: "up-to-date", due: "2026-05-01", message: "Up to date." } } as unknown as GoalTimeline;
    const summary = { total: 1, open: 1, notReviewedYet: 0, nextSteps: [{ goalId: "goal-1", stepId: "s", description: "Buy shoes", owner: { role: "person" } }] } as unknown as PersonGoalsSummary;
    const html = renderGoalsReport({ goals: [goal], timelines: [timeline], summary, today: "2026-04-28", generatedAt: "2026-04-28T10:00:00Z" });
    checkReport(html);
    expect(html).toContain("1 goal, 1 open.");
    expect(html).toContain("Every open goal has an up-to-date check-in.");
    expect(html).toContain("No Goal Attainment Scaling levels recorded yet.");
    expect(html).toContain('<p class="card-title">Buy shoes</p><dl><div><dt>By</dt><dd>no date set</dd></div><div><dt>Who</dt><dd>Person with lived experience</dd></div><div><dt>Goal</dt><dd>Walk more</dd></div></dl>');
    expect(html).toContain("<dd>First check-in planned by 2026-05-01.</dd>");
    expect(html).toContain("<dt>Progress</dt><dd>not recorded</dd>");
  });
});

describe("check-in wording", () => {
  const timeline = (review: GoalTimeline["review"], checkIns: string[]): GoalTimeline =>
    ({ goalId: "g", events: checkIns.map((date) => ({ date, kind: "reviewed", label: "Check-in" })), review }) as unknown as GoalTimeline;

  it("names the missed check-in and its due date, and the last one held", () => {
    expect(checkInText(timeline({ state: "not-reviewed-yet", due: "2026-04-06", message: "" }, ["2026-02-01", "2026-03-09"]))).toBe("Check-in due by 2026-04-06 has not happened yet; the last one was on 2026-03-09.");
    expect(checkInText(timeline({ state: "not-reviewed-yet", due: "2026-04-06", message: "" }, []))).toBe("The first check-in was due by 2026-04-06 and has not happened yet.");
    expect(checkInText(timeline({ state: "up-to-date", due: "2026-05-18", message: "" }, ["2026-04-20"]))).toBe("Last check-in on 2026-04-20; the next is planned by 2026-05-18.");
    expect(checkInText(timeline({ state: "not-needed", message: "" }, ["2026-03-30"]))).toBe("Closed: no check-in is planned. The last one was on 2026-03-30.");
    expect(checkInText(timeline({ state: "not-needed", message: "" }, []))).toBe("Closed: no check-in is planned.");
    expect(checkInText(timeline({ state: "up-to-date", message: "" }, []))).toBe("First check-in planned by an unknown date.");
  });
});
