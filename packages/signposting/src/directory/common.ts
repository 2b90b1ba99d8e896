import * as z from "zod";

// Open Referral sets no length on names and descriptions, so neither does the model: the importer
// reports unusually long ones instead of refusing them.
/**
 * A name: any non-empty text. (Shared by the directory's records; not exported from the package.)
 *
 * @example
 * ```ts
 * Name.parse("Fictional Peer Network");
 * ```
 */
export const Name = z.string().min(1);
/**
 * A description or note: any non-empty text. (Shared by the directory's records; not exported from the package.)
 *
 * @example
 * ```ts
 * Text.parse("Meets on Thursdays.");
 * ```
 */
export const Text = z.string().min(1);
/**
 * An email address, at most 320 characters. (Shared by the directory's records; not exported from the package.)
 *
 * @example
 * ```ts
 * Email.parse("hello@example.org");
 * ```
 */
export const Email = z.email().max(320);
/**
 * A web address, at most 2,000 characters. (Shared by the directory's records; not exported from the package.)
 *
 * @example
 * ```ts
 * WebAddress.parse("https://example.org");
 * ```
 */
export const WebAddress = z.url().max(2000);
/**
 * A telephone number as the source wrote it. (Shared by the directory's records; not exported from the package.)
 *
 * @example
 * ```ts
 * Phone.parse("0131 496 0000");
 * ```
 */
export const Phone = z
  .string()
  .min(1)
  .max(100)
  .meta({ description: "A telephone number as the source wrote it (Open Referral sets no format); usually digits, spaces, brackets and hyphens, optionally starting with +." });
