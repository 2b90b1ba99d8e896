import { localise } from "@selfmanage/core";
import type { InstrumentDefinition } from "@selfmanage/recovery";

/**
 * How many scored responses fell in one band of an instrument; `id` is `null` for responses
 * with no band (not scored, or an instrument without bands).
 *
 * @example
 * ```ts
 * const count: BandCount = { id: "mild", label: "Mild", count: 51 };
 * ```
 */
export interface BandCount {
  readonly id: string | null;
  readonly label: string;
  readonly count: number;
}

/**
 * Count responses by band, in the order the instrument lists its bands (lowest scores first,
 * so by severity for a symptom scale), whatever order the responses came in. Every band is
 * listed, with 0 where nobody fell in it; responses with no band come last, when there are any.
 *
 * @example
 * ```ts
 * countBands(instrument, ["mild", undefined, "minimal", "mild"]);
 * // [{ id: "minimal", label: "Minimal", count: 1 }, { id: "mild", label: "Mild", count: 2 }, ..., { id: null, label: "no band", count: 1 }]
 * ```
 */
export function countBands(instrument: InstrumentDefinition, bandIds: readonly (string | undefined)[]): BandCount[] {
  const counts = new Map<string | null, number>();
  for (const id of bandIds) counts.set(id ?? null, (counts.get(id ?? null) ?? 0) + 1);
  const bands = instrument.scoring.bands ?? [];
  const listed: BandCount[] = bands.map((band) => ({ id: band.id, label: localise(band.label), count: counts.get(band.id) ?? 0 }));
  const unknown = [...counts.entries()].filter(([id]) => id !== null && !bands.some((band) => band.id === id)).map(([id, count]) => ({ id, label: String(id), count }));
  const none = counts.get(null) ?? 0;
  return [...listed, ...unknown, ...(none === 0 ? [] : [{ id: null, label: "no band", count: none }])];
}
