import * as z from "zod";
import { Identifier, LanguageTag, fail, issue, safeParseResult, type Result, type ValidationIssue } from "@selfmanage/core";
import { SemanticVersion, validateInstrument, type InstrumentDefinition } from "./instrument";

const Text = z.string().trim().min(1).max(2000);

/**
 * The wording a service is licensed to use for an instrument, in one language: the text of
 * every item and, optionally, the title, the description and the labels of response options
 * (by scale id, then option code). The ready-made definitions ship with placeholder labels
 * ("PHQ-9 item 1"); this is how the real wording goes in.
 *
 * @example
 * ```ts
 * InstrumentWording.parse({ instrumentId: "phq-2", language: "en", items: { "item-1": "Licensed wording of item 1", "item-2": "Licensed wording of item 2" } });
 * ```
 */
export const InstrumentWording = z
  .strictObject({
    instrumentId: Identifier,
    instrumentVersion: SemanticVersion.optional().meta({ description: "When given, the wording is for this version only." }),
    language: LanguageTag,
    title: Text.optional(),
    description: Text.optional(),
    items: z.record(Identifier, Text).meta({ description: "Item id to the item's wording. Every item of the definition must have one." }),
    options: z
      .record(Identifier, z.record(Identifier, Text))
      .optional()
      .meta({ description: "Scale id to (option code to label). A scale given here must have a label for every option." }),
  })
  .meta({ id: "InstrumentWording", title: "Instrument wording", description: "A service's licensed wording for an instrument, in one language." });

/**
 * Licensed wording for an instrument (see {@link InstrumentWording}).
 *
 * @example
 * ```ts
 * const welsh: InstrumentWording = { instrumentId: "gad-2", language: "cy", items: { "item-1": "…", "item-2": "…" } };
 * ```
 */
export type InstrumentWording = z.infer<typeof InstrumentWording>;

function checkCoverage(definition: InstrumentDefinition, wording: InstrumentWording): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (wording.instrumentId !== definition.id) {
    return [issue(["instrumentId"], "wrong_instrument", "This wording is for another instrument than the definition it is applied to.")];
  }
  if (wording.instrumentVersion !== undefined && wording.instrumentVersion !== definition.version) {
    return [issue(["instrumentVersion"], "wrong_version", "This wording is for another version of the instrument.")];
  }
  const itemIds = new Set(definition.items.map((item) => item.id));
  for (const item of definition.items) {
    if (wording.items[item.id] === undefined) issues.push(issue(["items", item.id], "missing_wording", "The wording must cover every item: this item has none."));
  }
  for (const itemId of Object.keys(wording.items)) {
    if (!itemIds.has(itemId)) issues.push(issue(["items", itemId], "unknown_item", "This item id is not one of the definition's items."));
  }
  const scales = new Map(definition.scales.map((scale) => [scale.id, scale]));
  for (const [scaleId, labels] of Object.entries(wording.options ?? {})) {
    const scale = scales.get(scaleId);
    if (scale === undefined) {
      issues.push(issue(["options", scaleId], "unknown_scale", "This scale id is not one of the definition's scales."));
      continue;
    }
    const codes = new Set(scale.options.map((option) => option.code));
    for (const option of scale.options) {
      if (labels[option.code] === undefined) issues.push(issue(["options", scaleId, option.code], "missing_wording", "A scale given in the wording needs a label for every option: this option has none."));
    }
    for (const code of Object.keys(labels)) {
      if (!codes.has(code)) issues.push(issue(["options", scaleId, code], "unknown_option", "This option code is not on the scale."));
    }
  }
  return issues;
}

/**
 * Apply a service's licensed wording to an instrument definition, after checking that it covers
 * every item (and every option of each scale it labels). Returns a new definition with the
 * wording set in the wording's language; English wording replaces the placeholder labels.
 * Scoring, bands, alerts and sources are untouched. Apply once per language.
 *
 * @remarks
 * The result is validated with {@link validateInstrument}. Issues name the item, scale or
 * option that is missing or unknown, never the wording itself.
 *
 * @example
 * ```ts
 * const worded = applyInstrumentWording(phq2, {
 *   instrumentId: "phq-2",
 *   language: "en",
 *   items: { "item-1": "Wording of item 1 from our licence", "item-2": "Wording of item 2 from our licence" },
 * });
 * if (worded.ok) worded.value.items[0]?.text.en; // "Wording of item 1 from our licence"
 * ```
 */
export function applyInstrumentWording(definition: InstrumentDefinition, input: unknown): Result<InstrumentDefinition> {
  const parsed = safeParseResult(InstrumentWording, input);
  if (!parsed.ok) return parsed;
  const wording = parsed.value;
  const issues = checkCoverage(definition, wording);
  if (issues.length > 0) return fail(issues);
  const language = wording.language;
  const withText = <T extends { en: string }>(text: T, value: string | undefined): T => (value === undefined ? text : { ...text, [language]: value });
  const worded: InstrumentDefinition = {
    ...definition,
    title: withText(definition.title, wording.title),
    ...(wording.description === undefined ? {} : { description: withText(definition.description ?? { en: wording.description }, wording.description) }),
    scales: definition.scales.map((scale) => {
      const labels = wording.options?.[scale.id];
      return labels === undefined ? scale : { ...scale, options: scale.options.map((option) => ({ ...option, label: withText(option.label, labels[option.code]) })) };
    }),
    items: definition.items.map((item) => ({ ...item, text: withText(item.text, wording.items[item.id]) })),
  };
  return validateInstrument(worded);
}
