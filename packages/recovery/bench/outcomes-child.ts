import { performance } from "node:perf_hooks";
import { classifyEpisode, buildOutcomeSummary, compileInstrument, countEpisode, createOutcomeTracker, emptyCounts, gad7, nhsTalkingTherapiesRules, periodOf, phq9, type OutcomeMeasurement, type RawOutcomeGroup } from "../src/index";
import { generateResponses } from "./outcomes-data";

// One run in its own process, so that its peak memory (RSS) is its own: `tsx outcomes-child.ts <streaming|sorted|naive> <responses>`.
const [mode = "streaming", totalText = "1000000"] = process.argv.slice(2);
const total = Number(totalText);
const compiled = new Map([phq9, gad7].map((definition) => [definition.id, compileInstrument(definition)]));
const options = { period: "financial-year" as const, minimumCount: 5 };

function* measurements(concurrent: number): Generator<OutcomeMeasurement> {
  for (const { episode, service, response } of generateResponses(total, concurrent)) {
    const score = (compiled.get(response.instrumentId) as ReturnType<typeof compileInstrument>).score(response);
    yield { episode, service, instrumentId: response.instrumentId, completedAt: response.completedAt as string, total: score.total };
  }
}

/** What a developer might write without the tracker: collect everything, group by episode, sort each episode by time. */
function naive(): unknown {
  const all: OutcomeMeasurement[] = [];
  for (const measurement of measurements(1000)) all.push(measurement);
  const byEpisode = new Map<string, OutcomeMeasurement[]>();
  for (const measurement of all) {
    const list = byEpisode.get(measurement.episode);
    if (list === undefined) byEpisode.set(measurement.episode, [measurement]);
    else list.push(measurement);
  }
  const groups = new Map<string, RawOutcomeGroup>();
  let notScored = 0;
  for (const list of byEpisode.values()) {
    const scored = list.filter((measurement) => measurement.total !== null);
    notScored += list.length - scored.length;
    scored.sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
    const scores: Record<string, { first: number | null; last: number | null }> = {};
    for (const measure of nhsTalkingTherapiesRules.measures) {
      const own = scored.filter((measurement) => measurement.instrumentId === measure.instrumentId);
      scores[measure.instrumentId] = { first: own[0]?.total ?? null, last: own.length > 1 ? (own[own.length - 1]?.total ?? null) : null };
    }
    const end = scored[scored.length - 1]?.completedAt ?? list.reduce((latest, measurement) => (Date.parse(measurement.completedAt) > Date.parse(latest) ? measurement.completedAt : latest), (list[0] as OutcomeMeasurement).completedAt);
    const service = (list[0] as OutcomeMeasurement).service ?? null;
    const period = periodOf(end, options.period);
    const key = `${service}|${period}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { service, period, counts: emptyCounts() };
      groups.set(key, group);
    }
    countEpisode(group.counts, classifyEpisode(scores, nhsTalkingTherapiesRules));
  }
  return buildOutcomeSummary([...groups.values()], { rulesId: nhsTalkingTherapiesRules.id, ...options, responses: all.length, ignored: 0, notScored });
}

function streaming(concurrent: number): { summary: unknown; mostOpen: number } {
  const tracker = createOutcomeTracker(nhsTalkingTherapiesRules, { ...options, sortedByEpisode: concurrent === 1 });
  let mostOpen = 0;
  let count = 0;
  for (const measurement of measurements(concurrent)) {
    tracker.add(measurement);
    if ((count++ & 0xffff) === 0) mostOpen = Math.max(mostOpen, tracker.openEpisodes());
  }
  mostOpen = Math.max(mostOpen, tracker.openEpisodes());
  return { summary: tracker.finish(), mostOpen };
}

const start = performance.now();
const result = mode === "naive" ? { summary: naive(), mostOpen: null } : streaming(mode === "sorted" ? 1 : 1000);
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ mode, responses: total, ms, peakRssMb: process.resourceUsage().maxRSS / 1024, mostOpenEpisodes: result.mostOpen, summary: result.summary })}\n`);
