import * as z from "zod";

/**
 * A calendar date in ISO 8601 form, `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * IsoDate.parse("2026-03-01");
 * ```
 */
export const IsoDate = z.iso.date().meta({ id: "IsoDate", title: "Date", description: "A calendar date, YYYY-MM-DD (ISO 8601)." });

/**
 * A calendar date string (see {@link IsoDate}).
 *
 * @example
 * ```ts
 * const due: IsoDate = "2026-04-30";
 * ```
 */
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * An instant in ISO 8601 form with seconds and a time-zone offset (`Z` or `±HH:MM`),
 * so that it means the same moment everywhere.
 *
 * @example
 * ```ts
 * IsoDateTime.parse("2026-03-29T01:30:00+01:00");
 * ```
 */
export const IsoDateTime = z.iso
  .datetime({ offset: true })
  .meta({ id: "IsoDateTime", title: "Date and time", description: "An instant with a time-zone offset, e.g. 2026-03-01T09:30:00+00:00 (ISO 8601)." });

/**
 * An instant string with offset (see {@link IsoDateTime}).
 *
 * @example
 * ```ts
 * const at: IsoDateTime = "2026-03-01T09:30:00Z";
 * ```
 */
export type IsoDateTime = z.infer<typeof IsoDateTime>;

const DAY_MS = 86_400_000;

/**
 * Milliseconds since the Unix epoch for a date (midnight UTC) or a date-time.
 *
 * @example
 * ```ts
 * toEpochMillis("1970-01-02"); // 86400000
 * ```
 */
export function toEpochMillis(value: IsoDate | IsoDateTime): number {
  return Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/**
 * The calendar date (UTC) on which an instant falls, or the date itself.
 *
 * @example
 * ```ts
 * toIsoDate("2026-03-01T23:30:00-02:00"); // "2026-03-02"
 * ```
 */
export function toIsoDate(value: IsoDate | IsoDateTime | Date): IsoDate {
  const millis = value instanceof Date ? value.getTime() : toEpochMillis(value);
  return new Date(millis).toISOString().slice(0, 10);
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier), counting calendar dates.
 *
 * @example
 * ```ts
 * daysBetween("2026-03-01", "2026-03-15"); // 14
 * ```
 */
export function daysBetween(from: IsoDate | IsoDateTime, to: IsoDate | IsoDateTime): number {
  return Math.round((toEpochMillis(toIsoDate(to)) - toEpochMillis(toIsoDate(from))) / DAY_MS);
}

/**
 * The date `days` days after `date` (before, when negative).
 *
 * @example
 * ```ts
 * addDays("2026-02-27", 2); // "2026-03-01"
 * ```
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toEpochMillis(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Compare two dates or instants: negative when `a` is earlier, 0 when equal, positive when later.
 *
 * @example
 * ```ts
 * ["2026-03-02", "2026-03-01"].sort(compareDates); // ["2026-03-01", "2026-03-02"]
 * ```
 */
export function compareDates(a: IsoDate | IsoDateTime, b: IsoDate | IsoDateTime): number {
  return toEpochMillis(a) - toEpochMillis(b);
}
