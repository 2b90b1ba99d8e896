import type { z } from "zod";
import { prefixIssues, safeParseResult, type Result, type ValidationIssue } from "@selfmanage/core";
import * as goals from "@selfmanage/goals";
import * as coproduction from "@selfmanage/coproduction";
import * as recovery from "@selfmanage/recovery";
import * as signposting from "@selfmanage/signposting";
import * as practice from "@selfmanage/practice";
import { findBuiltIn, loadDefinition, type DefinitionSource } from "./definitions";
import { UsageError, type CliIo } from "./io";
import { didYouMean } from "./suggest";

/**
 * Checks one record and returns its issues (none when it is valid).
 *
 * @example
 * ```ts
 * const validateAnything: RecordValidator = () => [];
 * ```
 */
export type RecordValidator = (input: unknown) => ValidationIssue[];

/**
 * The options some kinds need: the definition a record is checked against.
 *
 * @example
 * ```ts
 * const options: KindOptions = { instrument: "instrument.json" };
 * ```
 */
export interface KindOptions {
  readonly framework?: string;
  readonly instrument?: string;
  readonly indicatorSet?: string;
  readonly taxonomy?: string;
}

/**
 * One kind of record the CLI knows: what it is, its JSON Schema, and how to check it.
 *
 * @example
 * ```ts
 * const goalKind: KindDefinition | undefined = kinds.find((kind) => kind.kind === "goal");
 * ```
 */
export interface KindDefinition {
  readonly kind: string;
  readonly summary: string;
  /** The package the kind comes from. */
  readonly packageName: string;
  /** The zod schema behind the published JSON Schema; absent for external formats. */
  readonly schema?: z.ZodType;
  /** Where the format is defined, for external formats without a schema of ours. */
  readonly externalFormat?: string;
  createValidator(options: KindOptions, io: CliIo): Promise<RecordValidator>;
}

function issuesOf(result: Result<unknown>): ValidationIssue[] {
  return result.ok ? [] : result.issues;
}

function simple(validate: (input: unknown) => Result<unknown>): KindDefinition["createValidator"] {
  return () => Promise.resolve((input) => issuesOf(validate(input)));
}

/** Import problems become issues located within the feed. */
function importIssues(report: signposting.ImportReport): ValidationIssue[] {
  return report.problems.flatMap((problem) => prefixIssues(problem.issues, problem.path));
}

/** Built-in and file-based co-production frameworks. */
export const frameworkSource: DefinitionSource<coproduction.Framework> = {
  label: "co-production framework",
  option: "--framework",
  builtIns: coproduction.builtInFrameworks,
  idOf: (framework) => framework.id,
  validate: coproduction.validateFramework,
};

/** Built-in and file-based instruments. */
export const instrumentSource: DefinitionSource<recovery.InstrumentDefinition> = {
  label: "instrument",
  option: "--instrument",
  builtIns: [recovery.serviceExperienceQuestionnaire, ...recovery.builtInInstruments],
  idOf: (instrument) => instrument.id,
  validate: recovery.validateInstrument,
};

/** Built-in and file-based recovery indicator sets. */
export const indicatorSetSource: DefinitionSource<recovery.IndicatorSet> = {
  label: "indicator set",
  option: "--indicator-set",
  builtIns: [recovery.recoveryIndicatorSet],
  idOf: (set) => set.id,
  validate: (input) => safeParseResult(recovery.IndicatorSet, input),
};

/** Built-in and file-based reflective practice taxonomies. */
export const taxonomySource: DefinitionSource<practice.PracticeTaxonomy> = {
  label: "reflective practice taxonomy",
  option: "--taxonomy",
  builtIns: practice.builtInTaxonomies,
  idOf: (taxonomy) => taxonomy.id,
  validate: practice.validateTaxonomy,
};

async function reflectionValidator(options: KindOptions, io: CliIo): Promise<RecordValidator> {
  const taxonomy = await loadDefinition(taxonomySource, options.taxonomy ?? practice.reflectivePracticeTaxonomy.id, io);
  return (input) => issuesOf(practice.validateReflection(input, taxonomy));
}

/**
 * The built-in framework an assessment names in its `framework` field, if there is one.
 *
 * @example
 * ```ts
 * builtInFrameworkNamedIn({ framework: "nef-six-principles" })?.id; // "nef-six-principles"
 * builtInFrameworkNamedIn(42); // undefined
 * ```
 */
export function builtInFrameworkNamedIn(input: unknown): coproduction.Framework | undefined {
  const named = typeof input === "object" && input !== null ? (input as { framework?: unknown }).framework : undefined;
  return typeof named === "string" ? findBuiltIn(frameworkSource, named) : undefined;
}

/** The issue for an assessment whose framework is neither given nor built in. */
export const unknownFrameworkIssue: ValidationIssue = {
  path: ["framework"],
  code: "unknown_framework",
  message: "This assessment does not name a built-in framework. Pass the framework with --framework <file>.",
};

async function assessmentValidator(options: KindOptions, io: CliIo): Promise<RecordValidator> {
  if (options.framework !== undefined) {
    const framework = await loadDefinition(frameworkSource, options.framework, io);
    return (input) => issuesOf(coproduction.validateAssessment(input, framework));
  }
  return (input) => {
    const framework = builtInFrameworkNamedIn(input);
    if (framework === undefined) return [unknownFrameworkIssue];
    return issuesOf(coproduction.validateAssessment(input, framework));
  };
}

async function responseValidator(options: KindOptions, io: CliIo): Promise<RecordValidator> {
  if (options.instrument === undefined) throw new UsageError("Responses are checked against their instrument: pass --instrument <file|built-in id>.");
  const instrument = await loadDefinition(instrumentSource, options.instrument, io);
  const compiled = recovery.compileInstrument(instrument);
  return (input) => issuesOf(compiled.validate(input));
}

async function indicatorAssessmentValidator(options: KindOptions, io: CliIo): Promise<RecordValidator> {
  const set = await loadDefinition(indicatorSetSource, options.indicatorSet ?? recovery.recoveryIndicatorSet.id, io);
  return (input) => issuesOf(recovery.validateIndicatorAssessment(input, set));
}

/**
 * Every kind `selfmanage validate` and `selfmanage schema` accept, as data: the kind name,
 * its package, its schema and its validator.
 */
export const kinds: readonly KindDefinition[] = [
  { kind: "goal", summary: "A person's goal with steps, reviews, history and GAS scale.", packageName: "@selfmanage/goals", schema: goals.Goal, createValidator: simple(goals.validateGoal) },
  { kind: "gas-set", summary: "Goal Attainment Scaling entries for one person and period.", packageName: "@selfmanage/goals", schema: goals.GasSet, createValidator: simple(goals.validateGasSet) },
  { kind: "coaching-course", summary: "A health coaching course of up to six GROW sessions.", packageName: "@selfmanage/goals", schema: goals.CoachingCourse, createValidator: simple(goals.validateCoachingCourse) },
  { kind: "wrap", summary: "A Wellness Recovery Action Plan.", packageName: "@selfmanage/goals", schema: goals.WellnessRecoveryActionPlan, createValidator: simple(goals.validateWellnessRecoveryActionPlan) },
  { kind: "coproduction-framework", summary: "A co-production framework: principles, indicators and scale.", packageName: "@selfmanage/coproduction", schema: coproduction.Framework, createValidator: simple(coproduction.validateFramework) },
  { kind: "coproduction-assessment", summary: "A co-production assessment (--framework <file|built-in id>, default: the built-in framework it names).", packageName: "@selfmanage/coproduction", schema: coproduction.Assessment, createValidator: assessmentValidator },
  { kind: "instrument", summary: "A questionnaire (instrument) definition.", packageName: "@selfmanage/recovery", schema: recovery.InstrumentDefinition, createValidator: simple(recovery.validateInstrument) },
  { kind: "instrument-response", summary: "Responses to an instrument (--instrument <file|built-in id>).", packageName: "@selfmanage/recovery", schema: recovery.InstrumentResponse, createValidator: responseValidator },
  { kind: "indicator-assessment", summary: "A recovery indicator assessment (--indicator-set <file>, default: the built-in set).", packageName: "@selfmanage/recovery", schema: recovery.IndicatorAssessment, createValidator: indicatorAssessmentValidator },
  { kind: "service", summary: "A service in a directory.", packageName: "@selfmanage/signposting", schema: signposting.Service, createValidator: simple(signposting.validateService) },
  { kind: "organisation", summary: "An organisation in a directory.", packageName: "@selfmanage/signposting", schema: signposting.Organisation, createValidator: simple(signposting.validateOrganisation) },
  { kind: "location", summary: "A location in a directory.", packageName: "@selfmanage/signposting", schema: signposting.Location, createValidator: simple(signposting.validateLocation) },
  { kind: "directory", summary: "A whole directory: organisations, services and locations, cross-checked.", packageName: "@selfmanage/signposting", schema: signposting.Directory, createValidator: simple(signposting.validateDirectory) },
  { kind: "signposting-event", summary: "A signposting event (pseudonymous person reference, consent, outcome).", packageName: "@selfmanage/signposting", schema: signposting.SignpostingEvent, createValidator: simple(signposting.validateSignpostingEvent) },
  { kind: "practice-taxonomy", summary: "A reflective practice taxonomy: pillars, techniques, challenges, solutions.", packageName: "@selfmanage/practice", schema: practice.PracticeTaxonomy, createValidator: simple(practice.validateTaxonomy) },
  { kind: "practice-session", summary: "A reflective practice session (counts of who took part, never names).", packageName: "@selfmanage/practice", schema: practice.Session, createValidator: simple(practice.validateSession) },
  { kind: "reflection", summary: "A participant's reflection from a session (--taxonomy <file|built-in id>, default: built-in).", packageName: "@selfmanage/practice", schema: practice.Reflection, createValidator: reflectionValidator },
  {
    kind: "oruk-service",
    summary: "Open Referral UK 3.0 services: one service, a list, or a paginated { contents } page.",
    packageName: "@selfmanage/signposting",
    externalFormat: "Open Referral UK 3.0 (https://openreferraluk.org): use the compiled service schema published by Open Referral UK.",
    createValidator: simple((input) => {
      const problems = importIssues(signposting.importOpenReferralUk(input));
      return problems.length === 0 ? { ok: true, value: input } : { ok: false, issues: problems };
    }),
  },
  {
    kind: "aliss-services",
    summary: "An ALISS v4 services response ({ count, data: [...] }).",
    packageName: "@selfmanage/signposting",
    externalFormat: "ALISS API v4 (https://www.aliss.org): the /api/v4/services/ response.",
    createValidator: simple((input) => {
      const problems = importIssues(signposting.importAlissServices(input));
      return problems.length === 0 ? { ok: true, value: input } : { ok: false, issues: problems };
    }),
  },
];

/**
 * Find a kind by name, or stop with a usage error listing the kinds.
 *
 * @example
 * ```ts
 * findKind("goal").schema; // the Goal zod schema
 * ```
 */
export function findKind(name: string): KindDefinition {
  const found = kinds.find((candidate) => candidate.kind === name);
  if (found === undefined) {
    const names = kinds.map((candidate) => candidate.kind);
    throw new UsageError(`Unknown kind "${name}".${didYouMean(name, names)} Kinds: ${names.join(", ")}.`);
  }
  return found;
}
