import { describe, expect, it } from "vitest";
import { agreementScale } from "@selfmanage/core";
import { miniFramework } from "../test/fixtures";
import { builtInFrameworks, nefPrinciplesFramework, practicePillarsFramework } from "./builtins";
import { defaultStages, frameworkStages, validateFramework } from "./framework";

const SENTINEL = "SENTINEL-Jane-Doe-0123456789";

function issuesOf(input: unknown) {
  const result = validateFramework(input);
  if (result.ok) throw new Error("expected the framework to be rejected");
  return result.issues;
}

describe("built-in frameworks", () => {
  it("each pass the package's own schema", () => {
    for (const framework of builtInFrameworks) expect(validateFramework(framework)).toEqual({ ok: true, value: framework });
  });

  it("ship the six NEF principles and the five practice pillars, each with at least four indicators", () => {
    expect(nefPrinciplesFramework.principles.map((principle) => principle.id)).toEqual(["assets", "capacity", "mutuality", "networks", "blurring-roles", "catalysts"]);
    expect(practicePillarsFramework.principles.map((principle) => principle.id)).toEqual(["holistic", "empowerment", "communication", "quality-service", "partnership-working"]);
    for (const framework of builtInFrameworks) {
      for (const principle of framework.principles) expect(principle.indicators.length).toBeGreaterThanOrEqual(4);
      expect(framework.scale).toBe(agreementScale);
    }
    expect(builtInFrameworks).toEqual([nefPrinciplesFramework, practicePillarsFramework]);
  });
});

describe("validateFramework", () => {
  it("accepts a team's own framework with its own stages", () => {
    const own = { ...miniFramework, stages: [...defaultStages, { id: "commissioning", label: { en: "Commissioning" } }] };
    const result = validateFramework(own);
    expect(result.ok).toBe(true);
    if (result.ok) expect(frameworkStages(result.value).map((stage) => stage.id)).toEqual(["design", "delivery", "evaluation", "commissioning"]);
    expect(frameworkStages(miniFramework)).toBe(defaultStages);
  });

  it("rejects an empty framework and a principle without indicators", () => {
    expect(issuesOf({ ...miniFramework, principles: [] })).toEqual([{ path: ["principles"], code: "too_small", message: "Must have at least one item." }]);
    expect(issuesOf({ ...miniFramework, principles: [{ id: "p", title: { en: "P" }, indicators: [] }] })).toEqual([
      { path: ["principles", 0, "indicators"], code: "too_small", message: "Must have at least one item." },
    ]);
  });

  it("rejects a scale whose scored options all have the same value, which could not be scored 0-100", () => {
    const flat = {
      id: "flat",
      options: [
        { code: "yes", value: 1, label: { en: "Yes" } },
        { code: "also-yes", value: 1, label: { en: "Also yes" } },
        { code: "dont-know", exclusion: "dont-know", label: { en: "Don't know" } },
      ],
    };
    expect(issuesOf({ ...miniFramework, scale: flat }).map(({ path, code }) => ({ path, code }))).toEqual([{ path: ["scale", "options"], code: "flat_scale" }]);
  });

  it("rejects repeated principle, indicator and stage ids with paths", () => {
    const [first, second] = miniFramework.principles;
    const repeated = {
      ...miniFramework,
      principles: [first, { ...second, id: "p1", indicators: [{ id: "a", statement: { en: "Again." } }] }],
      stages: [defaultStages[0], defaultStages[0]],
    };
    expect(issuesOf(repeated).map(({ path, code }) => ({ path, code }))).toEqual([
      { path: ["principles", 1, "id"], code: "duplicate_principle" },
      { path: ["principles", 1, "indicators", 0, "id"], code: "duplicate_indicator" },
      { path: ["stages", 1, "id"], code: "duplicate_stage" },
    ]);
  });

  it("reports unknown fields and never repeats rejected values", () => {
    const bad = { ...miniFramework, colour: SENTINEL, id: `${SENTINEL} `, scale: { ...agreementScale, options: [{ code: SENTINEL, label: { en: "x" } }] } };
    const issues = issuesOf(bad);
    expect(issues.map((found) => found.code)).toContain("unknown_field");
    for (const found of issues) expect(found.message).not.toContain("SENTINEL");
  });
});
