import * as z from "zod";
import { Identifier, LocalisedText, OrdinalScale } from "@selfmanage/core";
import { LoincCode } from "../loinc";

const SEMANTIC_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * A semantic version such as `1.0.0` or `2.1.0-beta.1`.
 *
 * @example
 * ```ts
 * SemanticVersion.parse("1.2.0");
 * ```
 */
export const SemanticVersion = z
  .string()
  .regex(SEMANTIC_VERSION)
  .meta({ id: "SemanticVersion", title: "Semantic version", description: "A semantic version: MAJOR.MINOR.PATCH, e.g. 1.0.0." });

/**
 * A semantic version string (see {@link SemanticVersion}).
 *
 * @example
 * ```ts
 * const version: SemanticVersion = "1.0.0";
 * ```
 */
export type SemanticVersion = z.infer<typeof SemanticVersion>;

/**
 * The five CHIME recovery processes: connectedness, hope, identity, meaning and empowerment.
 * Items and subscales may be tagged with them.
 *
 * @example
 * ```ts
 * ChimeDomain.parse("hope");
 * ```
 */
export const ChimeDomain = z
  .enum(["connectedness", "hope", "identity", "meaning", "empowerment"])
  .meta({ id: "ChimeDomain", title: "CHIME domain", description: "A recovery process from the CHIME framework." });

/**
 * A CHIME recovery process (see {@link ChimeDomain}).
 *
 * @example
 * ```ts
 * const domain: ChimeDomain = "empowerment";
 * ```
 */
export type ChimeDomain = z.infer<typeof ChimeDomain>;

/**
 * A response scale: the core {@link @selfmanage/core!OrdinalScale}, whose option values are the weights used in scores.
 *
 * @example
 * ```ts
 * const zeroToThree: ResponseScale = {
 *   id: "zero-to-three",
 *   options: [0, 1, 2, 3].map((value) => ({ code: String(value), value, label: { en: String(value) } })),
 * };
 * ```
 */
export const ResponseScale = OrdinalScale;

/**
 * A response scale (see {@link ResponseScale}).
 *
 * @example
 * ```ts
 * const yesNo: ResponseScale = {
 *   id: "yes-no",
 *   options: [
 *     { code: "no", value: 0, label: { en: "No" } },
 *     { code: "yes", value: 1, label: { en: "Yes" } },
 *   ],
 * };
 * ```
 */
export type ResponseScale = OrdinalScale;

/**
 * The rule that shows an item only when an earlier item was answered with one of the listed option codes.
 *
 * @example
 * ```ts
 * ItemCondition.parse({ itemId: "has-carer", anyOf: ["yes"] });
 * ```
 */
export const ItemCondition = z
  .strictObject({
    itemId: Identifier.meta({ description: "An item that comes earlier in the instrument." }),
    anyOf: z.array(Identifier).min(1).meta({ description: "Option codes of that item that make this item shown." }),
  })
  .meta({ id: "ItemCondition", title: "Item condition", description: "Show an item only when an earlier answer is one of the listed codes." });

/**
 * When an item is shown (see {@link ItemCondition}).
 *
 * @example
 * ```ts
 * const onlyForCarers: ItemCondition = { itemId: "has-carer", anyOf: ["yes"] };
 * ```
 */
export type ItemCondition = z.infer<typeof ItemCondition>;

/**
 * One item (question or statement) of an instrument.
 *
 * @example
 * ```ts
 * InstrumentItem.parse({ id: "q1", text: { en: "I feel hopeful about my future." }, scale: "agreement-5", required: true, chime: ["hope"] });
 * ```
 */
export const InstrumentItem = z
  .strictObject({
    id: Identifier,
    text: LocalisedText,
    scale: Identifier.meta({ description: "The id of one of the instrument's scales." }),
    reverse: z.boolean().optional().meta({ description: "Score the item the other way round (min + max - value). Default false." }),
    required: z.boolean().optional().meta({ description: "A response must answer the item whenever it is shown. Default false." }),
    scored: z.boolean().optional().meta({ description: "Whether the item counts towards the total. Default true; false for context questions." }),
    showWhen: ItemCondition.optional(),
    chime: z.array(ChimeDomain).optional(),
    loinc: LoincCode.optional().meta({ description: "The LOINC code of this item, where it has one." }),
  })
  .meta({ id: "InstrumentItem", title: "Instrument item", description: "One question or statement of an instrument." });

/**
 * One item of an instrument (see {@link InstrumentItem}).
 *
 * @example
 * ```ts
 * const item: InstrumentItem = { id: "q1", text: { en: "I can ask for help." }, scale: "agreement-5" };
 * ```
 */
export type InstrumentItem = z.infer<typeof InstrumentItem>;
