import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { practicePillarsFramework } from "@selfmanage/coproduction";
import { ReportedIssue } from "../src/index";
import { kinds } from "../src/kinds";
import { SENTINEL, tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
const goals = JSON.parse(readFileSync(`${sampleData}goals.json`, "utf8")) as Array<Record<string, unknown>>;
const goal = goals[0] as Record<string, unknown>;

describe("selfmanage validate", () => {
  it("exits 0 and says so when every record is valid", async () => {
    const result = await run(["validate", "goal", "goals.json"], { cwd: sampleData });
    expect(result).toEqual({ code: 0, stdout: "Checked 3 records in 1 file: all valid.\n", stderr: "" });
  });

  it("reports each issue with file, record and path, and exits 1", async () => {
    const folder = tempFolder({ "goals.json": [goal, { ...goal, id: "goal-2", lifeArea: SENTINEL, extra: SENTINEL }] });
    const result = await run(["validate", "goal", "goals.json"], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("goals.json record 2: lifeArea: Must be one of");
    expect(result.stdout).toContain("goals.json record 2: extra: ");
    expect(result.stdout).toMatch(/Checked 2 records in 1 file: 1 valid, 1 not valid \(\d+ issues\)\./);
    expect(result.stdout).not.toContain(SENTINEL);
  });

  it("locates NDJSON records by line and reads standard input", async () => {
    const stdin = `${JSON.stringify(goal)}\n\n${JSON.stringify({ ...goal, ownWords: "" })}\n{ not json ${SENTINEL}\n`;
    const result = await run(["validate", "goal", "-"], { stdin });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("<stdin>:3: ownWords: ");
    expect(result.stdout).toContain("<stdin>:4: (root): This is not valid JSON: the text breaks the JSON grammar at line 4, column 3. (invalid_json)");
    expect(result.stdout).not.toContain(SENTINEL);
  });

  it("prints NDJSON issues that match the published ReportedIssue schema with --format json", async () => {
    const folder = tempFolder({ "goals.ndjson": `${JSON.stringify(goal)}\n${JSON.stringify({ ...goal, steps: [{ id: "s", description: "x", status: "to-do" }] })}\n` });
    const result = await run(["validate", "goal", "goals.ndjson", "--format", "json"], { cwd: folder });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as unknown);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(ReportedIssue.safeParse(line).success).toBe(true);
    expect(lines[0]).toMatchObject({ file: "goals.ndjson", line: 2, path: ["steps", 0, "owner"] });
    expect(result.stderr).toContain("Checked 2 records in 1 file: 1 valid, 1 not valid");
  });

  it("stays silent about the summary with --quiet", async () => {
    expect(await run(["validate", "goal", "goals.json", "--quiet"], { cwd: sampleData })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("colours output only on a terminal without NO_COLOR", async () => {
    const coloured = await run(["validate", "goal", "goals.json"], { cwd: sampleData, stdoutTTY: true });
    expect(coloured.stdout).toContain("\u001b[32m");
    const plain = await run(["validate", "goal", "goals.json"], { cwd: sampleData, stdoutTTY: true, env: { NO_COLOR: "1" } });
    expect(plain.stdout).not.toContain("\u001b[");
  });

  it("exits 2 for an unknown kind, a missing file, or too few arguments", async () => {
    const unknown = await run(["validate", "recipe", "goals.json"], { cwd: sampleData });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown kind "recipe". Kinds: goal, gas-set');
    const missing = await run(["validate", "goal", "nope.json"], { cwd: sampleData });
    expect(missing).toEqual({ code: 2, stdout: "", stderr: "selfmanage: Cannot read nope.json: the file does not exist.\n" });
    const short = await run(["validate", "goal"]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("expects at least 2 arguments");
  });

  it("checks every built-in kind's sample file", async () => {
    const checks: Array<[string, string, string[]]> = [
      ["gas-set", "gas-set.json", []],
      ["coaching-course", "coaching-course.json", []],
      ["wrap", "wrap.json", []],
      ["signposting-event", "signposting-events.ndjson", []],
      ["coproduction-assessment", "coproduction-assessment.json", []],
      ["coproduction-assessment", "coproduction-assessment.json", ["--framework", "nef-six-principles"]],
      ["indicator-assessment", "indicator-assessments.json", []],
      ["instrument", "instrument.json", []],
      ["instrument-response", "responses.ndjson", ["--instrument", "instrument.json"]],
      ["directory", "directory.json", []],
    ];
    for (const [kind, file, options] of checks) {
      const result = await run(["validate", kind, file, ...options], { cwd: sampleData });
      expect(result.stdout, kind).toMatch(/all valid\.\n$/);
      expect(result.code, kind).toBe(0);
    }
  });

  it("shows the deliberately broken sample services", async () => {
    const result = await run(["validate", "service", "services-to-check.ndjson"], { cwd: sampleData });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("services-to-check.ndjson:41: name: This field is required. (required)");
    expect(result.stdout).toContain("services-to-check.ndjson:91: eligibility.minimumAge: ");
    expect(result.stdout).toContain("services-to-check.ndjson:151: nickname: ");
    expect(result.stdout).toContain("Checked 203 records in 1 file: 200 valid, 3 not valid (3 issues).");
  });

  it("needs the instrument for responses, and a usable one", async () => {
    const none = await run(["validate", "instrument-response", "responses.ndjson"], { cwd: sampleData });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("pass --instrument");
    const folder = tempFolder({ "bad-instrument.json": { id: "x" }, "r.json": {} });
    const bad = await run(["validate", "instrument-response", "r.json", "--instrument", "bad-instrument.json"], { cwd: folder });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("The instrument in bad-instrument.json is not valid");
    const unknown = await run(["validate", "instrument-response", "r.json", "--instrument", "phq9"], { cwd: folder });
    expect(unknown.stderr).toContain("--instrument phq9 is neither a built-in instrument (service-experience, phq-9, phq-2, gad-7, gad-2, who-5) nor a file path.");
  });

  it("asks for a framework when an assessment names one that is not built in", async () => {
    const assessment = JSON.parse(readFileSync(`${sampleData}coproduction-assessment.json`, "utf8")) as Record<string, unknown>;
    const folder = tempFolder({ "a.json": { ...assessment, framework: "local-framework" } });
    const result = await run(["validate", "coproduction-assessment", "a.json"], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("a.json: framework: This assessment does not name a built-in framework. Pass the framework with --framework <file>. (unknown_framework)");
  });

  it("asks for a framework when the record is not even an object", async () => {
    const result = await run(["validate", "coproduction-assessment", "-"], { stdin: "[1, null]" });
    expect(result.stdout).toContain("<stdin> record 1: framework: This assessment does not name a built-in framework.");
    expect(result.stdout).toContain("<stdin> record 2: framework: ");
  });

  it("checks frameworks and locations, with located issues for broken ones", async () => {
    const folder = tempFolder({
      "framework.json": practicePillarsFramework,
      "broken-framework.json": { ...practicePillarsFramework, principles: [] },
      "locations.ndjson": `${JSON.stringify({ id: "loc-1", kind: "physical", latitude: 55.95, longitude: -3.19 })}\n${JSON.stringify({ id: "loc-2", kind: "physical", latitude: 100, longitude: 0 })}\n`,
    });
    expect((await run(["validate", "coproduction-framework", "framework.json"], { cwd: folder })).code).toBe(0);
    const broken = await run(["validate", "coproduction-framework", "broken-framework.json"], { cwd: folder });
    expect(broken.stdout).toContain("broken-framework.json: principles: ");
    const locations = await run(["validate", "location", "locations.ndjson"], { cwd: folder });
    expect(locations.code).toBe(1);
    expect(locations.stdout).toContain("locations.ndjson:2: latitude: ");
    expect(locations.stdout).not.toContain("locations.ndjson:1:");
  });

  it("has a schema or an external format for every kind", () => {
    for (const kind of kinds) expect(kind.schema !== undefined || kind.externalFormat !== undefined, kind.kind).toBe(true);
  });
});
