import { SelfManageError, type IsoDate, type Role } from "@selfmanage/core";
import type { Assessment } from "./assessment";
import type { Framework } from "./framework";
import type { TokenismCode } from "./involvement";
import { ladderRank, type LadderLevel } from "./ladder";
import { partnershipSideOrder, type PartnershipSide } from "./sides";
import type { ScoringOptions } from "./scoring/options";
import { scoreAssessment } from "./scoring/score";
import type { AssessmentScore, CombinedScore } from "./scoring/types";

/**
 * Why a change is not given:
 *
 * - `not-reported`: the score is not reported (suppressed, withheld or without ratings) in one
 *   assessment or both.
 * - `membership`: both report it, but the people behind it differ by fewer than the minimum
 *   number of respondents (and not by none), so the change would isolate those few people's
 *   ratings. `before` and `after` are left out too.
 * - `partnership`: both report a combined score, but one is two-sided and the other one-sided
 *   (or they are one-sided on different sides), so they do not measure the same thing.
 *
 * @example
 * ```ts
 * const why: ChangeWithheld = "membership";
 * ```
 */
export type ChangeWithheld = "not-reported" | "membership" | "partnership";

/**
 * How one score moved between two assessments. `change` is `after - before` in points on
 * 0-100, and `null` when it is withheld, with the reason.
 *
 * @example
 * ```ts
 * const moved: ScoreChange = { before: 55, after: 70, change: 15, withheld: null };
 * const unknown: ScoreChange = { before: null, after: 70, change: null, withheld: "not-reported" };
 * ```
 */
export interface ScoreChange {
  /** The earlier score; `null` when it was not reported or the change is withheld for membership. */
  before: number | null;
  /** The later score; `null` when it was not reported or the change is withheld for membership. */
  after: number | null;
  /** `after - before` in points; `null` when withheld. */
  change: number | null;
  /** Why the change is not given; `null` when it is. */
  withheld: ChangeWithheld | null;
}

/**
 * How a combined score, each side's score and each perspective's score moved.
 *
 * @example
 * ```ts
 * const overall: CombinedChange = change.overall;
 * overall.sides["using-services"].change; // how far the people who use services moved
 * ```
 */
export interface CombinedChange extends ScoreChange {
  /** The change for each side of the partnership. */
  sides: Record<PartnershipSide, ScoreChange>;
  /** The change for each perspective present in either assessment. */
  byPerspective: Partial<Record<Role, ScoreChange>>;
}

/**
 * How one principle's score moved.
 *
 * @example
 * ```ts
 * const assets: PrincipleChange | undefined = change.principles.find((principle) => principle.principleId === "assets");
 * ```
 */
export interface PrincipleChange extends CombinedChange {
  /** The principle compared. */
  principleId: string;
}

/**
 * How one indicator's score moved.
 *
 * @example
 * ```ts
 * const first: IndicatorChange | undefined = change.indicators[0];
 * ```
 */
export interface IndicatorChange extends CombinedChange {
  /** The indicator compared. */
  indicatorId: string;
  /** The principle it belongs to. */
  principleId: string;
}

/**
 * The change between two assessments of the same initiative.
 *
 * @example
 * ```ts
 * const change: AssessmentChange = compareAssessments(spring, autumn, nefPrinciplesFramework);
 * change.overall.change; // e.g. 6.25
 * change.ladder.steps; // e.g. 2: two rungs up the ladder
 * ```
 */
export interface AssessmentChange {
  /** The initiative both assessments are about. */
  initiative: string;
  /** The framework both were scored against. */
  frameworkId: string;
  /** The earlier assessment's id and date. */
  before: { assessmentId: string; date: IsoDate };
  /** The later assessment's id and date. */
  after: { assessmentId: string; date: IsoDate };
  /** The minimum number of respondents used for both, and for the membership rule. */
  minimumRespondents: number;
  /** The change in the overall score. */
  overall: CombinedChange;
  /** The change in each principle's score, in framework order. */
  principles: PrincipleChange[];
  /** The change in each indicator's score, in framework order. */
  indicators: IndicatorChange[];
  /** The ladder levels, and how many rungs the initiative moved (negative when down). */
  ladder: { before: LadderLevel | null; after: LadderLevel | null; steps: number | null };
  /** Tokenism flags that went away, and flags that are new. */
  tokenism: { resolved: TokenismCode[]; raised: TokenismCode[] };
}

/** Who gave a scored rating, per perspective and indicator (key: role NUL indicator id). */
type Memberships = Map<string, Set<string>>;

function memberships(assessment: Assessment, framework: Framework): Memberships {
  const scored = new Set(framework.scale.options.flatMap((option) => (option.exclusion === undefined && option.value !== undefined ? [option.code] : [])));
  const perspectiveOf = new Map(assessment.respondents.map((respondent) => [respondent.id, respondent.perspective]));
  const found: Memberships = new Map();
  for (const rating of assessment.ratings) {
    if (!scored.has(rating.option)) continue;
    const key = `${perspectiveOf.get(rating.respondentId) as Role}\u0000${rating.indicatorId}`;
    const raters = found.get(key) ?? new Set<string>();
    raters.add(rating.respondentId);
    found.set(key, raters);
  }
  return found;
}

function membershipDifference(before: ReadonlySet<string> | undefined, after: ReadonlySet<string> | undefined): number {
  const earlier = before ?? new Set<string>();
  const later = after ?? new Set<string>();
  let shared = 0;
  for (const id of earlier) if (later.has(id)) shared += 1;
  return earlier.size + later.size - 2 * shared;
}

const WITHHELD_FOR_MEMBERSHIP: ScoreChange = { before: null, after: null, change: null, withheld: "membership" };

function scoreChange(before: number | null | undefined, after: number | null | undefined): ScoreChange {
  const was = before ?? null;
  const now = after ?? null;
  return was === null || now === null ? { before: was, after: now, change: null, withheld: "not-reported" } : { before: was, after: now, change: now - was, withheld: null };
}

interface Context {
  before: AssessmentScore;
  after: AssessmentScore;
  /** Whether a perspective's figures over these indicators may be compared: every indicator both rounds report has the same raters, or at least the minimum differ. */
  membershipHolds: (role: Role, indicatorIds: readonly string[]) => boolean;
}

function reportedIn(figure: CombinedScore | undefined, role: Role): boolean {
  const score = figure?.byPerspective[role]?.score;
  return score !== undefined && score !== null;
}

function combinedChange(context: Context, before: CombinedScore | undefined, after: CombinedScore | undefined, indicatorIds: readonly string[]): CombinedChange {
  const roles = [...new Set([...Object.keys(before?.byPerspective ?? {}), ...Object.keys(after?.byPerspective ?? {})] as Role[])];
  const holds = new Map(roles.map((role) => [role, !reportedIn(before, role) || !reportedIn(after, role) || context.membershipHolds(role, indicatorIds)]));
  const byPerspective: Partial<Record<Role, ScoreChange>> = {};
  for (const role of roles) {
    byPerspective[role] = holds.get(role) === true ? scoreChange(before?.byPerspective[role]?.score, after?.byPerspective[role]?.score) : WITHHELD_FOR_MEMBERSHIP;
  }
  // A side's or the combined score's change is withheld when any perspective in it fails the membership rule.
  const sideHolds = (side: PartnershipSide): boolean => roles.every((role) => holds.get(role) === true || context.before.sideOf[role] !== side);
  const sides = Object.fromEntries(
    partnershipSideOrder.map((side) => [side, sideHolds(side) ? scoreChange(before?.sides[side].score, after?.sides[side].score) : WITHHELD_FOR_MEMBERSHIP]),
  ) as Record<PartnershipSide, ScoreChange>;
  let overall: ScoreChange;
  if (before?.score == null || after?.score == null) overall = scoreChange(before?.score, after?.score);
  else if (before.status !== after.status || before.oneSided?.reportedSide !== after.oneSided?.reportedSide) {
    overall = { before: before.score, after: after.score, change: null, withheld: "partnership" };
  } else overall = roles.every((role) => holds.get(role) === true) ? scoreChange(before.score, after.score) : WITHHELD_FOR_MEMBERSHIP;
  return { ...overall, sides, byPerspective };
}

/**
 * Compare two assessments of the same initiative, scored against the same framework with the
 * same options: the change overall, per principle and per indicator, for each side and each
 * perspective, on the ladder, and in tokenism flags.
 *
 * @remarks
 * Suppression carries through, and goes further: a change is given only where both assessments
 * report the score, **and** the people behind it are the same in both or differ by at least
 * `minimumRespondents`. A change between two rounds that differ by one late response would
 * otherwise be that person's rating. The rule is checked for every perspective and indicator
 * underneath a figure, using the respondent references (so keep a person's reference the same
 * across rounds, or give every round new ones); a side's or the combined change is withheld
 * when any perspective in it fails. Each round's own figures stay protected by rounding (see
 * `scoreAssessment`).
 *
 * @throws `SelfManageError` (from `@selfmanage/core`) `invalid-argument` when the two
 * assessments are of different initiatives, or place peer workers or volunteers on different
 * sides, and for anything `scoreAssessment` refuses (such as an assessment of another framework).
 * @example
 * ```ts
 * const change = compareAssessments(spring, autumn, nefPrinciplesFramework);
 * change.principles.filter((principle) => (principle.change ?? 0) < 0); // principles that slipped
 * change.overall.byPerspective.carer?.withheld; // e.g. "membership": one carer joined
 * ```
 */
export function compareAssessments(before: Assessment, after: Assessment, framework: Framework, options: ScoringOptions = {}): AssessmentChange {
  if (before.initiative !== after.initiative) {
    throw new SelfManageError("invalid-argument", "Only assessments of the same initiative can be compared.");
  }
  const earlier = scoreAssessment(before, framework, options);
  const later = scoreAssessment(after, framework, options);
  if (Object.entries(earlier.sideOf).some(([role, side]) => later.sideOf[role as Role] !== side)) {
    throw new SelfManageError("invalid-argument", "Both assessments must place peer workers and volunteers on the same side of the partnership to be compared.");
  }
  const minimum = earlier.minimumRespondents;
  const raters = [memberships(before, framework), memberships(after, framework)] as const;
  const indicatorAt = new Map(earlier.indicators.map((indicator, index) => [indicator.indicatorId, index]));
  const context: Context = {
    before: earlier,
    after: later,
    membershipHolds: (role, indicatorIds) =>
      indicatorIds.every((indicatorId) => {
        const index = indicatorAt.get(indicatorId) as number;
        // A figure only one round reports is that round's own published figure: nothing is isolated.
        if (!reportedIn(earlier.indicators[index], role) || !reportedIn(later.indicators[index], role)) return true;
        const key = `${role}\u0000${indicatorId}`;
        const difference = membershipDifference(raters[0].get(key), raters[1].get(key));
        return difference === 0 || difference >= minimum;
      }),
  };
  const indicatorsOf = new Map(framework.principles.map((principle) => [principle.id, principle.indicators.map((indicator) => indicator.id)]));
  const allIndicators = framework.principles.flatMap((principle) => principle.indicators.map((indicator) => indicator.id));
  const beforeFlags = new Set(earlier.tokenism.map((flag) => flag.code));
  const afterFlags = new Set(later.tokenism.map((flag) => flag.code));
  const beforeLevel = earlier.ladder.level;
  const afterLevel = later.ladder.level;
  return {
    initiative: earlier.initiative,
    frameworkId: framework.id,
    before: { assessmentId: earlier.assessmentId, date: earlier.date },
    after: { assessmentId: later.assessmentId, date: later.date },
    minimumRespondents: minimum,
    overall: combinedChange(context, earlier.overall, later.overall, allIndicators),
    principles: earlier.principles.map((principle, index) => ({
      principleId: principle.principleId,
      ...combinedChange(context, principle, later.principles[index], indicatorsOf.get(principle.principleId) as string[]),
    })),
    indicators: earlier.indicators.map((indicator, index) => ({
      indicatorId: indicator.indicatorId,
      principleId: indicator.principleId,
      ...combinedChange(context, indicator, later.indicators[index], [indicator.indicatorId]),
    })),
    ladder: {
      before: beforeLevel,
      after: afterLevel,
      steps: beforeLevel === null || afterLevel === null ? null : ladderRank(afterLevel) - ladderRank(beforeLevel),
    },
    tokenism: {
      resolved: [...beforeFlags].filter((code) => !afterFlags.has(code)),
      raised: [...afterFlags].filter((code) => !beforeFlags.has(code)),
    },
  };
}
