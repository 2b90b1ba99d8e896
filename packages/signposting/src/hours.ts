import * as z from "zod";
import { IsoDate, SelfManageError, type IsoDateTime } from "@selfmanage/core";

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/**
 * A day of the week.
 *
 * @example
 * ```ts
 * Weekday.parse("saturday");
 * ```
 */
export const Weekday = z.enum(WEEKDAYS).meta({ id: "Weekday", title: "Day of the week", description: "A day of the week, monday to sunday." });
/**
 * A day of the week (see {@link Weekday}).
 *
 * @example
 * ```ts
 * const day: Weekday = "monday";
 * ```
 */
export type Weekday = z.infer<typeof Weekday>;

const OpensAt = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/)
  .meta({ description: "Opening time, HH:MM in Europe/London local time." });
const ClosesAt = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/)
  .meta({ description: "Closing time, HH:MM in Europe/London local time; 24:00 means midnight at the end of the day." });

function closesAfterOpening(period: { opens: string; closes: string }): boolean {
  // Both times are zero-padded HH:MM, so text order is time order (and 24:00 sorts last).
  return period.closes > period.opens;
}
const closesAfterOpeningIssue = {
  path: ["closes"],
  message: "The closing time must be later than the opening time. Split a period that runs past midnight into two days.",
  params: { code: "closes_before_opens" },
};

/**
 * One opening period within a day, in Europe/London local time.
 *
 * @example
 * ```ts
 * OpeningPeriod.parse({ opens: "09:30", closes: "12:30" });
 * ```
 */
export const OpeningPeriod = z
  .strictObject({ opens: OpensAt, closes: ClosesAt })
  .refine(closesAfterOpening, closesAfterOpeningIssue)
  .meta({ id: "OpeningPeriod", title: "Opening period", description: "An opening and closing time on one day, in Europe/London local time." });
/**
 * One opening period (see {@link OpeningPeriod}).
 *
 * @example
 * ```ts
 * const morning: OpeningPeriod = { opens: "09:00", closes: "12:00" };
 * ```
 */
export type OpeningPeriod = z.infer<typeof OpeningPeriod>;

/**
 * A weekly opening period: a day, times, and the dates between which it applies.
 * A day may have several periods (e.g. a morning and an afternoon session).
 *
 * @example
 * ```ts
 * WeeklyOpening.parse({ day: "tuesday", opens: "18:00", closes: "20:00", validFrom: "2026-01-06" });
 * ```
 */
export const WeeklyOpening = z
  .strictObject({
    day: Weekday,
    opens: OpensAt,
    closes: ClosesAt,
    validFrom: IsoDate.optional().meta({ description: "First date on which this period applies." }),
    validTo: IsoDate.optional().meta({ description: "Last date on which this period applies." }),
  })
  .refine(closesAfterOpening, closesAfterOpeningIssue)
  .refine((period) => period.validFrom === undefined || period.validTo === undefined || period.validTo >= period.validFrom, {
    path: ["validTo"],
    message: "The last valid date must not be before the first.",
    params: { code: "valid_to_before_valid_from" },
  })
  .meta({ id: "WeeklyOpening", title: "Weekly opening period", description: "A period on a day of the week, optionally limited to a date range." });
/**
 * A weekly opening period (see {@link WeeklyOpening}).
 *
 * @example
 * ```ts
 * const session: WeeklyOpening = { day: "friday", opens: "10:00", closes: "12:00" };
 * ```
 */
export type WeeklyOpening = z.infer<typeof WeeklyOpening>;

/**
 * Why a date differs from the weekly pattern.
 *
 * @example
 * ```ts
 * ExceptionReason.parse("bank-holiday");
 * ```
 */
export const ExceptionReason = z
  .enum(["bank-holiday", "closure", "special-opening"])
  .meta({ id: "ExceptionReason", title: "Exception reason", description: "bank-holiday, closure (e.g. staff training) or special-opening." });
/**
 * Why a date differs from the weekly pattern (see {@link ExceptionReason}).
 *
 * @example
 * ```ts
 * const reason: ExceptionReason = "closure";
 * ```
 */
export type ExceptionReason = z.infer<typeof ExceptionReason>;

/**
 * A dated exception that replaces the weekly pattern for one day: closed (no periods), or open
 * at other times. Bank holidays are dated exceptions with reason `bank-holiday`.
 *
 * @example
 * ```ts
 * ScheduleException.parse({ date: "2026-12-25", periods: [], reason: "bank-holiday" });
 * ```
 */
export const ScheduleException = z
  .strictObject({
    date: IsoDate,
    periods: z.array(OpeningPeriod).max(12).meta({ description: "Opening periods on that date; empty when closed all day." }),
    reason: ExceptionReason.optional(),
    note: z.string().min(1).max(500).optional(),
  })
  .meta({ id: "ScheduleException", title: "Schedule exception", description: "Opening on one date that replaces the weekly pattern." });
/**
 * A dated exception (see {@link ScheduleException}).
 *
 * @example
 * ```ts
 * const closed: ScheduleException = { date: "2026-01-01", periods: [], reason: "bank-holiday" };
 * ```
 */
export type ScheduleException = z.infer<typeof ScheduleException>;

/**
 * When a service is open, always in Europe/London local time (GMT in winter, BST in summer):
 * weekly periods (several a day allowed, each with optional valid-from/to dates) and dated
 * exceptions such as bank-holiday closures.
 *
 * @example
 * ```ts
 * OpeningHours.parse({
 *   weekly: [
 *     { day: "monday", opens: "09:00", closes: "12:30" },
 *     { day: "monday", opens: "13:30", closes: "17:00" },
 *   ],
 *   exceptions: [{ date: "2026-05-04", periods: [], reason: "bank-holiday" }],
 * });
 * ```
 */
export const OpeningHours = z
  .strictObject({
    weekly: z.array(WeeklyOpening).max(200),
    // The one-exception-per-date rule sits on the list itself, so hours without exceptions never pay for it.
    exceptions: z
      .array(ScheduleException)
      .max(400)
      .superRefine((exceptions, context) => {
        if (exceptions.length < 2) return;
        const seen = new Set<string>();
        for (let index = 0; index < exceptions.length; index += 1) {
          const date = (exceptions[index] as ScheduleException).date;
          if (seen.has(date)) {
            context.addIssue({ code: "custom", path: [index, "date"], message: "Each date may have only one exception.", params: { code: "duplicate_exception" } });
          }
          seen.add(date);
        }
      })
      .optional(),
    notes: z.string().min(1).max(2000).optional().meta({ description: "Anything people should know about the times, in words." }),
  })
  .meta({ id: "OpeningHours", title: "Opening hours", description: "Weekly opening periods and dated exceptions, in Europe/London local time." });
/**
 * Opening hours (see {@link OpeningHours}).
 *
 * @example
 * ```ts
 * const hours: OpeningHours = { weekly: [{ day: "wednesday", opens: "10:00", closes: "14:00" }] };
 * ```
 */
export type OpeningHours = z.infer<typeof OpeningHours>;

/**
 * Another name for {@link OpeningHours}, matching the Open Referral term "schedule".
 *
 * @example
 * ```ts
 * Schedule.parse({ weekly: [] });
 * ```
 */
export const Schedule = OpeningHours;
/**
 * Another name for {@link OpeningHours}.
 *
 * @example
 * ```ts
 * const schedule: Schedule = { weekly: [] };
 * ```
 */
export type Schedule = OpeningHours;

/**
 * A moment expressed as Europe/London wall-clock time.
 *
 * @example
 * ```ts
 * const local: LondonTime = { date: "2026-03-29", weekday: "sunday", time: "02:30" };
 * ```
 */
export interface LondonTime {
  /** The local calendar date. */
  date: IsoDate;
  /** The local day of the week. */
  weekday: Weekday;
  /** The local wall-clock time, HH:MM (00:00-23:59). */
  time: string;
}

let londonFormat: Intl.DateTimeFormat | undefined;

/**
 * The Europe/London wall-clock date, weekday and time for an instant, so that British Summer Time
 * and GMT are handled by the platform's time-zone data rather than by hand.
 *
 * @throws `SelfManageError` `invalid-argument` when the instant is not a valid date.
 * @example
 * ```ts
 * toLondonTime("2026-07-01T12:00:00Z"); // { date: "2026-07-01", weekday: "wednesday", time: "13:00" } (BST)
 * ```
 */
export function toLondonTime(instant: Date | IsoDateTime): LondonTime {
  const millis = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (!Number.isFinite(millis)) throw new SelfManageError("invalid-argument", "The instant must be a valid date and time.");
  londonFormat ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const parts: Record<string, string> = {};
  for (const part of londonFormat.formatToParts(millis)) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  // The weekday of a calendar date does not depend on the zone, so it is computed from the date itself.
  const weekday = WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7] as Weekday;
  return { date, weekday, time: `${parts.hour}:${parts.minute}` };
}

function inPeriod(period: { opens: string; closes: string }, time: string): boolean {
  // Zero-padded HH:MM strings sort in time order, so no parsing is needed.
  return period.opens <= time && time < period.closes;
}

/**
 * Whether opening hours include a Europe/London wall-clock time (see {@link toLondonTime}).
 * Use it to test many services against one instant without converting the instant each time.
 *
 * @example
 * ```ts
 * isOpenAtLondonTime({ weekly: [{ day: "monday", opens: "09:00", closes: "17:00" }] }, { date: "2026-03-02", weekday: "monday", time: "10:00" }); // true
 * ```
 */
export function isOpenAtLondonTime(hours: OpeningHours, local: LondonTime): boolean {
  const exception = hours.exceptions?.find((candidate) => candidate.date === local.date);
  if (exception !== undefined) return exception.periods.some((period) => inPeriod(period, local.time));
  return hours.weekly.some(
    (period) =>
      period.day === local.weekday &&
      (period.validFrom === undefined || period.validFrom <= local.date) &&
      (period.validTo === undefined || local.date <= period.validTo) &&
      inPeriod(period, local.time),
  );
}

/**
 * Whether a service with these opening hours is open at an instant. The instant is converted to
 * Europe/London time, so the same hours are right in GMT and in BST, including on the days the
 * clocks change. A dated exception replaces the weekly pattern for its whole date.
 *
 * @throws `SelfManageError` `invalid-argument` when the instant is not a valid date.
 * @example
 * ```ts
 * const hours: OpeningHours = { weekly: [{ day: "sunday", opens: "09:00", closes: "17:00" }] };
 * isOpenAt(hours, "2026-03-29T08:30:00Z"); // true: 09:30 BST, the day the clocks go forward
 * isOpenAt(hours, "2026-03-29T16:30:00Z"); // false: 17:30 BST
 * ```
 */
export function isOpenAt(hours: OpeningHours, instant: Date | IsoDateTime): boolean {
  return isOpenAtLondonTime(hours, toLondonTime(instant));
}
