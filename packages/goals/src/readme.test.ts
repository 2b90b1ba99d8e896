import { describe, expect, it } from "vitest";
import {
  assessGoal,
  canTransition,
  type Goal,
  gasTScore,
  gasWeight,
  lifecycleTransitions,
  scoreGasSet,
  summariseGoalProgress,
  summarisePersonGoals,
  transitionGoal,
  validateCoachingCourse,
  validateGoal,
  validateWellnessRecoveryActionPlan,
  wrapSections,
} from "./index";

// The README's examples, run with the results it promises, so that they cannot drift.
describe("README examples", () => {
  it("1. validates a goal, then gives the feedback the README lists", () => {
    const input: unknown = {
      id: "goal-walk",
      person: "person-7f3a9c",
      ownWords: "I want to walk to the park again, like I used to with the dog.",
      lifeArea: "physical-health",
      expressedBy: "person",
      smart: { targetActivity: "Walk to the park and back", startDate: "2026-03-02" },
      readiness: { importance: 9, confidence: 5 },
      steps: [{ id: "step-1", description: "Put my walking shoes by the door", owner: { role: "person" }, status: "to-do" }],
      lifecycleStatus: "active",
      created: { recordedBy: "practitioner-12", role: "practitioner", recordedAt: "2026-03-02T10:00:00Z" },
    };
    const result = validateGoal(input);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const feedback = assessGoal(result.value, { today: "2026-03-02", otherActiveGoals: 1 });
    expect(feedback.map((found) => `${found.severity}: ${found.code}`)).toEqual([
      "suggestion: missing_measure",
      "suggestion: missing_date",
      "info: missing_support",
      "suggestion: low_confidence",
    ]);
    expect(feedback[3]?.message).toBe("Confidence is below 7 out of 10, which is common. A smaller first step that feels very doable can build it up.");
    const { steps, ...rest } = input as { steps: Array<Record<string, unknown>> };
    const withoutOwner = validateGoal({ ...rest, steps: [{ ...steps[0], owner: undefined }] });
    expect(!withoutOwner.ok && withoutOwner.issues[0]).toMatchObject({ path: ["steps", 0, "owner"], code: "step_without_owner" });
  });

  it("2. moves a goal through its lifecycle", () => {
    const goal: Goal = {
      id: "goal-sleep",
      person: "person-7f3a9c",
      ownWords: "Sleep through more nights so I am not so tired at work.",
      lifeArea: "rest-and-sleep",
      expressedBy: "person",
      lifecycleStatus: "proposed",
      created: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-03-05T21:00:00Z" },
    };
    expect(lifecycleTransitions.proposed).toEqual(["planned", "accepted", "active", "rejected", "cancelled", "entered-in-error"]);
    expect(canTransition("proposed", "completed")).toBe(false);
    const started = transitionGoal(goal, {
      to: "active",
      achievementStatus: "in-progress",
      reason: "Agreed a wind-down routine together.",
      provenance: { recordedBy: "practitioner-12", role: "practitioner", recordedAt: "2026-03-06T10:00:00Z" },
    });
    expect(started.ok && started.value.history?.map((change) => [change.from, change.to])).toEqual([["proposed", "active"]]);
    const refused = transitionGoal(goal, {
      to: "completed",
      reason: "Skipping ahead.",
      provenance: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-03-06T10:00:00Z" },
    });
    expect(!refused.ok && refused.issues[0]?.code).toBe("illegal_transition");
  });

  it("3. scores Goal Attainment Scaling", () => {
    expect(gasTScore([{ level: 0 }, { level: 0 }])).toBe(50);
    expect(gasTScore([{ level: 1, weight: gasWeight({ importance: 3, difficulty: 2 }) }, { level: -1, weight: 2 }]).toFixed(2)).toBe("55.82");
    expect(gasTScore([{ level: 1 }, { level: 1 }], { rho: 0.5 }).toFixed(2)).toBe("61.55");
    const scored = scoreGasSet({
      id: "gas-2026-spring",
      entries: [
        { goalId: "goal-walk", importance: 3, difficulty: 2, attainedLevel: 1 },
        { goalId: "goal-sleep", attainedLevel: -3 },
      ],
    });
    // sum wx = 6 - 3 = 3; sum w^2 = 37; sum w = 7: 50 + 30 / sqrt(25.9 + 14.7) = 54.708
    expect(scored.ok && scored.value.tScore.toFixed(1)).toBe("54.7");
  });

  it("4. summarises progress for a timeline and an overview", () => {
    const goal: Goal = {
      id: "goal-walk",
      person: "person-7f3a9c",
      ownWords: "Walk to the park again.",
      lifeArea: "physical-health",
      expressedBy: "person",
      gas: {
        levels: [
          { level: -2, description: "Not walking outside." },
          { level: -1, description: "To the end of the street." },
          { level: 0, description: "To the park twice a week." },
          { level: 1, description: "To the park four times a week." },
          { level: 2, description: "To the park every day." },
        ],
        baseline: -2,
      },
      reviews: [{ date: "2026-03-16", progress: "Reached the park gate once.", rating: 4, gasLevel: -1 }],
      lifecycleStatus: "active",
      created: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-03-02T10:00:00Z" },
    };
    expect(validateGoal(goal).ok).toBe(true);
    const timeline = summariseGoalProgress(goal, { today: "2026-04-20" });
    expect(timeline.events.map((event) => `${event.date} ${event.label}`)).toEqual(["2026-03-02 Goal recorded", "2026-03-16 Check-in", "2026-03-16 GAS level -1"]);
    expect(timeline.review.message.startsWith("Not reviewed yet: a check-in is a good moment to")).toBe(true);
    const overview = summarisePersonGoals([goal], { today: "2026-04-20" });
    expect([overview.byLifecycle.active, overview.notReviewedYet, overview.gas?.tScore]).toEqual([1, 1, 40]);
  });

  it("5. checks a coaching course and a WRAP", () => {
    const course = validateCoachingCourse({
      id: "course-1",
      person: "person-7f3a9c",
      sessions: [
        {
          number: 1,
          date: "2026-03-02",
          durationMinutes: 50,
          grow: { goal: "Walk more", reality: "Mostly indoors", options: "Canal path; walking group", wayForward: "Canal path twice" },
          agreedActions: [{ id: "action-1", description: "Walk the canal path twice", owner: "person" }],
        },
        {
          number: 2,
          date: "2026-03-16",
          durationMinutes: 45,
          grow: { goal: "Reach the park", reality: "Two walks done", options: "Bench halfway", wayForward: "Park on Friday" },
          agreedActions: [{ id: "action-2", description: "Walk to the park on Friday", owner: "person" }],
        },
      ],
    });
    expect(!course.ok && course.issues.map((found) => found.code)).toEqual(["previous_actions_not_reviewed"]);
    expect(wrapSections).toHaveLength(7);
    const plan = validateWellnessRecoveryActionPlan({
      id: "wrap-1",
      owner: "person-7f3a9c",
      provenance: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-03-10T19:00:00Z" },
      wellnessToolbox: ["Walk by the canal", "Phone my sister"],
    });
    expect(plan.ok).toBe(true);
  });
});
