import { findReservedKeys, issue, jsonNoticeIssue, type PathSegment } from "@selfmanage/core";
import { validateDraft } from "../directory/validate";
import { validateLocation, validateOrganisation, validateService, type Location, type Organisation, type Service } from "../directory";
import type { JsonValue, OrukResidue } from "../extensions";
import type { ImportProblem } from "../import-report";
import { isObject, list, newMapping, translate, type Json, type Mapping } from "../mapping";
import { noticeMessages, type NoticeCollector } from "../notices";
import { diffObject, setOwn, type ResidueNote } from "../residue";
import { settleDraft, type Settled, type SettleRules } from "../settle";
import { ORUK_EXTENSION, ORUK_V1_EXTENSION, recordKind } from "./fields";
import { readLocation, readOrganisation } from "./read-place";
import { breaksOrukProfile } from "./profile";
import { readService } from "./read-service";
import { convertOrukV1, isOrukV1Record, type V1Conversion } from "./v1";
import { writeLocation, writeOrganisation, writeService } from "./write";

/** The words of the notices about ORUK v1 records, by code. */
const V1_MESSAGES: Record<V1Conversion["changes"][number]["code"], string> = {
  v1_renamed: "ORUK v1 name for a field ORUK 3.0 renamed (the organisation's url is its website in 3.0); read under its 3.0 name.",
  v1_kept: "ORUK v1 field with no place in ORUK 3.0; kept as written in the record's oruk-v1 extensions, and not written to a 3.0 export.",
  v1_mapped: "ORUK v1 attending word read into the model (attending type or access route); a 3.0 export writes it as the model's attribute.",
  empty_value: "Empty text, which ORUK v1 feeds write for 'no value'; read as absent.",
};

/**
 * What an import remembers between records: a fingerprint per id already seen (so repeats and
 * clashes are found without holding the records) and the notices so far.
 *
 * @example
 * ```ts
 * const state: RecordState = newRecordState(createNoticeCollector());
 * ```
 */
export interface RecordState {
  notices: NoticeCollector;
  services: Map<string, number>;
  organisations: Map<string, number>;
  locations: Map<string, number>;
  /** Keep what the model does not hold in each record's extensions (the default). */
  keepSource: boolean;
}

/**
 * What one feed record gave: new model records, and problems for what could not be imported.
 *
 * @example
 * ```ts
 * const outcome: RecordOutcome = { services: [], organisations: [], locations: [], problems: [] };
 * ```
 */
export interface RecordOutcome {
  services: Service[];
  organisations: Organisation[];
  locations: Location[];
  problems: ImportProblem[];
}

/**
 * A fresh state for one import.
 *
 * @example
 * ```ts
 * const state = newRecordState(createNoticeCollector());
 * ```
 */
export function newRecordState(notices: NoticeCollector, keepSource = true): RecordState {
  return { notices, services: new Map(), organisations: new Map(), locations: new Map(), keepSource };
}

const REQUIRED = new Set([
  "service",
  "service.id",
  "service.name",
  "service.status",
  "service.categories",
  "service.hours.weekly",
  "service.hours.weekly.*.day",
  "service.hours.weekly.*.opens",
  "service.hours.weekly.*.closes",
  "service.hours.exceptions.*.date",
  "service.hours.exceptions.*.periods",
  "service.hours.exceptions.*.periods.*.opens",
  "service.hours.exceptions.*.periods.*.closes",
  "service.areas.*.kind",
  "service.areas.*.code",
  "service.areas.*.radiusKm",
  "service.areas.*.description",
  "service.classifications.*.system",
  "service.classifications.*.code",
  "organisation.id",
  "organisation.name",
  "organisation.identifiers.*.type",
  "organisation.identifiers.*.value",
  "locations.*.id",
  "locations.*.kind",
  "locations.*.address.line1",
  "locations.*.address.city",
  "locations.*.address.postcode",
  "locations.*.address.country",
  "locations.*.accessibility.*.features",
  "locations.*.externalIdentifier.type",
  "locations.*.externalIdentifier.value",
]);


const rules: Omit<SettleRules, "refusing"> = {
  validate: validateDraft,
  required: REQUIRED,
  linked: (path) => {
    if (path.length === 2 && path[0] === "locations") return [["service", "locationIds", path[1] as number]];
    if (path.length === 1 && path[0] === "organisation") return [["service", "organisationId"]];
    if (path.length === 3 && path[0] === "locations" && (path[2] === "latitude" || path[2] === "longitude")) return [[path[0], path[1] as number, path[2] === "latitude" ? "longitude" : "latitude"]];
    return [];
  },
};

/**
 * The rules for one record: a fault refuses it only when the value at its source breaks the ORUK
 * schema itself. ORUK v1 feeds are older and looser (web addresses without a scheme, say), so for
 * them only a missing field or a wrong type refuses.
 */
function rulesFor(mapping: Mapping, root: unknown, profilePath: (source: PathSegment[]) => PathSegment[], v1: boolean): SettleRules {
  return {
    ...rules,
    refusing: (found) => {
      const source = translate(mapping, [found])[0]?.path ?? [];
      return breaksOrukProfile(profilePath(source), valueAt(root, source), { formats: !v1 });
    },
  };
}

function valueAt(source: unknown, path: readonly PathSegment[]): unknown {
  let value = source;
  for (const segment of path) value = isObject(value) || Array.isArray(value) ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  return value;
}

/** What a telephone number usually looks like; others are imported and reported. */
const PHONE = /^\+?[0-9 ()-]{6,30}$/;

function recordName(raw: Json, position: number): number | string {
  return typeof raw.id === "string" && raw.id !== "" ? raw.id : position;
}

// The two lanes of the digest being worked out (module state: a digest is one synchronous walk).
let left = 0;
let right = 0;

function mixWord(word: number): void {
  left = Math.imul(left ^ word, 0x5bd1e995);
  left ^= left >>> 15;
  right = Math.imul(right ^ word, 0x85ebca6b);
  right ^= right >>> 13;
}

/** Mix in a text two UTF-16 units at a time, then its length (so that "ab","c" and "a","bc" differ). */
function mixText(text: string): void {
  let l = left;
  let r = right;
  const length = text.length;
  let index = 0;
  for (; index + 1 < length; index += 2) {
    const word = text.charCodeAt(index) | (text.charCodeAt(index + 1) << 16);
    l = Math.imul(l ^ word, 0x5bd1e995);
    l ^= l >>> 15;
    r = Math.imul(r ^ word, 0x85ebca6b);
  }
  if (index < length) l = Math.imul(l ^ text.charCodeAt(index), 0x5bd1e995);
  left = Math.imul(l ^ length, 0x27d4eb2d);
  right = Math.imul(r ^ length, 0x165667b1);
}

/**
 * Mix in a JSON value: a tag for each kind and each end of a list or object, keys in their order.
 * As in `JSON.stringify`, a field whose value is undefined is no field at all.
 */
function mixValue(value: unknown): void {
  if (typeof value === "string") {
    mixWord(1);
    mixText(value);
  } else if (typeof value === "number") {
    mixWord(2);
    mixText(String(value));
  } else if (typeof value === "boolean") mixWord(value ? 3 : 4);
  else if (value === null || typeof value !== "object") mixWord(5);
  else if (Array.isArray(value)) {
    mixWord(6);
    for (const item of value) mixValue(item);
    mixWord(7);
  } else {
    mixWord(8);
    for (const key in value) {
      const inner = (value as Record<string, unknown>)[key];
      if (inner === undefined || !Object.prototype.hasOwnProperty.call(value, key)) continue;
      mixText(key);
      mixValue(inner);
    }
    mixWord(9);
  }
}

/**
 * A 53-bit digest of a record (a number, so a million ids cost little): enough to tell repeats
 * from clashes. Two differently seeded lanes walk the parsed value (keys in their order, as
 * `JSON.stringify` would write them) without writing it out as text. `known` remembers digests
 * of objects already taken within one record.
 */
function fingerprint(value: object, known?: Map<object, number>): number {
  const remembered = known?.get(value);
  if (remembered !== undefined) return remembered;
  left = 0x811c9dc5;
  right = 0x9e3779b9;
  mixValue(value);
  const print = (left >>> 0) * 0x200000 + ((right >>> 0) & 0x1fffff);
  known?.set(value, print);
  return print;
}

function isUnder(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

function noteNotices(notices: NoticeCollector, notes: readonly ResidueNote[], aside: readonly PathSegment[][], prefix: readonly PathSegment[], name: number | string): void {
  for (const note of notes) {
    if (aside.some((path) => isUnder(note.path, path))) continue;
    notices.add(note.kind, prefix.length === 0 ? note.path : [...prefix, ...note.path], noticeMessages[note.kind], name);
  }
}

function isSuspicious(service: Service): boolean {
  return (service.name.length > 10_000 || (service.description?.length ?? 0) > 10_000 || service.contacts?.some((contact) => contact.phone !== undefined && !PHONE.test(contact.phone))) === true;
}

function suspicious(notices: NoticeCollector, service: Service, sourcePath: (model: PathSegment[]) => PathSegment[], name: number | string): void {
  for (const field of ["name", "description"] as const) {
    const text = service[field];
    if (text !== undefined && text.length > 10_000) notices.add("long_text", sourcePath(["service", field]), noticeMessages.longText, name);
  }
  service.contacts?.forEach((contact, index) => {
    if (contact.phone !== undefined && !PHONE.test(contact.phone)) notices.add("unusual_phone", sourcePath(["service", "contacts", index, "phone"]), noticeMessages.unusualPhone, name);
  });
}

/** Set the model values of a settled draft aside for the feed, reporting repeats and clashes. */
function admit(state: RecordState, kind: "organisations" | "locations", value: Organisation | Location, path: PathSegment[], name: number | string, into: Array<Organisation | Location>, prints?: Map<object, number>): void {
  const known = state[kind].get(value.id);
  const print = fingerprint(value, prints);
  if (known === undefined) {
    state[kind].set(value.id, print);
    into.push(value);
  } else if (known !== print) {
    state.notices.add("conflicting_record", [...path, "id"], noticeMessages.conflictingRecord, name);
  }
}

/** Notices held back until the record is taken: a record that is refused leaves no notices behind. */
function deferredNotices(): NoticeCollector & { commit(into: NoticeCollector): void } {
  const held: Array<Parameters<NoticeCollector["add"]>> = [];
  return {
    add: (...notice) => {
      held.push(notice);
    },
    list: () => [],
    commit: (into) => {
      for (const notice of held) into.add(...notice);
    },
  };
}

interface ServiceInput {
  raw: Json;
  /** Where the service object sits in the record. */
  inner: PathSegment[];
  /** The source to compare the export with, when it is not `raw` (a service-at-location record). */
  source?: Json;
  /** What the record around the service gives it (its organisation's id, a service-at-location's place), read with the same mapping. */
  context: (mapping: Mapping) => { organisationId?: unknown; locations?: Json[] };
  /** The organisation of the record the service is nested in, which the export writes with it. */
  parent?: Organisation;
  /** The whole record, and how a path in it reads as a path inside an ORUK service. */
  root: Json;
  profilePath: (source: PathSegment[]) => PathSegment[];
  /** Set when the record was written in ORUK v1 and converted. */
  v1?: V1Conversion;
}

function mapService(input: ServiceInput, mapping: Mapping): Record<string, unknown> {
  const mapped = readService(mapping, input.raw, input.inner, input.context(mapping));
  if (input.v1 !== undefined) {
    for (const [field, values, source] of [
      ["attending", input.v1.attending, "attending_type"],
      ["accessRoutes", input.v1.accessRoutes, "attending_access"],
    ] as const) {
      if (values.length === 0) continue;
      mapped.service[field] = [...new Set(values)];
      if (mapping.track) mapping.sources.push([["service", field], [...input.inner, source]]);
    }
  }
  return { service: mapped.service, locations: mapped.locations, ...(mapped.organisation === undefined ? {} : { organisation: mapped.organisation }) };
}

/** Whether a mapped record is valid as it stands, validating organisations and locations only the first time they are met. */
function validAsItStands(state: RecordState, draft: Record<string, unknown>, prints: Map<object, number>): boolean {
  if (!validateService(draft.service).ok) return false;
  const organisation = draft.organisation as Organisation | undefined;
  if (organisation !== undefined && state.organisations.get(organisation.id) !== fingerprint(organisation, prints) && !validateOrganisation(organisation).ok) return false;
  for (const location of draft.locations as Location[]) {
    if (state.locations.get(location.id) !== fingerprint(location, prints) && !validateLocation(location).ok) return false;
  }
  return !isSuspicious(draft.service as Service);
}

function importService(state: RecordState, input: ServiceInput, position: number, name: number | string, recordPath: PathSegment[], outcome: RecordOutcome): void {
  const { inner } = input;
  // Most records are valid as they stand: a first pass keeps no record of where each value came
  // from. Only a record with something to report is read again, keeping it, to say where.
  let mapping = newMapping(false, false);
  let draft = mapService(input, mapping);
  let settled: Settled = { refused: [], dropped: [], removed: [] };
  // Digests of the organisation and locations, worked out once for the check and the admission.
  const prints = new Map<object, number>();
  if (mapping.direct.length > 0 || !validAsItStands(state, draft, prints)) {
    mapping = newMapping(false, true);
    draft = mapService(input, mapping);
    settled = settleDraft(draft, rulesFor(mapping, input.root, input.profilePath, input.v1 !== undefined));
  }
  if (mapping.direct.length > 0 || settled.refused.length > 0) {
    outcome.problems.push({ record: position, path: recordPath, issues: [...mapping.direct, ...translate(mapping, settled.refused)] });
    return;
  }
  const service = draft.service as Service;
  const organisation = draft.organisation as Organisation | undefined;
  const locations = draft.locations as Location[];
  const notices = deferredNotices();
  const aside = translate(mapping, settled.dropped);
  for (const found of aside) notices.add(found.code, found.path, `${found.message} ${noticeMessages.keptAside}`, name);
  if (mapping.track) suspicious(notices, service, (model) => translate(mapping, [issue(model, "x", "x")])[0]?.path ?? [], name);

  if (input.v1 !== undefined) {
    for (const change of input.v1.changes) notices.add(change.code, [...inner, ...change.path], V1_MESSAGES[change.code], name);
    // A v1 record has no 3.0 residue: what the model could not hold is kept as written, by its path.
    for (const found of aside) {
      const value = valueAt(input.raw, found.path.slice(inner.length));
      if (value !== undefined) setOwn(input.v1.kept, found.path.slice(inner.length).join("."), value);
    }
    if (state.keepSource && Object.keys(input.v1.kept).length > 0) service.extensions = { ...service.extensions, [ORUK_V1_EXTENSION]: input.v1.kept };
  } else {
    const notes: ResidueNote[] = [];
    const owner = organisation ?? input.parent;
    const written = writeService(service, new Map(owner === undefined ? [] : [[owner.id, owner]]), new Map(locations.map((location) => [location.id, location])));
    const residue = diffObject((input.source ?? input.raw) as { [key: string]: JsonValue }, written, [], notes);
    noteNotices(
      notices,
      notes,
      aside.map((found) => found.path.slice(inner.length)),
      inner,
      name,
    );
    if (residue !== undefined && state.keepSource) service.extensions = { ...service.extensions, [ORUK_EXTENSION]: residue as unknown as JsonValue };
  }

  const known = state.services.get(service.id);
  const print = fingerprint(input.source ?? input.raw);
  if (known !== undefined) {
    if (known === print) state.notices.add("duplicate_record", [...inner, "id"], noticeMessages.duplicateRecord, name);
    else outcome.problems.push({ record: position, path: recordPath, issues: [issue([...inner, "id"], "duplicate_id", "An earlier service in the feed has this id but different details; the earlier one was kept.")] });
    return;
  }
  state.services.set(service.id, print);
  notices.commit(state.notices);
  outcome.services.push(service);
  if (organisation !== undefined) admit(state, "organisations", organisation, [...inner, "organization"], name, outcome.organisations, prints);
  locations.forEach((location, index) => admit(state, "locations", location, mapping.sources.find(([model]) => model.length === 2 && model[0] === "locations" && model[1] === index)?.[1] ?? inner, name, outcome.locations, prints));
}

function withoutServices(raw: Json): Json {
  const { services: _services, ...rest } = raw;
  return rest;
}

function importOrganisation(state: RecordState, raw: Json, position: number, name: number | string, recordPath: PathSegment[], outcome: RecordOutcome): void {
  const mapping = newMapping(false);
  const draft: Record<string, unknown> = { organisation: readOrganisation(mapping, raw, []) };
  const settled = settleDraft(draft, { ...rulesFor(mapping, raw, (source) => ["organization", ...source], false), required: new Set([...REQUIRED, "organisation"]) });
  const services = list(mapping, raw, "services", []);
  if (mapping.direct.length > 0 || settled.refused.length > 0) {
    outcome.problems.push({ record: position, path: recordPath, issues: [...mapping.direct, ...translate(mapping, settled.refused)] });
    return;
  }
  const organisation = draft.organisation as Organisation;
  const aside = translate(mapping, settled.dropped);
  for (const found of aside) state.notices.add(found.code, found.path, `${found.message} ${noticeMessages.keptAside}`, name);
  const notes: ResidueNote[] = [];
  const residue: OrukResidue | undefined = diffObject(withoutServices(raw) as { [key: string]: JsonValue }, writeOrganisation(organisation), [], notes);
  noteNotices(state.notices, notes, aside.map((found) => found.path), [], name);
  if (residue !== undefined && state.keepSource) organisation.extensions = { ...organisation.extensions, [ORUK_EXTENSION]: residue as unknown as JsonValue };
  admit(state, "organisations", organisation, [], name, outcome.organisations);
  for (const { item, path } of services) {
    const input: ServiceInput = { raw: item, inner: path, context: () => ({ organisationId: organisation.id }), parent: organisation, root: raw, profilePath: (source) => source.slice(path.length) };
    importService(state, input, position, recordName(item, position), [...recordPath, ...path], outcome);
  }
}

function importLocation(state: RecordState, raw: Json, position: number, name: number | string, recordPath: PathSegment[], outcome: RecordOutcome): void {
  const mapping = newMapping(false);
  const draft: Record<string, unknown> = { locations: [readLocation(mapping, raw, [], 0)] };
  const settled = settleDraft(draft, rulesFor(mapping, raw, (source) => ["service_at_locations", 0, "location", ...source], false));
  const location = (draft.locations as Location[])[0];
  if (mapping.direct.length > 0 || settled.refused.length > 0 || location === undefined) {
    outcome.problems.push({ record: position, path: recordPath, issues: [...mapping.direct, ...translate(mapping, location === undefined ? settled.dropped : settled.refused)] });
    return;
  }
  const aside = translate(mapping, settled.dropped);
  for (const found of aside) state.notices.add(found.code, found.path, `${found.message} ${noticeMessages.keptAside}`, name);
  const notes: ResidueNote[] = [];
  const residue = diffObject(raw as { [key: string]: JsonValue }, writeLocation(location), [], notes);
  noteNotices(state.notices, notes, aside.map((found) => found.path), [], name);
  if (residue !== undefined && state.keepSource) location.extensions = { ...location.extensions, [ORUK_EXTENSION]: residue as unknown as JsonValue };
  admit(state, "locations", location, [], name, outcome.locations);
}

function serviceAtLocationSource(raw: Json): Json {
  const service = raw.service as Json;
  const link: Json = {};
  for (const field of ["id", "service_id", "location_id", "description"]) if (raw[field] !== undefined) link[field] = raw[field];
  link.location = raw.location;
  const existing = Array.isArray(service.service_at_locations) ? service.service_at_locations : [];
  const rest: Json = {};
  for (const [field, value] of Object.entries(raw)) if (!["id", "service_id", "location_id", "description", "location", "service"].includes(field)) setOwn(rest, field, value);
  // The model keeps a service-at-location as the service with the location linked, which is how it exports.
  return { ...service, service_at_locations: [...existing, { ...link, ...rest }] };
}

/**
 * Import one ORUK record (a service, a service-at-location, or an organisation with nested
 * services) against the import's state. `keysChecked` says the caller has already made sure the
 * record has no `__proto__` key (the streamed import's scanner does).
 *
 * @example
 * ```ts
 * const outcome = importOrukRecord(newRecordState(createNoticeCollector()), { id: "s", name: "Example", status: "active" }, 0, [0]);
 * outcome.services.length; // 1
 * ```
 */
export function importOrukRecord(state: RecordState, raw: unknown, position: number, recordPath: PathSegment[], version?: "v1", keysChecked = false): RecordOutcome {
  const outcome: RecordOutcome = { services: [], organisations: [], locations: [], problems: [] };
  if (!isObject(raw)) {
    outcome.problems.push({ record: position, path: recordPath, issues: [issue([], "invalid_type", "Expected an object for each record.")] });
    return outcome;
  }
  // A __proto__ key would be lost the moment the record is copied, even into its extensions.
  const reserved = keysChecked ? [] : findReservedKeys(raw);
  if (reserved.length > 0) {
    outcome.problems.push({ record: position, path: recordPath, issues: reserved.map((path) => jsonNoticeIssue({ kind: "reserved_key", path })) });
    return outcome;
  }
  const name = recordName(raw, position);
  switch (recordKind(raw)) {
    case "service": {
      const v1 = version === "v1" || isOrukV1Record(raw) ? convertOrukV1(raw) : undefined;
      const record = v1?.record ?? raw;
      importService(state, { raw: record, inner: [], context: () => ({}), root: record, profilePath: (source) => source, ...(v1 === undefined ? {} : { v1 }) }, position, name, recordPath, outcome);
      break;
    }
    case "service-at-location": {
      const service = raw.service as Json;
      const context = (mapping: Mapping): { locations: Json[] } => ({ locations: [readLocation(mapping, raw.location as Json, ["location"], 0)] });
      const profilePath = (source: PathSegment[]): PathSegment[] => (source[0] === "location" ? ["service_at_locations", 0, ...source] : source.slice(1));
      importService(state, { raw: service, inner: ["service"], source: serviceAtLocationSource(raw), context, root: raw, profilePath }, position, recordName(service, position), recordPath, outcome);
      break;
    }
    case "organisation":
      importOrganisation(state, raw, position, name, recordPath, outcome);
      break;
    case "location":
      importLocation(state, raw, position, name, recordPath, outcome);
      break;
    default:
      outcome.problems.push({
        record: position,
        path: recordPath,
        issues: [issue([], "not_a_directory_record", "This record is not a service, service-at-location, organisation or location (for example a taxonomy), so there is nothing to import.")],
      });
  }
  return outcome;
}
