import * as z from "zod";
import { formatPath, ValidationIssue } from "@selfmanage/core";
import type { RecordSource } from "./records";
import { describeSource } from "./records";

/**
 * One line of `--format json` output: a validation issue with the place it was found.
 *
 * @example
 * ```ts
 * const line: ReportedIssue = {
 *   file: "services.ndjson",
 *   line: 12,
 *   path: ["eligibility", "minimumAge"],
 *   code: "too_small",
 *   message: "Must be at least 0.",
 * };
 * ```
 */
export const ReportedIssue = z
  .strictObject({
    file: z.string().min(1).meta({ description: "The file as named on the command line; standard input is `<stdin>`." }),
    line: z.number().int().positive().optional().meta({ description: "1-based line, for NDJSON records and JSON syntax errors." }),
    record: z.number().int().positive().optional().meta({ description: "1-based position of the record in a top-level JSON array: the first record is 1." }),
    path: ValidationIssue.shape.path,
    code: ValidationIssue.shape.code,
    message: ValidationIssue.shape.message,
  })
  .meta({
    id: "ReportedIssue",
    title: "Reported issue",
    description: "A validation issue printed by the selfmanage command, located by file, line or record, and path. It never contains the rejected value.",
  });

/**
 * One line of `--format json` output (see {@link ReportedIssue}).
 *
 * @example
 * ```ts
 * const line: ReportedIssue = { file: "goal.json", path: ["steps", 0, "owner"], code: "required", message: "This field is required." };
 * ```
 */
export type ReportedIssue = z.infer<typeof ReportedIssue>;

/**
 * Attach a record's origin to its issues.
 *
 * @example
 * ```ts
 * locateIssues({ file: "goals.json", record: 2 }, [issue(["ownWords"], "required", "This field is required.")]);
 * // [{ file: "goals.json", record: 2, path: ["ownWords"], code: "required", message: "This field is required." }]
 * ```
 */
export function locateIssues(source: RecordSource, issues: readonly ValidationIssue[]): ReportedIssue[] {
  return issues.map((found) => ({
    file: source.file,
    ...(source.line === undefined ? {} : { line: source.line }),
    ...(source.record === undefined ? {} : { record: source.record }),
    path: [...found.path],
    code: found.code,
    message: found.message,
  }));
}

/**
 * `services.ndjson:12: eligibility.minimumAge: Must be at least 0. (too_small)`
 *
 * @example
 * ```ts
 * formatReportedIssue({ file: "services.ndjson", line: 12, path: ["eligibility", "minimumAge"], code: "too_small", message: "Must be at least 0." });
 * // "services.ndjson:12: eligibility.minimumAge: Must be at least 0. (too_small)"
 * ```
 */
export function formatReportedIssue(found: ReportedIssue, paint: (style: "cyan" | "yellow" | "dim", text: string) => string = (_s, t) => t): string {
  const where = describeSource({ file: found.file, ...(found.line === undefined ? {} : { line: found.line }), ...(found.record === undefined ? {} : { record: found.record }) });
  return `${paint("cyan", where)}: ${formatPath(found.path)}: ${found.message} ${paint("yellow", `(${found.code})`)}`;
}
