import { formatPath, issue, prefixIssues, safeParseResult, type PathSegment, type Result, type ValidationIssue } from "@selfmanage/core";
import { validateGoal } from "@selfmanage/goals";
import { validateInstrument, InstrumentResponse } from "@selfmanage/recovery";
import { validateLocation, validateOrganisation, validateService, validateSignpostingEvent } from "@selfmanage/signposting";
import type { FhirImport, ParsedNdjson } from "./import-result";
import { readGoal } from "./goal";
import { readLocation, readOrganisation } from "./directory";
import { readService } from "./healthcare-service";
import { readQuestionnaire } from "./questionnaire";
import { readQuestionnaireResponse } from "./questionnaire-response";
import { readSignpostingEvent } from "./service-request";
import { finishReading, newReadLog, readNode, readResource, track, type FhirNode, type ReadLog } from "./reader";
import { isScoreObservation } from "./score";

interface Entry {
  readonly resourceType: string;
  readonly path: PathSegment[];
  readonly node: FhirNode;
  /** The entry's `fullUrl` in a Bundle, which references may use. */
  readonly fullUrl: string | undefined;
  read: boolean;
}

function entriesOf(log: ReadLog, input: unknown): Entry[] {
  const found: Array<{ value: unknown; path: PathSegment[]; fullUrl?: string }> = [];
  if (Array.isArray(input)) input.forEach((value, index) => found.push({ value, path: [index, typeName(value)] }));
  else if (typeName(input) === "Bundle") {
    const bundle = readNode(log, input, ["Bundle"]);
    track(log, bundle);
    if (bundle !== undefined) {
      bundle.skip("resourceType", "id", "meta", "type", "timestamp", "identifier", "total", "link");
      bundle.nodes("entry").forEach((entry, index) => {
        entry.skip("request", "response", "search", "link");
        const fullUrl = entry.string("fullUrl");
        entry.skip("resource");
        if (entry.value.resource === undefined) entry.problem("resource", "required", "Each bundle entry needs a resource.");
        else found.push({ value: entry.value.resource, path: ["Bundle", "entry", index, "resource"], ...(fullUrl === undefined ? {} : { fullUrl }) });
      });
    }
  } else found.push({ value: input, path: [typeName(input)] });
  return found.flatMap((candidate) => {
    const resourceType = typeName(candidate.value);
    const node = readResource(log, candidate.value, candidate.path, resourceType);
    if (node === undefined) return [];
    return [{ resourceType, path: candidate.path, node, fullUrl: candidate.fullUrl, read: false }];
  });
}

function typeName(value: unknown): string {
  const type = typeof value === "object" && value !== null ? (value as { resourceType?: unknown }).resourceType : undefined;
  return typeof type === "string" && /^[A-Z][A-Za-z]{1,63}$/.test(type) ? type : "Resource";
}

interface ResourceIndex {
  resolve(reference: FhirNode, resourceType: string): FhirNode | undefined;
  referrers(resourceType: string, key: string, target: Entry): Entry[];
}

/** Mark an entry as read, and put its node in the log so what nobody read in it is reported. */
function open(log: ReadLog, entry: Entry): void {
  entry.read = true;
  track(log, entry.node);
}

function buildIndex(log: ReadLog, entries: readonly Entry[]): ResourceIndex {
  const byKey = new Map<string, Entry>();
  const reverseIndexes = new Map<string, Map<Entry, Entry[]>>();
  for (const entry of entries) {
    const id = entry.node.value.id;
    if (typeof id === "string") byKey.set(`${entry.resourceType}/${id}`, entry);
    if (entry.fullUrl !== undefined) byKey.set(entry.fullUrl, entry);
  }
  const lookup = (reference: string): Entry | undefined => {
    const direct = byKey.get(reference);
    if (direct !== undefined) return direct;
    const match = /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(reference);
    return match === null ? undefined : byKey.get(match[1] as string);
  };
  return {
    resolve(reference, resourceType) {
      reference.skip("reference", "type", "identifier", "display");
      const text = reference.value.reference;
      if (typeof text !== "string") return undefined;
      const entry = lookup(text);
      // Only a resource of the kind the reader expects is read as part of the one pointing at it.
      if (entry === undefined || entry.resourceType !== resourceType) return undefined;
      open(log, entry);
      return entry.node;
    },
    referrers(resourceType, key, target) {
      // Built once per (type, element), so finding who points at a resource stays linear overall.
      const indexKey = `${resourceType}.${key}`;
      let reverse = reverseIndexes.get(indexKey);
      if (reverse === undefined) {
        reverse = new Map<Entry, Entry[]>();
        for (const entry of entries) {
          if (entry.resourceType !== resourceType) continue;
          const references = entry.node.value[key];
          const list = Array.isArray(references) ? references : references === undefined ? [] : [references];
          for (const reference of list) {
            const text = (reference as { reference?: unknown } | null)?.reference;
            const found = typeof text === "string" ? lookup(text) : undefined;
            if (found !== undefined && !(reverse.get(found) ?? []).includes(entry)) reverse.set(found, [...(reverse.get(found) ?? []), entry]);
          }
        }
        reverseIndexes.set(indexKey, reverse);
      }
      return reverse.get(target) ?? [];
    },
  };
}

function checked<T>(log: ReadLog, path: PathSegment[], record: T | undefined, validate: (input: unknown) => Result<T>, what: string): T | undefined {
  if (record === undefined) return undefined;
  const result = validate(record);
  if (result.ok) return result.value;
  // The record was read, but breaks a rule of the toolkit's model: say where in the model, at the resource.
  for (const found of prefixIssues(result.issues.map((inner) => issue([], inner.code, `As a toolkit ${what}, ${formatPath(inner.path)}: ${inner.message}`)), path)) log.issues.push(found);
  return undefined;
}

/**
 * Read FHIR R4 input into toolkit records: a Bundle (any type), one resource, or a list of
 * resources (such as the lines of an NDJSON file). Goals come with their CarePlans and review
 * Observations, signposting events with their Consent and Tasks, responses as they are; each
 * record is then checked by its package's validator. Input that is not ours is read as far as
 * the standard and the model allow: unknown elements become notices, never silent drops.
 * Score Observations are written one way and are noted, not read back.
 *
 * @example
 * ```ts
 * const imported = fromFhir(JSON.parse(text));
 * for (const found of imported.issues) console.warn(formatIssue(found));
 * ```
 */
export function fromFhir(input: unknown): FhirImport {
  const log = newReadLog();
  const entries = entriesOf(log, input);
  // The bundle (or list) itself has been read; what it did not use is reported first.
  finishReading(log);
  const index = buildIndex(log, entries);
  const result: FhirImport = {
    goals: [],
    instruments: [],
    responses: [],
    directory: { organisations: [], locations: [], services: [] },
    signpostingEvents: [],
    issues: log.issues,
    notices: log.notices,
  };
  for (const entry of entries) {
    const { node, path } = entry;
    // A resource read as part of another (a goal's CarePlan, a request's Task) is not read again.
    if (entry.read) continue;
    switch (entry.resourceType) {
      case "Goal": {
        open(log, entry);
        const carePlans = index.referrers("CarePlan", "goal", entry);
        for (const plan of carePlans) open(log, plan);
        const goal = checked(log, path, readGoal(node, { carePlans: carePlans.map((plan) => plan.node), resolve: index.resolve }), validateGoal, "goal");
        if (goal !== undefined) result.goals.push(goal);
        break;
      }
      case "Questionnaire": {
        open(log, entry);
        const instrument = checked(log, path, readQuestionnaire(node), validateInstrument, "instrument");
        if (instrument !== undefined) result.instruments.push(instrument);
        break;
      }
      case "QuestionnaireResponse": {
        open(log, entry);
        const response = checked(log, path, readQuestionnaireResponse(node), (value) => safeParseResult(InstrumentResponse, value), "instrument response");
        if (response !== undefined) result.responses.push(response);
        break;
      }
      case "Organization": {
        open(log, entry);
        const organisation = checked(log, path, readOrganisation(node), validateOrganisation, "organisation");
        if (organisation !== undefined) result.directory.organisations.push(organisation);
        break;
      }
      case "Location": {
        open(log, entry);
        const location = checked(log, path, readLocation(node), validateLocation, "location");
        if (location !== undefined) result.directory.locations.push(location);
        break;
      }
      case "HealthcareService": {
        open(log, entry);
        const service = checked(log, path, readService(node), validateService, "service");
        if (service !== undefined) result.directory.services.push(service);
        break;
      }
      case "ServiceRequest": {
        open(log, entry);
        const tasks = index.referrers("Task", "basedOn", entry);
        for (const task of tasks) open(log, task);
        const event = checked(log, path, readSignpostingEvent(node, { tasks: tasks.map((task) => task.node), resolve: index.resolve }), validateSignpostingEvent, "signposting event");
        if (event !== undefined) result.signpostingEvents.push(event);
        break;
      }
      default:
        break;
    }
    // Each record is reported as soon as it is read, so a large file's nodes do not pile up.
    finishReading(log);
  }
  for (const entry of entries) {
    if (entry.read) continue;
    const message = isScoreObservation(entry.node.value)
      ? "Score Observations are written one way: the score is computed again from the QuestionnaireResponse, so this one was not read."
      : `The toolkit has no record this ${entry.resourceType} becomes on its own here, so it was not kept.`;
    log.notices.push({ path: [...entry.path], code: "resource_not_kept", message });
  }
  return result;
}

/**
 * Structural checks on FHIR input, with FHIRPath-style paths: everything {@link fromFhir} would
 * report as an issue (wrong types, missing elements, codes the toolkit cannot map, references it
 * cannot follow, rules of the toolkit's models). Notices are not issues.
 *
 * @example
 * ```ts
 * validateFhir({ resourceType: "Goal", lifecycleStatus: "active" }).map((found) => formatPath(found.path));
 * // ["Goal.description", "Goal.subject", ...]
 * ```
 */
export function validateFhir(input: unknown): ValidationIssue[] {
  return fromFhir(input).issues;
}

/**
 * Parse NDJSON (one resource per line, blank lines ignored) into resources for {@link fromFhir};
 * a line that is not JSON is an issue at `[line index]`.
 *
 * @example
 * ```ts
 * const parsed = parseNdjson(text);
 * if (parsed.issues.length === 0) fromFhir(parsed.resources);
 * ```
 */
export function parseNdjson(text: string): ParsedNdjson {
  const resources: unknown[] = [];
  const issues: ValidationIssue[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      resources.push(JSON.parse(line) as unknown);
    } catch {
      issues.push(issue([index], "invalid_json", `Line ${index + 1} is not valid JSON.`));
    }
  });
  return { resources, issues };
}
