import * as z from "zod";

const LANGUAGE_TAG_SHAPE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const LANGUAGE_TAG_MEMORY = 1_000;
const languageTagVerdicts = new Map<string, boolean>();

/**
 * Tell whether a string is a well-formed BCP 47 language tag, such as `en`, `gd`, `cy`,
 * `en-GB` or `en-x-easyread` (an easy-read variant).
 *
 * @example
 * ```ts
 * isLanguageTag("gd"); // true
 * isLanguageTag("english"); // false
 * ```
 */
export function isLanguageTag(value: string): boolean {
  const known = languageTagVerdicts.get(value);
  if (known !== undefined) return known;
  let verdict = false;
  if (LANGUAGE_TAG_SHAPE.test(value)) {
    try {
      verdict = Intl.getCanonicalLocales(value).length === 1;
    } catch {
      verdict = false;
    }
  }
  // Intl is slow and real data uses a handful of tags, so verdicts are remembered (bounded).
  if (languageTagVerdicts.size >= LANGUAGE_TAG_MEMORY) languageTagVerdicts.clear();
  languageTagVerdicts.set(value, verdict);
  return verdict;
}

/**
 * A BCP 47 language tag (see {@link isLanguageTag}).
 *
 * @example
 * ```ts
 * LanguageTag.parse("cy");
 * ```
 */
export const LanguageTag = z
  .string()
  .regex(LANGUAGE_TAG_SHAPE)
  .refine(isLanguageTag, { message: "Must be a BCP 47 language tag such as en, gd, cy or en-x-easyread.", params: { code: "invalid_language_tag" } })
  .meta({ id: "LanguageTag", title: "Language tag", description: "A BCP 47 language tag, e.g. en, gd, cy, en-x-easyread." });

/**
 * A BCP 47 language tag string (see {@link LanguageTag}).
 *
 * @example
 * ```ts
 * const tag: LanguageTag = "gd";
 * ```
 */
export type LanguageTag = z.infer<typeof LanguageTag>;

const TextValue = z.string().min(1).max(10_000);

/** Whether every key is a BCP 47 language tag: the check every text pays for, without building anything. */
function allLanguageTags(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key) && !isLanguageTag(key)) return false;
  return true;
}

/** The paths of keys that are not BCP 47 language tags, worked out only for a text turned down. */
function badLanguageKeys(value: object): string[][] {
  const paths: string[][] = [];
  for (const key in value) if (Object.hasOwn(value, key) && !isLanguageTag(key)) paths.push([key]);
  return paths;
}

/**
 * Text in one or more languages, keyed by BCP 47 tag. English (`en`) is required;
 * Scottish Gaelic (`gd`), Welsh (`cy`), easy-read (`en-x-easyread`) and others are optional.
 *
 * @example
 * ```ts
 * LocalisedText.parse({ en: "Peer support", gd: "Taic cho-aoisean" });
 * ```
 */
export const LocalisedText = z
  .strictObject({ en: TextValue.meta({ description: "The English text (required)." }) })
  .catchall(TextValue)
  // A predicate rather than a superRefine (zod's compiled parser runs a predicate inline);
  // `params.paths` names each key that is not a tag (see safeParseResult).
  .refine(allLanguageTags, {
    message: "Each key must be a BCP 47 language tag such as en, gd, cy or en-x-easyread.",
    params: { code: "invalid_language_tag", paths: badLanguageKeys },
  })
  .meta({
    id: "LocalisedText",
    title: "Localised text",
    description: "Text keyed by BCP 47 language tag. English (en) is required; other languages are optional.",
  });

/**
 * Text in one or more languages (see {@link LocalisedText}).
 *
 * @example
 * ```ts
 * const label: LocalisedText = { en: "Agree", cy: "Cytuno" };
 * ```
 */
export type LocalisedText = z.infer<typeof LocalisedText>;

/**
 * Pick the best text for the reader's languages, in order of preference: an exact tag,
 * then the same base language (`gd-GB` matches `gd`), then English.
 *
 * @example
 * ```ts
 * localise({ en: "Agree", cy: "Cytuno" }, ["cy-GB", "en"]); // "Cytuno"
 * localise({ en: "Agree" }, ["gd"]); // "Agree"
 * ```
 */
export function localise(text: LocalisedText, preferred: readonly string[] = ["en"]): string {
  const entries = text as Record<string, string>;
  for (const wanted of preferred) {
    const exact = entries[wanted];
    if (exact !== undefined) return exact;
    const base = wanted.split("-")[0]?.toLowerCase();
    const match = Object.keys(entries).find((key) => key.split("-")[0]?.toLowerCase() === base && !key.includes("-x-"));
    if (match !== undefined) return entries[match] as string;
  }
  return text.en;
}
