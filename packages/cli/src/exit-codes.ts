/**
 * The exit codes of `selfmanage`, by what happened. Scripts can rely on them: they are listed
 * in `selfmanage --help` and in the package README, and each is tested.
 *
 * @example
 * ```ts
 * if (exitCode === EXIT_CODES.notValid) console.log("some records need fixing");
 * ```
 */
export const EXIT_CODES = {
  /** Every record is valid, or the command did what it was asked. */
  ok: 0,
  /** At least one record is not valid (including input that is not JSON or not UTF-8); no report or export is written. */
  notValid: 1,
  /** The command could not run: wrong arguments, an input that cannot be read, an output that cannot or may not be written, an unusable definition. */
  cannotRun: 2,
  /** An internal error: a bug in the toolkit (please report it). */
  internalError: 70,
} as const;

const DESCRIPTIONS: ReadonlyArray<readonly [number, string]> = [
  [EXIT_CODES.ok, "everything valid, or the command did what was asked"],
  [EXIT_CODES.notValid, "some records are not valid (also JSON that cannot be read); nothing written"],
  [EXIT_CODES.cannotRun, "the command could not run: wrong arguments, an unknown kind, an input that\n      cannot be read, an output that cannot or may not be written (use --force)"],
  [EXIT_CODES.internalError, "an internal error, a bug: please report it"],
];

/**
 * The exit-code lines of `selfmanage --help`.
 *
 * @example
 * ```ts
 * exitCodeHelp().split("\n")[0]; // "  0   everything valid, or the command did what was asked"
 * ```
 */
export function exitCodeHelp(): string {
  return DESCRIPTIONS.map(([code, text]) => `  ${String(code).padEnd(4)}${text}`).join("\n");
}
