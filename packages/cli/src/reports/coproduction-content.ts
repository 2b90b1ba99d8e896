import { localise, roleLabels, type Role } from "@selfmanage/core";
import { partnershipSideLabels, partnershipSideOrder, type AssessmentScore, type CombinedScore, type Framework, type PartnershipSide } from "@selfmanage/coproduction";
import { plural, type Cell } from "../html";

/**
 * A figure as the co-production report prints it: one decimal place, `null` for none.
 *
 * @example
 * ```ts
 * shownFigure(61.25); // 61.3
 * ```
 */
export function shownFigure(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 10) / 10;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function lower(side: PartnershipSide): string {
  const label = partnershipSideLabels[side];
  return `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1) as string}`;
}

/**
 * Why a side is not reported on a figure, as a clause: from the result's own counts.
 *
 * @example
 * ```ts
 * missingSideReason(score, "using-services", "absent"); // "nobody on that side took part"
 * ```
 */
export function missingSideReason(score: AssessmentScore, side: PartnershipSide, reason: "absent" | "suppressed"): string {
  if (reason === "absent") return "nobody on that side took part";
  const groups = score.perspectives.filter((perspective) => perspective.side === side);
  const small = groups.every((perspective) => perspective.suppressed);
  return small
    ? `each of its perspectives had fewer than ${score.minimumRespondents} respondents (${joinWords(groups.map((perspective) => `${roleLabels[perspective.perspective]}: ${perspective.respondents}`))})`
    : `fewer than ${score.minimumRespondents} of its respondents in any one perspective gave a scored rating here`;
}

/**
 * The report's words for one combined figure: a number, or why there is none.
 *
 * @example
 * ```ts
 * combinedCell(score, score.overall); // 61.3, "withheld" or "61.3 (one-sided)"
 * ```
 */
export function combinedCell(figure: CombinedScore): Cell {
  if (figure.status === "two-sided") return shownFigure(figure.score);
  if (figure.status === "one-sided") return `${shownFigure(figure.score) as number} (one-sided)`;
  if (figure.status === "withheld") return "withheld (one side not reported)";
  return null;
}

function weightingClause(score: AssessmentScore): string {
  const shares = partnershipSideOrder.map((side) => `${lower(side)} ${percent(score.overall.sides[side].share)}`).join(", ");
  const how = {
    "partnership-parity": "each side of the partnership carries half of the overall score, and within a side each reported perspective counts the same",
    "perspective-parity": "each reported perspective counts the same, whichever side it is on",
    headcount: "each perspective counts by its number of respondents",
    custom: "each perspective counts by the weight given to it",
  }[score.weighting];
  return score.overall.status === "two-sided" ? `${how} (${shares})` : how;
}

/**
 * The summary of a co-production result: the overall score or why it is withheld, how it is
 * weighed, and the two sides with the gap between them. Every sentence reads its numbers from
 * the result, so none can say something the figures beside it contradict.
 *
 * @example
 * ```ts
 * overallSentences(scoreAssessment(assessment, framework)); // ["Overall co-production score: 61.3 out of 100, from 240 ratings.", ...]
 * ```
 */
export function overallSentences(score: AssessmentScore): string[] {
  const overall = score.overall;
  const sentences: string[] = [];
  const missing = overall.oneSided;
  if (overall.status === "two-sided") sentences.push(`Overall co-production score: ${shownFigure(overall.score) as number} out of 100, from ${overall.ratings} ratings.`);
  else if (overall.status === "not-reported") sentences.push("Overall co-production score: not enough ratings to score.");
  else if (missing !== null) {
    const why = `${partnershipSideLabels[missing.missingSide]} are not reported: ${missingSideReason(score, missing.missingSide, missing.reason)}`;
    sentences.push(
      overall.status === "withheld"
        ? `Overall co-production score: withheld, because it would come from ${lower(missing.reportedSide)} alone. ${why}.`
        : `Overall co-production score: ${shownFigure(overall.score) as number} out of 100, one-sided: it comes from ${lower(missing.reportedSide)} alone, from ${overall.ratings} ratings. ${why}.`,
    );
  }
  sentences.push(`How it is weighed: ${weightingClause(score)}.`);
  const sides = partnershipSideOrder.map((side, index) => {
    const value = shownFigure(overall.sides[side].score);
    return `${index === 0 ? partnershipSideLabels[side] : lower(side)}: ${value === null ? "not reported" : `${value} out of 100`}`;
  });
  const gap = overall.sides.gap;
  sentences.push(
    `${sides.join("; ")}${gap === null ? "." : `; ${lower(gap.higher)} scored ${shownFigure(gap.difference) as number} points higher${gap.flagged ? `, a gap of more than ${score.gapThreshold} points` : ""}.`}`,
  );
  return sentences;
}

/**
 * What the report says about protecting anonymity: which perspectives are suppressed, and
 * whether their ratings count anywhere, worked out from the result; which single scores are
 * suppressed; and how group scores were rounded.
 *
 * @example
 * ```ts
 * disclosureSentences(score); // ["Not shown, to protect anonymity: Manager or commissioner (fewer than 5 respondents). ...", ...]
 * ```
 */
export function disclosureSentences(score: AssessmentScore): string[] {
  const sentences: string[] = [];
  const figures: CombinedScore[] = [score.overall, ...score.principles, ...score.indicators];
  const suppressed = score.perspectives.filter((perspective) => perspective.suppressed && perspective.respondents > 0);
  if (suppressed.length === 0) sentences.push(`Every perspective had at least ${plural(score.minimumRespondents, "respondent")}, so all are shown.`);
  else {
    const names = suppressed.map((perspective) => roleLabels[perspective.perspective]).join(", ");
    // Said only because the result shows it: no suppressed group has a share, or a reported figure, anywhere.
    const leftOut = suppressed.every((perspective) => perspective.share === 0 && figures.every((figure) => figure.byPerspective[perspective.perspective]?.score == null));
    sentences.push(
      `Not shown, to protect anonymity: ${names} (fewer than ${score.minimumRespondents} respondents). ${
        leftOut
          ? "Their ratings are left out of every figure in this report, including the side and combined scores."
          : `Their ratings still count in the combined scores (${suppressed.map((perspective) => `${roleLabels[perspective.perspective]} ${percent(perspective.share)}`).join(", ")}).`
      }`,
    );
  }
  const partly = score.perspectives.filter(
    (perspective) => !perspective.suppressed && score.indicators.some((indicator) => indicator.byPerspective[perspective.perspective]?.suppressed === true),
  );
  if (partly.length > 0) {
    sentences.push(
      `Some single statements are not scored for ${joinWords(partly.map((perspective) => roleLabels[perspective.perspective]))}, because fewer than ${score.minimumRespondents} of them gave a scored rating; those are left out of every figure too.`,
    );
  }
  const reported = score.perspectives.filter((perspective) => score.overall.byPerspective[perspective.perspective]?.rounding != null);
  if (score.rounding === "none") sentences.push("Group scores are exact: rounding was switched off.");
  else if (reported.length > 0) {
    sentences.push(
      `Each group's score for a statement is rounded, more coarsely for smaller groups, so that nobody's rating can be worked out by adding or removing answers: ${reported
        .map((perspective) => `${roleLabels[perspective.perspective]} to the nearest ${score.overall.byPerspective[perspective.perspective]?.rounding as number}`)
        .join(", ")} (the coarsest rounding behind each group's figures).`,
    );
  }
  return sentences;
}

/**
 * The table of the two sides by principle and overall: combined, each side, and the gap.
 *
 * @example
 * ```ts
 * const { caption, headers, rows } = sidesTable(score, framework);
 * ```
 */
export function sidesTable(score: AssessmentScore, framework: Framework): { caption: string; headers: string[]; rows: Cell[][] } {
  const row = (label: string, figure: CombinedScore): Cell[] => [
    label,
    combinedCell(figure),
    ...partnershipSideOrder.map((side) => shownFigure(figure.sides[side].score)),
    figure.sides.gap === null ? null : shownFigure(figure.sides.gap.difference),
  ];
  return {
    caption: "Scores by side of the partnership (0-100)",
    headers: ["Principle", "Combined", ...partnershipSideOrder.map((side) => partnershipSideLabels[side]), "Gap between the sides (points)"],
    rows: [...score.principles.map((principle) => row(principleTitle(framework, principle.principleId), principle)), row("Overall", score.overall)],
  };
}

/**
 * The title of a principle, or its id when the framework does not have it.
 *
 * @example
 * ```ts
 * principleTitle(nefPrinciplesFramework, "assets"); // "Assets"
 * ```
 */
export function principleTitle(framework: Framework, id: string): string {
  const principle = framework.principles.find((candidate) => candidate.id === id);
  return principle === undefined ? id : localise(principle.title);
}

/**
 * Where the two sides see a principle very differently, in words: every flagged side gap.
 *
 * @example
 * ```ts
 * sideGapSentences(score, framework); // ["Assets: people who provide and commission services rated it 75 points higher than people who use services."]
 * ```
 */
export function sideGapSentences(score: AssessmentScore, framework: Framework): string[] {
  return score.principles.flatMap((principle) => {
    const gap = principle.sides.gap;
    return gap === null || !gap.flagged
      ? []
      : [`${principleTitle(framework, principle.principleId)}: ${lower(gap.higher)} rated it ${Math.round(gap.difference)} points higher than ${lower(gap.lower)}.`];
  });
}

/**
 * The "Who responded" table: each perspective, its side, respondents, share of the overall score, and whether it is reported.
 *
 * @example
 * ```ts
 * const { headers, rows } = perspectivesTable(score);
 * ```
 */
export function perspectivesTable(score: AssessmentScore): { caption: string; headers: string[]; rows: Cell[][] } {
  return {
    caption: "Who responded",
    headers: ["Perspective", "Side of the partnership", "Respondents", "Share of the overall score", "Reported"],
    rows: score.perspectives.map((perspective) => [
      roleLabels[perspective.perspective],
      partnershipSideLabels[perspective.side],
      perspective.respondents,
      percent(perspective.share),
      perspective.suppressed ? "No (too few to report)" : "Yes",
    ]),
  };
}

/**
 * The one-line summary the `report coproduction` command prints.
 *
 * @example
 * ```ts
 * coproductionSummary(score); // "co-production overall 61.3/100, ladder co-design, 1 perspective suppressed"
 * ```
 */
export function coproductionSummary(score: AssessmentScore): string {
  const overall = score.overall;
  const shown = overall.score === null ? (overall.status === "withheld" ? "withheld (one-sided)" : "not scored") : `${overall.score.toFixed(1)}/100${overall.status === "one-sided" ? " (one-sided)" : ""}`;
  const suppressed = score.perspectives.filter((perspective) => perspective.suppressed && perspective.respondents > 0).length;
  return `co-production overall ${shown}, ladder ${score.ladder.level ?? "none"}, ${suppressed} perspective${suppressed === 1 ? "" : "s"} suppressed`;
}

/**
 * The reported perspectives, in role order: the series of the radar chart and the columns of the principle table.
 *
 * @example
 * ```ts
 * reportedPerspectives(score); // ["person", "carer", "practitioner"]
 * ```
 */
export function reportedPerspectives(score: AssessmentScore): Role[] {
  return score.perspectives.filter((perspective) => !perspective.suppressed && perspective.respondents > 0).map((perspective) => perspective.perspective);
}
