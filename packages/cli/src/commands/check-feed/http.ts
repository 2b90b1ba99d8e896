import type { FeedSource } from "./source";

/**
 * How the checker behaves on the network.
 *
 * @example
 * ```ts
 * const manners: NetworkManners = { timeoutMs: 10_000, retries: 2, retryDelayMs: 250, followRedirects: false, maxBytes: 50_000_000 };
 * ```
 */
export interface NetworkManners {
  /** Give up on a request after this long. */
  timeoutMs: number;
  /** Try again this many times after a network fault, a timeout, HTTP 429 or 5xx. */
  retries: number;
  /** The first wait before trying again; it doubles each time (a Retry-After of up to 30 s is honoured). */
  retryDelayMs: number;
  /** Follow redirects to another host; redirects within the host are always followed. */
  followRedirects: boolean;
  /** Refuse a response larger than this. */
  maxBytes: number;
}

const MAX_REDIRECTS = 5;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function retryable(status: number): boolean {
  return status === 429 || status >= 500;
}

function waitFor(response: Response | undefined, attempt: number, manners: NetworkManners): number {
  const header = response?.headers.get("retry-after");
  const seconds = header === null || header === undefined ? Number.NaN : Number(header);
  if (Number.isFinite(seconds) && seconds >= 0 && seconds <= 30) return seconds * 1000;
  return manners.retryDelayMs * 2 ** attempt;
}

async function readBody(response: Response, limit: number): Promise<string | undefined> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return undefined;
  const reader = response.body?.getReader();
  if (reader === undefined) return "";
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** One request, following redirects within the host; throws on network faults and timeouts. */
async function requestOnce(url: URL, manners: NetworkManners): Promise<{ response: Response; text?: string; offHost?: string }> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), manners.timeoutMs);
    try {
      const response = await fetch(current, { redirect: "manual", signal: controller.signal, headers: { accept: "application/json", "user-agent": "selfmanage-check-feed" } });
      if (response.status >= 300 && response.status < 400 && response.headers.get("location") !== null) {
        await response.body?.cancel();
        const next = new URL(response.headers.get("location") as string, current);
        if (next.host !== url.host && !manners.followRedirects) return { response, offHost: next.host };
        if (next.protocol !== "http:" && next.protocol !== "https:") return { response, offHost: next.protocol };
        current = next;
        continue;
      }
      const text = await readBody(response, manners.maxBytes);
      return text === undefined ? { response } : { response, text };
    } finally {
      clearTimeout(timer);
    }
  }
  throw new Error("redirects");
}

/**
 * An ORUK API over HTTP, with manners: a timeout per request, a few retries with backoff, no
 * redirect off the host unless asked, a cap on response size, and a plain reason for each failure.
 *
 * @example
 * ```ts
 * const source = httpSource("https://example.org/api", { timeoutMs: 10_000, retries: 2, retryDelayMs: 250, followRedirects: false, maxBytes: 50_000_000 });
 * ```
 */
export function httpSource(base: string, manners: NetworkManners): FeedSource {
  const root = new URL(base.endsWith("/") ? base : `${base}/`);
  let count = 0;
  return {
    name: base,
    kind: "api",
    requests: () => count,
    async get(path, query = {}) {
      const url = new URL(path.replace(/^\//, ""), root);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      let failure = "";
      let status: number | undefined;
      for (let attempt = 0; attempt <= manners.retries; attempt += 1) {
        count += 1;
        let response: Response | undefined;
        try {
          const result = await requestOnce(url, manners);
          response = result.response;
          status = response.status;
          if (result.offHost !== undefined) return { ok: false, status, error: `HTTP ${status} redirects to another host (${result.offHost}); not followed (--follow-redirects allows it)`, attempts: attempt + 1 };
          if (result.text === undefined) return { ok: false, status, error: `the response is larger than ${manners.maxBytes} bytes`, attempts: attempt + 1 };
          if (response.ok) {
            try {
              return { ok: true, status, body: JSON.parse(result.text) as unknown, attempts: attempt + 1 };
            } catch {
              return { ok: false, status, error: "the response is not valid JSON", attempts: attempt + 1 };
            }
          }
          failure = `HTTP ${status}${response.statusText === "" ? "" : ` (${response.statusText})`}`;
          if (!retryable(status)) return { ok: false, status, error: failure, attempts: attempt + 1 };
        } catch (error) {
          failure = error instanceof Error && error.name === "AbortError" ? `no response within ${manners.timeoutMs} ms` : error instanceof Error && error.message === "redirects" ? `more than ${MAX_REDIRECTS} redirects` : "the server could not be reached";
          if (failure.startsWith("more than")) return { ok: false, error: failure, attempts: attempt + 1 };
        }
        if (attempt < manners.retries) await sleep(waitFor(response, attempt, manners));
      }
      return { ok: false, ...(status === undefined ? {} : { status }), error: `${failure} after ${manners.retries + 1} attempt${manners.retries === 0 ? "" : "s"}`, attempts: manners.retries + 1 };
    },
  };
}
