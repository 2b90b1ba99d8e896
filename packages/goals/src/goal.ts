import * as z from "zod";
import {
  Coding,
  compareDates,
  fail,
  Identifier,
  IsoDate,
  issue,
  ok,
  PersonReference,
  prefixIssues,
  Provenance,
  type Result,
  Role,
  safeParseResult,
  toIsoDate,
  type ValidationIssue,
} from "@selfmanage/core";
import { GasLevel, GasScale, gasScaleIssues } from "./gas";
import { LifeArea } from "./life-area";
import { AchievementStatus, canTransition, GoalChange, LifecycleStatus, lifecycleTransitions } from "./lifecycle";
import { LongText, ShortText } from "./text";

/**
 * Someone or something that could help with a goal ("who could help me").
 *
 * @example
 * ```ts
 * GoalSupport.parse({ description: "My brother could walk with me on Sundays.", role: "carer" });
 * ```
 */
export const GoalSupport = z
  .strictObject({
    description: ShortText.meta({ description: "Who or what could help, in the person's words." }),
    role: Role.optional().meta({ description: "The role of the person who could help, if it is a person." }),
    reference: Identifier.optional().meta({ description: "An identifier of a service or supporter, e.g. a signposted service id." }),
  })
  .meta({ id: "GoalSupport", title: "Support", description: "Someone or something that could help with the goal." });

/**
 * A support for a goal (see {@link GoalSupport}).
 *
 * @example
 * ```ts
 * const support: GoalSupport = { description: "Walking group at the community centre", reference: "service-42" };
 * ```
 */
export type GoalSupport = z.infer<typeof GoalSupport>;

/**
 * A link from a goal to a condition, a need, a service or another goal. Give at least one of
 * a description, a coding or a reference.
 *
 * @example
 * ```ts
 * GoalLink.parse({ kind: "condition", coding: { system: "http://snomed.info/sct", code: "13645005", display: "COPD" } });
 * ```
 */
export const GoalLink = z
  .strictObject({
    kind: z.enum(["condition", "need", "service", "goal", "other"]).meta({ description: "What the goal is linked to." }),
    description: ShortText.optional(),
    coding: Coding.optional(),
    reference: Identifier.optional().meta({ description: "The identifier of the linked record." }),
  })
  .superRefine((link, context) => {
    if (link.description === undefined && link.coding === undefined && link.reference === undefined) {
      context.addIssue({
        code: "custom",
        path: [],
        message: "A link needs a description, a coding or a reference, so that a reader can tell what it points to.",
        params: { code: "empty_link" },
      });
    }
  })
  .meta({ id: "GoalLink", title: "Goal link", description: "A link from the goal to a condition, need, service or another goal." });

/**
 * A link from a goal (see {@link GoalLink}).
 *
 * @example
 * ```ts
 * const link: GoalLink = { kind: "goal", reference: "goal-sleep" };
 * ```
 */
export type GoalLink = z.infer<typeof GoalLink>;

/**
 * The SMART shape of a goal (after Bovend'Eerdt and colleagues, 2009): the activity the person
 * will do, the support they need, how progress will be measured, and the time period.
 * Every part is optional, so that a goal can be recorded first and shaped later;
 * {@link assessGoal} says what is still missing.
 *
 * @example
 * ```ts
 * SmartShape.parse({
 *   targetActivity: "Walk to the park and back",
 *   supportNeeded: "My brother walks with me at first",
 *   measure: "Twice a week",
 *   startDate: "2026-03-02",
 *   targetDate: "2026-04-27",
 * });
 * ```
 */
export const SmartShape = z
  .strictObject({
    targetActivity: ShortText.optional().meta({ description: "What the person will do." }),
    supportNeeded: ShortText.optional().meta({ description: "The help they need to do it, if any." }),
    measure: ShortText.optional().meta({ description: "How they and others will know it is happening: something to count or notice." }),
    startDate: IsoDate.optional().meta({ description: "When the person starts working on it." }),
    targetDate: IsoDate.optional().meta({ description: "When they aim to have done it." }),
    timePeriod: ShortText.optional().meta({ description: "The time period in words, e.g. over the next eight weeks." }),
  })
  .meta({ id: "SmartShape", title: "SMART shape", description: "Target activity, support needed, measure and time period of a goal." });

/**
 * The SMART shape of a goal (see {@link SmartShape}).
 *
 * @example
 * ```ts
 * const smart: SmartShape = { targetActivity: "Cook a meal from scratch", measure: "Once a week", targetDate: "2026-05-01" };
 * ```
 */
export type SmartShape = z.infer<typeof SmartShape>;

const Ruler = z.int().min(0).max(10);

/**
 * Readiness rulers from motivational interviewing: how important the goal is to the person
 * and how confident they are that they can do it, each from 0 to 10.
 *
 * @example
 * ```ts
 * Readiness.parse({ importance: 9, confidence: 5, recordedOn: "2026-03-02" });
 * ```
 */
export const Readiness = z
  .strictObject({
    importance: Ruler.optional().meta({ description: "How important the goal is to the person, 0 (not at all) to 10 (extremely)." }),
    confidence: Ruler.optional().meta({ description: "How confident the person is that they can do it, 0 (not at all) to 10 (completely)." }),
    recordedOn: IsoDate.optional(),
  })
  .meta({ id: "Readiness", title: "Readiness rulers", description: "Importance and confidence rulers, each 0-10." });

/**
 * Readiness rulers (see {@link Readiness}).
 *
 * @example
 * ```ts
 * const readiness: Readiness = { importance: 8, confidence: 7 };
 * ```
 */
export type Readiness = z.infer<typeof Readiness>;

/**
 * Whether a step has been done: `to-do`, `done`, or `dropped` (no longer needed).
 *
 * @example
 * ```ts
 * StepStatus.parse("done");
 * ```
 */
export const StepStatus = z.enum(["to-do", "done", "dropped"]).meta({
  id: "StepStatus",
  title: "Step status",
  description: "to-do: not done yet; done; dropped: no longer needed.",
});

/**
 * A step status (see {@link StepStatus}).
 *
 * @example
 * ```ts
 * const status: StepStatus = "to-do";
 * ```
 */
export type StepStatus = z.infer<typeof StepStatus>;

/**
 * A small action towards a goal, with who will do it, when, and whether it is done.
 *
 * @example
 * ```ts
 * GoalStep.parse({
 *   id: "step-1",
 *   description: "Find my walking shoes and put them by the door",
 *   owner: { role: "person" },
 *   dueDate: "2026-03-04",
 *   status: "done",
 *   completedOn: "2026-03-03",
 * });
 * ```
 */
export const GoalStep = z
  .strictObject({
    id: Identifier,
    description: ShortText.meta({ description: "The action, small enough to picture doing it." }),
    owner: z
      .strictObject({
        role: Role.meta({ description: "The role of whoever will do it." }),
        reference: Identifier.optional().meta({ description: "A pseudonymous identifier of whoever will do it." }),
      })
      .meta({ description: "Who will do the step." }),
    dueDate: IsoDate.optional(),
    status: StepStatus,
    completedOn: IsoDate.optional().meta({ description: "When the step was done; only for done steps." }),
  })
  .meta({ id: "GoalStep", title: "Step", description: "A small action towards a goal, with its owner, due date and status." });

/**
 * A step towards a goal (see {@link GoalStep}).
 *
 * @example
 * ```ts
 * const step: GoalStep = { id: "step-2", description: "Walk to the corner", owner: { role: "person" }, status: "to-do" };
 * ```
 */
export type GoalStep = z.infer<typeof GoalStep>;

/**
 * A dated check-in on a goal: how it is going, what helped, what got in the way and the next step.
 * It may also record a progress rating (0-10), an achievement status and the GAS level reached.
 *
 * @example
 * ```ts
 * GoalReview.parse({
 *   date: "2026-03-16",
 *   progress: "Walked to the park twice, once on my own.",
 *   rating: 6,
 *   whatHelped: "Going straight after breakfast.",
 *   whatGotInTheWay: "Rain on Thursday.",
 *   nextStep: "Try a third walk on Saturday.",
 *   achievementStatus: "improving",
 *   gasLevel: 0,
 * });
 * ```
 */
export const GoalReview = z
  .strictObject({
    date: IsoDate.meta({ description: "The day of the check-in." }),
    progress: LongText.meta({ description: "How it is going, in the person's words." }),
    rating: Ruler.optional().meta({ description: "How close the person feels to the goal, 0 (not started) to 10 (there)." }),
    whatHelped: LongText.optional(),
    whatGotInTheWay: LongText.optional(),
    nextStep: ShortText.optional(),
    achievementStatus: AchievementStatus.optional(),
    gasLevel: GasLevel.optional().meta({ description: "The Goal Attainment Scaling level reached at this check-in." }),
    provenance: Provenance.optional(),
  })
  .meta({ id: "GoalReview", title: "Review", description: "A dated check-in: progress, what helped, what got in the way, next step." });

/**
 * A check-in on a goal (see {@link GoalReview}).
 *
 * @example
 * ```ts
 * const review: GoalReview = { date: "2026-03-30", progress: "Three walks this week.", rating: 8 };
 * ```
 */
export type GoalReview = z.infer<typeof GoalReview>;

/**
 * A goal, in the person's own words, with its SMART shape, readiness, supports, barriers,
 * links, steps, reviews, Goal Attainment Scale, FHIR-aligned status and history.
 *
 * @example
 * ```ts
 * Goal.parse({
 *   id: "goal-walk",
 *   person: "person-7f3a9c",
 *   ownWords: "I want to get out of the house and walk to the park again.",
 *   lifeArea: "physical-health",
 *   expressedBy: "person",
 *   created: { recordedBy: "practitioner-12", role: "practitioner", recordedAt: "2026-03-02T10:00:00Z" },
 *   lifecycleStatus: "active",
 *   history: [
 *     {
 *       from: "proposed",
 *       to: "active",
 *       reason: "Agreed together at the first session.",
 *       provenance: { recordedBy: "practitioner-12", role: "practitioner", recordedAt: "2026-03-02T10:05:00Z" },
 *     },
 *   ],
 * });
 * ```
 */
export const Goal = z
  .strictObject({
    id: Identifier,
    person: PersonReference.meta({ description: "Whose goal it is." }),
    ownWords: LongText.meta({ description: "The goal in the person's own words. Keep their wording." }),
    summary: LongText.optional().meta({ description: "An optional shared or clinical summary, alongside (never instead of) the person's words." }),
    lifeArea: LifeArea,
    expressedBy: Role.meta({ description: "Who put the goal into words: the person, a carer, a practitioner..." }),
    supports: z.array(GoalSupport).max(50).optional(),
    barriers: z.array(ShortText).max(50).optional().meta({ description: "What might get in the way." }),
    links: z.array(GoalLink).max(50).optional(),
    smart: SmartShape.optional(),
    readiness: Readiness.optional(),
    steps: z.array(GoalStep).max(100).optional(),
    reviews: z.array(GoalReview).max(500).optional(),
    nextReviewDue: IsoDate.optional().meta({ description: "When the next check-in is planned." }),
    gas: GasScale.optional(),
    lifecycleStatus: LifecycleStatus,
    achievementStatus: AchievementStatus.optional(),
    created: Provenance.meta({ description: "Who recorded the goal first, and when." }),
    history: z.array(GoalChange).max(500).optional().meta({ description: "Every status change, oldest first." }),
  })
  .meta({ id: "Goal", title: "Goal", description: "A person's own goal with its shape, steps, reviews, status and history." });

/**
 * A goal (see {@link Goal}).
 *
 * @example
 * ```ts
 * const goal: Goal = {
 *   id: "goal-sleep",
 *   person: "person-7f3a9c",
 *   ownWords: "Sleep through more nights.",
 *   lifeArea: "rest-and-sleep",
 *   expressedBy: "person",
 *   created: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-03-02T21:00:00Z" },
 *   lifecycleStatus: "proposed",
 * };
 * ```
 */
export type Goal = z.infer<typeof Goal>;

const STEP_OWNER_MESSAGE = "Each step needs an owner: say who will do it, such as the person, a carer or a practitioner.";

function ownerField(input: unknown, stepIndex: number, field?: "role"): unknown {
  const steps = (input as { steps?: unknown } | null)?.steps;
  const owner = Array.isArray(steps) ? (steps[stepIndex] as { owner?: unknown } | null | undefined)?.owner : undefined;
  if (field === undefined) return owner;
  return typeof owner === "object" && owner !== null ? (owner as { role?: unknown }).role : undefined;
}

// A missing or null owner, or an owner with no role, all mean nobody has taken the step on.
// The schema reports these as a missing field or a wrong type; to a reader they are one problem.
function explainMissingOwners(issues: readonly ValidationIssue[], input: unknown): ValidationIssue[] {
  return issues.map((found) => {
    const [first, index, third, fourth] = found.path;
    if (first !== "steps" || typeof index !== "number" || third !== "owner") return found;
    const ownerMissing = found.path.length === 3 && (found.code === "required" || ownerField(input, index) === null);
    const roleMissing = found.path.length === 4 && fourth === "role" && (found.code === "required" || ownerField(input, index, "role") === null);
    return ownerMissing || roleMissing ? { path: ["steps", index, "owner"], code: "step_without_owner", message: STEP_OWNER_MESSAGE } : found;
  });
}

function historyIssues(goal: Goal): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const history = goal.history ?? [];
  let previousAt = goal.created.recordedAt;
  history.forEach((change, index) => {
    const previous = history[index - 1];
    if (previous !== undefined && change.from !== previous.to) {
      issues.push(issue(["history", index, "from"], "history_gap", "Each change must start from the status the previous change ended in."));
    }
    if (change.from === change.to) {
      if (change.achievementStatus === undefined) {
        issues.push(issue(["history", index, "achievementStatus"], "empty_change", "A change that keeps the lifecycle status must record a new achievement status."));
      }
    } else if (!canTransition(change.from, change.to)) {
      issues.push(issue(["history", index, "to"], "illegal_transition", illegalTransitionMessage(change.from)));
    }
    if (compareDates(change.provenance.recordedAt, previousAt) < 0) {
      const message = index === 0 ? "A change cannot be recorded before the goal was created." : "Changes must be listed in the order they were recorded.";
      issues.push(issue(["history", index, "provenance", "recordedAt"], index === 0 ? "change_before_goal" : "history_out_of_order", message));
    }
    previousAt = change.provenance.recordedAt;
  });
  const last = history[history.length - 1];
  if (last !== undefined && last.to !== goal.lifecycleStatus) {
    issues.push(issue(["lifecycleStatus"], "status_not_in_history", "The lifecycle status must be the one the last history entry moved to."));
  }
  return issues;
}

/**
 * The plain-English explanation of a move the transition table does not allow from a status:
 * where the goal can go instead. It names the current status, never the refused one.
 *
 * @example
 * ```ts
 * illegalTransitionMessage("cancelled");
 * // 'The transition table does not allow this move. From "cancelled" a goal can move to: "entered-in-error".'
 * ```
 */
export function illegalTransitionMessage(from: LifecycleStatus): string {
  const allowed = lifecycleTransitions[from];
  if (allowed.length === 0) return `The transition table does not allow this move. "${from}" is final: a goal does not move on from it.`;
  return `The transition table does not allow this move. From "${from}" a goal can move to: ${allowed.map((status) => `"${status}"`).join(", ")}.`;
}

// The achievement status is recorded by history entries and at check-ins. The goal's own status
// must be the latest recorded one, so that no change of it is missing from the record; on a day
// with several records, any of that day's statuses will do, as a date cannot order them.
function achievementIssues(goal: Goal): ValidationIssue[] {
  const recorded: Array<{ date: string; status: AchievementStatus }> = [
    ...(goal.history ?? []).flatMap((change) =>
      change.achievementStatus === undefined ? [] : [{ date: toIsoDate(change.provenance.recordedAt), status: change.achievementStatus }],
    ),
    ...(goal.reviews ?? []).flatMap((review) => (review.achievementStatus === undefined ? [] : [{ date: review.date, status: review.achievementStatus }])),
  ];
  if (recorded.length === 0) return [];
  const latestDate = recorded.reduce((latest, entry) => (entry.date > latest ? entry.date : latest), recorded[0]!.date);
  const latestStatuses = recorded.filter((entry) => entry.date === latestDate).map((entry) => entry.status);
  if (goal.achievementStatus !== undefined && latestStatuses.includes(goal.achievementStatus)) return [];
  return [
    issue(
      ["achievementStatus"],
      "achievement_not_latest",
      "The achievement status must be the latest one recorded in the history or at a check-in. Record a change with a reason, or a check-in, to update it.",
    ),
  ];
}

function ruleIssues(goal: Goal): ValidationIssue[] {
  const issues: ValidationIssue[] = [...historyIssues(goal), ...achievementIssues(goal)];
  const createdOn = toIsoDate(goal.created.recordedAt);
  const gasLevels = goal.gas === undefined ? undefined : new Set<number>(goal.gas.levels.map((descriptor) => descriptor.level));
  if (goal.gas !== undefined) for (const found of prefixIssues(gasScaleIssues(goal.gas), ["gas"])) issues.push(found);
  (goal.reviews ?? []).forEach((review, index) => {
    if (review.date < createdOn) {
      issues.push(issue(["reviews", index, "date"], "review_before_goal", "A review cannot be dated before the goal was created."));
    }
    if (review.gasLevel !== undefined) {
      if (gasLevels === undefined) {
        issues.push(issue(["reviews", index, "gasLevel"], "no_gas_scale", "A GAS level can only be recorded for a goal that has a GAS scale."));
      } else if (!gasLevels.has(review.gasLevel)) {
        issues.push(issue(["reviews", index, "gasLevel"], "level_not_on_scale", "The level reached must be one of the levels described on the goal's scale."));
      }
    }
  });
  const stepIds = new Set<string>();
  (goal.steps ?? []).forEach((step, index) => {
    if (stepIds.has(step.id)) issues.push(issue(["steps", index, "id"], "duplicate_step", "Each step needs its own identifier."));
    stepIds.add(step.id);
    if (step.completedOn !== undefined && step.status !== "done") {
      issues.push(issue(["steps", index, "completedOn"], "completed_but_not_done", "Only a step marked done can have a completion date."));
    }
    if (step.completedOn !== undefined && step.completedOn < createdOn) {
      issues.push(issue(["steps", index, "completedOn"], "step_before_goal", "A step cannot be completed before the goal was created."));
    }
  });
  const smart = goal.smart;
  if (smart?.startDate !== undefined && smart.targetDate !== undefined && smart.targetDate < smart.startDate) {
    issues.push(issue(["smart", "targetDate"], "target_before_start", "The target date must be on or after the start date."));
  }
  return issues;
}

/**
 * Validate a goal: the schema, then the rules (the history follows the transition table and
 * ends at the current lifecycle status; the achievement status is the latest one recorded in the
 * history or at a check-in; changes and reviews are not dated before the goal was created; every
 * step has an owner; the GAS scale describes each level once; ...). Problems come back as issues
 * with paths; nothing is thrown and nothing is silently fixed.
 *
 * @example
 * ```ts
 * const result = validateGoal(JSON.parse(text));
 * if (result.ok) save(result.value);
 * else result.issues.forEach((found) => console.warn(formatIssue(found)));
 * ```
 */
export function validateGoal(input: unknown): Result<Goal> {
  const parsed = safeParseResult(Goal, input);
  if (!parsed.ok) return fail(explainMissingOwners(parsed.issues, input));
  const issues = ruleIssues(parsed.value);
  return issues.length > 0 ? fail(issues) : ok(parsed.value);
}

/**
 * A request to change a goal's status: the lifecycle status to move to, why, who recorded it,
 * and optionally a new achievement status.
 *
 * @example
 * ```ts
 * GoalTransition.parse({
 *   to: "completed",
 *   achievementStatus: "achieved",
 *   reason: "Walking to the park most days now.",
 *   provenance: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-05-01T12:00:00Z" },
 * });
 * ```
 */
export const GoalTransition = z
  .strictObject({
    to: LifecycleStatus,
    achievementStatus: AchievementStatus.optional(),
    reason: ShortText.meta({ description: "Why the change is made, in plain words." }),
    provenance: Provenance,
  })
  .meta({ id: "GoalTransition", title: "Goal transition", description: "A request to change a goal's lifecycle and/or achievement status." });

/**
 * A request to change a goal's status (see {@link GoalTransition}).
 *
 * @example
 * ```ts
 * const pause: GoalTransition = {
 *   to: "on-hold",
 *   reason: "Back after the holidays.",
 *   provenance: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-03-20T09:00:00Z" },
 * };
 * ```
 */
export type GoalTransition = z.infer<typeof GoalTransition>;

/**
 * Move a goal to a new lifecycle status (and/or achievement status), following the transition
 * table, and append the change to its history. The goal passed in is not modified.
 * Keeping the lifecycle status with a new achievement status records progress only. A change is
 * refused, with an issue, when it is illegal, changes nothing, is dated before the goal's latest
 * change, or sets an achievement status that a later check-in contradicts.
 *
 * @example
 * ```ts
 * const moved = transitionGoal(goal, {
 *   to: "on-hold",
 *   reason: "Taking a break while my knee heals.",
 *   provenance: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-04-01T09:00:00Z" },
 * });
 * if (moved.ok) moved.value.history?.at(-1)?.to; // "on-hold"
 * else moved.issues[0]?.code; // e.g. "illegal_transition"
 * ```
 */
export function transitionGoal(goal: Goal, change: GoalTransition): Result<Goal> {
  const parsed = safeParseResult(GoalTransition, change);
  if (!parsed.ok) return parsed;
  const request = parsed.value;
  const issues: ValidationIssue[] = [];
  if (request.to === goal.lifecycleStatus) {
    if (request.achievementStatus === undefined || request.achievementStatus === goal.achievementStatus) {
      issues.push(issue(["to"], "no_change", "The goal already has this status. To record progress, give a new achievement status."));
    }
  } else if (!canTransition(goal.lifecycleStatus, request.to)) {
    issues.push(issue(["to"], "illegal_transition", illegalTransitionMessage(goal.lifecycleStatus)));
  }
  const history = goal.history ?? [];
  const latest = history[history.length - 1]?.provenance.recordedAt ?? goal.created.recordedAt;
  if (compareDates(request.provenance.recordedAt, latest) < 0) {
    issues.push(issue(["provenance", "recordedAt"], "change_before_previous", "A change cannot be recorded before the goal's latest change or its creation."));
  }
  if (issues.length > 0) return fail(issues);
  const entry: GoalChange = {
    from: goal.lifecycleStatus,
    to: request.to,
    ...(request.achievementStatus === undefined ? {} : { achievementStatus: request.achievementStatus }),
    reason: request.reason,
    provenance: request.provenance,
  };
  const achievementStatus = request.achievementStatus ?? goal.achievementStatus;
  const moved: Goal = {
    ...goal,
    lifecycleStatus: request.to,
    ...(achievementStatus === undefined ? {} : { achievementStatus }),
    history: [...history, entry],
  };
  // A check-in dated after this change would still have the last word on the achievement status.
  if (request.achievementStatus !== undefined && achievementIssues(moved).length > 0) {
    return fail([
      issue(
        ["achievementStatus"],
        "later_check_in",
        "A check-in dated after this change records a different achievement status. Date the change on or after that check-in.",
      ),
    ]);
  }
  return ok(moved);
}
