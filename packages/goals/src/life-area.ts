import * as z from "zod";

/**
 * The part of life a goal is about.
 *
 * @example
 * ```ts
 * LifeArea.parse("relationships");
 * ```
 */
export const LifeArea = z
  .enum([
    "physical-health",
    "mental-wellbeing",
    "relationships",
    "work-and-learning",
    "daily-living",
    "money",
    "housing",
    "community",
    "rest-and-sleep",
    "substance-use",
    "other",
  ])
  .meta({
    id: "LifeArea",
    title: "Life area",
    description:
      "The part of life the goal is about: physical-health, mental-wellbeing, relationships, work-and-learning, daily-living, money, housing, community, rest-and-sleep, substance-use or other.",
  });

/**
 * A life area code (see {@link LifeArea}).
 *
 * @example
 * ```ts
 * const area: LifeArea = "money";
 * ```
 */
export type LifeArea = z.infer<typeof LifeArea>;

/**
 * Plain-English labels and short hints for each {@link LifeArea}, for forms and reports.
 *
 * @example
 * ```ts
 * lifeAreas["work-and-learning"].label; // "Work and learning"
 * ```
 */
export const lifeAreas: Readonly<Record<LifeArea, { readonly label: string; readonly hint: string }>> = {
  "physical-health": { label: "Physical health", hint: "Moving more, eating well, looking after a condition, managing pain." },
  "mental-wellbeing": { label: "Mental wellbeing", hint: "Mood, stress, worry, confidence and feeling more like yourself." },
  relationships: { label: "Relationships", hint: "Time with family and friends, and the people who matter to you." },
  "work-and-learning": { label: "Work and learning", hint: "A job, volunteering, a course or a new skill." },
  "daily-living": { label: "Daily living", hint: "Everyday tasks such as cooking, shopping, getting around and self-care." },
  money: { label: "Money", hint: "Budgeting, benefits, debt and feeling on top of bills." },
  housing: { label: "Housing", hint: "A safe, settled and comfortable place to live." },
  community: { label: "Community", hint: "Groups, clubs, faith, culture and feeling part of things locally." },
  "rest-and-sleep": { label: "Rest and sleep", hint: "Sleeping better, pacing yourself and time to recharge." },
  "substance-use": { label: "Alcohol, tobacco and drugs", hint: "Cutting down or stopping smoking, drinking or drug use." },
  other: { label: "Something else", hint: "Anything that matters to you and does not fit elsewhere." },
};
