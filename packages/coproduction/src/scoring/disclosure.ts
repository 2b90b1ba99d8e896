import { normaliseToPercent, scaleBounds, type OrdinalScale } from "@selfmanage/core";

/**
 * The widths a group's figure can be rounded to, finest first. Each divides 100, so rounded
 * figures stay on 0-100, and each reads cleanly with one decimal place.
 *
 * @example
 * ```ts
 * roundingWidths.includes(25); // true
 * ```
 */
export const roundingWidths: readonly number[] = [0.1, 0.2, 0.5, 1, 2, 2.5, 5, 10, 12.5, 20, 25, 50, 100];

/**
 * The largest gap, in points on 0-100, between two neighbouring scored options of a scale: 25
 * on a five-point scale. It is one "step" of the scale in the rounding rule.
 *
 * @example
 * ```ts
 * largestScaleStep(agreementScale); // 25
 * ```
 */
export function largestScaleStep(scale: OrdinalScale): number {
  const bounds = scaleBounds(scale);
  const points = [
    ...new Set(scale.options.flatMap((option) => (option.exclusion === undefined && option.value !== undefined ? [normaliseToPercent(option.value, bounds)] : []))),
  ].sort((a, b) => a - b);
  let largest = 0;
  for (let index = 1; index < points.length; index += 1) largest = Math.max(largest, (points[index] as number) - (points[index - 1] as number));
  return largest;
}

/**
 * How coarsely a group's mean for one indicator is published: the smallest of
 * {@link roundingWidths} that is at least `scaleStep × minimumRespondents / ratings`. A group of
 * exactly the minimum is rounded to a whole step of the scale; the rounding halves as the
 * group doubles, and it is never finer than 0.1.
 *
 * @remarks
 * Why this width: the group's published mean then tells anyone, however many of the other
 * answers they know or added themselves, only that the total of the answers they do not know
 * lies in a window `ratings × width` points wide, which is at least `minimumRespondents` steps
 * of the scale. For fewer than `minimumRespondents` unknown answers, such a window either
 * spans one step of their mean or runs to an end of the scale. See the package README for what
 * this does and does not protect.
 *
 * @example
 * ```ts
 * roundingWidth(5, 5, 25); // 25: five ratings on a five-point scale, rounded to a whole step
 * roundingWidth(20, 5, 25); // 10
 * roundingWidth(200, 5, 25); // 1
 * ```
 */
export function roundingWidth(ratings: number, minimumRespondents: number, scaleStep: number): number {
  const needed = (scaleStep * minimumRespondents) / ratings;
  // A small tolerance keeps 25 * 5 / 10 = 12.5 at 12.5 despite floating point.
  return roundingWidths.find((width) => width >= needed - 1e-9) ?? 100;
}

/**
 * Round a figure on 0-100 to the nearest multiple of `width` (halves round up); a width of 0
 * leaves it as it is.
 *
 * @example
 * ```ts
 * roundToWidth(80, 25); // 75
 * roundToWidth(62.5, 25); // 75
 * roundToWidth(63.4, 0); // 63.4
 * ```
 */
export function roundToWidth(value: number, width: number): number {
  if (width === 0) return value;
  // The second rounding removes binary noise such as 0.30000000000000004.
  return Math.round(Math.round(value / width) * width * 1e6) / 1e6;
}
