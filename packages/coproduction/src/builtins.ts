import type { Framework } from "./framework";
import { nefPrinciples } from "./data/nef-principles";
import { practicePillars } from "./data/practice-pillars";

/**
 * The New Economics Foundation's six principles of co-production (assets, capacity, mutuality,
 * networks, blurring roles, catalysts), each with four indicator statements written for this
 * toolkit, rated on core's five-point `agreementScale`.
 *
 * @example
 * ```ts
 * nefPrinciplesFramework.principles.map((principle) => principle.id);
 * // ["assets", "capacity", "mutuality", "networks", "blurring-roles", "catalysts"]
 * ```
 */
export const nefPrinciplesFramework: Framework = nefPrinciples;

/**
 * The five pillars of self-management practice named by practitioners in reflective practice
 * sessions (holistic, empowerment, communication, quality service, partnership working), each
 * with four indicator statements, rated on core's five-point `agreementScale`.
 *
 * @example
 * ```ts
 * practicePillarsFramework.principles.length; // 5
 * ```
 */
export const practicePillarsFramework: Framework = practicePillars;

/**
 * Every framework that ships with the package.
 *
 * @example
 * ```ts
 * const chosen = builtInFrameworks.find((framework) => framework.id === "nef-six-principles");
 * ```
 */
export const builtInFrameworks: readonly Framework[] = [nefPrinciplesFramework, practicePillarsFramework];
