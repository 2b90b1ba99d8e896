/**
 * Benchmark: importing a large Open Referral UK feed (100,000 services, about 300 MB), streamed,
 * against the floor a careful reader would otherwise use: read the file, `JSON.parse` it whole,
 * and validate every service with ajv against the real ORUK 3.0 schema. Each side runs in its own
 * process (so peak memory is its own), alternately, `BENCH_ROUNDS` times (default 3); both must take
 * the same services. Targets: at most 2x the peer's time, and peak RSS under 300 MB.
 * Run: `npx tsx bench/import.bench.ts` (the package's `npm run bench` runs it).
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeBenchFigures, type BenchResult } from "@selfmanage/test-kit/bench";
import { writeOrukFeed } from "./oruk-feed";

const COUNT = Number(process.env.BENCH_ORUK_SERVICES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MAX_RATIO = 2;
const MAX_RSS_MB = 300;

interface Side {
  ms: number;
  peakRssMb: number;
  records: number;
  digest: string;
}

function runSide(mode: "peer" | "stream" | "check", file: string): Side {
  const child = spawnSync(process.execPath, [fileURLToPath(new URL("./import-child.mjs", import.meta.url)), mode, file], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${mode} side failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1) as string) as Side;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main(): Promise<void> {
  const file = join(tmpdir(), `selfmanage-oruk-bench-${COUNT}-v1.json`);
  if (!existsSync(file)) await writeOrukFeed(file, COUNT);
  const megabytes = statSync(file).size / 1_000_000;
  const peer: Side[] = [];
  const stream: Side[] = [];
  const check: Side[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const order: Array<["peer" | "stream" | "check", Side[]]> = [
      ["peer", peer],
      ["stream", stream],
      ["check", check],
    ];
    for (const [mode, sides] of round % 2 === 0 ? order : order.reverse()) sides.push(runSide(mode, file));
  }
  // Every side must take the same services, in the same order.
  for (const side of [...peer, ...stream, ...check]) {
    if (side.digest !== peer[0]?.digest || side.records !== COUNT) throw new Error(`The sides disagree: ${JSON.stringify({ peer: peer[0], side })}`);
  }
  const peerMs = median(peer.map((side) => side.ms));
  const streamMs = median(stream.map((side) => side.ms));
  const streamRss = stream.map((side) => side.peakRssMb).reduce((most, value) => Math.max(most, value), -Infinity);
  const peerRss = peer.map((side) => side.peakRssMb).reduce((most, value) => Math.max(most, value), -Infinity);
  const ratio = streamMs / peerMs;
  const result: BenchResult = {
    name: `ORUK import of ${COUNT.toLocaleString("en-GB")} services (${megabytes.toFixed(0)} MB), streamed; target <= ${MAX_RATIO}x time and < ${MAX_RSS_MB} MB peak RSS`,
    baseline: "JSON.parse + ajv (ORUK 3.0 schema)",
    candidate: "importOpenReferralUkStream",
    rounds: ROUNDS,
    baselineMedianMs: peerMs,
    candidateMedianMs: streamMs,
    ratio,
    speedup: peerMs / streamMs,
    target: { maxRatio: MAX_RATIO },
    met: ratio <= MAX_RATIO && streamRss < MAX_RSS_MB,
    extra: {
      services: COUNT,
      feedMb: Number(megabytes.toFixed(1)),
      streamPeakRssMb: Number(streamRss.toFixed(1)),
      peerPeakRssMb: Number(peerRss.toFixed(1)),
      streamServicesPerSecond: Math.round(COUNT / (streamMs / 1000)),
      peerServicesPerSecond: Math.round(COUNT / (peerMs / 1000)),
    },
  };
  const checkMs = median(check.map((side) => side.ms));
  const checkRss = check.map((side) => side.peakRssMb).reduce((most, value) => Math.max(most, value), -Infinity);
  const checkRatio = checkMs / peerMs;
  const checked: BenchResult = {
    name: `ORUK feed check (field rules + data quality) of ${COUNT.toLocaleString("en-GB")} services, streamed; target < ${MAX_RSS_MB} MB peak RSS`,
    baseline: "JSON.parse + ajv (ORUK 3.0 schema)",
    candidate: "checkOrukObject + createFeedQuality, streamed",
    rounds: ROUNDS,
    baselineMedianMs: peerMs,
    candidateMedianMs: checkMs,
    ratio: checkRatio,
    speedup: peerMs / checkMs,
    met: checkRss < MAX_RSS_MB,
    extra: { services: COUNT, checkPeakRssMb: Number(checkRss.toFixed(1)), checkServicesPerSecond: Math.round(COUNT / (checkMs / 1000)) },
  };
  console.log(
    `@selfmanage/signposting | ${checked.name}: ${checked.candidate} ${checkMs.toFixed(0)} ms, peak RSS ${checkRss.toFixed(0)} MB vs ${checked.baseline} ${peerMs.toFixed(0)} ms -> ratio ${checkRatio.toFixed(3)}x ${checked.met ? "MET" : "MISSED"}`,
  );
  console.log(
    `@selfmanage/signposting | ${result.name}: ${result.candidate} ${streamMs.toFixed(0)} ms, peak RSS ${streamRss.toFixed(0)} MB vs ${result.baseline} ${peerMs.toFixed(0)} ms, peak RSS ${peerRss.toFixed(0)} MB -> ratio ${ratio.toFixed(3)}x ${result.met ? "MET" : "MISSED"}`,
  );
  writeBenchFigures("@selfmanage/signposting-import", [result, checked]);
}

void main();
