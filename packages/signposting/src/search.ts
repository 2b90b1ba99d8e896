// Search over a directory: the index (search/build.ts), queries (search/query.ts), text matching
// (search/text.ts, search/text-index.ts), distances (search/geo.ts), and saving and loading an
// index (search/serialise.ts).
export { distanceKm, bandedDistanceKm, searchPosition, publicLocation, type GeoPoint } from "./search/geo";
export { buildSearchIndex, SEARCH_INDEX_FORMAT, type SearchIndex } from "./search/build";
export { searchServices, type ServiceQuery, type ServiceMatch, type MatchReason } from "./search/query";
export { serialiseSearchIndex, loadSearchIndex } from "./search/serialise";
