import { expectTypeOf, it } from "vitest";
import type { Result, Role } from "@selfmanage/core";
import type { Assessment, AssessmentChange, AssessmentScore, Framework, LadderLevel, PerspectiveScore, Rating, ScoringOptions, TokenismCode } from "./index";
import { compareAssessments, scoreAssessment, validateAssessment, validateFramework } from "./index";

it("infers record types from the schemas", () => {
  expectTypeOf<Assessment["respondents"][number]["perspective"]>().toEqualTypeOf<Role>();
  expectTypeOf<Assessment["involvement"][number]["level"]>().toEqualTypeOf<LadderLevel>();
  expectTypeOf<Rating["evidence"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf(validateFramework).returns.toEqualTypeOf<Result<Framework>>();
  expectTypeOf(validateAssessment).returns.toEqualTypeOf<Result<Assessment>>();
});

it("types scores and changes for callers", () => {
  expectTypeOf(scoreAssessment).parameter(2).toEqualTypeOf<ScoringOptions | undefined>();
  expectTypeOf(scoreAssessment).returns.toEqualTypeOf<AssessmentScore>();
  expectTypeOf<AssessmentScore["overall"]["score"]>().toEqualTypeOf<number | null>();
  expectTypeOf<NonNullable<AssessmentScore["principles"][number]["byPerspective"]["person"]>>().toEqualTypeOf<PerspectiveScore>();
  expectTypeOf<AssessmentScore["tokenism"][number]["code"]>().toEqualTypeOf<TokenismCode>();
  expectTypeOf(compareAssessments).returns.toEqualTypeOf<AssessmentChange>();
  expectTypeOf<AssessmentScore["weighting"]>().toEqualTypeOf<"partnership-parity" | "perspective-parity" | "headcount" | "custom">();
  expectTypeOf<AssessmentScore["overall"]["status"]>().toEqualTypeOf<"two-sided" | "one-sided" | "withheld" | "not-reported">();
  expectTypeOf<AssessmentScore["overall"]["sides"]["using-services"]["score"]>().toEqualTypeOf<number | null>();
  expectTypeOf(compareAssessments).parameter(2).toEqualTypeOf<Framework>();
});
