import { readFileSync } from "node:fs";
import * as core from "@selfmanage/core";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";
import * as coproduction from "./index";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);
const scope: Record<string, unknown> = { ...core, ...coproduction };

/** Run one README example against the source, and return what it logged. */
async function run(block: string): Promise<unknown[]> {
  const body = block.replace(/^import [\s\S]*? from "@selfmanage\/[a-z]+";$/gm, "");
  const javascript = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  const logged: unknown[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((value: unknown) => {
    logged.push(value);
  });
  try {
    const names = Object.keys(scope);
    const example = new Function(...names, `return (async () => {\n${javascript}\n})();`) as (...values: unknown[]) => Promise<void>;
    await example(...names.map((name) => scope[name]));
  } finally {
    spy.mockRestore();
  }
  return logged;
}

describe("README examples", () => {
  it("has the four examples", () => {
    expect(blocks).toHaveLength(4);
  });

  it("1. validates and scores an assessment", async () => {
    const [assets, gaps] = await run(blocks[0] as string);
    expect(assets).toMatchObject({
      principleId: "assets",
      score: 62.5,
      ratings: 12,
      byPerspective: { person: { score: 25, ratings: 6, suppressed: false }, practitioner: { score: 100, ratings: 6, suppressed: false } },
    });
    expect(gaps).toEqual([{ principleId: "assets", higher: "practitioner", lower: "person", difference: 75, flagged: true }]);
  });

  it("2. reports bad input with paths", async () => {
    expect(await run(blocks[1] as string)).toEqual([["ratings.0.option: off_scale", "ratings.1.indicatorId: unknown_indicator", "ratings.2.respondentId: unknown_respondent"]]);
  });

  it("3. places involvement on the ladder and flags tokenism", async () => {
    expect(await run(blocks[2] as string)).toEqual(["consultation", ["delivery-without-design-or-evaluation", "unequal-partners"]]);
  });

  it("4. compares two rounds of a team's own framework", async () => {
    expect(await run(blocks[3] as string)).toEqual([25]);
  });
});
