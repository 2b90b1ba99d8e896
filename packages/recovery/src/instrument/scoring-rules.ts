import * as z from "zod";
import { Identifier, LocalisedText } from "@selfmanage/core";
import { Direction } from "../direction";
import { RuleSource } from "../source";
import { ChimeDomain } from "./items";

/**
 * How item values combine into a score: `sum`; `mean`; or `percent-of-maximum`, where the
 * lowest possible total is 0 and the highest 100.
 *
 * @example
 * ```ts
 * ScoringMethod.parse("sum");
 * ```
 */
export const ScoringMethod = z
  .enum(["sum", "mean", "percent-of-maximum"])
  .meta({ id: "ScoringMethod", title: "Scoring method", description: "sum, mean, or percent-of-maximum (lowest possible 0, highest 100)." });

/**
 * How item values combine (see {@link ScoringMethod}).
 *
 * @example
 * ```ts
 * const method: ScoringMethod = "mean";
 * ```
 */
export type ScoringMethod = z.infer<typeof ScoringMethod>;

/**
 * What to do when some shown, scored items have no scored answer (left blank or answered
 * "not applicable"): `none` scores what was answered; `minimum-answered` scores only when at
 * least `minimumAnswered` items were answered; `prorate` scales the answered sum up to all shown
 * items when at least `minimumAnswered` were answered; `mean-substitution` fills each unanswered
 * item with the mean of the answered ones when at most `maximumMissing` are unanswered.
 *
 * @remarks
 * A "not applicable" answer is never counted as zero: for these rules it is an unanswered item.
 *
 * @example
 * ```ts
 * MissingDataRule.parse({ kind: "mean-substitution", maximumMissing: 2 });
 * ```
 */
export const MissingDataRule = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("none"), source: RuleSource.optional() }),
    z.strictObject({ kind: z.literal("minimum-answered"), minimumAnswered: z.number().int().min(1), source: RuleSource.optional() }),
    z.strictObject({ kind: z.literal("prorate"), minimumAnswered: z.number().int().min(1), source: RuleSource.optional() }),
    z.strictObject({ kind: z.literal("mean-substitution"), maximumMissing: z.number().int().min(0), source: RuleSource.optional() }),
  ])
  .meta({ id: "MissingDataRule", title: "Missing-data rule", description: "What to do when some shown, scored items have no scored answer." });

/**
 * A missing-data rule (see {@link MissingDataRule}).
 *
 * @example
 * ```ts
 * const onlyWhenComplete: MissingDataRule = { kind: "minimum-answered", minimumAnswered: 7 };
 * ```
 */
export type MissingDataRule = z.infer<typeof MissingDataRule>;

/**
 * A lookup table from a whole-number raw total to a metric score. It must cover every
 * possible raw total, and the instrument's total must always stand for every item (no
 * conditional scored items; a missing-data rule that prorates, substitutes the mean, or needs
 * every item answered). A prorated total is rounded to the nearest whole number before lookup.
 *
 * @example
 * ```ts
 * ConversionTable.parse({ entries: [{ raw: 2, metric: 2 }, { raw: 3, metric: 4.5 }, { raw: 4, metric: 8 }] });
 * ```
 */
export const ConversionTable = z
  .strictObject({
    label: LocalisedText.optional(),
    entries: z.array(z.strictObject({ raw: z.number().int(), metric: z.number().finite() })).min(1),
    source: RuleSource.optional(),
  })
  .meta({ id: "ConversionTable", title: "Conversion table", description: "Raw total to metric score, one entry per possible raw total." });

/**
 * A raw-to-metric conversion table (see {@link ConversionTable}).
 *
 * @example
 * ```ts
 * const table: ConversionTable = { entries: [{ raw: 0, metric: 0 }, { raw: 1, metric: 10 }] };
 * ```
 */
export type ConversionTable = z.infer<typeof ConversionTable>;

/**
 * A labelled band of scores, from `min` to `max` inclusive. Bands are listed from lowest to
 * highest, do not overlap, and cover every possible score; a fractional score that falls
 * between one band's `max` and the next band's `min` belongs to the lower band. Bands on a sum
 * need a total that always stands for every item (as for a {@link ConversionTable}).
 *
 * @example
 * ```ts
 * Band.parse({ id: "mild", label: { en: "Mild" }, min: 5, max: 9 });
 * ```
 */
export const Band = z
  .strictObject({
    id: Identifier,
    label: LocalisedText,
    min: z.number().finite(),
    max: z.number().finite(),
    source: RuleSource.optional(),
  })
  .meta({ id: "Band", title: "Score band", description: "A labelled range of scores, min and max inclusive." });

/**
 * A labelled band of scores (see {@link Band}).
 *
 * @example
 * ```ts
 * const severe: Band = { id: "severe", label: { en: "Severe" }, min: 20, max: 27 };
 * ```
 */
export type Band = z.infer<typeof Band>;

/**
 * An answer that must be flagged to a practitioner: the item answered with one of `optionCodes`,
 * or with an option whose value (as on the scale, before any reversal) is at least `minimumValue`.
 *
 * @example
 * ```ts
 * AlertRule.parse({ id: "risk", itemId: "q9", minimumValue: 1, message: { en: "Review this answer with the person today." } });
 * ```
 */
export const AlertRule = z
  .strictObject({
    id: Identifier,
    itemId: Identifier,
    optionCodes: z.array(Identifier).min(1).optional(),
    minimumValue: z.number().finite().optional(),
    message: LocalisedText.meta({ description: "What the practitioner should know or do. Shown with the alert." }),
    source: RuleSource.optional(),
  })
  .refine((rule) => (rule.optionCodes === undefined) !== (rule.minimumValue === undefined), {
    path: ["optionCodes"],
    message: "An alert rule needs exactly one trigger: optionCodes or minimumValue.",
    params: { code: "alert_trigger" },
  })
  .meta({ id: "AlertRule", title: "Alert rule", description: "An answer that must be flagged to a practitioner." });

/**
 * An alert rule (see {@link AlertRule}).
 *
 * @example
 * ```ts
 * const rule: AlertRule = { id: "risk", itemId: "q9", optionCodes: ["often"], message: { en: "Follow up today." } };
 * ```
 */
export type AlertRule = z.infer<typeof AlertRule>;


/**
 * A group of items scored on its own (a subscale or domain), optionally tagged with a CHIME domain.
 * By default a subscale is scored only when all its shown items have a scored answer; give it its
 * own `missingData` rule to relax that.
 *
 * @example
 * ```ts
 * Subscale.parse({ id: "hope", label: { en: "Hope" }, items: ["q1", "q2"], chime: "hope" });
 * ```
 */
export const Subscale = z
  .strictObject({
    id: Identifier,
    label: LocalisedText,
    items: z.array(Identifier).min(1),
    chime: ChimeDomain.optional(),
    missingData: MissingDataRule.optional(),
  })
  .meta({ id: "Subscale", title: "Subscale", description: "A group of items scored on its own." });

/**
 * A subscale or domain (see {@link Subscale}).
 *
 * @example
 * ```ts
 * const connection: Subscale = { id: "connection", label: { en: "Connection" }, items: ["q3", "q4"], chime: "connectedness" };
 * ```
 */
export type Subscale = z.infer<typeof Subscale>;

/**
 * How an instrument is scored: method, missing-data rule, direction, and optionally rounding,
 * a conversion table and bands (applied to the metric score when there is a table).
 *
 * @example
 * ```ts
 * InstrumentScoring.parse({ method: "sum", missingData: { kind: "none" }, direction: "higher-is-better" });
 * ```
 */
export const InstrumentScoring = z
  .strictObject({
    method: ScoringMethod,
    missingData: MissingDataRule,
    direction: Direction,
    decimals: z.number().int().min(0).max(6).optional().meta({ description: "Round the total to this many decimal places (half up). Default: no rounding." }),
    conversion: ConversionTable.optional(),
    bands: z.array(Band).min(1).optional(),
    source: RuleSource.optional().meta({ description: "Where the scoring method (how items make the total) comes from." }),
  })
  .meta({ id: "InstrumentScoring", title: "Instrument scoring", description: "How an instrument is scored." });

/**
 * How an instrument is scored (see {@link InstrumentScoring}).
 *
 * @example
 * ```ts
 * const scoring: InstrumentScoring = { method: "mean", missingData: { kind: "minimum-answered", minimumAnswered: 6 }, direction: "higher-is-better" };
 * ```
 */
export type InstrumentScoring = z.infer<typeof InstrumentScoring>;
