import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openReport } from "./chromium";
import { tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));

describe("the practice learning report in a real browser", () => {
  let browser: Browser;
  let server: Server;
  let hits = 0;
  let folder = "";

  beforeAll(async () => {
    folder = tempFolder();
    const result = await run(["report", "practice", join(sampleData, "practice-sessions.json"), join(sampleData, "practice-reflections.ndjson"), "--out", "practice.html"], { cwd: folder });
    expect(result.code).toBe(0);
    server = createServer((_request, response) => {
      hits++;
      response.end("remote");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  for (const width of [390, 1280]) {
    it(`reads at ${width} px: nothing wider than the screen, charts drawn, no errors, nothing fetched`, async () => {
      const { page, problems, requests } = await openReport(browser, join(folder, "practice.html"), { width, height: 900 });
      const layout = await page.evaluate(() => ({
        pageWidth: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        lang: document.documentElement.lang,
        h1: document.querySelectorAll("h1").length,
        h2: Array.from(document.querySelectorAll("h2")).map((heading) => heading.getBoundingClientRect().width),
        // Every block of text and every table box sits inside the screen (wide tables scroll in their own box),
        // and every caption's words can be read without scrolling.
        overflowing: [
          ...Array.from(document.querySelectorAll("p, li, h1, h2, h3, .table, figure")).filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1),
          ...Array.from(document.querySelectorAll("caption")).filter((caption) => {
            const range = document.createRange();
            range.selectNodeContents(caption);
            return range.getBoundingClientRect().right > window.innerWidth + 1;
          }),
        ].map((element) => element.textContent?.slice(0, 40)),
        smallestText: Array.from(document.querySelectorAll("p, li, td, th")).reduce((smallest, element) => Math.min(smallest, parseFloat(getComputedStyle(element).fontSize)), Infinity),
        bars: Array.from(document.querySelectorAll("svg rect")).filter((rect) => rect.getBoundingClientRect().width > 0).length,
        charts: Array.from(document.querySelectorAll(".bar-chart[role=img]")).map((chart) => chart.getBoundingClientRect().width),
        notShown: Array.from(document.querySelectorAll("td")).filter((cell) => cell.textContent === "not shown").length,
      }));
      expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
      expect(layout.lang).toBe("en-GB");
      expect(layout.h1).toBe(1);
      expect(layout.h2).toHaveLength(11);
      expect(layout.overflowing).toEqual([]);
      expect(layout.smallestText).toBeGreaterThanOrEqual(13);
      expect(layout.charts).toHaveLength(4);
      for (const chartWidth of layout.charts) expect(chartWidth).toBeGreaterThan(300);
      expect(layout.bars).toBeGreaterThan(20);
      // A withheld count is said in words, not only by colour.
      expect(layout.notShown).toBeGreaterThan(0);
      const screenshot = join(folder, `practice-${width}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(readFileSync(screenshot).subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(statSync(screenshot).size).toBeGreaterThan(20_000);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it("blocks scripts and remote loads through its Content-Security-Policy", async () => {
    const { port } = server.address() as AddressInfo;
    const html = readFileSync(join(folder, "practice.html"), "utf8").replace(
      "</main>",
      `<script>document.title = "script ran";</script><img src="http://127.0.0.1:${port}/tracker.png" alt=""><p style="color: red" id="inline">x</p></main>`,
    );
    const tampered = join(folder, "tampered.html");
    writeFileSync(tampered, html);
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => violations.push(message.text()));
    hits = 0;
    await page.goto(pathToFileURL(tampered).href);
    await page.waitForTimeout(200);
    expect(await page.title()).toBe("Reflective practice: what we learned");
    expect(hits).toBe(0);
    expect(violations.some((text) => /Content Security Policy/i.test(text))).toBe(true);
    // The report's own stylesheet is allowed (by its hash): headings keep their styled size.
    const h1Size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("h1") as Element).fontSize));
    expect(h1Size).toBeGreaterThan(24);
    await page.close();
  }, 60_000);
});
