import * as z from "zod";

// Internal building blocks: bounded text keeps records small enough to store and show,
// and refuses empty strings that would read as an answer when nothing was said.

/**
 * A short piece of text: a label, a step, a name of a support.
 *
 * @example
 * ```ts
 * ShortText.parse("Walk to the park");
 * ```
 */
export const ShortText = z.string().min(1).max(500);

/**
 * A longer piece of text: the person's own words, notes from a review or a session.
 *
 * @example
 * ```ts
 * LongText.parse("I want to get back to the allotment on Saturdays.");
 * ```
 */
export const LongText = z.string().min(1).max(4000);

/**
 * A list of short entries, such as the items of a WRAP section.
 *
 * @example
 * ```ts
 * TextList.parse(["Phone my sister", "Walk the dog"]);
 * ```
 */
export const TextList = z.array(ShortText).max(100);
