import { firstInvalidUtf8, issue, jsonNoticeIssue } from "@selfmanage/core";
import type { Location, Organisation, Service } from "../directory";
import type { ImportNotice, ImportProblem } from "../import-report";
import { createJsonRecordScanner, type ScannedRecord } from "../json-stream";
import { createNoticeCollector } from "../notices";
import type { FeedFormat, FeedSummary } from "./feed";
import { summariseFeed, type OrukImportOptions } from "./import";
import { importOrukRecord, newRecordState } from "./record";

/**
 * What a stretch of a streamed feed gave: the new services, organisations and locations (each
 * organisation and location once, the first time it is met) and problems for records not imported.
 *
 * @example
 * ```ts
 * const batch: OrukImportBatch = { services: [], organisations: [], locations: [], problems: [] };
 * ```
 */
export interface OrukImportBatch {
  services: Service[];
  organisations: Organisation[];
  locations: Location[];
  problems: ImportProblem[];
}

/**
 * The end of a streamed import: the records that came with the last text, and the totals, the
 * notices and what the feed's envelope said.
 *
 * @example
 * ```ts
 * const summary: OrukImportSummary = { last: { services: [], organisations: [], locations: [], problems: [] }, imported: 0, problems: 0, notices: [], feed: { format: "list", records: 0 } };
 * ```
 */
export interface OrukImportSummary {
  last: OrukImportBatch;
  imported: number;
  problems: number;
  notices: ImportNotice[];
  feed: FeedSummary;
}

/**
 * An import that reads a feed as it arrives (see {@link createOrukImportStream}).
 *
 * @example
 * ```ts
 * const stream: OrukImportStream = createOrukImportStream();
 * ```
 */
export interface OrukImportStream {
  /** Read the next piece of the feed (text, or UTF-8 bytes); returns what the records completed in it gave. */
  push(chunk: string | Uint8Array): OrukImportBatch;
  /** The feed has ended. */
  end(): OrukImportSummary;
}

const emptyBatch = (): OrukImportBatch => ({ services: [], organisations: [], locations: [], problems: [] });

/**
 * Import Open Referral UK as it arrives, in memory bounded by the largest record: the same
 * import as {@link importOpenReferralUk} (ORUK 3.0 Page, ORUK v1 page, a list, or one record),
 * but records are read one at a time from text or bytes and handed back in batches for the caller
 * to store or write out. The importer remembers only a fingerprint per id (to find repeats) and
 * the notices, which are counted by place and kind. Works in browsers and Node alike.
 *
 * @example
 * ```ts
 * const stream = createOrukImportStream();
 * const first = stream.push('{"contents": [{"id": "ac148810-d857-441c-9679-408f346de14b", "name": "Community Counselling", "status": "active"}');
 * first.services.length; // 1
 * stream.push('], "total_items": 1, "total_pages": 1, "page_number": 1, "first_page": true, "last_page": true}');
 * stream.end().feed.format; // "oruk-3.0-page"
 * ```
 */
export function createOrukImportStream(options: OrukImportOptions = {}): OrukImportStream {
  const state = newRecordState(createNoticeCollector(), options.keepSource ?? true);
  // Each record is imported as soon as it is read, into the batch of the text being pushed, so
  // that parsed records die young instead of waiting for the rest of their chunk.
  let current = emptyBatch();
  const scanner = createJsonRecordScanner({ recordsFields: ["contents", "content"], onRecord: (record) => takeOne(record, current) });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let imported = 0;
  let problems = 0;
  let records = 0;
  let broken: ImportProblem | undefined;
  let first = true;
  // Where the bytes read so far end, so a byte that is not UTF-8 can be named by offset and line.
  let bytesRead = 0;
  let linesRead = 1;
  let pending: Uint8Array = new Uint8Array(0);

  const utf8Problem = (bytes: Uint8Array): ImportProblem => {
    const joined = new Uint8Array(pending.length + bytes.length);
    joined.set(pending);
    joined.set(bytes, pending.length);
    const found = firstInvalidUtf8(joined);
    const at = found === -1 ? 0 : found;
    let line = linesRead;
    for (let cursor = joined.indexOf(10); cursor !== -1 && cursor < at; cursor = joined.indexOf(10, cursor + 1)) line += 1;
    const offset = bytesRead - pending.length + at;
    return { record: records, path: [], line, issues: [issue([], "invalid_utf8", `The feed is not valid UTF-8 text: the byte at offset ${offset} (line ${line}) is not part of a UTF-8 character.`)] };
  };
  const accept = (bytes: Uint8Array): void => {
    for (let cursor = bytes.indexOf(10); cursor !== -1; cursor = bytes.indexOf(10, cursor + 1)) linesRead += 1;
    bytesRead += bytes.length;
    pending = incompleteTail(pending, bytes);
  };

  function takeOne(record: ScannedRecord, batch: OrukImportBatch, single = false): void {
    const field = scanner.recordsField();
    records += 1;
    const recordPath = single ? [] : field === undefined ? [record.index] : [field, record.index];
    if (!record.ok) {
      batch.problems.push({ record: record.index, path: recordPath, line: record.line, issues: [issue([], "invalid_json", record.message)] });
      return;
    }
    if (record.notices !== undefined) {
      // JSON.parse would have lost or changed a value: the record is reported, not imported.
      const [first] = record.notices;
      batch.problems.push({ record: record.index, path: recordPath, line: first?.line ?? record.line, issues: record.notices.map((notice) => jsonNoticeIssue(notice)) });
      return;
    }
    // The scanner has looked at every key of a record in a list: one with a __proto__ key came with notices.
    const outcome = importOrukRecord(state, record.value, record.index, recordPath, field === "content" ? "v1" : undefined, !single);
    for (const item of outcome.services) batch.services.push(item);
    for (const item of outcome.organisations) batch.organisations.push(item);
    for (const item of outcome.locations) batch.locations.push(item);
    for (const problem of outcome.problems) batch.problems.push({ ...problem, line: record.line });
  }
  /** Read text into a fresh batch: the records it completes are imported into it as they are read. */
  const read = (text: string): OrukImportBatch => {
    current = emptyBatch();
    scanner.push(text);
    return current;
  };
  const count = (batch: OrukImportBatch): OrukImportBatch => {
    imported += batch.services.length;
    problems += batch.problems.length;
    return batch;
  };

  return {
    push(chunk) {
      const batch = emptyBatch();
      if (broken !== undefined) return batch;
      let text: string;
      if (typeof chunk === "string") text = chunk;
      else {
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          broken = utf8Problem(chunk);
          return batch;
        }
        accept(chunk);
      }
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      return count(read(text));
    },
    end() {
      let batch = emptyBatch();
      if (broken === undefined) {
        try {
          const rest = decoder.decode();
          if (rest !== "") batch = read(rest);
        } catch {
          broken = utf8Problem(new Uint8Array(0));
        }
      }
      current = batch;
      const end = scanner.end();
      let format: FeedFormat = end.shape === "list" ? "list" : end.recordsField === "contents" ? "oruk-3.0-page" : end.recordsField === "content" ? "oruk-v1-page" : "record";
      if (broken === undefined && end.notices.length > 0) {
        const [first] = end.notices;
        batch.problems.push({ record: records, path: [], line: first?.line ?? 1, issues: end.notices.map((notice) => jsonNoticeIssue(notice)) });
      }
      if (broken !== undefined) batch.problems.push(broken);
      else if (end.error !== undefined) batch.problems.push({ record: records, path: [], line: end.error.line, issues: [issue([], end.error.code, end.error.message)] });
      else if (format === "record") {
        if (end.shape === "object") takeOne({ index: 0, line: 1, ok: true, value: end.envelope }, batch, true);
        else batch.problems.push({ record: 0, path: [], issues: [issue([], "not_a_feed", "Expected a service, a list of records, or a page of records (contents).")] });
      }
      if (end.shape === "value") format = "record";
      count(batch);
      const feed = summariseFeed(format, format === "oruk-3.0-page" || format === "oruk-v1-page" ? end.envelope : undefined, format === "record" ? Math.min(records, 1) : records, state.notices);
      return { last: batch, imported, problems, notices: state.notices.list(), feed };
    },
  };
}

/** The bytes at the end of what was read that start a character not yet complete. */
function incompleteTail(previous: Uint8Array, bytes: Uint8Array): Uint8Array {
  let last: Uint8Array;
  if (bytes.length >= 3) last = bytes.subarray(bytes.length - 3);
  else {
    const joined = new Uint8Array(previous.length + bytes.length);
    joined.set(previous);
    joined.set(bytes, previous.length);
    last = joined.subarray(Math.max(0, joined.length - 3));
  }
  for (let back = 1; back <= last.length; back += 1) {
    const byte = last[last.length - back] as number;
    if ((byte & 0xc0) !== 0x80) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return needed > back ? last.slice(last.length - back) : new Uint8Array(0);
    }
  }
  return new Uint8Array(0);
}

/** How much of a chunk (characters or bytes) is read for one batch. */
const BATCH_TEXT = 1 << 16;

/**
 * Import a feed from an iterable of text or byte chunks (a file stream, a `fetch` body reader),
 * handing each batch of records to `onBatch` as it is read (a batch holds the records of at most
 * 64 KB of the feed, whatever the size of the chunks), so the whole directory never has to be
 * held. Resolves with the totals, notices and paging once the feed has ended.
 *
 * @example
 * ```ts
 * let services = 0;
 * const summary = await importOpenReferralUkStream(["[", '{"id": "ac148810-d857-441c-9679-408f346de14b", "name": "Example", "status": "active"}', "]"], {
 *   onBatch: (batch) => { services += batch.services.length; },
 * });
 * summary.imported; // 1
 * ```
 */
export async function importOpenReferralUkStream(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: OrukImportOptions & { onBatch?: (batch: OrukImportBatch) => void | Promise<void> } = {},
): Promise<OrukImportSummary> {
  const stream = createOrukImportStream(options);
  for await (const chunk of chunks) {
    // Large chunks are read a slice at a time, so each batch is small whatever the chunk size:
    // its records reach the caller (and can be let go) before the collector would move them to
    // long-lived memory.
    for (let from = 0; from < chunk.length; from += BATCH_TEXT) {
      const batch = stream.push(chunk.length <= BATCH_TEXT ? chunk : typeof chunk === "string" ? chunk.slice(from, from + BATCH_TEXT) : chunk.subarray(from, from + BATCH_TEXT));
      if (options.onBatch !== undefined && (batch.services.length > 0 || batch.organisations.length > 0 || batch.locations.length > 0 || batch.problems.length > 0)) await options.onBatch(batch);
    }
  }
  const summary = stream.end();
  if (options.onBatch !== undefined) await options.onBatch(summary.last);
  return summary;
}
