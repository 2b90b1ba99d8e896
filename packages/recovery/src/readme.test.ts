import * as core from "@selfmanage/core";
import { describe, expect, it } from "vitest";
import { readmeExamples } from "@selfmanage/test-kit";
import * as recovery from "./index";

const { blocks, run } = readmeExamples(new URL("../README.md", import.meta.url), { ...core, ...recovery });

// The README's examples, run as written, with the figures they promise (worked out by hand in the comments there).
describe("README examples", () => {
  it("has the five examples", () => {
    expect(blocks).toHaveLength(5);
  });

  it("1. scores the service experience questionnaire", async () => {
    // (4 + 5 + 4 + 3 + 5 + 4) / 6 = 4.1666..., rounded to 4.17; six of eight statements rated.
    expect(await run(0)).toEqual([[4.17], ["Feels recovery-focused"], [0.75, "minimum-answered"]]);
  });

  it("2. writes, validates and compiles a PHQ-9 style definition", async () => {
    const logged = await run(1);
    expect(logged.slice(0, 3)).toEqual([[true], [10, "moderate", "mean-substitution"], [["item-9"]]]);
    expect(logged[3]).toEqual([{ ok: false, issues: [{ path: ["instrumentVersion"], code: "wrong_version", message: expect.any(String) }] }]);
  });

  it("3. classifies change", async () => {
    // S_diff = sqrt(8) = 2.828; RCI = -12 / 2.828 = -4.243.
    expect(await run(2)).toEqual([["-4.24", "recovered"]]);
  });

  it("4. assesses a service and drafts an action plan", async () => {
    expect(await run(3)).toEqual([
      [{ mean: 11 / 3, counted: 3, excluded: 1, setAside: 1 }],
      [["goals-1"]],
      [[{ indicatorId: "basic-needs", statementId: "basic-needs-1", mean: 2, owner: "service-manager", dueDate: "2026-09-30" }]],
    ]);
  });

  it("5. scores a ready-made PHQ-9 and judges an episode", async () => {
    // 2 x 8 = 16 (15-19 band); PHQ-9 16 -> 8 and GAD-7 12 -> 7 both fall reliably and end below caseness.
    expect(await run(4)).toEqual([[16, "moderately-severe"], [true, true, true]]);
  });
});
