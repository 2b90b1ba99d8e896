import KDBush from "kdbush";
import { around } from "geokdbush";
import MiniSearch from "minisearch";
import { SelfManageError, toEpochMillis, type IsoDateTime } from "@selfmanage/core";
import { categoryLabel, signpostingCodes, type AccessibilityFeature, type ServiceCategory } from "./codes";
import { enclosingAreaCodes } from "./areas";
import { isOpenAtLondonTime, toLondonTime } from "./hours";
import type { AttendingType, Directory, Location, Service, ServiceStatus } from "./directory";

const EARTH_RADIUS_KM = 6371;
const RADIANS = Math.PI / 180;

/**
 * A point on the globe in WGS84 decimal degrees.
 *
 * @example
 * ```ts
 * const edinburgh: GeoPoint = { latitude: 55.9533, longitude: -3.1883 };
 * ```
 */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/**
 * Great-circle distance in kilometres between two points (the haversine formula, Earth radius 6371 km).
 *
 * @example
 * ```ts
 * Math.round(distanceKm({ latitude: 55.9533, longitude: -3.1883 }, { latitude: 55.8642, longitude: -4.2518 })); // 67 (Edinburgh to Glasgow)
 * ```
 */
export function distanceKm(from: GeoPoint, to: GeoPoint): number {
  const halfLatitude = Math.sin(((to.latitude - from.latitude) * RADIANS) / 2);
  const halfLongitude = Math.sin(((to.longitude - from.longitude) * RADIANS) / 2);
  const chord = halfLatitude * halfLatitude + Math.cos(from.latitude * RADIANS) * Math.cos(to.latitude * RADIANS) * halfLongitude * halfLongitude;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(chord)));
}

/** Confidential places are placed in 5 km bands, so that no query can narrow their position further. */
const CONFIDENTIAL_BAND_KM = 5;
/** Grid cells of 0.05 degrees of latitude by 0.1 of longitude: about 5.6 km by 6 km in Scotland. */
const CELLS_PER_DEGREE_LATITUDE = 20;
const CELLS_PER_DEGREE_LONGITUDE = 10;

/**
 * The point search measures from for a location, or `undefined` when it has no coordinates. A
 * confidential place is measured from the centre of the grid cell it lies in (about 5.6 km by
 * 6 km in Scotland), never from its own coordinates. Banding distances alone would not be
 * enough: by moving the query point and watching where a band changes, anyone could draw circles
 * through the true position and find it; with the cell centre they can only find the cell.
 *
 * @example
 * ```ts
 * searchPosition({ id: "refuge", kind: "physical", confidential: true, maskedAddress: { locality: "Perth" }, latitude: 56.391, longitude: -3.437 });
 * // { latitude: 56.375, longitude: -3.45 }
 * ```
 */
export function searchPosition(location: Location): GeoPoint | undefined {
  const { latitude, longitude } = location;
  if (latitude === undefined || longitude === undefined) return undefined;
  if (location.confidential !== true) return { latitude, longitude };
  return {
    latitude: Math.min(90, (Math.floor(latitude * CELLS_PER_DEGREE_LATITUDE) + 0.5) / CELLS_PER_DEGREE_LATITUDE),
    longitude: Math.min(180, (Math.floor(longitude * CELLS_PER_DEGREE_LONGITUDE) + 0.5) / CELLS_PER_DEGREE_LONGITUDE),
  };
}

/**
 * The distance shown and used for a confidential place: the distance to its grid cell (see
 * {@link searchPosition}) rounded up to the next 5 km band, so that no result, ranking or radius
 * filter reveals the exact position.
 *
 * @example
 * ```ts
 * bandedDistanceKm(3.2); // 5
 * bandedDistanceKm(12); // 15
 * ```
 */
export function bandedDistanceKm(distance: number): number {
  return Math.max(CONFIDENTIAL_BAND_KM, Math.ceil(distance / CONFIDENTIAL_BAND_KM) * CONFIDENTIAL_BAND_KM);
}

/**
 * A search: every criterion is optional, and the ones given must all hold.
 *
 * - `categories` (or `needs`): services in any of them; more matched categories rank higher.
 * - `near` + `radiusKm`: a location within the radius, or a service area that covers the point
 *   (a radius around the service), or national coverage. `near` alone only ranks by distance.
 * - `areaCodes`: the person's GSS areas (ward, council area, health board); services covering any of
 *   them, or the health board containing a council area, or the whole country, match without a radius.
 * - `openAt`: open at that instant (Europe/London time); services without hours do not match.
 * - `age`: within the eligibility age range. `attending`, `languages`: any of them.
 *   `accessibility`: all of the features. `text`: every word, as a prefix, with small typos forgiven.
 * - `statuses`: defaults to active services only. `limit` defaults to 20.
 * - `distanceDecayKm`: the distance at which a match counts half as much (default 5 km).
 *
 * @example
 * ```ts
 * const query: ServiceQuery = {
 *   categories: ["peer-support-group"],
 *   near: { latitude: 55.9533, longitude: -3.1883 },
 *   radiusKm: 10,
 *   openAt: "2026-03-03T18:30:00Z",
 *   age: 34,
 * };
 * ```
 */
export interface ServiceQuery {
  near?: GeoPoint;
  radiusKm?: number;
  categories?: ServiceCategory[];
  needs?: ServiceCategory[];
  text?: string;
  areaCodes?: string[];
  openAt?: Date | IsoDateTime;
  age?: number;
  attending?: AttendingType[];
  accessibility?: AccessibilityFeature[];
  languages?: string[];
  statuses?: ServiceStatus[];
  limit?: number;
  distanceDecayKm?: number;
}

/**
 * Why a service matched: a category, the text, being within the radius, covering the person's area
 * (or the country, or a radius around itself), being open at the time asked, or just being eligible.
 *
 * @example
 * ```ts
 * const reason: MatchReason = "within-radius";
 * ```
 */
export type MatchReason = "category" | "text" | "within-radius" | "covers-area" | "national" | "covers-point" | "open";

/**
 * One search result. For a confidential place, `distanceKm` is banded (see {@link bandedDistanceKm}),
 * `distanceIsApproximate` is true, and `location` carries only the masked address.
 *
 * @example
 * ```ts
 * function describe(match: ServiceMatch): string {
 *   return match.distanceKm === undefined ? match.service.name : `${match.service.name} (${match.distanceKm.toFixed(1)} km)`;
 * }
 * ```
 */
export interface ServiceMatch {
  service: Service;
  /** Relevance times distance decay, between 0 and 1, rounded to 6 decimal places. */
  score: number;
  distanceKm?: number;
  distanceIsApproximate?: true;
  /** The nearest location, when a point was given and the service has one with coordinates. */
  location?: Location;
  reasons: MatchReason[];
}

/**
 * A search index built once from a directory by {@link buildSearchIndex}: a spatial index of
 * locations (kdbush), one per category, a text index (MiniSearch), and per-service lookups.
 * Treat it as read-only; build a new one when the directory changes.
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
  readonly entries: readonly IndexedService[];
  readonly points: KDBush;
  readonly categoryPoints: ReadonlyMap<ServiceCategory, { index: KDBush; points: readonly IndexedPoint[] }>;
  readonly allPoints: readonly IndexedPoint[];
  readonly coveragePoints: { index: KDBush; points: readonly IndexedPoint[]; maxRadiusKm: number };
  readonly byCategory: ReadonlyMap<ServiceCategory, readonly number[]>;
  readonly byArea: ReadonlyMap<string, readonly number[]>;
  readonly national: readonly number[];
  readonly text: MiniSearch<{ id: number; name: string; description: string; categories: string }>;
}

/**
 * A service as the index holds it: the record and precomputed bit masks and bounds.
 *
 * @example
 * ```ts
 * const index = buildSearchIndex({ organisations: [], locations: [], services: [] });
 * const first: IndexedService | undefined = index.entries[0];
 * ```
 */
export interface IndexedService {
  service: Service;
  locations: Location[];
  categoryMask: number;
  accessibilityMask: number;
  attendingMask: number;
  languages: string[];
  minimumAge: number;
  maximumAge: number;
  /** Epoch milliseconds of the later of lastReviewed and assuredDate (-Infinity when neither). */
  freshness: number;
  national: boolean;
}

/**
 * A located point of a service in the spatial index.
 *
 * @example
 * ```ts
 * const point: IndexedPoint = { entry: 0, location: 0, latitude: 55.95, longitude: -3.19, confidential: false, coverageKm: 0 };
 * ```
 */
export interface IndexedPoint {
  /** Position of the service in `entries`. */
  entry: number;
  /** Position of the location in the service's `locations`. */
  location: number;
  /** Where search measures from: for a confidential place, its grid cell centre (see {@link searchPosition}). */
  latitude: number;
  longitude: number;
  confidential: boolean;
  /** Radius in km of a service area around this point (0 when none). */
  coverageKm: number;
}

const categoryBits = new Map(signpostingCodes.categories.map((entry, position) => [entry.code as ServiceCategory, 1 << position]));
const accessibilityBits = new Map(signpostingCodes.accessibilityFeatures.map((entry, position) => [entry.code as AccessibilityFeature, 1 << position]));
const attendingBits = new Map<AttendingType, number>([
  ["in-person", 1],
  ["phone", 2],
  ["online", 4],
  ["home-visit", 8],
]);

function maskOf<T>(values: readonly T[] | undefined, bits: ReadonlyMap<T, number>): number {
  let mask = 0;
  for (const value of values ?? []) mask |= bits.get(value) ?? 0;
  return mask;
}

function baseLanguage(tag: string): string {
  return (tag.split("-")[0] as string).toLowerCase();
}

function freshnessOf(service: Service): number {
  const reviewed = service.lastReviewed === undefined ? Number.NEGATIVE_INFINITY : toEpochMillis(service.lastReviewed);
  const assured = service.assuredDate === undefined ? Number.NEGATIVE_INFINITY : toEpochMillis(service.assuredDate);
  return Math.max(reviewed, assured);
}

function spatialIndex(points: readonly IndexedPoint[]): KDBush {
  const index = new KDBush(Math.max(points.length, 1));
  for (const point of points) index.add(point.longitude, point.latitude);
  // kdbush needs at least one item; a point at 0,0 is never returned because no point maps to it.
  if (points.length === 0) index.add(0, 0);
  return index.finish();
}

function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((token) => token.length > 0);
}

/**
 * Build a search index from a directory, once; then run any number of {@link searchServices} queries on it.
 * Locations are resolved by id; a service's unknown location ids are ignored here (use
 * `validateDirectory` to catch them).
 *
 * @example
 * ```ts
 * const index = buildSearchIndex(generateSyntheticDirectory(500, 7));
 * searchServices(index, { categories: ["health-coaching"], limit: 5 }).length; // up to 5
 * ```
 */
export function buildSearchIndex(directory: Directory): SearchIndex {
  const locationsById = new Map(directory.locations.map((location) => [location.id, location]));
  const entries: IndexedService[] = [];
  const allPoints: IndexedPoint[] = [];
  const coverage: IndexedPoint[] = [];
  const categoryPointLists = new Map<ServiceCategory, IndexedPoint[]>();
  const byCategory = new Map<ServiceCategory, number[]>();
  const byArea = new Map<string, number[]>();
  const national: number[] = [];
  const text = new MiniSearch<{ id: number; name: string; description: string; categories: string }>({
    fields: ["name", "description", "categories"],
    idField: "id",
    tokenize,
  });
  const documents: { id: number; name: string; description: string; categories: string }[] = [];

  directory.services.forEach((service) => {
    const position = entries.length;
    const locations = (service.locationIds ?? []).flatMap((id) => {
      const found = locationsById.get(id);
      return found === undefined ? [] : [found];
    });
    const areas = service.areas ?? [];
    const isNational = areas.some((area) => area.kind === "national");
    let accessibilityMask = maskOf(service.accessibility, accessibilityBits);
    for (const location of locations) for (const note of location.accessibility ?? []) accessibilityMask |= maskOf(note.features, accessibilityBits);
    entries.push({
      service,
      locations,
      categoryMask: maskOf(service.categories, categoryBits),
      accessibilityMask,
      attendingMask: maskOf(service.attending, attendingBits),
      languages: (service.languages ?? ["en"]).map(baseLanguage),
      minimumAge: service.eligibility?.minimumAge ?? 0,
      maximumAge: service.eligibility?.maximumAge ?? Number.POSITIVE_INFINITY,
      freshness: freshnessOf(service),
      national: isNational,
    });
    if (isNational) national.push(position);
    for (const area of areas) {
      if (area.kind === "health-board" || area.kind === "council-area" || area.kind === "ward") {
        const list = byArea.get(area.code) ?? [];
        list.push(position);
        byArea.set(area.code, list);
      }
    }
    for (const category of new Set(service.categories)) {
      const list = byCategory.get(category) ?? [];
      list.push(position);
      byCategory.set(category, list);
    }
    locations.forEach((location, locationPosition) => {
      const place = searchPosition(location);
      if (place === undefined) return;
      let coverageKm = 0;
      for (const area of areas) {
        if (area.kind === "radius" && (area.locationId === undefined || area.locationId === location.id)) coverageKm = Math.max(coverageKm, area.radiusKm);
      }
      const point: IndexedPoint = {
        entry: position,
        location: locationPosition,
        latitude: place.latitude,
        longitude: place.longitude,
        confidential: location.confidential === true,
        coverageKm,
      };
      allPoints.push(point);
      if (coverageKm > 0) coverage.push(point);
      for (const category of new Set(service.categories)) {
        const list = categoryPointLists.get(category) ?? [];
        list.push(point);
        categoryPointLists.set(category, list);
      }
    });
    documents.push({
      id: position,
      name: service.name,
      description: service.description ?? "",
      categories: service.categories.map(categoryLabel).join(" "),
    });
  });
  text.addAll(documents);
  const categoryPoints = new Map<ServiceCategory, { index: KDBush; points: readonly IndexedPoint[] }>();
  for (const [category, points] of categoryPointLists) categoryPoints.set(category, { index: spatialIndex(points), points });
  let maxRadiusKm = 0;
  for (const point of coverage) maxRadiusKm = Math.max(maxRadiusKm, point.coverageKm);
  return {
    size: entries.length,
    entries,
    points: spatialIndex(allPoints),
    allPoints,
    categoryPoints,
    coveragePoints: { index: spatialIndex(coverage), points: coverage, maxRadiusKm },
    byCategory,
    byArea,
    national,
    text,
  };
}

interface Candidate {
  entry: number;
  distance?: number;
  approximate?: boolean;
  location?: number;
  reasons: MatchReason[];
}

function effectiveDistance(point: IndexedPoint, near: GeoPoint): number {
  const exact = distanceKm(near, point);
  return point.confidential ? bandedDistanceKm(exact) : exact;
}

/** Keep the nearest point of each service among the points given. */
function nearestPoints(points: readonly IndexedPoint[], ids: readonly number[], near: GeoPoint, into: Map<number, Candidate>, within?: number): void {
  for (const id of ids) {
    const point = points[id] as IndexedPoint;
    const distance = effectiveDistance(point, near);
    if (within !== undefined && distance > within) continue;
    const known = into.get(point.entry);
    if (known === undefined || (known.distance as number) > distance) {
      into.set(point.entry, { entry: point.entry, distance, approximate: point.confidential, location: point.location, reasons: known?.reasons ?? ["within-radius"] });
    }
  }
}

/** Text relevance of each matching service, relative to the best match (0-1]. */
function scoreText(index: SearchIndex, text: string): Map<number, number> {
  const scores = new Map<number, number>();
  const found = index.text.search(text, { prefix: true, fuzzy: (term) => (term.length > 4 ? 0.2 : 0), combineWith: "AND", boost: { name: 3, categories: 2 } });
  const best = found[0]?.score ?? 1;
  for (const result of found) scores.set(result.id as number, result.score / best);
  return scores;
}

/**
 * The services worth checking, using the most selective index for the question: the spatial
 * indexes (one per asked category) and coverage lists when the query says where, otherwise the
 * text matches, the category lists, or every service.
 */
function gatherCandidates(index: SearchIndex, query: ServiceQuery, categories: readonly ServiceCategory[], categoryMask: number, textScores: Map<number, number> | undefined): Map<number, Candidate> {
  const candidates = new Map<number, Candidate>();
  const addCoverage = (entries: Iterable<number>, reasons: MatchReason[]): void => {
    for (const entry of entries) {
      // Skip services outside the asked categories before allocating anything for them.
      if (categoryMask !== 0 && ((index.entries[entry] as IndexedService).categoryMask & categoryMask) === 0) continue;
      if (!candidates.has(entry)) candidates.set(entry, { entry, reasons: [...reasons] });
    }
  };
  const near = query.near;
  if (near !== undefined && query.radiusKm !== undefined) {
    const radius = query.radiusKm;
    // A hair of slack so that floating-point differences between the two distance formulas never lose a point on the edge.
    const search = radius * 1.000001 + 1e-6;
    const sources = categories.length > 0 ? categories.flatMap((category) => index.categoryPoints.get(category) ?? []) : [{ index: index.points, points: index.allPoints }];
    for (const source of sources) nearestPoints(source.points, around(source.index, near.longitude, near.latitude, Number.POSITIVE_INFINITY, search), near, candidates, radius);
    if (index.coveragePoints.points.length > 0) {
      const ids = around(index.coveragePoints.index, near.longitude, near.latitude, Number.POSITIVE_INFINITY, index.coveragePoints.maxRadiusKm * 1.000001 + 1e-6);
      for (const id of ids) {
        const point = index.coveragePoints.points[id] as IndexedPoint;
        if (candidates.has(point.entry) || effectiveDistance(point, near) > point.coverageKm) continue;
        candidates.set(point.entry, { entry: point.entry, reasons: ["covers-point"] });
      }
    }
  }
  if (query.areaCodes !== undefined) {
    for (const code of new Set(query.areaCodes.flatMap(enclosingAreaCodes))) addCoverage(index.byArea.get(code) ?? [], ["covers-area"]);
  }
  const saysWhere = (near !== undefined && query.radiusKm !== undefined) || query.areaCodes !== undefined;
  if (saysWhere) addCoverage(index.national, ["national"]);
  else if (textScores !== undefined) addCoverage(textScores.keys(), []);
  else if (categories.length > 0) addCoverage(categories.flatMap((category) => index.byCategory.get(category) ?? []), []);
  else addCoverage(index.entries.keys(), []);
  return candidates;
}

function checkQuery(query: ServiceQuery): void {
  if (query.radiusKm !== undefined && !(query.radiusKm >= 0)) throw new SelfManageError("invalid-argument", "radiusKm must be zero or more.");
  if (query.radiusKm !== undefined && query.near === undefined) throw new SelfManageError("invalid-argument", "radiusKm needs a point to measure from (near).");
  if (query.limit !== undefined && !(Number.isInteger(query.limit) && query.limit >= 0)) throw new SelfManageError("invalid-argument", "limit must be a whole number, zero or more.");
  if (query.distanceDecayKm !== undefined && !(query.distanceDecayKm > 0)) throw new SelfManageError("invalid-argument", "distanceDecayKm must be more than zero.");
  if (query.near !== undefined && !(Math.abs(query.near.latitude) <= 90 && Math.abs(query.near.longitude) <= 180)) {
    throw new SelfManageError("invalid-argument", "near must be a latitude between -90 and 90 and a longitude between -180 and 180.");
  }
}

/**
 * Find services that match a query, best first: relevance (share of the asked categories matched,
 * and text score) times a distance decay `1 / (1 + distance / distanceDecayKm)`; among equal scores
 * fresher records (later of last reviewed and assured date) come first; deprioritised services come
 * after all others. Matches by area or national coverage without a known distance count half.
 *
 * @throws `SelfManageError` `invalid-argument` for a negative radius, a radius without a point,
 * a bad limit or coordinates off the globe.
 * @example
 * ```ts
 * const index = buildSearchIndex(generateSyntheticDirectory(2000, 1));
 * const matches = searchServices(index, {
 *   categories: ["peer-support-group"],
 *   near: { latitude: 55.9533, longitude: -3.1883 },
 *   radiusKm: 10,
 *   openAt: "2026-03-03T18:30:00Z",
 *   age: 34,
 * });
 * matches[0]?.distanceKm; // nearest first among equally relevant services
 * ```
 */
export function searchServices(index: SearchIndex, query: ServiceQuery): ServiceMatch[] {
  checkQuery(query);
  const categories = [...new Set([...(query.categories ?? []), ...(query.needs ?? [])])];
  const categoryMask = maskOf(categories, categoryBits);
  const near = query.near;
  const textScores = query.text !== undefined && query.text.trim() !== "" ? scoreText(index, query.text) : undefined;
  const candidates = gatherCandidates(index, query, categories, categoryMask, textScores);

  const statuses = new Set<ServiceStatus>(query.statuses ?? ["active"]);
  const accessibilityMask = maskOf(query.accessibility, accessibilityBits);
  const attendingMask = maskOf(query.attending, attendingBits);
  const languages = query.languages?.map(baseLanguage);
  const local = query.openAt === undefined ? undefined : toLondonTime(query.openAt);
  const decay = query.distanceDecayKm ?? 5;
  // Score every match first with plain numbers; build the result objects only for those returned.
  const scored: Array<{ candidate: Candidate; entry: IndexedService; score: number; distance: number | undefined; approximate: boolean; location: number | undefined; textScore: number | undefined }> = [];

  for (const candidate of candidates.values()) {
    const entry = index.entries[candidate.entry] as IndexedService;
    const service = entry.service;
    if (!statuses.has(service.status)) continue;
    if (categoryMask !== 0 && (entry.categoryMask & categoryMask) === 0) continue;
    if (query.age !== undefined && (query.age < entry.minimumAge || query.age > entry.maximumAge)) continue;
    if (attendingMask !== 0 && (entry.attendingMask & attendingMask) === 0) continue;
    if ((entry.accessibilityMask & accessibilityMask) !== accessibilityMask) continue;
    if (languages !== undefined && !languages.some((language) => entry.languages.includes(language))) continue;
    const textScore = textScores?.get(candidate.entry);
    if (textScores !== undefined && textScore === undefined) continue;
    if (local !== undefined && (service.hours === undefined || !isOpenAtLondonTime(service.hours, local))) continue;

    let distance = candidate.distance;
    let approximate = candidate.approximate ?? false;
    let location = candidate.location;
    if (distance === undefined && near !== undefined) {
      entry.locations.forEach((place, position) => {
        const point = searchPosition(place);
        if (point === undefined) return;
        const measured = place.confidential === true ? bandedDistanceKm(distanceKm(near, point)) : distanceKm(near, point);
        if (distance === undefined || measured < distance) {
          distance = measured;
          approximate = place.confidential === true;
          location = position;
        }
      });
    }
    let relevance = categoryMask !== 0 ? popcount(entry.categoryMask & categoryMask) / categories.length : 1;
    if (textScore !== undefined) relevance *= 0.5 + 0.5 * textScore;
    const distanceFactor = distance !== undefined ? 1 / (1 + distance / decay) : near !== undefined ? 0.5 : 1;
    const score = Math.round(relevance * distanceFactor * 1e6) / 1e6;
    scored.push({ candidate, entry, score, distance, approximate, location, textScore });
  }

  scored.sort(
    (a, b) =>
      Number(a.entry.service.deprioritised === true) - Number(b.entry.service.deprioritised === true) ||
      b.score - a.score ||
      b.entry.freshness - a.entry.freshness ||
      (a.entry.service.id < b.entry.service.id ? -1 : a.entry.service.id > b.entry.service.id ? 1 : 0),
  );
  return scored.slice(0, query.limit ?? 20).map((found) => {
    const reasons: MatchReason[] = [...found.candidate.reasons];
    if (categoryMask !== 0 && !reasons.includes("category")) reasons.push("category");
    if (found.textScore !== undefined) reasons.push("text");
    if (local !== undefined) reasons.push("open");
    const match: ServiceMatch = { service: found.entry.service, score: found.score, reasons };
    if (found.distance !== undefined) {
      match.distanceKm = found.distance;
      if (found.approximate) match.distanceIsApproximate = true;
    }
    if (found.location !== undefined) match.location = publicLocation(found.entry.locations[found.location] as Location);
    return match;
  });
}

function popcount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The view of a location that may be shown to anyone: for a confidential place, only its id, kind,
 * masked address and accessibility; never its address, coordinates or description.
 *
 * @example
 * ```ts
 * publicLocation({ id: "refuge", kind: "physical", confidential: true, maskedAddress: { locality: "Perth" }, latitude: 56.39, longitude: -3.43 });
 * // { id: "refuge", kind: "physical", confidential: true, maskedAddress: { locality: "Perth" } }
 * ```
 */
export function publicLocation(location: Location): Location {
  if (location.confidential !== true) return location;
  return {
    id: location.id,
    kind: location.kind,
    confidential: true,
    ...(location.maskedAddress === undefined ? {} : { maskedAddress: location.maskedAddress }),
    ...(location.accessibility === undefined ? {} : { accessibility: location.accessibility }),
  };
}
