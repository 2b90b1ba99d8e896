/**
 * Benchmarks for @selfmanage/signposting on a deterministic synthetic directory of 100,000
 * services across Scotland (run: `npx tsx bench/index.bench.ts`).
 *
 * 1. A typical query (category + 10 km radius + open now + age) through the index, against a
 *    straightforward full scan (filter every record, haversine, sort). The top 20 must be identical.
 * 2. Validating every service with the package (zod), against ajv compiled from the package's own
 *    published JSON Schema (schemas/service.json) on the same records.
 * Validation runs first, before any index exists; index build time and validation time are
 * reported as extra figures in .bench/selfmanage__signposting.json.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createAjv } from "@selfmanage/test-kit";
import { measure, writeBenchFigures, type BenchResult, type Benchmark } from "@selfmanage/test-kit/bench";
import { buildSearchIndex, generateSyntheticDirectory, searchServices, validateService, type SearchIndex, type ServiceQuery } from "../src/index";
import { locationLookup, scanServices } from "./scan";

const COUNT = 100_000;
const directory = generateSyntheticDirectory(COUNT, 2026);

function timeOnce(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}
function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

// Validation is measured first, on a heap that holds only the directory; the index is built
// afterwards, and the extra builds timed at the end, so that their garbage disturbs neither.
let index: SearchIndex | undefined;
let firstBuildMs = 0;
const locations = locationLookup(directory);
function builtIndex(): SearchIndex {
  if (index === undefined) firstBuildMs = timeOnce(() => {
    index = buildSearchIndex(directory);
  });
  return index as SearchIndex;
}

// Typical signposting questions: a need, a 10 km radius around a town centre, open now, the person's age.
const queries: ServiceQuery[] = [
  { categories: ["peer-support-group"], near: { latitude: 55.9533, longitude: -3.1883 }, radiusKm: 10, openAt: "2026-03-03T18:30:00Z", age: 34 },
  { categories: ["health-coaching"], near: { latitude: 55.8642, longitude: -4.2518 }, radiusKm: 10, openAt: "2026-03-04T10:15:00Z", age: 52 },
  { categories: ["carers-support"], near: { latitude: 57.1497, longitude: -2.0943 }, radiusKm: 10, openAt: "2026-07-08T14:00:00+01:00", age: 67 },
  { categories: ["wrap"], near: { latitude: 56.462, longitude: -2.9707 }, radiusKm: 10, openAt: "2026-10-25T11:00:00Z", age: 19 },
  { categories: ["social-prescribing"], near: { latitude: 57.4778, longitude: -4.2247 }, radiusKm: 10, openAt: "2026-05-16T11:30:00+01:00", age: 41 },
];

const query: Benchmark = {
  name: "typical query (category + 10 km + open now + age) on 100,000 services",
  baseline: { name: "full scan", run: () => queries.map((asked) => scanServices(directory, asked, locations)) },
  candidate: { name: "search index", run: () => queries.map((asked) => searchServices(builtIndex(), asked)) },
  rounds: 21,
  target: { minSpeedup: 15 },
  check: () => {
    for (const asked of queries) {
      const indexed = searchServices(builtIndex(), asked).map((match) => `${match.service.id}:${match.score}`);
      const scanned = scanServices(directory, asked, locations).map((match) => `${match.id}:${match.score}`);
      if (indexed.length !== 20 || JSON.stringify(indexed) !== JSON.stringify(scanned)) {
        throw new Error(`The index and the full scan disagree on the top 20 for ${JSON.stringify(asked)}`);
      }
    }
  },
};

const ajv = createAjv();
const serviceSchema = JSON.parse(readFileSync(fileURLToPath(new URL("../schemas/service.json", import.meta.url)), "utf8")) as object;
const validateWithAjv = ajv.compile(serviceSchema);
const validation: Benchmark = {
  name: "validate 100,000 services",
  baseline: { name: "ajv (schemas/service.json)", run: () => directory.services.every((service) => validateWithAjv(service)) },
  candidate: { name: "validateService (zod)", run: () => directory.services.every((service) => validateService(service).ok) },
  rounds: 9,
  target: { maxRatio: 3 },
  check: () => {
    if (!directory.services.every((service) => validateService(service).ok && validateWithAjv(service))) throw new Error("A synthetic service failed validation.");
  },
};

const results: BenchResult[] = [];
for (const benchmark of [validation, query]) {
  const result = measure(benchmark);
  results.push(result);
  const goal = result.target?.maxRatio !== undefined ? ` (target <= ${result.target.maxRatio}x)` : ` (target >= ${result.target?.minSpeedup ?? 0}x faster)`;
  console.log(
    `@selfmanage/signposting | ${result.name}: ${result.candidate} ${result.candidateMedianMs.toFixed(2)} ms vs ${result.baseline} ${result.baselineMedianMs.toFixed(2)} ms` +
      ` -> ratio ${result.ratio.toFixed(3)}x, speed-up ${result.speedup.toFixed(2)}x${goal} ${result.met ? "MET" : "MISSED"}`,
  );
}
const buildTimes = [firstBuildMs, timeOnce(() => buildSearchIndex(directory)), timeOnce(() => buildSearchIndex(directory))];
const validationResult = results[0] as BenchResult;
(results[1] as BenchResult).extra = { services: COUNT, queriesPerRound: queries.length, indexBuildMedianMs: Math.round(median(buildTimes)) };
validationResult.extra = { services: COUNT, validationMedianMs: Math.round(validationResult.candidateMedianMs), ajvMedianMs: Math.round(validationResult.baselineMedianMs) };
console.log(`@selfmanage/signposting | index build for ${COUNT} services: median ${Math.round(median(buildTimes))} ms; validation ${Math.round(validationResult.candidateMedianMs)} ms`);
writeBenchFigures("@selfmanage/signposting", results);
