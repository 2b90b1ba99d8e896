import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { roleLabels } from "@selfmanage/core";
import {
  nefPrinciplesFramework,
  partnershipSideLabels,
  partnershipSideOrder,
  scoreAssessment,
  validateAssessment,
  type Assessment,
  type AssessmentScore,
  type CombinedScore,
  type ScoringOptions,
} from "@selfmanage/coproduction";
import { describe, expect, it } from "vitest";
import { renderCoproductionReport } from "../src/reports/coproduction";
import { coproductionSummary, disclosureSentences, overallSentences, shownFigure } from "../src/reports/coproduction-content";
import { checkReport, type Element } from "./html-check";

const sample = JSON.parse(readFileSync(fileURLToPath(new URL("../sample-data/coproduction-assessment.json", import.meta.url)), "utf8")) as unknown;
const checked = validateAssessment(sample, nefPrinciplesFramework);
if (!checked.ok) throw new Error("the sample assessment must be valid");
const assessment: Assessment = checked.value;

function render(score: AssessmentScore, input: Assessment = assessment): { html: string; tables: Map<string, string[][]>; items: string[]; notes: string[] } {
  const html = renderCoproductionReport({ assessment: input, framework: nefPrinciplesFramework, score, generatedAt: "2026-04-28T10:00:00Z" });
  const { tables, elements } = checkReport(html);
  const cellsOf = (row: Element) => row.children.filter((cell) => cell.tagName === "th" || cell.tagName === "td").map(textOf);
  const byCaption = new Map(
    tables.map((table) => {
      const body = table.children.find((child) => child.tagName === "tbody") as Element;
      return [textOf(table.children[0] as Element), body.children.filter((child) => child.tagName === "tr").map(cellsOf)];
    }),
  );
  return {
    html,
    tables: byCaption,
    items: elements.filter((element) => element.tagName === "li").map(textOf),
    notes: elements.filter((element) => element.tagName === "p").map(textOf),
  };
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
/** The text of an element as a reader sees it. */
const textOf = (element: Element): string => element.text.trim().replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] as string);

/** A number as the report shows it in a table cell ("–" for none). */
const cell = (value: number | null | undefined): string => (value === null || value === undefined ? "–" : String(shownFigure(value)));
const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

describe("the co-production report agrees with the numbers the package returns", () => {
  const score = scoreAssessment(assessment, nefPrinciplesFramework);
  const { tables, items, notes } = render(score);
  const reported = score.perspectives.filter((perspective) => !perspective.suppressed);

  it("shows every perspective with its side, respondents and share of the overall score", () => {
    expect(tables.get("Who responded")).toEqual(
      score.perspectives.map((perspective) => [
        roleLabels[perspective.perspective],
        partnershipSideLabels[perspective.side],
        String(perspective.respondents),
        percent(perspective.share),
        perspective.suppressed ? "No (too few to report)" : "Yes",
      ]),
    );
  });

  it("shows the two sides and the gap for every principle and overall", () => {
    const figures: [string, CombinedScore][] = [
      ...score.principles.map((principle): [string, CombinedScore] => [nefPrinciplesFramework.principles.find((entry) => entry.id === principle.principleId)?.title.en as string, principle]),
      ["Overall", score.overall],
    ];
    expect(tables.get("Scores by side of the partnership (0-100)")).toEqual(
      figures.map(([title, figure]) => [title, cell(figure.score), ...partnershipSideOrder.map((side) => cell(figure.sides[side].score)), cell(figure.sides.gap?.difference)]),
    );
  });

  it("shows each reported perspective's principle scores beside the combined score", () => {
    expect(tables.get("Scores by principle (0-100)")).toEqual(
      score.principles.map((principle) => [
        nefPrinciplesFramework.principles.find((entry) => entry.id === principle.principleId)?.title.en as string,
        cell(principle.score),
        ...reported.map((perspective) => cell(principle.byPerspective[perspective.perspective]?.score)),
      ]),
    );
  });

  it("states the overall score, the sides and the gap with the result's numbers", () => {
    expect(items).toContain(`Overall co-production score: ${cell(score.overall.score)} out of 100, from ${score.overall.ratings} ratings.`);
    const [using, providing] = partnershipSideOrder.map((side) => score.overall.sides[side]);
    const gap = score.overall.sides.gap;
    expect(gap).not.toBeNull();
    expect(items).toContain(
      `People who use services: ${cell(using?.score)} out of 100; people who provide and commission services: ${cell(providing?.score)} out of 100; ${
        gap?.higher === "using-services" ? "people who use services" : "people who provide and commission services"
      } scored ${cell(gap?.difference)} points higher${gap?.flagged === true ? `, a gap of more than ${score.gapThreshold} points` : ""}.`,
    );
    expect(items).toContain(
      `How it is weighed: each side of the partnership carries half of the overall score, and within a side each reported perspective counts the same (people who use services ${percent(using?.share as number)}, people who provide and commission services ${percent(providing?.share as number)}).`,
    );
    for (const highlight of [...score.strengths, ...score.priorities]) expect(items.some((item) => item.endsWith(`(${cell(highlight.score)})`))).toBe(true);
  });

  it("says suppressed respondents are left out, and the combined figures bear it out (issue 14)", () => {
    expect(notes).toContain("Not shown, to protect anonymity: Manager or commissioner (fewer than 5 respondents). Their ratings are left out of every figure in this report, including the side and combined scores.");
    expect(notes.join(" ")).not.toContain("still count");
    // The combined figure is the sides' mean, and each side the mean of the perspectives shown: nothing of the managers is in it.
    for (const principle of score.principles) {
      const sideScore = (side: "using-services" | "providing-services") => {
        const shown = reported.filter((perspective) => perspective.side === side).flatMap((perspective) => principle.byPerspective[perspective.perspective]?.score ?? []);
        return shown.reduce((total, value) => total + value, 0) / shown.length;
      };
      expect(principle.sides["providing-services"].perspectives).not.toContain("manager");
      expect(principle.score).toBeCloseTo((sideScore("using-services") + sideScore("providing-services")) / 2, 9);
    }
  });

  it("names the rounding of each reported group as the result gives it", () => {
    const rounding = notes.find((note) => note.startsWith("Each group's score for a statement is rounded"));
    expect(rounding, notes.join("\n")).toBeDefined();
    for (const perspective of reported) expect(rounding).toContain(`${roleLabels[perspective.perspective]} to the nearest ${score.overall.byPerspective[perspective.perspective]?.rounding as number}`);
  });

  it("prints a one-line summary from the same result", () => {
    expect(coproductionSummary(score)).toBe(`co-production overall ${(score.overall.score as number).toFixed(1)}/100, ladder ${score.ladder.level as string}, 1 perspective suppressed`);
  });
});

describe("co-production report sentences follow the result, whatever it says", () => {
  const scored = (options: ScoringOptions, input: Assessment = assessment) => scoreAssessment(input, nefPrinciplesFramework, options);
  const withoutUsers: Assessment = {
    ...assessment,
    respondents: assessment.respondents.filter((respondent) => respondent.perspective !== "carer" && respondent.perspective !== "person" ? true : respondent.id.endsWith("-1")),
  };
  withoutUsers.ratings = assessment.ratings.filter((rating) => withoutUsers.respondents.some((respondent) => respondent.id === rating.respondentId));

  it("withholds a one-sided overall score and says why", () => {
    const score = scored({}, withoutUsers);
    expect(score.overall.status).toBe("withheld");
    const { tables, items } = render(score, withoutUsers);
    expect(items[0]).toBe(
      "Overall co-production score: withheld, because it would come from people who provide and commission services alone. People who use services are not reported: each of its perspectives had fewer than 5 respondents (Person with lived experience: 1 and Unpaid carer or family member: 1).",
    );
    expect(tables.get("Scores by side of the partnership (0-100)")?.at(-1)).toEqual(["Overall", "withheld (one side not reported)", "–", cell(score.overall.sides["providing-services"].score), "–"]);
    expect(coproductionSummary(score)).toMatch(/^co-production overall withheld \(one-sided\), /);
  });

  it("marks a one-sided overall score when asked", () => {
    const score = scored({ oneSided: "mark" }, withoutUsers);
    expect(overallSentences(score)[0]).toBe(
      `Overall co-production score: ${cell(score.overall.score)} out of 100, one-sided: it comes from people who provide and commission services alone, from ${score.overall.ratings} ratings. People who use services are not reported: each of its perspectives had fewer than 5 respondents (Person with lived experience: 1 and Unpaid carer or family member: 1).`,
    );
    expect(render(score, withoutUsers).tables.get("Scores by side of the partnership (0-100)")?.at(-1)?.[1]).toBe(`${cell(score.overall.score)} (one-sided)`);
    expect(coproductionSummary(score)).toContain("/100 (one-sided)");
  });

  it("names the weighting and the shares it gives", () => {
    const score = scored({ weighting: "perspective-parity" });
    expect(overallSentences(score)[1]).toBe(
      `How it is weighed: each reported perspective counts the same, whichever side it is on (people who use services ${percent(score.overall.sides["using-services"].share)}, people who provide and commission services ${percent(score.overall.sides["providing-services"].share)}).`,
    );
    expect(score.overall.sides["using-services"].share).toBe(0.5); // two reported perspectives on each side in the sample
    const byHeadcount = scored({ weighting: "headcount" });
    // people 9 + carers 5 against practitioners 7 + peer workers 5: 14 / 26
    expect(byHeadcount.overall.sides["using-services"].share).toBeCloseTo(14 / 26, 12);
    expect(overallSentences(byHeadcount)[1]).toMatch(/^How it is weighed: each perspective counts by its number of respondents \(people who use services 53\.8%, people who provide and commission services 46\.2%\)\.$/);
    expect(overallSentences(scored({ weighting: { person: 2 } }))[1]).toMatch(/^How it is weighed: each perspective counts by the weight given to it \(people who use services 60%, people who provide and commission services 40%\)\.$/);
  });

  it("says when figures are exact, and when every perspective is shown", () => {
    const sentences = disclosureSentences(scored({ rounding: "none", minimumRespondents: 2 }));
    expect(sentences[0]).toBe("Every perspective had at least 2 respondents, so all are shown.");
    expect(sentences).toContain("Group scores are exact: rounding was switched off.");
  });

  it("would say suppressed ratings count if the result said so: the sentence reads the shares, not a fixed text", () => {
    const score = scored({});
    const tampered: AssessmentScore = { ...score, perspectives: score.perspectives.map((perspective) => (perspective.suppressed ? { ...perspective, share: 0.1 } : perspective)) };
    expect(disclosureSentences(tampered)[0]).toBe("Not shown, to protect anonymity: Manager or commissioner (fewer than 5 respondents). Their ratings still count in the combined scores (Manager or commissioner 10%).");
  });

  it("says plainly when nothing could be scored", () => {
    const empty: Assessment = { ...assessment, respondents: [], ratings: [] };
    const score = scored({}, empty);
    expect(overallSentences(score)).toEqual([
      "Overall co-production score: not enough ratings to score.",
      "How it is weighed: each side of the partnership carries half of the overall score, and within a side each reported perspective counts the same.",
      "People who use services: not reported; people who provide and commission services: not reported.",
    ]);
  });
});
