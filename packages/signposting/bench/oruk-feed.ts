/**
 * Writes a large, fictional Open Referral UK 3.0 feed (one Page) for the import benchmark, the way a
 * third-party directory would serve it: services from the package's synthetic directory, exported,
 * then given their own ids (random UUIDs for every record and nested row), times with seconds, and
 * fields the model does not hold (alternate_name, schedule_link, organization.uri), so the import
 * has real work to do. Deterministic for a given count and seed. Bench-only: never shipped.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { seededRandom } from "@selfmanage/test-kit/random";
import { exportOpenReferralUk } from "../src/index";
import { generateSyntheticDirectory } from "../test/synthetic";

type Row = Record<string, unknown>;

function uuidMaker(random: () => number): () => string {
  const hex = (digits: number): string => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join("");
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${((Math.floor(random() * 4) & 3) | 8).toString(16)}${hex(3)}-${hex(12)}`;
}

/** Give every id in a record a new UUID, consistently within one batch (shared organisations and locations keep one id). */
function reidentify(value: unknown, ids: Map<string, string>, next: () => string): unknown {
  if (Array.isArray(value)) return value.map((item) => reidentify(item, ids, next));
  if (typeof value !== "object" || value === null) return value;
  const copy: Row = {};
  for (const [key, inner] of Object.entries(value)) {
    if ((key === "id" || key.endsWith("_id")) && typeof inner === "string") {
      let fresh = ids.get(inner);
      if (fresh === undefined) {
        fresh = next();
        ids.set(inner, fresh);
      }
      copy[key] = fresh;
    } else copy[key] = reidentify(inner, ids, next);
  }
  return copy;
}

function thirdParty(service: Row, random: () => number, index: number): Row {
  const record = service;
  if (index % 3 === 0) record.alternate_name = `Also known as service ${index}`;
  for (const schedule of (record.schedules as Row[] | undefined) ?? []) {
    if (typeof schedule.opens_at === "string") schedule.opens_at = `${schedule.opens_at}:00`;
    if (typeof schedule.closes_at === "string") schedule.closes_at = `${schedule.closes_at}:00`;
    if (random() < 0.5) schedule.schedule_link = `https://example.org/book/${index}`;
  }
  const organisation = record.organization as Row | undefined;
  if (organisation !== undefined) organisation.uri = `https://example.org/organisations/${String(organisation.id)}`;
  return record;
}

/** Write a feed of `count` services to `file` as one ORUK Page; resolves with its size in bytes. */
export async function writeOrukFeed(file: string, count: number, seed = 2026): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  const random = seededRandom(seed);
  const next = uuidMaker(random);
  await write(`{"total_items":${count},"total_pages":1,"page_number":1,"size":${count},"first_page":true,"last_page":true,"empty":${count === 0},"contents":[`);
  const batch = 1000;
  for (let done = 0; done < count; done += batch) {
    const size = Math.min(batch, count - done);
    const ids = new Map<string, string>();
    const services = exportOpenReferralUk(generateSyntheticDirectory(size, seed + done)) as Row[];
    const text = services.map((service, index) => JSON.stringify(thirdParty(reidentify(service, ids, next) as Row, random, done + index))).join(",");
    await write(`${done === 0 ? "" : ","}${text}`);
  }
  await write("]}");
  out.end();
  await once(out, "finish");
  return bytes;
}
