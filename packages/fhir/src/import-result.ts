import * as z from "zod";
import { ValidationIssue } from "@selfmanage/core";
import { Goal } from "@selfmanage/goals";
import { InstrumentDefinition, InstrumentResponse } from "@selfmanage/recovery";
import { Directory, SignpostingEvent } from "@selfmanage/signposting";

// Schemas are marked pure, so a bundle that uses none of them leaves them out, with the domain
// schemas they name (building a schema does nothing but record its metadata in zod's registry).

/**
 * A note about FHIR input the toolkit read but could not keep: an element (`not_kept`) or a
 * whole resource (`resource_not_kept`) its models have no place for. Like an issue, it names
 * where (a FHIRPath-style path) and never repeats the value.
 *
 * @example
 * ```ts
 * FhirNotice.parse({ path: ["Goal", "priority"], code: "not_kept", message: "This element has no place in the toolkit's model, so it was not kept." });
 * ```
 */
export const FhirNotice = /* @__PURE__ */ ValidationIssue.extend({
  code: z.enum(["not_kept", "resource_not_kept"]).meta({ description: "not_kept: an element or extension; resource_not_kept: a whole resource." }),
}).meta({ id: "FhirNotice", title: "FHIR import notice", description: "FHIR input that was read but has no place in the toolkit's models, named by its path." });

/**
 * A note about FHIR input that was not kept (see {@link FhirNotice}).
 *
 * @example
 * ```ts
 * const notice: FhirNotice = { path: ["Goal", "extension", 1], code: "not_kept", message: "This extension has no place in the toolkit's model, so it was not kept." };
 * ```
 */
export type FhirNotice = z.infer<typeof FhirNotice>;

/**
 * What {@link fromFhir} gives back: the toolkit records read from FHIR input, the issues that
 * kept records out, and the notices about what the models have no place for. Paths are
 * FHIRPath-style (`Bundle.entry[2].resource.target[0].dueDate`); no message repeats a value.
 *
 * @example
 * ```ts
 * FhirImport.safeParse(fromFhir(bundle)).success; // true
 * ```
 */
export const FhirImport = /* @__PURE__ */ z
  .strictObject({
    goals: z.array(Goal),
    instruments: z.array(InstrumentDefinition),
    responses: z.array(InstrumentResponse),
    directory: Directory,
    signpostingEvents: z.array(SignpostingEvent),
    issues: z.array(ValidationIssue).meta({ description: "Problems that kept a resource from becoming a toolkit record." }),
    notices: z.array(FhirNotice).meta({ description: "Elements and resources that were read but have no place in the toolkit's models." }),
  })
  .meta({ id: "FhirImport", title: "FHIR import", description: "Toolkit records read from FHIR R4, with issues and notices." });

/**
 * The records read from FHIR input (see {@link FhirImport}).
 *
 * @example
 * ```ts
 * const imported: FhirImport = fromFhir(bundle);
 * imported.goals.length;
 * ```
 */
export type FhirImport = z.infer<typeof FhirImport>;

/**
 * What {@link parseNdjson} gives back: the resources, one per line that held JSON, and an issue
 * for each line that did not (its path is the line's index).
 *
 * @example
 * ```ts
 * ParsedNdjson.parse({ resources: [{ resourceType: "Goal" }], issues: [] });
 * ```
 */
export const ParsedNdjson = /* @__PURE__ */ z
  .strictObject({
    resources: z.array(z.unknown()).meta({ description: "The value of each line that held JSON, in order." }),
    issues: z.array(ValidationIssue).meta({ description: "One issue per line that is not JSON, at [line index]." }),
  })
  .meta({ id: "FhirParsedNdjson", title: "Parsed NDJSON", description: "The lines of an NDJSON file, parsed." });

/**
 * The lines of an NDJSON file, parsed (see {@link ParsedNdjson}).
 *
 * @example
 * ```ts
 * const parsed: ParsedNdjson = parseNdjson(text);
 * ```
 */
export type ParsedNdjson = z.infer<typeof ParsedNdjson>;
