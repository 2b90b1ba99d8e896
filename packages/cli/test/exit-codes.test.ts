import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { spawnBin } from "./bin";
import { tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
const sample = (name: string): string => readFileSync(join(sampleData, name), "utf8");

/** A folder the unprivileged account can enter, with one file nobody may read. */
function folderWithUnreadableFile(): string {
  const folder = tempFolder({ "locked.json": sample("goals.json"), "directory.json": sample("directory.json") });
  chmodSync(folder, 0o755);
  chmodSync(join(folder, "directory.json"), 0o644);
  chmodSync(join(folder, "locked.json"), 0o000);
  return folder;
}

describe("exit code 2: an input that cannot be read", () => {
  const commands: Array<[string, string[], string]> = [
    ["validate", ["validate", "goal", "locked.json"], "locked.json"],
    ["report", ["report", "goals", "locked.json", "--out", "out.html"], "locked.json"],
    ["score", ["score", "service-experience", "locked.json"], "locked.json"],
    ["search", ["search", "locked.json"], "locked.json"],
    ["import", ["import", "oruk", "locked.json"], "locked.json"],
    ["export", ["export", "oruk", "locked.json"], "locked.json"],
    ["validate --instrument", ["validate", "instrument-response", "directory.json", "--instrument", "./locked.json"], "./locked.json"],
  ];
  for (const [name, args, shown] of commands) {
    it(`${name}: a file without read permission is one clear line and exit 2, not a stack trace`, async () => {
      const folder = folderWithUnreadableFile();
      const result = await spawnBin(args, { cwd: folder, unprivileged: true });
      expect(result.stderr).toBe(`selfmanage: Cannot read ${shown}: permission denied.\n`);
      expect(result.code).toBe(2);
    });
  }

  it("a file that opens but cannot be read is exit 2 too", async () => {
    const result = await run(["validate", "goal", "/proc/self/mem"]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: "selfmanage: Cannot read /proc/self/mem: the file could not be read (EIO).\n" });
  });

  it("a missing file and a folder are exit 2", async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, "sub"));
    expect(await run(["validate", "goal", "missing.json"], { cwd: folder })).toEqual({ code: 2, stdout: "", stderr: "selfmanage: Cannot read missing.json: the file does not exist.\n" });
    expect(await run(["validate", "goal", "sub"], { cwd: folder })).toEqual({ code: 2, stdout: "", stderr: "selfmanage: Cannot read sub: it is a folder, not a file.\n" });
  });
});

describe("deeply nested JSON", () => {
  it("100,000 unclosed brackets are a located issue (exit 1) in every command that reads records, not a stack overflow", async () => {
    const folder = tempFolder({ "deep.json": "[".repeat(100_000), "deep.ndjson": `{"a":${"[".repeat(100_000)}\n` });
    for (const args of [
      ["validate", "goal", "deep.json"],
      ["validate", "goal", "deep.ndjson"],
      ["score", "service-experience", "deep.json"],
      ["report", "goals", "deep.json", "--out", "out.html"],
    ]) {
      const result = await run(args, { cwd: folder });
      expect(result.code, args.join(" ")).toBe(1);
      expect(`${result.stdout}${result.stderr}`, args.join(" ")).toMatch(/nested more than 128 levels deep.*\(too_deep\)/);
    }
  });

  it("a directory or feed nested too deeply is reported, and nothing is written", async () => {
    const folder = tempFolder({ "deep.json": `{"services":${"[".repeat(100_000)}${"]".repeat(100_000)}}` });
    for (const args of [["search", "deep.json"], ["import", "oruk", "deep.json"], ["export", "oruk", "deep.json"]]) {
      const result = await run(args, { cwd: folder });
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr, args.join(" ")).toMatch(/nested more than 128 levels deep.*\(too_deep\)/);
      expect(result.stdout, args.join(" ")).toBe("");
    }
  });

  it("a definition nested too deeply cannot be used: exit 2", async () => {
    const folder = tempFolder({ "deep.json": "[".repeat(100_000), "r.json": {} });
    const result = await run(["score", "./deep.json", "r.json"], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nested more than 128 levels deep");
    expect(result.stderr).not.toContain("RangeError");
  });

  it("accepts 128 levels and refuses 129", async () => {
    const nested = (depth: number): string => `${"[".repeat(depth - 1)}{}${"]".repeat(depth - 1)}`;
    const folder = tempFolder({ "ok.json": nested(128), "deep.json": nested(129) });
    const ok = await run(["validate", "goal", "ok.json", "--format", "json"], { cwd: folder });
    expect(ok.stdout).not.toContain("too_deep");
    const deep = await run(["validate", "goal", "deep.json", "--format", "json"], { cwd: folder });
    expect(deep.stdout).toContain('"code":"too_deep"');
  });
});

describe("names looked up in tables", () => {
  for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
    it(`report ${name}, import ${name} and export ${name} are unknown kinds (exit 2)`, async () => {
      const folder = tempFolder({ "a.json": {} });
      const report = await run(["report", name, "a.json"], { cwd: folder });
      expect(report).toEqual({ code: 2, stdout: "", stderr: `selfmanage: Unknown report kind "${name}". Kinds: coproduction, indicators, goals, practice, outcomes.\n` });
      const imported = await run(["import", name, "a.json"], { cwd: folder });
      expect(imported).toEqual({ code: 2, stdout: "", stderr: `selfmanage: Unknown import format "${name}". Formats: oruk, aliss, fhir.\n` });
      expect((await run(["export", name, "a.json"], { cwd: folder })).code).toBe(2);
      expect((await run(["validate", name, "a.json"], { cwd: folder })).code).toBe(2);
      expect((await run(["schema", name], { cwd: folder })).code).toBe(2);
      expect((await run([name], { cwd: folder })).code).toBe(2);
    });
  }
});

describe("empty input", () => {
  for (const [name, content] of [
    ["empty.ndjson", ""],
    ["blank.ndjson", "\n  \n\t\n"],
    ["empty.json", ""],
    ["blank.json", "  \n"],
    ["empty.jsonl", ""],
  ]) {
    it(`${name} is an issue (exit 1), never "all valid"`, async () => {
      const folder = tempFolder({ [name as string]: content });
      const result = await run(["validate", "goal", name as string], { cwd: folder });
      expect(result).toEqual({ code: 1, stdout: `${name}: (root): The file has no records. (empty_file)\nChecked 1 record in 1 file: 0 valid, 1 not valid (1 issue).\n`, stderr: "" });
    });
  }

  it("empty standard input is an issue too", async () => {
    const result = await run(["validate", "goal", "-"], { stdin: "" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("<stdin>: (root): The file has no records. (empty_file)");
  });
});

describe("exit code 2: an output that cannot be written", () => {
  it("--out naming a folder, an impossible place or nothing exits 2 with one line", { timeout: 30_000 }, async () => {
    const folder = tempFolder({ "goals.json": sample("goals.json"), "directory.json": sample("directory.json") });
    mkdirSync(join(folder, "sub"));
    writeFileSync(join(folder, "plain-file"), "x");
    const cases: Array<[string, string]> = [
      ["sub", "selfmanage: Cannot write sub: it is a folder.\n"],
      ["", "selfmanage: --out needs a file name.\n"],
      ["plain-file/report.html", "selfmanage: Cannot write plain-file/report.html: a part of the path is a file, not a folder.\n"],
      ["/proc/selfmanage/report.html", "selfmanage: Cannot write /proc/selfmanage/report.html: the folder cannot be created or written to.\n"],
    ];
    for (const [out, message] of cases) {
      for (const args of [
        ["report", "goals", "goals.json", "--out", out],
        ["import", "oruk", "goals.json", "--out", out],
        ["export", "oruk", "directory.json", "--out", out],
      ]) {
        const result = await run(args, { cwd: folder });
        expect({ code: result.code, stderr: result.stderr.split("\n").filter((line) => line.startsWith("selfmanage:")).join("\n") + "\n" }, args.join(" ")).toEqual({ code: 2, stderr: message });
      }
    }
    const outDir = await run(["demo", "--out-dir", "plain-file"], { cwd: folder });
    expect(outDir.code).toBe(2);
    expect(outDir.stderr).toContain("selfmanage: Cannot write plain-file/coproduction.html: a part of the path is a file, not a folder.");
  });

  it("a folder the user may not write to is exit 2", async () => {
    const folder = tempFolder({ "goals.json": sample("goals.json") });
    chmodSync(folder, 0o755);
    chmodSync(join(folder, "goals.json"), 0o644);
    mkdirSync(join(folder, "locked"), { mode: 0o555 });
    chmodSync(join(folder, "locked"), 0o555);
    const result = await spawnBin(["report", "goals", "goals.json", "--out", "locked/goals.html"], { cwd: folder, unprivileged: true });
    expect(result).toMatchObject({ code: 2, stdout: "", stderr: "selfmanage: Cannot write locked/goals.html: permission denied.\n" });
  });
});

describe("exit code 70: an internal error", () => {
  it("is one line naming the error, and its message only when SELFMANAGE_DEBUG=1", async () => {
    const { runCli } = await import("../src/cli");
    const { createTestIo } = await import("./helpers");
    const test = createTestIo();
    const throwing = (message: string) => ({
      write: (): boolean => {
        throw new TypeError(message);
      },
    });
    expect(await runCli(["--version"], { ...test.io, stdout: throwing("the secret value 0131") })).toBe(70);
    expect(test.stderr()).toBe("selfmanage: an unexpected error stopped the command (TypeError). This is a bug: please report it, with the output of SELFMANAGE_DEBUG=1.\n");
    const debug = createTestIo({ env: { SELFMANAGE_DEBUG: "1" } });
    expect(await runCli(["--version"], { ...debug.io, stdout: throwing("boom") })).toBe(70);
    expect(debug.stderr()).toContain("TypeError: boom");
  });

  it("--help lists every exit code the command uses", async () => {
    const help = (await run(["--help"])).stdout;
    for (const code of ["0 ", "1 ", "2 ", "70 "]) expect(help).toContain(`  ${code}`);
  });
});
