import { issue, type LocalisedText, type PathSegment, type ValidationIssue } from "@selfmanage/core";
import { fhirCodes } from "./codes";
import type { FhirNotice } from "./import-result";

const FHIR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const FHIR_PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
const FHIR_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

/**
 * What reading FHIR found: issues (the input cannot become a toolkit record as it stands) and
 * notices (elements the toolkit's model has no place for, kept here so nothing is dropped silently).
 * Both carry FHIRPath-style paths and never a value.
 *
 * @example
 * ```ts
 * const log: ReadLog = { issues: [], notices: [], nodes: [] };
 * ```
 */
export interface ReadLog {
  readonly issues: ValidationIssue[];
  readonly notices: FhirNotice[];
  /** The nodes read since the last `finishReading`, so that it can report the elements nobody read. */
  readonly nodes: FhirNode[];
}

/**
 * A FHIR JSON object being read, with its path, that remembers which elements were read.
 *
 * @example
 * ```ts
 * const goal = readNode(log, input, ["Goal"]);
 * const words = goal?.string("description", true);
 * ```
 */
export interface FhirNode {
  /** Where the object is, FHIRPath-style (worked out when first asked for). */
  readonly path: readonly PathSegment[];
  readonly value: Readonly<Record<string, unknown>>;
  string(key: string, required?: boolean): string | undefined;
  boolean(key: string, required?: boolean): boolean | undefined;
  integer(key: string, required?: boolean): number | undefined;
  decimal(key: string, required?: boolean): number | undefined;
  /** A full date, YYYY-MM-DD; a partial date (year or year-month) is an issue. */
  date(key: string, required?: boolean): string | undefined;
  /** A dateTime with seconds and offset; a date alone, or a time without offset, is an issue. */
  dateTime(key: string, required?: boolean): string | undefined;
  node(key: string, required?: boolean): FhirNode | undefined;
  nodes(key: string): FhirNode[];
  /** The strings of a list of primitives, e.g. `daysOfWeek`. */
  strings(key: string): string[];
  /** Localised text from `key` and the translation extensions on `_key`. */
  localised(key: string, required?: boolean): LocalisedText | undefined;
  /** The entries of `extension` with this URL, marked as read. */
  extensions(url: string): FhirNode[];
  /** Mark keys as read without reading them (elements the toolkit derives again). */
  skip(...keys: string[]): void;
  /** Record a notice at this object (or at `key` below it): something read but not kept. */
  notice(key: PathSegment | undefined, code: FhirNotice["code"], message: string): void;
  /** Mark every element as read (a resource noted as a whole). */
  skipAll(): void;
  /** Whether a key has been read. */
  wasRead(key: string): boolean;
  /** Whether the `extension` entry at this index has been read. */
  wasExtensionRead(index: number): boolean;
  /** Record an issue at a key of this node. */
  problem(key: PathSegment | undefined, code: string, message: string): void;
}

const typeMessages = {
  string: "Expected a string here.",
  boolean: "Expected true or false here.",
  integer: "Expected a whole number here.",
  decimal: "Expected a number here.",
  object: "Expected an object here.",
  array: "Expected a list here.",
} as const;

const PARTIAL_DATE = { pattern: FHIR_PARTIAL_DATE, message: "The toolkit needs a full date (YYYY-MM-DD) here; a year or a month alone is not enough." };
const DATE_ONLY = { pattern: /^\d{4}(-\d{2}(-\d{2})?)?$/, message: "The toolkit needs a date and time with seconds and a time-zone offset here; a date alone is not enough." };

const isString = (candidate: unknown): boolean => typeof candidate === "string";
const isBoolean = (candidate: unknown): boolean => typeof candidate === "boolean";
const isDecimal = (candidate: unknown): boolean => typeof candidate === "number" && Number.isFinite(candidate);

const NOT_CACHED: unique symbol = Symbol("not cached");

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// One cursor per JSON object read. Reading a large file makes millions of these, so a cursor
// holds only what it needs (its parent and its own path segments, the keys read) and creates its
// caches the first time they are needed; the path is worked out only when an issue names it.
class Cursor implements FhirNode {
  readonly value: Readonly<Record<string, unknown>>;
  private readonly log: ReadLog;
  private readonly parent: Cursor | undefined;
  /** The path of a root; for a child, its key in the parent and, in a list, its index. */
  private readonly rootPath: readonly PathSegment[] | undefined;
  private readonly key: string | undefined;
  private readonly index: number | undefined;
  private fullPath: readonly PathSegment[] | undefined;
  private readKeys: string[] | undefined;
  private readExtensions: boolean[] | undefined;
  // Reading the same element twice gives the same nodes, so nothing read once is reported unread:
  // the nodes read under each key, as pairs in one small list (most objects have a few elements).
  private cache: unknown[] | undefined;
  private extensionNodes: Array<Cursor | undefined> | undefined;
  /** Set once the cursor is in a log's `nodes`; a finished cursor is never reported again. */
  state: "new" | "tracked" | "finished" = "new";

  constructor(log: ReadLog, value: Record<string, unknown>, parent: Cursor | undefined, rootPath: readonly PathSegment[] | undefined, key?: string, index?: number) {
    this.log = log;
    this.value = value;
    this.parent = parent;
    this.rootPath = rootPath;
    this.key = key;
    this.index = index;
  }

  get path(): readonly PathSegment[] {
    if (this.fullPath === undefined) {
      if (this.parent === undefined) this.fullPath = this.rootPath ?? [];
      else this.fullPath = this.index === undefined ? [...this.parent.path, this.key as string] : [...this.parent.path, this.key as string, this.index];
    }
    return this.fullPath;
  }

  private at(key: PathSegment): PathSegment[] {
    return [...this.path, key];
  }

  problem(key: PathSegment | undefined, code: string, message: string): void {
    this.log.issues.push(issue(key === undefined ? this.path : this.at(key), code, message));
  }

  skip(...keys: string[]): void {
    for (const key of keys) this.markRead(key);
  }

  notice(key: PathSegment | undefined, code: FhirNotice["code"], message: string): void {
    this.log.notices.push({ path: key === undefined ? [...this.path] : this.at(key), code, message });
  }

  skipAll(): void {
    for (const key of Object.keys(this.value)) this.markRead(key);
    const entries = this.value.extension;
    if (Array.isArray(entries)) this.readExtensions = entries.map(() => true);
  }

  wasRead(key: string): boolean {
    return this.readKeys?.includes(key) ?? false;
  }

  wasExtensionRead(index: number): boolean {
    return this.readExtensions?.[index] === true;
  }

  private markRead(key: string): void {
    if (this.readKeys === undefined) this.readKeys = [key];
    else if (!this.readKeys.includes(key)) this.readKeys.push(key);
  }

  private take(key: string, required: boolean): unknown {
    this.markRead(key);
    const found = this.value[key];
    if (found === undefined && required) this.problem(key, "required", "This element is required here.");
    return found;
  }

  private typed(key: string, required: boolean, check: (found: unknown) => boolean, kind: keyof typeof typeMessages): unknown {
    const found = this.take(key, required);
    if (found === undefined) return undefined;
    if (!check(found)) {
      this.problem(key, "wrong_type", typeMessages[kind]);
      return undefined;
    }
    return found;
  }

  private patterned(key: string, required: boolean, pattern: RegExp, code: string, message: string, partial: { pattern: RegExp; message: string }): string | undefined {
    const found = this.typed(key, required, isString, "string") as string | undefined;
    if (found === undefined) return undefined;
    if (pattern.test(found)) return found;
    if (partial.pattern.test(found)) this.problem(key, "imprecise_date", partial.message);
    else this.problem(key, code, message);
    return undefined;
  }

  private cached(key: string): unknown {
    const cache = this.cache;
    if (cache !== undefined) for (let index = 0; index < cache.length; index += 2) if (cache[index] === key) return cache[index + 1];
    return NOT_CACHED;
  }

  private remember(key: string, value: unknown): void {
    (this.cache ??= []).push(key, value);
  }

  private child(value: unknown, key: string, index?: number): Cursor | undefined {
    if (!isObject(value)) {
      this.log.issues.push(issue(index === undefined ? this.at(key) : [...this.at(key), index], "wrong_type", typeMessages.object));
      return undefined;
    }
    const found = new Cursor(this.log, value, this, undefined, key, index);
    // What is read below a finished cursor (a resource read twice) was reported the first time.
    if (this.state === "finished") found.state = "finished";
    else track(this.log, found);
    return found;
  }

  string(key: string, required = false): string | undefined {
    const found = this.typed(key, required, isString, "string") as string | undefined;
    if (found !== undefined && found.trim() === "") {
      this.problem(key, "empty_string", "A FHIR string must contain more than white space.");
      return undefined;
    }
    return found;
  }

  boolean(key: string, required = false): boolean | undefined {
    return this.typed(key, required, isBoolean, "boolean") as boolean | undefined;
  }

  integer(key: string, required = false): number | undefined {
    return this.typed(key, required, Number.isInteger, "integer") as number | undefined;
  }

  decimal(key: string, required = false): number | undefined {
    return this.typed(key, required, isDecimal, "decimal") as number | undefined;
  }

  date(key: string, required = false): string | undefined {
    return this.patterned(key, required, FHIR_DATE, "invalid_date", "Expected a date, YYYY-MM-DD.", PARTIAL_DATE);
  }

  dateTime(key: string, required = false): string | undefined {
    return this.patterned(key, required, FHIR_DATE_TIME, "invalid_date_time", "Expected a date and time with seconds and a time-zone offset.", DATE_ONLY);
  }

  node(key: string, required = false): FhirNode | undefined {
    const known = this.cached(key);
    if (known !== NOT_CACHED) return known as Cursor | undefined;
    const found = this.take(key, required);
    const child = found === undefined ? undefined : this.child(found, key);
    this.remember(key, child);
    return child;
  }

  nodes(key: string): FhirNode[] {
    const known = this.cached(key);
    if (known !== NOT_CACHED) return known as Cursor[];
    const found = this.take(key, false);
    const read: Cursor[] = [];
    if (Array.isArray(found)) {
      found.forEach((entry, index) => {
        const child = this.child(entry, key, index);
        if (child !== undefined) read.push(child);
      });
    } else if (found !== undefined) this.problem(key, "wrong_type", typeMessages.array);
    this.remember(key, read);
    return read;
  }

  strings(key: string): string[] {
    const found = this.take(key, false);
    if (found === undefined) return [];
    if (!Array.isArray(found)) {
      this.problem(key, "wrong_type", typeMessages.array);
      return [];
    }
    const strings: string[] = [];
    found.forEach((entry, index) => {
      if (typeof entry === "string") strings.push(entry);
      else this.log.issues.push(issue([...this.at(key), index], "wrong_type", typeMessages.string));
    });
    return strings;
  }

  localised(key: string, required = false): LocalisedText | undefined {
    const en = this.string(key, required);
    const primitive = this.take(`_${key}`, false);
    if (en === undefined) return undefined;
    const text: Record<string, string> = { en };
    if (primitive === undefined) return text as LocalisedText;
    const holder = this.node(`_${key}`);
    for (const translation of holder?.extensions(fhirCodes.hl7Extensions.translation) ?? []) {
      const language = subValue(translation, "lang", "valueCode");
      const content = subValue(translation, "content", "valueString");
      if (typeof language === "string" && typeof content === "string") text[language] = content;
      else translation.problem(undefined, "incomplete_translation", "A translation needs a language and its content.");
    }
    return text as LocalisedText;
  }

  extensions(url: string): FhirNode[] {
    const found = this.value.extension;
    if (found === undefined) return [];
    this.markRead("extension");
    if (!Array.isArray(found)) {
      this.problem("extension", "wrong_type", typeMessages.array);
      return [];
    }
    const matches: Cursor[] = [];
    for (let index = 0; index < found.length; index += 1) {
      const entry: unknown = found[index];
      if (!isObject(entry) || entry.url !== url) continue;
      this.readExtensions ??= [];
      this.readExtensions[index] = true;
      this.extensionNodes ??= [];
      let child = this.extensionNodes[index];
      if (child === undefined) {
        child = this.child(entry, "extension", index);
        this.extensionNodes[index] = child;
      }
      if (child !== undefined) {
        child.markRead("url");
        matches.push(child);
      }
    }
    return matches;
  }

  /** Drop the caches once reported, so a finished resource's nodes can be collected. */
  finish(): void {
    this.state = "finished";
    this.cache = undefined;
    this.extensionNodes = undefined;
  }
}

/**
 * Start reading a JSON object at a path, or record an issue and return undefined when it is not
 * an object. The node itself is not put in the log's `nodes` (use {@link track}); what is read
 * below it is.
 *
 * @example
 * ```ts
 * const log: ReadLog = { issues: [], notices: [], nodes: [] };
 * readNode(log, { resourceType: "Goal" }, ["Goal"])?.string("resourceType"); // "Goal"
 * ```
 */
export function readNode(log: ReadLog, value: unknown, path: readonly PathSegment[]): FhirNode | undefined {
  if (!isObject(value)) {
    log.issues.push(issue(path, "wrong_type", typeMessages.object));
    return undefined;
  }
  return new Cursor(log, value, undefined, [...path]);
}

/**
 * Put a node in the log's `nodes`, so that the next `finishReading` reports what nobody read in
 * it. A node already there, or already reported, is left as it is.
 *
 * @example
 * ```ts
 * track(log, readNode(log, input, ["Goal"]));
 * ```
 */
export function track(log: ReadLog, node: FhirNode | undefined): void {
  if (node instanceof Cursor && node.state === "new") {
    node.state = "tracked";
    log.nodes.push(node);
  }
}

/**
 * The value of the first sub-extension with this name (marking it read), for complex extensions.
 *
 * @example
 * ```ts
 * subValue(gasNode, "text", "valueString"); // "Walk to the park twice a week"
 * ```
 */
export function subValue(extensionNode: FhirNode, name: string, valueKey: string): unknown {
  const first = extensionNode.extensions(name)[0];
  if (first === undefined) return undefined;
  first.skip(valueKey);
  return first.value[valueKey];
}

/**
 * Every sub-extension with this name, marked as read.
 *
 * @example
 * ```ts
 * subNodes(changeNode, "recorded").length; // 1
 * ```
 */
export function subNodes(extensionNode: FhirNode, name: string): FhirNode[] {
  return extensionNode.extensions(name);
}

/**
 * Report what nobody read in the nodes read since the last call: each unread element becomes a
 * notice at its path, each unread `modifierExtension` an issue (a modifier changes the meaning,
 * so it must not be ignored). The nodes are then done with: the log lets go of them, and reading
 * them again reports nothing twice.
 *
 * @example
 * ```ts
 * finishReading(log);
 * log.notices.map((notice) => formatPath(notice.path)); // ["Goal.priority"]
 * ```
 */
export function finishReading(log: ReadLog): void {
  for (const node of log.nodes) {
    for (const key of Object.keys(node.value)) {
      if (key === "extension") {
        const entries = node.value.extension;
        if (!Array.isArray(entries)) continue;
        for (let index = 0; index < entries.length; index += 1) {
          if (!node.wasExtensionRead(index)) log.notices.push({ path: [...node.path, "extension", index], code: "not_kept", message: "This extension has no place in the toolkit's model, so it was not kept." });
        }
        continue;
      }
      if (node.wasRead(key)) continue;
      if (key === "modifierExtension") {
        log.issues.push(issue([...node.path, key], "unknown_modifier_extension", "A modifier extension changes what the element means, and the toolkit does not know this one, so the record cannot be read safely."));
        continue;
      }
      log.notices.push({ path: [...node.path, key], code: "not_kept", message: "This element has no place in the toolkit's model, so it was not kept." });
    }
    if (node instanceof Cursor) node.finish();
  }
  log.nodes.length = 0;
}

/**
 * A new, empty read log.
 *
 * @example
 * ```ts
 * const log = newReadLog();
 * ```
 */
export function newReadLog(): ReadLog {
  return { issues: [], notices: [], nodes: [] };
}

/**
 * Start reading a resource: checks its `resourceType`. Call {@link track} on it when it is read,
 * so that `finishReading` reports what was not.
 *
 * @example
 * ```ts
 * const goal = readResource(log, input, ["Goal"], "Goal");
 * ```
 */
export function readResource(log: ReadLog, value: unknown, path: readonly PathSegment[], resourceType: string): FhirNode | undefined {
  const node = readNode(log, value, path);
  if (node === undefined) return undefined;
  const type = node.string("resourceType", true);
  if (type !== undefined && type !== resourceType) {
    node.problem("resourceType", "wrong_resource_type", `Expected a ${resourceType} resource here.`);
    return undefined;
  }
  node.skip("id", "meta");
  return node;
}
