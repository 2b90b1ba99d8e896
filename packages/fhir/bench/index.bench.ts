// Converting 100,000 goals, and 100,000 responses with their scores, to FHIR and back, against
// JSON.stringify + JSON.parse of the same records as the floor. Both sides must give back equal
// records. Set FHIR_BENCH_RECORDS for a smaller run.
import { isDeepStrictEqual } from "node:util";
import { runBenchmarks } from "@selfmanage/test-kit/bench";
import { seededRandom } from "@selfmanage/test-kit/random";
import { compileInstrument, serviceExperienceQuestionnaire, type InstrumentResponse } from "@selfmanage/recovery";
import type { Goal } from "@selfmanage/goals";
import { fromFhir, goalToFhir, responseToQuestionnaireResponse, scoreToObservation } from "../src/index";

const count = Number(process.env.FHIR_BENCH_RECORDS ?? 100_000);
const random = seededRandom(12);
const areas = ["physical-health", "mental-wellbeing", "money", "housing"] as const;
const goals: Goal[] = Array.from({ length: count }, (_, index) => ({
  id: `goal-${index}`,
  person: `person-${(index % 5000).toString(16)}`,
  ownWords: `Walk to the park ${1 + Math.floor(random() * 5)} times a week`,
  lifeArea: areas[index % areas.length] as Goal["lifeArea"],
  expressedBy: "person",
  smart: { measure: "Times a week", targetDate: "2026-05-01" },
  steps: [{ id: "step-1", description: "Shoes by the door", owner: { role: "person" }, status: "done", completedOn: "2026-03-03" }],
  reviews: [{ date: "2026-03-16", progress: "Twice this week.", rating: Math.floor(random() * 11) }],
  lifecycleStatus: "active",
  created: { recordedBy: "practitioner-12", role: "practitioner", recordedAt: "2026-03-02T10:00:00Z" },
}));
const instrument = serviceExperienceQuestionnaire;
const compiled = compileInstrument(instrument);
const codes = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"];
const responses: InstrumentResponse[] = Array.from({ length: count }, (_, index) => ({
  instrumentId: instrument.id,
  instrumentVersion: instrument.version,
  id: `response-${index}`,
  respondent: `person-${index.toString(16)}`,
  completedAt: "2026-03-01T10:00:00Z",
  answers: Object.fromEntries(instrument.items.map((item) => [item.id, codes[Math.floor(random() * codes.length)] as string])),
}));

const goalsViaFhir = (): Goal[] => fromFhir(goals.flatMap(goalToFhir)).goals;
const responsesViaFhir = (): InstrumentResponse[] =>
  fromFhir(responses.flatMap((response) => [responseToQuestionnaireResponse(response, instrument), scoreToObservation(compiled.score(response), response, instrument)])).responses;

const results = runBenchmarks(
  "@selfmanage/fhir",
  [
    {
      name: `${count.toLocaleString("en-GB")} goals to FHIR and back`,
      baseline: { name: "JSON.stringify + JSON.parse", run: () => JSON.parse(JSON.stringify(goals)) as unknown },
      candidate: { name: "goalToFhir + fromFhir", run: goalsViaFhir },
      rounds: 3,
      check: () => {
        if (!isDeepStrictEqual(goalsViaFhir(), JSON.parse(JSON.stringify(goals)))) throw new Error("The goals did not come back equal.");
      },
    },
    {
      name: `${count.toLocaleString("en-GB")} responses with scores to FHIR and back`,
      baseline: { name: "JSON.stringify + JSON.parse", run: () => JSON.parse(JSON.stringify(responses)) as unknown },
      candidate: { name: "QuestionnaireResponse + score Observation + fromFhir", run: responsesViaFhir },
      rounds: 3,
      check: () => {
        if (!isDeepStrictEqual(responsesViaFhir(), JSON.parse(JSON.stringify(responses)))) throw new Error("The responses did not come back equal.");
      },
    },
  ],
);
for (const result of results) console.log(`@selfmanage/fhir | ${result.name}: ${Math.round(count / (result.candidateMedianMs / 1000)).toLocaleString("en-GB")} records/second to FHIR and back`);
