const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escape text for HTML and SVG content and attribute values.
 *
 * @example
 * ```ts
 * escapeHtml("<b>Tom & Jerry</b>"); // "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"
 * ```
 */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (character) => ESCAPES[character] as string);
}

/**
 * A table cell: text (escaped) with an optional numeric flag for right alignment.
 *
 * @example
 * ```ts
 * const cells: Cell[] = ["Assets", 72.5, null];
 * ```
 */
export type Cell = string | number | null;

/**
 * Options for {@link dataTable}: an id for the table's caption (derived from the caption when
 * absent), so that the scrolling region around a wide table is named by it.
 *
 * @example
 * ```ts
 * const options: DataTableOptions = { id: "scores-by-principle" };
 * ```
 */
export interface DataTableOptions {
  readonly id?: string;
}

/**
 * A page-unique id made from a text: lower case letters, digits and hyphens.
 *
 * @example
 * ```ts
 * slug("Scores by principle (0-100)"); // "scores-by-principle-0-100"
 * ```
 */
export function slug(text: string): string {
  const made = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return made === "" ? "table" : made;
}

/**
 * An accessible data table with a caption and column headers. The table sits in a region named
 * by its caption that can be reached with the keyboard, so that a table wider than a phone's
 * screen scrolls inside the page rather than making the whole page scroll sideways.
 *
 * @example
 * ```ts
 * dataTable("Scores", ["Principle", "Score"], [["Assets", 72.5]]);
 * ```
 */
export function dataTable(caption: string, headers: readonly string[], rows: readonly (readonly Cell[])[], options: DataTableOptions = {}): string {
  const id = `${options.id ?? slug(caption)}-caption`;
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join("");
  const body = rows
    .map((row) => {
      const cells = row.map((cell, index) => {
        const text = cell === null ? "–" : escapeHtml(cell);
        if (index === 0) return `<th scope="row">${text}</th>`;
        return typeof cell === "number" ? `<td class="number">${text}</td>` : `<td>${text}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<div class="table" role="region" tabindex="0" aria-labelledby="${escapeHtml(id)}">\n<table>\n<caption id="${escapeHtml(id)}">${escapeHtml(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</div>`;
}

/**
 * A chart and its data table, in a section with a heading. The chart comes first; on a wide
 * screen the table sits beside it (below it when `stacked`, for wide charts), on a narrow one
 * below it, and in print they stay together.
 *
 * @example
 * ```ts
 * chartSection("By principle", "Higher is better.", radarSvg, tableHtml);
 * ```
 */
export function chartSection(heading: string, intro: string, chart: string, table: string, options: { readonly stacked?: boolean } = {}): string {
  return `<section class="chart-section">\n<h2>${escapeHtml(heading)}</h2>\n<p>${escapeHtml(intro)}</p>\n<div class="pair${options.stacked === true ? " stacked" : ""}">\n<figure>${chart}</figure>\n${table}\n</div>\n</section>`;
}

/**
 * A number and a noun, with the noun in the plural unless the number is one.
 *
 * @example
 * ```ts
 * plural(1, "respondent"); // "1 respondent"
 * plural(3, "check-in"); // "3 check-ins"
 * plural(2, "person", "people"); // "2 people"
 * ```
 */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * A readable name from an identifier, for titles when the data has an id but no name:
 * hyphens and underscores become spaces and the first letter is a capital.
 *
 * @example
 * ```ts
 * nameFromId("fictional-peer-support-hub"); // "Fictional peer support hub"
 * ```
 */
export function nameFromId(id: string): string {
  const words = id.replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim();
  return words === "" ? id : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/**
 * One card of {@link cards}: a title and its facts, as label and value pairs.
 *
 * @example
 * ```ts
 * const card: Card = { title: "Walk to the park", facts: [["Status", "active"], ["Steps done", "2 of 3"]] };
 * ```
 */
export interface Card {
  readonly title: string;
  readonly facts: ReadonlyArray<readonly [string, string]>;
}

/**
 * A titled list of cards, each a short title with its facts as a description list. For records
 * with a few long texts each, which read better on a phone as cards than as a wide table.
 *
 * @example
 * ```ts
 * cards("Where each goal is", [{ title: "Walk to the park", facts: [["Status", "active"]] }]);
 * ```
 */
export function cards(heading: string, items: readonly Card[]): string {
  const entries = items
    .map((item) => `<li class="card"><p class="card-title">${escapeHtml(item.title)}</p><dl>${item.facts.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`).join("")}</dl></li>`)
    .join("\n");
  return `<h3>${escapeHtml(heading)}</h3>\n<ul class="cards">\n${entries}\n</ul>`;
}

/**
 * A bulleted list of plain texts (escaped).
 *
 * @example
 * ```ts
 * list(["First", "Second"]); // "<ul>\n<li>First</li>\n<li>Second</li>\n</ul>"
 * ```
 */
export function list(items: readonly string[]): string {
  if (items.length === 0) return "<p>None.</p>";
  return `<ul>\n${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("\n")}\n</ul>`;
}

/**
 * A paragraph of plain text (escaped).
 *
 * @example
 * ```ts
 * paragraph("a < b"); // "<p>a &lt; b</p>"
 * ```
 */
export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/**
 * The Content-Security-Policy of every report: nothing may load from anywhere (no scripts,
 * images, fonts, frames or connections), forms go nowhere, and only the page's own inline
 * style applies. A report is a document to read, and stays one when opened from any folder.
 *
 * @example
 * ```ts
 * `<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`;
 * ```
 */
export const REPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The style sheet every report shares. The layout rules that keep reports readable on a phone:
 * nothing is wider than the page (charts scale, tables wrap, long words break), text is at
 * least 12 px, and in print a chart stays with its table.
 *
 * @example
 * ```ts
 * `<style>${REPORT_STYLE}</style>`;
 * ```
 */
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1d2733; --muted: #4f5968; --line: #c9d1da; --accent: #005eb8; --paper: #ffffff; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1rem; color: var(--ink); background: var(--paper); margin: 0 auto; max-width: 72rem; padding: 1rem; line-height: 1.5; overflow-wrap: break-word; }
@media (min-width: 40rem) { body { padding: 1.5rem 2rem; } }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin-top: 2rem; border-bottom: 2px solid var(--line); padding-bottom: 0.25rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.5rem; }
@media (min-width: 40rem) { h1 { font-size: 1.9rem; } }
ul { padding-left: 1.25rem; }
.meta { color: var(--muted); margin-top: 0; }
.pair { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); }
figure { margin: 0; min-width: 0; }
svg { max-width: 100%; }
figure > svg, .radar-layout > svg { display: block; width: 100%; height: auto; }
.table { max-width: 100%; overflow-x: auto; }
.table:focus-visible, .chart-region:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
td.number { text-align: right; font-variant-numeric: tabular-nums; overflow-wrap: normal; white-space: nowrap; }
thead th { overflow-wrap: normal; }
tbody th { min-width: 7rem; overflow-wrap: break-word; }
@media (max-width: 30rem) { table { font-size: 0.8125rem; } th, td { padding: 0.25rem 0.35rem; } }
thead th { background: #eef2f6; }
.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
.card { border: 1px solid var(--line); border-radius: 4px; padding: 0.6rem 0.75rem; }
.card-title { font-weight: 600; margin: 0 0 0.4rem; }
.card dl { margin: 0; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 0.75rem; font-size: 0.875rem; }
.card dl > div { display: contents; }
.card dt { color: var(--muted); }
.card dd { margin: 0; }
.note { background: #fff8e1; border-left: 4px solid #f2a900; padding: 0.5rem 0.75rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.chart-title { font-weight: 600; margin: 0 0 0.5rem; }
.chart-key { list-style: none; padding: 0; margin: 0.75rem 0 0; display: flex; flex-wrap: wrap; gap: 0.35rem 1.25rem; font-size: 0.875rem; }
.chart-key li { display: flex; align-items: center; gap: 0.4rem; }
.chart-key svg { flex: none; }
.chart-key ol, ol.chart-key { display: block; }
ol.axis-key { padding-left: 0; margin: 0.75rem 0 0; list-style: none; font-size: 0.875rem; }
ol.axis-key li { display: flex; gap: 0.5rem; align-items: baseline; margin-bottom: 0.2rem; }
.axis-number { flex: none; display: inline-block; min-width: 1.6rem; text-align: center; border: 1.5px solid var(--ink); border-radius: 999px; font-weight: 700; line-height: 1.4; }
.radar-layout { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; }
.radar-layout > svg { flex: 1 1 18rem; max-width: 28rem; margin: 0 auto; }
.radar-layout > .radar-keys { flex: 1 1 14rem; min-width: 0; }
.radar-keys .chart-key { flex-direction: column; }
.chart-note { color: var(--muted); font-size: 0.875rem; margin: 0.5rem 0 0; }
.bar-chart { display: grid; grid-template-columns: fit-content(8rem) minmax(0, 1fr) max-content; column-gap: 0.5rem; row-gap: 0.15rem; align-items: center; font-size: 0.875rem; }
.bar-category { grid-column: 1 / -1; font-weight: 600; margin-top: 0.6rem; line-height: 1.3; }
.bar-name { color: var(--muted); line-height: 1.2; overflow-wrap: anywhere; }
.bar-track { display: block; position: relative; height: 1rem; border-left: 1px solid var(--muted); }
.bar-track svg { display: block; width: 100%; height: 100%; }
.bar-value { font-variant-numeric: tabular-nums; min-width: 2.5rem; }
.bar-none { grid-column: 2 / -1; color: var(--muted); font-style: italic; }
.bar-scale { display: flex; justify-content: space-between; color: var(--muted); font-size: 0.8125rem; }
.bar-scale span { width: 0; display: flex; justify-content: center; white-space: nowrap; }
.bar-scale span:first-child { justify-content: flex-start; }
.bar-scale span:last-child { justify-content: flex-end; }
.timeline { font-size: 0.875rem; }
.timeline-range { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 0 1rem; color: var(--muted); font-size: 0.8125rem; }
.timeline-goal { margin-top: 0.75rem; }
.timeline-label { font-weight: 600; line-height: 1.3; margin-bottom: 0.25rem; }
.timeline-track { position: relative; border-bottom: 1px solid var(--line); background: linear-gradient(var(--line), var(--line)) no-repeat 0 50% / 100% 1px; margin: 0 0.5rem; }
.timeline-mark { position: absolute; width: 14px; height: 14px; margin-left: -7px; }
.timeline-mark svg { display: block; width: 14px; height: 14px; }
.timeline-today { position: absolute; top: 0; bottom: 0; border-left: 2px dashed var(--muted); }
.timeline-months { position: relative; height: 1.3rem; margin: 0.15rem 0.5rem 0; color: var(--muted); font-size: 0.8125rem; }
.timeline-months span { position: absolute; transform: translateX(-50%); white-space: nowrap; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.875rem; }
@media (min-width: 64rem) {
  .pair { grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); align-items: start; }
  .pair.stacked { grid-template-columns: minmax(0, 1fr); }
}
@media print {
  @page { margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .pair { display: block; }
  h2, h3, caption, .chart-title { break-after: avoid; page-break-after: avoid; }
  figure { break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; margin-bottom: 0.75rem; }
  figure > svg, .radar-layout > svg { max-width: 12cm; }
  .chart-section > p, figure + .table { break-before: avoid; page-break-before: avoid; }
  .table { overflow: visible; }
  tr, li, .card { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * A complete, self-contained HTML page: inline CSS, no scripts, no external resources, and a
 * Content-Security-Policy ({@link REPORT_CONTENT_SECURITY_POLICY}) that keeps it that way.
 *
 * @example
 * ```ts
 * htmlPage("Goal progress", "Summary for 2026-04-28", "<section>...</section>", "Made by selfmanage.");
 * ```
 */
export function htmlPage(title: string, subtitle: string, body: string, footer: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(subtitle)}</p>
</header>
<main>
${body}
</main>
<footer><p>${escapeHtml(footer)}</p></footer>
</body>
</html>
`;
}
