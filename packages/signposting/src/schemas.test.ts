import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { issuesFromZodError, safeParseResult } from "@selfmanage/core";
import { describePublicSchemas } from "@selfmanage/test-kit";
import { directory as fixtureDirectory } from "../test/fixtures";
import { alissEnvelope } from "../test/aliss-fixture";
import { AccessibilityFeature, CommunityGroup, ServiceCategory, signpostingCodes } from "./codes";
import { GssAreaKind, GssCode, ScottishArea, scottishAreas, ServiceArea } from "./areas";
import { ExceptionReason, OpeningHours, OpeningPeriod, ScheduleException, Weekday, WeeklyOpening } from "./hours";
import {
  AccessibilityNote,
  AccessRoute,
  Address,
  AttendingType,
  Contact,
  Cost,
  CostOption,
  Directory,
  Eligibility,
  Location,
  MaskedAddress,
  Organisation,
  Service,
  ServiceStatus,
} from "./directory";
import {
  ConsentRecord,
  ConsentScope,
  FollowUpOutcome,
  RedactedSignpostingEvent,
  redactSignpostingEvent,
  SignpostedService,
  SignpostingEvent,
  SignpostingMethod,
  SignpostingNeed,
} from "./events";
import { generateSyntheticDirectory } from "../test/synthetic";
import { importAlissServices } from "./aliss/import";
import { Extensions } from "./extensions";
import { importOpenReferralUk } from "./oruk/import";
import { readStandard } from "../test/standards";

/** The schemas published as JSON Schema in `schemas/`. */
export const publicSchemas = {
  "service-category": ServiceCategory,
  "accessibility-feature": AccessibilityFeature,
  "community-group": CommunityGroup,
  "gss-area-kind": GssAreaKind,
  "gss-code": GssCode,
  "service-area": ServiceArea,
  "scottish-area": ScottishArea,
  weekday: Weekday,
  "opening-period": OpeningPeriod,
  "weekly-opening": WeeklyOpening,
  "exception-reason": ExceptionReason,
  "schedule-exception": ScheduleException,
  "opening-hours": OpeningHours,
  "service-status": ServiceStatus,
  "access-route": AccessRoute,
  "attending-type": AttendingType,
  eligibility: Eligibility,
  "cost-option": CostOption,
  cost: Cost,
  contact: Contact,
  organisation: Organisation,
  address: Address,
  "masked-address": MaskedAddress,
  "accessibility-note": AccessibilityNote,
  location: Location,
  service: Service,
  directory: Directory,
  "signposting-method": SignpostingMethod,
  "consent-scope": ConsentScope,
  "consent-record": ConsentRecord,
  "follow-up-outcome": FollowUpOutcome,
  "signposting-need": SignpostingNeed,
  "signposted-service": SignpostedService,
  "signposting-event": SignpostingEvent,
  "redacted-signposting-event": RedactedSignpostingEvent,
  extensions: Extensions,
};

// Records imported from the real ORUK and HSDS examples carry what the model does not hold in their extensions.
const imported = ["oruk-3.0/examples/service_full.json", "interop/hsds-3.1/examples/service_full.json", "interop/hsds-3.0/examples/organization_full.json"].map((file) => importOpenReferralUk(readStandard(file)).directory);

const synthetic = generateSyntheticDirectory(300, 9);
const aliss = importAlissServices(alissEnvelope).directory;
const allServices = [...fixtureDirectory.services, ...synthetic.services, ...aliss.services, ...imported.flatMap((directory) => directory.services)];
const allLocations = [...fixtureDirectory.locations, ...synthetic.locations, ...aliss.locations, ...imported.flatMap((directory) => directory.locations)];
const instant = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().replace(/\.\d{3}Z$/, "Z"));
const day = instant.map((value) => value.slice(0, 10));
const time = fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 59 })).map(([hour, minute]) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`);
const period = fc.tuple(time, fc.integer({ min: 1, max: 12 * 60 })).map(([opens, length]) => {
  const closing = Number(opens.slice(0, 2)) * 60 + Number(opens.slice(3)) + length;
  return { opens, closes: `${String(Math.floor(closing / 60)).padStart(2, "0")}:${String(closing % 60).padStart(2, "0")}` };
});
const weekly = fc.tuple(fc.constantFrom(...Weekday.options), period).map(([weekday, times]) => ({ day: weekday, ...times }));
const exception = fc.record(
  { date: day, periods: fc.array(period, { maxLength: 2 }), reason: fc.constantFrom(...ExceptionReason.options), note: fc.string({ minLength: 1, maxLength: 30 }) },
  { requiredKeys: ["date", "periods"] },
);
const consent = fc.oneof(
  fc.record({ given: fc.constant(true), scope: fc.uniqueArray(fc.constantFrom(...ConsentScope.options), { minLength: 1 }), recordedAt: fc.constant("2026-03-01T10:00:00Z") }),
  fc.record({ given: fc.constant(false), scope: fc.constant<ConsentScope[]>([]), recordedAt: fc.constant("2026-03-01T10:00:00Z") }),
);
const need = fc.oneof(
  fc.record({ category: fc.constantFrom(...ServiceCategory.options) }),
  fc.record({ category: fc.constantFrom(...ServiceCategory.options), description: fc.string({ minLength: 1, maxLength: 40 }) }),
);
const event = fc
  .record({
    id: fc.stringMatching(/^evt-[a-z0-9]{1,8}$/),
    person: fc.stringMatching(/^person-[a-z0-9]{4,10}$/),
    needs: fc.array(need, { minLength: 1, maxLength: 3 }),
    services: fc.array(fc.record({ serviceId: fc.constantFrom("svc-1", "svc-2"), method: fc.constantFrom(...SignpostingMethod.options) }), { maxLength: 3 }),
    consent,
    outcome: fc.constantFrom(...FollowUpOutcome.shape.outcome.options),
  })
  .map(({ outcome, ...rest }) => {
    const allowed = rest.consent.given && rest.consent.scope.includes("share-with-service");
    const services = allowed ? rest.services : rest.services.map((signposted) => ({ ...signposted, method: "information" as const }));
    return {
      ...rest,
      services,
      occurredAt: "2026-03-01T11:00:00Z",
      organisationId: "org-1",
      followUps: [{ outcome, recordedAt: "2026-03-20T09:00:00Z", ...(services[0] === undefined ? {} : { serviceId: services[0].serviceId }) }],
    } satisfies SignpostingEvent;
  });

const samples: Record<keyof typeof publicSchemas, fc.Arbitrary<unknown> | readonly unknown[]> = {
  "service-category": fc.constantFrom(...ServiceCategory.options),
  "accessibility-feature": fc.constantFrom(...AccessibilityFeature.options),
  "community-group": fc.constantFrom(...CommunityGroup.options),
  "gss-area-kind": fc.constantFrom(...GssAreaKind.options),
  "gss-code": fc.tuple(fc.constantFrom("S08", "S12", "S13"), fc.stringMatching(/^\d{6}$/)).map(([prefix, digits]) => prefix + digits),
  "service-area": allServices.flatMap((service) => service.areas ?? []),
  "scottish-area": scottishAreas,
  weekday: fc.constantFrom(...Weekday.options),
  "opening-period": period,
  "weekly-opening": weekly,
  "exception-reason": fc.constantFrom(...ExceptionReason.options),
  "schedule-exception": exception,
  "opening-hours": fc.record({ weekly: fc.array(weekly, { maxLength: 6 }), exceptions: fc.uniqueArray(exception, { maxLength: 3, selector: (value) => value.date }) }, { requiredKeys: ["weekly"] }),
  "service-status": fc.constantFrom(...ServiceStatus.options),
  "access-route": fc.constantFrom(...AccessRoute.options),
  "attending-type": fc.constantFrom(...AttendingType.options),
  eligibility: fc
    .record({ minimumAge: fc.integer({ min: 0, max: 60 }), span: fc.integer({ min: 0, max: 70 }), communityGroups: fc.uniqueArray(fc.constantFrom(...CommunityGroup.options), { maxLength: 3 }) })
    .map(({ minimumAge, span, communityGroups }) => ({ minimumAge, maximumAge: minimumAge + span, communityGroups })),
  "cost-option": fc.record({ label: fc.string({ minLength: 1, maxLength: 20 }), amount: fc.integer({ min: 0, max: 500 }), currency: fc.constant("GBP"), validFrom: day }, { requiredKeys: [] }),
  cost: fc.record({ kind: fc.constantFrom("free" as const, "discounted" as const, "paid" as const), description: fc.string({ minLength: 1, maxLength: 30 }) }, { requiredKeys: [] }),
  contact: [{ title: "Reception", phone: "0131 496 0000", email: "hello@example.org" }, { name: "Example Worker" }, {}],
  organisation: [...fixtureDirectory.organisations, ...synthetic.organisations, ...aliss.organisations, ...imported.flatMap((directory) => directory.organisations)],
  address: allLocations.flatMap((location) => (location.address === undefined ? [] : [location.address])),
  "masked-address": [{ locality: "Perth", postcodeDistrict: "PH1" }, { region: "Highland" }, {}],
  "accessibility-note": allLocations.flatMap((location) => location.accessibility ?? []),
  location: allLocations,
  service: allServices,
  directory: [fixtureDirectory, generateSyntheticDirectory(30, 2), aliss],
  "signposting-method": fc.constantFrom(...SignpostingMethod.options),
  "consent-scope": fc.constantFrom(...ConsentScope.options),
  "consent-record": consent,
  "follow-up-outcome": fc.record({ outcome: fc.constantFrom(...FollowUpOutcome.shape.outcome.options), recordedAt: instant, helpful: fc.boolean(), feedback: fc.string({ minLength: 1, maxLength: 30 }) }, { requiredKeys: ["outcome", "recordedAt"] }),
  "signposting-need": need,
  "signposted-service": fc.record({ serviceId: fc.stringMatching(/^svc-[0-9]{1,4}$/), method: fc.constantFrom(...SignpostingMethod.options), code: fc.constant(signpostingCodes.snomed.referralToSocialPrescribing) }, { requiredKeys: ["serviceId", "method"] }),
  "signposting-event": event,
  "redacted-signposting-event": event.map((value) => redactSignpostingEvent(value, { person: "keyed-hash", key: "a secret kept outside the export" })),
  extensions: fc.oneof(
    // A __proto__ key is reported (reserved_key), so valid extensions have none.
    fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }).filter((value) => !JSON.stringify(value).includes('"__proto__"')),
    fc.constantFrom(...imported.flatMap((directory) => directory.services.flatMap((service) => (service.extensions === undefined ? [] : [service.extensions])))),
  ),
};

describePublicSchemas({
  schemas: publicSchemas,
  samples,
  snapshots: fileURLToPath(new URL("../schemas", import.meta.url)),
  parse: (schema) => (input) => safeParseResult(schema, input),
  zodIssues: issuesFromZodError,
  numRuns: (name) => (name === "directory" ? 20 : 100),
});
