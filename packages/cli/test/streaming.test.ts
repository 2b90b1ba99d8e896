import { createWriteStream, statSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { spawnBin } from "./bin";
import { tempFolder } from "./helpers";

/** Write `count` organisation records as NDJSON, each about 400 bytes. */
async function writeOrganisations(path: string, count: number): Promise<void> {
  const stream = createWriteStream(path);
  const description = "A fictional community organisation that runs peer support, walking groups and self-management courses across the area. ".repeat(2);
  for (let index = 0; index < count; index++) {
    const line = `${JSON.stringify({ id: `org-${index}`, name: `Fictional Organisation ${index}`, description })}\n`;
    if (!stream.write(line)) await once(stream, "drain");
  }
  stream.end();
  await once(stream, "finish");
}

async function peakMemory(file: string, cwd: string): Promise<{ code: number | null; maxRssKb: number; stdout: string }> {
  const result = await spawnBin(["validate", "organisation", file], { cwd, env: { SELFMANAGE_REPORT_MEMORY: "1" } });
  const match = /maxRSS=(\d+)/.exec(result.stderr);
  return { code: result.code, maxRssKb: Number(match?.[1]), stdout: result.stdout };
}

describe("NDJSON streaming", () => {
  it("keeps peak memory flat from 50,000 to 200,000 records", async () => {
    const folder = tempFolder();
    await writeOrganisations(join(folder, "small.ndjson"), 50_000);
    await writeOrganisations(join(folder, "large.ndjson"), 200_000);
    const smallSize = statSync(join(folder, "small.ndjson")).size;
    const largeSize = statSync(join(folder, "large.ndjson")).size;
    const small = await peakMemory("small.ndjson", folder);
    const large = await peakMemory("large.ndjson", folder);
    expect(small.stdout).toBe("Checked 50,000 records in 1 file: all valid.\n");
    expect(large.stdout).toBe("Checked 200,000 records in 1 file: all valid.\n");
    expect(large.code).toBe(0);
    expect(small.maxRssKb).toBeGreaterThan(0);
    // Four times the records must not mean much more memory: under 1.5x, and well below the
    // growth of the file (about 47 MB here; reading whole files would add at least that).
    expect(large.maxRssKb).toBeLessThan(small.maxRssKb * 1.5);
    expect((large.maxRssKb - small.maxRssKb) * 1024).toBeLessThan((largeSize - smallSize) / 2);
  }, 180_000);
});
