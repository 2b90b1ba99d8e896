import * as z from "zod";
import { Identifier, LocalisedText } from "@selfmanage/core";
import { SemanticVersion } from "../instrument";

/**
 * The score of one subscale in an {@link InstrumentScore}.
 *
 * @example
 * ```ts
 * SubscaleScore.parse({ id: "hope", raw: 7, score: 7, answered: 2, missing: 0, excluded: 0 });
 * ```
 */
export const SubscaleScore = z
  .strictObject({
    id: Identifier,
    raw: z.number().meta({ description: "Sum of the scored answers, after reversal, before any missing-data rule." }),
    score: z.number().nullable().meta({ description: "The subscale score by the instrument's method, or null when the subscale's missing-data rule refused to score it." }),
    answered: z.number().int().min(0),
    missing: z.number().int().min(0),
    excluded: z.number().int().min(0).meta({ description: "Items answered not applicable or don't know." }),
  })
  .meta({ id: "SubscaleScore", title: "Subscale score", description: "The score of one subscale." });

/**
 * The score of one subscale (see {@link SubscaleScore}).
 *
 * @example
 * ```ts
 * const hope: SubscaleScore = { id: "hope", raw: 7, score: 7, answered: 2, missing: 0, excluded: 0 };
 * ```
 */
export type SubscaleScore = z.infer<typeof SubscaleScore>;

/**
 * An answer flagged to a practitioner by one of the instrument's alert rules.
 *
 * @example
 * ```ts
 * ScoreAlert.parse({ ruleId: "risk", itemId: "q9", message: { en: "Talk with the person about this answer today." } });
 * ```
 */
export const ScoreAlert = z
  .strictObject({ ruleId: Identifier, itemId: Identifier, message: LocalisedText })
  .meta({ id: "ScoreAlert", title: "Alert", description: "An answer flagged to a practitioner." });

/**
 * A flagged answer (see {@link ScoreAlert}).
 *
 * @example
 * ```ts
 * const alert: ScoreAlert = { ruleId: "risk", itemId: "q9", message: { en: "Follow up today." } };
 * ```
 */
export type ScoreAlert = z.infer<typeof ScoreAlert>;

/**
 * Which missing-data rule shaped a score: `not-needed` when every shown, scored item had a scored
 * answer, otherwise the instrument's rule (which may also be why the response was not scored).
 *
 * @example
 * ```ts
 * MissingDataRuleApplied.parse("mean-substitution");
 * ```
 */
export const MissingDataRuleApplied = z
  .enum(["not-needed", "none", "minimum-answered", "prorate", "mean-substitution"])
  .meta({ id: "MissingDataRuleApplied", title: "Missing-data rule applied", description: "Which missing-data rule shaped the score." });

/**
 * Which missing-data rule shaped a score (see {@link MissingDataRuleApplied}).
 *
 * @example
 * ```ts
 * const applied: MissingDataRuleApplied = "not-needed";
 * ```
 */
export type MissingDataRuleApplied = z.infer<typeof MissingDataRuleApplied>;

/**
 * The score of one response: total, metric, band, subscales, completeness and alerts.
 *
 * @example
 * ```ts
 * const result = scoreResponse(serviceExperienceQuestionnaire, response);
 * if (result.ok && result.value.status === "scored") console.log(result.value.total, result.value.band?.id);
 * ```
 */
export const InstrumentScore = z
  .strictObject({
    instrumentId: Identifier,
    instrumentVersion: SemanticVersion,
    responseId: Identifier.optional(),
    status: z.enum(["scored", "not-scored"]),
    raw: z.number().meta({ description: "Sum of the scored answers, after reversal, before any missing-data rule." }),
    total: z.number().nullable().meta({ description: "The score by the instrument's method after the missing-data rule and rounding; null when not scored." }),
    metric: z.number().optional().meta({ description: "The total converted through the instrument's conversion table." }),
    band: z.strictObject({ id: Identifier, label: LocalisedText }).optional(),
    subscales: z.array(SubscaleScore),
    shown: z.number().int().min(0).meta({ description: "Scored items shown to the person (conditional items may be hidden)." }),
    answered: z.number().int().min(0).meta({ description: "Shown, scored items with a scored answer." }),
    missing: z.number().int().min(0).meta({ description: "Shown, scored items left blank." }),
    excluded: z.number().int().min(0).meta({ description: "Shown, scored items answered not applicable or don't know. Never counted as zero." }),
    completeness: z.number().min(0).max(1).meta({ description: "answered / shown (1 when no scored item was shown)." }),
    missingDataRuleApplied: MissingDataRuleApplied,
    alerts: z.array(ScoreAlert),
  })
  .meta({ id: "InstrumentScore", title: "Instrument score", description: "The score of one response." });

/**
 * The score of one response (see {@link InstrumentScore}).
 *
 * @example
 * ```ts
 * function describe(score: InstrumentScore): string {
 *   return score.status === "scored" ? `${score.total} (${score.band?.id ?? "no band"})` : "not scored";
 * }
 * ```
 */
export type InstrumentScore = z.infer<typeof InstrumentScore>;
