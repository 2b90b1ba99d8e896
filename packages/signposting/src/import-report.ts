import type { PathSegment, ValidationIssue } from "@selfmanage/core";
import type { Directory } from "./directory";

/**
 * A record that could not be imported: its position in the feed (or id), where it sits in the
 * feed, and the issues found, with paths inside the record as the source wrote it.
 *
 * @example
 * ```ts
 * const problem: ImportProblem = {
 *   record: 0,
 *   path: [],
 *   issues: [{ path: ["service_at_locations", 0, "location", "latitude"], code: "too_big", message: "Must be at most 90." }],
 * };
 * ```
 */
export interface ImportProblem {
  record: number | string;
  path: PathSegment[];
  issues: ValidationIssue[];
}

/**
 * Something imported records carried that the model does not keep, or a repeated record,
 * reported so that nothing is dropped silently.
 *
 * @example
 * ```ts
 * const notice: ImportNotice = { record: 0, path: ["funding", 0, "id"], code: "not_kept", message: "The model does not keep this field." };
 * ```
 */
export interface ImportNotice {
  record: number | string;
  path: PathSegment[];
  code: string;
  message: string;
}

/**
 * The outcome of an import: the directory of good records, how many services were imported,
 * a problem for every record that was not imported, and notices for what was not kept.
 *
 * @example
 * ```ts
 * const report: ImportReport = { directory: { organisations: [], locations: [], services: [] }, imported: 0, problems: [], notices: [] };
 * ```
 */
export interface ImportReport {
  directory: Directory;
  imported: number;
  problems: ImportProblem[];
  notices: ImportNotice[];
}
