import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { exportOpenReferralUk, exportOpenReferralUkPage, importOpenReferralUk } from "@selfmanage/signposting";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORUK_MOCK_FILES } from "../src/commands/check-feed/source";
import { launchChromium, openReport } from "./chromium";
import { SENTINEL, tempFolder } from "./helpers";
import { run } from "./run";

// The real ORUK validator fixtures and council data live beside the repository, never copied into it.
const standards = fileURLToPath(new URL("../../../../shared/standards/", import.meta.url));
const fixtures = {
  default: join(standards, "oruk-3.0/validator-fixtures/V3.0-UK-Default"),
  fail: join(standards, "oruk-3.0/validator-fixtures/V3.0-UK-Fail"),
  warn: join(standards, "interop/oruk-validator-warn"),
};
const councilFile = join(standards, "interop/oruk-v1-councils/north-lincolnshire-council.json");
const available = existsSync(fixtures.default) && existsSync(councilFile);


type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

function mock(folder: string, path: string): Reply {
  const files = ORUK_MOCK_FILES.find(([pattern]) => pattern.test(path))?.[1] ?? [];
  const file = files.map((name) => join(folder, name)).find((candidate) => existsSync(candidate));
  return file === undefined ? { status: 404 } : { status: 200, body: JSON.parse(readFileSync(file, "utf8")) as unknown };
}

const PER_PAGE = 100;
const council = available ? importOpenReferralUk(JSON.parse(readFileSync(councilFile, "utf8")) as unknown).directory : { organisations: [], locations: [], services: [] };
const councilServices = new Map((exportOpenReferralUk(council) as Array<{ id: string }>).map((service) => [service.id, service]));
const councilPages = Math.ceil(council.services.length / PER_PAGE);

/** The council's real records as an ORUK 3.0 API, paged a hundred at a time. */
function councilFeed(path: string, page: number): Reply {
  if (path === "/") return { status: 200, body: { version: "HSDS-UK-3.0", profile: "https://example.org/profile" } };
  if (path === "/services") return { status: 200, body: exportOpenReferralUkPage(council, { page, perPage: PER_PAGE, items: "summary" }) };
  const detail = /^\/services\/([^/]+)$/.exec(path);
  if (detail !== null) {
    const service = councilServices.get(decodeURIComponent(detail[1] as string));
    return service === undefined ? { status: 404 } : { status: 200, body: service };
  }
  return { status: 404 };
}

/** A paged feed whose paging is broken in every way a council feed has been seen to break it. */
function brokenFeed(path: string, page: number): Reply {
  if (path === "/services") {
    if (page === 2) return { status: 500 };
    const ids = [1, 2, 3].map((n) => `00000000-0000-4000-8000-${String(n + page * 3).padStart(12, "0")}`);
    return {
      status: 200,
      body: { total_items: 99, total_pages: 4, page_number: 1, size: 3, first_page: true, last_page: false, empty: false, contents: ids.map((id) => ({ id, name: `Service ${id}`, status: "active", description: SENTINEL })) },
    };
  }
  if (path.startsWith("/services/")) return path.endsWith("05") ? { status: 404 } : { status: 200, body: { id: decodeURIComponent(path.slice(10)), name: "Service", status: "active", description: SENTINEL } };
  return { status: 404 };
}

const hits = new Map<string, number>();

function route(url: URL): Reply {
  const [, feed = "", ...rest] = url.pathname.split("/");
  const path = `/${rest.join("/")}`;
  const page = Number(url.searchParams.get("page") ?? "1");
  const key = `${feed}${path}?${url.searchParams.toString()}`;
  hits.set(key, (hits.get(key) ?? 0) + 1);
  switch (feed) {
    case "default":
    case "fail":
    case "warn":
      return mock(fixtures[feed], path);
    case "council":
      return councilFeed(path, page);
    case "broken":
      return brokenFeed(path, page);
    case "empty":
      return path === "/services" ? { status: 200, body: { total_items: 0, total_pages: 0, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] } } : { status: 404 };
    case "flaky":
      // The first request for a page fails; asked again, it answers.
      if ((hits.get(key) ?? 0) === 1) return { status: 503, headers: { "retry-after": "0" } };
      return councilFeed(path, page);
    case "slow":
      return { status: 200, body: {}, delayMs: 1500 };
    case "elsewhere":
      return { status: 302, headers: { location: "http://elsewhere.invalid/services" } };
    case "moved":
      return { status: 301, headers: { location: `/council${path}${url.search}` } };
    default:
      return { status: 404 };
  }
}

let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const reply = route(new URL(request.url ?? "/", "http://127.0.0.1"));
    const send = (): void => {
      response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      response.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
    };
    if (reply.delayMs === undefined) send();
    else setTimeout(send, reply.delayMs).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Report {
  result: string;
  endpoints: Array<{ endpoint: string; required: boolean; status: string; requests: number; pages?: { read: number[]; total?: number }; messages: Array<{ severity: string; code: string; where?: string; count: number; examples: string[] }> }>;
  services: { listed: number; detailed: number };
  quality: { services: number; checks: Array<{ id: string; score: number | null; checked: number; passed: number; worst: Array<{ record: string; findings: number }> }> };
}

async function check(target: string, ...options: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const result = await run(["check-feed", target, "--format", "json", "--as-of", "2026-03-01", ...options]);
  return { code: result.code, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

const endpoint = (report: Report, name: string) => report.endpoints.find((found) => found.endpoint === name);
const codes = (report: Report, name: string): string[] => (endpoint(report, name)?.messages ?? []).map((message) => `${message.severity} ${message.code}${message.where === undefined ? "" : ` ${message.where}`}`);

describe.skipIf(!available)("selfmanage check-feed against a real HTTP server on 127.0.0.1", () => {
  it("passes the ORUK validator's Default feed: the required endpoints pass, optional ones may warn", async () => {
    const { code, report } = await check(`${base}/default`);
    expect(code).toBe(0);
    expect(endpoint(report, "/services")).toMatchObject({ required: true, status: "pass", pages: { read: [1], total: 1 } });
    expect(endpoint(report, "/services/{id}")).toMatchObject({ required: true, status: "pass" });
    expect(report.endpoints.filter((found) => found.required).every((found) => found.status === "pass")).toBe(true);
    expect(report.endpoints.map((found) => found.endpoint)).toEqual(["/", "/services", "/services/{id}", "/service_at_locations", "/organizations", "/taxonomies", "/taxonomy_terms"]);
    expect(report.services).toEqual({ listed: 1, detailed: 1 });
  });

  it("fails the validator's Fail feed with the findings it is built to have", async () => {
    const { code, report } = await check(`${base}/fail`);
    expect(code).toBe(1);
    expect(report.result).toBe("fail");
    expect(codes(report, "/services")).toEqual(
      expect.arrayContaining([
        "error required contents[*].name",
        "error invalid_format contents[*].url",
        "error invalid_format contents[*].email",
        "error invalid_type contents[*].email",
        "warning page_size_mismatch size",
        "warning total_items_mismatch total_items",
      ]),
    );
    expect(codes(report, "/services/{id}")).toEqual(expect.arrayContaining(["error invalid_format url", "error invalid_format email"]));
    expect(codes(report, "/")).toEqual(["warning no_profile profile"]);
  });

  it("warns on the validator's Warn feed: paging that does not add up, on optional endpoints", async () => {
    const { code, report } = await check(`${base}/warn`);
    expect(code).toBe(0);
    expect(report.result).toBe("warn");
    expect(endpoint(report, "/organizations")).toMatchObject({ status: "warn", pages: { read: [1, 5, 10], total: 10 } });
    expect(codes(report, "/organizations")).toEqual(["warning page_number_mismatch page_number", "warning last_page_not_last last_page"]);
    expect(endpoint(report, "/services")?.status).toBe("pass");
  });

  it("reads a council's real feed, paged: first, middle and last page, every listed detail page, and scores its data", async () => {
    const { code, report } = await check(`${base}/council`);
    expect(code).toBe(0);
    const middle = Math.floor(councilPages / 2);
    expect(endpoint(report, "/services")).toMatchObject({ status: "pass", pages: { read: [1, middle, councilPages], total: councilPages } });
    const listed = PER_PAGE * 2 + (council.services.length - PER_PAGE * (councilPages - 1));
    expect(report.services).toEqual({ listed, detailed: listed });
    expect(endpoint(report, "/services/{id}")).toMatchObject({ status: "pass", requests: listed });
    // Optional endpoints the council does not serve only warn.
    expect(endpoint(report, "/organizations")).toMatchObject({ required: false, status: "warn" });
    expect(report.quality.services).toBe(listed);
    const contacts = report.quality.checks.find((found) => found.id === "contacts");
    expect(contacts?.checked).toBe(listed);
    expect(contacts?.score).toBe(Math.round((1000 * (contacts?.passed ?? 0)) / listed) / 10);
    for (const found of report.quality.checks) for (const worst of found.worst) expect(councilServices.has(worst.record)).toBe(true);
  });

  it("opens a bounded, even sample of detail pages with --sample, and fewer list pages with --max-pages", async () => {
    const { report } = await check(`${base}/council`, "--sample", "7", "--max-pages", "2");
    expect(endpoint(report, "/services")?.pages?.read).toEqual([1, councilPages]);
    expect(report.services.detailed).toBe(7);
    expect(endpoint(report, "/services/{id}")?.requests).toBe(7);
  });

  it("reports broken paging and failing pages, endpoint by endpoint, and never prints a record's text", async () => {
    const result = await run(["check-feed", `${base}/broken`, "--as-of", "2026-03-01", "--retries", "1"]);
    expect(result.code).toBe(1);
    const { report } = await check(`${base}/broken`, "--retries", "1");
    expect(codes(report, "/services")).toEqual(
      expect.arrayContaining(["error unavailable", "warning page_number_mismatch page_number", "warning last_page_not_last last_page", "warning total_pages_mismatch total_pages"]),
    );
    const unavailable = endpoint(report, "/services")?.messages.find((message) => message.code === "unavailable");
    expect(unavailable).toMatchObject({ examples: ["page 2"] });
    expect(codes(report, "/services/{id}")).toContain("error unavailable");
    // Two tries for page 2: one, then one retry.
    expect(hits.get("broken/services?page=2")).toBeGreaterThanOrEqual(2);
    expect(result.stdout).toContain("GET /services?page=2: HTTP 500 (Internal Server Error) after 2 attempts.");
    expect(result.stdout).not.toContain(SENTINEL);
    expect(JSON.stringify(report)).not.toContain(SENTINEL);
  });

  it("warns on an empty feed", async () => {
    const { code, report } = await check(`${base}/empty`);
    expect(code).toBe(0);
    expect(codes(report, "/services")).toContain("warning empty_feed");
  });

  it("retries with backoff, gives up after a timeout, and does not follow a redirect off the host", async () => {
    const flaky = await check(`${base}/flaky`, "--sample", "3");
    expect(endpoint(flaky.report, "/services")?.status).toBe("pass");
    expect(hits.get("flaky/services?page=1")).toBe(2);
    const slow = await check(`${base}/slow`, "--timeout", "200", "--retries", "0");
    expect(slow.code).toBe(1);
    expect(endpoint(slow.report, "/services")?.messages[0]).toMatchObject({ severity: "error", code: "unavailable" });
    expect(JSON.stringify(slow.report)).toContain("no response within 200 ms after 1 attempt");
    const elsewhere = await check(`${base}/elsewhere`);
    expect(JSON.stringify(endpoint(elsewhere.report, "/services"))).toContain("redirects to another host (elsewhere.invalid); not followed");
    const moved = await check(`${base}/moved`, "--sample", "2");
    expect(endpoint(moved.report, "/services")?.status).toBe("pass");
  });

  it("writes a self-contained HTML quality report: a score per check, records by id, no script, nothing loaded", async () => {
    const folder = tempFolder();
    const result = await run(["check-feed", `${base}/council`, "--sample", "20", "--format", "html", "--out", join(folder, "feed.html"), "--as-of", "2026-03-01"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^(PASS|WARN): .*Report written to /);
    const html = readFileSync(join(folder, "feed.html"), "utf8");
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'');
    expect(html).not.toMatch(/<script|\ssrc=|<link/i);
    expect(html).toContain("Score per check");
    for (const title of ["Identifiers", "Freshness", "Coordinates", "Opening times", "Taxonomy terms", "Contact details", "Text without markup"]) expect(html).toContain(title);
    // It renders in a real browser, with nothing loaded and nothing complained of.
    const browser = await launchChromium();
    try {
      const { page, problems, requests } = await openReport(browser, join(folder, "feed.html"));
      const rows = await page.$$eval("table tbody tr", (found) => found.length);
      expect(rows).toBeGreaterThanOrEqual(7 + 7);
      const scores = await page.$$eval("table", (tables) => tables.find((table) => table.caption?.textContent?.startsWith("Score per check"))?.querySelectorAll("tbody tr").length ?? 0);
      expect(scores).toBe(7);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe.skipIf(!available)("selfmanage check-feed on files and folders", () => {
  it("reads a folder laid out like the validator's mock feeds", async () => {
    const passing = await check(fixtures.default);
    expect(passing.code).toBe(0);
    expect(endpoint(passing.report, "/services/{id}")?.status).toBe("pass");
    expect((await check(fixtures.fail)).code).toBe(1);
  });

  it("reads one file as a page of services, and prints text by default", async () => {
    const result = await run(["check-feed", join(fixtures.fail, "service_list.json"), "--as-of", "2026-03-01"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Checked .*service_list\.json on 2026-03-01$/m);
    expect(result.stdout).toMatch(/FAIL \/services +required, 1 request, page 1 of 1, \d+ errors, 2 warnings/);
    expect(result.stdout).toMatch(/^FAIL: 1 required endpoint failed\.$/m);
  });

  it("exits 1 below --min-score, and 2 for what it cannot read", async () => {
    expect((await run(["check-feed", fixtures.default, "--min-score", "99", "--as-of", "2026-03-01"])).code).toBe(1);
    expect((await run(["check-feed", "no-such-folder"])).code).toBe(2);
    expect((await run(["check-feed", "ftp://example.org/feed"])).code).toBe(2);
    expect((await run(["check-feed", fixtures.default, "--format", "pdf"])).code).toBe(2);
    expect((await run(["check-feed", fixtures.default, "--as-of", "yesterday"])).code).toBe(2);
  });
});
