/**
 * One side of the import benchmark, run in its own process so that its peak memory is its own:
 * `peer` reads the whole file, JSON.parse, then validates every service with ajv against the real
 * ORUK 3.0 compiled service schema; `stream` imports the file with the package's streamed import;
 * `check` reads the file record by record and checks each as `selfmanage check-feed` does (the
 * ORUK field rules, then the data-quality checks).
 * It runs the built package (`dist/`) in plain Node, as a user would: no TypeScript loader, whose
 * own memory (some 50 MB) would otherwise count against the import.
 * Prints one JSON line: time, peak RSS, records and a digest of the ids taken (both sides must agree).
 */
import { createReadStream, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { checkOrukObject, createFeedQuality, createJsonRecordScanner, importOpenReferralUkStream } from "../dist/index.js";
const [mode, file] = process.argv.slice(2);
function digester() {
  let hash = 2166136261;
  let count = 0;
  return {
    add(id) {
      count += 1;
      for (let index = 0; index < id.length; index += 1) hash = Math.imul(hash ^ id.charCodeAt(index), 16777619) >>> 0;
    },
    value: () => `${count}:${hash.toString(16)}`
  };
}
async function main() {
  const ids = digester();
  let records = 0;
  let start;
  if (mode === "peer") {
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL("../../../../shared/standards/oruk-3.0/schema/compiled/service.json", import.meta.url)), "utf8"));
    delete schema.$schema;
    const ajv = new Ajv2020({ strict: false });
    (addFormats.default ?? addFormats)(ajv);
    const validate = ajv.compile(schema);
    start = performance.now();
    const page = JSON.parse(readFileSync(file, "utf8"));
    for (const service of page.contents) {
      records += 1;
      if (validate(service)) ids.add(service.id);
    }
  } else if (mode === "check") {
    start = performance.now();
    const scanner = createJsonRecordScanner();
    const quality = createFeedQuality({ asOf: "2026-03-01" });
    const take = (scanned) => {
      for (const record of scanned) {
        records += 1;
        if (!record.ok) continue;
        if (checkOrukObject("service", record.value).every((finding) => finding.severity !== "error")) ids.add(record.value.id);
        quality.add(record.value);
      }
    };
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, encoding: "utf8" })) take(scanner.push(chunk));
    take(scanner.end().records);
    if (quality.report().services !== records) throw new Error("The quality checks did not see every record.");
  } else {
    start = performance.now();
    const summary = await importOpenReferralUkStream(createReadStream(file, { highWaterMark: 1 << 20 }), {
      onBatch: (batch) => {
        for (const service of batch.services) ids.add(service.id);
      }
    });
    records = summary.feed.records;
  }
  const ms = performance.now() - start;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, peakRssMb, records, digest: ids.value() })}
`);
}
void main();
