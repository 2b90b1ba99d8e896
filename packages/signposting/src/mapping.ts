import { issue, type PathSegment, type ValidationIssue } from "@selfmanage/core";

/**
 * A JSON object as read from another system, before validation.
 *
 * @example
 * ```ts
 * const record: Json = { id: "x", name: "Example" };
 * ```
 */
export type Json = Record<string, unknown>;

/**
 * Whether a value is a plain JSON object (not null, not a list).
 *
 * @example
 * ```ts
 * isObject({}); // true
 * isObject([]); // false
 * ```
 */
export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The state of mapping one source record onto the model: for every model field, the source path
 * it came from (so that problems are reported where the publisher can fix them), which source
 * fields were read (so that everything else can be reported as not kept), and problems found while
 * reading, already at their source path.
 *
 * @example
 * ```ts
 * const mapping: Mapping = newMapping();
 * ```
 */
export interface Mapping {
  /** Whether `sources` is kept: only needed to say where a problem came from, so a first pass can skip it. */
  track: boolean;
  sources: Array<[PathSegment[], PathSegment[]]>;
  /** Absent when the caller finds unread fields another way (the ORUK importer compares the export with the source). */
  consumed?: Set<string>;
  direct: ValidationIssue[];
}

/**
 * A fresh mapping for one source record; `trackReads: false` skips recording which fields were
 * read, `trackSources: false` where each model field came from.
 *
 * @example
 * ```ts
 * newMapping().sources.length; // 0
 * ```
 */
export function newMapping(trackReads = true, trackSources = true): Mapping {
  return trackReads ? { track: trackSources, sources: [], consumed: new Set(), direct: [] } : { track: trackSources, sources: [], direct: [] };
}

/**
 * A key for a path, for sets of consumed paths.
 *
 * @example
 * ```ts
 * keyOf(["a", 0]) === keyOf(["a", 0]); // true
 * ```
 */
export function keyOf(path: readonly PathSegment[]): string {
  return path.join("\u0001");
}

/**
 * Read a field of a source object and mark it as read; null reads as absent.
 *
 * @example
 * ```ts
 * read(newMapping(), { name: "x" }, "name", []); // "x"
 * ```
 */
export function read(mapping: Mapping, source: Json, field: string, path: readonly PathSegment[]): unknown {
  const value = source[field];
  // Objects and lists are consumed field by field, so that their unread parts can be reported.
  if (mapping.consumed !== undefined && value !== undefined && (value === null || typeof value !== "object")) mapping.consumed.add(keyOf([...path, field]));
  return value === null ? undefined : value;
}

/**
 * Like {@link read}, but an empty string reads as absent (optional text in many feeds).
 *
 * @example
 * ```ts
 * readText(newMapping(), { region: "" }, "region", []); // undefined
 * ```
 */
export function readText(mapping: Mapping, source: Json, field: string, path: readonly PathSegment[]): unknown {
  const value = read(mapping, source, field, path);
  return value === "" ? undefined : value;
}

/**
 * The objects in a list field, with their paths; a field that is not a list, or an entry that is
 * not an object, is recorded as a problem.
 *
 * @example
 * ```ts
 * list(newMapping(), { items: [{ a: 1 }] }, "items", []); // [{ item: { a: 1 }, path: ["items", 0] }]
 * ```
 */
export function list(mapping: Mapping, source: Json, field: string, path: readonly PathSegment[]): Array<{ item: Json; path: PathSegment[] }> {
  const value = source[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    mapping.consumed?.add(keyOf([...path, field]));
    mapping.direct.push(issue([...path, field], "invalid_type", "Expected a list."));
    return [];
  }
  const items: Array<{ item: Json; path: PathSegment[] }> = [];
  value.forEach((item, index) => {
    if (isObject(item)) items.push({ item, path: [...path, field, index] });
    else mapping.direct.push(issue([...path, field, index], "invalid_type", "Expected an object."));
  });
  return items;
}

/**
 * Set a model field (unless the value is absent) and remember where it came from.
 *
 * @example
 * ```ts
 * const target: Json = {};
 * put(newMapping(), target, "name", "x", ["service"], ["name"]); // target.name === "x"
 * ```
 */
export function put(mapping: Mapping, target: Json, field: string, value: unknown, modelPath: readonly PathSegment[], sourcePath: readonly PathSegment[]): void {
  if (value === undefined) return;
  target[field] = value;
  if (mapping.track) mapping.sources.push([[...modelPath, field], [...sourcePath]]);
}

/**
 * Like {@link put}, with the source path given as its parent and field, so that nothing is
 * allocated for it unless the mapping keeps sources.
 *
 * @example
 * ```ts
 * const target: Json = {};
 * putAt(newMapping(), target, "name", "x", ["service"], [], "name"); // target.name === "x"
 * ```
 */
export function putAt(mapping: Mapping, target: Json, field: string, value: unknown, modelPath: readonly PathSegment[], sourceParent: readonly PathSegment[], sourceField: PathSegment): void {
  if (value === undefined) return;
  target[field] = value;
  if (mapping.track) mapping.sources.push([[...modelPath, field], [...sourceParent, sourceField]]);
}

/**
 * Move issues found on model paths to the source paths they came from (the longest known prefix wins).
 *
 * @example
 * ```ts
 * const mapping = newMapping();
 * put(mapping, {}, "latitude", 100, ["locations", 0], ["location", "latitude"]);
 * translate(mapping, [{ path: ["locations", 0, "latitude"], code: "too_big", message: "Must be at most 90." }])[0]?.path; // ["location", "latitude"]
 * ```
 */
export function translate(mapping: Mapping, issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((found) => {
    let best: [PathSegment[], PathSegment[]] | undefined;
    for (const entry of mapping.sources) {
      const [model] = entry;
      if (model.length <= found.path.length && model.every((segment, index) => found.path[index] === segment) && (best === undefined || model.length > best[0].length)) best = entry;
    }
    return best === undefined ? { ...found, path: [] } : { ...found, path: [...best[1], ...found.path.slice(best[0].length)] };
  });
}

/**
 * Collect the paths of leaf values in a source record that were never read.
 *
 * @example
 * ```ts
 * const unread: PathSegment[][] = [];
 * unconsumed(newMapping(), { a: 1 }, [], unread); // unread: [["a"]]
 * ```
 */
export function unconsumed(mapping: Mapping, value: unknown, path: PathSegment[], into: PathSegment[][]): void {
  if (mapping.consumed?.has(keyOf(path)) === true) return;
  if (Array.isArray(value)) value.forEach((item, index) => unconsumed(mapping, item, [...path, index], into));
  else if (isObject(value)) for (const [field, inner] of Object.entries(value)) unconsumed(mapping, inner, [...path, field], into);
  else if (value !== null && value !== "") into.push(path);
}
