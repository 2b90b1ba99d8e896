import type { PathSegment } from "@selfmanage/core";

/**
 * What the ORUK 3.0 schema says of one field: its JSON type, whether it is required, its format and allowed values.
 *
 * @example
 * ```ts
 * const rule: ProfileRule = { type: "string", format: "uri" };
 * ```
 */
export interface ProfileRule {
  type: "string" | "number" | "integer" | "boolean" | "object" | "array";
  required?: true;
  format?: "uri" | "email" | "date" | "date-time";
  enum?: readonly string[];
}

/**
 * The rules of the ORUK 3.0 compiled `service` schema (HSDS 3.1 for fields ORUK does not list) for
 * every field the importer reads, by path inside a service (list positions as `*`). It decides
 * which faults refuse a record: only a value that breaks these rules does; anything else the model
 * cannot hold is set aside and kept. A test derives the table from the real schemas and compares.
 * UUID formats are left out: the model takes any identifier.
 */
export const orukProfileRules: Readonly<Record<string, ProfileRule>> = {
  "id": { type: "string", required: true },
  "name": { type: "string", required: true },
  "status": { type: "string", required: true, enum: ["active", "inactive", "defunct", "temporarily closed"] },
  "organization_id": { type: "string" },
  "description": { type: "string" },
  "url": { type: "string", format: "uri" },
  "email": { type: "string", format: "email" },
  "assured_date": { type: "string" },
  "assurer_email": { type: "string", format: "email" },
  "last_modified": { type: "string", format: "date-time" },
  "alert": { type: "string" },
  "accreditations": { type: "string" },
  "fees": { type: "string" },
  "minimum_age": { type: "number" },
  "maximum_age": { type: "number" },
  "organization": { type: "object" },
  "organization.id": { type: "string", required: true },
  "organization.name": { type: "string", required: true },
  "organization.description": { type: "string", required: true },
  "organization.email": { type: "string", format: "email" },
  "organization.website": { type: "string", format: "uri" },
  "organization.logo": { type: "string" },
  "organization.parent_organization_id": { type: "string" },
  "organization.organization_identifiers": { type: "array" },
  "organization.organization_identifiers.*.identifier_scheme": { type: "string" },
  "organization.organization_identifiers.*.identifier_type": { type: "string", required: true },
  "organization.organization_identifiers.*.identifier": { type: "string", required: true },
  "service_at_locations": { type: "array" },
  "service_at_locations.*.location": { type: "object" },
  "service_at_locations.*.location.id": { type: "string", required: true },
  "service_at_locations.*.location.location_type": { type: "string", required: true, enum: ["physical", "postal", "virtual"] },
  "service_at_locations.*.location.name": { type: "string" },
  "service_at_locations.*.location.description": { type: "string" },
  "service_at_locations.*.location.url": { type: "string", format: "uri" },
  "service_at_locations.*.location.latitude": { type: "number" },
  "service_at_locations.*.location.longitude": { type: "number" },
  "service_at_locations.*.location.external_identifier": { type: "string" },
  "service_at_locations.*.location.external_identifier_type": { type: "string" },
  "service_at_locations.*.location.addresses": { type: "array" },
  "service_at_locations.*.location.addresses.*.address_1": { type: "string", required: true },
  "service_at_locations.*.location.addresses.*.address_2": { type: "string" },
  "service_at_locations.*.location.addresses.*.city": { type: "string", required: true },
  "service_at_locations.*.location.addresses.*.region": { type: "string" },
  "service_at_locations.*.location.addresses.*.state_province": { type: "string", required: true },
  "service_at_locations.*.location.addresses.*.postal_code": { type: "string", required: true },
  "service_at_locations.*.location.addresses.*.country": { type: "string", required: true },
  "service_at_locations.*.location.addresses.*.attention": { type: "string" },
  "service_at_locations.*.location.accessibility": { type: "array" },
  "service_at_locations.*.location.accessibility.*.description": { type: "string" },
  "service_at_locations.*.location.accessibility.*.details": { type: "string" },
  "service_at_locations.*.location.accessibility.*.url": { type: "string", format: "uri" },
  "schedules": { type: "array" },
  "schedules.*.freq": { type: "string", enum: ["WEEKLY", "MONTHLY"] },
  "schedules.*.byday": { type: "string" },
  "schedules.*.valid_from": { type: "string" },
  "schedules.*.valid_to": { type: "string" },
  "schedules.*.opens_at": { type: "string" },
  "schedules.*.closes_at": { type: "string" },
  "schedules.*.description": { type: "string" },
  "schedules.*.notes": { type: "string" },
  "service_areas": { type: "array" },
  "service_areas.*.name": { type: "string" },
  "service_areas.*.extent": { type: "string" },
  "service_areas.*.extent_type": { type: "string" },
  "service_areas.*.uri": { type: "string" },
  "service_areas.*.description": { type: "string" },
  "cost_options": { type: "array" },
  "cost_options.*.option": { type: "string" },
  "cost_options.*.amount": { type: "number" },
  "cost_options.*.currency": { type: "string" },
  "cost_options.*.amount_description": { type: "string" },
  "cost_options.*.valid_from": { type: "string" },
  "cost_options.*.valid_to": { type: "string" },
  "contacts": { type: "array" },
  "contacts.*.name": { type: "string" },
  "contacts.*.title": { type: "string" },
  "contacts.*.email": { type: "string", format: "email" },
  "contacts.*.phones": { type: "array" },
  "contacts.*.phones.*.number": { type: "string", required: true },
  "funding": { type: "array" },
  "funding.*.source": { type: "string" },
  "attributes": { type: "array" },
  "attributes.*.taxonomy_term": { type: "object" },
  "attributes.*.taxonomy_term.name": { type: "string", required: true },
  "attributes.*.taxonomy_term.taxonomy": { type: "string" },
  "attributes.*.taxonomy_term.term": { type: "string" },
  "attributes.*.taxonomy_term.description": { type: "string", required: true },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function isUri(value: string): boolean {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function hasFormat(value: string, format: NonNullable<ProfileRule["format"]>): boolean {
  switch (format) {
    case "uri":
      return isUri(value);
    case "email":
      return EMAIL.test(value);
    case "date":
      return isDate(value);
    default:
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
  }
}

function hasType(value: unknown, type: ProfileRule["type"]): boolean {
  switch (type) {
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/**
 * Whether a value breaks the ORUK rule for its place in a service (absent counts when the field is
 * required); places the table does not list break nothing.
 *
 * @example
 * ```ts
 * breaksOrukProfile(["url"], "example_counselling"); // true: not a URI
 * breaksOrukProfile(["schedules", 0, "opens_at"], "morning"); // false: ORUK sets no format
 * breaksOrukProfile(["url"], "www.example.org", { formats: false }); // false: only types and required fields
 * ```
 */
export function breaksOrukProfile(path: readonly PathSegment[], value: unknown, options: { formats?: boolean } = {}): boolean {
  const rule = orukProfileRules[path.map((segment) => (typeof segment === "number" ? "*" : segment)).join(".")];
  if (rule === undefined) return false;
  if (value === undefined || value === null) return rule.required === true;
  if (!hasType(value, rule.type)) return true;
  if (rule.enum !== undefined && !rule.enum.includes(value as string)) return true;
  return options.formats !== false && rule.format !== undefined && typeof value === "string" && !hasFormat(value, rule.format);
}
