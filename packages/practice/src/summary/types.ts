import * as z from "zod";
import type { IsoDate, Role } from "@selfmanage/core";
import { PeriodLength, type Period } from "../periods";
import type { PlanStatus } from "../reflection";
import type { LivedExperienceContribution, Sector, SessionFormat } from "../session";
import type { ProtectedCount } from "../suppression";
import type { TaxonomyCategory } from "../taxonomy";

/**
 * Options for {@link summarisePractice}. Every field is optional; see {@link defaultSummaryOptions}.
 *
 * @remarks
 * `minimumRespondents` defaults to 5, as in co-production scoring: the smallest count that UK
 * health and care statistics commonly publish. 1 switches protection off; use it only where
 * every reflection is already open to readers.
 *
 * @example
 * ```ts
 * const options = SummaryOptions.parse({ minimumRespondents: 5, period: "year", firstMonth: 4 });
 * ```
 */
export const SummaryOptions = z
  .strictObject({
    minimumRespondents: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .meta({ description: "Fewest reflections any published count may stand for, and fewest that subtracting it from a total may leave. Default 5." }),
    period: PeriodLength.optional().meta({ description: "How long each period compared is. Default quarter." }),
    firstMonth: z.number().int().min(1).max(12).optional().meta({ description: "The month quarters, half-years and years start from (4 for the UK financial year). Default 1." }),
  })
  .meta({ id: "SummaryOptions", title: "Summary options", description: "Options for summarising reflective practice sessions." });

/**
 * Options for summarising (see {@link SummaryOptions}).
 *
 * @example
 * ```ts
 * const options: SummaryOptions = { period: "half-year" };
 * ```
 */
export type SummaryOptions = z.infer<typeof SummaryOptions>;

/**
 * The options used when none are given.
 *
 * @example
 * ```ts
 * defaultSummaryOptions.minimumRespondents; // 5
 * ```
 */
export const defaultSummaryOptions = { minimumRespondents: 5, period: "quarter", firstMonth: 1 } as const satisfies Required<SummaryOptions>;

/**
 * How many reflections name one term, and what share of the reflections counted that is.
 * Both are `null` when the count is suppressed.
 *
 * @example
 * ```ts
 * const holistic: TermCount = { termId: "holistic", count: 18, suppressed: false, share: 45 };
 * ```
 */
export interface TermCount extends ProtectedCount {
  /** The term. */
  readonly termId: string;
  /** Techniques: the stage; challenges: the area. */
  readonly group?: string;
  /** The count as a percentage of the reflections counted, to one decimal place; `null` when suppressed. */
  readonly share: number | null;
}

/**
 * How often each term of one category comes up.
 *
 * @example
 * ```ts
 * const pillars: CategoryFrequencies = { category: "pillar", reflections: 40, terms: [] };
 * ```
 */
export interface CategoryFrequencies {
  /** The category. */
  readonly category: TaxonomyCategory;
  /** How many reflections were counted (the denominator of every share). */
  readonly reflections: number;
  /** One entry per term of the taxonomy, in its order, including terms nobody named. */
  readonly terms: readonly TermCount[];
}

/**
 * Which challenges are met with which solutions: for each challenge (row) and solution
 * (column), how many reflections propose that solution for that challenge.
 *
 * @example
 * ```ts
 * const table: CrossTabulation = { challengeIds: ["time"], solutionIds: ["working-with-colleagues"], cells: [[{ count: 7, suppressed: false }]] };
 * ```
 */
export interface CrossTabulation {
  /** The rows: challenge ids in taxonomy order. */
  readonly challengeIds: readonly string[];
  /** The columns: solution ids in taxonomy order. */
  readonly solutionIds: readonly string[];
  /** `cells[row][column]`. */
  readonly cells: readonly (readonly ProtectedCount[])[];
}

/**
 * The frequencies of one period.
 *
 * @example
 * ```ts
 * const spring: PeriodFrequencies = { period: periodOf("2026-04-01", "quarter"), sessions: 3, reflections: 31, categories: [] };
 * ```
 */
export interface PeriodFrequencies {
  /** The period. */
  readonly period: Period;
  /** Sessions held in it. */
  readonly sessions: number;
  /** Reflections from those sessions. */
  readonly reflections: number;
  /** How often each term came up in the period, one entry per category. */
  readonly categories: readonly CategoryFrequencies[];
}

/**
 * How the share of reflections naming one term changed from one period to the next, in
 * percentage points; `null` when either share is suppressed.
 *
 * @example
 * ```ts
 * const change: TermChange = { category: "challenge", termId: "time", before: 40, after: 55.5, change: 15.5 };
 * ```
 */
export interface TermChange {
  /** The category. */
  readonly category: TaxonomyCategory;
  /** The term. */
  readonly termId: string;
  /** Its share in the earlier period. */
  readonly before: number | null;
  /** Its share in the later period. */
  readonly after: number | null;
  /** `after - before`, in percentage points. */
  readonly change: number | null;
}

/**
 * The changes between two consecutive periods that had sessions.
 *
 * @example
 * ```ts
 * const change: PeriodChange = { from: "2026-01-01/2026-03-31", to: "2026-04-01/2026-06-30", terms: [] };
 * ```
 */
export interface PeriodChange {
  /** The earlier period's id. */
  readonly from: string;
  /** The later period's id. */
  readonly to: string;
  /** One entry per term of every category. */
  readonly terms: readonly TermChange[];
}

/**
 * What happened to the plans, as counts: each status at follow-up, or not followed up yet.
 *
 * @example
 * ```ts
 * const outcome: PlanOutcome = { status: "done", count: 11, suppressed: false };
 * ```
 */
export interface PlanOutcome extends ProtectedCount {
  /** A status at follow-up, or `not-followed-up`. */
  readonly status: PlanStatus | "not-followed-up";
}

/**
 * Plans followed through: how many reflections had a plan, what had happened to them at
 * follow-up, and which challenges got in the way.
 *
 * @example
 * ```ts
 * const followThrough: FollowThroughSummary = { withPlan: { count: 30, suppressed: false }, outcomes: [], barriers: [] };
 * ```
 */
export interface FollowThroughSummary {
  /** Reflections with a plan to take back to practice. */
  readonly withPlan: ProtectedCount;
  /** One entry per status (`done`, `partly`, `not-yet`, `set-aside`), then `not-followed-up`; they add up to `withPlan`. */
  readonly outcomes: readonly PlanOutcome[];
  /** How many follow-ups named each challenge as getting in the way. Counts only (`share` is `null`): shares would give away how many plans were followed up. */
  readonly barriers: readonly TermCount[];
}

/**
 * A count of participants in one group (a sector or a role), or of those not recorded.
 *
 * @example
 * ```ts
 * const health: ParticipantCount<"health"> = { group: "health", count: 64, suppressed: false };
 * ```
 */
export interface ParticipantCount<Group extends string> extends ProtectedCount {
  /** The sector or role, or `not-recorded`. */
  readonly group: Group | "not-recorded";
}

/**
 * The sessions at a glance: how many, when, how delivered, with how much lived experience in
 * delivery, and who took part.
 *
 * @example
 * ```ts
 * const overview: SessionOverview = summarisePractice(records, reflectivePracticeTaxonomy).sessions;
 * ```
 */
export interface SessionOverview {
  /** How many sessions. */
  readonly sessions: number;
  /** The first and last session dates; `null` without sessions. */
  readonly firstDate: IsoDate | null;
  /** The last session date. */
  readonly lastDate: IsoDate | null;
  /** How many different organisations ran them. */
  readonly facilitatorOrganisations: number;
  /** Sessions by format, every format listed. */
  readonly formats: readonly { readonly format: SessionFormat; readonly sessions: number }[];
  /** Sessions with lived experience in delivery. */
  readonly livedExperienceInDelivery: number;
  /** Sessions by each way lived experience took part. */
  readonly contributions: readonly { readonly contribution: LivedExperienceContribution; readonly sessions: number }[];
  /** Participants across all sessions. */
  readonly participants: number;
  /** Participants by sector (with complementary suppression); they add up to `participants`. */
  readonly bySector: readonly ParticipantCount<Sector>[];
  /** Participants by role (with complementary suppression); they add up to `participants`. */
  readonly byRole: readonly ParticipantCount<Role>[];
  /** Participants who were studying. */
  readonly studying: ProtectedCount;
}

/**
 * How many reflections' free text suggested each term that the reflection was not tagged
 * with: themes for a person to look at, not findings.
 *
 * @example
 * ```ts
 * const themes: ThemeSummary = { reflectionsWithText: 38, terms: [{ category: "challenge", termId: "time", count: 6, suppressed: false }] };
 * ```
 */
export interface ThemeSummary {
  /** Reflections with any free text (the denominator). */
  readonly reflectionsWithText: number;
  /** One entry per term of every category. */
  readonly terms: readonly (ProtectedCount & { readonly category: TaxonomyCategory; readonly termId: string })[];
}

/**
 * Everything {@link summarisePractice} works out. No count in it stands for fewer than
 * `minimumRespondents` reflections, or can be turned into one by subtraction, and it never
 * carries free text or a participant reference.
 *
 * @example
 * ```ts
 * const summary: PracticeSummary = summarisePractice(records, reflectivePracticeTaxonomy);
 * summary.frequencies[0]?.terms; // how often each pillar comes up
 * ```
 */
export interface PracticeSummary {
  /** The taxonomy the tags were counted against. */
  readonly taxonomyId: string;
  /** Its version, if it has one. */
  readonly taxonomyVersion?: string;
  /** The protection threshold used. */
  readonly minimumRespondents: number;
  /** How the periods were cut. */
  readonly period: { readonly length: PeriodLength; readonly firstMonth: number };
  /** The sessions at a glance. */
  readonly sessions: SessionOverview;
  /** How many reflections. */
  readonly reflections: number;
  /** How often each pillar, technique, challenge and solution comes up, in that order. */
  readonly frequencies: readonly CategoryFrequencies[];
  /** Which challenges are met with which solutions. */
  readonly crossTabulation: CrossTabulation;
  /** The same frequencies, period by period (periods with sessions only, oldest first). */
  readonly periods: readonly PeriodFrequencies[];
  /** Changes between each period and the next. */
  readonly changes: readonly PeriodChange[];
  /** Plans followed through at follow-up. */
  readonly followThrough: FollowThroughSummary;
  /** Themes suggested by free text, for a person to confirm. */
  readonly themes: ThemeSummary;
}
