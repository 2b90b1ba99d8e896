import * as z from "zod";
import { Provenance } from "@selfmanage/core";
import { ShortText } from "./text";

/**
 * Where a goal is in its life, with the codes of FHIR R4 `Goal.lifecycleStatus`.
 *
 * @example
 * ```ts
 * LifecycleStatus.parse("active");
 * ```
 */
export const LifecycleStatus = z
  .enum(["proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled", "entered-in-error", "rejected"])
  .meta({
    id: "LifecycleStatus",
    title: "Lifecycle status",
    description:
      "Where the goal is in its life (FHIR R4 Goal.lifecycleStatus): proposed, planned, accepted, active, on-hold, completed, cancelled, entered-in-error or rejected.",
  });

/**
 * A lifecycle status code (see {@link LifecycleStatus}).
 *
 * @example
 * ```ts
 * const status: LifecycleStatus = "on-hold";
 * ```
 */
export type LifecycleStatus = z.infer<typeof LifecycleStatus>;

/**
 * How the person is getting on with a goal, with the codes of FHIR R4 `Goal.achievementStatus`.
 *
 * @example
 * ```ts
 * AchievementStatus.parse("improving");
 * ```
 */
export const AchievementStatus = z
  .enum(["in-progress", "improving", "worsening", "no-change", "achieved", "sustaining", "not-achieved", "no-progress", "not-attainable"])
  .meta({
    id: "AchievementStatus",
    title: "Achievement status",
    description:
      "How things are going with the goal (FHIR R4 Goal.achievementStatus): in-progress, improving, worsening, no-change, achieved, sustaining, not-achieved, no-progress or not-attainable.",
  });

/**
 * An achievement status code (see {@link AchievementStatus}).
 *
 * @example
 * ```ts
 * const status: AchievementStatus = "sustaining";
 * ```
 */
export type AchievementStatus = z.infer<typeof AchievementStatus>;

/**
 * The lifecycle statuses a goal can move to from each status. A move that is not listed is
 * refused with an `illegal_transition` issue. `entered-in-error` is reachable from every other
 * status, because any record can turn out to be a mistake, and nothing leaves it.
 *
 * @remarks
 * A completed goal may become active again (the person wants to keep going, or it slipped);
 * a cancelled or rejected goal is not revived: record a new goal instead, so that its history
 * stays honest.
 *
 * @example
 * ```ts
 * lifecycleTransitions.proposed; // ["planned", "accepted", "active", "rejected", "cancelled", "entered-in-error"]
 * ```
 */
export const lifecycleTransitions: Readonly<Record<LifecycleStatus, readonly LifecycleStatus[]>> = {
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

/**
 * The lifecycle statuses of goals that are still open: being considered, planned or worked on.
 *
 * @example
 * ```ts
 * openLifecycleStatuses.includes("on-hold"); // true
 * ```
 */
export const openLifecycleStatuses: readonly LifecycleStatus[] = ["proposed", "planned", "accepted", "active", "on-hold"];

/**
 * Tell whether the transition table allows a goal to move from one lifecycle status to another.
 * Staying in the same status is not a transition.
 *
 * @example
 * ```ts
 * canTransition("active", "completed"); // true
 * canTransition("cancelled", "active"); // false
 * ```
 */
export function canTransition(from: LifecycleStatus, to: LifecycleStatus): boolean {
  return lifecycleTransitions[from].includes(to);
}

/**
 * One entry in a goal's history: a change of lifecycle status and/or achievement status,
 * who recorded it and why. An entry whose `from` and `to` are the same records a change of
 * achievement status only, and must then carry `achievementStatus`.
 *
 * @example
 * ```ts
 * GoalChange.parse({
 *   from: "proposed",
 *   to: "active",
 *   reason: "Agreed at the first coaching session.",
 *   provenance: { recordedBy: "practitioner-12", role: "practitioner", recordedAt: "2026-03-02T10:00:00Z" },
 * });
 * ```
 */
export const GoalChange = z
  .strictObject({
    from: LifecycleStatus.meta({ description: "The lifecycle status before the change." }),
    to: LifecycleStatus.meta({ description: "The lifecycle status after the change." }),
    achievementStatus: AchievementStatus.optional().meta({ description: "The achievement status after the change, when it was set or changed." }),
    reason: ShortText.meta({ description: "Why the change was made, in plain words." }),
    provenance: Provenance,
  })
  .meta({ id: "GoalChange", title: "Goal change", description: "One entry in a goal's history: a status change, who recorded it, when and why." });

/**
 * One entry in a goal's history (see {@link GoalChange}).
 *
 * @example
 * ```ts
 * const change: GoalChange = {
 *   from: "active",
 *   to: "on-hold",
 *   reason: "Taking a break while in hospital.",
 *   provenance: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-04-01T09:00:00Z" },
 * };
 * ```
 */
export type GoalChange = z.infer<typeof GoalChange>;
