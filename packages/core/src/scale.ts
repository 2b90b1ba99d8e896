import * as z from "zod";
import { SelfManageError } from "./errors";
import { Identifier } from "./ids";
import { LocalisedText } from "./text";

/**
 * Why an option is left out of scores: `not-applicable` or `dont-know`.
 * Such answers are excluded, never counted as zero.
 *
 * @example
 * ```ts
 * Exclusion.parse("dont-know");
 * ```
 */
export const Exclusion = z
  .enum(["not-applicable", "dont-know"])
  .meta({ id: "Exclusion", description: "Why an answer is left out of scores. Excluded answers are never counted as zero." });

/**
 * Why an option is left out of scores (see {@link Exclusion}).
 *
 * @example
 * ```ts
 * const reason: Exclusion = "not-applicable";
 * ```
 */
export type Exclusion = z.infer<typeof Exclusion>;

/**
 * One option of an ordinal scale: a stable code, a label, and either a value (its weight)
 * or an exclusion reason.
 *
 * @example
 * ```ts
 * ScaleOption.parse({ code: "agree", value: 4, label: { en: "Agree" } });
 * ScaleOption.parse({ code: "na", exclusion: "not-applicable", label: { en: "Does not apply" } });
 * ```
 */
export const ScaleOption = z
  .strictObject({
    code: Identifier.meta({ description: "Stable code stored in answers, e.g. `agree`." }),
    label: LocalisedText,
    value: z.number().finite().optional().meta({ description: "The weight used in scores. Required unless the option is excluded." }),
    exclusion: Exclusion.optional(),
  })
  // Predicates rather than a superRefine: zod's compiled parser runs a predicate inline.
  .refine((option) => option.exclusion !== undefined || option.value !== undefined, {
    path: ["value"],
    message: "A scored option needs a value.",
    params: { code: "missing_value" },
  })
  .refine((option) => option.exclusion === undefined || option.value === undefined, {
    path: ["value"],
    message: "An excluded option (not applicable or don't know) must not carry a value: it is never scored.",
    params: { code: "excluded_with_value" },
  })
  .meta({ id: "ScaleOption", title: "Scale option", description: "One option of an ordinal scale." });

/**
 * One option of an ordinal scale (see {@link ScaleOption}).
 *
 * @example
 * ```ts
 * const option: ScaleOption = { code: "often", value: 3, label: { en: "Often" } };
 * ```
 */
export type ScaleOption = z.infer<typeof ScaleOption>;

/** Whether every option code is different: the check every scale pays for, without building anything. */
function uniqueCodes(options: readonly { code: string }[]): boolean {
  for (let index = 1; index < options.length; index++) {
    const code = (options[index] as { code: string }).code;
    for (let earlier = 0; earlier < index; earlier++) if ((options[earlier] as { code: string }).code === code) return false;
  }
  return true;
}

/** The paths of option codes that repeat an earlier one, worked out only for a scale turned down. */
function repeatedCodes(options: readonly { code: string }[]): (string | number)[][] {
  const paths: (string | number)[][] = [];
  for (let index = 1; index < options.length; index++) {
    const code = (options[index] as { code: string }).code;
    for (let earlier = 0; earlier < index; earlier++) {
      if ((options[earlier] as { code: string }).code === code) {
        paths.push(["options", index, "code"]);
        break;
      }
    }
  }
  return paths;
}

function countScored(options: readonly { exclusion?: unknown }[]): number {
  let scored = 0;
  for (const option of options) if (option.exclusion === undefined) scored++;
  return scored;
}

/**
 * A named, ordered list of options, each with a value and a label. Options marked
 * not applicable or don't know are excluded from scores.
 *
 * @example
 * ```ts
 * const frequency = OrdinalScale.parse({
 *   id: "frequency",
 *   label: { en: "How often" },
 *   options: [
 *     { code: "never", value: 0, label: { en: "Never" } },
 *     { code: "sometimes", value: 1, label: { en: "Sometimes" } },
 *     { code: "often", value: 2, label: { en: "Often" } },
 *   ],
 * });
 * ```
 */
export const OrdinalScale = z
  .strictObject({
    id: Identifier,
    label: LocalisedText.optional(),
    options: z.array(ScaleOption).min(2).max(101),
  })
  // Predicates rather than a superRefine (zod's compiled parser runs a predicate inline);
  // `params.paths` names each repeated code (see safeParseResult).
  .refine((scale) => uniqueCodes(scale.options), {
    message: "Each option code must be unique within its scale.",
    params: { code: "duplicate_code", paths: (scale: { options: readonly { code: string }[] }) => repeatedCodes(scale.options) },
  })
  .refine((scale) => countScored(scale.options) >= 2, {
    path: ["options"],
    message: "A scale needs at least two scored options.",
    params: { code: "too_few_scored_options" },
  })
  .meta({ id: "OrdinalScale", title: "Ordinal scale", description: "A named list of options with values and labels." });

/**
 * An ordinal scale (see {@link OrdinalScale}).
 *
 * @example
 * ```ts
 * const yesNo: OrdinalScale = {
 *   id: "yes-no",
 *   options: [
 *     { code: "no", value: 0, label: { en: "No" } },
 *     { code: "yes", value: 1, label: { en: "Yes" } },
 *   ],
 * };
 * ```
 */
export type OrdinalScale = z.infer<typeof OrdinalScale>;

/**
 * What an answer on a scale counts for: a value, or excluded with a reason.
 *
 * @example
 * ```ts
 * const counted: ScaledAnswer = { kind: "scored", value: 3 };
 * const left: ScaledAnswer = { kind: "excluded", reason: "dont-know" };
 * ```
 */
export type ScaledAnswer = { readonly kind: "scored"; readonly value: number } | { readonly kind: "excluded"; readonly reason: Exclusion };

/**
 * Look up what an option code counts for on a scale; `undefined` when the code is not on it.
 *
 * @example
 * ```ts
 * scoreOption(agreementScale, "agree"); // { kind: "scored", value: 4 }
 * scoreOption(agreementScale, "not-applicable"); // { kind: "excluded", reason: "not-applicable" }
 * ```
 */
export function scoreOption(scale: OrdinalScale, code: string): ScaledAnswer | undefined {
  const option = scale.options.find((candidate) => candidate.code === code);
  if (option === undefined) return undefined;
  if (option.exclusion !== undefined) return { kind: "excluded", reason: option.exclusion };
  return { kind: "scored", value: option.value as number };
}

/**
 * The lowest and highest values of a scale's scored options.
 *
 * @throws {@link SelfManageError} `invalid-definition` when the scale has fewer than two scored options.
 * @example
 * ```ts
 * scaleBounds(agreementScale); // { min: 1, max: 5 }
 * ```
 */
export function scaleBounds(scale: OrdinalScale): { min: number; max: number } {
  // One pass without building a list: this runs for every item of every instrument validated.
  let scored = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const option of scale.options) {
    if (option.exclusion !== undefined || option.value === undefined) continue;
    scored++;
    if (option.value < min) min = option.value;
    if (option.value > max) max = option.value;
  }
  if (scored < 2) throw new SelfManageError("invalid-definition", `Scale ${scale.id} needs at least two scored options.`);
  return { min, max };
}

/**
 * Reverse a value on a scale (`min + max - value`), for items worded the other way round.
 *
 * @example
 * ```ts
 * reverseScore(5, { min: 1, max: 5 }); // 1
 * reverseScore(0, { min: 0, max: 3 }); // 3
 * ```
 */
export function reverseScore(value: number, bounds: { min: number; max: number }): number {
  return bounds.min + bounds.max - value;
}

/**
 * Express a value as a percentage of the scale's range: the minimum is 0 and the maximum 100.
 *
 * @example
 * ```ts
 * normaliseToPercent(3, { min: 1, max: 5 }); // 50
 * ```
 */
export function normaliseToPercent(value: number, bounds: { min: number; max: number }): number {
  if (bounds.max === bounds.min) throw new SelfManageError("invalid-argument", "A scale range must not be empty.");
  return ((value - bounds.min) / (bounds.max - bounds.min)) * 100;
}

/**
 * A five-point agreement scale (1 strongly disagree .. 5 strongly agree) with
 * "not applicable" and "don't know" options that are never scored.
 *
 * @example
 * ```ts
 * scoreOption(agreementScale, "strongly-agree"); // { kind: "scored", value: 5 }
 * ```
 */
export const agreementScale: OrdinalScale = {
  id: "agreement-5",
  label: { en: "How far do you agree?" },
  options: [
    { code: "strongly-disagree", value: 1, label: { en: "Strongly disagree" } },
    { code: "disagree", value: 2, label: { en: "Disagree" } },
    { code: "neutral", value: 3, label: { en: "Neither agree nor disagree" } },
    { code: "agree", value: 4, label: { en: "Agree" } },
    { code: "strongly-agree", value: 5, label: { en: "Strongly agree" } },
    { code: "not-applicable", exclusion: "not-applicable", label: { en: "Does not apply here" } },
    { code: "dont-know", exclusion: "dont-know", label: { en: "Don't know" } },
  ],
};
