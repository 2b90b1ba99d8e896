import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseNear, parseOpenAt } from "../src/commands/search";
import { SENTINEL, tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));

describe("selfmanage search", () => {
  it("lists the nearest matching services with distances", async () => {
    const result = await run(["search", "directory.json", "--near", "55.9533,-3.1883", "--need", "peer-support-group", "--radius-km", "15", "--limit", "3"], { cwd: sampleData });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines[0]).toMatch(/^ {2}1\. .+ {2}\d+\.\d km/);
  });

  it("returns JSON matches that respect the radius", async () => {
    const result = await run(["search", "directory.json", "--near", "57.1497,-2.0943", "--radius-km", "5", "--format", "json", "--limit", "20"], { cwd: sampleData });
    const matches = JSON.parse(result.stdout) as Array<{ distanceKm?: number; service: { id: string } }>;
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) if (match.distanceKm !== undefined) expect(match.distanceKm).toBeLessThanOrEqual(5.5);
  });

  it("says so when nothing matches", async () => {
    const result = await run(["search", "directory.json", "--text", "xylophone", "--need", "wrap"], { cwd: sampleData });
    expect(result.stdout).toBe("No services match. Try a wider radius or fewer filters.\n");
  });

  it("refuses to search a directory with issues, without echoing values", async () => {
    const folder = tempFolder({ "d.json": { organisations: [{ id: "org-1", name: SENTINEL, extra: SENTINEL }], locations: [], services: [] } });
    const result = await run(["search", "d.json"], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("d.json: organisations[0].extra: ");
    expect(result.stderr).not.toContain(SENTINEL);
  });

  it("applies every filter: open time, age, attending, accessibility, language and area", async () => {
    const args = ["search", "directory.json", "--near", "55.8642,-4.2518", "--radius-km", "50", "--open-at", "2026-04-28T11:00:00+01:00", "--age", "30"];
    const all = await run([...args, "--limit", "1000", "--format", "json"], { cwd: sampleData });
    const filtered = await run([...args, "--attending", "in-person", "--accessibility", "step-free-access", "--language", "en", "--area", "S08000031", "--text", "support", "--limit", "1000", "--format", "json"], { cwd: sampleData });
    expect(filtered.code).toBe(0);
    const allMatches = JSON.parse(all.stdout) as Array<{ service: { id: string } }>;
    const filteredMatches = JSON.parse(filtered.stdout) as Array<{ service: { id: string; attending?: string[]; accessibility?: string[] } }>;
    expect(filteredMatches.length).toBeLessThan(allMatches.length);
    for (const match of filteredMatches) expect(match.service.attending).toContain("in-person");
    const badTime = await run([...args, "--open-at", "teatime"], { cwd: sampleData });
    expect(badTime.code).toBe(2);
  });

  it("rejects unknown categories with the list of known ones", async () => {
    const result = await run(["search", "directory.json", "--need", "astrology"], { cwd: sampleData });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--need astrology is not a service category\. Categories: .*peer-support-group/);
  });
});

describe("search options", () => {
  it("parses --near and checks its ranges", () => {
    expect(parseNear("55.95, -3.19")).toEqual({ latitude: 55.95, longitude: -3.19 });
    expect(() => parseNear("55.95")).toThrow("--near must be latitude,longitude");
    expect(() => parseNear("north,south")).toThrow("--near must be latitude,longitude");
    expect(() => parseNear("95,0")).toThrow("out of range");
  });

  it("parses --open-at", () => {
    expect(parseOpenAt("now", () => new Date("2026-03-01T10:00:00Z"))).toBe("2026-03-01T10:00:00.000Z");
    expect(parseOpenAt("2026-03-29T00:30:00+00:00")).toBe("2026-03-29T00:30:00+00:00");
    expect(() => parseOpenAt("tomorrow")).toThrow("--open-at must be now or a date and time");
    expect(() => parseOpenAt("2026-13-45T99:00:00Z")).toThrow("--open-at");
  });

  it("keeps a directory file valid JSON", () => {
    expect(() => JSON.parse(readFileSync(`${sampleData}directory.json`, "utf8")) as unknown).not.toThrow();
  });
});
