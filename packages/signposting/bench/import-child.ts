/**
 * One side of the import benchmark, run in its own process so that its peak memory is its own:
 * `peer` reads the whole file, JSON.parse, then validates every service with ajv against the real
 * ORUK 3.0 compiled service schema; `stream` imports the file with the package's streamed import;
 * `check` reads the file record by record and checks each as `selfmanage check-feed` does (the
 * ORUK field rules, then the data-quality checks).
 * Prints one JSON line: time, peak RSS, records and a digest of the ids taken (both sides must agree).
 */
import { createReadStream, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { checkOrukObject, createFeedQuality, createJsonRecordScanner, importOpenReferralUkStream } from "../src/index";

const [mode, file] = process.argv.slice(2) as [string, string];

/** A running digest of the ids taken, in order, so neither side holds a list of them. */
function digester(): { add(id: string): void; value(): string } {
  let hash = 0x811c9dc5;
  let count = 0;
  return {
    add(id) {
      count += 1;
      for (let index = 0; index < id.length; index += 1) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193) >>> 0;
    },
    value: () => `${count}:${hash.toString(16)}`,
  };
}

async function main(): Promise<void> {
  const ids = digester();
  let records = 0;
  let start: number;
  if (mode === "peer") {
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL("../../../../shared/standards/oruk-3.0/schema/compiled/service.json", import.meta.url)), "utf8")) as Record<string, unknown>;
    delete schema.$schema;
    const ajv = new Ajv2020({ strict: false });
    ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats)(ajv);
    const validate = ajv.compile(schema);
    start = performance.now();
    const page = JSON.parse(readFileSync(file, "utf8")) as { contents: Array<{ id: string }> };
    for (const service of page.contents) {
      records += 1;
      if (validate(service)) ids.add(service.id);
    }
  } else if (mode === "check") {
    start = performance.now();
    const scanner = createJsonRecordScanner();
    const quality = createFeedQuality({ asOf: "2026-03-01" });
    const take = (scanned: ReturnType<typeof scanner.push>): void => {
      for (const record of scanned) {
        records += 1;
        if (!record.ok) continue;
        if (checkOrukObject("service", record.value).every((finding) => finding.severity !== "error")) ids.add((record.value as { id: string }).id);
        quality.add(record.value);
      }
    };
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, encoding: "utf8" })) take(scanner.push(chunk as string));
    take(scanner.end().records);
    if (quality.report().services !== records) throw new Error("The quality checks did not see every record.");
  } else {
    start = performance.now();
    const summary = await importOpenReferralUkStream(createReadStream(file, { highWaterMark: 1 << 20 }), {
      onBatch: (batch) => {
        for (const service of batch.services) ids.add(service.id);
      },
    });
    records = summary.feed.records;
  }
  const ms = performance.now() - start;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, peakRssMb, records, digest: ids.value() })}\n`);
}

void main();
