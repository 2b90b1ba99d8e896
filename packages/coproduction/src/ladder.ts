import * as z from "zod";

/**
 * A rung on the participation ladder used by Think Local Act Personal (drawn from Arnstein's
 * ladder of citizen participation), from the bottom up: `coercion`, `educating`, `informing`,
 * `consultation`, `engagement`, `co-design`, `co-production`.
 *
 * @example
 * ```ts
 * LadderLevel.parse("co-design");
 * ```
 */
export const LadderLevel = z
  .enum(["coercion", "educating", "informing", "consultation", "engagement", "co-design", "co-production"])
  .meta({
    id: "LadderLevel",
    title: "Participation ladder level",
    description:
      "How much say people had, from the bottom rung up: coercion, educating, informing, consultation, engagement, co-design, co-production.",
  });

/**
 * A rung on the participation ladder (see {@link LadderLevel}).
 *
 * @example
 * ```ts
 * const level: LadderLevel = "consultation";
 * ```
 */
export type LadderLevel = z.infer<typeof LadderLevel>;

/**
 * The ladder's rungs in order, lowest first.
 *
 * @example
 * ```ts
 * ladderLevels[0]; // "coercion"
 * ladderLevels.at(-1); // "co-production"
 * ```
 */
export const ladderLevels: readonly LadderLevel[] = LadderLevel.options;

/**
 * Plain-English descriptions of each rung, for reports.
 *
 * @example
 * ```ts
 * ladderLabels.consultation; // "Asked for views, but others decide"
 * ```
 */
export const ladderLabels: Readonly<Record<LadderLevel, string>> = {
  coercion: "Attend or take part with no real choice",
  educating: "Helped to understand and use what others designed",
  informing: "Told what is happening",
  consultation: "Asked for views, but others decide",
  engagement: "Views taken seriously, with some influence on decisions",
  "co-design": "Shape the design as partners",
  "co-production": "Equal partners throughout, sharing power and responsibility",
};

/**
 * The position of a rung on the ladder: 0 for `coercion` up to 6 for `co-production`.
 *
 * @example
 * ```ts
 * ladderRank("consultation"); // 3
 * ladderRank("co-design") > ladderRank("engagement"); // true
 * ```
 */
export function ladderRank(level: LadderLevel): number {
  return ladderLevels.indexOf(level);
}

/**
 * The lowest of a list of rungs; `null` for an empty list.
 *
 * @example
 * ```ts
 * lowestLadderLevel(["co-design", "informing"]); // "informing"
 * lowestLadderLevel([]); // null
 * ```
 */
export function lowestLadderLevel(levels: readonly LadderLevel[]): LadderLevel | null {
  let lowest: LadderLevel | null = null;
  for (const level of levels) if (lowest === null || ladderRank(level) < ladderRank(lowest)) lowest = level;
  return lowest;
}

/**
 * The highest of a list of rungs; `null` for an empty list.
 *
 * @example
 * ```ts
 * highestLadderLevel(["co-design", "informing"]); // "co-design"
 * ```
 */
export function highestLadderLevel(levels: readonly LadderLevel[]): LadderLevel | null {
  let highest: LadderLevel | null = null;
  for (const level of levels) if (highest === null || ladderRank(level) > ladderRank(highest)) highest = level;
  return highest;
}
