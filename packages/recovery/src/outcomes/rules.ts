import * as z from "zod";
import { Identifier, fail, issue, ok, safeParseResult, type Result, type ValidationIssue } from "@selfmanage/core";
import { Direction } from "../direction";
import type { InstrumentDefinition } from "../instrument";
import { RuleSource } from "../source";

/**
 * One measure used to judge the outcome of an episode of care: which instrument, which way is
 * better, the caseness threshold (a score at or beyond it on the worse side is a "case") and the
 * change in points that counts as reliable.
 *
 * @example
 * ```ts
 * OutcomeMeasure.parse({ instrumentId: "phq-9", direction: "lower-is-better", caseness: 10, reliableChange: 6 });
 * ```
 */
export const OutcomeMeasure = z
  .strictObject({
    instrumentId: Identifier,
    label: z.string().trim().min(1).max(100).optional().meta({ description: "A short name for reports, e.g. PHQ-9. Defaults to the instrument id." }),
    direction: Direction,
    caseness: z.number().finite().meta({ description: "A score at or beyond this on the worse side (at or above it when lower is better) is above the clinical cut-off." }),
    reliableChange: z.number().finite().positive().meta({ description: "A change of at least this many points, either way, is reliable." }),
    source: RuleSource.optional(),
  })
  .meta({ id: "OutcomeMeasure", title: "Outcome measure", description: "A measure used to judge an episode's outcome: caseness and reliable change." });

/**
 * A measure for episode outcomes (see {@link OutcomeMeasure}).
 *
 * @example
 * ```ts
 * const gad7Measure: OutcomeMeasure = { instrumentId: "gad-7", direction: "lower-is-better", caseness: 8, reliableChange: 4 };
 * ```
 */
export type OutcomeMeasure = z.infer<typeof OutcomeMeasure>;

/**
 * The rules for the outcomes of episodes of care: one or more measures, each paired first and
 * last. With several measures, the published NHS Talking Therapies rule applies: a case at the
 * start on any measure is a case; reliable improvement is reliable improvement on at least one
 * measure and reliable deterioration on none (and the other way round for deterioration).
 *
 * @example
 * ```ts
 * OutcomeRules.parse({ id: "our-service", title: "Our outcomes", measures: [{ instrumentId: "who-5", direction: "higher-is-better", caseness: 50, reliableChange: 10 }] });
 * ```
 */
export const OutcomeRules = z
  .strictObject({
    id: Identifier,
    title: z.string().trim().min(1).max(200),
    measures: z.array(OutcomeMeasure).min(1).max(8),
    source: RuleSource.optional().meta({ description: "Where the definitions of recovery, improvement and deterioration come from." }),
  })
  .meta({ id: "OutcomeRules", title: "Outcome rules", description: "Measures and thresholds for the outcomes of episodes of care." });

/**
 * Outcome rules (see {@link OutcomeRules}).
 *
 * @example
 * ```ts
 * const rules: OutcomeRules = nhsTalkingTherapiesRules;
 * ```
 */
export type OutcomeRules = z.infer<typeof OutcomeRules>;

const TALKING_THERAPIES_SOURCE = {
  citation: "National Collaborating Centre for Mental Health. The Improving Access to Psychological Therapies Manual (now the NHS Talking Therapies for anxiety and depression manual)",
  year: 2018,
} as const;

/**
 * The NHS Talking Therapies for anxiety and depression outcome rules, as the worked example:
 * PHQ-9 (caseness 10, reliable change 6) and GAD-7 (caseness 8, reliable change 4), both lower
 * is better. Services that use an anxiety disorder specific measure instead of the GAD-7, or
 * other thresholds, write their own {@link OutcomeRules}.
 *
 * @example
 * ```ts
 * nhsTalkingTherapiesRules.measures.map((measure) => `${measure.instrumentId} ${measure.caseness}`); // ["phq-9 10", "gad-7 8"]
 * ```
 */
export const nhsTalkingTherapiesRules: OutcomeRules = {
  id: "nhs-talking-therapies",
  title: "NHS Talking Therapies outcomes (PHQ-9 and GAD-7)",
  measures: [
    { instrumentId: "phq-9", label: "PHQ-9", direction: "lower-is-better", caseness: 10, reliableChange: 6, source: { ...TALKING_THERAPIES_SOURCE, note: "PHQ-9: caseness at 10 or more; reliable change of 6 points or more." } },
    { instrumentId: "gad-7", label: "GAD-7", direction: "lower-is-better", caseness: 8, reliableChange: 4, source: { ...TALKING_THERAPIES_SOURCE, note: "GAD-7: caseness at 8 or more; reliable change of 4 points or more." } },
  ],
  source: {
    ...TALKING_THERAPIES_SOURCE,
    note: "Recovery: a case at the start on either measure and a case on neither at the end. Reliable improvement: reliable improvement on at least one measure and reliable deterioration on neither; reliable deterioration the other way round. Reliable recovery: both recovery and reliable improvement.",
  },
};

/**
 * Validate outcome rules: their shape, and that no instrument is named twice.
 *
 * @example
 * ```ts
 * validateOutcomeRules(JSON.parse(text)); // { ok: true, value } or { ok: false, issues }
 * ```
 */
export function validateOutcomeRules(input: unknown): Result<OutcomeRules> {
  const parsed = safeParseResult(OutcomeRules, input);
  if (!parsed.ok) return parsed;
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  parsed.value.measures.forEach((measure, index) => {
    if (seen.has(measure.instrumentId)) issues.push(issue(["measures", index, "instrumentId"], "duplicate_id", "Each instrument may be named only once in the rules."));
    seen.add(measure.instrumentId);
  });
  return issues.length > 0 ? fail(issues) : parsed;
}

/**
 * An outcome measure from an instrument definition's own change parameters: its fixed
 * `cutOff` as caseness and its `reliableChangeThreshold`. Fails when the definition publishes neither.
 *
 * @example
 * ```ts
 * outcomeMeasureFromDefinition(who5); // { ok: true, value: { instrumentId: "who-5", direction: "higher-is-better", caseness: 50, reliableChange: 10, ... } }
 * ```
 */
export function outcomeMeasureFromDefinition(definition: InstrumentDefinition): Result<OutcomeMeasure> {
  const change = definition.change;
  const issues: ValidationIssue[] = [];
  if (change?.cutOff === undefined) issues.push(issue(["change", "cutOff"], "no_caseness", "The definition has no fixed cut-off to use as caseness."));
  if (change?.reliableChangeThreshold === undefined) issues.push(issue(["change", "reliableChangeThreshold"], "no_reliable_change", "The definition has no fixed reliable change threshold."));
  if (change?.cutOff === undefined || change.reliableChangeThreshold === undefined) return fail(issues);
  const source = change.sources?.cutOff;
  return ok({
    instrumentId: definition.id,
    label: definition.id.toUpperCase(),
    direction: definition.scoring.direction,
    caseness: change.cutOff,
    reliableChange: change.reliableChangeThreshold,
    ...(source === undefined ? {} : { source }),
  });
}
