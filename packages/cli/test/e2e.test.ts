import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkReport } from "./html-check";
import { binPath, spawnBin } from "./bin";
import { SENTINEL, tempFolder } from "./helpers";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
const goals = JSON.parse(readFileSync(join(sampleData, "goals.json"), "utf8")) as Array<Record<string, unknown>>;

describe("the built bin", () => {
  it("starts with a shebang", () => {
    expect(readFileSync(binPath, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("validates real files: exit 0 when valid, 1 with located issues, 2 when a file is missing", async () => {
    const valid = await spawnBin(["validate", "goal", join(sampleData, "goals.json")]);
    expect(valid).toMatchObject({ code: 0, stderr: "" });
    expect(valid.stdout).toBe("Checked 3 records in 1 file: all valid.\n");
    const folder = tempFolder({ "bad.ndjson": `${JSON.stringify(goals[0])}\n${JSON.stringify({ ...goals[0], lifeArea: SENTINEL })}\n` });
    const invalid = await spawnBin(["validate", "goal", "bad.ndjson"], { cwd: folder });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain("bad.ndjson:2: lifeArea: ");
    expect(invalid.stdout).not.toContain(SENTINEL);
    const missing = await spawnBin(["validate", "goal", "missing.json"], { cwd: folder });
    expect(missing).toMatchObject({ code: 2, stdout: "" });
  });

  it("reads standard input and prints JSON issues", async () => {
    const result = await spawnBin(["validate", "goal", "-", "--format", "json"], { input: JSON.stringify([goals[0], { ...goals[0], lifecycleStatus: "finished" }]) });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout.trim())).toEqual({ file: "<stdin>", record: 2, path: ["lifecycleStatus"], code: "invalid_value", message: expect.stringContaining("Must be one of") as string });
  });

  it("prints help and version", async () => {
    expect((await spawnBin(["--help"])).stdout).toContain("Usage: selfmanage <command> [options]");
    expect((await spawnBin(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("runs the demo end to end and writes three well-formed reports", async () => {
    const folder = tempFolder();
    const result = await spawnBin(["demo", "--out-dir", "out"], { cwd: folder });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Reports written to out");
    for (const name of ["coproduction.html", "indicators.html", "goals.html"]) {
      const path = join(folder, "out", name);
      expect(statSync(path).size).toBeGreaterThan(2000);
      checkReport(readFileSync(path, "utf8"));
    }
  });
});

describe("the built bin in a pipeline", () => {
  it("stops quietly when the reader closes early", async () => {
    const folder = tempFolder({ "many.ndjson": `${Array.from({ length: 20_000 }, (_, index) => JSON.stringify({ id: `org-${index}` })).join("\n")}\n` });
    const child = spawn(process.execPath, [binPath, "validate", "organisation", "many.ndjson"], { cwd: folder, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdout.once("data", () => child.stdout.destroy());
    const [code] = (await once(child, "close")) as [number | null];
    expect(stderr).toBe("");
    expect(code).not.toBe(70);
  });
});
