import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeParseResult } from "@selfmanage/core";
import { describePublicSchemas } from "@selfmanage/test-kit";
import { validateSignpostingEvent } from "@selfmanage/signposting";
import * as publicApi from "./index";
import { BundleType, ExtensionEntry, extensionTable, FhirImport, FhirNotice, fromFhir, goalToFhir, parseNdjson, ParsedNdjson, toBundle, toFhir, ToolkitRecords } from "./index";
import { eventArbitrary, goalArbitrary, serviceArbitrary } from "../test/arbitraries";
import { instrumentArbitrary, responsesArbitrary } from "../test/instrument-arbitraries";
import { sampleDirectory, sampleEvents, sampleGoals } from "../test/sample";

/** The schemas published as JSON Schema in `schemas/`. */
const publicSchemas = {
  "bundle-type": BundleType,
  "toolkit-records": ToolkitRecords,
  "fhir-import": FhirImport,
  "fhir-notice": FhirNotice,
  "parsed-ndjson": ParsedNdjson,
  "extension-entry": ExtensionEntry,
};

const directory = sampleDirectory();
const smallDirectory = { organisations: directory.organisations.slice(0, 3), locations: directory.locations.slice(0, 4), services: directory.services.slice(0, 4) };
const instrumentWithResponses = instrumentArbitrary.chain((instrument) => responsesArbitrary(instrument, 2).map((responses) => ({ instruments: [instrument], responses })));
const toolkitRecords = fc.record(
  {
    goals: fc.array(goalArbitrary, { maxLength: 2 }),
    directory: fc.constantFrom(smallDirectory, { organisations: [], locations: [], services: [] }),
    signpostingEvents: fc.array(eventArbitrary, { maxLength: 2 }),
    scores: fc.boolean(),
  },
  { requiredKeys: [] },
);
const records = fc.tuple(toolkitRecords, fc.option(instrumentWithResponses, { nil: undefined })).map(([some, instruments]) => ({ ...some, ...instruments }));
const notice = fc.record({
  path: fc.array(fc.oneof(fc.constantFrom("Goal", "extension", "priority"), fc.nat({ max: 20 })), { maxLength: 5 }),
  code: fc.constantFrom("not_kept" as const, "resource_not_kept" as const),
  message: fc.constantFrom("This element has no place in the toolkit's model, so it was not kept."),
});
// What fromFhir gives back for generated and sample records: the output shape, as produced.
const imports = fc.oneof(
  records.map((some) => {
    const resources = toFhir(some);
    if (!resources.ok) throw new Error(JSON.stringify(resources.issues));
    return fromFhir(resources.value);
  }),
  fc.constant(fromFhir({ resourceType: "Goal", id: "pco-walk", priority: { text: "high" }, lifecycleStatus: "active" })),
);

const samples = {
  "bundle-type": fc.constantFrom(...BundleType.options),
  "toolkit-records": records,
  "fhir-import": imports,
  "fhir-notice": notice,
  "parsed-ndjson": fc.array(goalArbitrary, { maxLength: 2 }).map((goals) => parseNdjson(`${goals.flatMap((goal) => goalToFhir(goal)).map((resource) => JSON.stringify(resource)).join("\n")}\n{oops\n`)),
  "extension-entry": fc.constantFrom(...extensionTable),
} satisfies Record<keyof typeof publicSchemas, fc.Arbitrary<unknown>>;

describePublicSchemas({
  schemas: publicSchemas,
  samples,
  snapshots: fileURLToPath(new URL("../schemas", import.meta.url)),
  parse: (schema) => (input) => safeParseResult(schema, input),
  numRuns: (name) => (name === "toolkit-records" || name === "fhir-import" ? 30 : 100),
  timeout: 300_000,
  exported: publicApi,
});

describe("the package's own schema data", () => {
  it("the extension table is valid data of its own schema, one entry per URL", () => {
    for (const entry of extensionTable) expect(ExtensionEntry.safeParse(entry).success).toBe(true);
    expect(new Set(extensionTable.map((entry) => entry.url)).size).toBe(extensionTable.length);
  });
});

describe("options are checked where they come in", () => {
  const [goal] = goalToFhir(sampleGoals()[0] as never);

  it("toBundle refuses a Bundle type it does not write, and things that are not resources, with paths", () => {
    const wrongType = toBundle([goal as never], "batch" as never);
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) expect(wrongType.issues[0]?.path[0]).toBe("type");
    const notResource = toBundle([goal as never, { id: "x" } as never]);
    expect(notResource.ok).toBe(false);
    if (!notResource.ok) expect(notResource.issues.map((found) => found.path)).toEqual([[1, "resourceType"]]);
    expect(toBundle("Goal" as never).ok).toBe(false);
  });

  it("toFhir refuses unknown lists, lists that are not lists and a scores flag that is not true or false, never echoing the value", () => {
    const typo = toFhir({ goal: [] } as never);
    expect(typo.ok).toBe(false);
    const notList = toFhir({ goals: "SENTINEL-goal" } as never);
    expect(notList.ok).toBe(false);
    if (!notList.ok) {
      expect(notList.issues[0]?.path).toEqual(["goals"]);
      expect(JSON.stringify(notList.issues)).not.toContain("SENTINEL");
    }
    expect(toFhir({ scores: "yes" } as never).ok).toBe(false);
    expect(toFhir({ signpostingEvents: sampleEvents().filter((event) => validateSignpostingEvent(event).ok) }).ok).toBe(true);
  });

  it("toFhir refuses an instrument whose option codes FHIR cannot hold, naming the option", () => {
    const instrument = {
      id: "spaced",
      version: "1.0.0",
      title: { en: "Spaced codes" },
      scales: [{ id: "s", options: [{ code: "quite  often", label: { en: "Quite often" }, value: 1 }, { code: "never", label: { en: "Never" }, value: 0 }] }],
      items: [{ id: "q1", text: { en: "How often?" }, scale: "s" }],
      scoring: { method: "sum" as const, missingData: { kind: "none" as const }, direction: "higher-is-better" as const },
    };
    const result = toFhir({ instruments: [instrument] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((found) => [found.path, found.code])).toEqual([[["instruments", 0, "scales", 0, "options", 0, "code"], "not_a_fhir_code"]]);
  });

  it("arbitrary options never make toFhir or toBundle throw", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (options, type) => {
        expect(() => toFhir(options as never)).not.toThrow();
        expect(() => toBundle([goal as never], type as never)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it("services generated for the round trips are valid ToolkitRecords", () => {
    fc.assert(
      fc.property(serviceArbitrary, (service) => {
        const parsed = ToolkitRecords.safeParse({ directory: { organisations: [], locations: [], services: [service] } });
        expect(parsed.success).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
