import { describe, expect, it } from "vitest";
import { many, makeSession } from "../../test/fixtures";
import { reflectivePracticeTaxonomy as taxonomy } from "../builtins";
import { validatePracticeRecords, type PracticeRecords } from "../records";
import type { Reflection } from "../reflection";
import { summarisePractice } from "./summarise";
import type { CategoryFrequencies, PracticeSummary } from "./types";

/*
 * Three fictional sessions, worked by hand (minimum 5):
 *
 *   session a (2026-01-15, Q1, 12 people): 6 reflections  A1 = holistic+empowerment / signposting / time / colleagues, plan, done
 *                                          4 reflections  A2 = holistic+communication / gathering-information / time+funding /
 *                                                              managing-expectations for funding only, plan, not followed up
 *   session b (2026-02-20, Q1, 10 people): 8 reflections  B  = holistic / signposting+training / engagement / person-centred;
 *                                                              5 of them have a plan, followed up "partly" with time in the way
 *   session c (2026-04-10, Q2, 14 people): 7 reflections  C1 = empowerment / - / time / colleagues+across-services, plan, not yet;
 *                                                              free text suggests building trust (untagged) and across services (tagged)
 *                                          5 reflections  C2 = holistic+empowerment / signposting / engagement / person-centred
 */
function records(): PracticeRecords {
  const plan = { text: "Try one new thing." };
  const a1 = many(6, "a", { pillars: ["holistic", "empowerment"], techniques: ["signposting"], challenges: ["time"], solutions: ["working-with-colleagues"] }, {
    freeText: "We never have enough time and the caseload is huge.",
    plan,
    followUp: { date: "2026-03-01", planStatus: "done" },
  });
  const a2 = many(4, "a", { pillars: ["holistic", "communication"], techniques: ["gathering-information"], challenges: ["time", "funding"], solutions: [{ solution: "managing-expectations", addresses: ["funding"] }] }, { plan }, 6);
  const b: Reflection[] = many(8, "b", { pillars: ["holistic"], techniques: ["signposting", "training"], challenges: ["engagement"], solutions: ["person-centred-communication"] }).map((reflection, index) =>
    index < 5 ? { ...reflection, plan, followUp: { date: "2026-04-01", planStatus: "partly", barriers: ["time"] } } : reflection,
  );
  const c1 = many(7, "c", { pillars: ["empowerment"], challenges: ["time"], solutions: ["working-with-colleagues", "working-across-services"] }, {
    freeText: "Building trust with other services takes months.",
    plan,
    followUp: { date: "2026-06-01", planStatus: "not-yet" },
  });
  const c2 = many(5, "c", { pillars: ["holistic", "empowerment"], techniques: ["signposting"], challenges: ["engagement"], solutions: ["person-centred-communication"] }, {}, 7);
  return {
    sessions: [
      makeSession("a", "2026-01-15", 12, { participants: { total: 12, bySector: [{ sector: "health", count: 8 }, { sector: "social-care", count: 3 }] } }),
      makeSession("b", "2026-02-20", 10, { format: "online", participants: { total: 10, bySector: [{ sector: "health", count: 6 }, { sector: "third-sector", count: 4 }], studying: 3 }, livedExperience: { inDelivery: false } }),
      makeSession("c", "2026-04-10", 14, {
        format: "online",
        participants: { total: 14, bySector: [{ sector: "health", count: 10 }, { sector: "housing", count: 2 }, { sector: "social-care", count: 2 }] },
        livedExperience: { inDelivery: true, contributions: ["co-facilitated"] },
      }),
    ],
    reflections: [...a1, ...a2, ...b, ...c1, ...c2],
  };
}

const counts = (frequencies: CategoryFrequencies | undefined) => Object.fromEntries((frequencies?.terms ?? []).map((term) => [term.termId, term.count]));
const shares = (frequencies: CategoryFrequencies | undefined) => Object.fromEntries((frequencies?.terms ?? []).map((term) => [term.termId, term.share]));
const category = (summary: PracticeSummary, name: string) => summary.frequencies.find((entry) => entry.category === name);

describe("summarisePractice, worked by hand", () => {
  const checked = validatePracticeRecords(records(), taxonomy);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  const summary = summarisePractice(checked.value, taxonomy);

  it("counts sessions, formats, lived experience and participants, protecting small sectors", () => {
    expect(summary.reflections).toBe(30);
    const overview = summary.sessions;
    expect(overview).toMatchObject({ sessions: 3, firstDate: "2026-01-15", lastDate: "2026-04-10", facilitatorOrganisations: 1, participants: 36, livedExperienceInDelivery: 2 });
    expect(overview.formats).toEqual([
      { format: "in-person", sessions: 1 },
      { format: "online", sessions: 2 },
      { format: "hybrid", sessions: 0 },
    ]);
    expect(overview.contributions.find((entry) => entry.contribution === "co-facilitated")?.sessions).toBe(1);
    // health 24, social care 5, third sector 4, housing 2, not recorded 1: the last three are small (7 together).
    expect(Object.fromEntries(overview.bySector.map((entry) => [entry.group, entry.count]))).toEqual({
      health: 24,
      "social-care": 5,
      "third-sector": null,
      "independent-sector": 0,
      housing: null,
      education: 0,
      "local-authority": 0,
      other: 0,
      "not-recorded": null,
    });
    expect(overview.byRole.find((entry) => entry.group === "not-recorded")).toEqual({ group: "not-recorded", count: 36, suppressed: false });
    expect(overview.studying).toEqual({ count: null, suppressed: true });
  });

  it("counts how often each pillar, technique, challenge and solution comes up, suppressing small counts", () => {
    expect(counts(category(summary, "pillar"))).toEqual({ holistic: 23, empowerment: 18, communication: null, "quality-service": 0, "partnership-working": 0 });
    expect(shares(category(summary, "pillar"))).toMatchObject({ holistic: 76.7, empowerment: 60, communication: null, "quality-service": 0 });
    expect(counts(category(summary, "technique"))).toEqual({
      "gathering-information": null,
      "sharing-good-practice": 0,
      training: 8,
      "building-networks": 0,
      "screening-tools": 0,
      signposting: 19,
      "setting-realistic-goals": 0,
    });
    expect(category(summary, "technique")?.terms.find((term) => term.termId === "signposting")?.group).toBe("during");
    expect(counts(category(summary, "challenge"))).toMatchObject({ hierarchy: 0, time: 17, funding: null, engagement: 13 });
    expect(counts(category(summary, "solution"))).toEqual({ "working-with-colleagues": 13, "working-across-services": 7, "managing-expectations": null, "person-centred-communication": 13 });
  });

  it("cross-tabulates challenges and solutions, suppressing cells that subtraction from a row or column would expose", () => {
    const cell = (challenge: string, solution: string) =>
      summary.crossTabulation.cells[summary.crossTabulation.challengeIds.indexOf(challenge)]?.[summary.crossTabulation.solutionIds.indexOf(solution)]?.count;
    // time x colleagues is 13, but 17 reflections name time: the other 4 would be exposed.
    expect(cell("time", "working-with-colleagues")).toBeNull();
    expect(cell("time", "working-across-services")).toBe(7);
    expect(cell("time", "person-centred-communication")).toBe(0);
    expect(cell("engagement", "person-centred-communication")).toBe(13);
    expect(cell("engagement", "working-with-colleagues")).toBe(0);
    // Four reflections name funding and four propose managing expectations: that row and column say nothing.
    for (const solution of summary.crossTabulation.solutionIds) expect(cell("funding", solution)).toBeNull();
    for (const challenge of summary.crossTabulation.challengeIds) expect(cell(challenge, "managing-expectations")).toBeNull();
    expect(cell("hierarchy", "working-with-colleagues")).toBe(0);
  });

  it("compares periods, with complementary suppression across them", () => {
    expect(summary.periods.map((entry) => [entry.period.id, entry.sessions, entry.reflections])).toEqual([
      ["2026-01-01/2026-03-31", 2, 18],
      ["2026-04-01/2026-06-30", 1, 12],
    ]);
    const [first, second] = summary.periods;
    expect(counts(first?.categories[0])).toMatchObject({ holistic: 18, empowerment: 6, communication: null });
    expect(counts(second?.categories[0])).toMatchObject({ holistic: 5, empowerment: 12, communication: null });
    // Signposting: 14 of 18 in Q1 leaves 4 who did not, so it is withheld; Q2's 5 goes with it, or 19 - 5 would give 14 back.
    expect(counts(first?.categories[1]).signposting).toBeNull();
    expect(counts(second?.categories[1]).signposting).toBeNull();
    expect(counts(category(summary, "technique")).signposting).toBe(19);
    const change = summary.changes[0];
    expect(change).toMatchObject({ from: "2026-01-01/2026-03-31", to: "2026-04-01/2026-06-30" });
    const termChange = (termId: string) => change?.terms.find((entry) => entry.termId === termId);
    expect(termChange("holistic")).toEqual({ category: "pillar", termId: "holistic", before: 100, after: 41.7, change: -58.3 });
    expect(termChange("empowerment")).toEqual({ category: "pillar", termId: "empowerment", before: 33.3, after: 100, change: 66.7 });
    expect(termChange("signposting")?.change).toBeNull();
    expect(termChange("working-across-services")).toMatchObject({ before: 0, after: 58.3, change: 58.3 });
  });

  it("follows plans through, protecting small outcomes and their complements", () => {
    const { withPlan, outcomes, barriers } = summary.followThrough;
    expect(withPlan).toEqual({ count: 22, suppressed: false });
    // done 6, partly 5, not yet 7, set aside 0, not followed up 4: 4 is small, and 5 goes with it.
    expect(outcomes.map((outcome) => [outcome.status, outcome.count])).toEqual([
      ["done", 6],
      ["partly", null],
      ["not-yet", 7],
      ["set-aside", 0],
      ["not-followed-up", null],
    ]);
    expect(barriers.find((term) => term.termId === "time")).toEqual({ termId: "time", group: "system", count: 5, suppressed: false, share: null });
    expect(barriers.find((term) => term.termId === "funding")?.count).toBe(0);
  });

  it("counts suggested themes that are not tagged yet, and nothing that is", () => {
    expect(summary.themes.reflectionsWithText).toBe(22);
    const theme = (termId: string) => summary.themes.terms.find((entry) => entry.termId === termId);
    expect(theme("building-trust")).toEqual({ category: "challenge", termId: "building-trust", count: 7, suppressed: false });
    expect(theme("time")?.count).toBe(0); // found in A1's words, but A1 is already tagged with it
    expect(theme("working-across-services")?.count).toBe(0);
  });

  it("carries no free text and no participant reference", () => {
    const text = JSON.stringify(summary);
    expect(text).not.toContain("caseload");
    expect(text).not.toContain("Try one new thing");
    expect(text).not.toContain("a-r0");
  });

  it("shows every count with protection switched off", () => {
    const open = summarisePractice(checked.value, taxonomy, { minimumRespondents: 1 });
    expect(counts(category(open, "pillar")).communication).toBe(4);
    expect(open.followThrough.outcomes.map((outcome) => outcome.count)).toEqual([6, 5, 7, 0, 4]);
    expect(open.sessions.studying.count).toBe(3);
    expect(open.crossTabulation.cells[open.crossTabulation.challengeIds.indexOf("funding")]?.[open.crossTabulation.solutionIds.indexOf("managing-expectations")]?.count).toBe(4);
  });

  it("cuts other periods", () => {
    const yearly = summarisePractice(checked.value, taxonomy, { period: "year", firstMonth: 4 });
    expect(yearly.periods.map((entry) => entry.period.label)).toEqual(["April 2025 to March 2026", "April 2026 to March 2027"]);
    expect(yearly.period).toEqual({ length: "year", firstMonth: 4 });
    expect(summarisePractice(checked.value, taxonomy, { period: "year" }).changes).toEqual([]);
  });
});

describe("summarisePractice edge cases", () => {
  it("withholds everything about too few reflections, and the total when periods cannot protect each other", () => {
    const few = { sessions: [makeSession("a", "2026-01-15", 3)], reflections: many(3, "a", { pillars: ["holistic"] }) };
    const summary = summarisePractice(few, taxonomy);
    expect(counts(summary.frequencies[0])).toEqual({ holistic: null, empowerment: null, communication: null, "quality-service": null, "partnership-working": null });
    expect(summary.followThrough.withPlan.suppressed).toBe(true);
    // 12 of 20 in one period and all of a small period of 3: hiding the 12 as well protects the 3, and 15 can stay.
    const split = { sessions: [makeSession("a", "2026-01-15", 20), makeSession("b", "2026-05-15", 3)], reflections: [...many(12, "a", { pillars: ["holistic"] }), ...many(8, "a", {}, {}, 12), ...many(3, "b", { pillars: ["holistic"] })] };
    const protectedSplit = summarisePractice(split, taxonomy);
    expect(counts(protectedSplit.frequencies[0]).holistic).toBe(15);
    expect(protectedSplit.periods.map((entry) => counts(entry.categories[0]).holistic)).toEqual([null, null]);
    // All 5 of one period and all 3 of another: whatever is hidden, a reader who knows the periods' sizes can
    // work both out from 8, so the overall 8 is withheld too.
    const whole = { sessions: [makeSession("a", "2026-01-15", 5), makeSession("b", "2026-05-15", 3)], reflections: [...many(5, "a", { pillars: ["holistic"] }), ...many(3, "b", { pillars: ["holistic"] })] };
    const protectedWhole = summarisePractice(whole, taxonomy);
    expect(counts(protectedWhole.frequencies[0]).holistic).toBeNull();
    expect(protectedWhole.periods.map((entry) => counts(entry.categories[0]).holistic)).toEqual([null, null]);
  });

  it("summarises nothing without failing", () => {
    const summary = summarisePractice({ sessions: [], reflections: [] }, taxonomy);
    expect(summary).toMatchObject({ reflections: 0, periods: [], changes: [], sessions: { sessions: 0, firstDate: null, lastDate: null, participants: 0 } });
    expect(summary.frequencies[0]?.terms[0]).toEqual({ termId: "holistic", count: 0, suppressed: false, share: null });
  });

  it("refuses bad options and records that were not checked", () => {
    expect(() => summarisePractice({ sessions: [], reflections: [] }, taxonomy, { minimumRespondents: 0 })).toThrow(expect.objectContaining({ code: "invalid-argument" }) as Error);
    expect(() => summarisePractice({ sessions: [], reflections: many(1, "missing", {}) }, taxonomy)).toThrow(/Reflection 0 names a session that is not in the records/);
  });
});
