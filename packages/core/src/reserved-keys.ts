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
  if (typeof input !== "object" || input === null || !hasReservedKey(input)) return [];
  const found: PathSegment[][] = [];
  walk(input, [], found);
  return found;
}
