import { issue, type PathSegment } from "@selfmanage/core";
import { gssAreaKind } from "../areas";
import type { ExceptionReason } from "../hours";
import { list, putAt, read, readText, type Json, type Mapping } from "../mapping";
import { EXCEPTION_LABELS, GSS_URI, LOCATION_URN, WEEKDAY_CODES } from "./fields";

/**
 * Read an optional text field: absent, empty or null read as absent; anything but text is a
 * problem at its path (the standard says text), never dropped in silence.
 *
 * @example
 * ```ts
 * readString(newMapping(false), { description: 5 }, "description", []); // undefined, with an invalid_type problem
 * ```
 */
export function readString(mapping: Mapping, source: Json, field: string, path: readonly PathSegment[]): string | undefined {
  const value = readText(mapping, source, field, path);
  if (value === undefined || typeof value === "string") return value;
  mapping.direct.push(issue([...path, field], "invalid_type", "Expected text."));
  return undefined;
}

/** `HH:MM[:SS[.fff]][zone]` as the model's `HH:MM`; anything else is left for the model to report. */
function timeOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  return match ? `${match[1]}:${match[2]}` : value;
}

/**
 * Read ORUK `schedules` into the model's opening hours: weekly rows become periods (one per day of
 * `byday`), rows valid on a single date without `freq` become dated exceptions, and descriptions
 * and notes become the hours' notes. Rows the model cannot hold (monthly rules, times without days)
 * are left out here; the importer keeps them in the record's extensions and says so.
 *
 * @example
 * ```ts
 * readHours(newMapping(false), { schedules: [{ id: "a", freq: "WEEKLY", byday: "MO", opens_at: "09:00", closes_at: "12:00" }] }, [], ["service"]);
 * // { weekly: [{ day: "monday", opens: "09:00", closes: "12:00" }] }
 * ```
 */
export function readHours(mapping: Mapping, raw: Json, path: PathSegment[], modelPath: PathSegment[]): Json | undefined {
  const rows = list(mapping, raw, "schedules", path);
  if (rows.length === 0) return undefined;
  const weekly: Json[] = [];
  const exceptions = new Map<string, Json>();
  const notes: string[] = [];
  const hoursPath = [...modelPath, "hours"];
  for (const { item, path: rowPath } of rows) {
    const freq = read(mapping, item, "freq", rowPath);
    const validFrom = readText(mapping, item, "valid_from", rowPath);
    const validTo = readText(mapping, item, "valid_to", rowPath);
    const opens = timeOf(readText(mapping, item, "opens_at", rowPath));
    const closes = timeOf(readText(mapping, item, "closes_at", rowPath));
    const description = readString(mapping, item, "description", rowPath);
    const rowNotes = readString(mapping, item, "notes", rowPath);
    const byday = readText(mapping, item, "byday", rowPath);
    if (freq === undefined && validFrom !== undefined && validFrom === validTo && byday === undefined) {
      const date = validFrom as string;
      const reason = (Object.keys(EXCEPTION_LABELS) as ExceptionReason[]).find((key) => EXCEPTION_LABELS[key] === description);
      const known = exceptions.get(date);
      const exception = known ?? { date, periods: [] as Json[] };
      const position = known === undefined ? exceptions.size : [...exceptions.keys()].indexOf(date);
      if (known === undefined) {
        if (mapping.track) mapping.sources.push([[...hoursPath, "exceptions", position], rowPath], [[...hoursPath, "exceptions", position, "date"], [...rowPath, "valid_from"]]);
        exceptions.set(date, exception);
      }
      if (reason !== undefined) exception.reason = reason;
      const noteText = [reason === undefined ? description : undefined, rowNotes].filter((text): text is string => text !== undefined).join("\n\n");
      if (noteText !== "") {
        exception.note = noteText;
        if (mapping.track) mapping.sources.push([[...hoursPath, "exceptions", position, "note"], [...rowPath, rowNotes === undefined ? "description" : "notes"]]);
      }
      if (opens !== undefined || closes !== undefined) {
        const periods = exception.periods as Json[];
        const at = [...hoursPath, "exceptions", position, "periods", periods.length];
        if (mapping.track) mapping.sources.push([at, rowPath], [[...at, "opens"], [...rowPath, "opens_at"]], [[...at, "closes"], [...rowPath, "closes_at"]]);
        periods.push({ opens, closes });
      }
      continue;
    }
    for (const text of [description, rowNotes]) if (text !== undefined && !notes.includes(text)) notes.push(text);
    // Every other week, or a set number of times, is more than weekly periods can say: such rows stay in the record's extensions.
    const interval = item.interval;
    const repeatsWeekly = (freq === undefined || freq === "WEEKLY") && (interval === undefined || interval === null || interval === 1) && (item.count === undefined || item.count === null);
    if (!repeatsWeekly || byday === undefined) continue;
    const days = typeof byday === "string" ? byday.split(",").map((token) => token.trim().toUpperCase()) : [byday];
    for (const day of days) {
      const period: Json = { day: typeof day === "string" ? (WEEKDAY_CODES[day] ?? day) : day, opens, closes };
      if (validFrom !== undefined) period.validFrom = validFrom;
      if (validTo !== undefined) period.validTo = validTo;
      const at = [...hoursPath, "weekly", weekly.length];
      if (mapping.track) mapping.sources.push([at, rowPath], [[...at, "day"], [...rowPath, "byday"]], [[...at, "opens"], [...rowPath, "opens_at"]], [[...at, "closes"], [...rowPath, "closes_at"]]);
      if (mapping.track) mapping.sources.push([[...at, "validFrom"], [...rowPath, "valid_from"]], [[...at, "validTo"], [...rowPath, "valid_to"]]);
      weekly.push(period);
    }
  }
  const hours: Json = { weekly };
  if (exceptions.size > 0) hours.exceptions = [...exceptions.values()];
  if (notes.length > 0) {
    hours.notes = notes.join("\n\n");
    if (mapping.track) mapping.sources.push([[...hoursPath, "notes"], [...path, "schedules"]]);
  }
  if (mapping.track) mapping.sources.push([hoursPath, [...path, "schedules"]]);
  return hours;
}

/**
 * Read ORUK `service_areas`: `extent_type` `national`, `gss` (a GSS code in `extent`) and
 * `radius-km` map to the model's kinds; anything else is an area described in words.
 *
 * @example
 * ```ts
 * readAreas(newMapping(false), { service_areas: [{ id: "a", extent_type: "gss", extent: "S12000036" }] }, [], ["service"]);
 * // [{ kind: "council-area", code: "S12000036" }]
 * ```
 */
export function readAreas(mapping: Mapping, raw: Json, path: PathSegment[], modelPath: PathSegment[]): Json[] {
  const areas: Json[] = [];
  for (const { item, path: areaPath } of list(mapping, raw, "service_areas", path)) {
    const extentType = read(mapping, item, "extent_type", areaPath);
    const at = [...modelPath, "areas", areas.length];
    if (mapping.track) mapping.sources.push([at, areaPath]);
    const name = readString(mapping, item, "name", areaPath);
    const extent = read(mapping, item, "extent", areaPath);
    const radius = typeof extent === "string" && extent.trim() !== "" ? Number(extent) : extent;
    if (extentType === "national") {
      const area: Json = { kind: "national" };
      putAt(mapping, area, "name", name, at, areaPath, "name");
      areas.push(area);
    } else if (extentType === "gss" && typeof extent === "string" && gssAreaKind(extent) !== undefined) {
      const area: Json = { kind: gssAreaKind(extent) };
      putAt(mapping, area, "code", extent, at, areaPath, "extent");
      putAt(mapping, area, "name", name, at, areaPath, "name");
      areas.push(area);
    } else if (extentType === "radius-km" && typeof radius === "number" && Number.isFinite(radius)) {
      const area: Json = { kind: "radius" };
      putAt(mapping, area, "radiusKm", radius, at, areaPath, "extent");
      const uri = read(mapping, item, "uri", areaPath);
      if (typeof uri === "string" && uri.startsWith(LOCATION_URN)) putAt(mapping, area, "locationId", uri.slice(LOCATION_URN.length), at, areaPath, "uri");
      areas.push(area);
    } else {
      // HSDS 3.0 calls the words `description`, the ORUK profile `service_area`.
      const described = readString(mapping, item, "service_area", areaPath) ?? readString(mapping, item, "description", areaPath);
      const source = item.service_area !== undefined && item.service_area !== null && item.service_area !== "" ? "service_area" : "description";
      if (described === undefined && name === undefined) {
        if (mapping.track) mapping.sources.pop();
        continue;
      }
      const area: Json = { kind: "described" };
      putAt(mapping, area, "description", described ?? name, at, areaPath, described === undefined ? "name" : source);
      if (described !== undefined && name !== undefined && name !== described) putAt(mapping, area, "name", name, at, areaPath, "name");
      areas.push(area);
    }
  }
  return areas;
}

/** The `uri` the exporter writes for a GSS area. */
export const gssUri = (code: string): string => `${GSS_URI}${code}`;
