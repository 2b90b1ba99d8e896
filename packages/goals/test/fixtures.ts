import type { CoachingCourse, GasScale, Goal, WellnessRecoveryActionPlan } from "../src/index";

// Every person, supporter and practitioner here is fictional; references are made-up pseudonyms.

export const practitioner = { recordedBy: "practitioner-12", role: "practitioner", recordedAt: "2026-03-02T10:00:00Z" } as const;
export const person = { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-03-02T10:00:00Z" } as const;

export const walkingScale: GasScale = {
  levels: [
    { level: -2, description: "Not walking outside at all." },
    { level: -1, description: "Walk to the end of the street and back." },
    { level: 0, description: "Walk to the park and back twice a week." },
    { level: 1, description: "Walk to the park four times a week." },
    { level: 2, description: "Walk to the park every day." },
  ],
  baseline: -2,
  importance: 3,
  difficulty: 2,
};

export const walkingGoal: Goal = {
  id: "goal-walk",
  person: "person-7f3a9c",
  ownWords: "I want to get out of the house and walk to the park again, like I used to with the dog.",
  summary: "Increase outdoor walking to build stamina (COPD).",
  lifeArea: "physical-health",
  expressedBy: "person",
  supports: [
    { description: "My brother could walk with me on Sundays.", role: "carer" },
    { description: "Walking group at the community centre", reference: "service-42" },
  ],
  barriers: ["Getting breathless on the hill", "Bad weather"],
  links: [{ kind: "condition", coding: { system: "http://snomed.info/sct", code: "13645005", display: "Chronic obstructive lung disease" } }],
  smart: {
    targetActivity: "Walk to the park and back",
    supportNeeded: "My brother walks with me at first",
    measure: "Twice a week",
    startDate: "2026-03-02",
    targetDate: "2026-04-27",
    timePeriod: "Over the next eight weeks",
  },
  readiness: { importance: 9, confidence: 7, recordedOn: "2026-03-02" },
  steps: [
    { id: "step-1", description: "Put my walking shoes by the door", owner: { role: "person" }, dueDate: "2026-03-04", status: "done", completedOn: "2026-03-03" },
    { id: "step-2", description: "Walk to the end of the street with my brother", owner: { role: "carer", reference: "carer-5" }, dueDate: "2026-03-08", status: "done", completedOn: "2026-03-08" },
    { id: "step-3", description: "Walk the canal path to the park", owner: { role: "person" }, dueDate: "2026-03-20", status: "to-do" },
  ],
  reviews: [
    {
      date: "2026-03-16",
      progress: "Walked to the end of the street three times and once to the park gate.",
      rating: 4,
      whatHelped: "Going straight after breakfast.",
      whatGotInTheWay: "Rain on Thursday.",
      nextStep: "Try the flat canal path instead of the hill.",
      achievementStatus: "improving",
      gasLevel: -1,
    },
    {
      date: "2026-03-30",
      progress: "Walked to the park twice this week by the canal path.",
      rating: 6,
      achievementStatus: "improving",
      gasLevel: 0,
      provenance: { recordedBy: "practitioner-12", role: "practitioner", recordedAt: "2026-03-30T11:00:00Z" },
    },
  ],
  nextReviewDue: "2026-04-13",
  gas: walkingScale,
  lifecycleStatus: "active",
  achievementStatus: "improving",
  created: practitioner,
  history: [
    {
      from: "proposed",
      to: "active",
      reason: "Agreed together at the first coaching session.",
      provenance: { ...practitioner, recordedAt: "2026-03-02T10:30:00Z" },
    },
    {
      from: "active",
      to: "active",
      achievementStatus: "improving",
      reason: "Walking further each week.",
      provenance: { ...person, recordedAt: "2026-03-16T12:00:00Z" },
    },
  ],
};

export const sleepGoal: Goal = {
  id: "goal-sleep",
  person: "person-7f3a9c",
  ownWords: "Sleep through more nights so I am not so tired at work.",
  lifeArea: "rest-and-sleep",
  expressedBy: "person",
  lifecycleStatus: "proposed",
  created: { ...person, recordedAt: "2026-03-05T21:00:00Z" },
};

export const coachingCourse: CoachingCourse = {
  id: "course-1",
  person: "person-7f3a9c",
  coach: "coach-3",
  goalIds: ["goal-walk"],
  sessions: [
    {
      number: 1,
      date: "2026-03-02",
      durationMinutes: 50,
      grow: {
        goal: "Get back to walking to the park.",
        reality: "Out of the house twice last week; breathless on the hill.",
        options: "Flat route by the canal; the walking group; going with my brother.",
        wayForward: "Walk to the end of the street three times this week.",
      },
      agreedActions: [
        { id: "action-1", description: "Walk to the end of the street three times", owner: "person", dueDate: "2026-03-08" },
        { id: "action-2", description: "Send the walking group timetable", owner: "practitioner" },
      ],
      goalIds: ["goal-walk"],
    },
    {
      number: 2,
      date: "2026-03-16",
      durationMinutes: 45,
      reviewOfLastActions: [
        { actionId: "action-1", outcome: "done" },
        { actionId: "action-2", outcome: "partly-done", note: "Timetable sent; group not started yet." },
      ],
      grow: {
        goal: "Reach the park.",
        reality: "Three short walks done.",
        options: "Canal path; a bench halfway.",
        wayForward: "Try the canal path on Tuesday and Friday.",
      },
      agreedActions: [{ id: "action-3", description: "Canal path on Tuesday and Friday", owner: "person", dueDate: "2026-03-20" }],
    },
  ],
};

export const wrapPlan: WellnessRecoveryActionPlan = {
  id: "wrap-1",
  owner: "person-7f3a9c",
  provenance: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-03-10T19:00:00Z" },
  wellnessToolbox: ["Walk by the canal", "Phone my sister", "Bake bread"],
  dailyMaintenance: { whenWell: ["Chatty and up early"], everyDay: ["Breakfast by 9", "Fresh air"], reminders: ["Book the hairdresser"] },
  triggers: { signs: ["Letters about money"], actionPlan: ["Open them with my sister", "Call the advice line"] },
  earlyWarningSigns: { signs: ["Not answering the phone"], actionPlan: ["Text my sister", "Use the toolbox twice a day"] },
  breakingDown: { signs: ["Not sleeping for two nights"], actionPlan: ["Call my GP practice", "Ask my sister to stay"] },
  crisisPlan: {
    signsOthersTakeOver: ["Not eating", "Not recognising friends"],
    supporters: [{ description: "My sister", reference: "supporter-2", tasks: ["Look after the cat"] }],
    notInvolved: [{ description: "My former partner", reference: "contact-9" }],
    treatmentsThatHelp: ["Quiet room"],
    whatHelps: ["Speak slowly and calmly"],
    signsPlanNoLongerNeeded: ["Eating and sleeping again"],
  },
  postCrisisPlan: { signsOfRecovery: ["Wanting to bake"], supports: ["Peer support group"], actionPlan: ["Short walks first"] },
};

export const SENTINEL = "SENTINEL-Jane-Doe-0123456789";

export function clone<T>(value: T): T {
  return structuredClone(value);
}
