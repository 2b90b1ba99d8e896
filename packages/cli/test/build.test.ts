import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateInstrument } from "@selfmanage/recovery";
import { describe, expect, it } from "vitest";
import { coproductionReportFrom, countBands, goalsReportFrom, indicatorReportFrom } from "../src/reports/index";
import { checkReport } from "./html-check";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
const read = (name: string) => JSON.parse(readFileSync(join(sampleData, name), "utf8")) as unknown;
const generatedAt = "2026-04-28T10:00:00Z";

describe("report builders from parsed records", () => {
  it("build each report, with a summary from the same figures", () => {
    const co = coproductionReportFrom(read("coproduction-assessment.json"), { generatedAt });
    expect(co).toMatchObject({ ok: true, summary: expect.stringMatching(/^co-production overall \d+\.\d\/100, ladder [a-z-]+, 1 perspective suppressed$/) as string });
    if (co.ok) checkReport(co.html);
    const lowered = coproductionReportFrom(read("coproduction-assessment.json"), { generatedAt, minimumRespondents: 2 });
    expect(lowered.ok && lowered.summary).toMatch(/0 perspectives suppressed$/);
    const indicators = indicatorReportFrom(read("indicator-assessments.json") as unknown[], { generatedAt });
    expect(indicators.ok && indicators.summary).toMatch(/^indicators: 2 cycles, latest mean \d\.\d\d, \d+ to build on, \d+ to improve$/);
    const goals = goalsReportFrom(read("goals.json") as unknown[], { generatedAt });
    expect(goals.ok && goals.html).toContain("Summary for 2026-04-28");
  });

  it("return the issues of each record by its position, and say when the input is the wrong shape", () => {
    expect(coproductionReportFrom({ framework: "not-built-in" }, { generatedAt })).toMatchObject({ ok: false, issues: [{ index: 0, issues: [{ code: "unknown_framework" }] }] });
    const broken = coproductionReportFrom({ ...(read("coproduction-assessment.json") as object), date: "yesterday" }, { generatedAt });
    expect(broken).toMatchObject({ ok: false, issues: [{ index: 0 }] });
    const cycles = read("indicator-assessments.json") as unknown[];
    expect(indicatorReportFrom([cycles[0], { id: "x" }], { generatedAt })).toMatchObject({ ok: false, issues: [{ index: 1 }] });
    expect(indicatorReportFrom([], { generatedAt })).toEqual({ ok: false, usage: expect.stringContaining("one or two assessment cycles") as string });
    const goals = read("goals.json") as unknown[];
    expect(goalsReportFrom([goals[0], {}], { generatedAt })).toMatchObject({ ok: false, issues: [{ index: 1 }] });
    expect(goalsReportFrom([], { generatedAt })).toEqual({ ok: false, usage: "report goals needs at least one goal." });
  });
});

describe("countBands", () => {
  it("lists every band in the instrument's order, then unknown bands, then responses with no band", () => {
    const instrument = validateInstrument(read("instrument.json"));
    if (!instrument.ok) throw new Error("sample instrument not valid");
    const counted = countBands(instrument.value, ["severe", "mild", undefined, "mild", "retired-band"]);
    expect(counted.map((band) => `${band.label} ${band.count}`)).toEqual(["Minimal 0", "Mild 2", "Moderate 0", "Moderately severe 0", "Severe 1", "retired-band 1", "no band 1"]);
    expect(countBands({ ...instrument.value, scoring: { ...instrument.value.scoring, bands: undefined } } as never, ["x"]).map((band) => band.label)).toEqual(["x"]);
  });
});
