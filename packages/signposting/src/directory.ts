import * as z from "zod";
import { validOutcode } from "postcode";
import { Coding, Identifier, IsoDate, IsoDateTime, LanguageTag, fail, issue, ok, safeParseResult, type Result, type ValidationIssue } from "@selfmanage/core";
import { AccessibilityFeature, CommunityGroup, ServiceCategory } from "./codes";
import { ServiceArea } from "./areas";
import { compiledSchema } from "./compiled";
import { OpeningHours } from "./hours";
import { normalisePostcode } from "./postcode";

const Name = z.string().min(1).max(500);
const Text = z.string().min(1).max(10_000);
const Email = z.email().max(320);
const WebAddress = z.url().max(2000);
const Phone = z
  .string()
  .regex(/^\+?[0-9 ()-]{6,30}$/)
  .meta({ description: "A telephone number: digits, spaces, brackets and hyphens, optionally starting with +." });

/**
 * Whether a service is running: `active`, `inactive`, `defunct` or `temporarily-closed`
 * (Open Referral's four statuses).
 *
 * @example
 * ```ts
 * ServiceStatus.parse("temporarily-closed");
 * ```
 */
export const ServiceStatus = z
  .enum(["active", "inactive", "defunct", "temporarily-closed"])
  .meta({ id: "ServiceStatus", title: "Service status", description: "active, inactive, defunct or temporarily-closed." });
/**
 * A service status (see {@link ServiceStatus}).
 *
 * @example
 * ```ts
 * const status: ServiceStatus = "active";
 * ```
 */
export type ServiceStatus = z.infer<typeof ServiceStatus>;

/**
 * How people get into a service: refer themselves, be referred by a professional, book an
 * appointment, or drop in.
 *
 * @example
 * ```ts
 * AccessRoute.parse("self-referral");
 * ```
 */
export const AccessRoute = z
  .enum(["self-referral", "referral", "appointment", "drop-in"])
  .meta({ id: "AccessRoute", title: "Access route", description: "self-referral, referral (by a professional), appointment or drop-in." });
/**
 * An access route (see {@link AccessRoute}).
 *
 * @example
 * ```ts
 * const route: AccessRoute = "drop-in";
 * ```
 */
export type AccessRoute = z.infer<typeof AccessRoute>;

/**
 * How people take part: in person, by phone, online, or through a home visit.
 *
 * @example
 * ```ts
 * AttendingType.parse("online");
 * ```
 */
export const AttendingType = z
  .enum(["in-person", "phone", "online", "home-visit"])
  .meta({ id: "AttendingType", title: "Attending type", description: "in-person, phone, online or home-visit." });
/**
 * An attending type (see {@link AttendingType}).
 *
 * @example
 * ```ts
 * const attending: AttendingType = "home-visit";
 * ```
 */
export type AttendingType = z.infer<typeof AttendingType>;

/**
 * Who a service is for: an age range (inclusive, in whole years), community groups, and any other
 * criteria in words.
 *
 * @example
 * ```ts
 * Eligibility.parse({ minimumAge: 16, maximumAge: 25, communityGroups: ["young-people"] });
 * ```
 */
export const Eligibility = z
  .strictObject({
    minimumAge: z.number().int().min(0).max(130).optional().meta({ description: "Youngest age served, in years (inclusive)." }),
    maximumAge: z.number().int().min(0).max(130).optional().meta({ description: "Oldest age served, in years (inclusive)." }),
    communityGroups: z.array(CommunityGroup).max(20).optional(),
    description: Text.optional().meta({ description: "Other criteria, in words." }),
  })
  .refine((eligibility) => eligibility.minimumAge === undefined || eligibility.maximumAge === undefined || eligibility.maximumAge >= eligibility.minimumAge, {
    path: ["maximumAge"],
    message: "The maximum age must not be below the minimum age.",
    params: { code: "age_range_reversed" },
  })
  .meta({ id: "Eligibility", title: "Eligibility", description: "Who a service is for." });
/**
 * Eligibility criteria (see {@link Eligibility}).
 *
 * @example
 * ```ts
 * const eligibility: Eligibility = { minimumAge: 18 };
 * ```
 */
export type Eligibility = z.infer<typeof Eligibility>;

/**
 * One priced option of a service, e.g. "per one-hour session".
 *
 * @example
 * ```ts
 * CostOption.parse({ label: "Under 18s", amount: 0, currency: "GBP" });
 * ```
 */
export const CostOption = z
  .strictObject({
    label: Name.optional().meta({ description: "Who or what the price applies to." }),
    amount: z.number().min(0).max(1_000_000).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional().meta({ description: "ISO 4217 currency code, e.g. GBP." }),
    amountDescription: Name.optional().meta({ description: "What the amount buys, e.g. per session." }),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.optional(),
  })
  .meta({ id: "CostOption", title: "Cost option", description: "A priced option of a service." });
/**
 * A priced option (see {@link CostOption}).
 *
 * @example
 * ```ts
 * const option: CostOption = { amount: 5, currency: "GBP", amountDescription: "per class" };
 * ```
 */
export type CostOption = z.infer<typeof CostOption>;

/**
 * What a service costs the person: free, discounted (e.g. concessions) or paid, with priced options.
 *
 * @example
 * ```ts
 * Cost.parse({ kind: "free" });
 * ```
 */
export const Cost = z
  .strictObject({
    kind: z.enum(["free", "discounted", "paid"]).optional().meta({ description: "free, discounted or paid; absent when a source did not say." }),
    options: z.array(CostOption).max(50).optional(),
    description: Text.optional().meta({ description: "Charges in words." }),
  })
  .meta({ id: "Cost", title: "Cost", description: "What a service costs the person." });
/**
 * What a service costs (see {@link Cost}).
 *
 * @example
 * ```ts
 * const cost: Cost = { kind: "paid", options: [{ amount: 35, currency: "GBP" }] };
 * ```
 */
export type Cost = z.infer<typeof Cost>;

/**
 * A way to get in touch with a service: a named role or person at work, a phone number, an email address.
 *
 * @example
 * ```ts
 * Contact.parse({ title: "Reception", phone: "0131 496 0000" });
 * ```
 */
export const Contact = z
  .strictObject({
    name: Name.optional().meta({ description: "The contact's name (a member of staff, not a person using services)." }),
    title: Name.optional().meta({ description: "Job title or role, e.g. Reception." }),
    phone: Phone.optional(),
    email: Email.optional(),
  })
  .meta({ id: "Contact", title: "Contact", description: "A way to get in touch with a service." });
/**
 * A contact (see {@link Contact}).
 *
 * @example
 * ```ts
 * const contact: Contact = { email: "hello@example.org" };
 * ```
 */
export type Contact = z.infer<typeof Contact>;

/**
 * An organisation that provides services.
 *
 * @example
 * ```ts
 * Organisation.parse({ id: "org-1", name: "Fictional Peer Network" });
 * ```
 */
export const Organisation = z
  .strictObject({
    id: Identifier,
    name: Name,
    description: Text.optional(),
    email: Email.optional(),
    website: WebAddress.optional(),
    logo: WebAddress.optional(),
    parentOrganisationId: Identifier.optional(),
    identifiers: z
      .array(
        z.strictObject({
          scheme: z.string().min(1).max(100).optional().meta({ description: "e.g. GB-COH (Companies House) or GB-SC (Scottish charity)." }),
          type: z.string().min(1).max(200).meta({ description: "What kind of identifier, e.g. Company number." }),
          value: z.string().min(1).max(200),
        }),
      )
      .max(20)
      .optional()
      .meta({ description: "Official identifiers such as a charity or company number." }),
  })
  .meta({ id: "Organisation", title: "Organisation", description: "An organisation that provides services." });
/**
 * An organisation (see {@link Organisation}).
 *
 * @example
 * ```ts
 * const organisation: Organisation = { id: "org-1", name: "Fictional Peer Network" };
 * ```
 */
export type Organisation = z.infer<typeof Organisation>;

const POSTCODE_MEMORY = 1_000;
const postcodeVerdicts = new Map<string, string | undefined>();
/**
 * The normalised form of an address's postcode, or undefined when it is not one. Directories repeat
 * postcodes (one building, many services) and each is checked twice, so verdicts are remembered,
 * bounded. The cache holds postcodes only, never a whole address.
 */
function normalisedAddressPostcode(postcode: string): string | undefined {
  if (postcodeVerdicts.has(postcode)) return postcodeVerdicts.get(postcode);
  const verdict = normalisePostcode(postcode);
  if (postcodeVerdicts.size >= POSTCODE_MEMORY) postcodeVerdicts.clear();
  postcodeVerdicts.set(postcode, verdict);
  return verdict;
}

/**
 * A postal address. Postcodes of GB addresses must be valid and normalised (`EH1 1YZ`); use
 * `parsePostcode` to normalise one first.
 *
 * @example
 * ```ts
 * Address.parse({ line1: "1 High Street", city: "Edinburgh", postcode: "EH1 1YZ", country: "GB" });
 * ```
 */
export const Address = z
  .strictObject({
    line1: Name,
    line2: Name.optional(),
    city: Name,
    region: Name.optional(),
    stateProvince: Name.optional(),
    postcode: z.string().min(1).max(20),
    country: z.string().regex(/^[A-Z]{2}$/).meta({ description: "ISO 3166-1 alpha-2 country code, e.g. GB." }),
    attention: Name.optional().meta({ description: "A department or role to address post to." }),
  })
  // Two predicates rather than one superRefine: a predicate allocates nothing per record. The second
  // only speaks when the first is satisfied, so a postcode gets at most one of the two issues.
  .refine((address) => address.country !== "GB" || normalisedAddressPostcode(address.postcode) !== undefined, {
    path: ["postcode"],
    message: "This is not a valid UK postcode.",
    params: { code: "invalid_postcode" },
  })
  .refine((address) => address.country !== "GB" || (normalisedAddressPostcode(address.postcode) ?? address.postcode) === address.postcode, {
    path: ["postcode"],
    message: "Write the postcode in capitals with one space before the last three characters.",
    params: { code: "postcode_not_normalised" },
  })
  .meta({ id: "Address", title: "Address", description: "A postal address." });
/**
 * A postal address (see {@link Address}).
 *
 * @example
 * ```ts
 * const address: Address = { line1: "1 High Street", city: "Edinburgh", postcode: "EH1 1YZ", country: "GB" };
 * ```
 */
export type Address = z.infer<typeof Address>;

/**
 * The only address shown for a confidential place such as a refuge: a town and/or postcode
 * district, never a street or full postcode.
 *
 * @example
 * ```ts
 * MaskedAddress.parse({ locality: "Stirling", postcodeDistrict: "FK8" });
 * ```
 */
export const MaskedAddress = z
  .strictObject({
    locality: Name.optional().meta({ description: "Town or area." }),
    postcodeDistrict: z
      .string()
      .refine((value) => validOutcode(value) && value === value.toUpperCase(), {
        message: "Must be a postcode district (the part before the space), in capitals, e.g. FK8.",
        params: { code: "invalid_postcode_district" },
      })
      .optional(),
    region: Name.optional(),
  })
  .meta({ id: "MaskedAddress", title: "Masked address", description: "A coarse address for a confidential place: town and/or postcode district only." });
/**
 * A masked address (see {@link MaskedAddress}).
 *
 * @example
 * ```ts
 * const masked: MaskedAddress = { locality: "Perth" };
 * ```
 */
export type MaskedAddress = z.infer<typeof MaskedAddress>;

/**
 * Accessibility information about a place: coded features plus the words the source used.
 *
 * @example
 * ```ts
 * AccessibilityNote.parse({ features: ["hearing-loop"], description: "Loop in the main hall." });
 * ```
 */
export const AccessibilityNote = z
  .strictObject({
    features: z.array(AccessibilityFeature).max(20),
    description: Text.optional(),
    details: Text.optional(),
    url: WebAddress.optional(),
  })
  .meta({ id: "AccessibilityNote", title: "Accessibility note", description: "Accessibility features of a place, coded and in words." });
/**
 * Accessibility information (see {@link AccessibilityNote}).
 *
 * @example
 * ```ts
 * const note: AccessibilityNote = { features: ["step-free-access"] };
 * ```
 */
export type AccessibilityNote = z.infer<typeof AccessibilityNote>;

const COORDINATES_TOGETHER = "Latitude and longitude go together: give both or neither.";

/**
 * A place where a service is delivered: physical, postal or virtual (online). A confidential
 * place (e.g. a refuge) has no `address`, only a `maskedAddress`; its coordinates, if held for
 * matching, are never shown in search results and never exported.
 *
 * @example
 * ```ts
 * Location.parse({
 *   id: "loc-1",
 *   kind: "physical",
 *   address: { line1: "1 High Street", city: "Edinburgh", postcode: "EH1 1YZ", country: "GB" },
 *   latitude: 55.95,
 *   longitude: -3.19,
 * });
 * ```
 */
export const Location = z
  .strictObject({
    id: Identifier,
    kind: z.enum(["physical", "postal", "virtual"]),
    name: Name.optional(),
    description: Text.optional(),
    address: Address.optional(),
    latitude: z.number().min(-90).max(90).optional().meta({ description: "WGS84 latitude in decimal degrees." }),
    longitude: z.number().min(-180).max(180).optional().meta({ description: "WGS84 longitude in decimal degrees." }),
    url: WebAddress.optional().meta({ description: "For a virtual location: where to join." }),
    confidential: z.boolean().optional().meta({ description: "True for places whose position must not be revealed." }),
    maskedAddress: MaskedAddress.optional(),
    accessibility: z.array(AccessibilityNote).max(20).optional(),
    externalIdentifier: z
      .strictObject({ type: z.string().min(1).max(100).meta({ description: "e.g. UPRN." }), value: z.string().min(1).max(200) })
      .optional(),
  })
  .refine((location) => location.latitude !== undefined || location.longitude === undefined, {
    path: ["latitude"],
    message: COORDINATES_TOGETHER,
    params: { code: "incomplete_coordinates" },
  })
  .refine((location) => location.longitude !== undefined || location.latitude === undefined, {
    path: ["longitude"],
    message: COORDINATES_TOGETHER,
    params: { code: "incomplete_coordinates" },
  })
  .refine((location) => location.confidential !== true || location.address === undefined, {
    path: ["address"],
    message: "A confidential place must not hold a full address. Give a masked address (town or postcode district) instead.",
    params: { code: "confidential_address" },
  })
  .refine((location) => location.confidential !== true || location.maskedAddress !== undefined, {
    path: ["maskedAddress"],
    message: "A confidential place needs a masked address.",
    params: { code: "required" },
  })
  .meta({ id: "Location", title: "Location", description: "A place where a service is delivered." });
/**
 * A location (see {@link Location}).
 *
 * @example
 * ```ts
 * const online: Location = { id: "loc-online", kind: "virtual", url: "https://example.org/join" };
 * ```
 */
export type Location = z.infer<typeof Location>;

/**
 * A service: something an organisation offers that a person can be signposted to.
 *
 * @remarks
 * Freshness is carried by `lastReviewed` (when the provider last checked the record) and
 * `assuredDate` (when a directory team last assured it); search prefers fresher records among
 * equals and lists `deprioritised` services last.
 *
 * @example
 * ```ts
 * Service.parse({
 *   id: "svc-1",
 *   organisationId: "org-1",
 *   name: "Thursday peer support group",
 *   status: "active",
 *   categories: ["peer-support-group"],
 *   attending: ["in-person"],
 *   accessRoutes: ["self-referral", "drop-in"],
 *   cost: { kind: "free" },
 * });
 * ```
 */
export const Service = z
  .strictObject({
    id: Identifier,
    organisationId: Identifier.optional().meta({ description: "The organisation that provides the service, when known." }),
    name: Name,
    description: Text.optional(),
    url: WebAddress.optional(),
    email: Email.optional(),
    status: ServiceStatus,
    categories: z.array(ServiceCategory).max(30),
    classifications: z.array(Coding).max(100).optional().meta({ description: "Terms from other taxonomies, kept from imported data." }),
    eligibility: Eligibility.optional(),
    cost: Cost.optional(),
    accessRoutes: z.array(AccessRoute).max(4).optional(),
    attending: z.array(AttendingType).max(4).optional(),
    languages: z.array(LanguageTag).max(50).optional().meta({ description: "Languages the service is delivered in (BCP 47), without interpretation." }),
    accessibility: z.array(AccessibilityFeature).max(20).optional().meta({ description: "Features of the service itself, wherever it is delivered." }),
    locationIds: z.array(Identifier).max(500).optional(),
    areas: z.array(ServiceArea).max(200).optional(),
    hours: OpeningHours.optional(),
    contacts: z.array(Contact).max(50).optional(),
    lastReviewed: IsoDate.optional().meta({ description: "When the provider last checked the record." }),
    assuredDate: IsoDate.optional().meta({ description: "When a directory team last assured the record." }),
    assurerEmail: Email.optional(),
    lastModified: IsoDateTime.optional(),
    deprioritised: z.boolean().optional().meta({ description: "True to list the service after others that match equally." }),
    alert: Text.optional().meta({ description: "A short, temporary notice, e.g. a change of venue." }),
    accreditations: Text.optional(),
    fundingSources: z.array(Text).max(20).optional(),
  })
  .superRefine((service, context) => {
    const areas = service.areas;
    if (areas === undefined) return;
    for (let index = 0; index < areas.length; index += 1) {
      const area = areas[index] as ServiceArea;
      if (area.kind === "radius" && area.locationId !== undefined && !(service.locationIds ?? []).includes(area.locationId)) {
        context.addIssue({
          code: "custom",
          path: ["areas", index, "locationId"],
          message: "The centre of a radius must be one of the service's own locations.",
          params: { code: "unknown_location" },
        });
      }
    }
  })
  .meta({ id: "Service", title: "Service", description: "Support an organisation offers, that a person can be signposted to." });
/**
 * A service (see {@link Service}).
 *
 * @example
 * ```ts
 * const service: Service = { id: "svc-1", organisationId: "org-1", name: "Walking group", status: "active", categories: ["physical-activity"] };
 * ```
 */
export type Service = z.infer<typeof Service>;

/**
 * A directory: organisations, locations and services, kept apart and linked by id
 * (`service.organisationId`, `service.locationIds`), the way Open Referral's tables are.
 * A location can be shared by several services.
 *
 * @example
 * ```ts
 * Directory.parse({
 *   organisations: [{ id: "org-1", name: "Fictional Peer Network" }],
 *   locations: [],
 *   services: [{ id: "svc-1", organisationId: "org-1", name: "Peer group", status: "active", categories: ["peer-support-group"] }],
 * });
 * ```
 */
export const Directory = z
  .strictObject({
    organisations: z.array(Organisation),
    locations: z.array(Location),
    services: z.array(Service),
  })
  .meta({ id: "Directory", title: "Directory", description: "Organisations, locations and services, linked by id." });
/**
 * A directory (see {@link Directory}).
 *
 * @example
 * ```ts
 * const empty: Directory = { organisations: [], locations: [], services: [] };
 * ```
 */
export type Directory = z.infer<typeof Directory>;

const compiledService = compiledSchema(Service);
const compiledOrganisation = compiledSchema(Organisation);
const compiledLocation = compiledSchema(Location);
const compiledDirectory = compiledSchema(Directory);

/**
 * Validate a service record.
 *
 * @remarks
 * The validate functions run a copy of the schema compiled by zod (`z.compile`): the result is the
 * same as `safeParseResult(Service, input)`, issues included, but valid records are checked several
 * times faster, which matters when a whole directory is loaded.
 *
 * @example
 * ```ts
 * validateService({ id: "svc-1", organisationId: "org-1", name: "Group", status: "open", categories: [] }).ok; // false
 * ```
 */
export function validateService(input: unknown): Result<Service> {
  return safeParseResult(compiledService(), input);
}

/**
 * Validate an organisation record.
 *
 * @example
 * ```ts
 * validateOrganisation({ id: "org-1", name: "Fictional Peer Network" }).ok; // true
 * ```
 */
export function validateOrganisation(input: unknown): Result<Organisation> {
  return safeParseResult(compiledOrganisation(), input);
}

/**
 * Validate a location record, including its postcode and the rules for confidential places.
 *
 * @example
 * ```ts
 * validateLocation({ id: "refuge", kind: "physical", confidential: true, maskedAddress: { locality: "Perth" } }).ok; // true
 * ```
 */
export function validateLocation(input: unknown): Result<Location> {
  return safeParseResult(compiledLocation(), input);
}

function duplicateIds(records: readonly { id: string }[], collection: string): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  records.forEach((record, index) => {
    if (seen.has(record.id)) issues.push(issue([collection, index, "id"], "duplicate_id", "Another record in this list already has this id."));
    seen.add(record.id);
  });
  return issues;
}

/**
 * Validate a whole directory: every record, unique ids, and cross-references (each service's
 * organisation and locations must exist). A parent organisation may live outside the directory.
 *
 * @example
 * ```ts
 * const result = validateDirectory({
 *   organisations: [],
 *   locations: [],
 *   services: [{ id: "svc-1", organisationId: "missing", name: "Group", status: "active", categories: [] }],
 * });
 * if (!result.ok) result.issues[0]?.path; // ["services", 0, "organisationId"]
 * ```
 */
export function validateDirectory(input: unknown): Result<Directory> {
  const parsed = safeParseResult(compiledDirectory(), input);
  if (!parsed.ok) return parsed;
  const directory = parsed.value;
  const issues = [
    ...duplicateIds(directory.organisations, "organisations"),
    ...duplicateIds(directory.locations, "locations"),
    ...duplicateIds(directory.services, "services"),
  ];
  const organisations = new Set(directory.organisations.map((organisation) => organisation.id));
  const locations = new Set(directory.locations.map((location) => location.id));
  directory.services.forEach((service, index) => {
    if (service.organisationId !== undefined && !organisations.has(service.organisationId)) {
      issues.push(issue(["services", index, "organisationId"], "unknown_organisation", "No organisation in the directory has this id."));
    }
    service.locationIds?.forEach((locationId, position) => {
      if (!locations.has(locationId)) issues.push(issue(["services", index, "locationIds", position], "unknown_location", "No location in the directory has this id."));
    });
  });
  return issues.length > 0 ? fail(issues) : ok(directory);
}
