import { issue, type LocalisedText, type PathSegment, type ValidationIssue } from "@selfmanage/core";
import { fhirCodes } from "./codes";

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
  readonly notices: ValidationIssue[];
  /** Every node read, so that `finishReading` can report the elements nobody read. */
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
  readonly path: readonly PathSegment[];
  readonly value: Readonly<Record<string, unknown>>;
  /** Keys read so far. */
  readonly used: Set<string>;
  /** Indexes of `extension` entries read so far. */
  readonly usedExtensions: Set<number>;
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

/**
 * Start reading a JSON object at a path, or record an issue and return undefined when it is not an object.
 *
 * @example
 * ```ts
 * const log: ReadLog = { issues: [], notices: [], nodes: [] };
 * readNode(log, { resourceType: "Goal" }, ["Goal"])?.string("resourceType"); // "Goal"
 * ```
 */
export function readNode(log: ReadLog, value: unknown, path: readonly PathSegment[]): FhirNode | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    log.issues.push(issue(path, "wrong_type", typeMessages.object));
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const used = new Set<string>();
  const usedExtensions = new Set<number>();
  // Reading the same element twice gives the same nodes, so nothing read once is reported unread.
  const children = new Map<string, FhirNode | undefined>();
  const lists = new Map<string, FhirNode[]>();
  const extensionNodes = new Map<number, FhirNode | undefined>();
  const at = (key: PathSegment): PathSegment[] => [...path, key];
  const problem = (key: PathSegment | undefined, code: string, message: string): void => {
    log.issues.push(issue(key === undefined ? path : at(key), code, message));
  };
  const take = (key: string, required: boolean): unknown => {
    used.add(key);
    const found = record[key];
    if (found === undefined && required) problem(key, "required", "This element is required here.");
    return found;
  };
  const typed = <T>(key: string, required: boolean, check: (found: unknown) => boolean, kind: keyof typeof typeMessages): T | undefined => {
    const found = take(key, required);
    if (found === undefined) return undefined;
    if (!check(found)) {
      problem(key, "wrong_type", typeMessages[kind]);
      return undefined;
    }
    return found as T;
  };
  const patterned = (key: string, required: boolean, pattern: RegExp, code: string, message: string, partial?: { pattern: RegExp; message: string }): string | undefined => {
    const found = typed<string>(key, required, (candidate) => typeof candidate === "string", "string");
    if (found === undefined) return undefined;
    if (pattern.test(found)) return found;
    if (partial !== undefined && partial.pattern.test(found)) problem(key, "imprecise_date", partial.message);
    else problem(key, code, message);
    return undefined;
  };
  const node: FhirNode = {
    path,
    value: record,
    used,
    usedExtensions,
    problem,
    string: (key, required = false) => {
      const found = typed<string>(key, required, (candidate) => typeof candidate === "string", "string");
      if (found !== undefined && found.trim() === "") {
        problem(key, "empty_string", "A FHIR string must contain more than white space.");
        return undefined;
      }
      return found;
    },
    boolean: (key, required = false) => typed<boolean>(key, required, (candidate) => typeof candidate === "boolean", "boolean"),
    integer: (key, required = false) => typed<number>(key, required, (candidate) => Number.isInteger(candidate), "integer"),
    decimal: (key, required = false) => typed<number>(key, required, (candidate) => typeof candidate === "number" && Number.isFinite(candidate), "decimal"),
    date: (key, required = false) =>
      patterned(key, required, FHIR_DATE, "invalid_date", "Expected a date, YYYY-MM-DD.", {
        pattern: FHIR_PARTIAL_DATE,
        message: "The toolkit needs a full date (YYYY-MM-DD) here; a year or a month alone is not enough.",
      }),
    dateTime: (key, required = false) =>
      patterned(key, required, FHIR_DATE_TIME, "invalid_date_time", "Expected a date and time with seconds and a time-zone offset.", {
        pattern: /^\d{4}(-\d{2}(-\d{2})?)?$/,
        message: "The toolkit needs a date and time with seconds and a time-zone offset here; a date alone is not enough.",
      }),
    node: (key, required = false) => {
      if (children.has(key)) return children.get(key);
      const found = take(key, required);
      const child = found === undefined ? undefined : track(log, readNode(log, found, at(key)));
      children.set(key, child);
      return child;
    },
    nodes: (key) => {
      const known = lists.get(key);
      if (known !== undefined) return known;
      const found = take(key, false);
      let read: FhirNode[] = [];
      if (Array.isArray(found)) {
        read = found.flatMap((entry, index) => {
          const child = track(log, readNode(log, entry, [...at(key), index]));
          return child === undefined ? [] : [child];
        });
      } else if (found !== undefined) problem(key, "wrong_type", typeMessages.array);
      lists.set(key, read);
      return read;
    },
    strings: (key) => {
      const found = take(key, false);
      if (found === undefined) return [];
      if (!Array.isArray(found)) {
        problem(key, "wrong_type", typeMessages.array);
        return [];
      }
      return found.flatMap((entry, index) => {
        if (typeof entry === "string") return [entry];
        log.issues.push(issue([...at(key), index], "wrong_type", typeMessages.string));
        return [];
      });
    },
    localised: (key, required = false) => {
      const en = node.string(key, required);
      const primitive = take(`_${key}`, false);
      if (en === undefined) return undefined;
      const text: Record<string, string> = { en };
      if (primitive === undefined) return text as LocalisedText;
      const holder = node.node(`_${key}`);
      for (const translation of holder?.extensions(fhirCodes.hl7Extensions.translation) ?? []) {
        const language = subValue(translation, "lang", "valueCode");
        const content = subValue(translation, "content", "valueString");
        if (typeof language === "string" && typeof content === "string") text[language] = content;
        else translation.problem(undefined, "incomplete_translation", "A translation needs a language and its content.");
      }
      return text as LocalisedText;
    },
    extensions: (url) => {
      const found = record.extension;
      if (found === undefined) return [];
      used.add("extension");
      if (!Array.isArray(found)) {
        problem("extension", "wrong_type", typeMessages.array);
        return [];
      }
      const matches: FhirNode[] = [];
      found.forEach((entry, index) => {
        if (typeof entry !== "object" || entry === null || (entry as { url?: unknown }).url !== url) return;
        usedExtensions.add(index);
        if (!extensionNodes.has(index)) extensionNodes.set(index, track(log, readNode(log, entry, [...at("extension"), index])));
        const child = extensionNodes.get(index);
        if (child !== undefined) {
          child.used.add("url");
          matches.push(child);
        }
      });
      return matches;
    },
    skip: (...keys) => {
      for (const key of keys) used.add(key);
    },
  };
  return node;
}

function track(log: ReadLog, node: FhirNode | undefined): FhirNode | undefined {
  if (node !== undefined) log.nodes.push(node);
  return node;
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
  const [first] = subNodes(extensionNode, name);
  if (first === undefined) return undefined;
  first.used.add(valueKey);
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
 * Report what nobody read: each unread element becomes a notice at its path, each unread
 * `modifierExtension` an issue (a modifier changes the meaning, so it must not be ignored).
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
        entries.forEach((_entry, index) => {
          if (!node.usedExtensions.has(index)) log.notices.push(issue([...node.path, "extension", index], "not_kept", "This extension has no place in the toolkit's model, so it was not kept."));
        });
        continue;
      }
      if (node.used.has(key)) continue;
      if (key === "modifierExtension") {
        log.issues.push(issue([...node.path, key], "unknown_modifier_extension", "A modifier extension changes what the element means, and the toolkit does not know this one, so the record cannot be read safely."));
        continue;
      }
      log.notices.push(issue([...node.path, key], "not_kept", "This element has no place in the toolkit's model, so it was not kept."));
    }
  }
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
 * Start reading a resource: checks its `resourceType` and records the node for `finishReading`.
 *
 * @example
 * ```ts
 * const goal = readResource(log, input, ["Goal"], "Goal");
 * ```
 */
export function readResource(log: ReadLog, value: unknown, path: readonly PathSegment[], resourceType: string): FhirNode | undefined {
  const node = track(log, readNode(log, value, path));
  if (node === undefined) return undefined;
  const type = node.string("resourceType", true);
  if (type !== undefined && type !== resourceType) {
    node.problem("resourceType", "wrong_resource_type", `Expected a ${resourceType} resource here.`);
    return undefined;
  }
  node.skip("id", "meta");
  return node;
}
