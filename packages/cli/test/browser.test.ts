import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { tempFolder } from "./helpers";
import { run } from "./run";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

describe("reports in a real browser", () => {
  it("render their charts with no console errors and no network requests", async () => {
    const folder = tempFolder();
    const demo = await run(["demo", "--out-dir", folder]);
    expect(demo.code).toBe(0);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      for (const name of ["coproduction.html", "indicators.html", "goals.html"]) {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        const problems: string[] = [];
        const requests: string[] = [];
        page.on("console", (message) => {
          if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
        });
        page.on("pageerror", (error) => problems.push(error.message));
        page.on("request", (request) => {
          if (!request.url().startsWith("file:")) requests.push(request.url());
        });
        await page.goto(pathToFileURL(join(folder, name)).href);
        const sizes = await page.$$eval("svg", (svgs) => svgs.map((svg) => svg.getBoundingClientRect()).map((box) => ({ width: box.width, height: box.height })));
        expect(sizes.length, name).toBeGreaterThan(0);
        for (const size of sizes) {
          expect(size.width, name).toBeGreaterThan(100);
          expect(size.height, name).toBeGreaterThan(100);
        }
        const shapes = await page.$$eval("svg polygon, svg rect, svg circle", (elements) => elements.filter((element) => element.getBoundingClientRect().width > 0).length);
        expect(shapes, name).toBeGreaterThan(5);
        const screenshot = join(folder, name.replace(".html", ".png"));
        await page.screenshot({ path: screenshot, fullPage: true });
        const png = readFileSync(screenshot);
        expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
        expect(statSync(screenshot).size).toBeGreaterThan(10_000);
        expect(problems, name).toEqual([]);
        expect(requests, name).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});
