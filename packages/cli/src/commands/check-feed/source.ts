import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

/**
 * What one request to a feed gave: the parsed body, or the reason it failed, said plainly.
 *
 * @example
 * ```ts
 * const fetched: Fetched = { ok: false, error: "HTTP 404 (Not Found)", status: 404 };
 * ```
 */
export type Fetched = { ok: true; status: number; body: unknown; attempts: number } | { ok: false; error: string; status?: number; attempts: number };

/**
 * Where a feed is read from: an ORUK API over HTTP, a folder laid out like the ORUK validator's
 * mock feeds, or one file holding a page of services.
 *
 * @example
 * ```ts
 * const fetched = await source.get("/services", { page: "1" });
 * ```
 */
export interface FeedSource {
  /** How the source is named in the report: a URL, or a file or folder as given. */
  readonly name: string;
  /** `api` serves every endpoint; `file` only the services of one page. */
  readonly kind: "api" | "file";
  get(path: string, query?: Readonly<Record<string, string>>): Promise<Fetched>;
  /** How many requests (or files read) so far. */
  requests(): number;
}

/**
 * The files of the ORUK validator's mock feeds, by endpoint, as its MockController serves them:
 * the first file that exists answers the endpoint.
 *
 * @example
 * ```ts
 * ORUK_MOCK_FILES.find(([pattern]) => pattern.test("/services"))?.[1]; // ["service_list.json"]
 * ```
 */
export const ORUK_MOCK_FILES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^\/$/, ["api_details.json"]],
  [/^\/services$/, ["service_list.json"]],
  [/^\/services\/[^/]+$/, ["service_full.json"]],
  [/^\/service_at_locations$/, ["service_at_location_list.json"]],
  [/^\/service_at_locations\/[^/]+$/, ["service_at_location_full.json"]],
  [/^\/organizations$/, ["organization_list.json"]],
  [/^\/organizations\/[^/]+$/, ["organization.json", "organization_full.json"]],
  [/^\/taxonomies$/, ["taxonomy_list.json"]],
  [/^\/taxonomies\/[^/]+$/, ["taxonomy.json"]],
  [/^\/taxonomy_terms$/, ["taxonomy_term_list.json"]],
  [/^\/taxonomy_terms\/[^/]+$/, ["taxonomy_term.json"]],
];

async function readJson(path: string): Promise<Fetched> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { ok: false, error: "the file cannot be read", attempts: 1 };
  }
  try {
    return { ok: true, status: 200, body: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown, attempts: 1 };
  } catch {
    return { ok: false, error: "the file is not valid JSON", attempts: 1 };
  }
}

/**
 * A folder as an ORUK API: `/` is `api_details.json`, `/services` is `service_list.json` (for every
 * page, as the validator's mock serves it), `/services/{id}` is `service_full.json`, and so on.
 * An endpoint without its file is a 404.
 *
 * @example
 * ```ts
 * const source = folderSource("fixtures/V3.0-UK-Default", "/work");
 * ```
 */
export function folderSource(folder: string, cwd: string): FeedSource {
  const root = resolve(cwd, folder);
  let count = 0;
  return {
    name: folder,
    kind: "api",
    requests: () => count,
    async get(path) {
      count += 1;
      const files = ORUK_MOCK_FILES.find(([pattern]) => pattern.test(path))?.[1] ?? [];
      for (const file of files) {
        const exists = await stat(join(root, file)).then(
          (info) => info.isFile(),
          () => false,
        );
        if (exists) return readJson(join(root, file));
      }
      return { ok: false, status: 404, error: `HTTP 404 (no ${files[0] ?? "file"} in the folder)`, attempts: 1 };
    },
  };
}

/**
 * One file as the first and only page of `/services`.
 *
 * @example
 * ```ts
 * const source = fileSource("services-page.json", "/work");
 * ```
 */
export function fileSource(file: string, cwd: string): FeedSource {
  let count = 0;
  return {
    name: file,
    kind: "file",
    requests: () => count,
    async get(path) {
      count += 1;
      if (path !== "/services") return { ok: false, status: 404, error: "a single file holds only services", attempts: 1 };
      return readJson(resolve(cwd, file));
    },
  };
}
