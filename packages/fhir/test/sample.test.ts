import { describe, expect, it } from "vitest";
import { validateGoal } from "@selfmanage/goals";
import { validateInstrument } from "@selfmanage/recovery";
import { validateDirectory, validateSignpostingEvent } from "@selfmanage/signposting";
import { fromFhir, toBundle, toFhir } from "../src/index";
import { sampleDirectory, sampleEvents, sampleGoals, sampleInstrument, sampleResponses } from "./sample";
import { fhirProblems } from "@selfmanage/test-kit/fhir";

describe("the sample data", () => {
  const goals = sampleGoals().filter((goal) => validateGoal(goal).ok);
  const directory = sampleDirectory();
  const instrument = sampleInstrument();
  const responses = sampleResponses();
  const events = sampleEvents().filter((event) => validateSignpostingEvent(event).ok);

  it("is valid where the tests rely on it", () => {
    expect(validateDirectory(directory).ok).toBe(true);
    expect(validateInstrument(instrument).ok).toBe(true);
    expect(goals.length).toBeGreaterThan(0);
    expect(events.length).toBeGreaterThan(0);
  });

  const bundleOf = () => {
    const resources = toFhir({ goals, directory, instruments: [instrument], responses, signpostingEvents: events, scores: true });
    if (!resources.ok) throw new Error(JSON.stringify(resources.issues));
    const bundle = toBundle(resources.value, "transaction");
    if (!bundle.ok) throw new Error(JSON.stringify(bundle.issues));
    return bundle;
  };

  it("converts to a bundle both validators pass with 0 errors", { timeout: 600_000 }, () => {
    // Both validators check a Bundle's entries as part of it.
    expect(fhirProblems(bundleOf().value)).toEqual([]);
  });

  it("reads back equal, with a notice for each one-way score", () => {
    const bundle = bundleOf();
    const back = fromFhir(bundle.value);
    expect(back.issues).toEqual([]);
    expect(back.goals).toEqual(goals);
    expect(back.instruments).toEqual([instrument]);
    expect(back.responses).toEqual(responses);
    expect(back.signpostingEvents).toEqual(events);
    const publicLocations = directory.locations.map((location) => (location.confidential === true ? (({ latitude: _a, longitude: _b, ...rest }) => rest)(location) : location));
    expect(back.directory).toEqual({ ...directory, locations: publicLocations });
    // Score Observations are one way: noted, never read back.
    expect(back.notices.filter((notice) => notice.code === "resource_not_kept").length).toBe(responses.length);
    expect(back.notices.filter((notice) => notice.code !== "resource_not_kept")).toEqual([]);
  });
});
