import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { createAjv } from "@selfmanage/test-kit";
import { kinds } from "../src/kinds";
import { run } from "./run";

const require = createRequire(import.meta.url);

describe("selfmanage schema", () => {
  it("prints the same JSON Schema the goals package publishes", async () => {
    const result = await run(["schema", "goal"]);
    expect(result.code).toBe(0);
    const published = readFileSync(require.resolve("@selfmanage/goals/package.json").replace("package.json", "schemas/goal.json"), "utf8");
    expect(result.stdout).toBe(published);
  });

  it("prints a schema that compiles for every kind that has one", async () => {
    const ajv = createAjv();
    for (const kind of kinds.filter((candidate) => candidate.schema !== undefined)) {
      const result = await run(["schema", kind.kind]);
      expect(result.code, kind.kind).toBe(0);
      expect(() => ajv.compile(JSON.parse(result.stdout) as object), kind.kind).not.toThrow();
    }
    const issue = await run(["schema", "reported-issue"]);
    expect(JSON.parse(issue.stdout)).toMatchObject({ $defs: { ReportedIssue: { title: "Reported issue" } } });
  });

  it("explains external formats and unknown kinds with exit code 2", async () => {
    const external = await run(["schema", "oruk-service"]);
    expect(external.code).toBe(2);
    expect(external.stderr).toContain("oruk-service is an external format with no schema of ours. Open Referral UK 3.0");
    expect((await run(["schema", "nothing"])).code).toBe(2);
  });
});
