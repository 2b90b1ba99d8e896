import type { Directory, Location, Organisation } from "../directory";
import type { OrukResidue } from "../extensions";
import { isObject } from "../mapping";
import { applyResidue } from "../residue";
import { ORUK_EXTENSION } from "./fields";
import { orukObjectRules, type OrukObjectKind } from "./schema-rules";
import { writeLocation, writeOrganisation, writeService, type OrukRow } from "./write";

function withResidue(written: OrukRow, extensions: Record<string, unknown> | undefined): OrukRow {
  const residue = extensions?.[ORUK_EXTENSION];
  return isObject(residue) ? applyResidue(written, residue as OrukResidue) : written;
}

/**
 * Export a directory as Open Referral UK 3.0 `service` objects (the compiled shape, with the
 * organisation, locations, schedules and other parts nested), valid against the ORUK JSON Schema.
 *
 * @remarks
 * ORUK ids are UUIDs: ids that are already UUIDs are kept, others are replaced by a stable UUID
 * derived from them, so the same directory always exports the same ids. A record imported from
 * Open Referral carries what the model does not hold in its `extensions`; the export writes it
 * back, so ORUK -> model -> ORUK gives every value back, ids included, except where the model was
 * changed since (an edit always wins). Confidential locations are exported with their masked
 * address only: no name, description, coordinates or identifier.
 *
 * @example
 * ```ts
 * const [service] = exportOpenReferralUk({
 *   organisations: [{ id: "org-1", name: "Fictional Peer Network" }],
 *   locations: [],
 *   services: [{ id: "svc-1", organisationId: "org-1", name: "Peer group", status: "active", categories: ["peer-support-group"] }],
 * });
 * // service.status === "active"; service.attributes lists the category
 * ```
 */
export function exportOpenReferralUk(directory: Directory): unknown[] {
  const organisations = new Map(directory.organisations.map((organisation) => [organisation.id, organisation]));
  const locations = new Map(directory.locations.map((location) => [location.id, location]));
  return directory.services.map((service) => withResidue(writeService(service, organisations, locations), service.extensions));
}

/**
 * Export organisations as Open Referral UK 3.0 `organization` objects (without nested services),
 * with what their records carried in `extensions` written back.
 *
 * @example
 * ```ts
 * exportOpenReferralUkOrganisations([{ id: "org-1", name: "Fictional Peer Network" }])[0]; // { id: "…", name: "Fictional Peer Network", description: "Fictional Peer Network" }
 * ```
 */
export function exportOpenReferralUkOrganisations(organisations: readonly Organisation[]): unknown[] {
  return organisations.map((organisation) => withResidue(writeOrganisation(organisation), organisation.extensions));
}

/**
 * Export locations as HSDS `location` objects (ORUK nests them in services; HSDS also lists them
 * on their own), with what their records carried in `extensions` written back.
 *
 * @example
 * ```ts
 * exportOpenReferralUkLocations([{ id: "loc-1", kind: "virtual", url: "https://example.org/join" }])[0]; // { id: "…", location_type: "virtual", url: "https://example.org/join" }
 * ```
 */
export function exportOpenReferralUkLocations(locations: readonly Location[]): unknown[] {
  return locations.map((location) => withResidue(writeLocation(location), location.extensions));
}

/**
 * Which page of a directory to write, and which records.
 *
 * @example
 * ```ts
 * const options: OrukPageOptions = { page: 2, perPage: 50 };
 * ```
 */
export interface OrukPageOptions {
  /** The page to write, counted from 1. Default 1. */
  page?: number;
  /** Records a page. Default: every record on one page. */
  perPage?: number;
  /** `services` (default, the `/services` endpoint), `organizations` or `locations`. */
  records?: "services" | "organizations" | "locations";
  /**
   * `full` (default) writes whole records, so a page imports back without loss; `summary` writes
   * what ORUK's list endpoints serve (the fields of its `service_list` and `organization_list`
   * schemas), as an API would.
   */
  items?: "full" | "summary";
}

/** The record cut down to the fields an ORUK list schema defines, nested objects included. */
function summarise(record: unknown, kind: OrukObjectKind): unknown {
  const rules = orukObjectRules(kind);
  const cut = (value: unknown, prefix: string): unknown => {
    if (!isObject(value)) return value;
    const kept: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value)) {
      const path = prefix === "" ? field : `${prefix}.${field}`;
      const rule = rules.get(path);
      if (rule === undefined) continue;
      kept[field] = rule.type === "object" ? cut(inner, path) : rule.type === "array" && Array.isArray(inner) ? inner.map((item) => cut(item, `${path}.*`)) : inner;
    }
    return kept;
  };
  return cut(record, "");
}

/**
 * An Open Referral UK 3.0 Page: the envelope every list endpoint returns.
 *
 * @example
 * ```ts
 * const page: OrukPage = { total_items: 0, total_pages: 1, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] };
 * ```
 */
export interface OrukPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: unknown[];
}

/**
 * Export a directory as one ORUK 3.0 Page (`/services` or `/organizations`), with its paging
 * fields worked out from the directory: what an ORUK API serves.
 *
 * @example
 * ```ts
 * const directory = { organisations: [], locations: [], services: [1, 2, 3].map((n) => ({ id: `svc-${n}`, name: `Group ${n}`, status: "active" as const, categories: [] })) };
 * const page = exportOpenReferralUkPage(directory, { page: 2, perPage: 2 });
 * // page.total_pages === 2, page.size === 1, page.last_page === true
 * exportOpenReferralUkPage(directory, { items: "summary" }).contents[0]; // only the fields of ORUK's service_list
 * ```
 */
export function exportOpenReferralUkPage(directory: Directory, options: OrukPageOptions = {}): OrukPage {
  const all = options.records === "organizations" ? directory.organisations : options.records === "locations" ? directory.locations : directory.services;
  const perPage = Math.max(1, Math.floor(options.perPage ?? Math.max(all.length, 1)));
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  const pageNumber = Math.min(Math.max(1, Math.floor(options.page ?? 1)), totalPages);
  const start = (pageNumber - 1) * perPage;
  const full =
    options.records === "organizations"
      ? exportOpenReferralUkOrganisations(directory.organisations.slice(start, start + perPage))
      : options.records === "locations"
        ? exportOpenReferralUkLocations(directory.locations.slice(start, start + perPage))
        : exportOpenReferralUk({ ...directory, services: directory.services.slice(start, start + perPage) });
  const kind: OrukObjectKind = options.records === "organizations" ? "organization-list-item" : "service-list-item";
  const contents = options.items === "summary" && options.records !== "locations" ? full.map((record) => summarise(record, kind)) : full;
  return {
    total_items: all.length,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber === totalPages,
    empty: contents.length === 0,
    contents,
  };
}
