import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describePublicSchemas } from "@selfmanage/test-kit";
import { agreementScale, OrdinalScale, ScaleOption } from "./scale";
import { Coding, Identifier, PersonReference } from "./ids";
import { IsoDate, IsoDateTime } from "./dates";
import { LanguageTag, LocalisedText } from "./text";
import { Provenance, Role } from "./roles";
import { ValidationIssue } from "./result";
import { issuesFromZodError, safeParseResult } from "./parse";

/** The schemas published as JSON Schema in `schemas/`. */
export const publicSchemas = {
  identifier: Identifier,
  "person-reference": PersonReference,
  coding: Coding,
  "iso-date": IsoDate,
  "iso-date-time": IsoDateTime,
  role: Role,
  provenance: Provenance,
  "language-tag": LanguageTag,
  "localised-text": LocalisedText,
  "scale-option": ScaleOption,
  "ordinal-scale": OrdinalScale,
  "validation-issue": ValidationIssue,
};

const identifier = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
const dateTime = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().replace(/\.\d{3}Z$/, "Z"));
const text = fc.string({ minLength: 1, maxLength: 40 });
const localised = fc.record({ en: text }, { requiredKeys: ["en"] }).chain((base) =>
  fc.record({ gd: text, cy: text }, { requiredKeys: [] }).map((others) => ({ ...base, ...others })),
);

const samples = {
  identifier,
  "person-reference": identifier.map((id) => `person-${id}`),
  coding: fc.record({ system: fc.constant("http://snomed.info/sct"), code: fc.stringMatching(/^\d{6,18}$/), display: text }, { requiredKeys: ["system", "code"] }),
  "iso-date": dateTime.map((value) => value.slice(0, 10)),
  "iso-date-time": dateTime,
  role: fc.constantFrom(...Role.options),
  provenance: fc.record({ recordedBy: identifier, role: fc.constantFrom(...Role.options), recordedAt: dateTime, organisation: identifier }, { requiredKeys: ["recordedBy", "role", "recordedAt"] }),
  "language-tag": fc.constantFrom("en", "gd", "cy", "en-GB", "en-x-easyread", "pl"),
  "localised-text": localised,
  "scale-option": fc.oneof(
    fc.record({ code: identifier, label: localised, value: fc.integer({ min: -10, max: 10 }) }),
    fc.record({ code: identifier, label: localised, exclusion: fc.constantFrom("not-applicable" as const, "dont-know" as const) }),
  ),
  "ordinal-scale": fc.constant(agreementScale),
  "validation-issue": fc.record({ path: fc.array(fc.oneof(identifier, fc.nat(50))), code: identifier, message: text }),
} satisfies Record<keyof typeof publicSchemas, fc.Arbitrary<unknown>>;

describePublicSchemas({
  schemas: publicSchemas,
  samples,
  snapshots: fileURLToPath(new URL("../schemas", import.meta.url)),
  parse: (schema) => (input) => safeParseResult(schema, input),
  zodIssues: issuesFromZodError,
});
