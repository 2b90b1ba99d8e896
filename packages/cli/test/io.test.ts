import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { colourer, processIo, UsageError, writeLine } from "../src/io";
import { formatReportedIssue } from "../src/reported-issue";
import { tempFolder } from "./helpers";
import { run } from "./run";

describe("writeLine", () => {
  it("waits for drain when the stream asks it to", async () => {
    let drain: (() => void) | undefined;
    const written: string[] = [];
    const stream = { write: (chunk: string) => (written.push(chunk), false), once: (_event: "drain", listener: () => void) => (drain = listener) };
    let done = false;
    const writing = writeLine(stream, "one").then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    drain?.();
    await writing;
    expect(done).toBe(true);
    expect(written).toEqual(["one\n"]);
  });

  it("does not wait on streams that cannot signal drain", async () => {
    const written: string[] = [];
    await writeLine({ write: (chunk) => (written.push(chunk), false) }, "two");
    expect(written).toEqual(["two\n"]);
  });
});

describe("process io and colours", () => {
  it("uses the process's own streams by default", () => {
    const io = processIo();
    expect(io.stdout).toBe(process.stdout);
    expect(io.cwd).toBe(process.cwd());
    expect(new UsageError("x").name).toBe("UsageError");
  });

  it("paints only for terminals without NO_COLOR, and formats plain issues", () => {
    expect(colourer({ write: () => true, isTTY: true }, {})("red", "x")).toBe("\u001b[31mx\u001b[0m");
    expect(colourer({ write: () => true, isTTY: true }, { NO_COLOR: "" })("red", "x")).toBe("\u001b[31mx\u001b[0m");
    expect(colourer({ write: () => true, isTTY: false }, {})("red", "x")).toBe("x");
    expect(formatReportedIssue({ file: "a.json", record: 2, path: [], code: "c", message: "M." })).toBe("a.json record 2: (root): M. (c)");
  });
});

describe("progress", () => {
  it("counts long inputs on stderr when stderr is a terminal, then clears the line", async () => {
    const folder = tempFolder();
    const lines = Array.from({ length: 10_001 }, (_, index) => JSON.stringify({ id: `org-${index}`, name: `Fictional Organisation ${index}` }));
    writeFileSync(join(folder, "orgs.ndjson"), `${lines.join("\n")}\n`);
    const shown = await run(["validate", "organisation", "orgs.ndjson"], { cwd: folder, stderrTTY: true });
    expect(shown.stderr).toBe("\rChecking organisation records: 10,000 records\r\u001b[K");
    const hidden = await run(["validate", "organisation", "orgs.ndjson"], { cwd: folder });
    expect(hidden.stderr).toBe("");
  });
});
