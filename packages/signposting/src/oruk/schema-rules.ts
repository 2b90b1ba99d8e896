import type { PathSegment } from "@selfmanage/core";
import { isObject } from "../mapping";

/**
 * The kinds of object an ORUK 3.0 API serves: a service (`/services/{id}`), a service on a list
 * page (`/services`), a service-at-location on a list page, an organisation and its list entry,
 * a taxonomy and a taxonomy term.
 *
 * @example
 * ```ts
 * const kind: OrukObjectKind = "service-list-item";
 * ```
 */
export type OrukObjectKind = "service" | "service-list-item" | "service-at-location-list-item" | "organization" | "organization-list-item" | "taxonomy" | "taxonomy-term";

/**
 * Every field of the ORUK 3.0 schemas (Open Referral UK, CC BY-SA 4.0), derived from the compiled
 * schemas and checked against them by a test: `path spec`, where the spec is the JSON type (s
 * string, n number, i integer, b boolean, o object, a array), `!` when required, and the format
 * (u uuid, r uri, e email, t date-time, d date). List items are `*`.
 */
const encodedRules: Record<OrukObjectKind, readonly string[]> = {
  "service": [
    "id s!u organization_id su name s! description s url sr email se status s! fees s accreditations s minimum_age n maximum_age n assured_date s",
    "assurer_email se alert s last_modified st schedules a schedules.* o schedules.*.id s!u schedules.*.service_id su schedules.*.service_at_location_id su",
    "schedules.*.valid_from s schedules.*.valid_to s schedules.*.dtstart s schedules.*.freq s schedules.*.interval n schedules.*.byday s",
    "schedules.*.bymonthday s schedules.*.description s schedules.*.opens_at s schedules.*.closes_at s schedules.*.schedule_link sr",
    "schedules.*.attending_type s schedules.*.notes s service_areas a service_areas.* o service_areas.*.id s!u service_areas.*.service_id su",
    "service_areas.*.name s service_areas.*.extent s service_areas.*.extent_type s service_areas.*.uri s service_areas.*.service_area s",
    "service_at_locations a service_at_locations.* o service_at_locations.*.id s!u service_at_locations.*.service_id su",
    "service_at_locations.*.location_id su service_at_locations.*.location o service_at_locations.*.location.id s!u",
    "service_at_locations.*.location.location_type s! service_at_locations.*.location.name s service_at_locations.*.location.description s",
    "service_at_locations.*.location.latitude n service_at_locations.*.location.longitude n service_at_locations.*.location.external_identifier s",
    "service_at_locations.*.location.external_identifier_type s service_at_locations.*.location.addresses a service_at_locations.*.location.addresses.* o",
    "service_at_locations.*.location.addresses.*.id s!u service_at_locations.*.location.addresses.*.location_id su",
    "service_at_locations.*.location.addresses.*.attention s service_at_locations.*.location.addresses.*.address_1 s!",
    "service_at_locations.*.location.addresses.*.city s! service_at_locations.*.location.addresses.*.region s",
    "service_at_locations.*.location.addresses.*.state_province s! service_at_locations.*.location.addresses.*.postal_code s!",
    "service_at_locations.*.location.addresses.*.country s! service_at_locations.*.location.addresses.*.address_type s!",
    "service_at_locations.*.location.addresses.*.attributes a service_at_locations.*.location.addresses.*.attributes.* o",
    "service_at_locations.*.location.addresses.*.attributes.*.id s!u service_at_locations.*.location.addresses.*.attributes.*.link_id su",
    "service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term_id su service_at_locations.*.location.addresses.*.attributes.*.link_type s",
    "service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term o service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.id s!u",
    "service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.name s!",
    "service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.description s!",
    "service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.parent_id su",
    "service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.taxonomy s",
    "service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.taxonomy_id su",
    "service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.term_uri sr",
    "service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.term s service_at_locations.*.location.accessibility a",
    "service_at_locations.*.location.accessibility.* o service_at_locations.*.location.accessibility.*.id s!u",
    "service_at_locations.*.location.accessibility.*.location_id su service_at_locations.*.location.accessibility.*.description s",
    "service_at_locations.*.location.accessibility.*.details s service_at_locations.*.location.accessibility.*.url sr",
    "service_at_locations.*.location.accessibility.*.attributes a service_at_locations.*.location.accessibility.*.attributes.* o",
    "service_at_locations.*.location.accessibility.*.attributes.*.id s!u service_at_locations.*.location.accessibility.*.attributes.*.link_id su",
    "service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term_id su",
    "service_at_locations.*.location.accessibility.*.attributes.*.link_type s service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term o",
    "service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.id s!u",
    "service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.name s!",
    "service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.description s!",
    "service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.parent_id su",
    "service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.taxonomy s",
    "service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.taxonomy_id su",
    "service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.term_uri sr",
    "service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.term s service_at_locations.*.location.accessibility.*.accessibility s",
    "service_at_locations.*.location.attributes a service_at_locations.*.location.attributes.* o service_at_locations.*.location.attributes.*.id s!u",
    "service_at_locations.*.location.attributes.*.link_id su service_at_locations.*.location.attributes.*.taxonomy_term_id su",
    "service_at_locations.*.location.attributes.*.link_type s service_at_locations.*.location.attributes.*.taxonomy_term o",
    "service_at_locations.*.location.attributes.*.taxonomy_term.id s!u service_at_locations.*.location.attributes.*.taxonomy_term.name s!",
    "service_at_locations.*.location.attributes.*.taxonomy_term.description s! service_at_locations.*.location.attributes.*.taxonomy_term.parent_id su",
    "service_at_locations.*.location.attributes.*.taxonomy_term.taxonomy s service_at_locations.*.location.attributes.*.taxonomy_term.taxonomy_id su",
    "service_at_locations.*.location.attributes.*.taxonomy_term.term_uri sr service_at_locations.*.location.attributes.*.taxonomy_term.term s languages a",
    "languages.* o languages.*.id s!u languages.*.service_id su languages.*.phone_id su organization o organization.id s!u organization.name s!",
    "organization.description s! organization.email se organization.website sr organization.logo s organization.uri sr",
    "organization.parent_organization_id su organization.organization_identifiers a organization.organization_identifiers.* o",
    "organization.organization_identifiers.*.id s!u organization.organization_identifiers.*.organization_id su",
    "organization.organization_identifiers.*.identifier_scheme s organization.organization_identifiers.*.identifier_type s!",
    "organization.organization_identifiers.*.identifier s! organization.organization_identifiers.*.attributes a",
    "organization.organization_identifiers.*.attributes.* o organization.organization_identifiers.*.attributes.*.id s!u",
    "organization.organization_identifiers.*.attributes.*.link_id su organization.organization_identifiers.*.attributes.*.taxonomy_term_id su",
    "organization.organization_identifiers.*.attributes.*.link_type s organization.organization_identifiers.*.attributes.*.taxonomy_term o",
    "organization.organization_identifiers.*.attributes.*.taxonomy_term.id s!u organization.organization_identifiers.*.attributes.*.taxonomy_term.name s!",
    "organization.organization_identifiers.*.attributes.*.taxonomy_term.description s!",
    "organization.organization_identifiers.*.attributes.*.taxonomy_term.parent_id su",
    "organization.organization_identifiers.*.attributes.*.taxonomy_term.taxonomy s",
    "organization.organization_identifiers.*.attributes.*.taxonomy_term.taxonomy_id su",
    "organization.organization_identifiers.*.attributes.*.taxonomy_term.term_uri sr",
    "organization.organization_identifiers.*.attributes.*.taxonomy_term.term s organization.attributes a organization.attributes.* o",
    "organization.attributes.*.id s!u organization.attributes.*.link_id su organization.attributes.*.taxonomy_term_id su",
    "organization.attributes.*.link_type s organization.attributes.*.taxonomy_term o organization.attributes.*.taxonomy_term.id s!u",
    "organization.attributes.*.taxonomy_term.name s! organization.attributes.*.taxonomy_term.description s!",
    "organization.attributes.*.taxonomy_term.parent_id su organization.attributes.*.taxonomy_term.taxonomy s",
    "organization.attributes.*.taxonomy_term.taxonomy_id su organization.attributes.*.taxonomy_term.term_uri sr",
    "organization.attributes.*.taxonomy_term.term s funding a funding.* o funding.*.id s!u funding.*.service_id su funding.*.source s cost_options a",
    "cost_options.* o cost_options.*.id s!u cost_options.*.service_id su cost_options.*.valid_from s cost_options.*.valid_to s cost_options.*.option s",
    "cost_options.*.amount n cost_options.*.amount_description s contacts a contacts.* o contacts.*.id s!u contacts.*.service_id su contacts.*.name s",
    "contacts.*.title s contacts.*.attributes a contacts.*.attributes.* o contacts.*.attributes.*.id s!u contacts.*.attributes.*.link_id su",
    "contacts.*.attributes.*.taxonomy_term_id su contacts.*.attributes.*.link_type s contacts.*.attributes.*.taxonomy_term o",
    "contacts.*.attributes.*.taxonomy_term.id s!u contacts.*.attributes.*.taxonomy_term.name s! contacts.*.attributes.*.taxonomy_term.description s!",
    "contacts.*.attributes.*.taxonomy_term.parent_id su contacts.*.attributes.*.taxonomy_term.taxonomy s",
    "contacts.*.attributes.*.taxonomy_term.taxonomy_id su contacts.*.attributes.*.taxonomy_term.term_uri sr contacts.*.attributes.*.taxonomy_term.term s",
    "attributes a attributes.* o attributes.*.id s!u attributes.*.link_id su attributes.*.taxonomy_term_id su attributes.*.link_type s",
    "attributes.*.taxonomy_term o attributes.*.taxonomy_term.id s!u attributes.*.taxonomy_term.name s! attributes.*.taxonomy_term.description s!",
    "attributes.*.taxonomy_term.parent_id su attributes.*.taxonomy_term.taxonomy s attributes.*.taxonomy_term.taxonomy_id su",
    "attributes.*.taxonomy_term.term_uri sr attributes.*.taxonomy_term.term s",
  ],
  "service-list-item": [
    "id s!u organization_id su name s! description s url sr email se status s! fees s accreditations s minimum_age n maximum_age n assured_date s",
    "assurer_email se alert s last_modified st organization o organization.id s!u organization.name s! organization.description s! organization.email se",
    "organization.website sr organization.logo s organization.uri sr organization.parent_organization_id su",
  ],
  "service-at-location-list-item": [
    "id s!u service_id su location_id su location o location.id s!u location.location_type s! location.name s location.description s location.latitude n",
    "location.longitude n location.external_identifier s location.external_identifier_type s service o service.id s!u service.organization_id su",
    "service.name s! service.description s service.url sr service.email se service.status s! service.fees s service.accreditations s service.minimum_age n",
    "service.maximum_age n service.assured_date s service.assurer_email se service.alert s service.last_modified st service.organization o",
    "service.organization.id s!u service.organization.name s! service.organization.description s! service.organization.email se",
    "service.organization.website sr service.organization.logo s service.organization.uri sr service.organization.parent_organization_id su",
  ],
  "organization": [
    "id s!u name s! description s! email se website sr logo s uri sr parent_organization_id su organization_identifiers a organization_identifiers.* o",
    "organization_identifiers.*.id s!u organization_identifiers.*.organization_id su organization_identifiers.*.identifier_scheme s",
    "organization_identifiers.*.identifier_type s! organization_identifiers.*.identifier s! organization_identifiers.*.attributes a",
    "organization_identifiers.*.attributes.* o organization_identifiers.*.attributes.*.id s!u organization_identifiers.*.attributes.*.link_id su",
    "organization_identifiers.*.attributes.*.taxonomy_term_id su organization_identifiers.*.attributes.*.link_type s",
    "organization_identifiers.*.attributes.*.taxonomy_term o organization_identifiers.*.attributes.*.taxonomy_term.id s!u",
    "organization_identifiers.*.attributes.*.taxonomy_term.name s! organization_identifiers.*.attributes.*.taxonomy_term.description s!",
    "organization_identifiers.*.attributes.*.taxonomy_term.parent_id su organization_identifiers.*.attributes.*.taxonomy_term.taxonomy s",
    "organization_identifiers.*.attributes.*.taxonomy_term.taxonomy_id su organization_identifiers.*.attributes.*.taxonomy_term.term_uri sr",
    "organization_identifiers.*.attributes.*.taxonomy_term.term s attributes a attributes.* o attributes.*.id s!u attributes.*.link_id su",
    "attributes.*.taxonomy_term_id su attributes.*.link_type s attributes.*.taxonomy_term o attributes.*.taxonomy_term.id s!u",
    "attributes.*.taxonomy_term.name s! attributes.*.taxonomy_term.description s! attributes.*.taxonomy_term.parent_id su",
    "attributes.*.taxonomy_term.taxonomy s attributes.*.taxonomy_term.taxonomy_id su attributes.*.taxonomy_term.term_uri sr",
    "attributes.*.taxonomy_term.term s services a services.* o services.*.id s!u services.*.organization_id su services.*.name s! services.*.description s",
    "services.*.url sr services.*.email se services.*.status s! services.*.fees s services.*.accreditations s services.*.minimum_age n",
    "services.*.maximum_age n services.*.assured_date s services.*.assurer_email se services.*.alert s services.*.last_modified st services.*.schedules a",
    "services.*.schedules.* o services.*.schedules.*.id s!u services.*.schedules.*.service_id su services.*.schedules.*.service_at_location_id su",
    "services.*.schedules.*.valid_from s services.*.schedules.*.valid_to s services.*.schedules.*.dtstart s services.*.schedules.*.freq s",
    "services.*.schedules.*.interval n services.*.schedules.*.byday s services.*.schedules.*.bymonthday s services.*.schedules.*.description s",
    "services.*.schedules.*.opens_at s services.*.schedules.*.closes_at s services.*.schedules.*.schedule_link sr services.*.schedules.*.attending_type s",
    "services.*.schedules.*.notes s services.*.service_areas a services.*.service_areas.* o services.*.service_areas.*.id s!u",
    "services.*.service_areas.*.service_id su services.*.service_areas.*.name s services.*.service_areas.*.extent s",
    "services.*.service_areas.*.extent_type s services.*.service_areas.*.uri s services.*.service_areas.*.service_area s services.*.service_at_locations a",
    "services.*.service_at_locations.* o services.*.service_at_locations.*.id s!u services.*.service_at_locations.*.service_id su",
    "services.*.service_at_locations.*.location_id su services.*.service_at_locations.*.location o services.*.service_at_locations.*.location.id s!u",
    "services.*.service_at_locations.*.location.location_type s! services.*.service_at_locations.*.location.name s",
    "services.*.service_at_locations.*.location.description s services.*.service_at_locations.*.location.latitude n",
    "services.*.service_at_locations.*.location.longitude n services.*.service_at_locations.*.location.external_identifier s",
    "services.*.service_at_locations.*.location.external_identifier_type s services.*.service_at_locations.*.location.addresses a",
    "services.*.service_at_locations.*.location.addresses.* o services.*.service_at_locations.*.location.addresses.*.id s!u",
    "services.*.service_at_locations.*.location.addresses.*.location_id su services.*.service_at_locations.*.location.addresses.*.attention s",
    "services.*.service_at_locations.*.location.addresses.*.address_1 s! services.*.service_at_locations.*.location.addresses.*.city s!",
    "services.*.service_at_locations.*.location.addresses.*.region s services.*.service_at_locations.*.location.addresses.*.state_province s!",
    "services.*.service_at_locations.*.location.addresses.*.postal_code s! services.*.service_at_locations.*.location.addresses.*.country s!",
    "services.*.service_at_locations.*.location.addresses.*.address_type s! services.*.service_at_locations.*.location.addresses.*.attributes a",
    "services.*.service_at_locations.*.location.addresses.*.attributes.* o services.*.service_at_locations.*.location.addresses.*.attributes.*.id s!u",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.link_id su",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term_id su",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.link_type s",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term o",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.id s!u",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.name s!",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.description s!",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.parent_id su",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.taxonomy s",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.taxonomy_id su",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.term_uri sr",
    "services.*.service_at_locations.*.location.addresses.*.attributes.*.taxonomy_term.term s services.*.service_at_locations.*.location.accessibility a",
    "services.*.service_at_locations.*.location.accessibility.* o services.*.service_at_locations.*.location.accessibility.*.id s!u",
    "services.*.service_at_locations.*.location.accessibility.*.location_id su services.*.service_at_locations.*.location.accessibility.*.description s",
    "services.*.service_at_locations.*.location.accessibility.*.details s services.*.service_at_locations.*.location.accessibility.*.url sr",
    "services.*.service_at_locations.*.location.accessibility.*.attributes a services.*.service_at_locations.*.location.accessibility.*.attributes.* o",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.id s!u",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.link_id su",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term_id su",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.link_type s",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term o",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.id s!u",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.name s!",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.description s!",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.parent_id su",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.taxonomy s",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.taxonomy_id su",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.term_uri sr",
    "services.*.service_at_locations.*.location.accessibility.*.attributes.*.taxonomy_term.term s",
    "services.*.service_at_locations.*.location.accessibility.*.accessibility s services.*.service_at_locations.*.location.attributes a",
    "services.*.service_at_locations.*.location.attributes.* o services.*.service_at_locations.*.location.attributes.*.id s!u",
    "services.*.service_at_locations.*.location.attributes.*.link_id su services.*.service_at_locations.*.location.attributes.*.taxonomy_term_id su",
    "services.*.service_at_locations.*.location.attributes.*.link_type s services.*.service_at_locations.*.location.attributes.*.taxonomy_term o",
    "services.*.service_at_locations.*.location.attributes.*.taxonomy_term.id s!u",
    "services.*.service_at_locations.*.location.attributes.*.taxonomy_term.name s!",
    "services.*.service_at_locations.*.location.attributes.*.taxonomy_term.description s!",
    "services.*.service_at_locations.*.location.attributes.*.taxonomy_term.parent_id su",
    "services.*.service_at_locations.*.location.attributes.*.taxonomy_term.taxonomy s",
    "services.*.service_at_locations.*.location.attributes.*.taxonomy_term.taxonomy_id su",
    "services.*.service_at_locations.*.location.attributes.*.taxonomy_term.term_uri sr",
    "services.*.service_at_locations.*.location.attributes.*.taxonomy_term.term s services.*.languages a services.*.languages.* o",
    "services.*.languages.*.id s!u services.*.languages.*.service_id su services.*.languages.*.phone_id su services.*.organization o",
    "services.*.organization.id s!u services.*.organization.name s! services.*.organization.description s! services.*.organization.email se",
    "services.*.organization.website sr services.*.organization.logo s services.*.organization.uri sr services.*.organization.parent_organization_id su",
    "services.*.organization.organization_identifiers a services.*.organization.organization_identifiers.* o",
    "services.*.organization.organization_identifiers.*.id s!u services.*.organization.organization_identifiers.*.organization_id su",
    "services.*.organization.organization_identifiers.*.identifier_scheme s services.*.organization.organization_identifiers.*.identifier_type s!",
    "services.*.organization.organization_identifiers.*.identifier s! services.*.organization.organization_identifiers.*.attributes a",
    "services.*.organization.organization_identifiers.*.attributes.* o services.*.organization.organization_identifiers.*.attributes.*.id s!u",
    "services.*.organization.organization_identifiers.*.attributes.*.link_id su",
    "services.*.organization.organization_identifiers.*.attributes.*.taxonomy_term_id su",
    "services.*.organization.organization_identifiers.*.attributes.*.link_type s",
    "services.*.organization.organization_identifiers.*.attributes.*.taxonomy_term o",
    "services.*.organization.organization_identifiers.*.attributes.*.taxonomy_term.id s!u",
    "services.*.organization.organization_identifiers.*.attributes.*.taxonomy_term.name s!",
    "services.*.organization.organization_identifiers.*.attributes.*.taxonomy_term.description s!",
    "services.*.organization.organization_identifiers.*.attributes.*.taxonomy_term.parent_id su",
    "services.*.organization.organization_identifiers.*.attributes.*.taxonomy_term.taxonomy s",
    "services.*.organization.organization_identifiers.*.attributes.*.taxonomy_term.taxonomy_id su",
    "services.*.organization.organization_identifiers.*.attributes.*.taxonomy_term.term_uri sr",
    "services.*.organization.organization_identifiers.*.attributes.*.taxonomy_term.term s services.*.organization.attributes a",
    "services.*.organization.attributes.* o services.*.organization.attributes.*.id s!u services.*.organization.attributes.*.link_id su",
    "services.*.organization.attributes.*.taxonomy_term_id su services.*.organization.attributes.*.link_type s",
    "services.*.organization.attributes.*.taxonomy_term o services.*.organization.attributes.*.taxonomy_term.id s!u",
    "services.*.organization.attributes.*.taxonomy_term.name s! services.*.organization.attributes.*.taxonomy_term.description s!",
    "services.*.organization.attributes.*.taxonomy_term.parent_id su services.*.organization.attributes.*.taxonomy_term.taxonomy s",
    "services.*.organization.attributes.*.taxonomy_term.taxonomy_id su services.*.organization.attributes.*.taxonomy_term.term_uri sr",
    "services.*.organization.attributes.*.taxonomy_term.term s services.*.funding a services.*.funding.* o services.*.funding.*.id s!u",
    "services.*.funding.*.service_id su services.*.funding.*.source s services.*.cost_options a services.*.cost_options.* o",
    "services.*.cost_options.*.id s!u services.*.cost_options.*.service_id su services.*.cost_options.*.valid_from s services.*.cost_options.*.valid_to s",
    "services.*.cost_options.*.option s services.*.cost_options.*.amount n services.*.cost_options.*.amount_description s services.*.contacts a",
    "services.*.contacts.* o services.*.contacts.*.id s!u services.*.contacts.*.service_id su services.*.contacts.*.name s services.*.contacts.*.title s",
    "services.*.contacts.*.attributes a services.*.contacts.*.attributes.* o services.*.contacts.*.attributes.*.id s!u",
    "services.*.contacts.*.attributes.*.link_id su services.*.contacts.*.attributes.*.taxonomy_term_id su services.*.contacts.*.attributes.*.link_type s",
    "services.*.contacts.*.attributes.*.taxonomy_term o services.*.contacts.*.attributes.*.taxonomy_term.id s!u",
    "services.*.contacts.*.attributes.*.taxonomy_term.name s! services.*.contacts.*.attributes.*.taxonomy_term.description s!",
    "services.*.contacts.*.attributes.*.taxonomy_term.parent_id su services.*.contacts.*.attributes.*.taxonomy_term.taxonomy s",
    "services.*.contacts.*.attributes.*.taxonomy_term.taxonomy_id su services.*.contacts.*.attributes.*.taxonomy_term.term_uri sr",
    "services.*.contacts.*.attributes.*.taxonomy_term.term s services.*.attributes a services.*.attributes.* o services.*.attributes.*.id s!u",
    "services.*.attributes.*.link_id su services.*.attributes.*.taxonomy_term_id su services.*.attributes.*.link_type s",
    "services.*.attributes.*.taxonomy_term o services.*.attributes.*.taxonomy_term.id s!u services.*.attributes.*.taxonomy_term.name s!",
    "services.*.attributes.*.taxonomy_term.description s! services.*.attributes.*.taxonomy_term.parent_id su",
    "services.*.attributes.*.taxonomy_term.taxonomy s services.*.attributes.*.taxonomy_term.taxonomy_id su",
    "services.*.attributes.*.taxonomy_term.term_uri sr services.*.attributes.*.taxonomy_term.term s",
  ],
  "organization-list-item": [
    "id s!u name s! description s! email se website sr logo s uri sr parent_organization_id su",
  ],
  "taxonomy": [
    "id s!u name s! description s! uri sr version s taxonomy_terms a taxonomy_terms.* o taxonomy_terms.*.id s!u taxonomy_terms.*.name s!",
    "taxonomy_terms.*.description s! taxonomy_terms.*.parent_id su taxonomy_terms.*.taxonomy s taxonomy_terms.*.taxonomy_id su taxonomy_terms.*.term_uri sr",
    "taxonomy_terms.*.term s",
  ],
  "taxonomy-term": [
    "id s!u name s! description s! parent_id su taxonomy s taxonomy_id su term_uri sr term s",
  ],
};

/** The values ORUK allows for its enumerated fields, by path. */
const enumerations: Readonly<Record<string, readonly string[]>> = {
  "location.location_type": ["physical", "postal", "virtual"],
  "schedules.*.freq": ["WEEKLY", "MONTHLY"],
  "service.status": ["active", "inactive", "defunct", "temporarily closed"],
  "service_at_locations.*.location.addresses.*.address_type": ["physical", "postal", "virtual"],
  "service_at_locations.*.location.location_type": ["physical", "postal", "virtual"],
  "services.*.schedules.*.freq": ["WEEKLY", "MONTHLY"],
  "services.*.service_at_locations.*.location.addresses.*.address_type": ["physical", "postal", "virtual"],
  "services.*.service_at_locations.*.location.location_type": ["physical", "postal", "virtual"],
  "services.*.status": ["active", "inactive", "defunct", "temporarily closed"],
  "status": ["active", "inactive", "defunct", "temporarily closed"],
};

/**
 * What the ORUK 3.0 schema asks of one field: its JSON type, whether it must be there, its
 * string format and the values it may take, if the schema names them.
 *
 * @example
 * ```ts
 * const rule: FieldRule = { type: "string", required: false, format: "uri" };
 * ```
 */
export interface FieldRule {
  /** The JSON type the schema gives the field. */
  type: "string" | "number" | "integer" | "boolean" | "object" | "array";
  /** Whether the schema lists the field as required. */
  required: boolean;
  /** The string format the schema gives, when it gives one. */
  format?: "uuid" | "uri" | "email" | "date-time" | "date";
  /** The only values the field may take, when the schema lists them. */
  enum?: readonly string[];
}

const TYPES = { s: "string", n: "number", i: "integer", b: "boolean", o: "object", a: "array" } as const;
const FORMATS = { u: "uuid", r: "uri", e: "email", t: "date-time", d: "date" } as const;

interface Compiled {
  rules: Map<string, FieldRule>;
  /** For each object's path, the fields it has a rule for. */
  children: Map<string, string[]>;
}

const compiledKinds = new Map<OrukObjectKind, Compiled>();

function compiled(kind: OrukObjectKind): Compiled {
  const known = compiledKinds.get(kind);
  if (known !== undefined) return known;
  const rules = new Map<string, FieldRule>();
  const children = new Map<string, string[]>();
  for (const line of encodedRules[kind]) {
    const tokens = line.split(" ");
    for (let index = 0; index + 1 < tokens.length; index += 2) {
      const path = tokens[index] as string;
      const spec = tokens[index + 1] as string;
      const rule: FieldRule = { type: TYPES[spec.charAt(0) as keyof typeof TYPES], required: spec.includes("!") };
      const format = FORMATS[spec.replace("!", "").charAt(1) as keyof typeof FORMATS] as FieldRule["format"] | undefined;
      if (format !== undefined) rule.format = format;
      const allowed = enumerations[path];
      if (allowed !== undefined) rule.enum = allowed;
      rules.set(path, rule);
      const dot = path.lastIndexOf(".");
      const parent = dot === -1 ? "" : path.slice(0, dot);
      const field = dot === -1 ? path : path.slice(dot + 1);
      if (field !== "*") children.set(parent, [...(children.get(parent) ?? []), field]);
    }
  }
  const result = { rules, children };
  compiledKinds.set(kind, result);
  return result;
}

/**
 * The rules of one ORUK object kind as plain data: path (list items `*`) to its JSON type, whether
 * it is required, its format and its allowed values.
 *
 * @example
 * ```ts
 * orukObjectRules("taxonomy-term").get("name"); // { type: "string", required: true }
 * ```
 */
export function orukObjectRules(kind: OrukObjectKind): ReadonlyMap<string, Readonly<FieldRule>> {
  return compiled(kind).rules;
}

/**
 * A fault found in an ORUK object: `error` for what the schema forbids, `warning` for a field
 * the schema does not define (the ORUK validator reports those as additional fields).
 *
 * @example
 * ```ts
 * const finding: ObjectFinding = { path: ["url"], code: "invalid_format", severity: "error", message: "Must be a web address (URI)." };
 * ```
 */
export interface ObjectFinding {
  path: PathSegment[];
  code: "required" | "invalid_type" | "invalid_format" | "invalid_value" | "additional_field";
  severity: "error" | "warning";
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const FORMAT_MESSAGES: Record<NonNullable<FieldRule["format"]>, string> = {
  uuid: "Must be a UUID.",
  uri: "Must be a web address (URI).",
  email: "Must be an email address.",
  "date-time": "Must be a date and time (ISO 8601 with a time zone).",
  date: "Must be a date (YYYY-MM-DD).",
};

function hasFormat(value: string, format: NonNullable<FieldRule["format"]>): boolean {
  switch (format) {
    case "uuid":
      return UUID.test(value);
    case "email":
      return EMAIL.test(value);
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
    case "date-time":
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
    default:
      try {
        return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value) && new URL(value).protocol !== "";
      } catch {
        return false;
      }
  }
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return Number.isInteger(value) ? "a whole number" : "a number";
  return typeof value === "string" ? "text" : typeof value === "boolean" ? "true or false" : typeof value;
}

const EXPECTED: Record<FieldRule["type"], string> = { string: "text", number: "a number", integer: "a whole number", boolean: "true or false", object: "an object", array: "a list" };

function fits(value: unknown, type: FieldRule["type"]): boolean {
  if (type === "array") return Array.isArray(value);
  if (type === "object") return isObject(value);
  if (type === "integer") return Number.isInteger(value);
  return typeof value === type;
}

/**
 * Check an object against the ORUK 3.0 schema for its kind: required fields, types, formats and
 * allowed values, and the fields the schema does not define. Messages name the rule, never the
 * value. Nothing throws, whatever the input.
 *
 * @example
 * ```ts
 * checkOrukObject("service-list-item", { id: "not-a-uuid", status: "open", colour: "blue" }).map((finding) => [finding.path.join("."), finding.code]);
 * // [["id", "invalid_format"], ["name", "required"], ["status", "invalid_value"], ["colour", "additional_field"]]
 * ```
 */
export function checkOrukObject(kind: OrukObjectKind, value: unknown): ObjectFinding[] {
  const { rules, children } = compiled(kind);
  const findings: ObjectFinding[] = [];
  const visit = (node: unknown, pattern: string, path: PathSegment[]): void => {
    if (!isObject(node)) return;
    const fields = children.get(pattern) ?? [];
    for (const field of fields) {
      const rulePath = pattern === "" ? field : `${pattern}.${field}`;
      const rule = rules.get(rulePath) as FieldRule;
      const inner = node[field];
      const at = [...path, field];
      if (inner === undefined || inner === null) {
        if (rule.required) findings.push({ path: at, code: "required", severity: "error", message: "This field is required." });
        continue;
      }
      if (!fits(inner, rule.type)) {
        findings.push({ path: at, code: "invalid_type", severity: "error", message: `Expected ${EXPECTED[rule.type]}, but found ${typeOf(inner)}.` });
        continue;
      }
      if (rule.enum !== undefined && !rule.enum.includes(inner as string)) findings.push({ path: at, code: "invalid_value", severity: "error", message: `Must be one of: ${rule.enum.join(", ")}.` });
      else if (rule.format !== undefined && typeof inner === "string" && !hasFormat(inner, rule.format)) findings.push({ path: at, code: "invalid_format", severity: "error", message: FORMAT_MESSAGES[rule.format] });
      if (rule.type === "object") visit(inner, rulePath, at);
      if (rule.type === "array") (inner as unknown[]).forEach((item, index) => visit(item, `${rulePath}.*`, [...at, index]));
    }
    for (const field of Object.keys(node)) {
      if (!fields.includes(field)) findings.push({ path: [...path, field], code: "additional_field", severity: "warning", message: "The ORUK 3.0 schema does not define this field." });
    }
  };
  if (!isObject(value)) return [{ path: [], code: "invalid_type", severity: "error", message: `Expected an object, but found ${typeOf(value)}.` }];
  visit(value, "", []);
  return findings;
}
