import * as z from "zod";
import { Identifier, IsoDate, SelfManageError } from "@selfmanage/core";
import { SemanticVersion } from "./instrument";
import type { IndicatorSummary, RatingAggregate } from "./indicators";

/**
 * One entry of an action plan: a statement to build on or to improve, with its mean rating,
 * and who will act by when.
 *
 * @example
 * ```ts
 * ActionPlanEntry.parse({ indicatorId: "goals", statementId: "goals-1", mean: 2.2, owner: "team-lead", dueDate: "2026-09-30" });
 * ```
 */
export const ActionPlanEntry = z
  .strictObject({
    indicatorId: Identifier,
    statementId: Identifier,
    mean: z.number(),
    action: z.string().min(1).max(2_000).optional().meta({ description: "What the service will do. Written by the team." }),
    owner: Identifier.optional().meta({ description: "Who is responsible: a role or a pseudonymous identifier." }),
    dueDate: IsoDate.optional(),
  })
  .meta({ id: "ActionPlanEntry", title: "Action plan entry", description: "A statement to build on or improve, with an owner and a date." });

/**
 * One entry of an action plan (see {@link ActionPlanEntry}).
 *
 * @example
 * ```ts
 * const entry: ActionPlanEntry = { indicatorId: "goals", statementId: "goals-1", mean: 4.6 };
 * ```
 */
export type ActionPlanEntry = z.infer<typeof ActionPlanEntry>;

/**
 * The output of an assessment cycle: strengths to build on and improvements to make.
 *
 * @example
 * ```ts
 * ActionPlan.parse({ indicatorSetId: "recovery-indicators", indicatorSetVersion: "1.0.0", assessmentId: "cycle-1", strengths: [], improvements: [] });
 * ```
 */
export const ActionPlan = z
  .strictObject({
    indicatorSetId: Identifier,
    indicatorSetVersion: SemanticVersion,
    assessmentId: Identifier,
    reviewDate: IsoDate.optional().meta({ description: "When the plan will be reviewed, usually at the next cycle." }),
    strengths: z.array(ActionPlanEntry),
    improvements: z.array(ActionPlanEntry),
  })
  .meta({ id: "ActionPlan", title: "Action plan", description: "Strengths to build on and improvements to make, from one assessment cycle." });

/**
 * An action plan (see {@link ActionPlan}).
 *
 * @example
 * ```ts
 * const plan: ActionPlan = buildActionPlan(summary, { owner: "service-manager", dueDate: "2026-12-01" });
 * ```
 */
export type ActionPlan = z.infer<typeof ActionPlan>;

/**
 * Options for {@link buildActionPlan}.
 *
 * @example
 * ```ts
 * const options: ActionPlanOptions = { strengthAtLeast: 4, improveBelow: 3, owner: "team-lead", dueDate: "2026-09-30" };
 * ```
 */
export interface ActionPlanOptions {
  /** A statement whose mean rating is at least this is a strength. Default 4 (agree). */
  strengthAtLeast?: number;
  /** A statement whose mean rating is below this needs improvement. Default 3 (neither agree nor disagree). */
  improveBelow?: number;
  /** The owner put on every improvement, to be edited by the team. */
  owner?: string;
  /** The due date put on every improvement. */
  dueDate?: string;
  /** When the plan will be reviewed. */
  reviewDate?: string;
}

/**
 * Draft an action plan from a summary: statements rated at least `strengthAtLeast` on average
 * are strengths (highest first); those below `improveBelow` are improvements (lowest first),
 * each with the given owner and due date. Statements with no counted rating are left out.
 *
 * @throws {@link @selfmanage/core!SelfManageError} `invalid-argument` when `improveBelow` is above `strengthAtLeast`.
 * @example
 * ```ts
 * const plan = buildActionPlan(summary, { owner: "service-manager", dueDate: "2026-12-01" });
 * plan.improvements.map((entry) => entry.statementId);
 * ```
 */
export function buildActionPlan(summary: IndicatorSummary, options: ActionPlanOptions = {}): ActionPlan {
  const strengthAtLeast = options.strengthAtLeast ?? 4;
  const improveBelow = options.improveBelow ?? 3;
  if (improveBelow > strengthAtLeast) throw new SelfManageError("invalid-argument", "improveBelow must not be above strengthAtLeast.");
  const strengths: ActionPlanEntry[] = [];
  const improvements: ActionPlanEntry[] = [];
  for (const indicator of summary.indicators) {
    for (const statement of indicator.statements) {
      if (statement.mean === null) continue;
      const entry: ActionPlanEntry = { indicatorId: indicator.indicatorId, statementId: statement.statementId, mean: statement.mean };
      if (statement.mean >= strengthAtLeast) strengths.push(entry);
      else if (statement.mean < improveBelow) {
        if (options.owner !== undefined) entry.owner = options.owner;
        if (options.dueDate !== undefined) entry.dueDate = options.dueDate;
        improvements.push(entry);
      }
    }
  }
  strengths.sort((a, b) => b.mean - a.mean);
  improvements.sort((a, b) => a.mean - b.mean);
  const plan: ActionPlan = {
    indicatorSetId: summary.indicatorSetId,
    indicatorSetVersion: summary.indicatorSetVersion,
    assessmentId: summary.assessmentId,
    strengths,
    improvements,
  };
  if (options.reviewDate !== undefined) plan.reviewDate = options.reviewDate;
  return plan;
}

/**
 * How one group's mean rating moved between two cycles.
 *
 * @example
 * ```ts
 * const moved: CycleChange = { before: 2.5, after: 3.5, change: 1, trend: "better" };
 * ```
 */
export interface CycleChange {
  /** Mean rating in the earlier cycle, or null when nothing was counted. */
  before: number | null;
  /** Mean rating in the later cycle, or null when nothing was counted. */
  after: number | null;
  /** `after - before`, or null when either is missing. */
  change: number | null;
  /** `better`, `worse` or `same`; `not-comparable` when either cycle has no counted rating. */
  trend: "better" | "worse" | "same" | "not-comparable";
}

/**
 * The comparison of two assessment cycles against the same indicator set.
 *
 * @example
 * ```ts
 * const comparison: IndicatorCycleComparison = compareIndicatorCycles(spring, autumn);
 * comparison.indicators.filter((entry) => entry.trend === "worse");
 * ```
 */
export interface IndicatorCycleComparison {
  indicatorSetId: string;
  beforeAssessmentId: string;
  afterAssessmentId: string;
  overall: CycleChange;
  indicators: Array<CycleChange & { indicatorId: string }>;
  sources: Array<CycleChange & { sourceId: string }>;
}

function compareAggregates(before: RatingAggregate | undefined, after: RatingAggregate | undefined): CycleChange {
  const earlier = before?.mean ?? null;
  const later = after?.mean ?? null;
  if (earlier === null || later === null) return { before: earlier, after: later, change: null, trend: "not-comparable" };
  const change = later - earlier;
  return { before: earlier, after: later, change, trend: change > 0 ? "better" : change < 0 ? "worse" : "same" };
}

/**
 * Compare two cycles' summaries overall, per indicator and per evidence source. Indicators and
 * sources are matched by id, so a later version of the same set can be compared; ones present
 * in only one cycle are `not-comparable`.
 *
 * @throws {@link @selfmanage/core!SelfManageError} `invalid-argument` when the summaries come from different indicator sets.
 * @example
 * ```ts
 * const comparison = compareIndicatorCycles(springSummary, autumnSummary);
 * comparison.overall; // { before: 3.1, after: 3.6, change: 0.5, trend: "better" }
 * ```
 */
export function compareIndicatorCycles(before: IndicatorSummary, after: IndicatorSummary): IndicatorCycleComparison {
  if (before.indicatorSetId !== after.indicatorSetId) throw new SelfManageError("invalid-argument", "Only cycles assessed against the same indicator set can be compared.");
  const afterIndicators = new Map(after.indicators.map((entry) => [entry.indicatorId, entry]));
  const beforeIndicators = new Map(before.indicators.map((entry) => [entry.indicatorId, entry]));
  const afterSources = new Map(after.sources.map((entry) => [entry.sourceId, entry]));
  const beforeSources = new Map(before.sources.map((entry) => [entry.sourceId, entry]));
  const indicatorIds = [...new Set([...beforeIndicators.keys(), ...afterIndicators.keys()])];
  const sourceIds = [...new Set([...beforeSources.keys(), ...afterSources.keys()])];
  return {
    indicatorSetId: before.indicatorSetId,
    beforeAssessmentId: before.assessmentId,
    afterAssessmentId: after.assessmentId,
    overall: compareAggregates(before.overall, after.overall),
    indicators: indicatorIds.map((indicatorId) => ({ indicatorId, ...compareAggregates(beforeIndicators.get(indicatorId), afterIndicators.get(indicatorId)) })),
    sources: sourceIds.map((sourceId) => ({ sourceId, ...compareAggregates(beforeSources.get(sourceId), afterSources.get(sourceId)) })),
  };
}
