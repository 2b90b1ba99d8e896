// Converting 100,000 goals, and 100,000 responses with their scores, to FHIR R4 and back, timed
// side by side with JSON.stringify + JSON.parse of the same records (the floor: no mapping can
// copy records faster than that). The records that come back must equal the records that went in.
// The issue sets no speed target, so this prints the figures and ratios, and no verdict.
// Set FHIR_BENCH_RECORDS for a smaller run, FHIR_BENCH_ROUNDS for more or fewer rounds.
import { isDeepStrictEqual } from "node:util";
import { performance } from "node:perf_hooks";
import { writeBenchFigures } from "@selfmanage/test-kit/bench";
import { seededRandom } from "@selfmanage/test-kit/random";
import { compileInstrument, serviceExperienceQuestionnaire, type InstrumentResponse } from "@selfmanage/recovery";
import type { Goal } from "@selfmanage/goals";
import { fromFhir, goalToFhir, responseToQuestionnaireResponse, scoreToObservation, type FhirResource } from "../src/index";

const count = Number(process.env.FHIR_BENCH_RECORDS ?? 100_000);
const rounds = Number(process.env.FHIR_BENCH_ROUNDS ?? 3);
const random = seededRandom(12);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const areas = ["physical-health", "mental-wellbeing", "money", "housing", "relationships"] as const;
const levels = [-2, -1, 0, 1, 2] as const;
function generatedGoal(index: number): Goal {
  const withGas = index % 3 === 0;
  return {
    id: `goal-${index}`,
    person: `person-${(index % 5000).toString(16)}`,
    ownWords: `Walk to the park ${1 + Math.floor(random() * 5)} times a week`,
    lifeArea: pick(areas),
    expressedBy: index % 4 === 0 ? "practitioner" : "person",
    ...(index % 2 === 0 ? { supports: [{ description: "My sister", role: "carer" as const }], barriers: ["Bad weather"] } : {}),
    smart: { targetActivity: "Walking", measure: "Times a week", targetDate: "2026-05-01" },
    ...(index % 5 === 0 ? { readiness: { importance: Math.floor(random() * 11), confidence: Math.floor(random() * 11), recordedOn: "2026-03-02" } } : {}),
    steps: [
      { id: "step-1", description: "Shoes by the door", owner: { role: "person" }, status: "done", completedOn: "2026-03-03" },
      { id: "step-2", description: "Find a walking group", owner: { role: "practitioner", reference: "practitioner-12" }, status: "to-do", dueDate: "2026-03-20" },
    ],
    reviews: [{ date: "2026-03-16", progress: "Twice this week.", rating: Math.floor(random() * 11), ...(withGas ? { gasLevel: pick(levels) } : {}) }],
    ...(withGas ? { gas: { levels: levels.map((level) => ({ level, description: `Walk ${level + 3} times a week` })), baseline: -2 as const, importance: 2, difficulty: 1 } } : {}),
    lifecycleStatus: "active",
    created: { recordedBy: "practitioner-12", role: "practitioner", recordedAt: "2026-03-02T10:00:00Z" },
    ...(index % 7 === 0 ? { history: [{ from: "proposed" as const, to: "active" as const, reason: "Agreed at the first session", provenance: { recordedBy: "practitioner-12", role: "practitioner" as const, recordedAt: "2026-03-02T10:05:00Z" } }] } : {}),
  };
}

const instrument = serviceExperienceQuestionnaire;
const scorer = compileInstrument(instrument);
const codes = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"];
function generatedResponse(index: number): InstrumentResponse {
  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    id: `response-${index}`,
    respondent: `person-${index.toString(16)}`,
    completedAt: "2026-03-01T10:00:00Z",
    answers: Object.fromEntries(instrument.items.map((item) => [item.id, pick(codes)])),
  };
}

interface Case<T> {
  readonly name: string;
  readonly records: readonly T[];
  readonly toFhir: (records: readonly T[]) => FhirResource[];
  readonly back: (resources: FhirResource[]) => { records: T[]; issues: number };
}

const goalCase: Case<Goal> = {
  name: `${count.toLocaleString("en-GB")} goals`,
  records: Array.from({ length: count }, (_, index) => generatedGoal(index)),
  toFhir: (records) => records.flatMap(goalToFhir),
  back: (resources) => {
    const read = fromFhir(resources);
    return { records: read.goals, issues: read.issues.length };
  },
};

const responseCase: Case<InstrumentResponse> = {
  name: `${count.toLocaleString("en-GB")} responses with their scores`,
  records: Array.from({ length: count }, (_, index) => generatedResponse(index)),
  toFhir: (records) => records.flatMap((response) => [responseToQuestionnaireResponse(response, instrument), scoreToObservation(scorer.score(response), response, instrument)]),
  back: (resources) => {
    const read = fromFhir(resources);
    return { records: read.responses, issues: read.issues.length };
  },
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function timed<R>(work: () => R): { result: R; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

const perSecond = (records: number, ms: number): number => Math.round(records / (ms / 1000));
const figure = (value: number): string => value.toLocaleString("en-GB");

function run<T>(benchCase: Case<T>) {
  const { records } = benchCase;
  // Warm up both sides on a slice, so the timed rounds measure compiled code.
  const warm = records.slice(0, Math.min(2_000, records.length));
  benchCase.back(benchCase.toFhir(warm));
  JSON.parse(JSON.stringify(warm));
  const toMs: number[] = [];
  const backMs: number[] = [];
  const floorMs: number[] = [];
  let equal = true;
  let resources = 0;
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which side goes first, so neither always meets a warmer or a fuller heap.
    const floorFirst = round % 2 === 0;
    const floor = (): void => {
      const copy = timed(() => JSON.parse(JSON.stringify(records)) as unknown);
      floorMs.push(copy.ms);
      if (!isDeepStrictEqual(copy.result, records)) throw new Error("JSON.stringify + JSON.parse did not give the records back.");
    };
    if (floorFirst) floor();
    const out = timed(() => benchCase.toFhir(records));
    const back = timed(() => benchCase.back(out.result));
    toMs.push(out.ms);
    backMs.push(back.ms);
    resources = out.result.length;
    if (back.result.issues > 0 || !isDeepStrictEqual(back.result.records, records)) equal = false;
    if (!floorFirst) floor();
  }
  if (!equal) throw new Error(`${benchCase.name}: the records did not come back from FHIR equal to the records that went in.`);
  const to = median(toMs);
  const back = median(backMs);
  const total = median(toMs.map((ms, index) => ms + (backMs[index] as number)));
  const floor = median(floorMs);
  const figures = {
    name: `${benchCase.name} to FHIR and back`,
    records: records.length,
    resources,
    rounds,
    toFhirMedianMs: to,
    fromFhirMedianMs: back,
    roundTripMedianMs: total,
    jsonFloorMedianMs: floor,
    roundTripRecordsPerSecond: perSecond(records.length, total),
    toFhirRecordsPerSecond: perSecond(records.length, to),
    fromFhirRecordsPerSecond: perSecond(records.length, back),
    jsonFloorRecordsPerSecond: perSecond(records.length, floor),
    timesTheFloor: total / floor,
    roundTripEqual: equal,
  };
  console.log(
    `@selfmanage/fhir | ${figures.name} (${figure(resources)} resources, median of ${rounds}): ` +
      `${figure(figures.roundTripRecordsPerSecond)} records/s round trip in ${(total / 1000).toFixed(2)} s ` +
      `(to FHIR ${figure(figures.toFhirRecordsPerSecond)} records/s, back ${figure(figures.fromFhirRecordsPerSecond)} records/s); ` +
      `JSON.stringify + JSON.parse ${figure(figures.jsonFloorRecordsPerSecond)} records/s in ${(floor / 1000).toFixed(2)} s; ` +
      `${figures.timesTheFloor.toFixed(1)}x the floor's time; every record came back equal`,
  );
  return figures;
}

const started = performance.now();
const results = [run(goalCase), run(responseCase)];
writeBenchFigures("@selfmanage/fhir", results);
console.log(`@selfmanage/fhir | whole benchmark: ${((performance.now() - started) / 1000).toFixed(0)} s on Node ${process.version}`);
