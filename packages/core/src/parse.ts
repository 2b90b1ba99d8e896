import * as z from "zod";
// Runtime helpers come from zod's core entry: reading them through `z.core` would make bundlers
// keep all of zod's core, locales included.
import { $ZodAsyncError, util } from "zod/v4/core";
import { ACCEPTED, asIsCheck, REJECTED, UNSURE, type AsIsCheck } from "./as-is";
import { SelfManageError } from "./errors";
import { compiledParser, INVALID, walkIssues } from "./issue-walk";
import { findReservedKeys, hasReservedKeys, reservedKeySearch } from "./reserved-keys";
import { fail, formatIssue, ok, type PathSegment, type Result, type ValidationIssue } from "./result";

type ZodIssue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null",
  undefined: "nothing",
  date: "a date",
  record: "an object",
  tuple: "a list",
  map: "an object",
  set: "a list",
  literal: "a fixed value",
  enum: "one of the allowed values",
  nan: "not-a-number",
};

const FORMAT_MESSAGES: Record<string, string> = {
  datetime: "Must be a date and time in ISO 8601 form with a time-zone offset, for example 2026-03-01T09:30:00+00:00.",
  date: "Must be a calendar date in ISO 8601 form (YYYY-MM-DD), for example 2026-03-01.",
  time: "Must be a time of day in the form HH:MM or HH:MM:SS.",
  duration: "Must be an ISO 8601 duration, for example P6W.",
  email: "Must be an email address.",
  url: "Must be a web address (URL).",
  uri: "Must be a web address (URI).",
  uuid: "Must be a UUID.",
  regex: "Does not have the expected form.",
  starts_with: "Does not start the way this field requires.",
  ends_with: "Does not end the way this field requires.",
  includes: "Does not contain what this field requires.",
};

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return "text";
    case "number":
      return Number.isInteger(value) ? "a whole number" : "a number";
    case "boolean":
      return "true or false";
    case "object":
      return "an object";
    default:
      return "a value of another kind";
  }
}

/** "Expected …, but found …." for each pair met so far (a handful of types each side), so that no message is built per issue. */
const typeMessages = new Map<string, Map<string, string>>();
function typeMessage(expectedType: string, found: string): string {
  let byFound = typeMessages.get(expectedType);
  if (byFound === undefined) {
    byFound = new Map();
    typeMessages.set(expectedType, byFound);
  }
  let message = byFound.get(found);
  if (message === undefined) {
    const expected = Object.hasOwn(TYPE_NAMES, expectedType) ? TYPE_NAMES[expectedType] : `a value of type ${expectedType}`;
    message = `Expected ${expected}, but found ${found}.`;
    byFound.set(found, message);
  }
  return message;
}

/** The value at `path` in the input, or undefined where there is none (no object per call: this runs for every issue). */
function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

function sizeLimitMessage(origin: string, bound: number | bigint, inclusive: boolean, atLeast: boolean): string {
  const limit = String(bound);
  const relation = atLeast ? (inclusive ? "at least" : "more than") : inclusive ? "at most" : "less than";
  switch (origin) {
    case "string":
      if (atLeast && Number(bound) === 1 && inclusive) return "Must not be empty.";
      return `Must be ${relation} ${limit} characters long.`;
    case "array":
    case "set":
      if (atLeast && Number(bound) === 1 && inclusive) return "Must have at least one item.";
      return `Must have ${relation} ${limit} items.`;
    case "date":
      return `Must be ${atLeast ? "on or after" : "on or before"} the allowed date.`;
    default:
      return `Must be ${relation} ${limit}.`;
  }
}

function toPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === "number" ? segment : String(segment)));
}

/** An issue's path from the root: its own array when it already is one of text and numbers (the
 * raw issue is not used again), else a copy. Most rejected records are reported this way, so the
 * saving of one array per issue shows. */
function issuePath(base: readonly PathSegment[], path: readonly PropertyKey[] | undefined): PathSegment[] {
  if (path === undefined) return base.length === 0 ? [] : [...base];
  if (base.length === 0) {
    for (const segment of path) if (typeof segment !== "string" && typeof segment !== "number") return toPath(path);
    return path as PathSegment[];
  }
  return [...base, ...toPath(path)];
}

/** The message for a value outside a fixed list, worked out once per list (zod passes the enum's own array). */
const allowedValuesMessages = new WeakMap<readonly unknown[], string>();
function allowedValuesMessage(values: readonly unknown[]): string {
  let message = allowedValuesMessages.get(values);
  if (message === undefined) {
    const allowed = values.map((value) => JSON.stringify(value));
    if (allowed.length === 1) message = `Must be ${allowed[0]}.`;
    else if (allowed.length <= 12) message = `Must be one of: ${allowed.join(", ")}.`;
    else message = "Must be one of the allowed values for this field.";
    allowedValuesMessages.set(values, message);
  }
  return message;
}

const UNKNOWN_FIELD_MESSAGE = "This field is not part of the record. Check its spelling, or remove it.";

/** A zod issue, finalised (with a message and a path) or raw from a schema run (path absent at the root, message only for custom issues once finalised). */
type AnyIssue = ZodIssue | z.core.$ZodRawIssue;

function convertIssue(issue: AnyIssue, base: PathSegment[], input: unknown): ValidationIssue | ValidationIssue[] {
  const found = issue as ZodIssue;
  const path = issuePath(base, found.path);
  // zod reports a missing enum, literal or union field as a bad value; to a reader it is simply missing.
  if ((found.code === "invalid_value" || found.code === "invalid_union") && path.length > 0) {
    if (valueAt(input, path) === undefined) return { path, code: "required", message: "This field is required." };
  }
  switch (found.code) {
    case "invalid_type": {
      const value = valueAt(input, path);
      if (value === undefined) return { path, code: "required", message: "This field is required." };
      if (typeof value === "number" && !Number.isFinite(value)) {
        return { path, code: "number_out_of_range", message: "This number is out of range: it is infinite or not a number." };
      }
      return { path, code: "invalid_type", message: typeMessage(found.expected, describeType(value)) };
    }
    case "too_small":
      return { path, code: "too_small", message: sizeLimitMessage(found.origin, found.minimum, found.inclusive ?? true, true) };
    case "too_big":
      return { path, code: "too_big", message: sizeLimitMessage(found.origin, found.maximum, found.inclusive ?? true, false) };
    case "invalid_format":
      return { path, code: "invalid_format", message: (Object.hasOwn(FORMAT_MESSAGES, found.format) ? FORMAT_MESSAGES[found.format] : undefined) ?? `Must be in ${found.format} form.` };
    case "not_multiple_of":
      return [
        {
          path,
          code: "not_multiple_of",
          message: Number(found.divisor) === 1 ? "Must be a whole number." : `Must be a multiple of ${String(found.divisor)}.`,
        },
      ];
    case "invalid_union": {
      const branches = found.errors.filter((branch) => branch.length > 0);
      // The branch that got furthest (fewest problems, deepest path) is the one the author most likely meant.
      const best = [...branches].sort((a, b) => {
        const depth = (issues: readonly ZodIssue[]) => issues.reduce((deepest, i) => Math.max(deepest, i.path.length), Number.NEGATIVE_INFINITY);
        return a.length - b.length || depth(b) - depth(a);
      })[0];
      const sharesShape = best !== undefined && best.some((inner) => inner.path.length > 0);
      if (best && sharesShape) return best.flatMap((inner) => convert(inner, path, input));
      return { path, code: "invalid_union", message: "Does not match any of the allowed forms for this field." };
    }
    case "invalid_value":
      return { path, code: "invalid_value", message: allowedValuesMessage(found.values) };
    case "invalid_key":
      return { path, code: "invalid_key", message: "A key in this object is not allowed." };
    case "invalid_element":
      return { path, code: "invalid_element", message: "An entry in this collection is not valid." };
    case "custom": {
      const params = found.params as { code?: unknown; paths?: unknown } | undefined;
      const code = typeof params?.code === "string" ? params.code : "custom";
      // A refinement of a whole record can name the places it objects to: one issue at each.
      if (typeof params?.paths === "function") {
        const refined = valueAt(input, path);
        const places = refined === undefined ? undefined : ((params.paths as (value: unknown) => unknown)(refined) as unknown);
        if (Array.isArray(places) && places.length > 0 && places.every((place) => Array.isArray(place))) {
          return (places as PathSegment[][]).map((place) => ({ path: [...path, ...place], code, message: found.message }));
        }
      }
      return { path, code, message: found.message };
    }
    default:
      return { path, code: "invalid", message: "This value is not valid here." };
  }
}

/** Plain-English issues for one zod issue, added to `out` (no list per issue: this runs for every record turned down). */
function convertInto(issue: AnyIssue, base: PathSegment[], input: unknown, out: ValidationIssue[]): void {
  // Unknown fields come with nearly every rejected record: one issue per key, added without a list in between.
  if (issue.code === "unrecognized_keys") {
    const path = issuePath(base, (issue as ZodIssue).path);
    for (const key of (issue as { keys: string[] }).keys) out.push({ path: path.concat(key), code: "unknown_field", message: UNKNOWN_FIELD_MESSAGE });
    return;
  }
  const converted = convertIssue(issue, base, input);
  if (Array.isArray(converted)) for (const one of converted) out.push(one);
  else out.push(converted);
}

function convert(issue: AnyIssue, base: PathSegment[], input: unknown): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  convertInto(issue, base, input, out);
  return out;
}

/**
 * Turn a zod error into plain-English {@link ValidationIssue}s with paths and stable codes.
 *
 * @remarks
 * zod's own messages are not used, so no rejected value can leak into a message. Pass
 * the parsed input as well, so that a missing field is reported as `required` rather than
 * as a type mismatch. Messages of custom refinements are kept as written: write them
 * without values, and put a stable code in `params.code`. A refinement of a whole record may
 * also give `params.paths`, a function of the refined value returning the relative paths it
 * objects to: the issue is then reported once at each (a cheap `.refine()` with precise paths,
 * where a `superRefine` would slow zod's compiled parser).
 *
 * @example
 * ```ts
 * import * as z from "zod";
 * const input = { age: "forty" };
 * const parsed = z.strictObject({ age: z.number() }).safeParse(input);
 * if (!parsed.success) issuesFromZodError(parsed.error, input);
 * // [{ path: ["age"], code: "invalid_type", message: "Expected a number, but found text." }]
 * ```
 */
export function issuesFromZodError(error: z.core.$ZodError, input?: unknown): ValidationIssue[] {
  // The caller's error keeps its own paths: each issue is converted from a copy.
  return error.issues.flatMap((found) => convert({ ...found, path: [...found.path] }, [], input));
}

/** What {@link safeParseResult} keeps for a schema: zod's compiled parser, and whether the schema turns down `__proto__` keys itself. */
interface Prepared {
  /** Whether the schema takes the input exactly as it stands (see {@link asIsCheck}); undefined without code generation. */
  readonly asIs: AsIsCheck | undefined;
  /** Returns the parsed value, or `INVALID`; undefined where the schema parses as it is. */
  readonly parse: ((input: unknown) => unknown) | undefined;
  /** Whether a value the schema accepted holds a `__proto__` key the schema let through (searching only where it could). */
  readonly hasLetThroughReservedKey: (input: unknown) => boolean;
}

/** Each schema prepared once, kept for as long as the schema lives. */
const preparedSchemas = new WeakMap<z.core.$ZodType, Prepared>();

/**
 * zod's generated parser for the schema (`z.compile`'s fast path): the same answers and output
 * as the schema itself. Skipped when zod is configured `jitless` (for a strict Content Security
 * Policy), with a zod older than 4.6, and for schemas zod cannot compile: those parse as they are.
 */
// Records usually come many of one kind in a row: the last schema is kept beside the map.
let lastSchema: z.core.$ZodType | undefined;
let lastPrepared: Prepared | undefined;

function prepare(schema: z.core.$ZodType): Prepared {
  if (schema === lastSchema) return lastPrepared as Prepared;
  let prepared = preparedSchemas.get(schema);
  if (prepared === undefined) {
    const parse = compiledParser(schema);
    prepared = { asIs: asIsCheck(schema), parse, hasLetThroughReservedKey: reservedKeySearch(schema) };
    preparedSchemas.set(schema, prepared);
  }
  lastSchema = schema;
  lastPrepared = prepared;
  return prepared;
}

const RESERVED_KEY_MESSAGE = "This key is reserved in JavaScript, so it would be silently dropped. Remove it or give it another name.";

const samePath = (a: readonly PathSegment[], b: readonly PathSegment[]): boolean => a.length === b.length && a.every((segment, index) => segment === b[index]);

/** Issues for `__proto__` keys that zod drops without a word (it reports them only in strict objects). */
function reservedKeyIssues(input: unknown, reported: readonly ValidationIssue[]): ValidationIssue[] {
  return findReservedKeys(input)
    .filter((path) => !reported.some((found) => samePath(found.path, path)))
    .map((path) => ({ path, code: "reserved_key", message: RESERVED_KEY_MESSAGE }));
}

/**
 * Parse unknown input with a zod schema and return a {@link Result} with plain-English issues.
 * It never throws: even a refinement that throws becomes an issue.
 *
 * @remarks
 * A `__proto__` key anywhere in the input (as `JSON.parse` can produce) is reported as
 * `reserved_key`: zod would otherwise drop it from records and localised text silently.
 *
 * Input that is valid just as it stands (nothing to fill in, trim, convert or drop) is
 * returned itself, as `value`, without being copied (so its keys keep their own order): a check
 * generated for the schema confirms it without building anything. Input that zod changes as it
 * parses it gets zod's new value, in schema order. Copy the value (for example with
 * `structuredClone`) before changing it if the original must stay as it was.
 *
 * @example
 * ```ts
 * import * as z from "zod";
 * const Person = z.strictObject({ id: Identifier });
 * const parsed = safeParseResult(Person, { id: "p-1" });
 * if (parsed.ok) parsed.value.id; // "p-1"
 * ```
 */
export function safeParseResult<S extends z.core.$ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  try {
    const prepared = prepare(schema);
    let raw: z.core.$ZodRawIssue[];
    let value: unknown;
    const verdict = prepared.asIs === undefined ? UNSURE : prepared.asIs(input);
    // Valid just as it stands (and free of `__proto__` keys): the input is the value, and no copy of it is built.
    if (verdict === ACCEPTED) return ok(input as z.output<S>);
    // A fresh context for each parse that goes on: zod marks it when it falls back to its parser.
    const context = { async: false } as const;
    if (prepared.parse !== undefined) {
      // Known to be invalid: its issues are looked for straight away, without zod's parser building a value first.
      const walked = verdict === REJECTED;
      raw = walked ? walkIssues(schema, input, context) : [];
      if (raw.length === 0) {
        value = prepared.parse(input);
        // Accepted: a __proto__ key can only be where the schema takes data as it comes, so only there is it looked for.
        if (value !== INVALID && !prepared.hasLetThroughReservedKey(input)) return ok(value as z.output<S>);
        if (!walked && value === INVALID) raw = walkIssues(schema, input, context);
      }
    } else {
      // Run the schema directly rather than through safeParse: a failed safeParse builds a ZodError
      // (an Error, with a stack trace) and a zod message for every issue, and neither is used here.
      const result = schema._zod.run({ value: input, issues: [] }, context);
      if (result instanceof Promise) throw new $ZodAsyncError();
      raw = result.issues;
      value = result.value;
    }
    // Plain loops: this runs for every record turned down, and flatMap and spreads cost more.
    const issues: ValidationIssue[] = [];
    for (const found of raw) convertInto(found.code === "custom" ? util.finalizeIssue(found, context, z.config()) : found, [], input, issues);
    if (hasReservedKeys(input)) for (const reserved of reservedKeyIssues(input, issues)) issues.push(reserved);
    return issues.length === 0 ? ok(value as z.output<S>) : fail(issues);
  } catch {
    return fail([{ path: [], code: "unreadable", message: "This record could not be read. Check that it is plain JSON data." }]);
  }
}

/**
 * Return the value of a successful result, or throw a {@link SelfManageError} with code
 * `invalid-input` listing the issues (paths and messages only, never values).
 *
 * @example
 * ```ts
 * const value = unwrap(ok(3)); // 3
 * ```
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new SelfManageError("invalid-input", `The input is not valid:\n${result.issues.map(formatIssue).join("\n")}`);
}
