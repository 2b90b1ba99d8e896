import { roleLabels } from "@selfmanage/core";
import type { Goal, GoalTimeline, GoalTimelineEvent, PersonGoalsSummary } from "@selfmanage/goals";
import { cards, chartSection, dataTable, htmlPage, list, plural } from "../html";
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

/** The marker for a check-in that was due and has not happened: drawn at its due date. */
const MISSED_CHECK_IN = "Check-in due, not held yet";

/**
 * What a goal's check-in column says, from its timeline: the last check-in, and the next one
 * or the one that was due and has not happened yet.
 *
 * @example
 * ```ts
 * checkInText(timeline); // "Check-in due 2026-04-06 has not happened yet; the last one was on 2026-03-09."
 * ```
 */
export function checkInText(timeline: GoalTimeline): string {
  const last = lastCheckIn(timeline);
  const { review } = timeline;
  if (review.state === "not-needed") return last === undefined ? "Closed: no check-in is planned." : `Closed: no check-in is planned. The last one was on ${last}.`;
  const due = review.due ?? "an unknown date";
  if (review.state === "up-to-date") return last === undefined ? `First check-in planned by ${due}.` : `Last check-in on ${last}; the next is planned by ${due}.`;
  return last === undefined ? `The first check-in was due by ${due} and has not happened yet.` : `Check-in due by ${due} has not happened yet; the last one was on ${last}.`;
}

function lastCheckIn(timeline: GoalTimeline): string | undefined {
  return timeline.events.filter((event) => event.kind === "reviewed").reduce<string | undefined>((latest, event) => (latest === undefined || event.date > latest ? event.date : latest), undefined);
}

/**
 * A self-contained HTML report of one person's goals: a timeline with a row per goal (created,
 * status changes, check-ins, steps done, GAS levels, and check-ins that are due and not held
 * yet), its events as a table, and a summary with check-ins due (described kindly), next steps
 * and the GAS T-score.
 *
 * @example
 * ```ts
 * const html = renderGoalsReport({ goals, timelines, summary, today: "2026-04-28", generatedAt: "2026-04-28T10:00:00Z" });
 * ```
 */
export function renderGoalsReport(input: GoalsReportInput): string {
  const { goals, timelines, summary } = input;
  const goalLabel = (id: string): string => goals.find((goal) => goal.id === id)?.ownWords ?? id;
  const overdue = timelines.filter((timeline) => timeline.review.state === "not-reviewed-yet");
  const missedEvents = (timeline: GoalTimeline) =>
    timeline.review.state === "not-reviewed-yet" && timeline.review.due !== undefined ? [{ date: timeline.review.due, kind: MISSED_CHECK_IN, label: checkInText(timeline) }] : [];
  const chart = timelineChart({
    id: "goals-timeline",
    title: "Goal progress over time",
    description: `Timeline with one row per goal (${timelines.length}), from ${timelines.map((timeline) => timeline.startDate).sort()[0] ?? "the start"} to ${input.today}; each marker is an event: goal recorded, status change, check-in, step done, GAS level reached, or a check-in that was due and has not happened yet.`,
    today: input.today,
    kindOrder: [...Object.values(EVENT_NAMES), MISSED_CHECK_IN],
    kindStyles: { [MISSED_CHECK_IN]: { shape: "ring", colour: "#D55E00" } },
    rows: timelines.map((timeline) => ({
      label: goalLabel(timeline.goalId),
      events: [...timeline.events.map((event) => ({ date: event.date, kind: EVENT_NAMES[event.kind], label: event.label })), ...missedEvents(timeline)],
    })),
  });
  const events = timelines
    .map((timeline) =>
      dataTable(
        `Events: ${goalLabel(timeline.goalId)}`,
        ["Date", "Event", "Detail"],
        [...timeline.events.map((event) => [event.date, EVENT_NAMES[event.kind], event.label]), ...missedEvents(timeline).map((event) => [event.date, event.kind, event.label])].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        { id: `events-${timeline.goalId}` },
      ),
    )
    .join("\n");
  const status = cards(
    "Where each goal is",
    timelines.map((timeline) => ({
      title: goalLabel(timeline.goalId),
      facts: [
        ["Status", timeline.lifecycleStatus],
        ["Progress", timeline.achievementStatus ?? "not recorded"],
        ["Steps done", `${timeline.stepsDone} of ${timeline.stepsTotal}`],
        ["Check-in", checkInText(timeline)],
      ],
    })),
  );
  const next =
    summary.nextSteps.length === 0
      ? "<p>No next steps are planned.</p>"
      : cards(
          "The next step of each open goal",
          summary.nextSteps.map((step) => ({
            title: step.description,
            facts: [
              ["By", step.dueDate ?? "no date set"],
              ["Who", roleLabels[step.owner.role]],
              ["Goal", goalLabel(step.goalId)],
            ],
          })),
        );
  const dueDates = overdue.map((timeline) => timeline.review.due).filter((due): due is string => due !== undefined).sort();
  const highlights = [
    `${plural(summary.total, "goal")}, ${summary.open} open.`,
    summary.notReviewedYet === 0
      ? "Every open goal has an up-to-date check-in."
      : `${plural(summary.notReviewedYet, "open goal has", "open goals have")} a check-in that was due${dueDates.length === 0 ? "" : ` (by ${dueDates.join(", ")})`} and has not happened yet: a check-in is a good moment to talk about what has helped.`,
    summary.gas === undefined ? "No Goal Attainment Scaling levels recorded yet." : `Goal Attainment Scaling T-score: ${summary.gas.tScore.toFixed(1)} over ${plural(summary.gas.goalsScored, "goal")} (50 means goals landed where expected).`,
  ];
  const body = [
    `<section>\n<h2>Summary</h2>\n${list(highlights)}\n${status}\n</section>`,
    chartSection("Timeline", "Each row is a goal, in the person's own words; markers show what happened and when, each kind with its own shape.", chart, events, { stacked: true }),
    `<section>\n<h2>Next steps</h2>\n${next}\n</section>`,
  ].join("\n");
  return htmlPage("Goal progress", `Summary for ${input.today} · ${plural(goals.length, "goal")}`, body, `Made by the selfmanage command on ${input.generatedAt}. The goals are the person's own; their words are kept as written.`);
}
