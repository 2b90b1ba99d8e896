import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { localise } from "@selfmanage/core";
import { nefPrinciplesFramework } from "@selfmanage/coproduction";
import { summariseGoalProgress, summarisePersonGoals, type Goal } from "@selfmanage/goals";
import { recoveryIndicatorSet, summariseIndicatorAssessment, type IndicatorAssessment } from "@selfmanage/recovery";
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
    const polygons = elements.filter((element) => element.tagName === "polygon" && element.attrs["fill-opacity"] !== undefined);
    // Four perspectives have at least five respondents; managers (two) are suppressed.
    expect(polygons).toHaveLength(4);
    // Each polygon has its own line pattern as well as its own colour.
    expect(new Set(polygons.map((polygon) => `${polygon.attrs.stroke} ${polygon.attrs["stroke-dasharray"] ?? "solid"}`)).size).toBe(4);
    expect(new Set(polygons.map((polygon) => polygon.attrs["stroke-dasharray"] ?? "solid")).size).toBe(4);
    expect(svgs).toHaveLength(1);
    // The key sits beside the chart, in the same layout box, and names every axis in full.
    const layout = elements.find((element) => element.attrs.class === "radar-layout");
    expect(layout?.children.map((child) => child.tagName)).toEqual(["svg", "div"]);
    const axisKey = elements.find((element) => element.tagName === "ol" && element.attrs.class === "axis-key");
    expect(axisKey?.children.map((item) => item.text.replace(/^\d+/, ""))).toEqual(nefPrinciplesFramework.principles.map((principle) => localise(principle.title)));
    expect(html).toContain("<title>Co-production assessment: Fictional peer support hub</title>");
    expect(html).toContain("Not shown, to protect anonymity: Manager or commissioner (fewer than 5 respondents).");
    const radarDescription = elements.find((element) => element.attrs.id === "principles-radar-desc");
    expect(radarDescription?.text).toContain("6 axes");
  });

  it("shows every perspective when the minimum is lowered", async () => {
    const out = tempFolder();
    await run(["report", "coproduction", join(sampleData, "coproduction-assessment.json"), "--out", "co.html", "--minimum-respondents", "2"], { cwd: out });
    const html = readFileSync(join(out, "co.html"), "utf8");
    expect(html).toContain("Every perspective had at least 2 respondents, so all are shown.");
    const one = await run(["report", "coproduction", join(sampleData, "coproduction-assessment.json"), "--out", "one.html", "--minimum-respondents", "1"], { cwd: out });
    expect(one.code).toBe(0);
    expect(readFileSync(join(out, "one.html"), "utf8")).toContain("Every perspective had at least 1 respondent, so all are shown.");
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
    const { charts, elements } = checkReport(html);
    expect(charts.map((chart) => chart.attrs.class)).toEqual(["bar-chart", "bar-chart"]);
    const bars = elements.filter((element) => element.tagName === "rect" && element.attrs.class === "bar");
    // Ten indicators and six sources, two cycles each (a bar is drawn for every rated group).
    expect(bars.length).toBe((10 + 6) * 2);
    expect(html).toContain("Cycle 1 (2025-09-01 to 2025-10-31)");
    expect(html).toContain("Change between cycles");
    // The bars use the scale people rated on (1-5), the same numbers as the table beside them.
    const cycles = (read("indicator-assessments.json") as unknown[]).map((cycle) => summariseIndicatorAssessment(cycle as IndicatorAssessment, recoveryIndicatorSet));
    const scaleTicks = elements.find((element) => element.attrs.class === "bar-scale")?.children.map((tick) => tick.text);
    expect(scaleTicks).toEqual(["1", "2", "3", "4", "5"]);
    const values = elements.filter((element) => element.attrs.class === "bar-value").map((element) => element.text);
    const expected = recoveryIndicatorSet.indicators.flatMap((indicator) => cycles.map((cycle) => String(Math.round((cycle.indicators.find((found) => found.indicatorId === indicator.id)?.mean ?? 0) * 100) / 100)));
    expect(values.slice(0, expected.length)).toEqual(expected);
    const first = cycles[0]?.indicators[0]?.mean ?? 0;
    expect(bars[0]?.attrs.width).toBe(String(Math.round(((first - 1) / 4) * 1000) / 10));
    expect(html).toContain(`<td class="number">${Math.round(first * 100) / 100}</td>`);
    expect(html).not.toMatch(/0-100/);
  });

  it("accepts one cycle and refuses three", async () => {
    const cycles = read("indicator-assessments.json") as unknown[];
    const folder = tempFolder({ "one.json": cycles[0], "three.json": [cycles[0], cycles[1], cycles[1]] });
    const one = await run(["report", "indicators", "one.json", "--out", "one.html"], { cwd: folder });
    expect(one.code).toBe(0);
    const html = readFileSync(join(folder, "one.html"), "utf8");
    expect(checkReport(html).charts).toHaveLength(2);
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
    const { charts, elements } = checkReport(html);
    expect(charts.map((chart) => chart.attrs.class)).toEqual(["timeline"]);
    const goals = (read("goals.json") as Goal[]).map((goal) => ({ goal, timeline: summariseGoalProgress(goal, { today: "2026-04-28" }) }));
    const overdue = goals.filter(({ timeline }) => timeline.review.state === "not-reviewed-yet");
    const markers = elements.filter((element) => element.attrs.class === "timeline-mark");
    // One marker per event, and one at the due date of each check-in that has not happened yet.
    expect(markers).toHaveLength(goals.reduce((sum, { timeline }) => sum + timeline.events.length, 0) + overdue.length);
    expect(elements.filter((element) => element.attrs.class === "timeline-label").map((label) => label.text)).toEqual(goals.map(({ goal }) => goal.ownWords));
    expect(html).toContain("I want to get out of the house and walk to the park again, like I used to with the dog.");
    // A goal with an earlier check-in whose next one is late says so, with both dates.
    expect(overdue).toHaveLength(1);
    const late = overdue[0]?.timeline;
    const lastCheckIn = late?.events.filter((event) => event.kind === "reviewed").at(-1)?.date;
    expect(lastCheckIn).toBeDefined();
    expect(html).toContain(`Check-in due by ${late?.review.due} has not happened yet; the last one was on ${lastCheckIn}.`);
    expect(html).toContain(`1 open goal has a check-in that was due (by ${late?.review.due}) and has not happened yet`);
    expect(html).not.toContain("Not reviewed yet");
    // Next steps: the step and its goal are apart, so "...dog." is never followed by ":".
    const summary = summarisePersonGoals(goals.map(({ goal }) => goal), { today: "2026-04-28" });
    for (const step of summary.nextSteps) expect(html).toContain(`<p class="card-title">${step.description}</p>`);
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
