import { localise, roleLabels, type Role } from "@selfmanage/core";
import {
  sectorLabels,
  sessionFormatLabels,
  taxonomyTerms,
  type CategoryFrequencies,
  type PracticeSummary,
  type PracticeTaxonomy,
  type ProtectedCount,
  type Sector,
  type Session,
  type TaxonomyCategory,
  type TermCount,
} from "@selfmanage/practice";
import { chartSection, dataTable, escapeHtml, htmlPage, list, paragraph, type Cell } from "../html";
import { barChart } from "../svg";

/**
 * Everything a learning report shows.
 *
 * @example
 * ```ts
 * const input: PracticeReportInput = { summary: summarisePractice(records, reflectivePracticeTaxonomy), taxonomy: reflectivePracticeTaxonomy, sessions: records.sessions, generatedAt: "2026-04-28T10:00:00Z" };
 * ```
 */
export interface PracticeReportInput {
  readonly summary: PracticeSummary;
  readonly taxonomy: PracticeTaxonomy;
  /** The sessions summarised, for the table of sessions. */
  readonly sessions: readonly Session[];
  /** When the report was made, shown in the footer. */
  readonly generatedAt: string;
}

const NOT_SHOWN = "not shown";
const CATEGORY_NOUNS: Readonly<Record<TaxonomyCategory, string>> = { pillar: "pillar", technique: "technique", challenge: "challenge", solution: "solution" };
// Table captions stay short: on a narrow screen a wide table scrolls, and its caption with it.
const PLURAL_HEADINGS: Readonly<Record<TaxonomyCategory, string>> = { pillar: "Pillars", technique: "Techniques", challenge: "Challenges", solution: "Solutions" };
const PERIOD_NOUNS: Readonly<Record<PracticeSummary["period"]["length"], string>> = { month: "month", quarter: "quarter", "half-year": "half-year", year: "year" };
const OUTCOME_PHRASES: Readonly<Record<PracticeSummary["followThrough"]["outcomes"][number]["status"], string>> = {
  done: "had happened",
  partly: "had partly happened",
  "not-yet": "had not happened yet",
  "set-aside": "had been set aside",
  "not-followed-up": "had not been followed up",
};
const OUTCOME_LABELS: Readonly<Record<PracticeSummary["followThrough"]["outcomes"][number]["status"], string>> = {
  done: "Happened",
  partly: "Partly happened",
  "not-yet": "Not yet",
  "set-aside": "Set aside",
  "not-followed-up": "Not followed up",
};

function plural(count: number, singular: string, many = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : many}`;
}

function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] as string}`;
}

function countCell(cell: ProtectedCount): Cell {
  return cell.count === null ? NOT_SHOWN : cell.count;
}

function shareText(share: number | null): string {
  return share === null ? NOT_SHOWN : `${share}%`;
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : `${points}`;
}

/**
 * Look up labels for a taxonomy's terms and groups, falling back to the id.
 *
 * @example
 * ```ts
 * labelsFor(reflectivePracticeTaxonomy).term("challenge", "time"); // "Time"
 * ```
 */
export function labelsFor(taxonomy: PracticeTaxonomy): { term(category: TaxonomyCategory, id: string): string; group(category: TaxonomyCategory, id: string | undefined): string } {
  return {
    term: (category, id) => {
      const found = taxonomyTerms(taxonomy, category).find((term) => term.id === id);
      return found === undefined ? id : localise(found.label);
    },
    group: (category, id) => {
      if (id === undefined) return "";
      const groups = category === "technique" ? taxonomy.techniqueStages : category === "challenge" ? taxonomy.challengeAreas : [];
      const found = groups.find((group) => group.id === id);
      return found === undefined ? id : localise(found.label);
    },
  };
}

/** The shown term with the largest count, if any is shown and above zero (first in taxonomy order on ties). */
function mostNamed(terms: readonly TermCount[]): TermCount | undefined {
  let best: TermCount | undefined;
  for (const term of terms) if (term.count !== null && term.count > 0 && (best === undefined || term.count > (best.count as number))) best = term;
  return best;
}

/**
 * How many counts in the summary are withheld, across every table of the report.
 *
 * @example
 * ```ts
 * countSuppressed(summarisePractice(records, reflectivePracticeTaxonomy)); // e.g. 9
 * ```
 */
export function countSuppressed(summary: PracticeSummary): number {
  const cells: ProtectedCount[] = [
    ...summary.frequencies.flatMap((category) => category.terms),
    ...summary.periods.flatMap((period) => period.categories.flatMap((category) => category.terms)),
    ...summary.crossTabulation.cells.flat(),
    summary.followThrough.withPlan,
    ...summary.followThrough.outcomes,
    ...summary.followThrough.barriers,
    ...summary.themes.terms,
    ...summary.sessions.bySector,
    ...summary.sessions.byRole,
    summary.sessions.studying,
  ];
  return cells.filter((cell) => cell.suppressed).length;
}

/**
 * The sentences of the report's summary, each built from the summary's own figures.
 *
 * @example
 * ```ts
 * summarySentences(summary, reflectivePracticeTaxonomy)[0]; // "12 sessions from 2025-04-08 to 2026-03-19, run by 2 organisations: 7 in person, 4 online and 1 hybrid."
 * ```
 */
export function summarySentences(summary: PracticeSummary, taxonomy: PracticeTaxonomy): string[] {
  const labels = labelsFor(taxonomy);
  const overview = summary.sessions;
  const sentences: string[] = [];
  if (overview.sessions === 0) sentences.push("No sessions are recorded.");
  else {
    const formats = overview.formats.filter((entry) => entry.sessions > 0).map((entry) => `${entry.sessions} ${sessionFormatLabels[entry.format].split(" (")[0]?.toLowerCase() as string}`);
    sentences.push(`${plural(overview.sessions, "session")} from ${overview.firstDate as string} to ${overview.lastDate as string}, run by ${plural(overview.facilitatorOrganisations, "organisation")}: ${joinWords(formats)}.`);
  }
  sentences.push(`${plural(overview.participants, "person", "people")} took part and ${plural(summary.reflections, "reflection")} ${summary.reflections === 1 ? "was" : "were"} collected.`);
  sentences.push(`Lived experience was part of delivering ${overview.livedExperienceInDelivery} of ${plural(overview.sessions, "session")}.`);
  for (const category of summary.frequencies) {
    const noun = CATEGORY_NOUNS[category.category];
    const best = mostNamed(category.terms);
    if (best !== undefined) sentences.push(`The ${noun} named most often was ${labels.term(category.category, best.termId)}, in ${shareText(best.share)} of reflections.`);
    else if (category.terms.some((term) => term.suppressed)) sentences.push(`No ${noun} count can be shown without risking identifying people.`);
    else sentences.push(`No reflection named a ${noun}.`);
  }
  const { withPlan, outcomes } = summary.followThrough;
  const done = outcomes.find((outcome) => outcome.status === "done");
  if (withPlan.count === null) sentences.push("How many reflections included a plan is not shown, to protect small numbers.");
  else if (done?.count === null || done === undefined) sentences.push(`${plural(withPlan.count, "reflection")} included a plan to take back to practice; how many had happened at follow-up is not shown.`);
  else sentences.push(`${plural(withPlan.count, "reflection")} included a plan to take back to practice; ${done.count} of them had happened at follow-up.`);
  sentences.push(
    `Counts that stand for fewer than ${summary.minimumRespondents} reflections, or that would reveal such a count by subtraction, are marked "not shown": ${plural(countSuppressed(summary), "count")} in this report ${countSuppressed(summary) === 1 ? "is" : "are"} not shown.`,
  );
  return sentences;
}

/**
 * The sentences about change between periods, built from the summary's periods and changes.
 *
 * @example
 * ```ts
 * changeSentences(summary, reflectivePracticeTaxonomy); // ["4 quarters are compared: ...", "From ... to ..., the largest rise was ..."]
 * ```
 */
export function changeSentences(summary: PracticeSummary, taxonomy: PracticeTaxonomy): string[] {
  const noun = PERIOD_NOUNS[summary.period.length];
  if (summary.periods.length < 2) return [`All sessions fall in one ${noun}, so there is no change to show yet.`];
  const labels = labelsFor(taxonomy);
  const sentences = [`${plural(summary.periods.length, noun)} are compared: ${joinWords(summary.periods.map((entry) => entry.period.label))}.`];
  const latest = summary.changes[summary.changes.length - 1];
  const from = summary.periods[summary.periods.length - 2]?.period.label as string;
  const to = summary.periods[summary.periods.length - 1]?.period.label as string;
  const known = (latest?.terms ?? []).filter((term) => term.change !== null);
  const rise = known.reduce<(typeof known)[number] | undefined>((best, term) => ((term.change as number) > 0 && (best === undefined || (term.change as number) > (best.change as number)) ? term : best), undefined);
  const fall = known.reduce<(typeof known)[number] | undefined>((best, term) => ((term.change as number) < 0 && (best === undefined || (term.change as number) < (best.change as number)) ? term : best), undefined);
  const describe = (term: NonNullable<typeof rise>, direction: string) =>
    `${labels.term(term.category, term.termId)} (${CATEGORY_NOUNS[term.category]}), ${direction} ${Math.abs(term.change as number)} points from ${term.before as number}% to ${term.after as number}% of reflections`;
  if (rise === undefined && fall === undefined) sentences.push(`From ${from} to ${to}, no share that can be shown changed.`);
  else {
    const parts = [...(rise === undefined ? [] : [`the largest rise was ${describe(rise, "up")}`]), ...(fall === undefined ? [] : [`the largest fall was ${describe(fall, "down")}`])];
    sentences.push(`From ${from} to ${to}, ${parts.join("; ")}.`);
  }
  return sentences;
}

/**
 * The sentences about plans followed through and what got in the way.
 *
 * @example
 * ```ts
 * followThroughSentences(summary, reflectivePracticeTaxonomy); // ["Of the 107 plans, 49 had happened, ...", "At follow-up, ..."]
 * ```
 */
export function followThroughSentences(summary: PracticeSummary, taxonomy: PracticeTaxonomy): string[] {
  const { withPlan, outcomes, barriers } = summary.followThrough;
  if (withPlan.count === 0) return ["No reflection included a plan to take back to practice."];
  const shown = outcomes.filter((outcome) => outcome.count !== null).map((outcome) => `${outcome.count as number} ${OUTCOME_PHRASES[outcome.status]}`);
  const hidden = outcomes.filter((outcome) => outcome.count === null).map((outcome) => `that ${OUTCOME_PHRASES[outcome.status]}`);
  const subject = withPlan.count === null ? "Of the plans" : `Of the ${plural(withPlan.count, "plan")}`;
  const sentences: string[] = [];
  if (shown.length === 0) sentences.push(`${subject}, no outcome can be shown without risking identifying people.`);
  else sentences.push(`${subject}, ${joinWords(shown)}${hidden.length === 0 ? "" : `; the number${hidden.length === 1 ? "" : "s"} ${joinWords(hidden)} ${hidden.length === 1 ? "is" : "are"} not shown`}.`);
  const barrier = mostNamed(barriers);
  if (barrier !== undefined) sentences.push(`At follow-up, the challenge named most often as getting in the way was ${labelsFor(taxonomy).term("challenge", barrier.termId)} (${plural(barrier.count as number, "follow-up")}).`);
  return sentences;
}

/**
 * The sentences about challenges and solutions and about suggested themes.
 *
 * @example
 * ```ts
 * pairingSentence(summary, reflectivePracticeTaxonomy); // "The solution proposed most often for a challenge was ..."
 * ```
 */
export function pairingSentence(summary: PracticeSummary, taxonomy: PracticeTaxonomy): string {
  const labels = labelsFor(taxonomy);
  let best: { row: number; column: number; count: number } | undefined;
  summary.crossTabulation.cells.forEach((row, rowIndex) =>
    row.forEach((cell, column) => {
      if (cell.count !== null && cell.count > 0 && (best === undefined || cell.count > best.count)) best = { row: rowIndex, column, count: cell.count };
    }),
  );
  if (best === undefined) return "No pairing of a challenge with a solution can be shown.";
  const challenge = labels.term("challenge", summary.crossTabulation.challengeIds[best.row] as string);
  const solution = labels.term("solution", summary.crossTabulation.solutionIds[best.column] as string);
  return `The pairing proposed most often was ${solution} for ${challenge}, in ${plural(best.count, "reflection")}.`;
}

/**
 * The sentence about themes suggested by free text.
 *
 * @example
 * ```ts
 * themeSentence(summary, reflectivePracticeTaxonomy); // "38 reflections had free text; the untagged themes it suggests most often are ..."
 * ```
 */
export function themeSentence(summary: PracticeSummary, taxonomy: PracticeTaxonomy): string {
  const labels = labelsFor(taxonomy);
  const { reflectionsWithText, terms } = summary.themes;
  const top = terms
    .filter((term) => term.count !== null && term.count > 0)
    .sort((a, b) => (b.count as number) - (a.count as number))
    .slice(0, 3)
    .map((term) => `${labels.term(term.category, term.termId)} (${term.count as number})`);
  const opening = `${plural(reflectionsWithText, "reflection")} had free text`;
  if (top.length === 0) return `${opening}; it suggests no untagged theme that can be shown.`;
  return `${opening}; the untagged themes it suggests most often are ${joinWords(top)}.`;
}

function frequencySection(category: CategoryFrequencies, taxonomy: PracticeTaxonomy, heading: string, intro: string): string {
  const labels = labelsFor(taxonomy);
  const grouped = category.category === "technique" || category.category === "challenge";
  const shown = category.terms.filter((term) => term.share !== null);
  const hidden = category.terms.length - shown.length;
  const chart = barChart({
    id: `${category.category}-shares`,
    title: `Share of reflections naming each ${CATEGORY_NOUNS[category.category]} (%)`,
    description: `Horizontal bars, one per ${CATEGORY_NOUNS[category.category]} that can be shown, as a percentage of ${plural(category.reflections, "reflection")}.${hidden === 0 ? "" : ` ${plural(hidden, CATEGORY_NOUNS[category.category])} not shown, to protect small numbers.`}`,
    categories: shown.map((term) => labels.term(category.category, term.termId)),
    series: [{ name: "Share of reflections (%)", values: shown.map((term) => term.share) }],
  });
  const table = dataTable(
    `${PLURAL_HEADINGS[category.category]} named (${plural(category.reflections, "reflection")})`,
    [CATEGORY_NOUNS[category.category].replace(/^./, (first) => first.toUpperCase()), ...(grouped ? [category.category === "technique" ? "When" : "Area"] : []), "Reflections", "Share"],
    category.terms.map((term) => [labels.term(category.category, term.termId), ...(grouped ? [labels.group(category.category, term.group)] : []), countCell(term), shareText(term.share)]),
  );
  return chartSection(heading, intro, chart, table);
}

function tableBlock(table: string, heading?: string): string {
  return `${heading === undefined ? "" : `<h3>${escapeHtml(heading)}</h3>\n`}${table}`;
}

function section(heading: string, parts: readonly string[]): string {
  return `<section>\n<h2>${escapeHtml(heading)}</h2>\n${parts.join("\n")}\n</section>`;
}


/**
 * A self-contained HTML learning report for a run of reflective practice sessions: who took
 * part, how often each pillar, technique, challenge and solution came up (bars with their
 * tables), which solutions meet which challenges, change between periods, plans followed
 * through, and themes suggested by free text. Every sentence with a number is built from the
 * summary; counts withheld to protect small numbers say "not shown"; free text is never shown.
 *
 * @example
 * ```ts
 * const html = renderPracticeReport({ summary, taxonomy: reflectivePracticeTaxonomy, sessions: records.sessions, generatedAt: "2026-04-28T10:00:00Z" });
 * ```
 */
export function renderPracticeReport(input: PracticeReportInput): string {
  const { summary, taxonomy } = input;
  const labels = labelsFor(taxonomy);
  const overview = summary.sessions;
  const byCategory = (name: TaxonomyCategory) => summary.frequencies.find((entry) => entry.category === name) as CategoryFrequencies;
  const sessionsTable = dataTable(
    "Sessions",
    ["Date", "Run by", "Format", "Participants", "Lived experience in delivery"],
    [...input.sessions]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((session) => [session.date, session.facilitatorOrganisation, sessionFormatLabels[session.format], session.participants.total, session.livedExperience.inDelivery ? "Yes" : "No"]),
  );
  const sectorTable = dataTable(
    `Participants by sector (${plural(overview.participants, "person", "people")})`,
    ["Sector", "Participants"],
    overview.bySector.filter((entry) => entry.count !== 0).map((entry) => [entry.group === "not-recorded" ? "Not recorded" : sectorLabels[entry.group as Sector], countCell(entry)]),
  );
  const roleTable = dataTable(
    `Participants by role (${plural(overview.participants, "person", "people")})`,
    ["Role", "Participants"],
    overview.byRole.filter((entry) => entry.count !== 0).map((entry) => [entry.group === "not-recorded" ? "Not recorded" : roleLabels[entry.group as Role], countCell(entry)]),
  );
  const studying = overview.studying.count === null ? "How many participants were studying is not shown, to protect small numbers." : `${plural(overview.studying.count, "participant")} ${overview.studying.count === 1 ? "was" : "were"} studying rather than working.`;

  const { challengeIds, solutionIds, cells } = summary.crossTabulation;
  const crossTable = dataTable(
    "Solution (column) by challenge (row)",
    ["Challenge", ...solutionIds.map((id) => labels.term("solution", id))],
    challengeIds.map((id, row) => [labels.term("challenge", id), ...(cells[row] ?? []).map(countCell)]),
  );

  const latestChange = summary.changes[summary.changes.length - 1];
  const periodTables = summary.periods.length < 2 ? [] : summary.frequencies.map((category) =>
    tableBlock(
      dataTable(
        `${PLURAL_HEADINGS[category.category]}: share by ${PERIOD_NOUNS[summary.period.length]} (%)`,
        [CATEGORY_NOUNS[category.category].replace(/^./, (first) => first.toUpperCase()), ...summary.periods.map((entry) => `${entry.period.label} (${plural(entry.reflections, "reflection")})`), "Change in the latest (points)"],
        category.terms.map((term, index) => {
          const change = latestChange?.terms.find((entry) => entry.category === category.category && entry.termId === term.termId)?.change ?? null;
          return [
            labels.term(category.category, term.termId),
            ...summary.periods.map((entry) => shareText(entry.categories.find((candidate) => candidate.category === category.category)?.terms[index]?.share ?? null)),
            change === null ? NOT_SHOWN : signed(change),
          ];
        }),
      ),
      PLURAL_HEADINGS[category.category],
    ),
  );

  const outcomesTable = dataTable(
    summary.followThrough.withPlan.count === null ? "What happened to the plans" : `What happened to the ${plural(summary.followThrough.withPlan.count, "plan")}`,
    ["At follow-up", "Plans"],
    summary.followThrough.outcomes.map((outcome) => [OUTCOME_LABELS[outcome.status], countCell(outcome)]),
  );
  const barrierRows = summary.followThrough.barriers.filter((term) => term.count !== 0);
  const barriersTable = dataTable(
    "Challenges named at follow-up as getting in the way",
    ["Challenge", "Follow-ups"],
    barrierRows.length === 0 ? [["None named", 0]] : barrierRows.map((term) => [labels.term("challenge", term.termId), countCell(term)]),
  );
  const themeRows = summary.themes.terms.filter((term) => term.count !== 0);
  const themesTable = dataTable(
    "Untagged themes suggested by free text (for a person to confirm)",
    ["Theme", "Kind", "Reflections"],
    themeRows.length === 0 ? [["None suggested", "", 0]] : themeRows.map((term) => [labels.term(term.category, term.termId), CATEGORY_NOUNS[term.category], countCell(term)]),
  );

  const body = [
    section("Summary", [list(summarySentences(summary, taxonomy))]),
    section("Sessions and who took part", [tableBlock(sessionsTable), tableBlock(sectorTable, "Sectors"), tableBlock(roleTable, "Roles"), paragraph(studying)]),
    frequencySection(byCategory("pillar"), taxonomy, "What self management means to participants", "The five pillars participants used to describe self management. Longer bars mean more reflections named that pillar."),
    frequencySection(byCategory("technique"), taxonomy, "Techniques that support self management", "Techniques used before a meeting (preparing) and during it, in the table's When column."),
    frequencySection(byCategory("challenge"), taxonomy, "Challenges participants meet", "Challenges from the system, from the person using the service, and from other circumstances, in the table's Area column."),
    frequencySection(byCategory("solution"), taxonomy, "Solutions participants propose", "Solutions proposed to get past the challenges."),
    section("Which solutions meet which challenges", [
      paragraph(pairingSentence(summary, taxonomy)),
      paragraph("Each cell counts the reflections that propose the column's solution for the row's challenge."),
      tableBlock(crossTable),
    ]),
    section("Change between periods", [list(changeSentences(summary, taxonomy)), ...periodTables]),
    section("Plans followed through", [list(followThroughSentences(summary, taxonomy)), tableBlock(outcomesTable, "Outcomes at follow-up"), tableBlock(barriersTable, "What got in the way")]),
    section("Themes suggested by free text", [
      paragraph(themeSentence(summary, taxonomy)),
      `<p class="note">${escapeHtml("These are suggestions from matching words in what participants wrote, not findings: a person who knows the reflections should confirm each one before it is counted as a theme.")}</p>`,
      tableBlock(themesTable),
    ]),
    section("About these figures", [
      paragraph(`Every count is a number of reflections. A count that stands for fewer than ${summary.minimumRespondents} reflections, or that would reveal such a count when taken from a total, is shown as "not shown"; where counts add up to a total, others are withheld with it so that it cannot be worked out.`),
      paragraph(`Tags come from the ${localise(taxonomy.title)} taxonomy${taxonomy.version === undefined ? "" : ` (version ${taxonomy.version})`}. Participants' own words are never shown in this report.`),
    ]),
  ].join("\n");
  const subtitle =
    overview.sessions === 0
      ? `${localise(taxonomy.title)} · no sessions`
      : `${localise(taxonomy.title)} · ${plural(overview.sessions, "session")}, ${overview.firstDate as string} to ${overview.lastDate as string} · ${plural(summary.reflections, "reflection")}`;
  return htmlPage("Reflective practice: what we learned", subtitle, body, `Made by the selfmanage command on ${input.generatedAt}. "Not shown" marks a count withheld to protect small numbers; participants' own words are never shown.`);
}
