import * as z from "zod";
import { findPersonalIdentifiers, type PersonalIdentifierKind } from "./personal-identifiers";

// No surrounding white space and no control characters (C0, DEL and C1): matching them is the point.
// eslint-disable-next-line no-control-regex
const IDENTIFIER_PATTERN = /^[^\s\x00-\x1f\x7f-\x9f](?:[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f])?$/;

/**
 * An identifier: 1 to 128 characters, no leading or trailing white space, no control characters.
 * Shared by every package, so that records in different packages can refer to each other.
 *
 * @example
 * ```ts
 * Identifier.parse("goal-2026-001"); // "goal-2026-001"
 * ```
 */
export const Identifier = z
  .string()
  .min(1)
  .max(128)
  .regex(IDENTIFIER_PATTERN)
  .meta({ id: "Identifier", title: "Identifier", description: "A non-empty identifier of at most 128 characters, with no surrounding white space." });

/**
 * Whether a value is an {@link Identifier}: the same answer as the schema, without a parse. For
 * hot loops that check many ids (a response's answers, an index's keys).
 *
 * @example
 * ```ts
 * isIdentifier("goal-2026-001"); // true
 * isIdentifier(" padded "); // false
 * ```
 */
export function isIdentifier(value: unknown): value is Identifier {
  return typeof value === "string" && value.length >= 1 && (value.length <= 128 || codePoints(value) <= 128) && IDENTIFIER_PATTERN.test(value);
}

/** The length in Unicode code points (a surrogate pair is one), as zod and JSON Schema count text. */
function codePoints(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index++) {
    if ((text.charCodeAt(index) & 0xfc00) === 0xd800 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      count--;
      index++;
    }
  }
  return count;
}

/**
 * An identifier string (see {@link Identifier}).
 *
 * @example
 * ```ts
 * const id: Identifier = "service-42";
 * ```
 */
export type Identifier = z.infer<typeof Identifier>;

const KIND_NAMES: Readonly<Record<PersonalIdentifierKind, string>> = {
  "nhs-number": "an NHS number",
  "chi-number": "a CHI number",
  "email-address": "an email address",
  "phone-number": "a phone number",
  postcode: "a postcode",
};

/** One message for everything found: "... what looks like an email address and a phone number, ...". */
function notPseudonymousMessage(kinds: readonly PersonalIdentifierKind[]): string {
  const names = kinds.map((kind) => KIND_NAMES[kind]);
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `A person reference must be pseudonymous: this one contains what looks like ${listed}, which can identify the person.`;
}

/**
 * References already found pseudonymous. One person is referred to many times (every rating of
 * an assessment names its respondent), and the search for identifiers is the costly part of the
 * check. Only references that passed are kept, so the memory never holds an NHS number, an
 * email address or the like; it is bounded, and cleared when full.
 */
const PSEUDONYMOUS_MEMORY = 10_000;
const knownPseudonymous = new Set<string>();

function isPseudonymous(value: string): boolean {
  if (knownPseudonymous.has(value)) return true;
  if (findPersonalIdentifiers(value).length > 0) return false;
  if (knownPseudonymous.size >= PSEUDONYMOUS_MEMORY) knownPseudonymous.clear();
  knownPseudonymous.add(value);
  return true;
}

/**
 * A pseudonymous reference to a person: an identifier that means nothing outside the
 * system that issued it. Never a name, an NHS/CHI number, an email address, a phone number
 * or a postcode.
 *
 * @remarks
 * References are checked with {@link findPersonalIdentifiers}: NHS and CHI numbers however
 * they are written (spaced, dashed, prefixed `NHS`/`CHI`/`person-`, full-width or other
 * digits; check digit and date checked), email addresses plain or obfuscated, UK phone
 * numbers and postcodes are rejected with the code `not_pseudonymous`. A pattern cannot
 * know a name or a local record number: issue references from a pseudonymisation step
 * (a random or keyed-hash id) rather than relying on this check.
 *
 * @example
 * ```ts
 * PersonReference.parse("person-7f3a9c"); // ok
 * PersonReference.safeParse("943 476 5919").success; // false: an NHS number
 * PersonReference.safeParse("NHS９４３４７６５９１９").success; // false: full-width digits
 * ```
 */
export const PersonReference = Identifier.refine(isPseudonymous, {
  // Worked out only for a reference turned down; the message names kinds, never the value.
  error: (found) => notPseudonymousMessage(findPersonalIdentifiers(String(found.input))),
  params: { code: "not_pseudonymous" },
}).meta({
  id: "PersonReference",
  title: "Pseudonymous person reference",
  description: "A pseudonymous identifier for a person. Never a name, email address, NHS number or CHI number.",
});

/**
 * A pseudonymous reference to a person (see {@link PersonReference}).
 *
 * @example
 * ```ts
 * const who: PersonReference = "person-7f3a9c";
 * ```
 */
export type PersonReference = z.infer<typeof PersonReference>;

/**
 * A code from a code system, such as SNOMED CT or a GSS area code, with optional display text.
 *
 * @example
 * ```ts
 * const code: Coding = { system: "http://snomed.info/sct", code: "871731000000106", display: "Referral to social prescribing service" };
 * ```
 */
export const Coding = z
  .strictObject({
    system: z.string().min(1).max(512).meta({ description: "The code system, usually a URI such as http://snomed.info/sct." }),
    code: z.string().min(1).max(128).meta({ description: "The code within the system." }),
    display: z.string().min(1).max(1024).optional().meta({ description: "Human-readable text for the code." }),
  })
  .meta({ id: "Coding", title: "Coding", description: "A code from a code system." });

/**
 * A code from a code system (see {@link Coding}).
 *
 * @example
 * ```ts
 * const area: Coding = { system: "https://www.ons.gov.uk/gss", code: "S08000024" };
 * ```
 */
export type Coding = z.infer<typeof Coding>;
