// What the domain layer costs on top of zod: validateGoal (schema + rules) against the bare
// schema, gasTScore (with its argument checks) against the formula written inline, and the
// person summary against validating the same goals.
import { fileURLToPath } from "node:url";
import { runBenchmarks, validationBenchmarks } from "@selfmanage/test-kit/bench";
import { type Goal, type GasSet, Goal as GoalSchema, gasTScore, summarisePersonGoals, validateCoachingCourse, validateGasSet, validateGoal, validateWellnessRecoveryActionPlan } from "../src/index";
import { coachingCourse, sleepGoal, walkingGoal, wrapPlan } from "../test/fixtures";

const goals: Goal[] = Array.from({ length: 2_000 }, (_, index) => ({ ...structuredClone(walkingGoal), id: `goal-${index}` }));
const people: Goal[][] = Array.from({ length: 400 }, (_, person) => goals.slice(person * 5, person * 5 + 5));

const levels = [-3, -2, -1, 0, 1, 2];
const gasSets = Array.from({ length: 50_000 }, (_, set) =>
  Array.from({ length: 6 }, (_, goal) => ({ level: levels[(set + goal) % levels.length] as number, weight: ((set * goal) % 9) + 1 })),
);

function inlineTScore(entries: ReadonlyArray<{ level: number; weight: number }>, rho = 0.3): number {
  let weighted = 0;
  let squares = 0;
  let sum = 0;
  for (const entry of entries) {
    weighted += entry.weight * entry.level;
    squares += entry.weight * entry.weight;
    sum += entry.weight;
  }
  return 50 + (10 * weighted) / Math.sqrt((1 - rho) * squares + rho * sum * sum);
}

// Every record kind against ajv compiled from the package's own JSON Schemas: valid records, and
// the same records with a field of the wrong type and an unknown field.
const schema = (name: string) => fileURLToPath(new URL(`../schemas/${name}.json`, import.meta.url));
const copies = <T extends { id: string }>(record: T, count: number): T[] => Array.from({ length: count }, (_, index) => ({ ...structuredClone(record), id: `${record.id}-${index}` }));
const breakRecord = (record: object, field: string, index: number) => ({ ...record, [field]: index % 2 === 0 ? 42 : ["not", "this"], [`unknown${index % 3}`]: true });
const validGoals = [...copies(walkingGoal, 1000), ...copies(sleepGoal, 1000)];
const gasSet: GasSet = { id: "gas-2026-spring", person: "person-7f3a9c", entries: [{ goalId: "goal-walk", importance: 3, difficulty: 2, attainedLevel: 1 }, { goalId: "goal-sleep", attainedLevel: 0 }] };
const kinds = [
  { kind: "goal", schemaFile: schema("goal"), validate: validateGoal, valid: validGoals, invalid: validGoals.map((goal, index) => breakRecord(goal, "lifeArea", index)) },
  { kind: "gas-set", schemaFile: schema("gas-set"), validate: validateGasSet, valid: copies(gasSet, 5000), invalid: copies(gasSet, 5000).map((set, index) => breakRecord(set, "rho", index)) },
  { kind: "coaching-course", schemaFile: schema("coaching-course"), validate: validateCoachingCourse, valid: copies(coachingCourse, 2000), invalid: copies(coachingCourse, 2000).map((course, index) => breakRecord(course, "coach", index)) },
  { kind: "wrap", schemaFile: schema("wellness-recovery-action-plan"), validate: validateWellnessRecoveryActionPlan, valid: copies(wrapPlan, 2000), invalid: copies(wrapPlan, 2000).map((plan, index) => breakRecord(plan, "owner", index)) },
];

runBenchmarks("@selfmanage/goals", [
  ...(await validationBenchmarks(kinds)),
  {
    name: "validate 2,000 goals",
    baseline: { name: "zod Goal.safeParse", run: () => goals.map((goal) => GoalSchema.safeParse(goal).success) },
    candidate: { name: "validateGoal (schema + rules)", run: () => goals.map((goal) => validateGoal(goal).ok) },
    target: { maxRatio: 1.5 },
  },
  {
    name: "GAS T-score of 50,000 sets of 6 goals",
    baseline: { name: "formula inline", run: () => gasSets.map((entries) => inlineTScore(entries)) },
    candidate: { name: "gasTScore", run: () => gasSets.map((entries) => gasTScore(entries)) },
    check: () => {
      for (const entries of gasSets.slice(0, 100)) if (Math.abs(gasTScore(entries) - inlineTScore(entries)) > 1e-9) throw new Error("T-scores differ");
    },
    // gasTScore checks every level and weight and throws on bad input; the inline formula does not.
    target: { maxRatio: 2 },
  },
  {
    name: "summarise 400 people's goals (5 each)",
    baseline: { name: "validateGoal on the same goals", run: () => goals.map((goal) => validateGoal(goal).ok) },
    candidate: { name: "summarisePersonGoals", run: () => people.map((own) => summarisePersonGoals(own, { today: "2026-04-01" })) },
    target: { maxRatio: 1 },
  },
]);
