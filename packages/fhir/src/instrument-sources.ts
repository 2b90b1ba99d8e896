import { InstrumentLicence, isLoincCode, RuleSource, type InstrumentDefinition, type InstrumentLoinc } from "@selfmanage/recovery";
import { fhirCodes } from "./codes";
import { readCoding } from "./common";
import { subNodes, subValue, type FhirNode } from "./reader";
import { complexExtension, extension, type FhirElement } from "./resource";

// Where an instrument's rules come from, its licence and its LOINC codes: the parts of an
// instrument definition that say what it is and who stands behind it, rather than how it scores.

/**
 * A rule's source as a part of a complex extension (`citation`, `year`, `note`), or undefined.
 *
 * @example
 * ```ts
 * sourcePart("source", { citation: "Kroenke et al. J Gen Intern Med", year: 2001 });
 * // { url: "source", extension: [{ url: "citation", valueString: "..." }, { url: "year", valueInteger: 2001 }] }
 * ```
 */
export function sourcePart(name: string, source: RuleSource | undefined): FhirElement | undefined {
  if (source === undefined) return undefined;
  return complexExtension(name, [extension("citation", "valueString", source.citation), extension("year", "valueInteger", source.year), extension("note", "valueString", source.note)]);
}

/**
 * The source a complex extension holds under this name, or undefined; one that is not complete is
 * a problem at that part, and left out.
 *
 * @example
 * ```ts
 * readSourcePart(bandNode, "source"); // { citation: "...", year: 2001 }
 * ```
 */
export function readSourcePart(parent: FhirNode, name: string): RuleSource | undefined {
  const [found] = subNodes(parent, name);
  if (found === undefined) return undefined;
  const note = subValue(found, "note", "valueString");
  const parsed = RuleSource.safeParse({ citation: subValue(found, "citation", "valueString"), year: subValue(found, "year", "valueInteger"), ...(note === undefined ? {} : { note }) });
  if (!parsed.success) found.problem(undefined, "invalid_extension", "This rule source needs a citation and a year of publication.");
  return parsed.success ? parsed.data : undefined;
}

/**
 * The licence's parts of the instrument extension (whether the wording is included, and where the
 * terms are published); its notice goes in `Questionnaire.copyright`.
 *
 * @example
 * ```ts
 * licencePart(phq9.licence);
 * ```
 */
export function licencePart(licence: InstrumentLicence | undefined): FhirElement | undefined {
  if (licence === undefined) return undefined;
  return complexExtension("licence", [extension("wordingIncluded", "valueBoolean", licence.wordingIncluded), sourcePart("source", licence.source)]);
}

/**
 * The licence of a Questionnaire written by us: the notice from `copyright`, the rest from the
 * instrument extension. A foreign Questionnaire's `copyright` alone is not a licence the toolkit
 * can hold (it says nothing of the wording or the source), so it is left to be noted.
 *
 * @example
 * ```ts
 * readLicence(questionnaireNode, instrumentNode);
 * ```
 */
export function readLicence(questionnaire: FhirNode, instrumentNode: FhirNode | undefined): InstrumentLicence | undefined {
  const [found] = instrumentNode === undefined ? [] : subNodes(instrumentNode, "licence");
  if (found === undefined) return undefined;
  const parsed = InstrumentLicence.safeParse({ notice: questionnaire.string("copyright"), wordingIncluded: subValue(found, "wordingIncluded", "valueBoolean"), source: readSourcePart(found, "source") });
  if (!parsed.success) found.problem(undefined, "invalid_extension", "This licence needs a copyright notice, whether the wording is included, and its source.");
  return parsed.success ? parsed.data : undefined;
}

/**
 * A LOINC coding, for `Questionnaire.code`, `item.code` and the score's `Observation.code`.
 *
 * @example
 * ```ts
 * loincCoding("44249-1"); // { system: "http://loinc.org", code: "44249-1" }
 * ```
 */
export function loincCoding(code: string): FhirElement {
  return { system: fhirCodes.systems.loinc, code };
}

/**
 * The well-formed LOINC codes among the codings of some `code` nodes (the nodes are read).
 *
 * @example
 * ```ts
 * loincCodes(node.nodes("code")); // ["44249-1"]
 * ```
 */
export function loincCodes(nodes: readonly FhirNode[]): string[] {
  return nodes.flatMap((found) => {
    const coding = readCoding(found);
    return coding?.system === fhirCodes.systems.loinc && typeof coding.code === "string" && isLoincCode(coding.code) ? [coding.code] : [];
  });
}

/**
 * An instrument's LOINC codes back from the Questionnaire: the panel from `code`, the total from
 * the instrument extension's `loincTotal` part.
 *
 * @example
 * ```ts
 * readInstrumentLoinc(questionnaireNode, instrumentNode); // { panel: "44249-1", total: "44261-6" }
 * ```
 */
export function readInstrumentLoinc(questionnaire: FhirNode, instrumentNode: FhirNode | undefined): InstrumentLoinc | undefined {
  // Only a code list with a LOINC coding is ours to read; any other is left to be noted.
  const codes = questionnaire.value.code;
  const hasLoinc = Array.isArray(codes) && codes.some((coding: unknown) => typeof coding === "object" && coding !== null && (coding as { system?: unknown }).system === fhirCodes.systems.loinc);
  const [panel] = hasLoinc ? loincCodes(questionnaire.nodes("code")) : [];
  const total = instrumentNode === undefined ? undefined : subValue(instrumentNode, "loincTotal", "valueCode");
  const loinc = { ...(panel === undefined ? {} : { panel }), ...(typeof total === "string" && isLoincCode(total) ? { total } : {}) };
  return Object.keys(loinc).length === 0 ? undefined : loinc;
}

/**
 * The instrument's total-score LOINC code as a part of the instrument extension, or undefined.
 *
 * @example
 * ```ts
 * loincTotalPart(phq9); // { url: "loincTotal", valueCode: "44261-6" }
 * ```
 */
export function loincTotalPart(instrument: InstrumentDefinition): FhirElement | undefined {
  return extension("loincTotal", "valueCode", instrument.loinc?.total);
}
