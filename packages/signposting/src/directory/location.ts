import * as z from "zod";
import { validOutcode } from "postcode";
import { Identifier } from "@selfmanage/core";
import { AccessibilityFeature } from "../codes";
import { Extensions } from "../extensions";
import { normalisePostcode } from "../postcode";
import { Name, Text, WebAddress } from "./common";

const POSTCODE_MEMORY = 1_000;
const postcodeVerdicts = new Map<string, string | undefined>();
/**
 * The normalised form of an address's postcode, or undefined when it is not one. Directories repeat
 * postcodes (one building, many services) and each is checked twice, so verdicts are remembered,
 * bounded. The cache holds postcodes only, never a whole address.
 */
function normalisedAddressPostcode(postcode: string): string | undefined {
  if (postcodeVerdicts.has(postcode)) return postcodeVerdicts.get(postcode);
  const verdict = normalisePostcode(postcode);
  if (postcodeVerdicts.size >= POSTCODE_MEMORY) postcodeVerdicts.clear();
  postcodeVerdicts.set(postcode, verdict);
  return verdict;
}

/**
 * A postal address. Postcodes of GB addresses must be valid and normalised (`EH1 1YZ`); use
 * `parsePostcode` to normalise one first.
 *
 * @example
 * ```ts
 * Address.parse({ line1: "1 High Street", city: "Edinburgh", postcode: "EH1 1YZ", country: "GB" });
 * ```
 */
export const Address = z
  .strictObject({
    line1: Name,
    line2: Name.optional(),
    city: Name,
    region: Name.optional(),
    stateProvince: Name.optional(),
    postcode: z.string().min(1).max(20),
    country: z.string().regex(/^[A-Z]{2}$/).meta({ description: "ISO 3166-1 alpha-2 country code, e.g. GB." }),
    attention: Name.optional().meta({ description: "A department or role to address post to." }),
  })
  // Two predicates rather than one superRefine: a predicate allocates nothing per record. The second
  // only speaks when the first is satisfied, so a postcode gets at most one of the two issues.
  .refine((address) => address.country !== "GB" || normalisedAddressPostcode(address.postcode) !== undefined, {
    path: ["postcode"],
    message: "This is not a valid UK postcode.",
    params: { code: "invalid_postcode" },
  })
  .refine((address) => address.country !== "GB" || (normalisedAddressPostcode(address.postcode) ?? address.postcode) === address.postcode, {
    path: ["postcode"],
    message: "Write the postcode in capitals with one space before the last three characters.",
    params: { code: "postcode_not_normalised" },
  })
  .meta({ id: "Address", title: "Address", description: "A postal address." });
/**
 * A postal address (see {@link Address}).
 *
 * @example
 * ```ts
 * const address: Address = { line1: "1 High Street", city: "Edinburgh", postcode: "EH1 1YZ", country: "GB" };
 * ```
 */
export type Address = z.infer<typeof Address>;

/**
 * The only address shown for a confidential place such as a refuge: a town and/or postcode
 * district, never a street or full postcode.
 *
 * @example
 * ```ts
 * MaskedAddress.parse({ locality: "Stirling", postcodeDistrict: "FK8" });
 * ```
 */
export const MaskedAddress = z
  .strictObject({
    locality: Name.optional().meta({ description: "Town or area." }),
    postcodeDistrict: z
      .string()
      .refine((value) => validOutcode(value) && value === value.toUpperCase(), {
        message: "Must be a postcode district (the part before the space), in capitals, e.g. FK8.",
        params: { code: "invalid_postcode_district" },
      })
      .optional(),
    region: Name.optional(),
  })
  .meta({ id: "MaskedAddress", title: "Masked address", description: "A coarse address for a confidential place: town and/or postcode district only." });
/**
 * A masked address (see {@link MaskedAddress}).
 *
 * @example
 * ```ts
 * const masked: MaskedAddress = { locality: "Perth" };
 * ```
 */
export type MaskedAddress = z.infer<typeof MaskedAddress>;

/**
 * Accessibility information about a place: coded features plus the words the source used.
 *
 * @example
 * ```ts
 * AccessibilityNote.parse({ features: ["hearing-loop"], description: "Loop in the main hall." });
 * ```
 */
export const AccessibilityNote = z
  .strictObject({
    features: z.array(AccessibilityFeature).max(20),
    description: Text.optional(),
    details: Text.optional(),
    url: WebAddress.optional(),
  })
  .meta({ id: "AccessibilityNote", title: "Accessibility note", description: "Accessibility features of a place, coded and in words." });
/**
 * Accessibility information (see {@link AccessibilityNote}).
 *
 * @example
 * ```ts
 * const note: AccessibilityNote = { features: ["step-free-access"] };
 * ```
 */
export type AccessibilityNote = z.infer<typeof AccessibilityNote>;

const COORDINATES_TOGETHER = "Latitude and longitude go together: give both or neither.";

/**
 * A place where a service is delivered: physical, postal or virtual (online). A confidential
 * place (e.g. a refuge) has no `address`, only a `maskedAddress`; its coordinates, if held for
 * matching, are never shown in search results and never exported.
 *
 * @example
 * ```ts
 * Location.parse({
 *   id: "loc-1",
 *   kind: "physical",
 *   address: { line1: "1 High Street", city: "Edinburgh", postcode: "EH1 1YZ", country: "GB" },
 *   latitude: 55.95,
 *   longitude: -3.19,
 * });
 * ```
 */
export const Location = z
  .strictObject({
    id: Identifier,
    kind: z.enum(["physical", "postal", "virtual"]),
    name: Name.optional(),
    description: Text.optional(),
    address: Address.optional(),
    latitude: z.number().min(-90).max(90).optional().meta({ description: "WGS84 latitude in decimal degrees." }),
    longitude: z.number().min(-180).max(180).optional().meta({ description: "WGS84 longitude in decimal degrees." }),
    url: WebAddress.optional().meta({ description: "For a virtual location: where to join." }),
    confidential: z.boolean().optional().meta({ description: "True for places whose position must not be revealed." }),
    maskedAddress: MaskedAddress.optional(),
    accessibility: z.array(AccessibilityNote).optional(),
    externalIdentifier: z
      .strictObject({ type: z.string().min(1).max(100).meta({ description: "e.g. UPRN." }), value: z.string().min(1).max(200) })
      .optional(),
  extensions: Extensions.optional(),
  })
  .refine((location) => location.latitude !== undefined || location.longitude === undefined, {
    path: ["latitude"],
    message: COORDINATES_TOGETHER,
    params: { code: "incomplete_coordinates" },
  })
  .refine((location) => location.longitude !== undefined || location.latitude === undefined, {
    path: ["longitude"],
    message: COORDINATES_TOGETHER,
    params: { code: "incomplete_coordinates" },
  })
  .refine((location) => location.confidential !== true || location.address === undefined, {
    path: ["address"],
    message: "A confidential place must not hold a full address. Give a masked address (town or postcode district) instead.",
    params: { code: "confidential_address" },
  })
  .refine((location) => location.confidential !== true || location.maskedAddress !== undefined, {
    path: ["maskedAddress"],
    message: "A confidential place needs a masked address.",
    params: { code: "required" },
  })
  .meta({ id: "Location", title: "Location", description: "A place where a service is delivered." });
/**
 * A location (see {@link Location}).
 *
 * @example
 * ```ts
 * const online: Location = { id: "loc-online", kind: "virtual", url: "https://example.org/join" };
 * ```
 */
export type Location = z.infer<typeof Location>;
