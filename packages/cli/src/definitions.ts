import { formatIssue, type Result, type ValidationIssue } from "@selfmanage/core";
import { UsageError, type CliIo } from "./io";
import { readDocument } from "./records";

/**
 * How to find and check one sort of definition (framework, instrument, indicator set).
 *
 * @example
 * ```ts
 * const source: DefinitionSource<{ id: string }> = { label: "thing", option: "--thing", builtIns: [], idOf: (thing) => thing.id, validate: (input) => ok(input as { id: string }) };
 * ```
 */
export interface DefinitionSource<T> {
  /** Used in messages: "instrument", "co-production framework". */
  readonly label: string;
  /** The option that names it, for messages: `--instrument`. */
  readonly option: string;
  readonly builtIns: readonly T[];
  idOf(definition: T): string;
  validate(input: unknown): Result<T>;
}

/**
 * The built-in definition with this id, if any.
 *
 * @example
 * ```ts
 * findBuiltIn(instrumentSource, "service-experience"); // the built-in questionnaire
 * ```
 */
export function findBuiltIn<T>(source: DefinitionSource<T>, id: string): T | undefined {
  return source.builtIns.find((candidate) => source.idOf(candidate) === id);
}

function listIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((found) => `  ${formatIssue(found)}`).join("\n");
}

/**
 * Load a definition named by a built-in id or a file path. A definition that cannot be read
 * or is not valid stops the command (exit code 2): nothing can be checked against it.
 *
 * @example
 * ```ts
 * const instrument = await loadDefinition(instrumentSource, "instrument.json", processIo());
 * ```
 */
export async function loadDefinition<T>(source: DefinitionSource<T>, reference: string, io: CliIo): Promise<T> {
  const builtIn = findBuiltIn(source, reference);
  if (builtIn !== undefined) return builtIn;
  const looksLikeFile = reference === "-" || /[./\\]/.test(reference);
  if (!looksLikeFile) {
    const known = source.builtIns.map((candidate) => source.idOf(candidate)).join(", ");
    throw new UsageError(`${source.option} ${reference} is neither a built-in ${source.label} (${known}) nor a file path.`);
  }
  const read = await readDocument(reference, io);
  if (!read.ok) throw new UsageError(`The ${source.label} in ${reference} cannot be read:\n${listIssues(read.issues)}`);
  const checked = source.validate(read.value);
  if (!checked.ok) throw new UsageError(`The ${source.label} in ${reference} is not valid, so nothing can be checked against it:\n${listIssues(checked.issues)}`);
  return checked.value;
}
