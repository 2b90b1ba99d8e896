import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

/** The headless Chromium the gate installs (`scripts/ensure-chromium.mjs`), or the one CHROMIUM_PATH names. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Start headless Chromium as every report test does: no GPU, no sandbox, and no traffic of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** What a page did while a report was open: console errors and warnings, and requests that left the file. */
export interface Watched {
  page: Page;
  problems: string[];
  requests: string[];
}

/** Open a report file in a new page, recording console problems and any request that leaves the file. */
export async function openReport(browser: Browser, file: string, viewport: { width: number; height: number } = { width: 1280, height: 900 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) requests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href);
  return { page, problems, requests };
}
