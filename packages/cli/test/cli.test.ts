import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commands } from "../src/commands/index";
import { run } from "./run";

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

describe("selfmanage", () => {
  it("lists every command with --help and exits 0", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    for (const command of commands) expect(result.stdout).toContain(`  ${command.name} `);
    expect(result.stdout).toContain("Exit codes:\n  0   everything valid");
    expect(result.stdout).toContain("  70  an internal error");
  });

  it("lists each command under the name and summary its module declares", async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
    }
    expect(new Set(commands.map((entry) => entry.name)).size).toBe(commands.length);
  });

  it("shows help and exits 2 when run with nothing", async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("Usage: selfmanage <command> [options]");
  });

  it("prints its version", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    expect((await run(["-v"])).stdout).toBe(`${version}\n`);
  });

  it("has --help on every command, and help <command>", async () => {
    for (const command of commands) {
      const result = await run([command.name, "--help"]);
      expect(result.code, command.name).toBe(0);
      expect(result.stdout, command.name).toMatch(new RegExp(`^Usage: selfmanage ${command.name}`));
      expect(result.stdout, command.name).toContain("-h, --help");
    }
    expect((await run(["help", "score"])).stdout).toMatch(/^Usage: selfmanage score/);
  });

  it("exits 2 with a short message for an unknown command or option", async () => {
    expect(await run(["frobnicate"])).toEqual({ code: 2, stdout: "", stderr: 'selfmanage: Unknown command "frobnicate". Run selfmanage --help to see the commands.\n' });
    const option = await run(["validate", "goal", "x.json", "--colour"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^selfmanage: Unknown option '--colour'/);
  });

  it("says how many arguments a command takes", async () => {
    expect((await run(["schema"])).stderr).toMatch(/^selfmanage: selfmanage schema expects 1 argument\./);
    expect((await run(["report", "goals", "a", "b", "c"])).stderr).toMatch(/^selfmanage: selfmanage report expects 2 to 3 arguments\./);
    expect((await run(["demo", "extra"])).stderr).toMatch(/^selfmanage: selfmanage demo expects 0 arguments\./);
  });

  it("checks numeric and choice options", async () => {
    const radius = await run(["search", "directory.json", "--radius-km", "far"]);
    expect(radius).toMatchObject({ code: 2, stderr: "selfmanage: --radius-km must be a number at least 0.\n" });
    const limit = await run(["search", "directory.json", "--limit", "2.5"]);
    expect(limit.stderr).toBe("selfmanage: --limit must be a whole number at least 1 and at most 1000.\n");
  });
});
