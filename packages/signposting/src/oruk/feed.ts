import type { PathSegment } from "@selfmanage/core";
import { isObject } from "../mapping";

/**
 * The shape a feed arrived in: an ORUK 3.0 Page (`contents`), an ORUK v1 page (`content`,
 * `totalElements`), an ALISS page (`count`, `next`, `previous`, `data`), a bare list of records,
 * or one record.
 *
 * @example
 * ```ts
 * const format: FeedFormat = "oruk-3.0-page";
 * ```
 */
export type FeedFormat = "oruk-3.0-page" | "oruk-v1-page" | "aliss-page" | "list" | "record";

/**
 * The paging of one page, read from its envelope (absent fields stay absent).
 *
 * @example
 * ```ts
 * const page: PageInfo = { number: 1, totalPages: 3, totalItems: 250, size: 100, first: true, last: false, empty: false };
 * ```
 */
export interface PageInfo {
  number?: number;
  totalPages?: number;
  totalItems?: number;
  size?: number;
  first?: boolean;
  last?: boolean;
  empty?: boolean;
}

/**
 * What the importer learnt about a feed as a whole.
 *
 * @example
 * ```ts
 * const feed: FeedSummary = { format: "list", records: 819 };
 * ```
 */
export interface FeedSummary {
  format: FeedFormat;
  /** Records in the feed (or page), whatever became of them. */
  records: number;
  page?: PageInfo;
}

/**
 * A fault in a page envelope: its field, a code and plain words.
 *
 * @example
 * ```ts
 * const finding: PageFinding = { path: ["last_page"], code: "last_page_mismatch", message: "The page says it is the last page, but the feed says it has more pages." };
 * ```
 */
export interface PageFinding {
  path: PathSegment[];
  code: string;
  message: string;
}

/** Where each envelope keeps its paging, field by field. */
const ENVELOPES = {
  "oruk-3.0-page": { list: "contents", number: "page_number", totalPages: "total_pages", totalItems: "total_items", size: "size", first: "first_page", last: "last_page", empty: "empty", firstNumber: 1 },
  "oruk-v1-page": { list: "content", number: "number", totalPages: "totalPages", totalItems: "totalElements", size: "numberOfElements", first: "first", last: "last", empty: "empty", firstNumber: 0 },
} as const;

/**
 * The envelope of a parsed feed, from its top-level fields.
 *
 * @example
 * ```ts
 * feedFormat({ contents: [] }); // "oruk-3.0-page"
 * feedFormat([{ id: "x" }]); // "list"
 * ```
 */
export function feedFormat(feed: unknown): FeedFormat | undefined {
  if (Array.isArray(feed)) return "list";
  if (!isObject(feed)) return undefined;
  if (Array.isArray(feed.contents)) return "oruk-3.0-page";
  if (Array.isArray(feed.content)) return "oruk-v1-page";
  return "record";
}

/**
 * The name of the list of records in an envelope, or undefined for a bare list or one record.
 *
 * @example
 * ```ts
 * recordListField("oruk-v1-page"); // "content"
 * ```
 */
export function recordListField(format: FeedFormat): "contents" | "content" | undefined {
  return format === "oruk-3.0-page" || format === "oruk-v1-page" ? ENVELOPES[format].list : undefined;
}

/**
 * Read and check a page envelope against the records it holds: the page's own counts, its
 * position (first, last, page number within the total), and the totals. Findings are plain
 * data; nothing is refused for them.
 *
 * @example
 * ```ts
 * const { findings } = checkPage("oruk-3.0-page", { total_items: 1, total_pages: 1, page_number: 1, size: 1, first_page: true, last_page: true, empty: false }, 4);
 * findings.map((finding) => finding.code); // ["page_size_mismatch", "total_items_mismatch"]
 * ```
 */
export function checkPage(format: "oruk-3.0-page" | "oruk-v1-page", envelope: Record<string, unknown>, count: number): { page: PageInfo; findings: PageFinding[] } {
  const fields = ENVELOPES[format];
  const findings: PageFinding[] = [];
  const page: PageInfo = {};
  const integer = (key: keyof PageInfo, field: string): void => {
    const value = envelope[field];
    if (value === undefined || value === null) return;
    if (typeof value === "number" && Number.isInteger(value) && value >= 0) (page as Record<string, unknown>)[key] = value;
    else findings.push({ path: [field], code: "page_field_invalid", message: "This paging field should be a whole number of zero or more." });
  };
  const flag = (key: keyof PageInfo, field: string): void => {
    const value = envelope[field];
    if (value === undefined || value === null) return;
    if (typeof value === "boolean") (page as Record<string, unknown>)[key] = value;
    else findings.push({ path: [field], code: "page_field_invalid", message: "This paging field should be true or false." });
  };
  integer("number", fields.number);
  integer("totalPages", fields.totalPages);
  integer("totalItems", fields.totalItems);
  integer("size", fields.size);
  flag("first", fields.first);
  flag("last", fields.last);
  flag("empty", fields.empty);
  // Page numbers are counted from 1 in ORUK 3.0 and from 0 in v1 (Spring's pages); the summary counts from 1.
  const number = page.number === undefined ? undefined : page.number - fields.firstNumber + 1;
  if (number !== undefined) page.number = number;
  if (page.size !== undefined && page.size !== count) findings.push({ path: [fields.size], code: "page_size_mismatch", message: `The page says it holds ${page.size} record${page.size === 1 ? "" : "s"} but holds ${count}.` });
  if (page.empty !== undefined && page.empty !== (count === 0)) findings.push({ path: [fields.empty], code: "page_empty_mismatch", message: page.empty ? "The page says it is empty but holds records." : "The page says it is not empty but holds no records." });
  if (page.totalItems !== undefined) {
    const single = page.totalPages === 1 || (page.first === true && page.last === true);
    if (page.totalItems < count || (single && page.totalItems !== count)) {
      findings.push({ path: [fields.totalItems], code: "total_items_mismatch", message: `The feed says it has ${page.totalItems} record${page.totalItems === 1 ? "" : "s"} in all, which does not agree with the ${count} on ${single ? "its only page" : "this page"}.` });
    }
  }
  if (number !== undefined && page.first !== undefined && page.first !== (number === 1)) {
    findings.push({ path: [fields.first], code: "first_page_mismatch", message: page.first ? "The page says it is the first page, but its page number says otherwise." : "The page says it is not the first page, but its page number says it is." });
  }
  if (page.totalPages !== undefined) {
    if (number !== undefined && page.totalPages > 0 && number > page.totalPages) findings.push({ path: [fields.number], code: "page_number_out_of_range", message: `The page number is beyond the ${page.totalPages} page${page.totalPages === 1 ? "" : "s"} the feed says it has.` });
    if (number !== undefined && page.last !== undefined && page.totalPages > 0 && page.last !== (number === page.totalPages)) {
      findings.push({ path: [fields.last], code: "last_page_mismatch", message: page.last ? "The page says it is the last page, but the feed says it has more pages." : "The page says it is not the last page, but its page number is the last one." });
    }
    if (page.totalItems !== undefined && page.last === false && count > 0) {
      const expected = Math.ceil(page.totalItems / count);
      if (expected !== page.totalPages) findings.push({ path: [fields.totalPages], code: "total_pages_mismatch", message: `With ${page.totalItems} records at ${count} a page the feed would have ${expected} page${expected === 1 ? "" : "s"}, not ${page.totalPages}.` });
    }
  }
  return { page, findings };
}
