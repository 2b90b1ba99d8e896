import * as z from "zod";
import { fail, Identifier, issue, IsoDate, PersonReference, Provenance, safeParseResult, type PathSegment, type Result, type ValidationIssue } from "@selfmanage/core";
import { acceptedTaxonomyIds, taxonomyTerms, type PracticeTaxonomy, type TaxonomyCategory } from "./taxonomy";

/**
 * Free text in a participant's own words. It stays in the record: summaries count tags and
 * never carry it, and the learning report never prints it.
 *
 * @example
 * ```ts
 * FreeText.parse("I want to spend more time on what matters to the person.");
 * ```
 */
export const FreeText = z
  .string()
  .min(1)
  .max(5000)
  .meta({ id: "FreeText", title: "Free text", description: "A participant's own words. Never carried into summaries or reports." });

/**
 * Free text (see {@link FreeText}).
 *
 * @example
 * ```ts
 * const words: FreeText = "Signposting to the walking group worked well.";
 * ```
 */
export type FreeText = z.infer<typeof FreeText>;

const TagList = z.array(Identifier).max(200);

/**
 * Whether the plan a participant took back to practice happened, by the time of the follow-up:
 * `done`, `partly`, `not-yet`, or `set-aside` (no longer planned).
 *
 * @example
 * ```ts
 * PlanStatus.parse("partly");
 * ```
 */
export const PlanStatus = z
  .enum(["done", "partly", "not-yet", "set-aside"])
  .meta({ id: "PlanStatus", title: "Plan status", description: "done: the plan happened; partly: some of it did; not-yet: not yet, still planned; set-aside: no longer planned." });

/**
 * Whether a plan happened (see {@link PlanStatus}).
 *
 * @example
 * ```ts
 * const status: PlanStatus = "done";
 * ```
 */
export type PlanStatus = z.infer<typeof PlanStatus>;

/**
 * Plain-English labels for each {@link PlanStatus}.
 *
 * @example
 * ```ts
 * planStatusLabels["set-aside"]; // "Set aside"
 * ```
 */
export const planStatusLabels: Readonly<Record<PlanStatus, string>> = {
  done: "Happened",
  partly: "Partly happened",
  "not-yet": "Not yet",
  "set-aside": "Set aside",
};

/**
 * A plan to take back to practice: what the participant means to do, and optionally the
 * techniques it uses and when they hope to have done it.
 *
 * @example
 * ```ts
 * PracticePlan.parse({ text: "Ask every new person what matters to them first.", techniques: ["setting-realistic-goals"], by: "2026-06-30" });
 * ```
 */
export const PracticePlan = z
  .strictObject({
    text: FreeText.meta({ description: "The plan in the participant's words." }),
    techniques: TagList.optional().meta({ description: "Techniques the plan uses (ids from the taxonomy)." }),
    by: IsoDate.optional().meta({ description: "When the participant hopes to have done it." }),
  })
  .meta({ id: "PracticePlan", title: "Plan for practice", description: "What a participant means to do differently after the session." });

/**
 * A plan to take back to practice (see {@link PracticePlan}).
 *
 * @example
 * ```ts
 * const plan: PracticePlan = { text: "Build links with the local carers' centre." };
 * ```
 */
export type PracticePlan = z.infer<typeof PracticePlan>;

/**
 * A follow-up some weeks after the session: did the plan happen, what changed, and what got
 * in the way (in words, and optionally tagged with challenges from the taxonomy).
 *
 * @example
 * ```ts
 * FollowUp.parse({ date: "2026-06-01", planStatus: "partly", changed: "I ask about goals earlier.", barriers: ["time"] });
 * ```
 */
export const FollowUp = z
  .strictObject({
    date: IsoDate.meta({ description: "The day of the follow-up." }),
    planStatus: PlanStatus,
    changed: FreeText.optional().meta({ description: "What changed in the participant's practice." }),
    gotInTheWay: FreeText.optional().meta({ description: "What got in the way, in the participant's words." }),
    barriers: TagList.optional().meta({ description: "What got in the way, as challenge ids from the taxonomy." }),
  })
  .meta({ id: "FollowUp", title: "Follow-up", description: "Whether the plan happened, what changed and what got in the way." });

/**
 * A follow-up (see {@link FollowUp}).
 *
 * @example
 * ```ts
 * const followUp: FollowUp = { date: "2026-06-01", planStatus: "done" };
 * ```
 */
export type FollowUp = z.infer<typeof FollowUp>;

/**
 * A solution a participant proposes, and optionally which of their challenges it answers.
 *
 * @example
 * ```ts
 * ProposedSolution.parse({ solution: "managing-expectations", addresses: ["unrealistic-goals"] });
 * ```
 */
export const ProposedSolution = z
  .strictObject({
    solution: Identifier.meta({ description: "The solution (an id from the taxonomy)." }),
    addresses: TagList.optional().meta({
      description: "The challenges, among those the reflection names, that this solution answers. Without it, the solution is taken to answer every challenge the reflection names.",
    }),
  })
  .meta({ id: "ProposedSolution", title: "Proposed solution", description: "A solution, and the challenges it answers." });

/**
 * A proposed solution (see {@link ProposedSolution}).
 *
 * @example
 * ```ts
 * const proposed: ProposedSolution = { solution: "working-across-services" };
 * ```
 */
export type ProposedSolution = z.infer<typeof ProposedSolution>;

/**
 * One participant's reflection from a session, pseudonymous (with a `participant` reference,
 * so a follow-up can find it) or anonymous (without one). It holds what self management means
 * to them (tagged with pillars), the techniques they use, the challenges they meet, the
 * solutions they propose, free text, a plan to take back to practice, and the follow-up.
 *
 * @remarks
 * Tags are ids from the taxonomy named in `taxonomy`; {@link validateReflection} checks them.
 * A reflection records no name, role or sector: those live only as counts on the session.
 *
 * @example
 * ```ts
 * Reflection.parse({
 *   id: "reflection-0001",
 *   sessionId: "session-2026-03",
 *   taxonomy: "self-management-reflective-practice",
 *   meaning: { pillars: ["holistic", "empowerment"], text: "Seeing the whole person and letting them lead." },
 *   techniques: ["signposting", "setting-realistic-goals"],
 *   challenges: ["time", "engagement"],
 *   solutions: [{ solution: "managing-expectations", addresses: ["engagement"] }],
 *   plan: { text: "Start each first meeting by asking what matters to the person." },
 * });
 * ```
 */
export const Reflection = z
  .strictObject({
    id: Identifier.meta({ description: "Stable code for the reflection." }),
    sessionId: Identifier.meta({ description: "The session the reflection comes from." }),
    taxonomy: Identifier.meta({ description: "The taxonomy its tags come from, e.g. self-management-reflective-practice." }),
    participant: PersonReference.optional().meta({ description: "A pseudonymous reference to the participant; leave it out for an anonymous reflection." }),
    meaning: z
      .strictObject({
        pillars: TagList.meta({ description: "The pillars that say what self management means to them (ids from the taxonomy)." }),
        text: FreeText.optional().meta({ description: "What self management means to them, in their words." }),
      })
      .meta({ description: "What self management means to the participant." }),
    techniques: TagList.meta({ description: "Techniques they use, before or during a meeting (ids from the taxonomy)." }),
    challenges: TagList.meta({ description: "Challenges they meet (ids from the taxonomy)." }),
    solutions: z.array(ProposedSolution).max(200).meta({ description: "Solutions they propose." }),
    freeText: FreeText.optional().meta({ description: "Anything else they want to say." }),
    plan: PracticePlan.optional(),
    followUp: FollowUp.optional(),
    provenance: Provenance.optional(),
  })
  .meta({ id: "Reflection", title: "Reflection", description: "One participant's reflection from a session, pseudonymous or anonymous." });

/**
 * One participant's reflection (see {@link Reflection}).
 *
 * @example
 * ```ts
 * const reflection: Reflection = { id: "r-1", sessionId: "s-1", taxonomy: "self-management-reflective-practice", meaning: { pillars: ["communication"] }, techniques: [], challenges: ["time"], solutions: [] };
 * ```
 */
export type Reflection = z.infer<typeof Reflection>;

function checkTags(
  tags: readonly string[] | undefined,
  known: ReadonlySet<string>,
  pathOf: (index: number) => PathSegment[],
  category: TaxonomyCategory,
  issues: ValidationIssue[],
): void {
  const seen = new Set<string>();
  (tags ?? []).forEach((tag, index) => {
    if (!known.has(tag)) issues.push(issue(pathOf(index), "unknown_term", `This is not a ${category} in the taxonomy.`));
    else if (seen.has(tag)) issues.push(issue(pathOf(index), "duplicate_tag", `Each ${category} may be tagged once.`));
    seen.add(tag);
  });
}

/**
 * Check that unknown input is a {@link Reflection} whose tags all come from the taxonomy: the
 * reflection must name the taxonomy (or one it extends); every pillar, technique, challenge and
 * solution must be a term of the right category, tagged once; a solution may only address
 * challenges the reflection names; and a follow-up needs a plan to follow up.
 *
 * @example
 * ```ts
 * const checked = validateReflection(JSON.parse(line), reflectivePracticeTaxonomy);
 * if (!checked.ok) checked.issues.forEach((found) => console.warn(formatIssue(found)));
 * ```
 */
export function validateReflection(input: unknown, taxonomy: PracticeTaxonomy): Result<Reflection> {
  const parsed = safeParseResult(Reflection, input);
  if (!parsed.ok) return parsed;
  const reflection = parsed.value;
  const issues: ValidationIssue[] = [];
  if (!acceptedTaxonomyIds(taxonomy).includes(reflection.taxonomy)) {
    issues.push(issue(["taxonomy"], "taxonomy_mismatch", "The reflection names a different taxonomy from the one it is checked against."));
  }
  const ids = (category: TaxonomyCategory) => new Set(taxonomyTerms(taxonomy, category).map((term) => term.id));
  const challenges = ids("challenge");
  const techniques = ids("technique");
  checkTags(reflection.meaning.pillars, ids("pillar"), (index) => ["meaning", "pillars", index], "pillar", issues);
  checkTags(reflection.techniques, techniques, (index) => ["techniques", index], "technique", issues);
  checkTags(reflection.challenges, challenges, (index) => ["challenges", index], "challenge", issues);
  checkTags(
    reflection.solutions.map((proposed) => proposed.solution),
    ids("solution"),
    (index) => ["solutions", index, "solution"],
    "solution",
    issues,
  );
  const named = new Set(reflection.challenges);
  reflection.solutions.forEach((proposed, index) => {
    const seen = new Set<string>();
    (proposed.addresses ?? []).forEach((challenge, position) => {
      const path = ["solutions", index, "addresses", position];
      if (!named.has(challenge)) issues.push(issue(path, "unnamed_challenge", "A solution can only address a challenge the reflection names in challenges."));
      else if (seen.has(challenge)) issues.push(issue(path, "duplicate_tag", "Each challenge may be addressed once by the same solution."));
      seen.add(challenge);
    });
  });
  checkTags(reflection.plan?.techniques, techniques, (index) => ["plan", "techniques", index], "technique", issues);
  checkTags(reflection.followUp?.barriers, challenges, (index) => ["followUp", "barriers", index], "challenge", issues);
  if (reflection.followUp !== undefined && reflection.plan === undefined) {
    issues.push(issue(["followUp"], "follow_up_without_plan", "A follow-up asks whether the plan happened, but the reflection has no plan."));
  }
  return issues.length === 0 ? parsed : fail(issues);
}
