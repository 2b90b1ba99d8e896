import type { PathSegment } from "@selfmanage/core";
import { checkOrukObject, checkPage, createFeedQuality, type OrukObjectKind, type QualityReport } from "@selfmanage/signposting";
import type { FeedSource, Fetched } from "./source";

/**
 * One kind of finding at one endpoint, counted: `error` fails a required endpoint, `warning` never
 * fails the feed. Examples name pages or records by id, never by a value.
 *
 * @example
 * ```ts
 * const message: EndpointMessage = { severity: "error", code: "required", message: "This field is required.", where: "contents[*].name", count: 4, examples: ["page 1"] };
 * ```
 */
export interface EndpointMessage {
  severity: "error" | "warning";
  code: string;
  message: string;
  where?: string;
  count: number;
  examples: string[];
}

/**
 * What one endpoint gave: whether the ORUK profile requires it, how it did, how many requests it
 * took, and its findings.
 *
 * @example
 * ```ts
 * const result: EndpointResult = { endpoint: "/services", required: true, status: "pass", requests: 3, messages: [] };
 * ```
 */
export interface EndpointResult {
  endpoint: string;
  required: boolean;
  status: "pass" | "warn" | "fail";
  requests: number;
  /** For a list endpoint: the pages read (the first, a middle and the last, as the ORUK validator reads them) and how many it says it has. */
  pages?: { read: number[]; total?: number };
  messages: EndpointMessage[];
}

/**
 * The whole check of a feed: its version and profile, each endpoint, and the data quality of the
 * services read.
 *
 * @example
 * ```ts
 * const report: FeedCheckReport = { source: "https://example.org/api", checkedOn: "2026-03-01", endpoints: [], services: { listed: 0, detailed: 0 }, quality: { services: 0, checks: [], worst: [] }, result: "pass" };
 * ```
 */
export interface FeedCheckReport {
  source: string;
  checkedOn: string;
  version?: string;
  profile?: string;
  endpoints: EndpointResult[];
  services: { listed: number; detailed: number };
  quality: QualityReport;
  result: "pass" | "warn" | "fail";
}

/**
 * How far the checker goes.
 *
 * @example
 * ```ts
 * const options: CheckOptions = { maxPages: 3, concurrency: 4, asOf: "2026-03-01", staleAfterDays: 365 };
 * ```
 */
export interface CheckOptions {
  /** List pages read per endpoint: the first, a middle and the last when 3 (the default), fewer when less. */
  maxPages: number;
  /** Open only this many detail pages, spread evenly over the ids listed; all when absent. */
  sample?: number;
  /** Requests in flight at once. */
  concurrency: number;
  asOf: string;
  staleAfterDays: number;
}

class Messages {
  private readonly byKey = new Map<string, EndpointMessage>();
  add(severity: EndpointMessage["severity"], code: string, message: string, example?: string, where?: string): void {
    const key = `${severity}\u0000${code}\u0000${where ?? ""}\u0000${message}`;
    const known = this.byKey.get(key);
    if (known === undefined) {
      this.byKey.set(key, { severity, code, message, ...(where === undefined ? {} : { where }), count: 1, examples: example === undefined ? [] : [example] });
      return;
    }
    known.count += 1;
    if (example !== undefined && known.examples.length < 3 && !known.examples.includes(example)) known.examples.push(example);
  }
  list(): EndpointMessage[] {
    return [...this.byKey.values()];
  }
}

function pattern(path: readonly PathSegment[]): string {
  return path.map((segment, index) => (typeof segment === "number" ? "[*]" : index === 0 ? segment : `.${segment}`)).join("");
}

function idOf(value: unknown): string | undefined {
  const id = typeof value === "object" && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === "string" && id !== "" ? id : undefined;
}

function checkItem(kind: OrukObjectKind, item: unknown, prefix: string, example: string, messages: Messages, severity: "error" | "warning"): void {
  for (const finding of checkOrukObject(kind, item)) {
    const inner = pattern(finding.path);
    const where = prefix === "" ? inner : inner === "" ? prefix : `${prefix}.${inner}`;
    messages.add(finding.severity === "error" ? severity : "warning", finding.code, finding.message, example, where === "" ? undefined : where);
  }
}

function resultOf(endpoint: string, required: boolean, messages: Messages, requests: number): EndpointResult {
  const list = messages.list();
  const status = list.some((message) => message.severity === "error") ? "fail" : list.length > 0 ? "warn" : "pass";
  return { endpoint, required, status, requests, messages: list };
}

async function inPool<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** The pages to read of `total`: the first, a middle one and the last, as many as allowed. */
function pagesToRead(total: number, maxPages: number): number[] {
  const wanted = [1, ...(total > 2 ? [Math.floor(total / 2)] : []), ...(total > 1 ? [total] : [])];
  if (wanted.length <= maxPages) return wanted;
  return maxPages <= 1 ? [1] : [1, total];
}

/** Up to `size` items spread evenly over the list, always the same for the same list. */
function spread<T>(items: readonly T[], size: number | undefined): T[] {
  if (size === undefined || size >= items.length) return [...items];
  return Array.from({ length: size }, (_, index) => items[Math.floor((index * items.length) / size)] as T);
}

const PAGE_FIELDS = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"];

interface ListOutcome {
  result: EndpointResult;
  items: unknown[];
  complete: boolean;
}

async function checkList(source: FeedSource, endpoint: string, kind: OrukObjectKind, required: boolean, options: CheckOptions): Promise<ListOutcome> {
  const messages = new Messages();
  const severity = required ? "error" : "warning";
  const before = source.requests();
  const items: unknown[] = [];
  const readPage = async (number: number): Promise<{ total?: number; last?: boolean } | undefined> => {
    const fetched: Fetched = await source.get(endpoint, { page: String(number) });
    const label = `page ${number}`;
    if (!fetched.ok) {
      messages.add(severity, "unavailable", `GET ${endpoint}?page=${number}: ${fetched.error}.`, label);
      return undefined;
    }
    const body = fetched.body;
    if (Array.isArray(body) || typeof body !== "object" || body === null || !Array.isArray((body as { contents?: unknown }).contents)) {
      messages.add(severity, "not_a_page", "The response is not an ORUK Page: an object with the records in contents, and its paging fields.", label);
      if (Array.isArray(body)) for (const item of body) items.push(item);
      return undefined;
    }
    const page = body as Record<string, unknown> & { contents: unknown[] };
    for (const field of PAGE_FIELDS) if (!(field in page)) messages.add("warning", "page_field_missing", "The Page leaves out one of its paging fields.", label, field);
    for (const field of Object.keys(page)) if (field !== "contents" && !PAGE_FIELDS.includes(field)) messages.add("warning", "additional_field", "The ORUK 3.0 Page does not define this field.", label, field);
    const checked = checkPage("oruk-3.0-page", page, page.contents.length);
    for (const finding of checked.findings) messages.add("warning", finding.code, finding.message, label, finding.path.join("."));
    if (checked.page.number !== undefined && checked.page.number !== number) messages.add("warning", "page_number_mismatch", "The page says it is a different page from the one asked for.", label, "page_number");
    for (const item of page.contents) checkItem(kind, item, "contents[*]", idOf(item) ?? label, messages, severity);
    for (const item of page.contents) items.push(item);
    return { ...(checked.page.totalPages === undefined ? {} : { total: checked.page.totalPages }), ...(checked.page.last === undefined ? {} : { last: checked.page.last }) };
  };
  const read: number[] = [1];
  const first = await readPage(1);
  let complete = first !== undefined && (first.last === true || first.total === 1);
  if (first !== undefined && items.length === 0) messages.add("warning", "empty_feed", `GET ${endpoint} returned no records; check that the feed should be empty.`, "page 1");
  else if (first?.total !== undefined && first.total > 1) {
    const pages = pagesToRead(first.total, options.maxPages).slice(1);
    for (const number of pages) {
      read.push(number);
      const page = await readPage(number);
      if (number === first.total && page !== undefined && page.last === false) messages.add("warning", "last_page_not_last", "The last page by total_pages does not say it is the last page.", `page ${number}`, "last_page");
    }
    complete = false;
  }
  const result = resultOf(endpoint, required, messages, source.requests() - before);
  return { result: { ...result, pages: { read, ...(first?.total === undefined ? {} : { total: first.total }) } }, items, complete };
}

async function checkDetails(source: FeedSource, endpoint: string, kind: OrukObjectKind, ids: readonly string[], required: boolean, options: CheckOptions): Promise<{ result: EndpointResult; records: unknown[] }> {
  const messages = new Messages();
  const severity = required ? "error" : "warning";
  const before = source.requests();
  const records: unknown[] = [];
  if (ids.length === 0) messages.add("warning", "nothing_to_open", `No ids were listed, so no ${endpoint} page was opened.`);
  const fetched = await inPool(ids, options.concurrency, async (id) => ({ id, fetched: await source.get(endpoint.replace("{id}", encodeURIComponent(id))) }));
  for (const { id, fetched: result } of fetched) {
    if (!result.ok) {
      messages.add(severity, "unavailable", `GET ${endpoint}: ${result.error}.`, id);
      continue;
    }
    checkItem(kind, result.body, "", id, messages, severity);
    if (idOf(result.body) !== id) messages.add(severity, "detail_id_mismatch", "The record returned is not the one asked for: its id differs.", id, "id");
    records.push(result.body);
  }
  return { result: resultOf(endpoint, required, messages, source.requests() - before), records };
}

async function checkRoot(source: FeedSource): Promise<{ result: EndpointResult; version?: string; profile?: string }> {
  const messages = new Messages();
  const before = source.requests();
  const fetched = await source.get("/");
  let version: string | undefined;
  let profile: string | undefined;
  if (!fetched.ok) messages.add("warning", "unavailable", `GET /: ${fetched.error}. The version cannot be read, so ORUK 3.0 is assumed.`);
  else if (typeof fetched.body !== "object" || fetched.body === null || Array.isArray(fetched.body)) messages.add("warning", "not_an_object", "The root endpoint should give an object with version, profile and openapi_url.");
  else {
    const root = fetched.body as Record<string, unknown>;
    if (typeof root.version === "string") version = root.version;
    else messages.add("warning", "no_version", "The root endpoint does not give the version of the standard.", undefined, "version");
    if (typeof root.profile === "string") profile = root.profile;
    else messages.add("warning", "no_profile", "The root endpoint does not give the profile.", undefined, "profile");
    if (version !== undefined && !/3\.0/.test(version)) messages.add("warning", "other_version", "The version is not ORUK 3.0; the feed was checked against ORUK 3.0 all the same.", undefined, "version");
  }
  return { result: resultOf("/", false, messages, source.requests() - before), ...(version === undefined ? {} : { version }), ...(profile === undefined ? {} : { profile }) };
}

/** The optional ORUK endpoints: a list and its detail, each with the rules of what it serves. */
const OPTIONAL_ENDPOINTS: ReadonlyArray<{ list: string; detail: string; listKind: OrukObjectKind; detailKind: OrukObjectKind }> = [
  { list: "/service_at_locations", detail: "/service_at_locations/{id}", listKind: "service-at-location-list-item", detailKind: "service-at-location-list-item" },
  { list: "/organizations", detail: "/organizations/{id}", listKind: "organization-list-item", detailKind: "organization" },
  { list: "/taxonomies", detail: "/taxonomies/{id}", listKind: "taxonomy", detailKind: "taxonomy" },
  { list: "/taxonomy_terms", detail: "/taxonomy_terms/{id}", listKind: "taxonomy-term", detailKind: "taxonomy-term" },
];

/**
 * Check a feed as the ORUK validator does, and beyond: the root endpoint's version and profile;
 * `/services` (first, middle and last page against the Page envelope and the service schema) and
 * `/services/{id}` for every listed id or a sample, both required; the optional endpoints, which
 * only warn; then the data quality of the services read.
 *
 * @example
 * ```ts
 * const report = await checkFeed(folderSource("V3.0-UK-Default", cwd), { maxPages: 3, concurrency: 4, asOf: "2026-03-01", staleAfterDays: 365 });
 * report.result; // "pass" or "warn"
 * ```
 */
export async function checkFeed(source: FeedSource, options: CheckOptions): Promise<FeedCheckReport> {
  const endpoints: EndpointResult[] = [];
  let version: string | undefined;
  let profile: string | undefined;
  if (source.kind === "api") {
    const root = await checkRoot(source);
    endpoints.push(root.result);
    version = root.version;
    profile = root.profile;
  }
  const services = await checkList(source, "/services", "service-list-item", true, options);
  endpoints.push(services.result);
  let detailed: unknown[] = [];
  let terms: Set<string> | undefined;
  if (source.kind === "api") {
    const ids = services.items.map(idOf).filter((id): id is string => id !== undefined);
    const details = await checkDetails(source, "/services/{id}", "service", spread([...new Set(ids)], options.sample), true, options);
    endpoints.push(details.result);
    detailed = details.records;
    for (const optional of OPTIONAL_ENDPOINTS) {
      const listed = await checkList(source, optional.list, optional.listKind, false, options);
      const first = listed.items.map(idOf).find((id) => id !== undefined);
      const detail = first === undefined ? undefined : await checkDetails(source, optional.detail, optional.detailKind, [first], false, options);
      const messages = [...listed.result.messages, ...(detail?.result.messages ?? [])];
      endpoints.push({ ...listed.result, status: messages.length > 0 ? "warn" : "pass", requests: listed.result.requests + (detail?.result.requests ?? 0), messages });
      // The feed's own terms say which terms exist, when the list was read whole.
      if (optional.list === "/taxonomy_terms" && listed.complete && listed.result.messages.every((message) => message.code !== "unavailable")) terms = new Set(listed.items.map(idOf).filter((id): id is string => id !== undefined));
    }
  }
  const quality = createFeedQuality({ asOf: options.asOf, staleAfterDays: options.staleAfterDays, ...(terms === undefined ? {} : { taxonomyTerms: terms }) });
  for (const record of detailed.length > 0 ? detailed : services.items) quality.add(record);
  const failed = endpoints.some((endpoint) => endpoint.required && endpoint.status === "fail");
  const warned = endpoints.some((endpoint) => endpoint.status !== "pass");
  return {
    source: source.name,
    checkedOn: options.asOf,
    ...(version === undefined ? {} : { version }),
    ...(profile === undefined ? {} : { profile }),
    endpoints,
    services: { listed: services.items.length, detailed: detailed.length },
    quality: quality.report(),
    result: failed ? "fail" : warned ? "warn" : "pass",
  };
}
