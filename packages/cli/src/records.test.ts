import { describe, expect, it } from "vitest";
import { createTestIo, tempFolder } from "../test/helpers";
import { describeSource, displayName, readDocument, readRecords, type InputRecord } from "./records";

async function collect(file: string, folder: string, stdin?: string, layout?: "auto" | "json" | "ndjson"): Promise<InputRecord[]> {
  const { io } = createTestIo({ cwd: folder, ...(stdin === undefined ? {} : { stdin }) });
  const records: InputRecord[] = [];
  for await (const read of readRecords(file, io, layout)) records.push(read);
  return records;
}

describe("readRecords", () => {
  const folder = tempFolder({
    "one.json": '{ "id": "a" }',
    "list.json": '[{ "id": "a" }, { "id": "b" }, 3]',
    "lines.ndjson": '{"id":"a"}\n\n{"id":"b"}\n{"id":\n[1]\n',
    "pretty.txt": '{\n  "id": "a"\n}\n',
    "lines.txt": '\uFEFF{"id":"a"}\r\n{"id":"b"}\r\n',
    "broken.json": '{\n  "name": "Private Person",\n  "age": forty\n}',
    "empty.json": "  \n",
    "empty.ndjson": "",
  });

  it("reads a JSON object as one record", async () => {
    expect(await collect("one.json", folder)).toEqual([{ ok: true, source: { file: "one.json" }, value: { id: "a" } }]);
  });

  it("reads each element of a JSON array with its position, counting from 1", async () => {
    const records = await collect("list.json", folder);
    expect(records.map((read) => read.source)).toEqual([
      { file: "list.json", record: 1 },
      { file: "list.json", record: 2 },
      { file: "list.json", record: 3 },
    ]);
    expect(records[2]).toMatchObject({ ok: true, value: 3 });
  });

  it("reads NDJSON line by line, skipping blank lines and locating broken ones", async () => {
    const records = await collect("lines.ndjson", folder);
    expect(records.map((read) => [read.source.line, read.ok])).toEqual([
      [1, true],
      [3, true],
      [4, false],
      [5, true],
    ]);
    expect(records[2]).toMatchObject({ issues: [{ path: [], code: "invalid_json", message: expect.stringContaining("line 4, column 7") }] });
  });

  it("detects the layout from the content when the name does not say", async () => {
    expect(await collect("pretty.txt", folder)).toEqual([{ ok: true, source: { file: "pretty.txt" }, value: { id: "a" } }]);
    const lines = await collect("lines.txt", folder);
    expect(lines.map((read) => read.source)).toEqual([
      { file: "lines.txt", line: 1 },
      { file: "lines.txt", line: 2 },
    ]);
    expect(await collect("lines.txt", folder, undefined, "json")).toMatchObject([{ ok: false, issues: [{ code: "invalid_json" }] }]);
  });

  it("reads standard input for -", async () => {
    const records = await collect("-", folder, '[{"id":"x"}]');
    expect(records).toEqual([{ ok: true, source: { file: "<stdin>", record: 1 }, value: { id: "x" } }]);
    expect(await collect("-", folder, '{"a":1}\n{"a":2}\n')).toHaveLength(2);
  });

  it("reports a document that is not JSON at its line, without quoting it", async () => {
    const [read] = await collect("broken.json", folder);
    expect(read).toMatchObject({ ok: false, source: { file: "broken.json", line: 3 } });
    const message = read?.ok === false ? read.issues[0]?.message : "";
    expect(message).toBe("This is not valid JSON: the text breaks the JSON grammar at line 3, column 10.");
    expect(message).not.toContain("Private");
  });

  it("reports an empty file as one issue, JSON and NDJSON alike", async () => {
    expect(await collect("empty.json", folder)).toEqual([{ ok: false, source: { file: "empty.json" }, issues: [{ path: [], code: "empty_file", message: "The file has no records." }] }]);
    expect(await collect("empty.ndjson", folder)).toEqual([{ ok: false, source: { file: "empty.ndjson" }, issues: [{ path: [], code: "empty_file", message: "The file has no records." }] }]);
  });

  it("turns a missing file or a folder into a usage error", async () => {
    await expect(collect("missing.json", folder)).rejects.toThrow("Cannot read missing.json");
    const { io } = createTestIo({ cwd: folder });
    await expect(readDocument(".", io)).rejects.toThrow("is a folder");
  });

  it("reads single documents", async () => {
    const { io } = createTestIo({ cwd: folder });
    expect(await readDocument("one.json", io)).toEqual({ ok: true, source: { file: "one.json" }, value: { id: "a" } });
    expect(await readDocument("lines.ndjson", io)).toMatchObject({ ok: false, source: { line: 3 }, issues: [{ message: expect.stringContaining("more text after the end") }] });
  });
});

describe("describeSource", () => {
  it("names lines, records and standard input", () => {
    expect(describeSource({ file: "services.ndjson", line: 12 })).toBe("services.ndjson:12");
    expect(describeSource({ file: "goals.json", record: 3 })).toBe("goals.json record 3");
    expect(describeSource({ file: "<stdin>", line: 2 })).toBe("<stdin>:2");
    expect(displayName("/tmp/x/goals.json")).toBe("goals.json");
    expect(displayName("-")).toBe("standard input");
  });
});
