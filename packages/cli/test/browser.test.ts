import { mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openReport } from "./chromium";
import { tempFolder } from "./helpers";
import { run } from "./run";

const REPORTS = ["coproduction.html", "indicators.html", "goals.html", "practice.html"] as const;
const WIDTHS = [390, 1280] as const;
/** Kept as test artefacts: coverage/ is the declared output of the cli test task. */
const SCREENSHOTS = fileURLToPath(new URL("../coverage/screenshots/", import.meta.url));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

let browser: Browser;
let folder: string;

beforeAll(async () => {
  folder = tempFolder();
  const demo = await run(["demo", "--out-dir", folder]);
  expect(demo.code).toBe(0);
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Open a report, recording console problems and any request that leaves the file. */
function open(name: string, width: number): ReturnType<typeof openReport> {
  return openReport(browser, join(folder, name), { width, height: 900 });
}

/** Text drawn smaller than 12 CSS pixels: HTML text by its computed size, SVG text scaled by its transform. */
function smallText(page: Page): Promise<{ text: string; size: number }[]> {
  return page.evaluate(() => {
    const found: { text: string; size: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const element = node.parentElement;
      if (element === null || (node.textContent ?? "").trim() === "" || element.closest(".visually-hidden, title, desc, style") !== null) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      let size = Number.parseFloat(getComputedStyle(element).fontSize);
      if (element instanceof SVGGraphicsElement) {
        const matrix = element.getScreenCTM();
        if (matrix !== null) size *= Math.hypot(matrix.a, matrix.b);
      }
      if (size < 11.95) found.push({ text: (node.textContent ?? "").trim().slice(0, 40), size: Math.round(size * 10) / 10 });
    }
    return found;
  });
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the report's CSP (no scripts) does not cover.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => ({ target: node.target })) }));
  });
}

function overlaps(a: DOMRect | { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}

describe.each(REPORTS)("%s in Chromium", (name) => {
  it.each(WIDTHS)("at %i px: renders with its style, no sideways scroll, text of 12 px or more, axe clean, screenshot kept", async (width) => {
    const { page, problems, requests } = await open(name, width);
    try {
      // The inline style applies under the report's own Content-Security-Policy.
      expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe("1152px");
      const layout = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(layout.scrollWidth, "sideways scroll").toBeLessThanOrEqual(layout.innerWidth);
      expect(await smallText(page)).toEqual([]);
      // A label is never cut: nothing in a chart is wider than its box.
      const clipped = await page.$$eval(".bar-category, .bar-name, .timeline-label, .axis-key li, .chart-key li, .card-title, caption", (elements) => elements.filter((element) => element.scrollWidth > element.clientWidth + 1).map((element) => element.textContent));
      expect(clipped).toEqual([]);
      const violations = await axeViolations(page);
      // The bar is no serious or critical violation; the reports meet none at all, and keep it so.
      expect(violations).toEqual([]);
      const screenshot = join(SCREENSHOTS, name.replace(".html", `-${width}.png`));
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(readFileSync(screenshot).subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("never scrolls sideways at any width from 360 to 1920 px", async () => {
    const { page } = await open(name, 360);
    try {
      const wide: number[] = [];
      for (let width = 360; width <= 1920; width += width < 800 ? 10 : 40) {
        await page.setViewportSize({ width, height: 800 });
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) wide.push(width);
      }
      expect(wide).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("lets no script run and nothing load, even when markup is slipped into the page", async () => {
    // A real server on this machine: if the policy let anything through, it would be asked for it.
    let hits = 0;
    const server = createServer((_request, response) => {
      hits++;
      response.writeHead(200, { "content-type": "image/png" }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const { page } = await open(name, 1280);
    try {
      const policy = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (meta) => meta.getAttribute("content"));
      expect(policy).toContain("default-src 'none'");
      const blocked = await page.evaluate(async (origin) => {
        const violations: string[] = [];
        document.addEventListener("securitypolicyviolation", (event) => violations.push(event.effectiveDirective));
        const script = document.createElement("script");
        script.textContent = "window.__ran = true";
        document.body.append(script);
        const image = document.createElement("img");
        image.src = `${origin}/pixel.png`;
        document.body.append(image);
        const style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = `${origin}/style.css`;
        document.head.append(style);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { ran: (window as unknown as { __ran?: boolean }).__ran === true, violations };
      }, `http://127.0.0.1:${port}`);
      expect(blocked.ran).toBe(false);
      expect(blocked.violations).toEqual(expect.arrayContaining(["script-src-elem", "img-src", "style-src-elem"]));
      expect(hits).toBe(0);
    } finally {
      await page.close();
      server.close();
    }
  });

  it("prints with each chart kept with its table", async () => {
    const { page } = await open(name, 1280);
    try {
      await page.emulateMedia({ media: "print" });
      const rules = await page.$$eval(".chart-section", (sections) =>
        sections.map((section) => {
          const figure = section.querySelector("figure") as HTMLElement;
          const table = figure.nextElementSibling as HTMLElement;
          return { figureInside: getComputedStyle(figure).breakInside, figureAfter: getComputedStyle(figure).breakAfter, tableBefore: getComputedStyle(table).breakBefore, tableIsNext: table.classList.contains("table") };
        }),
      );
      expect(rules.length).toBeGreaterThan(0);
      for (const rule of rules) expect(rule).toEqual({ figureInside: "avoid", figureAfter: "avoid", tableBefore: "avoid", tableIsNext: true });
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString("ascii")).toBe("%PDF-");
      await page.emulateMedia({ media: "screen" });
    } finally {
      await page.close();
    }
  });
});

describe("charts in Chromium", () => {
  it("keeps the radar's key beside the chart on a wide screen and right below it on a phone, and no ring value under a marker", async () => {
    for (const width of WIDTHS) {
      const { page } = await open("coproduction.html", width);
      try {
        const boxes = await page.evaluate(() => {
          const box = (element: Element | null) => element?.getBoundingClientRect().toJSON() as DOMRect;
          return { chart: box(document.querySelector(".radar-layout > svg")), key: box(document.querySelector(".radar-keys")), rings: Array.from(document.querySelectorAll(".ring-value"), box), markers: Array.from(document.querySelectorAll(".series > :not(title):not(polygon):not(polyline)"), box) };
        });
        if (width >= 1000) {
          expect(boxes.key.x).toBeGreaterThanOrEqual(boxes.chart.x + boxes.chart.width - 1);
          expect(boxes.key.y).toBeLessThan(boxes.chart.y + boxes.chart.height);
          expect(boxes.key.x - (boxes.chart.x + boxes.chart.width)).toBeLessThan(80);
        } else {
          expect(boxes.key.y).toBeGreaterThanOrEqual(boxes.chart.y + boxes.chart.height - 1);
          expect(boxes.key.y - (boxes.chart.y + boxes.chart.height)).toBeLessThan(40);
        }
        expect(boxes.rings).toHaveLength(4);
        for (const ring of boxes.rings) for (const marker of boxes.markers) expect(overlaps(ring, marker)).toBe(false);
      } finally {
        await page.close();
      }
    }
  });

  it("spreads the goals timeline over the page width, with no marker on top of another", async () => {
    for (const width of [360, ...WIDTHS]) {
      const { page } = await open("goals.html", width);
      try {
        const measured = await page.evaluate(() => ({
          track: document.querySelector(".timeline-track")?.getBoundingClientRect().width ?? 0,
          main: document.querySelector("main")?.getBoundingClientRect().width ?? 0,
          rows: Array.from(document.querySelectorAll(".timeline-track"), (track) => Array.from(track.querySelectorAll(".timeline-mark"), (mark) => mark.getBoundingClientRect().toJSON() as DOMRect)),
        }));
        expect(measured.track).toBeGreaterThan(measured.main * 0.9);
        for (const marks of measured.rows) for (const [index, mark] of marks.entries()) for (const other of marks.slice(index + 1)) expect(overlaps(mark, other)).toBe(false);
      } finally {
        await page.close();
      }
    }
  });
});
