// Generated instruments that pass validateInstrument, and responses that fit them: scales with
// weights and excluded options, conditional and required items, CHIME codes, subscales (side by
// side, so they become Questionnaire groups, or interleaved, so they cannot), every scoring
// method and missing-data rule, conversion tables, bands, alerts, change parameters, rule
// sources, licences, LOINC codes and translations. Text is never blank and codes are FHIR codes, as FHIR requires.
import fc from "fast-check";
import type { LocalisedText, OrdinalScale, ScaleOption } from "@selfmanage/core";
import { scoreRange, type RuleSource, type Band, type InstrumentDefinition, type InstrumentItem, type InstrumentResponse, type InstrumentScoring, type MissingDataRule, type Subscale } from "@selfmanage/recovery";
import { text } from "./arbitraries";

const gaelic = fc.constantFrom("Tha mi dòchasach.", "Fìor mhath", "Chan eil idir", "Uaireannan");
const welsh = fc.constantFrom("Rwy'n obeithiol.", "Cytuno'n gryf", "Anghytuno", "Weithiau");
const localised: fc.Arbitrary<LocalisedText> = fc
  .record({ en: text, gd: fc.option(gaelic, { nil: undefined }), cy: fc.option(welsh, { nil: undefined }) })
  .map(({ en, gd, cy }) => ({ en, ...(gd === undefined ? {} : { gd }), ...(cy === undefined ? {} : { cy }) }));
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
/** Identifiers as FHIR codes allow them: no white space at the ends and single spaces inside. */
const code = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{0,8}( [A-Za-z0-9]{1,6})?$/));
const chime = fc.constantFrom("connectedness" as const, "hope" as const, "identity" as const, "meaning" as const, "empowerment" as const);

function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** A scale: 2 to 6 scored options with distinct weights (whole or halves), and up to one excluded option. */
const scaleArbitrary = (id: string, wholeValues: boolean): fc.Arbitrary<OrdinalScale> =>
  fc
    .record({
      codes: fc.uniqueArray(code, { minLength: 3, maxLength: 7 }),
      values: fc.uniqueArray(fc.integer({ min: -4, max: 12 }), { minLength: 6, maxLength: 6 }),
      halves: fc.boolean(),
      excluded: optional(fc.constantFrom("not-applicable" as const, "dont-know" as const)),
      labels: fc.array(localised, { minLength: 7, maxLength: 7 }),
      label: optional(localised),
      scored: fc.integer({ min: 2, max: 6 }),
    })
    .map((drawn) => {
      const scoredCount = Math.min(drawn.scored, drawn.codes.length - (drawn.excluded === undefined ? 0 : 1));
      const options: ScaleOption[] = drawn.codes.slice(0, Math.max(scoredCount, 2)).map((optionCode, index) => ({
        code: optionCode,
        label: drawn.labels[index] as LocalisedText,
        value: wholeValues || !drawn.halves ? (drawn.values[index] as number) : (drawn.values[index] as number) / 2,
      }));
      const spare = drawn.codes[options.length];
      if (drawn.excluded !== undefined && spare !== undefined) options.push({ code: spare, label: drawn.labels[options.length] as LocalisedText, exclusion: drawn.excluded });
      return defined({ id, label: drawn.label, options });
    });

function missingRule(scoredItems: number): fc.Arbitrary<MissingDataRule> {
  return fc.oneof(
    fc.constant({ kind: "none" as const }),
    fc.integer({ min: 1, max: scoredItems }).map((minimumAnswered) => ({ kind: "minimum-answered" as const, minimumAnswered })),
    fc.integer({ min: 1, max: scoredItems }).map((minimumAnswered) => ({ kind: "prorate" as const, minimumAnswered })),
    fc.integer({ min: 0, max: scoredItems - 1 }).map((maximumMissing) => ({ kind: "mean-substitution" as const, maximumMissing })),
  );
}

/** Bands from the lowest to the highest possible score, in 1 to 3 pieces that touch without overlapping. */
function bandsOver(range: { min: number; max: number }, pieces: number, labels: readonly LocalisedText[]): Band[] {
  const width = (range.max - range.min) / pieces;
  if (width < 2) return [{ id: "band-0", label: labels[0] as LocalisedText, min: range.min, max: range.max }];
  const bands: Band[] = [];
  let start = range.min;
  for (let index = 0; index < pieces; index += 1) {
    const end = index === pieces - 1 ? range.max : Math.floor(range.min + width * (index + 1));
    bands.push({ id: `band-${index}`, label: labels[index] as LocalisedText, min: start, max: end });
    start = end + 1;
  }
  return bands;
}

const changeArbitrary = fc.oneof(
  fc.record({ reliableChangeThreshold: fc.integer({ min: 1, max: 20 }) }),
  fc.record({
    standardDeviation: fc.integer({ min: 1, max: 40 }).map((value) => value / 4),
    reliability: fc.integer({ min: 50, max: 95 }).map((value) => value / 100),
    cutOffMethod: fc.constant("c" as const),
    clinical: fc.record({ mean: fc.integer({ min: 0, max: 30 }), standardDeviation: fc.integer({ min: 1, max: 10 }) }),
    functional: fc.record({ mean: fc.integer({ min: 0, max: 30 }), standardDeviation: fc.integer({ min: 1, max: 10 }) }),
  }),
);

/** A LOINC code with the right check digit (LOINC's mod 10, as Luhn's). */
export function loincFrom(body: number): string {
  const digits = String(body);
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[digits.length - 1 - index]);
    sum += index % 2 === 0 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
  }
  return `${digits}-${(10 - (sum % 10)) % 10}`;
}

const sourceArbitrary: fc.Arbitrary<RuleSource> = fc
  .record({ citation: text, year: fc.integer({ min: 1900, max: 2100 }), note: optional(text) })
  .map((drawn) => defined(drawn));

/**
 * Where the rules come from, the licence and LOINC codes, drawn onto an instrument: each part
 * present or not, the LOINC codes all different (as validateInstrument asks).
 */
function withProvenance(instrument: InstrumentDefinition): fc.Arbitrary<InstrumentDefinition> {
  const count = instrument.items.length + 2;
  const maybeSource = optional(sourceArbitrary);
  return fc
    .record({
      codes: fc.uniqueArray(fc.integer({ min: 1, max: 9_999_999 }), { minLength: count, maxLength: count }).map((bodies) => bodies.map(loincFrom)),
      coded: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      licence: optional(fc.record({ notice: text, wordingIncluded: fc.boolean(), source: sourceArbitrary })),
      scoring: maybeSource,
      missingData: maybeSource,
      conversion: maybeSource,
      bands: fc.array(maybeSource, { minLength: 3, maxLength: 3 }),
      alert: maybeSource,
      subscaleRule: maybeSource,
      reliableChange: maybeSource,
      cutOff: maybeSource,
    })
    .map((drawn) => {
      const code = (index: number): string | undefined => (drawn.coded[index] === true ? drawn.codes[index] : undefined);
      const { scoring, change } = instrument;
      const sources = change === undefined ? undefined : defined({ reliableChange: drawn.reliableChange, cutOff: drawn.cutOff });
      const loinc = defined({ panel: code(0), total: code(1) });
      return defined({
        ...instrument,
        items: instrument.items.map((item, index) => defined({ ...item, loinc: code(index + 2) })),
        subscales: instrument.subscales?.map((subscale) => (subscale.missingData === undefined ? subscale : { ...subscale, missingData: defined({ ...subscale.missingData, source: drawn.subscaleRule }) })),
        scoring: defined({
          ...scoring,
          missingData: defined({ ...scoring.missingData, source: drawn.missingData }),
          conversion: scoring.conversion === undefined ? undefined : defined({ ...scoring.conversion, source: drawn.conversion }),
          bands: scoring.bands?.map((band, index) => defined({ ...band, source: drawn.bands[index] })),
          source: drawn.scoring,
        }),
        alerts: instrument.alerts?.map((rule) => defined({ ...rule, source: drawn.alert })),
        change: change === undefined ? undefined : defined({ ...change, sources: sources === undefined || Object.keys(sources).length === 0 ? undefined : sources }),
        loinc: Object.keys(loinc).length === 0 ? undefined : loinc,
        licence: drawn.licence,
      });
    });
}

/** Instruments that pass validateInstrument. */
export const instrumentArbitrary: fc.Arbitrary<InstrumentDefinition> = fc
  .record({
    id: fc.oneof(code, fc.constant("local survey: wellbeing/2026")),
    version: fc.constantFrom("1.0.0", "2.1.3", "0.9.0-beta.1"),
    title: localised,
    description: optional(localised),
    wholeValues: fc.boolean(),
    scaleCount: fc.integer({ min: 1, max: 3 }),
    itemCount: fc.integer({ min: 1, max: 7 }),
    seed: fc.infiniteStream(fc.nat()),
  })
  .chain((shape) =>
    fc
      .tuple(...Array.from({ length: shape.scaleCount }, (_, index) => scaleArbitrary(`scale-${index}`, shape.wholeValues)))
      .chain((scales) =>
        fc
          .array(
            fc.record({
              text: localised,
              scale: fc.nat({ max: scales.length - 1 }),
              reverse: optional(fc.boolean()),
              required: optional(fc.boolean()),
              unscored: fc.nat({ max: 5 }),
              condition: fc.nat({ max: 3 }),
              anyOf: fc.uniqueArray(fc.nat({ max: 6 }), { minLength: 1, maxLength: 2 }),
              chime: optional(fc.uniqueArray(chime, { minLength: 1, maxLength: 2 })),
            }),
            { minLength: shape.itemCount, maxLength: shape.itemCount },
          )
          .map((drawnItems) => {
            const items: InstrumentItem[] = drawnItems.map((drawn, index) => {
              const scale = scales[drawn.scale] as OrdinalScale;
              // An earlier item's options make the condition; about one item in four has one.
              const earlier = index > 0 && drawn.condition === 0 ? drawnItems[index - 1] : undefined;
              const earlierScale = earlier === undefined ? undefined : (scales[earlier.scale] as OrdinalScale);
              const anyOf = earlierScale === undefined ? [] : [...new Set(drawn.anyOf.map((position) => (earlierScale.options[position % earlierScale.options.length] as ScaleOption).code))];
              return defined({
                id: `item-${index}`,
                text: drawn.text,
                scale: scale.id,
                reverse: drawn.reverse,
                required: drawn.required,
                // The first item is always scored, so every instrument has one; a few others are context questions.
                scored: index > 0 && drawn.unscored === 0 ? false : drawn.unscored === 1 ? true : undefined,
                showWhen: anyOf.length === 0 ? undefined : { itemId: `item-${index - 1}`, anyOf },
                chime: drawn.chime,
              });
            });
            return { scales, items };
          }),
      )
      .chain(({ scales, items }) => {
        const scored = items.filter((item) => item.scored !== false);
        const scoredIds = scored.map((item) => item.id);
        return fc.record({
          scales: fc.constant(scales),
          items: fc.constant(items),
          // Side by side (so they can be groups), or interleaved (so they cannot).
          subscaleShape: fc.constantFrom("none", "side-by-side", "interleaved"),
          subscaleLabels: fc.array(localised, { minLength: 2, maxLength: 2 }),
          subscaleChime: fc.array(optional(chime), { minLength: 2, maxLength: 2 }),
          subscaleRule: optional(missingRule(1)),
          method: fc.constantFrom("sum" as const, "mean" as const, "percent-of-maximum" as const),
          missingData: missingRule(scoredIds.length),
          everyItem: fc.boolean(),
          direction: fc.constantFrom("higher-is-better" as const, "lower-is-better" as const),
          decimals: optional(fc.integer({ min: 0, max: 3 })),
          conversion: fc.boolean(),
          conversionLabel: optional(localised),
          metricStep: fc.integer({ min: 1, max: 5 }),
          bands: fc.integer({ min: 0, max: 3 }),
          bandLabels: fc.array(localised, { minLength: 3, maxLength: 3 }),
          alert: optional(fc.record({ item: fc.nat({ max: items.length - 1 }), byValue: fc.boolean(), option: fc.nat({ max: 6 }), message: localised })),
          change: optional(changeArbitrary),
          scoredIds: fc.constant(scoredIds),
        });
      })
      .map((drawn): InstrumentDefinition => {
        const { scales, items, scoredIds } = drawn;
        let subscales: Subscale[] | undefined;
        if (drawn.subscaleShape !== "none" && scoredIds.length >= 2) {
          const half = Math.ceil(scoredIds.length / 2);
          const [first, second] =
            drawn.subscaleShape === "side-by-side" ? [scoredIds.slice(0, half), scoredIds.slice(half)] : [scoredIds.filter((_, index) => index % 2 === 0), scoredIds.filter((_, index) => index % 2 === 1)];
          subscales = [first, second]
            .filter((ids) => ids.length > 0)
            .map((ids, index) => defined({ id: `subscale-${index}`, label: drawn.subscaleLabels[index] as LocalisedText, items: ids, chime: drawn.subscaleChime[index], missingData: index === 0 ? drawn.subscaleRule : undefined }));
        }
        // A table or bands on a sum need a total over every item: no conditional scored items and a rule that fills gaps.
        const conditionalScored = items.some((item) => item.scored !== false && item.showWhen !== undefined);
        const coversEvery = !conditionalScored && (drawn.everyItem || drawn.missingData.kind === "prorate" || drawn.missingData.kind === "mean-substitution");
        const missingData: MissingDataRule = coversEvery && drawn.missingData.kind !== "prorate" && drawn.missingData.kind !== "mean-substitution" ? { kind: "minimum-answered", minimumAnswered: scoredIds.length } : drawn.missingData;
        const wholeValues = scales.every((scale) => scale.options.every((option) => option.value === undefined || Number.isInteger(option.value)));
        // A conversion table needs a whole-number sum over every item; when one is drawn and possible, the method is a sum.
        const convert = drawn.conversion && wholeValues && coversEvery;
        const scoring: InstrumentScoring = defined({ method: convert ? "sum" : drawn.method, missingData, direction: drawn.direction, decimals: drawn.decimals });
        const partial: InstrumentDefinition = defined({ id: "x", version: "1.0.0", title: { en: "x" }, scales, items, scoring });
        if (convert) {
          const raw = scoreRange(partial);
          const entries = Array.from({ length: raw.max - raw.min + 1 }, (_, index) => ({ raw: raw.min + index, metric: index * drawn.metricStep }));
          scoring.conversion = defined({ label: drawn.conversionLabel, entries });
        }
        if (drawn.bands > 0 && (scoring.method !== "sum" || scoring.conversion !== undefined || coversEvery)) {
          scoring.bands = bandsOver(scoreRange({ ...partial, scoring }), drawn.bands, drawn.bandLabels);
        }
        const alertItem = drawn.alert === undefined ? undefined : items[drawn.alert.item];
        const alertScale = alertItem === undefined ? undefined : scales.find((scale) => scale.id === alertItem.scale);
        const alerts =
          drawn.alert === undefined || alertItem === undefined || alertScale === undefined
            ? undefined
            : [
                drawn.alert.byValue
                  ? { id: "alert-0", itemId: alertItem.id, minimumValue: alertScale.options.find((option) => option.value !== undefined)?.value ?? 0, message: drawn.alert.message }
                  : { id: "alert-0", itemId: alertItem.id, optionCodes: [(alertScale.options[drawn.alert.option % alertScale.options.length] as ScaleOption).code], message: drawn.alert.message },
              ];
        return defined({
          id: shape.id,
          version: shape.version,
          title: shape.title,
          description: shape.description,
          scales,
          items,
          subscales,
          scoring,
          alerts,
          change: drawn.change,
        });
      })
      .chain(withProvenance),
  );

/** Responses to an instrument: each shown item answered with one of its options or left blank (never when required). */
export function responsesArbitrary(instrument: InstrumentDefinition, maxLength = 4): fc.Arbitrary<InstrumentResponse[]> {
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale]));
  const response = fc
    .record({
      withId: fc.boolean(),
      respondent: optional(fc.stringMatching(/^person-[a-f0-9]{6}$/)),
      completedAt: optional(fc.constantFrom("2026-03-01T10:00:00Z", "2026-03-02T09:30:00+01:00", "2026-03-03T18:45:10.250-05:00")),
      recorded: optional(fc.record({ recordedBy: fc.constant("practitioner-12"), role: fc.constantFrom("practitioner" as const, "peer-worker" as const), recordedAt: fc.constant("2026-03-01T10:05:00Z") })),
      picks: fc.array(fc.nat({ max: 8 }), { minLength: instrument.items.length, maxLength: instrument.items.length }),
    })
    .map((drawn): Omit<InstrumentResponse, "id"> & { withId: boolean } => {
      const answers: Record<string, string> = {};
      instrument.items.forEach((item, index) => {
        const shown = item.showWhen === undefined || item.showWhen.anyOf.includes(answers[item.showWhen.itemId] ?? "");
        if (!shown) return;
        const options = scales.get(item.scale)?.options ?? [];
        const pick = drawn.picks[index] as number;
        // Picks past the end of the scale leave the item blank, unless it must be answered.
        if (pick >= options.length && item.required !== true) return;
        answers[item.id] = (options[pick % options.length] as ScaleOption).code;
      });
      return defined({ instrumentId: instrument.id, instrumentVersion: instrument.version, respondent: drawn.respondent, completedAt: drawn.completedAt, recorded: drawn.recorded, answers, withId: drawn.withId });
    });
  return fc.array(response, { minLength: 1, maxLength }).map((drawn) => {
    // A response without an id is known by its content, so two alike need ids to tell them apart.
    const seen = new Set<string>();
    return drawn.map(({ withId, ...rest }, index) => {
      const key = JSON.stringify(rest);
      const needsId = withId || seen.has(key);
      seen.add(key);
      return needsId ? { ...rest, id: `response-${index}` } : rest;
    });
  });
}
