import { addDays, compareDates, type IsoDate, SelfManageError, toIsoDate } from "@selfmanage/core";
import { type GasLevel, type GasScale, gasTScore, gasWeight } from "./gas";
import type { Goal, GoalStep } from "./goal";
import { type AchievementStatus, AchievementStatus as AchievementStatusSchema, type LifecycleStatus, LifecycleStatus as LifecycleStatusSchema, openLifecycleStatuses } from "./lifecycle";

/**
 * One event on a goal's timeline. `kind` says what happened; the optional fields carry what a
 * chart needs for that kind (the new statuses, the progress rating, the GAS level, the step).
 *
 * @example
 * ```ts
 * const event: GoalTimelineEvent = { date: "2026-03-16", kind: "reviewed", label: "Check-in", rating: 6, achievementStatus: "improving" };
 * ```
 */
export interface GoalTimelineEvent {
  /** The day it happened. */
  readonly date: IsoDate;
  /** What happened. */
  readonly kind: "created" | "status-changed" | "achievement-changed" | "reviewed" | "step-done" | "gas-attained";
  /** A short caption for the chart. */
  readonly label: string;
  /** More words for a tooltip: the reason for a change, or the progress noted at a check-in. */
  readonly detail?: string;
  readonly lifecycleStatus?: LifecycleStatus;
  readonly achievementStatus?: AchievementStatus;
  /** The progress rating (0-10) given at a check-in. */
  readonly rating?: number;
  /** The GAS level reached. */
  readonly gasLevel?: GasLevel;
  /** The step that was done. */
  readonly stepId?: string;
}

/**
 * Whether a goal's check-in is up to date. A late check-in is `not-reviewed-yet`, and is
 * described kindly: it is a reminder, not a failure.
 *
 * @example
 * ```ts
 * const review: ReviewState = { state: "not-reviewed-yet", due: "2026-03-30", message: "Not reviewed yet: a check-in is a good moment to talk about what has helped." };
 * ```
 */
export interface ReviewState {
  readonly state: "up-to-date" | "not-reviewed-yet" | "not-needed";
  /** When the next check-in is (or was) planned; absent for closed goals. */
  readonly due?: IsoDate;
  readonly message: string;
}

/**
 * A goal's progress over time, ready for a timeline view: its events oldest first, the series
 * of progress ratings and GAS levels, step counts and whether a check-in is due.
 *
 * @example
 * ```ts
 * const timeline: GoalTimeline = summariseGoalProgress(goal, { today: "2026-04-01" });
 * timeline.events.map((event) => event.kind); // ["created", "status-changed", "step-done", "reviewed", ...]
 * ```
 */
export interface GoalTimeline {
  readonly goalId: string;
  readonly lifecycleStatus: LifecycleStatus;
  readonly achievementStatus?: AchievementStatus;
  /** The day the goal was recorded: the left edge of the chart. */
  readonly startDate: IsoDate;
  /** Today, or the last event when later: the right edge of the chart. */
  readonly endDate: IsoDate;
  readonly targetDate?: IsoDate;
  readonly events: readonly GoalTimelineEvent[];
  /** Progress ratings (0-10) from check-ins, oldest first. */
  readonly ratings: ReadonlyArray<{ readonly date: IsoDate; readonly rating: number }>;
  /** GAS levels reached at check-ins, oldest first. */
  readonly gasLevels: ReadonlyArray<{ readonly date: IsoDate; readonly level: GasLevel }>;
  readonly stepsDone: number;
  /** Steps that count: dropped steps are left out. */
  readonly stepsTotal: number;
  readonly review: ReviewState;
}

/**
 * Options for {@link summariseGoalProgress} and {@link summarisePersonGoals}.
 *
 * @example
 * ```ts
 * const options: ProgressOptions = { today: "2026-04-01", reviewIntervalDays: 14 };
 * ```
 */
export interface ProgressOptions {
  /** The day to summarise on. Defaults to the current date. */
  readonly today?: IsoDate;
  /** Days between check-ins when no next review date is set: a whole number, 1 or more. Defaults to 28. */
  readonly reviewIntervalDays?: number;
}

const KIND_ORDER: Record<GoalTimelineEvent["kind"], number> = {
  created: 0,
  "status-changed": 1,
  "achievement-changed": 2,
  "step-done": 3,
  reviewed: 4,
  "gas-attained": 5,
};

function formatLevel(level: number): string {
  return level > 0 ? `+${level}` : String(level);
}

function timelineEvents(goal: Goal): GoalTimelineEvent[] {
  const events: GoalTimelineEvent[] = [{ date: toIsoDate(goal.created.recordedAt), kind: "created", label: "Goal recorded" }];
  for (const change of goal.history ?? []) {
    const date = toIsoDate(change.provenance.recordedAt);
    const achievement = change.achievementStatus === undefined ? {} : { achievementStatus: change.achievementStatus };
    if (change.from === change.to) {
      events.push({ date, kind: "achievement-changed", label: `Progress: ${change.achievementStatus ?? "updated"}`, detail: change.reason, lifecycleStatus: change.to, ...achievement });
    } else {
      events.push({ date, kind: "status-changed", label: `Moved from ${change.from} to ${change.to}`, detail: change.reason, lifecycleStatus: change.to, ...achievement });
    }
  }
  for (const step of goal.steps ?? []) {
    if (step.status === "done" && step.completedOn !== undefined) {
      events.push({ date: step.completedOn, kind: "step-done", label: `Step done: ${step.description}`, stepId: step.id });
    }
  }
  for (const review of goal.reviews ?? []) {
    events.push({
      date: review.date,
      kind: "reviewed",
      label: "Check-in",
      detail: review.progress,
      ...(review.rating === undefined ? {} : { rating: review.rating }),
      ...(review.achievementStatus === undefined ? {} : { achievementStatus: review.achievementStatus }),
    });
    if (review.gasLevel !== undefined) {
      events.push({ date: review.date, kind: "gas-attained", label: `GAS level ${formatLevel(review.gasLevel)}`, gasLevel: review.gasLevel });
    }
  }
  // A stable sort keeps same-day events of one kind in the order they were recorded.
  return events.sort((a, b) => compareDates(a.date, b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

function latestReviewDate(goal: Goal): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const review of goal.reviews ?? []) if (latest === undefined || review.date > latest) latest = review.date;
  return latest;
}

function reviewState(goal: Goal, today: IsoDate, intervalDays: number): ReviewState {
  if (!openLifecycleStatuses.includes(goal.lifecycleStatus)) {
    return { state: "not-needed", message: "This goal is closed, so no check-in is planned." };
  }
  const lastReview = latestReviewDate(goal);
  const planned = goal.nextReviewDue;
  const due =
    planned !== undefined && (lastReview === undefined || lastReview < planned) ? planned : addDays(lastReview ?? toIsoDate(goal.created.recordedAt), intervalDays);
  if (today > due) {
    return { state: "not-reviewed-yet", due, message: "Not reviewed yet: a check-in is a good moment to talk about what has helped and what has not." };
  }
  return { state: "up-to-date", due, message: `Next check-in planned by ${due}.` };
}

function todayOrNow(options: ProgressOptions): IsoDate {
  return options.today ?? toIsoDate(new Date());
}

function reviewIntervalOf(options: ProgressOptions): number {
  const days = options.reviewIntervalDays ?? 28;
  if (!Number.isInteger(days) || days < 1) throw new SelfManageError("invalid-argument", "reviewIntervalDays must be a whole number of days, 1 or more.");
  return days;
}

/**
 * Summarise one goal's progress over time for a timeline view: creation, status changes,
 * steps done, check-ins with their ratings, and GAS levels reached, oldest first; plus whether
 * a check-in is due (a late one is "not reviewed yet", never a failure).
 *
 * @throws `SelfManageError` (from `@selfmanage/core`) with code `invalid-argument` when
 *   `options.reviewIntervalDays` is not a whole number of 1 or more: a programmer error.
 * @example
 * ```ts
 * const timeline = summariseGoalProgress(goal, { today: "2026-04-01" });
 * timeline.ratings; // [{ date: "2026-03-16", rating: 6 }, { date: "2026-03-30", rating: 8 }]
 * timeline.review.state; // "up-to-date"
 * ```
 */
export function summariseGoalProgress(goal: Goal, options: ProgressOptions = {}): GoalTimeline {
  const intervalDays = reviewIntervalOf(options);
  const today = todayOrNow(options);
  const events = timelineEvents(goal);
  const lastEvent = events[events.length - 1]?.date ?? today;
  const counted = (goal.steps ?? []).filter((step) => step.status !== "dropped");
  const reviewsInOrder = [...(goal.reviews ?? [])].sort((a, b) => compareDates(a.date, b.date));
  return {
    goalId: goal.id,
    lifecycleStatus: goal.lifecycleStatus,
    ...(goal.achievementStatus === undefined ? {} : { achievementStatus: goal.achievementStatus }),
    startDate: toIsoDate(goal.created.recordedAt),
    endDate: lastEvent > today ? lastEvent : today,
    ...(goal.smart?.targetDate === undefined ? {} : { targetDate: goal.smart.targetDate }),
    events,
    ratings: reviewsInOrder.flatMap((review) => (review.rating === undefined ? [] : [{ date: review.date, rating: review.rating }])),
    gasLevels: reviewsInOrder.flatMap((review) => (review.gasLevel === undefined ? [] : [{ date: review.date, level: review.gasLevel }])),
    stepsDone: counted.filter((step) => step.status === "done").length,
    stepsTotal: counted.length,
    review: reviewState(goal, today, intervalDays),
  };
}

/**
 * The next step of one goal, for a person's overview.
 *
 * @example
 * ```ts
 * const next: NextStep = { goalId: "goal-walk", stepId: "step-2", description: "Walk to the corner", owner: { role: "person" }, dueDate: "2026-03-09" };
 * ```
 */
export interface NextStep {
  readonly goalId: string;
  readonly stepId: string;
  readonly description: string;
  readonly owner: GoalStep["owner"];
  readonly dueDate?: IsoDate;
}

/**
 * An overview of a person's goals together: counts by lifecycle and achievement status,
 * check-ins that are due, the next step of each open goal, and the GAS T-score when goals
 * with a GAS scale have a level recorded.
 *
 * @example
 * ```ts
 * const summary: PersonGoalsSummary = summarisePersonGoals([goal], { today: "2026-04-01" });
 * summary.byLifecycle.active; // 1
 * ```
 */
export interface PersonGoalsSummary {
  readonly total: number;
  /** Goals still being considered, planned or worked on. */
  readonly open: number;
  readonly byLifecycle: Readonly<Record<LifecycleStatus, number>>;
  /** Goals by achievement status; `not-recorded` counts goals without one. */
  readonly byAchievement: Readonly<Record<AchievementStatus | "not-recorded", number>>;
  /** The check-in state of each open goal. */
  readonly reviews: ReadonlyArray<ReviewState & { readonly goalId: string }>;
  /** How many open goals have not been reviewed yet. */
  readonly notReviewedYet: number;
  /** The first step still to do on each open goal, the earliest due first. */
  readonly nextSteps: readonly NextStep[];
  /** The GAS T-score over goals with a GAS scale and a level recorded at their latest check-in that has one. */
  readonly gas?: { readonly tScore: number; readonly goalsScored: number; readonly rho: number };
}

// A scale with only one of importance and difficulty is invalid; a summary still shows it, at weight 1.
function scaleWeight(scale: GasScale): number {
  return scale.importance !== undefined && scale.difficulty !== undefined ? gasWeight(scale) : 1;
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

function nextStepOf(goal: Goal): NextStep | undefined {
  const todo = (goal.steps ?? []).filter((step) => step.status === "to-do");
  const dated = todo.filter((step) => step.dueDate !== undefined).sort((a, b) => compareDates(a.dueDate as IsoDate, b.dueDate as IsoDate));
  const step = dated[0] ?? todo[0];
  if (step === undefined) return undefined;
  return {
    goalId: goal.id,
    stepId: step.id,
    description: step.description,
    owner: step.owner,
    ...(step.dueDate === undefined ? {} : { dueDate: step.dueDate }),
  };
}

function latestGasLevel(goal: Goal): GasLevel | undefined {
  const withLevel = (goal.reviews ?? []).filter((review) => review.gasLevel !== undefined);
  const latest = withLevel.sort((a, b) => compareDates(a.date, b.date))[withLevel.length - 1];
  return latest?.gasLevel;
}

/**
 * Summarise a person's goals together: how many there are in each lifecycle and achievement
 * status, which open goals are "not reviewed yet", the next step of each open goal, and the
 * GAS T-score (rho 0.3 unless given) over goals that have a GAS scale and a level recorded.
 * Goals entered in error are counted but left out of everything else.
 *
 * @throws `SelfManageError` (from `@selfmanage/core`) with code `invalid-argument` when `options.rho`
 *   is outside [0, 1) or `options.reviewIntervalDays` is not a whole number of 1 or more: programmer
 *   errors, as for {@link gasTScore}.
 * @example
 * ```ts
 * const summary = summarisePersonGoals(goals, { today: "2026-04-01" });
 * summary.notReviewedYet; // 1
 * summary.gas?.tScore; // e.g. 53.14, when goals with a GAS scale have a level recorded
 * ```
 */
export function summarisePersonGoals(goals: readonly Goal[], options: ProgressOptions & { readonly rho?: number } = {}): PersonGoalsSummary {
  const rho = options.rho ?? 0.3;
  // Checked up front, so that a bad rho is caught whether or not any goal has a GAS level yet.
  if (!Number.isFinite(rho) || rho < 0 || rho >= 1) throw new SelfManageError("invalid-argument", "rho must be at least 0 and less than 1.");
  const today = todayOrNow(options);
  const intervalDays = reviewIntervalOf(options);
  const openGoals = goals.filter((goal) => openLifecycleStatuses.includes(goal.lifecycleStatus));
  const reviews = openGoals.map((goal) => ({ goalId: goal.id, ...reviewState(goal, today, intervalDays) }));
  // Undated steps go last: "9999-12-31" sorts after every real date.
  const nextSteps = openGoals
    .flatMap((goal) => {
      const next = nextStepOf(goal);
      return next === undefined ? [] : [next];
    })
    .sort((a, b) => (a.dueDate ?? "9999-12-31").localeCompare(b.dueDate ?? "9999-12-31"));
  const gasEntries = goals.flatMap((goal) => {
    const level = goal.lifecycleStatus === "entered-in-error" || goal.gas === undefined ? undefined : latestGasLevel(goal);
    return level === undefined || goal.gas === undefined ? [] : [{ level, weight: scaleWeight(goal.gas) }];
  });
  const gas = gasEntries.some((entry) => entry.weight > 0) ? { tScore: gasTScore(gasEntries, { rho }), goalsScored: gasEntries.length, rho } : undefined;
  return {
    total: goals.length,
    open: openGoals.length,
    byLifecycle: countBy(LifecycleStatusSchema.options, goals.map((goal) => goal.lifecycleStatus)),
    byAchievement: countBy([...AchievementStatusSchema.options, "not-recorded"], goals.map((goal) => goal.achievementStatus ?? "not-recorded")),
    reviews,
    notReviewedYet: reviews.filter((review) => review.state === "not-reviewed-yet").length,
    nextSteps,
    ...(gas === undefined ? {} : { gas }),
  };
}
