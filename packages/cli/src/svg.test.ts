import { parseStrict } from "../test/html-check";
import { describe, expect, it } from "vitest";
import { barChart, radarChart, timelineChart } from "./svg";

function svgOf(markup: string) {
  const svg = parseStrict(markup)[0];
  return { svg, attribute: (name: string) => svg?.attrs[name] };
}

describe("radarChart", () => {
  const chart = radarChart({
    id: "radar",
    title: "Scores <by> principle",
    description: "Two perspectives",
    axes: ["Assets", "Capacity", "Mutuality", "Networks"],
    series: [
      { name: "People & carers", values: [100, 50, 0, 75] },
      { name: "Practitioners", values: [null, 50, 50, null] },
    ],
  });

  it("is an accessible SVG with a title and description it is labelled by", () => {
    const { svg, attribute } = svgOf(chart);
    expect(svg?.tagName).toBe("svg");
    expect(attribute("role")).toBe("img");
    expect(attribute("aria-labelledby")).toBe("radar-title radar-desc");
    expect(chart).toContain('<title id="radar-title">Scores &lt;by&gt; principle</title>');
    expect(chart).toContain('<desc id="radar-desc">Two perspectives</desc>');
  });

  it("draws one polygon per complete series at the right radius", () => {
    // 600 wide, radius 140, centre (300,230); axis 0 points up, axis 1 right.
    expect(chart).toContain('<polygon points="300,90 370,230 300,230 195,230" fill="#0072B2"');
    // A series with two points only is a line, not a polygon.
    expect(chart).toContain('<polyline points="370,230 300,300" fill="none" stroke="#E69F00"');
    expect(chart).toContain("People &amp; carers");
    expect(chart).toContain(">Assets</tspan>");
  });

  it("wraps long axis labels onto two lines and shortens the rest", () => {
    const chart = radarChart({ id: "r", title: "T", description: "d", axes: ["Blurring the roles between professionals and the people they serve", "B", "C"], series: [] });
    expect(chart).toContain(">Blurring the roles</tspan>");
    expect(chart).toContain(">between professio…</tspan>");
  });
});

describe("barChart", () => {
  it("draws a bar per series and category, proportional to the value, and notes gaps", () => {
    const chart = barChart({ id: "bars", title: "Bars", description: "d", categories: ["One", "Two"], series: [{ name: "Cycle 1", values: [50, null] }, { name: "Cycle 2", values: [100, 0] }] });
    expect(chart).toContain('<rect x="210" y="24" width="165" height="12" fill="#0072B2">');
    expect(chart).toContain('<rect x="210" y="38" width="330" height="12" fill="#E69F00">');
    expect(chart).toContain("no ratings");
    expect(chart).toContain('<rect x="210" y="78" width="1" height="12"');
    expect(svgOf(chart).attribute("viewBox")).toMatch(/^0 0 600 \d+$/);
  });
});

describe("timelineChart", () => {
  it("places events by date between the first and last day, coloured by kind", () => {
    const chart = timelineChart({
      id: "timeline",
      title: "Timeline",
      description: "d",
      rows: [
        { label: "Walk to the park", events: [{ date: "2026-01-01", kind: "Created", label: "start" }, { date: "2026-01-11", kind: "Check-in", label: "<ok>" }] },
        { label: "Sleep", events: [{ date: "2026-01-06", kind: "Check-in", label: "mid" }, { date: "not a date", kind: "Check-in", label: "skipped" }] },
      ],
    });
    expect(chart).toContain('<circle cx="200" cy="52" r="6" fill="#0072B2"');
    expect(chart).toContain('<circle cx="620" cy="52" r="6" fill="#E69F00"');
    expect(chart).toContain('<circle cx="410" cy="88" r="6" fill="#E69F00"');
    expect(chart).toContain("2026-01-11: &lt;ok&gt;");
    expect(chart).not.toContain("skipped");
  });

  it("spreads events of the same day so none hides another, and marks the months", () => {
    const chart = timelineChart({
      id: "t",
      title: "T",
      description: "d",
      rows: [{ label: "Goal", events: [{ date: "2026-02-20", kind: "A", label: "a" }, { date: "2026-02-20", kind: "B", label: "b" }, { date: "2026-03-10", kind: "A", label: "c" }] }],
    });
    // One row centred at y 52: two same-day markers sit 4.5 above and below it.
    expect(chart).toContain('<circle cx="200" cy="47.5" r="6"');
    expect(chart).toContain('<circle cx="200" cy="56.5" r="6"');
    expect(chart).toContain('<circle cx="620" cy="52" r="6"');
    // 1 March is 9 of 18 days in: half way along the 420-wide plot.
    expect(chart).toContain('<text x="410" y="82" font-size="10" fill="#55606e" text-anchor="middle">2026-03</text>');
  });

  it("draws an empty timeline without failing", () => {
    expect(timelineChart({ id: "t", title: "T", description: "d", rows: [] })).toContain("1970-01-01");
  });
});
