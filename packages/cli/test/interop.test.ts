import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
// The real Open Referral UK examples live beside the repository, never copied into it.
const orukExamples = fileURLToPath(new URL("../../../../shared/standards/oruk-3.0/examples/", import.meta.url));
const orukFail = fileURLToPath(new URL("../../../../shared/standards/oruk-3.0/validator-fixtures/V3.0-UK-Fail/", import.meta.url));
const councils = fileURLToPath(new URL("../../../../shared/standards/interop/oruk-v1-councils/", import.meta.url));

describe("selfmanage export oruk / import oruk", () => {
  it("exports a directory as ORUK services and imports them back", async () => {
    const directory = JSON.parse(readFileSync(join(sampleData, "directory.json"), "utf8")) as { services: Array<{ name: string }>; organisations: unknown[]; locations: unknown[] };
    const small = { ...directory, services: directory.services.slice(0, 25) };
    const folder = tempFolder({ "small.json": small });
    const exported = await run(["export", "oruk", "small.json", "--out", "oruk.json"], { cwd: folder });
    expect(exported).toEqual({ code: 0, stdout: "", stderr: "" });
    const services = JSON.parse(readFileSync(join(folder, "oruk.json"), "utf8")) as Array<{ id: string; name: string }>;
    expect(services).toHaveLength(25);
    const compact = await run(["export", "oruk", "small.json", "--compact"], { cwd: folder });
    expect(compact.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(compact.stdout)).toEqual(services);
    const imported = await run(["import", "oruk", "oruk.json", "--compact"], { cwd: folder });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe("Imported 25 services; 0 records were not imported.\n");
    // ORUK ids are UUIDs derived from ours, so compare what a person sees: the names.
    const back = JSON.parse(imported.stdout) as { services: Array<{ name: string }> };
    expect(back.services.map((service) => service.name).sort()).toEqual(small.services.map((service) => service.name).sort());
  });

  it("refuses to export a directory with issues", async () => {
    const folder = tempFolder({ "d.json": { organisations: [], locations: [], services: [{ id: "s" }] } });
    const result = await run(["export", "oruk", "d.json"], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("d.json: services[0]");
  });

  it.skipIf(!existsSync(orukExamples))("imports the real ORUK examples, reporting bad records with their line and path", async () => {
    const full = await run(["import", "oruk", join(orukExamples, "service_full.json"), "--notices"]);
    expect(full.code).toBe(0);
    // Latitude 100 is legal ORUK: set aside with a notice, never echoed.
    expect(full.stderr).toMatch(/service_full\.json: service_at_locations\[\*\]\.location\.latitude: Must be at most 90\. .*\(too_big, 1 time, e\.g\. ac148810-d857-441c-9679-408f346de14b\)/);
    expect(full.stderr).toMatch(/^Imported 1 service; 0 records were not imported\. \d+ notices of \d+ kinds\.$/m);
    const bad = await run(["import", "oruk", join(orukFail, "service_list.json")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/service_list\.json:10: contents\[0\]\.name: This field is required\. \(required\)/);
    expect(bad.stderr).not.toContain("example_counselling");
    const list = await run(["import", "oruk", join(orukExamples, "service_list.json"), "--quiet"]);
    expect(JSON.parse(list.stdout)).toHaveProperty("services");
  });

  it.skipIf(!existsSync(councils))("imports a council's ORUK v1 feed and gives ORUK 3.0 back", async () => {
    const folder = tempFolder({});
    const imported = await run(["import", "oruk", join(councils, "north-lincolnshire-council.json"), "--out", join(folder, "directory.json"), "--compact"]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/^Imported 738 services; 0 records were not imported\. \d+ notices of \d+ kinds \(--notices lists them\)\.$/m);
    const page = await run(["export", "oruk", join(folder, "directory.json"), "--per-page", "100", "--page", "8"]);
    expect(page.code).toBe(0);
    expect(JSON.parse(page.stdout)).toMatchObject({ total_items: 738, total_pages: 8, page_number: 8, size: 38, first_page: false, last_page: true });
    expect((await run(["export", "oruk", join(folder, "directory.json"), "--page", "0"])).code).toBe(2);
  });

  it("rejects unknown formats and unreadable feeds", async () => {
    const folder = tempFolder({ "broken.json": "{ nope" });
    expect((await run(["import", "csv", "broken.json"], { cwd: folder })).code).toBe(2);
    expect((await run(["export", "aliss", "broken.json"], { cwd: folder })).code).toBe(2);
    const broken = await run(["import", "oruk", "broken.json"], { cwd: folder });
    expect(broken).toMatchObject({ code: 1, stdout: "" });
    expect(broken.stderr).toContain("broken.json:1: (root): This is not valid JSON");
  });
});

describe("selfmanage import aliss", () => {
  it("imports an ALISS v4 services response", async () => {
    const folder = tempFolder({
      "aliss.json": {
        count: 1,
        next: null,
        previous: null,
        data: [
          {
            id: "3f0b3b61-fictional",
            name: "Fictional Walking Buddies",
            description: "A made-up walking group for testing.",
            organisation: { id: "9a1c-fictional", name: "Fictional Walkers" },
            categories: [{ name: "Physical activity", slug: "physical-activity" }],
            service_areas: [{ code: "S08000024", name: "Lothian", type: 0 }],
            locations: [{ id: "loc-fictional", formatted_address: "1 Example Street, Edinburgh, EH1 1AA", latitude: 55.95, longitude: -3.19 }],
          },
          {
            id: "7d2e-fictional",
            name: "Fictional Group With No Postcode",
            organisation: { id: "9a1c-fictional", name: "Fictional Walkers" },
            categories: [],
            locations: [{ id: "loc-fictional-2", formatted_address: "Somewhere in Edinburgh", latitude: 55.95, longitude: -3.19 }],
          },
        ],
      },
    });
    const result = await run(["import", "aliss", "aliss.json", "--notices"], { cwd: folder });
    const directory = JSON.parse(result.stdout) as { services: Array<{ name: string; extensions?: { aliss?: Record<string, unknown> } }> };
    expect(directory.services.map((service) => service.name)).toEqual(["Fictional Walking Buddies", "Fictional Group With No Postcode"]);
    // The address without a postcode is set aside, kept as written, and said so; the service is not refused.
    expect(result.code).toBe(0);
    expect(directory.services[1]?.extensions?.aliss).toHaveProperty(["locations.0.formatted_address"]);
    expect(result.stderr).toMatch(/aliss\.json: locations\[\*\]\.formatted_address: .*kept as ALISS wrote it/);
    expect(result.stderr).toMatch(/^Imported 2 services; 0 records were not imported\. \d+ notices? of \d+ kinds?\.$/m);
  });
});
