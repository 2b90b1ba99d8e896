import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { orukFiles, standardsRoot } from "../../test/standards";
import type { Directory } from "../directory";
import { importOpenReferralUk } from "./import";
import { createOrukImportStream, importOpenReferralUkStream, type OrukImportBatch } from "./stream";

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out;
}

async function streamed(chunks: Iterable<string | Uint8Array>): Promise<{ directory: Directory; problems: OrukImportBatch["problems"]; summary: Awaited<ReturnType<typeof importOpenReferralUkStream>> }> {
  const directory: Directory = { organisations: [], locations: [], services: [] };
  const problems: OrukImportBatch["problems"] = [];
  const summary = await importOpenReferralUkStream(chunks, {
    onBatch: (batch) => {
      directory.services.push(...batch.services);
      directory.organisations.push(...batch.organisations);
      directory.locations.push(...batch.locations);
      problems.push(...batch.problems);
    },
  });
  return { directory, problems, summary };
}

describe("importOpenReferralUkStream", () => {
  it.each(orukFiles)("%s: streamed in pieces, gives what the whole-file import gives", async (file) => {
    const text = readFileSync(join(standardsRoot, file), "utf8");
    const whole = importOpenReferralUk(JSON.parse(text));
    const { directory, problems, summary } = await streamed(pieces(text, 777));
    expect(directory).toEqual(whole.directory);
    expect(problems.map(({ line: _line, ...problem }) => problem)).toEqual(whole.problems);
    expect(summary.notices).toEqual(whole.notices);
    expect(summary.feed).toEqual(whole.feed);
    expect([summary.imported, summary.problems]).toEqual([whole.imported, whole.problems.length]);
  });

  it("reads bytes cut inside a character, names each bad record's line, and says where the feed breaks", async () => {
    const text = '[\n{"id": "a1", "name": "Café – ünïcode", "status": "active"},\n{"id": "a2", "status": "active"},\n{"id": "a3", "name": "Third", "status": "active"}';
    const bytes = new TextEncoder().encode(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, index) => bytes.slice(index * 5, index * 5 + 5));
    const { directory, problems } = await streamed(chunks);
    expect(directory.services.map((service) => service.name)).toEqual(["Café – ünïcode", "Third"]);
    expect(problems.map((problem) => [problem.line, problem.issues[0]?.code])).toEqual([
      [3, "required"],
      [4, "invalid_json"],
    ]);
    expect(problems[1]?.issues[0]?.message).toMatch(/ends before/);
  });

  it("reports text that is not UTF-8, a bare value, and a record that is not JSON", async () => {
    const invalid = await streamed([new Uint8Array([0x5b, 0xff, 0xfe, 0x5d])]);
    expect(invalid.problems.map((problem) => problem.issues[0]?.code)).toEqual(["invalid_utf8"]);
    expect((await streamed(["42"])).problems.map((problem) => problem.issues[0]?.code)).toEqual(["not_a_feed"]);
    const bad = await streamed(['[{"id": "x", "name": nope}, {"id": "y", "name": "Fine", "status": "active"}]']);
    expect(bad.problems.map((problem) => [problem.record, problem.issues[0]?.code])).toEqual([[0, "invalid_json"]]);
    expect(bad.directory.services.map((service) => service.id)).toEqual(["y"]);
  });

  it("reads one record, a byte-order mark, and an ORUK v1 page", async () => {
    const one = await streamed(['\uFEFF{"id": "x", "name": "One", "status": "active", "alternate_name": "Uno"}']);
    expect(one.directory.services.map((service) => service.name)).toEqual(["One"]);
    expect(one.summary.feed).toEqual({ format: "record", records: 1 });
    const v1 = createOrukImportStream();
    const batch = v1.push('{"content": [{"id": "v", "name": "Walk", "status": "active", "attending_type": "Venue", "url": ""}], "totalElements": 1, "number": 0, "first": true, "last": true}');
    expect(batch.services[0]?.attending).toEqual(["in-person"]);
    expect(v1.end().feed).toEqual({ format: "oruk-v1-page", records: 1, page: { number: 1, totalItems: 1, first: true, last: true } });
    expect(v1.push("more")).toEqual({ services: [], organisations: [], locations: [], problems: [] });
  });
});
