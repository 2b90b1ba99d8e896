import { describe, expect, it } from "vitest";
import { formatIssue } from "@selfmanage/core";
import { makeReflection, makeSession } from "../test/fixtures";
import { reflectivePracticeTaxonomy as taxonomy } from "./builtins";
import { validatePracticeRecords } from "./records";
import { validateReflection } from "./reflection";
import { validateSession } from "./session";

const codes = (result: { ok: boolean; issues?: { path: (string | number)[]; code: string }[] }) => (result.ok ? [] : (result.issues ?? []).map((found) => `${found.path.join(".")}: ${found.code}`));
const SENTINEL = "SENTINEL-Morag-Fictional-0131";

describe("validateSession", () => {
  it("accepts counts by sector and role that leave some people unrecorded", () => {
    const session = makeSession("s-1", "2026-03-12", 12, {
      format: "hybrid",
      participants: { total: 12, bySector: [{ sector: "health", count: 7 }, { sector: "third-sector", count: 3 }], byRole: [{ role: "practitioner", count: 10 }], studying: 2 },
      livedExperience: { inDelivery: true, contributions: ["co-facilitated", "shared-own-story"] },
    });
    expect(validateSession(session).ok).toBe(true);
  });

  it("rejects counts that add up to more than took part, repeats and contradictions", () => {
    const session = makeSession("s-1", "2026-03-12", 4, {
      participants: { total: 4, bySector: [{ sector: "health", count: 3 }, { sector: "health", count: 2 }], byRole: [{ role: "practitioner", count: 5 }], studying: 6 },
      livedExperience: { inDelivery: false, contributions: ["recorded-story", "recorded-story"] },
    });
    expect(codes(validateSession(session))).toEqual([
      "participants.bySector.1.sector: duplicate_sector",
      "participants.bySector: counts_exceed_total",
      "participants.byRole: counts_exceed_total",
      "participants.studying: counts_exceed_total",
      "livedExperience.contributions: contradiction",
      "livedExperience.contributions: duplicate_contribution",
    ]);
  });

  it("has no field for a person's name, and never repeats a rejected value", () => {
    const result = validateSession({ ...makeSession("s-1", "2026-03-12"), facilitator: SENTINEL, date: SENTINEL });
    expect(codes(result)).toEqual(["date: invalid_format", "facilitator: unknown_field"]);
    expect(JSON.stringify(result)).not.toContain(SENTINEL);
  });
});

describe("validateReflection", () => {
  it("accepts a pseudonymous reflection with a plan and follow-up, and an anonymous one", () => {
    const full = makeReflection(
      "r-1",
      "s-1",
      { pillars: ["holistic", "empowerment"], techniques: ["signposting"], challenges: ["time", "engagement"], solutions: [{ solution: "managing-expectations", addresses: ["engagement"] }, "working-with-colleagues"] },
      {
        participant: "participant-7f3a",
        freeText: "More time with each person would help.",
        plan: { text: "Ask what matters first.", techniques: ["setting-realistic-goals"], by: "2026-06-30" },
        followUp: { date: "2026-07-01", planStatus: "partly", changed: "I ask earlier.", barriers: ["time"] },
      },
    );
    expect(validateReflection(full, taxonomy)).toEqual({ ok: true, value: full });
    expect(validateReflection(makeReflection("r-2", "s-1"), taxonomy).ok).toBe(true);
  });

  it("checks every tag against the taxonomy, with paths", () => {
    const reflection = makeReflection(
      "r-1",
      "s-1",
      { pillars: ["holistic", "hope", "holistic"], techniques: ["time"], challenges: ["time"], solutions: ["listening", { solution: "managing-expectations", addresses: ["funding", "time", "time"] }] },
      { plan: { text: "Plan.", techniques: ["screening"] }, followUp: { date: "2026-07-01", planStatus: "done", barriers: ["signposting"] } },
    );
    expect(codes(validateReflection(reflection, taxonomy))).toEqual([
      "meaning.pillars.1: unknown_term",
      "meaning.pillars.2: duplicate_tag",
      "techniques.0: unknown_term",
      "solutions.0.solution: unknown_term",
      "solutions.1.addresses.0: unnamed_challenge",
      "solutions.1.addresses.2: duplicate_tag",
      "plan.techniques.0: unknown_term",
      "followUp.barriers.0: unknown_term",
    ]);
  });

  it("needs the right taxonomy and a plan for a follow-up, and refuses identifying references", () => {
    const reflection = makeReflection("r-1", "s-1", {}, { taxonomy: "another", followUp: { date: "2026-07-01", planStatus: "done" } });
    expect(codes(validateReflection(reflection, taxonomy))).toEqual(["taxonomy: taxonomy_mismatch", "followUp: follow_up_without_plan"]);
    const named = validateReflection(makeReflection("r-1", "s-1", {}, { participant: "morag@example.org" }), taxonomy);
    expect(codes(named)).toEqual(["participant: not_pseudonymous"]);
    expect(JSON.stringify(validateReflection({ ...makeReflection("r-1", "s-1"), name: SENTINEL }, taxonomy))).not.toContain(SENTINEL);
  });
});

describe("validatePracticeRecords", () => {
  it("checks records together: ids, sessions, participant counts and dates", () => {
    const sessions = [makeSession("s-1", "2026-03-12", 2), makeSession("s-1", "2026-04-12"), { id: "s-3" }];
    const reflections = [
      makeReflection("r-1", "s-1", {}, { participant: "p-1" }),
      makeReflection("r-1", "s-1", {}, { participant: "p-1" }),
      makeReflection("r-3", "s-1", {}, { plan: { text: "Plan." }, followUp: { date: "2026-03-01", planStatus: "not-yet" } }),
      makeReflection("r-4", "s-9"),
      makeReflection("r-5", "s-1", { pillars: ["hope"] }),
    ];
    const result = validatePracticeRecords({ sessions, reflections }, taxonomy);
    expect(codes(result)).toEqual([
      "sessions.2.date: required",
      "sessions.2.facilitatorOrganisation: required",
      "sessions.2.format: required",
      "sessions.2.participants: required",
      "sessions.2.livedExperience: required",
      "reflections.4.meaning.pillars.0: unknown_term",
      "sessions.1.id: duplicate_session",
      "reflections.1.id: duplicate_reflection",
      "reflections.1.participant: duplicate_participant",
      "reflections.2.sessionId: more_reflections_than_participants",
      "reflections.2.followUp.date: follow_up_before_session",
      "reflections.3.sessionId: unknown_session",
    ]);
    if (!result.ok) for (const found of result.issues) expect(formatIssue(found)).not.toMatch(/s-9|p-1/);
  });

  it("returns the checked records", () => {
    const records = { sessions: [makeSession("s-1", "2026-03-12")], reflections: [makeReflection("r-1", "s-1")] };
    expect(validatePracticeRecords(records, taxonomy)).toEqual({ ok: true, value: records });
  });
});
