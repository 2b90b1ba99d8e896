import { Role, SelfManageError, normaliseToPercent, scaleBounds } from "@selfmanage/core";
import type { Assessment } from "../assessment";
import type { Framework } from "../framework";
import { assessInvolvement } from "../involvement";
import { assignPartnershipSides } from "../sides";
import { SUPPRESSED, combineFigures, groupShares, meanOfFigures, type Combination, type Group } from "./combine";
import { largestScaleStep, roundToWidth, roundingWidth } from "./disclosure";
import { resolveScoringOptions, type ScoringOptions, type ScoringSettings } from "./options";
import type { AssessmentScore, Highlight, IndicatorScore, PerceptionGap, PerspectiveScore, PerspectiveSummary, PrincipleScore, WeightingName } from "./types";

const ROLES: readonly Role[] = Role.options;

function weightOf(settings: ScoringSettings, role: Role, respondents: number): number {
  const weighting = settings.weighting;
  if (weighting === "partnership-parity" || weighting === "perspective-parity") return 1;
  if (weighting === "headcount") return respondents;
  return weighting[role] ?? 1;
}

/** The running totals of each perspective group's scored ratings per indicator. */
interface Tally {
  respondentsPerGroup: number[];
  sums: Float64Array;
  counts: Uint32Array;
}

const INVALID_REFERENCE =
  "A rating refers to a respondent, indicator or option that the assessment or framework does not have. Check it with validateAssessment first.";

function tally(assessment: Assessment, framework: Framework, indicatorIndex: ReadonlyMap<string, number>, reversed: Uint8Array): Tally {
  const indicatorCount = reversed.length;
  const bounds = scaleBounds(framework.scale);
  const percentByOption = new Map<string, number | null>();
  for (const option of framework.scale.options) {
    percentByOption.set(option.code, option.exclusion === undefined && option.value !== undefined ? normaliseToPercent(option.value, bounds) : null);
  }
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
    if (position === undefined || index === undefined || percent === undefined) throw new SelfManageError("invalid-argument", INVALID_REFERENCE);
    const bit = position * indicatorCount + index;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if (((alreadyRated[word] as number) & mask) !== 0) {
      throw new SelfManageError("invalid-argument", "A respondent rated the same indicator twice. Check the assessment with validateAssessment first.");
    }
    alreadyRated[word] = (alreadyRated[word] as number) | mask;
    if (percent === null) continue;
    const cell = (groupAt[position] as number) * indicatorCount + index;
    sums[cell] = (sums[cell] as number) + (reversed[index] === 1 ? 100 - percent : percent);
    counts[cell] = (counts[cell] as number) + 1;
  }
  return { respondentsPerGroup, sums, counts };
}

/**
 * Score an assessment: per indicator, per principle and overall on 0-100, for each perspective,
 * for each side of the partnership and combined, with the gap between the sides, perception
 * gaps between perspectives, the ladder level, tokenism flags, strengths and improvement
 * priorities. Validate the assessment with `validateAssessment` first.
 *
 * @remarks
 * **Arithmetic.** Each scored rating becomes 0-100 on the framework's scale (lowest option 0,
 * highest 100; reversed for reverse-worded indicators). Not-applicable and don't-know answers
 * are left out, never counted as zero. A perspective group's figure for an indicator is the
 * mean of its ratings, published as described below; its principle figure is the mean of its
 * published indicator figures, and its overall figure the mean of its principle figures. At
 * every level, a side's score is the weighted mean of its reported perspectives' figures, and
 * the combined score is the sides' scores weighted by their shares: a half each under the
 * default partnership parity (see `Weighting`). When one side is not reported, the
 * combined score is withheld (or, with `oneSided: "mark"`, given as the other side's, marked
 * one-sided), with the reason.
 *
 * **Disclosure control.** A group's figure for an indicator is published only when at least
 * `minimumRespondents` of its respondents gave a scored rating (otherwise it is suppressed),
 * and then rounded to `roundingWidth(ratings, minimumRespondents, step)`: a whole step of the
 * scale for a group of exactly the minimum, finer as groups grow. Every other figure in the
 * result is computed from these published figures only, so it reveals nothing they do not.
 * What this protects, and what it does not, is set out in the package README.
 *
 * @throws `SelfManageError` (from `@selfmanage/core`) `invalid-argument` when the options are
 * not valid, or the assessment refers to another framework or to respondents, indicators or
 * options it does not have, lists a respondent twice, or has a respondent rate an indicator
 * twice (which would defeat the small-number protection).
 * @example
 * ```ts
 * const result = scoreAssessment(assessment, nefPrinciplesFramework);
 * result.overall.status; // "two-sided", or "withheld" when one side is not reported
 * result.overall.sides.gap; // e.g. { higher: "providing-services", lower: "using-services", difference: 30, flagged: true }
 * result.perspectives.filter((group) => group.suppressed); // groups too small to report
 * ```
 */
export function scoreAssessment(assessment: Assessment, framework: Framework, options: ScoringOptions = {}): AssessmentScore {
  const settings = resolveScoringOptions(options);
  if (assessment.framework !== framework.id) {
    throw new SelfManageError("invalid-argument", "The assessment refers to a different framework. Score it with the framework it names.");
  }
  const minimum = settings.minimumRespondents;
  const step = largestScaleStep(framework.scale);
  const sideOf = assignPartnershipSides(framework.partnershipSides, assessment.partnershipSides);

  const indicators = framework.principles.flatMap((principle) => principle.indicators.map((indicator) => ({ indicator, principleId: principle.id })));
  const indicatorCount = indicators.length;
  const indicatorIndex = new Map<string, number>();
  const reversed = new Uint8Array(indicatorCount);
  indicators.forEach(({ indicator }, index) => {
    indicatorIndex.set(indicator.id, index);
    reversed[index] = indicator.reverse === true ? 1 : 0;
  });
  const { respondentsPerGroup, sums, counts } = tally(assessment, framework, indicatorIndex, reversed);

  const present = ROLES.map((_, group) => group).filter((group) => (respondentsPerGroup[group] as number) > 0);
  const groups: Group[] = present.map((group) => {
    const role = ROLES[group] as Role;
    return { role, side: sideOf[role], weight: weightOf(settings, role, respondentsPerGroup[group] as number) };
  });
  const combination: Combination = { groups, equalSides: settings.weighting === "partnership-parity", oneSided: settings.oneSided, gapThreshold: settings.gapThreshold };

  // The only figures computed from individual ratings: every other figure is built from these as published.
  const indicatorFigures: PerspectiveScore[][] = indicators.map((_, index) =>
    present.map((group) => {
      const cell = group * indicatorCount + index;
      const ratings = counts[cell] as number;
      if (ratings < minimum) return SUPPRESSED;
      const rounding = settings.rounding === "none" ? 0 : roundingWidth(ratings, minimum, step);
      return { score: roundToWidth((sums[cell] as number) / ratings, rounding), ratings, suppressed: false, rounding };
    }),
  );
  const indicatorScores: IndicatorScore[] = indicators.map(({ indicator, principleId }, index) => ({
    indicatorId: indicator.id,
    principleId,
    ...combineFigures(indicatorFigures[index] as PerspectiveScore[], combination),
  }));

  let offset = 0;
  const principleFigures: PerspectiveScore[][] = framework.principles.map((principle) => {
    const first = offset;
    offset += principle.indicators.length;
    return groups.map((_, position) => meanOfFigures(indicatorFigures.slice(first, offset).map((figures) => figures[position] as PerspectiveScore)));
  });
  const principleScores: PrincipleScore[] = framework.principles.map((principle, index) => ({
    principleId: principle.id,
    ...combineFigures(principleFigures[index] as PerspectiveScore[], combination),
  }));
  const overall = combineFigures(
    groups.map((_, position) => meanOfFigures(principleFigures.map((figures) => figures[position] as PerspectiveScore))),
    combination,
  );

  const shares = groupShares(overall, combination);
  const perspectives: PerspectiveSummary[] = groups.map((group, position) => ({
    perspective: group.role,
    side: group.side,
    respondents: respondentsPerGroup[ROLES.indexOf(group.role)] as number,
    suppressed: (respondentsPerGroup[ROLES.indexOf(group.role)] as number) < minimum,
    weight: group.weight,
    share: shares[position] as number,
  }));

  const gaps: PerceptionGap[] = [];
  for (const principle of principleScores) {
    const shown = groups.flatMap((group) => {
      const score = principle.byPerspective[group.role]?.score;
      return score === undefined || score === null ? [] : [{ role: group.role, score }];
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

  const ranked: Highlight[] = indicatorScores.flatMap((scored) => (scored.score === null ? [] : [{ principleId: scored.principleId, indicatorId: scored.indicatorId, score: scored.score }]));
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
    weighting: (typeof settings.weighting === "string" ? settings.weighting : "custom") satisfies WeightingName,
    oneSided: settings.oneSided,
    rounding: settings.rounding,
    minimumRespondents: minimum,
    gapThreshold: settings.gapThreshold,
    sideOf,
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
