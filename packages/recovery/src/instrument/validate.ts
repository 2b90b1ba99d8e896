import { fail, issue, ok, safeParseResult, scaleBounds, type PathSegment, type Result, type ValidationIssue } from "@selfmanage/core";
import type { MissingDataRule, Band } from "./scoring-rules";
import { InstrumentDefinition } from "./definition";

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
  return scoreRangeOf(instrument, () => scoredItemBounds(instrument, boundsByScale(instrument)));
}

function scoreRangeOf(instrument: InstrumentDefinition, itemBounds: () => Bounds[]): { min: number; max: number } {
  const { scoring } = instrument;
  if (scoring.conversion !== undefined) {
    const metrics = scoring.conversion.entries.map((entry) => entry.metric);
    return { min: metrics.reduce((lowest, metric) => Math.min(lowest, metric), Number.POSITIVE_INFINITY), max: metrics.reduce((highest, metric) => Math.max(highest, metric), Number.NEGATIVE_INFINITY) };
  }
  if (scoring.method === "percent-of-maximum") return { min: 0, max: 100 };
  const bounds = itemBounds();
  if (scoring.method === "mean") {
    return { min: bounds.reduce((lowest, item) => Math.min(lowest, item.min), Number.POSITIVE_INFINITY), max: bounds.reduce((highest, item) => Math.max(highest, item.max), Number.NEGATIVE_INFINITY) };
  }
  return { min: bounds.reduce((sum, item) => sum + item.min, 0), max: bounds.reduce((sum, item) => sum + item.max, 0) };
}

/** Each scale's bounds by scale id, worked out once (a later scale of the same id wins, as in a Map built from the list). */
function boundsByScale(instrument: InstrumentDefinition): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  for (const scale of instrument.scales) bounds.set(scale.id, scaleBounds(scale));
  return bounds;
}

function scoredItemBounds(instrument: InstrumentDefinition, byScale: ReadonlyMap<string, Bounds>): Bounds[] {
  const found: Bounds[] = [];
  for (const item of instrument.items) {
    const bounds = byScale.get(item.scale);
    if (item.scored !== false && bounds !== undefined) found.push(bounds);
  }
  return found;
}

/** Adds an issue for each id that an earlier entry of the list already has (a plain loop: this runs for every definition checked). */
function addDuplicates(issues: ValidationIssue[], list: readonly { readonly id: string }[] | undefined, at: readonly PathSegment[], what: string): void {
  if (list === undefined || list.length < 2) return;
  const seen = new Set<string>();
  for (let index = 0; index < list.length; index++) {
    const id = (list[index] as { readonly id: string }).id;
    if (seen.has(id)) issues.push(issue([...at, index, "id"], "duplicate_id", `Each ${what} id must be unique within the instrument.`));
    seen.add(id);
  }
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

/** Lookups that several checks need, built once per instrument. */
interface Lookups {
  /** Each scale by id (a later scale of the same id wins, as in a Map built from the list). */
  readonly scales: ReadonlyMap<string, InstrumentDefinition["scales"][number]>;
  /** Each scale's bounds by id, in the same way, and by position. */
  readonly bounds: ReadonlyMap<string, Bounds>;
  readonly scaleBounds: readonly Bounds[];
  /** Each item by id (a later item wins), and the position of the first item with each id. */
  readonly items: ReadonlyMap<string, InstrumentDefinition["items"][number]>;
  readonly firstIndex: ReadonlyMap<string, number>;
}

/** The lookups, and an issue for each scale or item id given twice (scales first), in one pass over each list. */
function lookupsOf(instrument: InstrumentDefinition, issues: ValidationIssue[]): Lookups {
  const scales = new Map<string, InstrumentDefinition["scales"][number]>();
  const bounds = new Map<string, Bounds>();
  const boundsAt: Bounds[] = [];
  instrument.scales.forEach((scale, index) => {
    if (scales.has(scale.id)) issues.push(issue(["scales", index, "id"], "duplicate_id", "Each scale id must be unique within the instrument."));
    const found = scaleBounds(scale);
    scales.set(scale.id, scale);
    bounds.set(scale.id, found);
    boundsAt.push(found);
  });
  const items = new Map<string, InstrumentDefinition["items"][number]>();
  const firstIndex = new Map<string, number>();
  instrument.items.forEach((item, index) => {
    if (items.has(item.id)) issues.push(issue(["items", index, "id"], "duplicate_id", "Each item id must be unique within the instrument."));
    else firstIndex.set(item.id, index);
    items.set(item.id, item);
  });
  return { scales, bounds, scaleBounds: boundsAt, items, firstIndex };
}

function checkItems(instrument: InstrumentDefinition, { scales, scaleBounds: boundsAt, firstIndex: itemIndex }: Lookups): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  boundsAt.forEach((bounds, index) => {
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

function checkSubscales(instrument: InstrumentDefinition, { items }: Lookups): ValidationIssue[] {
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

function checkAlerts(instrument: InstrumentDefinition, { scales, items }: Lookups): ValidationIssue[] {
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

function checkBands(instrument: InstrumentDefinition, bounds: Bounds[]): ValidationIssue[] {
  const scoredItems = bounds.length;
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
  const range = scoreRangeOf(instrument, () => bounds);
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
  const issues: ValidationIssue[] = [];
  const lookups = lookupsOf(instrument, issues);
  addDuplicates(issues, instrument.subscales, ["subscales"], "subscale");
  addDuplicates(issues, instrument.alerts, ["alerts"], "alert rule");
  addDuplicates(issues, instrument.scoring.bands, ["scoring", "bands"], "band");
  for (const found of findDuplicateLoinc(instrument)) issues.push(found);
  for (const found of checkItems(instrument, lookups)) issues.push(found);
  for (const found of checkSubscales(instrument, lookups)) issues.push(found);
  for (const found of checkAlerts(instrument, lookups)) issues.push(found);
  if (issues.length > 0) return fail(issues);
  const bounds = scoredItemBounds(instrument, lookups.bounds);
  const ruleIssues = checkMissingRule(instrument.scoring.missingData, bounds.length, ["scoring", "missingData"]);
  if (ruleIssues.length > 0) return fail(ruleIssues);
  const conversionIssues = checkConversion(instrument, bounds);
  if (conversionIssues.length > 0) return fail(conversionIssues);
  const bandIssues = checkBands(instrument, bounds);
  return bandIssues.length > 0 ? fail(bandIssues) : ok(instrument);
}
