import { describe, expect, it } from "vitest";
import { cards, chartSection, dataTable, escapeHtml, htmlPage, list, nameFromId, paragraph, plural, REPORT_CONTENT_SECURITY_POLICY, slug } from "./html";
import { csvField, csvRow } from "./csv";

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
    expect(escapeHtml(42)).toBe("42");
  });
});

describe("HTML building blocks", () => {
  it("builds a table with a caption, column and row headers, and aligned numbers", () => {
    const table = dataTable("Scores <b>", ["Name", "Score"], [["A & B", 3.5], ["C", null]]);
    expect(table).toContain('<div class="table" role="region" tabindex="0" aria-labelledby="scores-b-caption">');
    expect(table).toContain('<caption id="scores-b-caption">Scores &lt;b&gt;</caption>');
    expect(dataTable("x", ["A"], [], { id: "mine" })).toContain('<caption id="mine-caption">x</caption>');
    expect(table).toContain('<th scope="col">Score</th>');
    expect(table).toContain('<th scope="row">A &amp; B</th><td class="number">3.5</td>');
    expect(table).toContain('<th scope="row">C</th><td>–</td>');
  });

  it("lists, paragraphs and sections escape their text", () => {
    expect(list(["<i>"])).toBe("<ul>\n<li>&lt;i&gt;</li>\n</ul>");
    expect(list([])).toBe("<p>None.</p>");
    expect(paragraph("a < b")).toBe("<p>a &lt; b</p>");
    expect(chartSection("H <1>", "intro &", "<svg></svg>", "<table></table>")).toContain("<h2>H &lt;1&gt;</h2>\n<p>intro &amp;</p>\n<div class=\"pair\">");
    expect(chartSection("H", "i", "", "", { stacked: true })).toContain('<div class="pair stacked">');
    expect(cards("Goals <x>", [{ title: "Walk & talk", facts: [["Status", "active"]] }])).toBe('<h3>Goals &lt;x&gt;</h3>\n<ul class="cards">\n<li class="card"><p class="card-title">Walk &amp; talk</p><dl><div><dt>Status</dt><dd>active</dd></div></dl></li>\n</ul>');
  });

  it("makes a complete page with no scripts and no external resources", () => {
    const page = htmlPage("Title <x>", "sub", "<p>body</p>", "foot");
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain("<title>Title &lt;x&gt;</title>");
    expect(page).not.toMatch(/<script|https?:\/\/|<link/);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`);
    expect(REPORT_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");
  });

  it("makes ids, plurals and readable names", () => {
    expect(slug("Scores by principle (0-100)")).toBe("scores-by-principle-0-100");
    expect(slug("…")).toBe("table");
    expect(plural(1, "respondent")).toBe("1 respondent");
    expect(plural(0, "respondent")).toBe("0 respondents");
    expect(plural(2, "goal has", "goals have")).toBe("2 goals have");
    expect(nameFromId("fictional-peer-support-hub")).toBe("Fictional peer support hub");
    expect(nameFromId("--")).toBe("--");
  });
});

describe("CSV", () => {
  it("quotes fields with commas, quotes, line breaks or edge spaces, and doubles quotes", () => {
    expect(csvRow(["plain", 'say "hi"', "a,b", "two\nlines", " padded", 1.5, null, undefined, true])).toBe('plain,"say ""hi""","a,b","two\nlines"," padded",1.5,,,true');
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField(-3)).toBe("-3");
  });
});
