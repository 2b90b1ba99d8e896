import { issue, type PathSegment } from "@selfmanage/core";
import type { Location, Organisation, Service } from "../directory";
import type { ImportProblem, ImportReport } from "../import-report";
import { isObject } from "../mapping";
import { createNoticeCollector, type NoticeCollector } from "../notices";
import { checkPage, feedFormat, recordListField, type FeedFormat, type FeedSummary } from "./feed";
import { importOrukRecord, newRecordState, type RecordOutcome, type RecordState } from "./record";

/**
 * Options for importing Open Referral UK.
 *
 * @example
 * ```ts
 * const options: OrukImportOptions = { keepSource: false };
 * ```
 */
export interface OrukImportOptions {
  /**
   * Keep what the model does not hold (fields, nested ids, original spellings) in each record's
   * `extensions`, so that export gives the feed back value for value. Default true; false keeps
   * only the model and still lists what was left out in the notices.
   */
  keepSource?: boolean;
}

/** Notices about the envelope, by code. */
const FEED_MESSAGES = {
  incomplete: "This is one page of a feed with more pages: only the records on it were imported.",
  v1Envelope: "This page is in the ORUK v1 envelope (content, totalElements), which ORUK 3.0 replaced with contents, total_items and total_pages; it was read as a page.",
} as const;

/**
 * Read the envelope of a page and note what it says about the feed, so that a paging fault
 * or a partial feed is never passed over in silence.
 *
 * @example
 * ```ts
 * const notices = createNoticeCollector();
 * summariseFeed("oruk-3.0-page", { last_page: false, page_number: 1, total_pages: 3 }, 10, notices).page?.totalPages; // 3
 * ```
 */
export function summariseFeed(format: FeedFormat, envelope: Record<string, unknown> | undefined, count: number, notices: NoticeCollector): FeedSummary {
  if ((format !== "oruk-3.0-page" && format !== "oruk-v1-page") || envelope === undefined) return { format, records: count };
  const { page, findings } = checkPage(format, envelope, count);
  for (const finding of findings) notices.add(finding.code, finding.path, finding.message);
  if (format === "oruk-v1-page") notices.add("oruk_v1_envelope", ["content"], FEED_MESSAGES.v1Envelope);
  if (page.last === false || (page.totalPages !== undefined && page.totalPages > 1 && page.last !== true)) notices.add("incomplete_feed", [], FEED_MESSAGES.incomplete);
  return { format, records: count, page };
}

/**
 * Collects the outcome of each record into a directory and report.
 *
 * @example
 * ```ts
 * const assembly = createAssembly({});
 * assembly.take(importOrukRecord(assembly.state, record, 0, [0]));
 * ```
 */
export function createAssembly(options: OrukImportOptions): { state: RecordState; take(outcome: RecordOutcome): void; report(feed: FeedSummary): ImportReport; problems: ImportProblem[] } {
  const state = newRecordState(createNoticeCollector(), options.keepSource ?? true);
  const services: Service[] = [];
  const organisations: Organisation[] = [];
  const locations: Location[] = [];
  const problems: ImportProblem[] = [];
  return {
    state,
    problems,
    take(outcome) {
      for (const item of outcome.services) services.push(item);
      for (const item of outcome.organisations) organisations.push(item);
      for (const item of outcome.locations) locations.push(item);
      for (const item of outcome.problems) problems.push(item);
    },
    report: (feed) => ({ directory: { organisations, locations, services }, imported: services.length, problems, notices: state.notices.list(), feed }),
  };
}

/**
 * Import Open Referral UK JSON: ORUK 3.0 (and HSDS 3.0/3.1) services, service-at-location and
 * organisation records (with nested services), as one record, a list, an ORUK 3.0 Page
 * (`contents`) or an ORUK v1 page (`content`, `totalElements`); ORUK v1 records are converted.
 *
 * Nothing is refused that the standard allows: a value the model cannot hold (a latitude off the
 * globe, a postcode that is not one, a monthly schedule) is left out of the model and kept, with
 * every field the model does not hold, nested ids and original spellings, in the record's
 * `extensions`, so that {@link exportOpenReferralUk} gives the feed back value for value. A
 * record that breaks the standard itself (no name, a wrong type, a malformed email) is reported
 * with paths as the feed wrote them. Notices say what was done, aggregated by place and kind.
 * The page envelope is checked (counts, first and last page, page numbers). Nothing throws.
 *
 * @example
 * ```ts
 * const report = importOpenReferralUk({
 *   total_items: 2, total_pages: 1, page_number: 1, size: 2, first_page: true, last_page: true, empty: false,
 *   contents: [
 *     { id: "ac148810-d857-441c-9679-408f346de14b", name: "Community Counselling", status: "active", alternate_name: "Counselling" },
 *     { id: "b644a0d2-9e8a-4c33-9390-ae9ee93fc056", name: "Broken", status: "open" },
 *   ],
 * });
 * report.imported; // 1
 * report.problems[0]?.issues[0]?.path; // ["status"]
 * report.notices[0]?.path; // ["alternate_name"]: kept in the service's extensions
 * ```
 */
export function importOpenReferralUk(feed: unknown, options: OrukImportOptions = {}): ImportReport {
  const assembly = createAssembly(options);
  const format = feedFormat(feed);
  if (format === undefined) {
    assembly.problems.push({ record: 0, path: [], issues: [issue([], "not_a_feed", "Expected a service, a list of records, or a page of records (contents).")] });
    return assembly.report({ format: "record", records: 0 });
  }
  const field = recordListField(format);
  const records: unknown[] = format === "list" ? (feed as unknown[]) : field === undefined ? [feed] : ((feed as Record<string, unknown>)[field] as unknown[]);
  const prefix: PathSegment[] = format === "list" ? [] : field === undefined ? [] : [field];
  records.forEach((record, position) => {
    assembly.take(importOrukRecord(assembly.state, record, position, format === "record" ? [] : [...prefix, position], format === "oruk-v1-page" ? "v1" : undefined));
  });
  return assembly.report(summariseFeed(format, isObject(feed) ? feed : undefined, records.length, assembly.state.notices));
}
