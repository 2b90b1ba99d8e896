import * as z from "zod";

/**
 * One step of a path into a record: an object key or an array index.
 *
 * @example
 * ```ts
 * const path: PathSegment[] = ["steps", 2, "owner"];
 * ```
 */
export type PathSegment = string | number;

/**
 * A problem found in a record: where it is, a stable machine code and a plain-English message.
 *
 * @remarks
 * Messages never contain the rejected value, because it may be personal data.
 * The `path` says where to look instead.
 *
 * @example
 * ```ts
 * const problem: ValidationIssue = {
 *   path: ["steps", 0, "owner"],
 *   code: "required",
 *   message: "This field is required.",
 * };
 * ```
 */
export const ValidationIssue = z
  .strictObject({
    path: z.array(z.union([z.string(), z.number().int().nonnegative()])).meta({
      description: "Where the problem is: object keys and array indexes from the root of the record.",
    }),
    code: z.string().min(1).meta({ description: "Stable machine-readable code, e.g. `required` or `unknown_field`." }),
    message: z.string().min(1).meta({ description: "Plain-English explanation that never repeats the rejected value." }),
  })
  .meta({ id: "ValidationIssue", title: "Validation issue", description: "A problem found in a record." });

/**
 * A problem found in a record (see {@link ValidationIssue}).
 *
 * @example
 * ```ts
 * const problem: ValidationIssue = { path: [], code: "empty", message: "The file has no records." };
 * ```
 */
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/**
 * The outcome of an operation that can fail for expected reasons: either a value
 * or a non-empty list of issues, like zod's `safeParse`.
 *
 * @typeParam T - the type of the value on success.
 * @example
 * ```ts
 * function half(n: number): Result<number> {
 *   return n % 2 === 0 ? ok(n / 2) : fail([issue([], "odd", "The number must be even.")]);
 * }
 * const outcome = half(4);
 * if (outcome.ok) console.log(outcome.value); // 2
 * ```
 */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: ValidationIssue[] };

/**
 * Wrap a value as a successful {@link Result}.
 *
 * @example
 * ```ts
 * ok(42); // { ok: true, value: 42 }
 * ```
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Wrap one or more issues as a failed {@link Result}.
 *
 * @example
 * ```ts
 * fail([issue(["name"], "required", "This field is required.")]);
 * ```
 */
export function fail<T = never>(issues: ValidationIssue[]): Result<T> {
  return { ok: false, issues };
}

/**
 * Build a {@link ValidationIssue}.
 *
 * @example
 * ```ts
 * issue(["reviews", 1, "date"], "before_goal", "A review cannot be dated before the goal was created.");
 * ```
 */
export function issue(path: readonly PathSegment[], code: string, message: string): ValidationIssue {
  return { path: [...path], code, message };
}

/**
 * Put a path prefix in front of every issue, for issues found in a nested part of a record.
 *
 * @example
 * ```ts
 * prefixIssues([issue(["owner"], "required", "This field is required.")], ["steps", 3]);
 * // [{ path: ["steps", 3, "owner"], ... }]
 * ```
 */
export function prefixIssues(issues: readonly ValidationIssue[], prefix: readonly PathSegment[]): ValidationIssue[] {
  return issues.map((found) => ({ ...found, path: [...prefix, ...found.path] }));
}

/**
 * Write a path the way a developer would in code: `steps[2].owner`. The root is `(root)`.
 *
 * @example
 * ```ts
 * formatPath(["steps", 2, "owner"]); // "steps[2].owner"
 * ```
 */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return "(root)";
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/**
 * One line for a person reading a report: `steps[2].owner: This field is required. (required)`.
 *
 * @example
 * ```ts
 * formatIssue(issue(["owner"], "required", "This field is required."));
 * // "owner: This field is required. (required)"
 * ```
 */
export function formatIssue(found: ValidationIssue): string {
  return `${formatPath(found.path)}: ${found.message} (${found.code})`;
}
