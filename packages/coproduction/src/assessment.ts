import * as z from "zod";
import { Identifier, IsoDate, PersonReference, Role, fail, issue, ok, safeParseResult, type Result, type ValidationIssue } from "@selfmanage/core";
import { frameworkStages, type Framework } from "./framework";
import { LadderLevel } from "./ladder";
import { SideAssignment } from "./sides";

/**
 * Someone who rated the initiative, known only by a pseudonymous reference, and the
 * perspective they rated from (core's `Role`: person with lived experience, carer,
 * practitioner, peer worker, volunteer or manager).
 *
 * @example
 * ```ts
 * Respondent.parse({ id: "r-01", perspective: "person" });
 * ```
 */
export const Respondent = z
  .strictObject({
    id: PersonReference.meta({ description: "A pseudonymous reference, unique within the assessment. Never a name or email address." }),
    perspective: Role,
  })
  .meta({ id: "Respondent", title: "Respondent", description: "Someone who rated the initiative, and the perspective they rated from." });

/**
 * A respondent (see {@link Respondent}).
 *
 * @example
 * ```ts
 * const respondent: Respondent = { id: "r-02", perspective: "practitioner" };
 * ```
 */
export type Respondent = z.infer<typeof Respondent>;

/**
 * One respondent's answer to one indicator: the code of an option on the framework's scale,
 * and optionally the evidence or example behind it. "Not applicable" and "don't know" are
 * options of the scale too; they are left out of scores, never counted as zero.
 *
 * @example
 * ```ts
 * Rating.parse({ respondentId: "r-01", indicatorId: "assets-1", option: "agree", evidence: "We planned the sessions together." });
 * ```
 */
export const Rating = z
  .strictObject({
    respondentId: PersonReference.meta({ description: "The respondent who gave the rating." }),
    indicatorId: Identifier.meta({ description: "The indicator rated." }),
    option: Identifier.meta({ description: "The code of an option on the framework's scale, e.g. agree or dont-know." }),
    evidence: z.string().min(1).max(4000).optional().meta({ description: "What the rating is based on. Never shown in scores." }),
  })
  .meta({ id: "Rating", title: "Rating", description: "One respondent's answer to one indicator." });

/**
 * One rating (see {@link Rating}).
 *
 * @example
 * ```ts
 * const rating: Rating = { respondentId: "r-01", indicatorId: "networks-2", option: "dont-know" };
 * ```
 */
export type Rating = z.infer<typeof Rating>;

/**
 * How far one perspective was involved at one stage of the initiative, as a rung on the
 * participation ladder.
 *
 * @example
 * ```ts
 * StageInvolvement.parse({ stage: "design", perspective: "person", level: "co-design" });
 * ```
 */
export const StageInvolvement = z
  .strictObject({
    stage: Identifier.meta({ description: "A stage of the framework: design, delivery, evaluation, or one the framework adds." }),
    perspective: Role,
    level: LadderLevel,
    evidence: z.string().min(1).max(4000).optional().meta({ description: "What shows this level of involvement." }),
  })
  .meta({ id: "StageInvolvement", title: "Involvement at a stage", description: "How far one perspective was involved at one stage." });

/**
 * Involvement of one perspective at one stage (see {@link StageInvolvement}).
 *
 * @example
 * ```ts
 * const involved: StageInvolvement = { stage: "delivery", perspective: "carer", level: "engagement" };
 * ```
 */
export type StageInvolvement = z.infer<typeof StageInvolvement>;

/**
 * One assessment of an initiative against a framework: who rated it, their ratings, and who
 * was involved at each stage.
 *
 * @example
 * ```ts
 * const assessment: Assessment = Assessment.parse({
 *   id: "a-2026-spring",
 *   initiative: "peer-support-hub",
 *   framework: "nef-six-principles",
 *   date: "2026-04-01",
 *   respondents: [{ id: "r-01", perspective: "person" }],
 *   ratings: [{ respondentId: "r-01", indicatorId: "assets-1", option: "agree" }],
 *   involvement: [{ stage: "design", perspective: "person", level: "co-design" }],
 * });
 * ```
 */
export const Assessment = z
  .strictObject({
    id: Identifier.meta({ description: "Stable code for this assessment." }),
    initiative: Identifier.meta({ description: "The initiative assessed; compare assessments of the same initiative over time." }),
    framework: Identifier.meta({ description: "The id of the framework the ratings refer to." }),
    date: IsoDate.meta({ description: "When the assessment was made." }),
    respondents: z.array(Respondent).max(1_000_000),
    ratings: z.array(Rating).max(50_000_000),
    involvement: z.array(StageInvolvement).max(1000).meta({ description: "Who was involved at each stage, and how far. May be empty." }),
    partnershipSides: SideAssignment.optional().meta({
      description: "Which side of the partnership peer workers and volunteers stood on in this assessment; overrides the framework's placement.",
    }),
  })
  .meta({ id: "Assessment", title: "Co-production assessment", description: "Ratings of an initiative against a framework, and involvement by stage." });

/**
 * One assessment of an initiative (see {@link Assessment}).
 *
 * @example
 * ```ts
 * const empty: Assessment = { id: "a-1", initiative: "hub", framework: "nef-six-principles", date: "2026-04-01", respondents: [], ratings: [], involvement: [] };
 * ```
 */
export type Assessment = z.infer<typeof Assessment>;

function checkAgainstFramework(assessment: Assessment, framework: Framework): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (assessment.framework !== framework.id) {
    issues.push(issue(["framework"], "framework_mismatch", "The assessment names a different framework from the one it is being checked against."));
  }
  const respondentIds = new Set<string>();
  assessment.respondents.forEach((respondent, index) => {
    if (respondentIds.has(respondent.id)) {
      issues.push(issue(["respondents", index, "id"], "duplicate_respondent", "Each respondent must be listed once; this reference is already used."));
    }
    respondentIds.add(respondent.id);
  });
  const indicatorIds = new Set<string>();
  for (const principle of framework.principles) for (const indicator of principle.indicators) indicatorIds.add(indicator.id);
  const optionCodes = new Set(framework.scale.options.map((option) => option.code));
  // Indicators rated, by respondent: no key string built per rating (this runs for every rating).
  const rated = new Map<string, Set<string>>();
  assessment.ratings.forEach((rating, index) => {
    const knownRespondent = respondentIds.has(rating.respondentId);
    const knownIndicator = indicatorIds.has(rating.indicatorId);
    if (!knownRespondent) {
      issues.push(issue(["ratings", index, "respondentId"], "unknown_respondent", "This rating refers to a respondent who is not in the respondents list."));
    }
    if (!knownIndicator) {
      issues.push(issue(["ratings", index, "indicatorId"], "unknown_indicator", "This rating refers to an indicator that is not in the framework."));
    }
    if (!optionCodes.has(rating.option)) {
      issues.push(issue(["ratings", index, "option"], "off_scale", "This option is not on the framework's scale. Use one of the scale's option codes."));
    }
    if (knownRespondent && knownIndicator) {
      let indicators = rated.get(rating.respondentId);
      if (indicators === undefined) {
        indicators = new Set<string>();
        rated.set(rating.respondentId, indicators);
      }
      if (indicators.has(rating.indicatorId)) {
        issues.push(issue(["ratings", index], "duplicate_rating", "This respondent has already rated this indicator; each respondent rates an indicator once."));
      }
      indicators.add(rating.indicatorId);
    }
  });
  const stageIds = new Set(frameworkStages(framework).map((stage) => stage.id));
  const involved = new Set<string>();
  assessment.involvement.forEach((entry, index) => {
    if (!stageIds.has(entry.stage)) {
      issues.push(issue(["involvement", index, "stage"], "unknown_stage", "This stage is not one of the framework's stages."));
      return;
    }
    const key = `${entry.stage}\u0000${entry.perspective}`;
    if (involved.has(key)) {
      issues.push(issue(["involvement", index], "duplicate_involvement", "This perspective already has a level for this stage; give one level per perspective and stage."));
    }
    involved.add(key);
  });
  return issues;
}

/**
 * Check that unknown input is an {@link Assessment} that fits the given framework: every rating
 * names a listed respondent and one of the framework's indicators, uses an option on the
 * framework's scale, and no respondent rates the same indicator twice; respondents are listed
 * once; involvement names the framework's stages, once per perspective and stage.
 *
 * @remarks
 * Issue codes: `framework_mismatch`, `duplicate_respondent`, `unknown_respondent`,
 * `unknown_indicator`, `off_scale`, `duplicate_rating`, `unknown_stage`, `duplicate_involvement`,
 * plus the shape codes from core (`required`, `unknown_field`, ...). Messages never repeat the
 * rejected value.
 *
 * @example
 * ```ts
 * const checked = validateAssessment(JSON.parse(text), nefPrinciplesFramework);
 * if (checked.ok) scoreAssessment(checked.value, nefPrinciplesFramework);
 * else checked.issues.forEach((found) => console.warn(formatIssue(found)));
 * // e.g. "ratings[3].option: This option is not on the framework's scale. ... (off_scale)"
 * ```
 */
export function validateAssessment(input: unknown, framework: Framework): Result<Assessment> {
  const parsed = safeParseResult(Assessment, input);
  if (!parsed.ok) return parsed;
  const issues = checkAgainstFramework(parsed.value, framework);
  return issues.length === 0 ? ok(parsed.value) : fail(issues);
}
