import * as z from "zod";
import {
  Identifier,
  IsoDate,
  LocalisedText,
  OrdinalScale,
  Provenance,
  SelfManageError,
  fail,
  issue,
  ok,
  safeParseResult,
  type Result,
  type ValidationIssue,
} from "@selfmanage/core";
import { SemanticVersion } from "./instrument";

/**
 * A place where evidence for a service-level indicator is found. `documentary` sources
 * (assessments, care plans, service information) count only written evidence; `conversational`
 * sources are conversations with staff, people using the service, or informal carers.
 *
 * @example
 * ```ts
 * EvidenceSource.parse({ id: "care-plans", kind: "documentary", label: { en: "Care plans" } });
 * ```
 */
export const EvidenceSource = z
  .strictObject({
    id: Identifier,
    kind: z.enum(["documentary", "conversational"]),
    label: LocalisedText,
    description: LocalisedText.optional(),
  })
  .meta({ id: "EvidenceSource", title: "Evidence source", description: "Where evidence for an indicator is found: a kind of document, or a group of people to talk with." });

/**
 * An evidence source (see {@link EvidenceSource}).
 *
 * @example
 * ```ts
 * const carers: EvidenceSource = { id: "carer-conversations", kind: "conversational", label: { en: "Conversations with carers" } };
 * ```
 */
export type EvidenceSource = z.infer<typeof EvidenceSource>;

/**
 * A reflective statement under an indicator. `sources` lists the evidence sources it can be
 * rated from; when absent, every source of the set applies.
 *
 * @example
 * ```ts
 * IndicatorStatement.parse({ id: "1.1", text: { en: "We ask about housing and money early on." }, sources: ["assessments"] });
 * ```
 */
export const IndicatorStatement = z
  .strictObject({
    id: Identifier,
    text: LocalisedText,
    sources: z.array(Identifier).min(1).optional(),
  })
  .meta({ id: "IndicatorStatement", title: "Indicator statement", description: "A reflective statement rated against evidence." });

/**
 * A reflective statement (see {@link IndicatorStatement}).
 *
 * @example
 * ```ts
 * const statement: IndicatorStatement = { id: "2.1", text: { en: "Plans are written around the person's own goals." } };
 * ```
 */
export type IndicatorStatement = z.infer<typeof IndicatorStatement>;

/**
 * One service-level recovery indicator with its reflective statements.
 *
 * @example
 * ```ts
 * Indicator.parse({ id: "basic-needs", title: { en: "Basic needs" }, statements: [{ id: "1.1", text: { en: "We help with housing." } }] });
 * ```
 */
export const Indicator = z
  .strictObject({
    id: Identifier,
    title: LocalisedText,
    description: LocalisedText.optional(),
    statements: z.array(IndicatorStatement).min(1),
  })
  .meta({ id: "Indicator", title: "Recovery indicator", description: "A service-level recovery indicator and its statements." });

/**
 * A service-level recovery indicator (see {@link Indicator}).
 *
 * @example
 * ```ts
 * const goals: Indicator = { id: "goals", title: { en: "Goals" }, statements: [{ id: "2.1", text: { en: "Goals are the person's own." } }] };
 * ```
 */
export type Indicator = z.infer<typeof Indicator>;

/**
 * A set of service-level recovery indicators: indicators with statements, the evidence sources,
 * and the rating scale (whose excluded options, such as not applicable, are never scored).
 *
 * @example
 * ```ts
 * IndicatorSet.parse(recoveryIndicatorSet);
 * ```
 */
export const IndicatorSet = z
  .strictObject({
    id: Identifier,
    version: SemanticVersion,
    title: LocalisedText,
    description: LocalisedText.optional(),
    ratingScale: OrdinalScale,
    evidenceSources: z.array(EvidenceSource).min(1),
    indicators: z.array(Indicator).min(1),
  })
  .superRefine((set, context) => {
    const sourceIds = new Set<string>();
    set.evidenceSources.forEach((source, sourceIndex) => {
      if (sourceIds.has(source.id)) {
        context.addIssue({ code: "custom", path: ["evidenceSources", sourceIndex, "id"], message: "Each evidence source id must be unique.", params: { code: "duplicate_id" } });
      }
      sourceIds.add(source.id);
    });
    const statementIds = new Set<string>();
    const indicatorIds = new Set<string>();
    set.indicators.forEach((indicator, indicatorIndex) => {
      if (indicatorIds.has(indicator.id)) {
        context.addIssue({ code: "custom", path: ["indicators", indicatorIndex, "id"], message: "Each indicator id must be unique.", params: { code: "duplicate_id" } });
      }
      indicatorIds.add(indicator.id);
      indicator.statements.forEach((statement, statementIndex) => {
        const path = ["indicators", indicatorIndex, "statements", statementIndex];
        if (statementIds.has(statement.id)) {
          context.addIssue({ code: "custom", path: [...path, "id"], message: "Each statement id must be unique within the set.", params: { code: "duplicate_id" } });
        }
        statementIds.add(statement.id);
        (statement.sources ?? []).forEach((sourceId, sourceIndex) => {
          if (!sourceIds.has(sourceId)) {
            context.addIssue({ code: "custom", path: [...path, "sources", sourceIndex], message: "This is not one of the set's evidence sources.", params: { code: "unknown_source" } });
          }
        });
      });
    });
  })
  .meta({ id: "IndicatorSet", title: "Recovery indicator set", description: "Service-level recovery indicators, evidence sources and a rating scale." });

/**
 * A set of service-level recovery indicators (see {@link IndicatorSet}).
 *
 * @example
 * ```ts
 * const set: IndicatorSet = recoveryIndicatorSet;
 * ```
 */
export type IndicatorSet = z.infer<typeof IndicatorSet>;

/**
 * One rating of one statement from one piece of evidence (a document reviewed, or a conversation).
 * `evidenceKind` says what the rating rests on; for documentary sources only `written` evidence counts.
 *
 * @example
 * ```ts
 * IndicatorRating.parse({ statementId: "1.1", sourceId: "assessments", rating: "agree", evidenceKind: "written", evidence: "Housing asked about in 8 of 10 assessments." });
 * ```
 */
export const IndicatorRating = z
  .strictObject({
    statementId: Identifier,
    sourceId: Identifier,
    rating: Identifier.meta({ description: "An option code of the set's rating scale." }),
    evidenceKind: z.enum(["written", "spoken", "observed"]).optional(),
    evidence: z.string().min(1).max(10_000).optional().meta({ description: "Evidence and examples behind the rating. Keep it free of personal data." }),
    documentRef: Identifier.optional().meta({ description: "A pseudonymous reference to the document or conversation rated." }),
  })
  .meta({ id: "IndicatorRating", title: "Indicator rating", description: "One rating of one statement from one piece of evidence." });

/**
 * One rating (see {@link IndicatorRating}).
 *
 * @example
 * ```ts
 * const rating: IndicatorRating = { statementId: "1.1", sourceId: "staff-conversations", rating: "neutral", evidenceKind: "spoken" };
 * ```
 */
export type IndicatorRating = z.infer<typeof IndicatorRating>;

/**
 * One cycle of a service's self-assessment against an indicator set: the ratings gathered from
 * every evidence source.
 *
 * @example
 * ```ts
 * const result = validateIndicatorAssessment(
 *   { id: "2026-spring", indicatorSetId: "recovery-indicators", indicatorSetVersion: "1.0.0", ratings: [] },
 *   recoveryIndicatorSet,
 * );
 * ```
 */
export const IndicatorAssessment = z
  .strictObject({
    id: Identifier,
    indicatorSetId: Identifier,
    indicatorSetVersion: SemanticVersion,
    service: Identifier.optional(),
    cycle: z.number().int().min(1).optional(),
    periodStart: IsoDate.optional(),
    periodEnd: IsoDate.optional(),
    recorded: Provenance.optional(),
    ratings: z.array(IndicatorRating),
  })
  .meta({ id: "IndicatorAssessment", title: "Indicator assessment", description: "One cycle of a service's self-assessment against an indicator set." });

/**
 * One assessment cycle (see {@link IndicatorAssessment}).
 *
 * @example
 * ```ts
 * const assessment: IndicatorAssessment = { id: "cycle-1", indicatorSetId: "recovery-indicators", indicatorSetVersion: "1.0.0", ratings: [] };
 * ```
 */
export type IndicatorAssessment = z.infer<typeof IndicatorAssessment>;

/**
 * Validate an assessment against its indicator set: the set and version, known statements and
 * sources, statements rated only from sources they apply to, ratings on the set's scale, one
 * rating per statement for each referenced document or conversation (`documentRef`), and a
 * period that does not end before it starts.
 *
 * @example
 * ```ts
 * const result = validateIndicatorAssessment(JSON.parse(text), recoveryIndicatorSet);
 * if (!result.ok) result.issues.forEach((problem) => console.warn(formatIssue(problem)));
 * ```
 */
export function validateIndicatorAssessment(input: unknown, set: IndicatorSet): Result<IndicatorAssessment> {
  const parsed = safeParseResult(IndicatorAssessment, input);
  if (!parsed.ok) return parsed;
  const assessment = parsed.value;
  if (assessment.indicatorSetId !== set.id) return fail([issue(["indicatorSetId"], "wrong_indicator_set", "This assessment belongs to a different indicator set.")]);
  if (assessment.indicatorSetVersion !== set.version) {
    return fail([issue(["indicatorSetVersion"], "wrong_version", "This assessment was made against a different version of the indicator set.")]);
  }
  const issues: ValidationIssue[] = [];
  if (assessment.periodStart !== undefined && assessment.periodEnd !== undefined && assessment.periodEnd < assessment.periodStart) {
    issues.push(issue(["periodEnd"], "period_ends_before_start", "The period cannot end before it starts."));
  }
  const statements = new Map(set.indicators.flatMap((indicator) => indicator.statements.map((statement) => [statement.id, statement] as const)));
  const sources = new Set(set.evidenceSources.map((source) => source.id));
  const codes = new Set(set.ratingScale.options.map((option) => option.code));
  const ratedDocuments = new Set<string>();
  assessment.ratings.forEach((rating, index) => {
    if (rating.documentRef !== undefined) {
      // A NUL separator cannot occur inside an identifier, so the key is unambiguous.
      const key = `${rating.statementId}\u0000${rating.sourceId}\u0000${rating.documentRef}`;
      if (ratedDocuments.has(key)) {
        issues.push(issue(["ratings", index, "documentRef"], "duplicate_rating", "This document or conversation has already been rated for this statement: rate each one once."));
      }
      ratedDocuments.add(key);
    }
    const statement = statements.get(rating.statementId);
    if (statement === undefined) issues.push(issue(["ratings", index, "statementId"], "unknown_statement", "This statement is not part of the indicator set."));
    if (!sources.has(rating.sourceId)) issues.push(issue(["ratings", index, "sourceId"], "unknown_source", "This is not one of the set's evidence sources."));
    else if (statement?.sources !== undefined && !statement.sources.includes(rating.sourceId)) {
      issues.push(issue(["ratings", index, "sourceId"], "source_not_applicable", "This statement is not rated from this evidence source."));
    }
    if (!codes.has(rating.rating)) issues.push(issue(["ratings", index, "rating"], "not_on_scale", "This rating is not one of the options on the set's rating scale."));
  });
  return issues.length > 0 ? fail(issues) : ok(assessment);
}

/**
 * Aggregated ratings for one group (a statement, an indicator, an evidence source, or everything).
 *
 * @example
 * ```ts
 * RatingAggregate.parse({ mean: 3.5, counted: 4, excluded: 1, setAside: 0 });
 * ```
 */
export const RatingAggregate = z
  .strictObject({
    mean: z.number().nullable().meta({ description: "Mean of the counted ratings, or null when none was counted." }),
    counted: z.number().int().min(0),
    excluded: z.number().int().min(0).meta({ description: "Ratings of not applicable or don't know: never counted as zero." }),
    setAside: z.number().int().min(0).meta({ description: "Ratings from documentary sources without written evidence, which do not count." }),
  })
  .meta({ id: "RatingAggregate", title: "Rating aggregate", description: "Aggregated ratings for one group." });

/**
 * Aggregated ratings (see {@link RatingAggregate}).
 *
 * @example
 * ```ts
 * const none: RatingAggregate = { mean: null, counted: 0, excluded: 0, setAside: 0 };
 * ```
 */
export type RatingAggregate = z.infer<typeof RatingAggregate>;

const SourceAggregate = RatingAggregate.extend({ sourceId: Identifier });

/**
 * The summary of one assessment cycle: aggregated ratings overall, per evidence source, and per
 * indicator (with its statements and sources).
 *
 * @example
 * ```ts
 * const summary: IndicatorSummary = summariseIndicatorAssessment(assessment, recoveryIndicatorSet);
 * summary.overall.mean;
 * ```
 */
export const IndicatorSummary = z
  .strictObject({
    indicatorSetId: Identifier,
    indicatorSetVersion: SemanticVersion,
    assessmentId: Identifier,
    overall: RatingAggregate,
    sources: z.array(SourceAggregate),
    indicators: z.array(
      RatingAggregate.extend({
        indicatorId: Identifier,
        statements: z.array(RatingAggregate.extend({ statementId: Identifier })),
        sources: z.array(SourceAggregate),
      }),
    ),
  })
  .meta({ id: "IndicatorSummary", title: "Indicator summary", description: "Aggregated ratings of one assessment cycle." });

/**
 * The summary of one assessment cycle (see {@link IndicatorSummary}).
 *
 * @example
 * ```ts
 * function weakest(summary: IndicatorSummary): string | undefined {
 *   return [...summary.indicators].filter((entry) => entry.mean !== null).sort((a, b) => (a.mean ?? 0) - (b.mean ?? 0))[0]?.indicatorId;
 * }
 * ```
 */
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

interface Tally {
  sum: number;
  counted: number;
  excluded: number;
  setAside: number;
}

function newTally(): Tally {
  return { sum: 0, counted: 0, excluded: 0, setAside: 0 };
}

function toAggregate(tally: Tally): RatingAggregate {
  return { mean: tally.counted === 0 ? null : tally.sum / tally.counted, counted: tally.counted, excluded: tally.excluded, setAside: tally.setAside };
}

function tallyFor(tallies: Map<string, Tally>, key: string): Tally {
  let tally = tallies.get(key);
  if (tally === undefined) {
    tally = newTally();
    tallies.set(key, tally);
  }
  return tally;
}

/**
 * Aggregate an assessment's ratings per statement, per indicator, per evidence source (overall
 * and within each indicator) and overall. Each mean is the mean of the ratings counted in that
 * group. Not applicable and don't know are excluded, never counted as zero; ratings from
 * documentary sources count only when they rest on written evidence.
 *
 * @remarks
 * Validate the assessment first with {@link validateIndicatorAssessment}. A rating that refers
 * to an unknown statement, source or code is a programmer error here, never silently dropped.
 * The overall and per-source means are means of all counted ratings (so an indicator with more
 * evidence weighs more), matching how a review team reads the evidence as a whole.
 *
 * @throws {@link @selfmanage/core!SelfManageError} `invalid-argument` when the assessment names another set or version, or a rating does not fit the set.
 * @example
 * ```ts
 * const checked = validateIndicatorAssessment(input, recoveryIndicatorSet);
 * if (checked.ok) {
 *   const summary = summariseIndicatorAssessment(checked.value, recoveryIndicatorSet);
 *   console.log(summary.overall.mean, summary.indicators.map((entry) => [entry.indicatorId, entry.mean]));
 * }
 * ```
 */
export function summariseIndicatorAssessment(assessment: IndicatorAssessment, set: IndicatorSet): IndicatorSummary {
  if (assessment.indicatorSetId !== set.id || assessment.indicatorSetVersion !== set.version) {
    throw new SelfManageError("invalid-argument", "The assessment was made against a different indicator set or version. Summarise it with the set it names.");
  }
  const values = new Map(set.ratingScale.options.map((option) => [option.code, option.value]));
  const sources = new Map(set.evidenceSources.map((source) => [source.id, source]));
  const indicatorOf = new Map(set.indicators.flatMap((indicator) => indicator.statements.map((statement) => [statement.id, indicator.id] as const)));
  const overall = newTally();
  const bySource = new Map<string, Tally>();
  const byIndicator = new Map<string, Tally>();
  const byStatement = new Map<string, Tally>();
  const byIndicatorSource = new Map<string, Tally>();
  for (const rating of assessment.ratings) {
    const indicatorId = indicatorOf.get(rating.statementId);
    const source = sources.get(rating.sourceId);
    if (indicatorId === undefined || source === undefined || !values.has(rating.rating)) {
      throw new SelfManageError(
        "invalid-argument",
        "A rating refers to a statement, evidence source or rating code that the indicator set does not have. Check the assessment with validateIndicatorAssessment first.",
      );
    }
    const groups = [overall, tallyFor(bySource, source.id), tallyFor(byIndicator, indicatorId), tallyFor(byStatement, rating.statementId), tallyFor(byIndicatorSource, `${indicatorId}\u0000${source.id}`)];
    const value = values.get(rating.rating);
    for (const tally of groups) {
      if (value === undefined) tally.excluded += 1;
      else if (source.kind === "documentary" && rating.evidenceKind !== "written") tally.setAside += 1;
      else {
        tally.sum += value;
        tally.counted += 1;
      }
    }
  }
  return {
    indicatorSetId: set.id,
    indicatorSetVersion: set.version,
    assessmentId: assessment.id,
    overall: toAggregate(overall),
    sources: set.evidenceSources.map((source) => ({ sourceId: source.id, ...toAggregate(bySource.get(source.id) ?? newTally()) })),
    indicators: set.indicators.map((indicator) => ({
      indicatorId: indicator.id,
      ...toAggregate(byIndicator.get(indicator.id) ?? newTally()),
      statements: indicator.statements.map((statement) => ({ statementId: statement.id, ...toAggregate(byStatement.get(statement.id) ?? newTally()) })),
      sources: set.evidenceSources.map((source) => ({ sourceId: source.id, ...toAggregate(byIndicatorSource.get(`${indicator.id}\u0000${source.id}`) ?? newTally()) })),
    })),
  };
}
