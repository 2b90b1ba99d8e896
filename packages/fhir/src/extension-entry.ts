import * as z from "zod";

// Schemas are marked pure, so a bundle that uses none of them leaves them out, with the domain
// schemas they name (building a schema does nothing but record its metadata in zod's registry).

/**
 * An extension URL of ours with what it holds, for the table in the FHIR guide.
 *
 * @example
 * ```ts
 * ExtensionEntry.parse({ url: "https://selfmanage.github.io/toolkit/fhir/StructureDefinition/goal-barrier", on: "Goal", holds: "A barrier." });
 * ```
 */
export const ExtensionEntry = /* @__PURE__ */ z
  .strictObject({
    url: z.url().meta({ description: "The extension's canonical URL." }),
    on: z.string().min(1).meta({ description: "The resources or elements it sits on." }),
    holds: z.string().min(1).meta({ description: "What it holds, in words." }),
  })
  .meta({ id: "FhirExtensionEntry", title: "Extension entry", description: "An extension URL of the toolkit's with where it sits and what it holds." });

/**
 * An extension URL of ours with what it holds (see {@link ExtensionEntry}).
 *
 * @example
 * ```ts
 * const entry: ExtensionEntry = { url: "https://selfmanage.github.io/toolkit/fhir/StructureDefinition/goal-barrier", on: "Goal", holds: "A barrier." };
 * ```
 */
export type ExtensionEntry = z.infer<typeof ExtensionEntry>;
