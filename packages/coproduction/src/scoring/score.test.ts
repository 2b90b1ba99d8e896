import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSelfManageError } from "@selfmanage/core";
import { assemble, crowd, handWorked, miniFramework, type Person } from "../../test/fixtures";
import { nefPrinciplesFramework } from "../builtins";
import { defaultScoringOptions } from "./options";
import { scoreAssessment } from "./score";
import type { CombinedScore } from "./types";

const handAssessment = assemble(handWorked);
const exact = { minimumRespondents: 2, rounding: "none" } as const;

/** The figures of a combined score that the hand-worked examples check. */
const figures = (scored: CombinedScore) => ({
  score: scored.score,
  status: scored.status,
  using: scored.sides["using-services"].score,
  providing: scored.sides["providing-services"].score,
  gap: scored.sides.gap?.difference ?? null,
});

describe("scoreAssessment arithmetic, exact figures (hand-computed)", () => {
  const result = scoreAssessment(handAssessment, miniFramework, exact);

  it("scores each indicator per perspective, per side and combined", () => {
    const [a, b, c] = result.indicators;
    // person a: (100 + 75) / 2; practitioner a: (50 + 25 + 0) / 3; one perspective per side, so each side is its perspective
    expect(a).toEqual({
      indicatorId: "a",
      principleId: "p1",
      score: 56.25,
      ratings: 5,
      status: "two-sided",
      oneSided: null,
      sides: {
        "using-services": { score: 87.5, ratings: 2, status: "reported", share: 0.5, perspectives: ["person"], rounding: 0 },
        "providing-services": { score: 25, ratings: 3, status: "reported", share: 0.5, perspectives: ["practitioner"], rounding: 0 },
        gap: { higher: "using-services", lower: "providing-services", difference: 62.5, flagged: true },
      },
      byPerspective: {
        person: { score: 87.5, ratings: 2, suppressed: false, rounding: 0 },
        practitioner: { score: 25, ratings: 3, suppressed: false, rounding: 0 },
      },
    });
    // person b rests on one scored rating (the other is don't know): suppressed, so the using side is not reported and b is withheld
    expect(b).toMatchObject({
      score: null,
      ratings: 0,
      status: "withheld",
      oneSided: { reportedSide: "providing-services", missingSide: "using-services", reason: "suppressed" },
      byPerspective: { person: { score: null, ratings: null, suppressed: true, rounding: null }, practitioner: { score: 75, ratings: 3 } },
    });
    expect(b?.sides["using-services"]).toEqual({ score: null, ratings: null, status: "suppressed", share: 0, perspectives: [], rounding: null });
    // reversed: person (75 + 100) / 2; practitioner (25 + 50) / 2, not applicable left out
    expect(figures(c as CombinedScore)).toEqual({ score: 62.5, status: "two-sided", using: 87.5, providing: 37.5, gap: 50 });
  });

  it("scores principles from the groups' indicator figures, and overall from the groups' principle figures", () => {
    // p1: person 87.5 (a only), practitioner mean(25, 75) = 50; p2: person 87.5, practitioner 37.5
    expect(result.principles.map((principle) => [principle.principleId, figures(principle)])).toEqual([
      ["p1", { score: 68.75, status: "two-sided", using: 87.5, providing: 50, gap: 37.5 }],
      ["p2", { score: 62.5, status: "two-sided", using: 87.5, providing: 37.5, gap: 50 }],
    ]);
    expect(result.principles[0]?.byPerspective.practitioner).toEqual({ score: 50, ratings: 6, suppressed: false, rounding: 0 });
    // overall: person 87.5, practitioner mean(50, 37.5) = 43.75; half each
    expect(figures(result.overall)).toEqual({ score: 65.625, status: "two-sided", using: 87.5, providing: 43.75, gap: 43.75 });
    expect(result.overall.ratings).toBe(12);
  });

  it("describes the perspective groups, their sides and shares, and the settings used", () => {
    expect(result.perspectives).toEqual([
      { perspective: "person", side: "using-services", respondents: 2, suppressed: false, weight: 1, share: 0.5 },
      { perspective: "practitioner", side: "providing-services", respondents: 3, suppressed: false, weight: 1, share: 0.5 },
    ]);
    expect(result).toMatchObject({
      assessmentId: "assessment-1",
      initiative: "peer-hub",
      frameworkId: "mini",
      date: "2026-04-01",
      weighting: "partnership-parity",
      oneSided: "withhold",
      rounding: "none",
      minimumRespondents: 2,
      gapThreshold: 20,
      sideOf: { person: "using-services", carer: "using-services", practitioner: "providing-services", "peer-worker": "providing-services", volunteer: "providing-services", manager: "providing-services" },
    });
  });

  it("lists strengths and priorities from reported combined indicator scores only", () => {
    // b is withheld, so it is neither a strength nor a priority
    expect(result.strengths).toEqual([]);
    expect(result.priorities).toEqual([
      { principleId: "p1", indicatorId: "a", score: 56.25 },
      { principleId: "p2", indicatorId: "c", score: 62.5 },
    ]);
    const marked = scoreAssessment(handAssessment, miniFramework, { ...exact, oneSided: "mark", highlightCount: 1, strengthMinimum: 60 });
    expect(marked.strengths).toEqual([{ principleId: "p1", indicatorId: "b", score: 75 }]);
    expect(marked.priorities).toEqual([{ principleId: "p1", indicatorId: "a", score: 56.25 }]);
  });

  it("flags perception gaps between perspectives, and between the sides, above the threshold", () => {
    expect(result.gaps).toEqual([
      { principleId: "p1", higher: "person", lower: "practitioner", difference: 37.5, flagged: true },
      { principleId: "p2", higher: "person", lower: "practitioner", difference: 50, flagged: true },
    ]);
    const wider = scoreAssessment(handAssessment, miniFramework, { ...exact, gapThreshold: 40 });
    expect(wider.gaps.map((gap) => gap.flagged)).toEqual([false, true]);
    expect(wider.principles.map((principle) => principle.sides.gap?.flagged)).toEqual([false, true]);
    // a gap exactly at the threshold is not above it
    const atThreshold = scoreAssessment(handAssessment, miniFramework, { ...exact, gapThreshold: 50 });
    expect(atThreshold.gaps.map((gap) => gap.flagged)).toEqual([false, false]);
  });

  it("uses the defaults when no options are given", () => {
    const defaults = scoreAssessment(handAssessment, miniFramework);
    expect(defaults).toMatchObject({ minimumRespondents: defaultScoringOptions.minimumRespondents, weighting: "partnership-parity", oneSided: "withhold", rounding: "by-group-size" });
    // every group is below five respondents, so nothing is reported
    expect(defaults.overall).toMatchObject({ score: null, ratings: 0, status: "not-reported", oneSided: null });
    expect(defaults.overall.byPerspective.person).toEqual({ score: null, ratings: null, suppressed: true, rounding: null });
    expect(defaults.gaps).toEqual([]);
    expect(defaults.strengths).toEqual([]);
  });
});

describe("hand-worked: five people with lived experience and twenty practitioners", () => {
  // a: people 3 agree (75) + 2 neutral (50) = 65; practitioners 10 strongly agree + 10 agree = 87.5
  // b: people all disagree (25); practitioners all strongly agree (100)
  // c (reversed): people all strongly agree (0 reversed); practitioners all strongly disagree (100 reversed)
  const people: Person[] = [
    ...crowd("p-agree", "person", 3, { a: "agree", b: "disagree", c: "strongly-agree" }),
    ...crowd("p-neutral", "person", 2, { a: "neutral", b: "disagree", c: "strongly-agree" }),
    ...crowd("s-strong", "practitioner", 10, { a: "strongly-agree", b: "strongly-agree", c: "strongly-disagree" }),
    ...crowd("s-agree", "practitioner", 10, { a: "agree", b: "strongly-agree", c: "strongly-disagree" }),
  ];
  const assessment = assemble(people);
  const result = scoreAssessment(assessment, miniFramework);

  it("rounds each group's indicator figure by its size: to 25 for five ratings, to 10 for twenty", () => {
    // 25 * 5 / 5 = 25; 25 * 5 / 20 = 6.25, and the next width up is 10
    expect(result.indicators[0]?.byPerspective).toEqual({
      person: { score: 75, ratings: 5, suppressed: false, rounding: 25 }, // 65 to the nearest 25
      practitioner: { score: 90, ratings: 20, suppressed: false, rounding: 10 }, // 87.5 to the nearest 10
    });
  });

  it("gives each side half the weight, whatever the headcounts", () => {
    expect(result.indicators.map(figures)).toEqual([
      { score: 82.5, status: "two-sided", using: 75, providing: 90, gap: 15 },
      { score: 62.5, status: "two-sided", using: 25, providing: 100, gap: 75 },
      { score: 50, status: "two-sided", using: 0, providing: 100, gap: 100 },
    ]);
    // p1: people mean(75, 25) = 50, practitioners mean(90, 100) = 95; p2: 0 and 100
    expect(result.principles.map(figures)).toEqual([
      { score: 72.5, status: "two-sided", using: 50, providing: 95, gap: 45 },
      { score: 50, status: "two-sided", using: 0, providing: 100, gap: 100 },
    ]);
    // overall: people mean(50, 0) = 25, practitioners mean(95, 100) = 97.5; (25 + 97.5) / 2
    expect(figures(result.overall)).toEqual({ score: 61.25, status: "two-sided", using: 25, providing: 97.5, gap: 72.5 });
    expect(result.overall.sides.gap).toEqual({ higher: "providing-services", lower: "using-services", difference: 72.5, flagged: true });
    expect(result.perspectives.map((group) => group.share)).toEqual([0.5, 0.5]);
  });

  it("shows what headcount weighting would have said", () => {
    const byHeadcount = scoreAssessment(assessment, miniFramework, { weighting: "headcount" });
    // (5 * 25 + 20 * 97.5) / 25 = 83: the practitioners' view dominates
    expect(byHeadcount.overall.score).toBe(83);
    expect(byHeadcount.overall.sides["using-services"].share).toBe(0.2);
    expect(byHeadcount.perspectives.map((group) => [group.weight, group.share])).toEqual([
      [5, 0.2],
      [20, 0.8],
    ]);
  });
});

describe("hand-worked: many professional perspectives against one lived-experience group", () => {
  // people with lived experience at 0; practitioners, managers and volunteers at 100
  const people: Person[] = [
    ...crowd("p", "person", 5, { a: "strongly-disagree" }),
    ...crowd("s", "practitioner", 5, { a: "strongly-agree" }),
    ...crowd("m", "manager", 5, { a: "strongly-agree" }),
    ...crowd("v", "volunteer", 5, { a: "strongly-agree" }),
  ];

  it("keeps lived experience at half the overall under partnership parity", () => {
    const result = scoreAssessment(assemble(people), miniFramework);
    expect(figures(result.overall)).toEqual({ score: 50, status: "two-sided", using: 0, providing: 100, gap: 100 });
    expect(result.overall.sides["providing-services"].perspectives).toEqual(["practitioner", "volunteer", "manager"]);
    // each professional perspective carries a third of the providing half
    expect(result.perspectives.map((group) => [group.perspective, group.share])).toEqual([
      ["person", 0.5],
      ["practitioner", 1 / 6],
      ["volunteer", 1 / 6],
      ["manager", 1 / 6],
    ]);
  });

  it("lets lived experience count for a quarter under the old perspective parity", () => {
    const result = scoreAssessment(assemble(people), miniFramework, { weighting: "perspective-parity" });
    expect(result.weighting).toBe("perspective-parity");
    expect(result.overall.score).toBe(75);
    expect(result.overall.sides["using-services"].share).toBe(0.25);
  });

  it("moves volunteers to the side of the people who use services when the assessment says so", () => {
    const result = scoreAssessment(assemble(people, { partnershipSides: { volunteer: "using-services" } }), miniFramework);
    expect(result.sideOf.volunteer).toBe("using-services");
    // using: mean(person 0, volunteer 100) = 50; providing: 100
    expect(figures(result.overall)).toEqual({ score: 75, status: "two-sided", using: 50, providing: 100, gap: 50 });
    // the framework's placement applies unless the assessment overrides it
    const framework = { ...miniFramework, partnershipSides: { volunteer: "using-services" as const } };
    expect(scoreAssessment(assemble(people), framework).overall.score).toBe(75);
    expect(scoreAssessment(assemble(people, { partnershipSides: { volunteer: "providing-services" } }), framework).overall.score).toBe(50);
  });
});

describe("one-sided figures", () => {
  const practitioners = crowd("s", "practitioner", 5, { a: "agree", b: "agree", c: "agree" });

  it("withholds a combined score when a whole side is suppressed, with the reason", () => {
    const result = scoreAssessment(assemble([...crowd("p", "person", 3, { a: "disagree" }), ...practitioners]), miniFramework);
    expect(result.overall).toMatchObject({
      score: null,
      ratings: 0,
      status: "withheld",
      oneSided: { reportedSide: "providing-services", missingSide: "using-services", reason: "suppressed" },
    });
    // the side that is reported is still shown as a side score
    expect(result.overall.sides["providing-services"]).toMatchObject({ score: 50, status: "reported", share: 0 });
    expect(result.perspectives.map((group) => group.share)).toEqual([0, 0]);
    expect(result.strengths).toEqual([]);
    expect(result.tokenism.map((flag) => flag.code)).toContain("lived-experience-suppressed");
  });

  it("marks it as one-sided instead when asked, and says when a side is absent", () => {
    const result = scoreAssessment(assemble(practitioners), miniFramework, { oneSided: "mark" });
    expect(result.overall).toMatchObject({
      score: 50,
      ratings: 15,
      status: "one-sided",
      oneSided: { reportedSide: "providing-services", missingSide: "using-services", reason: "absent" },
    });
    expect(result.overall.sides["using-services"].status).toBe("absent");
    expect(result.overall.sides["providing-services"].share).toBe(1);
    expect(result.perspectives[0]?.share).toBe(1);
    const usersOnly = scoreAssessment(assemble(crowd("p", "person", 5, { a: "agree" })), miniFramework, { oneSided: "mark" });
    expect(usersOnly.overall.oneSided).toEqual({ reportedSide: "using-services", missingSide: "providing-services", reason: "absent" });
  });
});

describe("weighting", () => {
  it("applies explicit weights, with unlisted perspectives at 1", () => {
    const people = [...crowd("p", "person", 5, { a: "agree" }), ...crowd("c", "carer", 5, { a: "strongly-agree" }), ...crowd("s", "practitioner", 5, { a: "neutral" })];
    const result = scoreAssessment(assemble(people), miniFramework, { weighting: { person: 3 } });
    expect(result.weighting).toBe("custom");
    // using: (3 * 75 + 1 * 100) / 4 = 81.25 with weight 4; providing 50 with weight 1: (4 * 81.25 + 50) / 5
    expect(figures(result.overall)).toEqual({ score: 75, status: "two-sided", using: 81.25, providing: 50, gap: 31.25 });
    expect(result.perspectives.map((group) => Number(group.share.toFixed(12)))).toEqual([0.6, 0.2, 0.2]);
    // partnership parity: using is the mean of person and carer
    expect(scoreAssessment(assemble(people), miniFramework).overall.sides["using-services"].score).toBe(87.5);
  });
});

describe("small-number protection", () => {
  const practitioners = crowd("s", "practitioner", 5, { a: "agree", b: "neutral", c: "disagree" });
  const carers = crowd("c", "carer", 5, { a: "strongly-agree", b: "agree", c: "neutral" });
  const lone = (answers: Record<string, string>): Person => ({ id: "p-lone", perspective: "person", answers });

  it("suppresses a perspective below the minimum and leaves it out of every figure", () => {
    const result = scoreAssessment(assemble([lone({ a: "strongly-disagree", b: "strongly-disagree", c: "strongly-agree" }), ...practitioners, ...carers]), miniFramework);
    expect(result.perspectives).toEqual([
      { perspective: "person", side: "using-services", respondents: 1, suppressed: true, weight: 1, share: 0 },
      { perspective: "carer", side: "using-services", respondents: 5, suppressed: false, weight: 1, share: 0.5 },
      { perspective: "practitioner", side: "providing-services", respondents: 5, suppressed: false, weight: 1, share: 0.5 },
    ]);
    for (const figure of [result.overall, ...result.principles, ...result.indicators]) {
      expect(figure.byPerspective.person).toEqual({ score: null, ratings: null, suppressed: true, rounding: null });
      expect(figure.sides["using-services"].perspectives).toEqual(["carer"]);
    }
    // p1: carers mean(100, 75) = 87.5, practitioners mean(75, 50) = 62.5; p2: carers 50, practitioners 75 (both reversed)
    expect(result.principles.map((principle) => principle.score)).toEqual([75, 62.5]);
    expect(result.overall).toMatchObject({ score: 68.75, ratings: 30 });
    expect(result.tokenism.map((flag) => flag.code)).toContain("lived-experience-suppressed");
  });

  it("defeats subtraction: the total minus the visible groups does not give the hidden person", () => {
    const result = scoreAssessment(assemble([lone({ a: "strongly-disagree", b: "strongly-disagree", c: "strongly-agree" }), ...practitioners, ...carers]), miniFramework);
    for (const principle of result.principles) {
      const carer = principle.byPerspective.carer?.score as number;
      const practitioner = principle.byPerspective.practitioner?.score as number;
      // the total is exactly the parity mean of the visible groups: nothing of the hidden person is in it
      expect(principle.score).toBe((carer + practitioner) / 2);
    }
  });

  it("gives the same output whatever a suppressed respondent answered", () => {
    const options = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree", "not-applicable", "dont-know"];
    const baseline = scoreAssessment(assemble([lone({ a: "neutral", b: "neutral", c: "neutral" }), ...practitioners, ...carers]), miniFramework);
    fc.assert(
      fc.property(fc.constantFrom(...options), fc.constantFrom(...options), fc.constantFrom(...options), (a, b, c) => {
        expect(scoreAssessment(assemble([lone({ a, b, c }), ...practitioners, ...carers]), miniFramework)).toEqual(baseline);
      }),
      { numRuns: 100 },
    );
  });

  it("suppresses a single indicator resting on too few ratings, also inside its principle", () => {
    // five practitioners, but only one gives a scored rating to b: b must not leak through p1 minus a
    const mostlyUnsure = (answer: string): Person[] => [
      { id: "s-1", perspective: "practitioner", answers: { a: "agree", b: answer, c: "agree" } },
      ...crowd("s-x", "practitioner", 4, { a: "agree", b: "dont-know", c: "agree" }),
    ];
    const low = scoreAssessment(assemble(mostlyUnsure("strongly-disagree")), miniFramework, { oneSided: "mark" });
    const high = scoreAssessment(assemble(mostlyUnsure("strongly-agree")), miniFramework, { oneSided: "mark" });
    expect(low).toEqual(high);
    expect(low.indicators[1]?.byPerspective.practitioner).toEqual({ score: null, ratings: null, suppressed: true, rounding: null });
    expect(low.indicators[1]).toMatchObject({ score: null, ratings: 0, status: "not-reported" });
    expect(low.principles[0]).toMatchObject({ score: 75, ratings: 5 });
    expect(low.perspectives[0]?.suppressed).toBe(false);
  });

  it("never lets a cell with fewer scored ratings than the minimum change any output (random assessments)", () => {
    const scored = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"];
    const answer = fc.constantFrom(...scored, "dont-know", "not-applicable");
    const personArb = fc.record({
      perspective: fc.constantFrom("person" as const, "carer" as const, "practitioner" as const),
      answers: fc.record({ a: answer, b: answer, c: answer }),
    });
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 2, max: 4 }),
        fc.nat(),
        fc.constantFrom(...scored),
        fc.constantFrom("withhold" as const, "mark" as const),
        (drawn, minimum, pick, replacement, oneSided) => {
          const people: Person[] = drawn.map((person, index) => ({ id: `r-${index}`, ...person }));
          const target = people[pick % people.length] as Person;
          const options = { minimumRespondents: minimum, oneSided };
          const before = scoreAssessment(assemble(people), miniFramework, options);
          const changedAnswers = { ...target.answers };
          for (const indicatorId of ["a", "b", "c"]) {
            const current = target.answers[indicatorId] as string;
            if (!scored.includes(current)) continue;
            const scoredInCell = people.filter((person) => person.perspective === target.perspective && scored.includes(person.answers[indicatorId] as string)).length;
            if (scoredInCell < minimum) changedAnswers[indicatorId] = replacement;
          }
          const changed = people.map((person) => (person === target ? { ...person, answers: changedAnswers } : person));
          expect(scoreAssessment(assemble(changed), miniFramework, options)).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("personal data", () => {
  it("never copies evidence text or respondent references into a result", () => {
    const SENTINEL = "SENTINEL-Jane-Doe-0123456789";
    const people = crowd("person-ref", "person", 5, { a: "agree" });
    const assessment = assemble(people);
    const withEvidence = { ...assessment, ratings: assessment.ratings.map((rating) => ({ ...rating, evidence: SENTINEL })) };
    const text = JSON.stringify(scoreAssessment(withEvidence, miniFramework));
    expect(text).not.toContain(SENTINEL);
    expect(text).not.toContain("person-ref");
  });
});

describe("tokenism from respondents", () => {
  it("flags an assessment rated by nobody with lived experience", () => {
    const result = scoreAssessment(assemble(crowd("s", "practitioner", 5, { a: "agree" })), miniFramework);
    expect(result.tokenism).toEqual([
      { code: "no-lived-experience-respondents", message: "Nobody with lived experience rated the initiative, so the scores show only other perspectives." },
    ]);
    expect(scoreAssessment(assemble([]), miniFramework).tokenism).toEqual([]);
  });
});

describe("programmer errors", () => {
  const catchCode = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return isSelfManageError(error, "invalid-argument");
    }
    return false;
  };

  it("throws on invalid options, another framework, or unvalidated references", () => {
    expect(catchCode(() => scoreAssessment(handAssessment, miniFramework, { minimumRespondents: 0 }))).toBe(true);
    // the old option name is refused rather than silently ignored
    expect(catchCode(() => scoreAssessment(handAssessment, miniFramework, { perspectiveWeights: "parity" } as never))).toBe(true);
    expect(catchCode(() => scoreAssessment(handAssessment, miniFramework, { weighting: { person: 0 } }))).toBe(true);
    expect(catchCode(() => scoreAssessment(handAssessment, nefPrinciplesFramework))).toBe(true);
    const stray = { ...handAssessment, ratings: [...handAssessment.ratings, { respondentId: "nobody", indicatorId: "a", option: "agree" }] };
    expect(catchCode(() => scoreAssessment(stray, miniFramework))).toBe(true);
  });

  it("refuses unvalidated input that would get round suppression: one person rating twice, or listed twice", () => {
    // One carer rating indicator a five times would otherwise look like five ratings, enough to be reported.
    const lone = assemble([{ id: "c-1", perspective: "carer", answers: { a: "strongly-agree" } }]);
    const repeated = { ...lone, ratings: Array.from({ length: 5 }, () => ({ respondentId: "c-1", indicatorId: "a", option: "strongly-agree" })) };
    expect(catchCode(() => scoreAssessment(repeated, miniFramework))).toBe(true);
    // Even a repeated don't know is refused: it is still the same person twice.
    const unsure = { ...lone, ratings: [lone.ratings[0]!, { respondentId: "c-1", indicatorId: "a", option: "dont-know" }] };
    expect(catchCode(() => scoreAssessment(unsure, miniFramework))).toBe(true);
    const listedTwice = { ...lone, respondents: [...lone.respondents, ...lone.respondents] };
    expect(catchCode(() => scoreAssessment(listedTwice, miniFramework))).toBe(true);
    // The same person rating different indicators is fine, across the bit-set's 32-bit words too.
    const many = assemble(crowd("s", "practitioner", 40, { a: "agree", b: "agree", c: "agree" }));
    expect(scoreAssessment(many, miniFramework, { oneSided: "mark" }).overall.ratings).toBe(120);
  });
});
