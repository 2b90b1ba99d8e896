import { describe, expect, it } from "vitest";
import { readmeExamples } from "@selfmanage/test-kit";
import * as signposting from "./index";
import { parsePostcode, redactSignpostingEvent, validateDirectory, validateSignpostingEvent } from "./index";

const { blocks, run } = readmeExamples(new URL("../README.md", import.meta.url), { ...signposting });

// The README's examples, run as written, so that they cannot rot.
describe("README examples", () => {
  it("1. validates a directory", () => {
    expect(parsePostcode("eh11yz")).toMatchObject({ ok: true, value: { postcode: "EH1 1YZ", district: "EH1" } });
    const result = validateDirectory({
      organisations: [{ id: "org-1", name: "Example Peer Network" }],
      locations: [
        {
          id: "hall",
          kind: "physical",
          address: { line1: "1 Example Street", city: "Edinburgh", postcode: "EH1 1YZ", country: "GB" },
          latitude: 55.96,
          longitude: -3.19,
          accessibility: [{ features: ["hearing-loop", "step-free-access"] }],
        },
        { id: "refuge", kind: "physical", confidential: true, maskedAddress: { locality: "Edinburgh", postcodeDistrict: "EH7" }, latitude: 55.97, longitude: -3.19 },
      ],
      services: [
        {
          id: "thursday-group",
          organisationId: "org-1",
          name: "Example Thursday peer group",
          status: "active",
          categories: ["peer-support-group"],
          locationIds: ["hall"],
          eligibility: { minimumAge: 18 },
          attending: ["in-person"],
          accessRoutes: ["drop-in"],
          hours: { weekly: [{ day: "thursday", opens: "18:00", closes: "20:00" }], exceptions: [{ date: "2026-12-24", periods: [], reason: "closure" }] },
          areas: [{ kind: "council-area", code: "S12000036", name: "City of Edinburgh" }],
          lastReviewed: "2026-01-10",
        },
      ],
    });
    expect(result.ok).toBe(true);
  });
  it("2. searches, and prints what the README says it prints", async () => {
    expect(blocks[1]).toContain("searchServices(index, {");
    // Leith is 2.8 km from the point and Morningside 3.2 km; the others fail age, accessibility or radius.
    const logged = await run(1);
    expect(logged).toEqual([
      ["Example Leith Peer Support Group", "2.8", ["within-radius", "category", "open"]],
      ["Example Carers' Peer Group", "3.2", ["within-radius", "category", "open"]],
    ]);
    // The comments under the example are what it prints.
    const printed = logged.map(([name, distance, reasons]) => `// ${String(name)} ${String(distance)} ${JSON.stringify(reasons).replaceAll(",", ", ")}`);
    expect((blocks[1] ?? "").match(/^\/\/ Example .*$/gm)).toEqual(printed);
  });
  it("4. records and redacts a signposting event", () => {
    const checked = validateSignpostingEvent({
      id: "evt-1",
      person: "person-7f3a9c",
      occurredAt: "2026-03-02T10:30:00Z",
      organisationId: "org-1",
      needs: [{ category: "social-prescribing", description: "Feeling isolated" }],
      services: [{ serviceId: "thursday-group", method: "warm-handover" }],
      consent: { given: true, scope: ["share-with-service", "analytics"], recordedAt: "2026-03-02T10:20:00Z" },
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const row = redactSignpostingEvent(checked.value, { person: "keyed-hash", key: "a long secret kept outside the export" });
    expect([row.person?.startsWith("anon-"), row.month, row.needs]).toEqual([true, "2026-03", ["social-prescribing"]]);
  });
});
