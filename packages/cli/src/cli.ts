import packageJson from "../package.json";
import { parseCommandArgs, type Command } from "./command";
import { processIo, UsageError, writeLine, type CliIo } from "./io";
import { commands } from "./commands/index";

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

Exit codes: 0 everything valid, 1 some records are not valid, 2 the command could not run
(wrong arguments, a file that cannot be opened, an unknown kind).
`;
}

/**
 * Run the `selfmanage` command in-process and return its exit code: 0 when every record is
 * valid, 1 when any record is not, 2 for usage and file problems.
 *
 * @remarks
 * Nothing is written outside `io` except the files a command is asked to write (reports).
 * Messages never repeat a rejected value.
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
      return name === undefined ? 2 : 0;
    }
    if (name === "--version" || name === "-v") {
      await writeLine(io.stdout, packageJson.version);
      return 0;
    }
    const entry = commands.find((candidate) => candidate.name === name);
    if (entry === undefined) throw new UsageError(`Unknown command "${name}". Run ${PROGRAM} --help to see the commands.`);
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
      return 2;
    }
    throw error;
  }
}
