import { issue, type PathSegment } from "@selfmanage/core";
import { gssAreaKind } from "../areas";
import { signpostingCodes } from "../codes";
import { validateDraft } from "../directory/validate";
import type { Location, Organisation, Service } from "../directory";
import type { JsonValue } from "../extensions";
import { digest64 } from "../hash";
import type { ImportProblem, ImportReport } from "../import-report";
import { isObject, list, newMapping, put, read, readText, translate, unconsumed, type Json, type Mapping } from "../mapping";
import { createNoticeCollector, noticeMessages, type NoticeCollector } from "../notices";
import type { FeedSummary } from "../oruk/feed";
import { setOwn } from "../residue";
import { settleDraft, type SettleRules } from "../settle";
import { readAlissLocation } from "./location";

/** Where ALISS categories are published: the system of the classifications they become. */
export const ALISS_CATEGORY_SYSTEM = "https://www.aliss.org/categories";
/** The key of ALISS fields the model does not hold, in a record's extensions. */
export const ALISS_EXTENSION = "aliss";

const MESSAGES = {
  kept: "The model does not hold this field; it is kept as ALISS wrote it in the record's extensions.",
  keptAside: "The model cannot hold this value, so it was left out of the model; it is kept as ALISS wrote it in the record's extensions.",
  unknownFeature: "This accessibility feature has no match in the package's feature list; it is kept in the record's extensions.",
  unknownGroup: "This community group has no match in the package's list; it is kept in the record's extensions.",
  unknownArea: "This service area's code is neither a Scottish GSS code nor one of ALISS's country codes; it is kept in the record's extensions.",
  areaTypeMismatch: "The area's type does not agree with its code; the code was trusted.",
  reviewedDate: "ALISS gives a date and time; the model holds the date. The value as ALISS wrote it is kept in the record's extensions.",
  incomplete: "This is one page of a longer ALISS response (next is set): only the services on it were imported.",
} as const;

const areaTypeKind = new Map<string, string>(signpostingCodes.alissAreaTypes.flatMap((type) => [[String(type.number), type.kind] as const, [type.name.toLowerCase(), type.kind] as const, [type.name.toLowerCase().replace(/ /g, "_"), type.kind] as const]));

/** A category, feature or group as ALISS writes it: an object with a slug and name, or a plain slug. Nothing is marked read. */
function slugOf(entry: unknown): { slug: unknown; name: unknown } {
  if (!isObject(entry)) return { slug: entry, name: undefined };
  return { slug: entry.slug ?? entry.name, name: entry.name };
}

/** Mark an entry's slug and name (or the plain slug) as read, so they are not also kept as unread. */
function markRead(mapping: Mapping, entry: unknown, path: PathSegment[]): void {
  if (!isObject(entry)) {
    mapping.consumed?.add(path.join("\u0001"));
    return;
  }
  read(mapping, entry, "slug", path);
  read(mapping, entry, "name", path);
}

/** Read a list of tagged entries (categories, features, groups), mapping each through a table. */
function readTagged(mapping: Mapping, raw: Json, field: string, table: Record<string, string>, onUnknown: (path: PathSegment[]) => void): Array<{ value: string; path: PathSegment[]; slug: unknown; name: unknown }> {
  const found: Array<{ value: string; path: PathSegment[]; slug: unknown; name: unknown }> = [];
  const entries = raw[field];
  if (entries === undefined || entries === null) return found;
  if (!Array.isArray(entries)) {
    mapping.direct.push(issue([field], "invalid_type", "Expected a list."));
    return found;
  }
  entries.forEach((entry, index) => {
    const path: PathSegment[] = [field, index];
    const { slug, name } = slugOf(entry);
    const value = typeof slug === "string" ? table[slug] : undefined;
    if (value !== undefined) {
      markRead(mapping, entry, path);
      found.push({ value, path, slug, name });
    } else {
      // Left unread, so it is kept in the record's extensions.
      onUnknown(path);
      found.push({ value: "", path, slug, name });
    }
  });
  return found;
}

function readAreas(mapping: Mapping, raw: Json, model: PathSegment[], notices: (code: string, path: PathSegment[], message: string) => void): Json[] {
  const areas: Json[] = [];
  for (const { item, path } of list(mapping, raw, "service_areas", [])) {
    const code = item.code;
    const name = typeof item.name === "string" && item.name !== "" ? item.name : undefined;
    const type = item.type === undefined || item.type === null ? undefined : areaTypeKind.get(String(item.type).toLowerCase());
    const country = typeof code === "string" ? (signpostingCodes.alissCountryCodes as Record<string, string>)[code] : undefined;
    const kind = country !== undefined ? "national" : typeof code === "string" ? gssAreaKind(code) : undefined;
    if (kind === undefined) {
      notices("unknown_area", [...path, "code"], MESSAGES.unknownArea);
      continue;
    }
    if (type !== undefined && type !== kind) notices("area_type_mismatch", [...path, "type"], MESSAGES.areaTypeMismatch);
    const at = [...model, "areas", areas.length];
    mapping.sources.push([at, path]);
    read(mapping, item, "code", path);
    read(mapping, item, "type", path);
    const area: Json = kind === "national" ? { kind } : { kind, code };
    if (kind !== "national") mapping.sources.push([[...at, "code"], [...path, "code"]]);
    put(mapping, area, "name", name === undefined ? undefined : readText(mapping, item, "name", path), at, [...path, "name"]);
    areas.push(area);
  }
  return areas;
}

function readOrganisation(mapping: Mapping, source: Json, path: PathSegment[]): Json {
  const at: PathSegment[] = ["organisation"];
  const organisation: Json = {};
  mapping.sources.push([at, path]);
  put(mapping, organisation, "id", read(mapping, source, "id", path), at, [...path, "id"]);
  put(mapping, organisation, "name", read(mapping, source, "name", path), at, [...path, "name"]);
  put(mapping, organisation, "description", readText(mapping, source, "description", path), at, [...path, "description"]);
  put(mapping, organisation, "website", readText(mapping, source, "url", path), at, [...path, "url"]);
  put(mapping, organisation, "email", readText(mapping, source, "email", path), at, [...path, "email"]);
  return organisation;
}

interface Draft {
  draft: Record<string, unknown>;
  mapping: Mapping;
  pending: Array<[string, PathSegment[], string]>;
}

function mapService(raw: Json, organisationContext: Json | undefined): Draft {
  const mapping = newMapping();
  const pending: Draft["pending"] = [];
  const note = (code: string, path: PathSegment[], message: string): void => {
    pending.push([code, path, message]);
  };
  const model: PathSegment[] = ["service"];
  mapping.sources.push([model, []]);
  const service: Json = { status: "active", categories: [] };
  put(mapping, service, "id", read(mapping, raw, "id", []), model, ["id"]);
  put(mapping, service, "name", read(mapping, raw, "name", []), model, ["name"]);
  for (const field of ["description", "url", "email"] as const) put(mapping, service, field, readText(mapping, raw, field, []), model, [field]);
  put(mapping, service, "lastModified", readText(mapping, raw, "last_updated", []), model, ["last_updated"]);
  const deprioritised = read(mapping, raw, "is_deprioritised", []);
  put(mapping, service, "deprioritised", deprioritised, model, ["is_deprioritised"]);
  const reviewed = raw.last_reviewed;
  if (typeof reviewed === "string" && /^\d{4}-\d{2}-\d{2}T/.test(reviewed)) {
    // Left unread, so the value as ALISS wrote it is kept in the record's extensions.
    note("normalised", ["last_reviewed"], MESSAGES.reviewedDate);
    put(mapping, service, "lastReviewed", reviewed.slice(0, 10), model, ["last_reviewed"]);
  } else put(mapping, service, "lastReviewed", read(mapping, raw, "last_reviewed", []), model, ["last_reviewed"]);
  const phone = readText(mapping, raw, "phone", []);
  if (phone !== undefined) {
    service.contacts = [{ phone }];
    mapping.sources.push([[...model, "contacts", 0, "phone"], ["phone"]]);
  }

  let organisation: Json | undefined;
  if (isObject(raw.organisation)) {
    organisation = readOrganisation(mapping, raw.organisation, ["organisation"]);
    put(mapping, service, "organisationId", organisation.id, model, ["organisation", "id"]);
  } else if (raw.organisation !== undefined && raw.organisation !== null) {
    mapping.direct.push(issue(["organisation"], "invalid_type", "Expected an object."));
  } else if (organisationContext !== undefined) {
    service.organisationId = organisationContext.id;
  }

  // Every ALISS category is kept as what it is, and also read as a package category where one matches.
  const classifications: Json[] = [];
  for (const entry of readTagged(mapping, raw, "categories", signpostingCodes.alissCategories, () => undefined)) {
    const categories = service.categories as unknown[];
    if (entry.value !== "" && !categories.includes(entry.value)) {
      mapping.sources.push([[...model, "categories", categories.length], entry.path]);
      categories.push(entry.value);
    }
    if (typeof entry.slug === "string") {
      if (entry.value === "") markRead(mapping, (raw.categories as unknown[])[entry.path[1] as number], entry.path);
      mapping.sources.push([[...model, "classifications", classifications.length], entry.path]);
      classifications.push({ system: ALISS_CATEGORY_SYSTEM, code: entry.slug, ...(typeof entry.name === "string" && entry.name !== "" && entry.name !== entry.slug ? { display: entry.name } : {}) });
    }
  }
  if (classifications.length > 0) service.classifications = classifications;

  const features = readTagged(mapping, raw, "accessibility_features", signpostingCodes.alissAccessibility, (path) => note("unknown_feature", path, MESSAGES.unknownFeature)).filter((entry) => entry.value !== "");
  if (features.length > 0) {
    service.accessibility = [...new Set(features.map((entry) => entry.value))];
    features.forEach((entry, index) => mapping.sources.push([[...model, "accessibility", index], entry.path]));
  }
  const groups = readTagged(mapping, raw, "community_groups", signpostingCodes.alissCommunityGroups, (path) => note("unknown_community_group", path, MESSAGES.unknownGroup)).filter((entry) => entry.value !== "");
  if (groups.length > 0) {
    service.eligibility = { communityGroups: [...new Set(groups.map((entry) => entry.value))] };
    groups.forEach((entry, index) => mapping.sources.push([[...model, "eligibility", "communityGroups", index], entry.path]));
  }

  const areas = readAreas(mapping, raw, model, note);
  if (areas.length > 0) service.areas = areas;

  const placed = list(mapping, raw, "locations", []).map(({ item, path }, index) => readAlissLocation(mapping, item, path, index));
  if (placed.length > 0) {
    service.locationIds = placed.map((location) => location.id);
    service.attending = ["in-person"];
    placed.forEach((_, index) => mapping.sources.push([[...model, "locationIds", index], ["locations", index]]));
  }
  return { draft: { service, locations: placed, ...(organisation === undefined ? {} : { organisation }) }, mapping, pending };
}

const required = new Set(["service", "service.id", "service.name", "service.status", "service.categories", "organisation.id", "organisation.name", "locations.*.id", "locations.*.kind", "locations.*.address.line1", "locations.*.address.city", "locations.*.address.postcode", "locations.*.address.country", "service.areas.*.kind", "service.areas.*.code"]);

/** ALISS publishes no schema of its own: only a missing id or name, or a value of the wrong kind, refuses a service. */
const rules: SettleRules = {
  validate: validateDraft,
  required,
  refusing: (found) => found.code === "invalid_type" || (found.code === "required" && (found.path.join(".") === "service.id" || found.path.join(".") === "service.name")),
  linked: (path) => {
    if (path.length === 2 && path[0] === "locations") return [["service", "locationIds", path[1] as number]];
    if (path.length === 1 && path[0] === "organisation") return [["service", "organisationId"]];
    if (path.length === 3 && path[0] === "locations" && (path[2] === "latitude" || path[2] === "longitude")) return [[path[0], path[1] as number, path[2] === "latitude" ? "longitude" : "latitude"]];
    return [];
  },
};

function valueAt(source: unknown, path: readonly PathSegment[]): unknown {
  let value = source;
  for (const segment of path) value = isObject(value) || Array.isArray(value) ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  return value;
}

interface State {
  notices: NoticeCollector;
  services: Map<string, string>;
  organisations: Map<string, string>;
  locations: Map<string, string>;
  directory: ImportReport["directory"];
  problems: ImportProblem[];
}

function admit(state: State, kind: "organisations" | "locations", value: Organisation | Location, path: PathSegment[], name: string | number): void {
  const print = digest64(JSON.stringify(value));
  const known = state[kind].get(value.id);
  if (known === undefined) {
    state[kind].set(value.id, print);
    (state.directory[kind] as Array<Organisation | Location>).push(value);
  } else if (known !== print) state.notices.add("conflicting_record", [...path, "id"], noticeMessages.conflictingRecord, name);
}

const SERVICE_FIELDS = ["organisation", "locations", "service_areas", "categories", "description", "url", "phone", "email", "last_updated"];
const LIST_ENTRY_FIELDS = ["slug", "code", "sub_categories", "parent", "type"];

function importService(state: State, raw: unknown, position: number, recordPath: PathSegment[], organisationContext?: Organisation): void {
  if (!isObject(raw)) {
    state.problems.push({ record: position, path: recordPath, issues: [issue([], "invalid_type", "Expected an object for each service.")] });
    return;
  }
  if (!SERVICE_FIELDS.some((field) => field in raw) && LIST_ENTRY_FIELDS.some((field) => field in raw)) {
    state.problems.push({ record: position, path: recordPath, issues: [issue([], "not_a_directory_record", "This is an entry of an ALISS list such as the categories or service areas, not a service, so there is nothing to import.")] });
    return;
  }
  const { draft, mapping, pending } = mapService(raw, organisationContext);
  const settled = settleDraft(draft, rules);
  if (mapping.direct.length > 0 || settled.refused.length > 0) {
    state.problems.push({ record: position, path: recordPath, issues: [...mapping.direct, ...translate(mapping, settled.refused)] });
    return;
  }
  const service = draft.service as Service;
  const name = service.id;
  if (state.services.has(service.id)) {
    state.problems.push({ record: position, path: recordPath, issues: [issue(["id"], "duplicate_id", "An earlier service in the feed has this id; the earlier one was kept.")] });
    return;
  }
  // What the model does not hold, and what it could not take, is kept as ALISS wrote it, by path.
  const kept: { [key: string]: JsonValue } = {};
  const aside = translate(mapping, settled.dropped);
  for (const found of aside) state.notices.add(found.code, found.path, `${found.message} ${MESSAGES.keptAside}`, name);
  for (const removed of translate(
    mapping,
    settled.removed.map((path) => issue(path, "removed", "")),
  )) {
    const value = valueAt(raw, removed.path);
    if (value !== undefined) setOwn(kept, removed.path.join("."), value as JsonValue);
  }
  for (const [code, path, message] of pending) state.notices.add(code, path, message, name);
  const unread: PathSegment[][] = [];
  unconsumed(mapping, raw, [], unread);
  for (const path of unread) {
    if (aside.some((found) => found.path.join(".") === path.join("."))) continue;
    setOwn(kept, path.join("."), valueAt(raw, path));
    if (!pending.some(([, notedPath]) => notedPath.join(".") === path.slice(0, notedPath.length).join("."))) state.notices.add("kept", path, MESSAGES.kept, name);
  }
  if (Object.keys(kept).length > 0) service.extensions = { ...service.extensions, [ALISS_EXTENSION]: kept };
  state.services.set(service.id, service.id);
  state.directory.services.push(service);
  const organisation = (draft.organisation as Organisation | undefined) ?? organisationContext;
  if (draft.organisation !== undefined && organisation !== undefined) admit(state, "organisations", organisation, ["organisation"], name);
  (draft.locations as Location[]).forEach((location, index) => admit(state, "locations", location, ["locations", index], name));
}

function importOrganisation(state: State, raw: Json, position: number, recordPath: PathSegment[]): void {
  const mapping = newMapping();
  const draft: Record<string, unknown> = { organisation: readOrganisation(mapping, raw, []), locations: [] };
  const settled = settleDraft(draft, { ...rules, required: new Set([...required, "organisation"]) });
  const organisation = draft.organisation as Organisation;
  if (mapping.direct.length > 0 || settled.refused.length > 0) {
    state.problems.push({ record: position, path: recordPath, issues: [...mapping.direct, ...translate(mapping, settled.refused)] });
    return;
  }
  const kept: { [key: string]: JsonValue } = {};
  for (const found of translate(mapping, settled.dropped)) state.notices.add(found.code, found.path, `${found.message} ${MESSAGES.keptAside}`, organisation.id);
  for (const removed of translate(
    mapping,
    settled.removed.map((path) => issue(path, "removed", "")),
  )) {
    const value = valueAt(raw, removed.path);
    if (value !== undefined) setOwn(kept, removed.path.join("."), value as JsonValue);
  }
  const services = Array.isArray(raw.services) ? raw.services : [];
  mapping.consumed?.add("services");
  const unread: PathSegment[][] = [];
  unconsumed(mapping, raw, [], unread);
  for (const path of unread) {
    setOwn(kept, path.join("."), valueAt(raw, path) as JsonValue);
    state.notices.add("kept", path, MESSAGES.kept, organisation.id);
  }
  if (Object.keys(kept).length > 0) organisation.extensions = { [ALISS_EXTENSION]: kept };
  admit(state, "organisations", organisation, [], organisation.id);
  services.forEach((service, index) => importService(state, service, position, [...recordPath, "services", index], organisation));
}

function isOrganisation(record: Json): boolean {
  return Array.isArray(record.services) && !("organisation" in record);
}

/**
 * Import ALISS API responses (v4 and v4.1): a page of services (`{ meta, count, next, previous,
 * data: [...] }`, as the search and import endpoints give), one service (`{ meta, data: {...} }`),
 * an organisation with its services (`{ meta, data: { ..., services: [...] } }`), a bare list or one
 * service object.
 *
 * @remarks
 * Each service brings its organisation, categories (every ALISS category is kept as a
 * classification, and mapped to a package category through `signpostingCodes.alissCategories`
 * where one matches), accessibility features, community groups, service areas (GSS codes: council
 * areas, health boards and integration authorities; ALISS's country codes mean national coverage),
 * locations, `is_deprioritised` and `last_reviewed`. What the model does not hold (`slug`,
 * `is_claimed`, links, a value it cannot take) is kept in the record's `aliss` extensions and
 * counted in the notices: nothing is dropped in silence. Only a service without an id or name, or
 * with a value of the wrong kind, is refused, with its path.
 *
 * @example
 * ```ts
 * const report = importAlissServices({
 *   count: 1, next: null, previous: null,
 *   data: [{
 *     id: "0b7c1a52-6c1e-4e59-9d7e-3f1a2b4c5d6e", // fictional
 *     name: "Example Walking Group",
 *     organisation: { id: "6a1f0e7d-2b3c-4d5e-8f90-a1b2c3d4e5f6", name: "Example Community Trust", is_claimed: false },
 *     categories: [{ name: "Physical Activity", slug: "physical-activity" }],
 *     service_areas: [{ code: "S37000012", name: "Edinburgh", type: "4" }],
 *     locations: [],
 *   }],
 * });
 * report.directory.services[0]?.categories; // ["physical-activity"]
 * report.directory.services[0]?.areas; // [{ kind: "integration-authority", code: "S37000012", name: "Edinburgh" }]
 * ```
 */
export function importAlissServices(response: unknown): ImportReport {
  const state: State = { notices: createNoticeCollector(), services: new Map(), organisations: new Map(), locations: new Map(), directory: { organisations: [], locations: [], services: [] }, problems: [] };
  let feed: FeedSummary;
  if (Array.isArray(response)) {
    response.forEach((record, index) => importService(state, record, index, [index]));
    feed = { format: "list", records: response.length };
  } else if (isObject(response) && (Array.isArray(response.data) || Array.isArray(response.results))) {
    // v4 and v4.1 give the services as data; v3 gave them as results.
    const field = Array.isArray(response.data) ? "data" : "results";
    const records = response[field] as unknown[];
    records.forEach((record, index) => importService(state, record, index, [field, index]));
    const count = typeof response.count === "number" ? response.count : undefined;
    const page: NonNullable<FeedSummary["page"]> = { size: records.length, first: response.previous === null || response.previous === undefined, last: response.next === null || response.next === undefined, empty: records.length === 0 };
    if (count !== undefined) page.totalItems = count;
    if (!page.last) state.notices.add("incomplete_feed", ["next"], MESSAGES.incomplete);
    if (count !== undefined && page.last && page.first && count !== records.length) state.notices.add("total_items_mismatch", ["count"], `The response says it has ${count} service${count === 1 ? "" : "s"} in all but holds ${records.length} on its only page.`);
    feed = { format: "aliss-page", records: records.length, page };
  } else if (isObject(response) && (isObject(response.data) || response.name !== undefined)) {
    const record = isObject(response.data) ? response.data : response;
    const path: PathSegment[] = isObject(response.data) ? ["data"] : [];
    if (isOrganisation(record)) importOrganisation(state, record, 0, path);
    else importService(state, record, 0, path);
    feed = { format: "record", records: 1 };
  } else {
    state.problems.push({ record: 0, path: [], issues: [issue([], "not_a_feed", "Expected an ALISS response: a page of services (data), one service or organisation, or a list of services.")] });
    feed = { format: "record", records: 0 };
  }
  return { directory: state.directory, imported: state.directory.services.length, problems: state.problems, notices: state.notices.list(), feed };
}
