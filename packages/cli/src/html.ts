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
 * An accessible data table with a caption and column headers.
 *
 * @example
 * ```ts
 * dataTable("Scores", ["Principle", "Score"], [["Assets", 72.5]]);
 * ```
 */
export function dataTable(caption: string, headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
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
  return `<table>\n<caption>${escapeHtml(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/**
 * A chart and its data table side by side, in a section with a heading.
 *
 * @example
 * ```ts
 * chartSection("By principle", "Higher is better.", radarSvg, tableHtml);
 * ```
 */
export function chartSection(heading: string, intro: string, chart: string, table: string): string {
  return `<section>\n<h2>${escapeHtml(heading)}</h2>\n<p>${escapeHtml(intro)}</p>\n<div class="pair">\n<figure>${chart}</figure>\n<div class="table">${table}</div>\n</div>\n</section>`;
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

const STYLE = `
:root { color-scheme: light; --ink: #1d2733; --muted: #55606e; --line: #c9d1da; --accent: #005eb8; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 72rem; padding: 1.5rem; line-height: 1.5; }
h1 { font-size: 1.75rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid var(--line); padding-bottom: 0.25rem; }
.meta { color: var(--muted); margin-top: 0; }
.pair { display: grid; gap: 1.5rem; }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 48rem; margin: 0 auto; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #eef2f6; }
.note { background: #fff8e1; border-left: 4px solid #f2a900; padding: 0.5rem 0.75rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; }
@media print { .pair { display: block; } }
`;

/**
 * A complete, self-contained HTML page: inline CSS, no scripts, no external resources.
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
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
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
