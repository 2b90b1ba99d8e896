import type { Provenance } from "@selfmanage/core";
import type { GasLevel} from "@selfmanage/goals";
import { AchievementStatus, type Goal, type GoalReview } from "@selfmanage/goals";
import { fhirCodes } from "./codes";
import { codeable, codeFrom, oneOf, provenanceExtension, readCodings, readProvenance, roleReference } from "./common";
import { fhirId } from "./ids";
import type { FhirNode } from "./reader";
import { compact, list, personReference, recordReference, type FhirElement, type FhirResource } from "./resource";

const S = fhirCodes.systems;
const R = fhirCodes.goalReviewCodes;
const isAchievementStatus = oneOf(AchievementStatus.options);

/** The toolkit key of a goal's review, used for its identifier and resource id. */
function reviewKey(goal: Goal, index: number): string {
  return `${goal.id}#review-${index}`;
}

function component(code: string, valueKey: string, value: unknown): FhirElement | undefined {
  return value === undefined ? undefined : { code: codeable(S.goalReview, code), [valueKey]: value };
}

function gasScoreCode(provenance: Provenance | undefined): FhirElement {
  const codes = fhirCodes.gas.scoreCodes;
  const chosen = provenance === undefined ? codes.reported : provenance.role === "person" ? codes.person : provenance.role === "carer" ? codes.carer : codes.practitioner;
  return { coding: [{ ...chosen }] };
}

/**
 * The LOINC (or, for -3, toolkit) coding of a GAS level.
 *
 * @example
 * ```ts
 * gasLevelCoding(0); // { system: "http://loinc.org", code: "LA34481-4", display: "Expected outcome" }
 * ```
 */
export function gasLevelCoding(level: GasLevel): FhirElement {
  const answer = fhirCodes.gas.answers.find((candidate) => candidate.level === level) as (typeof fhirCodes.gas.answers)[number];
  return { system: "system" in answer ? answer.system : S.loinc, code: answer.code, display: answer.display };
}

/**
 * The GAS level of a coding, or undefined when it is not a GAS answer.
 *
 * @example
 * ```ts
 * gasLevelOf({ system: "http://loinc.org", code: "LA34480-6" }); // 1
 * ```
 */
export function gasLevelOf(coding: { system: string; code: string }): GasLevel | undefined {
  const answer = fhirCodes.gas.answers.find((candidate) => ("system" in candidate ? candidate.system : S.loinc) === coding.system && candidate.code === coding.code);
  return answer?.level;
}

/**
 * A goal's reviews as FHIR Observations: one per check-in (progress as its value, the other parts
 * as components) and, for a check-in that recorded a GAS level, a PCO GAS score Observation that
 * the review lists in `hasMember`.
 *
 * @example
 * ```ts
 * reviewObservations(goal).map((observation) => observation.code);
 * ```
 */
export function reviewObservations(goal: Goal): FhirResource[] {
  const resources: FhirResource[] = [];
  (goal.reviews ?? []).forEach((review, index) => {
    const key = reviewKey(goal, index);
    const performer = review.provenance === undefined ? undefined : [roleReference(review.provenance.role, review.provenance.recordedBy)];
    const gasKey = `${key}-gas`;
    if (review.gasLevel !== undefined) {
      resources.push(
        compact({
          resourceType: "Observation",
          id: fhirId(gasKey),
          identifier: [{ system: fhirCodes.identifiers.goalReview, value: gasKey }],
          status: "final",
          category: [{ coding: [{ ...fhirCodes.observationCategorySurvey }] }],
          code: gasScoreCode(review.provenance),
          subject: personReference(goal.person),
          focus: [recordReference("Goal", fhirCodes.identifiers.goal, goal.id)],
          effectiveDateTime: review.date,
          performer,
          valueCodeableConcept: { coding: [gasLevelCoding(review.gasLevel)] },
        }),
      );
    }
    const observation: FhirResource = compact({
      resourceType: "Observation",
      id: fhirId(key),
      extension: review.provenance === undefined ? undefined : [provenanceExtension(review.provenance)],
      identifier: [{ system: fhirCodes.identifiers.goalReview, value: key }],
      status: "final",
      code: codeable(S.goalReview, R.review, "Goal review"),
      subject: personReference(goal.person),
      focus: [recordReference("Goal", fhirCodes.identifiers.goal, goal.id)],
      effectiveDateTime: review.date,
      performer,
      valueString: review.progress,
      hasMember: review.gasLevel === undefined ? undefined : [recordReference("Observation", fhirCodes.identifiers.goalReview, gasKey)],
      component: list([
        component(R.rating, "valueInteger", review.rating),
        component(R.whatHelped, "valueString", review.whatHelped),
        component(R.whatGotInTheWay, "valueString", review.whatGotInTheWay),
        component(R.nextStep, "valueString", review.nextStep),
        component(R.achievementStatus, "valueCodeableConcept", review.achievementStatus === undefined ? undefined : codeable(S.goalAchievement, review.achievementStatus)),
      ]),
    });
    // A review is listed before its GAS score, so a reader meets the whole check-in first.
    resources.splice(resources.length - (review.gasLevel === undefined ? 0 : 1), 0, observation);
  });
  return resources;
}

/**
 * Whether an Observation is one of our goal reviews (by its code).
 *
 * @example
 * ```ts
 * isGoalReview(observation); // true
 * ```
 */
export function isGoalReview(resource: Readonly<Record<string, unknown>>): boolean {
  const coding = (resource.code as { coding?: Array<{ system?: unknown; code?: unknown }> } | undefined)?.coding ?? [];
  return coding.some((entry) => entry.system === S.goalReview && entry.code === R.review);
}

/**
 * Read a goal review Observation back; `resolveMember` finds the GAS score it lists in `hasMember`.
 *
 * @example
 * ```ts
 * const review = readReviewObservation(node, (reference) => index.resolve(reference, "Observation"));
 * ```
 */
export function readReviewObservation(observation: FhirNode, resolveMember: (reference: FhirNode) => FhirNode | undefined): GoalReview | undefined {
  observation.skip("status", "code", "subject", "focus", "performer", "identifier");
  const date = observation.date("effectiveDateTime", true);
  const progress = observation.string("valueString", true);
  const provenance = readProvenance(observation.extensions(fhirCodes.extensions.recorded.url)[0]);
  const parts = new Map<string, FhirNode>();
  for (const part of observation.nodes("component")) {
    const code = codeFrom(part.node("code", true), S.goalReview);
    if (code === undefined) continue;
    parts.set(code, part);
  }
  const text = (code: string): string | undefined => parts.get(code)?.string("valueString");
  const rating = parts.get(R.rating)?.integer("valueInteger");
  const achievement = codeFrom(parts.get(R.achievementStatus)?.node("valueCodeableConcept"), S.goalAchievement);
  if (achievement !== undefined && !isAchievementStatus(achievement)) {
    parts.get(R.achievementStatus)?.problem("valueCodeableConcept", "unknown_code", "This is not a goal achievement status code.");
  }
  let gasLevel: GasLevel | undefined;
  for (const member of observation.nodes("hasMember")) {
    const gas = resolveMember(member);
    if (gas === undefined) continue;
    gas.skip("status", "category", "code", "subject", "focus", "effectiveDateTime", "performer", "identifier");
    const [coding] = readCodings(gas.node("valueCodeableConcept", true));
    gasLevel = coding === undefined ? undefined : gasLevelOf(coding);
    if (coding !== undefined && gasLevel === undefined) gas.problem("valueCodeableConcept", "unknown_code", "This is not a Goal Attainment Scaling answer code.");
  }
  if (date === undefined || progress === undefined) return undefined;
  const whatHelped = text(R.whatHelped);
  const whatGotInTheWay = text(R.whatGotInTheWay);
  const nextStep = text(R.nextStep);
  return {
    date,
    progress,
    ...(rating === undefined ? {} : { rating }),
    ...(whatHelped === undefined ? {} : { whatHelped }),
    ...(whatGotInTheWay === undefined ? {} : { whatGotInTheWay }),
    ...(nextStep === undefined ? {} : { nextStep }),
    ...(achievement === undefined || !isAchievementStatus(achievement) ? {} : { achievementStatus: achievement as AchievementStatus }),
    ...(gasLevel === undefined ? {} : { gasLevel }),
    ...(provenance === undefined ? {} : { provenance }),
  };
}
