import type { Role } from "@selfmanage/core";
import { signpostingEventCodes, type ConsentRecord, type FollowUpOutcome, type SignpostedService, type SignpostingEvent, type SignpostingNeed } from "@selfmanage/signposting";
import { fhirCodes } from "./codes";
import { codeable, codeFrom, identifierValue, isRole, provenanceExtension, readCoding, readProvenance, referencedId } from "./common";
import { readPersonReference } from "./goal";
import { fhirId } from "./ids";
import { subNodes, subValue, type FhirNode } from "./reader";
import { compact, complexExtension, extension, list, personReference, recordReference, type FhirElement, type FhirResource } from "./resource";

const X = fhirCodes.extensions;
const S = fhirCodes.systems;
const I = fhirCodes.identifiers;

function consentResource(event: SignpostingEvent): FhirResource {
  const consent = event.consent;
  return compact({
    resourceType: "Consent",
    id: fhirId(`${event.id}#consent`),
    identifier: [{ system: I.signpostingEvent, value: event.id }],
    status: consent.withdrawnAt !== undefined ? "inactive" : consent.given ? "active" : "rejected",
    scope: { coding: [{ ...fhirCodes.consent.scope }] },
    category: [{ coding: [{ ...fhirCodes.consent.category }] }],
    patient: personReference(event.person),
    dateTime: consent.recordedAt,
    organization: [recordReference("Organization", I.organisation, event.organisationId)],
    policyRule: { coding: [{ ...(consent.given ? fhirCodes.consent.optIn : fhirCodes.consent.optOut) }] },
    provision: compact({
      type: consent.given ? "permit" : "deny",
      period: consent.withdrawnAt === undefined ? undefined : { end: consent.withdrawnAt },
      purpose: list(consent.scope.map((scope) => ({ system: S.consentScopeOurs, code: scope }))),
    }),
  });
}

function taskResource(event: SignpostingEvent, followUp: FollowUpOutcome, index: number): FhirResource {
  const declined = followUp.outcome === "declined" && signpostingEventCodes(event).some((coding) => coding.code === fhirCodes.snomed.socialPrescribingDeclined.code);
  return compact({
    resourceType: "Task",
    id: fhirId(`${event.id}#follow-up-${index}`),
    basedOn: [recordReference("ServiceRequest", I.signpostingEvent, event.id)],
    status: "completed",
    businessStatus: { coding: [{ system: S.followUpOutcome, code: followUp.outcome }, ...(declined ? [{ ...fhirCodes.snomed.socialPrescribingDeclined }] : [])] },
    intent: "order",
    code: codeable(S.signposting, "follow-up", "Follow-up of signposting"),
    focus: followUp.serviceId === undefined ? undefined : recordReference("HealthcareService", I.service, followUp.serviceId),
    for: personReference(event.person),
    authoredOn: followUp.recordedAt,
    output: list([
      followUp.helpful === undefined ? undefined : { type: codeable(S.followUpOutput, "helpful"), valueBoolean: followUp.helpful },
      followUp.feedback === undefined ? undefined : { type: codeable(S.followUpOutput, "feedback"), valueString: followUp.feedback },
    ]),
  });
}

function performer(service: SignpostedService): FhirElement {
  return {
    ...recordReference("HealthcareService", I.service, service.serviceId),
    extension: [complexExtension(X.signposting.url, [extension("method", "valueCode", service.method), extension("code", "valueCoding", service.code)])],
  };
}

function need(entry: SignpostingNeed): FhirElement {
  return compact({ coding: entry.category === undefined ? undefined : [{ system: S.serviceCategory, code: entry.category }], text: entry.description });
}

/**
 * A signposting event as FHIR R4 resources: a `ServiceRequest` (the services signposted to as
 * performers with their method, the needs as `reasonCode`, the SNOMED CT social prescribing
 * referral code when it applies, the person as a pseudonymous Patient identifier only), the
 * `Consent` it rests on (in `supportingInfo`), and a `Task` per follow-up outcome (`basedOn` the request).
 *
 * @example
 * ```ts
 * signpostingEventToFhir(event).map((resource) => resource.resourceType); // ["ServiceRequest", "Consent", "Task"]
 * ```
 */
export function signpostingEventToFhir(event: SignpostingEvent): FhirResource[] {
  const referral = signpostingEventCodes(event).filter((coding) => coding.code === fhirCodes.snomed.referralToSocialPrescribing.code);
  const request: FhirResource = compact({
    resourceType: "ServiceRequest",
    id: fhirId(event.id),
    extension: list([
      event.practitioner === undefined ? undefined : complexExtension(X.signposting.url, [extension("practitioner", "valueString", event.practitioner.id), extension("role", "valueCode", event.practitioner.role)]),
      event.provenance === undefined ? undefined : provenanceExtension(event.provenance),
    ]),
    identifier: [{ system: I.signpostingEvent, value: event.id }],
    status: (event.followUps ?? []).length > 0 ? "completed" : "active",
    intent: event.services.some((service) => service.method === "referral") ? "order" : "proposal",
    code: { coding: [{ system: S.signposting, code: "signposting", display: "Signposting" }, ...referral.map((coding) => ({ ...coding }))] },
    subject: personReference(event.person),
    authoredOn: event.occurredAt,
    requester: recordReference("Organization", I.organisation, event.organisationId),
    performer: list(event.services.map(performer)),
    reasonCode: event.needs.map(need),
    supportingInfo: [recordReference("Consent", I.signpostingEvent, `${event.id}#consent`)],
    note: event.notes === undefined ? undefined : [{ text: event.notes }],
  });
  return [request, consentResource(event), ...(event.followUps ?? []).map((followUp, index) => taskResource(event, followUp, index))];
}

function readConsent(node: FhirNode): ConsentRecord | undefined {
  node.skip("status", "scope", "category", "patient", "organization", "policyRule", "identifier", "policy", "performer", "source", "sourceReference", "sourceAttachment");
  const recordedAt = node.dateTime("dateTime", true);
  const provision = node.node("provision");
  const type = provision?.string("type");
  const withdrawnAt = provision?.node("period")?.dateTime("end");
  const scope = (provision?.nodes("purpose") ?? []).flatMap((purpose) => {
    purpose.skip("system", "display");
    const code = purpose.string("code");
    return purpose.value.system === S.consentScopeOurs && code !== undefined ? [code] : [];
  });
  if (recordedAt === undefined) return undefined;
  return { given: type === "permit", scope: scope as ConsentRecord["scope"], recordedAt, ...(withdrawnAt === undefined ? {} : { withdrawnAt }) };
}

function readTask(node: FhirNode): FollowUpOutcome | undefined {
  node.skip("basedOn", "status", "intent", "code", "for", "identifier", "lastModified", "executionPeriod", "owner", "requester");
  const outcome = codeFrom(node.node("businessStatus", true), S.followUpOutcome);
  const recordedAt = node.dateTime("authoredOn", true);
  const serviceId = referencedId(node.node("focus"), I.service);
  let helpful: boolean | undefined;
  let feedback: string | undefined;
  for (const output of node.nodes("output")) {
    const kind = codeFrom(output.node("type", true), S.followUpOutput);
    if (kind === "helpful") helpful = output.boolean("valueBoolean");
    else if (kind === "feedback") feedback = output.string("valueString");
  }
  if (outcome === undefined || recordedAt === undefined) return undefined;
  return {
    outcome: outcome as FollowUpOutcome["outcome"],
    recordedAt,
    ...(serviceId === undefined ? {} : { serviceId }),
    ...(helpful === undefined ? {} : { helpful }),
    ...(feedback === undefined ? {} : { feedback }),
  };
}

/**
 * What a ServiceRequest's related resources are, for {@link readSignpostingEvent}.
 *
 * @example
 * ```ts
 * const related: SignpostingRelations = { tasks: [], resolve: () => undefined };
 * ```
 */
export interface SignpostingRelations {
  readonly tasks: readonly FhirNode[];
  /** The resource of this type in the same input that a reference points at, if there is one. */
  readonly resolve: (reference: FhirNode, resourceType: string) => FhirNode | undefined;
}

/**
 * Read a `ServiceRequest` (with its Consent and Tasks) back into a signposting event (it still
 * has to pass `validateSignpostingEvent`).
 *
 * @example
 * ```ts
 * const event = readSignpostingEvent(node, { tasks: [], resolve: () => undefined });
 * ```
 */
export function readSignpostingEvent(node: FhirNode, related: SignpostingRelations): SignpostingEvent | undefined {
  node.skip("status", "intent", "code", "priority", "category", "basedOn", "replaces", "requisition", "occurrenceDateTime", "occurrencePeriod");
  const id = identifierValue(node, I.signpostingEvent) ?? (typeof node.value.id === "string" ? node.value.id : undefined);
  const subject = node.node("subject", true);
  const person = subject === undefined ? undefined : readPersonReference(subject);
  const occurredAt = node.dateTime("authoredOn", true);
  const organisationId = referencedId(node.node("requester", true), I.organisation);
  const [signposting] = node.extensions(X.signposting.url);
  const practitionerId = signposting === undefined ? undefined : subValue(signposting, "practitioner", "valueString");
  const practitionerRole = signposting === undefined ? undefined : subValue(signposting, "role", "valueCode");
  const provenance = readProvenance(node.extensions(X.recorded.url)[0]);
  const services = node.nodes("performer").flatMap((reference): SignpostedService[] => {
    const serviceId = referencedId(reference, I.service);
    const [ours] = reference.extensions(X.signposting.url);
    const method = ours === undefined ? "information" : subValue(ours, "method", "valueCode");
    const [codePart] = ours === undefined ? [] : subNodes(ours, "code");
    const codeNode = codePart?.node("valueCoding");
    const code = codeNode === undefined ? undefined : readCoding(codeNode);
    return serviceId === undefined ? [] : [{ serviceId, method: method as SignpostedService["method"], ...(code === undefined ? {} : { code }) }];
  });
  const needs = node.nodes("reasonCode").map((concept): SignpostingNeed => {
    const category = codeFrom(concept, S.serviceCategory);
    const description = concept.string("text");
    return { ...(category === undefined ? {} : { category: category as NonNullable<SignpostingNeed["category"]> }), ...(description === undefined ? {} : { description }) };
  });
  const notes = node.nodes("note").flatMap((note) => {
    note.skip("authorString", "authorReference", "time");
    return note.string("text") ?? [];
  });
  let consent: ConsentRecord | undefined;
  for (const info of node.nodes("supportingInfo")) {
    const target = related.resolve(info, "Consent");
    info.skip("type", "identifier", "display");
    if (target !== undefined) consent = readConsent(target);
  }
  if (consent === undefined) node.problem("supportingInfo", "no_consent", "A signposting event needs the Consent it rests on (in supportingInfo, in the same bundle).");
  const followUps = related.tasks.flatMap((task) => readTask(task) ?? []);
  if (id === undefined || person === undefined || occurredAt === undefined || organisationId === undefined || consent === undefined) return undefined;
  return {
    id,
    person,
    occurredAt,
    organisationId,
    ...(typeof practitionerId === "string" && isRole(practitionerRole) ? { practitioner: { id: practitionerId, role: practitionerRole as Role } } : {}),
    needs,
    services,
    consent,
    ...(followUps.length === 0 ? {} : { followUps }),
    ...(notes.length === 0 ? {} : { notes: notes.join("\n\n") }),
    ...(provenance === undefined ? {} : { provenance }),
  };
}
