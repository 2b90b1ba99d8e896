import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFeed } from "../src/commands/check-feed/conformance";
import { httpSource, type NetworkManners } from "../src/commands/check-feed/http";
import { renderHtml, renderText } from "../src/commands/check-feed/render";
import { fileSource, folderSource } from "../src/commands/check-feed/source";
import { tempFolder } from "./helpers";
import { run } from "./run";

const manners: NetworkManners = { timeoutMs: 2000, retries: 0, retryDelayMs: 1, followRedirects: false, maxBytes: 1000 };
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
let server: Server;
let base = "";
let loops = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (path === "/big") return json(200, { text: "x".repeat(5000) });
    if (path === "/not-json") return json(200, "<html>nope</html>");
    if (path === "/missing") return json(404, {});
    if (path === "/loop") {
      loops += 1;
      return json(302, "", { location: "/loop" });
    }
    if (path === "/mailto") return json(302, "", { location: "mailto:someone@example.org" });
    if (path === "/elsewhere-allowed") return json(302, "", { location: `${base}/ok` });
    if (path === "/ok") return json(200, { fine: true });
    // An API whose root and pages are odd in the ways a checker must notice.
    if (path === "/odd/") return json(200, ["not", "an", "object"]);
    if (path === "/odd/services") return json(200, [{ id: uuid(1), name: "Listed as a bare list", status: "active" }]);
    if (path === "/v1/") return json(200, { version: "1.0" });
    if (path === "/v1/services") return json(200, { contents: [{ id: uuid(2), name: "Page without paging", status: "active", colour: "blue" }], extra_paging: true });
    if (path === `/v1/services/${uuid(2)}`) return json(200, { id: uuid(2), name: "Page without paging", status: "active" });
    if (path === "/v1/taxonomy_terms") return json(200, { total_items: 1, total_pages: 1, page_number: 1, size: 1, first_page: true, last_page: true, empty: false, contents: [{ id: uuid(3), name: "Term", description: "A term" }] });
    if (path === `/v1/taxonomy_terms/${uuid(3)}`) return json(200, { id: uuid(3), name: "Term", description: "A term" });
    return json(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("the check-feed HTTP source", () => {
  it("says plainly why a request failed", async () => {
    const source = httpSource(base, manners);
    expect(await source.get("/big")).toMatchObject({ ok: false, error: "the response is larger than 1000 bytes" });
    expect(await source.get("/not-json")).toMatchObject({ ok: false, error: "the response is not valid JSON" });
    expect(await source.get("/missing")).toMatchObject({ ok: false, status: 404, error: "HTTP 404 (Not Found)", attempts: 1 });
    expect(await source.get("/loop")).toMatchObject({ ok: false, error: "more than 5 redirects" });
    expect(loops).toBe(6);
    expect(await source.get("/mailto")).toMatchObject({ ok: false });
    expect(await source.get("/ok", { page: "1" })).toMatchObject({ ok: true, body: { fine: true } });
    expect(source.requests()).toBeGreaterThanOrEqual(6);
    const closed = httpSource("http://127.0.0.1:9", { ...manners, retries: 1 });
    expect(await closed.get("/")).toMatchObject({ ok: false, error: "the server could not be reached after 2 attempts", attempts: 2 });
    const following = httpSource(base, { ...manners, followRedirects: true });
    expect(await following.get("/elsewhere-allowed")).toMatchObject({ ok: true });
  });
});

describe("the check-feed folder and file sources", () => {
  it("reads what is there, and says what is not", async () => {
    const folder = tempFolder({ "api_details.json": "{ nope", "service_list.json": { contents: [] } });
    const source = folderSource(folder, "/");
    expect(await source.get("/")).toMatchObject({ ok: false, error: "the file is not valid JSON" });
    expect(await source.get("/services")).toMatchObject({ ok: true });
    expect(await source.get("/organizations/x")).toMatchObject({ ok: false, status: 404, error: "HTTP 404 (no organization.json in the folder)" });
    expect(await source.get("/nowhere")).toMatchObject({ ok: false, status: 404 });
    const file = fileSource("service_list.json", folder);
    expect(await file.get("/")).toMatchObject({ ok: false, status: 404 });
    expect(await fileSource("gone.json", folder).get("/services")).toMatchObject({ ok: false, error: "the file cannot be read" });
    expect(file.requests()).toBe(1);
  });
});

describe("checkFeed on odd APIs", () => {
  const options = { maxPages: 3, concurrency: 2, asOf: "2026-03-01", staleAfterDays: 365 };
  it("fails a feed whose services are not a Page, and warns on a root that is not an object", async () => {
    const report = await checkFeed(httpSource(`${base}/odd`, manners), options);
    expect(report.result).toBe("fail");
    expect(report.endpoints[0]?.messages.map((message) => message.code)).toEqual(["not_an_object"]);
    expect(report.endpoints[1]?.messages.map((message) => message.code)).toEqual(["not_a_page"]);
    expect(report.services.listed).toBe(1);
    expect(renderText(report)).toMatch(/^FAIL: 2 required endpoints failed; \d+ endpoints warned\.$/m);
  });
  it("warns on a Page without its paging fields, another version, and fields the schema does not define", async () => {
    const report = await checkFeed(httpSource(`${base}/v1`, manners), options);
    const codes = report.endpoints.map((endpoint) => [endpoint.endpoint, endpoint.messages.map((message) => message.code)]);
    expect(codes[0]).toEqual(["/", ["no_profile", "other_version"]]);
    expect(codes[1]?.[1]).toEqual(expect.arrayContaining(["page_field_missing", "additional_field"]));
    expect(report.endpoints.find((endpoint) => endpoint.endpoint === "/taxonomy_terms")).toMatchObject({ status: "pass", requests: 2 });
    expect(report.result).toBe("warn");
    const html = renderHtml({ ...report, endpoints: report.endpoints.map((endpoint) => ({ ...endpoint, messages: [] })), quality: { ...report.quality, checks: report.quality.checks.map((check) => ({ ...check, codes: [] })), worst: [] } });
    expect(html).toContain("No findings.");
    expect(html).toContain("No faults found.");
  });
});

describe("selfmanage import and export, less common paths", () => {
  it("imports without keeping the source, reports an unreadable ALISS file, and exports a page", async () => {
    const folder = tempFolder({
      "oruk.json": [{ id: uuid(9), name: "Example", status: "active", alternate_name: "Also" }],
      "broken.json": "{ nope",
    });
    const modelOnly = await run(["import", "oruk", "oruk.json", "--model-only", "--compact", "--notices"], { cwd: folder });
    expect(modelOnly.code).toBe(0);
    expect(JSON.parse(modelOnly.stdout).services[0]).not.toHaveProperty("extensions");
    expect(modelOnly.stderr).toContain("alternate_name: The model does not hold this field");
    const aliss = await run(["import", "aliss", "broken.json"], { cwd: folder });
    expect(aliss).toMatchObject({ code: 1, stdout: "" });
    expect(aliss.stderr).toContain("broken.json:1: (root): This is not valid JSON");
    const truncated = await run(["import", "oruk", "broken.json"], { cwd: folder });
    expect(truncated).toMatchObject({ code: 1, stdout: "" });
    await run(["import", "oruk", "oruk.json", "--out", join(folder, "directory.json"), "--quiet"], { cwd: folder });
    const page = await run(["export", "oruk", "directory.json", "--per-page", "1", "--compact"], { cwd: folder });
    expect(JSON.parse(page.stdout)).toMatchObject({ total_items: 1, total_pages: 1, page_number: 1 });
  });
});
