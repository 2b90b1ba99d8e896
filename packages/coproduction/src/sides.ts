import * as z from "zod";
import { Role } from "@selfmanage/core";
import { partnershipSides } from "./data/partnership-sides";

/**
 * The two sides of a co-production partnership: `using-services` (people who use services and
 * their families and unpaid carers) and `providing-services` (people who provide and commission
 * them). Parity is a property of the two sides: by default each carries half of every combined score.
 *
 * @example
 * ```ts
 * PartnershipSide.parse("using-services");
 * ```
 */
export const PartnershipSide = z.enum(["using-services", "providing-services"]).meta({
  id: "PartnershipSide",
  title: "Side of the partnership",
  description: "using-services: people who use services, their families and unpaid carers; providing-services: people who provide and commission services.",
});

/**
 * A side of the partnership (see {@link PartnershipSide}).
 *
 * @example
 * ```ts
 * const side: PartnershipSide = "providing-services";
 * ```
 */
export type PartnershipSide = z.infer<typeof PartnershipSide>;

/**
 * The two sides in the order results list them: people who use services first.
 *
 * @example
 * ```ts
 * partnershipSideOrder[0]; // "using-services"
 * ```
 */
export const partnershipSideOrder: readonly PartnershipSide[] = PartnershipSide.options;

/**
 * Plain-English names of the two sides, for reports and forms.
 *
 * @example
 * ```ts
 * partnershipSideLabels["using-services"]; // "People who use services"
 * ```
 */
export const partnershipSideLabels: Readonly<Record<PartnershipSide, string>> = {
  "using-services": "People who use services",
  "providing-services": "People who provide and commission services",
};

/**
 * Where a framework or an assessment places the perspectives that can stand on either side:
 * peer workers and volunteers. People with lived experience and carers always use services, and
 * practitioners and managers always provide or commission them, so they cannot be moved.
 *
 * @example
 * ```ts
 * // A user-led group whose volunteers are its own members.
 * SideAssignment.parse({ volunteer: "using-services" });
 * ```
 */
export const SideAssignment = z
  .strictObject({
    "peer-worker": PartnershipSide.optional().meta({ description: "The side peer workers stand on. Default providing-services." }),
    volunteer: PartnershipSide.optional().meta({ description: "The side volunteers stand on. Default providing-services." }),
  })
  .meta({
    id: "SideAssignment",
    title: "Side assignment",
    description: "Which side of the partnership peer workers and volunteers stand on; the other perspectives have a fixed side.",
  });

/**
 * A placement of peer workers and volunteers (see {@link SideAssignment}).
 *
 * @example
 * ```ts
 * const assignment: SideAssignment = { "peer-worker": "using-services" };
 * ```
 */
export type SideAssignment = z.infer<typeof SideAssignment>;

/**
 * The side of every perspective when neither the framework nor the assessment moves anyone:
 * people with lived experience and carers use services; practitioners, managers, peer workers
 * and volunteers provide them.
 *
 * @remarks
 * Peer workers and volunteers stand with the people who provide the service by default because
 * they deliver it, paid or unpaid. Counted with the people who use services, a service's own
 * workforce would take part of the half of the weight that belongs to those people. Where peer
 * workers or volunteers are themselves the people the service is for (a user-led group whose
 * members volunteer, say), move them with {@link SideAssignment} in the framework or the assessment.
 *
 * @example
 * ```ts
 * defaultPartnershipSides.volunteer; // "providing-services"
 * ```
 */
export const defaultPartnershipSides: Readonly<Record<Role, PartnershipSide>> = partnershipSides;

/**
 * The side of every perspective after applying side assignments in order (later ones win):
 * pass the framework's assignment, then the assessment's.
 *
 * @example
 * ```ts
 * const sides = assignPartnershipSides({ volunteer: "using-services" }, { "peer-worker": "using-services" });
 * sides.volunteer; // "using-services"
 * sides.practitioner; // "providing-services"
 * ```
 */
export function assignPartnershipSides(...assignments: readonly (SideAssignment | undefined)[]): Record<Role, PartnershipSide> {
  const sides: Record<Role, PartnershipSide> = { ...defaultPartnershipSides };
  for (const assignment of assignments) {
    if (assignment?.["peer-worker"] !== undefined) sides["peer-worker"] = assignment["peer-worker"];
    if (assignment?.volunteer !== undefined) sides.volunteer = assignment.volunteer;
  }
  return sides;
}

/**
 * The side of every perspective: the shape of {@link defaultPartnershipSides} and of the
 * `sideOf` table in a score.
 *
 * @example
 * ```ts
 * PartnershipSides.parse(defaultPartnershipSides);
 * ```
 */
export const PartnershipSides = z.record(Role, PartnershipSide).meta({ description: "The side of the partnership each perspective stands on." });
