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
      for (const item of batch.services) directory.services.push(item);
      for (const item of batch.organisations) directory.organisations.push(item);
      for (const item of batch.locations) directory.locations.push(item);
      for (const item of batch.problems) problems.push(item);
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

  it("hands over large chunks in small batches, as text or as bytes cut inside characters, with what small chunks give", async () => {
    // Names with two-, three- and four-byte characters, so that slice boundaries fall inside some of them.
    const services = Array.from({ length: 3_000 }, (_, index) => ({ id: `s-${index}`, name: `Gàidhlig – 𝒮ervice ${index} ${"ü".repeat(index % 50)}`, status: "active" }));
    const text = JSON.stringify({ contents: services, total_items: services.length, total_pages: 1, page_number: 1, first_page: true, last_page: true });
    expect(text.length).toBeGreaterThan(3 * 65_536);
    const small = await streamed(pieces(text, 4_096));
    for (const chunk of [text, new TextEncoder().encode(text)]) {
      const sizes: number[] = [];
      const summary = await importOpenReferralUkStream([chunk], { onBatch: (batch) => void sizes.push(batch.services.length) });
      expect(summary.imported).toBe(services.length);
      expect(summary.feed).toEqual(small.summary.feed);
      // One chunk of over 200 kB, yet no batch holds more than 64 kB of its records.
      expect(sizes.length).toBeGreaterThan(3);
      expect(sizes.reduce((most, size) => Math.max(most, size), 0)).toBeLessThan(services.length / 3);
    }
    const whole = await streamed([new TextEncoder().encode(text)]);
    expect(whole.directory).toEqual(small.directory);
    expect(whole.directory.services.map((service) => service.name)).toEqual(services.map((service) => service.name));
  });

  it("reports text that is not UTF-8, a bare value, and a record that is not JSON", async () => {
    const invalid = await streamed([new Uint8Array([0x5b, 0xff, 0xfe, 0x5d])]);
    expect(invalid.problems.map((problem) => problem.issues[0]?.code)).toEqual(["invalid_utf8"]);
    expect((await streamed(["42"])).problems.map((problem) => problem.issues[0]?.code)).toEqual(["not_a_feed"]);
    const bad = await streamed(['[{"id": "x", "name": nope}, {"id": "y", "name": "Fine", "status": "active"}]']);
    expect(bad.problems.map((problem) => [problem.record, problem.issues[0]?.code])).toEqual([[0, "invalid_json"]]);
    expect(bad.directory.services.map((service) => service.id)).toEqual(["y"]);
  });

  it("names the first byte that is not UTF-8 by offset and line, whichever chunk it falls in", async () => {
    const text = new TextEncoder().encode('[\n{"id": "x", "name": "Caf\u00e9 \u20ac", "status": "active"},\n');
    const broken = new Uint8Array([...text, 0xe2, 0x82, 0x41, 0x5d]);
    const badAt = text.length;
    for (const cut of [1, badAt - 1, badAt, badAt + 1, badAt + 2, broken.length - 1]) {
      const result = await streamed([broken.subarray(0, cut), broken.subarray(cut)]);
      expect(result.problems, `cut at ${cut}`).toHaveLength(1);
      expect(result.problems[0]?.line).toBe(3);
      expect(result.problems[0]?.issues[0]?.message).toContain(`the byte at offset ${badAt} (line 3)`);
    }
    // A character cut short by the end of the feed is named where it starts.
    const cutShort = await streamed([text, new Uint8Array([0xf0, 0x9f])]);
    expect(cutShort.problems.at(-1)?.issues[0]?.message).toContain(`the byte at offset ${badAt} (line 3)`);
    // A character split across chunks is read whole.
    const euro = new TextEncoder().encode('[{"id": "e", "name": "\u20ac", "status": "active"}]');
    const split = euro.indexOf(0xe2) + 1;
    const whole = await streamed([euro.subarray(0, split), euro.subarray(split, split + 1), euro.subarray(split + 1)]);
    expect(whole.problems).toEqual([]);
    expect(whole.directory.services[0]?.name).toBe("\u20ac");
  });

  it("stops at data nested deeper than 128 levels, in a record or in the page, without a crash", async () => {
    const inRecord = await streamed([`[{"id": "x", "name": "Deep", "status": "active", "extra": ${"[".repeat(100_000)}${"]".repeat(100_000)}}]`]);
    expect(inRecord.directory.services).toEqual([]);
    expect(inRecord.problems.map((problem) => [problem.path, problem.issues[0]?.code])).toEqual([[[], "too_deep"]]);
    expect(inRecord.problems[0]?.issues[0]?.message).toBe("The data is nested more than 128 levels deep, more than the tools accept.");
    const inPage = await streamed([`{"services": ${"[".repeat(200)}${"]".repeat(200)}}`]);
    expect(inPage.problems.map((problem) => problem.issues[0]?.code)).toEqual(["too_deep"]);
    const atLimit = await streamed([`[{"id": "x", "name": "Deep enough", "status": "active", "extra": ${"[".repeat(126)}${"]".repeat(126)}}]`]);
    expect(atLimit.problems).toEqual([]);
    expect(atLimit.directory.services.map((service) => service.id)).toEqual(["x"]);
  });

  it("reports what JSON.parse would hide, in a record or in the page, and imports the rest", async () => {
    const good = '{"id": "y", "name": "Fine", "status": "active"}';
    const records = await streamed([`{"contents": [\n{"id": "x", "name": "A", "name": "B", "status": "active"},\n{"id": "z", "name": "C", "status": "active", "capacity": 1e400},\n{"id": "w", "name": "D", "status": "active", "__proto__": {"x": 1}},\n${good}], "total_items": 4}`]);
    expect(records.directory.services.map((service) => service.id)).toEqual(["y"]);
    expect(records.problems.map((problem) => [problem.path, problem.line, problem.issues.map((found) => [found.path, found.code])])).toEqual([
      [["contents", 0], 2, [[["name"], "duplicate_key"]]],
      [["contents", 1], 3, [[["capacity"], "number_out_of_range"]]],
      [["contents", 2], 4, [[["__proto__"], "reserved_key"]]],
    ]);
    const page = await streamed([`{"contents": [${good}],\n"total_items": 1, "total_items": 2, "__proto__": {}, "extra": {"tiny": 1e-400}}`]);
    expect(page.directory.services.map((service) => service.id)).toEqual(["y"]);
    expect(page.problems.map((problem) => [problem.path, problem.line, problem.issues.map((found) => [found.path, found.code])])).toEqual([
      [[], 2, [[["total_items"], "duplicate_key"], [["__proto__"], "reserved_key"], [["extra", "tiny"], "number_out_of_range"]]],
    ]);
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
