import * as z from "zod";

/**
 * The same schema, compiled by zod on first use (`z.compile`). Compiling changes speed, not
 * meaning: valid input takes a generated fast path, and anything that path does not accept is
 * parsed again by the ordinary parser, so rejected input gets exactly the issues it always did.
 * When code generation is not allowed (for example under a strict Content Security Policy),
 * zod hands back the schema unchanged, and a zod 4 release without `z.compile` simply uses the
 * schema as it is. Compilation waits for the first call so that importing the package stays cheap.
 *
 * @example
 * ```ts
 * const compiledService = compiledSchema(Service);
 * safeParseResult(compiledService(), input);
 * ```
 */
export function compiledSchema<S extends z.ZodType>(schema: S): () => S {
  let compiled: S | undefined;
  // The package accepts any zod 4 and only recent releases have z.compile; without it the plain schema gives the same answers, more slowly.
  // A plain member read (not a cast of the namespace), so bundlers can still drop the parts of zod we do not use.
  const compile = z.compile as ((schema: S) => S) | undefined;
  return () => (compiled ??= compile === undefined ? schema : compile(schema));
}
