import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { validateSignpostingEvent } from "@selfmanage/signposting";
// The two FHIR validators, shared by every package's tests so every FHIR check is the same.
import { fhirProblems } from "@selfmanage/test-kit/fhir";
import { SENTINEL, tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));

describe("selfmanage export fhir / import fhir / validate fhir", () => {
  it("exports goals as a transaction bundle that imports back to the same goals", async () => {
    const folder = tempFolder();
    const goals = [JSON.parse(readFileSync(join(sampleData, "goals.json"), "utf8"))[0]];
    const written = tempFolder({ "goals.json": goals });
    const exported = await run(["export", "fhir", "goal", "goals.json", "--bundle", "transaction", "--out", join(folder, "bundle.json")], { cwd: written });
    expect(exported.code).toBe(0);
    const bundle = JSON.parse(readFileSync(join(folder, "bundle.json"), "utf8"));
    expect(bundle.type).toBe("transaction");
    expect(fhirProblems(bundle)).toEqual([]);
    const imported = await run(["import", "fhir", "bundle.json"], { cwd: folder });
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).goals).toEqual(goals);
    expect((await run(["validate", "fhir", "bundle.json"], { cwd: folder })).code).toBe(0);
  });

  it("writes NDJSON, one resource per line, each passing both validators, that imports back to the same events", async () => {
    const events = readFileSync(join(sampleData, "signposting-events.ndjson"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as unknown)
      .filter((event) => validateSignpostingEvent(event).ok);
    expect(events.length).toBeGreaterThan(1);
    const folder = tempFolder({ "events.ndjson": `${events.map((event) => JSON.stringify(event)).join("\n")}\n` });
    const result = await run(["export", "fhir", "signposting-event", "events.ndjson", "--format", "ndjson", "--out", "events.fhir.ndjson"], { cwd: folder });
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(join(folder, "events.fhir.ndjson"), "utf8");
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.slice(0, -1).split("\n");
    // Each event is a ServiceRequest with its Consent, and a Task per follow-up.
    const followUps = events.reduce<number>((sum, event) => sum + ((event as { followUps?: unknown[] }).followUps?.length ?? 0), 0);
    expect(lines.length).toBe(events.length * 2 + followUps);
    for (const line of lines) {
      const resource = JSON.parse(line) as { resourceType: string };
      expect(resource.resourceType).toMatch(/^(ServiceRequest|Consent|Task)$/);
      // One resource per line, and nothing else on it.
      expect(JSON.stringify(resource)).toBe(line);
      expect(fhirProblems(resource)).toEqual([]);
    }
    const imported = await run(["import", "fhir", "events.fhir.ndjson"], { cwd: folder });
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).signpostingEvents).toEqual(events);
  });

  it("refuses to export records that break their model, naming the line and never the value, and writes nothing", async () => {
    const [first, second] = readFileSync(join(sampleData, "signposting-events.ndjson"), "utf8").split("\n");
    const broken = { ...(JSON.parse(second as string) as Record<string, unknown>), occurredAt: SENTINEL };
    expect(validateSignpostingEvent(broken).ok).toBe(false);
    const folder = tempFolder({ "events.ndjson": `${first}\n${JSON.stringify(broken)}\n` });
    const result = await run(["export", "fhir", "signposting-event", "events.ndjson", "--format", "ndjson", "--out", "events.fhir.ndjson"], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("events.ndjson:2");
    expect(result.stderr).toContain("occurredAt");
    expect(result.stderr).toContain("Nothing was exported");
    expect(result.stderr).not.toContain(SENTINEL);
    expect(existsSync(join(folder, "events.fhir.ndjson"))).toBe(false);
  });

  it("refuses an instrument whose option codes FHIR cannot hold, naming the option", async () => {
    const instrument = {
      id: "spaced",
      version: "1.0.0",
      title: { en: "Spaced codes" },
      scales: [{ id: "s", options: [{ code: "quite  often", label: { en: "Quite often" }, value: 1 }, { code: "never", label: { en: "Never" }, value: 0 }] }],
      items: [{ id: "q1", text: { en: "How often?" }, scale: "s" }],
      scoring: { method: "sum", missingData: { kind: "none" }, direction: "higher-is-better" },
    };
    const folder = tempFolder({ "instrument.json": instrument });
    const result = await run(["export", "fhir", "instrument", "instrument.json", "--out", "instrument.fhir.json"], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("instruments[0].scales[0].options[0].code");
    expect(result.stderr).toContain("not_a_fhir_code");
    expect(existsSync(join(folder, "instrument.fhir.json"))).toBe(false);
  });

  it("reports structural issues with FHIRPath paths and never the value", async () => {
    const folder = tempFolder({ "goal.json": { resourceType: "Goal", lifecycleStatus: "active", description: { text: SENTINEL }, subject: { identifier: { value: "p-1" } }, target: [{ dueDate: SENTINEL }] } });
    const result = await run(["validate", "fhir", "goal.json"], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("target[0].dueDate");
    expect(result.stdout).not.toContain(SENTINEL);
  });

  it("exports a directory and scored responses, to stdout or compact, both validators passing", async () => {
    const directory = JSON.parse(readFileSync(join(sampleData, "directory.json"), "utf8")) as { organisations: Array<{ id: string }>; locations: Array<{ id: string }>; services: Array<{ organisationId?: string; locationIds?: string[] }> };
    const service = directory.services.find((candidate) => candidate.organisationId !== undefined && (candidate.locationIds?.length ?? 0) > 0) as { organisationId: string; locationIds: string[] };
    const small = {
      organisations: directory.organisations.filter((organisation) => organisation.id === service.organisationId),
      locations: directory.locations.filter((location) => service.locationIds.includes(location.id)),
      services: [service],
    };
    const responses = readFileSync(join(sampleData, "responses.ndjson"), "utf8").split("\n").slice(0, 3).join("\n");
    const folder = tempFolder({ "directory.json": small, "responses.ndjson": `${responses}\n` });
    const exported = await run(["export", "fhir", "directory", "directory.json", "--compact", "--quiet"], { cwd: folder });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toBe("");
    expect(exported.stdout.trim().split("\n")).toHaveLength(1);
    const bundle = JSON.parse(exported.stdout) as { entry: unknown[] };
    expect(bundle.entry).toHaveLength(small.organisations.length + small.locations.length + 1);
    expect(fhirProblems(bundle)).toEqual([]);
    const scored = await run(["export", "fhir", "instrument-response", "responses.ndjson", "--instrument", join(sampleData, "instrument.json"), "--scores", "--bundle", "transaction"], { cwd: folder });
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stderr).toContain("a transaction Bundle");
    const withScores = JSON.parse(scored.stdout) as { entry: Array<{ resource: { resourceType: string } }> };
    expect(withScores.entry.map((entry) => entry.resource.resourceType).sort()).toEqual(["Observation", "Observation", "Observation", "Questionnaire", "QuestionnaireResponse", "QuestionnaireResponse", "QuestionnaireResponse"]);
    expect(fhirProblems(withScores)).toEqual([]);
  });

  it("asks for the instrument when exporting responses, and refuses two records with the same id", async () => {
    const folder = tempFolder({ "goals.json": [JSON.parse(readFileSync(join(sampleData, "goals.json"), "utf8"))[0], JSON.parse(readFileSync(join(sampleData, "goals.json"), "utf8"))[0]] });
    expect((await run(["export", "fhir", "instrument-response", join(sampleData, "responses.ndjson")], { cwd: folder })).code).toBe(2);
    const twice = await run(["export", "fhir", "goal", "goals.json"], { cwd: folder });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("duplicate_resource");
  });

  it("imports NDJSON line by line: a line that is not JSON and an issue on a line are named by their line", async () => {
    const goal = JSON.parse(readFileSync(join(sampleData, "goals.json"), "utf8"))[0] as Record<string, unknown>;
    const folder = tempFolder({ "goals.json": [goal] });
    expect((await run(["export", "fhir", "goal", "goals.json", "--format", "ndjson", "--out", "goal.ndjson"], { cwd: folder })).code).toBe(0);
    const lines = readFileSync(join(folder, "goal.ndjson"), "utf8").trim().split("\n");
    const broken = { ...(JSON.parse(lines[0] as string) as Record<string, unknown>), lifecycleStatus: 7 };
    const written = tempFolder({ "broken.ndjson": `${JSON.stringify(broken)}\n${lines.slice(1).join("\n")}\n{oops\n` });
    const imported = await run(["import", "fhir", "broken.ndjson", "--out", "records.json", "--compact"], { cwd: written });
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain("broken.ndjson:1");
    expect(imported.stderr).toContain("lifecycleStatus");
    expect(imported.stderr).toContain(`broken.ndjson:${lines.length + 1}`);
    expect(imported.stderr).toContain("Nothing was imported");
    expect(existsSync(join(written, "records.json"))).toBe(false);
    // Without the line that is not JSON, what could be read is written, and the issue still named.
    const readable = tempFolder({ "broken.ndjson": `${JSON.stringify(broken)}\n${lines.slice(1).join("\n")}\n` });
    const partly = await run(["import", "fhir", "broken.ndjson", "--out", "records.json", "--compact"], { cwd: readable });
    expect(partly.code).toBe(1);
    expect(partly.stderr).toContain("broken.ndjson:1");
    expect(partly.stderr).toMatch(/Imported 0 records; \d+ issues?; \d+ notes?/);
    expect(JSON.parse(readFileSync(join(readable, "records.json"), "utf8")).goals).toEqual([]);
    const quiet = await run(["import", "fhir", join(folder, "goal.ndjson"), "--quiet"], { cwd: folder });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
  });

  it("validates several files, as text or as NDJSON issues", async () => {
    const goal = JSON.parse(readFileSync(join(sampleData, "goals.json"), "utf8"))[0] as Record<string, unknown>;
    const folder = tempFolder({ "goals.json": [goal], "bad.json": { resourceType: "Goal", lifecycleStatus: "active" } });
    expect((await run(["export", "fhir", "goal", "goals.json", "--out", "good.json"], { cwd: folder })).code).toBe(0);
    const clean = await run(["validate", "fhir", "good.json"], { cwd: folder });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("Checked 1 FHIR file: no issues.");
    const both = await run(["validate", "fhir", "good.json", "bad.json", "--format", "json"], { cwd: folder });
    expect(both.code).toBe(1);
    const issues = both.stdout.trim().split("\n").map((line) => JSON.parse(line) as { path?: unknown });
    expect(issues.length).toBeGreaterThan(1);
    expect(both.stderr).toMatch(/Checked 2 FHIR files: \d+ issues\./);
    const quiet = await run(["validate", "fhir", "bad.json", "--quiet"], { cwd: folder });
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain("Checked");
  });

  it("refuses unknown kinds with a usage error that suggests the closest one", async () => {
    expect((await run(["export", "fhir", "wrap", "x.json"])).code).toBe(2);
    const typo = await run(["export", "fhir", "goals", "x.json"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean "goal"?');
    expect((await run(["import", "fhri", "x.json"])).stderr).toContain('Did you mean "fhir"?');
  });

  it("exports responses to a ready-made instrument, scored and coded with its LOINC total, both validators passing", async () => {
    const folder = tempFolder({
      "phq2.ndjson": `${JSON.stringify({ id: "r-1", instrumentId: "phq-2", instrumentVersion: "1.0.0", respondent: "person-a1b2c3", answers: { "item-1": "1", "item-2": "0" } })}\n`,
    });
    const result = await run(["export", "fhir", "instrument-response", "phq2.ndjson", "--instrument", "phq-2", "--scores", "--out", "phq2.fhir.json"], { cwd: folder });
    expect(result.code, result.stderr).toBe(0);
    const bundle = JSON.parse(readFileSync(join(folder, "phq2.fhir.json"), "utf8"));
    expect(fhirProblems(bundle)).toEqual([]);
    const observation = bundle.entry.map((entry: { resource: { resourceType: string } }) => entry.resource).find((resource: { resourceType: string }) => resource.resourceType === "Observation");
    expect(observation.code.coding).toContainEqual({ system: "http://loinc.org", code: "55758-7" });
  });
});

describe("FHIR outputs are written safely", () => {
  const goals = () => [JSON.parse(readFileSync(join(sampleData, "goals.json"), "utf8"))[0]];

  it("never replaces a file the user did not name with --force, nor the input, and checks --out before reading", async () => {
    const folder = tempFolder({ "goals.json": goals(), "taken.json": SENTINEL });
    for (const args of [
      ["export", "fhir", "goal", "goals.json", "--out", "taken.json"],
      ["import", "fhir", "goals.json", "--out", "taken.json"],
      ["export", "fhir", "goal", "missing.json", "--out", "taken.json"],
    ]) {
      const refused = await run(args, { cwd: folder });
      expect(refused.code, args.join(" ")).toBe(2);
      expect(refused.stderr).toContain("taken.json: it already exists. Pass --force to replace it.");
      expect(readFileSync(join(folder, "taken.json"), "utf8")).toBe(SENTINEL);
    }
    const intoInput = await run(["export", "fhir", "goal", "goals.json", "--out", "goals.json", "--force"], { cwd: folder });
    expect(intoInput.code).toBe(2);
    expect(intoInput.stderr).toContain("it is the input goals.json");
    expect(JSON.parse(readFileSync(join(folder, "goals.json"), "utf8"))).toEqual(goals());
    const forced = await run(["export", "fhir", "goal", "goals.json", "--out", "taken.json", "--force"], { cwd: folder });
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(folder, "taken.json"), "utf8")).resourceType).toBe("Bundle");
  });

  it("never writes over the instrument the responses are checked against", async () => {
    const folder = tempFolder({ "instrument.json": readFileSync(join(sampleData, "instrument.json"), "utf8"), "responses.ndjson": readFileSync(join(sampleData, "responses.ndjson"), "utf8") });
    const result = await run(["export", "fhir", "instrument-response", "responses.ndjson", "--instrument", "instrument.json", "--out", "instrument.json", "--force"], { cwd: folder });
    expect(result.code).toBe(2);
    expect(readFileSync(join(folder, "instrument.json"), "utf8")).toBe(readFileSync(join(sampleData, "instrument.json"), "utf8"));
  });

  it("a missing input is exit code 2 for import and validate, before anything is written", async () => {
    const folder = tempFolder();
    expect((await run(["import", "fhir", "missing.json", "--out", "out.json"], { cwd: folder })).code).toBe(2);
    expect(existsSync(join(folder, "out.json"))).toBe(false);
    const validated = await run(["validate", "fhir", "missing.json"], { cwd: folder });
    expect(validated.code).toBe(2);
    expect(validated.stdout).toBe("");
  });
});

describe("the demo's FHIR Bundle", () => {
  it("passes both validators with 0 errors", { timeout: 600_000 }, async () => {
    const out = tempFolder();
    const result = await run(["demo", "--out-dir", out]);
    expect(result.stdout).toContain("sample-data.fhir.json");
    const bundle = JSON.parse(readFileSync(join(out, "sample-data.fhir.json"), "utf8"));
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.entry.length).toBeGreaterThan(100);
    expect(fhirProblems(bundle)).toEqual([]);
  });

  it("is recorded in the demo's manifest: a later run replaces it, but not a file of that name it did not write", { timeout: 600_000 }, async () => {
    const out = tempFolder();
    expect((await run(["demo", "--out-dir", out])).code).toBe(0);
    const first = readFileSync(join(out, "sample-data.fhir.json"), "utf8");
    const manifest = JSON.parse(readFileSync(join(out, ".selfmanage-demo.json"), "utf8"));
    expect(Object.keys(manifest.reports)).toContain("sample-data.fhir.json");
    expect((await run(["demo", "--out-dir", out])).code).toBe(0);
    expect(readFileSync(join(out, "sample-data.fhir.json"), "utf8")).toBe(first);
    const foreign = tempFolder({ "sample-data.fhir.json": SENTINEL });
    const refused = await run(["demo", "--out-dir", foreign]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("sample-data.fhir.json: it already exists");
    expect(readFileSync(join(foreign, "sample-data.fhir.json"), "utf8")).toBe(SENTINEL);
  });
});
