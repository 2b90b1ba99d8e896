import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { agreementScale, Role, safeParseResult } from "@selfmanage/core";
import { describePublicSchemas } from "@selfmanage/test-kit";
import { Assessment, Rating, Respondent, StageInvolvement, validateAssessment } from "./assessment";
import { Framework, Indicator, Principle, Stage, validateFramework } from "./framework";
import { LadderLevel } from "./ladder";
import { ScoringOptions, Weighting } from "./scoring/options";
import { PartnershipSide, SideAssignment } from "./sides";
import { nefPrinciplesFramework } from "./builtins";

/** The schemas published as JSON Schema in `schemas/`. */
export const publicSchemas = {
  "ladder-level": LadderLevel,
  indicator: Indicator,
  principle: Principle,
  stage: Stage,
  framework: Framework,
  respondent: Respondent,
  rating: Rating,
  "stage-involvement": StageInvolvement,
  assessment: Assessment,
  "partnership-side": PartnershipSide,
  "side-assignment": SideAssignment,
  weighting: Weighting,
  "scoring-options": ScoringOptions,
};

const identifier = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim().length > 0);
const localised = fc.record({ en: text, gd: text, cy: text }, { requiredKeys: ["en"] });
const level = fc.constantFrom(...LadderLevel.options);
const role = fc.constantFrom(...Role.options);
const side = fc.constantFrom(...PartnershipSide.options);
const sideAssignment = fc.record({ "peer-worker": side, volunteer: side }, { requiredKeys: [] });
const option = fc.constantFrom(...agreementScale.options.map((entry) => entry.code));
const date = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10));

const indicatorFields = { statement: localised, reverse: fc.boolean() };
const indicator = fc.record({ id: identifier, ...indicatorFields }, { requiredKeys: ["id", "statement"] });
const principleWith = (id: string, index: number) =>
  fc.record(
    {
      id: fc.constant(id),
      title: localised,
      description: localised,
      indicators: fc.array(fc.record(indicatorFields, { requiredKeys: ["statement"] }), { minLength: 1, maxLength: 4 }).map((items) =>
        items.map((item, position) => ({ id: `indicator-${index}-${position}`, ...item })),
      ),
    },
    { requiredKeys: ["id", "title", "indicators"] },
  );
const stage = fc.record({ id: identifier, label: localised });
const framework = fc
  .record(
    {
      id: identifier,
      version: fc.constantFrom("1", "1.0.0", "2026-04"),
      title: localised,
      description: localised,
      source: text,
      principleIds: fc.uniqueArray(identifier, { minLength: 1, maxLength: 4 }),
      stages: fc.uniqueArray(stage, { minLength: 1, maxLength: 4, selector: (entry) => entry.id }),
      partnershipSides: sideAssignment,
    },
    { requiredKeys: ["id", "title", "principleIds"] },
  )
  .chain(({ principleIds, ...rest }) =>
    fc.tuple(...principleIds.map((id, index) => principleWith(id, index))).map((principles) => ({ ...rest, scale: agreementScale, principles })),
  );

const nefIndicatorIds = nefPrinciplesFramework.principles.flatMap((principle) => principle.indicators.map((entry) => entry.id));
const assessment = fc
  .record({
    id: identifier,
    initiative: identifier,
    date,
    people: fc.uniqueArray(fc.record({ id: identifier.map((id) => `r-${id}`), perspective: role }), { maxLength: 6, selector: (person) => person.id }),
    involvement: fc.uniqueArray(
      fc.record({ stage: fc.constantFrom("design", "delivery", "evaluation"), perspective: role, level, evidence: text }, { requiredKeys: ["stage", "perspective", "level"] }),
      { maxLength: 5, selector: (entry) => `${entry.stage}/${entry.perspective}` },
    ),
    partnershipSides: fc.option(sideAssignment, { nil: undefined }),
  })
  .chain(({ people, ...rest }) =>
    fc
      .tuple(
        ...people.map((person) =>
          fc.subarray(nefIndicatorIds, { maxLength: 5 }).chain((indicatorIds) =>
            fc.tuple(...indicatorIds.map((indicatorId) => fc.record({ respondentId: fc.constant(person.id), indicatorId: fc.constant(indicatorId), option, evidence: text }, { requiredKeys: ["respondentId", "indicatorId", "option"] }))),
          ),
        ),
      )
      .map((ratings) => {
        const { partnershipSides, ...fields } = rest;
        return { ...fields, ...(partnershipSides === undefined ? {} : { partnershipSides }), framework: nefPrinciplesFramework.id, respondents: people, ratings: ratings.flat() };
      }),
  );

const weights = fc.oneof(
  fc.constantFrom("partnership-parity" as const, "perspective-parity" as const, "headcount" as const),
  fc.dictionary(role, fc.integer({ min: 1, max: 40 }).map((value) => value / 4), { maxKeys: 6 }),
);

const samples = {
  "ladder-level": level,
  indicator,
  principle: principleWith("principle", 0),
  stage,
  framework,
  respondent: fc.record({ id: identifier.map((id) => `r-${id}`), perspective: role }),
  rating: fc.record({ respondentId: identifier.map((id) => `person-${id}`), indicatorId: identifier, option: identifier, evidence: text }, { requiredKeys: ["respondentId", "indicatorId", "option"] }),
  "stage-involvement": fc.record({ stage: identifier, perspective: role, level, evidence: text }, { requiredKeys: ["stage", "perspective", "level"] }),
  assessment,
  "partnership-side": side,
  "side-assignment": sideAssignment,
  weighting: weights,
  "scoring-options": fc.record(
    {
      minimumRespondents: fc.integer({ min: 1, max: 20 }),
      weighting: weights,
      oneSided: fc.constantFrom("withhold" as const, "mark" as const),
      rounding: fc.constantFrom("by-group-size" as const, "none" as const),
      gapThreshold: fc.integer({ min: 0, max: 100 }),
      highlightCount: fc.integer({ min: 0, max: 10 }),
      strengthMinimum: fc.integer({ min: 0, max: 100 }),
    },
    { requiredKeys: [] },
  ),
} satisfies Record<keyof typeof publicSchemas, fc.Arbitrary<unknown>>;

const parsers: Partial<Record<keyof typeof publicSchemas, (input: unknown) => ReturnType<typeof safeParseResult>>> = {
  framework: validateFramework,
  assessment: (input) => validateAssessment(input, nefPrinciplesFramework),
};

describePublicSchemas({
  schemas: publicSchemas,
  samples,
  snapshots: fileURLToPath(new URL("../schemas", import.meta.url)),
  parse: (schema) => (input) => safeParseResult(schema, input),
  parsers,
});
