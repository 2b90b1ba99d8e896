import type { InstrumentDefinition } from "../../instrument";
import gad2Data from "./gad-2.json";
import gad7Data from "./gad-7.json";
import phq2Data from "./phq-2.json";
import phq9Data from "./phq-9.json";
import who5Data from "./who-5.json";

// The JSON files are the data; the package's tests validate each one with validateInstrument.

/**
 * The PHQ-9 (depression symptoms, nine items): sum 0-27, up to two missing items given the mean
 * of the answered ones, bands 0-4 / 5-9 / 10-14 / 15-19 / 20-27, an alert on any answer above 0
 * to item 9, caseness at 10 and reliable change of 6 points, LOINC codes for the panel, items
 * and total. Every rule carries its source. No wording of the questionnaire is included.
 *
 * @example
 * ```ts
 * const result = scoreResponse(phq9, { instrumentId: "phq-9", instrumentVersion: "1.0.0", answers: { "item-1": "2", "item-9": "1" } });
 * ```
 */
export const phq9 = phq9Data as InstrumentDefinition;

/**
 * The PHQ-2 (the first two PHQ-9 items): sum 0-6, screening cut-off 3, complete responses only.
 *
 * @example
 * ```ts
 * const result = scoreResponse(phq2, { instrumentId: "phq-2", instrumentVersion: "1.0.0", answers: { "item-1": "1", "item-2": "2" } });
 * ```
 */
export const phq2 = phq2Data as InstrumentDefinition;

/**
 * The GAD-7 (anxiety symptoms, seven items): sum 0-21, bands 0-4 / 5-9 / 10-14 / 15-21,
 * caseness at 8 and reliable change of 4 points, LOINC codes, complete responses only.
 *
 * @example
 * ```ts
 * const compiled = compileInstrument(gad7);
 * ```
 */
export const gad7 = gad7Data as InstrumentDefinition;

/**
 * The GAD-2 (the first two GAD-7 items): sum 0-6, screening cut-off 3, complete responses only.
 *
 * @example
 * ```ts
 * const result = scoreResponse(gad2, { instrumentId: "gad-2", instrumentVersion: "1.0.0", answers: { "item-1": "2", "item-2": "1" } });
 * ```
 */
export const gad2 = gad2Data as InstrumentDefinition;

/**
 * The WHO-5 Well-Being Index: percentage score 0-100 (raw 0-25 times 4), bands at 28 and 50,
 * a prompt for any item answered 0 or 1, a cut-off of 50 and reliable change of 10 points,
 * complete responses only.
 *
 * @example
 * ```ts
 * const result = scoreResponse(who5, { instrumentId: "who-5", instrumentVersion: "1.0.0", answers: { "item-1": "3", "item-2": "3", "item-3": "2", "item-4": "2", "item-5": "2" } });
 * ```
 */
export const who5 = who5Data as InstrumentDefinition;

/**
 * Every ready-made definition that ships with the package, by id: `phq-9`, `phq-2`, `gad-7`, `gad-2`, `who-5`.
 *
 * @example
 * ```ts
 * const ids = builtInInstruments.map((definition) => definition.id); // ["phq-9", "phq-2", "gad-7", "gad-2", "who-5"]
 * ```
 */
export const builtInInstruments: readonly InstrumentDefinition[] = [phq9, phq2, gad7, gad2, who5];
