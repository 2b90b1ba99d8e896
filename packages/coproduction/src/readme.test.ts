import * as core from "@selfmanage/core";
import { describe, expect, it } from "vitest";
import { readmeExamples } from "@selfmanage/test-kit";
import * as coproduction from "./index";

const { blocks, run } = readmeExamples(new URL("../README.md", import.meta.url), { ...core, ...coproduction });

/** What each console.log call in an example printed first. */
const firstArguments = async (index: number): Promise<unknown[]> => (await run(index)).map((values) => values[0]);

describe("README examples", () => {
  it("has the four examples", () => {
    expect(blocks).toHaveLength(4);
  });

  it("1. validates and scores an assessment", async () => {
    const [assets, gap, networks] = await firstArguments(0);
    expect(assets).toEqual({ combined: 62.5, using: 25, providing: 100 });
    expect(gap).toEqual({ higher: "providing-services", lower: "using-services", difference: 75, flagged: true });
    expect(networks).toEqual({ status: "withheld", score: null, why: { reportedSide: "using-services", missingSide: "providing-services", reason: "suppressed" } });
  });

  it("2. reports bad input with paths", async () => {
    expect(await firstArguments(1)).toEqual([["ratings.0.option: off_scale", "ratings.1.indicatorId: unknown_indicator", "ratings.2.respondentId: unknown_respondent"]]);
  });

  it("3. places involvement on the ladder and flags tokenism", async () => {
    expect(await firstArguments(2)).toEqual(["consultation", ["delivery-without-design-or-evaluation", "unequal-partners"]]);
  });

  it("4. compares two rounds of a team's own framework", async () => {
    expect(await firstArguments(3)).toEqual([25, 12.5]);
  });
});
