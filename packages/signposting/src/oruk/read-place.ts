import type { PathSegment } from "@selfmanage/core";
import { AccessibilityFeature, detectAccessibilityFeatures } from "../codes";
import { list, putAt, read, readText, type Json, type Mapping } from "../mapping";
import { normalisePostcode } from "../postcode";
import { WITHHELD_ADDRESS } from "./fields";
import { readString } from "./read-schedule";

/**
 * Read an ORUK `organization` object into the model's organisation (at model path `organisation`).
 *
 * @example
 * ```ts
 * readOrganisation(newMapping(false), { id: "o", name: "Example Trust", description: "Fictional." }, []);
 * // { id: "o", name: "Example Trust", description: "Fictional." }
 * ```
 */
export function readOrganisation(mapping: Mapping, raw: Json, path: PathSegment[]): Json {
  const model: PathSegment[] = ["organisation"];
  const organisation: Json = {};
  if (mapping.track) mapping.sources.push([model, path]);
  putAt(mapping, organisation, "id", read(mapping, raw, "id", path), model, path, "id");
  putAt(mapping, organisation, "name", read(mapping, raw, "name", path), model, path, "name");
  for (const [field, source] of [
    ["description", "description"],
    ["email", "email"],
    ["website", "website"],
    ["logo", "logo"],
    ["parentOrganisationId", "parent_organization_id"],
  ] as const) {
    putAt(mapping, organisation, field, readText(mapping, raw, source, path), model, path, source);
  }
  const identifiers: Json[] = [];
  for (const { item, path: itemPath } of list(mapping, raw, "organization_identifiers", path)) {
    const identifier: Json = {};
    const at = [...model, "identifiers", identifiers.length];
    if (mapping.track) mapping.sources.push([at, itemPath]);
    putAt(mapping, identifier, "scheme", readText(mapping, item, "identifier_scheme", itemPath), at, itemPath, "identifier_scheme");
    putAt(mapping, identifier, "type", read(mapping, item, "identifier_type", itemPath), at, itemPath, "identifier_type");
    putAt(mapping, identifier, "value", read(mapping, item, "identifier", itemPath), at, itemPath, "identifier");
    identifiers.push(identifier);
  }
  if (identifiers.length > 0) organisation.identifiers = identifiers;
  return organisation;
}

function readAddress(mapping: Mapping, location: Json, item: Json, addressPath: PathSegment[], model: PathSegment[]): void {
  const line1 = read(mapping, item, "address_1", addressPath);
  if (line1 === WITHHELD_ADDRESS) {
    location.confidential = true;
    const masked: Json = {};
    const at = [...model, "maskedAddress"];
    if (mapping.track) mapping.sources.push([at, addressPath]);
    putAt(mapping, masked, "locality", readText(mapping, item, "city", addressPath), at, addressPath, "city");
    putAt(mapping, masked, "postcodeDistrict", readText(mapping, item, "postal_code", addressPath), at, addressPath, "postal_code");
    putAt(mapping, masked, "region", readText(mapping, item, "region", addressPath), at, addressPath, "region");
    location.maskedAddress = masked;
    return;
  }
  const address: Json = {};
  const at = [...model, "address"];
  if (mapping.track) mapping.sources.push([at, addressPath]);
  putAt(mapping, address, "line1", line1, at, addressPath, "address_1");
  putAt(mapping, address, "line2", readText(mapping, item, "address_2", addressPath), at, addressPath, "address_2");
  putAt(mapping, address, "city", read(mapping, item, "city", addressPath), at, addressPath, "city");
  putAt(mapping, address, "region", readText(mapping, item, "region", addressPath), at, addressPath, "region");
  putAt(mapping, address, "stateProvince", readText(mapping, item, "state_province", addressPath), at, addressPath, "state_province");
  const country = read(mapping, item, "country", addressPath);
  const postcode = read(mapping, item, "postal_code", addressPath);
  const normalised = country === "GB" && typeof postcode === "string" ? normalisePostcode(postcode) : undefined;
  putAt(mapping, address, "postcode", normalised ?? postcode, at, addressPath, "postal_code");
  putAt(mapping, address, "country", country, at, addressPath, "country");
  putAt(mapping, address, "attention", readText(mapping, item, "attention", addressPath), at, addressPath, "attention");
  location.address = address;
}

/**
 * Read an ORUK `location` into the model's location at `locations[position]`: the first address
 * (or, for a confidential place, its masked address), coordinates, identifier and accessibility,
 * with features recognised in the accessibility words.
 *
 * @example
 * ```ts
 * readLocation(newMapping(false), { id: "l", location_type: "virtual", url: "https://example.org/join" }, [], 0);
 * // { id: "l", kind: "virtual", url: "https://example.org/join" }
 * ```
 */
export function readLocation(mapping: Mapping, raw: Json, path: PathSegment[], position: number): Json {
  const model: PathSegment[] = ["locations", position];
  if (mapping.track) mapping.sources.push([model, path]);
  const location: Json = {};
  putAt(mapping, location, "id", read(mapping, raw, "id", path), model, path, "id");
  putAt(mapping, location, "kind", read(mapping, raw, "location_type", path), model, path, "location_type");
  for (const field of ["name", "description", "url"] as const) putAt(mapping, location, field, readText(mapping, raw, field, path), model, path, field);
  putAt(mapping, location, "latitude", read(mapping, raw, "latitude", path), model, path, "latitude");
  putAt(mapping, location, "longitude", read(mapping, raw, "longitude", path), model, path, "longitude");
  const externalValue = readText(mapping, raw, "external_identifier", path);
  if (externalValue !== undefined) {
    const external: Json = { type: readText(mapping, raw, "external_identifier_type", path) ?? "unspecified", value: externalValue };
    putAt(mapping, location, "externalIdentifier", external, model, path, "external_identifier");
  }
  const first = list(mapping, raw, "addresses", path)[0];
  if (first !== undefined) readAddress(mapping, location, first.item, first.path, model);
  const notes: Json[] = [];
  for (const { item, path: notePath } of list(mapping, raw, "accessibility", path)) {
    const coded = readString(mapping, item, "accessibility", notePath);
    const description = readString(mapping, item, "description", notePath);
    const details = readString(mapping, item, "details", notePath);
    const at = [...model, "accessibility", notes.length];
    if (mapping.track) mapping.sources.push([at, notePath]);
    const codes = coded === undefined ? [] : coded.split(",").map((code) => code.trim());
    const allCoded = codes.length > 0 && codes.every((code) => AccessibilityFeature.safeParse(code).success);
    const words = [coded, description, details].filter((text): text is string => text !== undefined).join(" ");
    const note: Json = { features: allCoded ? codes : detectAccessibilityFeatures(words) };
    putAt(mapping, note, "description", description ?? (allCoded ? undefined : coded), at, notePath, description === undefined ? "accessibility" : "description");
    putAt(mapping, note, "details", details, at, notePath, "details");
    putAt(mapping, note, "url", readText(mapping, item, "url", notePath), at, notePath, "url");
    notes.push(note);
  }
  if (notes.length > 0) location.accessibility = notes;
  return location;
}
