// The workbench as a person uses it, in headless Chromium: real file uploads of the sample data,
// of real Open Referral UK and ALISS responses, and of broken files; the figures on the page are
// computed here by calling the packages directly. Nothing may leave the page after it loads.
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { scoreAssessment, validateAssessment, nefPrinciplesFramework } from "@selfmanage/coproduction";
import { summarisePersonGoals, validateGoal } from "@selfmanage/goals";
import { compileInstrument, recoveryIndicatorSet, summariseIndicatorAssessment, validateInstrument, type IndicatorAssessment, type InstrumentDefinition } from "@selfmanage/recovery";
import { importAlissServices, importOpenReferralUk } from "@selfmanage/signposting";
import { countBands, goalsReportFrom } from "@selfmanage/cli/reports";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const site = join(root, "docs-site");
const samples = join(root, "packages/cli/sample-data");
const standards = join(root, "../shared/standards");
const artefacts = join(root, ".docs-check/workbench");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const AXE = readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8");
const TODAY = "2026-04-28";

const sample = (name: string) => join(samples, name);
const json = (path: string) => JSON.parse(readFileSync(path, "utf8")) as unknown;

/** Files the tests make (broken ones, a big one): in a temporary folder, removed afterwards. */
const made = mkdtempSync(join(tmpdir(), "selfmanage-workbench-"));
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(site, "workbench/index.html"))) throw new Error("docs-site/workbench is missing: run `npm run docs:build` first.");
  mkdirSync(artefacts, { recursive: true });
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  server = createServer((request, response) => {
    const file = normalize(join(site, decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname)));
    if (!file.startsWith(site) || !existsSync(file) || statSync(file).isDirectory()) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/workbench/index.html`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(made, { recursive: true, force: true });
});

/** Open the workbench; from the load event on, every request that is not a blob of the page's own is recorded. */
async function openWorkbench(width = 1280, url = base): Promise<{ page: Page; after: string[]; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const after: string[] = [];
  const problems: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(url, { waitUntil: "load" });
  page.on("request", (request) => {
    if (!/^(blob|data|about):/.test(request.url())) after.push(request.url());
  });
  await page.fill("#today", TODAY);
  return { page, after, problems };
}

async function upload(page: Page, files: string[], kind = "auto"): Promise<string> {
  await page.selectOption("#kind", kind);
  await page.setInputFiles("#files", files);
  await page.waitForFunction((names) => document.querySelector("#status")?.textContent === `Checked ${names}.`, files.map((file) => file.split("/").pop()).join(", "), { timeout: 60_000 });
  return (await page.textContent("#summary")) ?? "";
}

/** The rows of a score table on the page, by its caption. */
function scoreRows(page: Page, caption: string): Promise<string[][]> {
  return page.$$eval("table", (tables, wanted) => {
    const table = tables.find((candidate) => candidate.caption?.textContent === wanted);
    return table === undefined ? [] : [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => cell.textContent ?? ""));
  }, caption);
}

const fixed = (value: number | null | undefined, places = 1) => (value === null || value === undefined ? "–" : value.toFixed(places));

describe("the workbench in Chromium", () => {
  it("checks and scores each kind of sample file, and shows the CLI's own report", async () => {
    const { page, after, problems } = await openWorkbench();
    try {
      await expect(page.textContent("#privacy")).resolves.toContain("Nothing leaves your browser.");

      // Goals: figures from the goals package, and the very report the CLI renders.
      const goals = (json(sample("goals.json")) as unknown[]).map((goal) => validateGoal(goal));
      const summary = summarisePersonGoals(goals.flatMap((goal) => (goal.ok ? [goal.value] : [])), { today: TODAY });
      expect(await upload(page, [sample("goals.json")])).toBe(`Goals (detected): 3 records in 1 file, ${goals.filter((goal) => goal.ok).length} valid, 0 not valid, 0 issues.`);
      expect(await scoreRows(page, `Goals on ${TODAY}`)).toEqual([["Goals", String(summary.total)], ["Open", String(summary.open)], ["Check-ins due and not held yet", String(summary.notReviewedYet)], ["GAS T-score", fixed(summary.gas?.tScore)]]);
      const shown = await page.$eval("#report", (frame) => (frame as HTMLIFrameElement).srcdoc);
      const generatedAt = /Made by the selfmanage command on ([^.]+Z)\./.exec(shown)?.[1] ?? "";
      const rendered = goalsReportFrom(json(sample("goals.json")) as unknown[], { today: TODAY, generatedAt });
      expect(rendered.ok && rendered.html).toBe(shown);
      await expect(page.frameLocator("#report").locator("h1").textContent()).resolves.toBe("Goal progress");

      // A co-production assessment: the overall score and each perspective, from the package.
      const assessment = validateAssessment(json(sample("coproduction-assessment.json")), nefPrinciplesFramework);
      if (!assessment.ok) throw new Error("the sample assessment is not valid");
      const score = scoreAssessment(assessment.value, nefPrinciplesFramework);
      expect(await upload(page, [sample("coproduction-assessment.json")])).toContain("Co-production assessment (detected): 1 record in 1 file, 1 valid, 0 not valid, 0 issues.");
      const rows = await scoreRows(page, `Co-production scores (0-100), ${score.weighting} weighting`);
      expect(rows[0]).toEqual(["Overall", String(assessment.value.respondents.length), fixed(score.overall.score)]);
      expect(rows.slice(1)).toEqual(score.perspectives.map((perspective) => [perspective.perspective, String(perspective.respondents), perspective.suppressed ? "suppressed" : fixed(score.overall.byPerspective[perspective.perspective]?.score)]));
      await expect(page.frameLocator("#report").locator("h1").textContent()).resolves.toContain("Co-production assessment");

      // Two recovery indicator cycles.
      const cycles = (json(sample("indicator-assessments.json")) as IndicatorAssessment[]).map((cycle) => summariseIndicatorAssessment(cycle, recoveryIndicatorSet));
      expect(await upload(page, [sample("indicator-assessments.json")])).toContain("Recovery indicator assessment (detected): 2 records");
      expect((await scoreRows(page, "Mean rating (scale 1-5)")).map((row) => row[1])).toEqual(cycles.map((cycle) => fixed(cycle.overall.mean, 2)));
      await expect(page.frameLocator("#report").locator("h1").textContent()).resolves.toContain("Recovery indicators");

      // An instrument with its responses: every figure from the compiled instrument.
      const instrument = validateInstrument(json(sample("instrument.json")));
      if (!instrument.ok) throw new Error("the sample instrument is not valid");
      const expected = scoreLines(instrument.value, readFileSync(sample("responses.ndjson"), "utf8"));
      expect(await upload(page, [sample("instrument.json"), sample("responses.ndjson")])).toBe(`Instrument responses (detected): ${expected.records} records in 2 files, ${expected.valid} valid, ${expected.records - expected.valid} not valid, ${expected.records - expected.valid} issues.`);
      expect(await scoreRows(page, `Scores: ${instrument.value.id}`)).toEqual([["Scored", String(expected.totals.length)], ["Not scored", String(expected.notScored)], ["Not valid", String(expected.records - expected.valid)], ["Alerts", String(expected.alerts)], ["Mean total", fixed(expected.mean)]]);
      expect(await scoreRows(page, "Responses by band (in the instrument's order)")).toEqual(countBands(instrument.value, expected.bands).map((band) => [band.label, String(band.count)]));

      // Real feeds: an Open Referral UK page and an ALISS search response.
      const orukPath = join(standards, "oruk-3.0/examples/service_list.json");
      const oruk = importOpenReferralUk(json(orukPath));
      const orukIssues = oruk.problems.reduce((sum, problem) => sum + problem.issues.length, 0);
      expect(await upload(page, [orukPath])).toBe(`Open Referral UK feed (detected): 1 record in 1 file, ${orukIssues === 0 ? 1 : 0} valid, ${orukIssues === 0 ? 0 : 1} not valid, ${orukIssues} issue${orukIssues === 1 ? "" : "s"}.`);
      expect(await scoreRows(page, "Import")).toEqual([["Services imported", String(oruk.imported)], ["Notices", String(oruk.notices.length)], ["Issues", String(orukIssues)]]);
      const alissPath = join(standards, "interop/aliss-docs/v4-service-search@6565aad.json");
      const aliss = importAlissServices(json(alissPath));
      const alissIssues = aliss.problems.reduce((sum, problem) => sum + problem.issues.length, 0);
      expect(await upload(page, [alissPath])).toContain(`ALISS services response (detected): 1 record in 1 file`);
      expect(await scoreRows(page, "Import")).toEqual([["Services imported", String(aliss.imported)], ["Notices", String(aliss.notices.length)], ["Issues", String(alissIssues)]]);
      expect(aliss.imported).toBeGreaterThan(0);

      expect(after, "requests after load").toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("shows every issue of a broken file with its line and path, and downloads them as CSV and JSON", async () => {
    const { page, after } = await openWorkbench();
    try {
      const goals = json(sample("goals.json")) as Array<Record<string, unknown>>;
      const broken = [{ ...goals[0], lifeArea: "not-a-life-area" }, goals[1], { ...goals[2], ownWords: undefined }];
      const text = `${JSON.stringify(broken, null, 2)}\n`;
      const folder = made;
      const file = join(folder, "broken-goals.json");
      writeFileSync(file, text);
      const expected = broken.flatMap((goal, record) => {
        const checked = validateGoal(goal);
        return checked.ok ? [] : checked.issues.map((found) => ({ record, path: found.path.join("."), message: found.message }));
      });
      expect(expected.length).toBeGreaterThanOrEqual(2);
      expect(await upload(page, [file])).toBe(`Goals (detected): 3 records in 1 file, 1 valid, 2 not valid, ${expected.length} issues.`);
      const rows = await page.$$eval("#issues tbody tr", (lines) => lines.map((line) => [...line.cells].map((cell) => cell.textContent ?? "")));
      expect(rows.map((row) => [Number(row[2]), row[3], row[4]])).toEqual(expected.map((found) => [found.record, found.path, found.message]));
      // The line is where the bad value is written; a missing field points at its record.
      const lines = text.split("\n");
      expect(rows[0]?.[1]).toBe(String(lines.findIndex((line) => line.includes('"not-a-life-area"')) + 1));
      const thirdRecordLine = lines.findIndex((line, index) => line === "  {" && lines.slice(0, index).filter((earlier) => earlier === "  {").length === 2) + 1;
      expect(rows.find((row) => row[2] === "2")?.[1]).toBe(String(thirdRecordLine));
      expect(await page.frameLocator("#report").locator("h1").count()).toBe(0);

      const [csv] = await Promise.all([page.waitForEvent("download"), page.click("text=Download issues (CSV)")]);
      const csvText = readFileSync((await csv.path()) as string, "utf8");
      expect(csvText.split("\r\n").filter((line) => line !== "")).toHaveLength(expected.length + 1);
      expect(csvText.startsWith("file,line,record,path,code,message\r\n")).toBe(true);
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Download results (JSON)")]);
      const results = JSON.parse(readFileSync((await download.path()) as string, "utf8")) as { records: number; invalid: number; issues: unknown[] };
      expect(results).toMatchObject({ records: 3, invalid: 2 });
      expect(results.issues).toHaveLength(expected.length);

      // Text that is not JSON: one issue with the line and column of the break.
      const bad = join(folder, "not-json.json");
      writeFileSync(bad, '{\n  "id": "goal-1",\n  "ownWords": oops\n}\n');
      expect(await upload(page, [bad], "goals")).toBe("Goals: 1 record in 1 file, 0 valid, 1 not valid, 1 issue.");
      expect(await page.$$eval("#issues tbody td", (cells) => cells.map((cell) => cell.textContent))).toEqual(["not-json.json", "3", "–", "(root)", "This is not valid JSON: the text breaks the JSON grammar at line 3, column 15.", "invalid_json"]);
      // An NDJSON line that is broken is named by its line.
      const ndjson = join(folder, "responses-broken.ndjson");
      const responseLines = readFileSync(sample("responses.ndjson"), "utf8").split("\n").slice(0, 5);
      responseLines[3] = "{ not json";
      writeFileSync(ndjson, `${responseLines.join("\n")}\n`);
      await upload(page, [sample("instrument.json"), ndjson]);
      expect(await page.$$eval("#issues tbody tr", (lines) => lines.map((line) => [line.cells[0]?.textContent, line.cells[1]?.textContent, line.cells[5]?.textContent]))).toEqual([["responses-broken.ndjson", "4", "invalid_json"]]);
      expect(after).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("reads 50,000 responses in a worker with a progress bar, and the page stays responsive", async () => {
    const instrument = validateInstrument(json(sample("instrument.json")));
    if (!instrument.ok) throw new Error("the sample instrument is not valid");
    const lines = readFileSync(sample("responses.ndjson"), "utf8").split("\n").filter((line) => line.trim() !== "");
    const big = Array.from({ length: 50_000 }, (_, index) => {
      const record = JSON.parse(lines[index % lines.length] as string) as { id: string };
      return JSON.stringify({ ...record, id: `response-${index + 1}` });
    }).join("\n");
    const file = join(made, "responses-50000.ndjson");
    writeFileSync(file, `${big}\n`);
    const expected = scoreLines(instrument.value, big);
    const { page, after } = await openWorkbench();
    try {
      await page.evaluate(() => {
        const watch = { longest: 0, values: [] as number[], last: performance.now() };
        (window as unknown as { watch: typeof watch }).watch = watch;
        const tick = () => {
          const now = performance.now();
          watch.longest = Math.max(watch.longest, now - watch.last);
          watch.last = now;
          const progress = document.querySelector("progress") as HTMLProgressElement;
          if (!progress.hidden) watch.values.push(progress.value / progress.max);
          setTimeout(tick, 20);
        };
        tick();
      });
      const summary = await upload(page, [sample("instrument.json"), file]);
      expect(summary).toBe(`Instrument responses (detected): 50000 records in 2 files, ${expected.valid} valid, ${expected.records - expected.valid} not valid, ${expected.records - expected.valid} issues.`);
      expect(await scoreRows(page, `Scores: ${instrument.value.id}`)).toContainEqual(["Mean total", fixed(expected.mean)]);
      const watch = await page.evaluate(() => (window as unknown as { watch: { longest: number; values: number[] } }).watch);
      // The bar moved through values between empty and full while the page kept ticking.
      expect(watch.values.some((value) => value > 0.05 && value < 0.95)).toBe(true);
      expect(watch.longest).toBeLessThan(500);
      expect(after).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("works with the keyboard alone, from choosing a file to downloading the results", async () => {
    const { page, after } = await openWorkbench();
    try {
      const seen: string[] = [];
      for (let step = 0; step < 12 && !seen.includes("files"); step++) {
        await page.keyboard.press("Tab");
        seen.push(await page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? ""));
      }
      expect(seen).toContain("files");
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
      await chooser.setFiles(sample("goals.json"));
      await page.waitForFunction(() => document.querySelector("#status")?.textContent === "Checked goals.json.");
      // The results heading takes the focus, so a screen reader user hears them first.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("results-heading");
      let reached = "";
      for (let step = 0; step < 20 && reached !== "Download results (JSON)"; step++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.textContent ?? "");
      }
      expect(reached).toBe("Download results (JSON)");
      const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      expect(download.suggestedFilename()).toBe("workbench-results.json");
      // The kind can be chosen with the keyboard too, and the file is checked again as that kind.
      await page.focus("#kind");
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => document.querySelector("#summary")?.textContent?.startsWith("Open Referral UK feed:") === true);
      expect(after).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("is axe clean with no sideways scroll at 390 and 1280 px, and works opened from a folder", async () => {
    for (const width of [390, 1280]) {
      const { page, after } = await openWorkbench(width);
      try {
        await upload(page, [sample("coproduction-assessment.json")]);
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
          return (await axe.run(document)).violations.map((violation) => `${violation.impact}: ${violation.id}`);
        });
        expect(violations).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(artefacts, `workbench-${width}.png`), fullPage: true });
        expect(after).toEqual([]);
      } finally {
        await page.close();
      }
    }
    const { page } = await openWorkbench(1280, pathToFileURL(join(site, "workbench/index.html")).href);
    try {
      expect(await upload(page, [sample("goals.json")])).toContain("Goals (detected): 3 records");
    } finally {
      await page.close();
    }
  });
});

/** Validate and score NDJSON responses exactly as the recovery package does. */
function scoreLines(instrument: InstrumentDefinition, text: string) {
  const compiled = compileInstrument(instrument);
  const result = { records: 0, valid: 0, totals: [] as number[], notScored: 0, alerts: 0, bands: [] as (string | undefined)[], mean: null as number | null };
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    result.records++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const checked = compiled.validate(value);
    if (!checked.ok) continue;
    result.valid++;
    const score = compiled.score(checked.value);
    result.bands.push(score.band?.id);
    if (score.total === null) result.notScored++;
    else result.totals.push(score.total);
    result.alerts += score.alerts.length;
  }
  result.mean = result.totals.length === 0 ? null : result.totals.reduce((sum, total) => sum + total, 0) / result.totals.length;
  return result;
}

