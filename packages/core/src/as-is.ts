// A check, generated once per schema, for the commonest case of all: a record that is valid just
// as it stands. It answers ACCEPTED only when zod would accept the input and give back a value
// equal to it, so the input itself can be returned without building a copy. Like ajv's
// validators it reads each value once and allocates nothing. REJECTED means that zod would turn
// the input down, so its issues can be looked for at once. Wherever it cannot be sure (a
// transform, a default, a key zod would drop, a part it does not model) it answers UNSURE, and
// the caller parses with zod as before: that answer costs time, never a wrong result.
import * as z from "zod";
import * as zodCore from "zod/v4/core";
import { hasReservedKeys } from "./reserved-keys";

type Node = z.core.$ZodType;
/** What zod's compiled parsers return for input they turn down. */
const INVALID = Symbol.for("zod.compile.invalid");
type Check = z.core.$ZodCheck;
/** The input is valid, and zod's output would equal it. */
export const ACCEPTED = 0;
/** zod would turn the input down. */
export const REJECTED = 1;
/** Either could be so: parse with zod to know. */
export const UNSURE = 2;
/**
 * What {@link asIsCheck}'s check answers: {@link ACCEPTED}, {@link REJECTED} or {@link UNSURE}.
 *
 * @example
 * ```ts
 * const verdict: Verdict = ACCEPTED;
 * ```
 */
export type Verdict = typeof ACCEPTED | typeof REJECTED | typeof UNSURE;
/**
 * A generated check of input against one schema (see {@link asIsCheck}).
 *
 * @example
 * ```ts
 * const check: AsIsCheck | undefined = asIsCheck(z.strictObject({ age: z.number() }));
 * check?.({ age: 40 }); // ACCEPTED
 * ```
 */
export type AsIsCheck = (input: unknown) => Verdict;

/** The parts of a schema's definition this generator reads. */
interface Def {
  readonly type: string;
  readonly checks?: readonly Check[];
  readonly coerce?: boolean;
  readonly shape?: Record<string, Node>;
  readonly catchall?: Node;
  readonly innerType?: Node;
  readonly element?: Node;
  readonly keyType?: Node;
  readonly valueType?: Node;
  readonly discriminator?: string;
  readonly unionFallback?: boolean;
  readonly options?: readonly Node[];
}

/** Node types whose check turns `undefined` down, so a required field of this type need not be looked for separately. */
const REJECTS_UNDEFINED = new Set(["string", "number", "boolean", "object", "array", "never", "nullable", "default", "prefault"]);

/** Runs a zod check as zod's parser does: accepted if it passed leaving the value as it was. */
function runCheck(check: Check, value: unknown): Verdict {
  const payload = { value, issues: [] as unknown[] };
  const result = check._zod.check(payload as unknown as z.core.ParsePayload<never>) as unknown;
  if (result instanceof Promise) return UNSURE;
  if (payload.issues.length > 0) return REJECTED;
  return payload.value === value ? ACCEPTED : UNSURE;
}

/** zod's compiled parser for one part: accepted as is when it hands back the very value it was given. */
function delegateFor(node: Node): AsIsCheck {
  let parse: ((input: unknown) => unknown) | undefined;
  try {
    parse = (zodCore as { compileFn?: (schema: Node) => (input: unknown) => unknown }).compileFn?.(node);
  } catch {
    parse = undefined;
  }
  if (parse === undefined) return () => UNSURE;
  const compiled = parse;
  return (input) => {
    const output = compiled(input);
    if (output === INVALID) return REJECTED;
    // The part took the value as it came, so a `__proto__` key inside it would be let through unseen.
    return output === input && !hasReservedKeys(input) ? ACCEPTED : UNSURE;
  };
}

/** The start of an object's or a record's check: zod builds a plain object, so an instance of a class (a Date, a Map) would come back changed. */
const PLAIN_OBJECT = [
  `if (typeof input !== "object" || input === null || Array.isArray(input)) return ${REJECTED};`,
  "const prototype = Object.getPrototypeOf(input);",
  `if (prototype !== Object.prototype && prototype !== null) return ${UNSURE};`,
];

/** Adds lines to generated code one at a time (a spread into push fails on very long lists). */
function append(out: string[], ...groups: ReadonlyArray<string | readonly string[]>): void {
  for (const group of groups) {
    if (typeof group === "string") out.push(group);
    else for (const line of group) out.push(line);
  }
}

class Generator {
  private readonly constants: unknown[] = [];
  private readonly constantNames = new Map<unknown, string>();
  private readonly functions = new Map<Node, string>();
  private readonly bodies: string[] = [];
  private variables = 0;

  /** The name under which a value is passed into the generated code. */
  constant(value: unknown): string {
    let name = this.constantNames.get(value);
    if (name === undefined) {
      name = `c${this.constants.length}`;
      this.constants.push(value);
      this.constantNames.set(value, name);
    }
    return name;
  }

  variable(): string {
    this.variables += 1;
    return `v${this.variables}`;
  }

  /** The generated function that checks `node` (made once per node, so shared and recursive parts are checked by one function). */
  functionFor(node: Node): string {
    let name = this.functions.get(node);
    if (name !== undefined) return name;
    name = `f${this.functions.size}`;
    this.functions.set(node, name);
    const lines: string[] = ["let verdict;"];
    const def = node._zod.def as Def;
    if (def.type === "object" || def.type === "array" || def.type === "record") this.container(node, def, lines);
    else this.emit(node, "input", lines, 0);
    this.bodies.push(`function ${name}(input) {\n${lines.join("\n")}\nreturn ${ACCEPTED};\n}`);
    return name;
  }

  build(root: Node): AsIsCheck {
    const entry = this.functionFor(root);
    const names = this.constants.map((_, index) => `c${index}`);
    // Generated code, as zod's own compiler makes it; callers skip this under a strict Content Security Policy (jitless).
    const factory = new Function(...names, `${this.bodies.join("\n")}\nreturn ${entry};`) as (...values: unknown[]) => AsIsCheck;
    return factory(...this.constants);
  }

  /** Statements that return a verdict unless `value` (a variable name) is accepted as it stands. */
  private emit(node: Node, value: string, out: string[], depth: number): void {
    const def = node._zod.def as Def;
    if (depth > 32 || def.coerce === true) return this.delegate(node, value, out);
    switch (def.type) {
      case "string":
        out.push(`if (typeof ${value} !== "string") return ${REJECTED};`);
        return this.checks(node, def, value, out);
      case "number":
        out.push(`if (typeof ${value} !== "number" || !Number.isFinite(${value})) return ${REJECTED};`);
        return this.checks(node, def, value, out);
      case "boolean":
        out.push(`if (typeof ${value} !== "boolean") return ${REJECTED};`);
        return this.checks(node, def, value, out);
      case "enum":
      case "literal":
        out.push(`if (!${this.constant(node._zod.values)}.has(${value})) return ${REJECTED};`);
        return this.checks(node, def, value, out);
      case "never":
        out.push(`return ${REJECTED};`);
        return;
      case "unknown":
      case "any":
        // Taken as it comes, so a `__proto__` key inside (which JSON.parse can make) is looked for here.
        out.push(`if (${this.constant(hasReservedKeys)}(${value})) return ${UNSURE};`);
        return this.checks(node, def, value, out);
      case "optional":
      case "nullable": {
        // An exact optional (z.exactOptional) turns down an undefined it is given: left to zod.
        if ((def.checks?.length ?? 0) > 0 || def.innerType === undefined || node._zod.traits.has("$ZodExactOptional")) return this.delegate(node, value, out);
        const inner: string[] = [];
        this.emit(def.innerType, value, inner, depth + 1);
        // An optional around a default fills the default in for undefined.
        if (def.type === "optional" && def.innerType._zod.optin === "defaulted") out.push(`if (${value} === undefined) return ${UNSURE};`);
        append(out, `if (${value} !== ${def.type === "optional" ? "undefined" : "null"}) {`, inner, "}");
        return;
      }
      case "default":
      case "prefault":
        // A default fills in a missing value, which would change the record: only a value given is taken as is.
        if ((def.checks?.length ?? 0) > 0 || def.innerType === undefined) return this.delegate(node, value, out);
        out.push(`if (${value} === undefined) return ${UNSURE};`);
        return this.emit(def.innerType, value, out, depth + 1);
      case "lazy": {
        // zod keeps what the getter returned (a getter may build a new schema at every call).
        const inner = (node._zod as { innerType?: Node }).innerType;
        if (inner === undefined) return this.delegate(node, value, out);
        return this.emit(inner, value, out, depth + 1);
      }
      case "record": {
        // Only a record whose keys are any text that passes a check: zod then checks each key as it is.
        const keyType = def.keyType;
        if (keyType === undefined || keyType._zod.values !== undefined || (keyType._zod.def as Def).type !== "string") return this.delegate(node, value, out);
        out.push(this.call(this.functionFor(node), value));
        return;
      }
      case "object":
      case "array":
        out.push(this.call(this.functionFor(node), value));
        return;
      case "union":
        if (def.discriminator === undefined || def.unionFallback === true || def.options === undefined) return this.delegate(node, value, out);
        return this.discriminated(node, def, value, out, depth);
      default:
        return this.delegate(node, value, out);
    }
  }

  /** A discriminated union: its tag picks the one option zod parses with, as zod's own lookup does. */
  private discriminated(node: Node, def: Def, value: string, out: string[], depth: number): void {
    const options = def.options as readonly Node[];
    const byTag = new Map<unknown, number>();
    const taken = new Set<unknown>();
    options.forEach((option, index) => {
      for (const tag of option._zod.propValues?.[def.discriminator as string] ?? []) {
        if (taken.has(tag)) byTag.delete(tag);
        else byTag.set(tag, index);
        taken.add(tag);
      }
    });
    const chosen = this.variable();
    out.push(
      `if (typeof ${value} !== "object" || ${value} === null || Array.isArray(${value})) return ${REJECTED};`,
      `const ${chosen} = ${this.constant(byTag)}.get(${value}[${JSON.stringify(def.discriminator)}]);`,
    );
    options.forEach((option, index) => {
      const inner: string[] = [];
      this.emit(option, value, inner, depth + 1);
      append(out, `${index === 0 ? "" : "else "}if (${chosen} === ${index}) {`, inner, "}");
    });
    out.push(`else return ${REJECTED};`);
    this.checks(node, def, value, out);
  }

  /** A call of a generated or given check, handing on any verdict but ACCEPTED (in a `verdict` variable the function declares). */
  private call(check: string, value: string): string {
    return `if ((verdict = ${check}(${value})) !== ${ACCEPTED}) return verdict;`;
  }

  private delegate(node: Node, value: string, out: string[]): void {
    out.push(this.call(this.constant(delegateFor(node)), value));
  }

  /** The body of an object's, a list's or a record's own function, whose value is `input`. */
  private container(node: Node, def: Def, out: string[]): void {
    if (def.type === "record") {
      const keyLines: string[] = [];
      const valueLines: string[] = [];
      const item = this.variable();
      this.emit(def.keyType as Node, "key", keyLines, 0);
      this.emit(def.valueType as Node, item, valueLines, 0);
      append(
        out,
        PLAIN_OBJECT,
        // zod checks symbol keys too (and a text key check turns them down).
        `if (Object.getOwnPropertySymbols(input).length !== 0) return ${REJECTED};`,
        "for (const key in input) {",
        `if (key === "__proto__") return ${UNSURE};`,
        keyLines,
        `const ${item} = input[key];`,
        valueLines,
        "}",
      );
      return this.checks(node, def, "input", out);
    }
    if (def.type === "array") {
      const element = def.element as Node;
      const index = this.variable();
      const item = this.variable();
      const inner: string[] = [];
      this.emit(element, item, inner, 0);
      append(out, `if (!Array.isArray(input)) return ${REJECTED};`, `if (Object.hasOwn(input, "__proto__")) return ${UNSURE};`, `for (let ${index} = 0; ${index} < input.length; ${index}++) {`, `const ${item} = input[${index}];`, inner, "}");
      return this.checks(node, def, "input", out);
    }
    append(out, PLAIN_OBJECT);
    const shape = def.shape ?? {};
    const keys = Object.keys(shape);
    if (keys.includes("__proto__")) {
      out.push(`return ${UNSURE};`);
      return;
    }
    for (const key of keys) {
      const field = shape[key] as Node;
      const read = this.variable();
      const quoted = JSON.stringify(key);
      out.push(`const ${read} = input[${quoted}];`);
      const type = (field._zod.def as Def).type;
      const { optin, optout } = field._zod;
      if (type === "optional" && !field._zod.traits.has("$ZodExactOptional")) this.emit(field, read, out, 0);
      else if (optin === "optional" && optout === "optional") {
        // zod skips a missing optional key without checking it: so must this.
        const inner: string[] = [];
        this.emit(field, read, inner, 0);
        append(out, `if (${quoted} in input) {`, inner, "}");
      } else {
        // A missing key: zod checks undefined, which a text (say) turns down, but it may also fill in a value or report the key missing.
        if (optin !== undefined || !REJECTS_UNDEFINED.has(type)) out.push(`if (!(${quoted} in input)) return ${UNSURE};`);
        this.emit(field, read, out, 0);
      }
    }
    // Keys outside the shape: dropped by zod (so the output would differ), refused by a strict
    // object, or checked by the catch-all. A `__proto__` key is never taken as is.
    const known = keys.length === 0 ? "false" : keys.map((key) => `key === ${JSON.stringify(key)}`).join(" || ");
    const catchall = def.catchall;
    const rest: string[] = [];
    // A key that zod drops (no catch-all) leaves a valid record changed; a strict object turns it down.
    if (catchall === undefined) rest.push(`return ${UNSURE};`);
    else if ((catchall._zod.def as Def).type === "never") rest.push(`return ${REJECTED};`);
    else {
      const item = this.variable();
      rest.push(`if (key === "__proto__") return ${UNSURE};`, `const ${item} = input[key];`);
      this.emit(catchall, item, rest, 0);
    }
    append(out, "for (const key in input) {", `if (${known}) continue;`, rest, "}");
    this.checks(node, def, "input", out);
  }

  /** The node's checks (its own first, for a string format), in zod's order. */
  private checks(node: Node, def: Def, value: string, out: string[]): void {
    const checks: Check[] = node._zod.traits.has("$ZodCheck") ? [node as unknown as Check] : [];
    for (const check of def.checks ?? []) checks.push(check);
    for (const check of checks) this.check(check, value, def.type === "string", out);
  }

  private check(check: Check, value: string, text: boolean, out: string[]): void {
    const def = check._zod.def as { check: string; when?: unknown; minimum?: unknown; maximum?: unknown; length?: unknown; value?: unknown; inclusive?: boolean; format?: string; pattern?: RegExp; fn?: unknown };
    const bound = (key: "minimum" | "maximum" | "length" | "value"): number | undefined => {
      const found = def[key];
      return typeof found === "number" && Number.isFinite(found) ? found : undefined;
    };
    const length = text ? this.constant(zodCore.util.codePointLength) : undefined;
    switch (def.check) {
      case "min_length": {
        const min = bound("minimum");
        if (min === undefined) break;
        // As zod counts: characters, not UTF-16 units, which only a text between min and 2 x min units long can be short of.
        out.push(length === undefined ? `if (${value}.length < ${min}) return ${REJECTED};` : `if (${value}.length < ${min} || (${value}.length < ${2 * min} && ${length}(${value}) < ${min})) return ${REJECTED};`);
        return;
      }
      case "max_length": {
        const max = bound("maximum");
        if (max === undefined) break;
        out.push(length === undefined ? `if (${value}.length > ${max}) return ${REJECTED};` : `if (${value}.length > ${max} && ${length}(${value}) > ${max}) return ${REJECTED};`);
        return;
      }
      case "greater_than":
      case "less_than": {
        const limit = bound("value");
        if (limit === undefined || def.when !== undefined) break;
        const below = def.check === "greater_than";
        const operator = below ? (def.inclusive === true ? "<" : "<=") : def.inclusive === true ? ">" : ">=";
        out.push(`if (${value} ${operator} ${limit}) return ${REJECTED};`);
        return;
      }
      case "number_format":
        if (def.format === "safeint" && def.when === undefined) {
          out.push(`if (!Number.isSafeInteger(${value})) return ${REJECTED};`);
          return;
        }
        break;
      case "string_format":
        if (def.format === "regex" && def.pattern instanceof RegExp && def.when === undefined) {
          const pattern = this.constant(def.pattern);
          out.push(`${pattern}.lastIndex = 0;`, `if (!${pattern}.test(${value})) return ${REJECTED};`);
          return;
        }
        break;
      case "custom":
        // A refinement's predicate (.refine) answers yes or no; anything else runs as zod runs it.
        if (typeof def.fn === "function" && def.when === undefined) {
          const result = this.variable();
          out.push(`const ${result} = ${this.constant(def.fn)}(${value});`, `if (${result} instanceof Promise) return ${UNSURE};`, `if (!${result}) return ${REJECTED};`);
          return;
        }
        break;
      default:
    }
    if (def.when !== undefined && def.check !== "min_length" && def.check !== "max_length" && def.check !== "length_equals") {
      out.push(`return ${UNSURE};`);
      return;
    }
    out.push(`if ((verdict = ${this.constant(runCheck)}(${this.constant(check)}, ${value})) !== ${ACCEPTED}) return verdict;`);
  }
}

const checks = new WeakMap<Node, AsIsCheck | null>();

/**
 * A generated check that says whether `schema` accepts input exactly as it stands, so that zod's
 * output would equal the input ({@link ACCEPTED}, with no `__proto__` key anywhere in it: zod
 * would drop one silently), whether zod would turn it down ({@link REJECTED}), or neither for sure
 * ({@link UNSURE}: parse such input with zod). Undefined when code generation is not allowed (zod
 * configured `jitless`) or fails, and with a zod older than 4.6.
 *
 * @example
 * ```ts
 * import * as z from "zod";
 * const asIs = asIsCheck(z.strictObject({ age: z.number(), name: z.string().trim() }));
 * asIs?.({ age: 40, name: "Ann" }); // ACCEPTED
 * asIs?.({ age: "forty", name: "Ann" }); // REJECTED
 * asIs?.({ age: 40, name: " Ann " }); // UNSURE: valid, but zod would trim the name
 * ```
 */
export function asIsCheck(schema: Node): AsIsCheck | undefined {
  const known = checks.get(schema);
  if (known !== undefined) return known ?? undefined;
  let made: AsIsCheck | null = null;
  // Only with the zod this check was written against (4.6 and later, which have compileFn and count text lengths in characters).
  if (z.config().jitless !== true && typeof (zodCore as { compileFn?: unknown }).compileFn === "function" && typeof zodCore.util.codePointLength === "function") {
    try {
      const generator = new Generator();
      const generated = generator.build(schema);
      // A check that throws (a refinement that cannot cope with some value) is simply not sure.
      made = (input) => {
        try {
          return generated(input);
        } catch {
          return UNSURE;
        }
      };
    } catch {
      made = null;
    }
  }
  checks.set(schema, made);
  return made ?? undefined;
}
