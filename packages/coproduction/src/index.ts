/**
 * Score how co-produced an initiative is: frameworks as data (the New Economics Foundation's
 * six principles and the five pillars of self-management practice built in), assessments from
 * several perspectives scored with parity between the two sides of the partnership and
 * disclosure control for small groups, the participation ladder, tokenism flags, and change
 * over time.
 *
 * @packageDocumentation
 */
export { LadderLevel, ladderLevels, ladderLabels, ladderRank, lowestLadderLevel, highestLadderLevel } from "./ladder";
export { PartnershipSide, PartnershipSides, SideAssignment, partnershipSideOrder, partnershipSideLabels, defaultPartnershipSides, assignPartnershipSides } from "./sides";
export { Indicator, Principle, Stage, Framework, defaultStages, validateFramework, frameworkStages } from "./framework";
export { nefPrinciplesFramework, practicePillarsFramework, builtInFrameworks } from "./builtins";
export { Respondent, Rating, StageInvolvement, Assessment, validateAssessment } from "./assessment";
export { livedExperiencePerspectives, professionalPerspectives, assessInvolvement } from "./involvement";
export type { TokenismCode, TokenismFlag, StageLadder, InitiativeLadder, InvolvementFindings } from "./involvement";
export { Weighting, ScoringOptions, defaultScoringOptions } from "./scoring/options";
export { roundingWidths, largestScaleStep, roundingWidth, roundToWidth } from "./scoring/disclosure";
export { scoreAssessment } from "./scoring/score";
export type {
  PerspectiveScore,
  PerspectiveScores,
  SideStatus,
  SideScore,
  SideGap,
  SideScores,
  CombinedStatus,
  OneSidedNote,
  CombinedScore,
  IndicatorScore,
  PrincipleScore,
  PerspectiveSummary,
  PerceptionGap,
  Highlight,
  WeightingName,
  AssessmentScore,
} from "./scoring/types";
export { compareAssessments } from "./change";
export type { ChangeWithheld, ScoreChange, CombinedChange, PrincipleChange, IndicatorChange, AssessmentChange } from "./change";
