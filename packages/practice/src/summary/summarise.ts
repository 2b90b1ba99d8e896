import { formatIssue, Role, safeParseResult, SelfManageError } from "@selfmanage/core";
import { periodOf, type Period } from "../periods";
import type { PracticeRecords } from "../records";
import { PlanStatus, type Reflection } from "../reflection";
import { LivedExperienceContribution, Sector, SessionFormat, type Session } from "../session";
import { isSmallCount, protectCount, protectPartition, type ProtectedCount } from "../suppression";
import { TaxonomyCategory, taxonomyTerms, type PracticeTaxonomy, type TaxonomyTerm } from "../taxonomy";
import { compileThemeMatcher, reflectionTexts, suggestReflectionThemes } from "../themes";
import {
  defaultSummaryOptions,
  SummaryOptions,
  type CategoryFrequencies,
  type CrossTabulation,
  type FollowThroughSummary,
  type ParticipantCount,
  type PeriodChange,
  type PeriodFrequencies,
  type PracticeSummary,
  type SessionOverview,
  type TermCount,
  type ThemeSummary,
} from "./types";

const HIDDEN: ProtectedCount = { count: null, suppressed: true };

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The tags of one category on a reflection (a reflection names each at most once). */
function tagsOf(reflection: Reflection, category: TaxonomyCategory): readonly string[] {
  switch (category) {
    case "pillar":
      return reflection.meaning.pillars;
    case "technique":
      return reflection.techniques;
    case "challenge":
      return reflection.challenges;
    case "solution":
      return reflection.solutions.map((proposed) => proposed.solution);
  }
}

function countTags(reflections: readonly Reflection[], category: TaxonomyCategory, terms: readonly TaxonomyTerm[]): number[] {
  const index = new Map(terms.map((term, position) => [term.id, position]));
  const counts = terms.map(() => 0);
  for (const reflection of reflections) {
    for (const tag of new Set(tagsOf(reflection, category))) {
      const position = index.get(tag);
      if (position !== undefined) counts[position] = (counts[position] as number) + 1;
    }
  }
  return counts;
}

function termCount(term: TaxonomyTerm, cell: ProtectedCount, denominator: number | null): TermCount {
  const share = cell.count === null || denominator === null || denominator === 0 ? null : oneDecimal((cell.count / denominator) * 100);
  return { termId: term.id, ...(term.group === undefined ? {} : { group: term.group }), count: cell.count, suppressed: cell.suppressed, share };
}

function overviewSessions(sessions: readonly Session[], minimum: number): SessionOverview {
  const dates = sessions.map((session) => session.date).sort();
  const participants = sessions.reduce((sum, session) => sum + session.participants.total, 0);
  const groupCounts = <Group extends string>(groups: readonly Group[], entriesOf: (session: Session) => readonly { group: Group; count: number }[]): ParticipantCount<Group>[] => {
    const sums = new Map<Group, number>(groups.map((group) => [group, 0]));
    let recorded = 0;
    for (const session of sessions) {
      for (const entry of entriesOf(session)) {
        sums.set(entry.group, (sums.get(entry.group) ?? 0) + entry.count);
        recorded += entry.count;
      }
    }
    const counts = [...groups.map((group) => sums.get(group) as number), participants - recorded];
    const { cells } = protectPartition(counts, minimum);
    return [...groups, "not-recorded" as const].map((group, index) => ({ group, ...(cells[index] as ProtectedCount) }));
  };
  return {
    sessions: sessions.length,
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
    facilitatorOrganisations: new Set(sessions.map((session) => session.facilitatorOrganisation.trim().toLowerCase())).size,
    formats: SessionFormat.options.map((format) => ({ format, sessions: sessions.filter((session) => session.format === format).length })),
    livedExperienceInDelivery: sessions.filter((session) => session.livedExperience.inDelivery).length,
    contributions: LivedExperienceContribution.options.map((contribution) => ({
      contribution,
      sessions: sessions.filter((session) => session.livedExperience.contributions?.includes(contribution) === true).length,
    })),
    participants,
    bySector: groupCounts(Sector.options, (session) => (session.participants.bySector ?? []).map((entry) => ({ group: entry.sector, count: entry.count }))),
    byRole: groupCounts(Role.options, (session) => (session.participants.byRole ?? []).map((entry) => ({ group: entry.role, count: entry.count }))),
    studying: protectCount(
      sessions.reduce((sum, session) => sum + (session.participants.studying ?? 0), 0),
      minimum,
      [participants],
    ),
  };
}

function followThrough(reflections: readonly Reflection[], taxonomy: PracticeTaxonomy, minimum: number): FollowThroughSummary {
  const planned = reflections.filter((reflection) => reflection.plan !== undefined);
  const followedUp = planned.filter((reflection) => reflection.followUp !== undefined);
  const statuses = [...PlanStatus.options, "not-followed-up" as const];
  const raw = statuses.map((status) => (status === "not-followed-up" ? planned.length - followedUp.length : followedUp.filter((reflection) => reflection.followUp?.planStatus === status).length));
  let withPlan = protectCount(planned.length, minimum, [reflections.length]);
  const outcomes = protectPartition(raw, minimum, { totalSuppressed: withPlan.suppressed });
  if (outcomes.total.suppressed) withPlan = HIDDEN;
  const challenges = taxonomyTerms(taxonomy, "challenge");
  const barrierCounts = challenges.map((term) => followedUp.filter((reflection) => reflection.followUp?.barriers?.includes(term.id) === true).length);
  return {
    withPlan,
    outcomes: statuses.map((status, index) => ({ status, ...(outcomes.cells[index] as ProtectedCount) })),
    // No shares: with the counts they would give away how many plans were followed up.
    barriers: challenges.map((term, index) => termCount(term, protectCount(barrierCounts[index] as number, minimum, [followedUp.length]), null)),
  };
}

function themeSummary(reflections: readonly Reflection[], taxonomy: PracticeTaxonomy, minimum: number): ThemeSummary {
  const matcher = compileThemeMatcher(taxonomy);
  const counts = new Map<string, number>();
  let withText = 0;
  for (const reflection of reflections) {
    const suggestions = suggestReflectionThemes(reflection, matcher);
    if (reflectionTexts(reflection).length > 0) withText++;
    for (const suggestion of suggestions) {
      if (suggestion.alreadyTagged) continue;
      const key = `${suggestion.category}\u0000${suggestion.termId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return {
    reflectionsWithText: withText,
    terms: TaxonomyCategory.options.flatMap((category) =>
      taxonomyTerms(taxonomy, category).map((term) => ({ category, termId: term.id, ...protectCount(counts.get(`${category}\u0000${term.id}`) ?? 0, minimum, [withText]) })),
    ),
  };
}

/**
 * Summarise a run of reflective practice sessions: how often each pillar, technique,
 * challenge and solution comes up, overall and period by period; which challenges are met with
 * which solutions; how shares change from one period to the next; what happened to the plans
 * at follow-up; and which themes free text suggests. Check the records with
 * {@link validatePracticeRecords} first.
 *
 * @remarks
 * Small-number protection (the same rule as co-production scoring, with `minimumRespondents`
 * 5 by default) covers every count:
 *
 * - a count between 1 and `minimumRespondents - 1` is suppressed, and so is a count that is
 *   that close to a total it is part of (the reflections counted, the challenge's row, the
 *   solution's column), so subtracting it cannot reveal a few people either;
 * - where counts add up to a published total (each term period by period, the plan outcomes,
 *   participants by sector and role), more cells are suppressed until the hidden ones cannot
 *   be worked out from the rest (see {@link protectPartition}); if that is impossible the
 *   total is suppressed too, everywhere it appears;
 * - suppressed counts are `null`, with `suppressed: true`: they are not in the result at all.
 *
 * A reflection's period is the period of its session's date. A solution without `addresses`
 * counts against every challenge its reflection names.
 *
 * @throws `SelfManageError` (from `@selfmanage/core`) with code `invalid-argument` when the options are not valid
 * or a reflection names a session missing from the records.
 * @example
 * ```ts
 * const checked = validatePracticeRecords({ sessions, reflections }, reflectivePracticeTaxonomy);
 * if (checked.ok) {
 *   const summary = summarisePractice(checked.value, reflectivePracticeTaxonomy, { period: "half-year" });
 *   summary.frequencies.find((entry) => entry.category === "pillar")?.terms;
 * }
 * ```
 */
export function summarisePractice(records: PracticeRecords, taxonomy: PracticeTaxonomy, options: SummaryOptions = {}): PracticeSummary {
  const parsed = safeParseResult(SummaryOptions, options);
  if (!parsed.ok) throw new SelfManageError("invalid-argument", `The summary options are not valid:\n${parsed.issues.map(formatIssue).join("\n")}`);
  const minimum = parsed.value.minimumRespondents ?? defaultSummaryOptions.minimumRespondents;
  const length = parsed.value.period ?? defaultSummaryOptions.period;
  const firstMonth = parsed.value.firstMonth ?? defaultSummaryOptions.firstMonth;
  const { sessions, reflections } = records;
  const sessionById = new Map(sessions.map((session) => [session.id, session]));

  const periods = new Map<string, { period: Period; sessions: number; reflections: Reflection[] }>();
  for (const session of sessions) {
    const period = periodOf(session.date, length, firstMonth);
    const entry = periods.get(period.id) ?? { period, sessions: 0, reflections: [] };
    entry.sessions++;
    periods.set(period.id, entry);
  }
  reflections.forEach((reflection, index) => {
    const session = sessionById.get(reflection.sessionId);
    if (session === undefined) throw new SelfManageError("invalid-argument", `Reflection ${index} names a session that is not in the records: check them with validatePracticeRecords first.`);
    periods.get(periodOf(session.date, length, firstMonth).id)?.reflections.push(reflection);
  });
  const ordered = [...periods.values()].sort((a, b) => (a.period.start < b.period.start ? -1 : 1));

  const total = reflections.length;
  const overall = new Map<TaxonomyCategory, ProtectedCount[]>();
  const perPeriod = new Map<TaxonomyCategory, ProtectedCount[][]>();
  const rawOverall = new Map<TaxonomyCategory, number[]>();
  for (const category of TaxonomyCategory.options) {
    const terms = taxonomyTerms(taxonomy, category);
    const counts = countTags(reflections, category, terms);
    rawOverall.set(category, counts);
    const cells = counts.map((count) => protectCount(count, minimum, [total]));
    const periodCounts = ordered.map((entry) => countTags(entry.reflections, category, terms));
    const periodCells = ordered.map(() => [] as ProtectedCount[]);
    terms.forEach((_, termIndex) => {
      const row = periodCounts.map((counts) => counts[termIndex] as number);
      const bounds = ordered.map((entry) => entry.reflections.length);
      const protectedRow = protectPartition(row, minimum, {
        alreadySuppressed: row.map((count, periodIndex) => isSmallCount(count, minimum, [bounds[periodIndex] as number])),
        totalSuppressed: (cells[termIndex] as ProtectedCount).suppressed,
        upperBounds: bounds,
      });
      // The periods add up to the overall count: if they cannot protect each other, it is withheld too.
      if (protectedRow.total.suppressed) cells[termIndex] = HIDDEN;
      protectedRow.cells.forEach((cell, periodIndex) => (periodCells[periodIndex] as ProtectedCount[]).push(cell));
    });
    overall.set(category, cells);
    perPeriod.set(category, periodCells);
  }

  const frequencies: CategoryFrequencies[] = TaxonomyCategory.options.map((category) => ({
    category,
    reflections: total,
    terms: taxonomyTerms(taxonomy, category).map((term, index) => termCount(term, (overall.get(category) as ProtectedCount[])[index] as ProtectedCount, total)),
  }));
  const periodFrequencies: PeriodFrequencies[] = ordered.map((entry, periodIndex) => ({
    period: entry.period,
    sessions: entry.sessions,
    reflections: entry.reflections.length,
    categories: TaxonomyCategory.options.map((category) => ({
      category,
      reflections: entry.reflections.length,
      terms: taxonomyTerms(taxonomy, category).map((term, index) => termCount(term, ((perPeriod.get(category) as ProtectedCount[][])[periodIndex] as ProtectedCount[])[index] as ProtectedCount, entry.reflections.length)),
    })),
  }));
  const changes: PeriodChange[] = periodFrequencies.slice(1).map((after, index) => {
    const before = periodFrequencies[index] as PeriodFrequencies;
    return {
      from: before.period.id,
      to: after.period.id,
      terms: after.categories.flatMap((category, categoryIndex) =>
        category.terms.map((term, termIndex) => {
          const earlier = ((before.categories[categoryIndex] as CategoryFrequencies).terms[termIndex] as TermCount).share;
          const later = term.share;
          return { category: category.category, termId: term.termId, before: earlier, after: later, change: earlier === null || later === null ? null : oneDecimal(later - earlier) };
        }),
      ),
    };
  });

  const challenges = taxonomyTerms(taxonomy, "challenge");
  const solutions = taxonomyTerms(taxonomy, "solution");
  const pairs = challenges.map(() => solutions.map(() => 0));
  const challengeIndex = new Map(challenges.map((term, index) => [term.id, index]));
  const solutionIndex = new Map(solutions.map((term, index) => [term.id, index]));
  for (const reflection of reflections) {
    const seen = new Set<string>();
    for (const proposed of reflection.solutions) {
      const column = solutionIndex.get(proposed.solution);
      if (column === undefined) continue;
      for (const challenge of proposed.addresses ?? reflection.challenges) {
        const row = challengeIndex.get(challenge);
        const key = `${challenge}\u0000${proposed.solution}`;
        if (row === undefined || seen.has(key) || !reflection.challenges.includes(challenge)) continue;
        seen.add(key);
        (pairs[row] as number[])[column] = ((pairs[row] as number[])[column] as number) + 1;
      }
    }
  }
  const challengeTotals = rawOverall.get("challenge") as number[];
  const solutionTotals = rawOverall.get("solution") as number[];
  const crossTabulation: CrossTabulation = {
    challengeIds: challenges.map((term) => term.id),
    solutionIds: solutions.map((term) => term.id),
    cells: pairs.map((row, rowIndex) => row.map((count, column) => protectCount(count, minimum, [total, challengeTotals[rowIndex] as number, solutionTotals[column] as number]))),
  };

  return {
    taxonomyId: taxonomy.id,
    ...(taxonomy.version === undefined ? {} : { taxonomyVersion: taxonomy.version }),
    minimumRespondents: minimum,
    period: { length, firstMonth },
    sessions: overviewSessions(sessions, minimum),
    reflections: total,
    frequencies,
    crossTabulation,
    periods: periodFrequencies,
    changes,
    followThrough: followThrough(reflections, taxonomy, minimum),
    themes: themeSummary(reflections, taxonomy, minimum),
  };
}
