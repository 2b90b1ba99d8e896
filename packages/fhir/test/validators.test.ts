import { describe, expect, it } from "vitest";
import { fhirProblems, fhirValidations, medplumProblems, schemaProblems } from "@selfmanage/test-kit/fhir";
import { goalToFhir, toBundle } from "../src/index";

// The validators are the bar for everything this package writes, so they must be able to say no.
const goal = goalToFhir({
  id: "goal-walk",
  person: "person-1",
  ownWords: "Walk to the park",
  lifeArea: "physical-health",
  expressedBy: "person",
  lifecycleStatus: "active",
  created: { recordedBy: "practitioner-12", role: "practitioner", recordedAt: "2026-03-02T10:00:00Z" },
});

describe("the two FHIR validators the tests use", () => {
  it("pass a goal the package writes", () => {
    expect(fhirProblems(goal[0])).toEqual([]);
  });

  it("both reject a Goal without its required elements and with a status outside the value set", () => {
    const broken = { resourceType: "Goal", lifecycleStatus: "finished" };
    expect(medplumProblems(broken).length).toBeGreaterThan(0);
    expect(schemaProblems(broken).length).toBeGreaterThan(0);
  });

  it("the JSON Schema checks a required code binding that Medplum does not", () => {
    const withBadCode = { ...goal[0], lifecycleStatus: "finished" };
    expect(schemaProblems(withBadCode).some((problem) => problem.includes("/lifecycleStatus"))).toBe(true);
    expect(medplumProblems(withBadCode)).toEqual([]);
  });

  it("name the entry of a Bundle that is wrong, and check the Bundle's own elements", () => {
    const bundle = toBundle(goal, "transaction");
    if (!bundle.ok) throw new Error("the goal did not bundle");
    expect(fhirProblems(bundle.value)).toEqual([]);
    const brokenEntry = structuredClone(bundle.value);
    delete (brokenEntry.entry[0] as { resource: Record<string, unknown> }).resource.subject;
    expect(fhirProblems(brokenEntry).some((problem) => problem.startsWith("entry[0] "))).toBe(true);
    const noRequest = structuredClone(bundle.value);
    delete (noRequest.entry[0] as Record<string, unknown>).request;
    expect(fhirProblems(noRequest).filter((problem) => !problem.startsWith("entry["))).not.toEqual([]);
  });

  it("validate a resource once, however often the tests ask", () => {
    const resource = { ...goal[0], id: "asked-twice" };
    fhirProblems(resource);
    const before = fhirValidations();
    fhirProblems(structuredClone(resource));
    expect(fhirValidations()).toBe(before);
  });
});
