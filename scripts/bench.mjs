// Runs every package's benchmarks one after another (so they do not compete for the CPU),
// then prints each ratio against its baseline from the figures written to .bench/.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, ".bench");
rmSync(out, { recursive: true, force: true });
const run = spawnSync("npx", ["turbo", "run", "bench", "--concurrency=1", "--output-logs=new-only", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, BENCH_OUT: out },
});
if (run.status !== 0) process.exit(run.status ?? 1);

let files = [];
try {
  files = readdirSync(out).filter((name) => name.endsWith(".json"));
} catch {
  files = [];
}
console.log("\nBenchmark summary (ratio = candidate / baseline, measured side by side in this run)");
let missed = 0;
for (const file of files.sort()) {
  const { package: name, figures } = JSON.parse(readFileSync(join(out, file), "utf8"));
  for (const figure of figures) {
    if (figure.ratio === undefined) continue;
    if (!figure.met) missed += 1;
    console.log(
      `  ${name} | ${figure.name}: ${figure.candidate} vs ${figure.baseline}: ratio ${figure.ratio.toFixed(3)}x, speed-up ${figure.speedup.toFixed(2)}x ${figure.met ? "(target met)" : "(TARGET MISSED)"}`,
    );
  }
}
console.log(`Figures written to ${out}`);
if (missed > 0) process.exitCode = 1;
