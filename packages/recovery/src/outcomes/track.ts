import { SelfManageError, toEpochMillis } from "@selfmanage/core";
import { classifyEpisode, type EpisodeOutcome, type MeasureScores } from "./classify";
import { buildOutcomeSummary, countEpisode, emptyCounts, periodOf, type OutcomeSummary, type PeriodKind, type RawOutcomeCounts, type RawOutcomeGroup } from "./aggregate";
import type { OutcomeRules } from "./rules";

/**
 * One scored response, as the outcome tracker needs it: the episode it belongs to, which
 * instrument, when, and its total (`null` when the missing-data rule refused to score it).
 *
 * @example
 * ```ts
 * const measurement: OutcomeMeasurement = { episode: "referral-81", instrumentId: "phq-9", completedAt: "2026-02-03T10:00:00Z", total: 14, service: "north" };
 * ```
 */
export interface OutcomeMeasurement {
  readonly episode: string;
  readonly instrumentId: string;
  /** ISO 8601 date-time (with offset) or date. */
  readonly completedAt: string;
  readonly total: number | null;
  readonly service?: string;
}

/**
 * Options for {@link createOutcomeTracker}.
 *
 * @example
 * ```ts
 * const options: OutcomeTrackerOptions = { period: "quarter", minimumCount: 5, sortedByEpisode: true };
 * ```
 */
export interface OutcomeTrackerOptions {
  /** How episodes are grouped in time, by the date of their last score. Default `none`. */
  readonly period?: PeriodKind;
  /** Counts from 1 to one less than this are suppressed. Default 5. */
  readonly minimumCount?: number;
  /** Round shown counts to the nearest multiple of this instead of hiding more cells (see {@link buildOutcomeSummary}). Default: no rounding. */
  readonly roundTo?: number;
  /**
   * The input is sorted by episode key (ascending, as `sort` orders strings): each episode is
   * finished as soon as the next one starts, so memory stays constant however large the input.
   * A key that comes out of order throws `invalid-argument`. Default false: memory grows with
   * the number of episodes (never with the number of responses).
   */
  readonly sortedByEpisode?: boolean;
  /** Called with each finished episode, e.g. to write an episode table. */
  readonly onEpisode?: (episode: string, outcome: EpisodeOutcome, group: { service: string | null; period: string | null }) => void;
}

/**
 * A streaming outcome tracker: add scored responses in any order (or sorted by episode), then
 * finish to get the suppressed {@link OutcomeSummary}.
 *
 * @example
 * ```ts
 * const tracker: OutcomeTracker = createOutcomeTracker(nhsTalkingTherapiesRules);
 * tracker.add({ episode: "e1", instrumentId: "phq-9", completedAt: "2026-01-05", total: 15 });
 * ```
 */
export interface OutcomeTracker {
  /** Add one scored response. Responses to instruments the rules do not use are counted and ignored. */
  add(measurement: OutcomeMeasurement): void;
  /** Episodes held in memory now. */
  openEpisodes(): number;
  /** Finish every open episode and summarise. The tracker cannot be used afterwards. */
  finish(): OutcomeSummary;
}

const SLOTS = 5;

interface EpisodeState {
  service: string | null;
  /** Per measure: first time, first score, last time, last score (NaN when none), and how many scored responses. */
  readonly scores: number[];
  latestTime: number;
  latestStamp: string;
  lastScoredStamp: string | null;
  lastScoredTime: number;
}

/**
 * Create a streaming outcome tracker. For each episode and measure it keeps only the earliest
 * and the latest scored response (responses that could not be scored never become first or
 * last), so it never holds responses, only a few numbers per open episode. A measure with only
 * one scored response has no last score.
 *
 * @throws {@link @selfmanage/core!SelfManageError} `invalid-argument` from `add` when a timestamp cannot be read, or when `sortedByEpisode` is set and a key comes out of order.
 * @example
 * ```ts
 * const tracker = createOutcomeTracker(nhsTalkingTherapiesRules, { period: "quarter" });
 * tracker.add({ episode: "e1", instrumentId: "phq-9", completedAt: "2026-01-05T10:00:00Z", total: 15 });
 * tracker.add({ episode: "e1", instrumentId: "gad-7", completedAt: "2026-01-05T10:00:00Z", total: 11 });
 * tracker.add({ episode: "e1", instrumentId: "phq-9", completedAt: "2026-03-02T10:00:00Z", total: 7 });
 * tracker.add({ episode: "e1", instrumentId: "gad-7", completedAt: "2026-03-02T10:00:00Z", total: 6 });
 * tracker.finish().overall.counts.reliableRecovery; // { count: null, suppressed: true }: one episode is too few to show
 * ```
 */
export function createOutcomeTracker(rules: OutcomeRules, options: OutcomeTrackerOptions = {}): OutcomeTracker {
  const period = options.period ?? "none";
  const minimumCount = options.minimumCount ?? 5;
  if (!Number.isInteger(minimumCount) || minimumCount < 1) throw new SelfManageError("invalid-argument", "minimumCount must be a whole number of at least 1.");
  const roundTo = options.roundTo ?? null;
  if (roundTo !== null && (!Number.isInteger(roundTo) || roundTo < 2)) throw new SelfManageError("invalid-argument", "roundTo must be a whole number of at least 2.");
  const measureIndex = new Map(rules.measures.map((measure, index) => [measure.instrumentId, index]));
  const measureCount = rules.measures.length;
  const open = new Map<string, EpisodeState>();
  const groups = new Map<string, RawOutcomeGroup>();
  let responses = 0;
  let ignored = 0;
  let notScored = 0;
  let previousKey: string | undefined;
  let finished = false;

  function close(episode: string, state: EpisodeState): void {
    const scores: Record<string, MeasureScores> = {};
    rules.measures.forEach((measure, index) => {
      const at = index * SLOTS;
      const count = state.scores[at + 4] as number;
      scores[measure.instrumentId] = { first: count > 0 ? (state.scores[at + 1] as number) : null, last: count > 1 ? (state.scores[at + 3] as number) : null };
    });
    const outcome = classifyEpisode(scores, rules);
    const stamp = state.lastScoredStamp ?? state.latestStamp;
    const group = { service: state.service, period: periodOf(stamp, period) };
    const key = `${group.service ?? ""}\u0000${group.period ?? ""}`;
    let raw = groups.get(key);
    if (raw === undefined) {
      raw = { ...group, counts: emptyCounts() };
      groups.set(key, raw);
    }
    countEpisode(raw.counts as RawOutcomeCounts, outcome);
    options.onEpisode?.(episode, outcome, group);
  }

  function add(measurement: OutcomeMeasurement): void {
    if (finished) throw new SelfManageError("invalid-argument", "This tracker has already finished.");
    responses += 1;
    const index = measureIndex.get(measurement.instrumentId);
    if (index === undefined) {
      ignored += 1;
      return;
    }
    const time = toEpochMillis(measurement.completedAt);
    if (Number.isNaN(time)) throw new SelfManageError("invalid-argument", "A response's completedAt is not an ISO 8601 date or date-time.");
    const key = measurement.episode;
    if (options.sortedByEpisode === true && key !== previousKey) {
      if (previousKey !== undefined && key < previousKey) throw new SelfManageError("invalid-argument", "The input is not sorted by episode key: an episode key comes before the one above it.");
      if (previousKey !== undefined) {
        const previous = open.get(previousKey);
        if (previous !== undefined) close(previousKey, previous);
        open.delete(previousKey);
      }
      previousKey = key;
    }
    let state = open.get(key);
    if (state === undefined) {
      state = { service: measurement.service ?? null, scores: new Array<number>(measureCount * SLOTS).fill(Number.NaN), latestTime: time, latestStamp: measurement.completedAt, lastScoredStamp: null, lastScoredTime: Number.NaN };
      open.set(key, state);
    }
    if (state.service === null && measurement.service !== undefined) state.service = measurement.service;
    if (time > state.latestTime) {
      state.latestTime = time;
      state.latestStamp = measurement.completedAt;
    }
    if (measurement.total === null) {
      notScored += 1;
      return;
    }
    const scores = state.scores;
    const at = index * SLOTS;
    scores[at + 4] = scores[at + 4] === scores[at + 4] ? (scores[at + 4] as number) + 1 : 1;
    const firstTime = scores[at] as number;
    // Earliest wins the first place (the earlier line on a tie); latest wins the last place (the later line on a tie).
    if (!(firstTime <= time)) {
      scores[at] = time;
      scores[at + 1] = measurement.total;
    }
    const lastTime = scores[at + 2] as number;
    if (!(lastTime > time)) {
      scores[at + 2] = time;
      scores[at + 3] = measurement.total;
    }
    if (!(state.lastScoredTime > time)) {
      state.lastScoredTime = time;
      state.lastScoredStamp = measurement.completedAt;
    }
  }

  function finish(): OutcomeSummary {
    if (finished) throw new SelfManageError("invalid-argument", "This tracker has already finished.");
    finished = true;
    for (const [episode, state] of open) close(episode, state);
    open.clear();
    return buildOutcomeSummary([...groups.values()], { rulesId: rules.id, minimumCount, roundTo, period, responses, ignored, notScored });
  }

  return Object.freeze({ add, finish, openEpisodes: () => open.size });
}
