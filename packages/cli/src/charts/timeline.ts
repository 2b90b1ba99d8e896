import { escapeHtml } from "../html";
import { hiddenLabels, keyItem, markerSvg, round, seriesStyle, type ChartLabels, type MarkerShape } from "./shared";

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

/**
 * How a kind of event is drawn on a timeline, when the default (by order of appearance) will not do.
 *
 * @example
 * ```ts
 * const missed: TimelineKindStyle = { shape: "ring", colour: "#D55E00" };
 * ```
 */
export interface TimelineKindStyle {
  readonly shape?: MarkerShape;
  readonly colour?: string;
}

/**
 * Options of {@link timelineChart}.
 *
 * @example
 * ```ts
 * const options: TimelineOptions = { id: "timeline", title: "Goal progress", description: "One row per goal.", rows: [], today: "2026-04-28" };
 * ```
 */
export interface TimelineOptions extends ChartLabels {
  readonly rows: readonly TimelineRow[];
  /** Marked with a dashed line; the timeline runs at least to this day. */
  readonly today?: string;
  /** The order kinds are listed in the key (kinds not named follow in order of appearance). */
  readonly kindOrder?: readonly string[];
  /** A fixed look for some kinds. */
  readonly kindStyles?: Readonly<Record<string, TimelineKindStyle>>;
}

const DAY = 86_400_000;
const MARKER = 14;
const LANE = 18;
/** Markers closer than this share of the width go in separate lanes: 16 px on a 320 px track. */
const MIN_GAP_PERCENT = 5;

function epochDay(date: string): number {
  return Math.floor(Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date) / DAY);
}

function dayText(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/**
 * A timeline: one row per goal (its name above it, wrapped, never shortened), time from left to
 * right, a marker per event with its own shape and colour for each kind, and a key of the kinds.
 * Markers close in time are stacked in lanes so that none hides another, at any width.
 *
 * @example
 * ```ts
 * timelineChart({ id: "timeline", title: "Goal progress", description: "One row per goal.", rows: [row], today: "2026-04-28" });
 * ```
 */
export function timelineChart(options: TimelineOptions): string {
  const dated = options.rows.map((row) => row.events.filter((event) => Number.isFinite(epochDay(event.date))));
  const days = dated.flatMap((events) => events.map((event) => epochDay(event.date)));
  const today = options.today === undefined ? Number.NaN : epochDay(options.today);
  if (Number.isFinite(today)) days.push(today);
  const first = days.length === 0 ? 0 : days.reduce((low, day) => Math.min(low, day), Infinity);
  const last = days.length === 0 ? 1 : days.reduce((high, day) => Math.max(high, day), first + 1);
  const percentOf = (day: number): number => ((day - first) / (last - first)) * 100;
  const kinds = [...new Set([...(options.kindOrder ?? []), ...dated.flatMap((events) => events.map((event) => event.kind))])].filter((kind) => dated.some((events) => events.some((event) => event.kind === kind)));
  const styleOf = (kind: string): { colour: string; shape: MarkerShape; dash: string } => {
    const base = seriesStyle(kinds.indexOf(kind));
    const fixed = options.kindStyles?.[kind];
    return { colour: fixed?.colour ?? base.colour, shape: fixed?.shape ?? base.shape, dash: "" };
  };
  const todayLine = Number.isFinite(today) ? `<span class="timeline-today" style="left:${round(percentOf(today))}%"></span>` : "";
  const rows = options.rows
    .map((row, index) => {
      const events = [...(dated[index] ?? [])].map((event, order) => ({ event, order, percent: percentOf(epochDay(event.date)) })).sort((a, b) => a.percent - b.percent || a.order - b.order);
      const laneEnds: number[] = [];
      const placed = events.map((item) => {
        let lane = laneEnds.findIndex((end) => item.percent - end >= MIN_GAP_PERCENT);
        if (lane === -1) lane = laneEnds.length;
        laneEnds[lane] = item.percent;
        return { ...item, lane };
      });
      const height = Math.max(laneEnds.length, 1) * LANE + 4;
      const marks = placed
        .map(({ event, percent, lane }) => {
          const style = styleOf(event.kind);
          return `<span class="timeline-mark" style="left:${round(percent)}%;top:${2 + lane * LANE}px" title="${escapeHtml(`${event.date}: ${event.kind}: ${event.label}`)}"><svg viewBox="0 0 ${MARKER} ${MARKER}" aria-hidden="true" focusable="false">${markerSvg(style.shape, MARKER / 2, MARKER / 2, 12, style.colour)}</svg></span>`;
        })
        .join("");
      return `<div class="timeline-goal"><div class="timeline-label">${escapeHtml(row.label)}</div><div class="timeline-track" style="height:${height}px">${todayLine}${marks}</div></div>`;
    })
    .join("");
  const months: number[] = [];
  for (let day = first + 1; day < last; day++) if (dayText(day).endsWith("-01")) months.push(day);
  const step = [1, 2, 3, 6, 12, 24, 60].find((candidate) => months.length / candidate <= 6) ?? 120;
  let previous = -100;
  const monthLabels = months
    .filter((_, index) => index % step === 0)
    .flatMap((day) => {
      const percent = percentOf(day);
      if (percent < 6 || percent > 94 || percent - previous < 14) return [];
      previous = percent;
      return [`<span style="left:${round(percent)}%">${dayText(day).slice(0, 7)}</span>`];
    })
    .join("");
  const range = `<div class="timeline-range"><span>From ${dayText(first)}</span><span>to ${dayText(last)}${Number.isFinite(today) && today === last ? " (today, dashed line)" : ""}</span></div>`;
  const key = kinds.length === 0 ? "" : `<ul class="chart-key" aria-label="Key to the markers">${kinds.map((kind) => keyItem(kind, styleOf(kind), false)).join("")}</ul>`;
  return `<div class="timeline" role="img" aria-labelledby="${escapeHtml(options.id)}-title ${escapeHtml(options.id)}-desc">${hiddenLabels(options)}${range}${rows}<div class="timeline-months">${monthLabels}</div></div>${key}`;
}
