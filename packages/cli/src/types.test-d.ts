import { expectTypeOf, test } from "vitest";
import { readRecords, runCli, type CliIo, type InputRecord, type ReportedIssue } from "./index";

test("runCli resolves to an exit code and takes optional io", () => {
  expectTypeOf(runCli).parameters.toEqualTypeOf<[args: readonly string[], io?: CliIo]>();
  expectTypeOf(runCli).returns.toEqualTypeOf<Promise<number>>();
});

test("readRecords yields located records", () => {
  expectTypeOf(readRecords).returns.toEqualTypeOf<AsyncGenerator<InputRecord>>();
  expectTypeOf<Extract<InputRecord, { ok: true }>["value"]>().toBeUnknown();
  expectTypeOf<Extract<InputRecord, { ok: false }>["issues"][number]["code"]>().toBeString();
});

test("ReportedIssue has optional line and record", () => {
  expectTypeOf<ReportedIssue["line"]>().toEqualTypeOf<number | undefined>();
  expectTypeOf<ReportedIssue["path"]>().toEqualTypeOf<(string | number)[]>();
});
