import * as z from "zod";
import { fail, Identifier, IsoDate, issue, ok, PersonReference, prefixIssues, type Result, safeParseResult, SelfManageError, type ValidationIssue } from "@selfmanage/core";
import { ShortText } from "./text";

/**
 * A Goal Attainment Scaling level: -2 much less than expected, -1 somewhat less,
 * 0 the expected outcome, +1 somewhat more, +2 much more than expected, and the optional
 * -3 for things getting worse than where they started.
 *
 * @example
 * ```ts
 * GasLevel.parse(-1);
 * ```
 */
export const GasLevel = z.literal([-3, -2, -1, 0, 1, 2]).meta({
  id: "GasLevel",
  title: "GAS level",
  description: "A Goal Attainment Scaling level: -3 (worse than at the start, optional), -2, -1, 0 (the expected outcome), +1, +2.",
});

/**
 * A Goal Attainment Scaling level (see {@link GasLevel}).
 *
 * @example
 * ```ts
 * const expected: GasLevel = 0;
 * ```
 */
export type GasLevel = z.infer<typeof GasLevel>;

/**
 * What one GAS level looks like for this goal, in words agreed with the person.
 *
 * @example
 * ```ts
 * GasLevelDescriptor.parse({ level: 0, description: "Walk to the park and back twice a week." });
 * ```
 */
export const GasLevelDescriptor = z
  .strictObject({
    level: GasLevel,
    description: ShortText.meta({ description: "What reaching this level would look like, in words agreed with the person." }),
  })
  .meta({ id: "GasLevelDescriptor", title: "GAS level descriptor", description: "What one Goal Attainment Scaling level looks like for a goal." });

/**
 * What one GAS level looks like (see {@link GasLevelDescriptor}).
 *
 * @example
 * ```ts
 * const level: GasLevelDescriptor = { level: 2, description: "Walk to the park every day." };
 * ```
 */
export type GasLevelDescriptor = z.infer<typeof GasLevelDescriptor>;

const GasRating = z.int().min(0).max(3);

/**
 * A Goal Attainment Scale for one goal: a descriptor for each level from -2 to +2 (and -3 if
 * used), the baseline level, and optionally the importance and difficulty (each 0-3) whose
 * product weights the goal in the summary score. Without them the weight is 1.
 *
 * @example
 * ```ts
 * GasScale.parse({
 *   levels: [
 *     { level: -2, description: "Not walking outside." },
 *     { level: -1, description: "Walk to the corner and back." },
 *     { level: 0, description: "Walk to the park and back twice a week." },
 *     { level: 1, description: "Walk to the park four times a week." },
 *     { level: 2, description: "Walk to the park every day." },
 *   ],
 *   baseline: -2,
 *   importance: 3,
 *   difficulty: 2,
 * });
 * ```
 */
export const GasScale = z
  .strictObject({
    levels: z.array(GasLevelDescriptor).min(1).max(12).meta({ description: "One descriptor for each level -2..+2, and for -3 when it is used." }),
    baseline: GasLevel.optional().meta({ description: "The level that describes things at the start; commonly -2 (or -1)." }),
    importance: GasRating.optional().meta({ description: "How important the goal is to the person, 0-3. Give it together with difficulty." }),
    difficulty: GasRating.optional().meta({ description: "How hard the goal is expected to be, 0-3. Give it together with importance." }),
  })
  .meta({ id: "GasScale", title: "Goal Attainment Scale", description: "Level descriptors, baseline and weighting of one goal for Goal Attainment Scaling." });

/**
 * A Goal Attainment Scale (see {@link GasScale}).
 *
 * @example
 * ```ts
 * const scale: GasScale = {
 *   levels: [-2, -1, 0, 1, 2].map((level) => ({ level: level as GasLevel, description: `Level ${level}` })),
 * };
 * ```
 */
export type GasScale = z.infer<typeof GasScale>;

const REQUIRED_LEVELS: readonly GasLevel[] = [-2, -1, 0, 1, 2];

/**
 * The rules for a GAS scale that its schema cannot express: levels -2..+2 each described once,
 * a baseline on the scale, importance and difficulty given together. Used by the validators.
 *
 * @example
 * ```ts
 * gasScaleIssues({ levels: [{ level: 0, description: "Expected" }] }).map((found) => found.code);
 * // ["missing_gas_level", "missing_gas_level", "missing_gas_level", "missing_gas_level"]
 * ```
 */
export function gasScaleIssues(scale: GasScale): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<number>();
  scale.levels.forEach((descriptor, index) => {
    if (seen.has(descriptor.level)) {
      issues.push(issue(["levels", index, "level"], "duplicate_gas_level", "Each level may be described only once on a scale."));
    }
    seen.add(descriptor.level);
  });
  for (const level of REQUIRED_LEVELS) {
    if (!seen.has(level)) {
      issues.push(
        issue(["levels"], "missing_gas_level", `The scale has no description for level ${level > 0 ? "+" : ""}${level}. Levels -2, -1, 0, +1 and +2 all need one.`),
      );
    }
  }
  if (scale.baseline !== undefined && !seen.has(scale.baseline)) {
    issues.push(issue(["baseline"], "baseline_not_on_scale", "The baseline must be one of the levels described on the scale."));
  }
  if ((scale.importance === undefined) !== (scale.difficulty === undefined)) {
    const missing = scale.importance === undefined ? "importance" : "difficulty";
    issues.push(issue([missing], "incomplete_weight", "Give importance and difficulty together: the weight is their product."));
  }
  return issues;
}

/**
 * The weight of a goal in the GAS summary score: importance x difficulty (each 0-3), or 1 when
 * neither is given.
 *
 * @throws `SelfManageError` (from `@selfmanage/core`) with code `invalid-argument` when only one of the two is given, or either is not a whole number from 0 to 3.
 * @example
 * ```ts
 * gasWeight({ importance: 3, difficulty: 2 }); // 6
 * gasWeight({}); // 1
 * ```
 */
export function gasWeight(rating: { readonly importance?: number | undefined; readonly difficulty?: number | undefined }): number {
  const { importance, difficulty } = rating;
  if (importance === undefined && difficulty === undefined) return 1;
  if (importance === undefined || difficulty === undefined) {
    throw new SelfManageError("invalid-argument", "Give importance and difficulty together: the GAS weight is their product.");
  }
  for (const value of [importance, difficulty]) {
    if (!Number.isInteger(value) || value < 0 || value > 3) {
      throw new SelfManageError("invalid-argument", "Importance and difficulty must each be a whole number from 0 to 3.");
    }
  }
  return importance * difficulty;
}

/** The rho used when none is given: the correlation between goal scores assumed by Kiresuk and Sherman. */
const DEFAULT_RHO = 0.3;

/**
 * The Kiresuk-Sherman GAS T-score over a set of goals:
 * `T = 50 + 10 * Σ(wᵢxᵢ) / √((1 - ρ)Σwᵢ² + ρ(Σwᵢ)²)`, where `xᵢ` is the level reached and `wᵢ`
 * the weight (1 when omitted). Every goal at its expected level (0) gives exactly 50.
 *
 * @param entries - the attained level (-3..+2) of each goal, with its weight.
 * @param options - `rho`, the assumed correlation between goals, from 0 up to (not including) 1.
 * @defaultValue `rho` is 0.3.
 * @throws `SelfManageError` (from `@selfmanage/core`) with code `invalid-argument` for an empty list, a level outside -3..+2 or not whole,
 *   a negative or non-finite weight, weights that are all 0, or rho outside [0, 1).
 * @example
 * ```ts
 * gasTScore([{ level: 0 }, { level: 0 }]); // 50
 * gasTScore([{ level: 1 }]); // 60
 * gasTScore([{ level: 1, weight: 6 }, { level: -1, weight: 2 }], { rho: 0.5 });
 * ```
 */
export function gasTScore(entries: ReadonlyArray<{ readonly level: number; readonly weight?: number | undefined }>, options: { readonly rho?: number | undefined } = {}): number {
  const rho = options.rho ?? DEFAULT_RHO;
  if (!Number.isFinite(rho) || rho < 0 || rho >= 1) throw new SelfManageError("invalid-argument", "rho must be at least 0 and less than 1.");
  if (entries.length === 0) throw new SelfManageError("invalid-argument", "A GAS T-score needs at least one goal.");
  let weightedSum = 0;
  let sumOfSquares = 0;
  let sumOfWeights = 0;
  for (const entry of entries) {
    if (!Number.isInteger(entry.level) || entry.level < -3 || entry.level > 2) {
      throw new SelfManageError("invalid-argument", "Each GAS level must be a whole number from -3 to +2.");
    }
    const weight = entry.weight ?? 1;
    if (!Number.isFinite(weight) || weight < 0) throw new SelfManageError("invalid-argument", "Each GAS weight must be a number of 0 or more.");
    weightedSum += weight * entry.level;
    sumOfSquares += weight * weight;
    sumOfWeights += weight;
  }
  if (sumOfWeights === 0) throw new SelfManageError("invalid-argument", "At least one goal needs a weight above 0.");
  return 50 + (10 * weightedSum) / Math.sqrt((1 - rho) * sumOfSquares + rho * sumOfWeights * sumOfWeights);
}

/**
 * One goal's Goal Attainment Scaling result in a {@link GasSet}: the level reached, optionally
 * the goal's scale, and its weight (a weight, or importance and difficulty, or neither for 1).
 *
 * @example
 * ```ts
 * GasSetEntry.parse({ goalId: "goal-walk", importance: 3, difficulty: 2, attainedLevel: 1 });
 * ```
 */
export const GasSetEntry = z
  .strictObject({
    goalId: Identifier.meta({ description: "The goal this entry scores." }),
    scale: GasScale.optional(),
    weight: z.number().finite().min(0).optional().meta({ description: "The weight of this goal. Give either weight, or importance and difficulty, or neither (weight 1)." }),
    importance: GasRating.optional().meta({ description: "How important the goal is, 0-3; the weight is importance x difficulty." }),
    difficulty: GasRating.optional().meta({ description: "How hard the goal is expected to be, 0-3." }),
    attainedLevel: GasLevel.meta({ description: "The level reached at follow-up." }),
  })
  .meta({ id: "GasSetEntry", title: "GAS entry", description: "One goal's Goal Attainment Scaling result in a set." });

/**
 * One goal's GAS result in a {@link GasSet}.
 *
 * @example
 * ```ts
 * const entry: GasSetEntry = { goalId: "goal-walk", importance: 3, difficulty: 2, attainedLevel: 1 };
 * ```
 */
export type GasSetEntry = z.infer<typeof GasSetEntry>;

/**
 * The Goal Attainment Scaling results of one person's goals for one period, ready to be scored.
 * Each entry's weight is its `weight`, else its `importance` x `difficulty`, else those of its
 * scale, else 1.
 *
 * @example
 * ```ts
 * GasSet.parse({
 *   id: "gas-2026-spring",
 *   person: "person-7f3a9c",
 *   entries: [
 *     { goalId: "goal-walk", importance: 3, difficulty: 2, attainedLevel: 1 },
 *     { goalId: "goal-sleep", attainedLevel: 0 },
 *   ],
 * });
 * ```
 */
export const GasSet = z
  .strictObject({
    id: Identifier,
    person: PersonReference.optional(),
    periodStart: IsoDate.optional().meta({ description: "The first day of the period the set covers." }),
    periodEnd: IsoDate.optional().meta({ description: "The last day of the period the set covers." }),
    rho: z.number().min(0).lt(1).optional().meta({ description: "The assumed correlation between goal scores; 0.3 when omitted." }),
    entries: z.array(GasSetEntry).min(1).max(100),
  })
  .meta({ id: "GasSet", title: "GAS set", description: "The Goal Attainment Scaling results of one person's goals for one period." });

/**
 * A set of GAS results (see {@link GasSet}).
 *
 * @example
 * ```ts
 * const set: GasSet = { id: "gas-1", entries: [{ goalId: "goal-walk", attainedLevel: 0 }] };
 * ```
 */
export type GasSet = z.infer<typeof GasSet>;

function entryIssues(entry: GasSetEntry): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (entry.scale !== undefined) {
    for (const found of prefixIssues(gasScaleIssues(entry.scale), ["scale"])) issues.push(found);
    if (!entry.scale.levels.some((descriptor) => descriptor.level === entry.attainedLevel)) {
      issues.push(issue(["attainedLevel"], "level_not_on_scale", "The level reached must be one of the levels described on the goal's scale."));
    }
  }
  const hasRating = entry.importance !== undefined || entry.difficulty !== undefined;
  if (entry.weight !== undefined && hasRating) {
    issues.push(issue(["weight"], "weight_given_twice", "Give either a weight, or importance and difficulty, but not both."));
  } else if ((entry.importance === undefined) !== (entry.difficulty === undefined)) {
    const missing = entry.importance === undefined ? "importance" : "difficulty";
    issues.push(issue([missing], "incomplete_weight", "Give importance and difficulty together: the weight is their product."));
  } else if (entry.scale?.importance !== undefined && entry.scale.difficulty !== undefined) {
    // Two different weights for one goal: scoring one of them quietly would hide the other.
    const scaleWeight = entry.scale.importance * entry.scale.difficulty;
    const ownWeight = entry.weight ?? (entry.importance === undefined || entry.difficulty === undefined ? undefined : entry.importance * entry.difficulty);
    if (ownWeight !== undefined && ownWeight !== scaleWeight) {
      issues.push(
        issue(
          [entry.weight === undefined ? "importance" : "weight"],
          "weight_differs_from_scale",
          "This entry's weight differs from the one its scale gives (importance x difficulty). Give the weight in one place, or make them match.",
        ),
      );
    }
  }
  return issues;
}

/**
 * Validate a set of GAS results: the schema, then the rules (scales describe -2..+2 once each,
 * levels reached are on the scale, weights given one way only and not contradicting the scale's,
 * goals listed once, a period that ends after it starts, and at least one goal with a weight
 * above 0).
 *
 * @example
 * ```ts
 * const result = validateGasSet({ id: "gas-1", entries: [{ goalId: "goal-walk", attainedLevel: 4 }] });
 * if (!result.ok) result.issues[0]?.path; // ["entries", 0, "attainedLevel"]
 * ```
 */
export function validateGasSet(input: unknown): Result<GasSet> {
  const parsed = safeParseResult(GasSet, input);
  if (!parsed.ok) return parsed;
  const set = parsed.value;
  const issues: ValidationIssue[] = [];
  const entries = set.entries;
  // A plain loop: this runs for every set validated, and a set has at most 100 entries.
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as GasSetEntry;
    const own = entryIssues(entry);
    if (own.length > 0) for (const found of prefixIssues(own, ["entries", index])) issues.push(found);
    for (let earlier = 0; earlier < index; earlier++) {
      if ((entries[earlier] as GasSetEntry).goalId === entry.goalId) {
        issues.push(issue(["entries", index, "goalId"], "duplicate_goal", "Each goal may appear only once in a GAS set."));
        break;
      }
    }
  }
  if (set.periodStart !== undefined && set.periodEnd !== undefined && set.periodEnd < set.periodStart) {
    issues.push(issue(["periodEnd"], "period_ends_before_start", "The period must end on or after the day it starts."));
  }
  if (issues.length === 0 && set.entries.every((entry) => entryWeight(entry) === 0)) {
    issues.push(issue(["entries"], "no_weight", "At least one goal needs a weight above 0 (an importance or difficulty of 0 gives a weight of 0)."));
  }
  return issues.length > 0 ? fail(issues) : ok(set);
}

function entryWeight(entry: GasSetEntry): number {
  if (entry.weight !== undefined) return entry.weight;
  if (entry.importance !== undefined) return gasWeight(entry);
  return gasWeight({ importance: entry.scale?.importance, difficulty: entry.scale?.difficulty });
}

/**
 * The score of a {@link GasSet}: the T-score, the rho used, and each goal's level and weight.
 *
 * @example
 * ```ts
 * const score: GasSetScore = { tScore: 50, rho: 0.3, entries: [{ goalId: "goal-walk", level: 0, weight: 1 }] };
 * ```
 */
export interface GasSetScore {
  /** The Kiresuk-Sherman T-score; 50 when every goal is at its expected level. */
  readonly tScore: number;
  /** The rho used. */
  readonly rho: number;
  /** Each goal's level reached and the weight it counted with. */
  readonly entries: ReadonlyArray<{ readonly goalId: string; readonly level: GasLevel; readonly weight: number }>;
}

/**
 * Validate a set of GAS results and score it with {@link gasTScore}.
 *
 * @example
 * ```ts
 * const result = scoreGasSet({ id: "gas-1", entries: [{ goalId: "goal-walk", attainedLevel: 0 }, { goalId: "goal-sleep", attainedLevel: 0 }] });
 * if (result.ok) result.value.tScore; // 50
 * ```
 */
export function scoreGasSet(set: GasSet): Result<GasSetScore> {
  const validated = validateGasSet(set);
  if (!validated.ok) return validated;
  const rho = validated.value.rho ?? DEFAULT_RHO;
  const entries = validated.value.entries.map((entry) => ({ goalId: entry.goalId, level: entry.attainedLevel, weight: entryWeight(entry) }));
  return ok({ tScore: gasTScore(entries, { rho }), rho, entries });
}
