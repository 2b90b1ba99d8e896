import * as z from "zod";
import { Identifier, LocalisedText, safeParseResult, type Result } from "@selfmanage/core";
import { tokenise } from "./tokens";

/** The longest phrase (in words) a synonym may be; keeps matching linear and phrases meaningful. */
export const MAXIMUM_PHRASE_WORDS = 8;

/**
 * The four kinds of term a reflection is tagged with:
 *
 * - `pillar`: what self management means to the participant (holistic, empowerment, ...);
 * - `technique`: something they do to support self management, before or during a meeting;
 * - `challenge`: something that gets in the way, in one of the challenge areas;
 * - `solution`: something they propose to get past a challenge.
 *
 * @example
 * ```ts
 * TaxonomyCategory.options; // ["pillar", "technique", "challenge", "solution"]
 * ```
 */
export const TaxonomyCategory = z
  .enum(["pillar", "technique", "challenge", "solution"])
  .meta({ id: "TaxonomyCategory", title: "Taxonomy category", description: "pillar, technique, challenge or solution." });

/**
 * A kind of term (see {@link TaxonomyCategory}).
 *
 * @example
 * ```ts
 * const category: TaxonomyCategory = "challenge";
 * ```
 */
export type TaxonomyCategory = z.infer<typeof TaxonomyCategory>;

/**
 * A word or phrase that, found in free text, suggests a term. Matching ignores case, accents
 * and punctuation, and compares whole words: write each form you want found ("network",
 * "networks", "networking").
 *
 * @example
 * ```ts
 * Synonym.parse("whole person");
 * Synonym.safeParse("!!!").success; // false: no words
 * ```
 */
export const Synonym = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => tokenise(value).length > 0, { message: "A synonym must contain at least one word.", params: { code: "no_words" } })
  .refine((value) => tokenise(value).length <= MAXIMUM_PHRASE_WORDS, {
    message: `A synonym may have at most ${MAXIMUM_PHRASE_WORDS} words.`,
    params: { code: "phrase_too_long" },
  })
  .meta({ id: "Synonym", title: "Synonym", description: `A word or phrase of at most ${MAXIMUM_PHRASE_WORDS} words that suggests a term when found in free text.` });

/**
 * A group of terms: the stage of a meeting a technique belongs to, or the area a challenge
 * comes from.
 *
 * @example
 * ```ts
 * TermGroup.parse({ id: "before", label: { en: "Before a meeting" } });
 * ```
 */
export const TermGroup = z
  .strictObject({
    id: Identifier.meta({ description: "Stable code for the group; terms refer to it." }),
    label: LocalisedText,
    description: LocalisedText.optional(),
  })
  .meta({ id: "TermGroup", title: "Group of terms", description: "A stage of a meeting (for techniques) or an area (for challenges)." });

/**
 * A group of terms (see {@link TermGroup}).
 *
 * @example
 * ```ts
 * const area: TermGroup = { id: "system", label: { en: "The system" } };
 * ```
 */
export type TermGroup = z.infer<typeof TermGroup>;

/**
 * One term of a taxonomy: a stable id that reflections are tagged with, a label and
 * description for readers, the group it belongs to (techniques and challenges only), and the
 * synonyms that suggest it in free text. Only synonyms are matched, so list the label's own
 * wording among them when it should be found (and add synonyms in other languages the same way).
 *
 * @example
 * ```ts
 * TaxonomyTerm.parse({
 *   id: "building-trust",
 *   group: "circumstances",
 *   label: { en: "Building trust" },
 *   synonyms: ["trust", "rapport"],
 * });
 * ```
 */
export const TaxonomyTerm = z
  .strictObject({
    id: Identifier.meta({ description: "Stable code for the term; reflections are tagged with it." }),
    label: LocalisedText,
    description: LocalisedText.optional(),
    group: Identifier.optional().meta({ description: "Techniques: the stage of a meeting. Challenges: the challenge area. Not used for pillars or solutions." }),
    synonyms: z.array(Synonym).max(200).optional().meta({ description: "Words and phrases that suggest the term when found in free text." }),
  })
  .meta({ id: "TaxonomyTerm", title: "Taxonomy term", description: "A term reflections are tagged with, and the phrases that suggest it." });

/**
 * One term of a taxonomy (see {@link TaxonomyTerm}).
 *
 * @example
 * ```ts
 * const term: TaxonomyTerm = { id: "holistic", label: { en: "Holistic" } };
 * ```
 */
export type TaxonomyTerm = z.infer<typeof TaxonomyTerm>;

/**
 * The id and version of a taxonomy, as named by another taxonomy that extends it.
 *
 * @example
 * ```ts
 * TaxonomyReference.parse({ id: "self-management-reflective-practice", version: "1.0.0" });
 * ```
 */
export const TaxonomyReference = z
  .strictObject({
    id: Identifier,
    version: z.string().min(1).max(32).optional(),
  })
  .meta({ id: "TaxonomyReference", title: "Taxonomy reference", description: "The id and version of a taxonomy." });

/**
 * The id and version of a taxonomy (see {@link TaxonomyReference}).
 *
 * @example
 * ```ts
 * const base: TaxonomyReference = { id: "self-management-reflective-practice" };
 * ```
 */
export type TaxonomyReference = z.infer<typeof TaxonomyReference>;

const termListFields = { pillar: "pillars", technique: "techniques", challenge: "challenges", solution: "solutions" } as const;
const groupListFields = { technique: "techniqueStages", challenge: "challengeAreas" } as const;

/**
 * The field of a {@link PracticeTaxonomy} that holds each category's terms.
 *
 * @example
 * ```ts
 * taxonomy[termListField.challenge]; // taxonomy.challenges
 * ```
 */
export const termListField: Readonly<Record<TaxonomyCategory, "pillars" | "techniques" | "challenges" | "solutions">> = termListFields;

/**
 * The reflective-practice taxonomy as data: the pillars of what self management means, the
 * techniques (grouped by stage of a meeting), the challenges (grouped by area) and the
 * solutions. The built-in taxonomy uses exactly this schema; a training provider can write
 * its own or extend the built-in one with {@link extendTaxonomy}.
 *
 * @remarks
 * Term ids are unique within each category; group ids unique within their list. Every
 * technique names one of the `techniqueStages` and every challenge one of the
 * `challengeAreas`; pillars and solutions have no group.
 *
 * @example
 * ```ts
 * const tiny = PracticeTaxonomy.parse({
 *   id: "tiny",
 *   title: { en: "Tiny" },
 *   pillars: [{ id: "holistic", label: { en: "Holistic" } }],
 *   techniqueStages: [{ id: "during", label: { en: "During a meeting" } }],
 *   techniques: [{ id: "signposting", group: "during", label: { en: "Signposting" } }],
 *   challengeAreas: [{ id: "system", label: { en: "The system" } }],
 *   challenges: [{ id: "time", group: "system", label: { en: "Time" } }],
 *   solutions: [{ id: "managing-expectations", label: { en: "Managing expectations" } }],
 * });
 * ```
 */
export const PracticeTaxonomy = z
  .strictObject({
    id: Identifier.meta({ description: "Stable code for the taxonomy; reflections name it in their `taxonomy` field." }),
    version: z.string().min(1).max(32).optional().meta({ description: "The taxonomy's version, so that summaries are compared like with like." }),
    title: LocalisedText,
    description: LocalisedText.optional(),
    source: z.string().min(1).max(1024).optional().meta({ description: "Where the taxonomy comes from, for readers who want the background." }),
    extends: z
      .array(TaxonomyReference)
      .max(20)
      .optional()
      .meta({ description: "The taxonomies this one contains (nearest last). Reflections tagged with any of them can be checked against this one." }),
    pillars: z.array(TaxonomyTerm).min(1).max(100).meta({ description: "What self management means: the pillars a reflection is tagged with." }),
    techniqueStages: z.array(TermGroup).min(1).max(20).meta({ description: "The stages of a meeting techniques are grouped by, e.g. before and during." }),
    techniques: z.array(TaxonomyTerm).min(1).max(200).meta({ description: "Techniques that support self management, each in one stage." }),
    challengeAreas: z.array(TermGroup).min(1).max(20).meta({ description: "The areas challenges are grouped by, e.g. the system and the person." }),
    challenges: z.array(TaxonomyTerm).min(1).max(200).meta({ description: "Challenges to supporting self management, each in one area." }),
    solutions: z.array(TaxonomyTerm).min(1).max(200).meta({ description: "Solutions participants propose." }),
  })
  .superRefine((taxonomy, context) => {
    const unique = (items: readonly { id: string }[], field: string, code: string, message: string) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.id)) context.addIssue({ code: "custom", path: [field, index, "id"], message, params: { code } });
        seen.add(item.id);
      });
    };
    for (const [category, field] of Object.entries(termListFields) as [TaxonomyCategory, (typeof termListFields)[TaxonomyCategory]][]) {
      unique(taxonomy[field], field, "duplicate_term", `Each ${category} id must be unique within the taxonomy.`);
      const groupField = (groupListFields as Partial<Record<TaxonomyCategory, "techniqueStages" | "challengeAreas">>)[category];
      const groups = groupField === undefined ? undefined : new Set(taxonomy[groupField].map((group) => group.id));
      taxonomy[field].forEach((term, index) => {
        if (groups === undefined) {
          if (term.group !== undefined) {
            context.addIssue({ code: "custom", path: [field, index, "group"], message: `A ${category} has no group; only techniques and challenges are grouped.`, params: { code: "unexpected_group" } });
          }
        } else if (term.group === undefined) {
          context.addIssue({ code: "custom", path: [field, index, "group"], message: `Every ${category} must name its group (one of ${groupField}).`, params: { code: "required" } });
        } else if (!groups.has(term.group)) {
          context.addIssue({ code: "custom", path: [field, index, "group"], message: `This group is not one of the taxonomy's ${groupField}.`, params: { code: "unknown_group" } });
        }
      });
    }
    unique(taxonomy.techniqueStages, "techniqueStages", "duplicate_group", "Each stage id must be unique within the taxonomy.");
    unique(taxonomy.challengeAreas, "challengeAreas", "duplicate_group", "Each challenge area id must be unique within the taxonomy.");
  })
  .meta({
    id: "PracticeTaxonomy",
    title: "Reflective practice taxonomy",
    description: "Pillars, techniques by stage, challenges by area, and solutions, with the synonyms that suggest each in free text.",
  });

/**
 * A reflective-practice taxonomy (see {@link PracticeTaxonomy}).
 *
 * @example
 * ```ts
 * const taxonomy: PracticeTaxonomy = reflectivePracticeTaxonomy;
 * taxonomy.pillars.length; // 5
 * ```
 */
export type PracticeTaxonomy = z.infer<typeof PracticeTaxonomy>;

/**
 * Check that unknown input (for example a training provider's own taxonomy read from JSON) is
 * a usable {@link PracticeTaxonomy}.
 *
 * @example
 * ```ts
 * validateTaxonomy(reflectivePracticeTaxonomy).ok; // true
 * validateTaxonomy({ ...reflectivePracticeTaxonomy, pillars: [] }).ok; // false: at least one pillar
 * ```
 */
export function validateTaxonomy(input: unknown): Result<PracticeTaxonomy> {
  return safeParseResult(PracticeTaxonomy, input);
}

/**
 * The terms of one category, in the taxonomy's order.
 *
 * @example
 * ```ts
 * taxonomyTerms(reflectivePracticeTaxonomy, "solution").map((term) => term.id);
 * ```
 */
export function taxonomyTerms(taxonomy: PracticeTaxonomy, category: TaxonomyCategory): readonly TaxonomyTerm[] {
  return taxonomy[termListFields[category]];
}

/**
 * The ids a reflection may name in its `taxonomy` field when checked against this taxonomy:
 * its own id and the ids of every taxonomy it extends.
 *
 * @example
 * ```ts
 * acceptedTaxonomyIds(reflectivePracticeTaxonomy); // ["self-management-reflective-practice"]
 * ```
 */
export function acceptedTaxonomyIds(taxonomy: PracticeTaxonomy): string[] {
  return [taxonomy.id, ...(taxonomy.extends ?? []).map((reference) => reference.id)];
}
