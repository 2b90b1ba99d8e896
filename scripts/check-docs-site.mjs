// Opens the built documentation site in headless Chromium (Debian's package), the way a reader
// would: every page it visits must load without console errors, the navigation must list every
// package, and the search index must be present. Leaves a screenshot in .docs-check/.
import { createServer } from "node:http";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const root = new URL("..", import.meta.url).pathname;
const site = join(root, "docs-site");
const outDir = join(root, ".docs-check");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const expectedPackages = JSON.parse(readFileSync(join(root, "typedoc.json"), "utf8")).entryPoints.map(
  (entry) => JSON.parse(readFileSync(join(root, entry, "package.json"), "utf8")).name,
);

if (!existsSync(join(site, "index.html"))) {
  console.error("docs-site/index.html is missing: run the docs build first.");
  process.exit(1);
}
if (!existsSync(join(site, "workbench", "index.html"))) {
  console.error("docs-site/workbench/index.html is missing: the docs build makes it (node workbench/build.mjs).");
  process.exit(1);
}
if (!existsSync(executablePath)) {
  console.error(`Chromium was not found at ${executablePath}: run bash scripts/install-system-deps.sh`);
  process.exit(1);
}

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };
const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  let file = normalize(join(site, decodeURIComponent(url.pathname)));
  if (!file.startsWith(site)) {
    response.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) {
    response.writeHead(404).end("not found");
    return;
  }
  response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
  response.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

const problems = [];
const browser = await chromium.launch({
  executablePath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed on ${page.url()}: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });

  await page.goto(`${base}/index.html`, { waitUntil: "networkidle" });
  const title = await page.title();
  if (!title.includes("Self Management Toolkit")) problems.push(`unexpected site title: ${title}`);
  // The front page is for people using the packages: how to install and a first validation,
  // not the contributor's commands (those have their own page).
  const front = await page.$eval(".tsd-panel.tsd-typography, .col-content", (element) => element.textContent ?? "").catch(() => "");
  if (!front.includes("npm install @selfmanage/")) problems.push("the front page does not say how to install a package");
  if (front.includes("npm ci")) problems.push("the front page shows contributor commands (npm ci): keep them on the Contributing page");
  // The navigation tree is rendered by TypeDoc's script from its compressed navigation data.
  await page.waitForSelector(".tsd-navigation a", { timeout: 15_000 });
  const navigation = await page.$$eval(".tsd-navigation a", (links) => links.map((link) => ({ text: link.textContent?.trim() ?? "", href: link.getAttribute("href") ?? "" })));
  // TypeDoc names a package's page after its name with the scope folded in: @selfmanage/core -> _selfmanage_core.html
  const pageOf = (name) => `modules/${name.replace(/[@/-]/g, "_")}.html`;
  const linkOf = (name) => navigation.find((entry) => entry.href.endsWith(pageOf(name)));
  for (const name of expectedPackages) {
    if (!linkOf(name)) problems.push(`the navigation does not list ${name}`);
  }
  mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: join(outDir, "index.png"), fullPage: false });

  // Visit each package's page and one symbol page inside it.
  for (const name of expectedPackages) {
    const link = linkOf(name);
    if (!link) continue;
    await page.goto(new URL(link.href, `${base}/index.html`).href, { waitUntil: "networkidle" });
    const heading = await page.$eval("h1", (element) => element.textContent ?? "").catch(() => "");
    if (!heading.includes(name.split("/")[1])) problems.push(`the page for ${name} has heading "${heading}"`);
    const firstMember = await page.$eval(".tsd-member-summary-name a, .tsd-member-summaries a[href]", (element) => element.getAttribute("href")).catch(() => null);
    if (!firstMember) {
      problems.push(`the page for ${name} lists no exports`);
      continue;
    }
    await page.goto(new URL(firstMember, page.url()).href, { waitUntil: "networkidle" });
    // A package with several entry points (the cli and its `reports`) lists modules first.
    if (page.url().includes("/modules/")) {
      const inner = await page.$eval(".tsd-member-summary-name a, .tsd-member-summaries a[href]", (element) => element.getAttribute("href")).catch(() => null);
      if (inner) await page.goto(new URL(inner, page.url()).href, { waitUntil: "networkidle" });
    }
    const codeBlocks = await page.$$eval("pre code", (blocks) => blocks.length);
    if (codeBlocks === 0) problems.push(`${page.url()} shows no example code`);
  }

  // The search box must find a well-known export.
  await page.goto(`${base}/index.html`, { waitUntil: "networkidle" });
  await page.click("#tsd-search-trigger").catch(() => page.click("#tsd-search input"));
  await page.keyboard.type("safeParseResult");
  const hit = await page.waitForSelector("#tsd-search-results li, .results li", { timeout: 10_000 }).catch(() => null);
  if (!hit) problems.push("the search found nothing for safeParseResult");
  await page.screenshot({ path: join(outDir, "search.png") });

  // The getting-started guide links to the workbench, and the link opens it.
  await page.goto(`${base}/documents/Getting_started.html`, { waitUntil: "networkidle" });
  const workbenchLink = page.locator('a[href$="workbench/index.html"]').first();
  if ((await workbenchLink.count()) === 0) problems.push("the getting-started guide does not link to the workbench");
  else {
    await Promise.all([page.waitForURL(/workbench\/index\.html$/), workbenchLink.click()]);
    const privacy = await page.textContent("#privacy").catch(() => "");
    if (!privacy?.includes("Nothing leaves your browser.")) problems.push("the workbench page does not say that nothing leaves the browser");
    await page.screenshot({ path: join(outDir, "workbench.png") });
  }
} finally {
  await browser.close();
  server.close();
}

// TypeDoc leaves links to pages it does not make (the workbench) unchecked; check every relative
// link of the guides and the home page against the built site instead.
const pages = [join(site, "index.html"), ...readdirSync(join(site, "documents")).filter((name) => name.endsWith(".html")).map((name) => join(site, "documents", name))];
for (const file of pages) {
  for (const [, href] of readFileSync(file, "utf8").matchAll(/<a [^>]*href="([^"#?]+)[^"]*"/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("/")) continue;
    const target = normalize(join(dirname(file), decodeURIComponent(href)));
    if (!target.startsWith(site) || !existsSync(target)) problems.push(`${file.slice(site.length + 1)} links to ${href}, which is not in the site`);
  }
}

if (problems.length > 0) {
  console.error(`Documentation site check failed:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`Documentation site checked in Chromium: ${expectedPackages.length} package(s), no console errors. Screenshots in .docs-check/`);
