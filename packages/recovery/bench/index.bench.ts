import { seededRandom } from "@selfmanage/test-kit/random";
import { runBenchmarks } from "@selfmanage/test-kit/bench";
import { compileInstrument, type InstrumentDefinition, type InstrumentResponse } from "../src/index";

// A 15-item instrument scored 0-4 with two reversed items, prorating (at least 12 answered) and bands.
const ITEMS = 15;
const REVERSED = new Set([4, 11]);
const options = ["never", "rarely", "sometimes", "often", "always"];
const instrument: InstrumentDefinition = {
  id: "bench-15",
  version: "1.0.0",
  title: { en: "Benchmark instrument" },
  scales: [{ id: "frequency", options: options.map((code, value) => ({ code, value, label: { en: code } })) }],
  items: Array.from({ length: ITEMS }, (_, index) => ({ id: `item-${index + 1}`, text: { en: `Item ${index + 1}` }, scale: "frequency", ...(REVERSED.has(index) ? { reverse: true } : {}) })),
  scoring: {
    method: "sum",
    missingData: { kind: "prorate", minimumAnswered: 12 },
    direction: "higher-is-better",
    bands: [
      { id: "low", label: { en: "Low" }, min: 0, max: 20 },
      { id: "middle", label: { en: "Middle" }, min: 21, max: 40 },
      { id: "high", label: { en: "High" }, min: 41, max: 60 },
    ],
  },
};


const random = seededRandom(20260321); // the same responses on every run
const RESPONSES = 100_000;
const itemIds = instrument.items.map((item) => item.id);
const responses: InstrumentResponse[] = Array.from({ length: RESPONSES }, (_, index) => {
  const answers: Record<string, string> = {};
  for (const id of itemIds) if (random() > 0.04) answers[id] = options[Math.floor(random() * 5)] as string;
  return { instrumentId: "bench-15", instrumentVersion: "1.0.0", id: `r-${index}`, answers };
});

// The hand-written loop for exactly this instrument: what a developer would write without the engine.
const VALUE: Record<string, number> = { never: 0, rarely: 1, sometimes: 2, often: 3, always: 4 };
function handScore(response: InstrumentResponse): { total: number | null; band: string | undefined } {
  let sum = 0;
  let answered = 0;
  for (let index = 0; index < ITEMS; index += 1) {
    const code = response.answers[itemIds[index] as string];
    if (code === undefined) continue;
    const value = VALUE[code] as number;
    sum += REVERSED.has(index) ? 4 - value : value;
    answered += 1;
  }
  if (answered < 12) return { total: null, band: undefined };
  const total = (sum * ITEMS) / answered;
  return { total, band: total >= 41 ? "high" : total >= 21 ? "middle" : "low" };
}

const compiled = compileInstrument(instrument);
let sink = 0;

runBenchmarks("@selfmanage/recovery", [
  {
    name: "score 100,000 responses to a 15-item instrument",
    baseline: {
      name: "hand-written loop",
      run: () => {
        for (const response of responses) sink += handScore(response).total ?? 0;
      },
    },
    candidate: {
      name: "compileInstrument().score",
      run: () => {
        for (const response of responses) sink += compiled.score(response).total ?? 0;
      },
    },
    target: { maxRatio: 2 },
    check: () => {
      for (const response of responses) {
        const expected = handScore(response);
        const actual = compiled.score(response);
        if (actual.total !== expected.total || actual.band?.id !== expected.band) {
          throw new Error(`Scores differ for ${response.id}: ${actual.total} / ${actual.band?.id} vs ${expected.total} / ${expected.band}`);
        }
      }
    },
  },
]);
if (sink === 42) console.log("");
