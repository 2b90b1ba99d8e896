import * as z from "zod";
import { Identifier, IsoDate, Provenance, Role, safeParseResult, type Result } from "@selfmanage/core";

/**
 * The sector a participant works or studies in.
 *
 * @example
 * ```ts
 * Sector.parse("social-care");
 * ```
 */
export const Sector = z
  .enum(["health", "social-care", "third-sector", "independent-sector", "housing", "education", "local-authority", "other"])
  .meta({
    id: "Sector",
    title: "Sector",
    description: "health (NHS and primary care), social-care, third-sector (charities and community groups), independent-sector, housing, education, local-authority (other council services), other.",
  });

/**
 * A sector (see {@link Sector}).
 *
 * @example
 * ```ts
 * const sector: Sector = "third-sector";
 * ```
 */
export type Sector = z.infer<typeof Sector>;

/**
 * Plain-English labels for each {@link Sector}, for reports and forms.
 *
 * @example
 * ```ts
 * sectorLabels["third-sector"]; // "Third sector (charities and community groups)"
 * ```
 */
export const sectorLabels: Readonly<Record<Sector, string>> = {
  health: "Health (NHS and primary care)",
  "social-care": "Social care",
  "third-sector": "Third sector (charities and community groups)",
  "independent-sector": "Independent sector",
  housing: "Housing",
  education: "Education",
  "local-authority": "Other council services",
  other: "Other",
};

/**
 * How a session was delivered.
 *
 * @example
 * ```ts
 * SessionFormat.parse("online");
 * ```
 */
export const SessionFormat = z
  .enum(["in-person", "online", "hybrid"])
  .meta({ id: "SessionFormat", title: "Session format", description: "in-person, online, or hybrid (some in the room, some online)." });

/**
 * How a session was delivered (see {@link SessionFormat}).
 *
 * @example
 * ```ts
 * const format: SessionFormat = "in-person";
 * ```
 */
export type SessionFormat = z.infer<typeof SessionFormat>;

/**
 * Plain-English labels for each {@link SessionFormat}.
 *
 * @example
 * ```ts
 * sessionFormatLabels.hybrid; // "Hybrid (in the room and online)"
 * ```
 */
export const sessionFormatLabels: Readonly<Record<SessionFormat, string>> = {
  "in-person": "In person",
  online: "Online",
  hybrid: "Hybrid (in the room and online)",
};

/**
 * How lived experience took part in delivering a session.
 *
 * @example
 * ```ts
 * LivedExperienceContribution.parse("co-facilitated");
 * ```
 */
export const LivedExperienceContribution = z
  .enum(["co-designed", "co-facilitated", "shared-own-story", "recorded-story"])
  .meta({
    id: "LivedExperienceContribution",
    title: "Lived experience contribution",
    description: "co-designed: helped design the session; co-facilitated: helped run it; shared-own-story: told their own story in the session; recorded-story: a story told in a recording or in writing.",
  });

/**
 * How lived experience took part (see {@link LivedExperienceContribution}).
 *
 * @example
 * ```ts
 * const contribution: LivedExperienceContribution = "shared-own-story";
 * ```
 */
export type LivedExperienceContribution = z.infer<typeof LivedExperienceContribution>;

const SectorCount = z.strictObject({ sector: Sector, count: z.number().int().min(0).max(10_000) });
const RoleCount = z.strictObject({ role: Role, count: z.number().int().min(0).max(10_000) });

/**
 * Who took part in a session, as counts only: how many, from which sectors and in which roles,
 * and how many were studying rather than working. Nobody is named.
 *
 * @remarks
 * Sector and role counts may leave people out (not recorded), but may not add up to more than
 * `total`; each sector and each role is listed at most once.
 *
 * @example
 * ```ts
 * SessionParticipants.parse({ total: 12, bySector: [{ sector: "health", count: 7 }, { sector: "social-care", count: 5 }], studying: 2 });
 * ```
 */
export const SessionParticipants = z
  .strictObject({
    total: z.number().int().min(0).max(10_000).meta({ description: "How many people took part." }),
    bySector: z.array(SectorCount).max(Sector.options.length).optional().meta({ description: "How many came from each sector; people whose sector was not recorded are left out." }),
    byRole: z.array(RoleCount).max(Role.options.length).optional().meta({ description: "How many took part in each role; people whose role was not recorded are left out." }),
    studying: z.number().int().min(0).max(10_000).optional().meta({ description: "How many were studying (students and trainees) rather than working." }),
  })
  .superRefine((participants, context) => {
    for (const [field, key] of [
      ["bySector", "sector"],
      ["byRole", "role"],
    ] as const) {
      const entries: readonly { count: number; sector?: string; role?: string }[] = participants[field] ?? [];
      const seen = new Set<string>();
      let sum = 0;
      entries.forEach((entry, index) => {
        const value = entry[key] as string;
        if (seen.has(value)) context.addIssue({ code: "custom", path: [field, index, key], message: `Each ${key} may be listed once.`, params: { code: `duplicate_${key}` } });
        seen.add(value);
        sum += entry.count;
      });
      if (sum > participants.total) {
        context.addIssue({ code: "custom", path: [field], message: `The ${key} counts add up to more than the number of participants.`, params: { code: "counts_exceed_total" } });
      }
    }
    if (participants.studying !== undefined && participants.studying > participants.total) {
      context.addIssue({ code: "custom", path: ["studying"], message: "More people are counted as studying than took part.", params: { code: "counts_exceed_total" } });
    }
  })
  .meta({ id: "SessionParticipants", title: "Session participants", description: "How many took part, by sector and role. Counts only: nobody is named." });

/**
 * Who took part in a session (see {@link SessionParticipants}).
 *
 * @example
 * ```ts
 * const participants: SessionParticipants = { total: 9, byRole: [{ role: "practitioner", count: 8 }] };
 * ```
 */
export type SessionParticipants = z.infer<typeof SessionParticipants>;

/**
 * One reflective practice session: when, who ran it, how it was delivered, who took part (as
 * counts) and whether lived experience was part of delivering it.
 *
 * @example
 * ```ts
 * Session.parse({
 *   id: "session-2026-03",
 *   date: "2026-03-12",
 *   facilitatorOrganisation: "Fictional Self Management Network",
 *   format: "online",
 *   participants: { total: 14, bySector: [{ sector: "health", count: 9 }, { sector: "third-sector", count: 5 }] },
 *   livedExperience: { inDelivery: true, contributions: ["co-facilitated", "shared-own-story"] },
 * });
 * ```
 */
export const Session = z
  .strictObject({
    id: Identifier.meta({ description: "Stable code for the session; reflections refer to it." }),
    date: IsoDate.meta({ description: "The day the session took place." }),
    facilitatorOrganisation: z
      .string()
      .min(1)
      .max(200)
      .meta({ description: "The organisation that ran the session. An organisation's name, never a person's." }),
    format: SessionFormat,
    participants: SessionParticipants,
    livedExperience: z
      .strictObject({
        inDelivery: z.boolean().meta({ description: "True when people with lived experience were part of delivering the session." }),
        contributions: z.array(LivedExperienceContribution).max(LivedExperienceContribution.options.length).optional().meta({ description: "How they took part." }),
      })
      .superRefine((value, context) => {
        if (value.inDelivery === false && (value.contributions?.length ?? 0) > 0) {
          context.addIssue({ code: "custom", path: ["contributions"], message: "Contributions are listed, but lived experience is marked as not part of delivery.", params: { code: "contradiction" } });
        }
        if (new Set(value.contributions ?? []).size !== (value.contributions ?? []).length) {
          context.addIssue({ code: "custom", path: ["contributions"], message: "Each contribution may be listed once.", params: { code: "duplicate_contribution" } });
        }
      })
      .meta({ description: "Whether, and how, lived experience was part of delivering the session." }),
    provenance: Provenance.optional(),
  })
  .meta({ id: "Session", title: "Reflective practice session", description: "One session: date, organiser, format, participant counts and lived experience in delivery." });

/**
 * One reflective practice session (see {@link Session}).
 *
 * @example
 * ```ts
 * const session: Session = { id: "s-1", date: "2026-03-12", facilitatorOrganisation: "Fictional Network", format: "in-person", participants: { total: 10 }, livedExperience: { inDelivery: true } };
 * ```
 */
export type Session = z.infer<typeof Session>;

/**
 * Check that unknown input is a {@link Session}.
 *
 * @example
 * ```ts
 * validateSession({ id: "s-1", date: "2026-03-12", facilitatorOrganisation: "Fictional Network", format: "online", participants: { total: 3, byRole: [{ role: "practitioner", count: 4 }] }, livedExperience: { inDelivery: false } });
 * // { ok: false, issues: [{ path: ["participants", "byRole"], code: "counts_exceed_total", ... }] }
 * ```
 */
export function validateSession(input: unknown): Result<Session> {
  return safeParseResult(Session, input);
}
