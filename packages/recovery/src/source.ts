import * as z from "zod";

/**
 * Where a scoring rule comes from: the publication that states it, and its year. Ready-made
 * definitions carry one on every rule (total, bands, alerts, missing data, cut-offs, reliable
 * change), so that a reader can check each figure against its source.
 *
 * @example
 * ```ts
 * RuleSource.parse({ citation: "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 16(9):606-613", year: 2001 });
 * ```
 */
export const RuleSource = z
  .strictObject({
    citation: z.string().trim().min(1).max(500).meta({ description: "Authors, title and where it was published." }),
    year: z.number().int().min(1900).max(2100).meta({ description: "The year of publication." }),
    note: z.string().trim().min(1).max(1000).optional().meta({ description: "How the rule was taken from the source, or what the source leaves open." }),
  })
  .meta({ id: "RuleSource", title: "Rule source", description: "The publication a scoring rule comes from, with its year." });

/**
 * The source of a rule (see {@link RuleSource}).
 *
 * @example
 * ```ts
 * const source: RuleSource = { citation: "Spitzer RL et al. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 166(10):1092-1097", year: 2006 };
 * ```
 */
export type RuleSource = z.infer<typeof RuleSource>;
