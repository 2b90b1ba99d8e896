import type { PathSegment } from "@selfmanage/core";
import { put, read, readText, type Json, type Mapping } from "../mapping";
import { normalisePostcode } from "../postcode";

/**
 * Read one ALISS location into the model's location at `locations[position]`: its parts when
 * ALISS gives them (street, locality, region, postcode, country), otherwise the one-line
 * `formatted_address` read as "street, town, postcode". When both are given, the one-line form is
 * not read (the parts say more), so the importer keeps it in the record's extensions.
 *
 * @example
 * ```ts
 * readAlissLocation(newMapping(), { id: "l", formatted_address: "1 Example Road, Edinburgh, EH1 1YZ" }, ["locations", 0], 0).address;
 * // { country: "GB", line1: "1 Example Road", postcode: "EH1 1YZ", city: "Edinburgh" }
 * ```
 */
export function readAlissLocation(mapping: Mapping, raw: Json, path: PathSegment[], position: number): Json {
  const model: PathSegment[] = ["locations", position];
  mapping.sources.push([model, path]);
  const location: Json = { kind: "physical" };
  put(mapping, location, "id", read(mapping, raw, "id", path), model, [...path, "id"]);
  put(mapping, location, "name", readText(mapping, raw, "name", path), model, [...path, "name"]);
  put(mapping, location, "description", readText(mapping, raw, "description", path), model, [...path, "description"]);
  put(mapping, location, "latitude", read(mapping, raw, "latitude", path), model, [...path, "latitude"]);
  put(mapping, location, "longitude", read(mapping, raw, "longitude", path), model, [...path, "longitude"]);
  const street = readText(mapping, raw, "street_address", path);
  const locality = readText(mapping, raw, "locality", path);
  const postcode = readText(mapping, raw, "postal_code", path);
  const region = readText(mapping, raw, "region", path);
  const country = readText(mapping, raw, "country", path);
  const at = [...model, "address"];
  if (street !== undefined || locality !== undefined || postcode !== undefined) {
    const address: Json = { country: country ?? "GB" };
    mapping.sources.push([at, path], [[...at, "country"], [...path, "country"]]);
    put(mapping, address, "line1", street, at, [...path, "street_address"]);
    put(mapping, address, "city", locality, at, [...path, "locality"]);
    put(mapping, address, "region", region, at, [...path, "region"]);
    put(mapping, address, "postcode", typeof postcode === "string" ? (normalisePostcode(postcode) ?? postcode) : postcode, at, [...path, "postal_code"]);
    location.address = address;
  } else if (typeof raw.formatted_address === "string" && raw.formatted_address !== "") {
    const formatted = readText(mapping, raw, "formatted_address", path) as string;
    // Only the one-line form is given: "street, town, postcode" is the usual ALISS layout.
    const parts = formatted.split(",").map((part) => part.trim()).filter((part) => part !== "");
    const last = parts.at(-1);
    const normalised = last === undefined ? undefined : normalisePostcode(last);
    const address: Json = { country: country ?? "GB", line1: parts[0] };
    if (normalised !== undefined && parts.length >= 3) {
      address.postcode = normalised;
      address.city = parts.at(-2);
    } else {
      address.city = parts.at(-1);
      address.postcode = normalised ?? "";
    }
    const whole = [...path, "formatted_address"];
    mapping.sources.push([at, whole]);
    for (const field of ["line1", "city", "postcode", "country"]) mapping.sources.push([[...at, field], whole]);
    location.address = address;
  }
  return location;
}
