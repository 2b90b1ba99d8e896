import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSelfManageError } from "@selfmanage/core";
import { compileInstrument, scoreResponse, serviceExperienceQuestionnaire, type InstrumentDefinition, type InstrumentScore } from "./index";
import { answersFrom, conditional, outcomeStar, phq9, qpr15, swemwbs } from "../test/instruments";

function scored(instrument: InstrumentDefinition, answers: Record<string, string>, id?: string): InstrumentScore {
  const result = scoreResponse(instrument, { instrumentId: instrument.id, instrumentVersion: instrument.version, answers, ...(id ? { id } : {}) });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe("PHQ-9 style definition", () => {
  it("sums nine items, bands the total and flags item 9", () => {
    const score = scored(phq9, { ...answersFrom("q", [1, 2, 0, 3, 1, 2, 1, 0, 1]), difficulty: "3" }, "r-1");
    expect(score).toEqual({
      instrumentId: "phq-9-local",
      instrumentVersion: "1.0.0",
      responseId: "r-1",
      status: "scored",
      raw: 11,
      total: 11,
      band: { id: "moderate", label: { en: "Moderate" } },
      subscales: [],
      shown: 9,
      answered: 9,
      missing: 0,
      excluded: 0,
      completeness: 1,
      missingDataRuleApplied: "not-needed",
      alerts: [{ ruleId: "item-9", itemId: "q9", message: phq9.alerts?.[0]?.message }],
    });
  });

  it("substitutes the mean of answered items when one or two are missing", () => {
    const two = scored(phq9, answersFrom("q", [1, 2, undefined, undefined, 1, 2, 1, 0, 0]));
    // 7 from 7 answered items; each missing item gets 7 / 7 = 1: 7 + 2 = 9.
    expect([two.raw, two.total, two.band?.id, two.missing, two.missingDataRuleApplied, two.alerts]).toEqual([7, 9, "mild", 2, "mean-substitution", []]);
    const one = scored(phq9, answersFrom("q", [undefined, 2, 1, 1, 2, 1, 1, 1, 1]));
    // 10 + 10 / 8 = 11.25, rounded to 11.
    expect([one.raw, one.total, one.band?.id, one.completeness]).toEqual([10, 11, "moderate", 8 / 9]);
  });

  it("does not score a response with three items missing", () => {
    const score = scored(phq9, answersFrom("q", [3, 3, 3, 3, 3, 3, undefined, undefined, undefined]));
    expect(score.status).toBe("not-scored");
    expect(score.total).toBeNull();
    expect(score.band).toBeUndefined();
    expect([score.raw, score.missing, score.missingDataRuleApplied]).toEqual([18, 3, "mean-substitution"]);
  });

  it("puts the extremes in the lowest and highest bands", () => {
    expect(scored(phq9, answersFrom("q", [0, 0, 0, 0, 0, 0, 0, 0, 0])).band?.id).toBe("minimal");
    expect(scored(phq9, answersFrom("q", [3, 3, 3, 3, 3, 3, 3, 3, 3])).band?.id).toBe("severe");
    expect(scored(phq9, answersFrom("q", [3, 3, 3, 3, 3, 1, 1, 0, 0])).band?.id).toBe("moderately-severe");
    expect(scored(phq9, answersFrom("q", [1, 1, 1, 0, 0, 0, 0, 0, 0])).band?.id).toBe("minimal");
  });

  it("does not score an empty response", () => {
    const score = scored(phq9, {});
    expect([score.status, score.total, score.completeness, score.missing]).toEqual(["not-scored", null, 0, 9]);
  });
});

describe("PHQ-9 style definition against an independent reference", () => {
  it("matches the published rule for any pattern of answers and blanks", () => {
    const compiled = compileInstrument(phq9);
    // The published facts, written out directly: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe.
    const bandOf = (total: number): string => (total <= 4 ? "minimal" : total <= 9 ? "mild" : total <= 14 ? "moderate" : total <= 19 ? "moderately-severe" : "severe");
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: 9, maxLength: 9 }), (values) => {
        const score = compiled.score({ instrumentId: phq9.id, instrumentVersion: phq9.version, answers: answersFrom("q", values) });
        const given = values.filter((value): value is number => value !== undefined);
        const sum = given.reduce((total, value) => total + value, 0);
        expect(score.raw).toBe(sum);
        expect(score.alerts.length).toBe((values[8] ?? 0) > 0 ? 1 : 0);
        if (given.length < 7) {
          expect([score.status, score.total, score.band]).toEqual(["not-scored", null, undefined]);
          return;
        }
        const total = Math.round((sum * 9) / given.length);
        expect([score.status, score.total, score.band?.id]).toEqual(["scored", total, bandOf(total)]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("SWEMWBS style definition", () => {
  it("converts the raw total through the table", () => {
    const score = scored(swemwbs, answersFrom("w", [3, 4, 3, 2, 4, 5, 3]));
    expect([score.raw, score.total, score.metric]).toEqual([24, 24, 21.54]);
    expect(scored(swemwbs, answersFrom("w", [1, 1, 1, 1, 1, 1, 1])).metric).toBe(7);
    expect(scored(swemwbs, answersFrom("w", [5, 5, 5, 5, 5, 5, 5])).metric).toBe(35);
    expect(scored(swemwbs, answersFrom("w", [5, 5, 5, 5, 5, 5, 4])).metric).toBe(32.55);
  });

  it("scores only when all seven are answered", () => {
    const score = scored(swemwbs, answersFrom("w", [3, 4, 3, 2, 4, 5, undefined]));
    expect([score.status, score.total, score.metric, score.missingDataRuleApplied]).toEqual(["not-scored", null, undefined, "minimum-answered"]);
  });
});

describe("QPR-15 style definition", () => {
  it("totals 0 to 60", () => {
    expect(scored(qpr15, answersFrom("r", Array(15).fill(4))).total).toBe(60);
    expect(scored(qpr15, answersFrom("r", Array(15).fill(0))).total).toBe(0);
  });

  it("prorates when at least twelve are answered", () => {
    const answers = answersFrom("r", [...Array(13).fill(3), undefined, undefined]);
    // 39 from 13 items, scaled to 15: 39 * 15 / 13 = 45.
    const score = scored(qpr15, answers);
    expect([score.raw, score.total, score.missingDataRuleApplied]).toEqual([39, 45, "prorate"]);
    expect(scored(qpr15, answersFrom("r", Array(11).fill(3))).status).toBe("not-scored");
  });
});

describe("not applicable under each missing-data rule", () => {
  const withNotApplicable: InstrumentDefinition = {
    ...qpr15,
    scales: [{ id: "zero-to-four", options: [...(qpr15.scales[0]?.options ?? []), { code: "na", exclusion: "not-applicable", label: { en: "Does not apply" } }] }],
  };
  const answers = { ...answersFrom("r", Array(12).fill(2)), r13: "na", r14: "na", r15: "4" };

  it("prorates over the items with a scored answer, never counting not applicable as zero", () => {
    const score = scored(withNotApplicable, answers);
    // 12 x 2 + 4 = 28 from 13 scored items, scaled to 15: 28 * 15 / 13 = 32.307...; counting NA as 0 would give 28.
    expect(score.total).toBeCloseTo(420 / 13, 12);
    expect([score.raw, score.answered, score.excluded, score.missing, score.missingDataRuleApplied]).toEqual([28, 13, 2, 0, "prorate"]);
  });

  it("substitutes the mean of scored answers for not applicable ones", () => {
    const substituted: InstrumentDefinition = { ...withNotApplicable, scoring: { ...withNotApplicable.scoring, missingData: { kind: "mean-substitution", maximumMissing: 2 } } };
    // 28 + 2 x (28 / 13) = 32.307..., the same as prorating.
    expect(scored(substituted, answers).total).toBeCloseTo(420 / 13, 12);
    expect(scored(substituted, { ...answers, r12: "na" }).status).toBe("not-scored");
  });

  it("leaves not applicable out of a mean", () => {
    const mean: InstrumentDefinition = { ...withNotApplicable, scoring: { ...withNotApplicable.scoring, method: "mean", missingData: { kind: "none" } } };
    // 28 / 13, not 28 / 15.
    expect(scored(mean, answers).total).toBeCloseTo(28 / 13, 12);
  });
});

describe("ten-area outcome star", () => {
  it("sums ten areas scored 1 to 10, and scores what was answered under the none rule", () => {
    expect(scored(outcomeStar, answersFrom("area", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).total).toBe(55);
    const partial = scored(outcomeStar, answersFrom("area", [10, 10, 10]));
    expect([partial.total, partial.missing, partial.missingDataRuleApplied]).toEqual([30, 7, "none"]);
  });

  it("expresses the score as a percentage of the maximum", () => {
    const percent: InstrumentDefinition = { ...outcomeStar, scoring: { ...outcomeStar.scoring, method: "percent-of-maximum" } };
    // (55 - 10) / (100 - 10) * 100 = 50.
    expect(scored(percent, answersFrom("area", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).total).toBe(50);
    // Two answered areas, 7 and 4: (11 - 2) / (20 - 2) * 100 = 50 under the none rule.
    expect(scored(percent, answersFrom("area", [7, 4])).total).toBe(50);
    const prorated: InstrumentDefinition = { ...percent, scoring: { ...percent.scoring, missingData: { kind: "prorate", minimumAnswered: 2 } } };
    // 11 scaled to ten areas is 55: (55 - 10) / (100 - 10) * 100 = 50.
    expect(scored(prorated, answersFrom("area", [7, 4])).total).toBe(50);
    expect(scored(prorated, answersFrom("area", [10, 10])).total).toBe(100);
  });

  it("can score by mean with mean substitution", () => {
    const mean: InstrumentDefinition = { ...outcomeStar, scoring: { ...outcomeStar.scoring, method: "mean", missingData: { kind: "mean-substitution", maximumMissing: 2 } } };
    expect(scored(mean, answersFrom("area", [6, 8, 4, 6, 6, 6, 6, 6, 6, 6])).total).toBe(6);
    expect(scored(mean, answersFrom("area", [6, 8, 4, 6, 6, 6, 6, 6])).total).toBe(6);
    expect(scored(mean, answersFrom("area", [6, 8, 4, 6, 6, 6, 6])).status).toBe("not-scored");
  });
});

describe("service experience questionnaire", () => {
  it("takes the mean of rated statements and never counts not applicable or don't know as zero", () => {
    const score = scored(serviceExperienceQuestionnaire, {
      "right-help-right-time": "agree",
      "fits-my-needs": "strongly-agree",
      "plans-and-goals": "agree",
      "strengths-seen": "neutral",
      "self-management": "strongly-agree",
      "community-links": "not-applicable",
      "involvement-acted-on": "dont-know",
      "listened-to": "agree",
    });
    // 4 + 5 + 4 + 3 + 5 + 4 = 25 over 6 rated statements = 4.1666..., rounded to 4.17.
    expect([score.raw, score.total, score.band?.id, score.answered, score.excluded, score.missing, score.completeness]).toEqual([25, 4.17, "recovery-focused", 6, 2, 0, 0.75]);
    expect(score.missingDataRuleApplied).toBe("minimum-answered");
    expect(score.subscales).toEqual([
      { id: "person-centred", raw: 16, score: 4, answered: 4, missing: 0, excluded: 0 },
      { id: "empowering", raw: 9, score: null, answered: 2, missing: 0, excluded: 2 },
    ]);
  });

  it("bands by the mean: 24 / 8 = 3 is mixed, 23 / 8 = 2.875 needs attention", () => {
    const answers = {
      "right-help-right-time": "agree",
      "fits-my-needs": "neutral",
      "plans-and-goals": "neutral",
      "strengths-seen": "neutral",
      "self-management": "neutral",
      "community-links": "neutral",
      "involvement-acted-on": "neutral",
      "listened-to": "disagree",
    };
    expect(scored(serviceExperienceQuestionnaire, answers).band?.id).toBe("mixed");
    const lower = scored(serviceExperienceQuestionnaire, { ...answers, "community-links": "disagree" });
    expect([lower.total, lower.band?.id]).toEqual([2.88, "needs-attention"]);
  });
});

describe("bands with fractional scores", () => {
  it("puts a score that falls between two bands in the lower band", () => {
    const banded: InstrumentDefinition = {
      ...outcomeStar,
      scoring: {
        method: "mean",
        missingData: { kind: "none" },
        direction: "higher-is-better",
        bands: [
          { id: "low", label: { en: "Low" }, min: 1, max: 4 },
          { id: "high", label: { en: "High" }, min: 5, max: 10 },
        ],
      },
    };
    // (4 + 5) / 2 = 4.5: above the low band's max and below the high band's min.
    const score = scored(banded, answersFrom("area", [4, 5]));
    expect([score.total, score.band?.id]).toEqual([4.5, "low"]);
    expect(scored(banded, answersFrom("area", [5, 5])).band?.id).toBe("high");
  });
});

describe("conditions, reversal, alerts and subscales", () => {
  it("scores only shown items and reverses reversed ones", () => {
    const score = scored(conditional, { "has-carer": "no", "low-mood": "3", "sleep-well": "1" });
    // low-mood 3 reversed on 0-3 is 0; sleep-well 1: total 1. carer-support is hidden, has-carer is not scored.
    expect([score.total, score.shown, score.answered, score.missing, score.alerts]).toEqual([1, 2, 2, 0, []]);
    expect(score.subscales).toEqual([{ id: "wellbeing", raw: 1, score: 1, answered: 2, missing: 0, excluded: 0 }]);
  });

  it("counts a shown conditional item and raises an alert by option code", () => {
    const score = scored(conditional, { "has-carer": "yes", "carer-support": "2", "low-mood": "0", "sleep-well": "0" });
    expect([score.total, score.shown]).toEqual([5, 3]);
    expect(score.alerts).toEqual([{ ruleId: "never-sleeps-well", itemId: "sleep-well", message: { en: "Ask about sleep." } }]);
  });

  it("treats not applicable as excluded and leaves an incomplete subscale unscored", () => {
    const score = scored(conditional, { "has-carer": "no", "low-mood": "na" });
    expect([score.total, score.excluded, score.missing, score.completeness]).toEqual([null, 1, 1, 0]);
    expect(score.subscales).toEqual([{ id: "wellbeing", raw: 0, score: null, answered: 0, missing: 1, excluded: 1 }]);
  });
});

describe("compileInstrument and scoreResponse", () => {
  it("throws invalid-definition for an invalid definition", () => {
    const broken = { ...phq9, scoring: { ...phq9.scoring, bands: [{ id: "all", label: { en: "All" }, min: 0, max: 10 }] } };
    expect(() => compileInstrument(broken)).toThrow(expect.objectContaining({ code: "invalid-definition" }));
    try {
      compileInstrument(broken);
    } catch (error) {
      expect(isSelfManageError(error, "invalid-definition")).toBe(true);
    }
  });

  it("returns validation issues instead of a score for an invalid response", () => {
    const result = scoreResponse(phq9, { instrumentId: "phq-9-local", instrumentVersion: "1.0.0", answers: { q1: "9" } });
    expect(result).toEqual({ ok: false, issues: [{ path: ["answers", "q1"], code: "not_on_scale", message: expect.any(String) }] });
    expect(scoreResponse(phq9, "nonsense").ok).toBe(false);
  });

  it("gives the same score through the compiled scorer, again and again", () => {
    const compiled = compileInstrument(serviceExperienceQuestionnaire);
    const response = { instrumentId: "service-experience", instrumentVersion: "1.0.0", answers: { "listened-to": "agree" } };
    const first = compiled.score(response);
    const second = compiled.score(response);
    expect(second).toEqual(first);
    expect(compiled.instrument.id).toBe("service-experience");
  });

  it("compiles each definition object once for per-call scoring, and a new object afresh", () => {
    const response = { instrumentId: "phq-9-local", instrumentVersion: "1.0.0", answers: answersFrom("q", [3, 3, 3, 3, 3, 3, 3, 3, 3]) };
    const first = scoreResponse(phq9, response);
    expect(first).toEqual({ ok: true, value: compileInstrument(phq9).score(response) });
    expect(scoreResponse(phq9, response)).toEqual(first);
    // A changed instrument is a new object: it is compiled again, never served from the old one's cache.
    const rebanded = { ...phq9, scoring: { ...phq9.scoring, bands: [{ id: "any", label: { en: "Any" }, min: 0, max: 27 }] } };
    const again = scoreResponse(rebanded, response);
    expect(again.ok && again.value.band?.id).toBe("any");
    expect(first.ok && first.value.band?.id).not.toBe("any");
    // An invalid definition is never cached: it throws on every call.
    const broken = { ...phq9, items: [] };
    expect(() => scoreResponse(broken, response)).toThrow(expect.objectContaining({ code: "invalid-definition" }));
    expect(() => scoreResponse(broken, response)).toThrow(expect.objectContaining({ code: "invalid-definition" }));
  });
});
