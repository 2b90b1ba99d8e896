import type { Reflection, Session } from "../src/index";

/** A fictional session with the given participant count (default 10). */
export function makeSession(id: string, date: string, total = 10, extra: Partial<Session> = {}): Session {
  return { id, date, facilitatorOrganisation: "Fictional Self Management Network", format: "in-person", participants: { total }, livedExperience: { inDelivery: true }, ...extra };
}

/** A fictional reflection with the given tags; solutions answer every challenge unless `addresses` is given. */
export function makeReflection(
  id: string,
  sessionId: string,
  tags: { pillars?: string[]; techniques?: string[]; challenges?: string[]; solutions?: (string | { solution: string; addresses: string[] })[] } = {},
  extra: Partial<Reflection> = {},
): Reflection {
  return {
    id,
    sessionId,
    taxonomy: "self-management-reflective-practice",
    meaning: { pillars: tags.pillars ?? [] },
    techniques: tags.techniques ?? [],
    challenges: tags.challenges ?? [],
    solutions: (tags.solutions ?? []).map((entry) => (typeof entry === "string" ? { solution: entry } : entry)),
    ...extra,
  };
}

/** `count` reflections from one session with the same tags, numbered from `from`. */
export function many(count: number, sessionId: string, tags: Parameters<typeof makeReflection>[2], extra: Partial<Reflection> = {}, from = 0): Reflection[] {
  return Array.from({ length: count }, (_, index) => makeReflection(`${sessionId}-r${from + index}`, sessionId, tags, extra));
}
