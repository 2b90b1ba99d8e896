// Prints one closing line for the whole gate from each package's vitest JSON results and
// coverage summary (written by the turbo `test` task, cached or not).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const name of readdirSync(join(root, "packages")).sort()) {
  const results = join(root, "packages", name, "coverage", "test-results.json");
  if (!existsSync(results)) continue;
  const data = JSON.parse(readFileSync(results, "utf8"));
  passed += data.numPassedTests;
  failed += data.numFailedTests;
  skipped += data.numPendingTests + (data.numTodoTests ?? 0);
  const summaryFile = join(root, "packages", name, "coverage", "coverage-summary.json");
  const total = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, "utf8")).total : undefined;
  const cover = total ? `lines ${total.lines.pct}%, branches ${total.branches.pct}%` : "no coverage";
  rows.push(`  @selfmanage/${name}: ${data.numPassedTests} passed, ${data.numFailedTests} failed (${cover})`);
}
// The docs site's workbench is tested in Chromium by the docs check, after the docs build.
const workbench = join(root, ".docs-check", "workbench", "test-results.json");
if (existsSync(workbench)) {
  const data = JSON.parse(readFileSync(workbench, "utf8"));
  passed += data.numPassedTests;
  failed += data.numFailedTests;
  skipped += data.numPendingTests + (data.numTodoTests ?? 0);
  rows.push(`  docs-site workbench: ${data.numPassedTests} passed, ${data.numFailedTests} failed (browser tests)`);
}
console.log(rows.join("\n"));
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0) process.exitCode = 1;
