import * as core from "@selfmanage/core";
import { describe, expect, it } from "vitest";
import { readmeExamples } from "@selfmanage/test-kit";
import * as practice from "./index";

const { blocks, run } = readmeExamples(new URL("../README.md", import.meta.url), { ...core, ...practice });

/** What each console.log call in an example printed (all arguments). */
const printed = async (index: number): Promise<unknown[][]> => run(index);

describe("README examples", () => {
  it("has the five examples", () => {
    expect(blocks).toHaveLength(5);
  });

  it("1. checks and summarises, suppressing small counts and their complements", async () => {
    expect(await printed(0)).toEqual([
      [
        [
          ["holistic", 10],
          ["empowerment", 5],
          ["communication", 5],
          ["quality-service", 0],
          ["partnership-working", null],
        ],
      ],
      [
        [
          ["health", null],
          ["social-care", null],
        ],
      ],
    ]);
  });

  it("2. reports bad tags with paths", async () => {
    expect(await printed(1)).toEqual([[["meaning.pillars.1: unknown_term", "solutions.0.addresses.0: unnamed_challenge", "followUp: follow_up_without_plan"]]]);
  });

  it("3. suggests themes and tags only what is confirmed", async () => {
    expect(await printed(2)).toEqual([
      [
        [
          ["building-trust", false],
          ["working-across-services", false],
        ],
      ],
      [["time", "building-trust"]],
    ]);
  });

  it("4. extends the taxonomy", async () => {
    expect(await printed(3)).toEqual([[8, [{ id: "self-management-reflective-practice", version: "1.0.0" }]]]);
  });

  it("5. protects counts for your own tables", async () => {
    expect(await printed(4)).toEqual([[true], [[20, null, null]]]);
  });
});
