import { parse } from "postcode";
import { fail, issue, ok, type Result } from "@selfmanage/core";

/**
 * The parts of a UK postcode, normalised (upper case, one space): for `EH1 1YZ`,
 * outward `EH1`, inward `1YZ`, area `EH`, district `EH1`, sector `EH1 1`.
 *
 * @example
 * ```ts
 * const parts: ParsedPostcode = { postcode: "EH1 1YZ", outward: "EH1", inward: "1YZ", area: "EH", district: "EH1", sector: "EH1 1" };
 * ```
 */
export interface ParsedPostcode {
  /** The whole postcode, normalised, e.g. `EH1 1YZ`. */
  postcode: string;
  /** The outward code (before the space), e.g. `EH1`. */
  outward: string;
  /** The inward code (after the space), e.g. `1YZ`. */
  inward: string;
  /** The postcode area (the leading letters), e.g. `EH`. */
  area: string;
  /** The postcode district, e.g. `EH1`. */
  district: string;
  /** The postcode sector, e.g. `EH1 1`. */
  sector: string;
}

/**
 * Parse and normalise a UK postcode with the `postcode` library. Spacing and case are forgiven;
 * anything that is not a postcode is an `invalid_postcode` issue (the message never repeats the input).
 *
 * @example
 * ```ts
 * const parsed = parsePostcode("eh11yz");
 * if (parsed.ok) parsed.value.postcode; // "EH1 1YZ"
 * parsePostcode("not a postcode").ok; // false
 * ```
 */
export function parsePostcode(input: string): Result<ParsedPostcode> {
  const parsed = parse(input.trim());
  if (!parsed.valid) return fail([issue([], "invalid_postcode", "This is not a valid UK postcode. Check the letters and numbers, for example EH1 1YZ.")]);
  return ok({
    postcode: parsed.postcode,
    outward: parsed.outcode,
    inward: parsed.incode,
    area: parsed.area,
    district: parsed.district,
    sector: parsed.sector,
  });
}

/**
 * Normalise a postcode (`eh11yz` -> `EH1 1YZ`), or return `undefined` when it is not valid.
 *
 * @example
 * ```ts
 * normalisePostcode(" g2 1dy "); // "G2 1DY"
 * ```
 */
export function normalisePostcode(input: string): string | undefined {
  const parsed = parse(input.trim());
  return parsed.valid ? parsed.postcode : undefined;
}

/**
 * How precisely {@link locatePostcode} placed a postcode: at the full postcode, its sector
 * (e.g. `EH1 1`) or its district (e.g. `EH1`).
 *
 * @example
 * ```ts
 * const precision: PostcodePrecision = "sector";
 * ```
 */
export type PostcodePrecision = "postcode" | "sector" | "district";

/**
 * Turn a postcode into coordinates with a lookup the caller supplies (for example a table of
 * postcode, sector or district centroids; nothing is fetched from the network). The full
 * postcode is tried first, then its sector, then its district; the result says which matched.
 *
 * @example
 * ```ts
 * const centroids = new Map([["EH1", { latitude: 55.952, longitude: -3.19 }]]);
 * const place = locatePostcode("eh1 1yz", (key) => centroids.get(key));
 * if (place.ok) place.value; // { latitude: 55.952, longitude: -3.19, precision: "district" }
 * ```
 */
export function locatePostcode(
  input: string,
  lookup: (key: string) => { latitude: number; longitude: number } | undefined,
): Result<{ latitude: number; longitude: number; precision: PostcodePrecision }> {
  const parsed = parsePostcode(input);
  if (!parsed.ok) return parsed;
  const keys: Array<[string, PostcodePrecision]> = [
    [parsed.value.postcode, "postcode"],
    [parsed.value.sector, "sector"],
    [parsed.value.district, "district"],
  ];
  for (const [key, precision] of keys) {
    const found = lookup(key);
    if (found !== undefined) return ok({ latitude: found.latitude, longitude: found.longitude, precision });
  }
  return fail([issue([], "postcode_not_located", "This postcode is valid, but the lookup has no position for it or its area.")]);
}
