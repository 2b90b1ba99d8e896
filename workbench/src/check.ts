// What the workbench does with files, as plain functions: read records, find the kind, check and
// score them with the toolkit packages, and render the CLI's report. Runs in the worker.
import { formatPath, type PathSegment, type ValidationIssue } from "@selfmanage/core";
import { builtInFrameworks, scoreAssessment, validateAssessment } from "@selfmanage/coproduction";
import { summarisePersonGoals, validateGoal, type Goal } from "@selfmanage/goals";
import { compileInstrument, recoveryIndicatorSet, serviceExperienceQuestionnaire, summariseIndicatorAssessment, validateIndicatorAssessment, validateInstrument, type InstrumentDefinition } from "@selfmanage/recovery";
import { importAlissServices, importOpenReferralUk, validateDirectory, type ImportReport } from "@selfmanage/signposting";
import { coproductionReportFrom, countBands, goalsReportFrom, indicatorReportFrom, type ReportBuild } from "@selfmanage/cli/reports";
import { arrayElementOffsets, lineStarts, offsetOfPath, placeOf, syntaxErrorOffset } from "./json-text";
import { KINDS, type CheckResult, type FoundIssue, type Kind, type ScoreTable, type TextFile } from "./results";

export { KINDS, type CheckResult, type FoundIssue, type Kind, type ScoreTable, type TextFile };

/** Options a person can set on the page. */
export interface CheckOptions {
  readonly kind: Kind | "auto";
  /** The day goals are summarised for (YYYY-MM-DD). */
  readonly today: string;
  readonly minimumRespondents?: number;
  readonly generatedAt: string;
}

interface ReadRecord {
  readonly file: string;
  readonly line?: number;
  readonly record?: number;
  /** Where the record starts in its file's text, for locating paths. */
  readonly offset: number;
  readonly value?: unknown;
  readonly issue?: FoundIssue;
}

interface ReadFile {
  readonly name: string;
  readonly text: string;
  readonly layout: "json" | "ndjson";
  readonly records: ReadRecord[];
  readonly starts: number[];
}

type Progress = (done: number, total: number) => void;

function syntaxIssue(file: string, text: string, starts: readonly number[], base: number, lineOffset: number): FoundIssue {
  const offset = syntaxErrorOffset(text);
  const place = placeOf(starts, base + Math.max(offset, 0));
  const where = offset >= text.length ? "the text ends too early, at" : "the text breaks the JSON grammar at";
  return { file, line: place.line + lineOffset, path: "(root)", code: "invalid_json", message: `This is not valid JSON: ${where} line ${place.line + lineOffset}, column ${place.column}.` };
}

/** Read a file's records: NDJSON one per line (by name, or when the first line stands alone), else one JSON document. */
export function readFile(file: TextFile): ReadFile {
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  const starts = lineStarts(text);
  const byName = /\.(ndjson|jsonl)$/i.test(file.name) ? "ndjson" : /\.json$/i.test(file.name) ? "json" : "auto";
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n")).trim();
  const standsAlone = (() => {
    if (!firstLine.startsWith("{")) return false;
    try {
      JSON.parse(firstLine);
      return true;
    } catch {
      return false;
    }
  })();
  const layout = byName === "auto" ? (standsAlone && text.trim() !== firstLine ? "ndjson" : "json") : byName;
  const records: ReadRecord[] = [];
  if (layout === "ndjson") {
    starts.forEach((start, index) => {
      const end = index + 1 < starts.length ? (starts[index + 1] as number) - 1 : text.length;
      const line = text.slice(start, end).replace(/\r$/, "");
      if (line.trim() === "") return;
      try {
        records.push({ file: file.name, line: index + 1, offset: start, value: JSON.parse(line) as unknown });
      } catch {
        const issue = syntaxIssue(file.name, line, lineStarts(line), 0, index);
        records.push({ file: file.name, line: index + 1, offset: start, issue: { ...issue, message: issue.message.replace(/line \d+, column/, `line ${index + 1}, column`) } });
      }
    });
    if (records.length === 0) records.push({ file: file.name, offset: 0, issue: { file: file.name, path: "(root)", code: "empty_file", message: "The file has no records." } });
    return { name: file.name, text, layout, records, starts };
  }
  if (text.trim() === "") return { name: file.name, text, layout, records: [{ file: file.name, offset: 0, issue: { file: file.name, path: "(root)", code: "empty_file", message: "The file has no records." } }], starts };
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { name: file.name, text, layout, records: [{ file: file.name, offset: 0, issue: syntaxIssue(file.name, text, starts, 0, 0) }], starts };
  }
  if (Array.isArray(value)) {
    const offsets = arrayElementOffsets(text);
    value.forEach((element, record) => records.push({ file: file.name, record, offset: offsets[record] ?? 0, value: element as unknown }));
  } else records.push({ file: file.name, offset: 0, value });
  return { name: file.name, text, layout, records, starts };
}

function has(value: unknown, ...keys: string[]): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && keys.every((key) => key in value);
}

/** The kind of a file from its first record, or undefined when it is none the workbench knows. */
export function detectKind(file: ReadFile): Kind | undefined {
  const whole = file.records.length === 1 && file.records[0]?.record === undefined ? file.records[0]?.value : undefined;
  if (has(whole, "count", "data")) return "aliss";
  if (has(whole, "contents")) return "oruk";
  if (has(whole, "organisations", "services")) return "directory";
  const first = file.records.find((read) => read.value !== undefined)?.value;
  if (has(first, "ownWords")) return "goals";
  if (has(first, "instrumentId", "answers")) return "responses";
  if (has(first, "items", "scoring")) return "instrument";
  if (has(first, "respondents", "ratings")) return "coproduction";
  if (has(first, "indicatorSetId")) return "indicators";
  if (has(first, "name") && (has(first, "organization") || has(first, "service_at_locations") || has(first, "status"))) return "oruk";
  return undefined;
}

function locate(file: ReadFile, read: ReadRecord, path: readonly PathSegment[]): number | undefined {
  if (read.line !== undefined && file.layout === "ndjson") return read.line;
  try {
    return placeOf(file.starts, offsetOfPath(file.text, read.offset, path.filter((segment): segment is string | number => typeof segment !== "symbol"))).line;
  } catch {
    return undefined;
  }
}

function located(file: ReadFile, read: ReadRecord, issues: readonly ValidationIssue[], prefix: readonly PathSegment[] = []): FoundIssue[] {
  return issues.map((found) => {
    const path = [...prefix, ...found.path];
    const line = locate(file, read, path);
    return {
      file: read.file,
      ...(line === undefined ? {} : { line }),
      ...(read.record === undefined ? {} : { record: read.record }),
      path: formatPath(path),
      code: found.code,
      message: found.message,
    };
  });
}

function importedIssues(file: ReadFile, read: ReadRecord, report: ImportReport): FoundIssue[] {
  return report.problems.flatMap((problem) => located(file, read, problem.issues, problem.path));
}

function round(value: number | null | undefined, places = 1): string {
  return value === null || value === undefined ? "–" : value.toFixed(places);
}

interface Tally {
  records: number;
  valid: number;
  invalid: number;
  issues: FoundIssue[];
}

/** Run `check` on every record, collecting issues; the progress callback is told every 500 records. */
function eachRecord(files: readonly ReadFile[], tally: Tally, progress: Progress, check: (file: ReadFile, read: ReadRecord) => FoundIssue[]): void {
  const total = files.reduce((sum, file) => sum + file.records.length, 0);
  let done = 0;
  for (const file of files) {
    for (const read of file.records) {
      const issues = read.issue === undefined ? check(file, read) : [read.issue];
      tally.records++;
      if (issues.length === 0) tally.valid++;
      else {
        tally.invalid++;
        tally.issues.push(...issues);
      }
      done++;
      if (done % 500 === 0) progress(done, total);
    }
  }
  progress(total, total);
}

function reportOf(made: ReportBuild, notes: string[]): { html: string; summary: string } | undefined {
  if (made.ok) return { html: made.html, summary: made.summary };
  if ("usage" in made) notes.push(`No report: ${made.usage}`);
  return undefined;
}

/** Check files of one kind (with an instrument file for responses) and score them. */
export function checkFiles(texts: readonly TextFile[], options: CheckOptions, progress: Progress): CheckResult {
  const files = texts.map(readFile);
  const detectedKinds = files.map(detectKind);
  const instrumentIndex = files.length > 1 ? detectedKinds.indexOf("instrument") : -1;
  const dataFiles = files.filter((_, index) => index !== instrumentIndex);
  const detected = options.kind === "auto";
  const kind: Kind = options.kind !== "auto" ? options.kind : (detectedKinds.find((found, index) => index !== instrumentIndex && found !== undefined) ?? (instrumentIndex === -1 ? undefined : "instrument") ?? "goals");
  const tally: Tally = { records: 0, valid: 0, invalid: 0, issues: [] };
  const scores: ScoreTable[] = [];
  const notes: string[] = [];
  let report: { html: string; summary: string } | undefined;
  if (detected && detectedKinds.every((found) => found === undefined)) notes.push("The kind of file could not be recognised, so it was checked as goals. Choose its kind to check it as another.");

  const values = dataFiles.flatMap((file) => file.records.filter((read) => read.issue === undefined).map((read) => read.value));
  switch (kind) {
    case "goals": {
      const goals: Goal[] = [];
      eachRecord(dataFiles, tally, progress, (file, read) => {
        const checked = validateGoal(read.value);
        if (checked.ok) goals.push(checked.value);
        return checked.ok ? [] : located(file, read, checked.issues);
      });
      if (goals.length > 0) {
        const summary = summarisePersonGoals(goals, { today: options.today });
        scores.push({ title: `Goals on ${options.today}`, headers: ["Figure", "Value"], rows: [["Goals", summary.total], ["Open", summary.open], ["Check-ins due and not held yet", summary.notReviewedYet], ["GAS T-score", summary.gas === undefined ? "–" : round(summary.gas.tScore)]] });
      }
      if (tally.invalid === 0) report = reportOf(goalsReportFrom(values, { today: options.today, generatedAt: options.generatedAt }), notes);
      break;
    }
    case "coproduction": {
      eachRecord(dataFiles, tally, progress, (file, read) => {
        const named = typeof read.value === "object" && read.value !== null ? (read.value as { framework?: unknown }).framework : undefined;
        const framework = builtInFrameworks.find((candidate) => candidate.id === named);
        if (framework === undefined) return located(file, read, [{ path: ["framework"], code: "unknown_framework", message: `This assessment does not name a built-in framework (${builtInFrameworks.map((candidate) => candidate.id).join(", ")}).` }]);
        const checked = validateAssessment(read.value, framework);
        if (!checked.ok) return located(file, read, checked.issues);
        const score = scoreAssessment(checked.value, framework, options.minimumRespondents === undefined ? {} : { minimumRespondents: options.minimumRespondents });
        scores.push({
          title: `Co-production scores (0-100), ${score.weighting} weighting`,
          headers: ["Perspective", "Respondents", "Score"],
          rows: [["Overall", checked.value.respondents.length, round(score.overall.score)], ...score.perspectives.map((perspective) => [perspective.perspective, perspective.respondents, perspective.suppressed ? "suppressed" : round(score.overall.byPerspective[perspective.perspective]?.score)] as const)],
        });
        return [];
      });
      if (tally.records !== 1) notes.push("No report: a co-production report is made from exactly one assessment.");
      else if (tally.invalid === 0) report = reportOf(coproductionReportFrom(values[0], { generatedAt: options.generatedAt, ...(options.minimumRespondents === undefined ? {} : { minimumRespondents: options.minimumRespondents }) }), notes);
      break;
    }
    case "indicators": {
      const rows: (string | number)[][] = [];
      eachRecord(dataFiles, tally, progress, (file, read) => {
        const checked = validateIndicatorAssessment(read.value, recoveryIndicatorSet);
        if (!checked.ok) return located(file, read, checked.issues);
        const summary = summariseIndicatorAssessment(checked.value, recoveryIndicatorSet);
        rows.push([checked.value.cycle === undefined ? checked.value.id : `Cycle ${checked.value.cycle}`, round(summary.overall.mean, 2), summary.overall.counted, summary.overall.excluded, summary.overall.setAside]);
        return [];
      });
      if (rows.length > 0) scores.push({ title: "Mean rating (scale 1-5)", headers: ["Cycle", "Mean", "Ratings", "Not applicable or don't know", "Set aside"], rows });
      if (tally.invalid === 0) report = reportOf(indicatorReportFrom(values, { generatedAt: options.generatedAt }), notes);
      break;
    }
    case "instrument": {
      eachRecord(dataFiles, tally, progress, (file, read) => {
        const checked = validateInstrument(read.value);
        if (checked.ok) scores.push({ title: "Instrument", headers: ["Figure", "Value"], rows: [["Id", checked.value.id], ["Items", checked.value.items.length], ["Bands", checked.value.scoring.bands?.length ?? 0]] });
        return checked.ok ? [] : located(file, read, checked.issues);
      });
      break;
    }
    case "responses": {
      const instrumentFile = instrumentIndex === -1 ? undefined : files[instrumentIndex];
      let instrument: InstrumentDefinition | undefined;
      if (instrumentFile !== undefined) {
        const read = instrumentFile.records[0];
        const checked = read?.issue === undefined ? validateInstrument(read?.value) : undefined;
        if (checked?.ok === true) instrument = checked.value;
        else {
          tally.issues.push(...(read?.issue !== undefined ? [read.issue] : checked === undefined || checked.ok ? [] : located(instrumentFile, read as ReadRecord, checked.issues)));
          notes.push(`The instrument in ${instrumentFile.name} is not valid, so the responses could not be checked against it.`);
          break;
        }
      } else {
        const named = (values[0] as { instrumentId?: unknown } | undefined)?.instrumentId;
        if (named === serviceExperienceQuestionnaire.id) instrument = serviceExperienceQuestionnaire;
        else {
          notes.push("Responses are checked against their instrument: choose the instrument's file together with the responses.");
          break;
        }
      }
      const compiled = compileInstrument(instrument);
      const bandIds: (string | undefined)[] = [];
      const totals: number[] = [];
      let alerts = 0;
      let notScored = 0;
      eachRecord(dataFiles, tally, progress, (file, read) => {
        const checked = compiled.validate(read.value);
        if (!checked.ok) return located(file, read, checked.issues);
        const score = compiled.score(checked.value);
        bandIds.push(score.band?.id);
        if (score.total === null) notScored++;
        else totals.push(score.total);
        alerts += score.alerts.length;
        return [];
      });
      const mean = totals.length === 0 ? null : totals.reduce((sum, total) => sum + total, 0) / totals.length;
      scores.push({ title: `Scores: ${instrument.id}`, headers: ["Figure", "Value"], rows: [["Scored", totals.length], ["Not scored", notScored], ["Not valid", tally.invalid], ["Alerts", alerts], ["Mean total", round(mean)]] });
      scores.push({ title: "Responses by band (in the instrument's order)", headers: ["Band", "Responses"], rows: countBands(instrument, bandIds).map((band) => [band.label, band.count]) });
      break;
    }
    case "oruk":
    case "aliss": {
      let imported = 0;
      let notices = 0;
      eachRecord(dataFiles, tally, progress, (file, read) => {
        const imported_ = kind === "oruk" ? importOpenReferralUk(read.value) : importAlissServices(read.value);
        imported += imported_.imported;
        notices += imported_.notices.length;
        return importedIssues(file, read, imported_);
      });
      scores.push({ title: "Import", headers: ["Figure", "Value"], rows: [["Services imported", imported], ["Notices", notices], ["Issues", tally.issues.length]] });
      break;
    }
    case "directory": {
      eachRecord(dataFiles, tally, progress, (file, read) => {
        const checked = validateDirectory(read.value);
        if (checked.ok) scores.push({ title: "Directory", headers: ["Figure", "Value"], rows: [["Organisations", checked.value.organisations.length], ["Services", checked.value.services.length], ["Locations", checked.value.locations.length]] });
        return checked.ok ? [] : located(file, read, checked.issues);
      });
      break;
    }
  }
  return {
    kind,
    kindLabel: KINDS[kind],
    detected,
    files: files.map((file) => ({ name: file.name, layout: file.layout, records: file.records.length })),
    records: tally.records,
    valid: tally.valid,
    invalid: tally.invalid,
    issues: tally.issues,
    scores,
    ...(report === undefined ? {} : { report }),
    notes,
  };
}

