// The workbench page: files in (picked or dropped), the worker checks them, the results out.
import { KINDS, type CheckResult, type Kind } from "./results";
import type { CheckRequest, WorkerMessage } from "./worker";

declare const WORKER_SOURCE: string;

/** How many issues the page lists; the downloads always have all of them. */
const SHOWN_ISSUES = 500;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = byId<HTMLFormElement>("form");
const input = byId<HTMLInputElement>("files");
const drop = byId<HTMLElement>("drop");
const kind = byId<HTMLSelectElement>("kind");
const today = byId<HTMLInputElement>("today");
const minimum = byId<HTMLInputElement>("minimum");
const status = byId<HTMLElement>("status");
const progress = byId<HTMLProgressElement>("progress");
const results = byId<HTMLElement>("results");

for (const [value, label] of Object.entries(KINDS)) kind.append(new Option(label, value));
today.value = new Date().toISOString().slice(0, 10);

let chosen: File[] = [];
let worker: Worker | undefined;
let lastResult: CheckResult | undefined;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | number, className?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = String(text);
  if (className !== undefined) made.className = className;
  return made;
}

function table(caption: string, headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, id: string): HTMLElement {
  const region = element("div", undefined, "table");
  region.setAttribute("role", "region");
  region.tabIndex = 0;
  region.setAttribute("aria-labelledby", `${id}-caption`);
  const made = element("table");
  made.id = id;
  const title = element("caption", caption);
  title.id = `${id}-caption`;
  made.append(title);
  const head = element("thead");
  const headRow = element("tr");
  for (const header of headers) {
    const cell = element("th", header);
    cell.scope = "col";
    headRow.append(cell);
  }
  head.append(headRow);
  const body = element("tbody");
  for (const row of rows) {
    const line = element("tr");
    for (const value of row) line.append(element("td", value ?? "–", typeof value === "number" ? "number" : undefined));
    body.append(line);
  }
  made.append(head, body);
  region.append(made);
  return region;
}

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = element("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function show(result: CheckResult, csv: { issues: string; scores: string }): void {
  lastResult = result;
  results.replaceChildren();
  const heading = element("h2", "Results");
  heading.id = "results-heading";
  heading.tabIndex = -1;
  const summary = element("p", `${result.kindLabel}${result.detected ? " (detected)" : ""}: ${plural(result.records, "record")} in ${plural(result.files.length, "file")}, ${result.valid} valid, ${result.invalid} not valid, ${plural(result.issues.length, "issue")}.`);
  summary.id = "summary";
  results.append(heading, summary);
  for (const note of result.notes) results.append(element("p", note, "note"));

  const issuesHeading = element("h3", "Issues");
  results.append(issuesHeading);
  if (result.issues.length === 0) results.append(element("p", "No issues: every record is valid."));
  else {
    if (result.issues.length > SHOWN_ISSUES) results.append(element("p", `Showing the first ${SHOWN_ISSUES} of ${result.issues.length} issues; the downloads have all of them.`));
    results.append(table("Issues by file, line and path", ["File", "Line", "Record", "Path", "Problem", "Code"], result.issues.slice(0, SHOWN_ISSUES).map((found) => [found.file, found.line, found.record, found.path, found.message, found.code]), "issues"));
  }

  if (result.scores.length > 0) {
    results.append(element("h3", "Scores"));
    result.scores.forEach((scores, index) => results.append(table(scores.title, scores.headers, scores.rows, `scores-${index}`)));
  }

  const downloads = element("div", undefined, "downloads");
  const buttons: Array<[string, () => void]> = [
    ["Download results (JSON)", () => download("workbench-results.json", "application/json", `${JSON.stringify({ ...result, report: result.report === undefined ? undefined : { summary: result.report.summary } }, null, 2)}\n`)],
    ["Download issues (CSV)", () => download("workbench-issues.csv", "text/csv", csv.issues)],
  ];
  if (result.scores.length > 0) buttons.push(["Download scores (CSV)", () => download("workbench-scores.csv", "text/csv", csv.scores)]);
  if (result.report !== undefined) {
    const html = result.report.html;
    buttons.push(["Download report (HTML)", () => download(`${result.kind}-report.html`, "text/html", html)]);
  }
  for (const [label, action] of buttons) {
    const button = element("button", label);
    button.type = "button";
    button.addEventListener("click", action);
    downloads.append(button);
  }
  results.append(element("h3", "Download"), downloads);

  if (result.report !== undefined) {
    results.append(element("h3", "Report"), element("p", `The same report the selfmanage command writes (${result.report.summary}).`));
    const frame = element("iframe");
    frame.title = "Report";
    // No scripts run in the report (it has none, and its own policy forbids them); same origin
    // only so the page can size the frame to the report.
    frame.setAttribute("sandbox", "allow-same-origin");
    const fit = (): void => {
      const height = frame.contentDocument?.documentElement.scrollHeight;
      if (height !== undefined && height > 0) frame.style.height = `${height + 4}px`;
    };
    frame.addEventListener("load", fit);
    window.addEventListener("resize", fit);
    frame.srcdoc = result.report.html;
    frame.id = "report";
    results.append(frame);
  }
  results.hidden = false;
  heading.focus();
}

function setProgress(phase: "reading" | "checking", done: number, total: number): void {
  progress.hidden = false;
  progress.max = Math.max(total, 1);
  progress.value = done;
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  progress.setAttribute("aria-valuetext", `${phase === "reading" ? "Reading" : "Checking"}: ${percent}%`);
  byId("progress-label").textContent = phase === "reading" ? `Reading the files: ${percent}%` : `Checking ${done} of ${total} records`;
}

function check(): void {
  if (chosen.length === 0) {
    status.textContent = "Choose a file first.";
    return;
  }
  worker?.terminate();
  worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" })));
  status.textContent = `Checking ${chosen.map((file) => file.name).join(", ")}…`;
  results.hidden = true;
  setProgress("reading", 0, 1);
  worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.type === "progress") setProgress(message.phase, message.done, message.total);
    else if (message.type === "error") {
      status.textContent = `The files could not be checked: ${message.message}`;
      progress.hidden = true;
    } else {
      progress.hidden = true;
      byId("progress-label").textContent = "";
      status.textContent = `Checked ${chosen.map((file) => file.name).join(", ")}.`;
      show(message.result, message.csv);
      worker?.terminate();
      worker = undefined;
    }
  });
  const minimumRespondents = Number.parseInt(minimum.value, 10);
  const request: CheckRequest = {
    files: chosen,
    options: {
      kind: kind.value as Kind | "auto",
      today: /^\d{4}-\d{2}-\d{2}$/.test(today.value) ? today.value : new Date().toISOString().slice(0, 10),
      ...(Number.isInteger(minimumRespondents) && minimumRespondents >= 1 ? { minimumRespondents } : {}),
      generatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    },
  };
  worker.postMessage(request);
}

input.addEventListener("change", () => {
  chosen = [...(input.files ?? [])];
  check();
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  check();
});
for (const control of [kind, today, minimum]) control.addEventListener("change", () => chosen.length > 0 && check());
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  chosen = [...(event.dataTransfer?.files ?? [])];
  check();
});

/** For the tests and the curious: the last result, as shown. */
(window as unknown as { workbenchResult: () => CheckResult | undefined }).workbenchResult = () => lastResult;
