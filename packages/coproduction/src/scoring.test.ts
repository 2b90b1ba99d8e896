import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSelfManageError } from "@selfmanage/core";
import { assemble, crowd, handWorked, miniFramework, type Person } from "../test/fixtures";
import { defaultScoringOptions, scoreAssessment } from "./scoring";
import { nefPrinciplesFramework } from "./builtins";

const handAssessment = assemble(handWorked);

describe("scoreAssessment arithmetic (hand-computed)", () => {
  const result = scoreAssessment(handAssessment, miniFramework, { minimumRespondents: 2 });

  it("scores each indicator per perspective and combined with parity", () => {
    const [a, b, c] = result.indicators;
    // person a: (100 + 75) / 2; practitioner a: (50 + 25 + 0) / 3; parity: (87.5 + 25) / 2
    expect(a).toEqual({
      indicatorId: "a",
      principleId: "p1",
      score: 56.25,
      ratings: 5,
      byPerspective: { person: { score: 87.5, ratings: 2, suppressed: false }, practitioner: { score: 25, ratings: 3, suppressed: false } },
    });
    // person b rests on one scored rating (the other is don't know): suppressed and left out
    expect(b).toEqual({
      indicatorId: "b",
      principleId: "p1",
      score: 75,
      ratings: 3,
      byPerspective: { person: { score: null, ratings: null, suppressed: true }, practitioner: { score: 75, ratings: 3, suppressed: false } },
    });
    // reversed: person (75 + 100) / 2; practitioner (25 + 50) / 2, not applicable left out
    expect(c?.score).toBe(62.5);
    expect(c?.ratings).toBe(4);
    expect(c?.byPerspective.practitioner).toEqual({ score: 37.5, ratings: 2, suppressed: false });
  });

  it("scores principles from the group indicator scores, and overall from the principles", () => {
    expect(result.principles.map(({ principleId, score, ratings }) => ({ principleId, score, ratings }))).toEqual([
      // person 87.5 (a only), practitioner mean(25, 75) = 50; parity (87.5 + 50) / 2
      { principleId: "p1", score: 68.75, ratings: 8 },
      // person 87.5, practitioner 37.5
      { principleId: "p2", score: 62.5, ratings: 4 },
    ]);
    expect(result.principles[0]?.byPerspective.practitioner).toEqual({ score: 50, ratings: 6, suppressed: false });
    expect(result.overall).toEqual({
      score: 65.625,
      ratings: 12,
      byPerspective: { person: { score: 87.5, ratings: 4, suppressed: false }, practitioner: { score: 43.75, ratings: 8, suppressed: false } },
    });
  });

  it("describes the perspective groups and the settings used", () => {
    expect(result.perspectives).toEqual([
      { perspective: "person", respondents: 2, suppressed: false, weight: 1 },
      { perspective: "practitioner", respondents: 3, suppressed: false, weight: 1 },
    ]);
    expect(result).toMatchObject({ assessmentId: "assessment-1", initiative: "peer-hub", frameworkId: "mini", date: "2026-04-01", weighting: "parity", minimumRespondents: 2 });
  });

  it("lists strengths and priorities from the indicator scores", () => {
    expect(result.strengths).toEqual([{ principleId: "p1", indicatorId: "b", score: 75 }]);
    expect(result.priorities).toEqual([
      { principleId: "p1", indicatorId: "a", score: 56.25 },
      { principleId: "p2", indicatorId: "c", score: 62.5 },
    ]);
    const tighter = scoreAssessment(handAssessment, miniFramework, { minimumRespondents: 2, highlightCount: 1, strengthMinimum: 60 });
    expect(tighter.strengths).toEqual([{ principleId: "p1", indicatorId: "b", score: 75 }]);
    expect(tighter.priorities).toEqual([{ principleId: "p1", indicatorId: "a", score: 56.25 }]);
  });

  it("flags perception gaps above the threshold", () => {
    expect(result.gaps).toEqual([
      { principleId: "p1", higher: "person", lower: "practitioner", difference: 37.5, flagged: true },
      { principleId: "p2", higher: "person", lower: "practitioner", difference: 50, flagged: true },
    ]);
    const wider = scoreAssessment(handAssessment, miniFramework, { minimumRespondents: 2, gapThreshold: 40 });
    expect(wider.gaps.map((gap) => gap.flagged)).toEqual([false, true]);
    // a gap exactly at the threshold is not above it
    const exact = scoreAssessment(handAssessment, miniFramework, { minimumRespondents: 2, gapThreshold: 50 });
    expect(exact.gaps.map((gap) => gap.flagged)).toEqual([false, false]);
  });

  it("uses the defaults when no options are given", () => {
    const defaults = scoreAssessment(handAssessment, miniFramework);
    expect(defaults.minimumRespondents).toBe(defaultScoringOptions.minimumRespondents);
    // every group is below five respondents, so nothing is reported
    expect(defaults.overall).toEqual({
      score: null,
      ratings: 0,
      byPerspective: { person: { score: null, ratings: null, suppressed: true }, practitioner: { score: null, ratings: null, suppressed: true } },
    });
    expect(defaults.gaps).toEqual([]);
    expect(defaults.strengths).toEqual([]);
  });
});

describe("weighting", () => {
  it("weighs groups by respondents with headcount", () => {
    const result = scoreAssessment(handAssessment, miniFramework, { minimumRespondents: 2, perspectiveWeights: "headcount" });
    expect(result.weighting).toBe("headcount");
    // a: (2 * 87.5 + 3 * 25) / 5; p1: (2 * 87.5 + 3 * 50) / 5; p2: (2 * 87.5 + 3 * 37.5) / 5
    expect(result.indicators[0]?.score).toBe(50);
    expect(result.principles.map((principle) => principle.score)).toEqual([65, 57.5]);
    expect(result.overall.score).toBe(61.25);
  });

  it("applies explicit weights, with unlisted perspectives at 1", () => {
    const result = scoreAssessment(handAssessment, miniFramework, { minimumRespondents: 2, perspectiveWeights: { person: 3 } });
    expect(result.weighting).toBe("custom");
    // p1: (3 * 87.5 + 50) / 4
    expect(result.principles[0]?.score).toBe(78.125);
    expect(result.perspectives.map((group) => group.weight)).toEqual([3, 1]);
    const silenced = scoreAssessment(handAssessment, miniFramework, { minimumRespondents: 2, perspectiveWeights: { person: 0, practitioner: 0 } });
    expect(silenced.principles[0]?.score).toBeNull();
    expect(silenced.principles[0]?.byPerspective.person?.score).toBe(87.5);
  });

  it("keeps parity: five people with lived experience are not outvoted by twenty practitioners", () => {
    const people = [
      ...crowd("p", "person", 5, { a: "strongly-agree", b: "strongly-agree", c: "strongly-disagree" }),
      ...crowd("s", "practitioner", 20, { a: "strongly-disagree", b: "strongly-disagree", c: "strongly-agree" }),
    ];
    const assessment = assemble(people);
    expect(scoreAssessment(assessment, miniFramework).overall.score).toBe(50);
    // by headcount the practitioners dominate: (5 * 100 + 20 * 0) / 25
    expect(scoreAssessment(assessment, miniFramework, { perspectiveWeights: "headcount" }).overall.score).toBe(20);
    // with protection switched off, even one person balances twenty practitioners
    const lone = assemble([crowd("p", "person", 1, { a: "strongly-agree" })[0] as Person, ...crowd("s", "practitioner", 20, { a: "strongly-disagree" })]);
    expect(scoreAssessment(lone, miniFramework, { minimumRespondents: 1 }).overall.score).toBe(50);
  });
});

describe("small-number protection", () => {
  const practitioners = crowd("s", "practitioner", 5, { a: "agree", b: "neutral", c: "disagree" });
  const carers = crowd("c", "carer", 5, { a: "strongly-agree", b: "agree", c: "neutral" });
  const lone = (answers: Record<string, string>): Person => ({ id: "p-lone", perspective: "person", answers });

  it("suppresses a perspective below the minimum and leaves it out of every combined figure", () => {
    const result = scoreAssessment(assemble([lone({ a: "strongly-disagree", b: "strongly-disagree", c: "strongly-agree" }), ...practitioners, ...carers]), miniFramework);
    expect(result.perspectives).toEqual([
      { perspective: "person", respondents: 1, suppressed: true, weight: 1 },
      { perspective: "carer", respondents: 5, suppressed: false, weight: 1 },
      { perspective: "practitioner", respondents: 5, suppressed: false, weight: 1 },
    ]);
    for (const figure of [result.overall, ...result.principles, ...result.indicators]) {
      expect(figure.byPerspective.person).toEqual({ score: null, ratings: null, suppressed: true });
    }
    // p1: carers mean(100, 75) = 87.5, practitioners mean(75, 50) = 62.5; p2: carers 50, practitioners 75 (both reversed)
    expect(result.principles.map((principle) => principle.score)).toEqual([75, 62.5]);
    expect(result.overall).toMatchObject({ score: 68.75, ratings: 30 });
    expect(result.tokenism.map((flag) => flag.code)).toContain("lived-experience-suppressed");
  });

  it("defeats the differencing attack: the total minus the visible groups does not give the hidden person", () => {
    const hidden = { a: "strongly-disagree", b: "strongly-disagree", c: "strongly-agree" };
    const result = scoreAssessment(assemble([lone(hidden), ...practitioners, ...carers]), miniFramework);
    for (const principle of result.principles) {
      const carer = principle.byPerspective.carer?.score as number;
      const practitioner = principle.byPerspective.practitioner?.score as number;
      // If the hidden person were in the parity mean, 3 * total - visible would be their score.
      const backedOut = 3 * (principle.score as number) - carer - practitioner;
      // what they actually gave: p1 is 0 (a and b strongly disagree), p2 is 0 (strongly agree, reversed)
      expect(backedOut).not.toBe(0);
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
    const low = scoreAssessment(assemble(mostlyUnsure("strongly-disagree")), miniFramework);
    const high = scoreAssessment(assemble(mostlyUnsure("strongly-agree")), miniFramework);
    expect(low).toEqual(high);
    expect(low.indicators[1]?.byPerspective.practitioner).toEqual({ score: null, ratings: null, suppressed: true });
    expect(low.indicators[1]).toMatchObject({ score: null, ratings: 0 });
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
      fc.property(fc.array(personArb, { minLength: 1, maxLength: 14 }), fc.integer({ min: 2, max: 4 }), fc.nat(), fc.constantFrom(...scored), (drawn, minimum, pick, replacement) => {
        const people: Person[] = drawn.map((person, index) => ({ id: `r-${index}`, ...person }));
        const target = people[pick % people.length] as Person;
        const before = scoreAssessment(assemble(people), miniFramework, { minimumRespondents: minimum });
        const changedAnswers = { ...target.answers };
        for (const indicatorId of ["a", "b", "c"]) {
          const current = target.answers[indicatorId] as string;
          if (!scored.includes(current)) continue;
          const scoredInCell = people.filter((person) => person.perspective === target.perspective && scored.includes(person.answers[indicatorId] as string)).length;
          if (scoredInCell < minimum) changedAnswers[indicatorId] = replacement;
        }
        const changed = people.map((person) => (person === target ? { ...person, answers: changedAnswers } : person));
        expect(scoreAssessment(assemble(changed), miniFramework, { minimumRespondents: minimum })).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it("does not protect against two published runs that differ by one respondent (documented limit)", () => {
    const five = crowd("s", "practitioner", 5, { a: "agree" });
    const before = scoreAssessment(assemble(five), miniFramework);
    const after = scoreAssessment(assemble([...five, { id: "s-late", perspective: "practitioner", answers: { a: "strongly-disagree" } }]), miniFramework);
    const [was, now] = [before.indicators[0]!, after.indicators[0]!];
    // the late respondent's rating falls out of the two totals: this is why assessments should be fixed rounds
    expect((now.score as number) * now.ratings - (was.score as number) * was.ratings).toBe(0);
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
  it("throws on invalid options, another framework, or unvalidated references", () => {
    const catchCode = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isSelfManageError(error, "invalid-argument");
      }
      return false;
    };
    expect(catchCode(() => scoreAssessment(handAssessment, miniFramework, { minimumRespondents: 0 }))).toBe(true);
    expect(catchCode(() => scoreAssessment(handAssessment, nefPrinciplesFramework))).toBe(true);
    const stray = { ...handAssessment, ratings: [...handAssessment.ratings, { respondentId: "nobody", indicatorId: "a", option: "agree" }] };
    expect(catchCode(() => scoreAssessment(stray, miniFramework))).toBe(true);
  });

  it("refuses unvalidated input that would get round suppression: one person rating twice, or listed twice", () => {
    const catchCode = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isSelfManageError(error, "invalid-argument");
      }
      return false;
    };
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
    expect(scoreAssessment(many, miniFramework).overall.ratings).toBe(120);
  });
});
