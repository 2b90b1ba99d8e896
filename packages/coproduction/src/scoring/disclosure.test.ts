import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreementScale, type Role } from "@selfmanage/core";
import { assemble, crowd, miniFramework, type Person } from "../../test/fixtures";
import { compareAssessments } from "../change";
import { largestScaleStep, roundToWidth, roundingWidth, roundingWidths } from "./disclosure";
import { scoreAssessment } from "./score";
import type { ScoringOptions } from "./options";

const SCORED = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"] as const;
const POINTS: Record<string, number> = { "strongly-disagree": 0, disagree: 25, neutral: 50, agree: 75, "strongly-agree": 100 };
const INDICATORS = ["a", "b", "c"] as const;
/** Points as the attacker sees them for indicator c, which is worded the other way round. */
const pointsOn = (indicatorId: string, option: string): number => (indicatorId === "c" ? 100 - (POINTS[option] as number) : (POINTS[option] as number));

describe("roundingWidth", () => {
  it("rounds a group of exactly the minimum to a whole step of the scale, and less as groups grow", () => {
    expect(largestScaleStep(agreementScale)).toBe(25);
    expect([5, 6, 9, 10, 12, 20, 25, 50, 125, 250, 1250, 100_000].map((ratings) => roundingWidth(ratings, 5, 25))).toEqual([25, 25, 20, 12.5, 12.5, 10, 5, 2.5, 1, 0.5, 0.1, 0.1]);
    // a larger minimum rounds more
    expect(roundingWidth(10, 10, 25)).toBe(25);
    // the window the rounding leaves is at least the minimum number of steps wide, for every group size
    for (let ratings = 2; ratings <= 3000; ratings += 1) {
      for (const minimum of [2, 3, 5, 10]) {
        if (ratings < minimum) continue;
        expect(ratings * roundingWidth(ratings, minimum, 25)).toBeGreaterThanOrEqual(minimum * 25 - 1e-9);
      }
    }
  });

  it("uses the largest gap between neighbouring options of uneven scales", () => {
    const uneven = {
      ...agreementScale,
      id: "uneven",
      options: [
        { code: "never", value: 0, label: { en: "Never" } },
        { code: "sometimes", value: 1, label: { en: "Sometimes" } },
        { code: "always", value: 4, label: { en: "Always" } },
        { code: "unsure", exclusion: "dont-know" as const, label: { en: "Unsure" } },
      ],
    };
    expect(largestScaleStep(uneven)).toBe(75);
  });

  it("rounds to the nearest multiple, halves up, and stays on 0-100", () => {
    expect(roundToWidth(65, 25)).toBe(75);
    expect(roundToWidth(62.4, 25)).toBe(50);
    expect(roundToWidth(87.5, 10)).toBe(90);
    expect(roundToWidth(0.30000000000000004, 0.1)).toBe(0.3);
    expect(roundToWidth(99.9, 12.5)).toBe(100);
    for (const width of roundingWidths) expect(Number.isInteger(Number((100 / width).toFixed(9)))).toBe(true);
  });
});

/**
 * The attacker's view: everything published (the whole result) plus every answer except those
 * of the respondents they target on one indicator. They try every combination of scored answers
 * for the targets on that indicator and keep those that publish exactly the same result.
 */
function feasibleAnswers(people: readonly Person[], targets: readonly string[], indicatorId: string, options: ScoringOptions): string[][] {
  const published = JSON.stringify(scoreAssessment(assemble(people), miniFramework, options));
  const scoredTargets = targets.filter((id) => SCORED.includes(people.find((person) => person.id === id)?.answers[indicatorId] as (typeof SCORED)[number]));
  const combinations: string[][] = [[]];
  for (let index = 0; index < scoredTargets.length; index += 1) {
    const grown = combinations.splice(0).flatMap((partial) => SCORED.map((option) => [...partial, option]));
    for (const combination of grown) combinations.push(combination);
  }
  return combinations.filter((combination) => {
    const tried = people.map((person) => {
      const at = scoredTargets.indexOf(person.id);
      return at === -1 ? person : { ...person, answers: { ...person.answers, [indicatorId]: combination[at] as string } };
    });
    return JSON.stringify(scoreAssessment(assemble(tried), miniFramework, options)) === published;
  });
}

/**
 * What the attacker can say about the targets' answers: it must never pin an answer that is not
 * at an end of the scale, and the targets' mean must stay uncertain by at least one step of the
 * scale unless the possibilities run to an end of it.
 */
function leaks(people: readonly Person[], targets: readonly string[], indicatorId: string, options: ScoringOptions): string | null {
  const feasible = feasibleAnswers(people, targets, indicatorId, options);
  const truth = targets.flatMap((id) => {
    const answer = people.find((person) => person.id === id)?.answers[indicatorId] as string;
    return SCORED.includes(answer as (typeof SCORED)[number]) ? [answer] : [];
  });
  if (truth.length === 0) return null;
  for (let position = 0; position < truth.length; position += 1) {
    const points = pointsOn(indicatorId, truth[position] as string);
    const possible = new Set(feasible.map((combination) => combination[position]));
    if (points > 0 && points < 100 && possible.size < 2) return `target ${position} pinned to ${truth[position] as string} on ${indicatorId}`;
  }
  const means = feasible.map((combination) => combination.reduce((total, option) => total + pointsOn(indicatorId, option), 0) / combination.length);
  const lowest = means.reduce((low, mean) => Math.min(low, mean), Infinity);
  const highest = means.reduce((high, mean) => Math.max(high, mean), -Infinity);
  if (highest - lowest < 25 - 1e-9 && lowest > 0 && highest < 100) return `targets' mean placed within ${highest - lowest} points on ${indicatorId}`;
  return null;
}

const answer = fc.constantFrom(...SCORED, ...SCORED, "dont-know");
const answers = fc.record({ a: answer, b: answer, c: answer });

/**
 * A suppressed group (fewer than the minimum managers), padded by an attacker with known
 * manager answers until it is reported, alongside other respondents whose answers the attacker
 * is also given.
 */
const paddingAttack = fc
  .record({
    minimum: fc.integer({ min: 2, max: 5 }),
    hidden: fc.array(answers, { minLength: 1, maxLength: 4 }),
    padding: fc.array(answers, { minLength: 1, maxLength: 12 }),
    others: fc.array(fc.record({ perspective: fc.constantFrom<Role>("person", "practitioner"), answers }), { maxLength: 10 }),
    indicatorId: fc.constantFrom(...INDICATORS),
  })
  .filter(({ minimum, hidden, padding }) => hidden.length < minimum && hidden.length + padding.length >= minimum)
  .map(({ minimum, hidden, padding, others, indicatorId }) => {
    const people: Person[] = [
      ...hidden.map((given, index) => ({ id: `hidden-${index}`, perspective: "manager" as const, answers: given })),
      ...padding.map((given, index) => ({ id: `added-${index}`, perspective: "manager" as const, answers: given })),
      ...others.map((other, index) => ({ id: `other-${index}`, ...other })),
    ];
    return { minimum, people, targets: hidden.map((_, index) => `hidden-${index}`), indicatorId };
  });

/** Two runs of the same round, the second with one late response in a group that was reported already. */
const lateResponse = fc
  .record({
    minimum: fc.integer({ min: 2, max: 5 }),
    group: fc.array(answers, { minLength: 5, maxLength: 12 }),
    late: answers,
    others: fc.array(fc.record({ perspective: fc.constantFrom<Role>("person", "carer"), answers }), { maxLength: 8 }),
    indicatorId: fc.constantFrom(...INDICATORS),
  })
  .map(({ minimum, group, late, others, indicatorId }) => {
    const earlier: Person[] = [
      ...group.map((given, index) => ({ id: `staff-${index}`, perspective: "practitioner" as const, answers: given })),
      ...others.map((other, index) => ({ id: `other-${index}`, ...other })),
    ];
    return { minimum, earlier, later: [...earlier, { id: "late", perspective: "practitioner" as const, answers: late }], indicatorId };
  });

describe("disclosure control against padding (property)", () => {
  it("an attacker who pads a suppressed group with known answers cannot place a hidden rating more precisely than a step of the scale", () => {
    fc.assert(
      fc.property(paddingAttack, ({ minimum, people, targets, indicatorId }) => {
        expect(leaks(people, targets, indicatorId, { minimumRespondents: minimum, oneSided: "mark" })).toBeNull();
      }),
      { numRuns: 120 },
    );
  });

  it("is a test that fails for exact figures (the behaviour before rounding)", () => {
    const cases = fc.sample(paddingAttack, { numRuns: 60, seed: 15 });
    const leaked = cases.filter(({ minimum, people, targets, indicatorId }) => leaks(people, targets, indicatorId, { minimumRespondents: minimum, oneSided: "mark", rounding: "none" }) !== null);
    // Most padded groups give a hidden answer or mean away when figures are exact; none do when they are rounded.
    expect(leaked.length).toBeGreaterThan(cases.length / 2);
    expect(cases.filter(({ minimum, people, targets, indicatorId }) => leaks(people, targets, indicatorId, { minimumRespondents: minimum, oneSided: "mark" }) !== null)).toEqual([]);
  });

  it("recovers nothing exact from the case in the issue: two hidden managers and three added", () => {
    // Two managers' real answers; the attacker adds three managers who answer neutral throughout.
    const hidden: Person[] = [
      { id: "hidden-0", perspective: "manager", answers: { a: "agree", b: "disagree", c: "neutral" } },
      { id: "hidden-1", perspective: "manager", answers: { a: "strongly-agree", b: "neutral", c: "agree" } },
    ];
    const people = [...hidden, ...crowd("added", "manager", 3, { a: "neutral", b: "neutral", c: "neutral" }), ...crowd("p", "person", 5, { a: "agree", b: "agree", c: "agree" })];
    const targets = hidden.map((person) => person.id);
    for (const indicatorId of INDICATORS) {
      expect(leaks(people, targets, indicatorId, {})).toBeNull();
      // Without rounding, the sum of the two hidden answers falls straight out of the published mean.
      expect(feasibleAnswers(people, targets, indicatorId, { rounding: "none" }).every((pair) => pair.reduce((total, option) => total + pointsOn(indicatorId, option), 0) === hidden.reduce((total, person) => total + pointsOn(indicatorId, person.answers[indicatorId] as string), 0))).toBe(true);
    }
  });
});

describe("disclosure control against differencing (property)", () => {
  it("two results one late response apart do not pin that response", () => {
    fc.assert(
      fc.property(lateResponse, ({ minimum, earlier, later, indicatorId }) => {
        // The attacker knows every earlier answer, so the earlier result adds nothing: only the later one constrains the late answer.
        expect(leaks(later, ["late"], indicatorId, { minimumRespondents: minimum, oneSided: "mark" })).toBeNull();
        // And the comparison does not present the difference: the practitioners' change is withheld wherever the late response counted.
        const change = compareAssessments(assemble(earlier, { id: "first-run" }), assemble(later, { id: "second-run" }), miniFramework, { minimumRespondents: minimum, oneSided: "mark" });
        const lateRated = later.at(-1)?.answers[indicatorId] !== "dont-know";
        const cell = change.indicators.find((indicator) => indicator.indicatorId === indicatorId)?.byPerspective.practitioner;
        if (lateRated && minimum > 1) expect(cell?.change ?? null).toBeNull();
      }),
      { numRuns: 120 },
    );
  });

  it("is a test that fails for exact figures", () => {
    const cases = fc.sample(lateResponse, { numRuns: 60, seed: 15 });
    const leaked = cases.filter(({ minimum, later, indicatorId }) => leaks(later, ["late"], indicatorId, { minimumRespondents: minimum, oneSided: "mark", rounding: "none" }) !== null);
    // With exact figures, every late answer inside the scale is given away by the second result.
    const interior = cases.filter(({ later, indicatorId }) => {
      const given = later.at(-1)?.answers[indicatorId] as string;
      return given !== "dont-know" && pointsOn(indicatorId, given) > 0 && pointsOn(indicatorId, given) < 100;
    });
    expect(interior.length).toBeGreaterThan(10);
    expect(leaked).toEqual(interior);
  });
});

describe("what the protection does not cover (documented limits)", () => {
  it("an attacker who lines the rounding up with an end of the scale can confirm an answer at that end", () => {
    // One real manager; the attacker adds four who answer disagree (25 each, 100 in all). Rounded to
    // 25, the group mean shows 50 only when the hidden answer is strongly agree (200 / 5 = 40), and
    // 25 for any other answer (35, 30, 25 or 20).
    const added = crowd("added", "manager", 4, { a: "disagree" });
    const withAnswer = (option: string): Person[] => [{ id: "hidden-0", perspective: "manager", answers: { a: option } }, ...added];
    expect(feasibleAnswers(withAnswer("strongly-agree"), ["hidden-0"], "a", { oneSided: "mark" })).toEqual([["strongly-agree"]]);
    // An answer inside the scale is not pinned by the same padding: four answers stay possible.
    expect(feasibleAnswers(withAnswer("agree"), ["hidden-0"], "a", { oneSided: "mark" })).toEqual([["strongly-disagree"], ["disagree"], ["neutral"], ["agree"]]);
  });
});
