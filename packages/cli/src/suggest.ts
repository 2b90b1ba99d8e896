/**
 * The edit distance between two words: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each count 1 (optimal string alignment).
 *
 * @example
 * ```ts
 * editDistance("valdate", "validate"); // 1
 * editDistance("goals", "goal"); // 1
 * ```
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[] = Array.from({ length: rows * columns }, (_, index) => (index < columns ? index : index % columns === 0 ? index / columns : 0));
  const at = (row: number, column: number): number => distance[row * columns + column] as number;
  for (let row = 1; row < rows; row++) {
    for (let column = 1; column < columns; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(at(row - 1, column) + 1, at(row, column - 1) + 1, at(row - 1, column - 1) + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) best = Math.min(best, at(row - 2, column - 2) + 1);
      distance[row * columns + column] = best;
    }
  }
  return at(rows - 1, columns - 1);
}

/**
 * The candidate a mistyped name most likely meant, if one is close enough: at most one edit for
 * short names, two for names of six letters or more, or the only candidate the name begins.
 *
 * @example
 * ```ts
 * closestName("valdate", ["validate", "score"]); // "validate"
 * closestName("zzz", ["validate", "score"]); // undefined
 * ```
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const typed = name.toLowerCase();
  if (typed === "") return undefined;
  const allowed = typed.length >= 6 ? 2 : 1;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  if (best !== undefined) return best.candidate;
  const prefixed = typed.length >= 3 ? candidates.filter((candidate) => candidate.toLowerCase().startsWith(typed)) : [];
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/**
 * ` Did you mean "validate"?` when a close name exists, otherwise an empty string.
 *
 * @example
 * ```ts
 * didYouMean("valdate", ["validate", "score"]); // ' Did you mean "validate"?'
 * ```
 */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const closest = closestName(name, candidates);
  return closest === undefined ? "" : ` Did you mean "${closest}"?`;
}
