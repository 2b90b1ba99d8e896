import type { PathSegment } from "./result";

/** The one key `JSON.parse` keeps as data but object copies turn into a prototype change and lose. */
const RESERVED = "__proto__";

const hasOwn = Object.prototype.hasOwnProperty;

/** The fast check every parse pays for: no allocation, stops at the first reserved key. */
function hasReservedKey(value: object): boolean {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item === "object" && item !== null && hasReservedKey(item)) return true;
    }
    return false;
  }
  if (hasOwn.call(value, RESERVED)) return true;
  // for...in is the fastest walk over plain data; inherited keys are skipped below.
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue;
    const child: unknown = (value as Record<string, unknown>)[key];
    if (typeof child === "object" && child !== null && hasReservedKey(child)) return true;
  }
  return false;
}

function walk(value: object, path: PathSegment[], found: PathSegment[][]): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item === "object" && item !== null) {
        path.push(index);
        walk(item, path, found);
        path.pop();
      }
    }
    return;
  }
  if (Object.prototype.hasOwnProperty.call(value, RESERVED)) found.push([...path, RESERVED]);
  for (const key of Object.keys(value)) {
    const child: unknown = (value as Record<string, unknown>)[key];
    if (typeof child === "object" && child !== null) {
      path.push(key);
      walk(child, path, found);
      path.pop();
    }
  }
}

/**
 * The paths of every own `__proto__` key in parsed JSON. `JSON.parse` keeps such a key as
 * data, but zod's records and catch-all objects copy values into a new object, where the key
 * becomes a prototype change and is silently lost; {@link safeParseResult} reports them.
 *
 * @example
 * ```ts
 * findReservedKeys(JSON.parse('{"answers":{"__proto__":"x"}}')); // [["answers", "__proto__"]]
 * ```
 */
export function findReservedKeys(input: unknown): PathSegment[][] {
  if (!hasReservedKeys(input)) return [];
  const found: PathSegment[][] = [];
  walk(input as object, [], found);
  return found;
}

/**
 * Whether parsed JSON has an own `__proto__` key anywhere: the quick test behind
 * {@link findReservedKeys}, without building paths.
 *
 * @example
 * ```ts
 * hasReservedKeys(JSON.parse('{"a":[{"__proto__":1}]}')); // true
 * ```
 */
export function hasReservedKeys(input: unknown): boolean {
  return typeof input === "object" && input !== null && hasReservedKey(input);
}

/** What a schema node holds, as far as the check below needs to know. */
interface SchemaNode {
  _zod: { def: { type: string; [key: string]: unknown } };
}

/** Nodes that accept only values without own keys: text, numbers, fixed values and the like. */
const KEYLESS = new Set(["string", "number", "int", "boolean", "bigint", "symbol", "null", "undefined", "void", "never", "date", "enum", "literal", "nan", "template_literal"]);
/** Nodes that pass their value on to the node in `innerType`. Not `catch`: it would swap a value turned down for its fallback, and accept it. */
const WRAPPERS = new Set(["optional", "nullable", "nonoptional", "default", "prefault", "readonly"]);

/**
 * `look` at a node with `stack` holding the nodes on the way down: meeting one again is a cycle,
 * and then the answer is `onCycle` (search the input).
 */
function guarded<T>(node: SchemaNode, stack: Set<SchemaNode>, onCycle: T, look: (node: SchemaNode, stack: Set<SchemaNode>) => T): T {
  if (stack.has(node)) return onCycle;
  stack.add(node);
  const answer = look(node, stack);
  stack.delete(node);
  return answer;
}

function walkRejects(node: SchemaNode, stack: Set<SchemaNode>): boolean {
  return guarded(node, stack, false, nodeRejects);
}

function nodeRejects(node: SchemaNode, stack: Set<SchemaNode>): boolean {
  const def = node._zod.def;
  const type = def.type;
  if (KEYLESS.has(type)) return true;
  if (WRAPPERS.has(type)) return walkRejects(def.innerType as SchemaNode, stack);
  switch (type) {
    case "object": {
      const catchall = def.catchall as SchemaNode | undefined;
      if (catchall?._zod.def.type !== "never") return false;
      const shape = def.shape as Record<string, SchemaNode>;
      for (const key in shape) if (!walkRejects(shape[key] as SchemaNode, stack)) return false;
      return true;
    }
    case "array":
      return walkRejects(def.element as SchemaNode, stack);
    case "tuple":
      return (def.items as SchemaNode[]).every((item) => walkRejects(item, stack)) && (def.rest === null || def.rest === undefined || walkRejects(def.rest as SchemaNode, stack));
    case "union":
      return (def.options as SchemaNode[]).every((option) => walkRejects(option, stack));
    case "pipe":
      return walkRejects(def.in as SchemaNode, stack);
    default:
      return false;
  }
}

/**
 * Whether a schema turns down every `__proto__` key on its own: every object in it is strict
 * (so zod reports the key as unknown) and nothing in it takes data as it comes (records,
 * catch-alls, `unknown`, transforms). A value such a schema accepts has no reserved key, so
 * {@link findReservedKeys} need not search it.
 *
 * @example
 * ```ts
 * import * as z from "zod";
 * rejectsReservedKeys(z.strictObject({ id: z.string() })); // true
 * rejectsReservedKeys(z.record(z.string(), z.string())); // false
 * ```
 */
export function rejectsReservedKeys(schema: object): boolean {
  return walkRejects(schema as SchemaNode, new Set());
}

/** Where a value accepted by a schema might hold a `__proto__` key the schema did not turn down. */
type Search = "none" | "all" | { readonly fields: readonly (readonly [string, Search])[]; readonly own: boolean } | { readonly element: Search };

function planNode(node: SchemaNode, stack: Set<SchemaNode>): Search {
  return guarded<Search>(node, stack, "all", planOf);
}

function planOf(node: SchemaNode, stack: Set<SchemaNode>): Search {
  const def = node._zod.def;
  const type = def.type;
  if (KEYLESS.has(type)) return "none";
  if (WRAPPERS.has(type)) return planNode(def.innerType as SchemaNode, stack);
  switch (type) {
    case "object": {
      // A strict object turns down a __proto__ key at its own level, so only its fields need a look.
      // A catch-all of keyless values (text in localised text) can take one at this level only.
      const catchall = def.catchall as SchemaNode | undefined;
      if (catchall === undefined) return "all";
      const own = catchall._zod.def.type !== "never";
      if (own && planNode(catchall, stack) !== "none") return "all";
      const shape = def.shape as Record<string, SchemaNode>;
      const fields: (readonly [string, Search])[] = [];
      for (const key in shape) {
        const field = planNode(shape[key] as SchemaNode, stack);
        if (field !== "none") fields.push([key, field]);
      }
      return fields.length === 0 && !own ? "none" : { fields, own };
    }
    case "array": {
      const element = planNode(def.element as SchemaNode, stack);
      return element === "none" ? "none" : { element };
    }
    case "pipe":
      return planNode(def.in as SchemaNode, stack);
    default:
      return walkRejects(node, stack) ? "none" : "all";
  }
}

type Finder = (value: unknown) => boolean;

const searchAll: Finder = (value) => typeof value === "object" && value !== null && hasReservedKey(value);

/** The plan turned into closures once, so that a search does no interpreting: plain loops, no allocation. */
function finderFor(plan: Exclude<Search, "none">): Finder {
  if (plan === "all") return searchAll;
  if ("element" in plan) {
    const element = plan.element === "none" ? undefined : finderFor(plan.element);
    return (value) => {
      if (typeof value !== "object" || value === null) return false;
      if (!Array.isArray(value)) return hasReservedKey(value);
      if (element === undefined) return false;
      for (let index = 0; index < value.length; index++) if (element(value[index])) return true;
      return false;
    };
  }
  const keys = plan.fields.map(([key]) => key);
  const finders = plan.fields.map(([, field]) => finderFor(field as Exclude<Search, "none">));
  const own = plan.own;
  return (value) => {
    if (typeof value !== "object" || value === null) return false;
    if (Array.isArray(value)) return hasReservedKey(value);
    if (own && hasOwn.call(value, RESERVED)) return true;
    for (let index = 0; index < keys.length; index++) {
      const child = (value as Record<string, unknown>)[keys[index] as string];
      if (child !== undefined && hasOwn.call(value, keys[index] as string) && (finders[index] as Finder)(child)) return true;
    }
    return false;
  };
}

/**
 * A test for `__proto__` keys that looks only where `schema` could have let one through: inside
 * records, catch-alls, loose objects, `unknown` fields and the like. For a value the schema has
 * accepted it answers as {@link hasReservedKeys} does, but skips the parts whose strict objects
 * would have turned the key down (so a directory service is searched only in its extensions).
 *
 * @example
 * ```ts
 * import * as z from "zod";
 * const search = reservedKeySearch(z.strictObject({ id: z.string(), extra: z.record(z.string(), z.unknown()) }));
 * search(JSON.parse('{"id":"a","extra":{"__proto__":1}}')); // true
 * ```
 */
export function reservedKeySearch(schema: object): (input: unknown) => boolean {
  const plan = planNode(schema as SchemaNode, new Set());
  return plan === "none" ? () => false : finderFor(plan);
}
