import type { PracticeTaxonomy } from "./taxonomy";
import { reflectivePractice } from "./data/reflective-practice";

/**
 * The Self Management Reflective Practice taxonomy: five pillars (holistic, empowerment,
 * communication, quality service, partnership working); seven techniques, four before a
 * meeting (gathering information, sharing good practice, training, building networks) and three
 * during it (screening tools, signposting, setting realistic goals); nine challenges in three
 * areas (the system: hierarchy, time, funding; the person: engagement, unrealistic goals,
 * reluctance to be helped; other circumstances: competing priorities, building trust, knowledge
 * of a condition); and four solutions. Every term has synonyms for theme suggestions.
 *
 * @example
 * ```ts
 * reflectivePracticeTaxonomy.pillars.map((pillar) => pillar.id);
 * // ["holistic", "empowerment", "communication", "quality-service", "partnership-working"]
 * ```
 */
export const reflectivePracticeTaxonomy: PracticeTaxonomy = reflectivePractice;

/**
 * Every taxonomy that ships with the package.
 *
 * @example
 * ```ts
 * builtInTaxonomies.find((taxonomy) => taxonomy.id === "self-management-reflective-practice");
 * ```
 */
export const builtInTaxonomies: readonly PracticeTaxonomy[] = [reflectivePracticeTaxonomy];
