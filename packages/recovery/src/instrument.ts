import * as z from "zod";
import {
  Identifier,
  LocalisedText,
  OrdinalScale,
  fail,
  issue,
  ok,
  safeParseResult,
  scaleBounds,
  type PathSegment,
  type Result,
  type ValidationIssue,
} from "@selfmanage/core";
import { ChangeParameters } from "./change";
import { Direction } from "./direction";
import { InstrumentLoinc, LoincCode } from "./loinc";
import { RuleSource } from "./source";

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

/**
 * How item values combine into a score: `sum`; `mean`; or `percent-of-maximum`, where the
 * lowest possible total is 0 and the highest 100.
 *
 * @example
 * ```ts
 * ScoringMethod.parse("sum");
 * ```
 */
export const ScoringMethod = z
  .enum(["sum", "mean", "percent-of-maximum"])
  .meta({ id: "ScoringMethod", title: "Scoring method", description: "sum, mean, or percent-of-maximum (lowest possible 0, highest 100)." });

/**
 * How item values combine (see {@link ScoringMethod}).
 *
 * @example
 * ```ts
 * const method: ScoringMethod = "mean";
 * ```
 */
export type ScoringMethod = z.infer<typeof ScoringMethod>;

/**
 * What to do when some shown, scored items have no scored answer (left blank or answered
 * "not applicable"): `none` scores what was answered; `minimum-answered` scores only when at
 * least `minimumAnswered` items were answered; `prorate` scales the answered sum up to all shown
 * items when at least `minimumAnswered` were answered; `mean-substitution` fills each unanswered
 * item with the mean of the answered ones when at most `maximumMissing` are unanswered.
 *
 * @remarks
 * A "not applicable" answer is never counted as zero: for these rules it is an unanswered item.
 *
 * @example
 * ```ts
 * MissingDataRule.parse({ kind: "mean-substitution", maximumMissing: 2 });
 * ```
 */
export const MissingDataRule = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("none"), source: RuleSource.optional() }),
    z.strictObject({ kind: z.literal("minimum-answered"), minimumAnswered: z.number().int().min(1), source: RuleSource.optional() }),
    z.strictObject({ kind: z.literal("prorate"), minimumAnswered: z.number().int().min(1), source: RuleSource.optional() }),
    z.strictObject({ kind: z.literal("mean-substitution"), maximumMissing: z.number().int().min(0), source: RuleSource.optional() }),
  ])
  .meta({ id: "MissingDataRule", title: "Missing-data rule", description: "What to do when some shown, scored items have no scored answer." });

/**
 * A missing-data rule (see {@link MissingDataRule}).
 *
 * @example
 * ```ts
 * const onlyWhenComplete: MissingDataRule = { kind: "minimum-answered", minimumAnswered: 7 };
 * ```
 */
export type MissingDataRule = z.infer<typeof MissingDataRule>;

/**
 * A lookup table from a whole-number raw total to a metric score. It must cover every
 * possible raw total, and the instrument's total must always stand for every item (no
 * conditional scored items; a missing-data rule that prorates, substitutes the mean, or needs
 * every item answered). A prorated total is rounded to the nearest whole number before lookup.
 *
 * @example
 * ```ts
 * ConversionTable.parse({ entries: [{ raw: 2, metric: 2 }, { raw: 3, metric: 4.5 }, { raw: 4, metric: 8 }] });
 * ```
 */
export const ConversionTable = z
  .strictObject({
    label: LocalisedText.optional(),
    entries: z.array(z.strictObject({ raw: z.number().int(), metric: z.number().finite() })).min(1),
    source: RuleSource.optional(),
  })
  .meta({ id: "ConversionTable", title: "Conversion table", description: "Raw total to metric score, one entry per possible raw total." });

/**
 * A raw-to-metric conversion table (see {@link ConversionTable}).
 *
 * @example
 * ```ts
 * const table: ConversionTable = { entries: [{ raw: 0, metric: 0 }, { raw: 1, metric: 10 }] };
 * ```
 */
export type ConversionTable = z.infer<typeof ConversionTable>;

/**
 * A labelled band of scores, from `min` to `max` inclusive. Bands are listed from lowest to
 * highest, do not overlap, and cover every possible score; a fractional score that falls
 * between one band's `max` and the next band's `min` belongs to the lower band. Bands on a sum
 * need a total that always stands for every item (as for a {@link ConversionTable}).
 *
 * @example
 * ```ts
 * Band.parse({ id: "mild", label: { en: "Mild" }, min: 5, max: 9 });
 * ```
 */
export const Band = z
  .strictObject({
    id: Identifier,
    label: LocalisedText,
    min: z.number().finite(),
    max: z.number().finite(),
    source: RuleSource.optional(),
  })
  .meta({ id: "Band", title: "Score band", description: "A labelled range of scores, min and max inclusive." });

/**
 * A labelled band of scores (see {@link Band}).
 *
 * @example
 * ```ts
 * const severe: Band = { id: "severe", label: { en: "Severe" }, min: 20, max: 27 };
 * ```
 */
export type Band = z.infer<typeof Band>;

/**
 * An answer that must be flagged to a practitioner: the item answered with one of `optionCodes`,
 * or with an option whose value (as on the scale, before any reversal) is at least `minimumValue`.
 *
 * @example
 * ```ts
 * AlertRule.parse({ id: "risk", itemId: "q9", minimumValue: 1, message: { en: "Review this answer with the person today." } });
 * ```
 */
export const AlertRule = z
  .strictObject({
    id: Identifier,
    itemId: Identifier,
    optionCodes: z.array(Identifier).min(1).optional(),
    minimumValue: z.number().finite().optional(),
    message: LocalisedText.meta({ description: "What the practitioner should know or do. Shown with the alert." }),
    source: RuleSource.optional(),
  })
  .superRefine((rule, context) => {
    if ((rule.optionCodes === undefined) === (rule.minimumValue === undefined)) {
      context.addIssue({
        code: "custom",
        path: ["optionCodes"],
        message: "An alert rule needs exactly one trigger: optionCodes or minimumValue.",
        params: { code: "alert_trigger" },
      });
    }
  })
  .meta({ id: "AlertRule", title: "Alert rule", description: "An answer that must be flagged to a practitioner." });

/**
 * An alert rule (see {@link AlertRule}).
 *
 * @example
 * ```ts
 * const rule: AlertRule = { id: "risk", itemId: "q9", optionCodes: ["often"], message: { en: "Follow up today." } };
 * ```
 */
export type AlertRule = z.infer<typeof AlertRule>;


/**
 * A group of items scored on its own (a subscale or domain), optionally tagged with a CHIME domain.
 * By default a subscale is scored only when all its shown items have a scored answer; give it its
 * own `missingData` rule to relax that.
 *
 * @example
 * ```ts
 * Subscale.parse({ id: "hope", label: { en: "Hope" }, items: ["q1", "q2"], chime: "hope" });
 * ```
 */
export const Subscale = z
  .strictObject({
    id: Identifier,
    label: LocalisedText,
    items: z.array(Identifier).min(1),
    chime: ChimeDomain.optional(),
    missingData: MissingDataRule.optional(),
  })
  .meta({ id: "Subscale", title: "Subscale", description: "A group of items scored on its own." });

/**
 * A subscale or domain (see {@link Subscale}).
 *
 * @example
 * ```ts
 * const connection: Subscale = { id: "connection", label: { en: "Connection" }, items: ["q3", "q4"], chime: "connectedness" };
 * ```
 */
export type Subscale = z.infer<typeof Subscale>;

/**
 * How an instrument is scored: method, missing-data rule, direction, and optionally rounding,
 * a conversion table and bands (applied to the metric score when there is a table).
 *
 * @example
 * ```ts
 * InstrumentScoring.parse({ method: "sum", missingData: { kind: "none" }, direction: "higher-is-better" });
 * ```
 */
export const InstrumentScoring = z
  .strictObject({
    method: ScoringMethod,
    missingData: MissingDataRule,
    direction: Direction,
    decimals: z.number().int().min(0).max(6).optional().meta({ description: "Round the total to this many decimal places (half up). Default: no rounding." }),
    conversion: ConversionTable.optional(),
    bands: z.array(Band).min(1).optional(),
    source: RuleSource.optional().meta({ description: "Where the scoring method (how items make the total) comes from." }),
  })
  .meta({ id: "InstrumentScoring", title: "Instrument scoring", description: "How an instrument is scored." });

/**
 * How an instrument is scored (see {@link InstrumentScoring}).
 *
 * @example
 * ```ts
 * const scoring: InstrumentScoring = { method: "mean", missingData: { kind: "minimum-answered", minimumAnswered: 6 }, direction: "higher-is-better" };
 * ```
 */
export type InstrumentScoring = z.infer<typeof InstrumentScoring>;

/**
 * What the copyright holder allows, for a definition of an instrument someone else owns: a
 * plain-English notice and where the terms are published. `wordingIncluded: false` says the
 * definition carries none of the instrument's own sentences (item labels are placeholders).
 *
 * @example
 * ```ts
 * InstrumentLicence.parse({ notice: "Free to use; no permission needed.", wordingIncluded: false, source: { citation: "Publisher's terms of use", year: 2024 } });
 * ```
 */
export const InstrumentLicence = z
  .strictObject({
    notice: z.string().trim().min(1).max(1000),
    wordingIncluded: z.boolean().meta({ description: "Whether the definition carries the instrument's own wording." }),
    source: RuleSource,
  })
  .meta({ id: "InstrumentLicence", title: "Instrument licence", description: "What the copyright holder allows, and where that is published." });

/**
 * An instrument's licence terms (see {@link InstrumentLicence}).
 *
 * @example
 * ```ts
 * const licence: InstrumentLicence = { notice: "No permission needed.", wordingIncluded: false, source: { citation: "Terms of use", year: 2024 } };
 * ```
 */
export type InstrumentLicence = z.infer<typeof InstrumentLicence>;

/**
 * A questionnaire (instrument) definition that a service writes itself: items, scales,
 * conditions, subscales, scoring, bands, alerts and change parameters.
 *
 * @remarks
 * Use {@link validateInstrument} rather than `parse`: it also checks that the parts fit together.
 *
 * @example
 * ```ts
 * const result = validateInstrument({
 *   id: "two-item",
 *   version: "1.0.0",
 *   title: { en: "Two items" },
 *   scales: [agreementScale],
 *   items: [
 *     { id: "a", text: { en: "First" }, scale: "agreement-5" },
 *     { id: "b", text: { en: "Second" }, scale: "agreement-5" },
 *   ],
 *   scoring: { method: "sum", missingData: { kind: "none" }, direction: "higher-is-better" },
 * });
 * ```
 */
export const InstrumentDefinition = z
  .strictObject({
    id: Identifier,
    version: SemanticVersion,
    title: LocalisedText,
    description: LocalisedText.optional(),
    scales: z.array(ResponseScale).min(1),
    items: z.array(InstrumentItem).min(1),
    subscales: z.array(Subscale).optional(),
    scoring: InstrumentScoring,
    alerts: z.array(AlertRule).optional(),
    change: ChangeParameters.optional(),
    loinc: InstrumentLoinc.optional(),
    licence: InstrumentLicence.optional(),
  })
  .meta({ id: "InstrumentDefinition", title: "Instrument definition", description: "A questionnaire definition: items, scales, scoring, bands, alerts and change parameters." });

/**
 * An instrument definition (see {@link InstrumentDefinition}).
 *
 * @example
 * ```ts
 * const definition: InstrumentDefinition = serviceExperienceQuestionnaire;
 * ```
 */
export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;

/** Lowest and highest values of the scored options of a scale. */
interface Bounds {
  min: number;
  max: number;
}

/**
 * The lowest and highest score an instrument can produce: its total, or its metric score when it has a conversion table.
 *
 * @example
 * ```ts
 * scoreRange(serviceExperienceQuestionnaire); // { min: 1, max: 5 }
 * ```
 */
export function scoreRange(instrument: InstrumentDefinition): { min: number; max: number } {
  const { scoring } = instrument;
  if (scoring.conversion !== undefined) {
    const metrics = scoring.conversion.entries.map((entry) => entry.metric);
    return { min: metrics.reduce((lowest, metric) => Math.min(lowest, metric), Number.POSITIVE_INFINITY), max: metrics.reduce((highest, metric) => Math.max(highest, metric), Number.NEGATIVE_INFINITY) };
  }
  if (scoring.method === "percent-of-maximum") return { min: 0, max: 100 };
  const bounds = scoredItemBounds(instrument);
  if (scoring.method === "mean") {
    return { min: bounds.reduce((lowest, item) => Math.min(lowest, item.min), Number.POSITIVE_INFINITY), max: bounds.reduce((highest, item) => Math.max(highest, item.max), Number.NEGATIVE_INFINITY) };
  }
  return { min: bounds.reduce((sum, item) => sum + item.min, 0), max: bounds.reduce((sum, item) => sum + item.max, 0) };
}

function scoredItemBounds(instrument: InstrumentDefinition): Bounds[] {
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale]));
  return instrument.items.flatMap((item) => {
    const scale = scales.get(item.scale);
    return item.scored === false || scale === undefined ? [] : [scaleBounds(scale)];
  });
}

function findDuplicates(ids: readonly string[], at: (index: number) => PathSegment[], what: string): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) issues.push(issue(at(index), "duplicate_id", `Each ${what} id must be unique within the instrument.`));
    seen.add(id);
  });
  return issues;
}

function findDuplicateLoinc(instrument: InstrumentDefinition): ValidationIssue[] {
  const seen = new Set<string>([instrument.loinc?.panel, instrument.loinc?.total].filter((code): code is string => code !== undefined));
  const issues: ValidationIssue[] = [];
  instrument.items.forEach((item, index) => {
    if (item.loinc === undefined) return;
    if (seen.has(item.loinc)) issues.push(issue(["items", index, "loinc"], "duplicate_loinc", "Each LOINC code may stand for only one item, panel or total."));
    seen.add(item.loinc);
  });
  return issues;
}

function checkItems(instrument: InstrumentDefinition): ValidationIssue[] {
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale]));
  const itemIndex = new Map<string, number>();
  instrument.items.forEach((item, index) => {
    if (!itemIndex.has(item.id)) itemIndex.set(item.id, index);
  });
  const issues: ValidationIssue[] = [];
  instrument.scales.forEach((scale, index) => {
    const bounds = scaleBounds(scale);
    if (bounds.min === bounds.max) issues.push(issue(["scales", index, "options"], "flat_scale", "A scale's scored options must not all have the same value."));
  });
  instrument.items.forEach((item, index) => {
    if (!scales.has(item.scale)) issues.push(issue(["items", index, "scale"], "unknown_scale", "This scale id is not one of the instrument's scales."));
    const condition = item.showWhen;
    if (condition === undefined) return;
    const earlier = itemIndex.get(condition.itemId);
    if (earlier === undefined || earlier >= index) {
      issues.push(issue(["items", index, "showWhen", "itemId"], "unknown_item", "A condition must refer to an item that comes earlier in the instrument."));
      return;
    }
    const earlierScale = scales.get(instrument.items[earlier]?.scale ?? "");
    condition.anyOf.forEach((code, codeIndex) => {
      if (earlierScale !== undefined && !earlierScale.options.some((option) => option.code === code)) {
        issues.push(issue(["items", index, "showWhen", "anyOf", codeIndex], "unknown_option", "This option code is not on the scale of the item the condition refers to."));
      }
    });
  });
  if (!instrument.items.some((item) => item.scored !== false)) {
    issues.push(issue(["items"], "no_scored_items", "An instrument needs at least one scored item."));
  }
  return issues;
}

function checkMissingRule(rule: MissingDataRule, itemCount: number, path: PathSegment[]): ValidationIssue[] {
  if ((rule.kind === "minimum-answered" || rule.kind === "prorate") && rule.minimumAnswered > itemCount) {
    return [issue([...path, "minimumAnswered"], "unreachable_minimum", "The minimum number of answered items is more than the number of scored items.")];
  }
  if (rule.kind === "mean-substitution" && rule.maximumMissing >= itemCount) {
    return [issue([...path, "maximumMissing"], "unreachable_minimum", "At least one item must be answered: allow fewer missing items than there are scored items.")];
  }
  return [];
}

function checkSubscales(instrument: InstrumentDefinition): ValidationIssue[] {
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  const issues: ValidationIssue[] = [];
  (instrument.subscales ?? []).forEach((subscale, index) => {
    const seen = new Set<string>();
    subscale.items.forEach((itemId, itemIndex) => {
      const item = items.get(itemId);
      const path = ["subscales", index, "items", itemIndex];
      if (item === undefined) issues.push(issue(path, "unknown_item", "This item id is not one of the instrument's items."));
      else if (item.scored === false) issues.push(issue(path, "unscored_item", "A subscale can only contain scored items."));
      if (seen.has(itemId)) issues.push(issue(path, "duplicate_id", "Each item may appear only once in a subscale."));
      seen.add(itemId);
    });
    if (subscale.missingData !== undefined) for (const found of checkMissingRule(subscale.missingData, subscale.items.length, ["subscales", index, "missingData"])) issues.push(found);
  });
  return issues;
}

function checkAlerts(instrument: InstrumentDefinition): ValidationIssue[] {
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale]));
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  const issues: ValidationIssue[] = [];
  (instrument.alerts ?? []).forEach((rule, index) => {
    const item = items.get(rule.itemId);
    if (item === undefined) {
      issues.push(issue(["alerts", index, "itemId"], "unknown_item", "This item id is not one of the instrument's items."));
      return;
    }
    const scale = scales.get(item.scale);
    (rule.optionCodes ?? []).forEach((code, codeIndex) => {
      if (scale !== undefined && !scale.options.some((option) => option.code === code)) {
        issues.push(issue(["alerts", index, "optionCodes", codeIndex], "unknown_option", "This option code is not on the item's scale."));
      }
    });
  });
  return issues;
}

/**
 * Whether every scored total stands for all the scored items: no scored item can be hidden, and
 * the missing-data rule either fills in unanswered items or refuses to score without all of them.
 * A sum over only some items cannot be looked up in a table or banded as if it were complete.
 */
function totalCoversEveryItem(instrument: InstrumentDefinition, scoredItems: number): boolean {
  if (instrument.items.some((item) => item.scored !== false && item.showWhen !== undefined)) return false;
  const rule = instrument.scoring.missingData;
  if (rule.kind === "prorate" || rule.kind === "mean-substitution") return true;
  return rule.kind === "minimum-answered" && rule.minimumAnswered === scoredItems;
}

function checkConversion(instrument: InstrumentDefinition, bounds: Bounds[]): ValidationIssue[] {
  const { conversion, method } = instrument.scoring;
  if (conversion === undefined) return [];
  const wholeValues = instrument.scales.every((scale) => scale.options.every((option) => option.value === undefined || Number.isInteger(option.value)));
  if (method !== "sum" || !wholeValues) {
    return [issue(["scoring", "conversion"], "conversion_needs_whole_sum", "A conversion table needs the sum method and whole-number option values.")];
  }
  if (!totalCoversEveryItem(instrument, bounds.length)) {
    return [
      issue(
        ["scoring", "conversion"],
        "partial_total",
        "A conversion table needs a total over every item: no conditional scored items, and a missing-data rule that prorates, substitutes the mean, or needs every item answered.",
      ),
    ];
  }
  const issues: ValidationIssue[] = [];
  const raws = new Set<number>();
  conversion.entries.forEach((entry, index) => {
    if (raws.has(entry.raw)) issues.push(issue(["scoring", "conversion", "entries", index, "raw"], "duplicate_raw", "Each raw total may appear only once in the table."));
    raws.add(entry.raw);
  });
  const lowest = bounds.reduce((sum, item) => sum + item.min, 0);
  const highest = bounds.reduce((sum, item) => sum + item.max, 0);
  for (let raw = lowest; raw <= highest; raw += 1) {
    if (!raws.has(raw)) {
      issues.push(issue(["scoring", "conversion", "entries"], "incomplete_table", "The table must have an entry for every possible raw total."));
      break;
    }
  }
  return issues;
}

function checkBands(instrument: InstrumentDefinition, scoredItems: number): ValidationIssue[] {
  const bands = instrument.scoring.bands;
  if (bands === undefined) return [];
  if (instrument.scoring.method === "sum" && instrument.scoring.conversion === undefined && !totalCoversEveryItem(instrument, scoredItems)) {
    return [
      issue(
        ["scoring", "bands"],
        "partial_total",
        "Bands on a sum need a total over every item: no conditional scored items, and a missing-data rule that prorates, substitutes the mean, or needs every item answered. Or score by mean or percent of maximum.",
      ),
    ];
  }
  const issues: ValidationIssue[] = [];
  bands.forEach((band, index) => {
    if (band.max < band.min) issues.push(issue(["scoring", "bands", index, "max"], "empty_band", "A band's max must not be below its min."));
    const previous = bands[index - 1];
    if (previous === undefined) return;
    if (band.min <= previous.max) issues.push(issue(["scoring", "bands", index, "min"], "overlapping_bands", "Bands must be listed from lowest to highest and must not overlap."));
    else if (band.min - previous.max > 1) issues.push(issue(["scoring", "bands", index, "min"], "gap_between_bands", "Bands must leave no gap: start each band within one point of the previous band's max."));
  });
  const range = scoreRange(instrument);
  const first = bands[0] as Band;
  const last = bands[bands.length - 1] as Band;
  if (first.min > range.min || last.max < range.max) {
    issues.push(issue(["scoring", "bands"], "bands_do_not_cover_range", "The bands must cover every possible score, from the lowest to the highest."));
  }
  return issues;
}

/**
 * Validate an instrument definition: its shape, then that its parts fit together (unique ids,
 * known scales and items, conditions that refer to earlier items, reachable missing-data rules,
 * a conversion table that covers every raw total, bands that neither overlap nor leave gaps, and
 * a conversion table or bands on a sum only when the total always stands for every item).
 *
 * @example
 * ```ts
 * const result = validateInstrument(JSON.parse(text));
 * if (!result.ok) result.issues.forEach((problem) => console.warn(formatIssue(problem)));
 * ```
 */
export function validateInstrument(input: unknown): Result<InstrumentDefinition> {
  const parsed = safeParseResult(InstrumentDefinition, input);
  if (!parsed.ok) return parsed;
  const instrument = parsed.value;
  const issues = [
    ...findDuplicates(instrument.scales.map((scale) => scale.id), (index) => ["scales", index, "id"], "scale"),
    ...findDuplicates(instrument.items.map((item) => item.id), (index) => ["items", index, "id"], "item"),
    ...findDuplicates((instrument.subscales ?? []).map((subscale) => subscale.id), (index) => ["subscales", index, "id"], "subscale"),
    ...findDuplicates((instrument.alerts ?? []).map((rule) => rule.id), (index) => ["alerts", index, "id"], "alert rule"),
    ...findDuplicates((instrument.scoring.bands ?? []).map((band) => band.id), (index) => ["scoring", "bands", index, "id"], "band"),
    ...findDuplicateLoinc(instrument),
    ...checkItems(instrument),
    ...checkSubscales(instrument),
    ...checkAlerts(instrument),
  ];
  if (issues.length > 0) return fail(issues);
  const bounds = scoredItemBounds(instrument);
  const ruleIssues = checkMissingRule(instrument.scoring.missingData, bounds.length, ["scoring", "missingData"]);
  if (ruleIssues.length > 0) return fail(ruleIssues);
  const conversionIssues = checkConversion(instrument, bounds);
  if (conversionIssues.length > 0) return fail(conversionIssues);
  const bandIssues = checkBands(instrument, bounds.length);
  return bandIssues.length > 0 ? fail(bandIssues) : ok(instrument);
}
