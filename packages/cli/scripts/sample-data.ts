/**
 * The demo's sample data, generated deterministically: the same output on every run and machine.
 * Everything here is fictional. `make-sample-data.ts` writes it to sample-data/, and a test
 * checks that the committed files equal a fresh generation.
 */
import type { Assessment } from "@selfmanage/coproduction";
import { nefPrinciplesFramework } from "@selfmanage/coproduction";
import type { CoachingCourse, GasSet, Goal, WellnessRecoveryActionPlan } from "@selfmanage/goals";
import type { IndicatorAssessment, InstrumentDefinition, InstrumentResponse } from "@selfmanage/recovery";
import { recoveryIndicatorSet } from "@selfmanage/recovery";
import type { Directory, Service, SignpostingEvent } from "@selfmanage/signposting";
import { seededRandom } from "@selfmanage/test-kit/random";
// The generator is a test helper of the signposting package, not part of what it publishes.
import { generateSyntheticDirectory } from "../../signposting/test/synthetic";
import { samplePractice } from "./sample-practice";

/** How many services the sample directory holds. */
export const SAMPLE_SERVICE_COUNT = 2500;
const SEED = 20260430;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A five-point agreement answer leaning towards `centre` (1-5), sometimes not applicable or don't know. */
function agreement(random: () => number, centre: number): string {
  const roll = random();
  if (roll < 0.04) return "not-applicable";
  if (roll < 0.08) return "dont-know";
  const value = Math.min(5, Math.max(1, Math.round(centre + (random() + random() + random() - 1.5) * 1.3)));
  return ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"][value - 1] as string;
}

const practitioner = (at: string) => ({ recordedBy: "practitioner-0042", role: "practitioner" as const, recordedAt: at });
const person = "person-demo-4821";

/** One person's goals: walking (active, GAS, reviews), sleep (check-in overdue), cooking (completed). */
export function sampleGoals(): Goal[] {
  const walkScale = {
    baseline: -2 as const,
    importance: 3,
    difficulty: 2,
    levels: [
      { level: -2 as const, description: "Not leaving the house on most days." },
      { level: -1 as const, description: "Walking to the end of the street once a week." },
      { level: 0 as const, description: "Walking to the park twice a week." },
      { level: 1 as const, description: "Walking to the park three times a week, once without company." },
      { level: 2 as const, description: "Joining the Saturday walking group." },
    ],
  };
  const sleepScale = {
    baseline: -2 as const,
    importance: 2,
    difficulty: 2,
    levels: [
      { level: -2 as const, description: "Awake most of the night on most nights." },
      { level: -1 as const, description: "Sleeping through two nights a week." },
      { level: 0 as const, description: "Sleeping through three nights a week." },
      { level: 1 as const, description: "Sleeping through four or five nights a week." },
      { level: 2 as const, description: "Sleeping through most nights." },
    ],
  };
  return [
    {
      id: "goal-walk-to-the-park",
      person,
      ownWords: "I want to get out of the house and walk to the park again, like I used to with the dog.",
      lifeArea: "physical-health",
      expressedBy: "person",
      supports: [{ description: "My neighbour Sam could walk with me at first", role: "carer" }, { description: "A local walking group" }],
      barriers: ["Sore knees in the cold", "Worry about being out on my own"],
      smart: {
        targetActivity: "Walk to the park and back",
        supportNeeded: "Company for the first few walks",
        measure: "Number of walks each week, noted on the calendar",
        startDate: "2026-02-02",
        targetDate: "2026-04-27",
        timePeriod: "Over the next twelve weeks",
      },
      readiness: { importance: 9, confidence: 6, recordedOn: "2026-02-02" },
      steps: [
        { id: "step-shoes", description: "Put my walking shoes by the door", owner: { role: "person" }, dueDate: "2026-02-04", status: "done", completedOn: "2026-02-03" },
        { id: "step-route", description: "Plan a flat route with benches", owner: { role: "practitioner" }, dueDate: "2026-02-09", status: "done", completedOn: "2026-02-09" },
        { id: "step-group", description: "Ask about the Saturday walking group", owner: { role: "person" }, dueDate: "2026-05-02", status: "to-do" },
      ],
      reviews: [
        { date: "2026-02-23", progress: "Walked to the end of the street twice with Sam.", rating: 3, whatHelped: "Going straight after breakfast.", whatGotInTheWay: "Icy pavements.", nextStep: "Try the park with Sam.", achievementStatus: "improving", gasLevel: -1 },
        { date: "2026-03-23", progress: "Got to the park twice most weeks.", rating: 6, whatHelped: "The benches on the way.", nextStep: "Try one walk on my own.", achievementStatus: "improving", gasLevel: 0 },
        { date: "2026-04-20", progress: "Three walks a week, one on my own.", rating: 8, whatHelped: "Feeling stronger.", nextStep: "Ask about the walking group.", achievementStatus: "improving", gasLevel: 1 },
      ],
      nextReviewDue: "2026-05-18",
      gas: walkScale,
      lifecycleStatus: "active",
      achievementStatus: "improving",
      created: practitioner("2026-02-02T10:00:00+00:00"),
      history: [{ from: "proposed", to: "active", achievementStatus: "in-progress", reason: "Agreed together at the first coaching session.", provenance: practitioner("2026-02-02T10:20:00+00:00") }],
    },
    {
      id: "goal-sleep-through",
      person,
      ownWords: "Sleep through more nights so I have energy in the mornings.",
      lifeArea: "rest-and-sleep",
      expressedBy: "person",
      smart: { targetActivity: "A wind-down routine from 10pm", measure: "Nights slept through, in my notebook", startDate: "2026-02-16", timePeriod: "Over the next two months" },
      readiness: { importance: 7, confidence: 5, recordedOn: "2026-02-16" },
      steps: [{ id: "step-screens", description: "Phone off at 10pm", owner: { role: "person" }, dueDate: "2026-02-20", status: "done", completedOn: "2026-02-21" }],
      reviews: [{ date: "2026-03-09", progress: "Slept through two nights most weeks.", rating: 4, whatGotInTheWay: "Worrying at night.", achievementStatus: "in-progress", gasLevel: -1 }],
      nextReviewDue: "2026-04-06",
      gas: sleepScale,
      lifecycleStatus: "active",
      achievementStatus: "in-progress",
      created: practitioner("2026-02-16T10:00:00+00:00"),
      history: [{ from: "proposed", to: "active", reason: "Chosen as a second goal once walking had started.", provenance: practitioner("2026-02-16T10:15:00+00:00") }],
    },
    {
      id: "goal-cook-with-family",
      person,
      ownWords: "Cook a Sunday meal with my grandchildren.",
      lifeArea: "relationships",
      expressedBy: "person",
      supports: [{ description: "My daughter will bring the children over", role: "carer" }],
      smart: { targetActivity: "Cook one Sunday meal together", measure: "The meal happens", startDate: "2026-02-02", targetDate: "2026-03-29" },
      steps: [{ id: "step-recipe", description: "Choose an easy recipe together", owner: { role: "person" }, dueDate: "2026-03-01", status: "done", completedOn: "2026-02-28" }],
      reviews: [{ date: "2026-03-30", progress: "We made soup and a crumble. Everyone had seconds.", rating: 10, whatHelped: "Planning it over the phone first.", achievementStatus: "achieved" }],
      lifecycleStatus: "completed",
      achievementStatus: "achieved",
      created: practitioner("2026-02-02T10:30:00+00:00"),
      history: [
        { from: "proposed", to: "active", reason: "Agreed at the first coaching session.", provenance: practitioner("2026-02-02T10:35:00+00:00") },
        { from: "active", to: "completed", achievementStatus: "achieved", reason: "The meal happened on 29 March.", provenance: practitioner("2026-03-30T11:00:00+01:00") },
      ],
    },
  ];
}

/** The Goal Attainment Scaling results of the person's two scaled goals. */
export function sampleGasSet(): GasSet {
  return {
    id: "gas-demo-spring-2026",
    person,
    periodStart: "2026-02-02",
    periodEnd: "2026-04-27",
    entries: [
      { goalId: "goal-walk-to-the-park", importance: 3, difficulty: 2, attainedLevel: 1 },
      { goalId: "goal-sleep-through", importance: 2, difficulty: 2, attainedLevel: -1 },
    ],
  };
}

/** The health coaching course behind the walking and sleep goals: three GROW sessions. */
export function sampleCoachingCourse(): CoachingCourse {
  return {
    id: "course-demo-spring-2026",
    person,
    coach: "coach-0042",
    goalIds: ["goal-walk-to-the-park", "goal-sleep-through"],
    sessions: [
      {
        number: 1,
        date: "2026-02-02",
        durationMinutes: 55,
        grow: {
          goal: "Get out of the house more, starting with short walks.",
          reality: "Mostly indoors since the winter; knees sore in the cold.",
          options: "A flat route with benches; walking with a neighbour; a walking group later on.",
          wayForward: "Shoes by the door, and one walk to the end of the street with Sam.",
        },
        agreedActions: [
          { id: "action-shoes", description: "Shoes by the door", owner: "person", dueDate: "2026-02-04" },
          { id: "action-route", description: "Find a flat route with benches", owner: "practitioner", dueDate: "2026-02-09" },
        ],
        goalIds: ["goal-walk-to-the-park"],
      },
      {
        number: 2,
        date: "2026-02-16",
        durationMinutes: 45,
        reviewOfLastActions: [
          { actionId: "action-shoes", outcome: "done" },
          { actionId: "action-route", outcome: "done" },
        ],
        grow: {
          goal: "Keep walking, and sleep better.",
          reality: "Two short walks; awake most nights.",
          options: "A wind-down routine; phone off earlier; writing worries down.",
          wayForward: "Phone off at 10pm and a notebook by the bed.",
        },
        agreedActions: [{ id: "action-phone", description: "Phone off at 10pm", owner: "person", dueDate: "2026-02-20" }],
        goalIds: ["goal-sleep-through"],
      },
      {
        number: 3,
        date: "2026-03-23",
        durationMinutes: 50,
        reviewOfLastActions: [{ actionId: "action-phone", outcome: "partly-done", note: "Most nights, not at weekends." }],
        grow: {
          goal: "Walk to the park on my own once.",
          reality: "Twice a week to the park with Sam.",
          options: "Go at a quiet time; take the phone; sit on the bench halfway.",
          wayForward: "One walk alone on a dry morning.",
        },
        agreedActions: [{ id: "action-alone", description: "One walk to the park alone", owner: "person", dueDate: "2026-04-06" }],
      },
    ],
  };
}

/** The person's Wellness Recovery Action Plan, in their words. */
export function sampleWrap(): WellnessRecoveryActionPlan {
  return {
    id: "wrap-demo-2026",
    owner: person,
    provenance: { recordedBy: person, role: "person", recordedAt: "2026-02-20T18:30:00+00:00" },
    wellnessToolbox: ["A walk to the park", "Ringing my daughter", "Gardening in the back green"],
    dailyMaintenance: { whenWell: ["Up with the radio on", "Keen to see people"], everyDay: ["Breakfast before 9", "Some fresh air"], reminders: ["Repeat prescription on the 1st"] },
    triggers: { signs: ["Anniversaries", "Long spells of bad weather"], actionPlan: ["Plan something for the day", "Ask Sam to walk with me"] },
    earlyWarningSigns: { signs: ["Skipping meals", "Leaving the curtains shut"], actionPlan: ["Use the toolbox twice a day", "Tell my daughter"] },
    breakingDown: { signs: ["Not sleeping for three nights"], actionPlan: ["Call the GP practice", "Ask my daughter to stay over"] },
    crisisPlan: {
      signsOthersTakeOver: ["Not answering the door for days"],
      supporters: [{ description: "My daughter", reference: "supporter-daughter", tasks: ["Feed the cat", "Call the GP practice"] }],
      notInvolved: [{ description: "A neighbour I do not get on with", reference: "contact-neighbour" }],
      treatmentsThatHelp: ["A quiet room"],
      whatHelps: ["Plain words and time to answer"],
      signsPlanNoLongerNeeded: ["Eating and sleeping again"],
    },
    postCrisisPlan: { signsOfRecovery: ["Wanting to garden"], supports: ["The peer support group"], actionPlan: ["Short walks first"] },
  };
}

/** Signposting events that point to services in the sample directory; pseudonymous people only. */
export function sampleSignpostingEvents(directory: Directory, count = 40): SignpostingEvent[] {
  const random = seededRandom(SEED + 4);
  const outcomes = ["attended", "not-attended", "declined", "unknown"] as const;
  return Array.from({ length: count }, (_, index) => {
    const service = pick(random, directory.services);
    const method = pick(random, ["information", "warm-handover", "referral"] as const);
    const day = String(1 + (index % 27)).padStart(2, "0");
    const occurredAt = `2026-03-${day}T1${index % 6}:00:00+00:00`;
    const shared = method !== "information";
    return {
      id: `event-${String(index + 1).padStart(3, "0")}`,
      person: `person-${(index * 104729 + 7).toString(36)}`,
      occurredAt,
      organisationId: service.organisationId ?? "org-000000",
      practitioner: { id: `staff-${1 + (index % 5)}`, role: "practitioner" as const },
      needs: [{ category: pick(random, service.categories) }],
      services: [{ serviceId: service.id, method }],
      consent: shared ? { given: true, scope: ["share-with-service" as const, "follow-up" as const], recordedAt: occurredAt } : { given: false, scope: [], recordedAt: occurredAt },
      ...(shared ? { followUps: [{ outcome: pick(random, outcomes), recordedAt: `2026-04-${day}T10:00:00+01:00`, serviceId: service.id }] } : {}),
    };
  });
}

/**
 * A co-production assessment of a fictional peer support hub against the NEF principles:
 * people with lived experience, practitioners and carers in numbers that are reported, and
 * two managers, too few to report (suppressed).
 */
export function sampleCoproductionAssessment(): Assessment {
  const random = seededRandom(SEED + 1);
  const groups = [
    { perspective: "person" as const, count: 9, centre: 3.4 },
    { perspective: "practitioner" as const, count: 7, centre: 4.1 },
    { perspective: "carer" as const, count: 5, centre: 3.0 },
    { perspective: "peer-worker" as const, count: 5, centre: 3.8 },
    { perspective: "manager" as const, count: 2, centre: 4.4 },
  ];
  const respondents = groups.flatMap((group) => Array.from({ length: group.count }, (_, index) => ({ id: `respondent-${group.perspective}-${index + 1}`, perspective: group.perspective })));
  const indicators = nefPrinciplesFramework.principles.flatMap((principle) => principle.indicators.map((indicator) => ({ principleId: principle.id, indicatorId: indicator.id })));
  // Each principle leans differently, so the chart has a shape: networks strong, blurring roles weak.
  const lean: Record<string, number> = { assets: 0.2, capacity: 0.1, mutuality: -0.2, networks: 0.5, "blurring-roles": -0.8, catalysts: 0 };
  const ratings = respondents.flatMap((respondent) => {
    const centre = groups.find((group) => group.perspective === respondent.perspective)?.centre ?? 3;
    return indicators.map(({ principleId, indicatorId }) => ({ respondentId: respondent.id, indicatorId, option: agreement(random, centre + (lean[principleId] ?? 0)) }));
  });
  return {
    id: "assessment-hub-2026-spring",
    initiative: "fictional-peer-support-hub",
    framework: nefPrinciplesFramework.id,
    date: "2026-04-15",
    respondents,
    ratings,
    involvement: [
      { stage: "design", perspective: "person", level: "co-design" },
      { stage: "design", perspective: "practitioner", level: "co-design" },
      { stage: "delivery", perspective: "person", level: "co-production" },
      { stage: "delivery", perspective: "peer-worker", level: "co-production" },
      { stage: "delivery", perspective: "practitioner", level: "co-production" },
      { stage: "evaluation", perspective: "person", level: "consultation" },
      { stage: "evaluation", perspective: "carer", level: "informing" },
      { stage: "evaluation", perspective: "manager", level: "co-production" },
    ],
  };
}

const WRITTEN_SOURCES = new Set(recoveryIndicatorSet.evidenceSources.filter((source) => source.kind === "documentary").map((source) => source.id));

function indicatorCycle(cycle: number, random: () => number, lift: number): IndicatorAssessment {
  const ratings = recoveryIndicatorSet.indicators.flatMap((indicator, indicatorIndex) =>
    indicator.statements.flatMap((statement) => {
      const sources = statement.sources ?? recoveryIndicatorSet.evidenceSources.map((source) => source.id);
      return sources.map((sourceId) => {
        const written = WRITTEN_SOURCES.has(sourceId);
        // A few documentary ratings lack written evidence, so the summary has something to set aside.
        const evidenceKind = written ? (random() < 0.9 ? ("written" as const) : ("spoken" as const)) : ("spoken" as const);
        const option = agreement(random, 2.6 + ((indicatorIndex * 7) % 10) / 6 + lift);
        return { statementId: statement.id, sourceId, rating: option, evidenceKind };
      });
    }),
  );
  return {
    id: `recovery-indicators-cycle-${cycle}`,
    indicatorSetId: recoveryIndicatorSet.id,
    indicatorSetVersion: recoveryIndicatorSet.version,
    service: "fictional-community-mental-health-team",
    cycle,
    periodStart: cycle === 1 ? "2025-09-01" : "2026-03-01",
    periodEnd: cycle === 1 ? "2025-10-31" : "2026-04-30",
    ratings,
  };
}

/** Two cycles of a fictional service's recovery indicator self-assessment, six months apart. */
export function sampleIndicatorAssessments(): IndicatorAssessment[] {
  const random = seededRandom(SEED + 2);
  return [indicatorCycle(1, random, 0), indicatorCycle(2, random, 0.45)];
}

/**
 * A service-written definition following the published scoring of a nine-item mood measure
 * (items 0-3, total 0-27, five bands, prorating with at most two items missing, an alert on the
 * last item). The item wording is deliberately not included: a service uses its licensed copy.
 */
export function sampleInstrument(): InstrumentDefinition {
  const frequency = {
    id: "frequency-0-3",
    label: { en: "How often, over the last two weeks" },
    options: [
      { code: "not-at-all", value: 0, label: { en: "Not at all" } },
      { code: "several-days", value: 1, label: { en: "Several days" } },
      { code: "more-than-half", value: 2, label: { en: "More than half the days" } },
      { code: "nearly-every-day", value: 3, label: { en: "Nearly every day" } },
    ],
  };
  return {
    id: "mood-check-9",
    version: "1.0.0",
    title: { en: "Mood check (nine items, service-written definition)" },
    description: { en: "Scoring rules only. Each item's wording comes from the licensed questionnaire the service uses." },
    scales: [frequency],
    items: Array.from({ length: 9 }, (_, index) => ({ id: `item-${index + 1}`, text: { en: `Item ${index + 1}: wording from the licensed copy` }, scale: "frequency-0-3", required: index === 8 })),
    scoring: {
      method: "sum",
      missingData: { kind: "prorate", minimumAnswered: 7 },
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
    alerts: [{ id: "item-9-any", itemId: "item-9", minimumValue: 1, message: { en: "Any answer above 'not at all' on item 9 needs a same-day conversation with a practitioner." } }],
  } as InstrumentDefinition;
}

/** Responses to the sample instrument: mostly complete, some with gaps, a few too incomplete to score. */
export function sampleResponses(count = 300): InstrumentResponse[] {
  const random = seededRandom(SEED + 3);
  const codes = ["not-at-all", "several-days", "more-than-half", "nearly-every-day"];
  return Array.from({ length: count }, (_, index) => {
    // Most people who fill it in score low to moderate; a few score high.
    const severity = 3 * random() ** 1.6;
    const answers: Record<string, string> = {};
    const gaps = random() < 0.85 ? 0 : random() < 0.7 ? 1 : 3;
    const skipped = new Set(Array.from({ length: gaps }, () => 1 + Math.floor(random() * 8)));
    for (let item = 1; item <= 9; item++) {
      if (skipped.has(item)) continue;
      const lean = item === 9 ? severity - 1.6 : severity;
      answers[`item-${item}`] = codes[Math.min(3, Math.max(0, Math.round(lean + (random() - 0.5) * 1.5)))] as string;
    }
    const day = String(1 + (index % 28)).padStart(2, "0");
    return {
      instrumentId: "mood-check-9",
      instrumentVersion: "1.0.0",
      id: `response-${String(index + 1).padStart(4, "0")}`,
      respondent: `person-${(index * 7919 + 13).toString(36)}`,
      completedAt: `2026-04-${day}T${String(9 + (index % 8)).padStart(2, "0")}:15:00+01:00`,
      answers,
    };
  });
}

/** The sample directory: synthetic services across Scotland's health boards. */
export function sampleDirectory(): Directory {
  return generateSyntheticDirectory(SAMPLE_SERVICE_COUNT, SEED);
}

/** Services to check one by one: the first 200 of the directory and three with deliberate mistakes. */
export function sampleServicesToCheck(directory: Directory): unknown[] {
  const services: unknown[] = directory.services.slice(0, 200);
  const base = directory.services[0] as Service;
  services.splice(40, 0, { ...base, id: "demo-broken-no-name", name: undefined });
  services.splice(90, 0, { ...base, id: "demo-broken-age", eligibility: { minimumAge: -1 } });
  services.splice(150, 0, { ...base, id: "demo-broken-extra-field", nickname: "an unknown field" });
  return services;
}

/** Every sample file, by name, as the exact text to commit. */
export function sampleFiles(): Record<string, string> {
  const directory = sampleDirectory();
  const ndjson = (records: readonly unknown[]): string => records.map((record) => JSON.stringify(record)).join("\n") + "\n";
  const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  const practice = samplePractice(SEED + 5);
  return {
    "directory.json": `${JSON.stringify(directory)}\n`,
    "services-to-check.ndjson": ndjson(sampleServicesToCheck(directory)),
    "goals.json": pretty(sampleGoals()),
    "gas-set.json": pretty(sampleGasSet()),
    "coaching-course.json": pretty(sampleCoachingCourse()),
    "wrap.json": pretty(sampleWrap()),
    "signposting-events.ndjson": ndjson(sampleSignpostingEvents(directory)),
    "coproduction-assessment.json": pretty(sampleCoproductionAssessment()),
    "indicator-assessments.json": pretty(sampleIndicatorAssessments()),
    "instrument.json": pretty(sampleInstrument()),
    "responses.ndjson": ndjson(sampleResponses()),
    "practice-sessions.json": pretty(practice.sessions),
    "practice-reflections.ndjson": ndjson(practice.reflections),
  };
}
