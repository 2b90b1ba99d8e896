import { join, relative, resolve } from "node:path";
import { localise, roleLabels } from "@selfmanage/core";
import { scoreAssessment, validateAssessment } from "@selfmanage/coproduction";
import { buildActionPlan, compareIndicatorCycles, compileInstrument, recoveryIndicatorSet, summariseIndicatorAssessment, validateIndicatorAssessment, validateInstrument } from "@selfmanage/recovery";
import { buildSearchIndex, searchServices } from "@selfmanage/signposting";
import { stringOption, type Command, type OptionValues } from "../command";
import { builtInFrameworkNamedIn } from "../kinds";
import { colourer, UsageError, writeLine, type CliIo } from "../io";
import { sampleDataFolder } from "../paths";
import { readDocument, readRecords } from "../records";
import { formatReportedIssue, type ReportedIssue } from "../reported-issue";
import { buildCoproductionReport, buildGoalsReport, buildIndicatorReport, writeReport, type ReportOptions } from "./report";
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
];

async function run(_positionals: string[], values: OptionValues, io: CliIo): Promise<number> {
  const dataFolder = resolve(io.cwd, stringOption(values, "data-dir") ?? sampleDataFolder);
  const outFolder = resolve(io.cwd, stringOption(values, "out-dir") ?? "reports");
  const dataIo: CliIo = { ...io, cwd: dataFolder };
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
    const bands = new Map<string, number>();
    const tally = await scoreFiles(
      compileInstrument(instrument.value),
      ["responses.ndjson"],
      dataIo,
      async (source, score) => {
        const band = score.band === undefined ? "no band" : localise(score.band.label);
        bands.set(band, (bands.get(band) ?? 0) + 1);
        if (examples.length < 3) examples.push(scoreTextLine(source, score));
      },
      async () => undefined,
    );
    await say(`  ${localise(instrument.value.title)}`);
    for (const example of examples) await say(`  ${example}`);
    await say(`  ${summariseScores(tally)}`);
    await say(`  By band: ${[...bands.entries()].map(([band, count]) => `${band} ${count}`).join(", ")}`);
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
    await say(`  ${localise(framework.title)}: ${overallSentences(score).join(" ")}`);
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
  const reports = [
    { name: "coproduction.html", build: () => buildCoproductionReport(["coproduction-assessment.json"], options, dataIo) },
    { name: "indicators.html", build: () => buildIndicatorReport(["indicator-assessments.json"], options, dataIo) },
    { name: "goals.html", build: () => buildGoalsReport(["goals.json"], options, dataIo) },
  ];
  let failed = 0;
  for (const report of reports) {
    const built = await report.build();
    if (!built.ok) {
      failed++;
      await say(`  ${paint("red", "not written")} ${report.name}`);
      for (const found of built.issues.slice(0, 3)) await say(`    ${formatReportedIssue(found, paint)}`);
      continue;
    }
    await writeReport(join(outFolder, report.name), built.html);
    await say(`  ${report.name.padEnd(18)} ${built.summary}`);
  }
  await heading("7. FHIR R4");
  const fhir = await buildSampleBundle(dataIo);
  if (fhir.ok) {
    await writeReport(join(outFolder, "sample-data.fhir.json"), `${JSON.stringify(fhir.bundle, null, 2)}\n`);
    await say(`  ${"sample-data.fhir.json".padEnd(18)} A collection Bundle: ${fhir.summary}`);
  } else {
    failed++;
    await say(`  ${paint("red", "not written")} sample-data.fhir.json: ${fhir.summary}`);
  }
  const shown = relative(io.cwd, outFolder);
  await say(`\nReports written to ${shown === "" ? "." : shown.startsWith("..") ? outFolder : shown}${shown.startsWith("..") ? "" : ` (${outFolder})`}. Open them in a browser.`);
  return failed === 0 ? 0 : 1;
}

/** `selfmanage demo` */
export const demoCommand: Command = {
  name: "demo",
  summary: "Validate, score, search and report over the bundled sample data.",
  usage: ["demo [--out-dir <folder>] [--data-dir <folder>]"],
  help: `Runs every command over the fictional sample data shipped with the package and prints
a short summary. Some sample services are broken on purpose, to show what issues look like.
The HTML reports are written to ./reports (or --out-dir).

Options:
  --out-dir <folder>   Where to write the HTML reports (default: reports).
  --data-dir <folder>  Use other sample data with the same file names.`,
  options: { "out-dir": { type: "string" }, "data-dir": { type: "string" } },
  positionals: [0, 0],
  run,
};
