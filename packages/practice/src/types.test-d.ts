import { expectTypeOf, it } from "vitest";
import type { Result, Role } from "@selfmanage/core";
import type { PlanStatus, PracticeRecords, PracticeSummary, PracticeTaxonomy, ProtectedCount, Reflection, Sector, Session, TaxonomyCategory, ThemeSuggestion } from "./index";
import { extendTaxonomy, protectPartition, suggestReflectionThemes, summarisePractice, validatePracticeRecords, validateReflection, validateSession, validateTaxonomy } from "./index";

it("infers record types from the schemas", () => {
  expectTypeOf<Session["format"]>().toEqualTypeOf<"in-person" | "online" | "hybrid">();
  expectTypeOf<NonNullable<Session["participants"]["bySector"]>[number]["sector"]>().toEqualTypeOf<Sector>();
  expectTypeOf<NonNullable<Session["participants"]["byRole"]>[number]["role"]>().toEqualTypeOf<Role>();
  expectTypeOf<Reflection["participant"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<NonNullable<Reflection["followUp"]>["planStatus"]>().toEqualTypeOf<PlanStatus>();
  expectTypeOf(validateSession).returns.toEqualTypeOf<Result<Session>>();
  expectTypeOf(validateReflection).returns.toEqualTypeOf<Result<Reflection>>();
  expectTypeOf(validateTaxonomy).returns.toEqualTypeOf<Result<PracticeTaxonomy>>();
  expectTypeOf(extendTaxonomy).returns.toEqualTypeOf<Result<PracticeTaxonomy>>();
  expectTypeOf(validatePracticeRecords).returns.toEqualTypeOf<Result<PracticeRecords>>();
});

it("types summaries and suggestions for callers", () => {
  expectTypeOf(summarisePractice).returns.toEqualTypeOf<PracticeSummary>();
  expectTypeOf<PracticeSummary["frequencies"][number]["category"]>().toEqualTypeOf<TaxonomyCategory>();
  expectTypeOf<PracticeSummary["frequencies"][number]["terms"][number]["count"]>().toEqualTypeOf<number | null>();
  expectTypeOf<PracticeSummary["crossTabulation"]["cells"][number][number]>().toEqualTypeOf<ProtectedCount>();
  expectTypeOf<PracticeSummary["followThrough"]["outcomes"][number]["status"]>().toEqualTypeOf<PlanStatus | "not-followed-up">();
  expectTypeOf(protectPartition).returns.toHaveProperty("total").toEqualTypeOf<ProtectedCount>();
  expectTypeOf(suggestReflectionThemes).returns.toEqualTypeOf<ThemeSuggestion[]>();
  expectTypeOf<ThemeSuggestion["status"]>().toEqualTypeOf<"suggested">();
});
