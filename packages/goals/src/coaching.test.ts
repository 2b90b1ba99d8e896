import { describe, expect, it } from "vitest";
import type { ValidationIssue } from "@selfmanage/core";
import { type CoachingCourse, type CoachingSession, validateCoachingCourse } from "./coaching";
import { clone, coachingCourse, SENTINEL } from "../test/fixtures";

function issuesOf(input: unknown): ValidationIssue[] {
  const result = validateCoachingCourse(input);
  if (result.ok) throw new Error("expected the course to be refused");
  return result.issues;
}

function sessionAfter(previous: CoachingSession, number: number): CoachingSession {
  const actionId = `action-${number}`;
  return {
    number,
    date: `2026-0${Math.min(9, 3 + Math.floor(number / 2))}-1${number % 10}`,
    durationMinutes: 60,
    reviewOfLastActions: previous.agreedActions.map((action) => ({ actionId: action.id, outcome: "done" as const })),
    grow: { goal: "Keep walking", reality: "Walking most weeks", options: "Longer route", wayForward: "Longer route once" },
    agreedActions: [{ id: actionId, description: "Try the longer route", owner: "person" }],
  };
}

function courseOf(sessionCount: number): CoachingCourse {
  const sessions: CoachingSession[] = [clone(coachingCourse.sessions[0]!)];
  for (let number = 2; number <= sessionCount; number += 1) sessions.push(sessionAfter(sessions[sessions.length - 1]!, number));
  return { ...clone(coachingCourse), sessions };
}

describe("validateCoachingCourse", () => {
  it("accepts a course whose sessions open with last time's actions", () => {
    expect(validateCoachingCourse(coachingCourse)).toEqual({ ok: true, value: coachingCourse });
  });

  it("accepts six sessions and an empty course", () => {
    expect(validateCoachingCourse(courseOf(6)).ok).toBe(true);
    expect(validateCoachingCourse({ ...coachingCourse, sessions: [] }).ok).toBe(true);
  });

  it("refuses a seventh session with an issue at its path", () => {
    expect(issuesOf(courseOf(7))).toEqual([
      {
        path: ["sessions", 6],
        code: "too_many_sessions",
        message: "A coaching course has at most six sessions. To keep going, start a new course and link it to the same goals.",
      },
    ]);
  });

  it("asks each session after the first to look back at every action agreed last time", () => {
    const missing = clone(coachingCourse);
    delete missing.sessions[1]!.reviewOfLastActions;
    expect(issuesOf(missing)).toEqual([
      {
        path: ["sessions", 1, "reviewOfLastActions"],
        code: "previous_actions_not_reviewed",
        message: "Each session opens by looking back at the actions agreed last time: add how each of them went, even if it did not happen.",
      },
    ]);
    const partial = clone(coachingCourse);
    partial.sessions[1]!.reviewOfLastActions = [{ actionId: "action-1", outcome: "not-done" }];
    expect(issuesOf(partial).map((found) => found.code)).toEqual(["previous_actions_not_reviewed"]);
  });

  it("refuses a look back at an action that was not agreed last time, or in the first session", () => {
    const unknown = clone(coachingCourse);
    unknown.sessions[1]!.reviewOfLastActions!.push({ actionId: "action-99", outcome: "changed" });
    expect(issuesOf(unknown)).toEqual([
      { path: ["sessions", 1, "reviewOfLastActions", 2, "actionId"], code: "unknown_action", message: "This is not one of the actions agreed at the previous session." },
    ]);
    const first = clone(coachingCourse);
    first.sessions[0]!.reviewOfLastActions = [{ actionId: "action-1", outcome: "done" }];
    expect(issuesOf(first).map((found) => [found.path.join("."), found.code])).toEqual([["sessions.0.reviewOfLastActions", "nothing_to_review"]]);
  });

  it("refuses two looks back at the same action in one session", () => {
    const course = clone(coachingCourse);
    course.sessions[1]!.reviewOfLastActions!.push({ actionId: "action-1", outcome: "not-done" });
    expect(issuesOf(course)).toEqual([
      {
        path: ["sessions", 1, "reviewOfLastActions", 2, "actionId"],
        code: "action_reviewed_twice",
        message: "This action has already been looked back on in this session: keep one note of how it went.",
      },
    ]);
  });

  it("checks numbering, order, length and agreed actions of each session", () => {
    const course = clone(coachingCourse);
    const second = course.sessions[1]!;
    second.number = 3;
    second.date = "2026-03-01";
    second.durationMinutes = 30;
    second.agreedActions = [];
    course.sessions[0]!.agreedActions[1]!.id = "action-1";
    second.reviewOfLastActions = [{ actionId: "action-1", outcome: "done" }];
    expect(issuesOf(course).map((found) => [found.path.join("."), found.code])).toEqual([
      ["sessions.0.agreedActions.1.id", "duplicate_action"],
      ["sessions.1.number", "session_number"],
      ["sessions.1.date", "session_out_of_order"],
      ["sessions.1.durationMinutes", "session_length"],
      ["sessions.1.agreedActions", "no_agreed_actions"],
    ]);
  });

  it("accepts exactly 45 and 60 minutes and refuses 61", () => {
    const course = clone(coachingCourse);
    course.sessions[0]!.durationMinutes = 60;
    expect(validateCoachingCourse(course).ok).toBe(true);
    course.sessions[0]!.durationMinutes = 61;
    expect(issuesOf(course)).toEqual([{ path: ["sessions", 0, "durationMinutes"], code: "session_length", message: "A coaching session lasts from 45 to 60 minutes." }]);
  });

  it("requires GROW notes and never repeats rejected values", () => {
    const course = clone(coachingCourse) as unknown as { sessions: Array<Record<string, unknown>> };
    course.sessions[0]!.grow = { goal: SENTINEL, reality: SENTINEL, options: SENTINEL };
    course.sessions[0]!.date = SENTINEL;
    const found = issuesOf(course);
    expect(found.map((problem) => [problem.path.join("."), problem.code])).toEqual([
      ["sessions.0.date", "invalid_format"],
      ["sessions.0.grow.wayForward", "required"],
    ]);
    for (const problem of found) expect(problem.message).not.toContain(SENTINEL);
  });
});
