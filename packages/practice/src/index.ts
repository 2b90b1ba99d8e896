/**
 * Self Management Reflective Practice: sessions (counts, never names), reflections tagged with
 * the five pillars, techniques, challenges and solutions of a taxonomy kept as data, plans and
 * follow-ups; summaries across sessions and periods with small-number protection; and theme
 * suggestions from free text for a person to confirm.
 *
 * @packageDocumentation
 */
export { TaxonomyCategory, Synonym, TermGroup, TaxonomyTerm, TaxonomyReference, PracticeTaxonomy, MAXIMUM_PHRASE_WORDS, termListField, validateTaxonomy, taxonomyTerms, acceptedTaxonomyIds } from "./taxonomy";
export { TaxonomyExtension, extendTaxonomy } from "./extend";
export { reflectivePracticeTaxonomy, builtInTaxonomies } from "./builtins";
export { Sector, sectorLabels, SessionFormat, sessionFormatLabels, LivedExperienceContribution, SessionParticipants, Session, validateSession } from "./session";
export { FreeText, PlanStatus, planStatusLabels, PracticePlan, FollowUp, ProposedSolution, Reflection, validateReflection } from "./reflection";
export { PracticeRecords, validatePracticeRecords } from "./records";
export { PeriodLength, periodOf } from "./periods";
export type { Period } from "./periods";
export { isSmallCount, protectCount, protectPartition } from "./suppression";
export type { ProtectedCount, PartitionOptions, ProtectedPartition } from "./suppression";
export { compileThemeMatcher, findThemes, reflectionTexts, suggestReflectionThemes } from "./themes";
export type { ThemeMatcher, ThemeMatch, ThemeSuggestion, ReflectionTextField } from "./themes";
export { confirmThemes } from "./confirm";
export type { ConfirmedTheme } from "./confirm";
export { tokenise, normaliseWord } from "./tokens";
export type { Token } from "./tokens";
export * from "./summary/index";
