import { IsoDateTime, PersonReference, Provenance, isIdentifier, safeParseResult } from "@selfmanage/core";
import type { InstrumentDefinition } from "./instrument";
import type { InstrumentResponse, ItemLookups } from "./response";

// The optional fields after `id` (checked on its own, without a parse), in schema order.
const OPTIONAL_FIELDS = [
  ["respondent", PersonReference],
  ["completedAt", IsoDateTime],
  ["recorded", Provenance],
] as const;
const REQUIRED_FIELDS = new Set(["instrumentId", "instrumentVersion", "answers"]);
const OPTIONAL_NAMES = new Set(["id", ...OPTIONAL_FIELDS.map(([field]) => field)]);

/** Whether an instrument's items are all shown and optional: then any set of answers on its scales is complete. */
const allOptionalAndShown = new WeakMap<ItemLookups, boolean>();
function needsShownCheck(lookups: ItemLookups): boolean {
  let simple = allOptionalAndShown.get(lookups);
  if (simple === undefined) {
    simple = lookups.list.every((lookup) => !lookup.required && lookup.conditionItemId === undefined);
    allOptionalAndShown.set(lookups, simple);
  }
  return !simple;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * The fields of a response other than its answers, checked quickly without building anything:
 * the exact instrument and version, no unknown fields, and the optional fields valid. Returns
 * the answers object (plain, not yet checked), or `undefined` for anything it does not accept.
 *
 * @example
 * ```ts
 * const answers = checkResponseFields(instrument, input);
 * if (answers !== undefined) Object.keys(answers); // item ids, still to be checked
 * ```
 */
export function checkResponseFields(instrument: InstrumentDefinition, input: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(input)) return undefined;
  if (input.instrumentId !== instrument.id || input.instrumentVersion !== instrument.version) return undefined;
  let optional = 0;
  for (const field in input) {
    if (!Object.hasOwn(input, field)) return undefined;
    if (REQUIRED_FIELDS.has(field)) continue;
    if (!OPTIONAL_NAMES.has(field)) return undefined;
    optional++;
  }
  const answers = input.answers;
  if (!isPlainObject(answers)) return undefined;
  if (optional > 0 && Object.hasOwn(input, "id")) {
    if (!isIdentifier(input.id)) return undefined;
    optional--;
  }
  if (optional > 0) {
    for (const [field, schema] of OPTIONAL_FIELDS) {
      if (Object.hasOwn(input, field) && (input[field] === undefined || !safeParseResult(schema, input[field]).ok)) return undefined;
    }
  }
  return answers;
}

/**
 * A fast yes for a response that is valid against this exact instrument, checked against the
 * instrument's own item ids and option codes (already valid identifiers, so an answer that is
 * one of them is one too). Returns the response as the schema would output it (fields in schema
 * order, fresh objects), or `undefined` for anything it does not accept; the caller then runs
 * the full validation, which reports the issues. It never accepts what the full validation would
 * reject (a property test checks the two agree).
 *
 * @example
 * ```ts
 * const accepted = checkResponseQuickly(instrument, buildItemLookups(instrument), input);
 * const result = accepted === undefined ? validateResponse(instrument, input) : ok(accepted);
 * ```
 */
export function checkResponseQuickly(instrument: InstrumentDefinition, lookups: ItemLookups, input: unknown): InstrumentResponse | undefined {
  const answers = checkResponseFields(instrument, input);
  if (answers === undefined) return undefined;
  const copy: Record<string, string> = {};
  for (const itemId in answers) {
    if (!Object.hasOwn(answers, itemId)) return undefined;
    const code = answers[itemId];
    const lookup = lookups.byId.get(itemId);
    if (lookup === undefined || typeof code !== "string" || !lookup.codes.has(code)) return undefined;
    copy[itemId] = code;
  }
  if (needsShownCheck(lookups)) for (const lookup of lookups.list) {
    const shown = lookup.conditionItemId === undefined || (copy[lookup.conditionItemId] !== undefined && (lookup.conditionCodes as ReadonlySet<string>).has(copy[lookup.conditionItemId] as string));
    const answered = Object.hasOwn(copy, lookup.id);
    if (shown ? lookup.required && !answered : answered) return undefined;
  }
  // Accepted: the output in schema order. Text fields are output as they are; a provenance is
  // parsed again for its fresh copy.
  const given = input as Record<string, unknown>;
  const response: Record<string, unknown> = { instrumentId: instrument.id, instrumentVersion: instrument.version };
  if (Object.hasOwn(given, "id")) response.id = given.id;
  if (Object.hasOwn(given, "respondent")) response.respondent = given.respondent;
  if (Object.hasOwn(given, "completedAt")) response.completedAt = given.completedAt;
  if (Object.hasOwn(given, "recorded")) {
    const recorded = safeParseResult(Provenance, given.recorded);
    /* v8 ignore next -- checkResponseFields has just accepted it */
    if (!recorded.ok) return undefined;
    response.recorded = recorded.value;
  }
  response.answers = copy;
  return response as InstrumentResponse;
}
