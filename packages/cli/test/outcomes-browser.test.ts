import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { launchChromium, openReport } from "./chromium";
import { tempFolder } from "./helpers";
import { run } from "./run";


function answers(total: number, items: number): Record<string, string> {
  const result: Record<string, string> = {};
  for (let item = 1, left = total; item <= items; item += 1, left -= Math.min(3, left)) result[`item-${item}`] = String(Math.min(3, left));
  return result;
}

describe("the outcomes report in a real browser", () => {
  it("renders its chart and tables under its Content-Security-Policy, with no errors and no network requests", async () => {
    const records = ["a", "b", "c", "d", "e", "f"].flatMap((referral, index) => [
      { referral, instrumentId: "phq-9", instrumentVersion: "1.0.0", completedAt: "2026-01-05T10:00:00Z", answers: answers(12 + index, 9) },
      { referral, instrumentId: "gad-7", instrumentVersion: "1.0.0", completedAt: "2026-01-05T10:00:00Z", answers: answers(10, 7) },
      { referral, instrumentId: "phq-9", instrumentVersion: "1.0.0", completedAt: "2026-03-05T10:00:00Z", answers: answers(index, 9) },
      { referral, instrumentId: "gad-7", instrumentVersion: "1.0.0", completedAt: "2026-03-05T10:00:00Z", answers: answers(3 + index, 7) },
    ]);
    const folder = tempFolder({ "responses.json": records });
    const result = await run(["outcomes", "responses.json", "--episode-key", "referral", "--minimum-count", "1", "--out", "outcomes.html", "--quiet"], { cwd: folder });
    expect(result.code).toBe(0);
    const browser = await launchChromium();
    try {
      const { page, problems, requests } = await openReport(browser, join(folder, "outcomes.html"), { width: 1200, height: 900 });
      const bars = await page.$$eval("svg rect", (rects) => rects.filter((rect) => rect.getBoundingClientRect().width > 0).length);
      expect(bars).toBeGreaterThan(3);
      // The inline stylesheet applied: the policy allows inline styles and nothing else.
      expect(await page.$eval("table", (table) => getComputedStyle(table).borderCollapse)).toBe("collapse");
      expect(await page.$eval("h1", (heading) => heading.textContent)).toContain("NHS Talking Therapies");
      await page.screenshot({ path: join(folder, "outcomes.png"), fullPage: true });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
