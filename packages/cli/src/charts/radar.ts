import { escapeHtml } from "../html";
import { keyItem, markerSvg, round, seriesStyle, type ChartLabels, type Series } from "./shared";

const SIZE = 420;
const CENTRE = SIZE / 2;
const RADIUS = 165;
const RINGS = [25, 50, 75, 100] as const;

function svgOpen(labels: ChartLabels): string {
  const id = escapeHtml(labels.id);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif" font-size="16"><title id="${id}-title">${escapeHtml(labels.title)}</title><desc id="${id}-desc">${escapeHtml(labels.description)}</desc>`;
}

/**
 * A radar (spider) chart: one numbered axis per label, values 0-100 from the centre outwards,
 * one polygon per series. Points without a value are left out of that series' polygon.
 *
 * @remarks
 * The chart keeps its text large enough to read on a phone: the axes are numbered on the chart
 * and named in full in a key beside it (never shortened), and each series has its own colour,
 * line pattern and marker shape, shown in the same key. The ring values are drawn above the
 * polygons on a white halo, so no polygon hides them.
 *
 * @example
 * ```ts
 * radarChart({ id: "radar", title: "Scores", description: "One polygon per perspective.", axes: ["Assets", "Capacity", "Networks"], series: [{ name: "People", values: [70, 55, 80] }] });
 * ```
 */
export function radarChart(options: ChartLabels & { axes: readonly string[]; series: readonly Series[] }): string {
  const count = Math.max(options.axes.length, 1);
  const point = (axis: number, value: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * axis) / count;
    return [CENTRE + Math.cos(angle) * RADIUS * (value / 100), CENTRE + Math.sin(angle) * RADIUS * (value / 100)];
  };
  const xy = (axis: number, value: number): string => point(axis, value).map(round).join(",");
  const rings = RINGS.map((level) => `<polygon points="${options.axes.map((_, axis) => xy(axis, level)).join(" ")}" fill="none" stroke="#c9d1da"/>`).join("");
  const spokes = options.axes
    .map((_, axis) => {
      const [x, y] = point(axis, 100);
      return `<line x1="${CENTRE}" y1="${CENTRE}" x2="${round(x)}" y2="${round(y)}" stroke="#c9d1da"/>`;
    })
    .join("");
  const polygons = options.series
    .map((item, index) => {
      const style = seriesStyle(index);
      const placed = item.values.flatMap((value, axis) => (value === null ? [] : [point(axis, value)]));
      if (placed.length === 0) return "";
      const points = placed.map((pair) => pair.map(round).join(",")).join(" ");
      const dash = style.dash === "" ? "" : ` stroke-dasharray="${style.dash}"`;
      const shape =
        placed.length >= 3
          ? `<polygon points="${points}" fill="${style.colour}" fill-opacity="0.12" stroke="${style.colour}" stroke-width="2.5"${dash}/>`
          : `<polyline points="${points}" fill="none" stroke="${style.colour}" stroke-width="2.5"${dash}/>`;
      const markers = placed.map(([x, y]) => markerSvg(style.shape, x, y, 11, style.colour)).join("");
      return `<g class="series"><title>${escapeHtml(item.name)}</title>${shape}${markers}</g>`;
    })
    .join("");
  const ticks = RINGS.map((level) => `<text class="ring-value" x="${CENTRE - 10}" y="${round(CENTRE - (RADIUS * level) / 100 + 5)}" text-anchor="end" font-size="15" fill="#4f5968" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${level}</text>`).join("");
  const numbers = options.axes
    .map((label, axis) => {
      const [x, y] = point(axis, 100 + (24 / RADIUS) * 100);
      return `<g class="axis-label"><title>${escapeHtml(label)}</title><circle cx="${round(x)}" cy="${round(y)}" r="14" fill="#ffffff" stroke="#1d2733" stroke-width="1.5"/><text x="${round(x)}" y="${round(y + 5.5)}" text-anchor="middle" font-weight="700">${axis + 1}</text></g>`;
    })
    .join("");
  const svg = `${svgOpen(options)}${rings}${spokes}${polygons}${ticks}${numbers}</svg>`;
  const seriesKey = options.series.length === 0 ? "" : `<ul class="chart-key" aria-label="Key to the polygons">${options.series.map((item, index) => keyItem(item.name, seriesStyle(index), true)).join("")}</ul>`;
  const axisKey = `<ol class="axis-key" aria-label="Key to the numbered axes">${options.axes.map((label, axis) => `<li><span class="axis-number">${axis + 1}</span><span>${escapeHtml(label)}</span></li>`).join("")}</ol>`;
  return `<div class="radar-layout">${svg}<div class="radar-keys">${seriesKey}${axisKey}<p class="chart-note">Rings mark ${RINGS.slice(0, -1).join(", ")} and ${RINGS[RINGS.length - 1]} out of 100.</p></div></div>`;
}
