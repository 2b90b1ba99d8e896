import { AccessibilityFeature, AttendingType, buildSearchIndex, searchServices, ServiceCategory, validateDirectory, type Directory, type ServiceMatch, type ServiceQuery } from "@selfmanage/signposting";
import { choiceOption, listOption, numberOption, stringOption, type Command, type OptionValues } from "../command";
import { colourer, printable, toJson, UsageError, writeLine, type CliIo } from "../io";
import { readDocument } from "../records";
import { formatReportedIssue, locateIssues } from "../reported-issue";

/**
 * Parse `--near 55.95,-3.19` into coordinates, checking their ranges.
 *
 * @example
 * ```ts
 * parseNear("55.953,-3.189"); // { latitude: 55.953, longitude: -3.189 }
 * ```
 */
export function parseNear(text: string): { latitude: number; longitude: number } {
  const parts = text.split(",").map((part) => part.trim());
  const [latitude, longitude] = parts.map(Number);
  if (parts.length !== 2 || latitude === undefined || longitude === undefined || parts.some((part) => part === "") || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
    throw new UsageError("--near must be latitude,longitude in decimal degrees, for example --near 55.953,-3.189.");
  }
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) throw new UsageError("--near is out of range: latitude must be within ±90 and longitude within ±180.");
  return { latitude, longitude };
}

/**
 * Parse `--open-at`: `now` or an ISO 8601 date-time with an offset.
 *
 * @example
 * ```ts
 * parseOpenAt("2026-03-29T00:30:00+00:00"); // "2026-03-29T00:30:00+00:00"
 * ```
 */
export function parseOpenAt(text: string, now: () => Date = () => new Date()): string {
  if (text === "now") return now().toISOString();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new UsageError("--open-at must be now or a date and time with an offset, for example 2026-03-02T10:30:00+00:00.");
  }
  return text;
}

/** Check coded option values against their code list, so a typo is a usage error rather than no results. */
function codes<T extends string>(values: OptionValues, option: string, allowed: readonly T[], label: string, plural: string): T[] {
  const given = listOption(values, option);
  for (const value of given) {
    if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} ${value} is not ${label}. ${plural}: ${allowed.join(", ")}.`);
  }
  return given as T[];
}

/**
 * Turn command-line options into a search query.
 *
 * @example
 * ```ts
 * queryFromOptions({ near: "55.953,-3.189", need: ["wrap"], "radius-km": "10" });
 * // { limit: 10, near: { latitude: 55.953, longitude: -3.189 }, radiusKm: 10, categories: ["wrap"] }
 * ```
 */
export function queryFromOptions(values: OptionValues): ServiceQuery {
  const near = stringOption(values, "near");
  const radiusKm = numberOption(values, "radius-km", { min: 0 });
  const age = numberOption(values, "age", { min: 0, max: 130, integer: true });
  const limit = numberOption(values, "limit", { min: 1, max: 1000, integer: true }) ?? 10;
  const openAt = stringOption(values, "open-at");
  const text = stringOption(values, "text");
  const needs = codes(values, "need", ServiceCategory.options, "a service category", "Categories");
  const attending = codes(values, "attending", AttendingType.options, "an attending type", "Attending types");
  const accessibility = codes(values, "accessibility", AccessibilityFeature.options, "an accessibility feature", "Accessibility features");
  const languages = listOption(values, "language");
  const areaCodes = listOption(values, "area");
  return {
    limit,
    ...(near === undefined ? {} : { near: parseNear(near) }),
    ...(radiusKm === undefined ? {} : { radiusKm }),
    ...(age === undefined ? {} : { age }),
    ...(openAt === undefined ? {} : { openAt: parseOpenAt(openAt) }),
    ...(text === undefined ? {} : { text }),
    ...(needs.length === 0 ? {} : { categories: needs }),
    ...(attending.length === 0 ? {} : { attending }),
    ...(accessibility.length === 0 ? {} : { accessibility }),
    ...(languages.length === 0 ? {} : { languages }),
    ...(areaCodes.length === 0 ? {} : { areaCodes }),
  };
}

/**
 * Load and validate a directory file; issues are printed and mean exit code 1.
 *
 * @example
 * ```ts
 * const directory = await loadDirectory("directory.json", processIo());
 * ```
 */
export async function loadDirectory(file: string, io: CliIo): Promise<Directory | undefined> {
  const read = await readDocument(file, io);
  const validated = read.ok ? validateDirectory(read.value) : read;
  if (validated.ok) return validated.value;
  const paint = colourer(io.stderr, io.env);
  for (const located of locateIssues(read.source, validated.issues)) await writeLine(io.stderr, formatReportedIssue(located, paint));
  await writeLine(io.stderr, `The directory in ${file} is not valid (${validated.issues.length} issue${validated.issues.length === 1 ? "" : "s"}); fix it before searching.`);
  return undefined;
}

/**
 * One line per match: rank, name, distance and why it matched.
 *
 * @example
 * ```ts
 * formatMatch(match, 1, directory); // "  1. Peer support group – Fictional Network  2.3 km"
 * ```
 */
export function formatMatch(match: ServiceMatch, rank: number, directory: Directory): string {
  const organisation = directory.organisations.find((candidate) => candidate.id === match.service.organisationId)?.name;
  const distance = match.distanceKm === undefined ? "" : `  ${match.distanceKm.toFixed(1)} km`;
  const reasons = match.reasons === undefined || match.reasons.length === 0 ? "" : `  (${printable(match.reasons.join("; "))})`;
  return `${String(rank).padStart(3)}. ${printable(match.service.name)}${organisation === undefined ? "" : ` – ${printable(organisation)}`}${distance}${reasons}`;
}

async function run([file]: string[], values: OptionValues, io: CliIo): Promise<number> {
  const format = choiceOption(values, "format", ["text", "json"] as const, "text");
  const query = queryFromOptions(values);
  const directory = await loadDirectory(file as string, io);
  if (directory === undefined) return 1;
  const matches = searchServices(buildSearchIndex(directory), query);
  if (format === "json") {
    await writeLine(io.stdout, toJson(matches, 2));
    return 0;
  }
  if (matches.length === 0) await writeLine(io.stdout, "No services match. Try a wider radius or fewer filters.");
  for (const [index, match] of matches.entries()) await writeLine(io.stdout, formatMatch(match, index + 1, directory));
  return 0;
}

/** `selfmanage search <directory> --near <lat,lon> ...` */
export const searchCommand: Command = {
  name: "search",
  summary: "Find services in a directory by need, place, opening time, age and more.",
  usage: ["search <directory> [--near <lat,lon>] [--need <category>...] [--radius-km <km>] [--open-at <time|now>] [--age <years>] [--limit <n>]"],
  help: `<directory> is a Directory JSON file ({ organisations, locations, services }). It is
validated first; a directory with issues is reported and not searched (exit code 1).

Options:
  --near <lat,lon>         Rank by distance from this point (decimal degrees).
  --radius-km <km>         Only services within this distance, or covering the area.
  --need <category>        A service category; repeat or separate with commas.
  --text <words>           Free text to match in names and descriptions.
  --open-at <time|now>     Open at this ISO 8601 instant (Europe/London hours).
  --age <years>            The person's age, checked against eligibility.
  --attending <type>       in-person, phone, online, home-visit ...
  --accessibility <code>   An accessibility need, e.g. hearing-loop.
  --language <tag>         A language the service is delivered in (BCP 47).
  --area <GSS code>        A health board, council area or ward the person lives in.
  --limit <n>              How many results (default 10).
  --format text|json       text (default) or the matches as JSON.

Example:
  selfmanage search directory.json --near 55.953,-3.189 --need peer-support-group --radius-km 10 --open-at now`,
  options: {
    near: { type: "string" },
    "radius-km": { type: "string" },
    need: { type: "string", multiple: true },
    text: { type: "string" },
    "open-at": { type: "string" },
    age: { type: "string" },
    attending: { type: "string", multiple: true },
    accessibility: { type: "string", multiple: true },
    language: { type: "string", multiple: true },
    area: { type: "string", multiple: true },
    limit: { type: "string" },
    format: { type: "string" },
  },
  positionals: [1, 1],
  run,
};
