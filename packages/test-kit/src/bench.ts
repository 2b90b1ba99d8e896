import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

/** One side of a comparison: a name and the work to time. */
export interface BenchSide {
  name: string;
  run: () => unknown;
}

/** A benchmark: a candidate measured side by side with the baseline it names. */
export interface Benchmark {
  name: string;
  baseline: BenchSide;
  candidate: BenchSide;
  /** Rounds; each round runs baseline and candidate once, alternating which goes first. */
  rounds?: number;
  /** Ratio target (candidate / baseline for time). Reported, and flagged when missed. */
  target?: { maxRatio?: number; minSpeedup?: number };
  /** Optional check run once before timing, e.g. that both sides give the same answer. */
  check?: () => void;
}

/** The figures for one benchmark. */
export interface BenchResult {
  name: string;
  baseline: string;
  candidate: string;
  rounds: number;
  baselineMedianMs: number;
  candidateMedianMs: number;
  /** candidate median / baseline median. */
  ratio: number;
  /** baseline median / candidate median. */
  speedup: number;
  target?: Benchmark["target"];
  met: boolean;
  extra?: Record<string, number | string>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function time(side: BenchSide): number {
  const start = performance.now();
  side.run();
  return performance.now() - start;
}

/** Time one benchmark: warm up both sides, then alternate them for the given rounds. */
export function measure(benchmark: Benchmark): BenchResult {
  benchmark.check?.();
  const rounds = benchmark.rounds ?? 15;
  time(benchmark.baseline);
  time(benchmark.candidate);
  const baselineTimes: number[] = [];
  const candidateTimes: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      baselineTimes.push(time(benchmark.baseline));
      candidateTimes.push(time(benchmark.candidate));
    } else {
      candidateTimes.push(time(benchmark.candidate));
      baselineTimes.push(time(benchmark.baseline));
    }
  }
  const baselineMedianMs = median(baselineTimes);
  const candidateMedianMs = median(candidateTimes);
  const ratio = candidateMedianMs / baselineMedianMs;
  const speedup = baselineMedianMs / candidateMedianMs;
  const target = benchmark.target;
  const met = (target?.maxRatio === undefined || ratio <= target.maxRatio) && (target?.minSpeedup === undefined || speedup >= target.minSpeedup);
  return {
    name: benchmark.name,
    baseline: benchmark.baseline.name,
    candidate: benchmark.candidate.name,
    rounds,
    baselineMedianMs,
    candidateMedianMs,
    ratio,
    speedup,
    ...(target ? { target } : {}),
    met,
  };
}

/**
 * Run a package's benchmarks, print each ratio against its baseline, and write the
 * figures to `.bench/<package>.json` at the repository root (git-ignored).
 */
export function runBenchmarks(packageName: string, benchmarks: Benchmark[], extras: Record<string, Record<string, number | string>> = {}): BenchResult[] {
  const results: BenchResult[] = [];
  for (const benchmark of benchmarks) {
    const result = measure(benchmark);
    const extra = extras[benchmark.name];
    if (extra) result.extra = extra;
    results.push(result);
    const goal = result.target?.maxRatio !== undefined ? ` (target <= ${result.target.maxRatio}x)` : result.target?.minSpeedup !== undefined ? ` (target >= ${result.target.minSpeedup}x faster)` : "";
    console.log(
      `${packageName} | ${result.name}: ${result.candidate} ${result.candidateMedianMs.toFixed(2)} ms vs ${result.baseline} ${result.baselineMedianMs.toFixed(2)} ms` +
        ` -> ratio ${result.ratio.toFixed(3)}x, speed-up ${result.speedup.toFixed(2)}x${goal} ${result.met ? "MET" : "MISSED"}`,
    );
  }
  writeBenchFigures(packageName, results);
  return results;
}

/** Write figures as JSON under `.bench/` at the repository root. */
export function writeBenchFigures(packageName: string, figures: unknown): string {
  const directory = resolve(process.env.BENCH_OUT ?? join(findRoot(), ".bench"));
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${packageName.replace(/^@/, "").replace(/\//g, "__")}.json`);
  writeFileSync(file, `${JSON.stringify({ package: packageName, node: process.version, date: new Date().toISOString(), figures }, null, 2)}\n`);
  return file;
}

function findRoot(): string {
  let directory = process.cwd();
  for (let depth = 0; depth < 6; depth += 1) {
    if (directory.endsWith("/packages") || /\/packages\/[^/]+$/.test(directory)) directory = resolve(directory, "..");
    else break;
  }
  return directory;
}

/** Records of one kind to validate: valid ones, and the same with a schema-level break. */
export interface ValidationCase {
  /** The record kind, e.g. "goal". */
  kind: string;
  /** Path of the published JSON Schema the peer (ajv) is compiled from. */
  schemaFile: string;
  /** The package's validator. */
  validate: (input: unknown) => { ok: boolean };
  valid: readonly unknown[];
  invalid: readonly unknown[];
  rounds?: number;
}

/** A record as it arrives from outside: written to JSON text and parsed again. */
function asReceived(record: unknown): unknown {
  return JSON.parse(JSON.stringify(record)) as unknown;
}

/**
 * Two benchmarks for a record kind against ajv compiled from the package's own published JSON
 * Schema (all errors, formats): valid records (target: at least as fast) and invalid records
 * (target: at most twice ajv's time). Both sides must agree on every record first.
 */
export async function validationBenchmarks(cases: readonly ValidationCase[]): Promise<Benchmark[]> {
  const { readFileSync } = await import("node:fs");
  const { createAjv } = await import("./json-schema");
  const ajv = createAjv();
  return cases.flatMap((entry) => {
    const peer = ajv.compile(JSON.parse(readFileSync(entry.schemaFile, "utf8")) as object);
    // Both sides get the records as a service receives them: parsed from JSON text. Objects made
    // in code by spreading a record and adding a key would otherwise fall into a slow path of V8's
    // property lookup (ten times slower or more per read) that parsed input never meets, and the
    // figures would measure how often each side reads a field rather than how it validates.
    const valid = entry.valid.map(asReceived);
    const invalid = entry.invalid.map(asReceived);
    const label = (count: number, what: string) => `validate ${count.toLocaleString("en-GB")} ${what} ${entry.kind} records`;
    return [
      {
        name: label(valid.length, "valid"),
        baseline: { name: `ajv (${entry.schemaFile.split("/").slice(-2).join("/")})`, run: () => valid.every((record) => peer(record)) },
        candidate: { name: "package validator", run: () => valid.every((record) => entry.validate(record).ok) },
        rounds: entry.rounds ?? 11,
        target: { maxRatio: 1 },
        check: () => {
          valid.forEach((record, position) => {
            if (!entry.validate(record).ok || !peer(record)) throw new Error(`${entry.kind} ${position}: a valid record was rejected (package ${entry.validate(record).ok}, ajv ${peer(record)})`);
          });
        },
      },
      {
        name: label(invalid.length, "invalid"),
        // Both sides keep what they found, as a caller reporting the problems would: ajv's error
        // objects (a fresh list for each record), and our issues.
        baseline: { name: "ajv, all errors, kept", run: () => invalid.map((record) => (peer(record) ? null : peer.errors)) },
        candidate: { name: "package validator, plain-English issues", run: () => invalid.map((record) => entry.validate(record)) },
        rounds: entry.rounds ?? 11,
        target: { maxRatio: 2 },
        check: () => {
          invalid.forEach((record, position) => {
            if (entry.validate(record).ok || peer(record)) throw new Error(`${entry.kind} ${position}: an invalid record was accepted (package ${entry.validate(record).ok}, ajv ${peer(record)})`);
          });
        },
      },
    ];
  });
}
