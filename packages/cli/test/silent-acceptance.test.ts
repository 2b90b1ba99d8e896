import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SENTINEL, tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
const sample = (name: string): string => readFileSync(join(sampleData, name), "utf8");
const goal = (JSON.parse(sample("goals.json")) as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
const goalText = JSON.stringify(goal);
const response = JSON.parse(sample("responses.ndjson").split("\n")[0] as string) as Record<string, unknown> & { answers: Record<string, string> };

async function jsonIssues(args: string[], cwd: string): Promise<{ code: number; issues: Array<Record<string, unknown>> }> {
  const result = await run([...args, "--format", "json"], { cwd });
  return { code: result.code, issues: result.stdout.trim() === "" ? [] : result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("duplicate keys", () => {
  it("are reported with their path, so a bad first value cannot hide behind a good last one", async () => {
    const twice = goalText.replace('"lifeArea":"physical-health"', `"lifeArea":"${SENTINEL}","lifeArea":"physical-health"`);
    expect(twice).not.toBe(goalText);
    const nested = goalText.replace('"steps":[{', '"steps":[{"owner":"x",');
    const folder = tempFolder({ "twice.json": twice, "lines.ndjson": `${goalText}\n${twice}\n`, "nested.json": `[${goalText},${nested}]` });
    const document = await jsonIssues(["validate", "goal", "twice.json"], folder);
    expect(document.code).toBe(1);
    expect(document.issues).toContainEqual(expect.objectContaining({ file: "twice.json", path: ["lifeArea"], code: "duplicate_key" }));
    const lines = await jsonIssues(["validate", "goal", "lines.ndjson"], folder);
    expect(lines.issues.map((found) => [found.line, found.code])).toEqual([[2, "duplicate_key"]]);
    expect(nested).not.toBe(goalText);
    const inner = await jsonIssues(["validate", "goal", "nested.json"], folder);
    expect(inner.issues).toContainEqual(expect.objectContaining({ record: 2, path: ["steps", 0, "owner"], code: "duplicate_key" }));
    expect(JSON.stringify(document.issues)).not.toContain(SENTINEL);
  });

  it("in a definition make it unusable (exit 2)", async () => {
    const instrument = sample("instrument.json").replace('"version": "1.0.0",', '"version": "1.0.0",\n  "version": "1.0.0",');
    const folder = tempFolder({ "instrument.json": instrument, "r.ndjson": `${JSON.stringify(response)}\n` });
    const result = await run(["score", "./instrument.json", "r.ndjson"], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("version: This key appears more than once in the same object");
  });
});

describe("bytes that are not UTF-8", () => {
  it("are reported with their byte offset instead of becoming U+FFFD", async () => {
    const before = Buffer.from(`${goalText.slice(0, -1)},"note":"caf`, "utf8");
    const latin1 = Buffer.concat([before, Buffer.from([0xe9]), Buffer.from('"}', "utf8")]);
    const folder = tempFolder();
    writeFileSync(join(folder, "latin1.json"), latin1);
    writeFileSync(join(folder, "lines.ndjson"), Buffer.concat([Buffer.from(`${goalText}\n`), latin1, Buffer.from(`\n${goalText}\n`)]));
    writeFileSync(join(folder, "utf16.json"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(goalText, "utf16le")]));
    const document = await run(["validate", "goal", "latin1.json"], { cwd: folder });
    expect(document.code).toBe(1);
    expect(document.stdout).toContain(`latin1.json:1: (root): The text is not valid UTF-8: the byte at offset ${before.length} (line 1) is not part of a UTF-8 character. Save the file as UTF-8. (invalid_utf8)`);
    const lines = await jsonIssues(["validate", "goal", "lines.ndjson"], folder);
    expect(lines.code).toBe(1);
    expect(lines.issues).toEqual([expect.objectContaining({ line: 2, code: "invalid_utf8", message: expect.stringContaining(`offset ${goalText.length + 1 + before.length} (line 2)`) as string })]);
    expect((await run(["validate", "goal", "utf16.json"], { cwd: folder })).stdout).toContain("the byte at offset 0 (line 1)");
  });

  it("are reported by every reader: search, import and definitions", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, "bad.json"), Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]));
    for (const args of [["search", "bad.json"], ["import", "oruk", "bad.json"], ["export", "oruk", "bad.json"]]) {
      const result = await run(args, { cwd: folder });
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr, args.join(" ")).toContain("the byte at offset 2 (line 1)");
    }
    const score = await run(["score", "./bad.json", "bad.json"], { cwd: folder });
    expect(score.code).toBe(2);
    expect(score.stderr).toContain("invalid_utf8");
  });
});

describe("numbers out of range", () => {
  for (const literal of ["1e400", "-1e400", "1e-400", "0.5e-330", `1${"0".repeat(400)}`]) {
    it(`${literal.length > 20 ? `a ${literal.length}-digit integer` : literal} is reported as out of range, not read as Infinity or 0`, async () => {
      const folder = tempFolder({ "gas.json": sample("gas-set.json").replace('"importance": 3', `"importance": ${literal}`) });
      const result = await jsonIssues(["validate", "gas-set", "gas.json"], folder);
      expect(result.code).toBe(1);
      expect(result.issues.map((found) => found.code)).toEqual(["number_out_of_range"]);
      expect(JSON.stringify(result.issues)).not.toContain("found a number");
    });
  }

  it("leaves numbers a double can hold alone", async () => {
    const folder = tempFolder({ "n.ndjson": '{"a":1e308}\n{"a":-0}\n{"a":0e-400}\n{"a":5e-324}\n{"a":0.000000000000000000001}\n' });
    const result = await jsonIssues(["validate", "organisation", "n.ndjson"], folder);
    expect(result.issues.filter((found) => found.code === "number_out_of_range")).toEqual([]);
  });
});

describe("__proto__ keys", () => {
  it("in instrument-response answers are reported, like constructor and toString", async () => {
    const answers = (key: string): string => JSON.stringify(response).replace('"answers":{', `"answers":{"${key}":"not-at-all",`);
    const folder = tempFolder({ "r.ndjson": ["__proto__", "constructor", "toString"].map(answers).join("\n") });
    const checked = await jsonIssues(["validate", "instrument-response", join(folder, "r.ndjson"), "--instrument", join(sampleData, "instrument.json")], folder);
    expect(checked.code).toBe(1);
    expect(checked.issues.map((found) => [found.line, found.path])).toEqual([
      [1, ["answers", "__proto__"]],
      [2, ["answers", "constructor"]],
      [3, ["answers", "toString"]],
    ]);
  });

  it("in localised text are reported", async () => {
    const instrument = sample("instrument.json").replace('"title": {\n    "en": "Mood check', '"title": {\n    "__proto__": "x",\n    "en": "Mood check');
    const folder = tempFolder({ "instrument.json": instrument });
    const result = await jsonIssues(["validate", "instrument", "instrument.json"], folder);
    expect(result.code).toBe(1);
    expect(result.issues).toEqual([expect.objectContaining({ path: ["title", "__proto__"], code: "reserved_key" })]);
  });
});

describe("control characters in terminal output", () => {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
  const hostile = "Walk\u001b]0;owned\u0007 \u001b[2Jgroup\u009b31m\r\u007f";

  it("are stripped from names printed by search, and escaped in JSON output", async () => {
    const directory = JSON.parse(sample("directory.json")) as { services: Array<{ name: string; organisationId: string }>; organisations: Array<{ id: string; name: string }> };
    for (const service of directory.services) service.name = `${hostile} ${service.name}`;
    for (const organisation of directory.organisations) organisation.name = hostile;
    const folder = tempFolder({ "d.json": directory });
    const text = await run(["search", "d.json", "--limit", "3"], { cwd: folder });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/ {2}1\. Walk\]0;owned \[2Jgroup31m /);
    expect(text.stdout).not.toMatch(CONTROL);
    const json = await run(["search", "d.json", "--limit", "3", "--format", "json"], { cwd: folder });
    expect(json.stdout).not.toMatch(CONTROL);
    expect((JSON.parse(json.stdout) as Array<{ service: { name: string } }>)[0]?.service.name.startsWith(hostile)).toBe(true);
    const exported = await run(["export", "oruk", "d.json", "--compact"], { cwd: folder });
    expect(exported.stdout).not.toMatch(CONTROL);
    expect((JSON.parse(exported.stdout) as Array<{ name: string }>)[0]?.name.startsWith(hostile)).toBe(true);
  });

  it("are stripped from paths and labels in issues and scores", async () => {
    const key = "bad\u009b2J\u007fkey";
    const instrument = sample("instrument.json").replace(/"label": \{\n\s+"en": "Minimal"/, `"label": { "en": "Min${"\\u001b[5m"}imal"`);
    const folder = tempFolder({ "g.json": JSON.stringify({ ...goal, [key]: 1 }), "instrument.json": instrument, "r.ndjson": sample("responses.ndjson") });
    const issues = await run(["validate", "goal", "g.json"], { cwd: folder });
    expect(issues.code).toBe(1);
    expect(issues.stdout).toContain('g.json: ["bad2Jkey"]: This field is not part of the record.');
    expect(issues.stdout).not.toMatch(CONTROL);
    const scores = await run(["score", "./instrument.json", "r.ndjson"], { cwd: folder });
    expect(scores.stdout).not.toMatch(CONTROL);
    expect(instrument).not.toBe(sample("instrument.json"));
    expect(scores.stdout).toContain('band "Min[5mimal"');
  });
});
