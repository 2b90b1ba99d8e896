import { issue, prefixIssues, type PathSegment, type Result, type ValidationIssue } from "@selfmanage/core";
import { gssAreaKind } from "./areas";
import { categoryLabel, detectAccessibilityFeatures, signpostingCodes, AccessibilityFeature as AccessibilityFeatureSchema, type ServiceCategory } from "./codes";
import { validateLocation, validateOrganisation, validateService, type Directory, type Location, type Organisation, type Service } from "./directory";
import type { ExceptionReason, OpeningHours, Weekday } from "./hours";
import { stableUuid } from "./hash";
import type { ImportNotice, ImportProblem, ImportReport } from "./import-report";
import { normalisePostcode } from "./postcode";

import { isObject, keyOf, list, newMapping, put, read, readText, translate, unconsumed, type Json, type Mapping } from "./mapping";

const taxonomies = signpostingCodes.orukTaxonomies;
const WEEKDAY_CODES: Record<string, Weekday> = { MO: "monday", TU: "tuesday", WE: "wednesday", TH: "thursday", FR: "friday", SA: "saturday", SU: "sunday" };
const EXCEPTION_LABELS: Record<ExceptionReason, string> = { "bank-holiday": "Bank holiday", closure: "Closed", "special-opening": "Special opening" };
const WITHHELD_ADDRESS = "Address withheld for safety";
const GSS_URI = "http://statistics.gov.scot/id/statistical-geography/";
const LOCATION_URN = "urn:selfmanage:location:";
const UNSPECIFIED_TAXONOMY = "urn:oruk:unspecified";

interface AttributeFields {
  categories: unknown[];
  classifications: Json[];
  accessibility: unknown[];
  communityGroups: unknown[];
  accessRoutes: unknown[];
  attending: unknown[];
  languages: unknown[];
  cost?: unknown;
  lastReviewed?: unknown;
  deprioritised?: unknown;
  eligibility?: unknown;
}

type ListField = "categories" | "accessibility" | "communityGroups" | "accessRoutes" | "attending" | "languages";

/** Attribute taxonomies whose terms collect into one of the model's lists. */
const LIST_FIELDS = new Map<unknown, ListField>([
  [taxonomies.category, "categories"],
  [taxonomies.accessibility, "accessibility"],
  [taxonomies.communityGroup, "communityGroups"],
  [taxonomies.accessRoute, "accessRoutes"],
  [taxonomies.attending, "attending"],
  [taxonomies.language, "languages"],
]);

function readAttributes(mapping: Mapping, raw: Json, path: PathSegment[]): AttributeFields & { paths: Map<string, PathSegment[][]> } {
  const fields: AttributeFields = { categories: [], classifications: [], accessibility: [], communityGroups: [], accessRoutes: [], attending: [], languages: [] };
  const paths = new Map<string, PathSegment[][]>();
  const note = (field: string, source: PathSegment[]): void => {
    paths.set(field, [...(paths.get(field) ?? []), source]);
  };
  for (const { item, path: itemPath } of list(mapping, raw, "attributes", path)) {
    for (const field of ["id", "link_id", "link_type", "taxonomy_term_id"]) read(mapping, item, field, itemPath);
    const term = read(mapping, item, "taxonomy_term", itemPath);
    if (!isObject(term)) continue;
    const termPath = [...itemPath, "taxonomy_term"];
    const taxonomy = read(mapping, term, "taxonomy", termPath);
    const name = read(mapping, term, "name", termPath);
    read(mapping, term, "id", termPath);
    const code = term.term !== undefined && term.term !== null ? read(mapping, term, "term", termPath) : name;
    const codePath = [...termPath, term.term !== undefined && term.term !== null ? "term" : "name"];
    // The exporter repeats the label as the required description; it carries nothing more.
    if (term.description === name || (Object.values(taxonomies) as unknown[]).includes(taxonomy)) read(mapping, term, "description", termPath);
    const listField = LIST_FIELDS.get(taxonomy);
    if (listField !== undefined) {
      fields[listField].push(code);
      note(listField, codePath);
      continue;
    }
    switch (taxonomy) {
      case taxonomies.cost:
        fields.cost = code;
        note("cost", codePath);
        break;
      case taxonomies.lastReviewed:
        fields.lastReviewed = code;
        note("lastReviewed", codePath);
        break;
      case taxonomies.deprioritised:
        fields.deprioritised = code === "true" ? true : code === "false" ? false : code;
        note("deprioritised", codePath);
        break;
      case taxonomies.eligibility:
        fields.eligibility = read(mapping, term, "description", termPath);
        note("eligibility", [...termPath, "description"]);
        break;
      default: {
        const coding: Json = { system: typeof taxonomy === "string" && taxonomy !== "" ? taxonomy : UNSPECIFIED_TAXONOMY, code: code ?? read(mapping, term, "id", termPath) };
        if (name !== undefined && name !== code) coding.display = name;
        note(`classifications.${fields.classifications.length}`, termPath);
        fields.classifications.push(coding);
      }
    }
  }
  return { ...fields, paths };
}

function putList(mapping: Mapping, target: Json, field: string, values: unknown[], sources: PathSegment[][] | undefined, modelPath: PathSegment[]): void {
  if (values.length === 0) return;
  target[field] = values;
  values.forEach((_, index) => mapping.sources.push([[...modelPath, field, index], (sources?.[index] ?? []) as PathSegment[]]));
}

function timeOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  return match ? `${match[1]}:${match[2]}` : value;
}

function readHours(mapping: Mapping, raw: Json, path: PathSegment[], modelPath: PathSegment[], notices: PathSegment[][]): Json | undefined {
  const rows = list(mapping, raw, "schedules", path);
  if (rows.length === 0) return undefined;
  const weekly: Json[] = [];
  const exceptions = new Map<string, Json>();
  const notes: string[] = [];
  const hoursPath = [...modelPath, "hours"];
  for (const { item, path: rowPath } of rows) {
    for (const field of ["id", "service_id", "service_at_location_id"]) read(mapping, item, field, rowPath);
    const freq = read(mapping, item, "freq", rowPath);
    const validFrom = readText(mapping, item, "valid_from", rowPath);
    const validTo = readText(mapping, item, "valid_to", rowPath);
    const opens = timeOf(readText(mapping, item, "opens_at", rowPath));
    const closes = timeOf(readText(mapping, item, "closes_at", rowPath));
    const description = readText(mapping, item, "description", rowPath);
    const rowNotes = readText(mapping, item, "notes", rowPath);
    const byday = readText(mapping, item, "byday", rowPath);
    const dtstart = item.dtstart;
    if (dtstart === undefined || dtstart === null || dtstart === validFrom) read(mapping, item, "dtstart", rowPath);
    if (item.interval === 1) read(mapping, item, "interval", rowPath);
    if (freq === undefined && validFrom !== undefined && validFrom === validTo && byday === undefined) {
      const date = validFrom as string;
      const reason = (Object.keys(EXCEPTION_LABELS) as ExceptionReason[]).find((key) => EXCEPTION_LABELS[key] === description);
      const exception = exceptions.get(date) ?? { date, periods: [] as Json[] };
      if (!exceptions.has(date)) {
        mapping.sources.push([[...hoursPath, "exceptions", exceptions.size, "date"], [...rowPath, "valid_from"]]);
        exceptions.set(date, exception);
      }
      if (reason !== undefined) exception.reason = reason;
      const noteText = [reason === undefined ? description : undefined, rowNotes].filter((text): text is string => typeof text === "string").join("\n\n");
      if (noteText !== "") exception.note = noteText;
      if (opens !== undefined || closes !== undefined) {
        const position = [...exceptions.keys()].indexOf(date);
        const periods = exception.periods as Json[];
        mapping.sources.push([[...hoursPath, "exceptions", position, "periods", periods.length, "opens"], [...rowPath, "opens_at"]]);
        mapping.sources.push([[...hoursPath, "exceptions", position, "periods", periods.length, "closes"], [...rowPath, "closes_at"]]);
        periods.push({ opens, closes });
      }
      continue;
    }
    for (const text of [description, rowNotes]) if (typeof text === "string" && !notes.includes(text)) notes.push(text);
    if (freq !== undefined && freq !== "WEEKLY") {
      notices.push([...rowPath, "freq"]);
      continue;
    }
    if (byday === undefined) {
      // Times without days say nothing the model can hold; a row with only words is kept as notes.
      if (opens !== undefined || closes !== undefined) notices.push(rowPath);
      continue;
    }
    const days = typeof byday === "string" ? byday.split(",").map((token) => token.trim().toUpperCase()) : [byday];
    for (const day of days) {
      const period: Json = { day: typeof day === "string" ? (WEEKDAY_CODES[day] ?? day) : day, opens, closes };
      if (validFrom !== undefined) period.validFrom = validFrom;
      if (validTo !== undefined) period.validTo = validTo;
      const at = [...hoursPath, "weekly", weekly.length];
      mapping.sources.push([[...at, "day"], [...rowPath, "byday"]], [[...at, "opens"], [...rowPath, "opens_at"]], [[...at, "closes"], [...rowPath, "closes_at"]]);
      mapping.sources.push([[...at, "validFrom"], [...rowPath, "valid_from"]], [[...at, "validTo"], [...rowPath, "valid_to"]], [at, rowPath]);
      weekly.push(period);
    }
  }
  const hours: Json = { weekly };
  if (exceptions.size > 0) hours.exceptions = [...exceptions.values()];
  if (notes.length > 0) hours.notes = notes.join("\n\n");
  mapping.sources.push([hoursPath, [...path, "schedules"]]);
  return hours;
}

function readAreas(mapping: Mapping, raw: Json, path: PathSegment[], modelPath: PathSegment[]): Json[] {
  const areas: Json[] = [];
  for (const { item, path: areaPath } of list(mapping, raw, "service_areas", path)) {
    for (const field of ["id", "service_id"]) read(mapping, item, field, areaPath);
    const extentType = item.extent_type;
    const at = [...modelPath, "areas", areas.length];
    mapping.sources.push([at, areaPath]);
    if (extentType === "national") {
      read(mapping, item, "extent_type", areaPath);
      const area: Json = { kind: "national" };
      put(mapping, area, "name", readText(mapping, item, "name", areaPath), at, [...areaPath, "name"]);
      areas.push(area);
    } else if (extentType === "gss") {
      read(mapping, item, "extent_type", areaPath);
      const code = read(mapping, item, "extent", areaPath);
      if (typeof item.uri === "string" && item.uri === `${GSS_URI}${String(code)}`) read(mapping, item, "uri", areaPath);
      const area: Json = { kind: typeof code === "string" ? (gssAreaKind(code) ?? "council-area") : "council-area" };
      put(mapping, area, "code", code, at, [...areaPath, "extent"]);
      put(mapping, area, "name", readText(mapping, item, "name", areaPath), at, [...areaPath, "name"]);
      areas.push(area);
    } else if (extentType === "radius-km") {
      read(mapping, item, "extent_type", areaPath);
      const extent = read(mapping, item, "extent", areaPath);
      const area: Json = { kind: "radius" };
      put(mapping, area, "radiusKm", typeof extent === "string" && extent.trim() !== "" ? Number(extent) : extent, at, [...areaPath, "extent"]);
      const uri = item.uri;
      if (typeof uri === "string" && uri.startsWith(LOCATION_URN)) put(mapping, area, "locationId", (read(mapping, item, "uri", areaPath) as string).slice(LOCATION_URN.length), at, [...areaPath, "uri"]);
      areas.push(area);
    } else {
      const name = readText(mapping, item, "name", areaPath);
      const described = readText(mapping, item, "service_area", areaPath);
      const area: Json = { kind: "described" };
      put(mapping, area, "description", described ?? name, at, [...areaPath, described === undefined ? "name" : "service_area"]);
      if (described !== undefined && name !== undefined && name !== described) put(mapping, area, "name", name, at, [...areaPath, "name"]);
      areas.push(area);
    }
  }
  return areas;
}

function readOrganisation(mapping: Mapping, raw: Json, path: PathSegment[]): Json {
  const model: PathSegment[] = ["organisation"];
  const organisation: Json = {};
  put(mapping, organisation, "id", read(mapping, raw, "id", path), model, [...path, "id"]);
  for (const [field, source] of [
    ["name", "name"],
    ["description", "description"],
    ["email", "email"],
    ["website", "website"],
    ["logo", "logo"],
    ["parentOrganisationId", "parent_organization_id"],
  ] as const) {
    put(mapping, organisation, field, readText(mapping, raw, source, path), model, [...path, source]);
  }
  const identifiers: Json[] = [];
  for (const { item, path: itemPath } of list(mapping, raw, "organization_identifiers", path)) {
    for (const field of ["id", "organization_id"]) read(mapping, item, field, itemPath);
    const identifier: Json = {};
    const at = [...model, "identifiers", identifiers.length];
    put(mapping, identifier, "scheme", readText(mapping, item, "identifier_scheme", itemPath), at, [...itemPath, "identifier_scheme"]);
    put(mapping, identifier, "type", read(mapping, item, "identifier_type", itemPath), at, [...itemPath, "identifier_type"]);
    put(mapping, identifier, "value", read(mapping, item, "identifier", itemPath), at, [...itemPath, "identifier"]);
    mapping.sources.push([at, itemPath]);
    identifiers.push(identifier);
  }
  if (identifiers.length > 0) organisation.identifiers = identifiers;
  mapping.sources.push([model, path]);
  return organisation;
}

function readLocation(mapping: Mapping, raw: Json, path: PathSegment[], position: number): Json {
  const model: PathSegment[] = ["locations", position];
  mapping.sources.push([model, path]);
  const location: Json = {};
  put(mapping, location, "id", read(mapping, raw, "id", path), model, [...path, "id"]);
  put(mapping, location, "kind", read(mapping, raw, "location_type", path), model, [...path, "location_type"]);
  for (const field of ["name", "description", "url"] as const) put(mapping, location, field, readText(mapping, raw, field, path), model, [...path, field]);
  put(mapping, location, "latitude", read(mapping, raw, "latitude", path), model, [...path, "latitude"]);
  put(mapping, location, "longitude", read(mapping, raw, "longitude", path), model, [...path, "longitude"]);
  const externalValue = readText(mapping, raw, "external_identifier", path);
  if (externalValue !== undefined) {
    const external: Json = { type: readText(mapping, raw, "external_identifier_type", path) ?? "unspecified", value: externalValue };
    put(mapping, location, "externalIdentifier", external, model, [...path, "external_identifier"]);
  }
  const addresses = list(mapping, raw, "addresses", path);
  const first = addresses[0];
  if (first !== undefined) {
    const { item, path: addressPath } = first;
    for (const field of ["id", "location_id", "address_type"]) read(mapping, item, field, addressPath);
    const line1 = read(mapping, item, "address_1", addressPath);
    if (line1 === WITHHELD_ADDRESS) {
      location.confidential = true;
      const masked: Json = {};
      const at = [...model, "maskedAddress"];
      put(mapping, masked, "locality", readText(mapping, item, "city", addressPath), at, [...addressPath, "city"]);
      put(mapping, masked, "postcodeDistrict", readText(mapping, item, "postal_code", addressPath), at, [...addressPath, "postal_code"]);
      put(mapping, masked, "region", readText(mapping, item, "region", addressPath), at, [...addressPath, "region"]);
      read(mapping, item, "state_province", addressPath);
      read(mapping, item, "country", addressPath);
      location.maskedAddress = masked;
    } else {
      const address: Json = {};
      const at = [...model, "address"];
      mapping.sources.push([at, addressPath]);
      put(mapping, address, "line1", line1, at, [...addressPath, "address_1"]);
      put(mapping, address, "line2", readText(mapping, item, "address_2", addressPath), at, [...addressPath, "address_2"]);
      put(mapping, address, "city", read(mapping, item, "city", addressPath), at, [...addressPath, "city"]);
      put(mapping, address, "region", readText(mapping, item, "region", addressPath), at, [...addressPath, "region"]);
      put(mapping, address, "stateProvince", readText(mapping, item, "state_province", addressPath), at, [...addressPath, "state_province"]);
      const country = read(mapping, item, "country", addressPath);
      const postcode = read(mapping, item, "postal_code", addressPath);
      const normalised = country === "GB" && typeof postcode === "string" ? normalisePostcode(postcode) : undefined;
      put(mapping, address, "postcode", normalised ?? postcode, at, [...addressPath, "postal_code"]);
      put(mapping, address, "country", country, at, [...addressPath, "country"]);
      put(mapping, address, "attention", readText(mapping, item, "attention", addressPath), at, [...addressPath, "attention"]);
      location.address = address;
    }
  }
  const notes: Json[] = [];
  for (const { item, path: notePath } of list(mapping, raw, "accessibility", path)) {
    for (const field of ["id", "location_id"]) read(mapping, item, field, notePath);
    const coded = readText(mapping, item, "accessibility", notePath);
    const note: Json = {};
    const at = [...model, "accessibility", notes.length];
    const description = readText(mapping, item, "description", notePath);
    const details = readText(mapping, item, "details", notePath);
    const codes = typeof coded === "string" ? coded.split(",").map((code) => code.trim()) : [];
    const allCoded = codes.length > 0 && codes.every((code) => AccessibilityFeatureSchema.safeParse(code).success);
    const words = [coded, description, details].filter((text): text is string => typeof text === "string").join(" ");
    note.features = allCoded ? codes : detectAccessibilityFeatures(words);
    put(mapping, note, "description", description ?? (allCoded ? undefined : coded), at, [...notePath, description === undefined ? "accessibility" : "description"]);
    put(mapping, note, "details", details, at, [...notePath, "details"]);
    put(mapping, note, "url", readText(mapping, item, "url", notePath), at, [...notePath, "url"]);
    mapping.sources.push([at, notePath]);
    notes.push(note);
  }
  if (notes.length > 0) location.accessibility = notes;
  return location;
}

interface MappedRecord {
  organisation?: Json;
  locations: Json[];
  service: Json;
}

function readService(mapping: Mapping, raw: Json, path: PathSegment[], context: { organisationId?: unknown; locations?: Json[] }, notices: PathSegment[][]): MappedRecord {
  const model: PathSegment[] = ["service"];
  mapping.sources.push([model, path]);
  const service: Json = {};
  put(mapping, service, "id", read(mapping, raw, "id", path), model, [...path, "id"]);
  let organisation: Json | undefined;
  const nested = read(mapping, raw, "organization", path);
  if (isObject(nested)) organisation = readOrganisation(mapping, nested, [...path, "organization"]);
  const organisationId = readText(mapping, raw, "organization_id", path) ?? organisation?.id ?? context.organisationId;
  put(mapping, service, "organisationId", organisationId, model, [...path, raw.organization_id === undefined ? "organization" : "organization_id"]);
  for (const [field, source] of [
    ["name", "name"],
    ["description", "description"],
    ["url", "url"],
    ["email", "email"],
    ["assuredDate", "assured_date"],
    ["assurerEmail", "assurer_email"],
    ["lastModified", "last_modified"],
    ["alert", "alert"],
    ["accreditations", "accreditations"],
  ] as const) {
    put(mapping, service, field, field === "name" ? read(mapping, raw, source, path) : readText(mapping, raw, source, path), model, [...path, source]);
  }
  const status = read(mapping, raw, "status", path);
  put(mapping, service, "status", status === "temporarily closed" ? "temporarily-closed" : status, model, [...path, "status"]);

  const attributes = readAttributes(mapping, raw, path);
  service.categories = attributes.categories;
  attributes.categories.forEach((_, index) => mapping.sources.push([[...model, "categories", index], attributes.paths.get("categories")?.[index] ?? []]));
  putList(mapping, service, "classifications", attributes.classifications, undefined, model);
  attributes.classifications.forEach((_, index) => mapping.sources.push([[...model, "classifications", index], attributes.paths.get(`classifications.${index}`)?.[0] ?? []]));
  putList(mapping, service, "accessibility", attributes.accessibility, attributes.paths.get("accessibility"), model);
  putList(mapping, service, "accessRoutes", attributes.accessRoutes, attributes.paths.get("accessRoutes"), model);
  putList(mapping, service, "attending", attributes.attending, attributes.paths.get("attending"), model);
  putList(mapping, service, "languages", attributes.languages, attributes.paths.get("languages"), model);
  put(mapping, service, "lastReviewed", attributes.lastReviewed, model, attributes.paths.get("lastReviewed")?.[0] ?? []);
  put(mapping, service, "deprioritised", attributes.deprioritised, model, attributes.paths.get("deprioritised")?.[0] ?? []);

  const eligibility: Json = {};
  const eligibilityPath = [...model, "eligibility"];
  put(mapping, eligibility, "minimumAge", read(mapping, raw, "minimum_age", path), eligibilityPath, [...path, "minimum_age"]);
  put(mapping, eligibility, "maximumAge", read(mapping, raw, "maximum_age", path), eligibilityPath, [...path, "maximum_age"]);
  putList(mapping, eligibility, "communityGroups", attributes.communityGroups, attributes.paths.get("communityGroups"), eligibilityPath);
  put(mapping, eligibility, "description", attributes.eligibility, eligibilityPath, attributes.paths.get("eligibility")?.[0] ?? []);
  if (Object.keys(eligibility).length > 0) service.eligibility = eligibility;

  const cost: Json = {};
  const costPath = [...model, "cost"];
  put(mapping, cost, "kind", attributes.cost, costPath, attributes.paths.get("cost")?.[0] ?? []);
  const options: Json[] = [];
  for (const { item, path: optionPath } of list(mapping, raw, "cost_options", path)) {
    for (const field of ["id", "service_id"]) read(mapping, item, field, optionPath);
    const option: Json = {};
    const at = [...costPath, "options", options.length];
    mapping.sources.push([at, optionPath]);
    for (const [field, source] of [
      ["label", "option"],
      ["amount", "amount"],
      ["currency", "currency"],
      ["amountDescription", "amount_description"],
      ["validFrom", "valid_from"],
      ["validTo", "valid_to"],
    ] as const) {
      put(mapping, option, field, readText(mapping, item, source, optionPath), at, [...optionPath, source]);
    }
    options.push(option);
  }
  if (options.length > 0) cost.options = options;
  put(mapping, cost, "description", readText(mapping, raw, "fees", path), costPath, [...path, "fees"]);
  if (Object.keys(cost).length > 0) service.cost = cost;

  const funding = list(mapping, raw, "funding", path).flatMap(({ item, path: fundingPath }) => {
    for (const field of ["id", "service_id"]) read(mapping, item, field, fundingPath);
    const source = readText(mapping, item, "source", fundingPath);
    return source === undefined ? [] : [{ source, path: [...fundingPath, "source"] }];
  });
  putList(
    mapping,
    service,
    "fundingSources",
    funding.map((entry) => entry.source),
    funding.map((entry) => entry.path),
    model,
  );

  const contacts: Json[] = [];
  for (const { item, path: contactPath } of list(mapping, raw, "contacts", path)) {
    for (const field of ["id", "service_id", "organization_id"]) read(mapping, item, field, contactPath);
    const contact: Json = {};
    const at = [...model, "contacts", contacts.length];
    mapping.sources.push([at, contactPath]);
    put(mapping, contact, "name", readText(mapping, item, "name", contactPath), at, [...contactPath, "name"]);
    put(mapping, contact, "title", readText(mapping, item, "title", contactPath), at, [...contactPath, "title"]);
    put(mapping, contact, "email", readText(mapping, item, "email", contactPath), at, [...contactPath, "email"]);
    const phone = list(mapping, item, "phones", contactPath)[0];
    if (phone !== undefined) {
      for (const field of ["id", "contact_id"]) read(mapping, phone.item, field, phone.path);
      put(mapping, contact, "phone", readText(mapping, phone.item, "number", phone.path), at, [...phone.path, "number"]);
    }
    contacts.push(contact);
  }
  if (contacts.length > 0) service.contacts = contacts;

  const areas = readAreas(mapping, raw, path, model);
  if (areas.length > 0) service.areas = areas;
  const hours = readHours(mapping, raw, path, model, notices);
  if (hours !== undefined) service.hours = hours;

  const locations: Json[] = [...(context.locations ?? [])];
  for (const { item, path: linkPath } of list(mapping, raw, "service_at_locations", path)) {
    for (const field of ["id", "service_id", "location_id"]) read(mapping, item, field, linkPath);
    const place = read(mapping, item, "location", linkPath);
    if (isObject(place)) locations.push(readLocation(mapping, place, [...linkPath, "location"], locations.length));
  }
  if (locations.length > 0) {
    service.locationIds = locations.map((location) => location.id);
    locations.forEach((_, index) => mapping.sources.push([[...model, "locationIds", index], mapping.sources.find(([modelPath]) => modelPath.length === 2 && modelPath[0] === "locations" && modelPath[1] === index)?.[1] ?? path]));
  }
  return { ...(organisation === undefined ? {} : { organisation }), locations, service };
}

type RecordKind = "service" | "organisation" | "service-at-location" | "other";

function kindOf(record: Json): RecordKind {
  if (isObject(record.service) && isObject(record.location)) return "service-at-location";
  if ("status" in record || "service_at_locations" in record || "organization" in record || "organization_id" in record) return "service";
  if ("services" in record || "organization_identifiers" in record || "website" in record || "logo" in record) return "organisation";
  return "other";
}

function recordsOf(feed: unknown): { records: Array<{ record: unknown; path: PathSegment[] }>; problems: ImportProblem[] } {
  if (Array.isArray(feed)) return { records: feed.map((record, index) => ({ record, path: [index] })), problems: [] };
  if (isObject(feed) && Array.isArray(feed.contents)) return { records: feed.contents.map((record, index) => ({ record, path: ["contents", index] })), problems: [] };
  if (isObject(feed)) return { records: [{ record: feed, path: [] }], problems: [] };
  return { records: [], problems: [{ record: 0, path: [], issues: [issue([], "not_a_feed", "Expected a service, a list of records, or a paginated feed with contents.")] }] };
}

function validateModel<T>(validate: (input: unknown) => Result<T>, value: Json, modelPath: PathSegment[]): { value?: T; issues: ValidationIssue[] } {
  const result = validate(value);
  return result.ok ? { value: result.value, issues: [] } : { issues: prefixIssues(result.issues, modelPath) };
}

/**
 * Import Open Referral UK 3.0 JSON: a single service, a list, or a paginated envelope
 * `{ contents: [...] }`. Service, service-at-location and organisation records (with nested
 * services) are understood. Every record is checked against the model; a record with any
 * problem is left out and reported with paths as the feed wrote them (for example
 * `service_at_locations[0].location.latitude`), and fields the model does not keep are listed as
 * notices. Nothing throws, whatever the input.
 *
 * @remarks
 * Fields without an ORUK column (categories, accessibility features, community groups, access
 * routes, attending types, languages, cost kind, last reviewed, deprioritised) travel as
 * `attributes` with the taxonomies in `signpostingCodes.orukTaxonomies`, so ORUK -> model -> ORUK
 * keeps them. Schedules valid for a single date, with no `freq`, are read as dated exceptions.
 *
 * @example
 * ```ts
 * const report = importOpenReferralUk({
 *   contents: [
 *     { id: "ac148810-d857-441c-9679-408f346de14b", name: "Community Counselling", status: "active" },
 *     { id: "b644a0d2-9e8a-4c33-9390-ae9ee93fc056", name: "Broken", status: "open" },
 *   ],
 * });
 * report.imported; // 1
 * report.problems[0]?.issues[0]?.path; // ["status"]
 * ```
 */
export function importOpenReferralUk(feed: unknown): ImportReport {
  const { records, problems } = recordsOf(feed);
  const notices: ImportNotice[] = [];
  const organisations = new Map<string, Organisation>();
  const locations = new Map<string, Location>();
  const services = new Map<string, Service>();
  let imported = 0;

  const importService = (raw: Json, record: number | string, recordPath: PathSegment[], innerPath: PathSegment[], context: { organisationId?: unknown; locations?: Json[] }, mapping: Mapping, dropped: PathSegment[][]): void => {
    const mapped = readService(mapping, raw, innerPath, context, dropped);
    const issues: ValidationIssue[] = [];
    let organisation: Organisation | undefined;
    if (mapped.organisation !== undefined) {
      const checked = validateModel(validateOrganisation, mapped.organisation, ["organisation"]);
      for (const found of checked.issues) issues.push(found);
      organisation = checked.value;
    }
    const placed: Location[] = [];
    mapped.locations.forEach((location, index) => {
      const checked = validateModel(validateLocation, location, ["locations", index]);
      for (const found of checked.issues) issues.push(found);
      if (checked.value !== undefined) placed.push(checked.value);
    });
    const checked = validateModel(validateService, mapped.service, ["service"]);
    for (const found of checked.issues) issues.push(found);
    if (issues.length > 0 || mapping.direct.length > 0 || checked.value === undefined) {
      problems.push({ record, path: recordPath, issues: [...mapping.direct, ...translate(mapping, issues)] });
      return;
    }
    const service = checked.value;
    const known = services.get(service.id);
    if (known !== undefined) {
      if (JSON.stringify(known) === JSON.stringify(service)) {
        notices.push({ record, path: [...recordPath, ...innerPath, "id"], code: "duplicate_record", message: "The same service appears earlier in the feed; it was imported once." });
      } else {
        problems.push({
          record,
          path: recordPath,
          issues: [issue([...innerPath, "id"], "duplicate_id", "An earlier service in the feed has this id but different details; the earlier one was kept.")],
        });
      }
      return;
    }
    services.set(service.id, service);
    imported += 1;
    if (organisation !== undefined && !organisations.has(organisation.id)) organisations.set(organisation.id, organisation);
    for (const location of placed) if (!locations.has(location.id)) locations.set(location.id, location);
  };

  records.forEach(({ record: raw, path: recordPath }, position) => {
    const record = position;
    if (!isObject(raw)) {
      problems.push({ record, path: recordPath, issues: [issue([], "invalid_type", "Expected an object for each record.")] });
      return;
    }
    const mapping: Mapping = newMapping();
    const dropped: PathSegment[][] = [];
    const kind = kindOf(raw);
    if (kind === "service") importService(raw, record, recordPath, [], {}, mapping, dropped);
    else if (kind === "service-at-location") {
      for (const field of ["id", "service_id", "location_id"]) read(mapping, raw, field, []);
      const location = readLocation(mapping, raw.location as Json, ["location"], 0);
      importService(raw.service as Json, record, recordPath, ["service"], { locations: [location] }, mapping, dropped);
    } else if (kind === "organisation") {
      const organisation = readOrganisation(mapping, raw, []);
      const checked = validateModel(validateOrganisation, organisation, ["organisation"]);
      if (checked.value === undefined || mapping.direct.length > 0) {
        problems.push({ record, path: recordPath, issues: [...mapping.direct, ...translate(mapping, checked.issues)] });
        return;
      }
      if (!organisations.has(checked.value.id)) organisations.set(checked.value.id, checked.value);
      for (const { item, path } of list(mapping, raw, "services", [])) {
        mapping.consumed.add(keyOf(path));
        const inner: Mapping = newMapping();
        const innerDropped: PathSegment[][] = [];
        importService(item, record, [...recordPath, ...path], [], { organisationId: checked.value.id }, inner, innerDropped);
        const innerUnread: PathSegment[][] = [];
        unconsumed(inner, item, [], innerUnread);
        for (const field of [...innerDropped, ...innerUnread]) {
          notices.push({ record, path: [...recordPath, ...path, ...field], code: "not_kept", message: "The model does not keep this field, so it was not imported." });
        }
      }
    } else {
      problems.push({
        record,
        path: recordPath,
        issues: [issue([], "not_a_directory_record", "This record is not a service, service-at-location or organisation (for example a taxonomy), so there is nothing to import.")],
      });
      return;
    }
    const unread: PathSegment[][] = [];
    unconsumed(mapping, raw, [], unread);
    const failed = problems.some((problem) => problem.record === record && problem.path === recordPath);
    if (failed) return;
    for (const field of [...dropped, ...unread]) {
      notices.push({ record, path: [...recordPath, ...field], code: "not_kept", message: "The model does not keep this field, so it was not imported." });
    }
  });

  return {
    directory: { organisations: [...organisations.values()], locations: [...locations.values()], services: [...services.values()] },
    imported,
    problems,
    notices,
  };
}

function attribute(serviceUuid: string, taxonomy: string, term: string, label: string, position: number): Json {
  return {
    id: stableUuid(`attribute:${serviceUuid}:${position}`),
    link_id: serviceUuid,
    link_type: "service",
    taxonomy_term: { id: stableUuid(`term:${taxonomy}:${term}`), name: label, description: label, taxonomy, term },
  };
}

function compact(record: Json): Json {
  for (const [key, value] of Object.entries(record)) if (value === undefined || (Array.isArray(value) && value.length === 0)) delete record[key];
  return record;
}

function exportOrganisation(organisation: Organisation): Json {
  const id = stableUuid(organisation.id);
  return compact({
    id,
    name: organisation.name,
    description: organisation.description ?? organisation.name,
    email: organisation.email,
    website: organisation.website,
    logo: organisation.logo,
    parent_organization_id: organisation.parentOrganisationId === undefined ? undefined : stableUuid(organisation.parentOrganisationId),
    organization_identifiers: (organisation.identifiers ?? []).map((identifier, index) =>
      compact({
        id: stableUuid(`identifier:${id}:${index}`),
        organization_id: id,
        identifier_scheme: identifier.scheme,
        identifier_type: identifier.type,
        identifier: identifier.value,
      }),
    ),
  });
}

function exportLocation(location: Location): Json {
  const id = stableUuid(location.id);
  const addresses: Json[] = [];
  if (location.confidential === true) {
    const masked = location.maskedAddress ?? {};
    addresses.push({
      id: stableUuid(`address:${id}`),
      location_id: id,
      address_1: WITHHELD_ADDRESS,
      city: masked.locality ?? "",
      ...(masked.region === undefined ? {} : { region: masked.region }),
      state_province: "",
      postal_code: masked.postcodeDistrict ?? "",
      country: "GB",
      address_type: "physical",
    });
  } else if (location.address !== undefined) {
    const address = location.address;
    addresses.push(
      compact({
        id: stableUuid(`address:${id}`),
        location_id: id,
        attention: address.attention,
        address_1: address.line1,
        address_2: address.line2,
        city: address.city,
        region: address.region,
        state_province: address.stateProvince ?? "",
        postal_code: address.postcode,
        country: address.country,
        address_type: location.kind === "postal" ? "postal" : "physical",
      }),
    );
  }
  const revealed = location.confidential !== true;
  return compact({
    id,
    location_type: location.kind,
    name: revealed ? location.name : undefined,
    description: revealed ? location.description : undefined,
    url: location.url,
    latitude: revealed ? location.latitude : undefined,
    longitude: revealed ? location.longitude : undefined,
    external_identifier: revealed ? location.externalIdentifier?.value : undefined,
    external_identifier_type: revealed ? location.externalIdentifier?.type : undefined,
    addresses,
    accessibility: (location.accessibility ?? []).map((note, index) =>
      compact({
        id: stableUuid(`accessibility:${id}:${index}`),
        location_id: id,
        accessibility: note.features.length > 0 ? note.features.join(",") : undefined,
        description: note.description,
        details: note.details,
        url: note.url,
      }),
    ),
  });
}

const DAY_CODES: Record<Weekday, string> = { monday: "MO", tuesday: "TU", wednesday: "WE", thursday: "TH", friday: "FR", saturday: "SA", sunday: "SU" };

function exportHours(hours: OpeningHours, serviceUuid: string): Json[] {
  const rows: Json[] = [];
  const groups = new Map<string, { days: Weekday[]; opens: string; closes: string; validFrom?: string; validTo?: string }>();
  for (const period of hours.weekly) {
    const key = [period.opens, period.closes, period.validFrom ?? "", period.validTo ?? ""].join("|");
    const group = groups.get(key) ?? { days: [], opens: period.opens, closes: period.closes, ...(period.validFrom === undefined ? {} : { validFrom: period.validFrom }), ...(period.validTo === undefined ? {} : { validTo: period.validTo }) };
    if (!group.days.includes(period.day)) group.days.push(period.day);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    rows.push(
      compact({
        id: stableUuid(`schedule:${serviceUuid}:${rows.length}`),
        service_id: serviceUuid,
        valid_from: group.validFrom,
        valid_to: group.validTo,
        dtstart: group.validFrom,
        freq: "WEEKLY",
        interval: 1,
        byday: group.days.map((day) => DAY_CODES[day]).join(","),
        opens_at: group.opens,
        closes_at: group.closes,
        description: hours.notes,
      }),
    );
  }
  if (groups.size === 0 && hours.notes !== undefined) rows.push({ id: stableUuid(`schedule:${serviceUuid}:notes`), service_id: serviceUuid, description: hours.notes });
  for (const exception of hours.exceptions ?? []) {
    const base = {
      service_id: serviceUuid,
      valid_from: exception.date,
      valid_to: exception.date,
      dtstart: exception.date,
      description: exception.reason === undefined ? undefined : EXCEPTION_LABELS[exception.reason],
      notes: exception.note,
    };
    if (exception.periods.length === 0) rows.push(compact({ id: stableUuid(`schedule:${serviceUuid}:${rows.length}`), ...base }));
    for (const period of exception.periods) {
      rows.push(compact({ id: stableUuid(`schedule:${serviceUuid}:${rows.length}`), ...base, opens_at: period.opens, closes_at: period.closes }));
    }
  }
  return rows;
}

/**
 * Export a directory as Open Referral UK 3.0 `service` objects (the compiled shape, with the
 * organisation, locations, schedules and other parts nested), valid against the ORUK JSON Schema.
 *
 * @remarks
 * ORUK ids are UUIDs: ids that are already UUIDs are kept, others are replaced by a stable UUID
 * derived from them, so the same directory always exports the same ids. Confidential locations are
 * exported with their masked address only: no name, description, coordinates or identifier.
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
  return directory.services.map((service) => {
    const id = stableUuid(service.id);
    const organisation = service.organisationId === undefined ? undefined : organisations.get(service.organisationId);
    const attributes: Json[] = [];
    const add = (taxonomy: string, term: string, label: string): void => {
      attributes.push(attribute(id, taxonomy, term, label, attributes.length));
    };
    for (const category of service.categories) add(taxonomies.category, category, categoryLabel(category as ServiceCategory));
    for (const coding of service.classifications ?? []) {
      attributes.push({
        id: stableUuid(`attribute:${id}:${attributes.length}`),
        link_id: id,
        link_type: "service",
        taxonomy_term: { id: stableUuid(`term:${coding.system}:${coding.code}`), name: coding.display ?? coding.code, description: coding.display ?? coding.code, taxonomy: coding.system, term: coding.code },
      });
    }
    for (const feature of service.accessibility ?? []) add(taxonomies.accessibility, feature, feature);
    for (const group of service.eligibility?.communityGroups ?? []) add(taxonomies.communityGroup, group, group);
    for (const route of service.accessRoutes ?? []) add(taxonomies.accessRoute, route, route);
    for (const type of service.attending ?? []) add(taxonomies.attending, type, type);
    for (const language of service.languages ?? []) add(taxonomies.language, language, language);
    if (service.cost?.kind !== undefined) add(taxonomies.cost, service.cost.kind, service.cost.kind);
    if (service.lastReviewed !== undefined) add(taxonomies.lastReviewed, service.lastReviewed, "Last reviewed");
    if (service.deprioritised !== undefined) add(taxonomies.deprioritised, String(service.deprioritised), "Deprioritised");
    if (service.eligibility?.description !== undefined) {
      attributes.push({
        id: stableUuid(`attribute:${id}:${attributes.length}`),
        link_id: id,
        link_type: "service",
        taxonomy_term: { id: stableUuid(`term:${taxonomies.eligibility}`), name: "Eligibility", description: service.eligibility.description, taxonomy: taxonomies.eligibility, term: "eligibility" },
      });
    }
    const areas = (service.areas ?? []).map((area, index) => {
      const areaId = stableUuid(`area:${id}:${index}`);
      switch (area.kind) {
        case "national":
          return compact({ id: areaId, service_id: id, name: area.name, extent_type: "national" });
        case "radius":
          return compact({
            id: areaId,
            service_id: id,
            extent: String(area.radiusKm),
            extent_type: "radius-km",
            uri: area.locationId === undefined ? undefined : `${LOCATION_URN}${stableUuid(area.locationId)}`,
          });
        case "described":
          return compact({ id: areaId, service_id: id, name: area.name, service_area: area.description });
        default:
          return compact({ id: areaId, service_id: id, name: area.name, extent: area.code, extent_type: "gss", uri: `${GSS_URI}${area.code}` });
      }
    });
    return compact({
      id,
      organization_id: organisation === undefined ? undefined : stableUuid(organisation.id),
      name: service.name,
      description: service.description,
      url: service.url,
      email: service.email,
      status: service.status === "temporarily-closed" ? "temporarily closed" : service.status,
      fees: service.cost?.description,
      accreditations: service.accreditations,
      minimum_age: service.eligibility?.minimumAge,
      maximum_age: service.eligibility?.maximumAge,
      assured_date: service.assuredDate,
      assurer_email: service.assurerEmail,
      alert: service.alert,
      last_modified: service.lastModified,
      schedules: service.hours === undefined ? [] : exportHours(service.hours, id),
      service_areas: areas,
      service_at_locations: (service.locationIds ?? []).flatMap((locationId) => {
        const location = locations.get(locationId);
        if (location === undefined) return [];
        const exported = exportLocation(location);
        return [{ id: stableUuid(`service-at-location:${id}:${locationId}`), service_id: id, location_id: exported.id, location: exported }];
      }),
      organization: organisation === undefined ? undefined : exportOrganisation(organisation),
      funding: (service.fundingSources ?? []).map((source, index) => ({ id: stableUuid(`funding:${id}:${index}`), service_id: id, source })),
      cost_options: (service.cost?.options ?? []).map((option, index) =>
        compact({
          id: stableUuid(`cost:${id}:${index}`),
          service_id: id,
          option: option.label,
          amount: option.amount,
          currency: option.currency,
          amount_description: option.amountDescription,
          valid_from: option.validFrom,
          valid_to: option.validTo,
        }),
      ),
      contacts: (service.contacts ?? []).map((contact, index) => {
        const contactId = stableUuid(`contact:${id}:${index}`);
        return compact({
          id: contactId,
          service_id: id,
          name: contact.name,
          title: contact.title,
          email: contact.email,
          phones: contact.phone === undefined ? undefined : [{ id: stableUuid(`phone:${contactId}`), contact_id: contactId, number: contact.phone }],
        });
      }),
      attributes,
    });
  });
}
