import { escapeHtml } from "../html";
import { hiddenLabels, keyItem, round, seriesStyle, type ChartLabels, type Series } from "./shared";

/**
 * The scale a bar chart is drawn on: where the bars start and end, and the values marked.
 *
 * @example
 * ```ts
 * const ratings: ChartScale = { min: 1, max: 5, ticks: [1, 2, 3, 4, 5] };
 * ```
 */
export interface ChartScale {
  readonly min: number;
  readonly max: number;
  /** The values marked along the axis (default: five evenly spaced, ends included). */
  readonly ticks?: readonly number[];
  /** Decimal places of the values written beside the bars (default 1). */
  readonly decimals?: number;
}

function defaultTicks(scale: ChartScale): number[] {
  return [0, 1, 2, 3, 4].map((step) => Math.round((scale.min + ((scale.max - scale.min) * step) / 4) * 100) / 100);
}

/**
 * A horizontal grouped bar chart: one group per category, one bar per series, on the reader's
 * own scale (0-100 unless `scale` says otherwise).
 *
 * @remarks
 * Drawn in HTML with a thin SVG per bar, so every word stays at the page's text size on any
 * screen: category names wrap over as many lines as they need (never shortened), and every bar
 * is labelled with its series' short name and its value, so colour is never the only cue.
 *
 * @example
 * ```ts
 * barChart({ id: "bars", title: "By indicator", description: "Two cycles.", categories: ["Goals", "Strengths"], series: [{ name: "Cycle 1", values: [3.5, 4] }], scale: { min: 1, max: 5 } });
 * ```
 */
export function barChart(options: ChartLabels & { categories: readonly string[]; series: readonly Series[]; scale?: ChartScale }): string {
  const scale = options.scale ?? { min: 0, max: 100 };
  const span = scale.max - scale.min === 0 ? 1 : scale.max - scale.min;
  const decimals = scale.decimals ?? 1;
  const ticks = scale.ticks ?? defaultTicks(scale);
  const share = (value: number): number => Math.min(Math.max((value - scale.min) / span, 0), 1) * 100;
  const gridLines = ticks
    .slice(1, -1)
    .map((tick) => `<line x1="${round(share(tick))}" y1="0" x2="${round(share(tick))}" y2="10" stroke="#d5dbe2" vector-effect="non-scaling-stroke"/>`)
    .join("");
  const format = (value: number): string => (Math.round(value * 10 ** decimals) / 10 ** decimals).toString();
  const scaleRow = `<span></span><span class="bar-scale">${ticks.map((tick) => `<span>${escapeHtml(format(tick))}</span>`).join("")}</span><span></span>`;
  const groups = options.categories
    .map((category, row) => {
      const bars = options.series
        .map((item, index) => {
          const value = item.values[row] ?? null;
          const name = `<span class="bar-name">${escapeHtml(item.shortName ?? item.name)}</span>`;
          if (value === null) return `${name}<span class="bar-none">no ratings</span>`;
          const { colour } = seriesStyle(index);
          const width = Math.max(share(value), 0.5);
          return `${name}<span class="bar-track"><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">${gridLines}<rect class="bar" x="0" y="1" width="${round(width)}" height="8" fill="${colour}"/></svg></span><span class="bar-value">${escapeHtml(format(value))}</span>`;
        })
        .join("");
      return `<span class="bar-category">${escapeHtml(category)}</span>${bars}`;
    })
    .join("");
  const key = options.series.length > 1 || options.series.some((item) => item.shortName !== undefined) ? `<ul class="chart-key" aria-label="Key to the bars">${options.series.map((item, index) => keyItem(item.name, { ...seriesStyle(index), shape: "square" }, false)).join("")}</ul>` : "";
  return `<div class="bar-chart" role="img" aria-labelledby="${escapeHtml(options.id)}-title ${escapeHtml(options.id)}-desc">${hiddenLabels(options)}${scaleRow}${groups}</div>${key}`;
}
