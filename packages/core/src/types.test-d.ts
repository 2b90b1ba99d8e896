import { expectTypeOf, it } from "vitest";
import type { Provenance, Result, Role, ScaledAnswer, ValidationIssue } from "./index";
import { ok, safeParseResult } from "./index";
import { Provenance as ProvenanceSchema } from "./roles";

it("infers record types from schemas", () => {
  expectTypeOf<Provenance["role"]>().toEqualTypeOf<Role>();
  expectTypeOf<ValidationIssue["path"]>().toEqualTypeOf<(string | number)[]>();
  expectTypeOf(safeParseResult(ProvenanceSchema, {})).toEqualTypeOf<Result<Provenance>>();
});

it("narrows results and scaled answers", () => {
  const result = ok(1) as Result<number>;
  if (result.ok) expectTypeOf(result.value).toEqualTypeOf<number>();
  else expectTypeOf(result.issues).toEqualTypeOf<ValidationIssue[]>();
  const answer = { kind: "scored", value: 1 } as ScaledAnswer;
  if (answer.kind === "excluded") expectTypeOf(answer.reason).toEqualTypeOf<"not-applicable" | "dont-know">();
});
