import * as z from "zod";
import { MAX_JSON_DEPTH } from "@selfmanage/core";

function isPlain(candidate: object): boolean {
  if (Array.isArray(candidate)) return true;
  const prototype = Object.getPrototypeOf(candidate) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function isLeaf(candidate: unknown): boolean {
  return candidate === null || typeof candidate === "string" || typeof candidate === "boolean" || (typeof candidate === "number" && Number.isFinite(candidate));
}

/**
 * A copy of `value` if it is plain JSON data (text, finite numbers, true/false, null, lists and
 * plain objects, nested at most as deep as the toolkit's JSON readers allow), or `undefined` if it is not. One pass,
 * without recursion, so a deep or cyclic value cannot overflow the stack.
 */
function copyJsonData(value: unknown): JsonValue | undefined {
  if (isLeaf(value)) return value as JsonValue;
  if (typeof value !== "object" || value === null || !isPlain(value)) return undefined;
  const root: JsonValue = Array.isArray(value) ? [] : {};
  // Each entry: a source container, its copy, and its depth. Containers are copied as they are reached.
  const stack: { source: object; copy: JsonValue[] | Record<string, JsonValue>; depth: number }[] = [{ source: value, copy: root as JsonValue[] | Record<string, JsonValue>, depth: 1 }];
  while (stack.length > 0) {
    const { source, copy, depth } = stack.pop() as (typeof stack)[number];
    const keys = Array.isArray(source) ? null : Object.keys(source);
    const length = keys === null ? (source as unknown[]).length : keys.length;
    for (let index = 0; index < length; index++) {
      const key = keys === null ? index : (keys[index] as string);
      const child = (source as Record<string | number, unknown>)[key];
      let copied: JsonValue;
      if (isLeaf(child)) copied = child as JsonValue;
      else if (typeof child !== "object" || child === null || !isPlain(child) || depth >= MAX_JSON_DEPTH) return undefined;
      else {
        copied = Array.isArray(child) ? [] : {};
        stack.push({ source: child, copy: copied as JsonValue[] | Record<string, JsonValue>, depth: depth + 1 });
      }
      if (Array.isArray(copy)) copy.push(copied);
      // A `__proto__` key stays data (it is reported elsewhere), never a prototype change.
      else if (key === "__proto__") Object.defineProperty(copy, key, { value: copied, enumerable: true, writable: true, configurable: true });
      else copy[key] = copied;
    }
  }
  return root;
}

const NOT_JSON = `Must be plain JSON data: text, finite numbers, true or false, null, lists and objects, nested at most ${MAX_JSON_DEPTH} levels.`;

/**
 * One JSON value, checked and copied in a single pass. Unlike `z.json()` it is not a recursive
 * schema, so zod can compile every record that holds extensions; its JSON Schema is the usual
 * recursive one.
 */
const JsonData = z
  .unknown()
  .transform((value, context) => {
    const copy = copyJsonData(value);
    if (copy !== undefined) return copy;
    context.issues.push({ code: "custom", message: NOT_JSON, input: value, params: { code: "not_json" } });
    return z.NEVER;
  })
  .meta({
    id: "JsonValue",
    anyOf: [
      { type: "string" },
      { type: "number" },
      { type: "boolean" },
      { type: "null" },
      { type: "array", items: { $ref: "#/$defs/JsonValue" } },
      { type: "object", propertyNames: { type: "string" }, additionalProperties: { $ref: "#/$defs/JsonValue" } },
    ],
  } as Record<string, unknown>);

/**
 * What an imported record held that the model does not: kept beside the record, unchanged, so
 * that exporting the record to the standard it came from gives every value back. Keys name the
 * standard (`oruk` for Open Referral UK 3.0 and HSDS 3.x, `oruk-v1` for the older profile, `aliss`);
 * each value is that standard's residue (see {@link OrukResidue} for the Open Referral one).
 *
 * @example
 * ```ts
 * Extensions.parse({ oruk: { add: { alternate_name: "Example Counselling" } } });
 * ```
 */
export const Extensions = z
  .record(z.string().min(1).max(100), JsonData)
  .meta({
    id: "Extensions",
    title: "Extensions",
    description:
      "Fields and spellings of an imported record that the model does not hold, keyed by standard (oruk, oruk-v1, aliss), kept unchanged so that export writes them back.",
  });
/**
 * Extensions of a record (see {@link Extensions}).
 *
 * @example
 * ```ts
 * const extensions: Extensions = { aliss: { slug: "example-walking-group" } };
 * ```
 */
export type Extensions = z.infer<typeof Extensions>;

/**
 * A JSON value, as held in {@link Extensions}.
 *
 * @example
 * ```ts
 * const value: JsonValue = { id: "a", list: [1, "two", null] };
 * ```
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * How an Open Referral record differs from what the exporter writes from the model, so that the
 * export can be put back exactly as the source wrote it. It mirrors the record:
 *
 * - `add`: fields the model does not hold (e.g. `alternate_name`, `schedule_link`), as written;
 * - `swap`: fields the model holds in another form: `from` is what the exporter wrote at import
 *   time, `to` what the source had (absent when the source had no such field). A swap is applied
 *   only while the exporter still writes `from`, so an edit to the model always wins;
 * - `into`: the same for nested objects (e.g. `organization`);
 * - `rows`: for lists of objects, one entry per source row in source order: `at` names the
 *   exporter's row (by its generated id) with its own residue, or `row` holds a row the model
 *   could not hold at all; `gone` lists exporter rows the source did not have.
 *
 * @example
 * ```ts
 * const residue: OrukResidue = {
 *   swap: { id: { from: "0b2f…generated", to: "svc-17" } },
 *   rows: { schedules: [{ at: "4a5c…generated", patch: { add: { schedule_link: "https://example.org/book" } } }] },
 * };
 * ```
 */
export interface OrukResidue {
  add?: Record<string, JsonValue>;
  swap?: Record<string, { from: JsonValue; to?: JsonValue }>;
  into?: Record<string, OrukResidue>;
  rows?: Record<string, Array<{ at: string; patch?: OrukResidue } | { row: JsonValue }>>;
  gone?: Record<string, string[]>;
}
