/**
 * Person-led goal setting for the Self Management Toolkit: goals in the person's own words,
 * SMART shape, readiness rulers, steps, a FHIR-aligned lifecycle with an explicit transition
 * table and history, reviews, Goal Attainment Scaling, health-coaching courses and Wellness
 * Recovery Action Plans.
 *
 * @packageDocumentation
 */
export { LifecycleStatus, AchievementStatus, GoalChange, lifecycleTransitions, openLifecycleStatuses, canTransition } from "./lifecycle";
export { LifeArea, lifeAreas } from "./life-area";
export {
  GoalSupport,
  GoalLink,
  SmartShape,
  Readiness,
  StepStatus,
  GoalStep,
  GoalReview,
  Goal,
  GoalTransition,
  validateGoal,
  transitionGoal,
  illegalTransitionMessage,
} from "./goal";
export { GasLevel, GasLevelDescriptor, GasScale, GasSetEntry, GasSet, gasWeight, gasTScore, validateGasSet, scoreGasSet, gasScaleIssues } from "./gas";
export type { GasSetScore } from "./gas";
export { assessGoal } from "./assess";
export type { GoalFeedback, AssessGoalOptions } from "./assess";
export { summariseGoalProgress, summarisePersonGoals } from "./progress";
export type { GoalTimeline, GoalTimelineEvent, ReviewState, ProgressOptions, NextStep, PersonGoalsSummary } from "./progress";
export { maxCoachingSessions, coachingSessionMinutes, ActionReview, AgreedAction, GrowNotes, CoachingSession, CoachingCourse, validateCoachingCourse } from "./coaching";
export { CrisisContact, WellnessRecoveryActionPlan, wrapSections, validateWellnessRecoveryActionPlan } from "./wrap";
export type { WrapSectionKey } from "./wrap";
