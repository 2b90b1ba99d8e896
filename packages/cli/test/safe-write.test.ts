import { existsSync, linkSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkOutputFile, writeOutputFile } from "../src/io";
import { tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
const sample = (name: string): string => readFileSync(join(sampleData, name), "utf8");
const orukFeed = JSON.stringify([{ id: "3a1c1c0e-7d2a-4a5e-9a55-3c1f0d6b2a10", name: "Fictional Walking Group", status: "active" }]);

describe("never writing over an input", () => {
  it("report goals goals.json --out goals.json is refused and the input is kept", async () => {
    const folder = tempFolder({ "goals.json": sample("goals.json") });
    for (const out of ["goals.json", "./goals.json", join(folder, "goals.json"), "sub/../goals.json"]) {
      const result = await run(["report", "goals", "goals.json", "--out", out, "--force"], { cwd: folder });
      expect(result.code, out).toBe(2);
      expect(result.stderr, out).toMatch(/^selfmanage: Cannot write .*goals\.json: it is (the|the same file as the) input goals\.json\. Choose another name for the output\.\n$/);
    }
    expect(readFileSync(join(folder, "goals.json"), "utf8")).toBe(sample("goals.json"));
  });

  it("import oruk oruk.json --out oruk.json is refused, also through a hard link or a symbolic link", async () => {
    const folder = tempFolder({ "oruk.json": orukFeed });
    linkSync(join(folder, "oruk.json"), join(folder, "hard.json"));
    symlinkSync(join(folder, "oruk.json"), join(folder, "soft.json"));
    for (const out of ["oruk.json", "hard.json", "soft.json"]) {
      const result = await run(["import", "oruk", "oruk.json", "--out", out, "--force"], { cwd: folder });
      expect(result.code, out).toBe(2);
      expect(result.stderr, out).toContain("input oruk.json");
    }
    expect(readFileSync(join(folder, "oruk.json"), "utf8")).toBe(orukFeed);
  });

  it("export and report refuse to write over a definition they read", async () => {
    const folder = tempFolder({ "directory.json": sample("directory.json"), "a.json": sample("coproduction-assessment.json") });
    const exported = await run(["export", "oruk", "directory.json", "--out", "directory.json", "--force"], { cwd: folder });
    expect(exported).toMatchObject({ code: 2, stderr: "selfmanage: Cannot write directory.json: it is the input directory.json. Choose another name for the output.\n" });
    writeFileSync(join(folder, "framework.json"), "{}");
    const report = await run(["report", "coproduction", "a.json", "--framework", "./framework.json", "--out", "framework.json", "--force"], { cwd: folder });
    expect(report).toMatchObject({ code: 2, stderr: "selfmanage: Cannot write framework.json: it is the same file as the input ./framework.json. Choose another name for the output.\n" });
    expect(readFileSync(join(folder, "framework.json"), "utf8")).toBe("{}");
    expect(readFileSync(join(folder, "directory.json"), "utf8")).toBe(sample("directory.json"));
  });
});

describe("never following a symbolic link when writing", () => {
  it("a link planted in the demo's --out-dir is refused, and with --force the link is replaced, not its target", async () => {
    const folder = tempFolder({ "victim.txt": "keep me" });
    mkdirSync(join(folder, "out"));
    symlinkSync(join(folder, "victim.txt"), join(folder, "out", "goals.html"));
    const refused = await run(["demo", "--out-dir", "out"], { cwd: folder });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("selfmanage: Cannot write out/goals.html: it is a symbolic link, and links are never followed. Remove it, or pass --force to replace the link itself.\n");
    expect(refused.stdout).toBe("");
    const forced = await run(["demo", "--out-dir", "out", "--force"], { cwd: folder });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(folder, "victim.txt"), "utf8")).toBe("keep me");
    expect(lstatSync(join(folder, "out", "goals.html")).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(folder, "out", "goals.html"), "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("a dangling link at --out is refused too (it would create a file elsewhere)", async () => {
    const folder = tempFolder({ "goals.json": sample("goals.json") });
    symlinkSync(join(folder, "elsewhere.html"), join(folder, "out.html"));
    const result = await run(["report", "goals", "goals.json", "--out", "out.html"], { cwd: folder });
    expect(result.code).toBe(2);
    expect(existsSync(join(folder, "elsewhere.html"))).toBe(false);
  });
});

describe("never replacing an existing file without --force", () => {
  it("report, import and export refuse an existing --out, and replace it atomically with --force", async () => {
    const folder = tempFolder({ "goals.json": sample("goals.json"), "directory.json": sample("directory.json"), "oruk.json": orukFeed, "taken.html": "mine", "taken.json": "mine" });
    for (const args of [
      ["report", "goals", "goals.json", "--out", "taken.html"],
      ["import", "oruk", "oruk.json", "--out", "taken.json"],
      ["export", "oruk", "directory.json", "--out", "taken.json"],
    ]) {
      const refused = await run(args, { cwd: folder });
      expect(refused, args.join(" ")).toMatchObject({ code: 2, stdout: "" });
      expect(refused.stderr, args.join(" ")).toMatch(/^selfmanage: Cannot write taken\.(html|json): it already exists\. Pass --force to replace it\.\n$/);
    }
    expect(readFileSync(join(folder, "taken.html"), "utf8")).toBe("mine");
    expect(readFileSync(join(folder, "taken.json"), "utf8")).toBe("mine");
    const before = statSync(join(folder, "taken.html")).ino;
    expect((await run(["report", "goals", "goals.json", "--out", "taken.html", "--force"], { cwd: folder })).code).toBe(0);
    // A new file renamed into place, not the old one rewritten: a crash can never leave half a file.
    expect(statSync(join(folder, "taken.html")).ino).not.toBe(before);
    expect(readFileSync(join(folder, "taken.html"), "utf8")).toMatch(/^<!DOCTYPE html>/);
    expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("the demo replaces its own earlier reports, but not a report someone changed or a file it did not write", async () => {
    const folder = tempFolder();
    expect((await run(["demo"], { cwd: folder })).code).toBe(0);
    expect((await run(["demo"], { cwd: folder })).code).toBe(0);
    writeFileSync(join(folder, "reports", "goals.html"), "edited by hand");
    const edited = await run(["demo"], { cwd: folder });
    expect(edited.code).toBe(2);
    expect(edited.stderr).toBe("selfmanage: Cannot write reports/goals.html: it already exists. Pass --force to replace it.\n");
    expect(readFileSync(join(folder, "reports", "goals.html"), "utf8")).toBe("edited by hand");
    expect((await run(["demo", "--force"], { cwd: folder })).code).toBe(0);
    expect((await run(["demo"], { cwd: folder })).code).toBe(0);

    const foreign = tempFolder();
    mkdirSync(join(foreign, "reports"));
    writeFileSync(join(foreign, "reports", "indicators.html"), "someone else's");
    expect((await run(["demo"], { cwd: foreign })).code).toBe(2);
    expect(readFileSync(join(foreign, "reports", "indicators.html"), "utf8")).toBe("someone else's");
  });
});

describe("writeOutputFile", () => {
  it("creates missing folders, returns the absolute path, and leaves no temporary file", async () => {
    const folder = tempFolder();
    const path = await writeOutputFile("a/b/c.txt", "hello", { cwd: folder });
    expect(path).toBe(join(folder, "a", "b", "c.txt"));
    expect(readFileSync(path, "utf8")).toBe("hello");
    expect(readdirSync(join(folder, "a", "b"))).toEqual(["c.txt"]);
    await expect(writeOutputFile("a/b/c.txt", "again", { cwd: folder })).rejects.toThrow("it already exists");
    await expect(writeOutputFile("a/b/c.txt", "again", { cwd: folder, mayReplace: () => true })).resolves.toBe(path);
    expect(readFileSync(path, "utf8")).toBe("again");
    await expect(checkOutputFile("a", { cwd: folder, force: true })).rejects.toThrow("Cannot write a: it is a folder.");
    await expect(checkOutputFile("", { cwd: folder, option: "--out-dir" })).rejects.toThrow("--out-dir needs a file name.");
  });

  it("writes bytes as they are", async () => {
    const folder = tempFolder();
    const path = await writeOutputFile("bytes.bin", new Uint8Array([0, 255, 10]), { cwd: folder });
    expect([...readFileSync(path)]).toEqual([0, 255, 10]);
  });
});
