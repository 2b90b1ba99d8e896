import type { Goal, GoalTimeline, GoalTimelineEvent, PersonGoalsSummary } from "@selfmanage/goals";
import { chartSection, dataTable, htmlPage, list } from "../html";
import { timelineChart } from "../svg";

/**
 * Everything a goals report shows.
 *
 * @example
 * ```ts
 * const input: GoalsReportInput = { goals, timelines: goals.map((goal) => summariseGoalProgress(goal)), summary: summarisePersonGoals(goals), today: "2026-04-28", generatedAt: "2026-04-28T10:00:00Z" };
 * ```
 */
export interface GoalsReportInput {
  readonly goals: readonly Goal[];
  readonly timelines: readonly GoalTimeline[];
  readonly summary: PersonGoalsSummary;
  /** The day the summary was made for. */
  readonly today: string;
  readonly generatedAt: string;
}

const EVENT_NAMES: Record<GoalTimelineEvent["kind"], string> = {
  created: "Goal recorded",
  "status-changed": "Status changed",
  "achievement-changed": "Progress noted",
  reviewed: "Check-in",
  "step-done": "Step done",
  "gas-attained": "GAS level reached",
};

/**
 * A self-contained HTML report of one person's goals: a timeline with a row per goal (created,
 * status changes, check-ins, steps done, GAS levels), its events as a table, and a summary
 * with check-ins due (described kindly), next steps and the GAS T-score.
 *
 * @example
 * ```ts
 * const html = renderGoalsReport({ goals, timelines, summary, today: "2026-04-28", generatedAt: "2026-04-28T10:00:00Z" });
 * ```
 */
export function renderGoalsReport(input: GoalsReportInput): string {
  const { goals, timelines, summary } = input;
  const goalLabel = (id: string): string => goals.find((goal) => goal.id === id)?.ownWords ?? id;
  const chart = timelineChart({
    id: "goals-timeline",
    title: "Goal progress over time",
    description: `Timeline with one row per goal (${timelines.length}), from ${timelines.map((timeline) => timeline.startDate).sort()[0] ?? "the start"}; each marker is an event: goal recorded, status change, check-in, step done or GAS level reached.`,
    rows: timelines.map((timeline) => ({
      label: goalLabel(timeline.goalId),
      events: timeline.events.map((event) => ({ date: event.date, kind: EVENT_NAMES[event.kind], label: event.label })),
    })),
  });
  const events = dataTable(
    "Events by goal",
    ["Date", "Goal", "Event", "Detail"],
    timelines.flatMap((timeline) => timeline.events.map((event) => [event.date, goalLabel(timeline.goalId), EVENT_NAMES[event.kind], event.label])).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
  const status = dataTable(
    "Where each goal is",
    ["Goal", "Status", "Progress", "Steps done", "Check-in"],
    timelines.map((timeline) => [goalLabel(timeline.goalId), timeline.lifecycleStatus, timeline.achievementStatus ?? "not recorded", `${timeline.stepsDone} of ${timeline.stepsTotal}`, timeline.review.message]),
  );
  const next = summary.nextSteps.map((step) => `${goalLabel(step.goalId)}: ${step.description}${step.dueDate === undefined ? "" : ` (by ${step.dueDate})`}`);
  const highlights = [
    `${summary.total} goal${summary.total === 1 ? "" : "s"}, ${summary.open} open.`,
    summary.notReviewedYet === 0 ? "Every open goal has an up-to-date check-in." : `${summary.notReviewedYet} open goal${summary.notReviewedYet === 1 ? " has" : "s have"} not been reviewed yet: a check-in is a good moment to talk about what has helped.`,
    summary.gas === undefined ? "No Goal Attainment Scaling levels recorded yet." : `Goal Attainment Scaling T-score: ${summary.gas.tScore.toFixed(1)} over ${summary.gas.goalsScored} goal${summary.gas.goalsScored === 1 ? "" : "s"} (50 means goals landed where expected).`,
  ];
  const body = [
    `<section>\n<h2>Summary</h2>\n${list(highlights)}\n${status}\n</section>`,
    chartSection("Timeline", "Each row is a goal, in the person's own words; markers show what happened and when.", chart, events),
    `<section>\n<h2>Next steps</h2>\n${list(next)}\n</section>`,
  ].join("\n");
  return htmlPage("Goal progress", `Summary for ${input.today} · ${goals.length} goals`, body, `Made by the selfmanage command on ${input.generatedAt}. The goals are the person's own; their words are kept as written.`);
}
