import { localise, roleLabels } from "@selfmanage/core";
import { ladderLabels, type Assessment, type AssessmentScore, type Framework } from "@selfmanage/coproduction";
import { chartSection, dataTable, escapeHtml, htmlPage, list, nameFromId, paragraph, plural } from "../html";
import { radarChart } from "../svg";
import {
  combinedCell,
  disclosureSentences,
  overallSentences,
  perspectivesTable,
  principleTitle as titleOf,
  reportedPerspectives,
  shownFigure as points,
  sideGapSentences,
  sidesTable,
} from "./coproduction-content";

/**
 * Everything a co-production report shows.
 *
 * @example
 * ```ts
 * const input: CoproductionReportInput = { assessment, framework, score: scoreAssessment(assessment, framework), generatedAt: "2026-04-28T10:00:00Z" };
 * ```
 */
export interface CoproductionReportInput {
  readonly assessment: Assessment;
  readonly framework: Framework;
  readonly score: AssessmentScore;
  /** When the report was made, shown in the footer. */
  readonly generatedAt: string;
}

/**
 * A self-contained HTML report of one co-production assessment: the overall score (or why it
 * is withheld), the two sides of the partnership and the gap between them, a radar chart by
 * principle with one polygon per reported perspective, the scores beside it as a table,
 * perception gaps, tokenism flags, strengths, priorities and the participation ladder by stage.
 * Every figure and every sentence comes from `input.score`.
 *
 * @example
 * ```ts
 * const html = renderCoproductionReport({ assessment, framework, score: scoreAssessment(assessment, framework), generatedAt: "2026-04-28T10:00:00Z" });
 * ```
 */
export function renderCoproductionReport(input: CoproductionReportInput): string {
  const { framework, score } = input;
  const principleTitle = (id: string): string => titleOf(framework, id);
  const indicatorStatement = (id: string): string => {
    const indicator = framework.principles.flatMap((principle) => principle.indicators).find((candidate) => candidate.id === id);
    return indicator === undefined ? id : localise(indicator.statement);
  };
  const reported = reportedPerspectives(score);
  const suppressed = score.perspectives.filter((perspective) => perspective.suppressed && perspective.respondents > 0);
  const axes = score.principles.map((principle) => principleTitle(principle.principleId));
  const series = [
    ...reported.map((perspective) => ({
      name: roleLabels[perspective],
      values: score.principles.map((principle) => points(principle.byPerspective[perspective]?.score)),
    })),
  ];
  const [suppressionSentence, ...disclosureNotes] = disclosureSentences(score);
  const suppressedNote = [
    suppressed.length === 0 ? paragraph(suppressionSentence as string) : `<p class="note">${escapeHtml(suppressionSentence as string)}</p>`,
    ...disclosureNotes.map((note) => `<p class="note">${escapeHtml(note)}</p>`),
  ].join("\n");
  const radar = radarChart({
    id: "principles-radar",
    title: `Scores by principle and perspective (0-100)`,
    description: `Radar chart with ${axes.length} axes, one per principle, and one polygon per reported perspective: ${series.map((item) => item.name).join(", ")}.${suppressed.length === 0 ? "" : " Suppressed perspectives are left out."}`,
    axes,
    series,
  });
  const principleTable = dataTable(
    "Scores by principle (0-100)",
    ["Principle", "Combined", ...reported.map((perspective) => roleLabels[perspective])],
    score.principles.map((principle) => [principleTitle(principle.principleId), combinedCell(principle), ...reported.map((perspective) => points(principle.byPerspective[perspective]?.score))]),
  );
  const who = perspectivesTable(score);
  const perspectiveTable = dataTable(who.caption, who.headers, who.rows);
  const sides = sidesTable(score, framework);
  const sideTable = dataTable(sides.caption, sides.headers, sides.rows);
  const gaps = score.gaps.filter((gap) => gap.flagged);
  const ladderTable = dataTable(
    "Participation ladder by stage (highest lived-experience level)",
    ["Stage", "Level", "What it means"],
    score.ladder.byStage.map((stage) => [stage.stage, stage.level ?? "no lived experience involved", stage.level === null ? "" : ladderLabels[stage.level]]),
  );
  const body = [
    `<section>\n<h2>Summary</h2>\n${list([
      ...overallSentences(score),
      `Participation ladder: ${score.ladder.level === null ? "no lived-experience involvement recorded" : `${score.ladder.level} – ${ladderLabels[score.ladder.level]}`}.`,
      `${score.tokenism.length === 0 ? "No signs of tokenism were found." : `${score.tokenism.length} possible sign${score.tokenism.length === 1 ? "" : "s"} of tokenism (see below).`}`,
    ])}\n${perspectiveTable}\n${sideTable}\n</section>`,
    chartSection("Principles by perspective", "Each polygon is one perspective; the further out, the more that perspective sees the principle in practice. The axes are numbered; the key beside the chart names them.", radar, principleTable, { stacked: true }),
    suppressedNote,
    `<section>\n<h2>Where perspectives differ</h2>\n${list([
      ...sideGapSentences(score, framework),
      ...gaps.map((gap) => `${principleTitle(gap.principleId)}: ${roleLabels[gap.higher]} rated ${Math.round(gap.difference)} points higher than ${roleLabels[gap.lower]}.`),
    ])}\n</section>`,
    `<section>\n<h2>Possible tokenism</h2>\n${list(score.tokenism.map((flag) => flag.message))}\n</section>`,
    `<section>\n<h2>Strengths to build on</h2>\n${list(score.strengths.map((highlight) => `${principleTitle(highlight.principleId)}: ${indicatorStatement(highlight.indicatorId)} (${points(highlight.score)})`))}\n</section>`,
    `<section>\n<h2>Priorities for improvement</h2>\n${list(score.priorities.map((highlight) => `${principleTitle(highlight.principleId)}: ${indicatorStatement(highlight.indicatorId)} (${points(highlight.score)})`))}\n</section>`,
    `<section>\n<h2>Involvement by stage</h2>\n${ladderTable}\n</section>`,
  ].join("\n");
  return htmlPage(
    `Co-production assessment: ${nameFromId(input.assessment.initiative)}`,
    `${localise(framework.title)} · initiative ${input.assessment.initiative} · assessed ${input.assessment.date} · ${plural(input.assessment.respondents.length, "respondent")}`,
    body,
    `Made by the selfmanage command on ${input.generatedAt}. Scores are 0-100; not applicable and don't know answers are left out, never counted as zero.`,
  );
}
