import { performance } from "node:perf_hooks";
import { agreementScale, Role } from "@selfmanage/core";
import { seededRandom } from "@selfmanage/test-kit/random";
import { fileURLToPath } from "node:url";
import { runBenchmarks, validationBenchmarks } from "@selfmanage/test-kit/bench";
import { builtInFrameworks, scoreAssessment, validateAssessment, validateFramework, type Assessment, type Framework } from "../src/index";

const PRINCIPLES = 8;
const INDICATORS_PER_PRINCIPLE = 5;
const MINIMUM = 5;

const framework: Framework = {
  id: "bench-40",
  title: { en: "Forty indicators" },
  scale: agreementScale,
  principles: Array.from({ length: PRINCIPLES }, (_, principle) => ({
    id: `principle-${principle}`,
    title: { en: `Principle ${principle}` },
    indicators: Array.from({ length: INDICATORS_PER_PRINCIPLE }, (_, indicator) => ({
      id: `indicator-${principle}-${indicator}`,
      statement: { en: `Statement ${principle}.${indicator}` },
      ...(indicator === 4 ? { reverse: true } : {}),
    })),
  })),
};


function generate(respondentCount: number, seed: number): Assessment {
  const random = seededRandom(seed);
  const options = agreementScale.options.map((option) => option.code);
  // Lived experience is the smallest group on purpose: parity has work to do. Carers are rare enough to be suppressed on some indicators.
  const perspectives: Role[] = ["person", "person", "practitioner", "practitioner", "practitioner", "practitioner", "manager", "volunteer", "peer-worker"];
  const respondents = Array.from({ length: respondentCount }, (_, index) => ({
    id: `r-${index}`,
    perspective: index < 6 ? "carer" : (perspectives[Math.floor(random() * perspectives.length)] as Role),
  }));
  const indicatorIds = framework.principles.flatMap((principle) => principle.indicators.map((indicator) => indicator.id));
  const ratings = respondents.flatMap((respondent) =>
    indicatorIds.map((indicatorId) => ({ respondentId: respondent.id, indicatorId, option: options[Math.floor(random() * options.length)] as string })),
  );
  return { id: `bench-${respondentCount}`, initiative: "bench", framework: framework.id, date: "2026-04-01", respondents, ratings, involvement: [] };
}

const USING = new Set<string>(["person", "carer"]);
const WIDTHS = [0.1, 0.2, 0.5, 1, 2, 2.5, 5, 10, 12.5, 20, 25, 50, 100];

/** A group mean as published: rounded to a width that shrinks with the group (one step of the five-point scale at the minimum). */
function published(sum: number, count: number): number {
  const needed = (25 * MINIMUM) / count;
  const width = WIDTHS.find((candidate) => candidate >= needed - 1e-9) ?? 100;
  return Math.round(Math.round(sum / count / width) * width * 1e6) / 1e6;
}

/** Half each to the two sides, perspectives equal within a side; null unless both sides are reported. */
function partnership(byRole: Map<string, number>): number | null {
  let using = 0;
  let usingCount = 0;
  let providing = 0;
  let providingCount = 0;
  for (const [role, score] of byRole) {
    if (USING.has(role)) {
      using += score;
      usingCount += 1;
    } else {
      providing += score;
      providingCount += 1;
    }
  }
  return usingCount === 0 || providingCount === 0 ? null : (using / usingCount + providing / providingCount) / 2;
}

/** The same overall and per-principle numbers as scoreAssessment (partnership parity, suppression, rounding), written as plain loops. */
function handWritten(assessment: Assessment): { overall: number | null; principles: (number | null)[] } {
  const percent: Record<string, number | null> = {};
  for (const option of agreementScale.options) percent[option.code] = option.value === undefined ? null : ((option.value - 1) / 4) * 100;
  const perspectiveOf: Record<string, string> = {};
  for (const respondent of assessment.respondents) perspectiveOf[respondent.id] = respondent.perspective;
  const sums: Record<string, Record<string, number>> = {};
  const counts: Record<string, Record<string, number>> = {};
  for (const role of Role.options) {
    sums[role] = {};
    counts[role] = {};
  }
  const reverse: Record<string, boolean> = {};
  for (const principle of framework.principles) for (const indicator of principle.indicators) reverse[indicator.id] = indicator.reverse === true;
  for (const rating of assessment.ratings) {
    const value = percent[rating.option];
    if (value === null || value === undefined) continue;
    const role = perspectiveOf[rating.respondentId] as string;
    const roleSums = sums[role] as Record<string, number>;
    const roleCounts = counts[role] as Record<string, number>;
    roleSums[rating.indicatorId] = (roleSums[rating.indicatorId] ?? 0) + (reverse[rating.indicatorId] ? 100 - value : value);
    roleCounts[rating.indicatorId] = (roleCounts[rating.indicatorId] ?? 0) + 1;
  }
  const principles: (number | null)[] = [];
  const roleTotals = new Map<string, { total: number; principles: number }>();
  for (const principle of framework.principles) {
    const byRole = new Map<string, number>();
    for (const role of Role.options) {
      let groupTotal = 0;
      let reported = 0;
      for (const indicator of principle.indicators) {
        const count = (counts[role] as Record<string, number>)[indicator.id] ?? 0;
        if (count < MINIMUM) continue;
        groupTotal += published((sums[role] as Record<string, number>)[indicator.id] as number, count);
        reported += 1;
      }
      if (reported === 0) continue;
      byRole.set(role, groupTotal / reported);
      const running = roleTotals.get(role) ?? { total: 0, principles: 0 };
      roleTotals.set(role, { total: running.total + groupTotal / reported, principles: running.principles + 1 });
    }
    principles.push(partnership(byRole));
  }
  const overallByRole = new Map([...roleTotals].map(([role, running]) => [role, running.total / running.principles]));
  return { overall: partnership(overallByRole), principles };
}

function agree(assessment: Assessment): void {
  const candidate = scoreAssessment(assessment, framework, { minimumRespondents: MINIMUM });
  const baseline = handWritten(assessment);
  const close = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && Math.abs(a - b) < 1e-9);
  if (!close(candidate.overall.score, baseline.overall)) throw new Error("The overall scores differ between scoreAssessment and the hand-written loop.");
  candidate.principles.forEach((principle, index) => {
    if (!close(principle.score, baseline.principles[index] ?? null)) throw new Error(`Principle ${index} differs between scoreAssessment and the hand-written loop.`);
  });
}

function medianMs(run: () => unknown, rounds: number): number {
  run();
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const full = generate(10_000, 20260401);
const growth: Record<string, number | string> = {};
for (const size of [2_500, 5_000, 10_000]) {
  const data = size === 10_000 ? full : generate(size, 20260401 + size);
  agree(data);
  const ms = medianMs(() => scoreAssessment(data, framework, { minimumRespondents: MINIMUM }), 7);
  growth[`scoreAssessment ms at ${size} respondents`] = Number(ms.toFixed(2));
  growth[`microseconds per rating at ${size} respondents`] = Number(((ms * 1000) / (size * 40)).toFixed(4));
}

// Both record kinds against ajv compiled from the package's own JSON Schemas.
const schemaFile = (name: string) => fileURLToPath(new URL(`../schemas/${name}.json`, import.meta.url));
const breakRecord = (record: object, field: string, position: number) => ({ ...record, [field]: position % 2 === 0 ? 42 : ["not", "this"], [`unknown${position % 3}`]: true });
const frameworks = Array.from({ length: 500 }, (_, position) => ({ ...structuredClone([framework, ...builtInFrameworks][position % (builtInFrameworks.length + 1)] as Framework), id: `framework-${position}` }));
const assessments = Array.from({ length: 40 }, (_, position) => generate(50, 20260500 + position));
const validation = await validationBenchmarks([
  { kind: "coproduction-framework", schemaFile: schemaFile("framework"), validate: validateFramework, valid: frameworks, invalid: frameworks.map((record, position) => breakRecord(record, "title", position)) },
  {
    kind: "coproduction-assessment (50 respondents)",
    schemaFile: schemaFile("assessment"),
    validate: (input: unknown) => validateAssessment(input, framework),
    valid: assessments,
    invalid: assessments.map((record, position) => breakRecord(record, "date", position)),
  },
]);

runBenchmarks(
  "@selfmanage/coproduction",
  [
    ...validation,
    {
      name: "score 10,000 respondents x 40 indicators",
      baseline: { name: "hand-written loop", run: () => handWritten(full) },
      candidate: { name: "scoreAssessment", run: () => scoreAssessment(full, framework, { minimumRespondents: MINIMUM }) },
      rounds: 11,
      target: { maxRatio: 1.5 },
      check: () => agree(full),
    },
  ],
  { "score 10,000 respondents x 40 indicators": growth },
);
console.log(growth);
