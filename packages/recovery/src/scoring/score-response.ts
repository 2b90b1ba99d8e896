import { ok, type Result } from "@selfmanage/core";
import type { InstrumentDefinition } from "../instrument";
import { compileForScoring, type CompiledForScoring } from "./compile";
import type { InstrumentScore } from "./result";

/** Compiled instruments by definition object, so that per-call scoring compiles each definition once. */
const compiledByDefinition = new WeakMap<InstrumentDefinition, CompiledForScoring>();

/**
 * Validate a response against an instrument and score it: total, subscales, band, completeness,
 * alerts and which missing-data rule was applied. "Not applicable" answers never count as zero.
 *
 * @remarks
 * The instrument is compiled on first use and the compiled form kept for as long as the
 * definition object lives (a `WeakMap` keyed on it), so scoring many responses one call at a time
 * costs about as much as {@link compileInstrument} once. Definitions are plain data to be treated
 * as read-only: after changing one, pass a new object (a changed instrument is a new version).
 *
 * @throws {@link @selfmanage/core!SelfManageError} `invalid-definition` when the instrument itself is not valid.
 * @example
 * ```ts
 * const result = scoreResponse(serviceExperienceQuestionnaire, {
 *   instrumentId: "service-experience",
 *   instrumentVersion: "1.0.0",
 *   answers: { "right-help-right-time": "agree", "fits-my-needs": "strongly-agree" },
 * });
 * if (result.ok) result.value.status; // "not-scored": fewer than six items answered
 * ```
 */
export function scoreResponse(instrument: InstrumentDefinition, input: unknown): Result<InstrumentScore> {
  let compiled = compiledByDefinition.get(instrument);
  if (compiled === undefined) {
    compiled = compileForScoring(instrument);
    compiledByDefinition.set(instrument, compiled);
  }
  // Most responses are valid: check and score them in one pass; anything else is validated in full.
  const quick = compiled.scoreIfValid(input);
  if (quick !== undefined) return ok(quick);
  const checked = compiled.validate(input);
  return checked.ok ? ok(compiled.score(checked.value)) : checked;
}
