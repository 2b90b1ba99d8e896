import KDBush from "kdbush";
import { toEpochMillis } from "@selfmanage/core";
import { categoryLabel, signpostingCodes, type AccessibilityFeature, type ServiceCategory } from "../codes";
import { ServiceStatus, type AttendingType, type Directory, type Location, type Service } from "../directory";
import { searchPosition } from "./geo";
import { buildTextIndex, type TextIndex } from "./text-index";

/**
 * The version of the index layout; {@link loadSearchIndex} refuses any other.
 *
 * @example
 * ```ts
 * buildSearchIndex(directory).format === SEARCH_INDEX_FORMAT; // true
 * ```
 */
export const SEARCH_INDEX_FORMAT = 1;

/**
 * The categories in code-table order: category `c` is bit `1 << c` of a category mask.
 *
 * @example
 * ```ts
 * CATEGORY_CODES.indexOf("wrap"); // its bit is 1 << that position
 * ```
 */
export const CATEGORY_CODES = signpostingCodes.categories.map((entry) => entry.code as ServiceCategory);
/**
 * The bit of each category in a category mask.
 *
 * @example
 * ```ts
 * categoryBits.get("peer-support-one-to-one"); // 1
 * ```
 */
export const categoryBits: ReadonlyMap<ServiceCategory, number> = new Map(CATEGORY_CODES.map((code, position) => [code, 1 << position]));
/**
 * The bit of each accessibility feature in an accessibility mask.
 *
 * @example
 * ```ts
 * accessibilityBits.get("hearing-loop"); // 1
 * ```
 */
export const accessibilityBits: ReadonlyMap<AccessibilityFeature, number> = new Map(
  signpostingCodes.accessibilityFeatures.map((entry, position) => [entry.code as AccessibilityFeature, 1 << position]),
);
/**
 * The bit of each attending type in an attending mask.
 *
 * @example
 * ```ts
 * attendingBits.get("online"); // 4
 * ```
 */
export const attendingBits: ReadonlyMap<AttendingType, number> = new Map<AttendingType, number>([
  ["in-person", 1],
  ["phone", 2],
  ["online", 4],
  ["home-visit", 8],
]);
/**
 * The service statuses in schema order: status `s` is bit `1 << s` of a status mask.
 *
 * @example
 * ```ts
 * STATUS_CODES[0]; // "active"
 * ```
 */
export const STATUS_CODES: readonly ServiceStatus[] = ServiceStatus.options;
/**
 * The bit of each status in a status mask.
 *
 * @example
 * ```ts
 * statusBits.get("active"); // 1
 * ```
 */
export const statusBits: ReadonlyMap<ServiceStatus, number> = new Map(STATUS_CODES.map((status, position) => [status, 1 << position]));

/**
 * Flag of a service that covers the whole country.
 *
 * @example
 * ```ts
 * (index.data.flags[0] & FLAG_NATIONAL) !== 0;
 * ```
 */
export const FLAG_NATIONAL = 1;
/**
 * Flag of a service that ranks after all others.
 *
 * @example
 * ```ts
 * (index.data.flags[0] & FLAG_DEPRIORITISED) !== 0;
 * ```
 */
export const FLAG_DEPRIORITISED = 2;

/**
 * A kd-tree over some of the points, and which point each of its items is.
 *
 * @example
 * ```ts
 * const { tree, points } = index.data.allPoints;
 * ```
 */
export interface PointSet {
  readonly tree: KDBush;
  readonly points: Uint32Array;
}

/**
 * Counts of points per cell of a coarse grid, so that the planner can guess how many a circle holds.
 *
 * @example
 * ```ts
 * index.data.pointGrid.counts.length === index.data.pointGrid.rows * index.data.pointGrid.columns; // true
 * ```
 */
export interface PointGrid {
  readonly minLatitude: number;
  readonly minLongitude: number;
  readonly cellDegrees: number;
  readonly rows: number;
  readonly columns: number;
  readonly counts: Uint32Array;
}

/**
 * Everything a search index holds, as flat arrays indexed by the position of a service in the
 * directory (services) or of a located point (points). Only the directory's own records are
 * objects; everything derived is numbers, so it can be saved and loaded without rebuilding.
 *
 * @example
 * ```ts
 * buildSearchIndex(directory).data.categoryMask.length === directory.services.length; // true
 * ```
 */
export interface IndexData {
  readonly services: readonly Service[];
  readonly locations: readonly Location[];
  readonly status: Uint8Array;
  readonly flags: Uint8Array;
  readonly categoryMask: Uint32Array;
  readonly accessibilityMask: Uint32Array;
  readonly attendingMask: Uint8Array;
  readonly minimumAge: Float64Array;
  readonly maximumAge: Float64Array;
  /** Epoch milliseconds of the later of lastReviewed and assuredDate (-Infinity when neither). */
  readonly freshness: Float64Array;
  /** Base language subtags; service `s` speaks `languages[languageIds[i]]` for i from `languageStart[s]` to `languageStart[s + 1]`. */
  readonly languages: readonly string[];
  readonly languageStart: Uint32Array;
  readonly languageIds: Uint16Array;
  /** Points of service `s`: `pointStart[s]` to `pointStart[s + 1]`. Each point is a location with coordinates. */
  readonly pointStart: Uint32Array;
  /** Where search measures from: for a confidential place, its grid cell centre. */
  readonly pointLatitude: Float64Array;
  readonly pointLongitude: Float64Array;
  readonly pointConfidential: Uint8Array;
  /** Radius in km of a service area around this point (0 when none). */
  readonly pointCoverageKm: Float64Array;
  /** Position of the point's location in `locations`. */
  readonly pointLocation: Uint32Array;
  /** Position of the point's service in `services`. */
  readonly pointService: Uint32Array;
  readonly allPoints: PointSet;
  /** Points of the services in each category (by category position), for radius queries that name categories. */
  readonly categoryPoints: readonly (PointSet | undefined)[];
  /** Points with a radius service area, and the largest radius. */
  readonly coveragePoints: PointSet;
  readonly maxCoverageKm: number;
  readonly pointGrid: PointGrid;
  readonly coverageGrid: PointGrid;
  /** Services in each category, by category position. */
  readonly categoryServices: readonly Uint32Array[];
  /** Services covering each GSS area: `areaServices` from `areaStart[a]` to `areaStart[a + 1]` for `areaCodes[a]`. */
  readonly areaCodes: readonly string[];
  readonly areaStart: Uint32Array;
  readonly areaServices: Uint32Array;
  readonly areaByCode: ReadonlyMap<string, number>;
  readonly nationalServices: Uint32Array;
  readonly text: TextIndex;
}

/**
 * A search index built once from a directory by {@link buildSearchIndex} (or loaded with
 * {@link loadSearchIndex}): spatial indexes of locations, per-category lists, a word index
 * and per-service facts, held as flat arrays. Treat it as read-only; build a new one when the
 * directory changes.
 *
 * @example
 * ```ts
 * const index: SearchIndex = buildSearchIndex({ organisations: [], locations: [], services: [] });
 * index.size; // 0
 * ```
 */
export interface SearchIndex {
  /** Number of services indexed. */
  readonly size: number;
  /** The layout version (see {@link serialiseSearchIndex}). */
  readonly format: number;
  /** @internal */
  readonly data: IndexData;
}

function maskOf<T>(values: readonly T[] | undefined, bits: ReadonlyMap<T, number>): number {
  let mask = 0;
  for (const value of values ?? []) mask |= bits.get(value) ?? 0;
  return mask;
}

/**
 * A language tag's base subtag in lower case: "en-GB" is "en".
 *
 * @example
 * ```ts
 * baseLanguage("en-GB"); // "en"
 * ```
 */
export function baseLanguage(tag: string): string {
  return (tag.split("-")[0] as string).toLowerCase();
}

function freshnessOf(service: Service, millis: (date: string) => number): number {
  const reviewed = service.lastReviewed === undefined ? Number.NEGATIVE_INFINITY : millis(service.lastReviewed);
  const assured = service.assuredDate === undefined ? Number.NEGATIVE_INFINITY : millis(service.assuredDate);
  return Math.max(reviewed, assured);
}

/** A function that remembers its answers: directories repeat the same dates and language tags many times. */
function remembered<T>(work: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined && !known.has(key)) {
      value = work(key);
      known.set(key, value);
    }
    return value as T;
  };
}

function pointSet(points: ArrayLike<number>, latitude: Float64Array, longitude: Float64Array): PointSet {
  const tree = new KDBush(Math.max(points.length, 1));
  for (let item = 0; item < points.length; item += 1) tree.add(longitude[points[item] as number] as number, latitude[points[item] as number] as number);
  // kdbush needs at least one item; an empty set holds one at 0,0 that maps to no point.
  if (points.length === 0) tree.add(0, 0);
  tree.finish();
  return { tree, points: Uint32Array.from(points) };
}

const GRID_CELLS = 256;

function pointGrid(points: ArrayLike<number>, latitude: Float64Array, longitude: Float64Array): PointGrid {
  let minLatitude = 90;
  let maxLatitude = -90;
  let minLongitude = 180;
  let maxLongitude = -180;
  for (let item = 0; item < points.length; item += 1) {
    const point = points[item] as number;
    minLatitude = Math.min(minLatitude, latitude[point] as number);
    maxLatitude = Math.max(maxLatitude, latitude[point] as number);
    minLongitude = Math.min(minLongitude, longitude[point] as number);
    maxLongitude = Math.max(maxLongitude, longitude[point] as number);
  }
  if (points.length === 0) return { minLatitude: 0, minLongitude: 0, cellDegrees: 1, rows: 1, columns: 1, counts: new Uint32Array(1) };
  const cellDegrees = Math.max(0.05, (maxLatitude - minLatitude) / GRID_CELLS, (maxLongitude - minLongitude) / GRID_CELLS);
  const rows = Math.floor((maxLatitude - minLatitude) / cellDegrees) + 1;
  const columns = Math.floor((maxLongitude - minLongitude) / cellDegrees) + 1;
  const counts = new Uint32Array(rows * columns);
  for (let item = 0; item < points.length; item += 1) {
    const point = points[item] as number;
    const row = Math.floor(((latitude[point] as number) - minLatitude) / cellDegrees);
    const column = Math.floor(((longitude[point] as number) - minLongitude) / cellDegrees);
    counts[row * columns + column] = (counts[row * columns + column] as number) + 1;
  }
  return { minLatitude, minLongitude, cellDegrees, rows, columns, counts };
}

/** A growable list of unsigned integers, handed over as a Uint32Array. */
class NumberList {
  private values = new Uint32Array(64);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    this.length += 1;
  }
  last(): number | undefined {
    return this.length === 0 ? undefined : this.values[this.length - 1];
  }
  at(position: number): number | undefined {
    return this.values[position];
  }
  finish(): Uint32Array {
    return this.values.slice(0, this.length);
  }
}

/**
 * Build a search index from a directory, once; then run any number of {@link searchServices} queries on it.
 * Locations are resolved by id; a service's unknown location ids are ignored here (use
 * `validateDirectory` to catch them). Services are referred to by their position in
 * `directory.services`, so keep the directory as it was while the index is in use.
 *
 * @example
 * ```ts
 * const directory: Directory = {
 *   organisations: [],
 *   locations: [{ id: "clinic", kind: "physical", latitude: 57.4778, longitude: -4.2247 }],
 *   services: [
 *     { id: "coaching", name: "Example Inverness Health Coaching", status: "active", categories: ["health-coaching"], locationIds: ["clinic"] },
 *     { id: "walks", name: "Example Inverness Walking Group", status: "active", categories: ["physical-activity"], locationIds: ["clinic"] },
 *   ],
 * };
 * const index = buildSearchIndex(directory);
 * searchServices(index, { categories: ["health-coaching"], limit: 5 }).map((match) => match.service.id); // ["coaching"]
 * ```
 */
export function buildSearchIndex(directory: Directory): SearchIndex {
  const services = directory.services;
  const locations = directory.locations;
  const count = services.length;
  const locationPosition = new Map<string, number>();
  locations.forEach((location, position) => locationPosition.set(location.id, position));

  const status = new Uint8Array(count);
  const flags = new Uint8Array(count);
  const categoryMask = new Uint32Array(count);
  const accessibilityMask = new Uint32Array(count);
  const attendingMask = new Uint8Array(count);
  const minimumAge = new Float64Array(count);
  const maximumAge = new Float64Array(count);
  const freshness = new Float64Array(count);
  const languages: string[] = [];
  const languageId = new Map<string, number>();
  const languageStart = new Uint32Array(count + 1);
  const languageIds = new NumberList();
  const pointStart = new Uint32Array(count + 1);
  const latitudes: number[] = [];
  const longitudes: number[] = [];
  const confidential: number[] = [];
  const coverage: number[] = [];
  const pointLocations: number[] = [];
  const pointServices: number[] = [];
  const categoryLists = CATEGORY_CODES.map(() => new NumberList());
  const categoryPointLists = CATEGORY_CODES.map(() => new NumberList());
  const coverageList = new NumberList();
  const areaLists = new Map<string, NumberList>();
  const national = new NumberList();
  const millis = remembered(toEpochMillis);
  const languageOf = remembered((tag) => {
    const base = baseLanguage(tag);
    let id = languageId.get(base);
    if (id === undefined) {
      id = languages.length;
      languageId.set(base, id);
      languages.push(base);
    }
    return id;
  });

  for (let position = 0; position < count; position += 1) {
    const service = services[position] as Service;
    const areas = service.areas ?? [];
    const mask = maskOf(service.categories, categoryBits);
    let isNational = false;
    for (const area of areas) {
      if (area.kind === "national") isNational = true;
      else if (area.kind === "health-board" || area.kind === "council-area" || area.kind === "ward") {
        let list = areaLists.get(area.code);
        if (list === undefined) areaLists.set(area.code, (list = new NumberList()));
        if (list.last() !== position) list.push(position);
      }
    }
    status[position] = STATUS_CODES.indexOf(service.status);
    flags[position] = (isNational ? FLAG_NATIONAL : 0) | (service.deprioritised === true ? FLAG_DEPRIORITISED : 0);
    categoryMask[position] = mask;
    attendingMask[position] = maskOf(service.attending, attendingBits);
    minimumAge[position] = service.eligibility?.minimumAge ?? 0;
    maximumAge[position] = service.eligibility?.maximumAge ?? Number.POSITIVE_INFINITY;
    freshness[position] = freshnessOf(service, millis);
    if (isNational) national.push(position);
    for (let category = 0; category < CATEGORY_CODES.length; category += 1) if (mask & (1 << category)) categoryLists[category]?.push(position);

    languageStart[position] = languageIds.length;
    for (const tag of service.languages ?? ["en"]) {
      const id = languageOf(tag);
      // A service lists each language once, even when two tags share a base ("en", "en-GB").
      let listed = false;
      for (let slot = languageStart[position] as number; slot < languageIds.length && !listed; slot += 1) listed = languageIds.at(slot) === id;
      if (!listed) languageIds.push(id);
    }

    let accessibility = maskOf(service.accessibility, accessibilityBits);
    pointStart[position] = latitudes.length;
    for (const locationId of service.locationIds ?? []) {
      const at = locationPosition.get(locationId);
      if (at === undefined) continue;
      const location = locations[at] as Location;
      for (const note of location.accessibility ?? []) accessibility |= maskOf(note.features, accessibilityBits);
      const place = searchPosition(location);
      if (place === undefined) continue;
      let coverageKm = 0;
      for (const area of areas) {
        if (area.kind === "radius" && (area.locationId === undefined || area.locationId === location.id)) coverageKm = Math.max(coverageKm, area.radiusKm);
      }
      const point = latitudes.length;
      latitudes.push(place.latitude);
      longitudes.push(place.longitude);
      confidential.push(location.confidential === true ? 1 : 0);
      coverage.push(coverageKm);
      pointLocations.push(at);
      pointServices.push(position);
      if (coverageKm > 0) coverageList.push(point);
      for (let category = 0; category < CATEGORY_CODES.length; category += 1) if (mask & (1 << category)) categoryPointLists[category]?.push(point);
    }
    accessibilityMask[position] = accessibility;
  }
  languageStart[count] = languageIds.length;
  pointStart[count] = latitudes.length;

  const pointLatitude = Float64Array.from(latitudes);
  const pointLongitude = Float64Array.from(longitudes);
  const pointCoverageKm = Float64Array.from(coverage);
  const everyPoint = new Uint32Array(latitudes.length);
  for (let point = 0; point < everyPoint.length; point += 1) everyPoint[point] = point;
  const coveragePointList = coverageList.finish();
  let maxCoverageKm = 0;
  for (const point of coveragePointList) maxCoverageKm = Math.max(maxCoverageKm, pointCoverageKm[point] as number);

  const areaCodes = [...areaLists.keys()].sort();
  const areaStart = new Uint32Array(areaCodes.length + 1);
  const areaServices = new NumberList();
  areaCodes.forEach((code, area) => {
    areaStart[area] = areaServices.length;
    for (const service of (areaLists.get(code) as NumberList).finish()) areaServices.push(service);
  });
  areaStart[areaCodes.length] = areaServices.length;

  const categoryLabels = CATEGORY_CODES.map(categoryLabel);
  const text = buildTextIndex(
    count,
    (position) => {
      const service = services[position] as Service;
      const mask = categoryMask[position] as number;
      const categories: number[] = [];
      for (let category = 0; category < CATEGORY_CODES.length; category += 1) if (mask & (1 << category)) categories.push(category);
      return { name: service.name, description: service.description ?? "", categories };
    },
    categoryLabels,
  );

  const data: IndexData = {
    services,
    locations,
    status,
    flags,
    categoryMask,
    accessibilityMask,
    attendingMask,
    minimumAge,
    maximumAge,
    freshness,
    languages,
    languageStart,
    languageIds: Uint16Array.from(languageIds.finish()),
    pointStart,
    pointLatitude,
    pointLongitude,
    pointConfidential: Uint8Array.from(confidential),
    pointCoverageKm,
    pointLocation: Uint32Array.from(pointLocations),
    pointService: Uint32Array.from(pointServices),
    allPoints: pointSet(everyPoint, pointLatitude, pointLongitude),
    categoryPoints: categoryPointLists.map((list) => (list.length === 0 ? undefined : pointSet(list.finish(), pointLatitude, pointLongitude))),
    coveragePoints: pointSet(coveragePointList, pointLatitude, pointLongitude),
    maxCoverageKm,
    pointGrid: pointGrid(everyPoint, pointLatitude, pointLongitude),
    coverageGrid: pointGrid(coveragePointList, pointLatitude, pointLongitude),
    categoryServices: categoryLists.map((list) => list.finish()),
    areaCodes,
    areaStart,
    areaServices: areaServices.finish(),
    areaByCode: new Map(areaCodes.map((code, area) => [code, area])),
    nationalServices: national.finish(),
    text,
  };
  return { size: count, format: SEARCH_INDEX_FORMAT, data };
}
