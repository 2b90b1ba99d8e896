import { describe, expect, it } from "vitest";
import type { ValidationIssue } from "@selfmanage/core";
import { type Goal, GoalLink, validateGoal } from "./goal";
import { clone, person, SENTINEL, sleepGoal, walkingGoal } from "../test/fixtures";

function issuesOf(input: unknown): ValidationIssue[] {
  const result = validateGoal(input);
  if (result.ok) throw new Error("expected the goal to be refused");
  return result.issues;
}

describe("validateGoal", () => {
  it("accepts a complete, consistent goal and a minimal one", () => {
    expect(validateGoal(walkingGoal)).toEqual({ ok: true, value: walkingGoal });
    expect(validateGoal(sleepGoal)).toEqual({ ok: true, value: sleepGoal });
  });

  it("reports unknown fields instead of dropping them", () => {
    expect(issuesOf({ ...walkingGoal, mood: "good" })).toEqual([
      { path: ["mood"], code: "unknown_field", message: "This field is not part of the record. Check its spelling, or remove it." },
    ]);
  });

  it("requires the person's own words", () => {
    const { ownWords: _ownWords, ...withoutWords } = walkingGoal;
    expect(issuesOf(withoutWords)).toEqual([{ path: ["ownWords"], code: "required", message: "This field is required." }]);
  });

  it("explains a step owned by nobody, with the step's path", () => {
    const goal = clone(walkingGoal) as Record<string, unknown> & Goal;
    delete (goal.steps?.[2] as Partial<NonNullable<Goal["steps"]>[number]>).owner;
    expect(issuesOf(goal)).toEqual([
      {
        path: ["steps", 2, "owner"],
        code: "step_without_owner",
        message: "Each step needs an owner: say who will do it, such as the person, a carer or a practitioner.",
      },
    ]);
  });

  it("treats an owner with no role as nobody", () => {
    const goal = clone(walkingGoal);
    goal.steps![1]!.owner = {} as never;
    expect(issuesOf(goal).map((found) => [found.path.join("."), found.code])).toEqual([["steps.1.owner", "step_without_owner"]]);
  });

  it("treats a null owner, or an owner whose role is null, as nobody", () => {
    const nullOwner = clone(walkingGoal);
    nullOwner.steps![0]!.owner = null as never;
    nullOwner.steps![2]!.owner = { role: null, reference: "carer-5" } as never;
    expect(issuesOf(nullOwner).map((found) => [found.path.join("."), found.code])).toEqual([
      ["steps.0.owner", "step_without_owner"],
      ["steps.2.owner", "step_without_owner"],
    ]);
  });

  it("reports a missing role elsewhere as simply required", () => {
    // core reports a missing enum field as `required`; only step owners get the special wording.
    const goal = clone(walkingGoal) as unknown as { supports: Array<Record<string, unknown>>; created: Record<string, unknown> };
    delete goal.created.role;
    expect(issuesOf(goal)).toEqual([{ path: ["created", "role"], code: "required", message: "This field is required." }]);
  });

  it("keeps other problems with an owner as they are", () => {
    const goal = clone(walkingGoal);
    goal.steps![0]!.owner = { role: "nobody" } as never;
    expect(issuesOf(goal)[0]).toMatchObject({ path: ["steps", 0, "owner", "role"], code: "invalid_value" });
  });

  it("refuses a review dated before the goal existed", () => {
    const goal = clone(walkingGoal);
    goal.reviews![0]!.date = "2026-03-01";
    expect(issuesOf(goal)).toEqual([{ path: ["reviews", 0, "date"], code: "review_before_goal", message: "A review cannot be dated before the goal was created." }]);
  });

  it("allows a review on the day the goal was created", () => {
    const goal = clone(walkingGoal);
    goal.reviews![0]!.date = "2026-03-02";
    expect(validateGoal(goal).ok).toBe(true);
  });

  it("refuses an illegal transition in the history", () => {
    const goal = clone(walkingGoal);
    goal.history![0]!.from = "cancelled";
    expect(issuesOf(goal)).toEqual([
      {
        path: ["history", 0, "to"],
        code: "illegal_transition",
        message: 'The transition table does not allow this move. From "cancelled" a goal can move to: "entered-in-error".',
      },
    ]);
  });

  it("checks that the history is a chain that ends at the current status", () => {
    const goal = clone(walkingGoal);
    goal.history![1]!.from = "on-hold";
    goal.history![1]!.to = "on-hold";
    const codes = issuesOf(goal).map((found) => [found.path.join("."), found.code]);
    expect(codes).toEqual([
      ["history.1.from", "history_gap"],
      ["lifecycleStatus", "status_not_in_history"],
    ]);
  });

  it("refuses a history entry that changes nothing", () => {
    const goal = clone(walkingGoal);
    delete goal.history![1]!.achievementStatus;
    expect(issuesOf(goal).map((found) => found.code)).toEqual(["empty_change"]);
  });

  it("keeps the achievement status in step with the latest one recorded in the history or at a check-in", () => {
    // The history last set "improving" (16 March) and the latest check-in (30 March) says "improving".
    const changedQuietly = { ...clone(walkingGoal), achievementStatus: "worsening" as const };
    expect(issuesOf(changedQuietly)).toEqual([
      {
        path: ["achievementStatus"],
        code: "achievement_not_latest",
        message:
          "The achievement status must be the latest one recorded in the history or at a check-in. Record a change with a reason, or a check-in, to update it.",
      },
    ]);
    const dropped = clone(walkingGoal);
    delete dropped.achievementStatus;
    expect(issuesOf(dropped).map((found) => found.code)).toEqual(["achievement_not_latest"]);
    // A later check-in that records a new status moves it on.
    const laterCheckIn = clone(walkingGoal);
    laterCheckIn.reviews!.push({ date: "2026-04-13", progress: "Walking most days.", achievementStatus: "sustaining" });
    expect(issuesOf(laterCheckIn).map((found) => found.code)).toEqual(["achievement_not_latest"]);
    expect(validateGoal({ ...laterCheckIn, achievementStatus: "sustaining" }).ok).toBe(true);
  });

  it("accepts any of the statuses recorded on the latest day, and any status when none is recorded", () => {
    const sameDay = clone(walkingGoal);
    sameDay.reviews![1]!.achievementStatus = "no-change";
    sameDay.history!.push({ from: "active", to: "active", achievementStatus: "sustaining", reason: "Settled.", provenance: { ...person, recordedAt: "2026-03-30T12:00:00Z" } });
    expect(validateGoal({ ...sameDay, achievementStatus: "sustaining" }).ok).toBe(true);
    expect(validateGoal({ ...sameDay, achievementStatus: "no-change" }).ok).toBe(true);
    expect(issuesOf({ ...sameDay, achievementStatus: "improving" }).map((found) => found.code)).toEqual(["achievement_not_latest"]);
    expect(validateGoal({ ...sleepGoal, achievementStatus: "in-progress" }).ok).toBe(true);
  });

  it("checks the dates of history entries", () => {
    const early = clone(walkingGoal);
    early.history![0]!.provenance.recordedAt = "2026-03-01T10:00:00Z";
    expect(issuesOf(early)).toEqual([
      { path: ["history", 0, "provenance", "recordedAt"], code: "change_before_goal", message: "A change cannot be recorded before the goal was created." },
    ]);
    const shuffled = clone(walkingGoal);
    shuffled.history![1]!.provenance.recordedAt = "2026-03-02T10:10:00Z";
    expect(issuesOf(shuffled).map((found) => found.code)).toEqual(["history_out_of_order"]);
  });

  it("refuses GAS scales with missing or duplicate levels, and levels not on the scale", () => {
    const goal = clone(walkingGoal);
    goal.gas!.levels[4] = { level: 1, description: "Walk to the park five times a week." };
    const found = issuesOf(goal);
    expect(found).toEqual([
      { path: ["gas", "levels", 4, "level"], code: "duplicate_gas_level", message: "Each level may be described only once on a scale." },
      { path: ["gas", "levels"], code: "missing_gas_level", message: "The scale has no description for level +2. Levels -2, -1, 0, +1 and +2 all need one." },
    ]);
  });

  it("refuses a GAS level recorded at a review that is not on the scale, or with no scale", () => {
    const offScale = clone(walkingGoal);
    offScale.reviews![0]!.gasLevel = -3;
    expect(issuesOf(offScale).map((found) => [found.path.join("."), found.code])).toEqual([["reviews.0.gasLevel", "level_not_on_scale"]]);
    const noScale = clone(walkingGoal);
    delete noScale.gas;
    expect(issuesOf(noScale).map((found) => found.code)).toEqual(["no_gas_scale", "no_gas_scale"]);
  });

  it("checks steps: unique ids, completion dates only when done, not before the goal", () => {
    const goal = clone(walkingGoal);
    goal.steps![1]!.id = "step-1";
    goal.steps![2]!.completedOn = "2026-03-25";
    goal.steps![0]!.completedOn = "2026-02-01";
    expect(issuesOf(goal).map((found) => [found.path.join("."), found.code])).toEqual([
      ["steps.0.completedOn", "step_before_goal"],
      ["steps.1.id", "duplicate_step"],
      ["steps.2.completedOn", "completed_but_not_done"],
    ]);
  });

  it("refuses a target date before the start date", () => {
    const goal = clone(walkingGoal);
    goal.smart!.targetDate = "2026-03-01";
    expect(issuesOf(goal).map((found) => [found.path.join("."), found.code])).toEqual([["smart.targetDate", "target_before_start"]]);
  });

  it("refuses readiness rulers outside 0-10", () => {
    const goal = clone(walkingGoal);
    goal.readiness!.confidence = 11;
    expect(issuesOf(goal)).toEqual([{ path: ["readiness", "confidence"], code: "too_big", message: "Must be at most 10." }]);
  });

  it("requires links to say what they point to", () => {
    expect(GoalLink.safeParse({ kind: "need" }).success).toBe(false);
    const goal = clone(walkingGoal);
    goal.links = [{ kind: "need" }];
    expect(issuesOf(goal)).toEqual([
      { path: ["links", 0], code: "empty_link", message: "A link needs a description, a coding or a reference, so that a reader can tell what it points to." },
    ]);
  });

  it("never repeats a rejected value in a message", () => {
    const goal = clone(walkingGoal) as unknown as Record<string, unknown>;
    for (const field of ["lifeArea", "expressedBy", "lifecycleStatus", "achievementStatus", "nextReviewDue", "person"]) goal[field] = SENTINEL;
    goal.readiness = { confidence: SENTINEL };
    goal.steps = [{ id: SENTINEL, description: SENTINEL, owner: { role: SENTINEL }, status: SENTINEL }];
    const found = issuesOf(goal);
    expect(found.length).toBeGreaterThanOrEqual(7);
    for (const problem of found) expect(problem.message).not.toContain(SENTINEL);
    expect(issuesOf({ ...walkingGoal, [SENTINEL]: SENTINEL }).map((problem) => problem.message).join(" ")).not.toContain("Jane");
  });

  it("refuses input that is not a goal at all, without throwing", () => {
    expect(issuesOf(null)[0]).toMatchObject({ path: [], code: "invalid_type" });
    expect(issuesOf([walkingGoal])[0]).toMatchObject({ path: [], code: "invalid_type" });
  });
});
