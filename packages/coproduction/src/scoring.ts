import * as z from "zod";
import { Role, SelfManageError, formatIssue, normaliseToPercent, safeParseResult, scaleBounds, type IsoDate } from "@selfmanage/core";
import type { Assessment } from "./assessment";
import type { Framework } from "./framework";
import { assessInvolvement, type InitiativeLadder, type TokenismFlag } from "./involvement";

/**
 * How the perspective groups are weighed against each other when their scores are combined:
 *
 * - `"parity"` (the default): every perspective group that is reported weighs the same, whatever
 *   its size, so one group of people with lived experience counts as much as a much larger
 *   group of practitioners.
 * - `"headcount"`: each group weighs by its number of respondents, so larger groups dominate.
 *   Use it only to show what parity changes.
 * - an object of weights per perspective, e.g. `{ person: 2, carer: 2 }`: perspectives not listed
 *   weigh 1; a weight of 0 leaves a perspective out of combined scores (it is still reported).
 *
 * @example
 * ```ts
 * PerspectiveWeights.parse("parity");
 * PerspectiveWeights.parse({ person: 2, carer: 1.5 });
 * ```
 */
export const PerspectiveWeights = z
  .union([z.literal("parity"), z.literal("headcount"), z.partialRecord(Role, z.number().finite().min(0).max(1000))])
  .meta({
    id: "PerspectiveWeights",
    title: "Perspective weights",
    description:
      'How perspective groups are weighed when combined: "parity" (each reported group weighs the same), "headcount" (by number of respondents), or a weight per perspective (unlisted perspectives weigh 1).',
  });

/**
 * How perspective groups are weighed (see {@link PerspectiveWeights}).
 *
 * @example
 * ```ts
 * const weights: PerspectiveWeights = { person: 2 };
 * ```
 */
export type PerspectiveWeights = z.infer<typeof PerspectiveWeights>;

/**
 * Options for {@link scoreAssessment}. Every field is optional; see {@link defaultScoringOptions}.
 *
 * @remarks
 * `minimumRespondents` defaults to 5: the smallest count that UK health and care statistics
 * commonly publish, and large enough that a small group's mean is not one or two people's
 * answers. 1 switches protection off; use it only where every rating is already open to readers.
 *
 * @example
 * ```ts
 * const options = ScoringOptions.parse({ minimumRespondents: 3, perspectiveWeights: "parity", gapThreshold: 25 });
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
    perspectiveWeights: PerspectiveWeights.optional(),
    gapThreshold: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .meta({ description: "A gap between two perspectives on a principle is flagged when it is more than this many points (0-100). Default 20." }),
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
 * const options: ScoringOptions = { minimumRespondents: 5, perspectiveWeights: "parity" };
 * ```
 */
export type ScoringOptions = z.infer<typeof ScoringOptions>;

/**
 * The options used when none are given.
 *
 * @example
 * ```ts
 * defaultScoringOptions.minimumRespondents; // 5
 * ```
 */
export const defaultScoringOptions = {
  minimumRespondents: 5,
  perspectiveWeights: "parity",
  gapThreshold: 20,
  highlightCount: 3,
  strengthMinimum: 75,
} as const satisfies Required<ScoringOptions>;

/**
 * One perspective group's score. When `suppressed` is true, fewer than the minimum number of
 * respondents stand behind it, and both `score` and `ratings` are `null`.
 *
 * @example
 * ```ts
 * const shown: PerspectiveScore = { score: 62.5, ratings: 8, suppressed: false };
 * const hidden: PerspectiveScore = { score: null, ratings: null, suppressed: true };
 * ```
 */
export interface PerspectiveScore {
  /** The group's score on 0-100; `null` when suppressed. */
  score: number | null;
  /** How many scored ratings stand behind the score; `null` when suppressed. */
  ratings: number | null;
  /** True when too few respondents stand behind this score for it to be reported. */
  suppressed: boolean;
}

/**
 * Scores of each perspective that has respondents in the assessment.
 *
 * @example
 * ```ts
 * const byPerspective: PerspectiveScores = { person: { score: 75, ratings: 6, suppressed: false } };
 * ```
 */
export type PerspectiveScores = Partial<Record<Role, PerspectiveScore>>;

/**
 * A combined score on 0-100, the number of scored ratings behind it, and each perspective's score.
 * `score` is `null` when no perspective has a reportable score here.
 *
 * @example
 * ```ts
 * const overall: CombinedScore = { score: 70, ratings: 240, byPerspective: {} };
 * ```
 */
export interface CombinedScore {
  /** The score on 0-100 across perspectives; `null` when no perspective has a reportable score here. */
  score: number | null;
  /** How many scored ratings stand behind the score, counting reported group scores only. */
  ratings: number;
  /** Each perspective's own score, for every perspective with respondents. */
  byPerspective: PerspectiveScores;
}

/**
 * The score of one indicator.
 *
 * @example
 * ```ts
 * const scored: IndicatorScore = { indicatorId: "assets-1", principleId: "assets", score: 80, ratings: 12, byPerspective: {} };
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
 * const scored: PrincipleScore = { principleId: "assets", score: 72.5, ratings: 48, byPerspective: {} };
 * ```
 */
export interface PrincipleScore extends CombinedScore {
  /** The principle scored. */
  principleId: string;
}

/**
 * A perspective group in the assessment: how many respondents it has, whether it is suppressed
 * because that is fewer than the minimum, and the weight it carries in combined scores.
 *
 * @example
 * ```ts
 * const group: PerspectiveSummary = { perspective: "carer", respondents: 2, suppressed: true, weight: 1 };
 * ```
 */
export interface PerspectiveSummary {
  /** The perspective. */
  perspective: Role;
  /** How many respondents rated from this perspective. */
  respondents: number;
  /** True when that is fewer than the minimum, so none of the group's scores are reported. */
  suppressed: boolean;
  /** The weight the group carries in combined scores. */
  weight: number;
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
 * Everything `scoreAssessment` works out. No figure in it lets a reader work out one
 * respondent's ratings (see {@link scoreAssessment}), and it never carries evidence text.
 *
 * @example
 * ```ts
 * const result: AssessmentScore = scoreAssessment(assessment, nefPrinciplesFramework);
 * result.overall.score; // e.g. 68.75
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
  /** How perspective groups were weighed: `custom` for explicit weights. */
  weighting: "parity" | "headcount" | "custom";
  /** The minimum number of respondents behind any reported score. */
  minimumRespondents: number;
  /** The overall score: the mean of the principle scores. */
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
  /** The highest-scoring indicators at or above the strength minimum. */
  strengths: Highlight[];
  /** The lowest-scoring indicators below the strength minimum. */
  priorities: Highlight[];
}

const ROLES: readonly Role[] = Role.options;

interface Settings {
  minimumRespondents: number;
  perspectiveWeights: PerspectiveWeights;
  gapThreshold: number;
  highlightCount: number;
  strengthMinimum: number;
}

function resolveOptions(options: ScoringOptions): Settings {
  const parsed = safeParseResult(ScoringOptions, options);
  if (!parsed.ok) throw new SelfManageError("invalid-argument", `The scoring options are not valid:\n${parsed.issues.map(formatIssue).join("\n")}`);
  const value = parsed.value;
  return {
    minimumRespondents: value.minimumRespondents ?? defaultScoringOptions.minimumRespondents,
    perspectiveWeights: value.perspectiveWeights ?? defaultScoringOptions.perspectiveWeights,
    gapThreshold: value.gapThreshold ?? defaultScoringOptions.gapThreshold,
    highlightCount: value.highlightCount ?? defaultScoringOptions.highlightCount,
    strengthMinimum: value.strengthMinimum ?? defaultScoringOptions.strengthMinimum,
  };
}

function weightOf(weights: PerspectiveWeights, role: Role, respondents: number): number {
  if (weights === "parity") return 1;
  if (weights === "headcount") return respondents;
  return weights[role] ?? 1;
}

interface GroupCell {
  score: number | null;
  ratings: number;
}

const HIDDEN: PerspectiveScore = { score: null, ratings: null, suppressed: true };

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/**
 * Score an assessment: per indicator, per principle and overall on 0-100, with the number of
 * ratings behind each, each perspective's scores, perception gaps, the ladder level, tokenism
 * flags, strengths and improvement priorities. Validate the assessment with
 * `validateAssessment` first.
 *
 * @remarks
 * **Arithmetic.** Each scored rating becomes 0-100 on the framework's scale (lowest option 0,
 * highest 100; reversed for reverse-worded indicators). Not-applicable and don't-know answers
 * are left out, never counted as zero. Within a perspective group, an indicator's score is the
 * mean of that group's ratings, a principle's score is the mean of the group's indicator
 * scores, and its overall score the mean of its principle scores. Across groups, an indicator
 * or principle score is the weighted mean of the group scores (parity by default: see
 * {@link PerspectiveWeights}), and the overall score is the mean of the principle scores.
 *
 * **Small-number protection.** A group score for one indicator is reported only when at least
 * `minimumRespondents` respondents of that perspective gave it a scored rating; otherwise it is
 * suppressed (score and count `null`) and it is left out of every combined figure as well. A
 * perspective with fewer respondents than the minimum is suppressed throughout. Every other
 * figure (principle, overall, combined, gaps, strengths, counts) is arithmetic over reported
 * indicator-level group scores only, so subtracting visible groups from a total, or an
 * indicator from its principle, recovers nothing but other reported figures. The protection
 * holds within one assessment: a reader holding two assessments whose respondents differ by one
 * person can still work out that person's ratings from the differences, so publish assessments
 * of fixed rounds and never re-publish after adding a single late response. Like any threshold,
 * it cannot hide a unanimous group: a reported score of 0 or 100 says what every member answered.
 *
 * @throws `SelfManageError` (from `@selfmanage/core`) `invalid-argument` when the options are not valid, or the
 * assessment refers to another framework or to respondents, indicators or options it does not have,
 * lists a respondent twice, or has a respondent rate an indicator twice (which would defeat the
 * small-number protection).
 * @example
 * ```ts
 * const result = scoreAssessment(assessment, nefPrinciplesFramework, { minimumRespondents: 5 });
 * result.overall; // { score: 68.75, ratings: 240, byPerspective: { person: {...}, practitioner: {...} } }
 * result.perspectives.filter((group) => group.suppressed); // groups too small to report
 * result.gaps.filter((gap) => gap.flagged); // where perspectives see a principle very differently
 * ```
 */
export function scoreAssessment(assessment: Assessment, framework: Framework, options: ScoringOptions = {}): AssessmentScore {
  const settings = resolveOptions(options);
  if (assessment.framework !== framework.id) {
    throw new SelfManageError("invalid-argument", "The assessment refers to a different framework. Score it with the framework it names.");
  }
  const minimum = settings.minimumRespondents;
  const bounds = scaleBounds(framework.scale);
  const percentByOption = new Map<string, number | null>();
  for (const option of framework.scale.options) {
    percentByOption.set(option.code, option.exclusion === undefined && option.value !== undefined ? normaliseToPercent(option.value, bounds) : null);
  }

  const indicators = framework.principles.flatMap((principle) => principle.indicators.map((indicator) => ({ indicator, principleId: principle.id })));
  const indicatorCount = indicators.length;
  const indicatorIndex = new Map<string, number>();
  const reversed = new Uint8Array(indicatorCount);
  indicators.forEach(({ indicator }, index) => {
    indicatorIndex.set(indicator.id, index);
    reversed[index] = indicator.reverse === true ? 1 : 0;
  });

  const respondentCount = assessment.respondents.length;
  const positionOfRespondent = new Map<string, number>();
  const groupAt = new Uint8Array(respondentCount);
  const respondentsPerGroup = new Array<number>(ROLES.length).fill(0);
  assessment.respondents.forEach((respondent, position) => {
    // A respondent counted twice would make a group look larger than it is and weaken suppression.
    if (positionOfRespondent.has(respondent.id)) throw new SelfManageError("invalid-argument", "A respondent is listed twice. Check the assessment with validateAssessment first.");
    const group = ROLES.indexOf(respondent.perspective);
    positionOfRespondent.set(respondent.id, position);
    groupAt[position] = group;
    respondentsPerGroup[group] = (respondentsPerGroup[group] as number) + 1;
  });

  const sums = new Float64Array(ROLES.length * indicatorCount);
  const counts = new Uint32Array(ROLES.length * indicatorCount);
  // One bit per respondent and indicator: suppression counts ratings, so each must come from a different respondent.
  const alreadyRated = new Uint32Array(Math.ceil((respondentCount * indicatorCount) / 32));
  for (const rating of assessment.ratings) {
    const position = positionOfRespondent.get(rating.respondentId);
    const index = indicatorIndex.get(rating.indicatorId);
    const percent = percentByOption.get(rating.option);
    if (position === undefined || index === undefined || percent === undefined) {
      throw new SelfManageError(
        "invalid-argument",
        "A rating refers to a respondent, indicator or option that the assessment or framework does not have. Check it with validateAssessment first.",
      );
    }
    const bit = position * indicatorCount + index;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if (((alreadyRated[word] as number) & mask) !== 0) {
      throw new SelfManageError("invalid-argument", "A respondent rated the same indicator twice. Check the assessment with validateAssessment first.");
    }
    alreadyRated[word] = (alreadyRated[word] as number) | mask;
    if (percent === null) continue;
    const group = groupAt[position] as number;
    const cell = group * indicatorCount + index;
    sums[cell] = (sums[cell] as number) + (reversed[index] === 1 ? 100 - percent : percent);
    counts[cell] = (counts[cell] as number) + 1;
  }

  const presentGroups = ROLES.map((_, group) => group).filter((group) => (respondentsPerGroup[group] as number) > 0);
  const weights = ROLES.map((role, group) => weightOf(settings.perspectiveWeights, role, respondentsPerGroup[group] as number));

  const combine = (cells: readonly GroupCell[]): CombinedScore => {
    let weighted = 0;
    let totalWeight = 0;
    let ratings = 0;
    const byPerspective: PerspectiveScores = {};
    presentGroups.forEach((group, position) => {
      const cell = cells[position] as GroupCell;
      const role = ROLES[group] as Role;
      if (cell.score === null) {
        byPerspective[role] = HIDDEN;
        return;
      }
      byPerspective[role] = { score: cell.score, ratings: cell.ratings, suppressed: false };
      ratings += cell.ratings;
      const weight = weights[group] as number;
      weighted += weight * cell.score;
      totalWeight += weight;
    });
    return { score: totalWeight > 0 ? weighted / totalWeight : null, ratings, byPerspective };
  };

  // Group cells per indicator: the only figures computed from individual ratings.
  const indicatorCells: GroupCell[][] = indicators.map((_, index) =>
    presentGroups.map((group) => {
      const cell = group * indicatorCount + index;
      const ratings = counts[cell] as number;
      return ratings >= minimum ? { score: (sums[cell] as number) / ratings, ratings } : { score: null, ratings: 0 };
    }),
  );

  const indicatorScores: IndicatorScore[] = indicators.map(({ indicator, principleId }, index) => ({
    indicatorId: indicator.id,
    principleId,
    ...combine(indicatorCells[index] as GroupCell[]),
  }));

  let offset = 0;
  const principleCells: GroupCell[][] = framework.principles.map((principle) => {
    const first = offset;
    offset += principle.indicators.length;
    return presentGroups.map((_, position) => {
      const reported = indicatorCells.slice(first, offset).flatMap((cells) => {
        const cell = cells[position] as GroupCell;
        return cell.score === null ? [] : [cell];
      });
      return { score: mean(reported.map((cell) => cell.score as number)), ratings: reported.reduce((total, cell) => total + cell.ratings, 0) };
    });
  });
  const principleScores: PrincipleScore[] = framework.principles.map((principle, index) => ({
    principleId: principle.id,
    ...combine(principleCells[index] as GroupCell[]),
  }));

  const overallByPerspective: PerspectiveScores = {};
  presentGroups.forEach((group, position) => {
    const reported = principleCells.flatMap((cells) => {
      const cell = cells[position] as GroupCell;
      return cell.score === null ? [] : [cell];
    });
    const score = mean(reported.map((cell) => cell.score as number));
    overallByPerspective[ROLES[group] as Role] =
      score === null ? HIDDEN : { score, ratings: reported.reduce((total, cell) => total + cell.ratings, 0), suppressed: false };
  });
  const reportedPrinciples = principleScores.filter((principle) => principle.score !== null);
  const overall: CombinedScore = {
    score: mean(reportedPrinciples.map((principle) => principle.score as number)),
    ratings: reportedPrinciples.reduce((total, principle) => total + principle.ratings, 0),
    byPerspective: overallByPerspective,
  };

  const perspectives: PerspectiveSummary[] = presentGroups.map((group) => ({
    perspective: ROLES[group] as Role,
    respondents: respondentsPerGroup[group] as number,
    suppressed: (respondentsPerGroup[group] as number) < minimum,
    weight: weights[group] as number,
  }));

  const gaps: PerceptionGap[] = [];
  for (const principle of principleScores) {
    const shown = ROLES.flatMap((role) => {
      const score = principle.byPerspective[role]?.score;
      return score === undefined || score === null ? [] : [{ role, score }];
    });
    for (let first = 0; first < shown.length; first += 1) {
      for (let second = first + 1; second < shown.length; second += 1) {
        const a = shown[first] as { role: Role; score: number };
        const b = shown[second] as { role: Role; score: number };
        const [higher, lower] = a.score >= b.score ? [a, b] : [b, a];
        const difference = higher.score - lower.score;
        gaps.push({ principleId: principle.principleId, higher: higher.role, lower: lower.role, difference, flagged: difference > settings.gapThreshold });
      }
    }
  }

  const involvement = assessInvolvement(assessment.involvement, framework);
  const tokenism = [...involvement.tokenism];
  if (assessment.respondents.length > 0) {
    const people = respondentsPerGroup[ROLES.indexOf("person")] as number;
    if (people === 0) {
      tokenism.push({
        code: "no-lived-experience-respondents",
        message: "Nobody with lived experience rated the initiative, so the scores show only other perspectives.",
      });
    } else if (people < minimum) {
      tokenism.push({
        code: "lived-experience-suppressed",
        message: "Too few people with lived experience rated the initiative for their view to be reported, so it is left out of the scores.",
      });
    }
  }

  const ranked = indicatorScores.flatMap((scored) => (scored.score === null ? [] : [{ principleId: scored.principleId, indicatorId: scored.indicatorId, score: scored.score }]));
  const strengths = [...ranked]
    .sort((a, b) => b.score - a.score)
    .filter((entry) => entry.score >= settings.strengthMinimum)
    .slice(0, settings.highlightCount);
  const priorities = [...ranked]
    .sort((a, b) => a.score - b.score)
    .filter((entry) => entry.score < settings.strengthMinimum)
    .slice(0, settings.highlightCount);

  return {
    assessmentId: assessment.id,
    initiative: assessment.initiative,
    frameworkId: framework.id,
    date: assessment.date,
    weighting: typeof settings.perspectiveWeights === "string" ? settings.perspectiveWeights : "custom",
    minimumRespondents: minimum,
    overall,
    principles: principleScores,
    indicators: indicatorScores,
    perspectives,
    gaps,
    ladder: involvement.ladder,
    tokenism,
    strengths,
    priorities,
  };
}
