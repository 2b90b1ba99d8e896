import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ReportedIssue } from "../src/index";
import { closestName, editDistance } from "../src/suggest";
import { tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
const goals = JSON.parse(readFileSync(join(sampleData, "goals.json"), "utf8")) as Array<Record<string, unknown>>;
const goal = goals[0] as Record<string, unknown>;
const broken = { ...goal, lifecycleStatus: "finished" };

describe("did you mean", () => {
  it("suggests the command, kind, report kind or format that was probably meant", async () => {
    expect((await run(["valdate", "goal", "x.json"])).stderr).toBe('selfmanage: Unknown command "valdate". Did you mean "validate"? Run selfmanage --help to see the commands.\n');
    expect((await run(["scroe"])).stderr).toContain('Did you mean "score"?');
    const kind = await run(["validate", "goals", "x.json"]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/^selfmanage: Unknown kind "goals"\. Did you mean "goal"\? Kinds: goal, /);
    expect((await run(["schema", "servce"])).stderr).toContain('Did you mean "service"?');
    expect((await run(["report", "goal", "x.json"])).stderr).toContain('Unknown report kind "goal". Did you mean "goals"?');
    expect((await run(["import", "oruc", "x.json"])).stderr).toContain('Unknown import format "oruc". Did you mean "oruk"?');
    expect((await run(["export", "ORUK", "x.json"])).stderr).toContain('Did you mean "oruk"?');
  });

  it("stays quiet when nothing is close", async () => {
    expect((await run(["frobnicate"])).stderr).not.toContain("Did you mean");
    expect((await run(["validate", "recipe", "x.json"])).stderr).not.toContain("Did you mean");
  });

  it("measures edits, including swapped neighbours", () => {
    expect(editDistance("valdate", "validate")).toBe(1);
    expect(editDistance("vaildate", "validate")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(closestName("instrument-respones", ["instrument", "instrument-response"])).toBe("instrument-response");
    expect(closestName("coprod", ["coproduction", "indicators", "goals"])).toBe("coproduction");
    expect(closestName("", ["a"])).toBeUndefined();
  });
});

describe("standard input", () => {
  it("is <stdin> in text output, in JSON output and in CSV", async () => {
    const stdin = JSON.stringify([goal, broken]);
    const text = await run(["validate", "goal", "-"], { stdin });
    expect(text.stdout).toContain("<stdin> record 2: lifecycleStatus: ");
    const json = await run(["validate", "goal", "-", "--format", "json"], { stdin });
    const line = JSON.parse(json.stdout.trim().split("\n")[0] as string) as ReportedIssue;
    expect(line).toMatchObject({ file: "<stdin>", record: 2, path: ["lifecycleStatus"] });
    expect(ReportedIssue.safeParse(line).success).toBe(true);
    const responses = readFileSync(join(sampleData, "responses.ndjson"), "utf8").split("\n").slice(0, 2).join("\n");
    const csv = await run(["score", join(sampleData, "instrument.json"), "-", "--format", "csv"], { stdin: responses });
    expect(csv.stdout.split("\n")[1]).toMatch(/^<stdin>,1,,response-0001,/);
  });
});

describe("record numbers", () => {
  it("count from 1 for JSON arrays, as lines do for NDJSON, and say which", async () => {
    const folder = tempFolder({ "goals.json": [goal, goal, broken], "goals.ndjson": [goal, goal, broken].map((value) => JSON.stringify(value)).join("\n") });
    const array = await run(["validate", "goal", "goals.json"], { cwd: folder });
    expect(array.stdout).toMatch(/^goals\.json record 3: lifecycleStatus: /);
    const lines = await run(["validate", "goal", "goals.ndjson"], { cwd: folder });
    expect(lines.stdout).toMatch(/^goals\.ndjson:3: lifecycleStatus: /);
    const json = await run(["validate", "goal", "goals.json", "--format", "json"], { cwd: folder });
    expect(JSON.parse(json.stdout.trim())).toMatchObject({ file: "goals.json", record: 3 });
    const help = (await run(["validate", "--help"])).stdout;
    expect(help).toContain("record N counts from 1, as lines do");
  });
});

describe("NDJSON in a .json file", () => {
  it("gets a hint to name the file .ndjson", async () => {
    const folder = tempFolder({ "goals.json": `${JSON.stringify(goal)}\n${JSON.stringify(goal)}\n`, "pretty.json": `${JSON.stringify(goal)} ${JSON.stringify(goal)}` });
    const result = await run(["validate", "goal", "goals.json"], { cwd: folder });
    expect(result.stdout).toContain(
      "goals.json:2: (root): This is not valid JSON: there is more text after the end of the value, at line 2, column 1. It looks like NDJSON (one JSON value per line): name the file .ndjson or .jsonl to read one record per line. (invalid_json)",
    );
    const sameLine = await run(["validate", "goal", "pretty.json"], { cwd: folder });
    expect(sameLine.stdout).not.toContain("It looks like NDJSON");
  });
});
