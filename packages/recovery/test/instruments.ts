import type { InstrumentDefinition, ResponseScale } from "../src/index";

// Definitions written from published scoring facts only: item text is a placeholder, never licensed wording.

function numericScale(id: string, low: number, high: number): ResponseScale {
  const options = [];
  for (let value = low; value <= high; value += 1) options.push({ code: String(value), value, label: { en: String(value) } });
  return { id, options };
}

function placeholderItems(prefix: string, count: number, scale: string): InstrumentDefinition["items"] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}${index + 1}`,
    text: { en: `Item ${index + 1} (licensed wording not included)` },
    scale,
    required: false,
  }));
}

export const phq9: InstrumentDefinition = {
  id: "phq-9-local",
  version: "1.0.0",
  title: { en: "Depression symptom questionnaire (nine items)" },
  scales: [numericScale("zero-to-three", 0, 3)],
  items: [
    ...placeholderItems("q", 9, "zero-to-three"),
    { id: "difficulty", text: { en: "Overall difficulty (not scored)" }, scale: "zero-to-three", scored: false },
  ],
  scoring: {
    method: "sum",
    missingData: { kind: "mean-substitution", maximumMissing: 2 },
    direction: "lower-is-better",
    decimals: 0,
    bands: [
      { id: "minimal", label: { en: "Minimal" }, min: 0, max: 4 },
      { id: "mild", label: { en: "Mild" }, min: 5, max: 9 },
      { id: "moderate", label: { en: "Moderate" }, min: 10, max: 14 },
      { id: "moderately-severe", label: { en: "Moderately severe" }, min: 15, max: 19 },
      { id: "severe", label: { en: "Severe" }, min: 20, max: 27 },
    ],
  },
  alerts: [{ id: "item-9", itemId: "q9", minimumValue: 1, message: { en: "Any answer above zero on this item needs a practitioner's follow-up today." } }],
  change: { reliableChangeThreshold: 6, cutOff: 10 },
};

const swemwbsMetric = [7.0, 9.51, 11.25, 12.4, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25, 19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.7, 32.55, 35.0];

export const swemwbs: InstrumentDefinition = {
  id: "swemwbs-local",
  version: "1.0.0",
  title: { en: "Short wellbeing scale (seven items)" },
  scales: [numericScale("one-to-five", 1, 5)],
  items: placeholderItems("w", 7, "one-to-five"),
  scoring: {
    method: "sum",
    missingData: { kind: "minimum-answered", minimumAnswered: 7 },
    direction: "higher-is-better",
    conversion: { label: { en: "Metric score" }, entries: swemwbsMetric.map((metric, index) => ({ raw: index + 7, metric })) },
  },
};

export const qpr15: InstrumentDefinition = {
  id: "qpr-15-local",
  version: "1.0.0",
  title: { en: "Process of recovery questionnaire (fifteen items)" },
  scales: [numericScale("zero-to-four", 0, 4)],
  items: placeholderItems("r", 15, "zero-to-four"),
  scoring: { method: "sum", missingData: { kind: "prorate", minimumAnswered: 12 }, direction: "higher-is-better" },
};

export const outcomeStar: InstrumentDefinition = {
  id: "ten-area-star",
  version: "2.1.0",
  title: { en: "Ten-area outcome star" },
  scales: [numericScale("one-to-ten", 1, 10)],
  items: placeholderItems("area", 10, "one-to-ten"),
  scoring: { method: "sum", missingData: { kind: "none" }, direction: "higher-is-better" },
};

const frequency: ResponseScale = {
  id: "frequency",
  options: [
    { code: "0", value: 0, label: { en: "Never" } },
    { code: "1", value: 1, label: { en: "Sometimes" } },
    { code: "2", value: 2, label: { en: "Often" } },
    { code: "3", value: 3, label: { en: "Always" } },
    { code: "na", exclusion: "not-applicable", label: { en: "Does not apply" } },
  ],
};

/** A small instrument that uses conditions, reversal, an unscored item, NA and an alert by option code. */
export const conditional: InstrumentDefinition = {
  id: "conditional",
  version: "1.2.0",
  title: { en: "Conditional example" },
  scales: [
    {
      id: "yes-no",
      options: [
        { code: "no", value: 0, label: { en: "No" } },
        { code: "yes", value: 1, label: { en: "Yes" } },
      ],
    },
    frequency,
  ],
  items: [
    { id: "has-carer", text: { en: "Does someone care for you?" }, scale: "yes-no", required: true, scored: false },
    { id: "carer-support", text: { en: "My carer is supported." }, scale: "frequency", required: true, showWhen: { itemId: "has-carer", anyOf: ["yes"] } },
    { id: "low-mood", text: { en: "I feel low." }, scale: "frequency", reverse: true, chime: ["hope"] },
    { id: "sleep-well", text: { en: "I sleep well." }, scale: "frequency" },
  ],
  subscales: [{ id: "wellbeing", label: { en: "Wellbeing" }, items: ["low-mood", "sleep-well"], chime: "hope" }],
  scoring: { method: "sum", missingData: { kind: "none" }, direction: "higher-is-better" },
  alerts: [{ id: "never-sleeps-well", itemId: "sleep-well", optionCodes: ["0"], message: { en: "Ask about sleep." } }],
};

export function answersFrom(prefix: string, values: ReadonlyArray<number | undefined>): Record<string, string> {
  const answers: Record<string, string> = {};
  values.forEach((value, index) => {
    if (value !== undefined) answers[`${prefix}${index + 1}`] = String(value);
  });
  return answers;
}
