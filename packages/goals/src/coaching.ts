import * as z from "zod";
import { fail, Identifier, IsoDate, issue, ok, PersonReference, Provenance, type Result, Role, safeParseResult, type ValidationIssue } from "@selfmanage/core";
import { LongText, ShortText } from "./text";

/**
 * The most sessions in one health-coaching course.
 *
 * @example
 * ```ts
 * maxCoachingSessions; // 6
 * ```
 */
export const maxCoachingSessions = 6;

/**
 * The shortest and longest coaching session, in minutes.
 *
 * @example
 * ```ts
 * coachingSessionMinutes; // { min: 45, max: 60 }
 * ```
 */
export const coachingSessionMinutes: { readonly min: number; readonly max: number } = { min: 45, max: 60 };

/**
 * How an action agreed at the previous session went, looked at when the next session opens.
 *
 * @example
 * ```ts
 * ActionReview.parse({ actionId: "action-1", outcome: "partly-done", note: "Went once; the second time it rained." });
 * ```
 */
export const ActionReview = z
  .strictObject({
    actionId: Identifier.meta({ description: "The agreed action of the previous session this looks back on." }),
    outcome: z.enum(["done", "partly-done", "not-done", "changed"]).meta({ description: "How it went: done, partly-done, not-done, or changed (swapped for something else)." }),
    note: LongText.optional(),
  })
  .meta({ id: "ActionReview", title: "Action review", description: "How an action agreed at the previous session went." });

/**
 * How an agreed action went (see {@link ActionReview}).
 *
 * @example
 * ```ts
 * const looked: ActionReview = { actionId: "action-1", outcome: "done" };
 * ```
 */
export type ActionReview = z.infer<typeof ActionReview>;

/**
 * An action agreed at the end of a coaching session, with who will do it.
 *
 * @example
 * ```ts
 * AgreedAction.parse({ id: "action-1", description: "Walk to the park on Tuesday and Friday", owner: "person", dueDate: "2026-03-13" });
 * ```
 */
export const AgreedAction = z
  .strictObject({
    id: Identifier,
    description: ShortText,
    owner: Role.meta({ description: "Who will do it." }),
    dueDate: IsoDate.optional(),
  })
  .meta({ id: "AgreedAction", title: "Agreed action", description: "An action agreed at the end of a coaching session." });

/**
 * An agreed action (see {@link AgreedAction}).
 *
 * @example
 * ```ts
 * const action: AgreedAction = { id: "action-2", description: "Ask the GP about a pedometer", owner: "person" };
 * ```
 */
export type AgreedAction = z.infer<typeof AgreedAction>;

/**
 * Notes from the four parts of a GROW conversation: Goal, Reality, Options, and Will (the way forward).
 *
 * @example
 * ```ts
 * GrowNotes.parse({
 *   goal: "Get back to walking to the park.",
 *   reality: "Out of the house twice last week; breathless on the hill.",
 *   options: "Flat route by the canal; walking group; going with my brother.",
 *   wayForward: "Canal route twice this week, with my brother on Sunday.",
 * });
 * ```
 */
export const GrowNotes = z
  .strictObject({
    goal: LongText.meta({ description: "What the person wants from this session and beyond." }),
    reality: LongText.meta({ description: "Where things are now." }),
    options: LongText.meta({ description: "What could be done." }),
    wayForward: LongText.meta({ description: "What the person will do: the will, or way forward." }),
  })
  .meta({ id: "GrowNotes", title: "GROW notes", description: "Notes on Goal, Reality, Options and Will (way forward)." });

/**
 * GROW notes (see {@link GrowNotes}).
 *
 * @example
 * ```ts
 * const notes: GrowNotes = { goal: "Sleep better", reality: "Up at 3am most nights", options: "Wind-down routine; less tea", wayForward: "No tea after 6pm" };
 * ```
 */
export type GrowNotes = z.infer<typeof GrowNotes>;

/**
 * One health-coaching session: its number in the course, date and length (45-60 minutes),
 * a look back at the actions agreed last time (from the second session on), GROW notes, and the
 * actions agreed at the end.
 *
 * @example
 * ```ts
 * CoachingSession.parse({
 *   number: 1,
 *   date: "2026-03-02",
 *   durationMinutes: 50,
 *   grow: { goal: "Walk more", reality: "Mostly indoors", options: "Canal path; walking group", wayForward: "Canal path twice" },
 *   agreedActions: [{ id: "action-1", description: "Walk the canal path twice", owner: "person" }],
 * });
 * ```
 */
export const CoachingSession = z
  .strictObject({
    number: z.int().min(1).max(99).meta({ description: "The session's place in the course: 1 for the first." }),
    date: IsoDate,
    durationMinutes: z.int().min(1).max(480).meta({ description: "How long the session lasted; 45 to 60 minutes." }),
    reviewOfLastActions: z.array(ActionReview).max(20).optional().meta({ description: "How each action agreed last time went. Every session after the first opens with it." }),
    grow: GrowNotes,
    agreedActions: z.array(AgreedAction).max(20).meta({ description: "The actions agreed at the end of the session; at least one." }),
    goalIds: z.array(Identifier).max(20).optional().meta({ description: "The goals the session worked on." }),
    provenance: Provenance.optional(),
  })
  .meta({ id: "CoachingSession", title: "Coaching session", description: "One health-coaching session with GROW notes and agreed actions." });

/**
 * A coaching session (see {@link CoachingSession}).
 *
 * @example
 * ```ts
 * const session: CoachingSession = {
 *   number: 1,
 *   date: "2026-03-02",
 *   durationMinutes: 45,
 *   grow: { goal: "Walk more", reality: "Mostly indoors", options: "Canal path", wayForward: "Canal path twice" },
 *   agreedActions: [{ id: "action-1", description: "Walk the canal path twice", owner: "person" }],
 * };
 * ```
 */
export type CoachingSession = z.infer<typeof CoachingSession>;

/**
 * A course of health coaching for one person: up to six sessions, in order.
 *
 * @example
 * ```ts
 * CoachingCourse.parse({ id: "course-1", person: "person-7f3a9c", coach: "coach-3", sessions: [] });
 * ```
 */
export const CoachingCourse = z
  .strictObject({
    id: Identifier,
    person: PersonReference,
    coach: Identifier.optional().meta({ description: "A pseudonymous identifier of the health coach." }),
    goalIds: z.array(Identifier).max(50).optional().meta({ description: "The goals the course supports." }),
    sessions: z.array(CoachingSession).max(100).meta({ description: "The sessions held so far, in order: at most six." }),
  })
  .meta({ id: "CoachingCourse", title: "Coaching course", description: "A course of up to six health-coaching sessions." });

/**
 * A coaching course (see {@link CoachingCourse}).
 *
 * @example
 * ```ts
 * const course: CoachingCourse = { id: "course-1", person: "person-7f3a9c", sessions: [] };
 * ```
 */
export type CoachingCourse = z.infer<typeof CoachingCourse>;

function lastActionsReviewIssues(session: CoachingSession, previous: CoachingSession | undefined): ValidationIssue[] {
  const reviewed = session.reviewOfLastActions ?? [];
  if (previous === undefined) {
    return reviewed.length > 0
      ? [issue(["reviewOfLastActions"], "nothing_to_review", "The first session has no earlier actions to look back on.")]
      : [];
  }
  const issues: ValidationIssue[] = [];
  const agreedIds = new Set(previous.agreedActions.map((action) => action.id));
  const reviewedIds = new Set<string>();
  reviewed.forEach((review, index) => {
    if (!agreedIds.has(review.actionId)) {
      issues.push(issue(["reviewOfLastActions", index, "actionId"], "unknown_action", "This is not one of the actions agreed at the previous session."));
    } else if (reviewedIds.has(review.actionId)) {
      issues.push(issue(["reviewOfLastActions", index, "actionId"], "action_reviewed_twice", "This action has already been looked back on in this session: keep one note of how it went."));
    }
    reviewedIds.add(review.actionId);
  });
  if ([...agreedIds].some((id) => !reviewedIds.has(id))) {
    issues.push(
      issue(
        ["reviewOfLastActions"],
        "previous_actions_not_reviewed",
        "Each session opens by looking back at the actions agreed last time: add how each of them went, even if it did not happen.",
      ),
    );
  }
  return issues;
}

function sessionIssues(session: CoachingSession, index: number, previous: CoachingSession | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (session.number !== index + 1) {
    issues.push(issue(["number"], "session_number", "Sessions are numbered 1, 2, 3... in the order they are listed."));
  }
  if (previous !== undefined && session.date < previous.date) {
    issues.push(issue(["date"], "session_out_of_order", "A session cannot be dated before the session listed before it."));
  }
  if (session.durationMinutes < coachingSessionMinutes.min || session.durationMinutes > coachingSessionMinutes.max) {
    issues.push(issue(["durationMinutes"], "session_length", "A coaching session lasts from 45 to 60 minutes."));
  }
  if (session.agreedActions.length === 0) {
    issues.push(issue(["agreedActions"], "no_agreed_actions", "Each session ends with at least one agreed action, however small."));
  }
  const actionIds = new Set<string>();
  session.agreedActions.forEach((action, actionIndex) => {
    if (actionIds.has(action.id)) issues.push(issue(["agreedActions", actionIndex, "id"], "duplicate_action", "Each agreed action needs its own identifier."));
    actionIds.add(action.id);
  });
  for (const found of lastActionsReviewIssues(session, previous)) issues.push(found);
  return issues.map((found) => ({ ...found, path: ["sessions", index, ...found.path] }));
}

/**
 * Validate a coaching course: the schema, then the rules (at most six sessions, numbered in
 * order and dated in order, each 45-60 minutes, each after the first opening with one look back at
 * every action agreed last time, each ending with agreed actions).
 *
 * @example
 * ```ts
 * const result = validateCoachingCourse(course);
 * if (!result.ok) result.issues.map((found) => found.code); // e.g. ["too_many_sessions"]
 * ```
 */
export function validateCoachingCourse(input: unknown): Result<CoachingCourse> {
  const parsed = safeParseResult(CoachingCourse, input);
  if (!parsed.ok) return parsed;
  const { sessions } = parsed.value;
  const issues: ValidationIssue[] = sessions.flatMap((session, index) => sessionIssues(session, index, sessions[index - 1]));
  if (sessions.length > maxCoachingSessions) {
    issues.push(
      issue(
        ["sessions", maxCoachingSessions],
        "too_many_sessions",
        "A coaching course has at most six sessions. To keep going, start a new course and link it to the same goals.",
      ),
    );
  }
  return issues.length > 0 ? fail(issues) : ok(parsed.value);
}
