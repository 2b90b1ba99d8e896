import { describe, expect, it } from "vitest";
import { agreementScale } from "@selfmanage/core";
import { scoreRange, serviceExperienceQuestionnaire, validateInstrument, type InstrumentDefinition } from "./index";
import { conditional, outcomeStar, phq9, qpr15, swemwbs } from "../test/instruments";

function issuesOf(input: unknown): Array<{ path: unknown[]; code: string }> {
  const result = validateInstrument(input);
  if (result.ok) return [];
  return result.issues.map(({ path, code }) => ({ path, code }));
}

const SENTINEL = "SENTINEL-9f2c-personal";

describe("validateInstrument", () => {
  it("accepts the definitions written from published scoring facts, and the built-in questionnaire", () => {
    for (const definition of [phq9, swemwbs, qpr15, outcomeStar, conditional, serviceExperienceQuestionnaire]) {
      expect(validateInstrument(definition)).toEqual({ ok: true, value: definition });
    }
  });

  it("reports shape problems with paths and never echoes values", () => {
    const result = validateInstrument({ ...phq9, version: SENTINEL, extra: SENTINEL });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((found) => [found.path, found.code])).toEqual([
        [["version"], "invalid_format"],
        [["extra"], "unknown_field"],
      ]);
      expect(JSON.stringify(result.issues)).not.toContain(SENTINEL);
    }
  });

  it("finds duplicate ids", () => {
    const definition = {
      ...conditional,
      scales: [...conditional.scales, conditional.scales[0]],
      items: [...conditional.items, conditional.items[3]],
      subscales: [...(conditional.subscales ?? []), ...(conditional.subscales ?? [])],
      alerts: [...(conditional.alerts ?? []), ...(conditional.alerts ?? [])],
    };
    expect(issuesOf(definition)).toEqual([
      { path: ["scales", 2, "id"], code: "duplicate_id" },
      { path: ["items", 4, "id"], code: "duplicate_id" },
      { path: ["subscales", 1, "id"], code: "duplicate_id" },
      { path: ["alerts", 1, "id"], code: "duplicate_id" },
    ]);
    const bands = phq9.scoring.bands ?? [];
    expect(issuesOf({ ...phq9, scoring: { ...phq9.scoring, bands: [...bands.slice(0, 4), { ...bands[4], id: "minimal" }] } })).toEqual([
      { path: ["scoring", "bands", 4, "id"], code: "duplicate_id" },
    ]);
  });

  it("finds unknown scales, items and option codes", () => {
    const items = conditional.items.map((item) => ({ ...item }));
    items[0] = { ...items[0], scale: "missing-scale" } as (typeof items)[number];
    items[1] = { ...items[1], showWhen: { itemId: "sleep-well", anyOf: ["yes"] } } as (typeof items)[number];
    expect(issuesOf({ ...conditional, items })).toEqual([
      { path: ["items", 0, "scale"], code: "unknown_scale" },
      { path: ["items", 1, "showWhen", "itemId"], code: "unknown_item" },
    ]);
    const badCode = conditional.items.map((item) => (item.id === "carer-support" ? { ...item, showWhen: { itemId: "has-carer", anyOf: ["yes", "maybe"] } } : item));
    expect(issuesOf({ ...conditional, items: badCode })).toEqual([{ path: ["items", 1, "showWhen", "anyOf", 1], code: "unknown_option" }]);
    expect(issuesOf({ ...conditional, subscales: [{ id: "s", label: { en: "S" }, items: ["nope", "has-carer", "sleep-well", "sleep-well"] }] })).toEqual([
      { path: ["subscales", 0, "items", 0], code: "unknown_item" },
      { path: ["subscales", 0, "items", 1], code: "unscored_item" },
      { path: ["subscales", 0, "items", 3], code: "duplicate_id" },
    ]);
    expect(
      issuesOf({
        ...conditional,
        alerts: [
          { id: "a", itemId: "nope", minimumValue: 1, message: { en: "A" } },
          { id: "b", itemId: "sleep-well", optionCodes: ["0", "never"], message: { en: "B" } },
        ],
      }),
    ).toEqual([
      { path: ["alerts", 0, "itemId"], code: "unknown_item" },
      { path: ["alerts", 1, "optionCodes", 1], code: "unknown_option" },
    ]);
  });

  it("needs an alert rule with exactly one trigger", () => {
    expect(issuesOf({ ...phq9, alerts: [{ id: "a", itemId: "q9", message: { en: "A" } }] })).toEqual([{ path: ["alerts", 0, "optionCodes"], code: "alert_trigger" }]);
  });

  it("needs scales whose scored options differ", () => {
    const flat = { id: "flat", options: [{ code: "a", value: 1, label: { en: "A" } }, { code: "b", value: 1, label: { en: "B" } }] };
    expect(issuesOf({ ...conditional, scales: [...conditional.scales, flat] })).toEqual([{ path: ["scales", 2, "options"], code: "flat_scale" }]);
  });

  it("needs at least one scored item", () => {
    expect(issuesOf({ ...conditional, items: [conditional.items[0]], subscales: [], alerts: [] })).toEqual([{ path: ["items"], code: "no_scored_items" }]);
  });

  it("checks that missing-data rules can be met", () => {
    expect(issuesOf({ ...swemwbs, scoring: { ...swemwbs.scoring, missingData: { kind: "minimum-answered", minimumAnswered: 8 } } })).toEqual([
      { path: ["scoring", "missingData", "minimumAnswered"], code: "unreachable_minimum" },
    ]);
    expect(issuesOf({ ...phq9, scoring: { ...phq9.scoring, missingData: { kind: "mean-substitution", maximumMissing: 9 } } })).toEqual([
      { path: ["scoring", "missingData", "maximumMissing"], code: "unreachable_minimum" },
    ]);
    const subscales = [{ id: "s", label: { en: "S" }, items: ["low-mood"], missingData: { kind: "prorate", minimumAnswered: 2 } }];
    expect(issuesOf({ ...conditional, subscales })).toEqual([{ path: ["subscales", 0, "missingData", "minimumAnswered"], code: "unreachable_minimum" }]);
  });

  it("checks that a conversion table covers every raw total and needs whole sums", () => {
    const conversion = swemwbs.scoring.conversion as NonNullable<InstrumentDefinition["scoring"]["conversion"]>;
    const withoutTwenty = conversion.entries.filter((entry) => entry.raw !== 20);
    expect(issuesOf({ ...swemwbs, scoring: { ...swemwbs.scoring, conversion: { entries: withoutTwenty } } })).toEqual([
      { path: ["scoring", "conversion", "entries"], code: "incomplete_table" },
    ]);
    expect(issuesOf({ ...swemwbs, scoring: { ...swemwbs.scoring, conversion: { entries: [...conversion.entries, { raw: 7, metric: 1 }] } } })).toEqual([
      { path: ["scoring", "conversion", "entries", 29, "raw"], code: "duplicate_raw" },
    ]);
    expect(issuesOf({ ...swemwbs, scoring: { ...swemwbs.scoring, method: "mean" } })).toEqual([{ path: ["scoring", "conversion"], code: "conversion_needs_whole_sum" }]);
  });

  it("refuses a conversion table or bands on a sum that may stand for only some items", () => {
    const partial = [{ path: ["scoring", "conversion"], code: "partial_total" }];
    // SWEMWBS scored from six of seven items would look up a raw total the table was never made for.
    expect(issuesOf({ ...swemwbs, scoring: { ...swemwbs.scoring, missingData: { kind: "minimum-answered", minimumAnswered: 6 } } })).toEqual(partial);
    expect(issuesOf({ ...swemwbs, scoring: { ...swemwbs.scoring, missingData: { kind: "none" } } })).toEqual(partial);
    const conditionalItem = swemwbs.items.map((item, index) => (index === 6 ? { ...item, showWhen: { itemId: "w1", anyOf: ["5"] } } : item));
    expect(issuesOf({ ...swemwbs, items: conditionalItem })).toEqual(partial);
    // Prorating and mean substitution always give a total over every item.
    expect(validateInstrument({ ...swemwbs, scoring: { ...swemwbs.scoring, missingData: { kind: "prorate", minimumAnswered: 6 } } }).ok).toBe(true);
    const bands = [
      { id: "low", label: { en: "Low" }, min: 10, max: 50 },
      { id: "high", label: { en: "High" }, min: 51, max: 100 },
    ];
    // Three areas of the star answered under the none rule give 3-30, which is not comparable with bands for ten areas.
    expect(issuesOf({ ...outcomeStar, scoring: { ...outcomeStar.scoring, bands } })).toEqual([{ path: ["scoring", "bands"], code: "partial_total" }]);
    expect(validateInstrument({ ...outcomeStar, scoring: { ...outcomeStar.scoring, missingData: { kind: "minimum-answered", minimumAnswered: 10 }, bands } }).ok).toBe(true);
    // A mean is comparable whatever the number of items answered.
    const meanBands = [
      { id: "low", label: { en: "Low" }, min: 1, max: 5 },
      { id: "high", label: { en: "High" }, min: 6, max: 10 },
    ];
    expect(validateInstrument({ ...outcomeStar, scoring: { ...outcomeStar.scoring, method: "mean", bands: meanBands } }).ok).toBe(true);
  });

  it("checks that bands neither overlap nor leave gaps, and cover the range", () => {
    const bands = phq9.scoring.bands ?? [];
    const withBands = (next: unknown[]) => issuesOf({ ...phq9, scoring: { ...phq9.scoring, bands: next } });
    expect(withBands([bands[0], { ...bands[1], min: 4 }, ...bands.slice(2)])).toEqual([{ path: ["scoring", "bands", 1, "min"], code: "overlapping_bands" }]);
    expect(withBands([bands[0], { ...bands[1], min: 6 }, ...bands.slice(2)])).toEqual([{ path: ["scoring", "bands", 1, "min"], code: "gap_between_bands" }]);
    expect(withBands([{ ...bands[0], max: -1 }, ...bands.slice(1)])).toEqual([
      { path: ["scoring", "bands", 0, "max"], code: "empty_band" },
      { path: ["scoring", "bands", 1, "min"], code: "gap_between_bands" },
    ]);
    expect(withBands(bands.slice(0, 4))).toEqual([{ path: ["scoring", "bands"], code: "bands_do_not_cover_range" }]);
    expect(withBands([{ ...bands[0], min: 1 }, ...bands.slice(1)])).toEqual([{ path: ["scoring", "bands"], code: "bands_do_not_cover_range" }]);
  });
});

describe("scoreRange", () => {
  it("gives the lowest and highest possible score by method and conversion", () => {
    expect(scoreRange(phq9)).toEqual({ min: 0, max: 27 });
    expect(scoreRange(qpr15)).toEqual({ min: 0, max: 60 });
    expect(scoreRange(outcomeStar)).toEqual({ min: 10, max: 100 });
    expect(scoreRange(swemwbs)).toEqual({ min: 7, max: 35 });
    expect(scoreRange(serviceExperienceQuestionnaire)).toEqual({ min: 1, max: 5 });
    expect(scoreRange({ ...qpr15, scoring: { ...qpr15.scoring, method: "percent-of-maximum" } })).toEqual({ min: 0, max: 100 });
    expect(scoreRange({ ...qpr15, scales: [agreementScale], items: qpr15.items.map((item) => ({ ...item, scale: "agreement-5" })) })).toEqual({ min: 15, max: 75 });
  });
});
