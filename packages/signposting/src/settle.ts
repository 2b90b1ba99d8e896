import type { PathSegment, ValidationIssue } from "@selfmanage/core";
import { pathPattern } from "./notices";

const DROPPED = Symbol("dropped");

/**
 * What settling a mapped record found: issues that refuse it, and parts set aside with the reason.
 *
 * @example
 * ```ts
 * const settled: Settled = {
 *   refused: [],
 *   dropped: [{ path: ["locations", 0, "latitude"], code: "too_big", message: "Must be at most 90." }],
 *   removed: [["locations", 0, "latitude"], ["locations", 0, "longitude"]],
 * };
 * ```
 */
export interface Settled {
  /** Issues that refuse the record, at model paths of the draft as mapped. */
  refused: ValidationIssue[];
  /** Parts the model cannot hold, removed from the draft, with the issue that removed them (paths as mapped). */
  dropped: ValidationIssue[];
  /** Every part removed, the ones removed with another included (a longitude with its latitude), at paths as mapped. */
  removed: PathSegment[][];
}

/**
 * The rules for one kind of mapped record.
 *
 * @example
 * ```ts
 * const rules: SettleRules = { validate: () => [], required: new Set(["service"]), refusing: () => false };
 * ```
 */
export interface SettleRules {
  /** Every issue of the draft as it stands, at model paths. */
  validate(draft: Record<string, unknown>): ValidationIssue[];
  /** Model paths (list positions as `*`, joined with dots) that must stay: an issue there refuses the record. */
  required: ReadonlySet<string>;
  /** Issues that mean the source broke its own standard (a wrong type, a missing field): the record is refused. */
  refusing: (found: ValidationIssue) => boolean;
  /** Other parts to remove with a removed part, e.g. the reference to a removed location. */
  linked?: (path: readonly PathSegment[]) => PathSegment[][];
}

function compact(value: unknown, path: string, back: Map<string, number[]>): unknown {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    const positions: number[] = [];
    value.forEach((item, index) => {
      if (item === DROPPED) return;
      positions.push(index);
      kept.push(compact(item, `${path}\u0001${kept.length}`, back));
    });
    if (positions.length !== value.length) back.set(path, positions);
    return kept;
  }
  if (typeof value === "object" && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = compact(item, `${path}\u0001${key}`, back);
    return copy;
  }
  return value;
}

function originalPath(path: readonly PathSegment[], back: Map<string, number[]>): PathSegment[] {
  const result: PathSegment[] = [];
  let key = "";
  for (const segment of path) {
    const positions = typeof segment === "number" ? back.get(key) : undefined;
    result.push(positions === undefined ? segment : (positions[segment as number] ?? segment));
    key = `${key}\u0001${String(segment)}`;
  }
  return result;
}

/** Remove a part of the draft; false when there was nothing there to remove. */
function remove(draft: Record<string, unknown>, path: readonly PathSegment[]): boolean {
  let parent: unknown = draft;
  for (const segment of path.slice(0, -1)) {
    if (typeof parent !== "object" || parent === null) return false;
    parent = (parent as Record<PathSegment, unknown>)[segment];
  }
  const last = path.at(-1);
  if (last === undefined || typeof parent !== "object" || parent === null) return false;
  const container = parent as Record<PathSegment, unknown>;
  if (container[last] === undefined || container[last] === DROPPED) return false;
  if (Array.isArray(parent) && typeof last === "number") parent[last] = DROPPED;
  else delete container[last];
  return true;
}

function removable(path: readonly PathSegment[], required: ReadonlySet<string>): PathSegment[] | undefined {
  for (let length = path.length; length >= 1; length -= 1) {
    const prefix = path.slice(0, length);
    if (typeof prefix[length - 1] === "number") return prefix;
    if (length > 1 && !required.has(pathPattern(prefix).join("."))) return prefix;
    if (length === 1 && !required.has(String(prefix[0]))) return prefix;
  }
  return undefined;
}

/**
 * Bring a mapped record into the model: parts the model cannot hold (a latitude off the globe, a
 * postcode that is not one, a closing time before the opening time) are removed and reported, so
 * that the record imports and the part travels in its extensions; only what breaks the source's own
 * standard, or a part the model cannot do without, refuses the record. The draft is changed in place.
 *
 * @example
 * ```ts
 * const settled = settleDraft(draft, rules);
 * settled.refused.length === 0; // the draft now validates
 * ```
 */
export function settleDraft(draft: Record<string, unknown>, rules: SettleRules): Settled {
  const dropped: ValidationIssue[] = [];
  const removedPaths: PathSegment[][] = [];
  for (let round = 0; round < 8; round += 1) {
    const back = new Map<string, number[]>();
    const current = compact(draft, "", back) as Record<string, unknown>;
    const issues = rules.validate(current);
    if (issues.length === 0) {
      Object.assign(draft, current);
      return { refused: [], dropped, removed: removedPaths };
    }
    const refused: ValidationIssue[] = [];
    const groups: PathSegment[][][] = [];
    for (const found of issues) {
      const path = originalPath(found.path, back);
      // After the first round, issues come from parts this function removed: a field now missing
      // means its parent goes too, and nothing refuses the record unless nothing can be removed.
      const start = round > 0 && found.code === "required" ? path.slice(0, -1) : path;
      const target = round === 0 && rules.refusing({ ...found, path }) ? undefined : removable(start, rules.required);
      if (target === undefined) refused.push({ ...found, path });
      else {
        if (round === 0 || found.code !== "required") dropped.push({ ...found, path });
        groups.push([target, ...(rules.linked?.(target) ?? [])]);
      }
    }
    if (refused.length > 0) return { refused, dropped, removed: removedPaths };
    let removed = false;
    const done = new Set<string>();
    for (const [target, ...linked] of groups as Array<[PathSegment[], ...PathSegment[][]]>) {
      let any = false;
      for (const path of [target, ...linked]) {
        const key = path.join("\u0001");
        if (done.has(key)) {
          any = true;
          continue;
        }
        done.add(key);
        if (remove(draft, path)) {
          any = true;
          removedPaths.push(path);
        }
      }
      if (!any && target.length > 1) {
        // The part an issue names is already gone (a rule about a missing field): its parent goes.
        const parent = removable(target.slice(0, -1), rules.required);
        if (parent !== undefined && remove(draft, parent)) {
          any = true;
          removedPaths.push(parent);
        }
      }
      if (any) removed = true;
    }
    if (!removed) break;
  }
  const back = new Map<string, number[]>();
  return { refused: rules.validate(compact(draft, "", back) as Record<string, unknown>).map((found) => ({ ...found, path: originalPath(found.path, back) })), dropped, removed: removedPaths };
}
