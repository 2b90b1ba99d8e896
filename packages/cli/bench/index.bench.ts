/**
 * The CLI locates JSON syntax errors itself (JSON.parse positions are inconsistent and its
 * messages quote the text). The locator only runs after JSON.parse has failed; this checks
 * that finding the position in a large broken document costs about as much as parsing it.
 */
import { runBenchmarks } from "@selfmanage/test-kit/bench";
import { findJsonSyntaxError } from "../src/json-syntax";

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
]);
