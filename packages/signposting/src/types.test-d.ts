import { expectTypeOf, it } from "vitest";
import type { Result } from "@selfmanage/core";
import type { Directory, ImportReport, Location, OpeningHours, RedactedSignpostingEvent, Schedule, Service, ServiceCategory, ServiceMatch, SignpostingEvent } from "./index";
import { buildSearchIndex, exportOpenReferralUk, importAlissServices, importOpenReferralUk, isOpenAt, parsePostcode, redactSignpostingEvent, searchServices, validateDirectory, validateService, validateSignpostingEvent } from "./index";

it("infers record types from schemas", () => {
  expectTypeOf<Service["status"]>().toEqualTypeOf<"active" | "inactive" | "defunct" | "temporarily-closed">();
  expectTypeOf<Service["categories"]>().toEqualTypeOf<ServiceCategory[]>();
  expectTypeOf<Directory["locations"]>().toEqualTypeOf<Location[]>();
  expectTypeOf<Schedule>().toEqualTypeOf<OpeningHours>();
  expectTypeOf<SignpostingEvent["services"][number]["method"]>().toEqualTypeOf<"information" | "warm-handover" | "referral">();
});

it("types the public functions", () => {
  expectTypeOf(validateService).returns.toEqualTypeOf<Result<Service>>();
  expectTypeOf(validateDirectory).returns.toEqualTypeOf<Result<Directory>>();
  expectTypeOf(validateSignpostingEvent).returns.toEqualTypeOf<Result<SignpostingEvent>>();
  expectTypeOf(searchServices).returns.toEqualTypeOf<ServiceMatch[]>();
  expectTypeOf(buildSearchIndex).parameter(0).toEqualTypeOf<Directory>();
  expectTypeOf(importOpenReferralUk).returns.toEqualTypeOf<ImportReport>();
  expectTypeOf(importAlissServices).returns.toEqualTypeOf<ImportReport>();
  expectTypeOf(exportOpenReferralUk).returns.toEqualTypeOf<unknown[]>();
  expectTypeOf(redactSignpostingEvent).returns.toEqualTypeOf<RedactedSignpostingEvent>();
  expectTypeOf(isOpenAt).returns.toEqualTypeOf<boolean>();
  const parsed = parsePostcode("EH1 1YZ");
  if (parsed.ok) expectTypeOf(parsed.value.district).toEqualTypeOf<string>();
});
