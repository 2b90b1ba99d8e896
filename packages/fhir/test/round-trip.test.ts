import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateGoal } from "@selfmanage/goals";
import { validateService, validateSignpostingEvent } from "@selfmanage/signposting";
import { fromFhir, goalToFhir, serviceToHealthcareService, signpostingEventToFhir, toBundle } from "../src/index";
import { eventArbitrary, goalArbitrary, serviceArbitrary } from "./arbitraries";
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
        const places: Array<{ parent: Record<string, unknown>; key: string }> = [];
        const walk = (node: unknown): void => {
          if (node === null || typeof node !== "object") return;
          for (const key of Object.keys(node)) {
            places.push({ parent: node as Record<string, unknown>, key });
            walk((node as Record<string, unknown>)[key]);
          }
        };
        walk(bundle.value);
        const place = places[pick % places.length];
        if (place !== undefined) place.parent[place.key] = replacement;
        expect(() => fromFhir(bundle.value)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
