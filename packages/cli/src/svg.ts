import { escapeHtml } from "./html";

/** Colours for series, distinguishable for common colour-vision differences (Okabe-Ito). */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"] as const;

/**
 * One named series of values on a 0-100 scale; `null` where there is nothing to show.
 *
 * @example
 * ```ts
 * const series: Series = { name: "Practitioners", values: [80, 65, null] };
 * ```
 */
export interface Series {
  readonly name: string;
  readonly values: readonly (number | null)[];
}


function round(value: number): string {
  return (Math.round(value * 10) / 10).toString();
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

function svgOpen(width: number, height: number, labels: ChartLabels): string {
  const ids = { title: `${labels.id}-title`, desc: `${labels.id}-desc` };
  const { title, description } = labels;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-labelledby="${ids.title} ${ids.desc}" font-family="system-ui, sans-serif" font-size="12"><title id="${ids.title}">${escapeHtml(title)}</title><desc id="${ids.desc}">${escapeHtml(description)}</desc>`;
}

function legend(series: readonly Series[], x: number, y: number): string {
  return series
    .map((item, index) => {
      const top = y + index * 18;
      const colour = SERIES_COLOURS[index % SERIES_COLOURS.length] as string;
      return `<rect x="${x}" y="${top}" width="12" height="12" fill="${colour}" fill-opacity="0.6" stroke="${colour}"/><text x="${x + 18}" y="${top + 10}">${escapeHtml(item.name)}</text>`;
    })
    .join("");
}

/** Break a label into at most two lines of about `width` characters, shortening the rest. */
function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of label.split(/\s+/)) {
    if (current !== "" && `${current} ${word}`.length > width) {
      lines.push(current);
      current = word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  lines.push(current);
  if (lines.length <= 2) return lines.map((line) => shorten(line, width + 2));
  return [shorten(lines[0] as string, width + 2), shorten(lines.slice(1).join(" "), width)];
}

function shorten(label: string, length: number): string {
  return label.length <= length ? label : `${label.slice(0, length - 1)}…`;
}

/**
 * A radar (spider) chart: one axis per label, values 0-100 from the centre outwards, one
 * polygon per series. Points without a value are left out of that series' polygon.
 *
 * @example
 * ```ts
 * radarChart({ id: "radar", title: "Scores", description: "One polygon per perspective.", axes: ["Assets", "Capacity", "Networks"], series: [{ name: "People", values: [70, 55, 80] }] });
 * ```
 */
export function radarChart(options: ChartLabels & { axes: readonly string[]; series: readonly Series[] }): string {
  const size = 460;
  const width = 600;
  const legendHeight = options.series.length * 18 + 10;
  const centre = { x: width / 2, y: size / 2 };
  const radius = size / 2 - 90;
  const count = Math.max(options.axes.length, 1);
  const point = (axis: number, value: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * axis) / count;
    return [centre.x + Math.cos(angle) * radius * (value / 100), centre.y + Math.sin(angle) * radius * (value / 100)];
  };
  const rings = [25, 50, 75, 100]
    .map((level) => {
      const points = options.axes.map((_, axis) => point(axis, level).map(round).join(",")).join(" ");
      return `<polygon points="${points}" fill="none" stroke="#c9d1da"/><text x="${round(centre.x + 3)}" y="${round(centre.y - (radius * level) / 100 - 2)}" fill="#55606e" font-size="10">${level}</text>`;
    })
    .join("");
  const spokes = options.axes
    .map((label, axis) => {
      const [x, y] = point(axis, 100);
      const [labelX, labelY] = point(axis, 118);
      const anchor = Math.abs(labelX - centre.x) < 10 ? "middle" : labelX < centre.x ? "end" : "start";
      const lines = wrapLabel(label, 18);
      const top = labelY + 4 - (lines.length - 1) * 7;
      const tspans = lines.map((line, index) => `<tspan x="${round(labelX)}" y="${round(top + index * 14)}">${escapeHtml(line)}</tspan>`).join("");
      return `<line x1="${centre.x}" y1="${centre.y}" x2="${round(x)}" y2="${round(y)}" stroke="#c9d1da"/><text text-anchor="${anchor}" font-size="11">${tspans}</text>`;
    })
    .join("");
  const polygons = options.series
    .map((item, index) => {
      const colour = SERIES_COLOURS[index % SERIES_COLOURS.length] as string;
      const points = item.values.flatMap((value, axis) => (value === null ? [] : [point(axis, value).map(round).join(",")]));
      if (points.length === 0) return "";
      const shape = points.length >= 3 ? `<polygon points="${points.join(" ")}" fill="${colour}" fill-opacity="0.18" stroke="${colour}" stroke-width="2"/>` : `<polyline points="${points.join(" ")}" fill="none" stroke="${colour}" stroke-width="2"/>`;
      const dots = points.map((xy) => `<circle cx="${xy.split(",")[0]}" cy="${xy.split(",")[1]}" r="3" fill="${colour}"/>`).join("");
      return `<g><title>${escapeHtml(item.name)}</title>${shape}${dots}</g>`;
    })
    .join("");
  return `${svgOpen(width, size + legendHeight, options)}${rings}${spokes}${polygons}${legend(options.series, 20, size)}</svg>`;
}

/**
 * A horizontal grouped bar chart: one row per category, one bar per series, values 0-100.
 *
 * @example
 * ```ts
 * barChart({ id: "bars", title: "By indicator", description: "Two cycles.", categories: ["Goals", "Strengths"], series: [{ name: "Cycle 1", values: [60, 72] }] });
 * ```
 */
export function barChart(options: ChartLabels & { categories: readonly string[]; series: readonly Series[] }): string {
  const labelWidth = 210;
  const plotWidth = 330;
  const barHeight = 14;
  const groupGap = 12;
  const groupHeight = options.series.length * barHeight + groupGap;
  const top = 24;
  const plotHeight = options.categories.length * groupHeight;
  const legendTop = top + plotHeight + 28;
  const height = legendTop + options.series.length * 18 + 6;
  const width = labelWidth + plotWidth + 60;
  const grid = [0, 25, 50, 75, 100]
    .map((level) => {
      const x = labelWidth + (plotWidth * level) / 100;
      return `<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${top + plotHeight}" stroke="#e1e6ec"/><text x="${x}" y="${top - 10}" text-anchor="middle" fill="#55606e" font-size="10">${level}</text>`;
    })
    .join("");
  const rows = options.categories
    .map((category, row) => {
      const y = top + row * groupHeight;
      const label = `<text x="${labelWidth - 8}" y="${y + (options.series.length * barHeight) / 2 + 4}" text-anchor="end" font-size="11">${escapeHtml(shorten(category, 30))}</text>`;
      const bars = options.series
        .map((item, index) => {
          const value = item.values[row] ?? null;
          const colour = SERIES_COLOURS[index % SERIES_COLOURS.length] as string;
          const barY = y + index * barHeight;
          if (value === null) return `<text x="${labelWidth + 4}" y="${barY + 11}" fill="#55606e" font-size="10">no ratings</text>`;
          const barWidth = Math.max((plotWidth * value) / 100, 1);
          return `<rect x="${labelWidth}" y="${barY}" width="${round(barWidth)}" height="${barHeight - 2}" fill="${colour}"><title>${escapeHtml(`${item.name}: ${round(value)}`)}</title></rect><text x="${round(labelWidth + barWidth + 4)}" y="${barY + 11}" font-size="10">${round(value)}</text>`;
        })
        .join("");
      return label + bars;
    })
    .join("");
  return `${svgOpen(width, height, options)}${grid}${rows}${legend(options.series, labelWidth, legendTop)}</svg>`;
}

/**
 * One marker on a timeline row.
 *
 * @example
 * ```ts
 * const event: TimelineEvent = { date: "2026-03-16", kind: "Check-in", label: "Walked twice" };
 * ```
 */
export interface TimelineEvent {
  readonly date: string;
  readonly kind: string;
  readonly label: string;
}

/**
 * One row of a timeline: a goal and its events.
 *
 * @example
 * ```ts
 * const row: TimelineRow = { label: "Walk to the park", events: [{ date: "2026-03-16", kind: "Check-in", label: "Walked twice" }] };
 * ```
 */
export interface TimelineRow {
  readonly label: string;
  readonly events: readonly TimelineEvent[];
}

function epochDay(date: string): number {
  return Math.floor(Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date) / 86_400_000);
}

/**
 * A timeline: one row per goal, time from left to right, a marker per event coloured by its
 * kind, with a legend of the kinds.
 *
 * @example
 * ```ts
 * timelineChart({ id: "timeline", title: "Goal progress", description: "One row per goal.", rows: [row] });
 * ```
 */
export function timelineChart(options: ChartLabels & { rows: readonly TimelineRow[] }): string {
  const labelWidth = 200;
  const plotWidth = 420;
  const rowHeight = 36;
  const top = 34;
  const days = options.rows.flatMap((row) => row.events.map((event) => epochDay(event.date))).filter((day) => Number.isFinite(day));
  const first = days.length === 0 ? 0 : days.reduce((earliest, day) => Math.min(earliest, day));
  const last = days.length === 0 ? 1 : days.reduce((latest, day) => Math.max(latest, day), first + 1);
  const kindsSeen = [...new Set(options.rows.flatMap((row) => row.events.map((event) => event.kind)))];
  const colourOf = (kind: string): string => SERIES_COLOURS[kindsSeen.indexOf(kind) % SERIES_COLOURS.length] as string;
  const dayText = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const xOf = (date: string): number => labelWidth + (plotWidth * (epochDay(date) - first)) / (last - first);
  const plotHeight = options.rows.length * rowHeight;
  const legendTop = top + plotHeight + 30;
  const width = labelWidth + plotWidth + 40;
  const height = legendTop + kindsSeen.length * 18 + 6;
  const axis = `<line x1="${labelWidth}" y1="${top - 8}" x2="${labelWidth + plotWidth}" y2="${top - 8}" stroke="#55606e"/><text x="${labelWidth}" y="${top - 14}" font-size="10" fill="#55606e">${dayText(first)}</text><text x="${labelWidth + plotWidth}" y="${top - 14}" font-size="10" fill="#55606e" text-anchor="end">${dayText(last)}</text>`;
  const months: string[] = [];
  for (let day = first + 1; day < last; day++) {
    const date = dayText(day);
    if (date.endsWith("-01")) months.push(date);
  }
  const ticks = months
    .map((date) => `<line x1="${round(xOf(date))}" y1="${top - 11}" x2="${round(xOf(date))}" y2="${top + plotHeight}" stroke="#e1e6ec"/><text x="${round(xOf(date))}" y="${top + plotHeight + 12}" font-size="10" fill="#55606e" text-anchor="middle">${date.slice(0, 7)}</text>`)
    .join("");
  const rows = options.rows
    .map((row, index) => {
      const y = top + index * rowHeight + rowHeight / 2;
      const line = `<line x1="${labelWidth}" y1="${y}" x2="${labelWidth + plotWidth}" y2="${y}" stroke="#e1e6ec"/>`;
      const label = `<text x="${labelWidth - 8}" y="${y + 4}" text-anchor="end" font-size="11">${escapeHtml(shorten(row.label, 30))}</text>`;
      const dated = row.events.filter((event) => Number.isFinite(epochDay(event.date)));
      // Events on the same day are spread up and down a little so that none hides another.
      const markers = dated
        .map((event, position) => {
          const sameDay = dated.filter((other) => other.date === event.date);
          const rank = dated.slice(0, position).filter((other) => other.date === event.date).length;
          const cy = y + (rank - (sameDay.length - 1) / 2) * 9;
          return `<circle cx="${round(xOf(event.date))}" cy="${round(cy)}" r="6" fill="${colourOf(event.kind)}" stroke="#ffffff"><title>${escapeHtml(`${event.date}: ${event.label}`)}</title></circle>`;
        })
        .join("");
      return line + label + markers;
    })
    .join("");
  const legendItems = kindsSeen.map((kind, index) => `<circle cx="${labelWidth + 6}" cy="${legendTop + index * 18 + 6}" r="6" fill="${colourOf(kind)}"/><text x="${labelWidth + 18}" y="${legendTop + index * 18 + 10}">${escapeHtml(kind)}</text>`).join("");
  return `${svgOpen(width, height, options)}${axis}${ticks}${rows}${legendItems}</svg>`;
}
