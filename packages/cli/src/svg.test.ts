import { parseStrict } from "../test/html-check";
import { describe, expect, it } from "vitest";
import { barChart, markerSvg, radarChart, SERIES_MARKERS, seriesStyle, timelineChart } from "./svg";

const tagsOf = (markup: string) => parseStrict(markup);

describe("radarChart", () => {
  const chart = radarChart({
    id: "radar",
    title: "Scores <by> principle",
    description: "Two perspectives",
    axes: ["Assets", "Capacity", "Mutuality", "Blurring the roles between professionals and the people they serve"],
    series: [
      { name: "People & carers", values: [100, 50, 0, 75] },
      { name: "Practitioners", values: [null, 50, 50, null] },
    ],
  });
  const elements = tagsOf(chart);

  it("is an accessible SVG with a title and description it is labelled by, and a key beside it", () => {
    const svg = elements.find((element) => element.tagName === "svg");
    expect(svg?.attrs.role).toBe("img");
    expect(svg?.attrs["aria-labelledby"]).toBe("radar-title radar-desc");
    expect(chart).toContain('<title id="radar-title">Scores &lt;by&gt; principle</title>');
    expect(chart).toContain('<desc id="radar-desc">Two perspectives</desc>');
    expect(elements[0]?.attrs.class).toBe("radar-layout");
    expect(elements[0]?.children.map((child) => child.tagName)).toEqual(["svg", "div"]);
  });

  it("draws one polygon per complete series at the right radius, each with its own line and markers", () => {
    // 420 square, radius 165, centre (210,210); axis 0 points up, axis 1 right.
    expect(chart).toContain('<polygon points="210,45 292.5,210 210,210 86.3,210" fill="#0072B2" fill-opacity="0.12" stroke="#0072B2" stroke-width="2.5"/>');
    // A series with two points only is a line, not a polygon, and it is dashed.
    expect(chart).toContain('<polyline points="292.5,210 210,292.5" fill="none" stroke="#E69F00" stroke-width="2.5" stroke-dasharray="9 5"/>');
    // Markers: circles for the first series, squares for the second (and one of each in the key).
    expect(elements.filter((element) => element.tagName === "circle" && element.attrs.fill === "#0072B2")).toHaveLength(4 + 1);
    expect(elements.filter((element) => element.tagName === "rect" && element.attrs.fill === "#E69F00")).toHaveLength(2 + 1);
    expect(chart).toContain("People &amp; carers");
  });

  it("numbers the axes on the chart and names them in full in the key, never shortened", () => {
    const key = elements.find((element) => element.tagName === "ol");
    expect(key?.children.map((item) => item.text)).toEqual(["1Assets", "2Capacity", "3Mutuality", "4Blurring the roles between professionals and the people they serve"]);
    expect(chart).not.toContain("…");
    const numbers = elements.filter((element) => element.tagName === "g" && element.attrs.class === "axis-label").map((group) => group.children.find((child) => child.tagName === "text")?.text);
    expect(numbers).toEqual(["1", "2", "3", "4"]);
  });

  it("draws the ring values above the polygons, on a halo, at 15 units or more", () => {
    const order = elements.map((element) => element.attrs.class ?? element.tagName);
    const lastSeries = order.lastIndexOf("series");
    const firstRing = order.indexOf("ring-value");
    expect(firstRing).toBeGreaterThan(lastSeries);
    const rings = elements.filter((element) => element.attrs.class === "ring-value");
    expect(rings.map((ring) => ring.text)).toEqual(["25", "50", "75", "100"]);
    for (const ring of rings) expect(ring.attrs).toMatchObject({ stroke: "#ffffff", "paint-order": "stroke", "font-size": "15" });
    for (const text of elements.filter((element) => element.tagName === "text")) expect(Number(text.attrs["font-size"] ?? 16)).toBeGreaterThanOrEqual(15);
  });

  it("draws an empty radar without failing", () => {
    expect(radarChart({ id: "r", title: "T", description: "d", axes: [], series: [] })).toContain("<svg");
  });
});

describe("barChart", () => {
  const chart = barChart({
    id: "bars",
    title: "Bars",
    description: "d",
    categories: ["One", "Two", "A category name long enough to wrap over several lines on a phone"],
    series: [
      { name: "Cycle 1 (2026-01-01 to 2026-02-28)", shortName: "Cycle 1", values: [3, null, 1] },
      { name: "Cycle 2", values: [5, 9, 4.25] },
    ],
    scale: { min: 1, max: 5, decimals: 2 },
  });
  const elements = tagsOf(chart);
  const bars = elements.filter((element) => element.attrs.class === "bar");

  it("draws a bar per value on the given scale, clamped to it, and notes gaps", () => {
    expect(bars.map((bar) => bar.attrs.width)).toEqual(["50", "100", "100", "0.5", "81.3"]);
    expect(elements.filter((element) => element.attrs.class === "bar-value").map((element) => element.text)).toEqual(["3", "5", "9", "1", "4.25"]);
    expect(chart).toContain("no ratings");
    expect(elements.find((element) => element.attrs.class === "bar-scale")?.children.map((tick) => tick.text)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("labels every bar with its series, keeps category names whole, and keys the series", () => {
    expect(elements.filter((element) => element.attrs.class === "bar-name").map((element) => element.text)).toEqual(["Cycle 1", "Cycle 2", "Cycle 1", "Cycle 2", "Cycle 1", "Cycle 2"]);
    expect(chart).toContain('<span class="bar-category">A category name long enough to wrap over several lines on a phone</span>');
    expect(elements.find((element) => element.attrs["aria-label"] === "Key to the bars")?.children.map((item) => item.text)).toEqual(["Cycle 1 (2026-01-01 to 2026-02-28)", "Cycle 2"]);
    expect(elements[0]).toMatchObject({ tagName: "div", attrs: { role: "img", "aria-labelledby": "bars-title bars-desc" } });
  });

  it("defaults to 0-100 and needs no key for one series with no short name", () => {
    const simple = barChart({ id: "b", title: "T", description: "d", categories: ["x"], series: [{ name: "Only", values: [25] }] });
    expect(simple).toContain('width="25"');
    expect(simple).toContain("<span>0</span><span>25</span><span>50</span><span>75</span><span>100</span>");
    expect(simple).not.toContain("chart-key");
    expect(barChart({ id: "b", title: "T", description: "d", categories: ["x"], series: [{ name: "Only", values: [2] }], scale: { min: 2, max: 2 } })).toContain('width="0.5"');
  });
});

describe("timelineChart", () => {
  const left = (markup: string) => tagsOf(markup).filter((element) => element.attrs.class === "timeline-mark").map((element) => element.attrs.style);

  it("places events by date between the first day and today, and names each goal in full", () => {
    const chart = timelineChart({
      id: "timeline",
      title: "Timeline",
      description: "d",
      today: "2026-01-21",
      rows: [
        { label: "Walk to the park, like I used to with the dog", events: [{ date: "2026-01-01", kind: "Created", label: "start" }, { date: "2026-01-11", kind: "Check-in", label: "<ok>" }] },
        { label: "Sleep", events: [{ date: "2026-01-06", kind: "Check-in", label: "mid" }, { date: "not a date", kind: "Check-in", label: "skipped" }] },
      ],
    });
    expect(left(chart)).toEqual(["left:0%;top:2px", "left:50%;top:2px", "left:25%;top:2px"]);
    expect(chart).toContain('<span class="timeline-today" style="left:100%"></span>');
    expect(chart).toContain("2026-01-11: Check-in: &lt;ok&gt;");
    expect(chart).not.toContain("skipped");
    expect(chart).toContain('<div class="timeline-label">Walk to the park, like I used to with the dog</div>');
    expect(chart).toContain("to 2026-01-21 (today, dashed line)");
  });

  it("stacks markers close in time in lanes, so that none hides another at any width", () => {
    const chart = timelineChart({
      id: "t",
      title: "T",
      description: "d",
      rows: [{ label: "Goal", events: [{ date: "2026-02-20", kind: "A", label: "a" }, { date: "2026-02-20", kind: "B", label: "b" }, { date: "2026-02-21", kind: "A", label: "c" }, { date: "2026-04-10", kind: "A", label: "d" }] }],
    });
    expect(left(chart)).toEqual(["left:0%;top:2px", "left:0%;top:20px", "left:2%;top:38px", "left:100%;top:2px"]);
    expect(chart).toContain('style="height:58px"');
    // 1 March and 1 April are marked along the bottom.
    expect(chart).toContain('<span style="left:18.4%">2026-03</span><span style="left:81.6%">2026-04</span>');
  });

  it("gives each kind its own shape, in the order asked for, with fixed looks when given", () => {
    const chart = timelineChart({
      id: "t",
      title: "T",
      description: "d",
      kindOrder: ["Second", "First"],
      kindStyles: { Missed: { shape: "ring", colour: "#D55E00" } },
      rows: [{ label: "Goal", events: [{ date: "2026-02-01", kind: "First", label: "a" }, { date: "2026-03-01", kind: "Second", label: "b" }, { date: "2026-04-01", kind: "Missed", label: "c" }] }],
    });
    const key = tagsOf(chart).find((element) => element.attrs["aria-label"] === "Key to the markers");
    expect(key?.children.map((item) => item.text)).toEqual(["Second", "First", "Missed"]);
    expect(chart).toContain('<circle cx="7" cy="7" r="4.8" fill="#ffffff" stroke="#D55E00"');
    expect(chart).toContain('<rect x="1.9" y="1.9" width="10.2" height="10.2" fill="#E69F00"');
  });

  it("draws an empty timeline without failing", () => {
    expect(timelineChart({ id: "t", title: "T", description: "d", rows: [] })).toContain("1970-01-01");
  });
});

describe("markers", () => {
  it("has a distinct drawing for every shape, and hands shapes out in turn", () => {
    const drawings = SERIES_MARKERS.map((shape) => markerSvg(shape, 10, 10, 10, "#000000"));
    expect(new Set(drawings).size).toBe(SERIES_MARKERS.length);
    for (const drawing of drawings) expect(tagsOf(drawing)).toHaveLength(1);
    expect(seriesStyle(SERIES_MARKERS.length)).toEqual(seriesStyle(0));
    expect(seriesStyle(1)).toEqual({ colour: "#E69F00", shape: "square", dash: "9 5" });
  });
});
