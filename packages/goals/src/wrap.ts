import * as z from "zod";
import { fail, Identifier, IsoDate, issue, ok, PersonReference, Provenance, type Result, safeParseResult, toIsoDate, type ValidationIssue } from "@selfmanage/core";
import { ShortText, TextList } from "./text";

const SignsAndPlan = (signsDescription: string) =>
  z.strictObject({
    signs: TextList.meta({ description: signsDescription }),
    actionPlan: TextList.meta({ description: "What I will do when I notice them." }),
  });

/**
 * Someone named in a WRAP crisis plan: a supporter, or someone the person does not want involved.
 * Use the owner's own description ("my sister") and, if needed, a pseudonymous reference.
 *
 * @example
 * ```ts
 * CrisisContact.parse({ description: "My sister", reference: "supporter-2", tasks: ["Look after the cat"] });
 * ```
 */
export const CrisisContact = z
  .strictObject({
    description: ShortText.meta({ description: "Who, in the words of the plan's owner (e.g. 'my sister')." }),
    reference: Identifier.optional().meta({ description: "A pseudonymous identifier of the person or service." }),
    tasks: TextList.optional().meta({ description: "What they are asked to do." }),
  })
  .meta({ id: "CrisisContact", title: "Crisis contact", description: "Someone named in a crisis plan." });

/**
 * Someone named in a WRAP crisis plan: a supporter, or someone the person does not want involved.
 *
 * @example
 * ```ts
 * const sister: CrisisContact = { description: "My sister", reference: "supporter-2", tasks: ["Look after the cat"] };
 * ```
 */
export type CrisisContact = z.infer<typeof CrisisContact>;

/**
 * A Wellness Recovery Action Plan: written and owned by the person. Its sections are the wellness
 * toolbox; the daily maintenance plan; triggers, early warning signs and when things are breaking
 * down, each with an action plan; the crisis plan (including who should and should not be
 * involved); and the post-crisis plan. Sections can be filled in over time.
 *
 * @example
 * ```ts
 * WellnessRecoveryActionPlan.parse({
 *   id: "wrap-1",
 *   owner: "person-7f3a9c",
 *   provenance: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-03-10T19:00:00Z" },
 *   wellnessToolbox: ["Walk by the canal", "Phone my sister", "Bake bread"],
 *   triggers: { signs: ["Letters about money"], actionPlan: ["Open them with my sister", "Call the advice line"] },
 * });
 * ```
 */
export const WellnessRecoveryActionPlan = z
  .strictObject({
    id: Identifier,
    owner: PersonReference.meta({ description: "The person whose plan it is." }),
    provenance: Provenance.meta({ description: "Who last wrote or updated the plan, and when." }),
    agreedByOwnerOn: IsoDate.optional().meta({
      description: "When the owner agreed the plan, if someone else wrote or updated it for them: on or after the day of that update.",
    }),
    wellnessToolbox: TextList.optional().meta({ description: "Things that help me stay well and feel better." }),
    dailyMaintenance: z
      .strictObject({
        whenWell: TextList.meta({ description: "What I am like when I am well." }),
        everyDay: TextList.meta({ description: "What I need to do every day to stay well." }),
        reminders: TextList.meta({ description: "Things I might need to do, as a reminder list." }),
      })
      .optional()
      .meta({ description: "The daily maintenance plan." }),
    triggers: SignsAndPlan("Things that happen that may upset me.").optional().meta({ description: "Triggers and the action plan for them." }),
    earlyWarningSigns: SignsAndPlan("Small changes that tell me I am starting to feel worse.")
      .optional()
      .meta({ description: "Early warning signs and the action plan for them." }),
    breakingDown: SignsAndPlan("Signs that things are getting much worse.").optional().meta({ description: "When things are breaking down, and the action plan." }),
    crisisPlan: z
      .strictObject({
        whenWell: TextList.optional().meta({ description: "What I am like when I am well, for people who may not know me." }),
        signsOthersTakeOver: TextList.optional().meta({ description: "Signs that mean others should take over responsibility for my care." }),
        supporters: z.array(CrisisContact).max(30).optional().meta({ description: "Who I want to help, and with what." }),
        notInvolved: z.array(CrisisContact).max(30).optional().meta({ description: "Who I do not want involved." }),
        medicines: TextList.optional().meta({ description: "Medicines that help and that do not, in my words." }),
        treatmentsThatHelp: TextList.optional(),
        treatmentsToAvoid: TextList.optional(),
        careAtHomeOrInCommunity: TextList.optional().meta({ description: "How I could be cared for at home or in the community." }),
        placesToAvoid: TextList.optional().meta({ description: "Places I do not want to be cared for." }),
        whatHelps: TextList.optional().meta({ description: "What others can do that helps." }),
        whatDoesNotHelp: TextList.optional().meta({ description: "What others should not do." }),
        signsPlanNoLongerNeeded: TextList.optional().meta({ description: "How others will know the plan is no longer needed." }),
      })
      .optional()
      .meta({ description: "The crisis plan." }),
    postCrisisPlan: z
      .strictObject({
        signsOfRecovery: TextList.optional().meta({ description: "How I will know the crisis is over." }),
        supports: TextList.optional().meta({ description: "Who and what will help me as I recover." }),
        actionPlan: TextList.optional().meta({ description: "What I will do, day by day, to get back to feeling well." }),
      })
      .optional()
      .meta({ description: "The post-crisis plan." }),
  })
  .meta({ id: "WellnessRecoveryActionPlan", title: "Wellness Recovery Action Plan", description: "A person's own WRAP, with all its sections." });

/**
 * A Wellness Recovery Action Plan (see {@link WellnessRecoveryActionPlan}).
 *
 * @example
 * ```ts
 * const plan: WellnessRecoveryActionPlan = {
 *   id: "wrap-1",
 *   owner: "person-7f3a9c",
 *   provenance: { recordedBy: "person-7f3a9c", role: "person", recordedAt: "2026-03-10T19:00:00Z" },
 *   wellnessToolbox: ["Walk by the canal"],
 * };
 * ```
 */
export type WellnessRecoveryActionPlan = z.infer<typeof WellnessRecoveryActionPlan>;

/**
 * The sections of a WRAP, in the order they are written, with plain labels for forms.
 *
 * @example
 * ```ts
 * wrapSections.map((section) => section.key);
 * // ["wellnessToolbox", "dailyMaintenance", "triggers", "earlyWarningSigns", "breakingDown", "crisisPlan", "postCrisisPlan"]
 * ```
 */
export const wrapSections: ReadonlyArray<{ readonly key: WrapSectionKey; readonly label: string; readonly hint: string }> = [
  { key: "wellnessToolbox", label: "Wellness toolbox", hint: "The things that help you stay well, and help you feel better when you are not." },
  { key: "dailyMaintenance", label: "Daily maintenance plan", hint: "What you are like when you are well, what you do each day, and reminders." },
  { key: "triggers", label: "Triggers", hint: "Things that may upset you, and what you will do if they happen." },
  { key: "earlyWarningSigns", label: "Early warning signs", hint: "Small changes that tell you things are slipping, and what you will do." },
  { key: "breakingDown", label: "When things are breaking down", hint: "Signs that things are much worse, and what you will do straight away." },
  { key: "crisisPlan", label: "Crisis plan", hint: "What others should do if you cannot look after yourself, and who should and should not be involved." },
  { key: "postCrisisPlan", label: "Post-crisis plan", hint: "How you will get back to feeling well after a crisis." },
];

/**
 * The key of a WRAP section (see {@link wrapSections}).
 *
 * @example
 * ```ts
 * const key: WrapSectionKey = "crisisPlan";
 * ```
 */
export type WrapSectionKey = "wellnessToolbox" | "dailyMaintenance" | "triggers" | "earlyWarningSigns" | "breakingDown" | "crisisPlan" | "postCrisisPlan";

/**
 * Validate a Wellness Recovery Action Plan: the schema, then the rules (at least one section is
 * written; a plan written or updated by anyone but its owner records when the owner agreed it, on
 * or after that update; nobody is both a crisis supporter and someone the person does not want
 * involved).
 *
 * @example
 * ```ts
 * const result = validateWellnessRecoveryActionPlan(plan);
 * if (!result.ok) result.issues[0]?.code; // e.g. "not_agreed_by_owner"
 * ```
 */
export function validateWellnessRecoveryActionPlan(input: unknown): Result<WellnessRecoveryActionPlan> {
  const parsed = safeParseResult(WellnessRecoveryActionPlan, input);
  if (!parsed.ok) return parsed;
  const plan = parsed.value;
  const issues: ValidationIssue[] = [];
  if (wrapSections.every((section) => plan[section.key] === undefined)) {
    issues.push(issue([], "empty_plan", "A plan needs at least one section. The wellness toolbox is a good place to start."));
  }
  const writtenByOwner = plan.provenance.role === "person" && plan.provenance.recordedBy === plan.owner;
  if (!writtenByOwner && plan.agreedByOwnerOn === undefined) {
    issues.push(
      issue(["agreedByOwnerOn"], "not_agreed_by_owner", "This plan belongs to the person. When someone else writes or updates it, record the day the person agreed it."),
    );
  }
  // An agreement given before the latest update does not cover what that update changed.
  if (!writtenByOwner && plan.agreedByOwnerOn !== undefined && plan.agreedByOwnerOn < toIsoDate(plan.provenance.recordedAt)) {
    issues.push(
      issue(
        ["agreedByOwnerOn"],
        "agreed_before_update",
        "The person agreed the plan before its latest update. Check the changes with them and record the day they agreed the plan as it is now.",
      ),
    );
  }
  const supporterReferences = new Set((plan.crisisPlan?.supporters ?? []).flatMap((contact) => (contact.reference === undefined ? [] : [contact.reference])));
  (plan.crisisPlan?.notInvolved ?? []).forEach((contact, index) => {
    if (contact.reference !== undefined && supporterReferences.has(contact.reference)) {
      issues.push(
        issue(["crisisPlan", "notInvolved", index, "reference"], "supporter_also_excluded", "The same person cannot be both a supporter and someone not to involve."),
      );
    }
  });
  return issues.length > 0 ? fail(issues) : ok(plan);
}
