import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, it } from "vitest";
import { issuesFromZodError, Role, safeParseResult } from "@selfmanage/core";
import { checkSchemaProperties, describePublicSchemas } from "@selfmanage/test-kit";
import { AchievementStatus, GoalChange, LifecycleStatus } from "./lifecycle";
import { LifeArea } from "./life-area";
import { Goal, GoalLink, GoalReview, GoalStep, GoalSupport, GoalTransition, Readiness, SmartShape, StepStatus, validateGoal } from "./goal";
import { GasLevel, GasLevelDescriptor, GasScale, GasSet, GasSetEntry, validateGasSet } from "./gas";
import { ActionReview, AgreedAction, CoachingCourse, CoachingSession, GrowNotes, validateCoachingCourse } from "./coaching";
import { CrisisContact, validateWellnessRecoveryActionPlan, WellnessRecoveryActionPlan } from "./wrap";
import * as publicApi from "./index";
import { coachingCourse, sleepGoal, walkingGoal, wrapPlan } from "../test/fixtures";

/** The schemas published as JSON Schema in `schemas/`. */
const publicSchemas = {
  "lifecycle-status": LifecycleStatus,
  "achievement-status": AchievementStatus,
  "goal-change": GoalChange,
  "life-area": LifeArea,
  "goal-support": GoalSupport,
  "goal-link": GoalLink,
  "smart-shape": SmartShape,
  readiness: Readiness,
  "step-status": StepStatus,
  "goal-step": GoalStep,
  "goal-review": GoalReview,
  goal: Goal,
  "goal-transition": GoalTransition,
  "gas-level": GasLevel,
  "gas-level-descriptor": GasLevelDescriptor,
  "gas-scale": GasScale,
  "gas-set-entry": GasSetEntry,
  "gas-set": GasSet,
  "action-review": ActionReview,
  "agreed-action": AgreedAction,
  "grow-notes": GrowNotes,
  "coaching-session": CoachingSession,
  "coaching-course": CoachingCourse,
  "crisis-contact": CrisisContact,
  "wellness-recovery-action-plan": WellnessRecoveryActionPlan,
};

const identifier = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
const personReference = identifier.map((id) => `person-${id}`);
const text = fc.string({ minLength: 1, maxLength: 40 });
const textList = fc.array(text, { maxLength: 3 });
const dateTime = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().replace(/\.\d{3}Z$/, "Z"));
const date = dateTime.map((value) => value.slice(0, 10));
const role = fc.constantFrom(...Role.options);
const provenance = fc.record(
  { recordedBy: identifier, role, recordedAt: dateTime, organisation: identifier },
  { requiredKeys: ["recordedBy", "role", "recordedAt"] },
);
const ruler = fc.integer({ min: 0, max: 10 });
const rating = fc.integer({ min: 0, max: 3 });
const lifecycle = fc.constantFrom(...LifecycleStatus.options);
const achievement = fc.constantFrom(...AchievementStatus.options);
const gasLevel = fc.constantFrom(-3, -2, -1, 0, 1, 2);

const goalChange = fc.record(
  { from: lifecycle, to: lifecycle, achievementStatus: achievement, reason: text, provenance },
  { requiredKeys: ["from", "to", "reason", "provenance"] },
);
const goalSupport = fc.record({ description: text, role, reference: identifier }, { requiredKeys: ["description"] });
const coding = fc.record({ system: fc.constant("http://snomed.info/sct"), code: fc.stringMatching(/^\d{6,18}$/), display: text }, { requiredKeys: ["system", "code"] });
const goalLink = fc.record(
  { kind: fc.constantFrom("condition", "need", "service", "goal", "other"), description: text, coding, reference: identifier },
  { requiredKeys: ["kind", "description"] },
);
const smartShape = fc.record(
  { targetActivity: text, supportNeeded: text, measure: text, startDate: date, targetDate: date, timePeriod: text },
  { requiredKeys: [] },
);
const readiness = fc.record({ importance: ruler, confidence: ruler, recordedOn: date }, { requiredKeys: [] });
const stepStatus = fc.constantFrom(...StepStatus.options);
const goalStep = fc.record(
  {
    id: identifier,
    description: text,
    owner: fc.record({ role, reference: identifier }, { requiredKeys: ["role"] }),
    dueDate: date,
    status: stepStatus,
    completedOn: date,
  },
  { requiredKeys: ["id", "description", "owner", "status"] },
);
const goalReview = fc.record(
  { date, progress: text, rating: ruler, whatHelped: text, whatGotInTheWay: text, nextStep: text, achievementStatus: achievement, gasLevel, provenance },
  { requiredKeys: ["date", "progress"] },
);
const gasLevelDescriptor = fc.record({ level: gasLevel, description: text });
const gasScale = fc.record(
  { levels: fc.array(gasLevelDescriptor, { minLength: 1, maxLength: 6 }), baseline: gasLevel, importance: rating, difficulty: rating },
  { requiredKeys: ["levels"] },
);
const goal = fc.record(
  {
    id: identifier,
    person: personReference,
    ownWords: text,
    summary: text,
    lifeArea: fc.constantFrom(...LifeArea.options),
    expressedBy: role,
    supports: fc.array(goalSupport, { maxLength: 2 }),
    barriers: textList,
    links: fc.array(goalLink, { maxLength: 2 }),
    smart: smartShape,
    readiness,
    steps: fc.array(goalStep, { maxLength: 3 }),
    reviews: fc.array(goalReview, { maxLength: 3 }),
    nextReviewDue: date,
    gas: gasScale,
    lifecycleStatus: lifecycle,
    achievementStatus: achievement,
    created: provenance,
    history: fc.array(goalChange, { maxLength: 3 }),
  },
  { requiredKeys: ["id", "person", "ownWords", "lifeArea", "expressedBy", "lifecycleStatus", "created"] },
);
const goalTransition = fc.record({ to: lifecycle, achievementStatus: achievement, reason: text, provenance }, { requiredKeys: ["to", "reason", "provenance"] });
const gasSetEntry = fc.record(
  { goalId: identifier, scale: gasScale, weight: fc.double({ min: 0, max: 100, noNaN: true }), importance: rating, difficulty: rating, attainedLevel: gasLevel },
  { requiredKeys: ["goalId", "attainedLevel"] },
);
const gasSet = fc.record(
  {
    id: identifier,
    person: personReference,
    periodStart: date,
    periodEnd: date,
    rho: fc.double({ min: 0, max: 0.99, noNaN: true }),
    entries: fc.array(gasSetEntry, { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ["id", "entries"] },
);
const actionReview = fc.record(
  { actionId: identifier, outcome: fc.constantFrom("done", "partly-done", "not-done", "changed"), note: text },
  { requiredKeys: ["actionId", "outcome"] },
);
const agreedAction = fc.record({ id: identifier, description: text, owner: role, dueDate: date }, { requiredKeys: ["id", "description", "owner"] });
const growNotes = fc.record({ goal: text, reality: text, options: text, wayForward: text });
const coachingSession = fc.record(
  {
    number: fc.integer({ min: 1, max: 99 }),
    date,
    durationMinutes: fc.integer({ min: 1, max: 480 }),
    reviewOfLastActions: fc.array(actionReview, { maxLength: 3 }),
    grow: growNotes,
    agreedActions: fc.array(agreedAction, { maxLength: 3 }),
    goalIds: fc.array(identifier, { maxLength: 3 }),
    provenance,
  },
  { requiredKeys: ["number", "date", "durationMinutes", "grow", "agreedActions"] },
);
const coachingCourseArbitrary = fc.record(
  { id: identifier, person: personReference, coach: identifier, goalIds: fc.array(identifier, { maxLength: 3 }), sessions: fc.array(coachingSession, { maxLength: 7 }) },
  { requiredKeys: ["id", "person", "sessions"] },
);
const crisisContact = fc.record({ description: text, reference: identifier, tasks: textList }, { requiredKeys: ["description"] });
const signsAndPlan = fc.record({ signs: textList, actionPlan: textList });
const wrap = fc.record(
  {
    id: identifier,
    owner: personReference,
    provenance,
    agreedByOwnerOn: date,
    wellnessToolbox: textList,
    dailyMaintenance: fc.record({ whenWell: textList, everyDay: textList, reminders: textList }),
    triggers: signsAndPlan,
    earlyWarningSigns: signsAndPlan,
    breakingDown: signsAndPlan,
    crisisPlan: fc.record(
      {
        whenWell: textList,
        signsOthersTakeOver: textList,
        supporters: fc.array(crisisContact, { maxLength: 2 }),
        notInvolved: fc.array(crisisContact, { maxLength: 2 }),
        medicines: textList,
        treatmentsThatHelp: textList,
        treatmentsToAvoid: textList,
        careAtHomeOrInCommunity: textList,
        placesToAvoid: textList,
        whatHelps: textList,
        whatDoesNotHelp: textList,
        signsPlanNoLongerNeeded: textList,
      },
      { requiredKeys: [] },
    ),
    postCrisisPlan: fc.record({ signsOfRecovery: textList, supports: textList, actionPlan: textList }, { requiredKeys: [] }),
  },
  { requiredKeys: ["id", "owner", "provenance"] },
);

const samples = {
  "lifecycle-status": lifecycle,
  "achievement-status": achievement,
  "goal-change": goalChange,
  "life-area": fc.constantFrom(...LifeArea.options),
  "goal-support": goalSupport,
  "goal-link": goalLink,
  "smart-shape": smartShape,
  readiness,
  "step-status": stepStatus,
  "goal-step": goalStep,
  "goal-review": goalReview,
  goal,
  "goal-transition": goalTransition,
  "gas-level": gasLevel,
  "gas-level-descriptor": gasLevelDescriptor,
  "gas-scale": gasScale,
  "gas-set-entry": gasSetEntry,
  "gas-set": gasSet,
  "action-review": actionReview,
  "agreed-action": agreedAction,
  "grow-notes": growNotes,
  "coaching-session": coachingSession,
  "coaching-course": coachingCourseArbitrary,
  "crisis-contact": crisisContact,
  "wellness-recovery-action-plan": wrap,
} satisfies Record<keyof typeof publicSchemas, fc.Arbitrary<unknown>>;

describePublicSchemas({
  schemas: publicSchemas,
  samples,
  snapshots: fileURLToPath(new URL("../schemas", import.meta.url)),
  parse: (schema) => (input) => safeParseResult(schema, input),
  zodIssues: issuesFromZodError,
  exported: publicApi,
});

describe("validators", () => {
  // The validators add rules on top of the schemas: they must never throw either, and must
  // accept consistent records unchanged.
  const validators = [
    { name: "validateGoal", validate: validateGoal, schema: Goal, valid: [walkingGoal, sleepGoal] },
    { name: "validateCoachingCourse", validate: validateCoachingCourse, schema: CoachingCourse, valid: [coachingCourse] },
    { name: "validateWellnessRecoveryActionPlan", validate: validateWellnessRecoveryActionPlan, schema: WellnessRecoveryActionPlan, valid: [wrapPlan] },
    {
      name: "validateGasSet",
      validate: validateGasSet,
      schema: GasSet,
      valid: [{ id: "gas-1", entries: [{ goalId: "goal-walk", scale: walkingGoal.gas!, attainedLevel: 1 as const }, { goalId: "goal-sleep", attainedLevel: -1 as const }] }],
    },
  ];
  for (const { name, validate, schema, valid } of validators) {
    it(`${name}: never throws, and keeps valid records as they are`, () => {
      checkSchemaProperties(schema, { valid: valid as unknown[], parse: validate, numRuns: 100 });
    });
  }

  it("validateGoal never throws on goals that break the rules in any way", () => {
    fc.assert(
      fc.property(goal, (candidate) => {
        validateGoal(candidate);
      }),
      { numRuns: 100 },
    );
  });

  it("validateGasSet and validateCoachingCourse never throw on schema-valid records", () => {
    fc.assert(
      fc.property(gasSet, coachingCourseArbitrary, (set, course) => {
        validateGasSet(set);
        validateCoachingCourse(course);
      }),
      { numRuns: 100 },
    );
  });
});
