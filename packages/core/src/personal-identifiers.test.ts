import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PersonReference } from "./ids";
import { safeParseResult } from "./parse";
import { ukPostcodeAreas } from "./data/uk-postcode-areas";
import { findPersonalIdentifiers, searchPersonalIdentifiers, isChiDate, isChiNumber, isNhsNumber, normaliseForIdentifiers, type PersonalIdentifierKind } from "./personal-identifiers";

const SENTINEL_NHS = "9434765919";

function rejection(value: string): { codes: string[]; messages: string[] } {
  const result = safeParseResult(PersonReference, value);
  return result.ok ? { codes: [], messages: [] } : { codes: result.issues.map((found) => found.code), messages: result.issues.map((found) => found.message) };
}

/** The check digit of nine digits, or undefined when there is none (remainder 10). */
function checkDigit(nine: string): number | undefined {
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(nine[index]) * (10 - index);
  const remainder = 11 - (sum % 11);
  const check = remainder === 11 ? 0 : remainder;
  return check === 10 ? undefined : check;
}

const nineDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((digits) => digits.join(""));
/** NHS numbers are issued from 320000000 upwards (below is the CHI block): 3, 4, 6, 7 and 9 hundred millions. */
const nhsNineDigits = fc.tuple(fc.constantFrom("32", "39", "4", "6", "7", "9"), nineDigits).map(([start, rest]) => `${start}${rest}`.slice(0, 9));
const validNhsNumber = nhsNineDigits.filter((nine) => checkDigit(nine) !== undefined).map((nine) => `${nine}${checkDigit(nine)}`);
const validChiNumber = fc
  .record({ date: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), serial: fc.integer({ min: 0, max: 999 }) })
  .map(({ date, serial }) => `${String(date.getUTCDate()).padStart(2, "0")}${String(date.getUTCMonth() + 1).padStart(2, "0")}${String(date.getUTCFullYear() % 100).padStart(2, "0")}${String(serial).padStart(3, "0")}`)
  .filter((nine) => checkDigit(nine) !== undefined)
  .map((nine) => `${nine}${checkDigit(nine)}`);

/** Zero of each digit set the tests write numbers in: ASCII, full-width, Arabic-Indic, Devanagari, Bengali, Thai, mathematical bold. */
const DIGIT_ZEROS = [0x30, 0xff10, 0x660, 0x966, 0x9e6, 0xe50, 0x1d7ce];
const SEPARATORS = [" ", "-", "\u2013", "\u2014", "\u2212", ".", "/", "_", "\u00a0", "\u2009", "\u202f", "\u3000", " - ", "  "];
const INVISIBLES = ["", "\u200b", "\u200c", "\u2060", "\u00ad", "\ufeff"];

function inScript(digits: string, zero: number): string {
  return [...digits].map((digit) => String.fromCodePoint(zero + Number(digit))).join("");
}

function grouped(digits: string, lengths: readonly number[], separator: string): string {
  const groups: string[] = [];
  let at = 0;
  for (const length of lengths) {
    groups.push(digits.slice(at, at + length));
    at += length;
  }
  return groups.join(separator);
}

const writtenForm = (digits: fc.Arbitrary<string>, groupings: ReadonlyArray<readonly number[]>, prefixes: readonly string[]) =>
  fc
    .record({
      digits,
      grouping: fc.constantFrom(...groupings),
      separator: fc.constantFrom(...SEPARATORS),
      invisible: fc.constantFrom(...INVISIBLES),
      zero: fc.constantFrom(...DIGIT_ZEROS),
      prefix: fc.constantFrom(...prefixes),
      suffix: fc.constantFrom("", "-a", " x", "_2026"),
    })
    .map(({ digits: number, grouping, separator, invisible, zero, prefix, suffix }) => {
      const written = grouped(inScript(number, zero), grouping.map((length) => length * (zero > 0xffff ? 2 : 1)), separator);
      return `${prefix}${[...written].join(invisible)}${suffix}`.trim();
    });

const NHS_GROUPINGS = [[10], [3, 3, 4], [5, 5], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [2, 2, 2, 2, 2], [4, 3, 3]];
const CHI_GROUPINGS = [[10], [2, 2, 2, 4], [6, 4], [3, 3, 4]];
const PREFIXES = ["", "NHS", "nhs ", "NHS no: ", "NHS#", "person-", "ref_", "p.", "id:", "CHI", "chi-"];

describe("the check digits", () => {
  it("accept a valid NHS number and no single-digit change of it", () => {
    expect(isNhsNumber(SENTINEL_NHS)).toBe(true);
    for (let index = 0; index < 10; index++) {
      for (let digit = 0; digit <= 9; digit++) {
        const changed = `${SENTINEL_NHS.slice(0, index)}${digit}${SENTINEL_NHS.slice(index + 1)}`;
        if (changed !== SENTINEL_NHS) expect(isNhsNumber(changed), changed).toBe(false);
      }
    }
    expect(isNhsNumber("943476591")).toBe(false);
    expect(isNhsNumber("94347659190")).toBe(false);
  });

  it("never accept a number whose check digit would be 10", () => {
    fc.assert(fc.property(nineDigits.filter((nine) => checkDigit(nine) === undefined), fc.integer({ min: 0, max: 9 }), (nine, last) => !isNhsNumber(`${nine}${last}`)));
  });

  it("check the date of birth of a CHI number", () => {
    expect(isChiNumber("0101901232")).toBe(true);
    expect(isChiNumber("0101901234")).toBe(false);
    expect(isChiDate("290200")).toBe(true);
    expect(isChiDate("290201")).toBe(false);
    expect(isChiDate("310490")).toBe(false);
    expect(isChiDate("001390")).toBe(false);
    expect(isChiDate("320190")).toBe(false);
    expect(isChiDate("01019")).toBe(false);
  });
});

describe("PersonReference", () => {
  it("rejects the written forms of identifiers the probe found accepted", () => {
    const cases: Array<[string, PersonalIdentifierKind]> = [
      ["943.476.5919", "nhs-number"],
      ["943\u2013476\u20135919", "nhs-number"],
      ["NHS9434765919", "nhs-number"],
      ["person-9434765919", "nhs-number"],
      ["ref-9434765919", "nhs-number"],
      ["94347 65919", "nhs-number"],
      ["9 4 3 4 7 6 5 9 1 9", "nhs-number"],
      ["\uff19\uff14\uff13\uff14\uff17\uff16\uff15\uff19\uff11\uff19", "nhs-number"],
      ["01 01 90 1234", "chi-number"],
      ["CHI0101901234", "chi-number"],
      ["0101901232", "chi-number"],
      ["jane.doe(at)example.org", "email-address"],
      ["jane.doe [at] example [dot] org", "email-address"],
      ["jane dot doe at example dot org", "email-address"],
      ["jane\uff20example.org", "email-address"],
      ["jane%40example.org", "email-address"],
      ["07700 900123", "phone-number"],
      ["+44 7700 900123", "phone-number"],
      ["+44 (0)131 496 0000", "phone-number"],
      ["0131-496-0000", "phone-number"],
      ["tel-01314960000", "phone-number"],
      ["EH1 1AA", "postcode"],
      ["eh11aa", "postcode"],
      ["person EH11 1AA", "postcode"],
      ["g2 4pp", "postcode"],
      ["SW1A 1AA", "postcode"],
    ];
    for (const [value, kind] of cases) {
      expect(findPersonalIdentifiers(value), value).toContain(kind);
      const { codes, messages } = rejection(value);
      expect(codes.length, value).toBeGreaterThan(0);
      expect(new Set(codes), value).toEqual(new Set(["not_pseudonymous"]));
      for (const message of messages) expect(message, value).not.toContain(value);
    }
  });

  it("keeps pseudonymous references, and numbers that are neither NHS nor CHI numbers", () => {
    for (const value of ["person-7f3a9c", "SENTINEL-Jane-Doe-0123456789", "0131 496 000", "p-1", "respondent-042", "4f1c2b9e-8d3a-4e5f-9a7b-1c2d3e4f5a6b", "ref-9434765918", "case 2026-03-01", "goal-walk-to-the-park", "PERSON-DEMO-4821", "person-d", "EH1", "member 12345"]) {
      expect(findPersonalIdentifiers(value), value).toEqual([]);
      expect(PersonReference.safeParse(value).success, value).toBe(true);
    }
  });

  it("rejects every generated valid NHS number, however it is written", () => {
    fc.assert(
      fc.property(writtenForm(validNhsNumber, NHS_GROUPINGS, PREFIXES), (written) => {
        expect(rejection(written).codes, written).toContain("not_pseudonymous");
      }),
      { numRuns: 600 },
    );
  });

  it("rejects every generated valid CHI number, however it is written", () => {
    fc.assert(
      fc.property(writtenForm(validChiNumber, CHI_GROUPINGS, PREFIXES), (written) => {
        expect(findPersonalIdentifiers(written), written).toContain("chi-number");
      }),
      { numRuns: 400 },
    );
  });

  it("rejects UK phone numbers, postcodes and email addresses in their usual forms", () => {
    const mobile = fc.tuple(fc.constantFrom("4", "5", "7", "8", "9"), fc.integer({ min: 0, max: 99_999_999 })).map(([second, rest]) => `7${second}${String(rest).padStart(8, "0")}`);
    const landline = fc.tuple(fc.constantFrom("131", "141", "20", "29", "1224", "1382"), fc.integer({ min: 2_000_000, max: 8_999_999 })).map(([area, rest]) => `${area}${rest}`.slice(0, 10).padEnd(10, "0"));
    const phone = fc.tuple(fc.oneof(mobile, landline), fc.constantFrom("0", "+44 ", "+44 (0)", "0044 ", "+44"), fc.constantFrom(" ", "-", "", "."), fc.constantFrom("tel ", "", "phone:", "person-")).map(([national, trunk, separator, prefix]) => `${prefix}${trunk}${national.slice(0, 4)}${separator}${national.slice(4, 7)}${separator}${national.slice(7)}`);
    fc.assert(fc.property(phone, (written) => {
          expect(findPersonalIdentifiers(written), written).toContain("phone-number");
        }), { numRuns: 300 });

    const letter = (allowed: string) => fc.constantFrom(...allowed);
    const postcode = fc
      .tuple(fc.constantFrom(...ukPostcodeAreas), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 9 }), letter("ABDEFGHJLNPQRSTUWXYZ"), letter("ABDEFGHJLNPQRSTUWXYZ"), fc.constantFrom(" ", "\u00a0", "\u2009"), fc.boolean(), fc.constantFrom("", "person ", "ref: ", "lives in "))
      .map(([area, district, sector, unit1, unit2, space, lower, prefix]) => {
        const written = `${prefix}${area}${district}${space}${sector}${unit1}${unit2}`;
        return lower ? written.toLowerCase() : written;
      });
    fc.assert(fc.property(postcode, (written) => {
          expect(findPersonalIdentifiers(written), written).toContain("postcode");
        }), { numRuns: 300 });

    const email = fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/), fc.constantFrom("org", "co.uk", "scot"), fc.constantFrom("@", "\uff20", "\ufe6b", "(at)", " (at) ", "[at]", " at ", "%40", "&#64;"))
      .map(([local, domain, tld, at]) => `${local}${at}${domain}.${tld}`);
    fc.assert(fc.property(email, (written) => {
          expect(findPersonalIdentifiers(written), written).toContain("email-address");
        }), { numRuns: 300 });
  });

  it("keeps generated pseudonymous references", () => {
    const chunked = fc.array(fc.stringMatching(/^[a-f][0-9a-f]{3}$/), { minLength: 2, maxLength: 4 }).map((chunks) => `person-${chunks.join("")}`);
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), chunked), (value) => {
        expect(findPersonalIdentifiers(value), value).toEqual([]);
        expect(PersonReference.parse(value)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => Array.isArray(findPersonalIdentifiers(text))), { numRuns: 500 });
  });

  it("does not pretend to know a name or a date of birth", () => {
    expect(findPersonalIdentifiers("Jane Doe")).toEqual([]);
    expect(findPersonalIdentifiers("born 1990-01-01")).toEqual([]);
  });
});

describe("the postcode areas", () => {
  it("are the 121 UK areas plus Guernsey, Jersey and the Isle of Man, once each", () => {
    expect(ukPostcodeAreas).toHaveLength(124);
    expect(new Set(ukPostcodeAreas).size).toBe(124);
    for (const area of ukPostcodeAreas) expect(area).toMatch(/^[A-Z]{1,2}$/);
    for (const area of ["EH", "G", "AB", "IV", "ZE", "KW", "GY", "JE", "IM"]) expect(ukPostcodeAreas).toContain(area);
  });

  it("leave codes alone that only look like postcodes", () => {
    for (const value of ["person-a00aa", "person-b12ab", "QQ1 1AA", "person-w0-1qn"]) expect(findPersonalIdentifiers(value), value).toEqual([]);
    expect(findPersonalIdentifiers("GIR 0AA")).toEqual(["postcode"]);
  });
});

describe("the shortcut for plain codes", () => {
  // Texts near the edges of the shortcut: printable ASCII, the characters that stand for an
  // at-sign, digits (up to fourteen), white space, other scripts' digits and short texts.
  const edgy = fc.string({
    unit: fc.oneof(fc.constantFrom("0", "1", "4", "7", "8", "9", "-", ".", " ", "@", "%", "&", "(", "[", "{", "<", "a", "t", "E", "H", "\u0663", "\u200b", "\uff10"), fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 })),
    maxLength: 24,
  });
  const nearNumbers = fc
    .tuple(fc.constantFrom("person-", "p", "ref_", "x-"), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 12 }), fc.constantFrom("", "a", "-b"))
    .map(([prefix, digits, suffix]) => `${prefix}${digits.join("")}${suffix}`);

  it("agrees with the full search on every text", () => {
    fc.assert(
      fc.property(fc.oneof(edgy, nearNumbers, fc.string()), (text) => {
        expect(findPersonalIdentifiers(text)).toEqual(searchPersonalIdentifiers(text));
      }),
      { numRuns: 3000 },
    );
    for (const text of ["EH11AA", "GIR0AA", "08001234567", "person-0800123456", "x%40y.org", "a&#64;b.org", "jane(at)example.org", "person-7f3a9c"]) {
      expect(findPersonalIdentifiers(text)).toEqual(searchPersonalIdentifiers(text));
    }
  });
});

describe("normaliseForIdentifiers", () => {
  it("folds digits of every script and removes invisible characters", () => {
    expect(normaliseForIdentifiers("\u0669\u0664\u0663")).toBe("943");
    expect(normaliseForIdentifiers("\u096f\u200b\u0966")).toBe("90");
    expect(normaliseForIdentifiers("\ud835\udfd7")).toBe("9");
    expect(normaliseForIdentifiers("a\u00adb")).toBe("ab");
  });
});

describe("the not_pseudonymous issue", () => {
  it("is one issue per reference, naming everything that was found", () => {
    const result = safeParseResult(PersonReference, "jane@example.org 07700 900123");
    expect(result.ok ? [] : result.issues).toEqual([
      { path: [], code: "not_pseudonymous", message: "A person reference must be pseudonymous: this one contains what looks like an email address and a phone number, which can identify the person." },
    ]);
    const three = safeParseResult(PersonReference, "jane@example.org 07700 900123 EH1 1AA");
    expect(three.ok ? "" : three.issues[0]?.message).toContain("an email address, a phone number and a postcode");
  });
});
