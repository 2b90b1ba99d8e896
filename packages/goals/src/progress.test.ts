import { describe, expect, it } from "vitest";
import type { Goal } from "./goal";
import { summariseGoalProgress, summarisePersonGoals } from "./progress";
import { clone, person, sleepGoal, walkingGoal, walkingScale } from "../test/fixtures";

const cookGoal: Goal = {
  id: "goal-cook",
  person: "person-7f3a9c",
  ownWords: "Cook a proper meal for the kids once a week.",
  lifeArea: "daily-living",
  expressedBy: "person",
  gas: { levels: walkingScale.levels.map((level) => ({ ...level, description: `Cooking, level ${level.level}` })), baseline: -1 },
  reviews: [{ date: "2026-03-20", progress: "Cooked three times this week.", gasLevel: 2 }],
  lifecycleStatus: "completed",
  achievementStatus: "achieved",
  created: { ...person, recordedAt: "2026-03-03T18:00:00Z" },
};

const mistakenGoal: Goal = {
  ...cookGoal,
  id: "goal-mistake",
  reviews: [{ date: "2026-03-20", progress: "Recorded on the wrong record.", gasLevel: -2 }],
  lifecycleStatus: "entered-in-error",
};

describe("summariseGoalProgress", () => {
  it("lays out a goal's events in order for a timeline", () => {
    const timeline = summariseGoalProgress(walkingGoal, { today: "2026-04-01" });
    expect(timeline.events).toEqual([
      { date: "2026-03-02", kind: "created", label: "Goal recorded" },
      { date: "2026-03-02", kind: "status-changed", label: "Moved from proposed to active", detail: "Agreed together at the first coaching session.", lifecycleStatus: "active" },
      { date: "2026-03-03", kind: "step-done", label: "Step done: Put my walking shoes by the door", stepId: "step-1" },
      { date: "2026-03-08", kind: "step-done", label: "Step done: Walk to the end of the street with my brother", stepId: "step-2" },
      { date: "2026-03-16", kind: "achievement-changed", label: "Progress: improving", detail: "Walking further each week.", lifecycleStatus: "active", achievementStatus: "improving" },
      {
        date: "2026-03-16",
        kind: "reviewed",
        label: "Check-in",
        detail: "Walked to the end of the street three times and once to the park gate.",
        rating: 4,
        achievementStatus: "improving",
      },
      { date: "2026-03-16", kind: "gas-attained", label: "GAS level -1", gasLevel: -1 },
      {
        date: "2026-03-30",
        kind: "reviewed",
        label: "Check-in",
        detail: "Walked to the park twice this week by the canal path.",
        rating: 6,
        achievementStatus: "improving",
      },
      { date: "2026-03-30", kind: "gas-attained", label: "GAS level 0", gasLevel: 0 },
    ]);
    expect(timeline).toMatchObject({
      goalId: "goal-walk",
      lifecycleStatus: "active",
      achievementStatus: "improving",
      startDate: "2026-03-02",
      endDate: "2026-04-01",
      targetDate: "2026-04-27",
      ratings: [
        { date: "2026-03-16", rating: 4 },
        { date: "2026-03-30", rating: 6 },
      ],
      gasLevels: [
        { date: "2026-03-16", level: -1 },
        { date: "2026-03-30", level: 0 },
      ],
      stepsDone: 2,
      stepsTotal: 3,
      review: { state: "up-to-date", due: "2026-04-13", message: "Next check-in planned by 2026-04-13." },
    });
  });

  it("orders reviews by date even when they were listed out of order, and labels positive GAS levels with +", () => {
    const goal = clone(walkingGoal);
    goal.reviews = [
      { date: "2026-03-30", progress: "Better", rating: 7, gasLevel: 1 },
      { date: "2026-03-10", progress: "Started", rating: 2 },
    ];
    const timeline = summariseGoalProgress(goal, { today: "2026-04-01" });
    expect(timeline.ratings).toEqual([
      { date: "2026-03-10", rating: 2 },
      { date: "2026-03-30", rating: 7 },
    ]);
    expect(timeline.events.at(-1)).toEqual({ date: "2026-03-30", kind: "gas-attained", label: "GAS level +1", gasLevel: 1 });
    expect(timeline.events.find((event) => event.date === "2026-03-10")).toEqual({ date: "2026-03-10", kind: "reviewed", label: "Check-in", detail: "Started", rating: 2 });
  });

  it("describes a late check-in kindly as not reviewed yet", () => {
    const late = summariseGoalProgress(walkingGoal, { today: "2026-04-14" });
    expect(late.review).toEqual({
      state: "not-reviewed-yet",
      due: "2026-04-13",
      message: "Not reviewed yet: a check-in is a good moment to talk about what has helped and what has not.",
    });
  });

  it("plans the next check-in from the last review when the planned date has been met", () => {
    const goal = { ...clone(walkingGoal), nextReviewDue: "2026-03-20" };
    expect(summariseGoalProgress(goal, { today: "2026-04-01" }).review.due).toBe("2026-04-27");
    expect(summariseGoalProgress(goal, { today: "2026-04-01", reviewIntervalDays: 14 }).review.due).toBe("2026-04-13");
  });

  it("plans the first check-in from the day the goal was recorded", () => {
    expect(summariseGoalProgress(sleepGoal, { today: "2026-04-02" }).review).toMatchObject({ state: "up-to-date", due: "2026-04-02" });
    expect(summariseGoalProgress(sleepGoal, { today: "2026-04-03" }).review.state).toBe("not-reviewed-yet");
  });

  it("needs no check-in for a closed goal, and stretches the chart to the last event", () => {
    const timeline = summariseGoalProgress(cookGoal, { today: "2026-03-10" });
    expect(timeline.review).toEqual({ state: "not-needed", message: "This goal is closed, so no check-in is planned." });
    expect(timeline.endDate).toBe("2026-03-20");
    expect(timeline.targetDate).toBeUndefined();
    expect(timeline.stepsTotal).toBe(0);
  });

  it("shows a minimal goal as just its creation, up to the current day", () => {
    const timeline = summariseGoalProgress(sleepGoal);
    expect(timeline.events).toEqual([{ date: "2026-03-05", kind: "created", label: "Goal recorded" }]);
    expect(timeline.endDate >= "2026-03-05").toBe(true);
    expect(timeline.achievementStatus).toBeUndefined();
  });
});

describe("summarisePersonGoals", () => {
  const sleepWithStep: Goal = { ...sleepGoal, steps: [{ id: "sleep-1", description: "No tea after 6pm", owner: { role: "person" }, status: "to-do" }] };
  const goals = [walkingGoal, sleepWithStep, cookGoal, mistakenGoal];

  it("counts goals by lifecycle and achievement status", () => {
    const summary = summarisePersonGoals(goals, { today: "2026-04-03" });
    expect(summary.total).toBe(4);
    expect(summary.open).toBe(2);
    expect(summary.byLifecycle).toEqual({
      proposed: 1,
      planned: 0,
      accepted: 0,
      active: 1,
      "on-hold": 0,
      completed: 1,
      cancelled: 0,
      "entered-in-error": 1,
      rejected: 0,
    });
    expect(summary.byAchievement).toMatchObject({ improving: 1, achieved: 2, "not-recorded": 1, worsening: 0 });
  });

  it("lists check-ins of open goals, kindly, and counts those not reviewed yet", () => {
    const summary = summarisePersonGoals(goals, { today: "2026-04-03" });
    expect(summary.reviews.map((review) => [review.goalId, review.state])).toEqual([
      ["goal-walk", "up-to-date"],
      ["goal-sleep", "not-reviewed-yet"],
    ]);
    expect(summary.notReviewedYet).toBe(1);
  });

  it("gives the next step of each open goal, dated ones first", () => {
    const withTwoSteps = clone(walkingGoal);
    withTwoSteps.steps!.push({ id: "step-4", description: "Join the walking group", owner: { role: "person" }, dueDate: "2026-03-18", status: "to-do" });
    const summary = summarisePersonGoals([sleepWithStep, withTwoSteps, cookGoal], { today: "2026-04-03" });
    expect(summary.nextSteps).toEqual([
      { goalId: "goal-walk", stepId: "step-4", description: "Join the walking group", owner: { role: "person" }, dueDate: "2026-03-18" },
      { goalId: "goal-sleep", stepId: "sleep-1", description: "No tea after 6pm", owner: { role: "person" } },
    ]);
  });

  it("scores GAS over goals with a level, leaving out goals entered in error", () => {
    // walking: level 0 at its latest check-in, weight 3 x 2 = 6; cooking: level 2, weight 1.
    // 50 + 10 * 2 / sqrt(0.7 * 37 + 0.3 * 49)
    const summary = summarisePersonGoals(goals, { today: "2026-04-03" });
    expect(summary.gas?.goalsScored).toBe(2);
    expect(summary.gas?.rho).toBe(0.3);
    expect(summary.gas?.tScore).toBeCloseTo(53.138824, 5);
    expect(summarisePersonGoals(goals, { today: "2026-04-03", rho: 0 }).gas?.rho).toBe(0);
  });

  it("counts a scale with half a weighting at weight 1", () => {
    const halfWeighted = clone(walkingGoal);
    delete halfWeighted.gas!.difficulty;
    // levels 0 and 2, weight 1 each: 50 + 20 / sqrt(0.7 * 2 + 0.3 * 4)
    expect(summarisePersonGoals([halfWeighted, cookGoal], { today: "2026-04-03" }).gas?.tScore).toBeCloseTo(62.403473, 5);
  });

  it("throws invalid-argument for a rho outside [0, 1), even with nothing to score yet, or a review interval that is not whole days", () => {
    for (const rho of [1, -0.1, Number.NaN]) {
      expect(() => summarisePersonGoals([sleepGoal], { today: "2026-04-03", rho })).toThrow(expect.objectContaining({ code: "invalid-argument" }));
    }
    for (const reviewIntervalDays of [0, -7, 1.5, Number.NaN]) {
      expect(() => summarisePersonGoals([sleepGoal], { today: "2026-04-03", reviewIntervalDays })).toThrow(expect.objectContaining({ code: "invalid-argument" }));
      expect(() => summariseGoalProgress(sleepGoal, { today: "2026-04-03", reviewIntervalDays })).toThrow(expect.objectContaining({ code: "invalid-argument" }));
    }
  });

  it("never describes a late check-in as a failure", () => {
    const summary = summarisePersonGoals(goals, { today: "2027-01-01" });
    expect(summary.notReviewedYet).toBe(2);
    for (const review of summary.reviews) {
      expect(review.message.startsWith("Not reviewed yet")).toBe(true);
      expect(review.message).not.toMatch(/\b(fail\w*|overdue|late|missed)\b/i);
    }
  });

  it("leaves the GAS score out when no goal has a level, and handles no goals", () => {
    const summary = summarisePersonGoals([sleepGoal]);
    expect(summary.gas).toBeUndefined();
    expect(summarisePersonGoals([], { today: "2026-04-03" })).toMatchObject({ total: 0, open: 0, notReviewedYet: 0, nextSteps: [], reviews: [] });
  });
});
