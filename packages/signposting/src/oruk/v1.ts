import type { PathSegment } from "@selfmanage/core";
import type { AccessRoute, AttendingType } from "../directory";
import type { JsonValue } from "../extensions";
import { setOwn } from "../residue";
import { isObject, type Json } from "../mapping";

/**
 * How ORUK v1 words for attending and access map onto the model: a data table, checked against
 * the values two councils' v1 feeds actually use (see the tests). Words not listed stay in the
 * record's `oruk-v1` extensions.
 */
export const orukV1Vocabulary = {
  attendingType: { Venue: "in-person", Phone: "phone", Online: "online", "Home visit": "home-visit" } satisfies Record<string, AttendingType>,
  attendingAccess: { "Self referral": "self-referral", Appointment: "appointment", "Drop-in": "drop-in", "Professional referral": "referral" } satisfies Record<string, AccessRoute>,
} as const;

/** Service fields of ORUK v1 with no ORUK 3.0 column. */
const V1_SERVICE_FIELDS = ["deliverable_type", "attending_type", "attending_access"];
/** Organisation fields renamed in 3.0. */
const V1_ORGANISATION_RENAMES: Record<string, string> = { url: "website" };

/**
 * Whether a record is written in ORUK v1 (the profile before 3.0, which councils still serve):
 * it carries v1's service fields (`deliverable_type`, `attending_type`, `attending_access`), a
 * vendor field (`pc_…`), or an organisation with `url` where 3.0 has `website`.
 *
 * @example
 * ```ts
 * isOrukV1Record({ id: "x", name: "y", status: "active", deliverable_type: "" }); // true
 * ```
 */
export function isOrukV1Record(record: Json): boolean {
  if (V1_SERVICE_FIELDS.some((field) => field in record) || Object.keys(record).some((field) => field.startsWith("pc_"))) return true;
  const organisation = record.organization;
  return isObject(organisation) && "url" in organisation && !("website" in organisation);
}

/**
 * A change the conversion from v1 made, at its v1 path.
 *
 * @example
 * ```ts
 * const change: V1Change = { path: ["organization", "url"], code: "v1_renamed" };
 * ```
 */
export interface V1Change {
  path: PathSegment[];
  code: "v1_renamed" | "v1_kept" | "v1_mapped" | "empty_value";
}

/**
 * An ORUK v1 record as 3.0: what the 3.0 importer reads, what has no 3.0 place, and what changed.
 *
 * @example
 * ```ts
 * const conversion: V1Conversion = convertOrukV1({ id: "x", name: "Walk", status: "active" });
 * ```
 */
export interface V1Conversion {
  record: Json;
  attending: AttendingType[];
  accessRoutes: AccessRoute[];
  /** v1 fields with no 3.0 place, as written, for the record's `oruk-v1` extensions. */
  kept: { [key: string]: JsonValue };
  changes: V1Change[];
}

function withoutEmpty(value: Json, path: PathSegment[], changes: V1Change[]): Json {
  const result: Json = {};
  for (const [field, inner] of Object.entries(value)) {
    if (inner === "" || inner === null) {
      if (inner === "") changes.push({ path: [...path, field], code: "empty_value" });
      continue;
    }
    setOwn(result, field, inner);
  }
  return result;
}

/**
 * Convert an ORUK v1 service record into the 3.0 shape: empty strings (v1's "no value") are
 * left out, the organisation's `url` becomes `website`, attending words map onto the model,
 * and fields with no 3.0 place (`deliverable_type`, `pc_metadata`, ...) are kept aside.
 *
 * @example
 * ```ts
 * convertOrukV1({ id: "x", name: "Walk", status: "active", url: "", attending_type: "Venue", organization: { id: "o", name: "Org", url: "https://example.org" } }).record.organization;
 * // { id: "o", name: "Org", website: "https://example.org" }
 * ```
 */
export function convertOrukV1(raw: Json): V1Conversion {
  const changes: V1Change[] = [];
  const kept: { [key: string]: JsonValue } = {};
  const record = withoutEmpty(raw, [], changes);
  const attending: AttendingType[] = [];
  const accessRoutes: AccessRoute[] = [];
  for (const field of Object.keys(record)) {
    if (!V1_SERVICE_FIELDS.includes(field) && !field.startsWith("pc_")) continue;
    const value = record[field];
    delete record[field];
    const mapped =
      field === "attending_type" && typeof value === "string"
        ? (orukV1Vocabulary.attendingType as Record<string, AttendingType>)[value.trim()]
        : field === "attending_access" && typeof value === "string"
          ? (orukV1Vocabulary.attendingAccess as Record<string, AccessRoute>)[value.trim()]
          : undefined;
    if (mapped !== undefined) {
      if (field === "attending_type") attending.push(mapped as AttendingType);
      else accessRoutes.push(mapped as AccessRoute);
      changes.push({ path: [field], code: "v1_mapped" });
    } else {
      setOwn(kept, field, value);
      changes.push({ path: [field], code: "v1_kept" });
    }
  }
  if (isObject(record.organization)) {
    const organisation = withoutEmpty(record.organization, ["organization"], changes);
    for (const [from, to] of Object.entries(V1_ORGANISATION_RENAMES)) {
      if (!(from in organisation)) continue;
      if (!(to in organisation)) organisation[to] = organisation[from];
      delete organisation[from];
      changes.push({ path: ["organization", from], code: "v1_renamed" });
    }
    record.organization = organisation;
  }
  return { record, attending, accessRoutes, kept, changes };
}
