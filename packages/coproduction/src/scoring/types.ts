import type { IsoDate, Role } from "@selfmanage/core";
import type { InitiativeLadder, TokenismFlag } from "../involvement";
import type { PartnershipSide } from "../sides";

/**
 * One perspective group's published score for one figure. When `suppressed` is true, fewer
 * than the minimum number of respondents stand behind it, and `score`, `ratings` and
 * `rounding` are `null`.
 *
 * @example
 * ```ts
 * const shown: PerspectiveScore = { score: 75, ratings: 6, suppressed: false, rounding: 25 };
 * const hidden: PerspectiveScore = { score: null, ratings: null, suppressed: true, rounding: null };
 * ```
 */
export interface PerspectiveScore {
  /** The group's published score on 0-100; `null` when suppressed. */
  score: number | null;
  /** How many scored ratings stand behind the score; `null` when suppressed. */
  ratings: number | null;
  /** True when too few respondents stand behind this score for it to be reported. */
  suppressed: boolean;
  /**
   * For an indicator: the width the group's mean was rounded to (to the nearest multiple of
   * it), 0 when it is exact. For a principle or the overall score: the coarsest rounding of the
   * indicator figures it is the mean of. `null` when suppressed.
   */
  rounding: number | null;
}

/**
 * Scores of each perspective that has respondents in the assessment.
 *
 * @example
 * ```ts
 * const byPerspective: PerspectiveScores = { person: { score: 75, ratings: 6, suppressed: false, rounding: 25 } };
 * ```
 */
export type PerspectiveScores = Partial<Record<Role, PerspectiveScore>>;

/**
 * Whether a side of the partnership is reported for a figure: `reported` (at least one of its
 * perspectives is), `suppressed` (it has respondents, but none of its perspectives has enough
 * scored ratings here to be reported), or `absent` (nobody on this side took part).
 *
 * @example
 * ```ts
 * const status: SideStatus = "suppressed";
 * ```
 */
export type SideStatus = "reported" | "suppressed" | "absent";

/**
 * One side's score for one figure: the weighted mean of its reported perspectives' scores.
 *
 * @example
 * ```ts
 * const using: SideScore = { score: 40, ratings: 10, status: "reported", share: 0.5, perspectives: ["person", "carer"], rounding: 25 };
 * ```
 */
export interface SideScore {
  /** The side's score on 0-100; `null` unless the side is reported. */
  score: number | null;
  /** Scored ratings behind the side's score; `null` unless the side is reported. */
  ratings: number | null;
  /** Whether the side is reported here (see {@link SideStatus}). */
  status: SideStatus;
  /** The side's share of the combined score, from 0 to 1: 0.5 for each side under partnership parity, 0 when the side is not in the combined score. */
  share: number;
  /** The perspectives whose scores make up the side's score, in role order. */
  perspectives: Role[];
  /** The coarsest rounding of the perspective scores behind it (see {@link PerspectiveScore}); `null` unless reported. */
  rounding: number | null;
}

/**
 * The difference between the two sides' scores on one figure; `flagged` when it is more than
 * the gap threshold.
 *
 * @example
 * ```ts
 * const gap: SideGap = { higher: "providing-services", lower: "using-services", difference: 35, flagged: true };
 * ```
 */
export interface SideGap {
  /** The side that scored higher (people who use services when they are equal). */
  higher: PartnershipSide;
  /** The side that scored lower. */
  lower: PartnershipSide;
  /** Points between the two sides' scores on 0-100, never negative. */
  difference: number;
  /** True when the difference is more than the gap threshold. */
  flagged: boolean;
}

/**
 * Both sides' scores for one figure, and the gap between them (`null` unless both are reported).
 *
 * @example
 * ```ts
 * const sides: SideScores = {
 *   "using-services": { score: 40, ratings: 10, status: "reported", share: 0.5, perspectives: ["person"], rounding: 25 },
 *   "providing-services": { score: 75, ratings: 40, status: "reported", share: 0.5, perspectives: ["practitioner"], rounding: 10 },
 *   gap: { higher: "providing-services", lower: "using-services", difference: 35, flagged: true },
 * };
 * ```
 */
export interface SideScores {
  /** People who use services, their families and unpaid carers. */
  "using-services": SideScore;
  /** People who provide and commission services. */
  "providing-services": SideScore;
  /** The gap between the two sides; `null` unless both are reported. */
  gap: SideGap | null;
}

/**
 * How a combined score stands as a partnership figure:
 *
 * - `two-sided`: both sides are reported and the score combines them.
 * - `one-sided`: one side is not reported, and the score is the other side's alone (only with
 *   the `oneSided: "mark"` option); `oneSided` says which and why.
 * - `withheld`: one side is not reported, so the score is withheld (`null`) rather than passed
 *   off as a partnership score made of the other side alone (the default); `oneSided` says why.
 * - `not-reported`: neither side is reported.
 *
 * @example
 * ```ts
 * const status: CombinedStatus = "withheld";
 * ```
 */
export type CombinedStatus = "two-sided" | "one-sided" | "withheld" | "not-reported";

/**
 * Which side a one-sided (or withheld) combined score is missing, and why.
 *
 * @example
 * ```ts
 * const note: OneSidedNote = { reportedSide: "providing-services", missingSide: "using-services", reason: "suppressed" };
 * ```
 */
export interface OneSidedNote {
  /** The side that is reported. */
  reportedSide: PartnershipSide;
  /** The side that is not. */
  missingSide: PartnershipSide;
  /** Why it is not: `suppressed` (too few of its respondents rated this) or `absent` (nobody on that side took part). */
  reason: "suppressed" | "absent";
}

/**
 * A combined score on 0-100, how it stands as a partnership figure, both sides' scores and the
 * gap between them, and each perspective's score.
 *
 * @example
 * ```ts
 * const overall: CombinedScore = result.overall;
 * if (overall.status === "withheld") console.log(`withheld: ${overall.oneSided?.missingSide} ${overall.oneSided?.reason}`);
 * ```
 */
export interface CombinedScore {
  /** The combined score on 0-100; `null` when withheld or when neither side is reported. */
  score: number | null;
  /** How many scored ratings stand behind `score` (0 when it is `null`). */
  ratings: number;
  /** How the score stands as a partnership figure (see {@link CombinedStatus}). */
  status: CombinedStatus;
  /** When one side is not reported: which, and why; otherwise `null`. */
  oneSided: OneSidedNote | null;
  /** Each side's score, and the gap between them. */
  sides: SideScores;
  /** Each perspective's own score, for every perspective with respondents. */
  byPerspective: PerspectiveScores;
}

/**
 * The score of one indicator.
 *
 * @example
 * ```ts
 * const scored: IndicatorScore = result.indicators[0];
 * scored.indicatorId; // e.g. "assets-1"
 * ```
 */
export interface IndicatorScore extends CombinedScore {
  /** The indicator scored. */
  indicatorId: string;
  /** The principle the indicator belongs to. */
  principleId: string;
}

/**
 * The score of one principle.
 *
 * @example
 * ```ts
 * const scored: PrincipleScore = result.principles[0];
 * scored.sides.gap?.difference; // how far apart the two sides see this principle
 * ```
 */
export interface PrincipleScore extends CombinedScore {
  /** The principle scored. */
  principleId: string;
}

/**
 * A perspective group in the assessment: how many respondents it has, whether it is suppressed
 * because that is fewer than the minimum, its side, the weight it carries within the
 * combination and its share of the overall score.
 *
 * @example
 * ```ts
 * const group: PerspectiveSummary = { perspective: "carer", side: "using-services", respondents: 2, suppressed: true, weight: 1, share: 0 };
 * ```
 */
export interface PerspectiveSummary {
  /** The perspective. */
  perspective: Role;
  /** The side of the partnership it stands on in this assessment. */
  side: PartnershipSide;
  /** How many respondents rated from this perspective. */
  respondents: number;
  /** True when that is fewer than the minimum, so none of the group's scores are reported. */
  suppressed: boolean;
  /** Its weight among the reported perspectives: 1 under either parity, its respondents under headcount, or the weight given. */
  weight: number;
  /** Its share of the overall score, from 0 to 1 (0 when it is not in it: suppressed, or the overall is withheld). */
  share: number;
}

/**
 * A difference between two perspectives' scores on one principle; `flagged` when it is more
 * than the gap threshold.
 *
 * @example
 * ```ts
 * const gap: PerceptionGap = { principleId: "assets", higher: "practitioner", lower: "person", difference: 30, flagged: true };
 * ```
 */
export interface PerceptionGap {
  /** The principle both perspectives scored. */
  principleId: string;
  /** The perspective that scored it higher (the first in role order when equal). */
  higher: Role;
  /** The perspective that scored it lower. */
  lower: Role;
  /** Points between the two scores on 0-100, never negative. */
  difference: number;
  /** True when the difference is more than the gap threshold. */
  flagged: boolean;
}

/**
 * An indicator picked out as a strength or an improvement priority.
 *
 * @example
 * ```ts
 * const strength: Highlight = { principleId: "networks", indicatorId: "networks-1", score: 90 };
 * ```
 */
export interface Highlight {
  /** The principle the indicator belongs to. */
  principleId: string;
  /** The indicator picked out. */
  indicatorId: string;
  /** Its combined score on 0-100. */
  score: number;
}

/**
 * The name of the weighting used: `custom` for explicit weights per perspective.
 *
 * @example
 * ```ts
 * const used: WeightingName = "partnership-parity";
 * ```
 */
export type WeightingName = "partnership-parity" | "perspective-parity" | "headcount" | "custom";

/**
 * Everything `scoreAssessment` works out, and every setting that shaped it, so that a report
 * can be rendered from it alone. Only published group figures enter it (see `scoreAssessment`),
 * and it never carries evidence text or respondent references.
 *
 * @example
 * ```ts
 * const result: AssessmentScore = scoreAssessment(assessment, nefPrinciplesFramework);
 * result.overall.sides["using-services"].score; // the people who use services
 * result.overall.sides.gap; // how far apart the two sides are
 * ```
 */
export interface AssessmentScore {
  /** The assessment scored. */
  assessmentId: string;
  /** The initiative it assessed. */
  initiative: string;
  /** The framework it was scored against. */
  frameworkId: string;
  /** When the assessment was made. */
  date: IsoDate;
  /** How perspective groups were weighed. */
  weighting: WeightingName;
  /** What combined scores do when one side is not reported. */
  oneSided: "withhold" | "mark";
  /** How group figures were published. */
  rounding: "by-group-size" | "none";
  /** The minimum number of respondents behind any reported score. */
  minimumRespondents: number;
  /** Gaps of more than this many points are flagged. */
  gapThreshold: number;
  /** The side of the partnership every perspective stood on. */
  sideOf: Record<Role, PartnershipSide>;
  /** The overall score, built from each perspective's overall score (the mean of its principle scores). */
  overall: CombinedScore;
  /** One score per principle, in framework order. */
  principles: PrincipleScore[];
  /** One score per indicator, in framework order. */
  indicators: IndicatorScore[];
  /** Each perspective with respondents, in role order. */
  perspectives: PerspectiveSummary[];
  /** Differences between every pair of reported perspectives, per principle. */
  gaps: PerceptionGap[];
  /** The participation ladder level, overall and by stage. */
  ladder: InitiativeLadder;
  /** Signs of tokenism from involvement and from who rated. */
  tokenism: TokenismFlag[];
  /** The highest-scoring indicators at or above the strength minimum (reported combined scores only). */
  strengths: Highlight[];
  /** The lowest-scoring indicators below the strength minimum (reported combined scores only). */
  priorities: Highlight[];
}
