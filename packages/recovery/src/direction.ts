import * as z from "zod";

/**
 * Whether a higher score means things are better or worse for the person.
 *
 * @example
 * ```ts
 * Direction.parse("lower-is-better");
 * ```
 */
export const Direction = z
  .enum(["higher-is-better", "lower-is-better"])
  .meta({ id: "Direction", title: "Direction", description: "Whether a higher score means better or worse." });

/**
 * Score direction (see {@link Direction}).
 *
 * @example
 * ```ts
 * const direction: Direction = "higher-is-better";
 * ```
 */
export type Direction = z.infer<typeof Direction>;
