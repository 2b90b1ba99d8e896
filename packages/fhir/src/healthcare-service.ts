import { LanguageTag, type Coding } from "@selfmanage/core";
import { gssAreaKind, type OpeningHours, type ScheduleException, type Service, type ServiceArea, type WeeklyOpening } from "@selfmanage/signposting";
import { fhirCodes } from "./codes";
import { codeable, extensionValue, identifierValue, readCodings, referencedId } from "./common";
import { compactText } from "./directory";
import { fhirId } from "./ids";
import { subNodes, subValue, type FhirNode } from "./reader";
import { compact, complexExtension, extension, list, optionalComplexExtension, recordReference, type FhirElement, type FhirResource } from "./resource";

const X = fhirCodes.extensions;
const S = fhirCodes.systems;
const I = fhirCodes.identifiers;
type Weekday = WeeklyOpening["day"];

function endTime(closes: string): string {
  // FHIR time stops at 23:59:59; "24:00" (midnight at the end of the day) is written as that last second.
  return closes === "24:00" ? "23:59:59" : `${closes}:00`;
}

function readTime(node: FhirNode, key: string): string | undefined {
  const value = node.string(key, true);
  if (value === undefined) return undefined;
  if (!/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/.test(value)) {
    node.problem(key, "invalid_time", "Expected a time, HH:MM:SS.");
    return undefined;
  }
  return value === "23:59:59" ? "24:00" : value.slice(0, 5);
}

function hoursElements(hours: OpeningHours | undefined): FhirElement {
  if (hours === undefined) return {};
  return compact({
    availableTime: list(
      hours.weekly.map((period) =>
        compact({
          extension:
            period.validFrom === undefined && period.validTo === undefined
              ? undefined
              : [complexExtension(X.weeklyValidity.url, [extension("validFrom", "valueDate", period.validFrom), extension("validTo", "valueDate", period.validTo)])],
          daysOfWeek: [fhirCodes.weekdays[period.day]],
          availableStartTime: `${period.opens}:00`,
          availableEndTime: endTime(period.closes),
        }),
      ),
    ),
    notAvailable: list(
      (hours.exceptions ?? []).map((exception) => ({
        extension: list([
          optionalComplexExtension(X.scheduleException.url, [
            extension("reason", "valueCode", exception.reason),
            ...exception.periods.map((period) => complexExtension("period", [extension("opens", "valueTime", `${period.opens}:00`), extension("closes", "valueTime", endTime(period.closes))])),
            exception.note === undefined ? { url: "noNote", valueBoolean: true } : undefined,
          ]),
        ]),
        description: exception.note ?? fhirCodes.exceptionDescriptions[exception.reason ?? "none"],
        during: { start: exception.date, end: exception.date },
      })),
    ),
    availabilityExceptions: hours.notes,
  });
}

function areaReference(area: ServiceArea): FhirElement {
  switch (area.kind) {
    case "health-board":
    case "council-area":
    case "ward":
    case "integration-authority":
      return compact({ type: "Location", identifier: { system: S.gss, value: area.code }, display: area.name });
    case "national":
      return compact({ extension: [complexExtension(X.serviceArea.url, [extension("kind", "valueCode", "national")])], display: area.name });
    case "radius":
      return { extension: [complexExtension(X.serviceArea.url, [extension("kind", "valueCode", "radius"), extension("radiusKm", "valueDecimal", area.radiusKm), extension("locationId", "valueString", area.locationId)])] };
    case "described":
      return compact({ extension: [complexExtension(X.serviceArea.url, [extension("kind", "valueCode", "described"), extension("description", "valueString", area.description)])], display: area.name });
  }
}

function detailsExtension(service: Service): FhirElement | undefined {
  const cost = service.cost;
  const parts = list([
    cost === undefined
      ? undefined
      : optionalComplexExtension("cost", [
          extension("kind", "valueCode", cost.kind),
          ...(cost.options ?? []).map((option) =>
            optionalComplexExtension("option", [
              extension("label", "valueString", option.label),
              option.amount === undefined && option.currency === undefined ? undefined : { url: "amount", valueMoney: compact({ value: option.amount, currency: option.currency }) },
              extension("amountDescription", "valueString", option.amountDescription),
              extension("validFrom", "valueDate", option.validFrom),
              extension("validTo", "valueDate", option.validTo),
            ]),
          ),
          extension("description", "valueString", cost.description),
        ]),
    ...(service.contacts ?? []).map((contact) =>
      optionalComplexExtension("contact", [extension("name", "valueString", contact.name), extension("title", "valueString", contact.title), extension("phone", "valueString", contact.phone), extension("email", "valueString", contact.email)]),
    ),
    extension("minimumAge", "valueInteger", service.eligibility?.minimumAge),
    extension("maximumAge", "valueInteger", service.eligibility?.maximumAge),
    extension("lastReviewed", "valueDate", service.lastReviewed),
    extension("assuredDate", "valueDate", service.assuredDate),
    extension("assurerEmail", "valueString", service.assurerEmail),
    extension("deprioritised", "valueBoolean", service.deprioritised),
    extension("alert", "valueString", service.alert),
    extension("accreditations", "valueString", service.accreditations),
    ...(service.fundingSources ?? []).map((source) => extension("fundingSource", "valueString", source)),
  ]);
  return parts === undefined ? undefined : complexExtension(X.serviceDetails.url, parts);
}

/**
 * A directory service as a FHIR R4 `HealthcareService`: provider as `providedBy`, categories and
 * other taxonomies' terms as `type`, access routes, attending types and accessibility features as
 * `characteristic`s, languages as `communication`, locations, service areas as `coverageArea`
 * (GSS codes as identifiers), opening hours as `availableTime` and dated exceptions as
 * `notAvailable`, who it is for as `eligibility`, the cost as `serviceProvisionCode`; fields with
 * no R4 element (cost options, contacts, ages, freshness...) in the service-details extension.
 *
 * @example
 * ```ts
 * serviceToHealthcareService(service).resourceType; // "HealthcareService"
 * ```
 */
export function serviceToHealthcareService(service: Service): FhirResource {
  const details = detailsExtension(service);
  const eligibility = service.eligibility;
  return compact({
    resourceType: "HealthcareService",
    id: fhirId(service.id),
    meta: service.lastModified === undefined ? undefined : { lastUpdated: service.lastModified },
    extension: list([extension(X.serviceStatus.url, "valueCode", service.status), details]),
    identifier: [{ system: I.service, value: service.id }],
    active: service.status === "active",
    providedBy: service.organisationId === undefined ? undefined : recordReference("Organization", I.organisation, service.organisationId),
    type: list([...service.categories.map((category) => codeable(S.serviceCategory, category)), ...(service.classifications ?? []).map((coding) => ({ coding: [{ ...coding }] }))]),
    location: list((service.locationIds ?? []).map((locationId) => recordReference("Location", I.location, locationId))),
    name: service.name,
    comment: service.description,
    telecom: list([service.url === undefined ? undefined : { system: "url", value: service.url }, service.email === undefined ? undefined : { system: "email", value: service.email }]),
    coverageArea: list((service.areas ?? []).map(areaReference)),
    serviceProvisionCode: service.cost?.kind === undefined ? undefined : [codeable(S.serviceProvision, fhirCodes.costProvision[service.cost.kind])],
    eligibility: list([
      ...(eligibility?.communityGroups ?? []).map((group) => ({ code: codeable(S.communityGroup, group) })),
      eligibility?.description === undefined ? undefined : { comment: eligibility.description },
    ]),
    characteristic: list([
      ...(service.accessRoutes ?? []).map((route) => codeable(S.accessRoute, route)),
      ...(service.attending ?? []).map((attending) => codeable(S.attendingType, attending)),
      ...(service.accessibility ?? []).map((feature) => codeable(S.accessibilityFeature, feature)),
    ]),
    communication: list((service.languages ?? []).map((language) => codeable(S.bcp47, language))),
    ...hoursElements(service.hours),
  });
}

function readHours(node: FhirNode): OpeningHours | undefined {
  const days = Object.entries(fhirCodes.weekdays) as Array<[Weekday, string]>;
  const weekly: WeeklyOpening[] = [];
  for (const time of node.nodes("availableTime")) {
    const [validity] = time.extensions(X.weeklyValidity.url);
    const validFrom = validity === undefined ? undefined : subValue(validity, "validFrom", "valueDate");
    const validTo = validity === undefined ? undefined : subValue(validity, "validTo", "valueDate");
    const allDay = time.boolean("allDay") === true;
    const opens = allDay ? "00:00" : readTime(time, "availableStartTime");
    const closes = allDay ? "24:00" : readTime(time, "availableEndTime");
    for (const code of time.strings("daysOfWeek")) {
      const day = days.find(([, short]) => short === code)?.[0];
      if (day === undefined) time.problem("daysOfWeek", "unknown_code", "This is not a FHIR day of the week.");
      if (day === undefined || opens === undefined || closes === undefined) continue;
      weekly.push({ day, opens, closes, ...(typeof validFrom === "string" ? { validFrom } : {}), ...(typeof validTo === "string" ? { validTo } : {}) });
    }
  }
  const exceptions: ScheduleException[] = [];
  for (const closed of node.nodes("notAvailable")) {
    const description = closed.string("description", true);
    const during = closed.node("during");
    const start = during?.string("start")?.slice(0, 10);
    const end = during?.string("end")?.slice(0, 10) ?? start;
    if (start === undefined || end === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) {
      closed.problem("during", "undated_exception", "The toolkit keeps dated exceptions only: give the dates in during.");
      continue;
    }
    const [ours] = closed.extensions(X.scheduleException.url);
    const reason = ours === undefined ? undefined : subValue(ours, "reason", "valueCode");
    const noNote = ours === undefined ? false : subValue(ours, "noNote", "valueBoolean") === true;
    const periods = (ours === undefined ? [] : subNodes(ours, "period")).flatMap((period) => {
      const [opensNode] = subNodes(period, "opens");
      const [closesNode] = subNodes(period, "closes");
      const opens = opensNode === undefined ? undefined : readTime(opensNode, "valueTime");
      const closes = closesNode === undefined ? undefined : readTime(closesNode, "valueTime");
      return opens === undefined || closes === undefined ? [] : [{ opens, closes }];
    });
    for (let date = start, count = 0; date <= end && count < 400; count += 1) {
      exceptions.push({ date, periods, ...(typeof reason === "string" ? { reason: reason as NonNullable<ScheduleException["reason"]> } : {}), ...(noNote || description === undefined ? {} : { note: description }) });
      date = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    }
  }
  const notes = node.string("availabilityExceptions");
  if (weekly.length === 0 && exceptions.length === 0 && notes === undefined) return undefined;
  return { weekly, ...(exceptions.length === 0 ? {} : { exceptions }), ...(notes === undefined ? {} : { notes }) };
}

function readArea(reference: FhirNode): ServiceArea | undefined {
  reference.skip("type", "reference");
  const [ours] = reference.extensions(X.serviceArea.url);
  const name = reference.string("display");
  const named = name === undefined ? {} : { name };
  if (ours === undefined) {
    const identifier = reference.node("identifier");
    const system = identifier?.string("system");
    const code = identifier?.string("value");
    const kind = code === undefined ? undefined : gssAreaKind(code);
    if (system !== S.gss || code === undefined || kind === undefined) {
      reference.problem(undefined, "unknown_area", "The toolkit reads coverage areas named by a GSS code (S08, S12 or S13), or its own service-area extension.");
      return undefined;
    }
    return { kind, code, ...named };
  }
  const kind = subValue(ours, "kind", "valueCode");
  if (kind === "national") return { kind, ...named };
  if (kind === "radius") {
    const radiusKm = subValue(ours, "radiusKm", "valueDecimal");
    const locationId = subValue(ours, "locationId", "valueString");
    return { kind, radiusKm: radiusKm as number, ...(typeof locationId === "string" ? { locationId } : {}) };
  }
  if (kind === "described") return { kind, description: subValue(ours, "description", "valueString") as string, ...named };
  ours.problem(undefined, "unknown_code", "This is not a toolkit service-area kind.");
  return undefined;
}

function codesFrom(concepts: readonly FhirNode[], system: string): string[] {
  return concepts.flatMap((concept) => readCodings(concept).filter((coding) => coding.system === system).map((coding) => coding.code));
}

/**
 * Read a `HealthcareService` back into a directory service (it still has to pass `validateService`).
 *
 * @example
 * ```ts
 * const service = readService(node);
 * ```
 */
export function readService(node: FhirNode): Service | undefined {
  node.skip("active", "category", "specialty", "photo", "extraDetails", "program", "referralMethod", "appointmentRequired", "endpoint");
  const meta = node.node("meta");
  meta?.skip("versionId", "profile", "tag", "security");
  const lastModified = meta?.dateTime("lastUpdated");
  const id = identifierValue(node, I.service) ?? (typeof node.value.id === "string" ? node.value.id : undefined);
  const status = extensionValue(node, X.serviceStatus.url, "valueCode") ?? (node.value.active === false ? "inactive" : "active");
  const organisationId = referencedId(node.node("providedBy"), I.organisation);
  const types = node.nodes("type");
  const categories = codesFrom(types, S.serviceCategory);
  const classifications: Coding[] = types.flatMap((concept) => readCodings(concept).filter((coding) => coding.system !== S.serviceCategory));
  types.forEach((concept) => concept.skip("text"));
  const characteristic = node.nodes("characteristic");
  const accessRoutes = codesFrom(characteristic, S.accessRoute);
  const attending = codesFrom(characteristic, S.attendingType);
  const accessibility = codesFrom(characteristic, S.accessibilityFeature);
  characteristic.forEach((concept) => concept.skip("text"));
  const languages = node.nodes("communication").flatMap((concept) => {
    concept.skip("text");
    return readCodings(concept)
      .filter((coding) => coding.system === S.bcp47 && LanguageTag.safeParse(coding.code).success)
      .map((coding) => coding.code);
  });
  const locationIds = node.nodes("location").flatMap((reference) => referencedId(reference, I.location) ?? []);
  const areas = node.nodes("coverageArea").flatMap((reference) => readArea(reference) ?? []);
  const eligibilityNodes = node.nodes("eligibility");
  const communityGroups = eligibilityNodes.flatMap((entry) => codesFrom(entry.node("code") === undefined ? [] : [entry.node("code") as FhirNode], S.communityGroup));
  const eligibilityText = eligibilityNodes.map((entry) => entry.string("comment")).find((comment) => comment !== undefined);
  const [details] = node.extensions(X.serviceDetails.url);
  const detail = (name: string, key: string): unknown => (details === undefined ? undefined : subValue(details, name, key));
  const minimumAge = detail("minimumAge", "valueInteger");
  const maximumAge = detail("maximumAge", "valueInteger");
  const eligibility = {
    ...(typeof minimumAge === "number" ? { minimumAge } : {}),
    ...(typeof maximumAge === "number" ? { maximumAge } : {}),
    ...(communityGroups.length === 0 ? {} : { communityGroups }),
    ...(eligibilityText === undefined ? {} : { description: eligibilityText }),
  };
  const [costNode] = details === undefined ? [] : subNodes(details, "cost");
  const provision = codesFrom(node.nodes("serviceProvisionCode"), S.serviceProvision)[0];
  const provisionKind = (Object.entries(fhirCodes.costProvision) as Array<[string, string]>).find(([, code]) => code === provision)?.[0];
  const cost =
    costNode === undefined
      ? provisionKind === undefined
        ? undefined
        : { kind: provisionKind }
      : {
          ...compactText({ kind: subValue(costNode, "kind", "valueCode") }),
          ...(() => {
            const options = subNodes(costNode, "option").map((option) => {
              const [amountNode] = subNodes(option, "amount");
              const money = amountNode?.node("valueMoney");
              const amount = money?.decimal("value");
              const currency = money?.string("currency");
              return {
                ...compactText({ label: subValue(option, "label", "valueString"), amountDescription: subValue(option, "amountDescription", "valueString"), validFrom: subValue(option, "validFrom", "valueDate"), validTo: subValue(option, "validTo", "valueDate") }),
                ...(amount === undefined ? {} : { amount }),
                ...(currency === undefined ? {} : { currency }),
              };
            });
            return options.length === 0 ? {} : { options };
          })(),
          ...compactText({ description: subValue(costNode, "description", "valueString") }),
        };
  const contacts = (details === undefined ? [] : subNodes(details, "contact")).map((contact) =>
    compactText({ name: subValue(contact, "name", "valueString"), title: subValue(contact, "title", "valueString"), phone: subValue(contact, "phone", "valueString"), email: subValue(contact, "email", "valueString") }) ?? {},
  );
  const fundingSources = (details === undefined ? [] : subNodes(details, "fundingSource")).flatMap((part) => {
    part.skip("valueString");
    return typeof part.value.valueString === "string" ? [part.value.valueString] : [];
  });
  const deprioritised = detail("deprioritised", "valueBoolean");
  const telecoms = node.nodes("telecom");
  const contactPoint = (system: string): string | undefined => {
    const match = telecoms.find((entry) => entry.value.system === system);
    match?.skip("system", "use", "rank");
    return match?.string("value", true);
  };
  const url = contactPoint("url");
  const email = contactPoint("email");
  const hours = readHours(node);
  const name = node.string("name", true);
  const description = node.string("comment");
  if (id === undefined || name === undefined) return undefined;
  return {
    id,
    ...(organisationId === undefined ? {} : { organisationId }),
    name,
    ...(description === undefined ? {} : { description }),
    ...(url === undefined ? {} : { url }),
    ...(email === undefined ? {} : { email }),
    status: status as Service["status"],
    categories: categories as Service["categories"],
    ...(classifications.length === 0 ? {} : { classifications }),
    ...(Object.keys(eligibility).length === 0 ? {} : { eligibility: eligibility as NonNullable<Service["eligibility"]> }),
    ...(cost === undefined ? {} : { cost: cost as NonNullable<Service["cost"]> }),
    ...(accessRoutes.length === 0 ? {} : { accessRoutes: accessRoutes as NonNullable<Service["accessRoutes"]> }),
    ...(attending.length === 0 ? {} : { attending: attending as NonNullable<Service["attending"]> }),
    ...(languages.length === 0 ? {} : { languages }),
    ...(accessibility.length === 0 ? {} : { accessibility: accessibility as NonNullable<Service["accessibility"]> }),
    ...(locationIds.length === 0 ? {} : { locationIds }),
    ...(areas.length === 0 ? {} : { areas }),
    ...(hours === undefined ? {} : { hours }),
    ...(contacts.length === 0 ? {} : { contacts }),
    ...compactText({ lastReviewed: detail("lastReviewed", "valueDate"), assuredDate: detail("assuredDate", "valueDate"), assurerEmail: detail("assurerEmail", "valueString") }),
    ...(lastModified === undefined ? {} : { lastModified }),
    ...(typeof deprioritised === "boolean" ? { deprioritised } : {}),
    ...compactText({ alert: detail("alert", "valueString"), accreditations: detail("accreditations", "valueString") }),
    ...(fundingSources.length === 0 ? {} : { fundingSources }),
  };
}

