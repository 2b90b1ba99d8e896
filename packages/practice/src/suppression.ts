import { SelfManageError } from "@selfmanage/core";

/**
 * A count that may be published, or is withheld to protect the people behind it. When
 * `suppressed` is true, `count` is `null`: the figure is not carried at all, so it cannot leak.
 *
 * @example
 * ```ts
 * const shown: ProtectedCount = { count: 12, suppressed: false };
 * const withheld: ProtectedCount = { count: null, suppressed: true };
 * ```
 */
export interface ProtectedCount {
  /** The count; `null` when suppressed. */
  readonly count: number | null;
  /** True when the count is withheld. */
  readonly suppressed: boolean;
}

const HIDDEN: ProtectedCount = { count: null, suppressed: true };

function checkMinimum(minimum: number): void {
  if (!Number.isInteger(minimum) || minimum < 1) throw new SelfManageError("invalid-argument", "The minimum must be a whole number of at least 1.");
}

/**
 * Whether one count would identify people: it is between 1 and `minimum - 1`, or it is that
 * close to one of the published totals it is part of (so subtracting it from the total would
 * give a small count). Zero is not small: it says nobody, not who.
 *
 * @example
 * ```ts
 * isSmallCount(3, 5, [40]); // true: three people
 * isSmallCount(38, 5, [40]); // true: the other two can be worked out
 * isSmallCount(0, 5, [40]); // false
 * ```
 */
export function isSmallCount(count: number, minimum: number, publishedTotals: readonly number[] = []): boolean {
  const small = (value: number) => value > 0 && value < minimum;
  return small(count) || publishedTotals.some((total) => small(total - count));
}

/**
 * Protect one count that is part of some published totals (see {@link isSmallCount}). Use it
 * for counts that do not add up to a total, such as how many reflections name each pillar when
 * one reflection may name several.
 *
 * @throws `SelfManageError` (from `@selfmanage/core`) with code `invalid-argument` when `minimum` is not a whole number of at least 1.
 * @example
 * ```ts
 * protectCount(3, 5, [40]); // { count: null, suppressed: true }
 * protectCount(12, 5, [40]); // { count: 12, suppressed: false }
 * ```
 */
export function protectCount(count: number, minimum: number, publishedTotals: readonly number[] = []): ProtectedCount {
  checkMinimum(minimum);
  return isSmallCount(count, minimum, publishedTotals) ? HIDDEN : { count, suppressed: false };
}

/**
 * Options for {@link protectPartition}.
 *
 * @example
 * ```ts
 * const options: PartitionOptions = { alreadySuppressed: [false, true, false], upperBounds: [40, 3, 38] };
 * ```
 */
export interface PartitionOptions {
  /** Cells that must be withheld whatever their value (e.g. suppressed in another table). */
  readonly alreadySuppressed?: readonly boolean[];
  /** True when the total is already withheld elsewhere; then no cell can be worked out from it. */
  readonly totalSuppressed?: boolean;
  /** The most each cell could be, as a reader knows it (e.g. the size of its group); default the total. */
  readonly upperBounds?: readonly number[];
}

/**
 * A protected partition: each cell, and the total they add up to.
 *
 * @example
 * ```ts
 * const row: ProtectedPartition = { cells: [{ count: 20, suppressed: false }], total: { count: 20, suppressed: false } };
 * ```
 */
export interface ProtectedPartition {
  /** The cells, in the order given. */
  readonly cells: readonly ProtectedCount[];
  /** The total; withheld only when no choice of cells could protect the small ones. */
  readonly total: ProtectedCount;
}

/** Whether the withheld cells can be told apart from what is published. */
function exposed(counts: readonly number[], hidden: readonly boolean[], bounds: readonly number[], minimum: number): boolean {
  const indexes = counts.flatMap((_, index) => (hidden[index] === true ? [index] : []));
  if (indexes.length === 0) return false;
  if (indexes.length === 1) return true;
  const sum = indexes.reduce((total, index) => total + (counts[index] as number), 0);
  // Together the withheld cells must be a count that is safe to publish.
  if (sum > 0 && sum < minimum) return true;
  const boundSum = indexes.reduce((total, index) => total + (bounds[index] as number), 0);
  // A reader who knows each cell's largest possible value can pin a cell down when the others cannot make up the rest.
  return indexes.some((index) => {
    const low = Math.max(0, sum - (boundSum - (bounds[index] as number)));
    const high = Math.min(bounds[index] as number, sum);
    return low === high;
  });
}

/**
 * Protect counts that add up to a published total (categories that do not overlap, such as
 * what happened to each plan), with **complementary suppression**: after the small counts
 * (see {@link isSmallCount}) are withheld, more cells are withheld, smallest first, until the
 * withheld cells cannot be worked out by subtracting the visible ones from the total. That
 * means at least two withheld cells, adding up to a count that is itself safe (zero or at least
 * `minimum`), none of them pinned down by the cells' upper bounds. When no choice of cells
 * is enough, the total is withheld too.
 *
 * @throws `SelfManageError` (from `@selfmanage/core`) with code `invalid-argument` when `minimum` is not a whole number of at least 1.
 * @example
 * ```ts
 * const row = protectPartition([20, 3, 9], 5);
 * row.cells.map((cell) => cell.count); // [20, null, null]: 3 is small, and 9 goes with it so that 32 - 20 cannot give it back
 * row.total.count; // 32
 * ```
 */
export function protectPartition(counts: readonly number[], minimum: number, options: PartitionOptions = {}): ProtectedPartition {
  checkMinimum(minimum);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const bounds = counts.map((_, index) => options.upperBounds?.[index] ?? total);
  const totalShown = options.totalSuppressed !== true && !(total > 0 && total < minimum);
  const hidden = counts.map((count, index) => options.alreadySuppressed?.[index] === true || isSmallCount(count, minimum, [total]));
  let totalHidden = !totalShown;
  while (!totalHidden && exposed(counts, hidden, bounds, minimum)) {
    let choice = -1;
    counts.forEach((count, index) => {
      if (hidden[index] === true) return;
      const best = counts[choice];
      // The smallest visible non-zero cell costs the reader least; a zero only when nothing else is left.
      if (choice === -1 || (best === 0 && count > 0) || (count > 0 && count < (best as number))) choice = index;
    });
    if (choice === -1) totalHidden = true;
    else hidden[choice] = true;
  }
  return {
    cells: counts.map((count, index) => (hidden[index] === true ? HIDDEN : { count, suppressed: false })),
    total: totalHidden ? HIDDEN : { count: total, suppressed: false },
  };
}
