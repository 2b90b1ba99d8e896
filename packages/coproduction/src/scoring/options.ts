import * as z from "zod";
import { Role, SelfManageError, formatIssue, safeParseResult } from "@selfmanage/core";

/**
 * How perspective groups are weighed when their scores are combined:
 *
 * - `"partnership-parity"` (the default): the two sides of the partnership (people who use
 *   services, people who provide and commission them) each carry half of every combined score,
 *   whatever the number of perspectives or respondents on each; within a side, every reported
 *   perspective weighs the same.
 * - `"perspective-parity"`: every reported perspective weighs the same, so the side with more
 *   perspectives carries more (four professional perspectives against one lived-experience
 *   group give lived experience a fifth). This was the default before partnership parity.
 * - `"headcount"`: each perspective weighs by its number of respondents, so larger groups
 *   dominate. Use it only to show what parity changes.
 * - an object of weights per perspective, e.g. `{ person: 2, carer: 2 }`: perspectives not
 *   listed weigh 1; every weight is more than 0.
 *
 * @example
 * ```ts
 * Weighting.parse("partnership-parity");
 * Weighting.parse({ person: 2, carer: 1.5 });
 * ```
 */
export const Weighting = z
  .union([
    z.literal("partnership-parity"),
    z.literal("perspective-parity"),
    z.literal("headcount"),
    z.partialRecord(Role, z.number().finite().positive().max(1000)),
  ])
  .meta({
    id: "Weighting",
    title: "Weighting",
    description:
      'How perspective groups are weighed when combined: "partnership-parity" (each side of the partnership half, perspectives equal within a side), "perspective-parity" (each reported perspective the same), "headcount" (by number of respondents), or a weight per perspective (unlisted perspectives weigh 1).',
  });

/**
 * How perspective groups are weighed (see {@link Weighting}).
 *
 * @example
 * ```ts
 * const weighting: Weighting = "perspective-parity";
 * ```
 */
export type Weighting = z.infer<typeof Weighting>;

/**
 * Options for `scoreAssessment`. Every field is optional; see {@link defaultScoringOptions}.
 *
 * @remarks
 * `minimumRespondents` defaults to 5: the smallest count that UK health and care statistics
 * commonly publish, and large enough that a small group's mean is not one or two people's
 * answers. It also sets how coarsely small groups' figures are rounded (see `roundingWidth`).
 * To switch protection off (only where every rating is already open to readers), set it to 1
 * and `rounding` to `"none"`.
 *
 * @example
 * ```ts
 * const options = ScoringOptions.parse({ minimumRespondents: 5, weighting: "partnership-parity", oneSided: "withhold", gapThreshold: 25 });
 * ```
 */
export const ScoringOptions = z
  .strictObject({
    minimumRespondents: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .meta({ description: "Fewest respondents a perspective (and each of its scores) must have to be reported. Default 5." }),
    weighting: Weighting.optional(),
    oneSided: z
      .enum(["withhold", "mark"])
      .optional()
      .meta({
        description:
          'What a combined score does when one whole side of the partnership is suppressed or absent: "withhold" it (the default: score null) or "mark" it as one-sided and give the other side\'s score.',
      }),
    rounding: z
      .enum(["by-group-size", "none"])
      .optional()
      .meta({
        description:
          'How group figures are published: "by-group-size" (the default) rounds each group\'s figure for an indicator to a width that shrinks as the group grows, so that added or removed answers cannot pin down anyone\'s rating; "none" publishes exact means.',
      }),
    gapThreshold: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .meta({ description: "A gap between two perspectives, or between the two sides, on a principle is flagged when it is more than this many points (0-100). Default 20." }),
    highlightCount: z.number().int().min(0).max(100).optional().meta({ description: "How many strengths and how many priorities to list. Default 3." }),
    strengthMinimum: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .meta({ description: "Indicators scoring at least this are strengths; those below it are candidates for improvement. Default 75 (agree on a five-point scale)." }),
  })
  .meta({ id: "ScoringOptions", title: "Scoring options", description: "Options for scoring an assessment." });

/**
 * Options for scoring (see {@link ScoringOptions}).
 *
 * @example
 * ```ts
 * const options: ScoringOptions = { minimumRespondents: 5, weighting: "partnership-parity" };
 * ```
 */
export type ScoringOptions = z.infer<typeof ScoringOptions>;

/**
 * The options used when none are given.
 *
 * @example
 * ```ts
 * defaultScoringOptions.weighting; // "partnership-parity"
 * ```
 */
export const defaultScoringOptions = {
  minimumRespondents: 5,
  weighting: "partnership-parity",
  oneSided: "withhold",
  rounding: "by-group-size",
  gapThreshold: 20,
  highlightCount: 3,
  strengthMinimum: 75,
} as const satisfies Required<ScoringOptions>;

/**
 * Every option, resolved against the defaults.
 *
 * @example
 * ```ts
 * const settings: ScoringSettings = resolveScoringOptions({ oneSided: "mark" });
 * ```
 */
export type ScoringSettings = { [Key in keyof Required<ScoringOptions>]: NonNullable<ScoringOptions[Key]> };

/**
 * Parse the options and fill in the defaults; throws `invalid-argument` when they are not valid.
 *
 * @example
 * ```ts
 * resolveScoringOptions({}).weighting; // "partnership-parity"
 * ```
 */
export function resolveScoringOptions(options: ScoringOptions): ScoringSettings {
  const parsed = safeParseResult(ScoringOptions, options);
  if (!parsed.ok) throw new SelfManageError("invalid-argument", `The scoring options are not valid:\n${parsed.issues.map(formatIssue).join("\n")}`);
  return { ...defaultScoringOptions, ...Object.fromEntries(Object.entries(parsed.value).filter(([, value]) => value !== undefined)) } as ScoringSettings;
}
