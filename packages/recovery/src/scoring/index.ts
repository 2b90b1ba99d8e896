export { SubscaleScore, ScoreAlert, MissingDataRuleApplied, InstrumentScore } from "./result";
export { compileInstrument } from "./compile";
export type { CompiledInstrument } from "./compile";
export { scoreResponse } from "./score-response";
