import { readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seededRandom } from "@selfmanage/test-kit/random";
import { sampleFiles } from "../scripts/sample-data";

const folder = fileURLToPath(new URL("../sample-data/", import.meta.url));

describe("sample data", () => {
  const fresh = sampleFiles();

  it("is exactly what the generator makes (run npm run sample-data after changing it)", () => {
    expect(readdirSync(folder).sort()).toEqual(Object.keys(fresh).sort());
    for (const [name, text] of Object.entries(fresh)) expect(readFileSync(`${folder}${name}`, "utf8"), name).toBe(text);
  });

  it("stays under 3 MB in total", () => {
    const total = readdirSync(folder).reduce((sum, name) => sum + statSync(`${folder}${name}`).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it("comes from a seeded generator that repeats itself", () => {
    const first = seededRandom(7);
    const second = seededRandom(7);
    const values = Array.from({ length: 5 }, () => first());
    expect(Array.from({ length: 5 }, () => second())).toEqual(values);
    for (const value of values) expect(value).toBeGreaterThanOrEqual(0);
    for (const value of values) expect(value).toBeLessThan(1);
  });
});
