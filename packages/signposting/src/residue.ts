import type { PathSegment } from "@selfmanage/core";
import type { JsonValue, OrukResidue } from "./extensions";

type JsonObject = { [key: string]: JsonValue };
type Row = NonNullable<OrukResidue["rows"]>[string][number];

/**
 * What the difference between a source record and the export of its model says, field by field.
 *
 * @example
 * ```ts
 * const note: ResidueNote = { path: ["schedules", 0, "schedule_link"], kind: "kept" };
 * ```
 */
export interface ResidueNote {
  /** Where in the source record. */
  path: PathSegment[];
  /** `kept`: the model does not hold the field; `normalised`: the model holds it in another form. */
  kind: "kept" | "normalised";
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Structural equality of two JSON values (key order ignored).
 *
 * @example
 * ```ts
 * jsonEqual({ a: [1, 2] }, { a: [1, 2] }); // true
 * ```
 */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return false;
    for (let index = 0; index < left.length; index += 1) if (!jsonEqual(left[index], right[index])) return false;
    return true;
  }
  if (Array.isArray(right)) return false;
  // Keys are walked and counted in place: a list of them per object was most of what comparing allocated.
  let count = 0;
  for (const key in left) {
    if (!own(left, key)) continue;
    count += 1;
    if (!own(right, key) || !jsonEqual((left as JsonObject)[key], (right as JsonObject)[key])) return false;
  }
  for (const key in right) if (own(right, key)) count -= 1;
  return count === 0;
}

const own = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/**
 * Set an own property, whatever its name: `__proto__` from a JSON source is a field like any other,
 * never the object's prototype.
 *
 * @example
 * ```ts
 * const target: Record<string, unknown> = {};
 * setOwn(target, "__proto__", 1); // Object.keys(target) is ["__proto__"]
 * ```
 */
export function setOwn(target: object, key: string, value: unknown): void {
  // Only `__proto__` is special when assigned to a plain object; defining a property costs far more than setting one.
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}

function clone<T extends JsonValue>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => clone(item)) as T;
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) setOwn(copy, key, clone((value as JsonObject)[key] as JsonValue));
  return copy as T;
}

/** Rows can be matched by id when every exported row is an object with its own id. */
function rowIds(rows: readonly JsonValue[]): string[] | undefined {
  const ids: string[] = [];
  // Most lists are short: a search of the ids so far is cheaper than a set until they are not.
  const seen = rows.length > 16 ? new Set<string>() : undefined;
  for (const row of rows) {
    if (!isJsonObject(row) || typeof row.id !== "string") return undefined;
    const id = row.id;
    if (seen === undefined ? ids.includes(id) : seen.has(id)) return undefined;
    seen?.add(id);
    ids.push(id);
  }
  return ids;
}

/** How alike two rows are: one for each equal field, a half for a nested object with something in common. */
function likeness(source: JsonObject, exported: JsonObject): number {
  let score = 0;
  for (const key in source) {
    if (key === "id" || !own(source, key) || !own(exported, key)) continue;
    const left = source[key];
    const right = exported[key];
    if (jsonEqual(left, right)) score += 1;
    else if (isJsonObject(left) && isJsonObject(right) && likeness(left, right) > 0) score += 0.5;
  }
  return score;
}

/**
 * Whether a patch changes nothing the source holds but ids: its own, and those of the objects and
 * rows inside it (the exporter makes its own ids; a feed has others). It may drop fields the export adds.
 */
function onlyIdsDiffer(source: JsonObject, patch: OrukResidue): boolean {
  if (patch.add !== undefined || patch.gone !== undefined) return false;
  for (const key of Object.keys(patch.swap ?? {})) if (key !== "id" && own(source, key)) return false;
  for (const [key, inner] of Object.entries(patch.into ?? {})) if (!onlyIdsDiffer(source[key] as JsonObject, inner as OrukResidue)) return false;
  for (const [key, rows] of Object.entries(patch.rows ?? {})) {
    const sourceRows = source[key] as JsonObject[];
    // Each source row matched to an exported one (the entries follow the source rows), differing in ids only.
    for (const [index, row] of rows.entries()) {
      if (!("at" in row)) return false;
      if (row.patch !== undefined && !onlyIdsDiffer(sourceRows[index] as JsonObject, row.patch)) return false;
    }
  }
  return true;
}

function diffRows(source: JsonValue[], exported: JsonValue[], ids: string[], path: PathSegment[], notes: ResidueNote[]): { rows: Row[]; gone: string[] } | undefined {
  const used = new Set<number>();
  const rows: Row[] = [];
  let changed = source.length !== exported.length;
  source.forEach((sourceRow, position) => {
    let best = -1;
    let bestScore = 0;
    const rowPath = [...path, position];
    // Rows usually come in the order the exporter writes them: a row alike in all but its id needs no search.
    const same = exported[position];
    const hasId = isJsonObject(sourceRow) && own(sourceRow, "id");
    if (hasId && isJsonObject(same) && !used.has(position)) {
      // For a row with an id, "alike in all but its id" is what its patch says: taken when so, without comparing twice.
      const found: ResidueNote[] = [];
      const patch = diffObject(sourceRow, same, rowPath, found);
      if (patch === undefined || onlyIdsDiffer(sourceRow, patch)) {
        used.add(position);
        for (const note of found) notes.push(note);
        if (patch !== undefined) changed = true;
        rows.push(patch === undefined ? { at: ids[position] as string } : { at: ids[position] as string, patch });
        return;
      }
    }
    // A row without an id may still be alike in all but one field. (For a row with one, the patch above has already answered.)
    if (!hasId && isJsonObject(sourceRow) && !used.has(position) && same !== undefined && likeness(sourceRow, same as JsonObject) >= Object.keys(sourceRow).length - 1) {
      best = position;
      bestScore = 1;
    } else if (isJsonObject(sourceRow)) {
      exported.forEach((exportedRow, index) => {
        if (used.has(index)) return;
        const score = likeness(sourceRow, exportedRow as JsonObject);
        if (score > bestScore) {
          best = index;
          bestScore = score;
        }
      });
    }
    if (best < 0) {
      changed = true;
      notes.push({ path: rowPath, kind: "kept" });
      rows.push({ row: sourceRow });
      return;
    }
    used.add(best);
    if (best !== position) changed = true;
    const patch = diffObject(sourceRow as JsonObject, exported[best] as JsonObject, rowPath, notes);
    if (patch !== undefined) changed = true;
    rows.push(patch === undefined ? { at: ids[best] as string } : { at: ids[best] as string, patch });
  });
  if (!changed) return undefined;
  return { rows, gone: ids.filter((_, index) => !used.has(index)) };
}

/**
 * The residue of a source record against the export of its model: what to add, swap and drop so
 * that the export gives the source back. Notes name each difference at its source path.
 *
 * @example
 * ```ts
 * const notes: ResidueNote[] = [];
 * diffObject({ id: "a", opens_at: "10:00:00", link: "x" }, { id: "a", opens_at: "10:00" }, [], notes);
 * // { add: { link: "x" }, swap: { opens_at: { from: "10:00", to: "10:00:00" } } }
 * ```
 */
export function diffObject(source: JsonObject, exported: JsonObject, path: PathSegment[], notes: ResidueNote[]): OrukResidue | undefined {
  // Made only when something differs: most objects compared are equal.
  let residue: OrukResidue | undefined;
  for (const key in source) {
    if (!own(source, key)) continue;
    const sourceValue = source[key] as JsonValue;
    if (!own(exported, key)) {
      const fieldPath = [...path, key];
      setOwn(((residue ??= {}).add ??= {}), key, sourceValue);
      notes.push({ path: fieldPath, kind: "kept" });
      continue;
    }
    const exportedValue = exported[key] as JsonValue;
    if (jsonEqual(sourceValue, exportedValue)) continue;
    const fieldPath = [...path, key];
    if (isJsonObject(sourceValue) && isJsonObject(exportedValue)) {
      const inner = diffObject(sourceValue, exportedValue, fieldPath, notes);
      if (inner !== undefined) setOwn(((residue ??= {}).into ??= {}), key, inner);
      continue;
    }
    if (Array.isArray(sourceValue) && Array.isArray(exportedValue)) {
      const ids = rowIds(exportedValue);
      if (ids !== undefined && sourceValue.every(isJsonObject)) {
        const rows = diffRows(sourceValue, exportedValue, ids, fieldPath, notes);
        if (rows !== undefined) {
          setOwn(((residue ??= {}).rows ??= {}), key, rows.rows);
          if (rows.gone.length > 0) setOwn(((residue ??= {}).gone ??= {}), key, rows.gone);
        }
        continue;
      }
    }
    setOwn(((residue ??= {}).swap ??= {}), key, { from: exportedValue, to: sourceValue });
    // The model does not hold the ids of nested rows: the exporter makes its own, so the source's are kept.
    notes.push({ path: fieldPath, kind: key === "id" && path.length > 0 ? "kept" : "normalised" });
  }
  for (const key in exported) {
    if (own(exported, key) && !own(source, key)) setOwn(((residue ??= {}).swap ??= {}), key, { from: exported[key] as JsonValue });
  }
  return residue;
}

function applyRows(exported: JsonValue, rows: Row[], gone: readonly string[]): JsonValue[] {
  const current = Array.isArray(exported) ? exported : [];
  const byId = new Map<string, JsonObject>();
  for (const row of current) if (isJsonObject(row) && typeof row.id === "string") byId.set(row.id, row);
  const placed = new Set<JsonValue>();
  const result: JsonValue[] = [];
  for (const entry of rows) {
    if ("row" in entry) {
      result.push(clone(entry.row));
      continue;
    }
    const row = byId.get(entry.at);
    if (row === undefined || placed.has(row)) continue;
    placed.add(row);
    result.push(isJsonObject(entry.patch) ? applyResidue(row, entry.patch) : row);
  }
  const dropped = new Set(gone);
  // Rows the exporter writes that were not there at import time come from edits to the model: they stay.
  for (const row of current) if (!placed.has(row) && !(isJsonObject(row) && typeof row.id === "string" && dropped.has(row.id))) result.push(row);
  return result;
}

/**
 * Put a residue back onto an export: the record as the source wrote it, wherever the model still
 * holds what it held at import time. The exported object is changed in place and returned.
 *
 * @example
 * ```ts
 * applyResidue({ id: "a", opens_at: "10:00" }, { add: { link: "x" }, swap: { opens_at: { from: "10:00", to: "10:00:00" } } });
 * // { id: "a", opens_at: "10:00:00", link: "x" }
 * ```
 */
export function applyResidue(exported: JsonObject, residue: OrukResidue): JsonObject {
  // Extensions are plain data a user may have edited: anything not shaped as a residue is ignored.
  const section = (value: unknown): Array<[string, unknown]> => (isJsonObject(value) ? Object.entries(value) : []);
  for (const [key, change] of section(residue.swap)) {
    if (!isJsonObject(change) || !jsonEqual(exported[key], change.from)) continue;
    if (change.to === undefined) delete exported[key];
    else setOwn(exported, key, clone(change.to));
  }
  for (const [key, inner] of section(residue.into)) {
    const target = exported[key];
    if (isJsonObject(target) && isJsonObject(inner)) applyResidue(target, inner as OrukResidue);
  }
  const gone = isJsonObject(residue.gone) ? residue.gone : {};
  for (const [key, rows] of section(residue.rows)) {
    if (!Array.isArray(rows)) continue;
    const valid = rows.filter((entry): entry is Row => isJsonObject(entry) && ("row" in entry || typeof entry.at === "string"));
    const dropped = gone[key];
    setOwn(exported, key, applyRows(Object.prototype.hasOwnProperty.call(exported, key) ? (exported[key] as JsonValue) : [], valid, Array.isArray(dropped) ? dropped.filter((id): id is string => typeof id === "string") : []));
  }
  for (const [key, value] of section(residue.add)) {
    // A field the model has come to hold since the import is written from the model.
    if (!Object.prototype.hasOwnProperty.call(exported, key)) setOwn(exported, key, clone(value as JsonValue));
  }
  return exported;
}
