import * as z from "zod";
import { fail, Identifier, issue, LocalisedText, safeParseResult, type Result, type ValidationIssue } from "@selfmanage/core";
import { Synonym, TaxonomyTerm, TermGroup, termListField, validateTaxonomy, type PracticeTaxonomy, type TaxonomyCategory } from "./taxonomy";

const SynonymLists = z.record(Identifier, z.array(Synonym).min(1).max(200));

/**
 * What a training provider adds to a taxonomy: new terms and groups, and more synonyms for
 * terms the base already has. Nothing in the base can be removed or renamed, so every
 * reflection tagged with the base stays valid against the extended taxonomy.
 *
 * @example
 * ```ts
 * TaxonomyExtension.parse({
 *   id: "our-course",
 *   version: "2026.1",
 *   techniques: [{ id: "peer-mentoring", group: "before", label: { en: "Peer mentoring" }, synonyms: ["mentor", "mentoring"] }],
 *   synonyms: { challenge: { time: ["rota gaps"] } },
 * });
 * ```
 */
export const TaxonomyExtension = z
  .strictObject({
    id: Identifier.meta({ description: "Id of the extended taxonomy; must differ from the base's." }),
    version: z.string().min(1).max(32).optional(),
    title: LocalisedText.optional().meta({ description: "Title of the extended taxonomy (default: the base's)." }),
    description: LocalisedText.optional(),
    source: z.string().min(1).max(1024).optional(),
    pillars: z.array(TaxonomyTerm).max(100).optional(),
    techniqueStages: z.array(TermGroup).max(20).optional(),
    techniques: z.array(TaxonomyTerm).max(200).optional(),
    challengeAreas: z.array(TermGroup).max(20).optional(),
    challenges: z.array(TaxonomyTerm).max(200).optional(),
    solutions: z.array(TaxonomyTerm).max(200).optional(),
    synonyms: z
      .strictObject({ pillar: SynonymLists.optional(), technique: SynonymLists.optional(), challenge: SynonymLists.optional(), solution: SynonymLists.optional() })
      .optional()
      .meta({ description: "More synonyms for terms the base already has, by category and term id." }),
  })
  .meta({ id: "TaxonomyExtension", title: "Taxonomy extension", description: "New terms, groups and synonyms a training provider adds to a taxonomy." });

/**
 * What a training provider adds to a taxonomy (see {@link TaxonomyExtension}).
 *
 * @example
 * ```ts
 * const extension: TaxonomyExtension = { id: "our-course", synonyms: { pillar: { empowerment: ["self-efficacy"] } } };
 * ```
 */
export type TaxonomyExtension = z.infer<typeof TaxonomyExtension>;

/**
 * Extend a taxonomy with a training provider's own terms, groups and synonyms. The result is a
 * new taxonomy with the extension's id that lists the base (and whatever the base extends) in
 * `extends`, so reflections tagged with the base can be checked and summarised against it.
 *
 * @remarks
 * A new term or group whose id the base already uses, synonyms for a term the base does not
 * have, or a new technique or challenge whose group neither the base nor the extension has,
 * each give an issue with its path in the extension.
 *
 * @example
 * ```ts
 * const extended = extendTaxonomy(reflectivePracticeTaxonomy, {
 *   id: "our-course",
 *   techniques: [{ id: "peer-mentoring", group: "before", label: { en: "Peer mentoring" } }],
 *   synonyms: { challenge: { time: ["rota gaps"] } },
 * });
 * if (extended.ok) extended.value.techniques.length; // one more than the base
 * ```
 */
export function extendTaxonomy(base: PracticeTaxonomy, input: unknown): Result<PracticeTaxonomy> {
  const parsed = safeParseResult(TaxonomyExtension, input);
  if (!parsed.ok) return parsed;
  const extension = parsed.value;
  const issues: ValidationIssue[] = [];
  if (extension.id === base.id) issues.push(issue(["id"], "same_id", "An extension needs its own id, so that reflections say which taxonomy tagged them."));

  const groups = { techniqueStages: [...base.techniqueStages], challengeAreas: [...base.challengeAreas] };
  for (const field of ["techniqueStages", "challengeAreas"] as const) {
    const known = new Set(base[field].map((group) => group.id));
    (extension[field] ?? []).forEach((group, index) => {
      if (known.has(group.id)) issues.push(issue([field, index, "id"], "duplicate_group", "The base taxonomy already has a group with this id."));
      known.add(group.id);
      groups[field].push(group);
    });
  }

  const merged: Record<(typeof termListField)[TaxonomyCategory], TaxonomyTerm[]> = { pillars: [], techniques: [], challenges: [], solutions: [] };
  for (const [category, field] of Object.entries(termListField) as [TaxonomyCategory, (typeof termListField)[TaxonomyCategory]][]) {
    const extra = extension.synonyms?.[category] ?? {};
    const baseIds = new Set(base[field].map((term) => term.id));
    for (const termId of Object.keys(extra)) {
      if (!baseIds.has(termId)) issues.push(issue(["synonyms", category, termId], "unknown_term", `The base taxonomy has no ${category} with this id.`));
    }
    merged[field] = base[field].map((term) => {
      const added = extra[term.id];
      return added === undefined ? term : { ...term, synonyms: [...(term.synonyms ?? []), ...added] };
    });
    const seen = new Set(baseIds);
    const groupField = category === "technique" ? "techniqueStages" : category === "challenge" ? "challengeAreas" : undefined;
    (extension[field] ?? []).forEach((term, index) => {
      if (seen.has(term.id)) issues.push(issue([field, index, "id"], "duplicate_term", `The taxonomy already has a ${category} with this id; add synonyms to it under synonyms.${category} instead.`));
      seen.add(term.id);
      if (groupField === undefined) {
        if (term.group !== undefined) issues.push(issue([field, index, "group"], "unexpected_group", `A ${category} has no group; only techniques and challenges are grouped.`));
      } else if (term.group === undefined) {
        issues.push(issue([field, index, "group"], "required", `Every ${category} must name its group (one of ${groupField}).`));
      } else if (!groups[groupField].some((group) => group.id === term.group)) {
        issues.push(issue([field, index, "group"], "unknown_group", `This group is in neither the base taxonomy's nor the extension's ${groupField}.`));
      }
      merged[field].push(term);
    });
  }
  if (issues.length > 0) return fail(issues);

  const candidate: PracticeTaxonomy = {
    id: extension.id,
    ...(extension.version === undefined ? {} : { version: extension.version }),
    title: extension.title ?? base.title,
    ...(extension.description === undefined ? (base.description === undefined ? {} : { description: base.description }) : { description: extension.description }),
    ...(extension.source === undefined ? (base.source === undefined ? {} : { source: base.source }) : { source: extension.source }),
    extends: [...(base.extends ?? []), { id: base.id, ...(base.version === undefined ? {} : { version: base.version }) }],
    ...groups,
    ...merged,
  };
  // Every rule of the taxonomy schema was checked above with paths in the extension; this is the final word.
  return validateTaxonomy(candidate);
}
