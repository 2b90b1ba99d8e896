import packageJson from "../package.json";
import { parseCommandArgs, type Command } from "./command";
import { processIo, UsageError, writeLine, type CliIo } from "./io";
import { commands } from "./commands/index";
import { EXIT_CODES, exitCodeHelp } from "./exit-codes";
import { didYouMean } from "./suggest";

const PROGRAM = "selfmanage";

function commandHelp(command: Command): string {
  const usage = command.usage.map((line, index) => `${index === 0 ? "Usage: " : "       "}${PROGRAM} ${line}`).join("\n");
  return `${usage}\n\n${command.summary}\n\n${command.help.trim()}\n\n  -h, --help           Show this help.\n`;
}

function mainHelp(): string {
  const width = commands.reduce((widest, command) => Math.max(widest, command.name.length), 0);
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n");
  return `Usage: ${PROGRAM} <command> [options]

Validate, score, search, convert and report on Self Management Toolkit data files.

Commands:
${list}

Options:
  -h, --help     Show help (also after any command: ${PROGRAM} validate --help).
  -v, --version  Show the version.

Exit codes:
${exitCodeHelp()}
`;
}

/**
 * Run the `selfmanage` command in-process and return its exit code: 0 when every record is
 * valid, 1 when any record is not, 2 when the command could not run (usage, unreadable input,
 * unwritable output), 70 for an internal error (a bug). It never throws.
 *
 * @remarks
 * Nothing is written outside `io` except the files a command is asked to write (reports),
 * and never over an input or an existing file without `--force`. Messages never repeat a
 * rejected value.
 *
 * @param args - the arguments after the program name, e.g. `["validate", "goal", "goal.json"]`.
 * @param io - streams, environment and working directory; defaults to the process's own.
 * @returns the exit code.
 * @example
 * ```ts
 * const exitCode = await runCli(["validate", "service", "services.ndjson", "--format", "json"]);
 * process.exitCode = exitCode;
 * ```
 */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = args;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      const topic = name === "help" ? commands.find((command) => command.name === rest[0]) : undefined;
      await writeLine(io.stdout, topic === undefined ? mainHelp() : commandHelp(await topic.load()));
      return name === undefined ? EXIT_CODES.cannotRun : EXIT_CODES.ok;
    }
    if (name === "--version" || name === "-v") {
      await writeLine(io.stdout, packageJson.version);
      return 0;
    }
    const entry = commands.find((candidate) => candidate.name === name);
    if (entry === undefined) {
      const names = commands.map((candidate) => candidate.name);
      throw new UsageError(`Unknown command "${name}".${didYouMean(name, names)} Run ${PROGRAM} --help to see the commands.`);
    }
    const command = await entry.load();
    const { positionals, values } = parseCommandArgs(command, rest);
    if (values.help === true) {
      await writeLine(io.stdout, commandHelp(command));
      return 0;
    }
    const [min, max] = command.positionals;
    if (positionals.length < min || positionals.length > max) {
      throw new UsageError(`${PROGRAM} ${command.name} expects ${min === max ? min : max === Infinity ? `at least ${min}` : `${min} to ${max}`} argument${max === 1 ? "" : "s"}.\n\n${commandHelp(command)}`);
    }
    return await command.run(positionals, values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      await writeLine(io.stderr, `${PROGRAM}: ${error.message}`);
      return EXIT_CODES.cannotRun;
    }
    return reportInternalError(error, io);
  }
}

/** A bug: one line naming the error class; its message and stack only on request, as they may quote data. */
async function reportInternalError(error: unknown, io: CliIo): Promise<number> {
  const kind = error instanceof Error ? error.name : typeof error;
  const debug = io.env.SELFMANAGE_DEBUG === "1";
  const detail = debug && error instanceof Error ? `\n${error.stack ?? error.message}` : "";
  await writeLine(io.stderr, `${PROGRAM}: an unexpected error stopped the command (${kind}). This is a bug: please report it, with the output of SELFMANAGE_DEBUG=1.${detail}`);
  return EXIT_CODES.internalError;
}
