import { issue, type PathSegment } from "@selfmanage/core";
import { isObject, list, put, putAt, read, readText, type Json, type Mapping } from "../mapping";
import { taxonomies, UNSPECIFIED_TAXONOMY } from "./fields";
import { readLocation, readOrganisation } from "./read-place";
import { readAreas, readHours, readString } from "./read-schedule";

type ListField = "categories" | "accessibility" | "communityGroups" | "accessRoutes" | "attending" | "languages";
type SingleField = "cost" | "lastReviewed" | "deprioritised";

/** Attribute taxonomies whose terms collect into one of the model's lists. */
const LIST_FIELDS = new Map<unknown, ListField>([
  [taxonomies.category, "categories"],
  [taxonomies.accessibility, "accessibility"],
  [taxonomies.communityGroup, "communityGroups"],
  [taxonomies.accessRoute, "accessRoutes"],
  [taxonomies.attending, "attending"],
  [taxonomies.language, "languages"],
]);
/** Attribute taxonomies whose one term sets a single model field. */
const SINGLE_FIELDS = new Map<unknown, SingleField>([
  [taxonomies.cost, "cost"],
  [taxonomies.lastReviewed, "lastReviewed"],
  [taxonomies.deprioritised, "deprioritised"],
]);

interface Attributes {
  lists: Record<ListField, Array<{ value: unknown; path: PathSegment[] }>>;
  single: Partial<Record<SingleField, { value: unknown; path: PathSegment[] }>>;
  eligibility?: { value: unknown; path: PathSegment[] };
  classifications: Array<{ value: Json; path: PathSegment[] }>;
}

function readAttributes(mapping: Mapping, raw: Json, path: PathSegment[]): Attributes {
  const found: Attributes = { lists: { categories: [], accessibility: [], communityGroups: [], accessRoutes: [], attending: [], languages: [] }, single: {}, classifications: [] };
  for (const { item, path: itemPath } of list(mapping, raw, "attributes", path)) {
    const term = read(mapping, item, "taxonomy_term", itemPath);
    if (term === undefined) continue;
    const termPath = [...itemPath, "taxonomy_term"];
    if (!isObject(term)) {
      mapping.direct.push(issue(termPath, "invalid_type", "Expected an object."));
      continue;
    }
    const taxonomy = read(mapping, term, "taxonomy", termPath);
    const name = read(mapping, term, "name", termPath);
    const hasTerm = term.term !== undefined && term.term !== null;
    const code = hasTerm ? read(mapping, term, "term", termPath) : name;
    const codePath = [...termPath, hasTerm ? "term" : "name"];
    const listField = LIST_FIELDS.get(taxonomy);
    const singleField = SINGLE_FIELDS.get(taxonomy);
    if (listField !== undefined) found.lists[listField].push({ value: code, path: codePath });
    else if (singleField === "deprioritised") found.single.deprioritised = { value: code === "true" ? true : code === "false" ? false : code, path: codePath };
    else if (singleField !== undefined) found.single[singleField] = { value: code, path: codePath };
    else if (taxonomy === taxonomies.eligibility) found.eligibility = { value: read(mapping, term, "description", termPath), path: [...termPath, "description"] };
    else {
      const coding: Json = { system: typeof taxonomy === "string" && taxonomy !== "" ? taxonomy : UNSPECIFIED_TAXONOMY, code: code ?? read(mapping, term, "id", termPath) };
      if (name !== undefined && name !== code) coding.display = name;
      found.classifications.push({ value: coding, path: termPath });
    }
  }
  return found;
}

function putList(mapping: Mapping, target: Json, field: string, values: Array<{ value: unknown; path: PathSegment[] }>, modelPath: PathSegment[]): void {
  if (values.length === 0) return;
  target[field] = values.map((entry) => entry.value);
  if (mapping.track) values.forEach((entry, index) => mapping.sources.push([[...modelPath, field, index], entry.path]));
}

/** A phone number some feeds wrap in quotation marks, without them. */
function unquoted(value: unknown): unknown {
  return typeof value === "string" && value.length > 2 && /^(["'])[^"']*\1$/.test(value.trim()) ? value.trim().slice(1, -1).trim() : value;
}

function readCost(mapping: Mapping, raw: Json, path: PathSegment[], attributes: Attributes, model: PathSegment[]): Json | undefined {
  const cost: Json = {};
  const costPath = [...model, "cost"];
  put(mapping, cost, "kind", attributes.single.cost?.value, costPath, attributes.single.cost?.path ?? []);
  const options: Json[] = [];
  for (const { item, path: optionPath } of list(mapping, raw, "cost_options", path)) {
    const option: Json = {};
    const at = [...costPath, "options", options.length];
    if (mapping.track) mapping.sources.push([at, optionPath]);
    putAt(mapping, option, "label", readText(mapping, item, "option", optionPath), at, optionPath, "option");
    putAt(mapping, option, "amount", read(mapping, item, "amount", optionPath), at, optionPath, "amount");
    // HSDS documents currency codes in lower case too ("gbp"); the model holds ISO 4217's capitals.
    const currency = readText(mapping, item, "currency", optionPath);
    putAt(mapping, option, "currency", typeof currency === "string" ? currency.trim().toUpperCase() : currency, at, optionPath, "currency");
    putAt(mapping, option, "amountDescription", readText(mapping, item, "amount_description", optionPath), at, optionPath, "amount_description");
    putAt(mapping, option, "validFrom", readText(mapping, item, "valid_from", optionPath), at, optionPath, "valid_from");
    putAt(mapping, option, "validTo", readText(mapping, item, "valid_to", optionPath), at, optionPath, "valid_to");
    options.push(option);
  }
  if (options.length > 0) cost.options = options;
  putAt(mapping, cost, "description", readText(mapping, raw, "fees", path), costPath, path, "fees");
  return Object.keys(cost).length > 0 ? cost : undefined;
}

function readContacts(mapping: Mapping, raw: Json, path: PathSegment[], model: PathSegment[]): Json[] {
  const contacts: Json[] = [];
  for (const { item, path: contactPath } of list(mapping, raw, "contacts", path)) {
    const contact: Json = {};
    const at = [...model, "contacts", contacts.length];
    if (mapping.track) mapping.sources.push([at, contactPath]);
    putAt(mapping, contact, "name", readText(mapping, item, "name", contactPath), at, contactPath, "name");
    putAt(mapping, contact, "title", readText(mapping, item, "title", contactPath), at, contactPath, "title");
    putAt(mapping, contact, "email", readText(mapping, item, "email", contactPath), at, contactPath, "email");
    const phone = list(mapping, item, "phones", contactPath)[0];
    if (phone !== undefined) putAt(mapping, contact, "phone", unquoted(readText(mapping, phone.item, "number", phone.path)), at, phone.path, "number");
    contacts.push(contact);
  }
  return contacts;
}

/**
 * One ORUK service read into the model: the service, its organisation when nested, and its locations.
 *
 * @example
 * ```ts
 * const mapped: MappedRecord = { service: { id: "s", name: "Example", status: "active", categories: [] }, locations: [] };
 * ```
 */
export interface MappedRecord {
  organisation?: Json;
  locations: Json[];
  service: Json;
}

/**
 * Read an ORUK 3.0 (or HSDS 3.x) service object into model drafts, recording where each model
 * field came from. Values are not checked here: the importer validates the drafts.
 *
 * @example
 * ```ts
 * readService(newMapping(false), { id: "s", name: "Example", status: "active" }, [], {}).service;
 * // { id: "s", name: "Example", status: "active", categories: [] }
 * ```
 */
export function readService(mapping: Mapping, raw: Json, path: PathSegment[], context: { organisationId?: unknown; locations?: Json[] }): MappedRecord {
  const model: PathSegment[] = ["service"];
  if (mapping.track) mapping.sources.push([model, path]);
  const service: Json = {};
  putAt(mapping, service, "id", read(mapping, raw, "id", path), model, path, "id");
  let organisation: Json | undefined;
  const nested = read(mapping, raw, "organization", path);
  if (isObject(nested)) organisation = readOrganisation(mapping, nested, [...path, "organization"]);
  else if (nested !== undefined) mapping.direct.push(issue([...path, "organization"], "invalid_type", "Expected an object (the organisation), not a name or id; use organization_id for an id."));
  const organisationId = readText(mapping, raw, "organization_id", path) ?? organisation?.id ?? context.organisationId;
  putAt(mapping, service, "organisationId", organisationId, model, path, raw.organization_id === undefined ? "organization" : "organization_id");
  putAt(mapping, service, "name", read(mapping, raw, "name", path), model, path, "name");
  for (const [field, source] of [
    ["description", "description"],
    ["url", "url"],
    ["email", "email"],
    ["assuredDate", "assured_date"],
    ["assurerEmail", "assurer_email"],
    ["lastModified", "last_modified"],
    ["alert", "alert"],
    ["accreditations", "accreditations"],
  ] as const) {
    putAt(mapping, service, field, readText(mapping, raw, source, path), model, path, source);
  }
  const status = read(mapping, raw, "status", path);
  putAt(mapping, service, "status", status === "temporarily closed" ? "temporarily-closed" : status, model, path, "status");

  const attributes = readAttributes(mapping, raw, path);
  service.categories = attributes.lists.categories.map((entry) => entry.value);
  if (mapping.track) attributes.lists.categories.forEach((entry, index) => mapping.sources.push([[...model, "categories", index], entry.path]));
  putList(mapping, service, "classifications", attributes.classifications, model);
  putList(mapping, service, "accessibility", attributes.lists.accessibility, model);
  putList(mapping, service, "accessRoutes", attributes.lists.accessRoutes, model);
  putList(mapping, service, "attending", attributes.lists.attending, model);
  putList(mapping, service, "languages", attributes.lists.languages, model);
  put(mapping, service, "lastReviewed", attributes.single.lastReviewed?.value, model, attributes.single.lastReviewed?.path ?? []);
  put(mapping, service, "deprioritised", attributes.single.deprioritised?.value, model, attributes.single.deprioritised?.path ?? []);

  const eligibility: Json = {};
  const eligibilityPath = [...model, "eligibility"];
  putAt(mapping, eligibility, "minimumAge", read(mapping, raw, "minimum_age", path), eligibilityPath, path, "minimum_age");
  putAt(mapping, eligibility, "maximumAge", read(mapping, raw, "maximum_age", path), eligibilityPath, path, "maximum_age");
  putList(mapping, eligibility, "communityGroups", attributes.lists.communityGroups, eligibilityPath);
  put(mapping, eligibility, "description", attributes.eligibility?.value, eligibilityPath, attributes.eligibility?.path ?? []);
  if (Object.keys(eligibility).length > 0) service.eligibility = eligibility;

  const cost = readCost(mapping, raw, path, attributes, model);
  if (cost !== undefined) service.cost = cost;

  const funding = list(mapping, raw, "funding", path).flatMap(({ item, path: fundingPath }) => {
    const source = readString(mapping, item, "source", fundingPath);
    return source === undefined ? [] : [{ value: source, path: [...fundingPath, "source"] }];
  });
  putList(mapping, service, "fundingSources", funding, model);

  const contacts = readContacts(mapping, raw, path, model);
  if (contacts.length > 0) service.contacts = contacts;
  const areas = readAreas(mapping, raw, path, model);
  if (areas.length > 0) service.areas = areas;
  const hours = readHours(mapping, raw, path, model);
  if (hours !== undefined) service.hours = hours;

  const locations: Json[] = [...(context.locations ?? [])];
  for (const { item, path: linkPath } of list(mapping, raw, "service_at_locations", path)) {
    const place = read(mapping, item, "location", linkPath);
    if (isObject(place)) locations.push(readLocation(mapping, place, [...linkPath, "location"], locations.length));
    else if (place !== undefined) mapping.direct.push(issue([...linkPath, "location"], "invalid_type", "Expected an object."));
  }
  if (locations.length > 0) {
    service.locationIds = locations.map((location) => location.id);
    if (mapping.track) locations.forEach((_, index) => mapping.sources.push([[...model, "locationIds", index], mapping.sources.find(([modelPath]) => modelPath.length === 2 && modelPath[0] === "locations" && modelPath[1] === index)?.[1] ?? path]));
  }
  return { ...(organisation === undefined ? {} : { organisation }), locations, service };
}
