export { summarisePractice } from "./summarise";
export { SummaryOptions, defaultSummaryOptions } from "./types";
export type { TermCount, CategoryFrequencies, CrossTabulation, PeriodFrequencies, TermChange, PeriodChange, PlanOutcome, FollowThroughSummary, ParticipantCount, SessionOverview, ThemeSummary, PracticeSummary } from "./types";
