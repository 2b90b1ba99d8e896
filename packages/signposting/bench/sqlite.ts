/**
 * The peer for search: SQLite (better-sqlite3) with an FTS5 table for the words and an R*Tree
 * for the places, as a careful developer would set them up. SQL finds the candidates (words,
 * bounding boxes, category, status, age); the exact rules (distance, radius, service areas,
 * opening hours, the text score) run on those candidates with the same code as the full scan,
 * so both sides must give the same top results.
 */
import Database from "better-sqlite3";
import { categoryLabel } from "../src/codes";
import type { Directory, Location, Service } from "../src/directory";
import { searchPosition, type ServiceQuery } from "../src/search";
import { allowedEdits, queryWords, withinEdits } from "../src/search/text";
import { scanServices, type ScanMatch } from "./scan";

const KM_PER_DEGREE = (6371 * Math.PI) / 180;
const STATUSES = ["active", "inactive", "defunct", "temporarily-closed"];

export interface SqliteDirectory {
  readonly database: Database.Database;
  readonly directory: Directory;
  readonly locations: Map<string, Location>;
  readonly maxCoverageKm: number;
}

export function buildSqlite(directory: Directory): SqliteDirectory {
  const database = new Database(":memory:");
  database.pragma("journal_mode = OFF");
  database.pragma("synchronous = OFF");
  database.function("within_edits", { deterministic: true }, (word: unknown, typed: unknown, edits: unknown) => (withinEdits(String(typed), String(word), Number(edits)) ? 1 : 0));
  database.exec(`
    CREATE TABLE services (id INTEGER PRIMARY KEY, status INTEGER, categories INTEGER, min_age REAL, max_age REAL, national INTEGER);
    CREATE INDEX services_national ON services(national) WHERE national = 1;
    CREATE VIRTUAL TABLE points USING rtree(id, min_lat, max_lat, min_lon, max_lon, +service INTEGER, +categories INTEGER);
    CREATE VIRTUAL TABLE coverage_points USING rtree(id, min_lat, max_lat, min_lon, max_lon, +service INTEGER, +categories INTEGER);
    CREATE VIRTUAL TABLE words USING fts5(name, categories, description, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
    CREATE VIRTUAL TABLE vocabulary USING fts5vocab(words, row);
  `);
  const locations = new Map(directory.locations.map((location) => [location.id, location]));
  const categoryBit = new Map<string, number>();
  const insertService = database.prepare("INSERT INTO services VALUES (?, ?, ?, ?, ?, ?)");
  const insertPoint = database.prepare("INSERT INTO points VALUES (?, ?, ?, ?, ?, ?, ?)");
  const insertCoveragePoint = database.prepare("INSERT INTO coverage_points VALUES (?, ?, ?, ?, ?, ?, ?)");
  const insertWords = database.prepare("INSERT INTO words (rowid, name, categories, description) VALUES (?, ?, ?, ?)");
  let maxCoverageKm = 0;
  let pointId = 0;
  database.transaction(() => {
    directory.services.forEach((service: Service, position) => {
      let mask = 0;
      for (const category of service.categories) {
        if (!categoryBit.has(category)) categoryBit.set(category, 1 << categoryBit.size);
        mask |= categoryBit.get(category) as number;
      }
      const national = (service.areas ?? []).some((area) => area.kind === "national") ? 1 : 0;
      insertService.run(position, STATUSES.indexOf(service.status), mask, service.eligibility?.minimumAge ?? 0, service.eligibility?.maximumAge ?? 1e9, national);
      insertWords.run(position, service.name, service.categories.map(categoryLabel).join(" "), service.description ?? "");
      for (const id of service.locationIds ?? []) {
        const location = locations.get(id);
        const place = location === undefined ? undefined : searchPosition(location);
        if (place === undefined) continue;
        let coverage = 0;
        for (const area of service.areas ?? []) if (area.kind === "radius" && (area.locationId === undefined || area.locationId === id)) coverage = Math.max(coverage, area.radiusKm);
        maxCoverageKm = Math.max(maxCoverageKm, coverage);
        insertPoint.run(pointId, place.latitude, place.latitude, place.longitude, place.longitude, position, mask);
        if (coverage > 0) insertCoveragePoint.run(pointId, place.latitude, place.latitude, place.longitude, place.longitude, position, mask);
        pointId += 1;
      }
    });
  })();
  // The vocabulary once, in a plain table by word length, for the typo look-ups.
  database.exec("CREATE TABLE terms AS SELECT term, length(term) AS letters FROM vocabulary; CREATE INDEX terms_by_letters ON terms(letters);");
  (database as unknown as { categoryBit: Map<string, number> }).categoryBit = categoryBit;
  return { database, directory, locations, maxCoverageKm };
}

/** The FTS5 query for the typed words: each word as a prefix, or any vocabulary word a typo away. */
function matchExpression(sqlite: SqliteDirectory, text: string): string | undefined {
  const typed = queryWords(text);
  if (typed.length === 0) return undefined;
  const similar = sqlite.database.prepare("SELECT term FROM terms WHERE letters BETWEEN ? AND ? AND within_edits(term, ?, ?)").pluck();
  return typed
    .map((word) => {
      const edits = allowedEdits(word);
      const alternatives = [`"${word}"*`, ...(edits === 0 ? [] : (similar.all(word.length - edits, word.length + edits, word, edits) as string[]).map((term) => `"${term}"`))];
      return `(${alternatives.join(" OR ")})`;
    })
    .join(" AND ");
}

function box(latitude: number, longitude: number, radius: number): [number, number, number, number] {
  const latitudeSpan = radius / KM_PER_DEGREE + 1e-6;
  const longitudeSpan = radius / (KM_PER_DEGREE * Math.cos((Math.min(89.9, Math.abs(latitude) + latitudeSpan) * Math.PI) / 180)) + 1e-6;
  return [latitude - latitudeSpan, latitude + latitudeSpan, longitude - longitudeSpan, longitude + longitudeSpan];
}

/** Answer a query (category, near + radius, age, text) with SQLite for the candidates and the scan's rules for the rest. */
export function searchSqlite(sqlite: SqliteDirectory, query: ServiceQuery): ScanMatch[] {
  const near = query.near;
  if (near === undefined || query.radiusKm === undefined) throw new Error("The SQLite peer answers radius queries only.");
  const categoryBit = (sqlite.database as unknown as { categoryBit: Map<string, number> }).categoryBit;
  const mask = [...(query.categories ?? []), ...(query.needs ?? [])].reduce((total, category) => total | (categoryBit.get(category) ?? 0), 0);
  const match = query.text === undefined ? undefined : matchExpression(sqlite, query.text);
  const [south, north, west, east] = box(near.latitude, near.longitude, query.radiusKm);
  const [coverSouth, coverNorth, coverWest, coverEast] = box(near.latitude, near.longitude, sqlite.maxCoverageKm);
  const sql = `
    WITH nearby(service) AS (
      SELECT service FROM points WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ? AND (? = 0 OR (categories & ?) != 0)
      UNION SELECT service FROM coverage_points WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ? AND (? = 0 OR (categories & ?) != 0)
      UNION SELECT id FROM services WHERE national = 1
    )
    SELECT s.id FROM nearby JOIN services s ON s.id = nearby.service
    WHERE s.status = 0 AND (? = 0 OR (s.categories & ?) != 0) AND (? IS NULL OR ? BETWEEN s.min_age AND s.max_age)
    ${match === undefined ? "" : "AND s.id IN (SELECT rowid FROM words WHERE words MATCH ?)"}`;
  const parameters: unknown[] = [south, north, west, east, mask, mask, coverSouth, coverNorth, coverWest, coverEast, mask, mask, mask, mask, query.age ?? null, query.age ?? null];
  if (match !== undefined) parameters.push(match);
  const ids = sqlite.database.prepare(sql).pluck().all(...parameters) as number[];
  const services = ids.map((id) => sqlite.directory.services[id] as Service);
  return scanServices({ organisations: [], locations: [], services }, query, sqlite.locations);
}
