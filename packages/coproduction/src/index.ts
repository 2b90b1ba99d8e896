/**
 * Score how co-produced an initiative is: frameworks as data (the New Economics Foundation's
 * six principles and the five pillars of self-management practice built in), assessments from
 * several perspectives scored with parity and small-number protection, the participation
 * ladder, tokenism flags, and change over time.
 *
 * @packageDocumentation
 */
export { LadderLevel, ladderLevels, ladderLabels, ladderRank, lowestLadderLevel, highestLadderLevel } from "./ladder";
export { Indicator, Principle, Stage, Framework, defaultStages, validateFramework, frameworkStages } from "./framework";
export { nefPrinciplesFramework, practicePillarsFramework, builtInFrameworks } from "./builtins";
export { Respondent, Rating, StageInvolvement, Assessment, validateAssessment } from "./assessment";
export { livedExperiencePerspectives, professionalPerspectives, assessInvolvement } from "./involvement";
export type { TokenismCode, TokenismFlag, StageLadder, InitiativeLadder, InvolvementFindings } from "./involvement";
export { PerspectiveWeights, ScoringOptions, defaultScoringOptions, scoreAssessment } from "./scoring";
export type { PerspectiveScore, PerspectiveScores, CombinedScore, IndicatorScore, PrincipleScore, PerspectiveSummary, PerceptionGap, Highlight, AssessmentScore } from "./scoring";
export { compareAssessments } from "./change";
export type { ScoreChange, CombinedChange, PrincipleChange, AssessmentChange } from "./change";
