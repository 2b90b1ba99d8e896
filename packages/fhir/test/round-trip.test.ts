import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateGoal } from "@selfmanage/goals";
import { validateLocation, validateOrganisation, validateService, validateSignpostingEvent } from "@selfmanage/signposting";
import { fromFhir, goalToFhir, locationToFhir, organisationToFhir, serviceToHealthcareService, signpostingEventToFhir, toBundle } from "../src/index";
import { replaceOnePlace, eventArbitrary, goalArbitrary, serviceArbitrary } from "./arbitraries";
import { locationArbitrary, organisationArbitrary } from "./directory-arbitraries";
import { fhirProblems } from "@selfmanage/test-kit/fhir";

function roundTrip(resources: ReturnType<typeof goalToFhir>, type: "collection" | "transaction") {
  const bundle = toBundle(resources, type);
  if (!bundle.ok) throw new Error(JSON.stringify(bundle.issues));
  return { bundle: bundle.value, back: fromFhir(bundle.value) };
}

describe("round trips over generated records (model -> FHIR -> model is equal)", () => {
  it("goals", { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(goalArbitrary, fc.constantFrom("collection" as const, "transaction" as const), (goal, type) => {
        expect(validateGoal(goal).ok, JSON.stringify(validateGoal(goal))).toBe(true);
        const { bundle, back } = roundTrip(goalToFhir(goal), type);
        expect(back.issues).toEqual([]);
        expect(back.notices).toEqual([]);
        expect(back.goals).toEqual([goal]);
        expect(fhirProblems(bundle)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("services", { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(serviceArbitrary, (service) => {
        const checked = validateService(service);
        fc.pre(checked.ok);
        const { bundle, back } = roundTrip([serviceToHealthcareService(service)], "collection");
        expect(back.issues).toEqual([]);
        expect(back.notices).toEqual([]);
        expect(back.directory.services).toEqual([service]);
        expect(fhirProblems(bundle)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("organisations", { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(organisationArbitrary, (organisation) => {
        expect(validateOrganisation(organisation).ok, JSON.stringify(validateOrganisation(organisation))).toBe(true);
        const { bundle, back } = roundTrip([organisationToFhir(organisation)], "collection");
        expect(back.issues).toEqual([]);
        expect(back.notices).toEqual([]);
        expect(back.directory.organisations).toEqual([organisation]);
        expect(fhirProblems(bundle)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("locations, a confidential one coming back without its position", { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(locationArbitrary, fc.constantFrom("collection" as const, "transaction" as const), (location, type) => {
        expect(validateLocation(location).ok, JSON.stringify(validateLocation(location))).toBe(true);
        const resource = locationToFhir(location);
        if (location.confidential === true) expect(resource.position).toBeUndefined();
        const { bundle, back } = roundTrip([resource], type);
        expect(back.issues).toEqual([]);
        expect(back.notices).toEqual([]);
        const { latitude: _latitude, longitude: _longitude, ...withoutPosition } = location;
        expect(back.directory.locations).toEqual([location.confidential === true ? withoutPosition : location]);
        expect(fhirProblems(bundle)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("signposting events", { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(eventArbitrary, (event) => {
        expect(validateSignpostingEvent(event).ok, JSON.stringify(validateSignpostingEvent(event))).toBe(true);
        const { bundle, back } = roundTrip(signpostingEventToFhir(event), "transaction");
        expect(back.issues).toEqual([]);
        expect(back.notices).toEqual([]);
        expect(back.signpostingEvents).toEqual([event]);
        expect(fhirProblems(bundle)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("arbitrary JSON never makes the reader throw", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expect(() => fromFhir(input)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("generated goals with one element replaced by arbitrary JSON never make the reader throw", () => {
    fc.assert(
      fc.property(goalArbitrary, fc.nat(), fc.jsonValue({ maxDepth: 2 }), (goal, pick, replacement) => {
        const bundle = toBundle(goalToFhir(goal), "collection");
        if (!bundle.ok) return;
        replaceOnePlace(bundle.value, pick, replacement);
        expect(() => fromFhir(bundle.value)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it("any kind of record with one element replaced never makes the reader throw, nor echo the value", () => {
    const sentinel = "SENTINEL-Jessie-McTavish-0131";
    const anyRecord = fc.oneof(
      organisationArbitrary.map((organisation) => [organisationToFhir(organisation)]),
      locationArbitrary.map((location) => [locationToFhir(location)]),
      serviceArbitrary.map((service) => [serviceToHealthcareService(service)]),
      eventArbitrary.map((event) => signpostingEventToFhir(event)),
      goalArbitrary.map((goal) => goalToFhir(goal)),
    );
    const replacement = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(sentinel), fc.constant({ value: sentinel }), fc.constant([sentinel]));
    fc.assert(
      fc.property(anyRecord, fc.nat(), replacement, (resources, pick, value) => {
        const bundle = toBundle(resources, "collection");
        if (!bundle.ok) throw new Error(JSON.stringify(bundle.issues));
        replaceOnePlace(bundle.value, pick, value);
        const back = fromFhir(bundle.value);
        for (const found of [...back.issues, ...back.notices]) expect(found.message).not.toContain(sentinel);
      }),
      { numRuns: 600 },
    );
  });
});
