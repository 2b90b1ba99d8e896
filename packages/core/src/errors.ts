/**
 * The stable codes carried by {@link SelfManageError}. Programs may branch on them; they never change meaning.
 *
 * - `invalid-argument`: a function was called with an argument it cannot use (a programmer error).
 * - `invalid-input`: {@link unwrap} was asked for the value of a failed result.
 * - `invalid-definition`: a definition (framework, instrument, scale) is not usable; validate it first.
 * - `unsupported`: the operation is not supported for this input.
 *
 * @example
 * ```ts
 * const code: ErrorCode = "invalid-argument";
 * ```
 */
export type ErrorCode = "invalid-argument" | "invalid-input" | "invalid-definition" | "unsupported";

/**
 * The error thrown for programmer errors. Expected failures (bad records, broken rules)
 * are returned as a `Result` instead and never thrown.
 *
 * @example
 * ```ts
 * try {
 *   throw new SelfManageError("invalid-argument", "rho must be between 0 and 1.");
 * } catch (error) {
 *   if (error instanceof SelfManageError && error.code === "invalid-argument") {
 *     // fix the call
 *   }
 * }
 * ```
 */
export class SelfManageError extends Error {
  /** The stable machine-readable code. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SelfManageError";
    this.code = code;
  }
}

/**
 * Tell whether a value is a {@link SelfManageError}, optionally with a given code.
 *
 * @example
 * ```ts
 * isSelfManageError(new SelfManageError("unsupported", "No."), "unsupported"); // true
 * ```
 */
export function isSelfManageError(value: unknown, code?: ErrorCode): value is SelfManageError {
  return value instanceof SelfManageError && (code === undefined || value.code === code);
}
