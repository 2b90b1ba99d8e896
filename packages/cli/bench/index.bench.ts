/**
 * 1. The CLI reads JSON itself before JSON.parse: to locate syntax errors (JSON.parse positions
 *    are inconsistent and its messages quote the text), and to report what JSON.parse hides (a
 *    key given twice, a number out of range, a `__proto__` key, nesting past the limit). These
 *    check what that costs: locating an error in a large broken document, and reading a large
 *    valid one, against JSON.parse alone.
 * 2. Start-up: `selfmanage --help` from the build, spawned again and again like hyperfine does,
 *    against `node -e 0` spawned the same way in the same rounds. Commands load their modules
 *    only when used, so the help should cost little more than starting Node.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runBenchmarks } from "@selfmanage/test-kit/bench";
import { commands } from "../src/commands/index";
import { findJsonSyntaxError, scanJson } from "@selfmanage/core";

const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url));
const SPAWNS = 10;
function spawnNode(args: string[]): string {
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  return result.stdout;
}
function spawnRepeatedly(args: string[]): void {
  for (let spawn = 0; spawn < SPAWNS; spawn += 1) spawnNode(args);
}

const records = Array.from({ length: 20_000 }, (_, index) => ({ id: `org-${index}`, name: `Fictional Organisation ${index}`, tags: ["peer-support", "walking"], score: index / 7 }));
const valid = JSON.stringify(records);
// Break the document near its end, so both sides read almost all of it.
const broken = `${valid.slice(0, -40)}}${valid.slice(-40)}`;

runBenchmarks("@selfmanage/cli", [
  {
    name: "locate a JSON syntax error in a 1.4 MB document",
    baseline: {
      name: "JSON.parse (fails, no reliable position)",
      run: () => {
        try {
          JSON.parse(broken);
        } catch {
          // expected
        }
      },
    },
    candidate: { name: "findJsonSyntaxError", run: () => findJsonSyntaxError(broken) },
    target: { maxRatio: 6 },
    check: () => {
      if (findJsonSyntaxError(broken) === undefined || findJsonSyntaxError(valid) !== undefined) throw new Error("the locator disagrees with JSON.parse");
    },
  },
  {
    name: "read a valid 1.4 MB document (scan for repeated keys, ranges and depth, then parse)",
    baseline: { name: "JSON.parse alone (hides repeated keys, turns 1e400 into Infinity)", run: () => JSON.parse(valid) },
    candidate: {
      name: "scanJson + JSON.parse",
      run: () => {
        if (scanJson(valid).error === undefined) JSON.parse(valid);
      },
    },
    target: { maxRatio: 4 },
    check: () => {
      const scan = scanJson(valid);
      if (scan.error !== undefined || scan.notices.length > 0) throw new Error("the scanner found a problem JSON.parse does not have");
      if (JSON.stringify(JSON.parse(valid)) !== valid) throw new Error("the document does not round-trip");
    },
  },
  {
    name: `start-up: ${SPAWNS} spawns of selfmanage --help`,
    baseline: { name: "node -e 0", run: () => spawnRepeatedly(["-e", "0"]) },
    candidate: { name: "selfmanage --help (dist/bin.cjs, the package bin)", run: () => spawnRepeatedly([bin, "--help"]) },
    rounds: 9,
    target: { maxRatio: 1.5 },
    check: () => {
      const help = spawnNode([bin, "--help"]);
      for (const command of commands) if (!help.includes(`  ${command.name} `)) throw new Error(`selfmanage --help does not list ${command.name}`);
    },
  },
]);
