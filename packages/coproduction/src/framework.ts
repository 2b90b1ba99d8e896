import * as z from "zod";
import { Identifier, LocalisedText, OrdinalScale, safeParseResult, type Result } from "@selfmanage/core";
import { SideAssignment } from "./sides";

/**
 * One statement that respondents rate, such as "People who use the service helped decide what it offers".
 * Set `reverse` for a statement worded the other way round, so that agreeing counts against the principle.
 *
 * @example
 * ```ts
 * Indicator.parse({ id: "assets-1", statement: { en: "People's own skills are used in the service." } });
 * ```
 */
export const Indicator = z
  .strictObject({
    id: Identifier.meta({ description: "Stable code for the indicator, unique within its framework." }),
    statement: LocalisedText.meta({ description: "The statement respondents rate, in plain words." }),
    reverse: z.boolean().optional().meta({ description: "True when agreeing with the statement counts against the principle." }),
  })
  .meta({ id: "Indicator", title: "Indicator", description: "A statement respondents rate on the framework's scale." });

/**
 * One statement that respondents rate (see {@link Indicator}).
 *
 * @example
 * ```ts
 * const indicator: Indicator = { id: "networks-1", statement: { en: "People meet others who share their experience." } };
 * ```
 */
export type Indicator = z.infer<typeof Indicator>;

/**
 * A principle of a framework, such as "networks", with the indicators that show it in practice.
 *
 * @example
 * ```ts
 * Principle.parse({
 *   id: "networks",
 *   title: { en: "Networks" },
 *   indicators: [{ id: "networks-1", statement: { en: "People meet others who share their experience." } }],
 * });
 * ```
 */
export const Principle = z
  .strictObject({
    id: Identifier.meta({ description: "Stable code for the principle, unique within its framework." }),
    title: LocalisedText,
    description: LocalisedText.optional(),
    indicators: z.array(Indicator).min(1).max(200).meta({ description: "The statements rated for this principle (at least one)." }),
  })
  .meta({ id: "Principle", title: "Principle", description: "A principle of a framework and the indicators that show it." });

/**
 * A principle and its indicators (see {@link Principle}).
 *
 * @example
 * ```ts
 * const principle: Principle = { id: "p", title: { en: "Partnership" }, indicators: [{ id: "p-1", statement: { en: "We decide together." } }] };
 * ```
 */
export type Principle = z.infer<typeof Principle>;

/**
 * A stage of an initiative at which people can be involved, such as design, delivery or evaluation.
 *
 * @example
 * ```ts
 * Stage.parse({ id: "commissioning", label: { en: "Commissioning" } });
 * ```
 */
export const Stage = z
  .strictObject({
    id: Identifier,
    label: LocalisedText,
  })
  .meta({ id: "Stage", title: "Stage", description: "A stage of an initiative at which people can be involved." });

/**
 * A stage of an initiative (see {@link Stage}).
 *
 * @example
 * ```ts
 * const stage: Stage = { id: "design", label: { en: "Design" } };
 * ```
 */
export type Stage = z.infer<typeof Stage>;

/**
 * The stages used when a framework does not list its own: design, delivery and evaluation.
 *
 * @example
 * ```ts
 * defaultStages.map((stage) => stage.id); // ["design", "delivery", "evaluation"]
 * ```
 */
export const defaultStages: readonly Stage[] = [
  { id: "design", label: { en: "Design" } },
  { id: "delivery", label: { en: "Delivery" } },
  { id: "evaluation", label: { en: "Evaluation" } },
];

/**
 * A co-production framework as data: principles, their indicator statements, the scale they are
 * rated on, and optionally the stages of involvement it asks about. The built-in frameworks use
 * exactly this schema, and a team can define its own the same way.
 *
 * @remarks
 * Principle ids and indicator ids must each be unique across the framework, and stage ids unique
 * among the stages; the scale's scored options must not all have the same value. Without
 * `stages`, the framework uses {@link defaultStages}.
 *
 * @example
 * ```ts
 * const ours = Framework.parse({
 *   id: "our-principles",
 *   version: "1",
 *   title: { en: "Our principles" },
 *   scale: agreementScale,
 *   principles: [
 *     { id: "voice", title: { en: "Voice" }, indicators: [{ id: "voice-1", statement: { en: "We are heard." } }] },
 *   ],
 * });
 * ```
 */
export const Framework = z
  .strictObject({
    id: Identifier.meta({ description: "Stable code for the framework; assessments refer to it." }),
    version: z.string().min(1).max(32).optional().meta({ description: "The framework's version, so that results can be compared like with like." }),
    title: LocalisedText,
    description: LocalisedText.optional(),
    source: z.string().min(1).max(1024).optional().meta({ description: "Where the framework comes from, for readers who want the background." }),
    scale: OrdinalScale.meta({ description: "The scale every indicator is rated on. Its not-applicable and don't-know options are never scored." }),
    principles: z.array(Principle).min(1).max(100).meta({ description: "The principles (at least one), each with its indicators." }),
    stages: z.array(Stage).min(1).max(20).optional().meta({ description: "The stages of involvement asked about. Defaults to design, delivery and evaluation." }),
    partnershipSides: SideAssignment.optional().meta({
      description: "Which side of the partnership peer workers and volunteers stand on in this framework. Both stand with the people who provide services unless moved here or in the assessment.",
    }),
  })
  .superRefine((framework, context) => {
    const scoredValues = new Set(framework.scale.options.flatMap((option) => (option.exclusion === undefined && option.value !== undefined ? [option.value] : [])));
    if (scoredValues.size === 1) {
      // Scores run from the lowest option (0) to the highest (100): with one value there is no range to score on.
      context.addIssue({
        code: "custom",
        path: ["scale", "options"],
        message: "The scale's scored options must not all have the same value.",
        params: { code: "flat_scale" },
      });
    }
    const principleIds = new Set<string>();
    const indicatorIds = new Set<string>();
    framework.principles.forEach((principle, principleIndex) => {
      if (principleIds.has(principle.id)) {
        context.addIssue({
          code: "custom",
          path: ["principles", principleIndex, "id"],
          message: "Each principle id must be unique within the framework.",
          params: { code: "duplicate_principle" },
        });
      }
      principleIds.add(principle.id);
      principle.indicators.forEach((indicator, indicatorIndex) => {
        if (indicatorIds.has(indicator.id)) {
          context.addIssue({
            code: "custom",
            path: ["principles", principleIndex, "indicators", indicatorIndex, "id"],
            message: "Each indicator id must be unique across the whole framework, so that a rating points to one statement.",
            params: { code: "duplicate_indicator" },
          });
        }
        indicatorIds.add(indicator.id);
      });
    });
    const stageIds = new Set<string>();
    framework.stages?.forEach((stage, stageIndex) => {
      if (stageIds.has(stage.id)) {
        context.addIssue({
          code: "custom",
          path: ["stages", stageIndex, "id"],
          message: "Each stage id must be unique within the framework.",
          params: { code: "duplicate_stage" },
        });
      }
      stageIds.add(stage.id);
    });
  })
  .meta({ id: "Framework", title: "Co-production framework", description: "Principles, indicator statements, a rating scale and stages of involvement." });

/**
 * A co-production framework (see {@link Framework}).
 *
 * @example
 * ```ts
 * const framework: Framework = nefPrinciplesFramework;
 * framework.principles.length; // 6
 * ```
 */
export type Framework = z.infer<typeof Framework>;

/**
 * Check that unknown input (for example a team's own framework read from JSON) is a usable
 * {@link Framework}. An empty framework, a principle without indicators, or a repeated id each
 * give an issue with a path.
 *
 * @example
 * ```ts
 * const checked = validateFramework(JSON.parse(text));
 * if (!checked.ok) checked.issues.forEach((found) => console.warn(formatIssue(found)));
 * validateFramework({ ...nefPrinciplesFramework, principles: [] }).ok; // false: principles must not be empty
 * ```
 */
export function validateFramework(input: unknown): Result<Framework> {
  return safeParseResult(Framework, input);
}

/**
 * The stages a framework asks about: its own list, or {@link defaultStages}.
 *
 * @example
 * ```ts
 * frameworkStages(nefPrinciplesFramework).map((stage) => stage.id); // ["design", "delivery", "evaluation"]
 * ```
 */
export function frameworkStages(framework: Framework): readonly Stage[] {
  return framework.stages ?? defaultStages;
}
