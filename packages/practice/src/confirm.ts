import { fail, issue, type Result, type ValidationIssue } from "@selfmanage/core";
import { validateReflection, type Reflection } from "./reflection";
import { taxonomyTerms, type PracticeTaxonomy, type TaxonomyCategory } from "./taxonomy";

/**
 * A theme a person has confirmed: the term they agree the reflection is about.
 *
 * @example
 * ```ts
 * const confirmed: ConfirmedTheme = { category: "challenge", termId: "building-trust" };
 * ```
 */
export interface ConfirmedTheme {
  readonly category: TaxonomyCategory;
  readonly termId: string;
}

/**
 * Add the themes a person confirmed (usually from {@link suggestReflectionThemes}) to a
 * reflection as tags: pillars to `meaning.pillars`, techniques to `techniques`, challenges to
 * `challenges`, solutions to `solutions`. Tags it already has are left as they are. Returns a
 * new reflection; the one given is not changed.
 *
 * @remarks
 * Nothing is tagged without this step: suggestions stay suggestions until a person says so.
 * A term the taxonomy does not have gives an issue at `[index, "termId"]` in `confirmed`.
 *
 * @example
 * ```ts
 * const suggestions = suggestReflectionThemes(reflection, reflectivePracticeTaxonomy);
 * const accepted = suggestions.filter((suggestion) => !suggestion.alreadyTagged).slice(0, 1);
 * const updated = confirmThemes(reflection, accepted, reflectivePracticeTaxonomy);
 * ```
 */
export function confirmThemes(reflection: Reflection, confirmed: readonly ConfirmedTheme[], taxonomy: PracticeTaxonomy): Result<Reflection> {
  const issues: ValidationIssue[] = [];
  const add = (list: readonly string[], termId: string): string[] => (list.includes(termId) ? [...list] : [...list, termId]);
  let pillars = reflection.meaning.pillars;
  let techniques = reflection.techniques;
  let challenges = reflection.challenges;
  let solutions = reflection.solutions;
  confirmed.forEach((theme, index) => {
    if (!taxonomyTerms(taxonomy, theme.category).some((term) => term.id === theme.termId)) {
      issues.push(issue([index, "termId"], "unknown_term", `This is not a ${theme.category} in the taxonomy.`));
      return;
    }
    if (theme.category === "pillar") pillars = add(pillars, theme.termId);
    else if (theme.category === "technique") techniques = add(techniques, theme.termId);
    else if (theme.category === "challenge") challenges = add(challenges, theme.termId);
    else if (!solutions.some((proposed) => proposed.solution === theme.termId)) solutions = [...solutions, { solution: theme.termId }];
  });
  if (issues.length > 0) return fail(issues);
  return validateReflection({ ...reflection, meaning: { ...reflection.meaning, pillars }, techniques, challenges, solutions }, taxonomy);
}
