import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { agreementScale, issuesFromZodError, safeParseResult } from "@selfmanage/core";
import { describePublicSchemas } from "@selfmanage/test-kit";
import type { z } from "zod";
import {
  ActionPlan,
  ActionPlanEntry,
  AlertRule,
  Band,
  ChangeClassification,
  ChangeParameters,
  ChimeDomain,
  ConversionTable,
  Direction,
  EvidenceSource,
  Indicator,
  IndicatorAssessment,
  IndicatorRating,
  IndicatorSet,
  IndicatorStatement,
  IndicatorSummary,
  InstrumentDefinition,
  InstrumentItem,
  InstrumentLicence,
  InstrumentLoinc,
  InstrumentResponse,
  InstrumentScore,
  InstrumentScoring,
  ItemCondition,
  LoincCode,
  MissingDataRule,
  MissingDataRuleApplied,
  PopulationStatistics,
  RatingAggregate,
  ResponseScale,
  RuleSource,
  ScoreAlert,
  ScoringMethod,
  SemanticVersion,
  Subscale,
  SubscaleScore,
  InstrumentWording,
  OutcomeMeasure,
  OutcomeRules,
  NotPairedReason,
  MeasureOutcome,
  EpisodeOutcome,
  OutcomeCell,
  OutcomeRate,
  OutcomeGroup,
  PeriodKind,
  OutcomeSummary,
  classifyEpisode,
  createOutcomeTracker,
  nhsTalkingTherapiesRules,
  validateOutcomeRules,
  buildActionPlan,
  builtInInstruments,
  compileInstrument,
  recoveryIndicatorSet,
  serviceExperienceQuestionnaire,
  summariseIndicatorAssessment,
  validateIndicatorAssessment,
  validateInstrument,
  validateResponse,
} from "./index";
import { conditional, outcomeStar, phq9, qpr15, swemwbs } from "../test/instruments";

/** The schemas published as JSON Schema in `schemas/`. */
const publicSchemas: Record<string, z.ZodType> = {
  "semantic-version": SemanticVersion,
  "chime-domain": ChimeDomain,
  "response-scale": ResponseScale,
  "item-condition": ItemCondition,
  "instrument-item": InstrumentItem,
  "scoring-method": ScoringMethod,
  "missing-data-rule": MissingDataRule,
  "conversion-table": ConversionTable,
  band: Band,
  "alert-rule": AlertRule,
  direction: Direction,
  subscale: Subscale,
  "instrument-scoring": InstrumentScoring,
  "instrument-definition": InstrumentDefinition,
  "instrument-response": InstrumentResponse,
  "subscale-score": SubscaleScore,
  "score-alert": ScoreAlert,
  "missing-data-rule-applied": MissingDataRuleApplied,
  "instrument-score": InstrumentScore,
  "population-statistics": PopulationStatistics,
  "change-parameters": ChangeParameters,
  "change-classification": ChangeClassification,
  "evidence-source": EvidenceSource,
  "indicator-statement": IndicatorStatement,
  indicator: Indicator,
  "indicator-set": IndicatorSet,
  "indicator-rating": IndicatorRating,
  "indicator-assessment": IndicatorAssessment,
  "rating-aggregate": RatingAggregate,
  "indicator-summary": IndicatorSummary,
  "action-plan-entry": ActionPlanEntry,
  "action-plan": ActionPlan,
  "rule-source": RuleSource,
  "loinc-code": LoincCode,
  "instrument-loinc": InstrumentLoinc,
  "instrument-licence": InstrumentLicence,
  "instrument-wording": InstrumentWording,
  "outcome-measure": OutcomeMeasure,
  "outcome-rules": OutcomeRules,
  "not-paired-reason": NotPairedReason,
  "measure-outcome": MeasureOutcome,
  "episode-outcome": EpisodeOutcome,
  "outcome-cell": OutcomeCell,
  "outcome-rate": OutcomeRate,
  "outcome-group": OutcomeGroup,
  "period-kind": PeriodKind,
  "outcome-summary": OutcomeSummary,
};

const score = fc.option(fc.integer({ min: 0, max: 27 }), { nil: null });
const episodes = fc.record({ phq: fc.record({ first: score, last: score }), gad: fc.record({ first: score, last: score }) }).map(({ phq, gad }) => classifyEpisode({ "phq-9": phq, "gad-7": gad }, nhsTalkingTherapiesRules));
const summariesOfOutcomes = fc
  .array(fc.record({ episode: fc.constantFrom("a", "b", "c", "d", "e", "f"), instrument: fc.constantFrom("phq-9", "gad-7"), day: fc.integer({ min: 1, max: 28 }), total: score, service: fc.constantFrom("north", "south") }), { maxLength: 60 })
  .map((rows) => {
    const tracker = createOutcomeTracker(nhsTalkingTherapiesRules, { minimumCount: 2, period: "month" });
    for (const row of rows) tracker.add({ episode: row.episode, instrumentId: row.instrument, completedAt: `2026-02-${String(row.day).padStart(2, "0")}`, total: row.total, service: row.service });
    return JSON.parse(JSON.stringify(tracker.finish())) as unknown;
  });

const identifier = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const text = fc.string({ minLength: 1, maxLength: 30 });
const localised = fc.record({ en: text, gd: text }, { requiredKeys: ["en"] });
const version = fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map(([major, minor, patch]) => `${major}.${minor}.${patch}`);
const count = fc.nat(50);
const definitions = [phq9, swemwbs, qpr15, outcomeStar, conditional, serviceExperienceQuestionnaire, ...builtInInstruments];

const phqAnswers = fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: 9, maxLength: 9 }).map((values) => {
  const answers: Record<string, string> = {};
  values.forEach((value, index) => {
    if (value !== undefined) answers[`q${index + 1}`] = String(value);
  });
  return answers;
});
const phqResponse = fc.record(
  { instrumentId: fc.constant("phq-9-local"), instrumentVersion: fc.constant("1.0.0"), id: identifier, respondent: identifier.map((id) => `person-${id}`), answers: phqAnswers },
  { requiredKeys: ["instrumentId", "instrumentVersion", "answers"] },
);
const compiledPhq = compileInstrument(phq9);
const scores = phqResponse.map((response) => JSON.parse(JSON.stringify(compiledPhq.score(response))) as unknown);

const rating = fc.record(
  {
    statementId: fc.constantFrom("goals-1", "basic-needs-2", "recovery-practice-3"),
    sourceId: fc.constantFrom("care-plans", "staff-conversations"),
    rating: fc.constantFrom(...agreementScale.options.map((option) => option.code)),
    evidenceKind: fc.constantFrom("written" as const, "spoken" as const, "observed" as const),
    evidence: text,
  },
  { requiredKeys: ["statementId", "sourceId", "rating"] },
);
const assessment = fc.record({
  id: identifier,
  indicatorSetId: fc.constant("recovery-indicators"),
  indicatorSetVersion: fc.constant("1.0.0"),
  ratings: fc.array(rating, { maxLength: 8 }),
});
const summaries = assessment.map((record) => summariseIndicatorAssessment(record, recoveryIndicatorSet));
const aggregate = fc.record({ mean: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }), counted: count, excluded: count, setAside: count });
const entry = fc.record(
  { indicatorId: identifier, statementId: identifier, mean: fc.double({ min: 1, max: 5, noNaN: true }), action: text, owner: identifier, dueDate: fc.constant("2026-06-30") },
  { requiredKeys: ["indicatorId", "statementId", "mean"] },
);

const samples: Record<string, fc.Arbitrary<unknown> | readonly unknown[]> = {
  "semantic-version": version,
  "chime-domain": fc.constantFrom(...ChimeDomain.options),
  "response-scale": definitions.flatMap((definition) => definition.scales),
  "item-condition": fc.record({ itemId: identifier, anyOf: fc.array(identifier, { minLength: 1, maxLength: 3 }) }),
  "instrument-item": definitions.flatMap((definition) => definition.items),
  "scoring-method": fc.constantFrom(...ScoringMethod.options),
  "missing-data-rule": fc.oneof(
    fc.constant({ kind: "none" as const }),
    fc.record({ kind: fc.constant("minimum-answered" as const), minimumAnswered: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant("prorate" as const), minimumAnswered: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant("mean-substitution" as const), maximumMissing: fc.nat(5) }),
  ),
  "conversion-table": fc.record({ entries: fc.array(fc.record({ raw: fc.integer({ min: -50, max: 50 }), metric: fc.double({ min: -100, max: 100, noNaN: true }) }), { minLength: 1, maxLength: 10 }) }),
  band: fc.record({ id: identifier, label: localised, min: fc.integer({ min: 0, max: 50 }), max: fc.integer({ min: 50, max: 100 }) }),
  "alert-rule": fc.oneof(
    fc.record({ id: identifier, itemId: identifier, minimumValue: fc.integer({ min: 0, max: 5 }), message: localised }),
    fc.record({ id: identifier, itemId: identifier, optionCodes: fc.array(identifier, { minLength: 1, maxLength: 3 }), message: localised }),
  ),
  direction: fc.constantFrom(...Direction.options),
  subscale: definitions.flatMap((definition) => definition.subscales ?? []),
  "instrument-scoring": definitions.map((definition) => definition.scoring),
  "instrument-definition": definitions,
  "instrument-response": phqResponse,
  "subscale-score": fc.record({ id: identifier, raw: fc.integer({ min: 0, max: 40 }), score: fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: null }), answered: count, missing: count, excluded: count }),
  "score-alert": fc.record({ ruleId: identifier, itemId: identifier, message: localised }),
  "missing-data-rule-applied": fc.constantFrom(...MissingDataRuleApplied.options),
  "instrument-score": scores,
  "population-statistics": fc.record({ mean: fc.double({ min: -100, max: 100, noNaN: true }), standardDeviation: fc.double({ min: 0.1, max: 30, noNaN: true }) }),
  "change-parameters": fc.oneof(
    fc.record({ standardDeviation: fc.double({ min: 0.1, max: 30, noNaN: true }), reliability: fc.double({ min: 0, max: 0.99, noNaN: true }), cutOff: fc.integer({ min: 0, max: 60 }) }, { requiredKeys: ["standardDeviation", "reliability"] }),
    fc.record({ reliableChangeThreshold: fc.integer({ min: 1, max: 20 }), cutOff: fc.integer({ min: 0, max: 60 }) }, { requiredKeys: ["reliableChangeThreshold"] }),
  ),
  "change-classification": fc.constantFrom(...ChangeClassification.options),
  "evidence-source": recoveryIndicatorSet.evidenceSources,
  "indicator-statement": recoveryIndicatorSet.indicators.flatMap((indicator) => indicator.statements),
  indicator: recoveryIndicatorSet.indicators,
  "indicator-set": [recoveryIndicatorSet],
  "indicator-rating": rating,
  "indicator-assessment": assessment,
  "rating-aggregate": aggregate,
  "indicator-summary": summaries,
  "action-plan-entry": entry,
  "action-plan": summaries.map((summary) => buildActionPlan(summary, { owner: "team-lead", dueDate: "2026-06-30" })),
  "rule-source": fc.record({ citation: text.filter((value) => value.trim() === value && value !== ""), year: fc.integer({ min: 1900, max: 2100 }), note: text.filter((value) => value.trim() === value && value !== "") }, { requiredKeys: ["citation", "year"] }),
  "loinc-code": ["44249-1", "44261-6", "69737-5", "70274-6", "55757-9", "55758-7", "44260-8"],
  "instrument-loinc": fc.record({ panel: fc.constantFrom("44249-1", "69737-5"), total: fc.constantFrom("44261-6", "70274-6") }, { requiredKeys: [] }),
  "instrument-wording": fc.record(
    { instrumentId: identifier, language: fc.constantFrom("en", "cy", "gd"), title: fc.constant("A title"), items: fc.dictionary(identifier, fc.constant("Item text"), { maxKeys: 3 }) },
    { requiredKeys: ["instrumentId", "language", "items"] },
  ),
  "outcome-measure": nhsTalkingTherapiesRules.measures,
  "outcome-rules": [nhsTalkingTherapiesRules],
  "not-paired-reason": fc.constantFrom(...NotPairedReason.options),
  "measure-outcome": episodes.chain((outcome) => fc.constantFrom(...outcome.measures)),
  "episode-outcome": episodes,
  "outcome-cell": fc.oneof(fc.record({ count: fc.nat(1000), suppressed: fc.constant(false) }), fc.constant({ count: null, suppressed: true })),
  "outcome-rate": fc.oneof(fc.record({ rate: fc.double({ min: 0, max: 1, noNaN: true }), suppressed: fc.constant(false) }), fc.constant({ rate: null, suppressed: true })),
  "outcome-group": summariesOfOutcomes.map((summary) => (summary as { overall: unknown }).overall),
  "period-kind": fc.constantFrom(...PeriodKind.options),
  "outcome-summary": summariesOfOutcomes,
  "instrument-licence": fc.record({ notice: fc.constant("Free to use."), wordingIncluded: fc.boolean(), source: fc.constant({ citation: "Terms of use", year: 2024 }) }),
};

/** Parse with the package's own validators where it has them, so that they are tested too. */
const parsers: Record<string, (input: unknown) => ReturnType<typeof safeParseResult>> = {
  "instrument-definition": validateInstrument,
  "instrument-response": (input) => validateResponse(phq9, input),
  "indicator-assessment": (input) => validateIndicatorAssessment(input, recoveryIndicatorSet),
  "outcome-rules": validateOutcomeRules,
};

describePublicSchemas({
  schemas: publicSchemas,
  samples,
  snapshots: fileURLToPath(new URL("../schemas", import.meta.url)),
  parse: (schema) => (input) => safeParseResult(schema, input),
  parsers,
  zodIssues: issuesFromZodError,
  numRuns: 60,
});
