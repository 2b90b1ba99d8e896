import { expectTypeOf, it } from "vitest";
import type { Result } from "@selfmanage/core";
import type { CoachingCourse, GasLevel, GasSetScore, Goal, GoalFeedback, GoalTimeline, LifecycleStatus, PersonGoalsSummary, WellnessRecoveryActionPlan } from "./index";
import { assessGoal, gasTScore, scoreGasSet, summariseGoalProgress, summarisePersonGoals, transitionGoal, validateCoachingCourse, validateGoal, validateWellnessRecoveryActionPlan } from "./index";

it("infers record types from the schemas", () => {
  expectTypeOf<GasLevel>().toEqualTypeOf<-3 | -2 | -1 | 0 | 1 | 2>();
  expectTypeOf<Goal["lifecycleStatus"]>().toEqualTypeOf<LifecycleStatus>();
  expectTypeOf<Goal["ownWords"]>().toEqualTypeOf<string>();
  expectTypeOf<Goal["summary"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<NonNullable<Goal["steps"]>[number]["status"]>().toEqualTypeOf<"to-do" | "done" | "dropped">();
  expectTypeOf<CoachingCourse["sessions"][number]["grow"]>().toHaveProperty("wayForward");
});

it("returns results from validators and plain values from pure summaries", () => {
  expectTypeOf(validateGoal).returns.toEqualTypeOf<Result<Goal>>();
  expectTypeOf(transitionGoal).returns.toEqualTypeOf<Result<Goal>>();
  expectTypeOf(validateCoachingCourse).returns.toEqualTypeOf<Result<CoachingCourse>>();
  expectTypeOf(validateWellnessRecoveryActionPlan).returns.toEqualTypeOf<Result<WellnessRecoveryActionPlan>>();
  expectTypeOf(scoreGasSet).returns.toEqualTypeOf<Result<GasSetScore>>();
  expectTypeOf(gasTScore).returns.toEqualTypeOf<number>();
  expectTypeOf(assessGoal).returns.toEqualTypeOf<GoalFeedback[]>();
  expectTypeOf(summariseGoalProgress).returns.toEqualTypeOf<GoalTimeline>();
  expectTypeOf(summarisePersonGoals).returns.toEqualTypeOf<PersonGoalsSummary>();
  expectTypeOf<GoalFeedback["severity"]>().toEqualTypeOf<"suggestion" | "warning" | "info">();
});

it("accepts plain entries for the T-score", () => {
  expectTypeOf(gasTScore).toBeCallableWith([{ level: 1 }, { level: 0, weight: 2 }], { rho: 0.5 });
  // @ts-expect-error a level is required
  gasTScore([{ weight: 1 }]);
});
