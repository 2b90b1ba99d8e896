import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SENTINEL, tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
const instrument = readFileSync(`${sampleData}instrument.json`, "utf8");
const base = { instrumentId: "mood-check-9", instrumentVersion: "1.0.0" };
const all = (code: string) => Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`item-${index + 1}`, code]));

// Hand-computed: items 0-3 summed; "several-days" = 1 on each of nine items = 9 (mild);
// "more-than-half" = 2 on seven items, two blank, prorated 14 * 9 / 7 = 18 (moderately severe).
const responses = [
  { ...base, id: "r-1", answers: all("several-days") },
  { ...base, id: "r-2", answers: { ...all("more-than-half"), "item-1": undefined, "item-2": undefined } },
  { ...base, id: "r-3", answers: { "item-9": "not-at-all" } },
  { ...base, id: "r-4", answers: { ...all("not-at-all"), "item-3": SENTINEL } },
];

function folder() {
  return tempFolder({ "instrument.json": instrument, "responses.ndjson": `${responses.map((response) => JSON.stringify(response)).join("\n")}\n` });
}

describe("selfmanage score", () => {
  it("scores each response in text, reporting invalid ones on stderr without their values", async () => {
    const result = await run(["score", "instrument.json", "responses.ndjson"], { cwd: folder() });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe('responses.ndjson:1  r-1  total 9  band "Mild"  answered 9 of 9  1 alert for a practitioner');
    expect(lines[1]).toBe('responses.ndjson:2  r-2  total 18  band "Moderately severe"  answered 7 of 9  1 alert for a practitioner');
    expect(lines[2]).toBe("responses.ndjson:3  r-3  not scored (too many answers missing)  answered 1 of 9");
    expect(lines[3]).toBe("Read 4 responses: 2 scored, 1 not scored, 1 not valid. Mean total 13.50. 2 alerts to pass on to a practitioner.");
    expect(result.stderr).toContain("responses.ndjson:4: answers.item-3: ");
    expect(result.stderr).not.toContain(SENTINEL);
  });

  it("writes properly quoted CSV with a header", async () => {
    const result = await run(["score", "instrument.json", "responses.ndjson", "--format", "csv", "--quiet"], { cwd: folder() });
    const rows = result.stdout.trim().split("\n");
    expect(rows[0]).toBe("file,line,record,responseId,status,raw,total,metric,band,answered,missing,excluded,completeness,missingDataRule,alerts");
    expect(rows[1]).toBe("responses.ndjson,1,,r-1,scored,9,9,,Mild,9,0,0,1,not-needed,item-9");
    expect(rows[2]).toBe("responses.ndjson,2,,r-2,scored,14,18,,Moderately severe,7,2,0,0.7778,prorate,item-9");
    expect(rows).toHaveLength(4);
  });

  it("writes a JSON array or NDJSON", async () => {
    const json = await run(["score", "instrument.json", "responses.ndjson", "--format", "json"], { cwd: folder() });
    const parsed = JSON.parse(json.stdout) as Array<{ source: unknown; total: number | null; band?: { id: string } }>;
    expect(parsed.map((score) => score.total)).toEqual([9, 18, null]);
    expect(parsed[1]).toMatchObject({ source: { file: "responses.ndjson", line: 2 }, band: { id: "moderately-severe" } });
    expect(json.stderr).toContain("Read 4 responses");
    const ndjson = await run(["score", "instrument.json", "responses.ndjson", "--format", "ndjson"], { cwd: folder() });
    expect(ndjson.stdout.trim().split("\n").map((line) => (JSON.parse(line) as { responseId: string }).responseId)).toEqual(["r-1", "r-2", "r-3"]);
  });

  it("scores the built-in questionnaire by id", async () => {
    const answers = { "right-help-right-time": "agree", "fits-my-needs": "agree", "plans-and-goals": "strongly-agree", "strengths-seen": "agree", "self-management": "agree", "community-links": "neutral", "involvement-acted-on": "agree", "listened-to": "strongly-agree" };
    const folderWithResponse = tempFolder({ "r.json": { instrumentId: "service-experience", instrumentVersion: "1.0.0", id: "r-9", answers } });
    const result = await run(["score", "service-experience", "r.json"], { cwd: folderWithResponse });
    // (4+4+5+4+4+3+4+5) / 8 = 4.125, rounded to two decimals half up = 4.13.
    expect(result.stdout).toContain('r.json  r-9  total 4.13  band "Feels recovery-focused"  answered 8 of 8');
    expect(result.code).toBe(0);
  });

  it("adds a CSV column per subscale", async () => {
    const answers = { "right-help-right-time": "agree", "fits-my-needs": "strongly-agree", "plans-and-goals": "agree", "strengths-seen": "agree", "self-management": "disagree", "community-links": "neutral", "involvement-acted-on": "agree", "listened-to": "strongly-agree" };
    const folderWithResponse = tempFolder({ "r.json": [{ instrumentId: "service-experience", instrumentVersion: "1.0.0", answers }] });
    const result = await run(["score", "service-experience", "r.json", "--format", "csv"], { cwd: folderWithResponse });
    const [header, row] = result.stdout.trim().split("\n");
    expect(header).toMatch(/,alerts,subscale:person-centred,subscale:empowering$/);
    // Centred on me: (5+4+4+5)/4 = 4.5; builds my independence: (4+2+3+4)/4 = 3.25.
    expect(row).toMatch(/^r\.json,,1,,scored,.*,4\.5,3\.25$/);
  });

  it("rejects an unknown format", async () => {
    const result = await run(["score", "instrument.json", "responses.ndjson", "--format", "xml"], { cwd: folder() });
    expect(result).toMatchObject({ code: 2, stderr: "selfmanage: --format must be one of: text, json, ndjson, csv.\n" });
  });
});
