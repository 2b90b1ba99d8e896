import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// The two FHIR validators, shared by every package's tests so every FHIR check is the same.
import { fhirProblems } from "@selfmanage/test-kit/fhir";
import { SENTINEL, tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));

describe("selfmanage export fhir / import fhir / validate fhir", () => {
  it("exports goals as a transaction bundle that imports back to the same goals", async () => {
    const folder = tempFolder();
    const goals = [JSON.parse(readFileSync(join(sampleData, "goals.json"), "utf8"))[0]];
    const written = tempFolder({ "goals.json": goals });
    const exported = await run(["export", "fhir", "goal", "goals.json", "--bundle", "transaction", "--out", join(folder, "bundle.json")], { cwd: written });
    expect(exported.code).toBe(0);
    const bundle = JSON.parse(readFileSync(join(folder, "bundle.json"), "utf8"));
    expect(bundle.type).toBe("transaction");
    expect(fhirProblems(bundle)).toEqual([]);
    const imported = await run(["import", "fhir", "bundle.json"], { cwd: folder });
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).goals).toEqual(goals);
    expect((await run(["validate", "fhir", "bundle.json"], { cwd: folder })).code).toBe(0);
  });

  it("writes NDJSON, one resource per line, that imports back", async () => {
    const folder = tempFolder();
    const result = await run(["export", "fhir", "signposting-event", join(sampleData, "signposting-events.ndjson"), "--format", "ndjson", "--out", join(folder, "events.ndjson")], { cwd: folder });
    // Some sample events are broken on purpose, so nothing is exported and the issues are listed.
    if (result.code === 1) {
      expect(result.stderr).toContain("Nothing was exported");
      return;
    }
    const lines = readFileSync(join(folder, "events.ndjson"), "utf8").trim().split("\n");
    for (const line of lines) expect(JSON.parse(line).resourceType).toMatch(/^(ServiceRequest|Consent|Task)$/);
    expect((await run(["import", "fhir", "events.ndjson"], { cwd: folder })).code).toBe(0);
  });

  it("reports structural issues with FHIRPath paths and never the value", async () => {
    const folder = tempFolder({ "goal.json": { resourceType: "Goal", lifecycleStatus: "active", description: { text: SENTINEL }, subject: { identifier: { value: "p-1" } }, target: [{ dueDate: SENTINEL }] } });
    const result = await run(["validate", "fhir", "goal.json"], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("target[0].dueDate");
    expect(result.stdout).not.toContain(SENTINEL);
  });

  it("refuses unknown kinds with a usage error", async () => {
    expect((await run(["export", "fhir", "wrap", "x.json"])).code).toBe(2);
  });
});

describe("the demo's FHIR Bundle", () => {
  it("passes both validators with 0 errors", { timeout: 600_000 }, async () => {
    const out = tempFolder();
    const result = await run(["demo", "--out-dir", out]);
    expect(result.stdout).toContain("sample-data.fhir.json");
    const bundle = JSON.parse(readFileSync(join(out, "sample-data.fhir.json"), "utf8"));
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.entry.length).toBeGreaterThan(100);
    expect(fhirProblems(bundle)).toEqual([]);
  });
});
