/**
 * The CLI reads JSON itself before JSON.parse: to locate syntax errors (JSON.parse positions are
 * inconsistent and its messages quote the text), and to report what JSON.parse hides (a key given
 * twice, a number out of range, a `__proto__` key, nesting past the limit). These benchmarks
 * check what that costs: locating an error in a large broken document, and reading a large
 * valid one, against JSON.parse alone.
 */
import { runBenchmarks } from "@selfmanage/test-kit/bench";
import { findJsonSyntaxError, scanJson } from "../src/json-syntax";

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
]);
