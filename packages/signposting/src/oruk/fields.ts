import type { ExceptionReason, Weekday } from "../hours";
import { signpostingCodes } from "../codes";

/** The attribute taxonomies the package writes for model fields that ORUK has no column for. */
export const taxonomies = signpostingCodes.orukTaxonomies;

/** RFC 5545 day codes (ORUK `byday`) as the model's weekdays. */
export const WEEKDAY_CODES: Record<string, Weekday> = { MO: "monday", TU: "tuesday", WE: "wednesday", TH: "thursday", FR: "friday", SA: "saturday", SU: "sunday" };
/** The model's weekdays as RFC 5545 day codes. */
export const DAY_CODES: Record<Weekday, string> = { monday: "MO", tuesday: "TU", wednesday: "WE", thursday: "TH", friday: "FR", saturday: "SA", sunday: "SU" };

/** How a dated exception's reason is written in a schedule row's description. */
export const EXCEPTION_LABELS: Record<ExceptionReason, string> = { "bank-holiday": "Bank holiday", closure: "Closed", "special-opening": "Special opening" };

/** The first address line of a confidential place, whose real address is never exported. */
export const WITHHELD_ADDRESS = "Address withheld for safety";
/** Where a GSS code is published; the exporter writes it as the area's `uri`. */
export const GSS_URI = "http://statistics.gov.scot/id/statistical-geography/";
/** The `uri` of a radius area centred on one of the service's locations. */
export const LOCATION_URN = "urn:selfmanage:location:";
/** The taxonomy of an attribute term that names none. */
export const UNSPECIFIED_TAXONOMY = "urn:oruk:unspecified";
/** The key of Open Referral residues in a record's extensions. */
export const ORUK_EXTENSION = "oruk";
/** The key of ORUK v1 fields with no 3.0 counterpart in a record's extensions. */
export const ORUK_V1_EXTENSION = "oruk-v1";

/**
 * The kinds of ORUK record the importer reads.
 *
 * @example
 * ```ts
 * const kind: RecordKind = "service-at-location";
 * ```
 */
export type RecordKind = "service" | "organisation" | "service-at-location" | "location" | "other";

/**
 * What kind of ORUK record an object is, from the fields it carries.
 *
 * @example
 * ```ts
 * recordKind({ id: "x", name: "y", status: "active" }); // "service"
 * ```
 */
export function recordKind(record: Record<string, unknown>): RecordKind {
  if (typeof record.service === "object" && record.service !== null && typeof record.location === "object" && record.location !== null) return "service-at-location";
  if ("status" in record || "service_at_locations" in record || "organization" in record || "organization_id" in record) return "service";
  if ("services" in record || "organization_identifiers" in record || "website" in record || "logo" in record) return "organisation";
  if ("location_type" in record) return "location";
  return "other";
}
