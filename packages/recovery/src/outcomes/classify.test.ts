import { describe, expect, it } from "vitest";
import { classifyEpisode, nhsTalkingTherapiesRules, outcomeMeasureFromDefinition, phq2, validateOutcomeRules, who5, type EpisodeOutcome, type OutcomeRules } from "../index";

const tt = nhsTalkingTherapiesRules;
const episode = (phq: [number | null, number | null] | undefined, gad: [number | null, number | null] | undefined) => ({
  ...(phq === undefined ? {} : { "phq-9": { first: phq[0], last: phq[1] } }),
  ...(gad === undefined ? {} : { "gad-7": { first: gad[0], last: gad[1] } }),
});
type Flags = Pick<EpisodeOutcome, "caseAtStart" | "caseAtEnd" | "recovery" | "reliableImprovement" | "reliableDeterioration" | "noReliableChange" | "mixed" | "reliableRecovery" | "notReliablyRecovered">;
const flags = (outcome: EpisodeOutcome): Flags => ({
  caseAtStart: outcome.caseAtStart,
  caseAtEnd: outcome.caseAtEnd,
  recovery: outcome.recovery,
  reliableImprovement: outcome.reliableImprovement,
  reliableDeterioration: outcome.reliableDeterioration,
  noReliableChange: outcome.noReliableChange,
  mixed: outcome.mixed,
  reliableRecovery: outcome.reliableRecovery,
  notReliablyRecovered: outcome.notReliablyRecovered,
});
const T = true;
const F = false;
const row = (caseAtStart: boolean, caseAtEnd: boolean, recovery: boolean | null, reliableImprovement: boolean, reliableDeterioration: boolean, noReliableChange: boolean, mixed: boolean, reliableRecovery: boolean | null, notReliablyRecovered: boolean | null): Flags => ({
  caseAtStart,
  caseAtEnd,
  recovery,
  reliableImprovement,
  reliableDeterioration,
  noReliableChange,
  mixed,
  reliableRecovery,
  notReliablyRecovered,
});

// Hand-worked with the NHS Talking Therapies rules: PHQ-9 caseness >= 10, reliable change >= 6; GAD-7 caseness >= 8, reliable change >= 4.
const worked: { name: string; phq: [number, number]; gad: [number, number]; expected: Flags }[] = [
  // PHQ 16 -> 8 (-8, reliable), GAD 12 -> 7 (-5, reliable); a case at the start (16 >= 10), neither a case at the end (8 < 10, 7 < 8).
  { name: "reliable recovery", phq: [16, 8], gad: [12, 7], expected: row(T, F, T, T, F, F, F, T, F) },
  // Exactly at every threshold: 10 and 8 are cases; falls of exactly 6 and 4 are reliable; 4 and 4 at the end are not cases.
  { name: "reliable recovery exactly at the thresholds", phq: [10, 4], gad: [8, 4], expected: row(T, F, T, T, F, F, F, T, F) },
  // One below caseness on both (9, 7): reliable improvement, but recovery does not apply.
  { name: "reliable improvement without caseness at the start", phq: [9, 3], gad: [7, 3], expected: row(F, F, null, T, F, F, F, null, null) },
  // 11 -> 9 and 9 -> 7: below caseness at the end, but falls of 2 are not reliable.
  { name: "recovery without reliable improvement", phq: [11, 9], gad: [9, 7], expected: row(T, F, T, F, F, T, F, F, T) },
  // Falls one point short of reliable (5 and 3).
  { name: "no reliable change one point below the thresholds", phq: [15, 10], gad: [11, 8], expected: row(T, T, F, F, F, T, F, F, T) },
  // 22 -> 12 (-10) and 15 -> 10 (-5): reliable, but PHQ-9 12 is still a case.
  { name: "reliable improvement, not recovered", phq: [22, 12], gad: [15, 10], expected: row(T, T, F, T, F, F, F, F, T) },
  // PHQ 8 -> 14 (+6, reliable worse), GAD 5 -> 6 (+1).
  { name: "reliable deterioration on one measure", phq: [8, 14], gad: [5, 6], expected: row(F, T, null, F, T, F, F, null, null) },
  // PHQ 5 -> 10 (+5, not reliable), GAD 4 -> 8 (+4, exactly reliable; 8 is a case).
  { name: "reliable deterioration exactly at the GAD-7 threshold", phq: [5, 10], gad: [4, 8], expected: row(F, T, null, F, T, F, F, null, null) },
  // PHQ 12 -> 18 (+6), GAD 9 -> 13 (+4): both reliably worse.
  { name: "reliable deterioration on both", phq: [12, 18], gad: [9, 13], expected: row(T, T, F, F, T, F, F, F, T) },
  // PHQ 18 -> 10 (-8, better), GAD 6 -> 12 (+6, worse): improvement on one with deterioration on the other is no reliable change.
  { name: "mixed: better on one, worse on the other", phq: [18, 10], gad: [6, 12], expected: row(T, T, F, F, F, T, T, F, T) },
  // PHQ 14 -> 9 (-5), GAD 12 -> 7 (-5, reliable): reliable improvement on GAD-7 alone is enough.
  { name: "reliable recovery on the strength of one measure", phq: [14, 9], gad: [12, 7], expected: row(T, F, T, T, F, F, F, T, F) },
  // PHQ 10 -> 10, GAD 3 -> 3: a case at the start and at the end with no change.
  { name: "no change at all", phq: [10, 10], gad: [3, 3], expected: row(T, T, F, F, F, T, F, F, T) },
];

describe("classifyEpisode with the NHS Talking Therapies rules", () => {
  for (const { name, phq, gad, expected } of worked) {
    it(name, () => {
      const outcome = classifyEpisode(episode(phq, gad), tt);
      expect(outcome.paired).toBe(true);
      expect(flags(outcome)).toEqual(expected);
    });
  }

  it("gives every class at least once across the worked episodes", () => {
    const outcomes = worked.map(({ phq, gad }) => classifyEpisode(episode(phq, gad), tt));
    for (const key of ["recovery", "reliableImprovement", "reliableDeterioration", "noReliableChange", "mixed", "reliableRecovery", "notReliablyRecovered", "caseAtStart", "caseAtEnd"] as const) {
      expect(outcomes.some((outcome) => outcome[key] === true), key).toBe(true);
      expect(outcomes.some((outcome) => outcome[key] === false), key).toBe(true);
    }
  });

  it("reports each measure's change", () => {
    const outcome = classifyEpisode(episode([16, 8], [12, 7]), tt);
    expect(outcome.measures).toEqual([
      { instrumentId: "phq-9", first: 16, last: 8, change: -8, caseAtStart: true, caseAtEnd: false, reliableImprovement: true, reliableDeterioration: false },
      { instrumentId: "gad-7", first: 12, last: 7, change: -5, caseAtStart: true, caseAtEnd: false, reliableImprovement: true, reliableDeterioration: false },
    ]);
  });

  it("does not judge an episode with a missing last score or a missing measure", () => {
    const noLast = classifyEpisode(episode([15, null], [10, 5]), tt);
    expect(noLast).toMatchObject({ paired: false, notPairedReason: "no-last-score", recovery: null, reliableImprovement: null, notReliablyRecovered: null });
    expect(noLast.measures[0]).toEqual({ instrumentId: "phq-9", first: 15, last: null, change: null, caseAtStart: true, caseAtEnd: null, reliableImprovement: null, reliableDeterioration: null });
    expect(classifyEpisode(episode([15, 8], undefined), tt)).toMatchObject({ paired: false, notPairedReason: "missing-measure" });
    expect(classifyEpisode({}, tt)).toMatchObject({ paired: false, notPairedReason: "missing-measure" });
  });
});

describe("one measure where higher is better (WHO-5 from its own definition)", () => {
  const measure = outcomeMeasureFromDefinition(who5);
  if (!measure.ok) throw new Error("WHO-5 has change parameters");
  const rules: OutcomeRules = { id: "wellbeing", title: "Wellbeing", measures: [measure.value] };

  it("takes caseness and reliable change from the definition", () => {
    expect(measure.value).toMatchObject({ instrumentId: "who-5", direction: "higher-is-better", caseness: 50, reliableChange: 10 });
  });

  it("turns every comparison round", () => {
    // 40 -> 52: +12 is reliable improvement; 40 <= 50 is a case, 52 is not.
    expect(flags(classifyEpisode({ "who-5": { first: 40, last: 52 } }, rules))).toEqual(row(T, F, T, T, F, F, F, T, F));
    // Exactly 50 is a case; +10 exactly is reliable.
    expect(flags(classifyEpisode({ "who-5": { first: 50, last: 60 } }, rules))).toEqual(row(T, F, T, T, F, F, F, T, F));
    // 64 -> 52: -12 is reliable deterioration; neither score is a case.
    expect(flags(classifyEpisode({ "who-5": { first: 64, last: 52 } }, rules))).toEqual(row(F, F, null, F, T, F, F, null, null));
    // 56 -> 48: -8 is not reliable, but 48 is now a case.
    expect(flags(classifyEpisode({ "who-5": { first: 56, last: 48 } }, rules))).toEqual(row(F, T, null, F, F, T, F, null, null));
  });

  it("refuses a definition without fixed thresholds", () => {
    const result = outcomeMeasureFromDefinition(phq2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((found) => found.code)).toEqual(["no_caseness", "no_reliable_change"]);
  });
});

describe("validateOutcomeRules", () => {
  it("accepts the built-in rules and refuses an instrument named twice", () => {
    expect(validateOutcomeRules(tt)).toEqual({ ok: true, value: tt });
    const twice = { ...tt, measures: [tt.measures[0], tt.measures[0]] };
    expect(validateOutcomeRules(twice)).toMatchObject({ ok: false, issues: [{ path: ["measures", 1, "instrumentId"], code: "duplicate_id" }] });
    expect(validateOutcomeRules({ id: "x", title: "x", measures: [] }).ok).toBe(false);
  });
});
