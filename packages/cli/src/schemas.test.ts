import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { safeParseResult } from "@selfmanage/core";
import { describePublicSchemas } from "@selfmanage/test-kit";
import { ReportedIssue } from "./reported-issue";

/** The schemas published as JSON Schema in `schemas/`. */
export const publicSchemas = { "reported-issue": ReportedIssue };

const identifier = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
const samples = {
  "reported-issue": fc.record(
    {
      file: fc.oneof(fc.constant("<stdin>"), identifier.map((name) => `${name}.ndjson`)),
      line: fc.integer({ min: 1, max: 1_000_000 }),
      record: fc.integer({ min: 1, max: 100_000 }),
      path: fc.array(fc.oneof(identifier, fc.nat(50)), { maxLength: 6 }),
      code: identifier,
      message: fc.string({ minLength: 1, maxLength: 80 }),
    },
    { requiredKeys: ["file", "path", "code", "message"] },
  ),
} satisfies Record<keyof typeof publicSchemas, fc.Arbitrary<unknown>>;

describePublicSchemas({
  schemas: publicSchemas,
  samples,
  snapshots: fileURLToPath(new URL("../schemas", import.meta.url)),
  parse: (schema) => (input) => safeParseResult(schema, input),
});
