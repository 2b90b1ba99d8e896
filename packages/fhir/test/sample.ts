/* eslint-disable no-restricted-imports -- a test helper: it runs in Node only, never ships. */
// The CLI's fictional sample data (generated from a fixed seed), read by path: the same records
// the demo converts, so the tests check exactly what a user sees.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Goal } from "@selfmanage/goals";
import type { InstrumentDefinition, InstrumentResponse } from "@selfmanage/recovery";
import type { Directory, SignpostingEvent } from "@selfmanage/signposting";

const folder = fileURLToPath(new URL("../../cli/sample-data/", import.meta.url));

function json<T>(name: string): T {
  return JSON.parse(readFileSync(`${folder}${name}`, "utf8")) as T;
}

function ndjson<T>(name: string): T[] {
  return readFileSync(`${folder}${name}`, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

export const sampleGoals = (): Goal[] => json<Goal[]>("goals.json");
export const sampleDirectory = (): Directory => json<Directory>("directory.json");
export const sampleInstrument = (): InstrumentDefinition => json<InstrumentDefinition>("instrument.json");
export const sampleResponses = (): InstrumentResponse[] => ndjson<InstrumentResponse>("responses.ndjson");
export const sampleEvents = (): SignpostingEvent[] => ndjson<SignpostingEvent>("signposting-events.ndjson");
