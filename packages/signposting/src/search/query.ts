import { around } from "geokdbush";
import { SelfManageError, type IsoDateTime } from "@selfmanage/core";
import type { AccessibilityFeature, ServiceCategory } from "../codes";
import { enclosingAreaCodes } from "../areas";
import { isOpenAtLondonTime, toLondonTime } from "../hours";
import type { AttendingType, Location, Service, ServiceStatus } from "../directory";
import {
  FLAG_DEPRIORITISED,
  FLAG_NATIONAL,
  accessibilityBits,
  attendingBits,
  baseLanguage,
  categoryBits,
  statusBits,
  type IndexData,
  type PointGrid,
  type PointSet,
  type SearchIndex,
} from "./build";
import { bandedDistanceKm, haversineKm, publicLocation, type GeoPoint } from "./geo";
import { FIELD_MASK_WEIGHT, MATCH_WEIGHT, queryWords, textScoreOf } from "./text";
import { expandWord } from "./text-index";

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
 *   `accessibility`: all of the features.
 * - `text`: every word must be found in the service's name, category labels or description:
 *   the whole word, the start of a word ("befriend" finds "befriending"), or with a typo (one
 *   letter in words of 5 to 7 letters, two in longer ones). Case and accents do not matter, and
 *   words such as "near", "me" or "for" are ignored.
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

function maskOf<T>(values: readonly T[] | undefined, bits: ReadonlyMap<T, number>): number {
  let mask = 0;
  for (const value of values ?? []) mask |= bits.get(value) ?? 0;
  return mask;
}

function popcount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
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

/** Marks of the services already gathered in this query, reused between queries: a stamp per service. */
const seenByIndex = new WeakMap<IndexData, { stamps: Uint32Array; stamp: number }>();

function freshMarks(data: IndexData): { stamps: Uint32Array; stamp: number } {
  let marks = seenByIndex.get(data);
  if (marks === undefined || marks.stamp >= 0xfffffffe) {
    marks = { stamps: new Uint32Array(data.services.length), stamp: 0 };
    seenByIndex.set(data, marks);
  }
  marks.stamp += 1;
  return marks;
}

const KM_PER_DEGREE = (6371 * Math.PI) / 180;

/** An overestimate of the points of a grid within `radius` km of `near`: the cells its bounding box touches. */
function estimateWithin(grid: PointGrid, near: GeoPoint, radius: number): number {
  const latitudeSpan = radius / KM_PER_DEGREE;
  const widest = Math.min(89.9, Math.abs(near.latitude) + latitudeSpan);
  const longitudeSpan = Math.min(180, radius / (KM_PER_DEGREE * Math.cos((widest * Math.PI) / 180)));
  const firstRow = Math.max(0, Math.floor((near.latitude - latitudeSpan - grid.minLatitude) / grid.cellDegrees));
  const lastRow = Math.min(grid.rows - 1, Math.floor((near.latitude + latitudeSpan - grid.minLatitude) / grid.cellDegrees));
  const firstColumn = Math.max(0, Math.floor((near.longitude - longitudeSpan - grid.minLongitude) / grid.cellDegrees));
  const lastColumn = Math.min(grid.columns - 1, Math.floor((near.longitude + longitudeSpan - grid.minLongitude) / grid.cellDegrees));
  // A box that wraps round the date line is not split: count the whole width instead.
  const wraps = near.longitude - longitudeSpan < -180 || near.longitude + longitudeSpan > 180;
  let total = 0;
  for (let row = firstRow; row <= lastRow; row += 1) {
    for (let column = wraps ? 0 : firstColumn; column <= (wraps ? grid.columns - 1 : lastColumn); column += 1) total += grid.counts[row * grid.columns + column] as number;
  }
  return total;
}

/** The query reduced to numbers, once, for the per-service check. */
interface Plan {
  readonly statusMask: number;
  readonly categoryMask: number;
  readonly categoryCount: number;
  readonly accessibilityMask: number;
  readonly attendingMask: number;
  readonly languageIds: ReadonlySet<number> | undefined;
  readonly age: number | undefined;
  readonly near: GeoPoint | undefined;
  readonly radius: number | undefined;
  readonly areaCodes: ReadonlySet<string> | undefined;
  readonly saysWhere: boolean;
  readonly local: ReturnType<typeof toLondonTime> | undefined;
  readonly decay: number;
  /** For each typed word, the match kind of every vocabulary word (empty when the query has no text). */
  readonly wordMatches: readonly Uint8Array[];
  readonly hasText: boolean;
}

interface Found {
  position: number;
  score: number;
  deprioritised: boolean;
  freshness: number;
  id: string;
  distance: number | undefined;
  approximate: boolean;
  point: number | undefined;
  reason: MatchReason | undefined;
  hasText: boolean;
}

/** -1 when a ranks before b: not deprioritised first, then higher score, fresher, and by id. */
function compareFound(a: Found, b: Found): number {
  if (a.deprioritised !== b.deprioritised) return a.deprioritised ? 1 : -1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.freshness !== b.freshness) return b.freshness > a.freshness ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Check one service against the whole query; its score and why it matched, or undefined. */
function evaluate(data: IndexData, plan: Plan, position: number, best: Float64Array): Found | undefined {
  if ((plan.statusMask & (1 << (data.status[position] as number))) === 0) return undefined;
  const categories = data.categoryMask[position] as number;
  if (plan.categoryMask !== 0 && (categories & plan.categoryMask) === 0) return undefined;
  if (plan.age !== undefined && (plan.age < (data.minimumAge[position] as number) || plan.age > (data.maximumAge[position] as number))) return undefined;
  if (plan.attendingMask !== 0 && ((data.attendingMask[position] as number) & plan.attendingMask) === 0) return undefined;
  if (((data.accessibilityMask[position] as number) & plan.accessibilityMask) !== plan.accessibilityMask) return undefined;
  if (plan.languageIds !== undefined) {
    let speaks = false;
    for (let slot = data.languageStart[position] as number; slot < (data.languageStart[position + 1] as number) && !speaks; slot += 1) speaks = plan.languageIds.has(data.languageIds[slot] as number);
    if (!speaks) return undefined;
  }
  let textScore = 0;
  if (plan.hasText) {
    best.fill(0);
    const text = data.text;
    const words = plan.wordMatches;
    for (let slot = text.serviceStart[position] as number; slot < (text.serviceStart[position + 1] as number); slot += 1) {
      const word = text.serviceWords[slot] as number;
      const fieldWeight = FIELD_MASK_WEIGHT[text.serviceFields[slot] as number] as number;
      for (let typed = 0; typed < words.length; typed += 1) {
        const kind = (words[typed] as Uint8Array)[word] as number;
        if (kind === 0) continue;
        const worth = (MATCH_WEIGHT[kind] as number) * fieldWeight;
        if (worth > (best[typed] as number)) best[typed] = worth;
      }
    }
    textScore = textScoreOf(best);
    if (textScore === 0) return undefined;
  }
  const service = data.services[position] as Service;
  if (plan.local !== undefined && (service.hours === undefined || !isOpenAtLondonTime(service.hours, plan.local))) return undefined;

  let distance: number | undefined;
  let point: number | undefined;
  let approximate = false;
  let coversPoint = false;
  const near = plan.near;
  if (near !== undefined) {
    for (let candidate = data.pointStart[position] as number; candidate < (data.pointStart[position + 1] as number); candidate += 1) {
      const exact = haversineKm(near.latitude, near.longitude, data.pointLatitude[candidate] as number, data.pointLongitude[candidate] as number);
      const confidential = data.pointConfidential[candidate] === 1;
      const measured = confidential ? bandedDistanceKm(exact) : exact;
      if (distance === undefined || measured < distance) {
        distance = measured;
        point = candidate;
        approximate = confidential;
      }
      const coverage = data.pointCoverageKm[candidate] as number;
      if (coverage > 0 && measured <= coverage) coversPoint = true;
    }
  }
  let reason: MatchReason | undefined;
  if (plan.saysWhere) {
    if (plan.radius !== undefined && distance !== undefined && distance <= plan.radius) reason = "within-radius";
    else if (plan.radius !== undefined && coversPoint) reason = "covers-point";
    else if (plan.areaCodes !== undefined && coversArea(service, plan.areaCodes)) reason = "covers-area";
    else if (((data.flags[position] as number) & FLAG_NATIONAL) !== 0) reason = "national";
    else return undefined;
  }
  let relevance = plan.categoryMask !== 0 ? popcount(categories & plan.categoryMask) / plan.categoryCount : 1;
  if (plan.hasText) relevance *= 0.5 + 0.5 * textScore;
  const distanceFactor = distance !== undefined ? 1 / (1 + distance / plan.decay) : near !== undefined ? 0.5 : 1;
  return {
    position,
    score: Math.round(relevance * distanceFactor * 1e6) / 1e6,
    deprioritised: ((data.flags[position] as number) & FLAG_DEPRIORITISED) !== 0,
    freshness: data.freshness[position] as number,
    id: service.id,
    distance,
    approximate,
    point,
    reason,
    hasText: plan.hasText,
  };
}

function coversArea(service: Service, codes: ReadonlySet<string>): boolean {
  for (const area of service.areas ?? []) {
    if ((area.kind === "health-board" || area.kind === "council-area" || area.kind === "ward") && codes.has(area.code)) return true;
  }
  return false;
}

/** Keeps the best `limit` results seen so far in a heap whose root is the worst of them. */
function keepBest(heap: Found[], found: Found, limit: number): void {
  if (heap.length < limit) {
    heap.push(found);
    let child = heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (compareFound(heap[parent] as Found, heap[child] as Found) >= 0) break;
      [heap[parent], heap[child]] = [heap[child] as Found, heap[parent] as Found];
      child = parent;
    }
    return;
  }
  if (limit === 0 || compareFound(found, heap[0] as Found) >= 0) return;
  heap[0] = found;
  let parent = 0;
  for (;;) {
    const left = parent * 2 + 1;
    const right = left + 1;
    let worst = parent;
    if (left < heap.length && compareFound(heap[left] as Found, heap[worst] as Found) > 0) worst = left;
    if (right < heap.length && compareFound(heap[right] as Found, heap[worst] as Found) > 0) worst = right;
    if (worst === parent) return;
    [heap[parent], heap[worst]] = [heap[worst] as Found, heap[parent] as Found];
    parent = worst;
  }
}

/**
 * Find services that match a query, best first: relevance times a distance decay
 * `1 / (1 + distance / distanceDecayKm)`. Relevance is the share of the asked categories a
 * service offers, times `0.5 + 0.5 * text score` when text is given. The text score adds, for
 * each typed word, its best match (exact 1, start of a word 0.75, typo 0.5) times where it was
 * found (name 3, category label 2, description 1), divided by 3 per typed word: 1 when every word
 * is in the name exactly. Among equal scores fresher records (later of last reviewed and assured
 * date) come first, then by id; deprioritised services come after all others. Matches by area or
 * national coverage without a known distance count half.
 *
 * @remarks
 * The index answers from whichever of its parts names the fewest candidates for the query (the
 * points around the place asked, the services with the rarest typed word, the asked categories)
 * and checks only those against every criterion, so a query costs about as much as its most
 * selective criterion.
 *
 * @throws `SelfManageError` `invalid-argument` for a negative radius, a radius without a point,
 * a bad limit or coordinates off the globe.
 * @example
 * ```ts
 * const tuesdayEvening: OpeningHours = { weekly: [{ day: "tuesday", opens: "18:00", closes: "20:00" }] };
 * const directory: Directory = {
 *   organisations: [],
 *   locations: [
 *     { id: "leith", kind: "physical", latitude: 55.9756, longitude: -3.168 },
 *     { id: "morningside", kind: "physical", latitude: 55.9275, longitude: -3.21 },
 *   ],
 *   services: [
 *     { id: "morningside-group", name: "Example Morningside Peer Group", status: "active", categories: ["peer-support-group"], locationIds: ["morningside"], hours: tuesdayEvening },
 *     { id: "leith-group", name: "Example Leith Peer Group", status: "active", categories: ["peer-support-group"], locationIds: ["leith"], hours: tuesdayEvening },
 *   ],
 * };
 * const index = buildSearchIndex(directory);
 * const matches = searchServices(index, {
 *   categories: ["peer-support-group"],
 *   near: { latitude: 55.9533, longitude: -3.1883 },
 *   radiusKm: 10,
 *   openAt: "2026-03-03T18:30:00Z",
 *   age: 34,
 * });
 * matches.map((match) => match.service.id); // ["leith-group", "morningside-group"]: nearest first among equally relevant services
 * ```
 */
export function searchServices(index: SearchIndex, query: ServiceQuery): ServiceMatch[] {
  checkQuery(query);
  const data = index.data;
  const categories = [...new Set([...(query.categories ?? []), ...(query.needs ?? [])])];
  const categoryMask = maskOf(categories, categoryBits);
  const near = query.near;
  const radius = near === undefined ? undefined : query.radiusKm;
  const words = query.text === undefined ? [] : queryWords(query.text);
  const expansions = words.map((word) => expandWord(data.text, word));
  const languageIds =
    query.languages === undefined ? undefined : new Set(query.languages.map(baseLanguage).flatMap((tag) => (data.languages.includes(tag) ? [data.languages.indexOf(tag)] : [])));
  const areaCodes = query.areaCodes === undefined ? undefined : new Set(query.areaCodes.flatMap(enclosingAreaCodes));
  const plan: Plan = {
    statusMask: maskOf(query.statuses ?? ["active"], statusBits),
    categoryMask,
    categoryCount: categories.length,
    accessibilityMask: maskOf(query.accessibility, accessibilityBits),
    attendingMask: maskOf(query.attending, attendingBits),
    languageIds,
    age: query.age,
    near,
    radius,
    areaCodes,
    saysWhere: radius !== undefined || areaCodes !== undefined,
    local: query.openAt === undefined ? undefined : toLondonTime(query.openAt),
    decay: query.distanceDecayKm ?? 5,
    wordMatches: expansions.map((expansion) => expansion.matches),
    hasText: words.length > 0,
  };
  const limit = query.limit ?? 20;
  const best = new Float64Array(words.length);
  const heap: Found[] = [];
  const marks = freshMarks(data);
  const consider = (position: number): void => {
    if (marks.stamps[position] === marks.stamp) return;
    marks.stamps[position] = marks.stamp;
    // Skip services outside the asked categories before anything else.
    if (categoryMask !== 0 && ((data.categoryMask[position] as number) & categoryMask) === 0) return;
    const found = evaluate(data, plan, position, best);
    if (found !== undefined) keepBest(heap, found, limit);
  };

  // Plan: every criterion must hold, so the candidates of any one of them are enough. Take the
  // criterion with the fewest (estimated) candidates.
  const sources: Array<{ size: number; visit: () => void }> = [];
  if (plan.saysWhere) sources.push(whereSource(data, plan, categories.length === 0 ? [] : categories.map((category) => categoryBits.get(category) as number), consider));
  if (expansions.length > 0) {
    const rarest = expansions.reduce((fewest, expansion) => (expansion.postings < fewest.postings ? expansion : fewest));
    sources.push({
      size: rarest.postings,
      visit: () => {
        for (const word of rarest.ids) {
          for (let slot = data.text.wordStart[word] as number; slot < (data.text.wordStart[word + 1] as number); slot += 1) consider(data.text.postingServices[slot] as number);
        }
      },
    });
  }
  if (categories.length > 0) {
    const lists = categories.map((category) => data.categoryServices[Math.log2(categoryBits.get(category) as number)] as Uint32Array);
    sources.push({ size: lists.reduce((total, list) => total + list.length, 0), visit: () => lists.forEach((list) => list.forEach(consider)) });
  }
  sources.push({
    size: data.services.length,
    visit: () => {
      for (let position = 0; position < data.services.length; position += 1) consider(position);
    },
  });
  sources.reduce((fewest, source) => (source.size < fewest.size ? source : fewest)).visit();

  heap.sort(compareFound);
  return heap.map((found) => {
    const reasons: MatchReason[] = found.reason === undefined ? [] : [found.reason];
    if (categoryMask !== 0) reasons.push("category");
    if (found.hasText) reasons.push("text");
    if (plan.local !== undefined) reasons.push("open");
    const match: ServiceMatch = { service: data.services[found.position] as Service, score: found.score, reasons };
    if (found.distance !== undefined) {
      match.distanceKm = found.distance;
      if (found.approximate) match.distanceIsApproximate = true;
    }
    if (found.point !== undefined) match.location = publicLocation(data.locations[data.pointLocation[found.point] as number] as Location);
    return match;
  });
}

/**
 * The candidates of "where": points within the radius (of the asked categories' points when
 * categories are asked), points whose own radius may reach the place, services covering the
 * asked areas, and national services.
 */
function whereSource(data: IndexData, plan: Plan, categoryBitList: readonly number[], consider: (position: number) => void): { size: number; visit: () => void } {
  const near = plan.near;
  const radius = plan.radius;
  const spatial: PointSet[] =
    categoryBitList.length === 0 ? [data.allPoints] : categoryBitList.flatMap((bit) => data.categoryPoints[Math.log2(bit)] ?? []);
  let size = data.nationalServices.length;
  if (near !== undefined && radius !== undefined) {
    const share = categoryBitList.length === 0 ? 1 : spatial.reduce((total, set) => total + set.points.length, 0) / Math.max(1, data.allPoints.points.length);
    size += estimateWithin(data.pointGrid, near, radius) * share;
    if (data.coveragePoints.points.length > 0) size += estimateWithin(data.coverageGrid, near, data.maxCoverageKm);
  }
  const areas = plan.areaCodes === undefined ? [] : [...plan.areaCodes].flatMap((code) => (data.areaByCode.has(code) ? [data.areaByCode.get(code) as number] : []));
  for (const area of areas) size += (data.areaStart[area + 1] as number) - (data.areaStart[area] as number);
  return {
    size,
    visit: () => {
      if (near !== undefined && radius !== undefined) {
        // A hair of slack so that floating-point differences between the two distance formulas never lose a point on the edge.
        const reach = (within: number): number => within * 1.000001 + 1e-6;
        for (const set of spatial) for (const item of pointsWithin(set, near, reach(radius))) visitPoint(data, set, item, consider);
        if (data.coveragePoints.points.length > 0) {
          for (const item of pointsWithin(data.coveragePoints, near, reach(data.maxCoverageKm))) visitPoint(data, data.coveragePoints, item, consider);
        }
      }
      for (const area of areas) for (let slot = data.areaStart[area] as number; slot < (data.areaStart[area + 1] as number); slot += 1) consider(data.areaServices[slot] as number);
      data.nationalServices.forEach(consider);
    },
  };
}

/**
 * The items of a point set that may be within `radius` km of `near`: those in the bounding box
 * of the circle (a superset; the exact distance is checked per service), or, when the box
 * would cross a pole or the date line, those geokdbush finds by great-circle distance.
 */
function pointsWithin(set: PointSet, near: GeoPoint, radius: number): number[] {
  const latitudeSpan = radius / KM_PER_DEGREE;
  const widest = Math.abs(near.latitude) + latitudeSpan;
  const longitudeSpan = widest < 89 ? radius / (KM_PER_DEGREE * Math.cos((widest * Math.PI) / 180)) : 360;
  if (widest >= 89 || near.longitude - longitudeSpan < -180 || near.longitude + longitudeSpan > 180) {
    return around(set.tree, near.longitude, near.latitude, Number.POSITIVE_INFINITY, radius);
  }
  return set.tree.range(near.longitude - longitudeSpan, near.latitude - latitudeSpan, near.longitude + longitudeSpan, near.latitude + latitudeSpan);
}

function visitPoint(data: IndexData, set: PointSet, item: number, consider: (position: number) => void): void {
  const point = set.points[item];
  // The filler item of an empty set maps to no point.
  if (point !== undefined) consider(data.pointService[point] as number);
}
