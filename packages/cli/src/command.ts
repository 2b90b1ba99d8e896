import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError, type CliIo } from "./io";

/**
 * The option specification of one command, in `node:util` `parseArgs` form.
 *
 * @example
 * ```ts
 * const options: OptionSpec = { format: { type: "string" }, quiet: { type: "boolean" } };
 * ```
 */
export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/**
 * Values of parsed options: strings, booleans, or lists for `multiple` options.
 *
 * @example
 * ```ts
 * const values: OptionValues = { format: "json", need: ["peer-support-group"], quiet: true };
 * ```
 */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/**
 * A `selfmanage` command: its help text and what it does.
 *
 * @example
 * ```ts
 * const hello: Command = { name: "hello", summary: "Say hello.", usage: ["hello"], help: "", options: {}, positionals: [0, 0], run: async () => 0 };
 * ```
 */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Usage lines, without the leading `selfmanage`. */
  readonly usage: readonly string[];
  /** Extra help paragraphs: option descriptions, examples. */
  readonly help: string;
  readonly options: OptionSpec;
  /** Smallest and largest number of positional arguments. */
  readonly positionals: readonly [min: number, max: number];
  run(positionals: string[], options: OptionValues, io: CliIo): Promise<number>;
}

/**
 * Parse a command's arguments, turning parseArgs' errors into usage errors.
 *
 * @example
 * ```ts
 * parseCommandArgs(validateCommand, ["goal", "goals.json", "--format", "json"]);
 * // { positionals: ["goal", "goals.json"], values: { format: "json" } }
 * ```
 */
export function parseCommandArgs(command: Command, args: readonly string[]): { positionals: string[]; values: OptionValues } {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { positionals: parsed.positionals, values: parsed.values as OptionValues };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument starting with a '-'.*$/s, "."));
  }
}

/**
 * Read a string option, or undefined.
 *
 * @example
 * ```ts
 * stringOption({ format: "json" }, "format"); // "json"
 * ```
 */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Read a repeatable string option, also splitting comma-separated values.
 *
 * @example
 * ```ts
 * listOption({ need: ["wrap,advocacy", "peer-support-group"] }, "need"); // ["wrap", "advocacy", "peer-support-group"]
 * ```
 */
export function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  const items = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return items.flatMap((item) => item.split(",")).map((item) => item.trim()).filter((item) => item !== "");
}

/**
 * Read a numeric option, checking its range.
 *
 * @example
 * ```ts
 * numberOption({ limit: "20" }, "limit", { min: 1, integer: true }); // 20
 * ```
 */
export function numberOption(values: OptionValues, name: string, range: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const fits =
    raw.trim() !== "" &&
    Number.isFinite(value) &&
    (range.min === undefined || value >= range.min) &&
    (range.max === undefined || value <= range.max) &&
    (range.integer !== true || Number.isInteger(value));
  if (!fits) {
    const bounds = [range.min === undefined ? "" : `at least ${range.min}`, range.max === undefined ? "" : `at most ${range.max}`].filter(Boolean).join(" and ");
    throw new UsageError(`--${name} must be ${range.integer === true ? "a whole number" : "a number"}${bounds === "" ? "" : ` ${bounds}`}.`);
  }
  return value;
}

/**
 * Read a choice option, checking it is one of the allowed values.
 *
 * @example
 * ```ts
 * choiceOption({ format: "csv" }, "format", ["text", "csv"] as const, "text"); // "csv"
 * ```
 */
export function choiceOption<T extends string>(values: OptionValues, name: string, choices: readonly T[], fallback: T): T {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) throw new UsageError(`--${name} must be one of: ${choices.join(", ")}.`);
  return raw as T;
}
