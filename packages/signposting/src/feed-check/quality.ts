import { isObject, type Json } from "../mapping";
import { postcodeAreas, UK_BOUNDS } from "./postcode-areas";

/**
 * The data-quality checks the feed checker runs over ORUK services, beyond what a schema can say.
 *
 * @example
 * ```ts
 * const check: QualityCheckId = "staleness";
 * ```
 */
export type QualityCheckId = "ids" | "staleness" | "coordinates" | "schedules" | "taxonomy" | "contacts" | "markup";

/**
 * What each check looks at, and the words for each fault it finds: one table, so the text, JSON
 * and HTML reports all say the same.
 *
 * @example
 * ```ts
 * qualityChecks.contacts.codes.no_contact; // "The service gives no email, web address, phone or contact."
 * ```
 */
export const qualityChecks = {
  ids: {
    title: "Identifiers",
    description: "Every record and nested row has a UUID (as ORUK requires), service ids are unique in the feed, and the ids that link rows point where they should.",
    codes: {
      missing_id: "A row has no id.",
      id_format: "An id is not a UUID.",
      duplicate_id: "Another service in the feed has this id.",
      duplicate_row_id: "Two rows of the same service share an id.",
      broken_reference: "A linking id (service_id, location_id, organization_id, link_id, taxonomy_term_id) does not match the row it belongs to.",
    },
  },
  staleness: {
    title: "Freshness",
    description: "The service was assured or modified within the threshold.",
    codes: {
      no_date: "Neither assured_date nor last_modified is given.",
      unreadable_date: "A date cannot be read as a date.",
      stale: "The newest of assured_date and last_modified is older than the threshold.",
    },
  },
  coordinates: {
    title: "Coordinates",
    description: "Each physical location's latitude and longitude are in the UK, on or near land, and near the area of its postcode.",
    codes: {
      no_coordinates: "A physical location with an address has no coordinates.",
      incomplete_coordinates: "Only one of latitude and longitude is given.",
      off_globe: "The coordinates are not on the globe.",
      null_island: "The coordinates are 0, 0.",
      swapped: "Latitude and longitude look swapped.",
      outside_uk: "The coordinates are outside the UK.",
      not_near_land: "The coordinates are far from any UK postcode area's town (probably at sea).",
      far_from_postcode: "The coordinates are far from the area of the location's postcode.",
    },
  },
  schedules: {
    title: "Opening times",
    description: "Times read as times, opening comes before closing, days are real days, and valid_from comes before valid_to.",
    codes: {
      unreadable_time: "An opening or closing time is not HH:MM or HH:MM:SS.",
      closes_before_opens: "The closing time is not after the opening time.",
      unknown_day: "byday names a day that is not MO, TU, WE, TH, FR, SA or SU.",
      unreadable_date: "valid_from or valid_to is not a date.",
      valid_to_before_valid_from: "valid_to is before valid_from.",
      bad_interval: "interval is not a whole number of at least 1.",
    },
  },
  taxonomy: {
    title: "Taxonomy terms",
    description: "Each attribute names a term with an id and a name; where the feed lists its taxonomy terms, the term is among them, and one id always has one name.",
    codes: {
      no_term: "An attribute has no taxonomy term.",
      term_without_id: "A taxonomy term has no id.",
      term_without_name: "A taxonomy term has no name.",
      unknown_term: "The term is not in the feed's list of taxonomy terms.",
      inconsistent_term: "This term id has a different name elsewhere in the feed.",
    },
  },
  contacts: {
    title: "Contact details",
    description: "Each service gives a way to get in touch: an email address, a web address, or a contact or phone number.",
    codes: {
      no_contact: "The service gives no email, web address, phone or contact.",
    },
  },
  markup: {
    title: "Text without markup",
    description: "Text fields hold text: no HTML tags or entities, and nothing that could run as a script.",
    codes: {
      html_markup: "A text field holds HTML tags or entities.",
      script: "A text field holds a script, an event handler or a javascript: link.",
    },
  },
} as const satisfies Record<QualityCheckId, { title: string; description: string; codes: Record<string, string> }>;

/**
 * How the data-quality checks are run.
 *
 * @example
 * ```ts
 * const options: QualityOptions = { asOf: "2026-03-01", staleAfterDays: 365 };
 * ```
 */
export interface QualityOptions {
  /** The day the feed is checked as of (YYYY-MM-DD); freshness is measured from it. */
  asOf: string;
  /** Days after which an assured or modified date is stale. Default 365. */
  staleAfterDays?: number;
  /** The ids of the feed's own taxonomy terms (its `/taxonomy_terms`), when known. */
  taxonomyTerms?: ReadonlySet<string>;
  /** How many records each check names as its worst. Default 5. */
  worst?: number;
}

/**
 * The result of one check: how many services it looked at, how many passed, a score from 0 to
 * 100 (null when it looked at none), its faults counted by code, and the records with the most
 * faults, named by id only.
 *
 * @example
 * ```ts
 * const result: QualityCheckResult = { id: "contacts", title: "Contact details", description: "…", checked: 10, passed: 7, score: 70, findings: 3, codes: [{ code: "no_contact", message: "…", count: 3 }], worst: [{ record: "svc-1", findings: 1 }] };
 * ```
 */
export interface QualityCheckResult {
  id: QualityCheckId;
  title: string;
  description: string;
  checked: number;
  passed: number;
  score: number | null;
  findings: number;
  codes: Array<{ code: string; message: string; count: number }>;
  worst: Array<{ record: string; findings: number }>;
}

/**
 * Every check's result, and the records with the most faults overall.
 *
 * @example
 * ```ts
 * const report: QualityReport = { services: 0, checks: [], worst: [] };
 * ```
 */
export interface QualityReport {
  services: number;
  checks: QualityCheckResult[];
  worst: Array<{ record: string; findings: number }>;
}

/**
 * Checks records one at a time, remembering only counts, the worst few records and the service
 * ids seen (to find repeats): a feed of any length can be checked as it is read.
 *
 * @example
 * ```ts
 * const quality = createFeedQuality({ asOf: "2026-03-01" });
 * quality.add({ id: "ac148810-d857-441c-9679-408f346de14b", name: "Example", status: "active" });
 * quality.report().checks.find((check) => check.id === "contacts")?.score; // 0
 * ```
 */
export interface FeedQuality {
  add(record: unknown): void;
  report(): QualityReport;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const DAY = /^(?:[+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z]{2,8}|#\d{1,6}|#x[0-9a-f]{1,6});/i;
const SCRIPT = /<\s*script\b|javascript\s*:|\bon[a-z]{3,20}\s*=|<\s*iframe\b|<\s*object\b|<\s*embed\b|data\s*:\s*text\/html/i;
const TEXT_FIELDS = ["name", "alternate_name", "description", "alert", "fees", "fees_description", "accreditations", "eligibility_description", "application_process", "interpretation_services"];
const DAY_MS = 86_400_000;

function distanceKm(latitude: number, longitude: number, other: readonly [number, number, ...unknown[]]): number {
  const radians = Math.PI / 180;
  const dLat = (other[0] - latitude) * radians;
  const dLon = (other[1] - longitude) * radians;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(latitude * radians) * Math.cos(other[0] * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

function inUk(latitude: number, longitude: number): boolean {
  return latitude >= UK_BOUNDS.south && latitude <= UK_BOUNDS.north && longitude >= UK_BOUNDS.west && longitude <= UK_BOUNDS.east;
}

const areas = Object.values(postcodeAreas);

function nearLand(latitude: number, longitude: number): boolean {
  return areas.some((area) => distanceKm(latitude, longitude, area) <= area[2]);
}

function postcodeArea(postcode: unknown): string | undefined {
  if (typeof postcode !== "string") return undefined;
  const match = /^\s*([A-Za-z]{1,2})\d/.exec(postcode);
  const area = match?.[1]?.toUpperCase();
  return area !== undefined && area in postcodeAreas ? area : undefined;
}

function dateOf(value: unknown): number | undefined | null {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return null;
  const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(parsed) ? null : parsed;
}

function minutesOf(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = TIME.exec(value);
  if (match === null) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

function rows(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

type Tally = Map<string, number>;

function checkIds(service: Json, seen: Set<string>, tally: Tally): void {
  const add = (code: string): void => {
    tally.set(code, (tally.get(code) ?? 0) + 1);
  };
  const id = service.id;
  if (typeof id !== "string" || id === "") add("missing_id");
  else {
    if (!UUID.test(id)) add("id_format");
    if (seen.has(id)) add("duplicate_id");
    seen.add(id);
  }
  const rowIds = new Set<string>();
  const row = (value: Json): void => {
    const rowId = value.id;
    if (typeof rowId !== "string" || rowId === "") add("missing_id");
    else {
      if (!UUID.test(rowId)) add("id_format");
      if (rowIds.has(rowId)) add("duplicate_row_id");
      rowIds.add(rowId);
    }
  };
  const link = (value: unknown, expected: unknown): void => {
    if (value !== undefined && value !== null && expected !== undefined && value !== expected) add("broken_reference");
  };
  const organisation = isObject(service.organization) ? service.organization : undefined;
  link(service.organization_id, organisation?.id);
  for (const field of ["schedules", "service_areas", "contacts", "cost_options", "funding", "languages"]) {
    for (const item of rows(service[field])) {
      row(item);
      link(item.service_id, id);
    }
  }
  for (const attribute of rows(service.attributes)) {
    row(attribute);
    if (attribute.link_type === "service" || attribute.link_type === undefined) link(attribute.link_id, id);
    if (isObject(attribute.taxonomy_term)) link(attribute.taxonomy_term_id, attribute.taxonomy_term.id);
  }
  for (const link_ of rows(service.service_at_locations)) {
    row(link_);
    link(link_.service_id, id);
    const location = isObject(link_.location) ? link_.location : undefined;
    if (location === undefined) continue;
    link(link_.location_id, location.id);
    if (typeof location.id !== "string" || location.id === "") add("missing_id");
    else if (!UUID.test(location.id)) add("id_format");
    for (const field of ["addresses", "accessibility"]) {
      for (const item of rows(location[field])) {
        row(item);
        link(item.location_id, location.id);
      }
    }
  }
}

function checkStaleness(service: Json, cutoff: number, tally: Tally): void {
  const dates = [dateOf(service.assured_date), dateOf(service.last_modified)];
  if (dates.some((value) => value === null)) tally.set("unreadable_date", (tally.get("unreadable_date") ?? 0) + 1);
  const known = dates.filter((value): value is number => typeof value === "number");
  if (known.length === 0) {
    if (!dates.includes(null)) tally.set("no_date", 1);
    return;
  }
  if (known.reduce((most, value) => Math.max(most, value), -Infinity) < cutoff) tally.set("stale", 1);
}

/** Returns whether the service has a location to check. */
function checkCoordinates(service: Json, tally: Tally): boolean {
  const add = (code: string): void => {
    tally.set(code, (tally.get(code) ?? 0) + 1);
  };
  let checked = false;
  for (const link of rows(service.service_at_locations)) {
    const location = isObject(link.location) ? link.location : undefined;
    if (location === undefined || location.location_type === "virtual") continue;
    checked = true;
    const latitude = location.latitude;
    const longitude = location.longitude;
    const address = rows(location.addresses)[0];
    const hasLatitude = typeof latitude === "number";
    const hasLongitude = typeof longitude === "number";
    if (!hasLatitude && !hasLongitude) {
      if (address !== undefined) add("no_coordinates");
      continue;
    }
    if (!hasLatitude || !hasLongitude) {
      add("incomplete_coordinates");
      continue;
    }
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) add("off_globe");
    else if (latitude === 0 && longitude === 0) add("null_island");
    else if (!inUk(latitude, longitude)) add(inUk(longitude, latitude) ? "swapped" : "outside_uk");
    else if (!nearLand(latitude, longitude)) add("not_near_land");
    else {
      const area = postcodeArea(address?.postal_code);
      const centre = area === undefined ? undefined : postcodeAreas[area];
      if (centre !== undefined && distanceKm(latitude, longitude, centre) > centre[2]) add("far_from_postcode");
    }
  }
  return checked;
}

function checkSchedules(service: Json, tally: Tally): boolean {
  const add = (code: string): void => {
    tally.set(code, (tally.get(code) ?? 0) + 1);
  };
  const schedules = rows(service.schedules);
  for (const schedule of schedules) {
    const opens = schedule.opens_at === undefined || schedule.opens_at === null || schedule.opens_at === "" ? null : minutesOf(schedule.opens_at);
    const closes = schedule.closes_at === undefined || schedule.closes_at === null || schedule.closes_at === "" ? null : minutesOf(schedule.closes_at);
    if (opens === undefined || closes === undefined) add("unreadable_time");
    else if (opens !== null && closes !== null && closes <= opens && closes !== 0) add("closes_before_opens");
    if (typeof schedule.byday === "string" && schedule.byday.trim() !== "" && !schedule.byday.split(",").every((day) => DAY.test(day.trim().toUpperCase()))) add("unknown_day");
    const from = dateOf(schedule.valid_from);
    const to = dateOf(schedule.valid_to);
    if (from === null || to === null) add("unreadable_date");
    else if (from !== undefined && to !== undefined && to < from) add("valid_to_before_valid_from");
    if (schedule.interval !== undefined && schedule.interval !== null && !(Number.isInteger(schedule.interval) && (schedule.interval as number) >= 1)) add("bad_interval");
  }
  return schedules.length > 0;
}

function checkTaxonomy(service: Json, terms: ReadonlySet<string> | undefined, names: Map<string, string>, tally: Tally): boolean {
  const add = (code: string): void => {
    tally.set(code, (tally.get(code) ?? 0) + 1);
  };
  const attributes = rows(service.attributes);
  for (const attribute of attributes) {
    const term = attribute.taxonomy_term;
    if (!isObject(term)) {
      if (attribute.taxonomy_term_id === undefined) add("no_term");
      else if (terms !== undefined && !terms.has(String(attribute.taxonomy_term_id))) add("unknown_term");
      continue;
    }
    if (typeof term.id !== "string" || term.id === "") {
      add("term_without_id");
      continue;
    }
    if (typeof term.name !== "string" || term.name === "") add("term_without_name");
    if (terms !== undefined && !terms.has(term.id)) add("unknown_term");
    const known = names.get(term.id);
    if (known === undefined) {
      // Terms are few: remembering one name each stays small however long the feed.
      if (typeof term.name === "string" && names.size < 100_000) names.set(term.id, term.name);
    } else if (typeof term.name === "string" && known !== term.name) add("inconsistent_term");
  }
  return attributes.length > 0;
}

function hasContact(service: Json): boolean {
  if (typeof service.email === "string" && service.email !== "") return true;
  if (typeof service.url === "string" && service.url !== "") return true;
  if (rows(service.phones).some((phone) => typeof phone.number === "string" && phone.number !== "")) return true;
  return rows(service.contacts).some(
    (contact) => (typeof contact.email === "string" && contact.email !== "") || rows(contact.phones).some((phone) => typeof phone.number === "string" && phone.number !== "") || (typeof contact.name === "string" && contact.name !== ""),
  );
}

function checkMarkup(service: Json, tally: Tally): void {
  const texts: unknown[] = TEXT_FIELDS.map((field) => service[field]);
  for (const schedule of rows(service.schedules)) texts.push(schedule.description, schedule.notes);
  for (const link of rows(service.service_at_locations)) if (isObject(link.location)) texts.push(link.location.name, link.location.description);
  if (isObject(service.organization)) texts.push(service.organization.name, service.organization.description);
  for (const text of texts) {
    if (typeof text !== "string") continue;
    if (SCRIPT.test(text)) tally.set("script", (tally.get("script") ?? 0) + 1);
    else if (MARKUP.test(text)) tally.set("html_markup", (tally.get("html_markup") ?? 0) + 1);
  }
  for (const url of [service.url, ...rows(service.contacts).map((contact) => contact.url)]) {
    if (typeof url === "string" && /^\s*javascript\s*:/i.test(url)) tally.set("script", (tally.get("script") ?? 0) + 1);
  }
}

interface Accumulator {
  checked: number;
  passed: number;
  findings: number;
  codes: Map<string, number>;
  worst: Array<{ record: string; findings: number }>;
}

function remember(list: Array<{ record: string; findings: number }>, record: string, findings: number, keep: number): void {
  if (findings === 0) return;
  // Records that share an id are one record here: their faults add up.
  const known = list.find((entry) => entry.record === record);
  if (known !== undefined) known.findings += findings;
  else {
    if (list.length >= keep && (list.at(-1)?.findings ?? 0) >= findings) return;
    list.push({ record, findings });
  }
  list.sort((left, right) => right.findings - left.findings);
  if (list.length > keep) list.pop();
}

/**
 * A fresh quality checker (see {@link FeedQuality}).
 *
 * @example
 * ```ts
 * const quality = createFeedQuality({ asOf: "2026-03-01", staleAfterDays: 180 });
 * ```
 */
export function createFeedQuality(options: QualityOptions): FeedQuality {
  const keep = options.worst ?? 5;
  const cutoff = Date.parse(`${options.asOf}T00:00:00Z`) - (options.staleAfterDays ?? 365) * DAY_MS;
  const seen = new Set<string>();
  const names = new Map<string, string>();
  const ids = Object.keys(qualityChecks) as QualityCheckId[];
  const totals = new Map<QualityCheckId, Accumulator>(ids.map((id) => [id, { checked: 0, passed: 0, findings: 0, codes: new Map(), worst: [] }]));
  const overall: Array<{ record: string; findings: number }> = [];
  let services = 0;
  return {
    add(record) {
      if (!isObject(record)) return;
      services += 1;
      const name = typeof record.id === "string" && record.id !== "" ? record.id : `(record ${services})`;
      const tallies = new Map<QualityCheckId, Tally>(ids.map((id) => [id, new Map()]));
      const looked = new Set<QualityCheckId>(["ids", "staleness", "contacts", "markup"]);
      checkIds(record, seen, tallies.get("ids") as Tally);
      checkStaleness(record, cutoff, tallies.get("staleness") as Tally);
      if (checkCoordinates(record, tallies.get("coordinates") as Tally)) looked.add("coordinates");
      if (checkSchedules(record, tallies.get("schedules") as Tally)) looked.add("schedules");
      if (checkTaxonomy(record, options.taxonomyTerms, names, tallies.get("taxonomy") as Tally)) looked.add("taxonomy");
      if (!hasContact(record)) (tallies.get("contacts") as Tally).set("no_contact", 1);
      checkMarkup(record, tallies.get("markup") as Tally);
      let all = 0;
      for (const id of ids) {
        if (!looked.has(id)) continue;
        const total = totals.get(id) as Accumulator;
        const tally = tallies.get(id) as Tally;
        let count = 0;
        for (const [code, times] of tally) {
          count += times;
          total.codes.set(code, (total.codes.get(code) ?? 0) + times);
        }
        total.checked += 1;
        if (count === 0) total.passed += 1;
        total.findings += count;
        remember(total.worst, name, count, keep);
        all += count;
      }
      remember(overall, name, all, keep * 2);
    },
    report() {
      return {
        services,
        checks: ids.map((id) => {
          const total = totals.get(id) as Accumulator;
          const table = qualityChecks[id];
          const messages = table.codes as Record<string, string>;
          return {
            id,
            title: table.title,
            description: table.description,
            checked: total.checked,
            passed: total.passed,
            score: total.checked === 0 ? null : Math.round((1000 * total.passed) / total.checked) / 10,
            findings: total.findings,
            codes: Object.keys(messages)
              .filter((code) => total.codes.has(code))
              .map((code) => ({ code, message: messages[code] as string, count: total.codes.get(code) as number })),
            worst: [...total.worst],
          };
        }),
        worst: [...overall],
      };
    },
  };
}

/**
 * Check a list of ORUK services for data quality in one go (see {@link createFeedQuality}).
 *
 * @example
 * ```ts
 * const report = checkFeedQuality([{ id: "not-a-uuid", name: "<p>Example</p>", status: "active", email: "a@example.org" }], { asOf: "2026-03-01" });
 * report.checks.find((check) => check.id === "markup")?.codes; // [{ code: "html_markup", … count: 1 }]
 * ```
 */
export function checkFeedQuality(records: Iterable<unknown>, options: QualityOptions): QualityReport {
  const quality = createFeedQuality(options);
  for (const record of records) quality.add(record);
  return quality.report();
}
