import * as z from "zod";
import { IsoDateTime } from "./dates";
import { Identifier } from "./ids";

/**
 * The roles and perspectives people bring. `person` is the person with lived experience:
 * the leading partner in their own health and wellbeing.
 *
 * @example
 * ```ts
 * Role.parse("peer-worker");
 * ```
 */
export const Role = z
  .enum(["person", "carer", "practitioner", "peer-worker", "volunteer", "manager"])
  .meta({
    id: "Role",
    title: "Role or perspective",
    description:
      "person: someone with lived experience; carer: an unpaid carer or family member; practitioner: health or social care staff; peer-worker; volunteer; manager: a manager or commissioner.",
  });

/**
 * A role or perspective (see {@link Role}).
 *
 * @example
 * ```ts
 * const who: Role = "carer";
 * ```
 */
export type Role = z.infer<typeof Role>;

/**
 * Plain-English labels for each {@link Role}, for reports and forms.
 *
 * @example
 * ```ts
 * roleLabels.person; // "Person with lived experience"
 * ```
 */
export const roleLabels: Readonly<Record<Role, string>> = {
  person: "Person with lived experience",
  carer: "Unpaid carer or family member",
  practitioner: "Practitioner",
  "peer-worker": "Peer worker",
  volunteer: "Volunteer",
  manager: "Manager or commissioner",
};

/**
 * Who recorded something, in which role, and when.
 *
 * @example
 * ```ts
 * const recorded: Provenance = {
 *   recordedBy: "practitioner-12",
 *   role: "practitioner",
 *   recordedAt: "2026-03-01T10:00:00+00:00",
 * };
 * Provenance.parse(recorded);
 * ```
 */
export const Provenance = z
  .strictObject({
    recordedBy: Identifier.meta({ description: "A pseudonymous identifier of whoever recorded it." }),
    role: Role,
    recordedAt: IsoDateTime,
    organisation: Identifier.optional().meta({ description: "The organisation they recorded it for." }),
  })
  .meta({ id: "Provenance", title: "Provenance", description: "Who recorded something, in which role, and when." });

/**
 * Who recorded something, in which role, and when (see {@link Provenance}).
 *
 * @example
 * ```ts
 * const recorded: Provenance = { recordedBy: "p-1", role: "person", recordedAt: "2026-03-01T10:00:00Z" };
 * ```
 */
export type Provenance = z.infer<typeof Provenance>;
