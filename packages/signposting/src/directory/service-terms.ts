import * as z from "zod";
import { IsoDate } from "@selfmanage/core";
import { CommunityGroup } from "../codes";
import { Name, Text } from "./common";

/**
 * Whether a service is running: `active`, `inactive`, `defunct` or `temporarily-closed`
 * (Open Referral's four statuses).
 *
 * @example
 * ```ts
 * ServiceStatus.parse("temporarily-closed");
 * ```
 */
export const ServiceStatus = z
  .enum(["active", "inactive", "defunct", "temporarily-closed"])
  .meta({ id: "ServiceStatus", title: "Service status", description: "active, inactive, defunct or temporarily-closed." });
/**
 * A service status (see {@link ServiceStatus}).
 *
 * @example
 * ```ts
 * const status: ServiceStatus = "active";
 * ```
 */
export type ServiceStatus = z.infer<typeof ServiceStatus>;

/**
 * How people get into a service: refer themselves, be referred by a professional, book an
 * appointment, or drop in.
 *
 * @example
 * ```ts
 * AccessRoute.parse("self-referral");
 * ```
 */
export const AccessRoute = z
  .enum(["self-referral", "referral", "appointment", "drop-in"])
  .meta({ id: "AccessRoute", title: "Access route", description: "self-referral, referral (by a professional), appointment or drop-in." });
/**
 * An access route (see {@link AccessRoute}).
 *
 * @example
 * ```ts
 * const route: AccessRoute = "drop-in";
 * ```
 */
export type AccessRoute = z.infer<typeof AccessRoute>;

/**
 * How people take part: in person, by phone, online, or through a home visit.
 *
 * @example
 * ```ts
 * AttendingType.parse("online");
 * ```
 */
export const AttendingType = z
  .enum(["in-person", "phone", "online", "home-visit"])
  .meta({ id: "AttendingType", title: "Attending type", description: "in-person, phone, online or home-visit." });
/**
 * An attending type (see {@link AttendingType}).
 *
 * @example
 * ```ts
 * const attending: AttendingType = "home-visit";
 * ```
 */
export type AttendingType = z.infer<typeof AttendingType>;

/**
 * Who a service is for: an age range (inclusive, in whole years), community groups, and any other
 * criteria in words.
 *
 * @example
 * ```ts
 * Eligibility.parse({ minimumAge: 16, maximumAge: 25, communityGroups: ["young-people"] });
 * ```
 */
export const Eligibility = z
  .strictObject({
    minimumAge: z.number().int().min(0).max(130).optional().meta({ description: "Youngest age served, in years (inclusive)." }),
    maximumAge: z.number().int().min(0).max(130).optional().meta({ description: "Oldest age served, in years (inclusive)." }),
    communityGroups: z.array(CommunityGroup).max(20).optional(),
    description: Text.optional().meta({ description: "Other criteria, in words." }),
  })
  .refine((eligibility) => eligibility.minimumAge === undefined || eligibility.maximumAge === undefined || eligibility.maximumAge >= eligibility.minimumAge, {
    path: ["maximumAge"],
    message: "The maximum age must not be below the minimum age.",
    params: { code: "age_range_reversed" },
  })
  .meta({ id: "Eligibility", title: "Eligibility", description: "Who a service is for." });
/**
 * Eligibility criteria (see {@link Eligibility}).
 *
 * @example
 * ```ts
 * const eligibility: Eligibility = { minimumAge: 18 };
 * ```
 */
export type Eligibility = z.infer<typeof Eligibility>;

/**
 * One priced option of a service, e.g. "per one-hour session".
 *
 * @example
 * ```ts
 * CostOption.parse({ label: "Under 18s", amount: 0, currency: "GBP" });
 * ```
 */
export const CostOption = z
  .strictObject({
    label: Name.optional().meta({ description: "Who or what the price applies to." }),
    amount: z.number().min(0).max(1_000_000).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional().meta({ description: "ISO 4217 currency code, e.g. GBP." }),
    amountDescription: Name.optional().meta({ description: "What the amount buys, e.g. per session." }),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.optional(),
  })
  .meta({ id: "CostOption", title: "Cost option", description: "A priced option of a service." });
/**
 * A priced option (see {@link CostOption}).
 *
 * @example
 * ```ts
 * const option: CostOption = { amount: 5, currency: "GBP", amountDescription: "per class" };
 * ```
 */
export type CostOption = z.infer<typeof CostOption>;

/**
 * What a service costs the person: free, discounted (e.g. concessions) or paid, with priced options.
 *
 * @example
 * ```ts
 * Cost.parse({ kind: "free" });
 * ```
 */
export const Cost = z
  .strictObject({
    kind: z.enum(["free", "discounted", "paid"]).optional().meta({ description: "free, discounted or paid; absent when a source did not say." }),
    options: z.array(CostOption).optional(),
    description: Text.optional().meta({ description: "Charges in words." }),
  })
  .meta({ id: "Cost", title: "Cost", description: "What a service costs the person." });
/**
 * What a service costs (see {@link Cost}).
 *
 * @example
 * ```ts
 * const cost: Cost = { kind: "paid", options: [{ amount: 35, currency: "GBP" }] };
 * ```
 */
export type Cost = z.infer<typeof Cost>;
