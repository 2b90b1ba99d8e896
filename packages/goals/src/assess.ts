import { daysBetween, type IsoDate, type PathSegment, toIsoDate } from "@selfmanage/core";
import type { Goal } from "./goal";
import { openLifecycleStatuses } from "./lifecycle";

/**
 * One piece of feedback on a goal: a stable code, how much it matters, where it points, and a
 * kind, concrete message written for the person and practitioner together.
 *
 * - `suggestion`: something that would make the goal easier to work on.
 * - `warning`: something that may get in the way and is worth talking about.
 * - `info`: worth knowing; no change needed.
 *
 * @example
 * ```ts
 * const feedback: GoalFeedback = {
 *   code: "missing_measure",
 *   severity: "suggestion",
 *   path: ["smart", "measure"],
 *   message: "Add a way to tell how it is going: something you can count or notice, such as 'three times a week'.",
 * };
 * ```
 */
export interface GoalFeedback {
  /** Stable machine-readable code, e.g. `missing_date`. */
  readonly code: string;
  /** How much it matters. */
  readonly severity: "suggestion" | "warning" | "info";
  /** The part of the goal the feedback is about. */
  readonly path: PathSegment[];
  /** Plain, kind, concrete words. */
  readonly message: string;
}

/**
 * Options for {@link assessGoal}.
 *
 * @example
 * ```ts
 * const options: AssessGoalOptions = { today: "2026-03-02", otherActiveGoals: 2 };
 * ```
 */
export interface AssessGoalOptions {
  /** The day to judge dates against. Defaults to the current date. */
  readonly today?: IsoDate;
  /** How many other goals the person is actively working on, besides this one. When omitted, the number of goals is not checked. */
  readonly otherActiveGoals?: number;
  /** More active goals than this at once gets a gentle warning. Defaults to 3. */
  readonly maxActiveGoals?: number;
  /** A confidence ruler below this suggests a smaller first step. Defaults to 7. */
  readonly lowConfidenceBelow?: number;
  /** A target date fewer than this many days after the start is called very near. Defaults to 7. */
  readonly nearestTargetDays?: number;
  /** A target date more than this many days after the start is called far off. Defaults to 365. */
  readonly furthestTargetDays?: number;
}

const LOW_IMPORTANCE_BELOW = 5;

function shapeFeedback(goal: Goal): GoalFeedback[] {
  const feedback: GoalFeedback[] = [];
  const smart = goal.smart ?? {};
  if (goal.expressedBy !== "person") {
    feedback.push({
      code: "not_in_own_words",
      severity: "info",
      path: ["expressedBy"],
      message: "Someone other than the person put this goal into words. Check the wording with them, so that it stays their goal.",
    });
  }
  if (smart.targetActivity === undefined) {
    feedback.push({
      code: "missing_activity",
      severity: "suggestion",
      path: ["smart", "targetActivity"],
      message: "Say what you will actually do, such as 'walk to the shop'. A clear activity is easier to start.",
    });
  }
  if (smart.measure === undefined) {
    feedback.push({
      code: "missing_measure",
      severity: "suggestion",
      path: ["smart", "measure"],
      message: "Add a way to tell how it is going: something you can count or notice, such as 'three times a week'.",
    });
  }
  if (smart.targetDate === undefined) {
    feedback.push({
      code: "missing_date",
      severity: "suggestion",
      path: ["smart", "targetDate"],
      message: "Choose a date to aim for. It gives you a moment to look back and see how far you have come.",
    });
  }
  if (smart.supportNeeded === undefined && (goal.supports ?? []).length === 0) {
    feedback.push({
      code: "missing_support",
      severity: "info",
      path: ["supports"],
      message: "Think about who or what could help: a friend, a family member, a group or a service.",
    });
  }
  return feedback;
}

function dateFeedback(goal: Goal, today: IsoDate, options: AssessGoalOptions): GoalFeedback[] {
  const targetDate = goal.smart?.targetDate;
  if (targetDate === undefined) return [];
  const path = ["smart", "targetDate"];
  if (targetDate < today) {
    return [
      {
        code: "target_date_passed",
        severity: "warning",
        path,
        message: "The date you aimed for has passed. That is fine: pick a new date that feels doable, or mark the goal as done if you got there.",
      },
    ];
  }
  const start = goal.smart?.startDate ?? toIsoDate(goal.created.recordedAt);
  const span = daysBetween(start, targetDate);
  const nearest = options.nearestTargetDays ?? 7;
  const furthest = options.furthestTargetDays ?? 365;
  if (span < nearest) {
    return [
      {
        code: "target_date_too_near",
        severity: "warning",
        path,
        message: `The target date is less than ${nearest} days after the start. Unless this is one small task, giving it more time can make it more realistic.`,
      },
    ];
  }
  if (span > furthest) {
    return [
      {
        code: "target_date_far_off",
        severity: "suggestion",
        path,
        message: `The target date is more than ${furthest} days after the start. A nearer milestone on the way makes progress easier to notice.`,
      },
    ];
  }
  return [];
}

function readinessFeedback(goal: Goal, options: AssessGoalOptions): GoalFeedback[] {
  const { importance, confidence } = goal.readiness ?? {};
  if (importance === undefined && confidence === undefined) {
    return [
      {
        code: "missing_readiness",
        severity: "info",
        path: ["readiness"],
        message: "How important is this goal to you, and how confident do you feel about it, each from 0 to 10? The answers help choose a first step that fits.",
      },
    ];
  }
  const feedback: GoalFeedback[] = [];
  const threshold = options.lowConfidenceBelow ?? 7;
  if (confidence !== undefined && confidence < threshold) {
    feedback.push({
      code: "low_confidence",
      severity: "suggestion",
      path: ["readiness", "confidence"],
      message: `Confidence is below ${threshold} out of 10, which is common. A smaller first step that feels very doable can build it up.`,
    });
  }
  if (importance !== undefined && importance < LOW_IMPORTANCE_BELOW) {
    feedback.push({
      code: "low_importance",
      severity: "info",
      path: ["readiness", "importance"],
      message: "This goal scored lower for importance right now. It can help to talk about what would make it matter more, or to start with a goal that matters more to you.",
    });
  }
  return feedback;
}

function stepFeedback(goal: Goal, today: IsoDate): GoalFeedback[] {
  const steps = goal.steps ?? [];
  if (steps.every((step) => step.status === "dropped")) {
    return [{ code: "no_steps", severity: "suggestion", path: ["steps"], message: "Choose a small first step: something that could be done this week." }];
  }
  return steps.flatMap((step, index): GoalFeedback[] =>
    step.status === "to-do" && step.dueDate !== undefined && step.dueDate < today
      ? [
          {
            code: "step_date_passed",
            severity: "info",
            path: ["steps", index, "dueDate"],
            message: "The date for this step has passed. You could pick a new date, or swap it for a smaller step.",
          },
        ]
      : [],
  );
}

/**
 * Kind, concrete feedback on what would make a goal easier to work on: a missing activity,
 * measure, date or support; a target date that has passed or is very near or far off; low
 * confidence (a smaller first step may help); no steps yet; too many active goals at once.
 * Closed goals (completed, cancelled, rejected, entered in error) get no feedback.
 *
 * @example
 * ```ts
 * assessGoal(goal, { today: "2026-03-02", otherActiveGoals: 3 }).map((found) => found.code);
 * // e.g. ["missing_measure", "low_confidence", "too_many_goals"]
 * ```
 */
export function assessGoal(goal: Goal, options: AssessGoalOptions = {}): GoalFeedback[] {
  if (!openLifecycleStatuses.includes(goal.lifecycleStatus)) return [];
  const today = options.today ?? toIsoDate(new Date());
  const feedback = [...shapeFeedback(goal), ...dateFeedback(goal, today, options), ...readinessFeedback(goal, options), ...stepFeedback(goal, today)];
  if (options.otherActiveGoals !== undefined) {
    const maxActiveGoals = options.maxActiveGoals ?? 3;
    // Counting this goal too: the question is whether working on it as well is too much at once.
    const activeGoals = options.otherActiveGoals + 1;
    if (activeGoals > maxActiveGoals) {
      feedback.push({
        code: "too_many_goals",
        severity: "warning",
        path: [],
        message: `With this one, there are more than ${maxActiveGoals} goals on the go at once. Focusing on one or two at a time often works better; the others can wait.`,
      });
    }
  }
  return feedback;
}
