import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OutcomeSummary } from "@selfmanage/recovery";
import { outcomeSentences } from "../src/reports/outcomes";
import { parseStrict } from "./html-check";
import { SENTINEL, tempFolder } from "./helpers";
import { run } from "./run";

/** Answers to `items` items scored 0-3 that add up to `total` (filled from item 1). */
function answersFor(total: number, items: number): Record<string, string> {
  const answers: Record<string, string> = {};
  let left = total;
  for (let item = 1; item <= items; item += 1) {
    const value = Math.min(3, left);
    answers[`item-${item}`] = String(value);
    left -= value;
  }
  if (left !== 0) throw new Error(`${total} does not fit in ${items} items`);
  return answers;
}
const day = (n: number) => `2026-0${n}-10T10:00:00Z`;
function session(referral: string, team: string, month: number, phq: number | undefined, gad: number | undefined) {
  return [
    ...(phq === undefined ? [] : [{ referral, team, instrumentId: "phq-9", instrumentVersion: "1.0.0", completedAt: day(month), answers: answersFor(phq, 9) }]),
    ...(gad === undefined ? [] : [{ referral, team, instrumentId: "gad-7", instrumentVersion: "1.0.0", completedAt: day(month), answers: answersFor(gad, 7) }]),
  ];
}

// Hand-worked (PHQ-9 caseness 10, change 6; GAD-7 caseness 8, change 4):
// r1 north: PHQ 16 -> 8, GAD 12 -> 7: reliable recovery.
// r2 north: PHQ 11 -> 9, GAD 9 -> 7: recovered, no reliable change, not reliably recovered.
// r3 south: PHQ 8 -> 14, GAD 5 -> 6: reliable deterioration, not a case at the start.
// r4 south: PHQ 15 once, GAD 10 -> 5: no last score on PHQ-9, so not paired.
const records = [
  ...session("r1", "north", 1, 16, 12),
  ...session("r2", "north", 1, 11, 9),
  ...session("r3", "south", 2, 8, 5),
  ...session("r4", "south", 2, 15, 10),
  ...session("r1", "north", 3, 8, 7),
  ...session("r2", "north", 3, 9, 7),
  ...session("r3", "south", 4, 14, 6),
  ...session("r4", "south", 4, undefined, 5),
  { referral: "r4", team: "south", instrumentId: "who-5", instrumentVersion: "1.0.0", completedAt: day(4), answers: answersFor(10, 5) },
  { referral: "r2", team: "north", instrumentId: "phq-9", instrumentVersion: "1.0.0", completedAt: day(5), answers: { ...answersFor(3, 9), "item-4": SENTINEL } },
];
const ndjson = `${records.map((record) => JSON.stringify(record)).join("\n")}\n`;
const folder = () => tempFolder({ "responses.ndjson": ndjson });
const args = ["outcomes", "responses.ndjson", "--episode-key", "referral", "--service-key", "team"];

describe("selfmanage outcomes", () => {
  it("judges each episode and prints the outcome table and sentences", async () => {
    const result = await run([...args, "--minimum-count", "1"], { cwd: folder() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("responses.ndjson:17: answers.item-4");
    expect(result.stderr).not.toContain(SENTINEL);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Group\s+Episodes\s+Paired scores\s+Case at start\s+Recovered\s+Reliable improvement/);
    expect(lines[1]?.split(/\s{2,}/)).toEqual(["Everyone", "4", "3", "2", "2", "1", "1", "1", "1", "1", "100.0%", "50.0%", "33.3%", "33.3%"]);
    expect(lines[2]?.split(/\s{2,}/)).toEqual(["north", "2", "2", "2", "2", "1", "0", "1", "1", "1", "100.0%", "50.0%", "50.0%", "0.0%"]);
    expect(lines[3]?.split(/\s{2,}/)).toEqual(["south", "2", "1", "0", "0", "0", "1", "0", "0", "0", "–", "–", "0.0%", "100.0%"]);
    expect(lines).toContain("Everyone: 4 episodes, of which 3 had paired first and last scores.");
    expect(lines).toContain("1 episode could not be judged: 1 had no last score and 0 had a measure missing.");
    expect(lines).toContain("2 episodes started above the clinical cut-off: 2 recovered (100.0%) and 1 reliably recovered (50.0%).");
    expect(lines).toContain("Counted 16 valid responses: 0 could not be scored under their missing-data rule and 1 was for instruments these rules do not use. 1 response was not valid and left out.");
  });

  it("writes the summary as JSON that its schema accepts, grouped by service and period", async () => {
    const result = await run([...args, "--minimum-count", "1", "--period", "quarter", "--format", "json"], { cwd: folder() });
    const summary = OutcomeSummary.parse(JSON.parse(result.stdout));
    expect(summary.rulesId).toBe("nhs-talking-therapies");
    expect(summary.groups.map((group) => [group.service, group.period, group.counts.episodes.count])).toEqual([
      ["north", "2026-Q1", 2],
      ["south", "2026-Q2", 2],
    ]);
    expect(summary.overall.counts.notReliablyRecovered.count).toBe(1);
  });

  it("suppresses small numbers by default, in the table, the sentences and the CSV", async () => {
    const result = await run([...args], { cwd: folder() });
    expect(result.stdout).toContain("Everyone: a suppressed number of episodes, of which a suppressed number had paired first and last scores.");
    expect(result.stdout).not.toMatch(/Everyone\s+\d/);
    const csv = await run([...args, "--format", "csv"], { cwd: folder() });
    const [header, everyone] = csv.stdout.trim().split("\n");
    expect(header?.startsWith("service,period,episodes,paired,notPaired")).toBe(true);
    expect(everyone).toMatch(/^,,,,/);
    expect(everyone).toContain("episodes paired notPaired");
  });

  it("writes a self-contained HTML report whose sentences come from the summary", async () => {
    const cwd = folder();
    const result = await run([...args, "--minimum-count", "1", "--out", "reports/outcomes.html", "--format", "json"], { cwd });
    const summary = OutcomeSummary.parse(JSON.parse(result.stdout));
    expect(result.stderr).toContain("Wrote ");
    const html = readFileSync(join(cwd, "reports/outcomes.html"), "utf8");
    const elements = parseStrict(html);
    const csp = elements.find((element) => element.tagName === "meta" && element.attrs["http-equiv"] === "Content-Security-Policy");
    expect(csp?.attrs.content).toContain("default-src 'none'");
    expect(csp?.attrs.content).not.toMatch(/script-src|https?:/);
    expect(elements.filter((element) => ["script", "link", "img", "iframe"].includes(element.tagName))).toEqual([]);
    const items = elements.filter((element) => element.tagName === "li").map((element) => element.text.replace(/&#39;/g, "'"));
    for (const sentence of outcomeSentences(summary.overall)) expect(items).toContain(sentence);
    expect(elements.filter((element) => element.attrs.role === "img" && element.attrs.class === "bar-chart")).toHaveLength(1);
    expect(html).not.toContain(SENTINEL);
  });

  it("report outcomes writes the same report, and refuses input with a record that is not valid", async () => {
    const valid = records.filter((record) => !Object.values(record.answers).includes(SENTINEL));
    const cwd = tempFolder({ "responses.ndjson": ndjson, "valid.ndjson": `${valid.map((record) => JSON.stringify(record)).join("\n")}\n` });
    const options = ["--episode-key", "referral", "--service-key", "team", "--period", "quarter", "--minimum-count", "1"];
    const refused = await run(["report", "outcomes", "responses.ndjson", ...options, "--out", "refused.html"], { cwd });
    expect(refused.code).toBe(1);
    const badLine = records.findIndex((record) => Object.values(record.answers).includes(SENTINEL)) + 1;
    expect(refused.stderr).toContain(`responses.ndjson:${badLine}: answers.item-4:`);
    expect(refused.stderr).toContain("No report was written");
    expect(`${refused.stdout}${refused.stderr}`).not.toContain(SENTINEL);
    expect(() => readFileSync(join(cwd, "refused.html"))).toThrow();

    const summary = OutcomeSummary.parse(JSON.parse((await run(["outcomes", "valid.ndjson", ...options, "--format", "json", "--out", "by-outcomes.html"], { cwd })).stdout));
    const written = await run(["report", "outcomes", "valid.ndjson", ...options, "--out", "by-report.html"], { cwd });
    expect(written.code).toBe(0);
    const { episodes, paired } = summary.overall.counts;
    expect(written.stdout).toBe(`Wrote ${join(cwd, "by-report.html")} (outcomes: ${episodes.count} episodes, ${paired.count} with paired scores, ${summary.groups.length} groups).\n`);
    expect([episodes.count, paired.count]).toEqual([4, 3]);
    const withoutTime = (html: string) => html.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g, "(time)");
    expect(withoutTime(readFileSync(join(cwd, "by-report.html"), "utf8"))).toBe(withoutTime(readFileSync(join(cwd, "by-outcomes.html"), "utf8")));
    // Its --period is the outcomes kind of period, not practice's length.
    expect((await run(["report", "outcomes", "valid.ndjson", "--episode-key", "referral", "--service-key", "team", "--period", "financial-year", "--out", "fy.html"], { cwd })).code).toBe(0);
    expect((await run(["report", "outcomes", "valid.ndjson", "--out", "none.html"], { cwd })).code).toBe(2);
  });

  it("says which cells are suppressed in the report", async () => {
    const cwd = folder();
    await run([...args, "--out", "outcomes.html", "--quiet"], { cwd });
    const html = readFileSync(join(cwd, "outcomes.html"), "utf8");
    expect(html).toMatch(/\d+ counts are suppressed in the tables below to protect small numbers; they read &quot;suppressed&quot;\./);
    expect(html).toContain("<td>suppressed</td>");
  });

  it("rounds counts when asked, and says so", async () => {
    const result = await run([...args, "--minimum-count", "1", "--round-to", "5"], { cwd: folder() });
    expect(result.stdout.split("\n")[1]?.split(/\s{2,}/).slice(0, 4)).toEqual(["Everyone", "5", "5", "0"]);
    expect(result.stdout).toContain("every other count is rounded to the nearest multiple of 5");
  });

  it("uses a definition's own thresholds for other measures", async () => {
    const wellbeing = [
      { referral: "w1", instrumentId: "who-5", instrumentVersion: "1.0.0", completedAt: day(1), answers: answersFor(10, 5) },
      { referral: "w1", instrumentId: "who-5", instrumentVersion: "1.0.0", completedAt: day(2), answers: answersFor(13, 5) },
    ];
    const cwd = tempFolder({ "w.json": wellbeing });
    const result = await run(["outcomes", "w.json", "--episode-key", "referral", "--measures", "who-5", "--minimum-count", "1", "--format", "json"], { cwd });
    expect(result.code).toBe(0);
    // 40 -> 52: a case at 40 (at or below 50), +12 is reliable, 52 is above the cut-off.
    expect(OutcomeSummary.parse(JSON.parse(result.stdout)).overall.counts.reliableRecovery.count).toBe(1);
  });

  it("takes outcome rules of the service's own", async () => {
    const rules = { id: "strict", title: "Strict", measures: [{ instrumentId: "phq-9", direction: "lower-is-better", caseness: 12, reliableChange: 8 }] };
    const cwd = tempFolder({ "responses.ndjson": ndjson, "rules.json": rules });
    const result = await run([...args, "--rules", "rules.json", "--measures", "phq-9", "--minimum-count", "1", "--format", "json"], { cwd });
    const summary = OutcomeSummary.parse(JSON.parse(result.stdout));
    // PHQ-9 alone: r1 16 -> 8 (reliable, case at 12), r2 11 -> 9 (not a case), r3 8 -> 14 (not reliable), r4 one PHQ-9 only.
    expect([summary.overall.counts.paired.count, summary.overall.counts.caseAtStart.count, summary.overall.counts.reliableRecovery.count, summary.overall.counts.noLastScore.count]).toEqual([3, 1, 1, 1]);
    expect(summary.input.ignored.count).toBe(9);
  });

  it("stops with a usage error for missing options, bad rules and unsorted input given as sorted", async () => {
    expect((await run(["outcomes", "responses.ndjson"], { cwd: folder() })).code).toBe(2);
    expect((await run([...args, "--measures", "phq-2"], { cwd: folder() })).stderr).toContain("no fixed cut-off");
    const cwd = tempFolder({ "responses.ndjson": ndjson, "rules.json": { id: "x", title: "x", measures: [] } });
    expect((await run([...args, "--rules", "rules.json"], { cwd })).stderr).toContain("are not valid");
    const unsorted = await run([...args, "--sorted"], { cwd: folder() });
    expect(unsorted.code).toBe(2);
    expect(unsorted.stderr).toContain("not sorted by episode key");
  });

  it("reports responses without an episode key or a date, without their values", async () => {
    const cwd = tempFolder({
      "bad.ndjson": [
        JSON.stringify({ instrumentId: "phq-9", instrumentVersion: "1.0.0", completedAt: day(1), answers: {} }),
        JSON.stringify({ referral: "r9", instrumentId: "phq-9", instrumentVersion: "1.0.0", answers: answersFor(3, 9) }),
        JSON.stringify({ referral: "r9", team: { name: SENTINEL }, instrumentId: "phq-9", instrumentVersion: "1.0.0", completedAt: day(1), answers: {} }),
        JSON.stringify([1]),
      ].join("\n"),
    });
    const result = await run(["outcomes", "bad.ndjson", "--episode-key", "referral", "--service-key", "team"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad.ndjson:1: referral: ");
    expect(result.stderr).toContain("bad.ndjson:2: completedAt: ");
    expect(result.stderr).toContain("bad.ndjson:3: team: ");
    expect(result.stderr).not.toContain(SENTINEL);
  });
});

describe("selfmanage score --instrument", () => {
  it("scores responses against a ready-made definition by its id", async () => {
    const cwd = tempFolder({ "r.json": { instrumentId: "phq-9", instrumentVersion: "1.0.0", id: "r-1", answers: { ...answersFor(9, 9), "item-9": "1" } } });
    const result = await run(["score", "--instrument", "phq-9", "r.json"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('r.json  r-1  total 10  band "Moderate (10-14)"  answered 9 of 9  1 alert for a practitioner');
    expect((await run(["score", "r.json"], { cwd })).code).toBe(2);
    expect((await run(["score", "phq-9", "r.json"], { cwd })).stdout).toContain("total 10");
  });
});
