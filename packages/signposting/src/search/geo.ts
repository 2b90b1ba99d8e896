import type { Location } from "../directory";

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
  return haversineKm(from.latitude, from.longitude, to.latitude, to.longitude);
}

/**
 * {@link distanceKm} on plain numbers, for the index's flat arrays.
 *
 * @example
 * ```ts
 * Math.round(haversineKm(55.9533, -3.1883, 55.8642, -4.2518)); // 67
 * ```
 */
export function haversineKm(fromLatitude: number, fromLongitude: number, toLatitude: number, toLongitude: number): number {
  const halfLatitude = Math.sin(((toLatitude - fromLatitude) * RADIANS) / 2);
  const halfLongitude = Math.sin(((toLongitude - fromLongitude) * RADIANS) / 2);
  const chord = halfLatitude * halfLatitude + Math.cos(fromLatitude * RADIANS) * Math.cos(toLatitude * RADIANS) * halfLongitude * halfLongitude;
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
