import * as z from "zod";

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
  .record(z.string().min(1).max(100), z.json())
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
