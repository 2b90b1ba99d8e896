import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { choiceOption, numberOption, stringOption, type Command, type OptionValues } from "../command";
import { checkOutputFile, toJson, UsageError, writeLine, writeOutputFile, type CliIo, type WriteOutputOptions } from "../io";
import { checkFeed, type FeedCheckReport } from "./check-feed/conformance";
import { httpSource } from "./check-feed/http";
import { renderHtml, renderText, verdict } from "./check-feed/render";
import { fileSource, folderSource, type FeedSource } from "./check-feed/source";

const FORMATS = ["text", "json", "html"] as const;

async function sourceFor(target: string, values: OptionValues, io: CliIo): Promise<FeedSource> {
  if (/^https?:\/\//i.test(target)) {
    try {
      new URL(target);
    } catch {
      throw new UsageError(`${target} is not a web address.`);
    }
    return httpSource(target, {
      timeoutMs: numberOption(values, "timeout", { min: 1, integer: true }) ?? 10_000,
      retries: numberOption(values, "retries", { min: 0, max: 10, integer: true }) ?? 2,
      retryDelayMs: 250,
      followRedirects: values["follow-redirects"] === true,
      maxBytes: 100_000_000,
    });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) throw new UsageError(`check-feed reads http and https addresses, files and folders; not ${target.split(":")[0] ?? ""} addresses.`);
  const info = await stat(resolve(io.cwd, target)).catch(() => undefined);
  if (info === undefined) throw new UsageError(`Cannot read ${target}: no such web address, file or folder.`);
  return info.isDirectory() ? folderSource(target, io.cwd) : fileSource(target, io.cwd);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function runCheckFeed([target]: string[], values: OptionValues, io: CliIo): Promise<number> {
  const format = choiceOption(values, "format", FORMATS, "text");
  const asOf = stringOption(values, "as-of") ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) throw new UsageError("--as-of must be a date, YYYY-MM-DD.");
  const sample = numberOption(values, "sample", { min: 1, integer: true });
  const minScore = numberOption(values, "min-score", { min: 0, max: 100 });
  const options = {
    maxPages: numberOption(values, "max-pages", { min: 1, integer: true }) ?? 3,
    concurrency: numberOption(values, "concurrency", { min: 1, max: 32, integer: true }) ?? 4,
    asOf,
    staleAfterDays: numberOption(values, "stale-after", { min: 1, integer: true }) ?? 365,
    ...(sample === undefined ? {} : { sample }),
  };
  const out = stringOption(values, "out");
  const writing: WriteOutputOptions = { cwd: io.cwd, inputs: /^[a-z][a-z0-9+.-]*:\/\//i.test(target as string) ? [] : [target as string], force: values.force === true, option: "--out" };
  if (out !== undefined) await checkOutputFile(out, writing);
  const source = await sourceFor(target as string, values, io);
  const report: FeedCheckReport = await checkFeed(source, options);
  const text = format === "json" ? toJson(report, 2) : format === "html" ? renderHtml(report) : renderText(report);
  if (out === undefined) await writeLine(io.stdout, text);
  else {
    await writeOutputFile(out, `${text}\n`, writing);
    if (values.quiet !== true) await writeLine(io.stderr, `${verdict(report)} Report written to ${out}.`);
  }
  const belowMinimum = minScore !== undefined && report.quality.checks.some((check) => check.score !== null && check.score < minScore);
  return report.result === "fail" || belowMinimum ? 1 : 0;
}

/** `selfmanage check-feed <url | file | folder>` */
export const checkFeedCommand: Command = {
  name: "check-feed",
  summary: "Check an Open Referral UK feed: conformance as the ORUK validator checks it, and data quality beyond it.",
  usage: ["check-feed <url | file | folder> [--format text|json|html] [--out <file>] [--sample <n>] [--max-pages <n>]"],
  help: `A URL is an ORUK 3.0 API. The checker reads / (version and profile), /services (the
first, a middle and the last page, each against the Page envelope and the service schema) and
/services/{id} for every listed id (or --sample of them); those two are required. The optional
endpoints (/service_at_locations, /organizations, /taxonomies, /taxonomy_terms) only warn.
An empty feed and fields the schema does not define warn too. A folder is read as the ORUK
validator's mock feeds are laid out (api_details.json, service_list.json, service_full.json, ...);
a file is one page of services.
Then the services read are checked for data quality: identifiers (UUIDs, unique, links that
resolve), freshness, coordinates (in the UK, near land and near their postcode's area), opening
times, taxonomy terms, contact details, and markup or scripts in text. Each check gets a score
(the share of services that passed) and names its worst records, by id only.

Network manners: a timeout per request, a few requests at a time, retries with backoff after
network faults and HTTP 429/5xx, and no redirect to another host unless --follow-redirects.

Options:
  --format <f>         text (default), json, or html (a self-contained page).
  --out <file>         Write the report to this file instead of stdout. An existing file
                       is not replaced, nor the feed, nor a symbolic link.
  --force              Replace an existing --out file (a link is replaced, not followed).
  --sample <n>         Open only n detail pages, spread over the listed ids.
  --max-pages <n>      List pages read per endpoint (default 3: first, middle, last).
  --concurrency <n>    Requests at once (default 4).
  --timeout <ms>       Per request (default 10000).
  --retries <n>        After a failure (default 2).
  --follow-redirects   Follow redirects to other hosts.
  --stale-after <days> A service not assured or modified for this long is stale (default 365).
  --as-of <date>       The day freshness is measured from (default today).
  --min-score <n>      Exit 1 when any data-quality score is below n.
  --quiet              With --out, do not print the verdict on stderr.

Exit codes: 0 the feed passed (warnings allowed), 1 a required endpoint failed (or a score is
below --min-score), 2 the command could not run.

Example:
  selfmanage check-feed https://api.example.org/oruk --sample 50 --format html --out feed.html`,
  options: {
    format: { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
    sample: { type: "string" },
    "max-pages": { type: "string" },
    concurrency: { type: "string" },
    timeout: { type: "string" },
    retries: { type: "string" },
    "follow-redirects": { type: "boolean" },
    "stale-after": { type: "string" },
    "as-of": { type: "string" },
    "min-score": { type: "string" },
    quiet: { type: "boolean", short: "q" },
  },
  positionals: [1, 1],
  run: runCheckFeed,
};
