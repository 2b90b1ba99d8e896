import * as z from "zod";
import { Identifier, IsoDateTime, PersonReference, Provenance, fail, issue, ok, safeParseResult, type Result, type ValidationIssue } from "@selfmanage/core";
import { SemanticVersion, type InstrumentDefinition } from "./instrument";

/**
 * One person's answers to one version of an instrument: item id to option code.
 * Items left blank are simply absent.
 *
 * @example
 * ```ts
 * InstrumentResponse.parse({
 *   instrumentId: "service-experience",
 *   instrumentVersion: "1.0.0",
 *   respondent: "person-7f3a9c",
 *   completedAt: "2026-03-01T10:00:00Z",
 *   answers: { "right-help-right-time": "agree" },
 * });
 * ```
 */
export const InstrumentResponse = z
  .strictObject({
    instrumentId: Identifier,
    instrumentVersion: SemanticVersion,
    id: Identifier.optional(),
    respondent: PersonReference.optional(),
    completedAt: IsoDateTime.optional(),
    recorded: Provenance.optional(),
    answers: z.record(Identifier, Identifier).meta({ description: "Item id to the chosen option code. Leave an item out when it was not answered." }),
  })
  .meta({ id: "InstrumentResponse", title: "Instrument response", description: "One person's answers to one version of an instrument." });

/**
 * A response to an instrument (see {@link InstrumentResponse}).
 *
 * @example
 * ```ts
 * const response: InstrumentResponse = { instrumentId: "phq-style", instrumentVersion: "1.0.0", answers: { q1: "2" } };
 * ```
 */
export type InstrumentResponse = z.infer<typeof InstrumentResponse>;

/**
 * Facts about one item that validation needs, built once per instrument.
 *
 * @example
 * ```ts
 * const lookups: ItemLookup[] = buildItemLookups(serviceExperienceQuestionnaire).list;
 * ```
 */
export interface ItemLookup {
  readonly id: string;
  readonly codes: ReadonlySet<string>;
  readonly conditionItemId: string | undefined;
  readonly conditionCodes: ReadonlySet<string> | undefined;
  readonly required: boolean;
}

/**
 * The item lookups of an instrument, in item order and by id.
 *
 * @example
 * ```ts
 * const lookups: ItemLookups = buildItemLookups(serviceExperienceQuestionnaire);
 * ```
 */
export interface ItemLookups {
  readonly list: readonly ItemLookup[];
  readonly byId: ReadonlyMap<string, ItemLookup>;
}

/**
 * Build the item lookups of an instrument that is already known to be valid.
 *
 * @example
 * ```ts
 * buildItemLookups(serviceExperienceQuestionnaire).byId.has("right-help-right-time"); // true
 * ```
 */
export function buildItemLookups(instrument: InstrumentDefinition): ItemLookups {
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale]));
  const list = instrument.items.map((item) => ({
    id: item.id,
    codes: new Set((scales.get(item.scale)?.options ?? []).map((option) => option.code)),
    conditionItemId: item.showWhen?.itemId,
    conditionCodes: item.showWhen === undefined ? undefined : new Set(item.showWhen.anyOf),
    required: item.required === true,
  }));
  return { list, byId: new Map(list.map((lookup) => [lookup.id, lookup])) };
}

/**
 * Check a parsed response against the instrument: the exact version, known items, codes on scale, shown items, required items.
 *
 * @example
 * ```ts
 * checkResponse(instrument, buildItemLookups(instrument), { instrumentId: instrument.id, instrumentVersion: instrument.version, answers: {} });
 * ```
 */
export function checkResponse(instrument: InstrumentDefinition, lookups: ItemLookups, response: InstrumentResponse): Result<InstrumentResponse> {
  const issues: ValidationIssue[] = [];
  if (response.instrumentId !== instrument.id) {
    issues.push(issue(["instrumentId"], "wrong_instrument", "This response belongs to a different instrument."));
    return fail(issues);
  }
  if (response.instrumentVersion !== instrument.version) {
    issues.push(issue(["instrumentVersion"], "wrong_version", "This response was given to a different version of the instrument: score it with that version."));
    return fail(issues);
  }
  const known = lookups.byId;
  const answers = response.answers;
  for (const itemId of Object.keys(answers)) {
    const lookup = known.get(itemId);
    if (lookup === undefined) issues.push(issue(["answers", itemId], "unknown_item", "This item is not part of the instrument."));
    else if (!lookup.codes.has(answers[itemId] as string)) issues.push(issue(["answers", itemId], "not_on_scale", "This answer is not one of the options on the item's scale."));
  }
  for (const lookup of lookups.list) {
    const shown = isShown(lookup, answers);
    const answered = Object.hasOwn(answers, lookup.id);
    if (!shown && answered) issues.push(issue(["answers", lookup.id], "not_shown", "This item was not shown, because of an earlier answer, so it must not be answered."));
    if (shown && !answered && lookup.required) issues.push(issue(["answers", lookup.id], "required", "This item is required and was shown, so it needs an answer."));
  }
  return issues.length > 0 ? fail(issues) : ok(response);
}

/**
 * Whether an item is shown, given the answers.
 *
 * @example
 * ```ts
 * isShown(buildItemLookups(instrument).list[0], { q1: "yes" }); // true: the first item has no condition
 * ```
 */
export function isShown(lookup: ItemLookup, answers: Readonly<Record<string, string>>): boolean {
  if (lookup.conditionItemId === undefined) return true;
  const earlier = answers[lookup.conditionItemId];
  return earlier !== undefined && (lookup.conditionCodes as ReadonlySet<string>).has(earlier);
}

/**
 * Validate a response against its exact instrument and version: its shape, then unknown items,
 * answers that are not on the item's scale, answers to items that were not shown, missing
 * required answers and a wrong instrument or version, each an issue with a path.
 *
 * @remarks
 * The instrument is assumed to be valid (see {@link validateInstrument}). To validate many
 * responses, compile the instrument once with {@link compileInstrument} and use its `validate`.
 *
 * @example
 * ```ts
 * const result = validateResponse(serviceExperienceQuestionnaire, JSON.parse(text));
 * if (!result.ok) result.issues.forEach((problem) => console.warn(formatIssue(problem)));
 * ```
 */
export function validateResponse(instrument: InstrumentDefinition, input: unknown): Result<InstrumentResponse> {
  const parsed = safeParseResult(InstrumentResponse, input);
  if (!parsed.ok) return parsed;
  return checkResponse(instrument, buildItemLookups(instrument), parsed.value);
}
