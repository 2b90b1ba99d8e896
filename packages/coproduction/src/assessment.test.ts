import { describe, expect, it } from "vitest";
import { assemble, handWorked, miniFramework } from "../test/fixtures";
import { validateAssessment } from "./assessment";

const SENTINEL = "SENTINEL-Jane-Doe-0123456789";
const valid = assemble(handWorked, { involvement: [{ stage: "design", perspective: "person", level: "co-design" }] });

function issuesOf(input: unknown) {
  const result = validateAssessment(input, miniFramework);
  if (result.ok) throw new Error("expected the assessment to be rejected");
  return result.issues;
}

describe("validateAssessment", () => {
  it("accepts a well-formed assessment that fits the framework", () => {
    expect(validateAssessment(valid, miniFramework)).toEqual({ ok: true, value: valid });
  });

  it("reports shape problems with paths before domain rules", () => {
    expect(issuesOf({ ...valid, date: "01/04/2026" })).toMatchObject([{ path: ["date"], code: "invalid_format" }]);
    expect(issuesOf({ ...valid, respondents: [{ id: "r@example.org", perspective: "person" }] })).toMatchObject([
      { path: ["respondents", 0, "id"], code: "not_pseudonymous" },
    ]);
  });

  it("rejects ratings off the scale, unknown indicators and unknown respondents", () => {
    const ratings = [
      { respondentId: "p-1", indicatorId: "a", option: "very-much" },
      { respondentId: "p-1", indicatorId: "zz", option: "agree" },
      { respondentId: "ghost", indicatorId: "b", option: "agree" },
    ];
    expect(issuesOf({ ...valid, ratings })).toEqual([
      { path: ["ratings", 0, "option"], code: "off_scale", message: "This option is not on the framework's scale. Use one of the scale's option codes." },
      { path: ["ratings", 1, "indicatorId"], code: "unknown_indicator", message: "This rating refers to an indicator that is not in the framework." },
      { path: ["ratings", 2, "respondentId"], code: "unknown_respondent", message: "This rating refers to a respondent who is not in the respondents list." },
    ]);
  });

  it("rejects a respondent rating an indicator twice, or listed twice", () => {
    const twice = { ...valid, ratings: [...valid.ratings, { respondentId: "p-1", indicatorId: "a", option: "neutral" }] };
    expect(issuesOf(twice)).toMatchObject([{ path: ["ratings", valid.ratings.length], code: "duplicate_rating" }]);
    const listedTwice = { ...valid, respondents: [...valid.respondents, { id: "p-1", perspective: "carer" }] };
    expect(issuesOf(listedTwice)).toMatchObject([{ path: ["respondents", valid.respondents.length, "id"], code: "duplicate_respondent" }]);
  });

  it("rejects another framework, unknown stages and repeated involvement", () => {
    expect(issuesOf({ ...valid, framework: "nef-six-principles" })).toMatchObject([{ path: ["framework"], code: "framework_mismatch" }]);
    const involvement = [
      { stage: "launch", perspective: "person", level: "informing" },
      { stage: "design", perspective: "person", level: "co-design" },
      { stage: "design", perspective: "person", level: "consultation" },
    ];
    expect(issuesOf({ ...valid, involvement }).map(({ path, code }) => ({ path, code }))).toEqual([
      { path: ["involvement", 0, "stage"], code: "unknown_stage" },
      { path: ["involvement", 2], code: "duplicate_involvement" },
    ]);
  });

  it("never repeats rejected values in messages", () => {
    const bad = {
      ...valid,
      framework: SENTINEL,
      ratings: [
        { respondentId: SENTINEL, indicatorId: SENTINEL, option: SENTINEL, evidence: "fine" },
        { respondentId: "p-1", indicatorId: "a", option: "agree", evidence: SENTINEL, extra: SENTINEL },
      ],
      involvement: [{ stage: SENTINEL, perspective: "person", level: "co-design" }],
    };
    const shapeIssues = issuesOf(bad);
    const ruleIssues = issuesOf({ ...bad, ratings: [bad.ratings[0]] });
    expect(ruleIssues.length).toBeGreaterThanOrEqual(5);
    for (const found of [...shapeIssues, ...ruleIssues]) expect(found.message).not.toContain("SENTINEL");
  });
});
