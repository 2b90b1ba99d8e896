import { execFileSync } from "node:child_process";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";
import { writeBenchFigures } from "@selfmanage/test-kit/bench";

// Episode outcomes over 10 million PHQ-9 and GAD-7 responses (override with OUTCOMES_BENCH_RESPONSES):
// the streaming tracker (input in any order; and input sorted by episode) against collecting
// everything in arrays and grouping afterwards. Each run is its own process so that its peak
// RSS is its own; all three must give the same suppressed summary.
const responses = Number(process.env.OUTCOMES_BENCH_RESPONSES ?? 10_000_000);
const child = fileURLToPath(new URL("./outcomes-child.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));

interface Run {
  mode: string;
  responses: number;
  ms: number;
  peakRssMb: number;
  mostOpenEpisodes: number | null;
  summary: { input: { responses: { count: number | null } }; overall: { counts: Record<string, { count: number | null }> } };
}

function run(mode: string): Run {
  const output = execFileSync(tsx, [child, mode, String(responses)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=12288" } });
  return JSON.parse(output.trim().split("\n").pop() as string) as Run;
}

const naive = run("naive");
const streaming = run("streaming");
const sorted = run("sorted");
for (const other of [streaming, sorted]) {
  if (!isDeepStrictEqual(other.summary, naive.summary)) throw new Error(`The ${other.mode} summary differs from the naive one.`);
}
const line = (result: Run) =>
  `${result.mode.padEnd(9)} ${(result.ms / 1000).toFixed(2).padStart(7)} s  ${result.peakRssMb.toFixed(0).padStart(6)} MB peak RSS${result.mostOpenEpisodes === null ? "" : `  at most ${result.mostOpenEpisodes} episodes open`}`;
console.log(`@selfmanage/recovery | episode outcomes from ${naive.summary.input.responses.count?.toLocaleString("en-GB")} responses (${naive.summary.overall.counts.episodes?.count?.toLocaleString("en-GB")} episodes); all three summaries identical`);
for (const result of [naive, streaming, sorted]) console.log(`  ${line(result)}`);
console.log(
  `  streaming vs naive: time ${(streaming.ms / naive.ms).toFixed(2)}x, peak RSS ${(streaming.peakRssMb / naive.peakRssMb).toFixed(2)}x; sorted vs naive: time ${(sorted.ms / naive.ms).toFixed(2)}x, peak RSS ${(sorted.peakRssMb / naive.peakRssMb).toFixed(2)}x`,
);
writeBenchFigures(
  "@selfmanage/recovery-outcomes",
  [naive, streaming, sorted].map(({ summary: _summary, ...figures }) => figures),
);
