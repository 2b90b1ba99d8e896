import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { recoveryIndicatorSet } from "@selfmanage/recovery";
import { describe, expect, it } from "vitest";
import { SENTINEL, tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
const orukExamples = fileURLToPath(new URL("../../../../shared/standards/oruk-3.0/examples/", import.meta.url));

describe("external formats as validation kinds", () => {
  it.skipIf(!existsSync(orukExamples))("checks ORUK services and lists bad records by path", async () => {
    const good = await run(["validate", "oruk-service", join(orukExamples, "service_list.json")]);
    expect(good.code).toBe(0);
    const bad = await run(["validate", "oruk-service", join(orukExamples, "service_full.json")]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/latitude: .*\(too_big\)/);
  });

  it("checks ALISS responses", async () => {
    const folder = tempFolder({
      "ok.json": { count: 1, next: null, previous: null, data: [{ id: "a1-fictional", name: "Fictional Group", organisation: { id: "o1-fictional", name: "Fictional Org" }, categories: [], locations: [] }] },
      "bad.json": { count: 1, next: null, previous: null, data: [{ id: "a2-fictional", organisation: { id: "o1-fictional", name: "Fictional Org" }, locations: [] }] },
    });
    expect((await run(["validate", "aliss-services", "ok.json"], { cwd: folder })).code).toBe(0);
    const bad = await run(["validate", "aliss-services", "bad.json"], { cwd: folder });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("bad.json: data[0]");
  });
});

describe("definitions from files", () => {
  it("checks indicator assessments against an indicator set given as a file", async () => {
    const folder = tempFolder({ "set.json": recoveryIndicatorSet, "broken-set.json": { ...recoveryIndicatorSet, indicators: SENTINEL } });
    const assessments = join(sampleData, "indicator-assessments.json");
    const good = await run(["validate", "indicator-assessment", assessments, "--indicator-set", "set.json"], { cwd: folder });
    expect(good.code).toBe(0);
    const broken = await run(["validate", "indicator-assessment", assessments, "--indicator-set", "broken-set.json"], { cwd: folder });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("The indicator set in broken-set.json is not valid, so nothing can be checked against it:\n  indicators: ");
    expect(broken.stderr).not.toContain(SENTINEL);
    const unreadable = await run(["validate", "indicator-assessment", assessments, "--indicator-set", "missing.json"], { cwd: folder });
    expect(unreadable).toMatchObject({ code: 2, stderr: "selfmanage: Cannot read missing.json: the file does not exist.\n" });
  });

  it("reads a framework from a file, and reports one that is not JSON", async () => {
    const assessment = readFileSync(join(sampleData, "coproduction-assessment.json"), "utf8");
    const folder = tempFolder({ "a.json": assessment, "framework.json": "{ broken" });
    const result = await run(["validate", "coproduction-assessment", "a.json", "--framework", "framework.json"], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("selfmanage: The co-production framework in framework.json cannot be read:\n  (root): This is not valid JSON: the text breaks the JSON grammar at line 1, column 3. (invalid_json)\n");
  });
});
