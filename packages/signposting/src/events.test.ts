import { describe, expect, it } from "vitest";
import { isSelfManageError } from "@selfmanage/core";
import { keyedPseudonym, redactSignpostingEvent, RedactedSignpostingEvent, signpostingEventCodes, validateSignpostingEvent, type SignpostingEvent } from "./events";

const SENTINEL = "SENTINEL-Jane-Doe-0123456789";
const event: SignpostingEvent = {
  id: "evt-1",
  person: "person-7f3a9c",
  occurredAt: "2026-03-31T23:30:00+00:00",
  organisationId: "org-1",
  practitioner: { id: "staff-12", role: "practitioner" },
  needs: [{ category: "social-prescribing", description: `Lonely since moving; neighbour ${SENTINEL}` }, { description: "Money worries" }],
  services: [
    { serviceId: "svc-1", method: "referral" },
    { serviceId: "svc-2", method: "information" },
  ],
  consent: { given: true, scope: ["share-with-service", "follow-up", "analytics"], recordedAt: "2026-03-31T23:00:00Z" },
  followUps: [{ outcome: "declined", recordedAt: "2026-04-14T10:00:00Z", serviceId: "svc-1", helpful: false, feedback: `Did not like ${SENTINEL}` }],
  notes: `Spoke with ${SENTINEL}`,
};
const codesOf = (input: unknown): Array<[string, string]> => {
  const result = validateSignpostingEvent(input);
  return result.ok ? [] : result.issues.map((found) => [found.path.join("."), found.code]);
};

describe("validateSignpostingEvent", () => {
  it("accepts a complete event", () => {
    expect(validateSignpostingEvent(event)).toEqual({ ok: true, value: event });
  });
  it("refuses names, emails and NHS numbers as the person reference", () => {
    expect(codesOf({ ...event, person: "jane@example.org" })).toEqual([["person", "not_pseudonymous"]]);
    expect(codesOf({ ...event, person: "943 476 5919" })).toEqual([["person", "not_pseudonymous"]]);
    expect(codesOf({ ...event, name: "Jane" })).toEqual([["name", "unknown_field"]]);
  });
  it("needs consent to share for warm handovers and referrals", () => {
    expect(codesOf({ ...event, consent: { given: false, scope: [], recordedAt: "2026-03-31T23:00:00Z" } })).toEqual([["services.0.method", "consent_required"]]);
    expect(codesOf({ ...event, consent: { ...event.consent, scope: ["follow-up"] } })).toEqual([["services.0.method", "consent_required"]]);
    expect(codesOf({ ...event, consent: { ...event.consent, withdrawnAt: "2026-03-31T23:10:00Z" } })).toEqual([["services.0.method", "consent_required"]]);
    expect(codesOf({ ...event, consent: { ...event.consent, recordedAt: "2026-04-01T09:00:00Z" } })).toEqual([["services.0.method", "consent_required"]]);
    expect(codesOf({ ...event, consent: { ...event.consent, withdrawnAt: "2026-04-02T09:00:00Z" } })).toEqual([]);
  });
  it("checks the consent record itself", () => {
    expect(codesOf({ ...event, consent: { given: true, scope: [], recordedAt: "2026-03-31T23:00:00Z" } })).toEqual([
      ["consent.scope", "consent_scope_missing"],
      ["services.0.method", "consent_required"],
    ]);
    expect(codesOf({ ...event, services: [], followUps: [], consent: { given: false, scope: ["analytics"], recordedAt: "2026-03-31T23:00:00Z" } })).toEqual([["consent.scope", "consent_scope_without_consent"]]);
    expect(codesOf({ ...event, consent: { ...event.consent, withdrawnAt: "2026-03-30T09:00:00Z" } })).toEqual([
      ["consent.withdrawnAt", "withdrawn_before_recorded"],
      ["services.0.method", "consent_required"],
    ]);
  });
  it("keeps follow-ups after the event and about signposted services", () => {
    expect(codesOf({ ...event, followUps: [{ outcome: "attended", recordedAt: "2026-03-01T10:00:00Z", serviceId: "svc-9" }] })).toEqual([
      ["followUps.0.recordedAt", "follow_up_before_event"],
      ["followUps.0.serviceId", "unknown_service"],
    ]);
    expect(codesOf({ ...event, needs: [{}] })).toEqual([["needs.0", "empty_need"]]);
  });
  it("never echoes rejected values", () => {
    const result = validateSignpostingEvent({ ...event, person: `${SENTINEL}@x`, occurredAt: SENTINEL, followUps: [{ outcome: SENTINEL, recordedAt: SENTINEL }] });
    expect(JSON.stringify(result.ok ? [] : result.issues)).not.toContain("SENTINEL");
  });
});

describe("signpostingEventCodes", () => {
  it("reads SNOMED CT codes from the table", () => {
    expect(signpostingEventCodes(event).map((coding) => coding.code)).toEqual(["871731000000106", "871711000000103"]);
    expect(signpostingEventCodes({ ...event, services: [{ serviceId: "svc-2", method: "information" }], followUps: [] })).toEqual([]);
    expect(signpostingEventCodes({ ...event, needs: [{ category: "wrap" }] })).toEqual([]);
  });
});

describe("redactSignpostingEvent", () => {
  it("drops free text and identifiers and coarsens dates to the month (UTC)", () => {
    const row = redactSignpostingEvent(event);
    expect(row).toEqual({
      month: "2026-03",
      organisationId: "org-1",
      practitionerRole: "practitioner",
      needs: ["social-prescribing"],
      uncodedNeeds: 1,
      services: [
        { serviceId: "svc-1", method: "referral" },
        { serviceId: "svc-2", method: "information" },
      ],
      consent: { given: true, scope: ["share-with-service", "follow-up", "analytics"], withdrawn: false },
      followUps: [{ outcome: "declined", month: "2026-04", serviceId: "svc-1", helpful: false }],
    });
    expect(JSON.stringify(row)).not.toContain("SENTINEL");
    expect(JSON.stringify(row)).not.toContain("person-7f3a9c");
    expect(JSON.stringify(row)).not.toContain("staff-12");
    expect(RedactedSignpostingEvent.parse(row)).toEqual(row);
    // 00:30 on 1 April in BST is still March in UTC: months are UTC so every system agrees.
    expect(redactSignpostingEvent({ ...event, occurredAt: "2026-04-01T00:30:00+01:00" }).month).toBe("2026-03");
  });
  it("replaces the person with a keyed pseudonym when asked", () => {
    const key = "a secret kept outside the export";
    const first = redactSignpostingEvent(event, { person: "keyed-hash", key });
    expect(first.person).toMatch(/^anon-[0-9a-f]{16}$/);
    expect(redactSignpostingEvent(event, { person: "keyed-hash", key }).person).toBe(first.person);
    expect(redactSignpostingEvent(event, { person: "keyed-hash", key: `${key}!` }).person).not.toBe(first.person);
    expect(redactSignpostingEvent({ ...event, person: "person-7f3a9d" }, { person: "keyed-hash", key }).person).not.toBe(first.person);
    expect(redactSignpostingEvent(event, { person: "custom", pseudonymise: (reference) => `p-${reference.length}` }).person).toBe("p-13");
    expect(redactSignpostingEvent(event, { person: "remove" }).person).toBeUndefined();
  });
  it("handles minimal events", () => {
    const minimal = redactSignpostingEvent({ ...event, practitioner: undefined, needs: [{ category: "wrap" }], followUps: [{ outcome: "unknown", recordedAt: "2026-05-01T00:00:00Z" }] } as SignpostingEvent);
    expect(minimal.practitionerRole).toBeUndefined();
    expect(minimal.uncodedNeeds).toBeUndefined();
    expect(minimal.followUps).toEqual([{ outcome: "unknown", month: "2026-05" }]);
    const { followUps: _none, ...withoutFollowUps } = event;
    expect(redactSignpostingEvent(withoutFollowUps).followUps).toEqual([]);
  });
  it("refuses a short key", () => {
    let thrown: unknown;
    try {
      keyedPseudonym("person-1", "short");
    } catch (error) {
      thrown = error;
    }
    expect(isSelfManageError(thrown, "invalid-argument")).toBe(true);
  });
});
