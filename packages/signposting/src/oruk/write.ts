import { categoryLabel, type ServiceCategory } from "../codes";
import type { Location, Organisation, Service } from "../directory";
import type { JsonValue } from "../extensions";
import { stableUuid } from "../hash";
import type { OpeningHours, Weekday } from "../hours";
import { DAY_CODES, EXCEPTION_LABELS, LOCATION_URN, taxonomies, WITHHELD_ADDRESS } from "./fields";
import { gssUri } from "./read-schedule";

type Row = { [key: string]: JsonValue };

/** The record without absent values and empty lists (copied rather than deleted from: deleting keys is slow). */
function compact(record: Record<string, unknown>): Row {
  const row: Row = {};
  for (const key in record) {
    const value = record[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) row[key] = value as JsonValue;
  }
  return row;
}

function attribute(serviceUuid: string, taxonomy: string, term: string, label: string, description: string, position: number): Row {
  return {
    id: stableUuid(`attribute:${serviceUuid}:${position}`),
    link_id: serviceUuid,
    link_type: "service",
    taxonomy_term: { id: stableUuid(`term:${taxonomy}:${term}`, true), name: label, description, taxonomy, term },
  };
}

/**
 * An organisation as an ORUK `organization` object, without the record's extensions.
 *
 * @example
 * ```ts
 * writeOrganisation({ id: "org-1", name: "Example Trust" }).description; // "Example Trust" (ORUK requires one)
 * ```
 */
export function writeOrganisation(organisation: Organisation): Row {
  const id = stableUuid(organisation.id, true);
  return compact({
    id,
    name: organisation.name,
    description: organisation.description ?? organisation.name,
    email: organisation.email,
    website: organisation.website,
    logo: organisation.logo,
    parent_organization_id: organisation.parentOrganisationId === undefined ? undefined : stableUuid(organisation.parentOrganisationId, true),
    organization_identifiers: (organisation.identifiers ?? []).map((identifier, index) =>
      compact({ id: stableUuid(`identifier:${id}:${index}`), organization_id: id, identifier_scheme: identifier.scheme, identifier_type: identifier.type, identifier: identifier.value }),
    ),
  });
}

/**
 * A location as an ORUK `location` object. A confidential place is written with its masked
 * address only: no name, description, coordinates or identifier.
 *
 * @example
 * ```ts
 * writeLocation({ id: "loc-1", kind: "virtual", url: "https://example.org/join" }).location_type; // "virtual"
 * ```
 */
export function writeLocation(location: Location): Row {
  const id = stableUuid(location.id, true);
  const addresses: Row[] = [];
  if (location.confidential === true) {
    const masked = location.maskedAddress ?? {};
    addresses.push({
      id: stableUuid(`address:${id}`),
      location_id: id,
      address_1: WITHHELD_ADDRESS,
      city: masked.locality ?? "",
      ...(masked.region === undefined ? {} : { region: masked.region }),
      state_province: "",
      postal_code: masked.postcodeDistrict ?? "",
      country: "GB",
      address_type: "physical",
    });
  } else if (location.address !== undefined) {
    const address = location.address;
    addresses.push(
      compact({
        id: stableUuid(`address:${id}`),
        location_id: id,
        attention: address.attention,
        address_1: address.line1,
        address_2: address.line2,
        city: address.city,
        region: address.region,
        state_province: address.stateProvince ?? "",
        postal_code: address.postcode,
        country: address.country,
        address_type: location.kind === "postal" ? "postal" : "physical",
      }),
    );
  }
  const revealed = location.confidential !== true;
  return compact({
    id,
    location_type: location.kind,
    name: revealed ? location.name : undefined,
    description: revealed ? location.description : undefined,
    url: location.url,
    latitude: revealed ? location.latitude : undefined,
    longitude: revealed ? location.longitude : undefined,
    external_identifier: revealed ? location.externalIdentifier?.value : undefined,
    external_identifier_type: revealed ? location.externalIdentifier?.type : undefined,
    addresses,
    accessibility: (location.accessibility ?? []).map((note, index) =>
      compact({
        id: stableUuid(`accessibility:${id}:${index}`),
        location_id: id,
        accessibility: note.features.length > 0 ? note.features.join(",") : undefined,
        description: note.description,
        details: note.details,
        url: note.url,
      }),
    ),
  });
}

function writeHours(hours: OpeningHours, serviceUuid: string): Row[] {
  const rows: Row[] = [];
  const groups = new Map<string, { days: Weekday[]; opens: string; closes: string; validFrom: string | undefined; validTo: string | undefined }>();
  for (const period of hours.weekly) {
    const key = [period.opens, period.closes, period.validFrom ?? "", period.validTo ?? ""].join("|");
    const group = groups.get(key) ?? { days: [] as Weekday[], opens: period.opens, closes: period.closes, validFrom: period.validFrom, validTo: period.validTo };
    if (!group.days.includes(period.day)) group.days.push(period.day);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    rows.push(
      compact({
        id: stableUuid(`schedule:${serviceUuid}:${rows.length}`),
        service_id: serviceUuid,
        valid_from: group.validFrom,
        valid_to: group.validTo,
        dtstart: group.validFrom,
        freq: "WEEKLY",
        interval: 1,
        byday: group.days.map((day) => DAY_CODES[day]).join(","),
        opens_at: group.opens,
        closes_at: group.closes,
        description: hours.notes,
      }),
    );
  }
  if (groups.size === 0 && hours.notes !== undefined) rows.push({ id: stableUuid(`schedule:${serviceUuid}:notes`), service_id: serviceUuid, description: hours.notes });
  for (const exception of hours.exceptions ?? []) {
    const base = {
      service_id: serviceUuid,
      valid_from: exception.date,
      valid_to: exception.date,
      dtstart: exception.date,
      description: exception.reason === undefined ? undefined : EXCEPTION_LABELS[exception.reason],
      notes: exception.note,
    };
    if (exception.periods.length === 0) rows.push(compact({ id: stableUuid(`schedule:${serviceUuid}:${rows.length}`), ...base }));
    for (const period of exception.periods) rows.push(compact({ id: stableUuid(`schedule:${serviceUuid}:${rows.length}`), ...base, opens_at: period.opens, closes_at: period.closes }));
  }
  return rows;
}

function writeAttributes(service: Service, id: string): Row[] {
  const attributes: Row[] = [];
  const add = (taxonomy: string, term: string, label: string, description = label): void => {
    attributes.push(attribute(id, taxonomy, term, label, description, attributes.length));
  };
  for (const category of service.categories) add(taxonomies.category, category, categoryLabel(category as ServiceCategory));
  for (const coding of service.classifications ?? []) add(coding.system, coding.code, coding.display ?? coding.code);
  for (const feature of service.accessibility ?? []) add(taxonomies.accessibility, feature, feature);
  for (const group of service.eligibility?.communityGroups ?? []) add(taxonomies.communityGroup, group, group);
  for (const route of service.accessRoutes ?? []) add(taxonomies.accessRoute, route, route);
  for (const type of service.attending ?? []) add(taxonomies.attending, type, type);
  for (const language of service.languages ?? []) add(taxonomies.language, language, language);
  if (service.cost?.kind !== undefined) add(taxonomies.cost, service.cost.kind, service.cost.kind);
  if (service.lastReviewed !== undefined) add(taxonomies.lastReviewed, service.lastReviewed, "Last reviewed");
  if (service.deprioritised !== undefined) add(taxonomies.deprioritised, String(service.deprioritised), "Deprioritised");
  if (service.eligibility?.description !== undefined) add(taxonomies.eligibility, "eligibility", "Eligibility", service.eligibility.description);
  return attributes;
}

function writeAreas(service: Service, id: string): Row[] {
  return (service.areas ?? []).map((area, index) => {
    const areaId = stableUuid(`area:${id}:${index}`);
    switch (area.kind) {
      case "national":
        return compact({ id: areaId, service_id: id, name: area.name, extent_type: "national" });
      case "radius":
        return compact({ id: areaId, service_id: id, extent: String(area.radiusKm), extent_type: "radius-km", uri: area.locationId === undefined ? undefined : `${LOCATION_URN}${stableUuid(area.locationId, true)}` });
      case "described":
        return compact({ id: areaId, service_id: id, name: area.name, service_area: area.description });
      default:
        return compact({ id: areaId, service_id: id, name: area.name, extent: area.code, extent_type: "gss", uri: gssUri(area.code) });
    }
  });
}

/**
 * A service as an ORUK 3.0 compiled `service` object, with its organisation and locations nested,
 * written from the model alone (the record's extensions are put back by the exporter).
 *
 * @example
 * ```ts
 * writeService({ id: "svc-1", name: "Peer group", status: "active", categories: [] }, new Map(), new Map()).status; // "active"
 * ```
 */
export function writeService(service: Service, organisations: ReadonlyMap<string, Organisation>, locations: ReadonlyMap<string, Location>): Row {
  const id = stableUuid(service.id);
  const organisation = service.organisationId === undefined ? undefined : organisations.get(service.organisationId);
  return compact({
    id,
    organization_id: service.organisationId === undefined ? undefined : stableUuid(service.organisationId, true),
    name: service.name,
    description: service.description,
    url: service.url,
    email: service.email,
    status: service.status === "temporarily-closed" ? "temporarily closed" : service.status,
    fees: service.cost?.description,
    accreditations: service.accreditations,
    minimum_age: service.eligibility?.minimumAge,
    maximum_age: service.eligibility?.maximumAge,
    assured_date: service.assuredDate,
    assurer_email: service.assurerEmail,
    alert: service.alert,
    last_modified: service.lastModified,
    schedules: service.hours === undefined ? [] : writeHours(service.hours, id),
    service_areas: writeAreas(service, id),
    service_at_locations: (service.locationIds ?? []).flatMap((locationId) => {
      const location = locations.get(locationId);
      if (location === undefined) return [];
      const written = writeLocation(location);
      return [{ id: stableUuid(`service-at-location:${id}:${written.id as string}`), service_id: id, location_id: written.id as string, location: written }];
    }),
    organization: organisation === undefined ? undefined : writeOrganisation(organisation),
    funding: (service.fundingSources ?? []).map((source, index) => ({ id: stableUuid(`funding:${id}:${index}`), service_id: id, source })),
    cost_options: (service.cost?.options ?? []).map((option, index) =>
      compact({
        id: stableUuid(`cost:${id}:${index}`),
        service_id: id,
        option: option.label,
        amount: option.amount,
        currency: option.currency,
        amount_description: option.amountDescription,
        valid_from: option.validFrom,
        valid_to: option.validTo,
      }),
    ),
    contacts: (service.contacts ?? []).map((contact, index) => {
      const contactId = stableUuid(`contact:${id}:${index}`);
      return compact({
        id: contactId,
        service_id: id,
        name: contact.name,
        title: contact.title,
        email: contact.email,
        phones: contact.phone === undefined ? undefined : [{ id: stableUuid(`phone:${contactId}`), contact_id: contactId, number: contact.phone }],
      });
    }),
    attributes: writeAttributes(service, id),
  });
}

export type { Row as OrukRow };
