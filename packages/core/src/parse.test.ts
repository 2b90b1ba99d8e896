import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import type { SelfManageError } from "./errors";
import { isSelfManageError } from "./errors";
import { issuesFromZodError, safeParseResult, unwrap } from "./parse";
import { ok } from "./result";
import { IsoDate, IsoDateTime } from "./dates";

const SENTINEL = "SENTINEL-Jane-Doe-0123456789";

const Sample = z.strictObject({
  name: z.string().min(1).max(5),
  age: z.number().int().min(0).max(120),
  tags: z.array(z.string()).min(1).max(2),
  kind: z.enum(["a", "b"]),
  many: z.enum(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"]).optional(),
  exact: z.literal("fixed").optional(),
  when: IsoDateTime.optional(),
  day: IsoDate.optional(),
  email: z.email().optional(),
  step: z.number().multipleOf(5).optional(),
  half: z.number().multipleOf(0.5).optional(),
  choice: z.union([z.string(), z.strictObject({ inner: z.number() })]).optional(),
  flag: z.boolean().optional(),
  positive: z.number().positive().optional(),
  checked: z
    .string()
    .refine((value) => value.startsWith("ok"), { message: "Must start with the agreed prefix.", params: { code: "bad_prefix" } })
    .optional(),
  plain: z.string().refine((value) => value !== "x").optional(),
  mapped: z.record(z.string().regex(/^[a-z]+$/), z.number()).optional(),
});

const valid = { name: "Ann", age: 40, tags: ["t"], kind: "a" };

function issuesFor(input: unknown) {
  const result = safeParseResult(Sample, input);
  if (result.ok) throw new Error("expected failure");
  return result.issues;
}

describe("safeParseResult", () => {
  it("returns the parsed value for valid input", () => {
    expect(safeParseResult(Sample, valid)).toEqual({ ok: true, value: valid });
  });

  it("reports a missing field as required", () => {
    expect(issuesFor({ age: 40, tags: ["t"], kind: "a" })).toEqual([{ path: ["name"], code: "required", message: "This field is required." }]);
  });

  it("reports a missing enum, literal or union field as required", () => {
    const Shape = z.strictObject({ kind: z.enum(["a", "b"]), exact: z.literal("x"), either: z.union([z.string(), z.number()]) });
    const result = safeParseResult(Shape, {});
    expect(result.ok ? [] : result.issues).toEqual([
      { path: ["kind"], code: "required", message: "This field is required." },
      { path: ["exact"], code: "required", message: "This field is required." },
      { path: ["either"], code: "required", message: "This field is required." },
    ]);
  });

  it("names the expected and found types without the value", () => {
    const [first] = issuesFor({ ...valid, age: SENTINEL });
    expect(first).toEqual({ path: ["age"], code: "invalid_type", message: "Expected a number, but found text." });
    expect(issuesFor({ ...valid, age: 1.5 })[0]?.message).toBe("Expected a whole number, but found a number.");
    expect(issuesFor({ ...valid, tags: "x" })[0]?.message).toBe("Expected a list, but found text.");
    expect(issuesFor({ ...valid, flag: null })[0]?.message).toBe("Expected true or false, but found null.");
    expect(issuesFor({ ...valid, flag: [] })[0]?.message).toBe("Expected true or false, but found a list.");
    expect(issuesFor({ ...valid, flag: {} })[0]?.message).toBe("Expected true or false, but found an object.");
    expect(issuesFor({ ...valid, name: 3 })[0]?.message).toBe("Expected text, but found a whole number.");
    expect(issuesFor({ ...valid, name: true })[0]?.message).toBe("Expected text, but found true or false.");
    expect(issuesFor(SENTINEL)[0]).toMatchObject({ path: [], code: "invalid_type" });
  });

  it("explains size limits for text, numbers and lists", () => {
    expect(issuesFor({ ...valid, name: "" })[0]?.message).toBe("Must not be empty.");
    expect(issuesFor({ ...valid, name: "toolong" })[0]?.message).toBe("Must be at most 5 characters long.");
    expect(issuesFor({ ...valid, age: -1 })[0]?.message).toBe("Must be at least 0.");
    expect(issuesFor({ ...valid, age: 121 })[0]?.message).toBe("Must be at most 120.");
    expect(issuesFor({ ...valid, tags: [] })[0]?.message).toBe("Must have at least one item.");
    expect(issuesFor({ ...valid, tags: ["a", "b", "c"] })[0]?.message).toBe("Must have at most 2 items.");
    expect(issuesFor({ ...valid, positive: 0 })[0]?.message).toBe("Must be more than 0.");
  });

  it("explains formats, multiples, enums and literals", () => {
    expect(issuesFor({ ...valid, when: "2026-03-01T10:00:00" })[0]).toMatchObject({ code: "invalid_format", path: ["when"] });
    expect(issuesFor({ ...valid, day: "01/03/2026" })[0]?.message).toContain("YYYY-MM-DD");
    expect(issuesFor({ ...valid, email: "nope" })[0]?.message).toBe("Must be an email address.");
    expect(issuesFor({ ...valid, step: 7 })[0]?.message).toBe("Must be a multiple of 5.");
    expect(issuesFor({ ...valid, kind: "z" })[0]?.message).toBe('Must be one of: "a", "b".');
    expect(issuesFor({ ...valid, many: "z" })[0]?.message).toBe("Must be one of the allowed values for this field.");
    expect(issuesFor({ ...valid, exact: "other" })[0]?.message).toBe('Must be "fixed".');
  });

  it("reports unknown fields one by one instead of stripping them", () => {
    expect(issuesFor({ ...valid, nickname: SENTINEL, other: 1 })).toEqual([
      { path: ["nickname"], code: "unknown_field", message: "This field is not part of the record. Check its spelling, or remove it." },
      { path: ["other"], code: "unknown_field", message: "This field is not part of the record. Check its spelling, or remove it." },
    ]);
  });

  it("reports the closest branch of a union, or the union itself", () => {
    expect(issuesFor({ ...valid, choice: { inner: "x" } })).toEqual([
      { path: ["choice", "inner"], code: "invalid_type", message: "Expected a number, but found text." },
    ]);
    expect(issuesFor({ ...valid, choice: 4 })).toEqual([
      { path: ["choice"], code: "invalid_union", message: "Does not match any of the allowed forms for this field." },
    ]);
  });

  it("keeps custom refinement messages and codes", () => {
    expect(issuesFor({ ...valid, checked: "no" })[0]).toEqual({ path: ["checked"], code: "bad_prefix", message: "Must start with the agreed prefix." });
    expect(issuesFor({ ...valid, plain: "x" })[0]?.code).toBe("custom");
    expect(issuesFor({ ...valid, mapped: { Z9: 1 } })[0]).toEqual({ path: ["mapped", "Z9"], code: "invalid_key", message: "A key in this object is not allowed." });
  });

  it("reports a whole-record refinement once at each place its params.paths names", () => {
    const overlapping = (rows: { from: number; to: number }[]) => rows.flatMap((row, index) => (row.to < row.from ? [[index, "to"]] : []));
    const Rows = z.array(z.strictObject({ from: z.number(), to: z.number() })).refine((rows) => overlapping(rows).length === 0, {
      message: "Must not end before it starts.",
      params: { code: "reversed", paths: overlapping },
    });
    const Wrapper = z.strictObject({ rows: Rows });
    const result = safeParseResult(Wrapper, { rows: [{ from: 1, to: 0 }, { from: 1, to: 2 }, { from: 5, to: 4 }] });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: ["rows", 0, "to"], code: "reversed", message: "Must not end before it starts." },
        { path: ["rows", 2, "to"], code: "reversed", message: "Must not end before it starts." },
      ],
    });
    // A paths function that names nothing useful leaves the one issue where zod put it.
    const Vague = z.strictObject({ a: z.number() }).refine(() => false, { message: "No.", params: { code: "no", paths: () => "nowhere" } });
    expect(safeParseResult(Vague, { a: 1 })).toEqual({ ok: false, issues: [{ path: [], code: "no", message: "No." }] });
  });

  it("never echoes a rejected value in any message", () => {
    const inputs = [
      SENTINEL,
      { ...valid, name: SENTINEL },
      { ...valid, age: SENTINEL },
      { ...valid, kind: SENTINEL },
      { ...valid, tags: [SENTINEL, SENTINEL, SENTINEL] },
      { ...valid, when: SENTINEL },
      { ...valid, email: SENTINEL },
      { ...valid, exact: SENTINEL },
      { ...valid, choice: { inner: SENTINEL } },
      { ...valid, checked: SENTINEL },
      { ...valid, mapped: { [SENTINEL]: 1 } },
      { ...valid, many: SENTINEL },
    ];
    for (const input of inputs) {
      for (const found of issuesFor(input)) {
        expect(found.message).not.toContain(SENTINEL);
        expect(found.message).not.toContain("Jane");
      }
    }
  });

  it("answers exactly as zod's own parser does, through the compiled fast path or not", () => {
    const direct = (input: unknown) => {
      const parsed = Sample.safeParse(input);
      return parsed.success ? ok(parsed.data) : { ok: false, issues: issuesFromZodError(parsed.error, input) };
    };
    const nearlyValid = fc.record(
      { name: fc.oneof(fc.string({ maxLength: 7 }), fc.integer()), age: fc.oneof(fc.integer({ min: -5, max: 130 }), fc.double()), tags: fc.array(fc.string(), { maxLength: 3 }), kind: fc.constantFrom("a", "b", "c"), checked: fc.constantFrom("ok-1", "no"), extra: fc.boolean() },
      { requiredKeys: ["name", "age", "tags", "kind"] },
    );
    fc.assert(fc.property(fc.oneof(nearlyValid, fc.anything()), (input) => {
      expect(safeParseResult(Sample, input)).toEqual(direct(input));
    }), { numRuns: 300 });
    // Twice on the same schema: the second call uses the compiled schema kept from the first.
    expect(safeParseResult(Sample, valid)).toEqual(safeParseResult(Sample, valid));
  });

  it("turns a throwing refinement into an issue instead of a crash", () => {
    const Fragile = z.string().refine(() => {
      throw new Error(SENTINEL);
    });
    const result = safeParseResult(Fragile, "x");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.code).toBe("unreadable");
      expect(result.issues[0]?.message).not.toContain(SENTINEL);
    }
  });

  it("converts zod errors without the input too", () => {
    const parsed = z.strictObject({ a: z.string() }).safeParse({});
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(issuesFromZodError(parsed.error)).toEqual([{ path: ["a"], code: "required", message: "This field is required." }]);
  });

  it("falls back to a generic message for issue codes it does not know", () => {
    const fake = { issues: [{ code: "something_new", path: ["x"], message: SENTINEL }] } as unknown as z.core.$ZodError;
    expect(issuesFromZodError(fake)).toEqual([{ path: ["x"], code: "invalid", message: "This value is not valid here." }]);
  });
});

describe("unwrap and errors", () => {
  it("returns the value of a successful result", () => {
    expect(unwrap(ok(5))).toBe(5);
  });

  it("throws a coded error listing paths, never values", () => {
    const result = safeParseResult(Sample, { ...valid, name: SENTINEL });
    try {
      unwrap(result);
      expect.unreachable();
    } catch (error) {
      expect(isSelfManageError(error, "invalid-input")).toBe(true);
      expect(isSelfManageError(error, "unsupported")).toBe(false);
      expect(isSelfManageError(new Error("x"))).toBe(false);
      expect((error as SelfManageError).message).toContain("name: Must be at most 5 characters long.");
      expect((error as SelfManageError).message).not.toContain(SENTINEL);
      expect((error as SelfManageError).name).toBe("SelfManageError");
    }
  });
});
