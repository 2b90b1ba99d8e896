import * as z from "zod";

const LOINC_SHAPE = /^\d{1,7}-\d$/;

/**
 * Whether a string is a well-formed LOINC code whose last digit is the right check digit
 * (LOINC's mod 10 algorithm, the same as Luhn's). A code that passes may still not exist:
 * this catches typing mistakes, not made-up codes.
 *
 * @example
 * ```ts
 * isLoincCode("44261-6"); // true: the PHQ-9 total score
 * isLoincCode("44261-5"); // false: wrong check digit
 * ```
 */
export function isLoincCode(code: string): boolean {
  if (!LOINC_SHAPE.test(code)) return false;
  const [body, check] = code.split("-") as [string, string];
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) {
    const digit = Number(body[body.length - 1 - index]);
    if (index % 2 === 0) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else sum += digit;
  }
  return (10 - (sum % 10)) % 10 === Number(check);
}

/**
 * A LOINC code such as `44249-1`, checked for shape and check digit.
 *
 * @example
 * ```ts
 * LoincCode.parse("69737-5");
 * ```
 */
export const LoincCode = z
  .string()
  .refine(isLoincCode, { message: "A LOINC code is up to seven digits, a hyphen and the right check digit, e.g. 44249-1.", params: { code: "invalid_loinc_code" } })
  .meta({ id: "LoincCode", title: "LOINC code", description: "A LOINC code: digits, a hyphen and a mod 10 check digit." });

/**
 * A LOINC code (see {@link LoincCode}).
 *
 * @example
 * ```ts
 * const phq9Total: LoincCode = "44261-6";
 * ```
 */
export type LoincCode = z.infer<typeof LoincCode>;

/**
 * The LOINC codes of an instrument as a whole: the panel (the questionnaire) and its total score.
 *
 * @example
 * ```ts
 * InstrumentLoinc.parse({ panel: "44249-1", total: "44261-6" });
 * ```
 */
export const InstrumentLoinc = z
  .strictObject({
    panel: LoincCode.optional().meta({ description: "The LOINC code of the questionnaire (panel)." }),
    total: LoincCode.optional().meta({ description: "The LOINC code of the total score." }),
  })
  .meta({ id: "InstrumentLoinc", title: "Instrument LOINC codes", description: "LOINC codes of the panel and of the total score." });

/**
 * LOINC codes of an instrument (see {@link InstrumentLoinc}).
 *
 * @example
 * ```ts
 * const gad7: InstrumentLoinc = { panel: "69737-5", total: "70274-6" };
 * ```
 */
export type InstrumentLoinc = z.infer<typeof InstrumentLoinc>;
