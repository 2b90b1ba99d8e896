import * as z from "zod";
import { Identifier } from "@selfmanage/core";

/** GSS prefixes for the Scottish geographies a service area can name. */
const GSS_PREFIX = { "health-board": "S08", "council-area": "S12", ward: "S13" } as const;

/**
 * The kind of area a GSS code names: a health board (S08), a council area (S12) or a ward (S13).
 *
 * @example
 * ```ts
 * GssAreaKind.parse("council-area");
 * ```
 */
export const GssAreaKind = z.enum(["health-board", "council-area", "ward"]).meta({
  id: "GssAreaKind",
  title: "GSS area kind",
  description: "health-board (S08 codes), council-area (S12 codes) or ward (S13 codes).",
});
/**
 * A kind of GSS area (see {@link GssAreaKind}).
 *
 * @example
 * ```ts
 * const kind: GssAreaKind = "ward";
 * ```
 */
export type GssAreaKind = z.infer<typeof GssAreaKind>;

/**
 * A Government Statistical Service (GSS) code for a Scottish health board, council area or ward:
 * a three-character entity prefix (S08, S12 or S13) and six digits.
 *
 * @example
 * ```ts
 * GssCode.parse("S12000036"); // City of Edinburgh
 * ```
 */
export const GssCode = z
  .string()
  .regex(/^S(?:08|12|13)\d{6}$/)
  .meta({ id: "GssCode", title: "GSS code", description: "A nine-character GSS code: S08 (health board), S12 (council area) or S13 (ward), then six digits." });
/**
 * A GSS code string (see {@link GssCode}).
 *
 * @example
 * ```ts
 * const board: GssCode = "S08000024";
 * ```
 */
export type GssCode = z.infer<typeof GssCode>;

/**
 * The kind of area a GSS code names, from its prefix, or `undefined` for other codes.
 *
 * @example
 * ```ts
 * gssAreaKind("S08000031"); // "health-board"
 * ```
 */
export function gssAreaKind(code: string): GssAreaKind | undefined {
  if (!/^S\d{8}$/.test(code)) return undefined;
  const prefix = code.slice(0, 3);
  return GssAreaKind.options.find((kind) => GSS_PREFIX[kind] === prefix);
}

const AreaName = z.string().min(1).max(200);

/**
 * Where a service is available: the whole country, a GSS area (health board, council area or ward),
 * a radius around the service's locations, or an area only described in words (from imported data).
 *
 * @example
 * ```ts
 * ServiceArea.parse({ kind: "council-area", code: "S12000036", name: "City of Edinburgh" });
 * ServiceArea.parse({ kind: "radius", radiusKm: 15 });
 * ```
 */
export const ServiceArea = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("national"),
      name: AreaName.optional().meta({ description: "e.g. Scotland." }),
    }),
    z
      .strictObject({
        kind: GssAreaKind,
        code: GssCode,
        name: AreaName.optional(),
      })
      .refine(
        (area) => {
          const kind = gssAreaKind(area.code);
          return kind === undefined || kind === area.kind;
        },
        {
          path: ["code"],
          message: "The GSS code prefix does not match the kind of area: S08 is a health board, S12 a council area and S13 a ward.",
          params: { code: "gss_kind_mismatch" },
        },
      ),
    z.strictObject({
      kind: z.literal("radius"),
      radiusKm: z.number().positive().max(1000).meta({ description: "Distance in kilometres around the centre." }),
      locationId: Identifier.optional().meta({ description: "The location at the centre; all of the service's locations when absent." }),
    }),
    z.strictObject({
      kind: z.literal("described"),
      description: z.string().min(1).max(2000).meta({ description: "The area in words, as a source system described it." }),
      name: AreaName.optional(),
    }),
  ])
  .meta({ id: "ServiceArea", title: "Service area", description: "Where a service is available." });
/**
 * Where a service is available (see {@link ServiceArea}).
 *
 * @example
 * ```ts
 * const area: ServiceArea = { kind: "national", name: "Scotland" };
 * ```
 */
export type ServiceArea = z.infer<typeof ServiceArea>;

/**
 * A Scottish health board or council area with its GSS code; council areas name their health board.
 *
 * @example
 * ```ts
 * ScottishArea.parse({ code: "S08000025", name: "Orkney", kind: "health-board" });
 * ```
 */
export const ScottishArea = z
  .strictObject({
    code: GssCode,
    name: AreaName,
    kind: z.enum(["health-board", "council-area"]),
    healthBoard: GssCode.optional().meta({ description: "For a council area: the health board that covers it." }),
  })
  .meta({ id: "ScottishArea", title: "Scottish area", description: "A health board or council area with its GSS code." });
/**
 * A Scottish health board or council area (see {@link ScottishArea}).
 *
 * @example
 * ```ts
 * const area: ScottishArea = { code: "S12000023", name: "Orkney Islands", kind: "council-area", healthBoard: "S08000025" };
 * ```
 */
export type ScottishArea = z.infer<typeof ScottishArea>;

const board = (code: string, name: string): ScottishArea => ({ code, name, kind: "health-board" });
const council = (code: string, name: string, healthBoard: string): ScottishArea => ({ code, name, kind: "council-area", healthBoard });

/**
 * The 14 Scottish health boards (S08) and 32 council areas (S12), with their GSS codes.
 *
 * @example
 * ```ts
 * scottishAreas.find((area) => area.code === "S12000049")?.name; // "Glasgow City"
 * ```
 */
export const scottishAreas: readonly ScottishArea[] = [
  board("S08000015", "Ayrshire and Arran"),
  board("S08000016", "Borders"),
  board("S08000017", "Dumfries and Galloway"),
  board("S08000019", "Forth Valley"),
  board("S08000020", "Grampian"),
  board("S08000022", "Highland"),
  board("S08000024", "Lothian"),
  board("S08000025", "Orkney"),
  board("S08000026", "Shetland"),
  board("S08000028", "Western Isles"),
  board("S08000029", "Fife"),
  board("S08000030", "Tayside"),
  board("S08000031", "Greater Glasgow and Clyde"),
  board("S08000032", "Lanarkshire"),
  council("S12000005", "Clackmannanshire", "S08000019"),
  council("S12000006", "Dumfries and Galloway", "S08000017"),
  council("S12000008", "East Ayrshire", "S08000015"),
  council("S12000010", "East Lothian", "S08000024"),
  council("S12000011", "East Renfrewshire", "S08000031"),
  council("S12000013", "Na h-Eileanan Siar", "S08000028"),
  council("S12000014", "Falkirk", "S08000019"),
  council("S12000017", "Highland", "S08000022"),
  council("S12000018", "Inverclyde", "S08000031"),
  council("S12000019", "Midlothian", "S08000024"),
  council("S12000020", "Moray", "S08000020"),
  council("S12000021", "North Ayrshire", "S08000015"),
  council("S12000023", "Orkney Islands", "S08000025"),
  council("S12000026", "Scottish Borders", "S08000016"),
  council("S12000027", "Shetland Islands", "S08000026"),
  council("S12000028", "South Ayrshire", "S08000015"),
  council("S12000029", "South Lanarkshire", "S08000032"),
  council("S12000030", "Stirling", "S08000019"),
  council("S12000033", "Aberdeen City", "S08000020"),
  council("S12000034", "Aberdeenshire", "S08000020"),
  council("S12000035", "Argyll and Bute", "S08000022"),
  council("S12000036", "City of Edinburgh", "S08000024"),
  council("S12000038", "Renfrewshire", "S08000031"),
  council("S12000039", "West Dunbartonshire", "S08000031"),
  council("S12000040", "West Lothian", "S08000024"),
  council("S12000041", "Angus", "S08000030"),
  council("S12000042", "Dundee City", "S08000030"),
  council("S12000045", "East Dunbartonshire", "S08000031"),
  council("S12000047", "Fife", "S08000029"),
  council("S12000048", "Perth and Kinross", "S08000030"),
  council("S12000049", "Glasgow City", "S08000031"),
  council("S12000050", "North Lanarkshire", "S08000032"),
];

const healthBoardOfCouncil = new Map(scottishAreas.flatMap((area) => (area.healthBoard ? [[area.code, area.healthBoard] as const] : [])));

/**
 * The codes of the areas that contain a given area, itself included: a council area also lies in
 * its health board. Ward codes (S13) are returned alone, as the package carries no ward table.
 *
 * @example
 * ```ts
 * enclosingAreaCodes("S12000036"); // ["S12000036", "S08000024"]
 * ```
 */
export function enclosingAreaCodes(code: string): string[] {
  const healthBoard = healthBoardOfCouncil.get(code);
  return healthBoard === undefined ? [code] : [code, healthBoard];
}
