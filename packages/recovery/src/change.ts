import * as z from "zod";
import { SelfManageError } from "@selfmanage/core";
import type { Direction } from "./direction";
import { RuleSource } from "./source";

/**
 * The mean and standard deviation of scores in a reference population (clinical or functional).
 *
 * @example
 * ```ts
 * PopulationStatistics.parse({ mean: 15, standardDeviation: 5 });
 * ```
 */
export const PopulationStatistics = z
  .strictObject({
    mean: z.number().finite(),
    standardDeviation: z.number().finite().positive(),
  })
  .meta({ id: "PopulationStatistics", title: "Population statistics", description: "Mean and standard deviation of scores in a reference population." });

/**
 * Population statistics (see {@link PopulationStatistics}).
 *
 * @example
 * ```ts
 * const functional: PopulationStatistics = { mean: 4, standardDeviation: 3 };
 * ```
 */
export type PopulationStatistics = z.infer<typeof PopulationStatistics>;

/**
 * Parameters for judging change between two scores (Jacobson and Truax 1991).
 *
 * - `standardDeviation` and `reliability`: the baseline SD and the reliability used by the Reliable Change Index.
 * - `reliableChangeThreshold`: a published fixed change (in score points) that counts as reliable; it overrides the RCI.
 * - `clinical` and `functional`: population means and SDs for the computed clinical cut-off, using `cutOffMethod`
 *   (`c` by default; `a` is two SDs from the clinical mean towards health; `b` is two SDs from the functional mean towards illness).
 * - `cutOff`: a published fixed cut-off; it overrides the computed one.
 * - `criticalValue`: the |RCI| that must be exceeded (1.96 by default, for 95% confidence).
 *
 * @example
 * ```ts
 * ChangeParameters.parse({ standardDeviation: 5.7, reliability: 0.84, cutOff: 10 });
 * ```
 */
export const ChangeParameters = z
  .strictObject({
    standardDeviation: z.number().finite().positive().optional(),
    reliability: z.number().min(0).lt(1).optional(),
    reliableChangeThreshold: z.number().finite().positive().optional(),
    criticalValue: z.number().finite().positive().optional(),
    clinical: PopulationStatistics.optional(),
    functional: PopulationStatistics.optional(),
    cutOffMethod: z.enum(["a", "b", "c"]).optional(),
    cutOff: z.number().finite().optional(),
    sources: z
      .strictObject({ reliableChange: RuleSource.optional(), cutOff: RuleSource.optional() })
      .optional()
      .meta({ description: "Where the reliable change threshold (or SD and reliability) and the cut-off come from." }),
  })
  .superRefine((parameters, context) => {
    const rciReady = parameters.standardDeviation !== undefined && parameters.reliability !== undefined;
    if (!rciReady && parameters.reliableChangeThreshold === undefined) {
      context.addIssue({
        code: "custom",
        path: ["standardDeviation"],
        message: "Give a standard deviation and a reliability, or a fixed reliable change threshold.",
        params: { code: "no_reliable_change_basis" },
      });
    }
    if ((parameters.standardDeviation === undefined) !== (parameters.reliability === undefined)) {
      context.addIssue({
        code: "custom",
        path: [parameters.standardDeviation === undefined ? "standardDeviation" : "reliability"],
        message: "The Reliable Change Index needs both a standard deviation and a reliability.",
        params: { code: "incomplete_rci_parameters" },
      });
    }
    const method = parameters.cutOffMethod ?? "c";
    const needsClinical = parameters.cutOffMethod !== undefined && method !== "b";
    const needsFunctional = parameters.cutOffMethod !== undefined && method !== "a";
    if (needsClinical && parameters.clinical === undefined) {
      context.addIssue({ code: "custom", path: ["clinical"], message: "This cut-off method needs the clinical population's mean and SD.", params: { code: "missing_population" } });
    }
    if (needsFunctional && parameters.functional === undefined) {
      context.addIssue({ code: "custom", path: ["functional"], message: "This cut-off method needs the functional population's mean and SD.", params: { code: "missing_population" } });
    }
  })
  .meta({ id: "ChangeParameters", title: "Change parameters", description: "Reliable change and clinical cut-off parameters (Jacobson and Truax 1991)." });

/**
 * Change parameters (see {@link ChangeParameters}).
 *
 * @example
 * ```ts
 * const fixed: ChangeParameters = { reliableChangeThreshold: 6, cutOff: 10 };
 * ```
 */
export type ChangeParameters = z.infer<typeof ChangeParameters>;

/**
 * The four classes of change: `recovered` (reliable improvement that crossed the cut-off),
 * `improved` (reliable improvement only), `unchanged`, `deteriorated` (reliable worsening).
 *
 * @example
 * ```ts
 * ChangeClassification.parse("improved");
 * ```
 */
export const ChangeClassification = z
  .enum(["recovered", "improved", "unchanged", "deteriorated"])
  .meta({ id: "ChangeClassification", title: "Change classification", description: "recovered, improved, unchanged or deteriorated." });

/**
 * A class of change (see {@link ChangeClassification}).
 *
 * @example
 * ```ts
 * const outcome: ChangeClassification = "recovered";
 * ```
 */
export type ChangeClassification = z.infer<typeof ChangeClassification>;

/**
 * Whether a higher score means things are better or worse for the person: the same values as {@link Direction}.
 *
 * @example
 * ```ts
 * const phq: ScoreDirection = "lower-is-better";
 * ```
 */
export type ScoreDirection = Direction;

/**
 * The reliable-change part of a comparison of two scores.
 *
 * @example
 * ```ts
 * const result: ChangeResult = reliableChange(18, 8, { standardDeviation: 5, reliability: 0.84 }, "lower-is-better");
 * result.reliable; // true
 * ```
 */
export interface ChangeResult {
  /** `after - before`, in score points. */
  change: number;
  /** The change in the direction of benefit: positive is better for the person. */
  improvement: number;
  /** The Reliable Change Index, or `null` when no SD and reliability were given. */
  rci: number | null;
  /** The standard error of the difference, or `null` when no SD and reliability were given. */
  standardErrorOfDifference: number | null;
  /** The change in points that marks reliable change: with the RCI, a change must be larger than this; with a fixed threshold, at least this. */
  threshold: number;
  /** Where the threshold came from: the RCI, or a published fixed threshold (which overrides it). */
  basis: "rci" | "fixed-threshold";
  /** Whether the change is reliable. */
  reliable: boolean;
}

/**
 * A full comparison of two scores: reliable change, the clinical cut-off and the class of change.
 *
 * @example
 * ```ts
 * const outcome: ChangeOutcome = classifyChange(16, 6, { standardDeviation: 5, reliability: 0.84, cutOff: 10 }, "lower-is-better");
 * outcome.classification; // "recovered"
 * ```
 */
export interface ChangeOutcome extends ChangeResult {
  /** The clinical cut-off used, or `null` when none was given. */
  cutOff: number | null;
  /** Whether the person moved from the clinical side of the cut-off to the functional side. */
  crossedCutOff: boolean;
  /** The class of change. */
  classification: ChangeClassification;
}

function checkParameters(parameters: ChangeParameters): void {
  const parsed = ChangeParameters.safeParse(parameters);
  if (!parsed.success) throw new SelfManageError("invalid-argument", "The change parameters are not valid: check them with ChangeParameters first.");
}

/**
 * The clinical cut-off for the parameters and direction: the fixed `cutOff` when given,
 * otherwise method c, a or b from population statistics; `null` when there is nothing to compute it from.
 *
 * @example
 * ```ts
 * clinicalCutOff({ reliableChangeThreshold: 5, clinical: { mean: 20, standardDeviation: 5 }, functional: { mean: 10, standardDeviation: 5 } }, "lower-is-better"); // 15
 * ```
 */
export function clinicalCutOff(parameters: ChangeParameters, direction: ScoreDirection): number | null {
  if (parameters.cutOff !== undefined) return parameters.cutOff;
  const { clinical, functional } = parameters;
  const towardsHealth = direction === "higher-is-better" ? 1 : -1;
  const method = parameters.cutOffMethod ?? "c";
  if (method === "a") return clinical === undefined ? null : clinical.mean + towardsHealth * 2 * clinical.standardDeviation;
  if (method === "b") return functional === undefined ? null : functional.mean - towardsHealth * 2 * functional.standardDeviation;
  if (clinical === undefined || functional === undefined) return null;
  return (clinical.standardDeviation * functional.mean + functional.standardDeviation * clinical.mean) / (clinical.standardDeviation + functional.standardDeviation);
}

/**
 * The Jacobson-Truax Reliable Change Index between two scores: SE = SD * sqrt(1 - r),
 * S_diff = sqrt(2 * SE^2), RCI = (after - before) / S_diff; reliable when |RCI| exceeds 1.96
 * (or `criticalValue`). A fixed `reliableChangeThreshold` overrides the computed one.
 *
 * @throws {@link @selfmanage/core!SelfManageError} `invalid-argument` when the parameters are not valid or a score is not a finite number.
 * @example
 * ```ts
 * const result = reliableChange(20, 12, { standardDeviation: 5, reliability: 0.84 }, "lower-is-better");
 * result.rci; // -8 / sqrt(2 * 4) = -2.83
 * result.reliable; // true
 * ```
 */
export function reliableChange(before: number, after: number, parameters: ChangeParameters, direction: ScoreDirection): ChangeResult {
  checkParameters(parameters);
  if (!Number.isFinite(before) || !Number.isFinite(after)) throw new SelfManageError("invalid-argument", "Both scores must be finite numbers.");
  const change = after - before;
  const improvement = direction === "higher-is-better" ? change : -change;
  const criticalValue = parameters.criticalValue ?? 1.96;
  let rci: number | null = null;
  let standardErrorOfDifference: number | null = null;
  if (parameters.standardDeviation !== undefined && parameters.reliability !== undefined) {
    const standardError = parameters.standardDeviation * Math.sqrt(1 - parameters.reliability);
    standardErrorOfDifference = Math.sqrt(2 * standardError * standardError);
    rci = change / standardErrorOfDifference;
  }
  if (parameters.reliableChangeThreshold !== undefined) {
    const threshold = parameters.reliableChangeThreshold;
    return { change, improvement, rci, standardErrorOfDifference, threshold, basis: "fixed-threshold", reliable: Math.abs(change) >= threshold };
  }
  const differenceError = standardErrorOfDifference as number;
  return {
    change,
    improvement,
    rci,
    standardErrorOfDifference,
    threshold: criticalValue * differenceError,
    basis: "rci",
    reliable: Math.abs(rci as number) > criticalValue,
  };
}

function isClinical(score: number, cutOff: number, direction: ScoreDirection): boolean {
  return direction === "lower-is-better" ? score >= cutOff : score <= cutOff;
}

/**
 * Classify the change between two scores as recovered, improved, unchanged or deteriorated,
 * honouring direction. A score at or beyond the cut-off on the worse side is on the clinical side.
 *
 * @throws {@link @selfmanage/core!SelfManageError} `invalid-argument` when the parameters are not valid or a score is not a finite number.
 * @example
 * ```ts
 * classifyChange(16, 6, { standardDeviation: 5, reliability: 0.84, cutOff: 10 }, "lower-is-better").classification; // "recovered"
 * classifyChange(16, 12, { standardDeviation: 5, reliability: 0.84, cutOff: 10 }, "lower-is-better").classification; // "unchanged"
 * ```
 */
export function classifyChange(before: number, after: number, parameters: ChangeParameters, direction: ScoreDirection): ChangeOutcome {
  const result = reliableChange(before, after, parameters, direction);
  const cutOff = clinicalCutOff(parameters, direction);
  const crossedCutOff = cutOff !== null && isClinical(before, cutOff, direction) && !isClinical(after, cutOff, direction);
  let classification: ChangeClassification = "unchanged";
  if (result.reliable && result.improvement > 0) classification = crossedCutOff ? "recovered" : "improved";
  else if (result.reliable && result.improvement < 0) classification = "deteriorated";
  return { ...result, cutOff, crossedCutOff, classification };
}
