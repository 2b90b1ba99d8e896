import * as z from "zod";
import { SelfManageError, type IsoDate } from "@selfmanage/core";

/**
 * How long each reporting period is: a calendar `month`, `quarter`, `half-year` or `year`.
 *
 * @example
 * ```ts
 * PeriodLength.parse("quarter");
 * ```
 */
export const PeriodLength = z
  .enum(["month", "quarter", "half-year", "year"])
  .meta({ id: "PeriodLength", title: "Period length", description: "month, quarter, half-year or year." });

/**
 * How long each reporting period is (see {@link PeriodLength}).
 *
 * @example
 * ```ts
 * const length: PeriodLength = "half-year";
 * ```
 */
export type PeriodLength = z.infer<typeof PeriodLength>;

const MONTHS: Readonly<Record<PeriodLength, number>> = { month: 1, quarter: 3, "half-year": 6, year: 12 };
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/**
 * A reporting period: an id (the ISO 8601 interval `start/end`), its first and last days, and
 * a label for readers.
 *
 * @example
 * ```ts
 * const spring: Period = { id: "2026-04-01/2026-06-30", start: "2026-04-01", end: "2026-06-30", label: "April to June 2026" };
 * ```
 */
export interface Period {
  /** The ISO 8601 interval of the period's first and last days, e.g. `2026-01-01/2026-03-31`. */
  readonly id: string;
  /** The first day. */
  readonly start: IsoDate;
  /** The last day. */
  readonly end: IsoDate;
  /** For readers, e.g. "January to March 2026" or "April 2025 to March 2026". */
  readonly label: string;
}

function monthStart(absolute: number): IsoDate {
  const year = Math.floor(absolute / 12);
  return `${String(year).padStart(4, "0")}-${String((absolute % 12) + 1).padStart(2, "0")}-01`;
}

function monthEnd(absolute: number): IsoDate {
  const year = Math.floor(absolute / 12);
  const month = absolute % 12;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(days).padStart(2, "0")}`;
}

function describe(first: number, last: number): string {
  const name = (absolute: number) => MONTH_NAMES[absolute % 12] as string;
  const year = (absolute: number) => Math.floor(absolute / 12);
  if (first === last) return `${name(first)} ${year(first)}`;
  if (year(first) === year(last)) return `${name(first)} to ${name(last)} ${year(last)}`;
  return `${name(first)} ${year(first)} to ${name(last)} ${year(last)}`;
}

/**
 * The reporting period a date falls in. Quarters, half-years and years start in January
 * unless `firstMonth` says otherwise (4 for the UK financial year).
 *
 * @throws `SelfManageError` (from `@selfmanage/core`) with code `invalid-argument` when `firstMonth` is not 1 to 12 or the date cannot be read.
 * @example
 * ```ts
 * periodOf("2026-05-14", "quarter").label; // "April to June 2026"
 * periodOf("2026-02-14", "year", 4).id; // "2025-04-01/2026-03-31"
 * ```
 */
export function periodOf(date: IsoDate, length: PeriodLength, firstMonth = 1): Period {
  if (!Number.isInteger(firstMonth) || firstMonth < 1 || firstMonth > 12) throw new SelfManageError("invalid-argument", "firstMonth must be a whole number from 1 to 12.");
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (match === null) throw new SelfManageError("invalid-argument", "The date must be in the form YYYY-MM-DD.");
  const absolute = Number(match[1]) * 12 + Number(match[2]) - 1;
  const months = MONTHS[length];
  const anchor = firstMonth - 1;
  const first = anchor + Math.floor((absolute - anchor) / months) * months;
  const last = first + months - 1;
  const start = monthStart(first);
  const end = monthEnd(last);
  return { id: `${start}/${end}`, start, end, label: describe(first, last) };
}
