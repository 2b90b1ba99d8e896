import { describe, expect, it } from "vitest";
import { assessGoal } from "./assess";
import type { Goal } from "./goal";
import { clone, SENTINEL, sleepGoal, walkingGoal } from "../test/fixtures";

const today = "2026-03-02";

function codes(goal: Goal, options: Parameters<typeof assessGoal>[1] = { today }): string[] {
  return assessGoal(goal, options).map((found) => found.code);
}

describe("assessGoal", () => {
  it("has nothing to add to a SMART goal with readiness, supports and steps", () => {
    expect(assessGoal(walkingGoal, { today })).toEqual([]);
  });

  it("says kindly and concretely what a goal that is not yet SMART is missing", () => {
    const feedback = assessGoal(sleepGoal, { today });
    expect(feedback).toEqual([
      {
        code: "missing_activity",
        severity: "suggestion",
        path: ["smart", "targetActivity"],
        message: "Say what you will actually do, such as 'walk to the shop'. A clear activity is easier to start.",
      },
      {
        code: "missing_measure",
        severity: "suggestion",
        path: ["smart", "measure"],
        message: "Add a way to tell how it is going: something you can count or notice, such as 'three times a week'.",
      },
      {
        code: "missing_date",
        severity: "suggestion",
        path: ["smart", "targetDate"],
        message: "Choose a date to aim for. It gives you a moment to look back and see how far you have come.",
      },
      {
        code: "missing_support",
        severity: "info",
        path: ["supports"],
        message: "Think about who or what could help: a friend, a family member, a group or a service.",
      },
      {
        code: "missing_readiness",
        severity: "info",
        path: ["readiness"],
        message: "How important is this goal to you, and how confident do you feel about it, each from 0 to 10? The answers help choose a first step that fits.",
      },
      { code: "no_steps", severity: "suggestion", path: ["steps"], message: "Choose a small first step: something that could be done this week." },
    ]);
  });

  it("flags only the missing measure when that is all that is missing", () => {
    const goal = clone(walkingGoal);
    delete goal.smart!.measure;
    expect(codes(goal)).toEqual(["missing_measure"]);
  });

  it("notices a target date that has passed", () => {
    expect(assessGoal(walkingGoal, { today: "2026-04-28" }).filter((found) => found.path[1] === "targetDate")).toEqual([
      {
        code: "target_date_passed",
        severity: "warning",
        path: ["smart", "targetDate"],
        message: "The date you aimed for has passed. That is fine: pick a new date that feels doable, or mark the goal as done if you got there.",
      },
    ]);
    expect(codes(walkingGoal, { today: "2026-04-27" })).not.toContain("target_date_passed");
  });

  it("notices a target date unrealistically near or far from the start", () => {
    const near = clone(walkingGoal);
    near.smart!.targetDate = "2026-03-08";
    expect(codes(near)).toEqual(["target_date_too_near"]);
    near.smart!.targetDate = "2026-03-09";
    expect(codes(near)).toEqual([]);
    const far = clone(walkingGoal);
    far.smart!.targetDate = "2027-03-03";
    expect(assessGoal(far, { today })[0]?.message).toBe(
      "The target date is more than 365 days after the start. A nearer milestone on the way makes progress easier to notice.",
    );
    far.smart!.targetDate = "2027-03-02";
    expect(codes(far)).toEqual([]);
    expect(codes(far, { today, furthestTargetDays: 180 })).toEqual(["target_date_far_off"]);
  });

  it("measures from the day the goal was created when no start date is given", () => {
    const goal = clone(walkingGoal);
    delete goal.smart!.startDate;
    goal.smart!.targetDate = "2026-03-05";
    expect(codes(goal)).toEqual(["target_date_too_near"]);
    expect(codes(goal, { today, nearestTargetDays: 3 })).toEqual([]);
  });

  it("suggests a smaller first step when confidence is below 7", () => {
    const goal = clone(walkingGoal);
    goal.readiness = { importance: 9, confidence: 6 };
    expect(assessGoal(goal, { today })).toEqual([
      {
        code: "low_confidence",
        severity: "suggestion",
        path: ["readiness", "confidence"],
        message: "Confidence is below 7 out of 10, which is common. A smaller first step that feels very doable can build it up.",
      },
    ]);
    expect(codes(goal, { today, lowConfidenceBelow: 5 })).toEqual([]);
  });

  it("gently notes low importance", () => {
    const goal = clone(walkingGoal);
    goal.readiness = { importance: 4 };
    expect(codes(goal)).toEqual(["low_importance"]);
    goal.readiness = { importance: 5 };
    expect(codes(goal)).toEqual([]);
  });

  it("warns about too many active goals at once, counting this one", () => {
    expect(codes(walkingGoal, { today, otherActiveGoals: 2 })).toEqual([]);
    const feedback = assessGoal(walkingGoal, { today, otherActiveGoals: 3 });
    expect(feedback).toEqual([
      {
        code: "too_many_goals",
        severity: "warning",
        path: [],
        message: "With this one, there are more than 3 goals on the go at once. Focusing on one or two at a time often works better; the others can wait.",
      },
    ]);
    expect(codes(walkingGoal, { today, otherActiveGoals: 3, maxActiveGoals: 5 })).toEqual([]);
  });

  it("points at a step whose date has passed", () => {
    expect(assessGoal(walkingGoal, { today: "2026-03-21" })).toEqual([
      {
        code: "step_date_passed",
        severity: "info",
        path: ["steps", 2, "dueDate"],
        message: "The date for this step has passed. You could pick a new date, or swap it for a smaller step.",
      },
    ]);
  });

  it("suggests a first step when every step has been dropped", () => {
    const goal = clone(walkingGoal);
    goal.steps = goal.steps!.map((step) => ({ ...step, status: "dropped" as const, completedOn: undefined }) as never);
    expect(codes(goal)).toEqual(["no_steps"]);
  });

  it("asks to check the wording when someone else expressed the goal", () => {
    expect(codes({ ...walkingGoal, expressedBy: "practitioner" })).toEqual(["not_in_own_words"]);
  });

  it("has no feedback for closed goals", () => {
    for (const status of ["completed", "cancelled", "rejected", "entered-in-error"] as const) {
      expect(assessGoal({ ...sleepGoal, lifecycleStatus: status }, { today })).toEqual([]);
    }
  });

  it("judges dates against the current day when none is given", () => {
    const goal = clone(walkingGoal);
    goal.smart!.targetDate = "2000-01-01";
    delete goal.smart!.startDate;
    expect(assessGoal(goal).map((found) => found.code)).toContain("target_date_passed");
  });

  it("never uses the person's own words, or any other value from the goal, in a message", () => {
    const goal: Goal = {
      ...clone(sleepGoal),
      id: SENTINEL,
      ownWords: SENTINEL,
      summary: SENTINEL,
      expressedBy: "carer",
      barriers: [SENTINEL],
      smart: { targetActivity: SENTINEL, timePeriod: SENTINEL, startDate: "2026-03-05", targetDate: "2026-03-07" },
      readiness: { importance: 2, confidence: 3 },
      steps: [{ id: SENTINEL, description: SENTINEL, owner: { role: "person", reference: SENTINEL }, dueDate: "2026-03-06", status: "to-do" }],
      reviews: [{ date: "2026-03-06", progress: SENTINEL, nextStep: SENTINEL }],
    };
    const feedback = [...assessGoal(goal, { today: "2026-03-06", otherActiveGoals: 9 }), ...assessGoal(goal, { today: "2026-03-08" })];
    expect(new Set(feedback.map((found) => found.code))).toEqual(
      new Set(["not_in_own_words", "missing_measure", "missing_support", "target_date_too_near", "target_date_passed", "low_confidence", "low_importance", "step_date_passed", "too_many_goals"]),
    );
    for (const found of feedback) {
      expect(found.message).not.toContain("Jane");
      expect(found.path.join(".")).not.toContain("Jane");
    }
  });

  it("words every piece of feedback kindly: no blame, no failure", () => {
    const messages = [
      ...assessGoal(sleepGoal, { today, otherActiveGoals: 9 }),
      ...assessGoal({ ...clone(walkingGoal), expressedBy: "practitioner", readiness: { importance: 1, confidence: 1 } }, { today: "2026-05-01" }),
      ...assessGoal({ ...clone(walkingGoal), smart: { ...walkingGoal.smart, targetDate: "2026-03-03" } }, { today }),
      ...assessGoal({ ...clone(walkingGoal), smart: { ...walkingGoal.smart, targetDate: "2028-03-03" } }, { today }),
    ].map((found) => found.message);
    expect(messages.length).toBeGreaterThanOrEqual(12);
    for (const message of messages) {
      expect(message).not.toMatch(/\b(fail\w*|overdue|late|wrong|bad|poor|must|should have|unrealistic)\b/i);
      // Short enough to read at a glance: at most three short sentences.
      expect(message.split(/[.?!](?:\s|$)/).filter((part) => part.trim().length > 0).length).toBeLessThanOrEqual(3);
      expect(message.length).toBeLessThan(170);
    }
  });
});
