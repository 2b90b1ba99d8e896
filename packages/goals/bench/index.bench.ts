// What the domain layer costs on top of zod: validateGoal (schema + rules) against the bare
// schema, gasTScore (with its argument checks) against the formula written inline, and the
// person summary against validating the same goals.
import { runBenchmarks } from "@selfmanage/test-kit/bench";
import { type Goal, Goal as GoalSchema, gasTScore, summarisePersonGoals, validateGoal } from "../src/index";
import { walkingGoal } from "../test/fixtures";

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

runBenchmarks("@selfmanage/goals", [
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
