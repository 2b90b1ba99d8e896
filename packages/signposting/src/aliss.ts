import { issue, prefixIssues, type PathSegment, type ValidationIssue } from "@selfmanage/core";
import { gssAreaKind } from "./areas";
import { signpostingCodes } from "./codes";
import { validateLocation, validateOrganisation, validateService, type Location, type Organisation, type Service } from "./directory";
import type { ImportNotice, ImportProblem, ImportReport } from "./import-report";
import { isObject, keyOf, list, newMapping, put, read, readText, translate, unconsumed, type Json, type Mapping } from "./mapping";
import { normalisePostcode } from "./postcode";

const ALISS_CATEGORY_SYSTEM = "https://www.aliss.org/categories";
/** The GSS code for Scotland as a whole: a service area with it covers the country. */
const SCOTLAND = "S92000003";
const NATIONAL_TYPES = new Set(["country", "national", "scotland"]);

function slugOf(mapping: Mapping, item: Json, path: PathSegment[]): unknown {
  return item.slug !== undefined ? read(mapping, item, "slug", path) : read(mapping, item, "name", path);
}

function readAlissLocation(mapping: Mapping, raw: Json, path: PathSegment[], position: number): Json {
  const model: PathSegment[] = ["locations", position];
  mapping.sources.push([model, path]);
  const location: Json = { kind: "physical" };
  put(mapping, location, "id", read(mapping, raw, "id", path), model, [...path, "id"]);
  put(mapping, location, "name", readText(mapping, raw, "name", path), model, [...path, "name"]);
  put(mapping, location, "description", readText(mapping, raw, "description", path), model, [...path, "description"]);
  put(mapping, location, "latitude", read(mapping, raw, "latitude", path), model, [...path, "latitude"]);
  put(mapping, location, "longitude", read(mapping, raw, "longitude", path), model, [...path, "longitude"]);
  const formatted = readText(mapping, raw, "formatted_address", path);
  const street = readText(mapping, raw, "street_address", path);
  const locality = readText(mapping, raw, "locality", path);
  const postcode = readText(mapping, raw, "postal_code", path);
  const region = readText(mapping, raw, "region", path);
  const at = [...model, "address"];
  if (street !== undefined || locality !== undefined || postcode !== undefined) {
    const address: Json = { country: "GB" };
    mapping.sources.push([at, path]);
    put(mapping, address, "line1", street, at, [...path, "street_address"]);
    put(mapping, address, "city", locality, at, [...path, "locality"]);
    put(mapping, address, "region", region, at, [...path, "region"]);
    put(mapping, address, "postcode", typeof postcode === "string" ? (normalisePostcode(postcode) ?? postcode) : postcode, at, [...path, "postal_code"]);
    location.address = address;
  } else if (typeof formatted === "string") {
    // Only the one-line form is given: "street, town, postcode" is the usual ALISS layout.
    const parts = formatted.split(",").map((part) => part.trim()).filter((part) => part !== "");
    const last = parts.at(-1);
    const normalised = last === undefined ? undefined : normalisePostcode(last);
    const address: Json = { country: "GB", line1: parts[0] };
    if (normalised !== undefined && parts.length >= 3) {
      address.postcode = normalised;
      address.city = parts.at(-2);
    } else {
      address.city = parts.at(-1);
      address.postcode = normalised ?? "";
    }
    mapping.sources.push([at, [...path, "formatted_address"]]);
    location.address = address;
  }
  if (location.address !== undefined && typeof formatted === "string") mapping.consumed.add(keyOf([...path, "formatted_address"]));
  return location;
}

/**
 * Import services in the shape of the ALISS API v4 (`/api/v4/services/`): an envelope
 * `{ count, next, previous, data: [...] }`, a bare list, or one service. Each service brings its
 * organisation, categories (mapped to the package categories through `signpostingCodes.alissCategories`,
 * others kept as classifications), accessibility features, service areas (GSS codes; S92000003,
 * Scotland, means national coverage) and locations. Bad records are reported one by one with
 * their path; fields the model does not keep are listed as notices.
 *
 * @example
 * ```ts
 * const report = importAlissServices({
 *   count: 1, next: null, previous: null,
 *   data: [{
 *     id: "0b7c1a52-6c1e-4e59-9d7e-3f1a2b4c5d6e", // fictional
 *     name: "Example Walking Group",
 *     organisation: { id: "6a1f0e7d-2b3c-4d5e-8f90-a1b2c3d4e5f6", name: "Example Community Trust" },
 *     categories: [{ name: "Physical activity", slug: "physical-activity" }],
 *     service_areas: [{ code: "S12000036", name: "City of Edinburgh", type: "local_authority" }],
 *     locations: [],
 *   }],
 * });
 * report.directory.services[0]?.categories; // ["physical-activity"]
 * ```
 */
export function importAlissServices(envelope: unknown): ImportReport {
  const problems: ImportProblem[] = [];
  const notices: ImportNotice[] = [];
  let records: Array<{ record: unknown; path: PathSegment[] }>;
  if (Array.isArray(envelope)) records = envelope.map((record, index) => ({ record, path: [index] }));
  else if (isObject(envelope) && Array.isArray(envelope.data)) records = envelope.data.map((record, index) => ({ record, path: ["data", index] }));
  else if (isObject(envelope) && envelope.name !== undefined) records = [{ record: envelope, path: [] }];
  else {
    return {
      directory: { organisations: [], locations: [], services: [] },
      imported: 0,
      problems: [{ record: 0, path: [], issues: [issue([], "not_a_feed", "Expected an ALISS services envelope with data, a list of services, or one service.")] }],
      notices,
    };
  }
  const organisations = new Map<string, Organisation>();
  const locations = new Map<string, Location>();
  const services = new Map<string, Service>();

  records.forEach(({ record: raw, path: recordPath }, record) => {
    if (!isObject(raw)) {
      problems.push({ record, path: recordPath, issues: [issue([], "invalid_type", "Expected an object for each service.")] });
      return;
    }
    const mapping = newMapping();
    const model: PathSegment[] = ["service"];
    mapping.sources.push([model, []]);
    const service: Json = { status: "active", categories: [] };
    put(mapping, service, "id", read(mapping, raw, "id", []), model, ["id"]);
    put(mapping, service, "name", read(mapping, raw, "name", []), model, ["name"]);
    for (const field of ["description", "url", "email"] as const) put(mapping, service, field, readText(mapping, raw, field, []), model, [field]);
    put(mapping, service, "lastModified", readText(mapping, raw, "last_updated", []), model, ["last_updated"]);
    for (const field of ["slug", "permalink", "is_published"]) read(mapping, raw, field, []);
    const phone = readText(mapping, raw, "phone", []);
    if (phone !== undefined) {
      service.contacts = [{ phone }];
      mapping.sources.push([[...model, "contacts", 0, "phone"], ["phone"]]);
    }

    let organisation: Json | undefined;
    if (isObject(raw.organisation)) {
      const source = raw.organisation;
      const at: PathSegment[] = ["organisation"];
      organisation = {};
      mapping.sources.push([at, ["organisation"]]);
      put(mapping, organisation, "id", read(mapping, source, "id", ["organisation"]), at, ["organisation", "id"]);
      put(mapping, organisation, "name", read(mapping, source, "name", ["organisation"]), at, ["organisation", "name"]);
      put(mapping, organisation, "description", readText(mapping, source, "description", ["organisation"]), at, ["organisation", "description"]);
      put(mapping, organisation, "website", readText(mapping, source, "url", ["organisation"]), at, ["organisation", "url"]);
      put(mapping, organisation, "email", readText(mapping, source, "email", ["organisation"]), at, ["organisation", "email"]);
      for (const field of ["slug", "permalink", "is_claimed"]) read(mapping, source, field, ["organisation"]);
      put(mapping, service, "organisationId", organisation.id, model, ["organisation", "id"]);
    } else if (raw.organisation !== undefined && raw.organisation !== null) {
      mapping.direct.push(issue(["organisation"], "invalid_type", "Expected an object."));
    }

    const classifications: Json[] = [];
    for (const { item, path } of list(mapping, raw, "categories", [])) {
      for (const field of ["id", "parent"]) read(mapping, item, field, path);
      const slug = slugOf(mapping, item, path);
      const name = read(mapping, item, "name", path);
      const category = typeof slug === "string" ? (signpostingCodes.alissCategories as Record<string, string>)[slug] : undefined;
      const categories = service.categories as unknown[];
      if (category !== undefined) {
        if (!categories.includes(category)) categories.push(category);
      } else {
        mapping.sources.push([[...model, "classifications", classifications.length], path]);
        classifications.push({ system: ALISS_CATEGORY_SYSTEM, code: slug, ...(typeof name === "string" && name !== "" ? { display: name } : {}) });
      }
    }
    if (classifications.length > 0) service.classifications = classifications;

    const features: string[] = [];
    for (const [index, entry] of (Array.isArray(raw.accessibility_features) ? raw.accessibility_features : []).entries()) {
      const path: PathSegment[] = ["accessibility_features", index];
      const slug = isObject(entry) ? slugOf(mapping, entry, path) : entry;
      if (isObject(entry)) read(mapping, entry, "name", path);
      else mapping.consumed.add(keyOf(path));
      const feature = typeof slug === "string" ? (signpostingCodes.alissAccessibility as Record<string, string>)[slug] : undefined;
      if (feature !== undefined) {
        if (!features.includes(feature)) features.push(feature);
      } else {
        notices.push({ record, path: [...recordPath, ...path], code: "unknown_feature", message: "This accessibility feature has no match in the package's feature list, so it was not kept." });
      }
    }
    if (raw.accessibility_features !== undefined && !Array.isArray(raw.accessibility_features)) mapping.direct.push(issue(["accessibility_features"], "invalid_type", "Expected a list."));
    if (features.length > 0) service.accessibility = features;

    const areas: Json[] = [];
    for (const { item, path } of list(mapping, raw, "service_areas", [])) {
      const code = read(mapping, item, "code", path);
      const type = read(mapping, item, "type", path);
      const name = readText(mapping, item, "name", path);
      const at = [...model, "areas", areas.length];
      mapping.sources.push([at, path], [[...at, "code"], [...path, "code"]]);
      if (code === SCOTLAND || (typeof type === "string" && NATIONAL_TYPES.has(type.toLowerCase()))) areas.push({ kind: "national", ...(typeof name === "string" ? { name } : {}) });
      else areas.push({ kind: typeof code === "string" ? (gssAreaKind(code) ?? "council-area") : "council-area", code, ...(typeof name === "string" ? { name } : {}) });
    }
    if (areas.length > 0) service.areas = areas;

    const placed = list(mapping, raw, "locations", []).map(({ item, path }, index) => readAlissLocation(mapping, item, path, index));
    if (placed.length > 0) {
      service.locationIds = placed.map((location) => location.id);
      service.attending = ["in-person"];
    }

    const issues: ValidationIssue[] = [];
    let organisationValue: Organisation | undefined;
    if (organisation !== undefined) {
      const checked = validateOrganisation(organisation);
      if (checked.ok) organisationValue = checked.value;
      else for (const found of prefixIssues(checked.issues, ["organisation"])) issues.push(found);
    }
    const locationValues: Location[] = [];
    placed.forEach((location, index) => {
      const checked = validateLocation(location);
      if (checked.ok) locationValues.push(checked.value);
      else for (const found of prefixIssues(checked.issues, ["locations", index])) issues.push(found);
    });
    const checked = validateService(service);
    if (!checked.ok) for (const found of prefixIssues(checked.issues, model)) issues.push(found);
    if (!checked.ok || issues.length > 0 || mapping.direct.length > 0) {
      problems.push({ record, path: recordPath, issues: [...mapping.direct, ...translate(mapping, issues)] });
      return;
    }
    if (services.has(checked.value.id)) {
      problems.push({ record, path: recordPath, issues: [issue(["id"], "duplicate_id", "An earlier service in the feed has this id; the earlier one was kept.")] });
      return;
    }
    services.set(checked.value.id, checked.value);
    if (organisationValue !== undefined && !organisations.has(organisationValue.id)) organisations.set(organisationValue.id, organisationValue);
    for (const location of locationValues) if (!locations.has(location.id)) locations.set(location.id, location);
    const unread: PathSegment[][] = [];
    unconsumed(mapping, raw, [], unread);
    for (const field of unread) notices.push({ record, path: [...recordPath, ...field], code: "not_kept", message: "The model does not keep this field, so it was not imported." });
  });

  return {
    directory: { organisations: [...organisations.values()], locations: [...locations.values()], services: [...services.values()] },
    imported: services.size,
    problems,
    notices,
  };
}
