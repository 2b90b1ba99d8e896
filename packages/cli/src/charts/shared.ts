import { escapeHtml } from "../html";

/**
 * Colours for series, distinguishable for common colour-vision differences (Okabe-Ito).
 * Colour is never the only cue: every series also has its own marker shape and line pattern.
 *
 * @example
 * ```ts
 * SERIES_COLOURS[0]; // "#0072B2"
 * ```
 */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"] as const;

/**
 * Marker shapes for series and event kinds, in the order they are handed out.
 *
 * @example
 * ```ts
 * SERIES_MARKERS[1]; // "square"
 * ```
 */
export const SERIES_MARKERS = ["circle", "square", "triangle", "diamond", "cross", "star", "ring", "bar"] as const;

/**
 * A marker shape (see {@link SERIES_MARKERS}).
 *
 * @example
 * ```ts
 * const shape: MarkerShape = "diamond";
 * ```
 */
export type MarkerShape = (typeof SERIES_MARKERS)[number];

/**
 * Line patterns (`stroke-dasharray`) for series, in the order they are handed out; `""` is solid.
 *
 * @example
 * ```ts
 * SERIES_DASHES[1]; // "9 5"
 * ```
 */
export const SERIES_DASHES = ["", "9 5", "2 4", "12 4 3 4", "6 3", "1 3", "14 6", "4 2 1 2"] as const;

/**
 * The look of the n-th series: colour, marker shape and line pattern.
 *
 * @example
 * ```ts
 * seriesStyle(1); // { colour: "#E69F00", shape: "square", dash: "9 5" }
 * ```
 */
export function seriesStyle(index: number): { colour: string; shape: MarkerShape; dash: string } {
  return {
    colour: SERIES_COLOURS[index % SERIES_COLOURS.length] as string,
    shape: SERIES_MARKERS[index % SERIES_MARKERS.length] as MarkerShape,
    dash: SERIES_DASHES[index % SERIES_DASHES.length] as string,
  };
}

/**
 * One named series of values; `null` where there is nothing to show. Values are on the chart's
 * scale (0-100 unless the chart is given another one).
 *
 * @example
 * ```ts
 * const series: Series = { name: "Practitioners", values: [80, 65, null] };
 * ```
 */
export interface Series {
  readonly name: string;
  /** A short name shown beside each bar (defaults to `name`). */
  readonly shortName?: string;
  readonly values: readonly (number | null)[];
}

/**
 * What every chart needs: a page-unique id, and a title and description for screen readers.
 *
 * @example
 * ```ts
 * const labels: ChartLabels = { id: "principles-radar", title: "Scores by principle", description: "One polygon per perspective." };
 * ```
 */
export interface ChartLabels {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/**
 * A number rounded to one decimal place, as text.
 *
 * @example
 * ```ts
 * round(2.345); // "2.3"
 * ```
 */
export function round(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/**
 * An SVG marker of the given shape centred on (x, y), `size` across.
 *
 * @example
 * ```ts
 * markerSvg("square", 10, 10, 8, "#0072B2"); // '<rect x="6" y="6" width="8" height="8" .../>'
 * ```
 */
export function markerSvg(shape: MarkerShape, x: number, y: number, size: number, colour: string): string {
  const r = size / 2;
  const edge = `stroke="#ffffff" stroke-width="1"`;
  const points = (list: ReadonlyArray<readonly [number, number]>): string => list.map(([px, py]) => `${round(x + px * r)},${round(y + py * r)}`).join(" ");
  switch (shape) {
    case "square":
      return `<rect x="${round(x - r * 0.85)}" y="${round(y - r * 0.85)}" width="${round(r * 1.7)}" height="${round(r * 1.7)}" fill="${colour}" ${edge}/>`;
    case "triangle":
      return `<polygon points="${points([[0, -1.1], [1, 0.75], [-1, 0.75]])}" fill="${colour}" ${edge}/>`;
    case "diamond":
      return `<polygon points="${points([[0, -1.1], [1.1, 0], [0, 1.1], [-1.1, 0]])}" fill="${colour}" ${edge}/>`;
    case "cross":
      return `<polygon points="${points([[-0.35, -1], [0.35, -1], [0.35, -0.35], [1, -0.35], [1, 0.35], [0.35, 0.35], [0.35, 1], [-0.35, 1], [-0.35, 0.35], [-1, 0.35], [-1, -0.35], [-0.35, -0.35]])}" fill="${colour}" ${edge}/>`;
    case "star":
      return `<polygon points="${points([[0, -1.15], [0.3, -0.38], [1.1, -0.36], [0.47, 0.14], [0.68, 0.93], [0, 0.47], [-0.68, 0.93], [-0.47, 0.14], [-1.1, -0.36], [-0.3, -0.38]])}" fill="${colour}" ${edge}/>`;
    case "ring":
      return `<circle cx="${round(x)}" cy="${round(y)}" r="${round(r * 0.8)}" fill="#ffffff" stroke="${colour}" stroke-width="${round(r * 0.4)}"/>`;
    case "bar":
      return `<rect x="${round(x - r * 0.4)}" y="${round(y - r)}" width="${round(r * 0.8)}" height="${round(r * 2)}" fill="${colour}" ${edge}/>`;
    default:
      return `<circle cx="${round(x)}" cy="${round(y)}" r="${round(r)}" fill="${colour}" ${edge}/>`;
  }
}

/**
 * One entry of a chart key: a small picture of the marker (and line, when given) and its name.
 * The picture is decorative; the name is the text.
 *
 * @example
 * ```ts
 * keyItem("Practitioner", { colour: "#0072B2", shape: "circle", dash: "" }, true);
 * ```
 */
export function keyItem(name: string, style: { colour: string; shape: MarkerShape; dash: string }, withLine: boolean): string {
  const line = withLine ? `<line x1="1" y1="8" x2="31" y2="8" stroke="${style.colour}" stroke-width="2.5"${style.dash === "" ? "" : ` stroke-dasharray="${style.dash}"`}/>` : "";
  const width = withLine ? 32 : 16;
  return `<li><svg width="${width}" height="16" viewBox="0 0 ${width} 16" aria-hidden="true" focusable="false">${line}${markerSvg(style.shape, width / 2, 8, 11, style.colour)}</svg><span>${escapeHtml(name)}</span></li>`;
}

/**
 * The title and description of a chart drawn in HTML, for screen readers only.
 *
 * @example
 * ```ts
 * hiddenLabels({ id: "bars", title: "Ratings", description: "Bars by indicator." });
 * ```
 */
export function hiddenLabels(labels: ChartLabels): string {
  return `<span class="visually-hidden" id="${escapeHtml(labels.id)}-title">${escapeHtml(labels.title)}</span><span class="visually-hidden" id="${escapeHtml(labels.id)}-desc">${escapeHtml(labels.description)}</span>`;
}
