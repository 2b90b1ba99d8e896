import { createHash } from "node:crypto";
import { lstat, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import * as z from "zod";
import { localise, roleLabels } from "@selfmanage/core";
import { scoreAssessment, validateAssessment } from "@selfmanage/coproduction";
import { buildActionPlan, compareIndicatorCycles, compileInstrument, recoveryIndicatorSet, summariseIndicatorAssessment, validateIndicatorAssessment, validateInstrument } from "@selfmanage/recovery";
import { buildSearchIndex, searchServices } from "@selfmanage/signposting";
import { stringOption, type Command, type OptionValues } from "../command";
import { builtInFrameworkNamedIn } from "../kinds";
import { checkOutputFile, colourer, printable, UsageError, writeLine, writeOutputFile, type CliIo, type WriteOutputOptions } from "../io";
import { sampleDataFolder } from "../paths";
import { readDocument, readRecords } from "../records";
import { formatReportedIssue, type ReportedIssue } from "../reported-issue";
import { countBands } from "../reports/scores";
import { buildCoproductionReport, buildGoalsReport, buildIndicatorReport, buildPracticeReport, writeReport, type ReportOptions } from "./report";
import { overallSentences } from "../reports/coproduction-content";
import { formatMatch, loadDirectory } from "./search";
import { scoreFiles, scoreTextLine, summariseScores } from "./score";
import { checkFiles, summariseCounts, type CheckCounts } from "./validate";
import { buildSampleBundle } from "./fhir";

/** The fixed moment the demo is set at, so its output is the same on every run. */
export const DEMO_NOW = "2026-04-28T11:00:00+01:00";
const DEMO_TODAY = "2026-04-28";
const EDINBURGH = { latitude: 55.9533, longitude: -3.1883 };

/** The validation steps of the demo: which kind each sample file is checked as. */
export const demoChecks: ReadonlyArray<{ kind: string; file: string; options?: { instrument?: string } }> = [
  { kind: "directory", file: "directory.json" },
  { kind: "service", file: "services-to-check.ndjson" },
  { kind: "goal", file: "goals.json" },
  { kind: "gas-set", file: "gas-set.json" },
  { kind: "coaching-course", file: "coaching-course.json" },
  { kind: "wrap", file: "wrap.json" },
  { kind: "signposting-event", file: "signposting-events.ndjson" },
  { kind: "coproduction-assessment", file: "coproduction-assessment.json" },
  { kind: "indicator-assessment", file: "indicator-assessments.json" },
  { kind: "instrument", file: "instrument.json" },
  { kind: "instrument-response", file: "responses.ndjson", options: { instrument: "instrument.json" } },
  { kind: "practice-session", file: "practice-sessions.json" },
  { kind: "reflection", file: "practice-reflections.ndjson" },
];

/** The reports the demo writes, in order. */
const DEMO_REPORTS = ["coproduction.html", "indicators.html", "goals.html", "practice.html"] as const;

/** The FHIR R4 Bundle of the sample data the demo writes beside its reports. */
export const DEMO_FHIR_BUNDLE = "sample-data.fhir.json";

/**
 * The name of the small file in the output folder that records the demo's own reports (by
 * SHA-256), so a later run may replace them, and nothing else, without `--force`.
 */
export const DEMO_MANIFEST = ".selfmanage-demo.json";

const DemoManifest = z.strictObject({ reports: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)) });

const sha256 = (content: string | Uint8Array): string => createHash("sha256").update(content).digest("hex");

/** The demo's record of its earlier reports in a folder; empty when there is none, or it is not ours. */
async function readManifest(outFolder: string): Promise<{ found: boolean; reports: Record<string, string> }> {
  const path = join(outFolder, DEMO_MANIFEST);
  try {
    const info = await lstat(path);
    if (!info.isFile() || info.size > 64 * 1024) return { found: false, reports: {} };
    const parsed = DemoManifest.safeParse(JSON.parse(await readFile(path, "utf8")));
    return parsed.success ? { found: true, reports: parsed.data.reports } : { found: false, reports: {} };
  } catch {
    return { found: false, reports: {} };
  }
}

async function run(_positionals: string[], values: OptionValues, io: CliIo): Promise<number> {
  const dataFolder = resolve(io.cwd, stringOption(values, "data-dir") ?? sampleDataFolder);
  const outOption = stringOption(values, "out-dir") ?? "reports";
  if (outOption === "") throw new UsageError("--out-dir needs a folder name.");
  const outFolder = resolve(io.cwd, outOption);
  const dataIo: CliIo = { ...io, cwd: dataFolder };
  const manifest = await readManifest(outFolder);
  const inputs = [...demoChecks.map((check) => join(dataFolder, check.file)), join(dataFolder, "instrument.json")];
  // The demo may replace what it wrote itself before (same content hash), and nothing else without --force.
  const writing = (name: string): WriteOutputOptions => ({
    cwd: io.cwd,
    inputs,
    force: values.force === true,
    option: "--out-dir",
    mayReplace: async (path) => (name === DEMO_MANIFEST ? manifest.found : manifest.reports[name] === sha256(await readFile(path))),
  });
  for (const name of [...DEMO_REPORTS, DEMO_FHIR_BUNDLE, DEMO_MANIFEST]) await checkOutputFile(join(outOption, name), writing(name));
  const paint = colourer(io.stdout, io.env);
  const say = (text = ""): Promise<void> => writeLine(io.stdout, text);
  const heading = (text: string): Promise<void> => say(`\n${paint("bold", text)}`);

  await say(paint("bold", "Self Management Toolkit demo"));
  await say(`Sample data: ${dataFolder} (fictional, generated from a fixed seed). The demo is set at ${DEMO_NOW}.`);

  await heading("1. Validate");
  for (const check of demoChecks) {
    const shown: ReportedIssue[] = [];
    let counts: CheckCounts;
    try {
      counts = await checkFiles(check.kind, [check.file], check.options ?? {}, dataIo, async (found) => {
        shown.push(found);
      });
    } catch (error) {
      // A definition the records need is broken: say so and carry on with the rest of the demo.
      if (!(error instanceof UsageError) || !check.options) throw error;
      await say(`  ${paint("red", "FAIL")} ${check.kind.padEnd(24)} ${error.message.split("\n")[0]}`);
      continue;
    }
    const mark = counts.invalid === 0 ? paint("green", "ok  ") : paint("red", "FAIL");
    await say(`  ${mark} ${check.kind.padEnd(24)} ${summariseCounts(counts, 1)}`);
    for (const found of shown.slice(0, 3)) await say(`         ${formatReportedIssue(found, paint)}`);
  }

  await heading("2. Score questionnaire responses");
  const instrumentRead = await readDocument("instrument.json", dataIo);
  const instrument = instrumentRead.ok ? validateInstrument(instrumentRead.value) : instrumentRead;
  if (instrument.ok) {
    const examples: string[] = [];
    const bandIds: (string | undefined)[] = [];
    const tally = await scoreFiles(
      compileInstrument(instrument.value),
      ["responses.ndjson"],
      dataIo,
      async (source, score) => {
        bandIds.push(score.band?.id);
        if (examples.length < 3) examples.push(scoreTextLine(source, score));
      },
      async () => undefined,
    );
    await say(`  ${printable(localise(instrument.value.title))}`);
    for (const example of examples) await say(`  ${example}`);
    await say(`  ${summariseScores(tally)}`);
    // Bands in the instrument's own order (by severity), not in the order the responses met them.
    await say(`  By band: ${countBands(instrument.value, bandIds).map((band) => `${band.label} ${band.count}`).join(", ")}`);
  } else await say("  The instrument is not valid, so nothing was scored.");

  await heading("3. Search the directory");
  const directory = await loadDirectory("directory.json", dataIo);
  if (directory !== undefined) {
    const query = { near: EDINBURGH, radiusKm: 15, categories: ["peer-support-group"], openAt: DEMO_NOW, age: 45, limit: 5 };
    await say(`  ${directory.services.length} services, ${directory.organisations.length} organisations, ${directory.locations.length} locations.`);
    await say(`  Peer support groups within 15 km of Edinburgh city centre, open at ${DEMO_NOW}, for a 45-year-old:`);
    const matches = searchServices(buildSearchIndex(directory), query as Parameters<typeof searchServices>[1]);
    if (matches.length === 0) await say("  No services match.");
    for (const [index, match] of matches.entries()) await say(`  ${formatMatch(match, index + 1, directory)}`);
  }

  await heading("4. Co-production");
  const assessmentRead = await readDocument("coproduction-assessment.json", dataIo);
  const framework = builtInFrameworkNamedIn(assessmentRead.ok ? assessmentRead.value : undefined);
  const assessment = assessmentRead.ok && framework !== undefined ? validateAssessment(assessmentRead.value, framework) : undefined;
  if (assessment?.ok === true && framework !== undefined) {
    const score = scoreAssessment(assessment.value, framework);
    await say(`  ${printable(localise(framework.title))}: ${printable(overallSentences(score).join(" "))}`);
    for (const perspective of score.perspectives) {
      const overall = score.overall.byPerspective[perspective.perspective]?.score;
      const shown = perspective.suppressed ? "suppressed (too few respondents to report)" : overall === undefined || overall === null ? "no score" : `${overall.toFixed(1)}/100`;
      await say(`    ${roleLabels[perspective.perspective].padEnd(32)} ${String(perspective.respondents).padStart(3)} respondents  ${shown}`);
    }
    await say(`  Ladder: ${score.ladder.level ?? "no lived-experience involvement recorded"}. Tokenism flags: ${score.tokenism.length === 0 ? "none" : score.tokenism.map((flag) => flag.code).join(", ")}.`);
  }

  await heading("5. Recovery indicators");
  const cycles: unknown[] = [];
  for await (const read of readRecords("indicator-assessments.json", dataIo)) if (read.ok) cycles.push(read.value);
  const summaries = cycles.flatMap((cycle) => {
    const validated = validateIndicatorAssessment(cycle, recoveryIndicatorSet);
    return validated.ok ? [summariseIndicatorAssessment(validated.value, recoveryIndicatorSet)] : [];
  });
  const [before, after] = summaries;
  if (before !== undefined && after !== undefined) {
    const change = compareIndicatorCycles(before, after);
    const mean = (value: number | null): string => (value === null ? "–" : value.toFixed(2));
    await say(`  Overall mean rating (1-5): ${mean(change.overall.before)} in cycle 1, ${mean(change.overall.after)} in cycle 2 (${change.overall.trend}).`);
    const plan = buildActionPlan(after);
    const title = (id: string): string => localise(recoveryIndicatorSet.indicators.find((indicator) => indicator.id === id)?.title ?? { en: id });
    const strongest = [...after.indicators].filter((indicator) => indicator.mean !== null).sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0));
    await say(`  Strongest indicators: ${strongest.slice(0, 3).map((indicator) => `${title(indicator.indicatorId)} (${mean(indicator.mean)})`).join(", ")}.`);
    await say(`  Action plan: ${plan.strengths.length} statements to build on, ${plan.improvements.length} to improve${plan.improvements[0] === undefined ? "" : `, starting with ${title(plan.improvements[0].indicatorId)}`}.`);
  }

  await heading("6. Reports");
  const options: ReportOptions = { generatedAt: DEMO_NOW, today: DEMO_TODAY };
  const reports: Array<{ name: (typeof DEMO_REPORTS)[number]; build: () => ReturnType<typeof buildGoalsReport> }> = [
    { name: "coproduction.html", build: () => buildCoproductionReport(["coproduction-assessment.json"], options, dataIo) },
    { name: "indicators.html", build: () => buildIndicatorReport(["indicator-assessments.json"], options, dataIo) },
    { name: "goals.html", build: () => buildGoalsReport(["goals.json"], options, dataIo) },
    { name: "practice.html", build: () => buildPracticeReport(["practice-sessions.json", "practice-reflections.ndjson"], options, dataIo) },
  ];
  const written: Record<string, string> = { ...manifest.reports };
  let failed = 0;
  for (const report of reports) {
    const built = await report.build();
    if (!built.ok) {
      failed++;
      await say(`  ${paint("red", "not written")} ${report.name}`);
      for (const found of built.issues.slice(0, 3)) await say(`    ${formatReportedIssue(found, paint)}`);
      continue;
    }
    await writeReport(join(outOption, report.name), built.html, writing(report.name));
    written[report.name] = sha256(built.html);
    await say(`  ${report.name.padEnd(18)} ${built.summary}`);
  }
  await heading("7. FHIR R4");
  const fhir = await buildSampleBundle(dataIo);
  if (fhir.ok) {
    const text = `${JSON.stringify(fhir.bundle, null, 2)}\n`;
    await writeOutputFile(join(outOption, DEMO_FHIR_BUNDLE), text, writing(DEMO_FHIR_BUNDLE));
    written[DEMO_FHIR_BUNDLE] = sha256(text);
    await say(`  ${DEMO_FHIR_BUNDLE.padEnd(18)} A collection Bundle: ${fhir.summary}`);
  } else {
    failed++;
    await say(`  ${paint("red", "not written")} ${DEMO_FHIR_BUNDLE}: ${fhir.summary}`);
  }
  await writeOutputFile(join(outOption, DEMO_MANIFEST), `${JSON.stringify({ reports: written }, null, 2)}\n`, writing(DEMO_MANIFEST));
  const shown = relative(io.cwd, outFolder);
  await say(`\nReports written to ${shown === "" ? "." : shown.startsWith("..") ? outFolder : shown}${shown.startsWith("..") ? "" : ` (${outFolder})`}. Open them in a browser.`);
  return failed === 0 ? 0 : 1;
}

/** `selfmanage demo` */
export const demoCommand: Command = {
  name: "demo",
  summary: "Validate, score, search and report over the bundled sample data.",
  usage: ["demo [--out-dir <folder>] [--data-dir <folder>] [--force]"],
  help: `Runs every command over the fictional sample data shipped with the package and prints
a short summary. Some sample services are broken on purpose, to show what issues look like.
The HTML reports, and a FHIR R4 Bundle of the sample data (${DEMO_FHIR_BUNDLE}), are written to
./reports (or --out-dir). A later run replaces the files it wrote itself (recorded in ${DEMO_MANIFEST} there), but no other file unless --force.

Options:
  --out-dir <folder>   Where to write the HTML reports (default: reports).
  --data-dir <folder>  Use other sample data with the same file names.
  --force              Replace files in --out-dir the demo did not write (links are replaced,
                       never followed).`,
  options: { "out-dir": { type: "string" }, "data-dir": { type: "string" }, force: { type: "boolean" } },
  positionals: [0, 0],
  run,
};
