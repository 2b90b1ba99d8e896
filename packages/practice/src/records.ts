import * as z from "zod";
import { fail, issue, ok, prefixIssues, type Result, type ValidationIssue } from "@selfmanage/core";
import { Reflection, validateReflection } from "./reflection";
import { Session, validateSession } from "./session";
import type { PracticeTaxonomy } from "./taxonomy";

/**
 * A run of sessions and the reflections collected in them: what {@link summarisePractice}
 * summarises.
 *
 * @example
 * ```ts
 * const records = PracticeRecords.parse({ sessions: [], reflections: [] });
 * ```
 */
export const PracticeRecords = z
  .strictObject({
    sessions: z.array(Session).meta({ description: "The sessions." }),
    reflections: z.array(Reflection).meta({ description: "The reflections collected in them." }),
  })
  .meta({ id: "PracticeRecords", title: "Sessions and reflections", description: "A run of reflective practice sessions and the reflections collected in them." });

/**
 * Sessions and their reflections (see {@link PracticeRecords}).
 *
 * @example
 * ```ts
 * const records: PracticeRecords = { sessions: [], reflections: [] };
 * ```
 */
export type PracticeRecords = z.infer<typeof PracticeRecords>;

/**
 * Check a run of sessions and reflections together: each record on its own
 * ({@link validateSession}, {@link validateReflection}), then across records. Session and
 * reflection ids must be unique; every reflection must come from a listed session, no earlier
 * than which its follow-up can be; a session cannot have more reflections than participants;
 * and one pseudonymous participant reflects at most once per session.
 *
 * @remarks
 * Issue paths start at the list: `["reflections", 12, "sessionId"]`.
 *
 * @example
 * ```ts
 * const checked = validatePracticeRecords({ sessions, reflections }, reflectivePracticeTaxonomy);
 * if (checked.ok) summarisePractice(checked.value, reflectivePracticeTaxonomy);
 * ```
 */
export function validatePracticeRecords(input: { readonly sessions: readonly unknown[]; readonly reflections: readonly unknown[] }, taxonomy: PracticeTaxonomy): Result<PracticeRecords> {
  const issues: ValidationIssue[] = [];
  const sessions: { value: Session; index: number }[] = [];
  const reflections: { value: Reflection; index: number }[] = [];
  input.sessions.forEach((candidate, index) => {
    const checked = validateSession(candidate);
    if (checked.ok) sessions.push({ value: checked.value, index });
    else for (const found of prefixIssues(checked.issues, ["sessions", index])) issues.push(found);
  });
  input.reflections.forEach((candidate, index) => {
    const checked = validateReflection(candidate, taxonomy);
    if (checked.ok) reflections.push({ value: checked.value, index });
    else for (const found of prefixIssues(checked.issues, ["reflections", index])) issues.push(found);
  });

  const sessionById = new Map<string, Session>();
  for (const { value: session, index } of sessions) {
    if (sessionById.has(session.id)) issues.push(issue(["sessions", index, "id"], "duplicate_session", "Each session id must be unique."));
    else sessionById.set(session.id, session);
  }

  const reflectionIds = new Set<string>();
  const perSession = new Map<string, number>();
  const participants = new Set<string>();
  for (const { value: reflection, index } of reflections) {
    if (reflectionIds.has(reflection.id)) issues.push(issue(["reflections", index, "id"], "duplicate_reflection", "Each reflection id must be unique."));
    reflectionIds.add(reflection.id);
    const session = sessionById.get(reflection.sessionId);
    if (session === undefined) {
      issues.push(issue(["reflections", index, "sessionId"], "unknown_session", "This reflection names a session that is not in the list of sessions."));
      continue;
    }
    const count = (perSession.get(session.id) ?? 0) + 1;
    perSession.set(session.id, count);
    if (count === session.participants.total + 1) {
      issues.push(issue(["reflections", index, "sessionId"], "more_reflections_than_participants", "This session has more reflections than participants."));
    }
    if (reflection.participant !== undefined) {
      const key = `${session.id}\u0000${reflection.participant}`;
      if (participants.has(key)) issues.push(issue(["reflections", index, "participant"], "duplicate_participant", "This participant already has a reflection from the same session."));
      participants.add(key);
    }
    if (reflection.followUp !== undefined && reflection.followUp.date < session.date) {
      issues.push(issue(["reflections", index, "followUp", "date"], "follow_up_before_session", "The follow-up is dated before the session it follows up."));
    }
  }
  return issues.length === 0 ? ok({ sessions: sessions.map((entry) => entry.value), reflections: reflections.map((entry) => entry.value) }) : fail(issues);
}
