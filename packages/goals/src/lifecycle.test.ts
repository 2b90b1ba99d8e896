import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@selfmanage/core";
import { AchievementStatus, canTransition, lifecycleTransitions, LifecycleStatus, openLifecycleStatuses } from "./lifecycle";
import { type Goal, transitionGoal, validateGoal } from "./goal";
import { clone, person, sleepGoal, walkingGoal } from "../test/fixtures";

// The table written out by hand, so that a change to the data must be made twice, on purpose.
const expectedAllowed: Record<LifecycleStatus, LifecycleStatus[]> = {
  proposed: ["planned", "accepted", "active", "rejected", "cancelled", "entered-in-error"],
  planned: ["accepted", "active", "on-hold", "cancelled", "entered-in-error"],
  accepted: ["planned", "active", "on-hold", "cancelled", "entered-in-error"],
  active: ["on-hold", "completed", "cancelled", "entered-in-error"],
  "on-hold": ["active", "cancelled", "entered-in-error"],
  completed: ["active", "entered-in-error"],
  cancelled: ["entered-in-error"],
  rejected: ["entered-in-error"],
  "entered-in-error": [],
};

const at = "2026-04-01T09:00:00Z";

function goalIn(status: LifecycleStatus): Goal {
  return { ...clone(sleepGoal), lifecycleStatus: status };
}

describe("lifecycleTransitions", () => {
  it("is the agreed table and covers every FHIR lifecycle status", () => {
    expect(lifecycleTransitions).toEqual(expectedAllowed);
    expect(Object.keys(lifecycleTransitions).sort()).toEqual([...LifecycleStatus.options].sort());
    expect(openLifecycleStatuses).toEqual(["proposed", "planned", "accepted", "active", "on-hold"]);
  });

  it("lets any status except itself be marked entered-in-error", () => {
    for (const from of LifecycleStatus.options) {
      expect(canTransition(from, "entered-in-error")).toBe(from !== "entered-in-error");
    }
  });
});

describe("transitionGoal", () => {
  for (const [from, targets] of Object.entries(expectedAllowed) as Array<[LifecycleStatus, LifecycleStatus[]]>) {
    for (const to of targets) {
      it(`allows ${from} -> ${to} and records it in the history`, () => {
        expect(canTransition(from, to)).toBe(true);
        const result = transitionGoal(goalIn(from), { to, reason: "Talked it over.", provenance: { ...person, recordedAt: at } });
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        expect(result.value.lifecycleStatus).toBe(to);
        expect(result.value.history).toEqual([{ from, to, reason: "Talked it over.", provenance: { ...person, recordedAt: at } }]);
      });
    }
  }

  it("refuses every move that is not in the table: all 81 pairs checked", () => {
    let refused = 0;
    for (const from of LifecycleStatus.options) {
      for (const to of LifecycleStatus.options) {
        const allowed = expectedAllowed[from].includes(to);
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(allowed);
        if (allowed || from === to) continue;
        const result = transitionGoal(goalIn(from), { to, reason: "Trying.", provenance: { ...person, recordedAt: at } });
        expect(!result.ok && result.issues.map((found) => found.code), `${from} -> ${to}`).toEqual(["illegal_transition"]);
        refused += 1;
      }
    }
    // 9 x 9 pairs, less 9 that stay put, less the 6 + 5 + 5 + 4 + 3 + 2 + 1 + 1 + 0 = 27 moves the table allows.
    expect(refused).toBe(45);
  });

  const illegal: Array<[LifecycleStatus, LifecycleStatus]> = [
    ["cancelled", "active"],
    ["completed", "on-hold"],
    ["proposed", "completed"],
    ["rejected", "accepted"],
    ["entered-in-error", "proposed"],
    ["on-hold", "completed"],
    ["active", "proposed"],
  ];
  for (const [from, to] of illegal) {
    it(`refuses ${from} -> ${to} with an issue, and leaves the goal as it was`, () => {
      expect(canTransition(from, to)).toBe(false);
      const goal = goalIn(from);
      const result = transitionGoal(goal, { to, reason: "Trying.", provenance: { ...person, recordedAt: at } });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ path: ["to"], code: "illegal_transition" });
      expect(result.issues[0]?.message).toMatch(new RegExp(`From "${from}" a goal can move to:|"${from}" is final`));
      expect(result.issues[0]?.message).not.toContain(`"${to}"`);
      expect(goal.history).toBeUndefined();
      expect(goal.lifecycleStatus).toBe(from);
    });
  }

  it("explains that entered-in-error is final", () => {
    const result = transitionGoal(goalIn("entered-in-error"), { to: "active", reason: "Oops.", provenance: { ...person, recordedAt: at } });
    expect(!result.ok && result.issues[0]?.message).toBe('The transition table does not allow this move. "entered-in-error" is final: a goal does not move on from it.');
  });

  it("records a change of achievement status only, keeping the lifecycle status", () => {
    const result = transitionGoal(walkingGoal, { to: "active", achievementStatus: "sustaining", reason: "Walking most days now.", provenance: { ...person, recordedAt: at } });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.achievementStatus).toBe("sustaining");
    expect(result.value.history).toHaveLength(3);
    expect(result.value.history?.[2]).toMatchObject({ from: "active", to: "active", achievementStatus: "sustaining" });
    expect(validateGoal(result.value).ok).toBe(true);
    expect(walkingGoal.history).toHaveLength(2);
  });

  it("sets the achievement status with a lifecycle change", () => {
    const result = transitionGoal(walkingGoal, { to: "completed", achievementStatus: "achieved", reason: "Got there.", provenance: { ...person, recordedAt: at } });
    expect(result.ok && [result.value.lifecycleStatus, result.value.achievementStatus]).toEqual(["completed", "achieved"]);
  });

  it("refuses a change that changes nothing", () => {
    const same = transitionGoal(walkingGoal, { to: "active", reason: "Still going.", provenance: { ...person, recordedAt: at } });
    expect(!same.ok && same.issues.map((found) => found.code)).toEqual(["no_change"]);
    const sameAchievement = transitionGoal(walkingGoal, { to: "active", achievementStatus: "improving", reason: "Still going.", provenance: { ...person, recordedAt: at } });
    expect(!sameAchievement.ok && sameAchievement.issues.map((found) => found.code)).toEqual(["no_change"]);
  });

  it("refuses a change dated before the latest one", () => {
    const result = transitionGoal(walkingGoal, { to: "on-hold", reason: "A break.", provenance: { ...person, recordedAt: "2026-03-10T00:00:00Z" } });
    expect(!result.ok && result.issues).toEqual([
      { path: ["provenance", "recordedAt"], code: "change_before_previous", message: "A change cannot be recorded before the goal's latest change or its creation." },
    ]);
    const beforeCreation = transitionGoal(sleepGoal, { to: "active", reason: "Start.", provenance: { ...person, recordedAt: "2026-03-01T00:00:00Z" } });
    expect(!beforeCreation.ok && beforeCreation.issues[0]?.code).toBe("change_before_previous");
  });

  it("refuses a new achievement status that a later check-in would contradict", () => {
    // walkingGoal's latest check-in is on 30 March; a change recorded on 20 March cannot have the last word.
    const result = transitionGoal(walkingGoal, { to: "active", achievementStatus: "worsening", reason: "A bad week.", provenance: { ...person, recordedAt: "2026-03-20T09:00:00Z" } });
    expect(!result.ok && result.issues).toEqual([
      {
        path: ["achievementStatus"],
        code: "later_check_in",
        message: "A check-in dated after this change records a different achievement status. Date the change on or after that check-in.",
      },
    ]);
    const sameDay = transitionGoal(walkingGoal, { to: "active", achievementStatus: "worsening", reason: "A hard week.", provenance: { ...person, recordedAt: "2026-03-30T18:00:00Z" } });
    expect(sameDay.ok && validateGoal(sameDay.value).ok).toBe(true);
  });

  it("returns issues for a malformed request instead of throwing", () => {
    const result = transitionGoal(walkingGoal, { to: "finished", reason: "", provenance: person } as never);
    expect(!result.ok && result.issues.map((found) => found.path.join("."))).toEqual(["to", "reason"]);
  });
});

describe("transitionGoal properties", () => {
  it("whatever it accepts, validateGoal accepts too: the two never disagree", () => {
    const achievement = fc.option(fc.constantFrom(...AchievementStatus.options), { nil: undefined });
    const step = fc.record({ to: fc.constantFrom(...LifecycleStatus.options), achievementStatus: achievement, day: fc.integer({ min: 0, max: 40 }) });
    fc.assert(
      fc.property(fc.constantFrom(walkingGoal, sleepGoal), fc.array(step, { maxLength: 6 }), (start, steps) => {
        let goal: Goal = clone(start);
        for (const [index, { to, achievementStatus, day }] of steps.entries()) {
          const recordedAt = `${addDays("2026-03-16", day)}T12:${String(10 + index).padStart(2, "0")}:00Z`;
          const request = { to, reason: "Talked it over.", provenance: { ...person, recordedAt }, ...(achievementStatus === undefined ? {} : { achievementStatus }) };
          const moved = transitionGoal(goal, request);
          if (!moved.ok) continue;
          expect(validateGoal(moved.value).ok).toBe(true);
          goal = moved.value;
        }
      }),
      { numRuns: 150 },
    );
  });


  it("any sequence of allowed moves gives a goal that still validates, with one history entry per move", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), (choices) => {
        let goal: Goal = clone(sleepGoal);
        let minutes = 0;
        for (const choice of choices) {
          const options = lifecycleTransitions[goal.lifecycleStatus];
          if (options.length === 0) break;
          const to = options[choice % options.length]!;
          minutes += 1;
          const recordedAt = `2026-03-06T10:${String(minutes).padStart(2, "0")}:00Z`;
          const moved = transitionGoal(goal, { to, reason: "Talked it over.", provenance: { ...person, recordedAt } });
          if (!moved.ok) throw new Error(JSON.stringify(moved.issues));
          goal = moved.value;
        }
        expect(validateGoal(goal).ok).toBe(true);
        expect(goal.history?.length ?? 0).toBe(minutes);
      }),
      { numRuns: 150 },
    );
  });
});
