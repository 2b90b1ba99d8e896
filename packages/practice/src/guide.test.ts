import * as core from "@selfmanage/core";
import { describe, expect, it } from "vitest";
import { readmeExamples } from "@selfmanage/test-kit";
import * as practice from "./index";

// The guide's examples say what they print; this checks that they do.
const { blocks, run } = readmeExamples(new URL("../../../docs/practice.md", import.meta.url), { ...core, ...practice });

describe("docs/practice.md examples", () => {
  it("has seven examples, and they print what the guide says", async () => {
    expect(blocks).toHaveLength(7);
    expect(await run(0)).toEqual([["Before a meeting: Gathering information, Sharing good practice, Training, Building networks"], ["During a meeting: Screening tools, Signposting, Setting realistic goals"]]);
    expect(await run(1)).toEqual([[true]]);
    expect(await run(2)).toEqual([[true]]);
    expect(await run(3)).toEqual([
      [
        [
          ["holistic", 15, 75],
          ["empowerment", 10, 50],
          ["partnership-working", 8, 40],
        ],
      ],
      [
        [
          ["time", 20],
          ["funding", null],
        ],
      ],
      [[null, null]],
    ]);
    expect(await run(4)).toEqual([["April to June 2026"], ["April 2025 to March 2026"]]);
    expect(await run(5)).toEqual([[['time: "no time"', 'building-trust: "build trust"', 'signposting: "signposted"']]]);
    expect(await run(6)).toEqual([[true], [true]]);
  });
});
