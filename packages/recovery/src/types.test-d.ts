import { expectTypeOf, it } from "vitest";
import type { Result } from "@selfmanage/core";
import {
  classifyChange,
  compileInstrument,
  scoreResponse,
  summariseIndicatorAssessment,
  validateInstrument,
  validateResponse,
  type ChangeClassification,
  type ChangeOutcome,
  type CompiledInstrument,
  type IndicatorAssessment,
  type IndicatorSet,
  type IndicatorSummary,
  type InstrumentDefinition,
  type InstrumentResponse,
  type InstrumentScore,
  type MissingDataRule,
} from "./index";

it("infers record types from schemas", () => {
  expectTypeOf<InstrumentResponse["answers"]>().toEqualTypeOf<Record<string, string>>();
  expectTypeOf<InstrumentScore["status"]>().toEqualTypeOf<"scored" | "not-scored">();
  expectTypeOf<InstrumentScore["total"]>().toEqualTypeOf<number | null>();
  expectTypeOf<MissingDataRule["kind"]>().toEqualTypeOf<"none" | "minimum-answered" | "prorate" | "mean-substitution">();
  expectTypeOf<ChangeClassification>().toEqualTypeOf<"recovered" | "improved" | "unchanged" | "deteriorated">();
});

it("returns results from validators and plain values from scorers", () => {
  expectTypeOf(validateInstrument).returns.toEqualTypeOf<Result<InstrumentDefinition>>();
  expectTypeOf(validateResponse).returns.toEqualTypeOf<Result<InstrumentResponse>>();
  expectTypeOf(scoreResponse).returns.toEqualTypeOf<Result<InstrumentScore>>();
  expectTypeOf(compileInstrument).returns.toEqualTypeOf<CompiledInstrument>();
  expectTypeOf<CompiledInstrument["score"]>().parameters.toEqualTypeOf<[InstrumentResponse]>();
  expectTypeOf(classifyChange).returns.toEqualTypeOf<ChangeOutcome>();
  expectTypeOf(summariseIndicatorAssessment).parameters.toEqualTypeOf<[IndicatorAssessment, IndicatorSet]>();
  expectTypeOf(summariseIndicatorAssessment).returns.toEqualTypeOf<IndicatorSummary>();
});

it("narrows a scored result", () => {
  const result = scoreResponse({} as InstrumentDefinition, {});
  if (result.ok) expectTypeOf(result.value.band).toEqualTypeOf<{ id: string; label: { en: string; [language: string]: string } } | undefined>();
});
