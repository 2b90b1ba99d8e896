import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkReport } from "./html-check";
import { SENTINEL, tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
const read = (name: string) => JSON.parse(readFileSync(join(sampleData, name), "utf8")) as unknown;

describe("selfmanage report coproduction", () => {
  it("writes a radar chart with one polygon per reported perspective and says which are suppressed", async () => {
    const out = tempFolder();
    const result = await run(["report", "coproduction", join(sampleData, "coproduction-assessment.json"), "--out", "co.html"], { cwd: out });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*co\.html \(co-production overall \d+\.\d\/100, ladder [a-z-]+, 1 perspective suppressed\)\.\n$/);
    const html = readFileSync(join(out, "co.html"), "utf8");
    const { svgs, elements } = checkReport(html);
    const polygons = elements.filter((element) => element.tagName === "polygon" && element.attrs.fill !== "none");
    // Four perspectives have at least five respondents; managers (two) are suppressed.
    expect(polygons).toHaveLength(4);
    expect(svgs).toHaveLength(1);
    expect(html).toContain("Not shown, to protect anonymity: Manager or commissioner (fewer than 5 respondents).");
    const radarDescription = elements.find((element) => element.attrs.id === "principles-radar-desc");
    expect(radarDescription?.text).toContain("6 axes");
  });

  it("shows every perspective when the minimum is lowered", async () => {
    const out = tempFolder();
    await run(["report", "coproduction", join(sampleData, "coproduction-assessment.json"), "--out", "co.html", "--minimum-respondents", "2"], { cwd: out });
    const html = readFileSync(join(out, "co.html"), "utf8");
    expect(html).toContain("Every perspective had at least 2 respondents, so all are shown.");
  });

  it("asks for the framework when the assessment names none", async () => {
    const folder = tempFolder({ "odd.json": "42", "two.json": [1, 2] });
    const result = await run(["report", "coproduction", "odd.json"], { cwd: folder });
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining("odd.json: framework: This assessment does not name a built-in framework.") as string });
    expect((await run(["report", "coproduction", "two.json"], { cwd: folder })).code).toBe(2);
    const broken = tempFolder({ "broken.json": "{ oops" });
    const unreadable = await run(["report", "coproduction", "broken.json"], { cwd: broken });
    expect(unreadable).toMatchObject({ code: 1, stderr: expect.stringContaining("broken.json:1: (root): This is not valid JSON") as string });
  });

  it("escapes text from the data and writes nothing for invalid input", async () => {
    const assessment = read("coproduction-assessment.json") as Record<string, unknown>;
    const folder = tempFolder({ "bad.json": { ...assessment, date: SENTINEL } });
    const result = await run(["report", "coproduction", "bad.json", "--out", "x.html"], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad.json: date: ");
    expect(result.stderr).toContain("No report was written");
    expect(result.stderr).not.toContain(SENTINEL);
  });
});

describe("selfmanage report indicators", () => {
  it("puts two cycles side by side, by indicator and by evidence source", async () => {
    const out = tempFolder();
    const result = await run(["report", "indicators", join(sampleData, "indicator-assessments.json"), "--out", "ind.html"], { cwd: out });
    expect(result.code).toBe(0);
    const html = readFileSync(join(out, "ind.html"), "utf8");
    const { svgs, elements } = checkReport(html);
    expect(svgs).toHaveLength(2);
    const bars = elements.filter((element) => element.tagName === "rect" && element.attrs.height === "12" && element.attrs["fill-opacity"] === undefined);
    // Ten indicators and six sources, two cycles each (a bar is drawn for every rated group).
    expect(bars.length).toBe((10 + 6) * 2);
    expect(html).toContain("Cycle 1 (2025-09-01 to 2025-10-31)");
    expect(html).toContain("Change between cycles");
  });

  it("accepts one cycle and refuses three", async () => {
    const cycles = read("indicator-assessments.json") as unknown[];
    const folder = tempFolder({ "one.json": cycles[0], "three.json": [cycles[0], cycles[1], cycles[1]] });
    const one = await run(["report", "indicators", "one.json", "--out", "one.html"], { cwd: folder });
    expect(one.code).toBe(0);
    const html = readFileSync(join(folder, "one.html"), "utf8");
    expect(checkReport(html).svgs).toHaveLength(2);
    expect(html).not.toContain("Change between cycles");
    const three = await run(["report", "indicators", "three.json"], { cwd: folder });
    expect(three.code).toBe(2);
  });
});

describe("selfmanage report goals", () => {
  it("draws a timeline with a row per goal and a table of events", async () => {
    const out = tempFolder();
    const result = await run(["report", "goals", join(sampleData, "goals.json"), "--today", "2026-04-28", "--out", "goals.html"], { cwd: out });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("goals: 3 (2 open), 1 not reviewed yet, GAS T-score");
    const html = readFileSync(join(out, "goals.html"), "utf8");
    const { svgs, elements } = checkReport(html);
    expect(svgs).toHaveLength(1);
    const markers = elements.filter((element) => element.tagName === "circle" && element.attrs.r === "6" && element.attrs.stroke === "#ffffff");
    expect(markers.length).toBeGreaterThan(10);
    expect(html).toContain("I want to get out of the house and walk to the park again, like I used to with the dog.");
  });

  it("escapes a goal's own words", async () => {
    const goals = read("goals.json") as Array<Record<string, unknown>>;
    const folder = tempFolder({ "g.json": [{ ...goals[0], ownWords: "<b>Walk</b> & \"talk\"" }] });
    const result = await run(["report", "goals", "g.json", "--out", "g.html", "--today", "2026-04-28"], { cwd: folder });
    expect(result.code).toBe(0);
    const html = readFileSync(join(folder, "g.html"), "utf8");
    expect(html).toContain("&lt;b&gt;Walk&lt;/b&gt; &amp; &quot;talk&quot;");
    expect(html).not.toContain("<b>Walk");
  });
});

describe("selfmanage report: usage", () => {
  it("rejects an unknown report kind and a bad --today", async () => {
    expect((await run(["report", "pie", "x.json"], { cwd: sampleData })).code).toBe(2);
    const bad = await run(["report", "goals", "goals.json", "--today", "tomorrow"], { cwd: sampleData });
    expect(bad).toMatchObject({ code: 2, stderr: "selfmanage: --today must be a date in the form YYYY-MM-DD.\n" });
  });
});
