/**
 * Fictional reflective practice sessions and reflections for the demo, generated from a seed:
 * a year of sessions (April 2025 to March 2026), counts of who took part, and one reflection
 * for most participants. No real sessions, people or words: the sentences below are written
 * for the demo, and every participant reference is a made-up pseudonym.
 */
import type { Reflection, Sector, Session } from "@selfmanage/practice";
import { reflectivePracticeTaxonomy } from "@selfmanage/practice";
import { seededRandom } from "@selfmanage/test-kit/random";

const ORGANISATIONS = ["Fictional Self Management Network", "Imaginary Health and Care Partnership"] as const;
const SECTOR_WEIGHTS: ReadonlyArray<readonly [Sector, number]> = [
  ["health", 0.45],
  ["social-care", 0.25],
  ["third-sector", 0.18],
  ["housing", 0.05],
  ["local-authority", 0.04],
  ["education", 0.03],
];

/** How likely each term is per quarter of the year (Apr-Jun, Jul-Sep, Oct-Dec, Jan-Mar): some rise, some fall. */
const LIKELIHOOD: Readonly<Record<string, readonly [number, number, number, number]>> = {
  holistic: [0.7, 0.7, 0.75, 0.8],
  empowerment: [0.55, 0.6, 0.65, 0.7],
  communication: [0.5, 0.5, 0.45, 0.5],
  "quality-service": [0.3, 0.3, 0.35, 0.3],
  "partnership-working": [0.25, 0.35, 0.45, 0.55],
  "gathering-information": [0.4, 0.4, 0.4, 0.45],
  "sharing-good-practice": [0.3, 0.35, 0.4, 0.45],
  training: [0.35, 0.3, 0.3, 0.3],
  "building-networks": [0.2, 0.3, 0.35, 0.45],
  "screening-tools": [0.25, 0.25, 0.2, 0.2],
  signposting: [0.65, 0.65, 0.7, 0.7],
  "setting-realistic-goals": [0.45, 0.5, 0.55, 0.55],
  hierarchy: [0.3, 0.25, 0.25, 0.2],
  time: [0.75, 0.7, 0.75, 0.7],
  funding: [0.5, 0.5, 0.55, 0.6],
  engagement: [0.4, 0.4, 0.35, 0.35],
  "unrealistic-goals": [0.25, 0.25, 0.2, 0.2],
  "reluctance-to-be-helped": [0.2, 0.2, 0.25, 0.2],
  "competing-priorities": [0.35, 0.35, 0.4, 0.4],
  "building-trust": [0.3, 0.3, 0.3, 0.35],
  "condition-knowledge": [0.2, 0.15, 0.15, 0.1],
};

/** Which solutions a participant tends to propose for each challenge. */
const ANSWERS: Readonly<Record<string, readonly string[]>> = {
  hierarchy: ["working-with-colleagues", "working-across-services"],
  time: ["working-with-colleagues", "managing-expectations"],
  funding: ["working-across-services"],
  engagement: ["person-centred-communication", "managing-expectations"],
  "unrealistic-goals": ["managing-expectations"],
  "reluctance-to-be-helped": ["person-centred-communication"],
  "competing-priorities": ["managing-expectations", "working-with-colleagues"],
  "building-trust": ["person-centred-communication"],
  "condition-knowledge": ["working-with-colleagues", "working-across-services"],
};

const MEANINGS = [
  "Seeing the whole person, not just the diagnosis.",
  "The person takes control and I support them.",
  "Listening properly and without judgement.",
  "Working together as equal partners.",
  "Support that is flexible and there when it is needed.",
];
const FREE_TEXTS = [
  "There is no time in a ten minute appointment to do this well.",
  "Building trust takes longer than the service allows.",
  "Our team shares what works at the Friday huddle.",
  "I want to build links with other services in the area.",
  "Funding cuts mean the walking group may close.",
  "People sometimes arrive with unrealistic goals and leave disheartened.",
];
const PLANS = [
  "Ask what matters to the person before anything else.",
  "Visit the carers' centre and build links with their staff.",
  "Try a screening tool at first appointments.",
  "Agree one small step with each person at the end of the meeting.",
  "Share the session's ideas with my team.",
];
const CHANGES = ["I ask about goals earlier in the conversation.", "I signpost to community groups more often.", "Colleagues have started doing the same."];
const GOT_IN_THE_WAY = ["Caseload pressures.", "Short appointments again.", "Nothing got in the way.", "Staff changes in the team."];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A year of fictional sessions and the reflections from them. */
export function samplePractice(seed: number): { sessions: Session[]; reflections: Reflection[] } {
  const random = seededRandom(seed);
  const sessions: Session[] = [];
  const reflections: Reflection[] = [];
  for (let index = 0; index < 12; index++) {
    const month = (3 + index) % 12; // April 2025 onwards
    const year = 2025 + Math.floor((3 + index) / 12);
    const date = `${year}-${String(month + 1).padStart(2, "0")}-${String(8 + Math.floor(random() * 14)).padStart(2, "0")}`;
    const total = 9 + Math.floor(random() * 8);
    const bySector = new Map<Sector, number>();
    let recorded = 0;
    for (let person = 0; person < total; person++) {
      if (random() < 0.06) continue; // sector not recorded
      let roll = random();
      const sector = (SECTOR_WEIGHTS.find(([, weight]) => (roll -= weight) < 0) ?? SECTOR_WEIGHTS[0])?.[0] as Sector;
      bySector.set(sector, (bySector.get(sector) ?? 0) + 1);
      recorded++;
    }
    const studying = Math.floor(random() * 3);
    const livedExperience: Session["livedExperience"] = index % 4 === 3 ? { inDelivery: false } : { inDelivery: true, contributions: index % 2 === 0 ? ["co-facilitated", "shared-own-story"] : ["shared-own-story"] };
    const id = `smrp-session-${String(index + 1).padStart(2, "0")}`;
    sessions.push({
      id,
      date,
      facilitatorOrganisation: ORGANISATIONS[index % 3 === 2 ? 1 : 0],
      format: index % 3 === 1 ? "online" : index === 6 ? "hybrid" : "in-person",
      participants: {
        total,
        bySector: [...bySector.entries()].map(([sector, count]) => ({ sector, count })),
        byRole: [
          { role: "practitioner", count: Math.max(0, recorded - 2) },
          { role: "peer-worker", count: 1 },
          { role: "manager", count: 1 },
        ],
        studying,
      },
      livedExperience,
    });
    const quarter = Math.floor(index / 3);
    const writers = total - Math.floor(random() * 3);
    for (let writer = 0; writer < writers; writer++) {
      const chosen = (ids: readonly { id: string }[]) => ids.filter((term) => random() < (LIKELIHOOD[term.id]?.[quarter] ?? 0)).map((term) => term.id);
      const pillars = chosen(reflectivePracticeTaxonomy.pillars);
      const techniques = chosen(reflectivePracticeTaxonomy.techniques);
      const challenges = chosen(reflectivePracticeTaxonomy.challenges);
      const proposed = new Map<string, string[]>();
      for (const challenge of challenges) {
        if (random() < 0.25) continue;
        const solution = pick(random, ANSWERS[challenge] ?? ["working-with-colleagues"]);
        proposed.set(solution, [...(proposed.get(solution) ?? []), challenge]);
      }
      const hasPlan = random() < 0.72;
      const followed = hasPlan && random() < 0.8;
      const roll = random();
      const planStatus = roll < 0.45 ? "done" : roll < 0.75 ? "partly" : roll < 0.92 ? "not-yet" : "set-aside";
      const reflection: Reflection = {
        id: `${id}-reflection-${String(writer + 1).padStart(2, "0")}`,
        sessionId: id,
        taxonomy: reflectivePracticeTaxonomy.id,
        ...(random() < 0.6 ? { participant: `participant-${(seed + index * 97 + writer * 7919).toString(36)}` } : {}),
        meaning: { pillars, ...(random() < 0.5 ? { text: pick(random, MEANINGS) } : {}) },
        techniques,
        challenges,
        // Half say which challenges a solution answers; without addresses it answers all of them.
        solutions: [...proposed.entries()].map(([solution, addresses]) => (random() < 0.5 ? { solution, addresses } : { solution })),
        ...(random() < 0.45 ? { freeText: pick(random, FREE_TEXTS) } : {}),
        ...(hasPlan ? { plan: { text: pick(random, PLANS) } } : {}),
      };
      if (followed) {
        const [followYear, followMonth] = month + 3 > 11 ? [year + 1, month + 3 - 12] : [year, month + 3];
        reflection.followUp = {
          date: `${followYear}-${String(followMonth + 1).padStart(2, "0")}-01`,
          planStatus,
          ...(planStatus === "done" || planStatus === "partly" ? { changed: pick(random, CHANGES) } : {}),
          ...(planStatus === "done" ? {} : { gotInTheWay: pick(random, GOT_IN_THE_WAY), barriers: random() < 0.6 ? ["time"] : ["competing-priorities"] }),
        };
      }
      reflections.push(reflection);
    }
  }
  return { sessions, reflections };
}
