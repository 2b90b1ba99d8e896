/**
 * The straightforward way to answer a query, with no index: look at every service, work out
 * every distance with the haversine formula, keep what passes, sort. Used as the benchmark
 * baseline and, in tests, as the reference the index must agree with.
 */
import { enclosingAreaCodes } from "../src/areas";
import { categoryLabel } from "../src/codes";
import type { Directory, Location, Service } from "../src/directory";
import { isOpenAtLondonTime, toLondonTime } from "../src/hours";
import { bandedDistanceKm, distanceKm, searchPosition, type ServiceQuery } from "../src/search";
import { FIELD_WEIGHTS, MATCH_WEIGHT, matchOf, queryWords, textScoreOf, wordsOf } from "../src/search/text";

/** The text score of one service for the typed words, word against word (0 when a word is missing). */
export function scanTextScore(service: Service, typed: readonly string[]): number {
  const fields: Array<[string[], number]> = [
    [wordsOf(service.name), FIELD_WEIGHTS.name],
    [service.categories.flatMap((category) => wordsOf(categoryLabel(category))), FIELD_WEIGHTS.category],
    [wordsOf(service.description ?? ""), FIELD_WEIGHTS.description],
  ];
  const best = typed.map((word) => {
    let worth = 0;
    for (const [words, weight] of fields) for (const candidate of words) worth = Math.max(worth, (MATCH_WEIGHT[matchOf(word, candidate)] as number) * weight);
    return worth;
  });
  return textScoreOf(best);
}

export interface ScanMatch {
  id: string;
  score: number;
  distanceKm?: number;
}

export function locationLookup(directory: Directory): Map<string, Location> {
  return new Map<string, Location>(directory.locations.map((location) => [location.id, location]));
}

export function scanServices(directory: Directory, query: ServiceQuery, locations: Map<string, Location> = locationLookup(directory)): ScanMatch[] {
  const categories = [...new Set([...(query.categories ?? []), ...(query.needs ?? [])])];
  const local = query.openAt === undefined ? undefined : toLondonTime(query.openAt);
  const areaCodes = new Set((query.areaCodes ?? []).flatMap(enclosingAreaCodes));
  const statuses = query.statuses ?? ["active"];
  const decay = query.distanceDecayKm ?? 5;
  const typed = query.text === undefined ? [] : queryWords(query.text);
  const found: { service: Service; score: number; distance?: number; freshness: number }[] = [];
  for (const service of directory.services) {
    if (!statuses.includes(service.status)) continue;
    const matched = categories.filter((category) => service.categories.includes(category)).length;
    if (categories.length > 0 && matched === 0) continue;
    const minimumAge = service.eligibility?.minimumAge ?? 0;
    const maximumAge = service.eligibility?.maximumAge ?? Number.POSITIVE_INFINITY;
    if (query.age !== undefined && (query.age < minimumAge || query.age > maximumAge)) continue;
    if (query.attending !== undefined && query.attending.length > 0 && !query.attending.some((type) => service.attending?.includes(type))) continue;
    const places = (service.locationIds ?? []).flatMap((id) => (locations.has(id) ? [locations.get(id) as Location] : []));
    const features = new Set([...(service.accessibility ?? []), ...places.flatMap((place) => (place.accessibility ?? []).flatMap((note) => note.features))]);
    if (!(query.accessibility ?? []).every((feature) => features.has(feature))) continue;
    const languages = (service.languages ?? ["en"]).map((tag) => tag.split("-")[0]?.toLowerCase());
    if (query.languages !== undefined && !query.languages.some((tag) => languages.includes(tag.split("-")[0]?.toLowerCase()))) continue;
    const textScore = typed.length === 0 ? 1 : scanTextScore(service, typed);
    if (textScore === 0) continue;
    if (local !== undefined && (service.hours === undefined || !isOpenAtLondonTime(service.hours, local))) continue;
    let distance: number | undefined;
    let coversPoint = false;
    if (query.near !== undefined) {
      for (const place of places) {
        const point = searchPosition(place);
        if (point === undefined) continue;
        const exact = distanceKm(query.near, point);
        const measured = place.confidential === true ? bandedDistanceKm(exact) : exact;
        if (distance === undefined || measured < distance) distance = measured;
        for (const area of service.areas ?? []) {
          if (area.kind === "radius" && (area.locationId === undefined || area.locationId === place.id) && measured <= area.radiusKm) coversPoint = true;
        }
      }
    }
    const national = (service.areas ?? []).some((area) => area.kind === "national");
    const coversArea = (service.areas ?? []).some((area) => "code" in area && areaCodes.has(area.code));
    const hasWhere = (query.near !== undefined && query.radiusKm !== undefined) || query.areaCodes !== undefined;
    if (hasWhere) {
      const withinRadius = query.radiusKm !== undefined && distance !== undefined && distance <= query.radiusKm;
      if (!(withinRadius || (query.radiusKm !== undefined && coversPoint) || coversArea || national)) continue;
    }
    const relevance = (categories.length > 0 ? matched / categories.length : 1) * (typed.length === 0 ? 1 : 0.5 + 0.5 * textScore);
    const factor = distance !== undefined ? 1 / (1 + distance / decay) : query.near !== undefined ? 0.5 : 1;
    const dates = [service.lastReviewed, service.assuredDate].filter((date): date is string => date !== undefined);
    found.push({
      service,
      score: Math.round(relevance * factor * 1e6) / 1e6,
      ...(distance === undefined ? {} : { distance }),
      freshness: dates.reduce((latest, date) => Math.max(latest, Date.parse(`${date}T00:00:00Z`)), Number.NEGATIVE_INFINITY),
    });
  }
  found.sort(
    (a, b) =>
      Number(a.service.deprioritised === true) - Number(b.service.deprioritised === true) ||
      b.score - a.score ||
      b.freshness - a.freshness ||
      (a.service.id < b.service.id ? -1 : a.service.id > b.service.id ? 1 : 0),
  );
  return found.slice(0, query.limit ?? 20).map((match) => ({ id: match.service.id, score: match.score, ...(match.distance === undefined ? {} : { distanceKm: match.distance }) }));
}
