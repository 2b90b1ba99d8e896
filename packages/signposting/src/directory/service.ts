import * as z from "zod";
import { Coding, Identifier, IsoDate, IsoDateTime, LanguageTag } from "@selfmanage/core";
import { AccessibilityFeature, ServiceCategory } from "../codes";
import { ServiceArea } from "../areas";
import { Extensions } from "../extensions";
import { OpeningHours } from "../hours";
import { Name, Text, Email, WebAddress } from "./common";
import { AccessRoute, AttendingType, Cost, Eligibility, ServiceStatus } from "./service-terms";
import { Contact, Organisation } from "./organisation";
import { Location } from "./location";

/** The paths of radius areas centred on a location the service does not list (none for most services). */
function unknownRadiusCentres(service: { areas?: readonly ServiceArea[] | undefined; locationIds?: readonly string[] | undefined }): (string | number)[][] {
  const areas = service.areas;
  if (areas === undefined) return [];
  const paths: (string | number)[][] = [];
  for (let index = 0; index < areas.length; index += 1) {
    const area = areas[index] as ServiceArea;
    if (area.kind === "radius" && area.locationId !== undefined && !(service.locationIds ?? []).includes(area.locationId)) paths.push(["areas", index, "locationId"]);
  }
  return paths;
}

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
    classifications: z.array(Coding).optional().meta({ description: "Terms from other taxonomies, kept from imported data." }),
    eligibility: Eligibility.optional(),
    cost: Cost.optional(),
    accessRoutes: z.array(AccessRoute).max(4).optional(),
    attending: z.array(AttendingType).max(4).optional(),
    languages: z.array(LanguageTag).optional().meta({ description: "Languages the service is delivered in (BCP 47), without interpretation." }),
    accessibility: z.array(AccessibilityFeature).max(20).optional().meta({ description: "Features of the service itself, wherever it is delivered." }),
    locationIds: z.array(Identifier).optional(),
    areas: z.array(ServiceArea).optional(),
    hours: OpeningHours.optional(),
    contacts: z.array(Contact).optional(),
    lastReviewed: IsoDate.optional().meta({ description: "When the provider last checked the record." }),
    assuredDate: IsoDate.optional().meta({ description: "When a directory team last assured the record." }),
    assurerEmail: Email.optional(),
    lastModified: IsoDateTime.optional(),
    deprioritised: z.boolean().optional().meta({ description: "True to list the service after others that match equally." }),
    alert: Text.optional().meta({ description: "A short, temporary notice, e.g. a change of venue." }),
    accreditations: Text.optional(),
    fundingSources: z.array(Text).optional(),
    extensions: Extensions.optional(),
  })
  // A predicate rather than a superRefine: zod's compiled parser runs a predicate inline, but a
  // superRefine or check through a helper that cost about 3 µs a service. `params.paths` tells
  // safeParseResult which radius areas to name, so each gets its own issue.
  .refine((service) => unknownRadiusCentres(service).length === 0, {
    message: "The centre of a radius must be one of the service's own locations.",
    params: { code: "unknown_location", paths: unknownRadiusCentres },
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
