import * as z from "zod";
import { Identifier } from "@selfmanage/core";
import type { OutcomeMeasure, OutcomeRules } from "./rules";

/**
 * The first and last scores of one measure in an episode; `null` where there is none.
 *
 * @example
 * ```ts
 * const phq: MeasureScores = { first: 16, last: 8 };
 * ```
 */
export interface MeasureScores {
  readonly first: number | null;
  readonly last: number | null;
}

/**
 * Why an episode could not be judged: a measure with a first score but no later one
 * (`no-last-score`), or a measure with no score at all (`missing-measure`).
 *
 * @example
 * ```ts
 * NotPairedReason.parse("no-last-score");
 * ```
 */
export const NotPairedReason = z
  .enum(["no-last-score", "missing-measure"])
  .meta({ id: "NotPairedReason", title: "Not paired reason", description: "Why an episode has no paired scores." });

/**
 * Why an episode has no paired scores (see {@link NotPairedReason}).
 *
 * @example
 * ```ts
 * const reason: NotPairedReason = "missing-measure";
 * ```
 */
export type NotPairedReason = z.infer<typeof NotPairedReason>;

const flag = z.boolean().nullable();

/**
 * How one measure changed over an episode.
 *
 * @example
 * ```ts
 * MeasureOutcome.parse({ instrumentId: "phq-9", first: 16, last: 8, change: -8, caseAtStart: true, caseAtEnd: false, reliableImprovement: true, reliableDeterioration: false });
 * ```
 */
export const MeasureOutcome = z
  .strictObject({
    instrumentId: Identifier,
    first: z.number().nullable(),
    last: z.number().nullable(),
    change: z.number().nullable().meta({ description: "last - first, or null when not paired." }),
    caseAtStart: flag,
    caseAtEnd: flag,
    reliableImprovement: flag,
    reliableDeterioration: flag,
  })
  .meta({ id: "MeasureOutcome", title: "Measure outcome", description: "How one measure changed over an episode." });

/**
 * How one measure changed (see {@link MeasureOutcome}).
 *
 * @example
 * ```ts
 * const unpaired: MeasureOutcome = { instrumentId: "gad-7", first: 9, last: null, change: null, caseAtStart: true, caseAtEnd: null, reliableImprovement: null, reliableDeterioration: null };
 * ```
 */
export type MeasureOutcome = z.infer<typeof MeasureOutcome>;

/**
 * The outcome of one episode of care from paired first and last scores. Every flag is `null`
 * when the episode is not paired; recovery, reliable recovery and not reliably recovered are
 * also `null` when the episode was not a case at the start (they do not apply).
 *
 * - `caseAtStart` / `caseAtEnd`: at or beyond caseness on any measure.
 * - `recovery`: a case at the start and not a case at the end.
 * - `reliableImprovement`: reliable improvement on at least one measure, reliable deterioration on none.
 * - `reliableDeterioration`: reliable deterioration on at least one measure, reliable improvement on none.
 * - `noReliableChange`: neither (including `mixed`, where one measure improved and another deteriorated).
 * - `reliableRecovery`: recovery and reliable improvement.
 * - `notReliablyRecovered`: a case at the start without reliable recovery.
 *
 * @example
 * ```ts
 * const outcome: EpisodeOutcome = classifyEpisode({ "phq-9": { first: 16, last: 8 }, "gad-7": { first: 12, last: 7 } }, nhsTalkingTherapiesRules);
 * outcome.reliableRecovery; // true
 * ```
 */
export const EpisodeOutcome = z
  .strictObject({
    paired: z.boolean(),
    notPairedReason: NotPairedReason.optional(),
    measures: z.array(MeasureOutcome),
    caseAtStart: flag,
    caseAtEnd: flag,
    recovery: flag,
    reliableImprovement: flag,
    reliableDeterioration: flag,
    noReliableChange: flag,
    mixed: flag.meta({ description: "Reliable improvement on one measure and reliable deterioration on another: counted as no reliable change." }),
    reliableRecovery: flag,
    notReliablyRecovered: flag,
  })
  .meta({ id: "EpisodeOutcome", title: "Episode outcome", description: "The outcome of one episode of care from paired first and last scores." });

/**
 * The outcome of one episode (see {@link EpisodeOutcome}).
 *
 * @example
 * ```ts
 * function label(outcome: EpisodeOutcome): string {
 *   return outcome.paired ? (outcome.reliableRecovery ? "reliably recovered" : "other") : "not paired";
 * }
 * ```
 */
export type EpisodeOutcome = z.infer<typeof EpisodeOutcome>;

function isCase(score: number, measure: OutcomeMeasure): boolean {
  return measure.direction === "lower-is-better" ? score >= measure.caseness : score <= measure.caseness;
}

function judgeMeasure(measure: OutcomeMeasure, scores: MeasureScores | undefined): MeasureOutcome {
  const first = scores?.first ?? null;
  const last = scores?.last ?? null;
  const base = { instrumentId: measure.instrumentId, first, last };
  if (first === null || last === null) {
    return { ...base, change: null, caseAtStart: first === null ? null : isCase(first, measure), caseAtEnd: null, reliableImprovement: null, reliableDeterioration: null };
  }
  const change = last - first;
  const improvement = measure.direction === "lower-is-better" ? -change : change;
  return {
    ...base,
    change,
    caseAtStart: isCase(first, measure),
    caseAtEnd: isCase(last, measure),
    reliableImprovement: improvement >= measure.reliableChange,
    reliableDeterioration: -improvement >= measure.reliableChange,
  };
}

const UNPAIRED = {
  caseAtStart: null,
  caseAtEnd: null,
  recovery: null,
  reliableImprovement: null,
  reliableDeterioration: null,
  noReliableChange: null,
  mixed: null,
  reliableRecovery: null,
  notReliablyRecovered: null,
} as const;

/**
 * Classify one episode of care from the first and last scores of each measure in the rules.
 * An episode is paired only when every measure has both a first and a last score. Scores at a
 * threshold count: a PHQ-9 of exactly 10 is a case, a fall of exactly 6 is reliable.
 *
 * @example
 * ```ts
 * classifyEpisode({ "phq-9": { first: 16, last: 8 }, "gad-7": { first: 12, last: 7 } }, nhsTalkingTherapiesRules).reliableRecovery; // true
 * classifyEpisode({ "phq-9": { first: 16, last: null }, "gad-7": { first: 12, last: 7 } }, nhsTalkingTherapiesRules).notPairedReason; // "no-last-score"
 * ```
 */
export function classifyEpisode(scores: Readonly<Record<string, MeasureScores | undefined>>, rules: OutcomeRules): EpisodeOutcome {
  const measures = rules.measures.map((measure) => judgeMeasure(measure, scores[measure.instrumentId]));
  if (measures.some((measure) => measure.first === null && measure.last === null)) return { paired: false, notPairedReason: "missing-measure", measures, ...UNPAIRED };
  if (measures.some((measure) => measure.change === null)) return { paired: false, notPairedReason: "no-last-score", measures, ...UNPAIRED };
  const caseAtStart = measures.some((measure) => measure.caseAtStart === true);
  const caseAtEnd = measures.some((measure) => measure.caseAtEnd === true);
  const anyImprovement = measures.some((measure) => measure.reliableImprovement === true);
  const anyDeterioration = measures.some((measure) => measure.reliableDeterioration === true);
  const reliableImprovement = anyImprovement && !anyDeterioration;
  const reliableDeterioration = anyDeterioration && !anyImprovement;
  const recovery = caseAtStart ? !caseAtEnd : null;
  const reliableRecovery = caseAtStart ? recovery === true && reliableImprovement : null;
  return {
    paired: true,
    measures,
    caseAtStart,
    caseAtEnd,
    recovery,
    reliableImprovement,
    reliableDeterioration,
    noReliableChange: !reliableImprovement && !reliableDeterioration,
    mixed: anyImprovement && anyDeterioration,
    reliableRecovery,
    notReliablyRecovered: caseAtStart ? reliableRecovery === false : null,
  };
}
