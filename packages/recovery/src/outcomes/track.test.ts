import { describe, expect, it } from "vitest";
import { buildOutcomeSummary, classifyEpisode, createOutcomeTracker, emptyCounts, nhsTalkingTherapiesRules, OutcomeSummary, periodOf, type OutcomeMeasurement, type RawOutcomeCounts } from "../index";

const tt = nhsTalkingTherapiesRules;
const at = (day: number) => `2026-01-${String(day).padStart(2, "0")}T10:00:00Z`;
function sessions(episode: string, scores: readonly (readonly [number | null, number | null])[], service?: string): OutcomeMeasurement[] {
  return scores.flatMap(([phq, gad], index) => [
    { episode, instrumentId: "phq-9", completedAt: at(index + 1), total: phq, ...(service === undefined ? {} : { service }) },
    { episode, instrumentId: "gad-7", completedAt: at(index + 1), total: gad, ...(service === undefined ? {} : { service }) },
  ]);
}

describe("createOutcomeTracker", () => {
  it("keeps the first and last scored responses, in time order, whatever the input order", () => {
    const seen: Record<string, unknown> = {};
    const tracker = createOutcomeTracker(tt, { minimumCount: 1, onEpisode: (episode, outcome) => (seen[episode] = outcome) });
    const input = sessions("e1", [
      [16, 12],
      [13, 10],
      [8, 7],
    ]);
    for (const measurement of [...input].reverse()) tracker.add(measurement);
    const summary = tracker.finish();
    expect(seen.e1).toEqual(classifyEpisode({ "phq-9": { first: 16, last: 8 }, "gad-7": { first: 12, last: 7 } }, tt));
    expect(summary.overall.counts.reliableRecovery).toEqual({ count: 1, suppressed: false });
    expect(summary.input.responses).toEqual({ count: 6, suppressed: false });
  });

  it("uses the last scored response when the final one could not be scored", () => {
    const seen: Record<string, unknown> = {};
    const tracker = createOutcomeTracker(tt, { minimumCount: 1, onEpisode: (episode, outcome) => (seen[episode] = outcome) });
    for (const measurement of sessions("e2", [[15, 11], [9, 6], [null, null]])) tracker.add(measurement);
    const summary = tracker.finish();
    expect(seen.e2).toMatchObject({ paired: true, measures: [{ first: 15, last: 9 }, { first: 11, last: 6 }] });
    expect(summary.input.notScored).toEqual({ count: 2, suppressed: false });
  });

  it("counts an episode whose last score is missing as not paired", () => {
    const tracker = createOutcomeTracker(tt, { minimumCount: 1 });
    for (const measurement of sessions("e3", [[15, 11], [null, 6]])) tracker.add(measurement);
    for (const measurement of sessions("e4", [[15, null]])) tracker.add(measurement);
    tracker.add({ episode: "e4", instrumentId: "who-5", completedAt: at(2), total: 40 });
    const { overall, input } = tracker.finish();
    expect(overall.counts.notPaired.count).toBe(2);
    expect(overall.counts.noLastScore.count).toBe(1);
    expect(overall.counts.missingMeasure.count).toBe(1);
    expect(overall.counts.paired.count).toBe(0);
    expect(overall.rates.recoveryRate).toEqual({ rate: null, suppressed: false });
    expect(input.ignored.count).toBe(1);
  });

  it("groups by service and by the period of the episode's last score", () => {
    const tracker = createOutcomeTracker(tt, { minimumCount: 1, period: "quarter" });
    const add = (list: OutcomeMeasurement[]) => list.forEach((measurement) => tracker.add(measurement));
    add(sessions("a", [[16, 12], [8, 7]], "north"));
    add([
      { episode: "b", instrumentId: "phq-9", completedAt: "2026-03-20T10:00:00Z", total: 12, service: "south" },
      { episode: "b", instrumentId: "gad-7", completedAt: "2026-03-20T10:00:00Z", total: 9, service: "south" },
      { episode: "b", instrumentId: "phq-9", completedAt: "2026-04-02T10:00:00+01:00", total: 12 },
      { episode: "b", instrumentId: "gad-7", completedAt: "2026-04-02T10:00:00+01:00", total: 10 },
    ]);
    const summary = tracker.finish();
    expect(summary.groups.map((group) => [group.service, group.period, group.counts.episodes.count])).toEqual([
      ["north", "2026-Q1", 1],
      ["south", "2026-Q2", 1],
    ]);
    expect(summary.overall.counts.episodes.count).toBe(2);
    expect(summary.overall.rates.recoveryRate.rate).toBe(0.5);
    expect(OutcomeSummary.safeParse(summary).success).toBe(true);
  });

  it("holds one episode at a time when the input is sorted by episode, and gives the same summary", () => {
    const input = ["a", "b", "c", "d"].flatMap((key, index) => sessions(key, [[10 + index, 8], [4, 3]]));
    const sorted = createOutcomeTracker(tt, { sortedByEpisode: true, minimumCount: 1 });
    const unsorted = createOutcomeTracker(tt, { minimumCount: 1 });
    let most = 0;
    for (const measurement of input) {
      sorted.add(measurement);
      unsorted.add(measurement);
      most = Math.max(most, sorted.openEpisodes());
    }
    expect(most).toBe(1);
    expect(unsorted.openEpisodes()).toBe(4);
    expect(sorted.finish()).toEqual(unsorted.finish());
  });

  it("refuses unsorted input in sorted mode, bad timestamps, and use after finishing", () => {
    const sorted = createOutcomeTracker(tt, { sortedByEpisode: true });
    sorted.add({ episode: "b", instrumentId: "phq-9", completedAt: at(1), total: 3 });
    expect(() => sorted.add({ episode: "a", instrumentId: "phq-9", completedAt: at(1), total: 3 })).toThrow(/not sorted/);
    const tracker = createOutcomeTracker(tt);
    expect(() => tracker.add({ episode: "a", instrumentId: "phq-9", completedAt: "yesterday", total: 3 })).toThrow(/ISO 8601/);
    tracker.finish();
    expect(() => tracker.finish()).toThrow(/already finished/);
    expect(() => tracker.add({ episode: "a", instrumentId: "phq-9", completedAt: at(1), total: 3 })).toThrow(/already finished/);
    expect(() => createOutcomeTracker(tt, { minimumCount: 0 })).toThrow(/minimumCount/);
  });
});

describe("periodOf", () => {
  it("reads the calendar date as written", () => {
    expect(periodOf("2026-03-31T23:30:00-01:00", "month")).toBe("2026-03");
    expect(periodOf("2026-03-31T23:30:00-01:00", "quarter")).toBe("2026-Q1");
    expect(periodOf("2026-10-01", "quarter")).toBe("2026-Q4");
    expect(periodOf("2026-03-31", "year")).toBe("2026");
    expect(periodOf("2026-03-31", "financial-year")).toBe("2025-26");
    expect(periodOf("2026-04-01", "financial-year")).toBe("2026-27");
    expect(periodOf("2099-12-01", "financial-year")).toBe("2099-00");
    expect(periodOf("2026-04-01", "none")).toBeNull();
  });
});

function counts(values: Partial<RawOutcomeCounts>): RawOutcomeCounts {
  return { ...emptyCounts(), ...values };
}
const options = { rulesId: "nhs-talking-therapies", minimumCount: 5, period: "none" as const, responses: 400, ignored: 0, notScored: 3 };
const hiddenNames = (cells: Record<string, { suppressed: boolean }>) => Object.entries(cells).filter(([, cell]) => cell.suppressed).map(([name]) => name);

describe("small-number suppression", () => {
  // A consistent group: 40 episodes, 37 paired (30 cases at the start), 3 without a last score.
  const big = counts({ episodes: 40, paired: 37, notPaired: 3, noLastScore: 3, caseAtStart: 30, notCaseAtStart: 7, recovery: 16, reliableImprovement: 25, reliableDeterioration: 2, noReliableChange: 10, reliableRecovery: 14, notReliablyRecovered: 16 });

  it("hides counts from 1 to 4, and one more wherever a hidden count could be found by subtraction", () => {
    const summary = buildOutcomeSummary([{ service: "north", period: null, counts: big }], options);
    const group = summary.groups[0];
    if (group === undefined) throw new Error("one group");
    // Primary: notPaired 3, noLastScore 3, reliableDeterioration 2. Then: episodes (= paired + notPaired, the total goes)
    // and noReliableChange 10 (the smallest shown part of paired = improvement + deterioration + no change).
    // missingMeasure 0 stays: with notPaired hidden too, it gives nothing away.
    expect(hiddenNames(group.counts).sort()).toEqual(["episodes", "noReliableChange", "notPaired", "noLastScore", "reliableDeterioration"].sort());
    expect(group.counts.paired).toEqual({ count: 37, suppressed: false });
    expect(group.rates.recoveryRate).toEqual({ rate: 16 / 30, suppressed: false });
    expect(group.rates.reliableDeteriorationRate).toEqual({ rate: null, suppressed: true });
    expect(group.rates.noReliableChangeRate).toEqual({ rate: null, suppressed: true });
    // One group: the overall row equals it, cell for cell.
    expect(summary.overall.counts).toEqual(group.counts);
    expect(summary.input.notScored).toEqual({ count: null, suppressed: true });
  });

  it("stops a hidden cell in one group being found from the overall row and the other groups", () => {
    const small = counts({ episodes: 8, paired: 8, caseAtStart: 8, recovery: 3, reliableImprovement: 8, reliableRecovery: 3, notReliablyRecovered: 5 });
    const medium = counts({ episodes: 12, paired: 12, caseAtStart: 12, recovery: 6, reliableImprovement: 12, reliableRecovery: 6, notReliablyRecovered: 6 });
    const summary = buildOutcomeSummary(
      [
        { service: "west", period: null, counts: small },
        { service: "east", period: null, counts: big },
        { service: "north", period: null, counts: medium },
      ],
      options,
    );
    const [east, north, west] = summary.groups;
    expect(summary.groups.map((group) => group.service)).toEqual(["east", "north", "west"]);
    // West's reliable recovery (3) is hidden, and so is its not reliably recovered (5), or 8 - 5 would give it away.
    expect(west?.counts.reliableRecovery.suppressed).toBe(true);
    expect(west?.counts.notReliablyRecovered.suppressed).toBe(true);
    // Across groups: overall reliable recovery 23 = 14 + 6 + 3, so one more group's figure is hidden (north's 6, the smallest).
    expect(north?.counts.reliableRecovery.suppressed).toBe(true);
    expect(east?.counts.reliableRecovery.suppressed).toBe(false);
    // Check no hidden figure can be rebuilt: in every row and column that adds up, never exactly one hidden cell.
    const rows = [summary.overall, ...summary.groups];
    for (const name of ["reliableRecovery", "notReliablyRecovered", "recovery", "episodes", "paired"] as const) {
      const hiddenInColumn = summary.groups.filter((group) => group.counts[name].suppressed).length;
      if (!summary.overall.counts[name].suppressed) expect(hiddenInColumn === 1, name).toBe(false);
    }
    for (const group of rows) {
      const parts = [group.counts.reliableRecovery, group.counts.notReliablyRecovered].filter((cell) => cell.suppressed).length;
      if (!group.counts.caseAtStart.suppressed) expect(parts === 1).toBe(false);
    }
  });

  it("rounds shown counts instead of hiding more cells when asked", () => {
    const summary = buildOutcomeSummary([{ service: "north", period: null, counts: big }], { ...options, roundTo: 5 });
    const group = summary.groups[0];
    // Only the primary cells (3, 3, 2) are hidden; 37 -> 35, 16 -> 15, 14 -> 15, 7 -> 5, 12.5 rounds half up.
    expect(hiddenNames(group?.counts ?? {}).sort()).toEqual(["noLastScore", "notPaired", "reliableDeterioration"]);
    expect([group?.counts.paired.count, group?.counts.recovery.count, group?.counts.reliableRecovery.count, group?.counts.notCaseAtStart.count, group?.counts.episodes.count]).toEqual([35, 15, 15, 5, 40]);
    expect(group?.rates.recoveryRate.rate).toBe(15 / 30);
    expect(summary.roundTo).toBe(5);
    expect(summary.input.responses.count).toBe(400);
    expect(() => createOutcomeTracker(tt, { roundTo: 1 })).toThrow(/roundTo/);
  });

  it("hides the parts of a hidden total when they are all shown", () => {
    const tiny = counts({ episodes: 3, paired: 3, caseAtStart: 3, recovery: 0, reliableImprovement: 0, noReliableChange: 3, notReliablyRecovered: 3 });
    const summary = buildOutcomeSummary([{ service: null, period: null, counts: tiny }], { ...options, minimumCount: 3 });
    // Nothing is from 1 to 2, so nothing is hidden.
    expect(hiddenNames(summary.overall.counts)).toEqual([]);
    const strict = buildOutcomeSummary([{ service: null, period: null, counts: tiny }], { ...options, minimumCount: 5 });
    expect(strict.overall.counts.episodes.suppressed).toBe(true);
    expect(strict.overall.counts.reliableRecovery).toEqual({ count: 0, suppressed: false });
    expect(strict.overall.rates.recoveryRate).toEqual({ rate: null, suppressed: true });
  });
});
