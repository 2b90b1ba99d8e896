import type { PathSegment, ValidationIssue } from "@selfmanage/core";
import type { Directory } from "./directory";
import type { ImportNotice } from "./notices";
import type { FeedSummary } from "./oruk/feed";

export type { ImportNotice } from "./notices";

/**
 * A record that could not be imported: its position in the feed, where it sits in the feed, and
 * the issues found, with paths inside the record as the source wrote it.
 *
 * @example
 * ```ts
 * const problem: ImportProblem = {
 *   record: 0,
 *   path: ["contents", 0],
 *   issues: [{ path: ["name"], code: "required", message: "This field is required." }],
 * };
 * ```
 */
export interface ImportProblem {
  record: number | string;
  path: PathSegment[];
  /** The line the record starts on, when the feed was read as text (a streamed import). */
  line?: number;
  issues: ValidationIssue[];
}

/**
 * The outcome of an import: the directory of good records, how many services were imported, a
 * problem for every record that was not imported, notices (aggregated by place and kind) for
 * everything the import did to the records it took, and what it learnt about the feed itself.
 *
 * @example
 * ```ts
 * const report: ImportReport = {
 *   directory: { organisations: [], locations: [], services: [] },
 *   imported: 0,
 *   problems: [],
 *   notices: [],
 *   feed: { format: "list", records: 0 },
 * };
 * ```
 */
export interface ImportReport {
  directory: Directory;
  imported: number;
  problems: ImportProblem[];
  notices: ImportNotice[];
  feed: FeedSummary;
}
