import { ukPostcodeAreas } from "./data/uk-postcode-areas";

/**
 * The kinds of direct identifier {@link findPersonalIdentifiers} recognises.
 *
 * @example
 * ```ts
 * const kind: PersonalIdentifierKind = "nhs-number";
 * ```
 */
export type PersonalIdentifierKind = "nhs-number" | "chi-number" | "email-address" | "phone-number" | "postcode";

/** Invisible characters (format controls, combining marks) that can hide inside a number. */
const INVISIBLE = /[\p{Cf}\p{Mn}]/gu;
/** What people put between the digits of a number: spaces, dashes, dots, slashes, brackets. */
const DIGIT_SEPARATOR = /[\s\p{Pd}\u2212.\u00b7\u2022\u2027\u2219/\\_,'()[\]|]/u;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
/** At most this many separator characters between two groups of one number. */
const MAX_SEPARATORS = 3;
const LABEL = /(NHS|CHI|TEL|PHONE|MOBILE|MOB)[\s\p{P}]*(?:NO|NUM|NUMBER)?[\s\p{P}]*$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PLUS_BEFORE = /\+\s*$/u;
/** UK postcodes as Royal Mail writes them (the shape of the government data standard), outward and inward code apart. */
const POSTCODE = /(?<![A-Z0-9])(GIR|[A-PR-UWYZ](?:[0-9][0-9A-HJKPS-UW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?))(\s?)([0-9][ABD-HJLNP-UW-Z]{2})(?![A-Z0-9])/gu;
const POSTCODE_AREAS: ReadonlySet<string> = new Set(ukPostcodeAreas);
/** Written-out or encoded at-signs: (at), [at], {at}, <at>, %40, &#64;, &commat;. */
const OBFUSCATED_AT = /\s*[([{<]\s*at\s*[)\]}>]\s*|%40|&#0*64;|&#x0*40;|&commat;/giu;
/** `jane at example dot org`, `jane.doe at example.org`. */
const SPELLED_EMAIL = /[\p{L}\p{N}._%+-]+\s+at\s+[\p{L}\p{N}-]+(?:\s*(?:\.|\s+dot\s+|[([{<]\s*dot\s*[)\]}>])\s*[\p{L}\p{N}-]+)+/iu;

/** The value of a decimal digit from any script: digit sets are runs of ten code points starting at zero. */
function digitValue(character: string): string {
  let start = character.codePointAt(0) as number;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String(((character.codePointAt(0) as number) - start) % 10);
}

/**
 * Text as a reader sees it: compatibility forms folded (full-width `９` and `＠`), every script's
 * digits as ASCII digits, invisible characters removed.
 *
 * @example
 * ```ts
 * normaliseForIdentifiers("９４３\u200b４７６"); // "943476"
 * ```
 */
export function normaliseForIdentifiers(text: string): string {
  return text.normalize("NFKC").replace(INVISIBLE, "").replace(NON_ASCII_DIGIT, digitValue);
}

/**
 * Whether ten digits are an NHS number with a valid modulus 11 check digit.
 *
 * @example
 * ```ts
 * isNhsNumber("9434765919"); // true
 * isNhsNumber("9434765918"); // false
 * ```
 */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(digits[index]) * (10 - index);
  const remainder = 11 - (sum % 11);
  const check = remainder === 11 ? 0 : remainder;
  return check !== 10 && check === Number(digits[9]);
}

/**
 * Whether six digits are a date of birth in the DDMMYY form that starts a CHI number.
 *
 * @example
 * ```ts
 * isChiDate("290200"); // true: 2000 was a leap year
 * isChiDate("310490"); // false
 * ```
 */
export function isChiDate(digits: string): boolean {
  if (!/^\d{6}$/.test(digits)) return false;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = Number(digits.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/**
 * Whether ten digits are a Community Health Index (CHI) number: a DDMMYY date of birth, three
 * more digits, and a modulus 11 check digit (computed as for NHS numbers).
 *
 * @example
 * ```ts
 * isChiNumber("0101901232"); // true
 * isChiNumber("0101901234"); // false: the check digit is wrong
 * ```
 */
export function isChiNumber(digits: string): boolean {
  return isChiDate(digits.slice(0, 6)) && isNhsNumber(digits);
}

interface DigitRun {
  readonly groups: readonly string[];
  readonly start: number;
  /** Whether the run is glued to the letters before it (`ab12`), or after it (`12ab`). */
  readonly gluedBefore: boolean;
  readonly gluedAfter: boolean;
}

/** Numbers in the text: groups of digits joined by at most a few separators ("943 476-5919"). */
function digitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let index = 0;
  while (index < text.length) {
    if (!isAsciiDigit(text, index)) {
      index++;
      continue;
    }
    const start = index;
    const groups: string[] = [];
    for (;;) {
      const groupStart = index;
      while (isAsciiDigit(text, index)) index++;
      groups.push(text.slice(groupStart, index));
      let next = index;
      while (next < text.length && next - index < MAX_SEPARATORS && DIGIT_SEPARATOR.test(text[next] as string)) next++;
      if (next === index || !isAsciiDigit(text, next)) break;
      index = next;
    }
    runs.push({ groups, start, gluedBefore: start > 0 && LETTER_OR_DIGIT.test(text[start - 1] as string), gluedAfter: index < text.length && LETTER_OR_DIGIT.test(text[index] as string) });
  }
  return runs;
}

function isAsciiDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/** UK numbers are a trunk 0 and ten digits; freephone 0800 and 0500 numbers may have nine. */
const UK_NATIONAL_NUMBER = /^0(?:[1235789]\d{9}|[58]00\d{6})$/;

function isUkPhoneNumber(digits: string, international: boolean): boolean {
  let national = digits;
  if (international && digits.startsWith("44")) national = digits.slice(2);
  else if (digits.startsWith("0044")) national = digits.slice(4);
  else return UK_NATIONAL_NUMBER.test(digits);
  // "+44 (0)131 ..." keeps the trunk zero in brackets; the number is the same without it.
  if (national.startsWith("0")) national = national.slice(1);
  return UK_NATIONAL_NUMBER.test(`0${national}`);
}

function healthNumberKind(digits: string, lengths: readonly number[], label: string | undefined): PersonalIdentifierKind | undefined {
  const grouping = lengths.join(",");
  const chiGrouping = grouping === "2,2,2,4" || grouping === "6,4";
  if (label === "CHI" || (isChiDate(digits.slice(0, 6)) && (chiGrouping || isNhsNumber(digits)))) return "chi-number";
  // 0000000000-3199999999 is the CHI block: a number there without a date of birth is neither.
  if (label === "NHS" || (Number(digits.slice(0, 2)) > 31 && isNhsNumber(digits))) return "nhs-number";
  return undefined;
}

function numberKinds(text: string, run: DigitRun, found: Set<PersonalIdentifierKind>): void {
  const before = text.slice(Math.max(0, run.start - 24), run.start);
  const label = LABEL.exec(before)?.[1];
  const international = PLUS_BEFORE.test(before);
  // A number stands on its own: digits glued to letters ("ab123456-7890" in a UUID) are part of
  // another token, unless the letters are a label such as NHS or CHI.
  const firstAllowed = run.gluedBefore && label === undefined ? 1 : 0;
  const lastAllowed = run.groups.length - (run.gluedAfter ? 2 : 1);
  for (let first = firstAllowed; first < run.groups.length; first++) {
    let digits = "";
    const lengths: number[] = [];
    for (let last = first; last <= lastAllowed && digits.length <= 13; last++) {
      digits += run.groups[last] as string;
      lengths.push((run.groups[last] as string).length);
      const kind = digits.length === 10 ? healthNumberKind(digits, lengths, label) : undefined;
      // A CHI number can also look like a phone number; say what it most likely is, once.
      if (kind !== undefined) found.add(kind);
      else if (isUkPhoneNumber(digits, international && first === 0)) found.add("phone-number");
    }
  }
}

/**
 * A postcode written with its space (`EH1 1AA`), or a whole text that is one (`EH11AA`), in a
 * real postcode area. Without the space and inside other text, the letters and digits of a
 * random code (`person-b12ab`) look the same, so those are left alone.
 */
function hasPostcode(upper: string): boolean {
  const whole = upper.trim();
  for (const match of whole.matchAll(POSTCODE)) {
    const [text, outward, space, inward] = match as unknown as [string, string, string, string];
    const area = /^[A-Z]+/.exec(outward)?.[0] ?? "";
    const known = outward === "GIR" ? inward === "0AA" : POSTCODE_AREAS.has(area);
    if (known && (space !== "" || text === whole)) return true;
  }
  return false;
}

/**
 * Whether a text plainly holds none of the identifiers, without the full search: the shape of
 * nearly every pseudonymous code (`person-7f3a9c`). Such a text is printable ASCII without
 * spaces (so normalising leaves it as it is, and there is no spelled-out email address), has no
 * at-sign nor anything that can stand for one (`%40`, `&#64;`, a bracket before `at`), fewer
 * than ten digits (the shortest number recognised, a freephone number, has ten), and more than
 * seven characters (without a space, a postcode counts only as the whole text: at most seven).
 */
function plainlyNothing(text: string): boolean {
  if (text.length <= 7) return false;
  let digits = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      digits++;
      continue;
    }
    // Outside "!" to "~", or one of @ % & ( [ { <.
    if (code < 0x21 || code > 0x7e || code === 0x40 || code === 0x25 || code === 0x26 || code === 0x28 || code === 0x5b || code === 0x7b || code === 0x3c) return false;
  }
  return digits < 10;
}

/**
 * The kinds of direct identifier written in a text, in any of the ways people write them:
 * NHS numbers and CHI numbers (spaced, dotted, dashed, prefixed, in full-width or other digits,
 * with invisible characters between the digits), email addresses (also as `(at)`, `[at]`,
 * `at ... dot ...`, `%40` or `＠`), UK phone numbers (national or `+44`) and UK postcodes
 * (with their space, or standing alone).
 *
 * @remarks
 * Numbers are checked, not just counted: an NHS number needs a valid modulus 11 check digit
 * (numbers from 0000000000 to 3199999999 are the CHI block, so there a date is needed too), a
 * CHI number a valid date of birth and check digit, unless the text labels it (`NHS`, `CHI`)
 * or writes it in the CHI grouping (`DD MM YY NNNN`). Phone numbers are UK numbers of 11
 * digits with the trunk 0 (or `+44` and ten), and 10-digit freephone numbers; the few rural
 * numbers with 10 digits are not recognised. Digits glued to other letters
 * (`ab12345678`) are taken as part of a code, not a number, unless the letters are a label. A
 * postcode inside other text without its space (`person-eh11aa`) cannot be told from a random
 * code and is not reported. A pattern cannot know everything that
 * identifies a person: a name (`Jane Doe`), a date of birth written as a plain date, an address
 * without a postcode, or a local record number. Treat a clean result as "no pattern found",
 * never as proof that a text is anonymous.
 *
 * @example
 * ```ts
 * findPersonalIdentifiers("NHS 943-476-5919"); // ["nhs-number"]
 * findPersonalIdentifiers("jane.doe(at)example.org"); // ["email-address"]
 * findPersonalIdentifiers("person-7f3a9c"); // []
 * ```
 */
export function findPersonalIdentifiers(text: string): PersonalIdentifierKind[] {
  return plainlyNothing(text) ? [] : searchPersonalIdentifiers(text);
}

/**
 * The full search behind {@link findPersonalIdentifiers}, without its shortcut for texts that
 * plainly hold nothing (the tests check that both agree).
 *
 * @example
 * ```ts
 * searchPersonalIdentifiers("call 0800 123 456"); // ["phone-number"]
 * ```
 */
export function searchPersonalIdentifiers(text: string): PersonalIdentifierKind[] {
  const normalised = normaliseForIdentifiers(text);
  const found = new Set<PersonalIdentifierKind>();
  const withAt = normalised.replace(OBFUSCATED_AT, "@");
  if (withAt.includes("@") || SPELLED_EMAIL.test(normalised)) found.add("email-address");
  const upper = normalised.toUpperCase();
  for (const run of digitRuns(upper)) numberKinds(upper, run, found);
  if (hasPostcode(upper)) found.add("postcode");
  return [...found];
}
