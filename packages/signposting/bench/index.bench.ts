/**
 * Benchmarks for @selfmanage/signposting on deterministic synthetic directories across Scotland
 * (run: `npm run bench` in the package). Every row compares against a peer measured in the same
 * run, and checks first that both give the same answer.
 *
 * At 100,000 services:
 * 1. Validating every service (valid, and with a broken field) against ajv compiled from the
 *    package's own published JSON Schema (schemas/service.json).
 * 2. A typical query (category + 10 km + open now + age) against a full scan.
 * 3. The same with free text, against the full scan (same scoring) and against SQLite FTS5 + R*Tree.
 * 4. Finding the services with every typed word: the package's word index against MiniSearch.
 * 5. Index build (time and memory) against loading SQLite; loading a saved index against building it.
 * At 1,000,000 services: the free-text query against its 50 ms budget and the full scan.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { createAjv } from "@selfmanage/test-kit";
import { measure, validationBenchmarks, writeBenchFigures, type BenchResult, type Benchmark } from "@selfmanage/test-kit/bench";
import { categoryLabel } from "../src/codes";
import {
  buildSearchIndex,
  loadSearchIndex,
  searchServices,
  serialiseSearchIndex,
  validateDirectory,
  validateLocation,
  validateOrganisation,
  validateService,
  validateSignpostingEvent,
  type Directory,
  type SearchIndex,
  type ServiceQuery,
} from "../src/index";
import { MATCH_FUZZY, queryWords, wordsOf } from "../src/search/text";
import { expandWord } from "../src/search/text-index";
import { generateSyntheticDirectory } from "../test/synthetic";
import { locationLookup, scanServices } from "./scan";
import { buildSqlite, searchSqlite } from "./sqlite";

const COUNT = 100_000;
const LARGE = 1_000_000;
const results: BenchResult[] = [];
const gc = (globalThis as { gc?: () => void }).gc;

function report(result: BenchResult): void {
  results.push(result);
  const goal = result.target?.maxRatio !== undefined ? ` (target <= ${result.target.maxRatio}x)` : result.target?.minSpeedup !== undefined ? ` (target >= ${result.target.minSpeedup}x faster)` : "";
  console.log(
    `@selfmanage/signposting | ${result.name}: ${result.candidate} ${result.candidateMedianMs.toFixed(2)} ms vs ${result.baseline} ${result.baselineMedianMs.toFixed(2)} ms` +
      ` -> ratio ${result.ratio.toFixed(3)}x, speed-up ${result.speedup.toFixed(2)}x${goal} ${result.met ? "MET" : "MISSED"}`,
  );
}
function run(benchmark: Benchmark): BenchResult {
  const result = measure(benchmark);
  report(result);
  return result;
}
/** A figure against a fixed budget rather than a peer (the budget is the "baseline"). */
function budget(name: string, candidate: string, measuredMs: number, budgetMs: number, extra: Record<string, number | string> = {}): void {
  report({ name, candidate, baseline: `budget ${budgetMs} ms`, rounds: 1, candidateMedianMs: measuredMs, baselineMedianMs: budgetMs, ratio: measuredMs / budgetMs, speedup: budgetMs / measuredMs, target: { maxRatio: 1 }, met: measuredMs <= budgetMs, extra });
}
function timeOnce(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}
/** CPU time (user + system, all threads) of some work: what it costs, whatever else the machine is doing. */
function cpuOnce(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}
function heapMb(): number {
  gc?.();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1e6;
}
const same = (label: string, ours: string[], theirs: string[]): void => {
  if (ours.length === 0 || JSON.stringify(ours) !== JSON.stringify(theirs)) throw new Error(`${label}: the answers differ (${ours.length} vs ${theirs.length} results)`);
};
const keys = (matches: ReadonlyArray<{ service: { id: string }; score: number }>) => matches.map((match) => `${match.service.id}:${match.score}`);
const scanKeys = (matches: ReadonlyArray<{ id: string; score: number }>) => matches.map((match) => `${match.id}:${match.score}`);

// Typical signposting questions: a need, a 10 km radius around a town centre, open now, the person's age.
const queries: ServiceQuery[] = [
  { categories: ["peer-support-group"], near: { latitude: 55.9533, longitude: -3.1883 }, radiusKm: 10, openAt: "2026-03-03T18:30:00Z", age: 34 },
  { categories: ["health-coaching"], near: { latitude: 55.8642, longitude: -4.2518 }, radiusKm: 10, openAt: "2026-03-04T10:15:00Z", age: 52 },
  { categories: ["carers-support"], near: { latitude: 57.1497, longitude: -2.0943 }, radiusKm: 10, openAt: "2026-07-08T14:00:00+01:00", age: 67 },
  { categories: ["wrap"], near: { latitude: 56.462, longitude: -2.9707 }, radiusKm: 10, openAt: "2026-10-25T11:00:00Z", age: 19 },
  { categories: ["social-prescribing"], near: { latitude: 57.4778, longitude: -4.2247 }, radiusKm: 10, openAt: "2026-05-16T11:30:00+01:00", age: 41 },
];
// What people type, with a typo and a word started but not finished among them.
const typed = ["peer support group near me", "helth coaching", "support for carers", "wellness recovery", "social prescrib"];
const textQueries: ServiceQuery[] = queries.map((query, position) => ({ ...query, text: typed[position] as string }));

// 1. Validation, first, on a heap that holds only the directory.
let directory: Directory = generateSyntheticDirectory(COUNT, 2026);
const ajv = createAjv();
const validateWithAjv = ajv.compile(JSON.parse(readFileSync(fileURLToPath(new URL("../schemas/service.json", import.meta.url)), "utf8")) as object);
// Parsed from JSON text, as a service receives records (see validationBenchmarks in the test kit).
const broken = JSON.parse(JSON.stringify(directory.services.map((service, position) => (position % 2 === 0 ? { ...service, status: "closed" } : { ...service, categories: "peer-support-group" })))) as unknown[];
run({
  name: `validate ${COUNT.toLocaleString("en-GB")} valid services`,
  baseline: { name: "ajv (schemas/service.json)", run: () => directory.services.every((service) => validateWithAjv(service)) },
  candidate: { name: "validateService", run: () => directory.services.every((service) => validateService(service).ok) },
  rounds: 9,
  target: { maxRatio: 1 },
  check: () => {
    if (!directory.services.every((service) => validateService(service).ok && validateWithAjv(service))) throw new Error("A synthetic service failed validation.");
  },
});
run({
  name: `validate ${COUNT.toLocaleString("en-GB")} invalid services`,
  // Both sides keep what they found, as a caller reporting the problems would.
  baseline: { name: "ajv (schemas/service.json), all errors, kept", run: () => broken.map((service) => (validateWithAjv(service) ? null : validateWithAjv.errors)) },
  candidate: { name: "validateService, plain-English issues", run: () => broken.map((service) => validateService(service)) },
  rounds: 9,
  target: { maxRatio: 2 },
  check: () => {
    if (!broken.every((service) => !validateService(service).ok && !validateWithAjv(service))) throw new Error("A broken service passed validation.");
  },
});

// The other record kinds, on records of the same directory (and whole small directories).
const schemaFile = (name: string) => fileURLToPath(new URL(`../schemas/${name}.json`, import.meta.url));
const breakRecord = (record: object, field: string, position: number) => ({ ...record, [field]: position % 2 === 0 ? 42 : ["not", "this"], [`unknown${position % 3}`]: true });
const someOrganisations = directory.organisations.slice(0, 10_000);
const someLocations = directory.locations.slice(0, 20_000);
const smallDirectories = Array.from({ length: 50 }, (_, seed) => generateSyntheticDirectory(200, seed + 1));
const event = {
  id: "evt-1",
  person: "person-7f3a9c",
  occurredAt: "2026-03-01T11:00:00Z",
  organisationId: "org-1",
  needs: [{ category: "peer-support-group" }],
  services: [{ serviceId: "s1", method: "referral" }],
  consent: { given: true, scope: ["share-with-service"], recordedAt: "2026-03-01T10:00:00Z" },
  followUps: [{ outcome: "attended", recordedAt: "2026-03-20T09:00:00Z", serviceId: "s1", feedback: "Helpful group." }],
};
const events = Array.from({ length: 10_000 }, (_, position) => ({ ...structuredClone(event), id: `evt-${position}` }));
for (const benchmark of await validationBenchmarks([
  { kind: "organisation", schemaFile: schemaFile("organisation"), validate: validateOrganisation, valid: someOrganisations, invalid: someOrganisations.map((record, position) => breakRecord(record, "name", position)) },
  { kind: "location", schemaFile: schemaFile("location"), validate: validateLocation, valid: someLocations, invalid: someLocations.map((record, position) => breakRecord(record, "kind", position)) },
  { kind: "directory (200 services)", schemaFile: schemaFile("directory"), validate: validateDirectory, valid: smallDirectories, invalid: smallDirectories.map((record, position) => breakRecord(record, "services", position)), rounds: 7 },
  { kind: "signposting-event", schemaFile: schemaFile("signposting-event"), validate: validateSignpostingEvent, valid: events, invalid: events.map((record, position) => breakRecord(record, "occurredAt", position)) },
])) {
  run(benchmark);
}

// 5a. Index build, with the memory it holds, then the saved index.
const beforeBuild = heapMb();
const buildTimes: number[] = [];
const buildCpuTimes: number[] = [];
let index = undefined as unknown as SearchIndex;
buildTimes.push(timeOnce(() => (index = buildSearchIndex(directory))));
const indexMb = heapMb() - beforeBuild;
for (let round = 0; round < 4; round += 1) {
  let wall = 0;
  buildCpuTimes.push(cpuOnce(() => (wall = timeOnce(() => buildSearchIndex(directory)))));
  buildTimes.push(wall);
}
const buildMs = median(buildTimes);
budget(`index build for ${COUNT.toLocaleString("en-GB")} services, CPU time`, "buildSearchIndex", median(buildCpuTimes), 1000, { wallMedianMs: Math.round(buildMs), indexMemoryMb: Math.round(indexMb) });
budget(`index memory for ${COUNT.toLocaleString("en-GB")} services (MB, not ms)`, "buildSearchIndex heap + array buffers", indexMb, 100);
const bytes = serialiseSearchIndex(index);
run({
  name: `load a saved index of ${COUNT.toLocaleString("en-GB")} services (${(bytes.length / 1e6).toFixed(1)} MB)`,
  baseline: { name: "buildSearchIndex", run: () => buildSearchIndex(directory) },
  candidate: { name: "loadSearchIndex", run: () => loadSearchIndex(bytes, directory) },
  rounds: 7,
  target: { maxRatio: 0.25 },
  check: () => {
    const loaded = loadSearchIndex(bytes, directory);
    if (!loaded.ok) throw new Error("The saved index did not load.");
    for (const query of textQueries) same("saved index", keys(searchServices(loaded.value, query)), keys(searchServices(index, query)));
  },
});

// 2 and 3. Queries against the full scan and SQLite.
const locations = locationLookup(directory);
run({
  name: `typical query (category + 10 km + open now + age) on ${COUNT.toLocaleString("en-GB")} services`,
  baseline: { name: "full scan", run: () => queries.map((query) => scanServices(directory, query, locations)) },
  candidate: { name: "search index", run: () => queries.map((query) => searchServices(index, query)) },
  rounds: 21,
  target: { minSpeedup: 15 },
  check: () => {
    for (const query of queries) same(JSON.stringify(query), keys(searchServices(index, query)), scanKeys(scanServices(directory, query, locations)));
  },
});
run({
  name: `free-text query (typical query + text) on ${COUNT.toLocaleString("en-GB")} services`,
  baseline: { name: "full scan, same scoring", run: () => textQueries.map((query) => scanServices(directory, query, locations)) },
  candidate: { name: "search index", run: () => textQueries.map((query) => searchServices(index, query)) },
  rounds: 21,
  target: { minSpeedup: 10 },
  check: () => {
    for (const query of textQueries) same(JSON.stringify(query), keys(searchServices(index, query)), scanKeys(scanServices(directory, query, locations)));
  },
});
let sqlite = undefined as unknown as ReturnType<typeof buildSqlite>;
const sqliteBuildMs = timeOnce(() => (sqlite = buildSqlite(directory)));
run({
  name: `free-text query (typical query + text) on ${COUNT.toLocaleString("en-GB")} services, against SQLite`,
  baseline: { name: "SQLite FTS5 + R*Tree", run: () => textQueries.map((query) => searchSqlite(sqlite, query)) },
  candidate: { name: "search index", run: () => textQueries.map((query) => searchServices(index, query)) },
  rounds: 21,
  target: { maxRatio: 1 },
  check: () => {
    for (const query of textQueries) same(`SQLite ${JSON.stringify(query)}`, keys(searchServices(index, query)), scanKeys(searchSqlite(sqlite, query)));
  },
});
report({
  name: `index build for ${COUNT.toLocaleString("en-GB")} services, against SQLite`,
  candidate: "buildSearchIndex",
  baseline: "SQLite tables, FTS5 and R*Tree, one transaction",
  rounds: 1,
  candidateMedianMs: buildMs,
  baselineMedianMs: sqliteBuildMs,
  ratio: buildMs / sqliteBuildMs,
  speedup: sqliteBuildMs / buildMs,
  target: { maxRatio: 1 },
  met: buildMs <= sqliteBuildMs,
});
sqlite.database.close();

// 4. The word index itself against MiniSearch: the services that have every typed word, as a
// whole word or its start (MiniSearch's prefix search; no typos, so both mean the same).
const wordQueries = ["peer support", "carers", "mental wellbeing", "befriend", "money advice", "long term condition"];
const mini = new MiniSearch<{ id: number; name: string; description: string; categories: string }>({ fields: ["name", "description", "categories"], tokenize: wordsOf });
const miniBuildMs = timeOnce(() =>
  mini.addAll(directory.services.map((service, id) => ({ id, name: service.name, description: service.description ?? "", categories: service.categories.map(categoryLabel).join(" ") }))),
);
function servicesWithEveryWord(text: string): number[] {
  const data = index.data.text;
  let found: Set<number> | undefined;
  for (const word of queryWords(text)) {
    const expansion = expandWord(data, word);
    const withWord = new Set<number>();
    for (const id of expansion.ids) {
      if (expansion.matches[id] === MATCH_FUZZY) continue;
      for (let slot = data.wordStart[id] as number; slot < (data.wordStart[id + 1] as number); slot += 1) {
        const service = data.postingServices[slot] as number;
        if (found === undefined || found.has(service)) withWord.add(service);
      }
    }
    found = withWord;
  }
  return [...(found ?? [])].sort((a, b) => a - b);
}
const miniSearch = (text: string): number[] => mini.search(text, { prefix: true, combineWith: "AND" }).map((result) => result.id as number).sort((a, b) => a - b);
run({
  name: `services with every typed word (${wordQueries.length} queries) on ${COUNT.toLocaleString("en-GB")} services`,
  baseline: { name: "MiniSearch (prefix, AND)", run: () => wordQueries.map(miniSearch) },
  candidate: { name: "package word index", run: () => wordQueries.map(servicesWithEveryWord) },
  rounds: 11,
  target: { maxRatio: 1 },
  check: () => {
    for (const text of wordQueries) same(`words "${text}"`, servicesWithEveryWord(text).map(String), miniSearch(text).map(String));
  },
});
console.log(`@selfmanage/signposting | text engine build for ${COUNT} services: MiniSearch ${Math.round(miniBuildMs)} ms; whole search index ${Math.round(buildMs)} ms (${Math.round(indexMb)} MB); SQLite ${Math.round(sqliteBuildMs)} ms`);

// At 1,000,000 services: the free-text query against its budget and against the full scan.
directory = undefined as unknown as Directory;
index = undefined as unknown as SearchIndex;
gc?.();
const large = generateSyntheticDirectory(LARGE, 2027);
const largeBuildMs = timeOnce(() => (index = buildSearchIndex(large)));
const largeLocations = locationLookup(large);
const perQuery: number[] = [];
const largeText = run({
  name: `free-text query on ${LARGE.toLocaleString("en-GB")} services (${textQueries.length} queries a round)`,
  baseline: { name: "full scan, same scoring", run: () => textQueries.map((query) => scanServices(large, query, largeLocations)) },
  candidate: {
    name: "search index",
    run: () => {
      for (const query of textQueries) perQuery.push(timeOnce(() => searchServices(index, query)));
    },
  },
  rounds: 5,
  target: { minSpeedup: 10 },
  check: () => {
    for (const query of textQueries) same(`1M ${JSON.stringify(query)}`, keys(searchServices(index, query)), scanKeys(scanServices(large, query, largeLocations)));
  },
});
const perQueryCpu = textQueries.flatMap((query) => Array.from({ length: 5 }, () => cpuOnce(() => searchServices(index, query))));
budget(`free-text query on ${LARGE.toLocaleString("en-GB")} services, median of single queries, CPU time`, "searchServices", median(perQueryCpu), 50, { wallMedianMs: Number(median(perQuery).toFixed(2)), queries: perQueryCpu.length, indexBuildMs: Math.round(largeBuildMs) });
largeText.extra = { indexBuildMs: Math.round(largeBuildMs) };
console.log(`@selfmanage/signposting | index build for ${LARGE} services: ${Math.round(largeBuildMs)} ms`);
writeBenchFigures("@selfmanage/signposting", results);
