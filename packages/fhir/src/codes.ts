/**
 * The one table of code systems, codes and extension URLs the FHIR mappings read from. Nothing
 * else in the package spells out a system URL or a code: change one here and every mapping,
 * reader and document follows.
 *
 * Sources:
 * - HL7 FHIR R4 (4.0.1) code systems under http://terminology.hl7.org/CodeSystem/.
 * - HL7 Person-Centered Outcomes (PCO) IG (`hl7.fhir.us.pco`, repository HL7/pco-ig,
 *   `input/fsh/GASProfiles.fsh` and `GASTerminology.fsh`): the goal-attainment-scaling extension
 *   on Goal, the GAS score LOINC codes 107331-1, 107332-9, 107333-7, 107334-5, and the GAS answer
 *   list LOINC LL6900-6 (LA34479-8 .. LA34484-8).
 * - HL7 Structured Data Capture (SDC): the itemWeight extension (replacing the deprecated ordinalValue).
 * - SNOMED CT UK: the social prescribing codes carried by `@selfmanage/signposting`.
 */
import { signpostingCodes } from "@selfmanage/signposting";
import type { ExtensionEntry } from "./extension-entry";

/** The root of every URL the toolkit itself defines (extensions, code systems, identifier systems). */
const OURS = "https://selfmanage.github.io/toolkit/fhir";
const EXT = `${OURS}/StructureDefinition`;
const CS = `${OURS}/CodeSystem`;
const ID = `${OURS}/identifier`;
const LOINC = "http://loinc.org";
const HL7 = "http://terminology.hl7.org/CodeSystem";

const ext = (name: string, on: string, holds: string): ExtensionEntry => ({ url: `${EXT}/${name}`, on, holds });

/**
 * Every code system, code and extension URL used by the FHIR mappings.
 *
 * @example
 * ```ts
 * fhirCodes.systems.loinc; // "http://loinc.org"
 * fhirCodes.gas.answers[0]; // { level: 2, code: "LA34479-8", display: "Much better than expected" }
 * ```
 */
export const fhirCodes = {
  /** Where our own definitions live. */
  base: OURS,
  systems: {
    loinc: LOINC,
    snomed: "http://snomed.info/sct",
    ucum: "http://unitsofmeasure.org",
    bcp47: "urn:ietf:bcp:47",
    goalAchievement: `${HL7}/goal-achievement`,
    observationCategory: `${HL7}/observation-category`,
    conditionCategory: `${HL7}/condition-category`,
    usCoreConditionCategory: "http://hl7.org/fhir/us/core/CodeSystem/condition-category",
    dataAbsentReason: `${HL7}/data-absent-reason`,
    consentScope: `${HL7}/consentscope`,
    actCode: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
    confidentiality: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
    serviceProvision: `${HL7}/service-provision-conditions`,
    /** Official GSS statistical geography identifiers (S08 health boards, S12 council areas, S13 wards). */
    gss: "http://statistics.data.gov.uk/id/statistical-geography",
    // Code systems of ours, one per toolkit vocabulary.
    lifeArea: `${CS}/life-area`,
    role: `${CS}/role`,
    stepStatus: `${CS}/step-status`,
    goalReview: `${CS}/goal-review`,
    gasLevel: `${CS}/gas-level`,
    chime: `${CS}/chime-domain`,
    scoreComponent: `${CS}/score-component`,
    serviceCategory: `${CS}/service-category`,
    accessRoute: `${CS}/access-route`,
    attendingType: `${CS}/attending-type`,
    accessibilityFeature: `${CS}/accessibility-feature`,
    communityGroup: `${CS}/community-group`,
    signposting: `${CS}/signposting`,
    consentScopeOurs: `${CS}/consent-scope`,
    followUpOutcome: `${CS}/follow-up-outcome`,
    followUpOutput: `${CS}/follow-up-output`,
  },
  /** Identifier systems: which toolkit record an `identifier` names. */
  identifiers: {
    person: `${ID}/person`,
    recorder: `${ID}/recorder`,
    organisationRef: `${ID}/organisation`,
    goal: `${ID}/goal`,
    carePlan: `${ID}/goal-steps`,
    goalReview: `${ID}/goal-review`,
    goalLink: `${ID}/goal-link`,
    instrument: `${ID}/instrument`,
    response: `${ID}/instrument-response`,
    organisation: `${ID}/directory-organisation`,
    location: `${ID}/directory-location`,
    service: `${ID}/directory-service`,
    signpostingEvent: `${ID}/signposting-event`,
    practitioner: `${ID}/practitioner`,
  },
  /** Where a Questionnaire, and the code systems of its scales, subscales, bands and alerts, live. */
  questionnaireBase: `${OURS}/Questionnaire`,
  /** Extensions defined by HL7. */
  hl7Extensions: {
    itemWeight: "http://hl7.org/fhir/StructureDefinition/itemWeight",
    translation: "http://hl7.org/fhir/StructureDefinition/translation",
    pcoGoalAttainmentScaling: "http://hl7.org/fhir/us/pco/StructureDefinition/pco-goal-attainment-scaling",
  },
  /** Extensions of ours, where FHIR R4 has no element for a field the toolkit holds. */
  extensions: {
    recorded: ext("recorded", "Goal, Observation, QuestionnaireResponse, ServiceRequest", "Who recorded the record, in which role, when and for which organisation (sub-extensions recordedBy, role, recordedAt, organisation)."),
    role: ext("role", "Reference", "The toolkit role (person, carer, practitioner, peer-worker, volunteer, manager) of the party referred to."),
    goalSupport: ext("goal-support", "Goal", "Who or what could help (description, role, reference)."),
    goalBarrier: ext("goal-barrier", "Goal", "Something that might get in the way, in words."),
    goalLink: ext("goal-link", "Goal; Reference in Goal.addresses", "A link to a service, another goal or something else (kind, description, coding, reference); on addresses, the link's kind and coding."),
    smart: ext("smart-shape", "Goal", "The SMART parts FHIR has no element for: targetActivity, supportNeeded, timePeriod."),
    readiness: ext("readiness", "Goal", "Readiness rulers: importance and confidence (0-10) and the date they were recorded."),
    nextReviewDue: ext("next-review-due", "Goal", "When the next check-in is planned."),
    gasScale: ext("gas-scale", "Goal", "The baseline GAS level and the importance and difficulty ratings (0-3)."),
    goalChange: ext("goal-change", "Goal", "One entry of the goal's status history (from, to, achievementStatus, reason, recorded)."),
    stepId: ext("step-id", "CarePlan.activity.detail", "The toolkit id of a step."),
    stepCompletedOn: ext("step-completed-on", "CarePlan.activity.detail", "The day a step was done."),
    instrument: ext("instrument", "Questionnaire", "The parts of an instrument that the questionnaire's items cannot carry: scoring, scales, subscales, alerts, change parameters."),
    itemScale: ext("item-scale", "Questionnaire.item", "The id of the response scale the item uses."),
    reverseScored: ext("reverse-scored", "Questionnaire.item", "Whether the item is scored the other way round."),
    scored: ext("scored", "Questionnaire.item", "Whether the item counts towards the total."),
    optionExclusion: ext("option-exclusion", "Questionnaire.item.answerOption", "Why an option is never scored: not-applicable or dont-know."),
    subscale: ext("subscale", "Questionnaire.item (group)", "The subscale a group stands for (id, chime domain, missing-data rule)."),
    serviceStatus: ext("service-status", "HealthcareService", "The toolkit status: active, inactive, defunct or temporarily-closed."),
    serviceDetails: ext("service-details", "HealthcareService", "Directory fields FHIR R4 has no element for: cost, contacts, eligibility ages, freshness, deprioritised, alert, accreditations, funding sources."),
    serviceArea: ext("service-area", "HealthcareService.coverageArea", "The kind of a service area (national, health-board, council-area, ward, radius, described) and its radius, centre or description."),
    weeklyValidity: ext("weekly-validity", "HealthcareService.availableTime", "The dates a weekly opening period applies between."),
    scheduleException: ext("schedule-exception", "HealthcareService.notAvailable", "A dated exception: its reason, its opening periods that day, and whether the description is the toolkit's note."),
    locationDetails: ext("location-details", "Location", "Location fields FHIR R4 has no element for: kind, confidential flag, masked address, accessibility notes, address attention line."),
    organisationDetails: ext("organisation-details", "Organization", "Organisation fields FHIR R4 has no element for: description, logo, identifier schemes."),
    signposting: ext("signposting", "ServiceRequest; ServiceRequest.performer", "On the request, the practitioner who signposted (id, role); on each performer, the method (information, warm-handover, referral) and the clinical code of the act."),
  },
  /** Goal Attainment Scaling per the PCO IG. */
  gas: {
    /** Observation.code of a GAS score, by who rated it (PCO value set goal-attainment-scaling-score). */
    scoreCodes: {
      reported: { system: LOINC, code: "107332-9", display: "Goal attainment scale - Reported" },
      practitioner: { system: LOINC, code: "107333-7", display: "Practitioner follow-up goal attainment scaling score" },
      person: { system: LOINC, code: "107334-5", display: "Patient follow-up goal attainment scaling score" },
      carer: { system: LOINC, code: "107331-1", display: "Caregiver follow-up goal attainment scaling score" },
    },
    /** Levels -2..+2 are LOINC answer list LL6900-6; -3 (worse than at the start) has no LOINC answer, so it is ours. */
    answers: [
      { level: 2, code: "LA34479-8", display: "Much better than expected" },
      { level: 1, code: "LA34480-6", display: "Better than expected" },
      { level: 0, code: "LA34481-4", display: "Expected outcome" },
      { level: -1, code: "LA34483-0", display: "Less than expected" },
      { level: -2, code: "LA34484-8", display: "Much less than expected" },
      { level: -3, code: "-3", display: "Worse than at the start", system: `${CS}/gas-level` },
    ],
  },
  /** The codes of the parts of a goal review Observation (system `goalReview`). */
  goalReviewCodes: {
    review: "goal-review",
    progress: "progress",
    rating: "rating",
    whatHelped: "what-helped",
    whatGotInTheWay: "what-got-in-the-way",
    nextStep: "next-step",
    achievementStatus: "achievement-status",
  },
  /** The codes of the parts of a score Observation (system `scoreComponent`). */
  scoreComponentCodes: {
    raw: "raw-total",
    total: "total",
    subscale: "subscale",
    alert: "alert",
    answered: "answered",
    missing: "missing",
    excluded: "excluded",
    completeness: "completeness",
  },
  /** Toolkit step status to CarePlan.activity.detail.status and back. */
  stepStatus: { "to-do": "not-started", done: "completed", dropped: "cancelled" },
  /** Goal lifecycle status to the status of its steps' CarePlan. */
  carePlanStatus: {
    proposed: "draft",
    planned: "draft",
    accepted: "draft",
    active: "active",
    "on-hold": "on-hold",
    completed: "completed",
    cancelled: "revoked",
    rejected: "revoked",
    "entered-in-error": "entered-in-error",
  },
  /** The FHIR resource type a reference to someone in a toolkit role points at. */
  roleResourceType: {
    person: "Patient",
    carer: "RelatedPerson",
    practitioner: "Practitioner",
    "peer-worker": "Practitioner",
    volunteer: "Practitioner",
    manager: "Practitioner",
  },
  /** Cost kind to HealthcareService.serviceProvisionCode (service-provision-conditions). */
  costProvision: { free: "free", discounted: "disc", paid: "cost" },
  /** Weekday to HealthcareService.availableTime.daysOfWeek. */
  weekdays: { monday: "mon", tuesday: "tue", wednesday: "wed", thursday: "thu", friday: "fri", saturday: "sat", sunday: "sun" },
  /** Goal link kinds that go in Goal.addresses (as Conditions), with the category code each gets. */
  addressedLinkKinds: {
    condition: { system: `${HL7}/condition-category`, code: "problem-list-item" },
    need: { system: "http://hl7.org/fhir/us/core/CodeSystem/condition-category", code: "health-concern" },
  },
  observationCategorySurvey: { system: `${HL7}/observation-category`, code: "survey", display: "Survey" },
  consent: {
    category: { system: LOINC, code: "59284-0", display: "Patient Consent" },
    scope: { system: `${HL7}/consentscope`, code: "patient-privacy", display: "Privacy Consent" },
    optIn: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTIN" },
    optOut: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTOUT" },
  },
  /** SNOMED CT codes for social prescribing, from `@selfmanage/signposting` (one table for both packages). */
  snomed: signpostingCodes.snomed,
  restricted: { system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "R", display: "restricted" },
  notScored: { system: `${HL7}/data-absent-reason`, code: "not-performed", display: "Not Performed" },
  /** Descriptions of a dated exception to opening hours that has no note of its own, by reason. */
  exceptionDescriptions: { "bank-holiday": "Bank holiday", closure: "Closed", "special-opening": "Special opening hours", none: "Changed opening hours" },
  /** The unit of the age range in a service's eligibility. */
  ageUnit: { system: "http://unitsofmeasure.org", code: "a", unit: "years" },
} as const;

/**
 * Every extension URL of ours with what it holds, in one list (the table in `docs/fhir.md`).
 *
 * @example
 * ```ts
 * extensionTable.some((entry) => entry.url.endsWith("/goal-barrier")); // true
 * ```
 */
export const extensionTable: readonly ExtensionEntry[] = Object.values(fhirCodes.extensions);
