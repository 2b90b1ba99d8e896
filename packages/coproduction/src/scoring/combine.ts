import type { Role } from "@selfmanage/core";
import { partnershipSideOrder, type PartnershipSide } from "../sides";
import type { CombinedScore, PerspectiveScore, PerspectiveScores, SideGap, SideScore, SideScores } from "./types";

/**
 * A perspective group present in the assessment, with its side and weight.
 *
 * @example
 * ```ts
 * const group: Group = { role: "carer", side: "using-services", weight: 1 };
 * ```
 */
export interface Group {
  role: Role;
  side: PartnershipSide;
  weight: number;
}

/**
 * How perspective figures are combined into side and combined scores.
 *
 * @example
 * ```ts
 * const combination: Combination = { groups: [], equalSides: true, oneSided: "withhold", gapThreshold: 20 };
 * ```
 */
export interface Combination {
  groups: readonly Group[];
  /** True when each reported side carries the same share (partnership parity); otherwise a side's share is the total weight of its reported perspectives. */
  equalSides: boolean;
  oneSided: "withhold" | "mark";
  gapThreshold: number;
}

/**
 * The published figure of a suppressed group.
 *
 * @example
 * ```ts
 * SUPPRESSED.score; // null
 * ```
 */
export const SUPPRESSED: PerspectiveScore = { score: null, ratings: null, suppressed: true, rounding: null };

/**
 * The mean of reported figures as a perspective's figure one level up (a principle from its
 * indicators, the overall from the principles): suppressed when none is reported.
 *
 * @example
 * ```ts
 * meanOfFigures([{ score: 50, ratings: 5, suppressed: false, rounding: 25 }, SUPPRESSED]); // { score: 50, ratings: 5, suppressed: false, rounding: 25 }
 * ```
 */
export function meanOfFigures(figures: readonly PerspectiveScore[]): PerspectiveScore {
  let total = 0;
  let ratings = 0;
  let rounding = 0;
  let reported = 0;
  for (const figure of figures) {
    if (figure.score === null) continue;
    total += figure.score;
    ratings += figure.ratings as number;
    rounding = Math.max(rounding, figure.rounding as number);
    reported += 1;
  }
  return reported === 0 ? SUPPRESSED : { score: total / reported, ratings, suppressed: false, rounding };
}

interface SideWork {
  side: SideScore;
  /** The side's raw weight before shares are worked out. */
  weight: number;
}

function sideOf(side: PartnershipSide, figures: readonly PerspectiveScore[], combination: Combination): SideWork {
  let weighted = 0;
  let perspectiveWeight = 0;
  let ratings = 0;
  let rounding = 0;
  let present = false;
  const perspectives: Role[] = [];
  combination.groups.forEach((group, position) => {
    if (group.side !== side) return;
    present = true;
    const figure = figures[position] as PerspectiveScore;
    if (figure.score === null) return;
    perspectives.push(group.role);
    weighted += group.weight * figure.score;
    perspectiveWeight += group.weight;
    ratings += figure.ratings as number;
    rounding = Math.max(rounding, figure.rounding as number);
  });
  if (perspectives.length === 0) {
    return { side: { score: null, ratings: null, status: present ? "suppressed" : "absent", share: 0, perspectives, rounding: null }, weight: 0 };
  }
  return {
    side: { score: weighted / perspectiveWeight, ratings, status: "reported", share: 0, perspectives, rounding },
    weight: combination.equalSides ? 1 : perspectiveWeight,
  };
}

function gapBetween(using: SideScore, providing: SideScore, threshold: number): SideGap | null {
  if (using.score === null || providing.score === null) return null;
  const usingHigher = using.score >= providing.score;
  const difference = Math.abs(using.score - providing.score);
  return {
    higher: usingHigher ? "using-services" : "providing-services",
    lower: usingHigher ? "providing-services" : "using-services",
    difference,
    flagged: difference > threshold,
  };
}

/**
 * Combine the perspective figures of one indicator, principle or the whole assessment (one per
 * group, in group order) into side scores, the gap between the sides, and the combined score.
 *
 * @example
 * ```ts
 * const combined = combineFigures(figures, { groups, equalSides: true, oneSided: "withhold", gapThreshold: 20 });
 * combined.status; // "two-sided" when both sides are reported
 * ```
 */
export function combineFigures(figures: readonly PerspectiveScore[], combination: Combination): CombinedScore {
  const byPerspective: PerspectiveScores = {};
  combination.groups.forEach((group, position) => {
    byPerspective[group.role] = figures[position] as PerspectiveScore;
  });
  const [usingWork, providingWork] = partnershipSideOrder.map((side) => sideOf(side, figures, combination)) as [SideWork, SideWork];
  const reported = [usingWork, providingWork].filter((work) => work.side.status === "reported");
  const sides: SideScores = { "using-services": usingWork.side, "providing-services": providingWork.side, gap: gapBetween(usingWork.side, providingWork.side, combination.gapThreshold) };
  const base = { sides, byPerspective };
  if (reported.length === 2) {
    const total = usingWork.weight + providingWork.weight;
    usingWork.side.share = usingWork.weight / total;
    providingWork.side.share = providingWork.weight / total;
    return {
      score: usingWork.side.share * (usingWork.side.score as number) + providingWork.side.share * (providingWork.side.score as number),
      ratings: (usingWork.side.ratings as number) + (providingWork.side.ratings as number),
      status: "two-sided",
      oneSided: null,
      ...base,
    };
  }
  if (reported.length === 0) return { score: null, ratings: 0, status: "not-reported", oneSided: null, ...base };
  const shown = reported[0] as SideWork;
  const missing = shown === usingWork ? providingWork : usingWork;
  const oneSided = {
    reportedSide: shown === usingWork ? ("using-services" as const) : ("providing-services" as const),
    missingSide: shown === usingWork ? ("providing-services" as const) : ("using-services" as const),
    reason: missing.side.status === "absent" ? ("absent" as const) : ("suppressed" as const),
  };
  if (combination.oneSided === "withhold") return { score: null, ratings: 0, status: "withheld", oneSided, ...base };
  shown.side.share = 1;
  return { score: shown.side.score, ratings: shown.side.ratings as number, status: "one-sided", oneSided, ...base };
}

/**
 * Each group's share of a combined score: its side's share times its part of the side's weight
 * (0 when it is not in the score).
 *
 * @example
 * ```ts
 * groupShares(result.overall, combination); // e.g. [0.5, 0.25, 0.25]
 * ```
 */
export function groupShares(combined: CombinedScore, combination: Combination): number[] {
  return combination.groups.map((group) => {
    const side = combined.sides[group.side];
    const figure = combined.byPerspective[group.role];
    if (side.share === 0 || figure?.score === null || figure?.score === undefined) return 0;
    const sideWeight = combination.groups.reduce(
      (total, other) => (other.side === group.side && combined.byPerspective[other.role]?.score != null ? total + other.weight : total),
      0,
    );
    return (side.share * group.weight) / sideWeight;
  });
}
