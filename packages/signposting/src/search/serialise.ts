import KDBush from "kdbush";
import { fail, ok, type Result } from "@selfmanage/core";
import type { Directory, Location, Service } from "../directory";
import { fnv1a } from "../hash";
import { SEARCH_INDEX_FORMAT, type IndexData, type PointGrid, type PointSet, type SearchIndex } from "./build";
import type { TextIndex } from "./text-index";

const MAGIC = "SMSI";
const ALIGN = 8;

type Numbers = Uint8Array | Uint16Array | Uint32Array | Float64Array;
const ARRAY_TYPES = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f64: Float64Array } as const;
type ArrayKind = keyof typeof ARRAY_TYPES;

function kindOf(values: Numbers): ArrayKind {
  if (values instanceof Uint8Array) return "u8";
  if (values instanceof Uint16Array) return "u16";
  if (values instanceof Uint32Array) return "u32";
  return "f64";
}

interface Section {
  name: string;
  kind: ArrayKind | "kdbush";
  offset: number;
  bytes: number;
}

interface Header {
  format: number;
  services: number;
  locations: number;
  fingerprint: string;
  maxCoverageKm: number;
  languages: readonly string[];
  areaCodes: readonly string[];
  words: readonly string[];
  grids: { point: Omit<PointGrid, "counts">; coverage: Omit<PointGrid, "counts"> };
  categoryPoints: boolean[];
  categories: number;
  sections: Section[];
}

const FNV_PRIME = 0x01000193;

function mixNumber(hash: number, value: number): number {
  return Math.imul(hash ^ (value | 0), FNV_PRIME) >>> 0;
}

/**
 * A short fingerprint of the directory an index was built from: the counts, the id of every
 * service and location, and each location's coordinates (to about a metre), hashed with FNV-1a.
 */
function fingerprintOf(directory: { readonly services: readonly Service[]; readonly locations: readonly Location[] }): string {
  let first = fnv1a(`${directory.services.length}:${directory.locations.length}`);
  let second = mixNumber(first, 0x5eed);
  for (const service of directory.services) first = fnv1a(service.id, first);
  for (const location of directory.locations) {
    second = fnv1a(location.id, second);
    second = mixNumber(mixNumber(second, Math.round((location.latitude ?? 1000) * 1e5)), Math.round((location.longitude ?? 1000) * 1e5));
  }
  return `${first.toString(16).padStart(8, "0")}${second.toString(16).padStart(8, "0")}`;
}

function numberArrays(data: IndexData): Array<[string, Numbers]> {
  const text = data.text;
  const arrays: Array<[string, Numbers]> = [
    ["status", data.status],
    ["flags", data.flags],
    ["categoryMask", data.categoryMask],
    ["accessibilityMask", data.accessibilityMask],
    ["attendingMask", data.attendingMask],
    ["minimumAge", data.minimumAge],
    ["maximumAge", data.maximumAge],
    ["freshness", data.freshness],
    ["languageStart", data.languageStart],
    ["languageIds", data.languageIds],
    ["pointStart", data.pointStart],
    ["pointLatitude", data.pointLatitude],
    ["pointLongitude", data.pointLongitude],
    ["pointConfidential", data.pointConfidential],
    ["pointCoverageKm", data.pointCoverageKm],
    ["pointLocation", data.pointLocation],
    ["pointService", data.pointService],
    ["allPoints.points", data.allPoints.points],
    ["coveragePoints.points", data.coveragePoints.points],
    ["pointGrid.counts", data.pointGrid.counts],
    ["coverageGrid.counts", data.coverageGrid.counts],
    ["areaStart", data.areaStart],
    ["areaServices", data.areaServices],
    ["nationalServices", data.nationalServices],
    ["text.wordStart", text.wordStart],
    ["text.postingServices", text.postingServices],
    ["text.postingFields", text.postingFields],
    ["text.serviceStart", text.serviceStart],
    ["text.serviceWords", text.serviceWords],
    ["text.serviceFields", text.serviceFields],
  ];
  data.categoryServices.forEach((list, category) => arrays.push([`categoryServices.${category}`, list]));
  data.categoryPoints.forEach((set, category) => {
    if (set !== undefined) arrays.push([`categoryPoints.${category}.points`, set.points]);
  });
  return arrays;
}

function trees(data: IndexData): Array<[string, KDBush]> {
  const found: Array<[string, KDBush]> = [
    ["allPoints", data.allPoints.tree],
    ["coveragePoints", data.coveragePoints.tree],
  ];
  data.categoryPoints.forEach((set, category) => {
    if (set !== undefined) found.push([`categoryPoints.${category}`, set.tree]);
  });
  return found;
}

function gridMeta(grid: PointGrid): Omit<PointGrid, "counts"> {
  return { minLatitude: grid.minLatitude, minLongitude: grid.minLongitude, cellDegrees: grid.cellDegrees, rows: grid.rows, columns: grid.columns };
}

/**
 * Save a search index as bytes, to build it once and load it many times (in Node or a browser)
 * with {@link loadSearchIndex}, which takes a fraction of the build time. The bytes hold what
 * the index derived from the directory (flat arrays and spatial trees), a format version
 * ({@link SEARCH_INDEX_FORMAT}) and a fingerprint of the directory; not the directory's records,
 * which the loader is given again.
 *
 * @example
 * ```ts
 * const directory: Directory = {
 *   organisations: [],
 *   locations: [{ id: "centre", kind: "physical", latitude: 56.462, longitude: -2.9707 }],
 *   services: [{ id: "befriending", name: "Example Dundee Befriending", status: "active", categories: ["befriending"], locationIds: ["centre"] }],
 * };
 * const bytes = serialiseSearchIndex(buildSearchIndex(directory));
 * const loaded = loadSearchIndex(bytes, directory);
 * if (loaded.ok) searchServices(loaded.value, { text: "befriending" }).length; // 1
 * ```
 */
export function serialiseSearchIndex(index: SearchIndex): Uint8Array {
  const data = index.data;
  const arrays = numberArrays(data);
  const kdTrees = trees(data);
  const sections: Section[] = [];
  let offset = 0;
  const place = (name: string, kind: Section["kind"], bytes: number): void => {
    sections.push({ name, kind, offset, bytes });
    offset += Math.ceil(bytes / ALIGN) * ALIGN;
  };
  for (const [name, values] of arrays) place(name, kindOf(values), values.byteLength);
  for (const [name, tree] of kdTrees) place(name, "kdbush", tree.data.byteLength);
  const header: Header = {
    format: SEARCH_INDEX_FORMAT,
    services: data.services.length,
    locations: data.locations.length,
    fingerprint: fingerprintOf(data),
    maxCoverageKm: data.maxCoverageKm,
    languages: data.languages,
    areaCodes: data.areaCodes,
    words: data.text.words,
    grids: { point: gridMeta(data.pointGrid), coverage: gridMeta(data.coverageGrid) },
    categoryPoints: data.categoryPoints.map((set) => set !== undefined),
    categories: data.categoryServices.length,
    sections,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  // Layout: "SMSI", format (u32), header length (u32), header JSON, padding to 8, then the sections.
  const start = Math.ceil((12 + headerBytes.length) / ALIGN) * ALIGN;
  const bytes = new Uint8Array(start + offset);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, SEARCH_INDEX_FORMAT, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, 12);
  sections.forEach((section, position) => {
    const source = position < arrays.length ? (arrays[position] as [string, Numbers])[1] : (kdTrees[position - arrays.length] as [string, KDBush])[1].data;
    bytes.set(new Uint8Array(ArrayBuffer.isView(source) ? source.buffer : source, ArrayBuffer.isView(source) ? source.byteOffset : 0, section.bytes), start + section.offset);
  });
  return bytes;
}

function problem(code: string, message: string): Result<SearchIndex> {
  return fail([{ path: [], code, message }]);
}

/**
 * Load a search index saved by {@link serialiseSearchIndex}, for the directory it was built
 * from (the same services and locations, in the same order). It refuses, with an issue rather
 * than wrong answers: bytes that are not a saved index (`not_search_index`), an index saved in
 * another format version (`index_format`: build it again with this version), and an index of a
 * different directory (`index_directory_mismatch`: other services or locations, told apart by
 * their count, their ids and the locations' coordinates).
 *
 * @remarks
 * The check does not read every field: a service whose name, categories or hours changed under
 * the same id is not noticed. Save the index again whenever the directory changes.
 *
 * @example
 * ```ts
 * const loaded = loadSearchIndex(bytes, directory);
 * const index = loaded.ok ? loaded.value : buildSearchIndex(directory);
 * ```
 */
export function loadSearchIndex(bytes: Uint8Array | ArrayBuffer, directory: Directory): Result<SearchIndex> {
  const input = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (input.length < 12 || new TextDecoder().decode(input.subarray(0, 4)) !== MAGIC) {
    return problem("not_search_index", "These bytes are not a saved search index (see serialiseSearchIndex).");
  }
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const format = view.getUint32(4, true);
  if (format !== SEARCH_INDEX_FORMAT) {
    return problem(
      "index_format",
      `This search index was saved in format ${format}; this version of @selfmanage/signposting reads format ${SEARCH_INDEX_FORMAT}. Build the index again with buildSearchIndex and save it anew.`,
    );
  }
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(input.subarray(12, 12 + view.getUint32(8, true)))) as Header;
  } catch {
    return problem("not_search_index", "The saved search index is damaged: its header cannot be read.");
  }
  if (header.services !== directory.services.length || header.locations !== directory.locations.length || header.fingerprint !== fingerprintOf(directory)) {
    return problem("index_directory_mismatch", "This search index was built from a different directory: load it with the directory it was built from, or build a new index.");
  }
  try {
    const start = Math.ceil((12 + view.getUint32(8, true)) / ALIGN) * ALIGN;
    // Typed-array views need aligned offsets: copy once into a fresh buffer when the input is not aligned.
    const aligned = (input.byteOffset + start) % ALIGN === 0 ? input : input.slice();
    const bySection = new Map(header.sections.map((section) => [section.name, section]));
    const sectionOf = (name: string): Section => {
      const section = bySection.get(name);
      if (section === undefined || start + section.offset + section.bytes > aligned.length) throw new RangeError(name);
      return section;
    };
    const array = <K extends ArrayKind>(name: string, kind: K): InstanceType<(typeof ARRAY_TYPES)[K]> => {
      const section = sectionOf(name);
      const Type = ARRAY_TYPES[kind];
      return new Type(aligned.buffer as ArrayBuffer, aligned.byteOffset + start + section.offset, section.bytes / Type.BYTES_PER_ELEMENT) as InstanceType<(typeof ARRAY_TYPES)[K]>;
    };
    const tree = (name: string): KDBush => {
      const section = sectionOf(name);
      const at = aligned.byteOffset + start + section.offset;
      return KDBush.from((aligned.buffer as ArrayBuffer).slice(at, at + section.bytes));
    };
    const pointSet = (name: string): PointSet => ({ tree: tree(name), points: array(`${name}.points`, "u32") });
    const text: TextIndex = {
      words: header.words,
      wordStart: array("text.wordStart", "u32"),
      postingServices: array("text.postingServices", "u32"),
      postingFields: array("text.postingFields", "u8"),
      serviceStart: array("text.serviceStart", "u32"),
      serviceWords: array("text.serviceWords", "u32"),
      serviceFields: array("text.serviceFields", "u8"),
    };
    const data: IndexData = {
      services: directory.services,
      locations: directory.locations,
      status: array("status", "u8"),
      flags: array("flags", "u8"),
      categoryMask: array("categoryMask", "u32"),
      accessibilityMask: array("accessibilityMask", "u32"),
      attendingMask: array("attendingMask", "u8"),
      minimumAge: array("minimumAge", "f64"),
      maximumAge: array("maximumAge", "f64"),
      freshness: array("freshness", "f64"),
      languages: header.languages,
      languageStart: array("languageStart", "u32"),
      languageIds: array("languageIds", "u16"),
      pointStart: array("pointStart", "u32"),
      pointLatitude: array("pointLatitude", "f64"),
      pointLongitude: array("pointLongitude", "f64"),
      pointConfidential: array("pointConfidential", "u8"),
      pointCoverageKm: array("pointCoverageKm", "f64"),
      pointLocation: array("pointLocation", "u32"),
      pointService: array("pointService", "u32"),
      allPoints: pointSet("allPoints"),
      categoryPoints: header.categoryPoints.map((present, category) => (present ? pointSet(`categoryPoints.${category}`) : undefined)),
      coveragePoints: pointSet("coveragePoints"),
      maxCoverageKm: header.maxCoverageKm,
      pointGrid: { ...header.grids.point, counts: array("pointGrid.counts", "u32") },
      coverageGrid: { ...header.grids.coverage, counts: array("coverageGrid.counts", "u32") },
      categoryServices: Array.from({ length: header.categories }, (_, category) => array(`categoryServices.${category}`, "u32")),
      areaCodes: header.areaCodes,
      areaStart: array("areaStart", "u32"),
      areaServices: array("areaServices", "u32"),
      areaByCode: new Map(header.areaCodes.map((code, area) => [code, area])),
      nationalServices: array("nationalServices", "u32"),
      text,
    };
    return ok({ size: data.services.length, format: SEARCH_INDEX_FORMAT, data });
  } catch {
    return problem("not_search_index", "The saved search index is damaged: a part of it is missing or cut short.");
  }
}
