import { seededRandom } from "@selfmanage/test-kit/random";
import type { InstrumentResponse } from "../src/index";

/** One generated response with the episode and service it belongs to. */
export interface GeneratedResponse {
  readonly episode: string;
  readonly service: string;
  readonly response: InstrumentResponse;
}

const SERVICES = ["north", "south", "east", "west"];
const DAY = 86_400_000;
const START = Date.UTC(2024, 3, 1);

interface Episode {
  readonly key: string;
  readonly service: string;
  readonly random: () => number;
  readonly sessions: number;
  readonly startDay: number;
  readonly phqStart: number;
  readonly gadStart: number;
  readonly phqSlope: number;
  readonly gadSlope: number;
  session: number;
}

function openEpisode(index: number, seed: number): Episode {
  // Each episode draws from its own generator, so its responses are the same whatever order episodes are interleaved in.
  const random = seededRandom(seed + index * 7919);
  return {
    key: `episode-${String(index).padStart(8, "0")}`,
    service: SERVICES[Math.floor(random() * SERVICES.length)] as string,
    random,
    sessions: 1 + Math.floor(random() * 10),
    startDay: Math.floor(random() * 700),
    phqStart: 4 + random() * 23,
    gadStart: 3 + random() * 18,
    phqSlope: -1.6 + random() * 2.2,
    gadSlope: -1.4 + random() * 1.9,
    session: 0,
  };
}

function answers(random: () => number, count: number, target: number, missingChance: number): Record<string, string> {
  const result: Record<string, string> = {};
  for (let item = 1; item <= count; item += 1) {
    if (random() < missingChance) continue;
    const value = Math.max(0, Math.min(3, Math.round(target / count + (random() - 0.5) * 2)));
    result[`item-${item}`] = String(value);
  }
  return result;
}

/** How many whole episodes it takes to reach at least `total` responses, and how many responses that makes. */
export function episodesFor(total: number, seed = 20260517): { episodes: number; responses: number } {
  let episodes = 0;
  let responses = 0;
  while (responses < total) responses += openEpisode(episodes++, seed).sessions * 2;
  return { episodes, responses };
}

/**
 * Generate whole episodes of 1 to 10 sessions (a PHQ-9 and a GAD-7 response each) until there
 * are at least `total` responses. `concurrent` episodes run at once and their sessions are
 * interleaved at random, so the input is not grouped by episode unless `concurrent` is 1 (then
 * it is sorted by episode key). The responses are the same whatever `concurrent` is; only their order changes.
 */
export function* generateResponses(total: number, concurrent: number, seed = 20260517): Generator<GeneratedResponse> {
  const order = seededRandom(seed ^ 0x5bd1e995);
  const { episodes } = episodesFor(total, seed);
  const active: Episode[] = [];
  let next = 0;
  while (next < episodes || active.length > 0) {
    while (active.length < concurrent && next < episodes) active.push(openEpisode(next++, seed));
    const slot = concurrent === 1 ? 0 : Math.floor(order() * active.length);
    const episode = active[slot] as Episode;
    const { random } = episode;
    const completedAt = new Date(START + (episode.startDay + episode.session * 7) * DAY + Math.floor(random() * 36_000_000)).toISOString();
    const phqTarget = Math.max(0, Math.min(27, episode.phqStart + episode.phqSlope * episode.session));
    const gadTarget = Math.max(0, Math.min(21, episode.gadStart + episode.gadSlope * episode.session));
    const pair: InstrumentResponse[] = [
      { instrumentId: "phq-9", instrumentVersion: "1.0.0", completedAt, answers: answers(random, 9, phqTarget, 0.03) },
      { instrumentId: "gad-7", instrumentVersion: "1.0.0", completedAt, answers: answers(random, 7, gadTarget, 0.01) },
    ];
    for (const response of pair) yield { episode: episode.key, service: episode.service, response };
    episode.session += 1;
    if (episode.session >= episode.sessions) {
      active[slot] = active[active.length - 1] as Episode;
      active.pop();
    }
  }
}
