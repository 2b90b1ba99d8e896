import type { QualityCheckResult } from "@selfmanage/signposting";
import { dataTable, escapeHtml, htmlPage, paragraph } from "../../html";
import type { EndpointMessage, FeedCheckReport } from "./conformance";

const STATUS_WORDS = { pass: "PASS", warn: "WARN", fail: "FAIL" } as const;

/** Text from a feed (an id) as it may go to a terminal: control characters shown as `?`. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}

function describeMessage(message: EndpointMessage): string {
  const where = message.where === undefined ? "" : `${message.where}: `;
  const examples = message.examples.length === 0 ? "" : `, e.g. ${message.examples.map(printable).join(", ")}`;
  return `${message.severity} ${where}${message.message} (${message.code}, ${message.count} time${message.count === 1 ? "" : "s"}${examples})`;
}

function scoreText(check: QualityCheckResult): string {
  return check.score === null ? "n/a" : check.score.toFixed(1);
}

/**
 * The verdict in one sentence, from the report's own figures.
 *
 * @example
 * ```ts
 * verdict(report); // "FAIL: 1 required endpoint failed; 2 endpoints warned."
 * ```
 */
export function verdict(report: FeedCheckReport): string {
  const failed = report.endpoints.filter((endpoint) => endpoint.required && endpoint.status === "fail").length;
  const warned = report.endpoints.filter((endpoint) => endpoint.status === "warn" || (!endpoint.required && endpoint.status === "fail")).length;
  const parts = [failed > 0 ? `${failed} required endpoint${failed === 1 ? "" : "s"} failed` : "", warned > 0 ? `${warned} endpoint${warned === 1 ? "" : "s"} warned` : ""].filter((part) => part !== "");
  return `${STATUS_WORDS[report.result]}: ${parts.length === 0 ? "every endpoint passed" : parts.join("; ")}.`;
}

/**
 * The report as text for a terminal.
 *
 * @example
 * ```ts
 * renderText(report).split("\n")[0]; // "Checked https://example.org/api (version HSDS-UK-3.0)"
 * ```
 */
export function renderText(report: FeedCheckReport): string {
  const lines: string[] = [];
  const about = [report.version === undefined ? "" : `version ${report.version}`, report.profile === undefined ? "" : `profile ${report.profile}`].filter((part) => part !== "").join(", ");
  lines.push(`Checked ${printable(report.source)}${about === "" ? "" : ` (${about})`} on ${report.checkedOn}`, "", "Conformance");
  const width = report.endpoints.map((endpoint) => endpoint.endpoint.length).reduce((most, value) => Math.max(most, value), -Infinity);
  for (const endpoint of report.endpoints) {
    const errors = endpoint.messages.filter((message) => message.severity === "error").reduce((sum, message) => sum + message.count, 0);
    const warnings = endpoint.messages.filter((message) => message.severity === "warning").reduce((sum, message) => sum + message.count, 0);
    const pages = endpoint.pages === undefined ? "" : `, page${endpoint.pages.read.length === 1 ? "" : "s"} ${endpoint.pages.read.join(", ")}${endpoint.pages.total === undefined ? "" : ` of ${endpoint.pages.total}`}`;
    lines.push(`  ${STATUS_WORDS[endpoint.status]} ${endpoint.endpoint.padEnd(width)}  ${endpoint.required ? "required" : "optional"}, ${endpoint.requests} request${endpoint.requests === 1 ? "" : "s"}${pages}, ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`);
    for (const message of endpoint.messages) lines.push(`      ${describeMessage(message)}`);
  }
  lines.push("", `Data quality (${report.quality.services} service${report.quality.services === 1 ? "" : "s"}: ${report.services.detailed > 0 ? "from their detail pages" : "from the list pages"})`);
  const titleWidth = report.quality.checks.map((check) => check.title.length).reduce((most, value) => Math.max(most, value), -Infinity);
  for (const check of report.quality.checks) {
    const worst = check.worst.length === 0 ? "" : `; worst: ${check.worst.map((entry) => `${printable(entry.record)} (${entry.findings})`).join(", ")}`;
    lines.push(`  ${check.title.padEnd(titleWidth)}  ${scoreText(check).padStart(5)}  ${check.passed} of ${check.checked} passed${worst}`);
    for (const entry of check.codes) lines.push(`      ${entry.code}: ${entry.message} (${entry.count})`);
  }
  lines.push("", verdict(report));
  return lines.join("\n");
}

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`;

/**
 * The report as a self-contained HTML page: inline styles only, no script and nothing loaded from
 * elsewhere (a Content-Security-Policy says so), with a score per check and the worst records by id.
 *
 * @example
 * ```ts
 * renderHtml(report).includes("Content-Security-Policy"); // true
 * ```
 */
export function renderHtml(report: FeedCheckReport): string {
  const endpoints = dataTable(
    "Endpoints",
    ["Endpoint", "Required", "Result", "Requests", "Pages read", "Errors", "Warnings"],
    report.endpoints.map((endpoint) => [
      endpoint.endpoint,
      endpoint.required ? "yes" : "no",
      STATUS_WORDS[endpoint.status],
      endpoint.requests,
      endpoint.pages === undefined ? null : `${endpoint.pages.read.join(", ")}${endpoint.pages.total === undefined ? "" : ` of ${endpoint.pages.total}`}`,
      endpoint.messages.filter((message) => message.severity === "error").reduce((sum, message) => sum + message.count, 0),
      endpoint.messages.filter((message) => message.severity === "warning").reduce((sum, message) => sum + message.count, 0),
    ]),
  );
  const findings = report.endpoints.flatMap((endpoint) => endpoint.messages.map((message) => [endpoint.endpoint, message.severity, message.where ?? "", message.message, message.count, message.examples.join(", ")]));
  const findingsTable = findings.length === 0 ? paragraph("No findings.") : dataTable("Findings by endpoint", ["Endpoint", "Severity", "Where", "What", "Times", "For example"], findings);
  const quality = dataTable(
    "Score per check (share of services that passed, 0 to 100)",
    ["Check", "Score", "Passed", "Checked", "Faults", "Worst records (by id)"],
    report.quality.checks.map((check) => [check.title, scoreText(check), check.passed, check.checked, check.findings, check.worst.map((entry) => `${entry.record} (${entry.findings})`).join(", ")]),
  );
  const faults = report.quality.checks.flatMap((check) => check.codes.map((entry) => [check.title, entry.message, entry.count]));
  const faultTable = faults.length === 0 ? paragraph("No faults found.") : dataTable("Faults by kind", ["Check", "Fault", "Times"], faults);
  const worst = report.quality.worst.length === 0 ? "" : dataTable("Records with the most faults", ["Record id", "Faults"], report.quality.worst.map((entry) => [entry.record, entry.findings]));
  const descriptions = report.quality.checks.map((check) => `<dt>${escapeHtml(check.title)}</dt><dd>${escapeHtml(check.description)}</dd>`).join("");
  const body = `<section><h2>Result</h2>${paragraph(verdict(report))}</section>
<section><h2>Conformance</h2>${endpoints}${findingsTable}</section>
<section><h2>Data quality</h2>${paragraph(`${report.quality.services} services, read from ${report.services.detailed > 0 ? "their detail pages" : "the list pages"}.`)}${quality}${faultTable}${worst}<dl>${descriptions}</dl></section>`;
  const about = [report.version === undefined ? "" : `version ${report.version}`, `checked on ${report.checkedOn}`].filter((part) => part !== "").join(", ");
  const page = htmlPage(`Feed check: ${report.source}`, about, body, "Made by selfmanage check-feed. Records are named by id only.");
  return page.includes("Content-Security-Policy") ? page : page.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${CSP}`);
}
