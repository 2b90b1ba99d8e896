import type { Role } from "@selfmanage/core";

/**
 * Which side of the partnership each perspective stands on unless the framework or the
 * assessment says otherwise; published (checked against its schema) as `defaultPartnershipSides`.
 *
 * People with lived experience and unpaid carers or family members use services; practitioners
 * and managers or commissioners provide and commission them. Peer workers and volunteers can
 * stand on either side. By default they stand with the people who provide the service, because
 * they deliver it (paid or unpaid): counted with the people who use services, a service's own
 * workforce would fill part of the half of the weight that belongs to those people.
 *
 * @example
 * ```ts
 * partnershipSides["peer-worker"]; // "providing-services"
 * ```
 */
export const partnershipSides: Readonly<Record<Role, "using-services" | "providing-services">> = {
  person: "using-services",
  carer: "using-services",
  practitioner: "providing-services",
  "peer-worker": "providing-services",
  volunteer: "providing-services",
  manager: "providing-services",
};
