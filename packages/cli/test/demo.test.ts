import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sampleDataFolder } from "../src/paths";
import { tempFolder } from "./helpers";
import { run } from "./run";

describe("selfmanage demo", () => {
  it("validates, scores, searches and reports over the sample data, the same way every time", async () => {
    const folder = tempFolder();
    const first = await run(["demo"], { cwd: folder });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe("");
    const out = first.stdout;
    expect(out).toContain("1. Validate");
    expect(out).toMatch(/ok {3}directory {16}Checked 1 record in 1 file: all valid\./);
    expect(out).toContain("FAIL service                  Checked 203 records in 1 file: 200 valid, 3 not valid (3 issues).");
    expect(out).toContain("services-to-check.ndjson:41: name: This field is required. (required)");
    expect(out).toMatch(/ok {3}instrument-response {6}Checked 300 records in 1 file: all valid\./);
    expect(out).toMatch(/Read 300 responses: \d+ scored, \d+ not scored, 0 not valid\. Mean total \d+(\.\d+)?\./);
    expect(out).toContain("3. Search the directory");
    expect(out).toMatch(/ {3}1\. .+ km/);
    expect(out).toMatch(/Overall co-production score: \d+\.\d out of 100, from \d+ ratings\. How it is weighed: each side of the partnership carries half/);
    expect(out).toContain("suppressed (too few respondents to report)");
    expect(out).toContain("Reports written to reports");
    expect(out).toMatch(/ok {3}reflection {15}Checked \d+ records in 1 file: all valid\./);
    expect(out).toMatch(/practice\.html {6}practice: 12 sessions, \d+ reflections, \d+ counts? not shown to protect small numbers/);
    for (const name of ["coproduction.html", "indicators.html", "goals.html", "practice.html"]) expect(existsSync(join(folder, "reports", name))).toBe(true);
    const second = await run(["demo"], { cwd: folder });
    expect(second.stdout.replace(/\/tmp\/[^\s)]+/g, "")).toBe(out.replace(/\/tmp\/[^\s)]+/g, ""));
  });

  it("reports missing sample data as a usage error", async () => {
    const folder = tempFolder();
    const result = await run(["demo", "--data-dir", folder, "--out-dir", join(folder, "out")], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Cannot read directory.json");
  });
});

describe("selfmanage demo with broken data", () => {
  it("says what could not be done, writes no report for invalid input, and exits 1", async () => {
    const sample = (name: string) => readFileSync(join(sampleDataFolder, name), "utf8");
    const folder = tempFolder({
      "directory.json": { organisations: [{ id: "org-1" }], locations: [], services: [] },
      "services-to-check.ndjson": sample("services-to-check.ndjson"),
      "goals.json": [{ id: "goal-1" }],
      "gas-set.json": sample("gas-set.json"),
      "coaching-course.json": sample("coaching-course.json"),
      "wrap.json": sample("wrap.json"),
      "signposting-events.ndjson": sample("signposting-events.ndjson"),
      "coproduction-assessment.json": { framework: "not-built-in" },
      "indicator-assessments.json": [{ id: "cycle-1" }],
      "instrument.json": { id: "broken" },
      "responses.ndjson": sample("responses.ndjson"),
      "practice-sessions.json": sample("practice-sessions.json"),
      "practice-reflections.ndjson": '{"id":"r-1"}\n',
    });
    const result = await run(["demo", "--data-dir", folder, "--out-dir", "out"], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("The instrument is not valid, so nothing was scored.");
    expect(result.stdout).toContain("FAIL instrument-response      The instrument in instrument.json is not valid, so nothing can be checked against it:");
    expect(result.stdout).toContain("not written coproduction.html");
    expect(result.stdout).toContain("not written indicators.html");
    expect(result.stdout).toContain("not written goals.html");
    expect(result.stdout).toContain("not written practice.html");
    expect(result.stderr).toContain("The directory in directory.json is not valid");
    expect(existsSync(join(folder, "out", "goals.html"))).toBe(false);
  });
});
