import * as z from "zod";
import { Identifier, LocalisedText } from "@selfmanage/core";
import { ChangeParameters } from "../change";
import { InstrumentLoinc } from "../loinc";
import { RuleSource } from "../source";
import { SemanticVersion, ResponseScale, InstrumentItem } from "./items";
import { AlertRule, Subscale, InstrumentScoring } from "./scoring-rules";

/**
 * What the copyright holder allows, for a definition of an instrument someone else owns: a
 * plain-English notice and where the terms are published. `wordingIncluded: false` says the
 * definition carries none of the instrument's own sentences (item labels are placeholders).
 *
 * @example
 * ```ts
 * InstrumentLicence.parse({ notice: "Free to use; no permission needed.", wordingIncluded: false, source: { citation: "Publisher's terms of use", year: 2024 } });
 * ```
 */
export const InstrumentLicence = z
  .strictObject({
    notice: z.string().trim().min(1).max(1000),
    wordingIncluded: z.boolean().meta({ description: "Whether the definition carries the instrument's own wording." }),
    source: RuleSource,
  })
  .meta({ id: "InstrumentLicence", title: "Instrument licence", description: "What the copyright holder allows, and where that is published." });

/**
 * An instrument's licence terms (see {@link InstrumentLicence}).
 *
 * @example
 * ```ts
 * const licence: InstrumentLicence = { notice: "No permission needed.", wordingIncluded: false, source: { citation: "Terms of use", year: 2024 } };
 * ```
 */
export type InstrumentLicence = z.infer<typeof InstrumentLicence>;

/**
 * A questionnaire (instrument) definition that a service writes itself: items, scales,
 * conditions, subscales, scoring, bands, alerts and change parameters.
 *
 * @remarks
 * Use {@link validateInstrument} rather than `parse`: it also checks that the parts fit together.
 *
 * @example
 * ```ts
 * const result = validateInstrument({
 *   id: "two-item",
 *   version: "1.0.0",
 *   title: { en: "Two items" },
 *   scales: [agreementScale],
 *   items: [
 *     { id: "a", text: { en: "First" }, scale: "agreement-5" },
 *     { id: "b", text: { en: "Second" }, scale: "agreement-5" },
 *   ],
 *   scoring: { method: "sum", missingData: { kind: "none" }, direction: "higher-is-better" },
 * });
 * ```
 */
export const InstrumentDefinition = z
  .strictObject({
    id: Identifier,
    version: SemanticVersion,
    title: LocalisedText,
    description: LocalisedText.optional(),
    scales: z.array(ResponseScale).min(1),
    items: z.array(InstrumentItem).min(1),
    subscales: z.array(Subscale).optional(),
    scoring: InstrumentScoring,
    alerts: z.array(AlertRule).optional(),
    change: ChangeParameters.optional(),
    loinc: InstrumentLoinc.optional(),
    licence: InstrumentLicence.optional(),
  })
  .meta({ id: "InstrumentDefinition", title: "Instrument definition", description: "A questionnaire definition: items, scales, scoring, bands, alerts and change parameters." });

/**
 * An instrument definition (see {@link InstrumentDefinition}).
 *
 * @example
 * ```ts
 * const definition: InstrumentDefinition = serviceExperienceQuestionnaire;
 * ```
 */
export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;
