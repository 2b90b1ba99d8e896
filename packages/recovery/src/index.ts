/**
 * Recovery indicators and a questionnaire engine: instrument definitions that a service writes
 * itself, response validation, fast compiled scoring with missing-data rules, conversion tables,
 * bands and alerts, reliable change, and service-level recovery indicators with action plans.
 *
 * @packageDocumentation
 */
export {
  SemanticVersion,
  ChimeDomain,
  ResponseScale,
  ItemCondition,
  InstrumentItem,
  ScoringMethod,
  MissingDataRule,
  ConversionTable,
  Band,
  AlertRule,
  Subscale,
  InstrumentScoring,
  InstrumentDefinition,
  InstrumentLicence,
  scoreRange,
  validateInstrument,
} from "./instrument";
export { Direction } from "./direction";
export { RuleSource } from "./source";
export { LoincCode, InstrumentLoinc, isLoincCode } from "./loinc";
export { InstrumentResponse, validateResponse } from "./response";
export { SubscaleScore, ScoreAlert, MissingDataRuleApplied, InstrumentScore, compileInstrument, scoreResponse } from "./scoring";
export type { CompiledInstrument } from "./scoring";
export { PopulationStatistics, ChangeParameters, ChangeClassification, clinicalCutOff, reliableChange, classifyChange } from "./change";
export type { ScoreDirection, ChangeResult, ChangeOutcome } from "./change";
export {
  EvidenceSource,
  IndicatorStatement,
  Indicator,
  IndicatorSet,
  IndicatorRating,
  IndicatorAssessment,
  RatingAggregate,
  IndicatorSummary,
  validateIndicatorAssessment,
  summariseIndicatorAssessment,
} from "./indicators";
export { ActionPlanEntry, ActionPlan, buildActionPlan, compareIndicatorCycles } from "./action-plan";
export type { ActionPlanOptions, CycleChange, IndicatorCycleComparison } from "./action-plan";
export { recoveryIndicatorSet, evidenceSources } from "./data/indicator-set";
export { serviceExperienceQuestionnaire } from "./data/service-experience";
export { builtInInstruments, phq9, phq2, gad7, gad2, who5 } from "./data/instruments/index";
export { InstrumentWording, applyInstrumentWording } from "./wording";
export { OutcomeMeasure, OutcomeRules, nhsTalkingTherapiesRules, validateOutcomeRules, outcomeMeasureFromDefinition } from "./outcomes/rules";
export { NotPairedReason, MeasureOutcome, EpisodeOutcome, classifyEpisode } from "./outcomes/classify";
export type { MeasureScores } from "./outcomes/classify";
export {
  outcomeCountNames,
  outcomeRateDefinitions,
  OutcomeCell,
  OutcomeRate,
  OutcomeGroup,
  PeriodKind,
  OutcomeSummary,
  emptyCounts,
  countEpisode,
  buildOutcomeSummary,
  periodOf,
} from "./outcomes/aggregate";
export type { OutcomeCountName, OutcomeRateName, RawOutcomeCounts, RawOutcomeGroup } from "./outcomes/aggregate";
export { createOutcomeTracker } from "./outcomes/track";
export type { OutcomeMeasurement, OutcomeTrackerOptions, OutcomeTracker } from "./outcomes/track";
