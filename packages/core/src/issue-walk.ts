// The issues of a record that zod's compiled fast path turned down, found without running zod's
// ordinary parser over the whole record: the parts each compiled validator accepts are skipped,
// strict objects and lists are walked here exactly as zod walks them, and every other part (a
// text, a number, a union, an object with refinements that must run) is handed to zod's parser.
// The issues, their order and their paths are zod's own; the tests compare them with zod's.
import * as z from "zod";
import * as zodCore from "zod/v4/core";
import { ACCEPTED, asIsCheck, REJECTED, UNSURE, type AsIsCheck } from "./as-is";
import type { PathSegment } from "./result";

type RawIssue = z.core.$ZodRawIssue;
/** An issue whose path this walk sets: zod types it read-only, but builds it as plain data. */
type Writable = { path?: PropertyKey[] };
type Node = z.core.$ZodType;
type Context = { readonly async: false };
type Validator = (input: unknown) => unknown;
type CompileFn = (schema: Node, options?: { assertOnly?: boolean }) => Validator;

/** What the compiled validators return for input they turn down (zod's `INVALID`). */
const INVALID = Symbol.for("zod.compile.invalid");
/** The checks that read only a list's length, and that zod runs even after other issues. */
const SIZE_CHECKS = new Set(["min_length", "max_length", "length_equals"]);

/** How a node is walked, worked out once per node. */
interface Plan {
  /** The generated check for input valid as it stands (quicker than zod's validator), or undefined. */
  readonly asIs: AsIsCheck | undefined;
  /** zod's validator for the node, or undefined where zod cannot compile it. */
  readonly validator: Validator | undefined;
  readonly kind: "object" | "array" | "optional" | "nullable" | "zod";
  /** Checks without a condition (refinements): they run only when nothing before them aborted. */
  readonly refinements: boolean;
  /** Length checks of a list, and the smallest maximum among them (zod stops at once past it). */
  readonly sizeChecks: readonly z.core.$ZodCheck[];
  readonly sizeCap: number;
  /** An object's keys, in the order zod walks them, and as a set for spotting unknown keys. */
  readonly keys: readonly string[];
  readonly keySet: ReadonlySet<string>;
  /** An object's fields with what the walk reads of each, looked up once. */
  readonly fields: readonly Field[];
}

interface Field {
  readonly key: string;
  readonly node: Node;
  readonly optin: Node["_zod"]["optin"];
  readonly optout: Node["_zod"]["optout"];
  /** The field's own plan, looked up the first time the field is walked (not before: schemas can be recursive). */
  plan: Plan | undefined;
}

const plans = new WeakMap<Node, Plan>();

function compileFn(): CompileFn | undefined {
  // compileFn arrived with z.compile in zod 4.6; a plain member read keeps bundlers able to drop it.
  const found = (zodCore as { compileFn?: CompileFn }).compileFn;
  return found === undefined || z.config().jitless === true ? undefined : found;
}

function validatorFor(node: Node): Validator | undefined {
  const compile = compileFn();
  if (compile === undefined) return undefined;
  try {
    return compile(node, { assertOnly: true });
  } catch {
    return undefined;
  }
}

function planFor(node: Node): Plan {
  let plan = plans.get(node);
  if (plan !== undefined) return plan;
  const def = node._zod.def as z.core.$ZodTypeDef & { checks?: z.core.$ZodCheck[]; catchall?: Node };
  const checks = def.checks ?? [];
  const sizeChecks: z.core.$ZodCheck[] = [];
  let refinements = false;
  let walkable = true;
  let sizeCap = Number.POSITIVE_INFINITY;
  for (const check of checks) {
    const checkDef = check._zod.def as { check: string; when?: unknown; maximum?: number; length?: number };
    if (SIZE_CHECKS.has(checkDef.check)) {
      sizeChecks.push(check);
      if (checkDef.check === "max_length" && typeof checkDef.maximum === "number") sizeCap = Math.min(sizeCap, checkDef.maximum);
      if (checkDef.check === "length_equals" && typeof checkDef.length === "number") sizeCap = Math.min(sizeCap, checkDef.length);
    } else if (checkDef.when === undefined) refinements = true;
    else walkable = false;
  }
  let kind: Plan["kind"] = "zod";
  if (walkable) {
    if (def.type === "object" && def.catchall?._zod.def.type === "never" && sizeChecks.length === 0) kind = "object";
    else if (def.type === "array" && !refinements) kind = "array";
    else if ((def.type === "optional" || def.type === "nullable") && checks.length === 0) kind = def.type;
  }
  const keys = kind === "object" ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
  const shape = kind === "object" ? (def as z.core.$ZodObjectDef).shape : {};
  const fields = keys
    .filter((key) => key !== "__proto__")
    .map((key) => {
      const child = shape[key] as Node;
      return { key, node: child, optin: child._zod.optin, optout: child._zod.optout, plan: undefined };
    });
  plan = { asIs: asIsCheck(node), validator: validatorFor(node), kind, refinements, sizeChecks, sizeCap, keys, keySet: new Set(keys), fields };
  plans.set(node, plan);
  return plan;
}

/** zod's parser on one node, its issues' paths made to start from the root. */
function runZod(node: Node, value: unknown, path: readonly PathSegment[], context: Context, out: RawIssue[]): void {
  const result = node._zod.run({ value, issues: [] }, context);
  if (result instanceof Promise) throw new zodCore.$ZodAsyncError();
  for (const found of result.issues) {
    const own = found.path;
    (found as Writable).path = own === undefined || own.length === 0 ? path.slice() : path.concat(own as PathSegment[]);
    out.push(found);
  }
}

/** zod's `aborted`: an issue that does not let later checks run. */
function aborted(issues: readonly RawIssue[], from: number): boolean {
  for (let index = from; index < issues.length; index++) if ((issues[index] as { continue?: boolean }).continue !== true) return true;
  return false;
}

function walk(node: Node, value: unknown, path: PathSegment[], context: Context, out: RawIssue[], skipValidator: boolean, known?: Plan): void {
  const plan = known ?? planFor(node);
  if (!skipValidator) {
    // A part that is valid has no issues. A part known to be invalid needs no second opinion from zod's validator.
    const verdict = plan.asIs === undefined ? UNSURE : plan.asIs(value);
    if (verdict === ACCEPTED) return;
    if (verdict === UNSURE && plan.validator !== undefined && plan.validator(value) !== INVALID) return;
  }
  switch (plan.kind) {
    case "object":
      if (typeof value === "object" && value !== null && !Array.isArray(value)) return walkObject(node, plan, value as Record<string, unknown>, path, context, out);
      break;
    case "array":
      if (Array.isArray(value) && value.length <= plan.sizeCap) return walkArray(node, plan, value, path, context, out);
      break;
    case "optional":
      if (value !== undefined) return walk((node._zod.def as z.core.$ZodOptionalDef).innerType, value, path, context, out, false);
      break;
    case "nullable":
      if (value !== null) return walk((node._zod.def as z.core.$ZodNullableDef).innerType, value, path, context, out, false);
      break;
    default:
  }
  runZod(node, value, path, context, out);
}

function walkObject(node: Node, plan: Plan, input: Record<string, unknown>, path: PathSegment[], context: Context, out: RawIssue[]): void {
  const start = out.length;
  const fields = plan.fields;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index] as Field;
    const { key, node: child, optin, optout } = field;
    // As zod's handlePropertyResult: an absent optional key contributes nothing.
    const present = key in input;
    if (!present && optout === "optional" && optin === "optional") continue;
    const fieldPlan = (field.plan ??= planFor(child));
    const value = input[key];
    // A field given and valid as it stands has no issues: no path is built for it. One known to be invalid is walked at once.
    const verdict = present && fieldPlan.asIs !== undefined ? fieldPlan.asIs(value) : UNSURE;
    if (verdict === ACCEPTED) continue;
    const before = out.length;
    path.push(key);
    walk(child, value, path, context, out, verdict === REJECTED, fieldPlan);
    path.pop();
    if (out.length > before) {
      if (optin !== undefined && optout === "optional" && !present) out.length = before;
    } else if (!present && optin === undefined) {
      out.push({ code: "invalid_type", expected: "nonoptional", input: undefined, path: [...path, key] } as RawIssue);
    }
  }
  let unrecognized: string[] | undefined;
  for (const key in input) if (!plan.keySet.has(key)) (unrecognized ??= []).push(key);
  if (unrecognized !== undefined) out.push({ code: "unrecognized_keys", keys: unrecognized, input, inst: node, path: path.slice(), continue: true } as unknown as RawIssue);
  // Refinements run on zod's output, and only when nothing aborted: then zod alone can answer.
  if (plan.refinements && !aborted(out, start)) {
    out.length = start;
    runZod(node, input, path, context, out);
  }
}

function walkArray(node: Node, plan: Plan, input: unknown[], path: PathSegment[], context: Context, out: RawIssue[]): void {
  const start = out.length;
  const element = (node._zod.def as z.core.$ZodArrayDef).element;
  const elementPlan = input.length === 0 ? undefined : planFor(element);
  for (let index = 0; index < input.length; index++) {
    path.push(index);
    walk(element, input[index], path, context, out, false, elementPlan);
    path.pop();
  }
  if (plan.sizeChecks.length === 0) return;
  // The length checks, as zod's runChecks runs them: each has a condition, so they run unless an issue explicitly aborted.
  const payload = { value: input, issues: out.slice(start) as z.core.$ZodRawIssue[] };
  for (const check of plan.sizeChecks) {
    if (payload.issues.some((found) => (found as { continue?: boolean }).continue === false)) continue;
    const when = (check._zod.def as { when?: (payload: unknown) => boolean }).when;
    if (when !== undefined && !when(payload)) continue;
    const before = payload.issues.length;
    void check._zod.check(payload as unknown as z.core.ParsePayload<never>);
    for (let index = before; index < payload.issues.length; index++) {
      const found = payload.issues[index] as RawIssue;
      (found as Writable).path = [...path, ...(found.path ?? [])];
      out.push(found);
    }
  }
}

/**
 * The issues zod's parser reports for `input`, in its order and with paths from the root, for
 * input the compiled fast path has already turned down.
 *
 * @example
 * ```ts
 * import * as z from "zod";
 * walkIssues(z.strictObject({ age: z.number() }), { age: "forty" }, { async: false });
 * // [{ code: "invalid_type", expected: "number", path: ["age"], ... }]
 * ```
 */
export function walkIssues(schema: Node, input: unknown, context: Context): RawIssue[] {
  const out: RawIssue[] = [];
  walk(schema, input, [], context, out, true);
  return out;
}

/**
 * zod's compiled parser for a schema (returning `INVALID` for input it turns down), or undefined
 * where zod cannot compile it or is older than 4.6, or configured `jitless`.
 *
 * @example
 * ```ts
 * import * as z from "zod";
 * compiledParser(z.number())?.(3); // 3
 * ```
 */
export function compiledParser(schema: Node): ((input: unknown) => unknown) | undefined {
  const compile = compileFn();
  if (compile === undefined) return undefined;
  try {
    return compile(schema);
  } catch {
    return undefined;
  }
}

export { INVALID };
