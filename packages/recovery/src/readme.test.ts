import { describe, expect, it } from "vitest";
import { localise } from "@selfmanage/core";
import {
  buildActionPlan,
  classifyChange,
  recoveryIndicatorSet,
  scoreResponse,
  serviceExperienceQuestionnaire,
  summariseIndicatorAssessment,
  validateIndicatorAssessment,
} from "./index";

// The README's examples, run with the figures it promises.
describe("README examples", () => {
  it("1. scores the service experience questionnaire", () => {
    const result = scoreResponse(serviceExperienceQuestionnaire, {
      instrumentId: "service-experience",
      instrumentVersion: "1.0.0",
      answers: {
        "right-help-right-time": "agree",
        "fits-my-needs": "strongly-agree",
        "plans-and-goals": "agree",
        "strengths-seen": "neutral",
        "self-management": "strongly-agree",
        "community-links": "not-applicable",
        "listened-to": "agree",
      },
    });
    if (!result.ok) throw new Error("expected a score");
    const score = result.value;
    expect(score.total).toBe(4.17);
    expect(score.band && localise(score.band.label)).toBe("Feels recovery-focused");
    expect([score.completeness, score.missingDataRuleApplied]).toEqual([0.75, "minimum-answered"]);
  });

  it("3. classifies change", () => {
    const outcome = classifyChange(20, 8, { standardDeviation: 5, reliability: 0.84, cutOff: 10 }, "lower-is-better");
    expect(outcome.rci).toBeCloseTo(-4.24, 2);
    expect(outcome.classification).toBe("recovered");
  });

  it("4. assesses a service and drafts an action plan", () => {
    const checked = validateIndicatorAssessment(
      {
        id: "2026-spring",
        indicatorSetId: "recovery-indicators",
        indicatorSetVersion: "1.0.0",
        ratings: [
          { statementId: "goals-1", sourceId: "care-plans", rating: "agree", evidenceKind: "written", evidence: "Own goals in 7 of 10 plans." },
          { statementId: "goals-1", sourceId: "people-using-service-conversations", rating: "disagree" },
          { statementId: "basic-needs-2", sourceId: "staff-conversations", rating: "not-applicable" },
        ],
      },
      recoveryIndicatorSet,
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    const summary = summariseIndicatorAssessment(checked.value, recoveryIndicatorSet);
    // (4 + 2) / 2 = 3: neither a strength nor an improvement at the default thresholds.
    expect(summary.overall).toEqual({ mean: 3, counted: 2, excluded: 1, setAside: 0 });
    const plan = buildActionPlan(summary, { owner: "service-manager", dueDate: "2026-09-30" });
    expect([plan.strengths, plan.improvements]).toEqual([[], []]);
  });
});
