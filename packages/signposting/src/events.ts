import * as z from "zod";
import { Coding, Identifier, IsoDateTime, PersonReference, Provenance, Role, SelfManageError, compareDates, safeParseResult, type Result } from "@selfmanage/core";
import { ServiceCategory, signpostingCodes } from "./codes";
import { fnv1a } from "./hash";
import { compiledSchema } from "./compiled";

const Text = z.string().min(1).max(5000);

/**
 * How a person was connected to a service: information given, a warm handover (the practitioner
 * makes the introduction), or a formal referral.
 *
 * @example
 * ```ts
 * SignpostingMethod.parse("warm-handover");
 * ```
 */
export const SignpostingMethod = z
  .enum(["information", "warm-handover", "referral"])
  .meta({ id: "SignpostingMethod", title: "Signposting method", description: "information, warm-handover or referral." });
/**
 * A signposting method (see {@link SignpostingMethod}).
 *
 * @example
 * ```ts
 * const method: SignpostingMethod = "information";
 * ```
 */
export type SignpostingMethod = z.infer<typeof SignpostingMethod>;

/**
 * What a person agreed to: sharing their details with the service, being contacted to follow up,
 * and their record being counted (without identifying them) in analytics.
 *
 * @example
 * ```ts
 * ConsentScope.parse("follow-up");
 * ```
 */
export const ConsentScope = z
  .enum(["share-with-service", "follow-up", "analytics"])
  .meta({ id: "ConsentScope", title: "Consent scope", description: "share-with-service, follow-up or analytics." });
/**
 * A consent scope (see {@link ConsentScope}).
 *
 * @example
 * ```ts
 * const scope: ConsentScope = "analytics";
 * ```
 */
export type ConsentScope = z.infer<typeof ConsentScope>;

/**
 * The person's consent: whether it was given, for what, when, and when it was withdrawn.
 *
 * @example
 * ```ts
 * ConsentRecord.parse({ given: true, scope: ["share-with-service", "follow-up"], recordedAt: "2026-03-02T10:00:00Z" });
 * ```
 */
export const ConsentRecord = z
  .strictObject({
    given: z.boolean(),
    scope: z.array(ConsentScope).max(3),
    recordedAt: IsoDateTime,
    withdrawnAt: IsoDateTime.optional().meta({ description: "When the person withdrew consent, if they did." }),
  })
  .superRefine((consent, context) => {
    if (consent.given && consent.scope.length === 0) {
      context.addIssue({ code: "custom", path: ["scope"], message: "Say what the person agreed to.", params: { code: "consent_scope_missing" } });
    }
    if (!consent.given && consent.scope.length > 0) {
      context.addIssue({ code: "custom", path: ["scope"], message: "Consent that was not given cannot have a scope.", params: { code: "consent_scope_without_consent" } });
    }
    if (consent.withdrawnAt !== undefined && compareDates(consent.withdrawnAt, consent.recordedAt) < 0) {
      context.addIssue({ code: "custom", path: ["withdrawnAt"], message: "Consent cannot be withdrawn before it was recorded.", params: { code: "withdrawn_before_recorded" } });
    }
  })
  .meta({ id: "ConsentRecord", title: "Consent record", description: "Whether the person consented, to what, when, and any withdrawal." });
/**
 * A consent record (see {@link ConsentRecord}).
 *
 * @example
 * ```ts
 * const consent: ConsentRecord = { given: false, scope: [], recordedAt: "2026-03-02T10:00:00Z" };
 * ```
 */
export type ConsentRecord = z.infer<typeof ConsentRecord>;

/**
 * What happened after signposting, as the person or practitioner reported it.
 *
 * @example
 * ```ts
 * FollowUpOutcome.parse({ outcome: "attended", recordedAt: "2026-04-01T09:00:00Z", serviceId: "svc-1" });
 * ```
 */
export const FollowUpOutcome = z
  .strictObject({
    outcome: z.enum(["attended", "not-attended", "declined", "service-unsuitable", "unknown"]),
    recordedAt: IsoDateTime,
    serviceId: Identifier.optional().meta({ description: "Which signposted service this is about; the whole event when absent." }),
    helpful: z.boolean().optional().meta({ description: "Whether the person found the signposting helpful." }),
    feedback: Text.optional().meta({ description: "The person's feedback in their words. Dropped from analytics exports." }),
  })
  .meta({ id: "FollowUpOutcome", title: "Follow-up outcome", description: "What happened after signposting, with feedback." });
/**
 * A follow-up outcome (see {@link FollowUpOutcome}).
 *
 * @example
 * ```ts
 * const outcome: FollowUpOutcome = { outcome: "declined", recordedAt: "2026-04-01T09:00:00Z" };
 * ```
 */
export type FollowUpOutcome = z.infer<typeof FollowUpOutcome>;

/**
 * A need discussed: a category of support, a description in words, or both.
 *
 * @example
 * ```ts
 * SignpostingNeed.parse({ category: "carers-support" });
 * ```
 */
export const SignpostingNeed = z
  .strictObject({ category: ServiceCategory.optional(), description: Text.optional() })
  .superRefine((need, context) => {
    if (need.category === undefined && need.description === undefined) {
      context.addIssue({ code: "custom", path: [], message: "Give a category, a description, or both.", params: { code: "empty_need" } });
    }
  })
  .meta({ id: "SignpostingNeed", title: "Need", description: "A need discussed with the person." });
/**
 * A need (see {@link SignpostingNeed}).
 *
 * @example
 * ```ts
 * const need: SignpostingNeed = { description: "Feeling isolated since moving" };
 * ```
 */
export type SignpostingNeed = z.infer<typeof SignpostingNeed>;

/**
 * One service the person was signposted to, and how.
 *
 * @example
 * ```ts
 * SignpostedService.parse({ serviceId: "svc-1", method: "referral", code: signpostingCodes.snomed.referralToSocialPrescribing });
 * ```
 */
export const SignpostedService = z
  .strictObject({
    serviceId: Identifier,
    method: SignpostingMethod,
    code: Coding.optional().meta({ description: "A clinical code for the act, e.g. SNOMED CT 871731000000106." }),
  })
  .meta({ id: "SignpostedService", title: "Signposted service", description: "A service the person was signposted to, and how." });
/**
 * A signposted service (see {@link SignpostedService}).
 *
 * @example
 * ```ts
 * const signposted: SignpostedService = { serviceId: "svc-1", method: "information" };
 * ```
 */
export type SignpostedService = z.infer<typeof SignpostedService>;

/**
 * A signposting event: a practitioner (or peer worker, volunteer ...) connected a person to support.
 * The person appears only as a pseudonymous reference, never by name.
 *
 * @remarks
 * Rules beyond the shape: a warm handover or referral needs consent to share with the service,
 * given by the time of the event and not withdrawn before it; follow-ups come after the event and
 * name only services in the event.
 *
 * @example
 * ```ts
 * SignpostingEvent.parse({
 *   id: "evt-1",
 *   person: "person-7f3a9c",
 *   occurredAt: "2026-03-02T10:30:00Z",
 *   organisationId: "org-1",
 *   practitioner: { id: "staff-12", role: "practitioner" },
 *   needs: [{ category: "peer-support-group" }],
 *   services: [{ serviceId: "svc-1", method: "warm-handover" }],
 *   consent: { given: true, scope: ["share-with-service"], recordedAt: "2026-03-02T10:20:00Z" },
 * });
 * ```
 */
export const SignpostingEvent = z
  .strictObject({
    id: Identifier,
    person: PersonReference,
    occurredAt: IsoDateTime,
    organisationId: Identifier.meta({ description: "The organisation that did the signposting." }),
    practitioner: z.strictObject({ id: Identifier.meta({ description: "A pseudonymous staff identifier." }), role: Role }).optional(),
    needs: z.array(SignpostingNeed).min(1).max(50),
    services: z.array(SignpostedService).max(50),
    consent: ConsentRecord,
    followUps: z.array(FollowUpOutcome).max(50).optional(),
    notes: Text.optional().meta({ description: "Practitioner notes. Dropped from analytics exports." }),
    provenance: Provenance.optional(),
  })
  .superRefine((event, context) => {
    const sharingAllowed =
      event.consent.given &&
      event.consent.scope.includes("share-with-service") &&
      compareDates(event.consent.recordedAt, event.occurredAt) <= 0 &&
      (event.consent.withdrawnAt === undefined || compareDates(event.consent.withdrawnAt, event.occurredAt) > 0);
    event.services.forEach((signposted, index) => {
      if (signposted.method !== "information" && !sharingAllowed) {
        context.addIssue({
          code: "custom",
          path: ["services", index, "method"],
          message: "A warm handover or referral needs the person's consent to share with the service, given by the time of the event.",
          params: { code: "consent_required" },
        });
      }
    });
    const signpostedIds = new Set(event.services.map((signposted) => signposted.serviceId));
    event.followUps?.forEach((followUp, index) => {
      if (compareDates(followUp.recordedAt, event.occurredAt) < 0) {
        context.addIssue({ code: "custom", path: ["followUps", index, "recordedAt"], message: "A follow-up cannot come before the event.", params: { code: "follow_up_before_event" } });
      }
      if (followUp.serviceId !== undefined && !signpostedIds.has(followUp.serviceId)) {
        context.addIssue({
          code: "custom",
          path: ["followUps", index, "serviceId"],
          message: "A follow-up can only be about a service the person was signposted to in this event.",
          params: { code: "unknown_service" },
        });
      }
    });
  })
  .meta({ id: "SignpostingEvent", title: "Signposting event", description: "A person was connected to support. The person is a pseudonymous reference only." });
/**
 * A signposting event (see {@link SignpostingEvent}).
 *
 * @example
 * ```ts
 * const event: SignpostingEvent = {
 *   id: "evt-1",
 *   person: "person-7f3a9c",
 *   occurredAt: "2026-03-02T10:30:00Z",
 *   organisationId: "org-1",
 *   needs: [{ category: "health-coaching" }],
 *   services: [{ serviceId: "svc-9", method: "information" }],
 *   consent: { given: false, scope: [], recordedAt: "2026-03-02T10:30:00Z" },
 * };
 * ```
 */
export type SignpostingEvent = z.infer<typeof SignpostingEvent>;

const compiledSignpostingEvent = compiledSchema(SignpostingEvent);

/**
 * Validate a signposting event: its shape, pseudonymous person reference, consent rules and follow-ups.
 *
 * @example
 * ```ts
 * validateSignpostingEvent({ id: "evt-1", person: "jane@example.org" }).ok; // false
 * ```
 */
export function validateSignpostingEvent(input: unknown): Result<SignpostingEvent> {
  return safeParseResult(compiledSignpostingEvent(), input);
}

/**
 * The SNOMED CT codes that describe an event, from the code table: a referral made for a
 * social-prescribing need, and social prescribing declined at follow-up.
 *
 * @example
 * ```ts
 * signpostingEventCodes({
 *   id: "evt-1", person: "person-1", occurredAt: "2026-03-02T10:30:00Z", organisationId: "org-1",
 *   needs: [{ category: "social-prescribing" }],
 *   services: [{ serviceId: "svc-1", method: "referral" }],
 *   consent: { given: true, scope: ["share-with-service"], recordedAt: "2026-03-02T10:00:00Z" },
 * }); // [{ system: "http://snomed.info/sct", code: "871731000000106", display: "Referral to social prescribing service" }]
 * ```
 */
export function signpostingEventCodes(event: SignpostingEvent): Coding[] {
  const codes: Coding[] = [];
  if (!event.needs.some((need) => need.category === "social-prescribing")) return codes;
  if (event.services.some((signposted) => signposted.method === "referral")) codes.push({ ...signpostingCodes.snomed.referralToSocialPrescribing });
  if (event.followUps?.some((followUp) => followUp.outcome === "declined")) codes.push({ ...signpostingCodes.snomed.socialPrescribingDeclined });
  return codes;
}

const Month = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/);

/**
 * A signposting event made safe for analytics: no free text (needs descriptions, notes, feedback),
 * no event or staff identifiers, dates coarsened to the month, and the person either removed or
 * replaced by a keyed pseudonym.
 *
 * @example
 * ```ts
 * RedactedSignpostingEvent.parse({
 *   month: "2026-03",
 *   organisationId: "org-1",
 *   needs: ["peer-support-group"],
 *   services: [{ serviceId: "svc-1", method: "warm-handover" }],
 *   consent: { given: true, scope: ["share-with-service"], withdrawn: false },
 *   followUps: [],
 * });
 * ```
 */
export const RedactedSignpostingEvent = z
  .strictObject({
    person: z.string().min(1).max(200).optional().meta({ description: "A keyed pseudonym, only when the exporter asked for one." }),
    month: Month.meta({ description: "The month of the event, YYYY-MM (UTC)." }),
    organisationId: Identifier,
    practitionerRole: Role.optional(),
    needs: z.array(ServiceCategory).meta({ description: "The coded needs; needs described only in words are counted in uncodedNeeds." }),
    uncodedNeeds: z.number().int().min(0).optional(),
    services: z.array(z.strictObject({ serviceId: Identifier, method: SignpostingMethod })),
    consent: z.strictObject({ given: z.boolean(), scope: z.array(ConsentScope), withdrawn: z.boolean() }),
    followUps: z.array(
      z.strictObject({
        outcome: FollowUpOutcome.shape.outcome,
        month: Month,
        serviceId: Identifier.optional(),
        helpful: z.boolean().optional(),
      }),
    ),
  })
  .meta({ id: "RedactedSignpostingEvent", title: "Redacted signposting event", description: "A signposting event stripped of free text and identifiers, for analytics." });
/**
 * A redacted signposting event (see {@link RedactedSignpostingEvent}).
 *
 * @example
 * ```ts
 * const row: RedactedSignpostingEvent = {
 *   month: "2026-03", organisationId: "org-1", needs: [], services: [],
 *   consent: { given: false, scope: [], withdrawn: false }, followUps: [],
 * };
 * ```
 */
export type RedactedSignpostingEvent = z.infer<typeof RedactedSignpostingEvent>;

/**
 * How {@link redactSignpostingEvent} treats the person reference.
 *
 * @example
 * ```ts
 * const remove: RedactionOptions = {};
 * const keyed: RedactionOptions = { person: "keyed-hash", key: "a secret kept outside the export" };
 * const own: RedactionOptions = { person: "custom", pseudonymise: (reference) => `p-${reference.length}` };
 * ```
 */
export type RedactionOptions =
  | {
      /** Remove the person reference (the default). */
      person?: "remove";
    }
  | {
      /** Replace the person reference with {@link keyedPseudonym}. */
      person: "keyed-hash";
      /** A secret of at least 16 characters, kept out of the export. */
      key: string;
    }
  | {
      /** Replace the person reference with your own pseudonym. */
      person: "custom";
      /** Turns a person reference into a pseudonym, e.g. with an HMAC from your platform. */
      pseudonymise: (reference: PersonReference) => string;
    };

/**
 * A keyed, non-cryptographic pseudonym: two FNV-1a passes over key and reference (64 bits, hex).
 * The same reference and key always give the same pseudonym, so an analyst can count repeat
 * contacts without learning who the person is. Without the key, the pseudonyms cannot be
 * recomputed from a list of known references.
 *
 * @throws `SelfManageError` `invalid-argument` when the key is shorter than 16 characters.
 * @example
 * ```ts
 * keyedPseudonym("person-7f3a9c", "a secret kept outside the export").length; // 20 ("anon-" + 16 hex digits)
 * ```
 */
export function keyedPseudonym(reference: string, key: string): string {
  if (key.length < 16) throw new SelfManageError("invalid-argument", "The pseudonymisation key must be at least 16 characters long.");
  const input = `${key}\u0000${reference}\u0000${key}`;
  const high = fnv1a(input);
  const low = fnv1a(input, fnv1a(key, high));
  return `anon-${high.toString(16).padStart(8, "0")}${low.toString(16).padStart(8, "0")}`;
}

/**
 * Prepare a signposting event for analytics. Free text (need descriptions, notes, feedback) is
 * dropped because people write names and circumstances into it; event and staff ids are dropped
 * because they link back to case records; dates become months, which is enough for trends but
 * not for matching a row to an appointment diary. The person reference is removed by default;
 * ask for a keyed hash (with a secret key kept out of the export) or pass your own pseudonymiser,
 * e.g. an HMAC from your platform, to count repeat contacts.
 *
 * @remarks
 * There is no unkeyed hash option: person references are short and guessable, so an unkeyed
 * hash could be reversed by hashing every candidate.
 *
 * @throws `SelfManageError` `invalid-argument` when a keyed hash is asked for with a key shorter than 16 characters.
 * @example
 * ```ts
 * const row = redactSignpostingEvent({
 *   id: "evt-1", person: "person-7f3a9c", occurredAt: "2026-03-02T10:30:00Z", organisationId: "org-1",
 *   needs: [{ category: "peer-support-group", description: "Lonely since her husband died" }],
 *   services: [{ serviceId: "svc-1", method: "information" }],
 *   consent: { given: true, scope: ["analytics"], recordedAt: "2026-03-02T10:00:00Z" },
 * });
 * row.month; // "2026-03"
 * row.person; // undefined
 * ```
 */
export function redactSignpostingEvent(event: SignpostingEvent, options: RedactionOptions = {}): RedactedSignpostingEvent {
  const monthOf = (instant: string): string => new Date(Date.parse(instant)).toISOString().slice(0, 7);
  let person: string | undefined;
  if (options.person === "keyed-hash") person = keyedPseudonym(event.person, options.key);
  else if (options.person === "custom") person = options.pseudonymise(event.person);
  const needs = event.needs.flatMap((need) => (need.category === undefined ? [] : [need.category]));
  const uncodedNeeds = event.needs.length - needs.length;
  return {
    ...(person === undefined ? {} : { person }),
    month: monthOf(event.occurredAt),
    organisationId: event.organisationId,
    ...(event.practitioner === undefined ? {} : { practitionerRole: event.practitioner.role }),
    needs,
    ...(uncodedNeeds > 0 ? { uncodedNeeds } : {}),
    services: event.services.map((signposted) => ({ serviceId: signposted.serviceId, method: signposted.method })),
    consent: { given: event.consent.given, scope: [...event.consent.scope], withdrawn: event.consent.withdrawnAt !== undefined },
    followUps: (event.followUps ?? []).map((followUp) => ({
      outcome: followUp.outcome,
      month: monthOf(followUp.recordedAt),
      ...(followUp.serviceId === undefined ? {} : { serviceId: followUp.serviceId }),
      ...(followUp.helpful === undefined ? {} : { helpful: followUp.helpful }),
    })),
  };
}
