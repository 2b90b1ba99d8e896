import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extensionTable, fhirCodes } from "../src/index";

const guide = readFileSync(new URL("../../../docs/fhir.md", import.meta.url), "utf8");

describe("the FHIR guide", () => {
  it("lists every extension of ours, as the code table has it", () => {
    for (const entry of extensionTable) expect(guide).toContain(`| \`${entry.url}\` | ${entry.on} | ${entry.holds} |`);
    expect(extensionTable.length).toBe(Object.keys(fhirCodes.extensions).length);
  });

  it("names the PCO GAS codes the code table uses", () => {
    for (const code of Object.values(fhirCodes.gas.scoreCodes)) expect(guide).toContain(code.code);
  });
});
