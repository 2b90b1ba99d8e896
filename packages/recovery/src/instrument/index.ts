/**
 * Instrument definitions: items and their scales, the scoring rules, the definition as a whole,
 * and its validator.
 */
export * from "./items";
export * from "./scoring-rules";
export * from "./definition";
export * from "./validate";
