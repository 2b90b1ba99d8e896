import type { Readable } from "node:stream";

/**
 * Somewhere the CLI writes text: `process.stdout`, `process.stderr`, or a test double.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const sink: OutputStream = { write: (chunk) => (lines.push(chunk), true) };
 * ```
 */
export interface OutputStream {
  /** Write a chunk; return `false` when the caller should wait for `drain` before writing more. */
  write(chunk: string): boolean;
  /** Register a one-off listener; used to wait for `drain` on slow pipes. */
  once?(event: "drain", listener: () => void): unknown;
  /** Whether the stream is an interactive terminal (colours and progress are shown only then). */
  isTTY?: boolean;
}

/**
 * Everything the CLI touches outside its arguments: streams, environment and working directory.
 * Pass your own to run the CLI in-process (tests, other tools); the defaults are the process's own.
 *
 * @example
 * ```ts
 * import { Readable } from "node:stream";
 * let out = "";
 * const io: CliIo = {
 *   stdout: { write: (chunk) => ((out += chunk), true) },
 *   stderr: { write: () => true },
 *   stdin: Readable.from([]),
 *   env: {},
 *   cwd: process.cwd(),
 * };
 * ```
 */
export interface CliIo {
  /** Results and issues. */
  stdout: OutputStream;
  /** Summaries in JSON mode, progress, import problems and usage errors. */
  stderr: OutputStream;
  /** Read when a file argument is `-`. */
  stdin: Readable;
  /** Environment variables; `NO_COLOR` turns colours off. */
  env: Readonly<Record<string, string | undefined>>;
  /** Relative file paths are resolved against this folder. */
  cwd: string;
}

/**
 * The process's own streams, environment and working directory.
 *
 * @example
 * ```ts
 * const exitCode = await runCli(["--version"], processIo());
 * ```
 */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/**
 * Write one line, waiting for the stream to drain when it asks us to (keeps memory flat on slow pipes).
 *
 * @example
 * ```ts
 * await writeLine(process.stdout, "Checked 3 records.");
 * ```
 */
export async function writeLine(stream: OutputStream, text: string): Promise<void> {
  if (stream.write(`${text}\n`) || stream.once === undefined) return;
  const once = stream.once.bind(stream);
  await new Promise<void>((resolve) => once("drain", resolve));
}

/**
 * A usage or file problem: the command cannot start. The CLI prints the message and exits with 2.
 *
 * @example
 * ```ts
 * throw new UsageError("--limit must be a whole number.");
 * ```
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const STYLES = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

/**
 * The colour names the CLI uses.
 *
 * @example
 * ```ts
 * const style: Style = "green";
 * ```
 */
export type Style = keyof typeof STYLES;

/**
 * Colours only when writing to a terminal and the person has not asked for none (https://no-color.org).
 *
 * @example
 * ```ts
 * const paint = colourer(process.stdout, process.env);
 * paint("red", "3 not valid");
 * ```
 */
export function colourer(stream: OutputStream, env: CliIo["env"]): (style: Style, text: string) => string {
  const enabled = stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === "");
  return (style, text) => (enabled ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text);
}
