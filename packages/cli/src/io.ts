import { randomBytes } from "node:crypto";
import { link, lstat, mkdir, open, rename, stat, unlink } from "node:fs/promises";
import type { Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
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

// C0 except tab and line feed, DEL, and C1: the characters a terminal acts on instead of showing.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROLS_EXCEPT_COLOURS = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Controls and the bidirectional overrides that can make text read differently from what it is.
// eslint-disable-next-line no-control-regex
const DATA_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text with every control character removed except tab, line feed and the colour codes the
 * CLI paints with: the last guard between data and the terminal.
 *
 * @example
 * ```ts
 * withoutControls("Walk\u001b]0;title\u0007 group"); // "Walk]0;title group"
 * ```
 */
export function withoutControls(text: string): string {
  if (!CONTROLS.test(text)) return text;
  return text.replace(CONTROLS_EXCEPT_COLOURS, (match) => (match.length > 1 ? match : ""));
}

/**
 * Text from data made safe to print on one line: control characters (colour codes included) and
 * bidirectional overrides removed, line breaks and tabs turned into spaces.
 *
 * @example
 * ```ts
 * printable("Peer\nsupport\u001b[2J group"); // "Peer support[2J group"
 * ```
 */
export function printable(text: string): string {
  return text.replace(DATA_CONTROLS, (match) => (match === "\n" || match === "\r" || match === "\t" ? " " : ""));
}

const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029]/g;

/**
 * `JSON.stringify` for output: the same JSON, with the characters it leaves raw that a terminal
 * acts on (DEL, C1) or that break JavaScript (U+2028, U+2029) written as `\u` escapes.
 *
 * @example
 * ```ts
 * toJson({ name: "a\u009bb" }); // '{"name":"a\\u009bb"}'
 * ```
 */
export function toJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  return text.replace(JSON_UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Write one line, waiting for the stream to drain when it asks us to (keeps memory flat on slow pipes).
 * Control characters are removed on the way (see {@link withoutControls}), so no data can
 * drive the terminal; the CLI's own colour codes are kept.
 *
 * @example
 * ```ts
 * await writeLine(process.stdout, "Checked 3 records.");
 * ```
 */
export async function writeLine(stream: OutputStream, text: string): Promise<void> {
  if (stream.write(`${withoutControls(text)}\n`) || stream.once === undefined) return;
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

/**
 * How {@link writeOutputFile} may write: which files it must never replace, and whether an
 * existing file may go.
 *
 * @example
 * ```ts
 * const options: WriteOutputOptions = { cwd: process.cwd(), inputs: ["goals.json"], force: false, option: "--out" };
 * ```
 */
export interface WriteOutputOptions {
  /** The folder relative paths are resolved against (the command's `io.cwd`). */
  readonly cwd: string;
  /** The files the command reads (as named, `-` is ignored): never written over, whatever path, link or hard link leads to them. */
  readonly inputs?: readonly string[];
  /** Replace an existing file or symbolic link (`--force`). A link is replaced itself; its target is never touched. */
  readonly force?: boolean;
  /** Whether an existing regular file may be replaced without `force`, e.g. the demo's own earlier report. */
  readonly mayReplace?: (path: string) => boolean | Promise<boolean>;
  /** The option that named the output, for messages (`--out`, `--out-dir`). */
  readonly option?: string;
}

const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: "permission denied.",
  EPERM: "permission denied.",
  EROFS: "the file system is read-only.",
  ENOSPC: "the disk is full.",
  EDQUOT: "the disk quota is used up.",
  ENOTDIR: "a part of the path is a file, not a folder.",
  EISDIR: "it is a folder.",
  ELOOP: "it is a loop of symbolic links.",
  ENAMETOOLONG: "the name is too long.",
  ENOENT: "the folder cannot be created or written to.",
};

function writeError(shown: string, error: unknown): UsageError {
  if (error instanceof UsageError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === "string" && Object.hasOwn(WRITE_PROBLEMS, code) ? WRITE_PROBLEMS[code] : undefined;
  return new UsageError(`Cannot write ${shown}: ${known ?? `the file could not be written (${typeof code === "string" ? code : "unknown error"}).`}`);
}

async function statOrUndefined(read: () => Promise<Stats>): Promise<Stats | undefined> {
  try {
    return await read();
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Create the folder and its missing parents one by one (recursive mkdir never returns on some paths, such as under /proc). */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    const info = await statOrUndefined(() => stat(current));
    if (info !== undefined) {
      if (!info.isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
      break;
    }
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing.reverse()) {
    try {
      await mkdir(path);
    } catch (error) {
      if ((error as { code?: unknown }).code !== "EEXIST") throw error;
    }
  }
}

const sameFile = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino;

/**
 * Check that a file may be written, without writing it: not empty, not a folder, not one of the
 * inputs (by any path, symbolic link or hard link), and not an existing file or link unless
 * `force` or `mayReplace` allows it. Throws a {@link UsageError} (exit code 2) saying why not.
 *
 * @example
 * ```ts
 * await checkOutputFile("report.html", { cwd: process.cwd(), inputs: ["goals.json"] });
 * ```
 */
export async function checkOutputFile(target: string, options: WriteOutputOptions): Promise<{ path: string; replaces: boolean }> {
  if (target === "") throw new UsageError(`${options.option ?? "--out"} needs a file name.`);
  const path = resolve(options.cwd, target);
  try {
    const existing = await statOrUndefined(() => lstat(path));
    const followed = existing?.isSymbolicLink() === true ? await statOrUndefined(() => stat(path)) : existing;
    for (const input of options.inputs ?? []) {
      if (input === "-") continue;
      const read = await statOrUndefined(() => stat(resolve(options.cwd, input)));
      const clash = read !== undefined && ((existing !== undefined && sameFile(existing, read)) || (followed !== undefined && sameFile(followed, read)));
      if (clash || resolve(options.cwd, input) === path) throw new UsageError(`Cannot write ${target}: it is ${input === target ? "the" : `the same file as the`} input ${input}. Choose another name for the output.`);
    }
    if (existing === undefined) return { path, replaces: false };
    if (existing.isDirectory()) throw new UsageError(`Cannot write ${target}: it is a folder.`);
    if (options.force === true) return { path, replaces: true };
    if (existing.isSymbolicLink()) throw new UsageError(`Cannot write ${target}: it is a symbolic link, and links are never followed. Remove it, or pass --force to replace the link itself.`);
    if (existing.isFile() && options.mayReplace !== undefined && (await options.mayReplace(path))) return { path, replaces: true };
    throw new UsageError(`Cannot write ${target}: it already exists. Pass --force to replace it.`);
  } catch (error) {
    throw writeError(target, error);
  }
}

/**
 * Write an output file safely; the one way the CLI's commands write files.
 *
 * @remarks
 * - refuses (exit code 2) to write over an input, a folder, or an existing file or symbolic
 *   link unless `force` (or `mayReplace`) allows it; see {@link checkOutputFile};
 * - never follows a symbolic link at the target: with `force` the link itself is replaced;
 * - writes to a temporary file beside the target and then renames it, so a crash or a full
 *   disk never leaves half a file; without `force` the final step is a hard link, which fails
 *   rather than replace a file that appeared meanwhile;
 * - creates missing folders; every failure is one line naming the file (`Cannot write ...`).
 *
 * @param target - the path as the person gave it (relative to `options.cwd`).
 * @param content - the whole file.
 * @returns the absolute path written.
 * @example
 * ```ts
 * await writeOutputFile("reports/goals.html", html, { cwd: io.cwd, inputs: files, force: values.force === true });
 * ```
 */
export async function writeOutputFile(target: string, content: string | Uint8Array, options: WriteOutputOptions): Promise<string> {
  const checked = await checkOutputFile(target, options);
  const { path } = checked;
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  let created = false;
  try {
    await makeFolders(dirname(path));
    // "wx" creates a new file and fails on anything already there, links included.
    const handle = await open(temporary, "wx", 0o666);
    created = true;
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (checked.replaces) await rename(temporary, path);
    else await linkWithoutReplacing(temporary, path, target);
  } catch (error) {
    throw writeError(target, error);
  } finally {
    if (created) await unlink(temporary).catch(() => undefined);
  }
  return path;
}

async function linkWithoutReplacing(temporary: string, path: string, shown: string): Promise<void> {
  try {
    await link(temporary, path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "EEXIST") throw new UsageError(`Cannot write ${shown}: it already exists. Pass --force to replace it.`);
    // Some file systems have no hard links: the checks above already ran, so rename instead.
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "EXDEV" || code === "EMLINK") await rename(temporary, path);
    else throw error;
  }
}
