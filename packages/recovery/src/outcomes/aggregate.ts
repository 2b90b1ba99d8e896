import * as z from "zod";
import { Identifier } from "@selfmanage/core";
import type { EpisodeOutcome } from "./classify";

/**
 * The counts an outcome summary gives for each group, in the order reports show them.
 *
 * @example
 * ```ts
 * outcomeCountNames.includes("reliableRecovery"); // true
 * ```
 */
export const outcomeCountNames = [
  "episodes",
  "paired",
  "notPaired",
  "noLastScore",
  "missingMeasure",
  "caseAtStart",
  "notCaseAtStart",
  "recovery",
  "reliableImprovement",
  "reliableDeterioration",
  "noReliableChange",
  "reliableRecovery",
  "notReliablyRecovered",
] as const;

/**
 * One of the counts of an outcome summary (see {@link outcomeCountNames}).
 *
 * @example
 * ```ts
 * const name: OutcomeCountName = "recovery";
 * ```
 */
export type OutcomeCountName = (typeof outcomeCountNames)[number];

/**
 * Each rate of an outcome summary with its numerator and denominator: recovery, reliable recovery
 * and not reliably recovered are out of the paired episodes that were a case at the start;
 * reliable improvement, reliable deterioration and no reliable change are out of all paired episodes.
 *
 * @example
 * ```ts
 * outcomeRateDefinitions.recoveryRate; // { numerator: "recovery", denominator: "caseAtStart" }
 * ```
 */
export const outcomeRateDefinitions = {
  recoveryRate: { numerator: "recovery", denominator: "caseAtStart" },
  reliableRecoveryRate: { numerator: "reliableRecovery", denominator: "caseAtStart" },
  notReliablyRecoveredRate: { numerator: "notReliablyRecovered", denominator: "caseAtStart" },
  reliableImprovementRate: { numerator: "reliableImprovement", denominator: "paired" },
  reliableDeteriorationRate: { numerator: "reliableDeterioration", denominator: "paired" },
  noReliableChangeRate: { numerator: "noReliableChange", denominator: "paired" },
} as const satisfies Record<string, { numerator: OutcomeCountName; denominator: OutcomeCountName }>;

/**
 * One of the rates of an outcome summary (see {@link outcomeRateDefinitions}).
 *
 * @example
 * ```ts
 * const name: OutcomeRateName = "reliableRecoveryRate";
 * ```
 */
export type OutcomeRateName = keyof typeof outcomeRateDefinitions;

/**
 * One count in a summary: the number, or `null` with `suppressed: true` when showing it could let
 * someone work out something about a few people.
 *
 * @example
 * ```ts
 * OutcomeCell.parse({ count: null, suppressed: true });
 * ```
 */
export const OutcomeCell = z
  .strictObject({ count: z.number().int().min(0).nullable(), suppressed: z.boolean() })
  .meta({ id: "OutcomeCell", title: "Outcome count", description: "A count, or null when suppressed to protect small numbers." });

/**
 * A count cell (see {@link OutcomeCell}).
 *
 * @example
 * ```ts
 * const shown: OutcomeCell = { count: 42, suppressed: false };
 * ```
 */
export type OutcomeCell = z.infer<typeof OutcomeCell>;

/**
 * One rate in a summary, between 0 and 1: `null` when its numerator or denominator is suppressed
 * (`suppressed: true`) or when there is nothing to divide by (`suppressed: false`).
 *
 * @example
 * ```ts
 * OutcomeRate.parse({ rate: 0.5, suppressed: false });
 * ```
 */
export const OutcomeRate = z
  .strictObject({ rate: z.number().min(0).max(1).nullable(), suppressed: z.boolean() })
  .meta({ id: "OutcomeRate", title: "Outcome rate", description: "A rate between 0 and 1, or null when suppressed or when there is nothing to divide by." });

/**
 * A rate cell (see {@link OutcomeRate}).
 *
 * @example
 * ```ts
 * const half: OutcomeRate = { rate: 0.5, suppressed: false };
 * ```
 */
export type OutcomeRate = z.infer<typeof OutcomeRate>;

const counts = z.strictObject(Object.fromEntries(outcomeCountNames.map((name) => [name, OutcomeCell])) as Record<OutcomeCountName, typeof OutcomeCell>);
const rates = z.strictObject(Object.fromEntries(Object.keys(outcomeRateDefinitions).map((name) => [name, OutcomeRate])) as Record<OutcomeRateName, typeof OutcomeRate>);

/**
 * The outcomes of one group of episodes (a service in a period, or everything: `null` for both).
 *
 * @example
 * ```ts
 * const group: OutcomeGroup = summary.groups[0];
 * group.rates.recoveryRate; // { rate: 0.5, suppressed: false }
 * ```
 */
export const OutcomeGroup = z
  .strictObject({ service: z.string().nullable(), period: z.string().nullable(), counts, rates })
  .meta({ id: "OutcomeGroup", title: "Outcome group", description: "Counts and rates for one service and period." });

/**
 * One group's outcomes (see {@link OutcomeGroup}).
 *
 * @example
 * ```ts
 * function recovered(group: OutcomeGroup): number | null { return group.counts.recovery.count; }
 * ```
 */
export type OutcomeGroup = z.infer<typeof OutcomeGroup>;

/**
 * How episodes are put into periods: by the date of their last score (the end of the episode),
 * as written in its timestamp. `financial-year` runs from 1 April (e.g. `2025-26`).
 *
 * @example
 * ```ts
 * PeriodKind.parse("quarter");
 * ```
 */
export const PeriodKind = z
  .enum(["none", "month", "quarter", "year", "financial-year"])
  .meta({ id: "PeriodKind", title: "Period kind", description: "How episodes are grouped in time, by the date of their last score." });

/**
 * A way of grouping episodes in time (see {@link PeriodKind}).
 *
 * @example
 * ```ts
 * const kind: PeriodKind = "financial-year";
 * ```
 */
export type PeriodKind = z.infer<typeof PeriodKind>;

/**
 * Service outcomes: one group per service and period, the overall group, and how the input went.
 * Every count, the input tallies included, has passed small-number suppression.
 *
 * @example
 * ```ts
 * const summary: OutcomeSummary = tracker.finish();
 * summary.overall.counts.paired; // { count: 120, suppressed: false }
 * ```
 */
export const OutcomeSummary = z
  .strictObject({
    rulesId: Identifier,
    minimumCount: z.number().int().min(1).meta({ description: "Counts from 1 to one less than this are suppressed, with any others needed to stop them being worked out." }),
    roundTo: z
      .number()
      .int()
      .min(2)
      .nullable()
      .meta({ description: "When set, shown counts are rounded to the nearest multiple of this (half up) instead of suppressing more cells to stop subtraction; rates are worked from the rounded counts." }),
    period: PeriodKind,
    input: z.strictObject({ responses: OutcomeCell, ignored: OutcomeCell, notScored: OutcomeCell }).meta({ description: "Responses read, responses to instruments the rules do not use, and responses that could not be scored." }),
    overall: OutcomeGroup,
    groups: z.array(OutcomeGroup),
  })
  .meta({ id: "OutcomeSummary", title: "Outcome summary", description: "Outcomes of episodes of care for services and periods, with small numbers suppressed." });

/**
 * Service outcomes (see {@link OutcomeSummary}).
 *
 * @example
 * ```ts
 * function recoveryRate(summary: OutcomeSummary): number | null { return summary.overall.rates.recoveryRate.rate; }
 * ```
 */
export type OutcomeSummary = z.infer<typeof OutcomeSummary>;

/**
 * Raw counts of one group, before suppression.
 *
 * @example
 * ```ts
 * const raw: RawOutcomeCounts = emptyCounts();
 * ```
 */
export type RawOutcomeCounts = Record<OutcomeCountName, number>;

/**
 * Empty raw counts.
 *
 * @example
 * ```ts
 * emptyCounts().episodes; // 0
 * ```
 */
export function emptyCounts(): RawOutcomeCounts {
  return Object.fromEntries(outcomeCountNames.map((name) => [name, 0])) as RawOutcomeCounts;
}

/**
 * Add one episode's outcome to raw counts.
 *
 * @example
 * ```ts
 * const tally = emptyCounts();
 * countEpisode(tally, outcome);
 * ```
 */
export function countEpisode(tally: RawOutcomeCounts, outcome: EpisodeOutcome): void {
  tally.episodes += 1;
  if (!outcome.paired) {
    tally.notPaired += 1;
    if (outcome.notPairedReason === "no-last-score") tally.noLastScore += 1;
    else tally.missingMeasure += 1;
    return;
  }
  tally.paired += 1;
  if (outcome.caseAtStart === true) tally.caseAtStart += 1;
  else tally.notCaseAtStart += 1;
  if (outcome.recovery === true) tally.recovery += 1;
  if (outcome.reliableImprovement === true) tally.reliableImprovement += 1;
  if (outcome.reliableDeterioration === true) tally.reliableDeterioration += 1;
  if (outcome.noReliableChange === true) tally.noReliableChange += 1;
  if (outcome.reliableRecovery === true) tally.reliableRecovery += 1;
  if (outcome.notReliablyRecovered === true) tally.notReliablyRecovered += 1;
}

/**
 * Cells that add up to a total within one group, so that one hidden cell could be found by
 * subtraction. `hideTotal` says which cell goes when a second one must: the total (so that the
 * denominators of the rates survive), or else the smallest other part.
 */
const PARTITIONS: readonly { total: OutcomeCountName; parts: readonly OutcomeCountName[]; hideTotal: boolean }[] = [
  { total: "episodes", parts: ["paired", "notPaired"], hideTotal: true },
  { total: "notPaired", parts: ["noLastScore", "missingMeasure"], hideTotal: false },
  { total: "paired", parts: ["caseAtStart", "notCaseAtStart"], hideTotal: true },
  { total: "paired", parts: ["reliableImprovement", "reliableDeterioration", "noReliableChange"], hideTotal: false },
  { total: "caseAtStart", parts: ["reliableRecovery", "notReliablyRecovered"], hideTotal: false },
];

type CellRef = readonly [row: number, name: OutcomeCountName];

/**
 * Decide which cells to suppress: every count from 1 to `minimumCount - 1` (primary); then,
 * wherever cells add up to a total (within a group, and each count across the groups to the
 * overall row, row 0), make sure no hidden cell can be found by subtraction: when the total is
 * shown and only one part is hidden, hide one more (the total or the smallest other part, as
 * the partition prefers); when the total is hidden and every part is shown, hide the smallest
 * part. Repeats until nothing changes.
 */
function suppress(rows: readonly RawOutcomeCounts[], minimumCount: number): boolean[][] {
  const hidden = rows.map((row) => outcomeCountNames.map((name) => row[name] > 0 && row[name] < minimumCount));
  const index = new Map(outcomeCountNames.map((name, position) => [name, position]));
  const partitions: { total: CellRef; parts: CellRef[]; hideTotal: boolean }[] = [];
  rows.forEach((_row, rowIndex) => {
    for (const { total, parts, hideTotal } of PARTITIONS) partitions.push({ total: [rowIndex, total], parts: parts.map((part) => [rowIndex, part] as const), hideTotal });
  });
  if (rows.length > 1) {
    for (const name of outcomeCountNames) partitions.push({ total: [0, name], parts: rows.slice(1).map((_row, offset) => [offset + 1, name] as const), hideTotal: false });
  }
  const isHidden = ([row, name]: CellRef): boolean => hidden[row]?.[index.get(name) as number] === true;
  const hide = ([row, name]: CellRef): void => {
    (hidden[row] as boolean[])[index.get(name) as number] = true;
  };
  const value = ([row, name]: CellRef): number => (rows[row] as RawOutcomeCounts)[name];
  const smallest = (cells: CellRef[]): CellRef | undefined => [...cells].sort((a, b) => value(a) - value(b))[0];
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts, hideTotal } of partitions) {
      const shown = parts.filter((part) => !isHidden(part));
      const hiddenParts = parts.length - shown.length;
      let next: CellRef | undefined;
      if (isHidden(total)) next = hiddenParts === 0 ? smallest(shown) : undefined;
      else if (hiddenParts === 1) next = hideTotal ? total : (smallest(shown) ?? total);
      if (next !== undefined) {
        hide(next);
        changed = true;
      }
    }
  }
  return hidden;
}

function roundCount(count: number, roundTo: number | null): number {
  return roundTo === null ? count : Math.floor(count / roundTo + 0.5) * roundTo;
}

function toGroup(raw: RawOutcomeCounts, hidden: readonly boolean[], service: string | null, period: string | null, roundTo: number | null): OutcomeGroup {
  const cells = Object.fromEntries(
    outcomeCountNames.map((name, position) => [name, hidden[position] === true ? { count: null, suppressed: true } : { count: roundCount(raw[name], roundTo), suppressed: false }]),
  ) as Record<OutcomeCountName, OutcomeCell>;
  const rateCells = Object.fromEntries(
    Object.entries(outcomeRateDefinitions).map(([name, { numerator, denominator }]) => {
      const top = cells[numerator];
      const bottom = cells[denominator];
      if (top.suppressed || bottom.suppressed) return [name, { rate: null, suppressed: true }];
      return [name, { rate: bottom.count === 0 ? null : (top.count as number) / (bottom.count as number), suppressed: false }];
    }),
  ) as Record<OutcomeRateName, OutcomeRate>;
  return { service, period, counts: cells, rates: rateCells };
}

function suppressTally(count: number, minimumCount: number, roundTo: number | null): OutcomeCell {
  return count > 0 && count < minimumCount ? { count: null, suppressed: true } : { count: roundCount(count, roundTo), suppressed: false };
}

/**
 * Raw counts for groups of episodes, before suppression, keyed by service and period.
 *
 * @example
 * ```ts
 * const raw: RawOutcomeGroup = { service: "north", period: "2026-Q1", counts: emptyCounts() };
 * ```
 */
export interface RawOutcomeGroup {
  readonly service: string | null;
  readonly period: string | null;
  readonly counts: RawOutcomeCounts;
}

/**
 * Turn raw group counts into a suppressed {@link OutcomeSummary}: adds the overall group,
 * sorts groups by service then period, and suppresses small numbers in every cell. With
 * `roundTo` (e.g. 5, as NHS statistics often do), counts from 1 to `minimumCount - 1` are still
 * suppressed, but instead of hiding further cells every shown count is rounded, so that
 * subtraction gives only a range.
 *
 * @example
 * ```ts
 * const summary = buildOutcomeSummary(groups, { rulesId: "nhs-talking-therapies", minimumCount: 5, period: "quarter", responses: 2000, ignored: 0, notScored: 12 });
 * ```
 */
export function buildOutcomeSummary(
  groups: readonly RawOutcomeGroup[],
  options: { rulesId: string; minimumCount: number; roundTo?: number | null; period: PeriodKind; responses: number; ignored: number; notScored: number },
): OutcomeSummary {
  const roundTo = options.roundTo ?? null;
  const sorted = [...groups].sort((a, b) => compareKeys(a.service, b.service) || compareKeys(a.period, b.period));
  const overall = emptyCounts();
  for (const group of sorted) for (const name of outcomeCountNames) overall[name] += group.counts[name];
  const rows = [overall, ...sorted.map((group) => group.counts)];
  const hidden = roundTo === null ? suppress(rows, options.minimumCount) : rows.map((row) => outcomeCountNames.map((name) => row[name] > 0 && row[name] < options.minimumCount));
  return {
    rulesId: options.rulesId,
    minimumCount: options.minimumCount,
    roundTo,
    period: options.period,
    input: {
      responses: suppressTally(options.responses, options.minimumCount, roundTo),
      ignored: suppressTally(options.ignored, options.minimumCount, roundTo),
      notScored: suppressTally(options.notScored, options.minimumCount, roundTo),
    },
    overall: toGroup(overall, hidden[0] as boolean[], null, null, roundTo),
    groups: sorted.map((group, position) => toGroup(group.counts, hidden[position + 1] as boolean[], group.service, group.period, roundTo)),
  };
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * The period an episode belongs to, from the timestamp of its last score (its own calendar
 * date, as written, whatever the offset): `2026-03` for a month, `2026-Q1` for a quarter,
 * `2026` for a year, `2025-26` for the financial year from 1 April; `null` for `none`.
 *
 * @example
 * ```ts
 * periodOf("2026-03-31T23:30:00+01:00", "quarter"); // "2026-Q1"
 * periodOf("2026-04-01T09:00:00Z", "financial-year"); // "2026-27"
 * ```
 */
export function periodOf(timestamp: string, kind: PeriodKind): string | null {
  const year = Number(timestamp.slice(0, 4));
  const month = Number(timestamp.slice(5, 7));
  switch (kind) {
    case "none":
      return null;
    case "month":
      return timestamp.slice(0, 7);
    case "quarter":
      return `${year}-Q${Math.ceil(month / 3)}`;
    case "year":
      return String(year);
    case "financial-year": {
      const start = month >= 4 ? year : year - 1;
      return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
    }
  }
}
