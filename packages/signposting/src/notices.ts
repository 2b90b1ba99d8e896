import type { PathSegment } from "@selfmanage/core";

/** How many record ids a notice names as examples. */
export const NOTICE_EXAMPLES = 5;

/**
 * Something an import did to records that it did not refuse, counted once per place and kind:
 * a field the model does not hold (kept and written back), a value held in another form, a
 * suspicious but legal value, a repeated record, a paging fault. `path` is where in a record
 * (list positions written `*`), `count` how many times it happened, and `records` the first few
 * records it happened in, by id where the record has one, otherwise by position in the feed.
 *
 * @example
 * ```ts
 * const notice: ImportNotice = {
 *   code: "kept",
 *   path: ["schedules", "*", "schedule_link"],
 *   message: "The model does not hold this field; it travels unchanged in the record's extensions and is written back on export.",
 *   count: 412,
 *   records: ["ac148810-d857-441c-9679-408f346de14b"],
 * };
 * ```
 */
export interface ImportNotice {
  code: string;
  path: PathSegment[];
  message: string;
  count: number;
  records: Array<number | string>;
}

/**
 * The notices of one import, aggregated as they arrive: memory grows with the number of distinct
 * places and kinds, never with the number of records.
 *
 * @example
 * ```ts
 * const notices = createNoticeCollector();
 * notices.add("kept", ["schedules", 0, "schedule_link"], "Kept.", "svc-1");
 * notices.add("kept", ["schedules", 3, "schedule_link"], "Kept.", "svc-2");
 * notices.list()[0]?.count; // 2
 * ```
 */
export interface NoticeCollector {
  /** Count a notice; `record` is absent for notices about the feed itself (its paging). */
  add(code: string, path: readonly PathSegment[], message: string, record?: number | string): void;
  list(): ImportNotice[];
}

/**
 * The general form of a path: list positions become `*`.
 *
 * @example
 * ```ts
 * pathPattern(["schedules", 2, "opens_at"]); // ["schedules", "*", "opens_at"]
 * ```
 */
export function pathPattern(path: readonly PathSegment[]): PathSegment[] {
  return path.map((segment) => (typeof segment === "number" ? "*" : segment));
}

/**
 * A fresh notice collector (see {@link NoticeCollector}).
 *
 * @example
 * ```ts
 * createNoticeCollector().list(); // []
 * ```
 */
export function createNoticeCollector(): NoticeCollector {
  // A tree by code and then by path segment (positions as `*`): most notices repeat one seen
  // before, and finding it this way builds nothing.
  const root = new Map<string, NoticeNode>();
  const found: ImportNotice[] = [];
  return {
    add(code, path, message, record) {
      let node = root.get(code);
      if (node === undefined) root.set(code, (node = { next: undefined, notice: undefined }));
      for (const segment of path) {
        const step = typeof segment === "number" ? "*" : segment;
        node.next ??= new Map();
        let child: NoticeNode | undefined = node.next.get(step);
        if (child === undefined) node.next.set(step, (child = { next: undefined, notice: undefined }));
        node = child;
      }
      const known = node.notice;
      if (known === undefined) {
        node.notice = { code, path: pathPattern(path), message, count: 1, records: record === undefined ? [] : [record] };
        found.push(node.notice);
        return;
      }
      known.count += 1;
      if (record !== undefined && known.records.length < NOTICE_EXAMPLES && !known.records.includes(record)) known.records.push(record);
    },
    list: () => [...found],
  };
}

interface NoticeNode {
  next: Map<string, NoticeNode> | undefined;
  notice: ImportNotice | undefined;
}

/** The words of the notices every importer gives, by code; one place to read and change them. */
export const noticeMessages = {
  kept: "The model does not hold this field; it travels unchanged in the record's extensions and is written back on export.",
  normalised: "The model holds this value in its own form; the value as the source wrote it is kept in the record's extensions and written back on export.",
  keptAside: "The model cannot hold this value, so it was left out of the model; it is kept in the record's extensions and written back on export.",
  duplicateRecord: "The same record appears earlier in the feed; it was imported once.",
  conflictingRecord: "An earlier record in the feed has this id but different details; the earlier one was kept.",
  notKept: "The model does not keep this field, so it was not imported.",
  longText: "This text is unusually long (over 10,000 characters); it was imported as it is.",
  unusualPhone: "This does not look like a telephone number (digits, spaces, brackets, hyphens and an optional +); it was imported as written.",
} as const;
