import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { Role, safeParseResult } from "@selfmanage/core";
import { describePublicSchemas } from "@selfmanage/test-kit";
import { reflectivePracticeTaxonomy } from "./builtins";
import { TaxonomyExtension } from "./extend";
import { PeriodLength } from "./periods";
import { PracticeRecords } from "./records";
import { FollowUp, FreeText, PlanStatus, PracticePlan, ProposedSolution, Reflection, validateReflection } from "./reflection";
import { LivedExperienceContribution, Sector, Session, SessionFormat, SessionParticipants, validateSession } from "./session";
import { SummaryOptions } from "./summary/types";
import { PracticeTaxonomy, Synonym, TaxonomyCategory, TaxonomyReference, TaxonomyTerm, TermGroup, validateTaxonomy } from "./taxonomy";

/** The schemas published as JSON Schema in `schemas/`. */
export const publicSchemas = {
  "taxonomy-category": TaxonomyCategory,
  synonym: Synonym,
  "term-group": TermGroup,
  "taxonomy-term": TaxonomyTerm,
  "taxonomy-reference": TaxonomyReference,
  "practice-taxonomy": PracticeTaxonomy,
  "taxonomy-extension": TaxonomyExtension,
  sector: Sector,
  "session-format": SessionFormat,
  "lived-experience-contribution": LivedExperienceContribution,
  "session-participants": SessionParticipants,
  session: Session,
  "free-text": FreeText,
  "plan-status": PlanStatus,
  "practice-plan": PracticePlan,
  "follow-up": FollowUp,
  "proposed-solution": ProposedSolution,
  reflection: Reflection,
  "practice-records": PracticeRecords,
  "period-length": PeriodLength,
  "summary-options": SummaryOptions,
};

const identifier = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim().length > 0);
const localised = fc.record({ en: text, gd: text, cy: text }, { requiredKeys: ["en"] });
const word = fc.stringMatching(/^[a-z]{1,10}$/);
const synonym = fc.tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom(" ", "-")).map(([words, separator]) => words.join(separator));
const date = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10));
const dateTime = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((value) => value.toISOString().replace(/\.\d{3}Z$/, "Z"));
const freeText = fc.string({ minLength: 1, maxLength: 200 });

const term = (group: fc.Arbitrary<string> | undefined) =>
  fc.record(
    { id: identifier, label: localised, description: localised, synonyms: fc.array(synonym, { maxLength: 4 }), ...(group === undefined ? {} : { group }) },
    { requiredKeys: group === undefined ? ["id", "label"] : ["id", "label", "group"] },
  );
const uniqueTerms = (group: fc.Arbitrary<string> | undefined) => fc.uniqueArray(term(group), { minLength: 1, maxLength: 4, selector: (entry) => entry.id });
const groupRecord = fc.record({ id: identifier, label: localised, description: localised }, { requiredKeys: ["id", "label"] });
const taxonomy = fc
  .tuple(fc.uniqueArray(groupRecord, { minLength: 1, maxLength: 3, selector: (entry) => entry.id }), fc.uniqueArray(groupRecord, { minLength: 1, maxLength: 3, selector: (entry) => entry.id }))
  .chain(([stages, areas]) =>
    fc.record(
      {
        id: identifier,
        version: fc.constantFrom("1", "1.0.0", "2026.1"),
        title: localised,
        description: localised,
        source: text,
        extends: fc.array(fc.record({ id: identifier, version: fc.constantFrom("1", "2.0.0") }, { requiredKeys: ["id"] }), { maxLength: 2 }),
        pillars: uniqueTerms(undefined),
        techniqueStages: fc.constant(stages),
        techniques: uniqueTerms(fc.constantFrom(...stages.map((stage) => stage.id))),
        challengeAreas: fc.constant(areas),
        challenges: uniqueTerms(fc.constantFrom(...areas.map((area) => area.id))),
        solutions: uniqueTerms(undefined),
      },
      { requiredKeys: ["id", "title", "pillars", "techniqueStages", "techniques", "challengeAreas", "challenges", "solutions"] },
    ),
  );

const participants = fc
  .record({
    total: fc.integer({ min: 0, max: 60 }),
    sectors: fc.subarray([...Sector.options]),
    roles: fc.subarray([...Role.options]),
    studyingShare: fc.double({ min: 0, max: 1, noNaN: true }),
    withStudying: fc.boolean(),
  })
  .map(({ total, sectors, roles, studyingShare, withStudying }) => {
    // Each group gets an equal part, leaving some people not recorded: the counts never exceed the total.
    const split = <K extends string>(keys: readonly K[]) => keys.map((key) => ({ key, count: Math.floor(total / (keys.length + 1)) }));
    return {
      total,
      ...(sectors.length === 0 ? {} : { bySector: split(sectors).map((entry) => ({ sector: entry.key, count: entry.count })) }),
      ...(roles.length === 0 ? {} : { byRole: split(roles).map((entry) => ({ role: entry.key, count: entry.count })) }),
      ...(withStudying ? { studying: Math.floor(total * studyingShare) } : {}),
    };
  });

const session = fc
  .record({
    id: identifier,
    date,
    facilitatorOrganisation: text,
    format: fc.constantFrom(...SessionFormat.options),
    participants,
    inDelivery: fc.boolean(),
    contributions: fc.subarray([...LivedExperienceContribution.options], { minLength: 1 }),
    provenance: fc.record({ recordedBy: identifier, role: fc.constantFrom(...Role.options), recordedAt: dateTime }),
    withProvenance: fc.boolean(),
  })
  .map(({ inDelivery, contributions, provenance, withProvenance, ...rest }) => ({
    ...rest,
    livedExperience: inDelivery ? { inDelivery, contributions } : { inDelivery },
    ...(withProvenance ? { provenance } : {}),
  }));

const ids = (category: "pillars" | "techniques" | "challenges" | "solutions") => reflectivePracticeTaxonomy[category].map((entry) => entry.id);
const followUp = fc.record(
  { date, planStatus: fc.constantFrom(...PlanStatus.options), changed: freeText, gotInTheWay: freeText, barriers: fc.subarray(ids("challenges")) },
  { requiredKeys: ["date", "planStatus"] },
);
const plan = fc.record({ text: freeText, techniques: fc.subarray(ids("techniques")), by: date }, { requiredKeys: ["text"] });
const reflection = fc
  .record({
    id: identifier,
    sessionId: identifier,
    participant: identifier.map((id) => `participant-${id}`),
    withParticipant: fc.boolean(),
    pillars: fc.subarray(ids("pillars")),
    meaningText: fc.option(freeText, { nil: undefined }),
    techniques: fc.subarray(ids("techniques")),
    challenges: fc.subarray(ids("challenges")),
    solutions: fc.subarray(ids("solutions")),
    addressing: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    freeText: fc.option(freeText, { nil: undefined }),
    plan: fc.option(plan, { nil: undefined }),
    followUp: fc.option(followUp, { nil: undefined }),
  })
  .map((draft) => ({
    id: draft.id,
    sessionId: draft.sessionId,
    taxonomy: reflectivePracticeTaxonomy.id,
    ...(draft.withParticipant ? { participant: draft.participant } : {}),
    meaning: { pillars: draft.pillars, ...(draft.meaningText === undefined ? {} : { text: draft.meaningText }) },
    techniques: draft.techniques,
    challenges: draft.challenges,
    solutions: draft.solutions.map((solution, index) => (draft.addressing[index] === true ? { solution, addresses: draft.challenges.slice(0, 2) } : { solution })),
    ...(draft.freeText === undefined ? {} : { freeText: draft.freeText }),
    ...(draft.plan === undefined ? {} : { plan: draft.plan, ...(draft.followUp === undefined ? {} : { followUp: draft.followUp }) }),
  }));

const extension = fc.record(
  {
    id: identifier.map((id) => `ext-${id}`),
    version: fc.constantFrom("1", "2026.1"),
    title: localised,
    pillars: fc.uniqueArray(term(undefined), { maxLength: 2, selector: (entry) => entry.id }).map((terms) => terms.map((entry) => ({ ...entry, id: `new-${entry.id}` }))),
    techniques: fc.uniqueArray(term(fc.constantFrom("before", "during")), { maxLength: 2, selector: (entry) => entry.id }).map((terms) => terms.map((entry) => ({ ...entry, id: `new-${entry.id}` }))),
    synonyms: fc.record({ challenge: fc.constant({ time: ["rota gaps"] }), pillar: fc.dictionary(fc.constantFrom(...ids("pillars")), fc.array(synonym, { minLength: 1, maxLength: 3 })) }, { requiredKeys: [] }),
  },
  { requiredKeys: ["id"] },
);

const samples = {
  "taxonomy-category": fc.constantFrom(...TaxonomyCategory.options),
  synonym,
  "term-group": groupRecord,
  "taxonomy-term": term(fc.constantFrom("before", "system")),
  "taxonomy-reference": fc.record({ id: identifier, version: fc.constantFrom("1", "1.0.0") }, { requiredKeys: ["id"] }),
  "practice-taxonomy": taxonomy,
  "taxonomy-extension": extension,
  sector: fc.constantFrom(...Sector.options),
  "session-format": fc.constantFrom(...SessionFormat.options),
  "lived-experience-contribution": fc.constantFrom(...LivedExperienceContribution.options),
  "session-participants": participants,
  session,
  "free-text": freeText,
  "plan-status": fc.constantFrom(...PlanStatus.options),
  "practice-plan": plan,
  "follow-up": followUp,
  "proposed-solution": fc.record({ solution: identifier, addresses: fc.array(identifier, { maxLength: 3 }) }, { requiredKeys: ["solution"] }),
  reflection,
  "practice-records": fc.record({ sessions: fc.array(session, { maxLength: 3 }), reflections: fc.array(reflection, { maxLength: 3 }) }),
  "period-length": fc.constantFrom(...PeriodLength.options),
  "summary-options": fc.record(
    { minimumRespondents: fc.integer({ min: 1, max: 1000 }), period: fc.constantFrom(...PeriodLength.options), firstMonth: fc.integer({ min: 1, max: 12 }) },
    { requiredKeys: [] },
  ),
} satisfies Record<keyof typeof publicSchemas, fc.Arbitrary<unknown>>;

const parsers: Partial<Record<keyof typeof publicSchemas, (input: unknown) => ReturnType<typeof safeParseResult>>> = {
  "practice-taxonomy": validateTaxonomy,
  session: validateSession,
  reflection: (input) => validateReflection(input, reflectivePracticeTaxonomy),
};

describePublicSchemas({
  schemas: publicSchemas,
  samples,
  snapshots: fileURLToPath(new URL("../schemas", import.meta.url)),
  parse: (schema) => (input) => safeParseResult(schema, input),
  parsers,
});
