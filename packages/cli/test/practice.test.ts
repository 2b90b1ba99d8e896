import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  extendTaxonomy,
  reflectivePracticeTaxonomy,
  summarisePractice,
  validatePracticeRecords,
  type PracticeRecords,
  type Reflection,
  type Session,
} from "@selfmanage/practice";
import { describe, expect, it } from "vitest";
import { changeSentences, countSuppressed, followThroughSentences, pairingSentence, renderPracticeReport, summarySentences, themeSentence } from "../src/reports/practice";
import { escapeHtml } from "../src/html";
import { checkReport } from "./html-check";
import { SENTINEL, tempFolder } from "./helpers";
import { run } from "./run";

const sampleData = fileURLToPath(new URL("../sample-data/", import.meta.url));
const sessionsFile = join(sampleData, "practice-sessions.json");
const reflectionsFile = join(sampleData, "practice-reflections.ndjson");
const sampleSessions = JSON.parse(readFileSync(sessionsFile, "utf8")) as Session[];
const sampleReflections = readFileSync(reflectionsFile, "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Reflection);

function sampleSummary(options: Parameters<typeof summarisePractice>[2] = {}) {
  const checked = validatePracticeRecords({ sessions: sampleSessions, reflections: sampleReflections }, reflectivePracticeTaxonomy);
  if (!checked.ok) throw new Error("the sample data is not valid");
  return summarisePractice(checked.value, reflectivePracticeTaxonomy, options);
}

describe("selfmanage validate reflection / practice-session / practice-taxonomy", () => {
  it("checks the sample sessions and reflections", async () => {
    const reflections = await run(["validate", "reflection", reflectionsFile]);
    expect(reflections).toMatchObject({ code: 0, stdout: `Checked ${sampleReflections.length} records in 1 file: all valid.\n` });
    const sessions = await run(["validate", "practice-session", sessionsFile]);
    expect(sessions.stdout).toBe(`Checked ${sampleSessions.length} records in 1 file: all valid.\n`);
    const folder = tempFolder({ "taxonomy.json": reflectivePracticeTaxonomy });
    expect((await run(["validate", "practice-taxonomy", "taxonomy.json"], { cwd: folder })).code).toBe(0);
  });

  it("prints the JSON Schema of a reflection and a session", async () => {
    const reflection = await run(["schema", "reflection"]);
    expect(reflection.code).toBe(0);
    expect(JSON.parse(reflection.stdout)).toMatchObject({ $ref: "#/$defs/Reflection", $defs: { Reflection: { title: "Reflection", type: "object" } } });
    expect(JSON.parse((await run(["schema", "practice-session"])).stdout)).toMatchObject({ $defs: { Session: { title: "Reflective practice session" } } });
  });

  it("reports bad tags by line and path, never the value", async () => {
    const good = sampleReflections[0] as Reflection;
    const lines = [good, { ...good, id: "bad-1", meaning: { pillars: ["hope"], text: SENTINEL } }, { ...good, id: "bad-2", participant: `${SENTINEL}@example.org` }].map((record) => JSON.stringify(record)).join("\n");
    const folder = tempFolder({ "reflections.ndjson": `${lines}\n` });
    const result = await run(["validate", "reflection", "reflections.ndjson"], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("reflections.ndjson:2: meaning.pillars[0]: This is not a pillar in the taxonomy. (unknown_term)");
    expect(result.stdout).toContain("reflections.ndjson:3: participant: A person reference must be pseudonymous");
    expect(result.stdout).not.toContain(SENTINEL);
  });

  it("checks against a provider's taxonomy given as a file, and stops on a broken one", async () => {
    const extended = extendTaxonomy(reflectivePracticeTaxonomy, { id: "fictional-provider", techniques: [{ id: "reflective-diary", group: "before", label: { en: "Reflective diary" } }] });
    if (!extended.ok) throw new Error("extension not valid");
    const good = sampleReflections[0] as Reflection;
    const folder = tempFolder({
      "provider.json": extended.value,
      "broken.json": { ...extended.value, pillars: SENTINEL },
      "r.ndjson": `${JSON.stringify({ ...good, taxonomy: "fictional-provider", techniques: ["reflective-diary"] })}\n${JSON.stringify(good)}\n`,
    });
    expect((await run(["validate", "reflection", "r.ndjson", "--taxonomy", "provider.json"], { cwd: folder })).code).toBe(0);
    const builtIn = await run(["validate", "reflection", "r.ndjson"], { cwd: folder });
    expect(builtIn.stdout).toContain("r.ndjson:1: taxonomy: The reflection names a different taxonomy");
    const broken = await run(["validate", "reflection", "r.ndjson", "--taxonomy", "broken.json"], { cwd: folder });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("The reflective practice taxonomy in broken.json is not valid, so nothing can be checked against it:\n  pillars: ");
    expect(broken.stderr).not.toContain(SENTINEL);
    const unknown = await run(["validate", "reflection", "r.ndjson", "--taxonomy", "nonsense"], { cwd: folder });
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining("--taxonomy nonsense is neither a built-in reflective practice taxonomy (self-management-reflective-practice) nor a file path.") as string });
  });
});

describe("selfmanage report practice", () => {
  it("writes the learning report: every sentence from the summary, small counts withheld, no free text", async () => {
    const out = tempFolder();
    const result = await run(["report", "practice", sessionsFile, reflectionsFile, "--out", "practice.html"], { cwd: out });
    expect(result.code).toBe(0);
    const summary = sampleSummary();
    expect(result.stdout).toMatch(
      new RegExp(`^Wrote .*practice\\.html \\(practice: 12 sessions, ${sampleReflections.length} reflections, ${countSuppressed(summary)} counts not shown to protect small numbers\\)\\.\\n$`),
    );
    const html = readFileSync(join(out, "practice.html"), "utf8");
    const { elements } = checkReport(html);
    expect(elements.filter((element) => element.attrs.role === "img" && element.attrs.class === "bar-chart")).toHaveLength(4);
    const sentences = [
      ...summarySentences(summary, reflectivePracticeTaxonomy),
      ...changeSentences(summary, reflectivePracticeTaxonomy),
      ...followThroughSentences(summary, reflectivePracticeTaxonomy),
      pairingSentence(summary, reflectivePracticeTaxonomy),
      themeSentence(summary, reflectivePracticeTaxonomy),
    ];
    for (const sentence of sentences) expect(html).toContain(escapeHtml(sentence));
    expect(html).toContain("4 quarters are compared: April to June 2025, July to September 2025, October to December 2025 and January to March 2026.");
    expect(html).toContain("The pairing proposed most often was Working across services for Funding, in 64 reflections.");
    const studying = sampleSessions.reduce((sum, session) => sum + (session.participants.studying ?? 0), 0);
    expect(summary.sessions.studying.count).toBe(studying);
    expect(html).toContain(`${studying} participants were studying rather than working.`);
    expect(countSuppressed(summary)).toBeGreaterThan(0);
    const notShown = elements.filter((element) => element.tagName === "td" && element.text === "not shown").length;
    expect(notShown).toBeGreaterThan(0);
    // Nothing participants wrote, and no pseudonym, reaches the report.
    for (const reflection of sampleReflections) {
      for (const text of [reflection.freeText, reflection.meaning.text, reflection.plan?.text, reflection.followUp?.changed, reflection.followUp?.gotInTheWay]) if (text !== undefined) expect(html).not.toContain(escapeHtml(text));
      if (reflection.participant !== undefined) expect(html).not.toContain(reflection.participant);
    }
    const headings = elements.filter((element) => element.tagName === "h2").map((element) => element.text);
    expect(headings).toEqual([
      "Summary",
      "Sessions and who took part",
      "What self management means to participants",
      "Techniques that support self management",
      "Challenges participants meet",
      "Solutions participants propose",
      "Which solutions meet which challenges",
      "Change between periods",
      "Plans followed through",
      "Themes suggested by free text",
      "About these figures",
    ]);
  });

  it("carries the reports' Content-Security-Policy: no script, nothing remote", async () => {
    const out = tempFolder();
    await run(["report", "practice", sessionsFile, reflectionsFile, "--out", "p.html"], { cwd: out });
    const html = readFileSync(join(out, "p.html"), "utf8");
    const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)].map((match) => (match[1] as string).replace(/&#39;/g, "'"));
    expect(policies).toHaveLength(1);
    expect(policies[0]).toContain("default-src 'none'");
    expect(policies[0]).not.toMatch(/script-src|https?:|\*/);
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<style>"));
  });

  it("follows --period, --first-month and --minimum-respondents", async () => {
    const out = tempFolder();
    const yearly = await run(["report", "practice", sessionsFile, reflectionsFile, "--out", "y.html", "--period", "year", "--first-month", "4"], { cwd: out });
    expect(yearly.code).toBe(0);
    expect(readFileSync(join(out, "y.html"), "utf8")).toContain("All sessions fall in one year, so there is no change to show yet.");
    const open = await run(["report", "practice", sessionsFile, reflectionsFile, "--out", "o.html", "--minimum-respondents", "1"], { cwd: out });
    expect(open.stdout).toContain(", 0 counts not shown to protect small numbers");
    expect(readFileSync(join(out, "o.html"), "utf8")).toContain(escapeHtml('are marked "not shown": 0 counts in this report are not shown.'));
    expect((await run(["report", "practice", sessionsFile, reflectionsFile, "--period", "fortnight"], { cwd: out })).stderr).toBe("selfmanage: --period must be one of: month, quarter, half-year, year.\n");
    expect((await run(["report", "practice", sessionsFile, reflectionsFile, "--first-month", "13"], { cwd: out })).code).toBe(2);
    expect((await run(["report", "practice", sessionsFile], { cwd: out })).stderr).toBe("selfmanage: report practice expects two files: the sessions, then the reflections.\n");
  });

  it("writes nothing when records are not valid, on their own or together, and says where", async () => {
    const good = sampleReflections[0] as Reflection;
    const folder = tempFolder({
      "sessions.json": sampleSessions,
      "bad-session.json": [{ ...sampleSessions[0], date: SENTINEL }],
      "orphans.ndjson": `${JSON.stringify(good)}\n${JSON.stringify({ ...good, id: "orphan", sessionId: "no-such-session" })}\n`,
      "bad.ndjson": `${JSON.stringify({ ...good, techniques: ["juggling"] })}\n`,
    });
    const orphan = await run(["report", "practice", "sessions.json", "orphans.ndjson", "--out", "x.html"], { cwd: folder });
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toContain("orphans.ndjson:2: sessionId: This reflection names a session that is not in the list of sessions. (unknown_session)");
    expect(orphan.stderr).toContain("No report was written");
    const session = await run(["report", "practice", "bad-session.json", "bad.ndjson", "--out", "x.html"], { cwd: folder });
    expect(session.stderr).toContain("bad-session.json record 1: date: ");
    expect(session.stderr).toContain("bad.ndjson:1: techniques[0]: This is not a technique in the taxonomy. (unknown_term)");
    expect(session.stderr).not.toContain(SENTINEL);
    const sessionsAsReflections = await run(["report", "practice", "sessions.json", "sessions.json", "--out", "x.html"], { cwd: folder });
    expect(sessionsAsReflections.code).toBe(1);
    expect(() => readFileSync(join(folder, "x.html"))).toThrow();
  });
});

/*
 * A small fictional run worked by hand (minimum 5): two sessions in different quarters.
 *   s-1 (2026-01-20, in person, 12 people, lived experience in delivery): 10 reflections
 *       6 x holistic / signposting / time / colleagues, plan done       4 x holistic / - / time / -, plan not followed up
 *   s-2 (2026-04-21, online, 8 people, no lived experience):  6 reflections
 *       6 x empowerment / signposting / time / colleagues, plan partly, time in the way
 */
function smallRun(): PracticeRecords {
  const base = { taxonomy: reflectivePracticeTaxonomy.id, solutions: [] as Reflection["solutions"] };
  const make = (sessionId: string, count: number, from: number, extra: Omit<Reflection, "id" | "sessionId" | "taxonomy" | "solutions"> & Partial<Pick<Reflection, "solutions">>): Reflection[] =>
    Array.from({ length: count }, (_, index) => ({ ...base, ...extra, id: `${sessionId}-${from + index}`, sessionId }));
  const colleagues = [{ solution: "working-with-colleagues" }];
  return {
    sessions: [
      { id: "s-1", date: "2026-01-20", facilitatorOrganisation: "Fictional Network", format: "in-person", participants: { total: 12, bySector: [{ sector: "health", count: 12 }] }, livedExperience: { inDelivery: true } },
      { id: "s-2", date: "2026-04-21", facilitatorOrganisation: "Fictional Network", format: "online", participants: { total: 8, studying: 1 }, livedExperience: { inDelivery: false } },
    ],
    reflections: [
      ...make("s-1", 6, 0, { meaning: { pillars: ["holistic"] }, techniques: ["signposting"], challenges: ["time"], solutions: colleagues, plan: { text: "One thing." }, followUp: { date: "2026-03-01", planStatus: "done" } }),
      ...make("s-1", 4, 6, { meaning: { pillars: ["holistic"] }, techniques: [], challenges: ["time"], plan: { text: "Another thing." } }),
      ...make("s-2", 6, 0, {
        meaning: { pillars: ["empowerment"] },
        techniques: ["signposting"],
        challenges: ["time"],
        solutions: colleagues,
        freeText: "Building trust is slow.",
        plan: { text: "A third thing." },
        followUp: { date: "2026-06-01", planStatus: "partly", barriers: ["time"] },
      }),
    ],
  };
}

describe("the learning report's sentences, worked by hand", () => {
  const summary = summarisePractice(smallRun(), reflectivePracticeTaxonomy);

  it("summarises sessions, people and the most named terms", () => {
    expect(summarySentences(summary, reflectivePracticeTaxonomy)).toEqual([
      "2 sessions from 2026-01-20 to 2026-04-21, run by 1 organisation: 1 in person and 1 online.",
      "20 people took part and 16 reflections were collected.",
      "Lived experience was part of delivering 1 of 2 sessions.",
      // holistic 10 of 16 (62.5%) and empowerment 6 are shown; signposting and colleagues are 12 of 16,
      // which leaves 4 who did not name them, so both are withheld; time is 16 of 16.
      "The pillar named most often was Holistic, in 62.5% of reflections.",
      "No technique count can be shown without risking identifying people.",
      "The challenge named most often was Time, in 100% of reflections.",
      "No solution count can be shown without risking identifying people.",
      // 16 plans: done 6, partly 6, not followed up 4. The 4 is small, and the first 6 (done) goes with it.
      "16 reflections included a plan to take back to practice; how many had happened at follow-up is not shown.",
      `Counts that stand for fewer than 5 reflections, or that would reveal such a count by subtraction, are marked "not shown": ${countSuppressed(summary)} counts in this report are not shown.`,
    ]);
  });

  it("describes change, follow-through, pairings and themes", () => {
    // Q1: holistic 10/10 = 100%, Q2: 0/6 = 0%; empowerment 0% -> 100%; signposting 6/10 (4 left: withheld).
    expect(changeSentences(summary, reflectivePracticeTaxonomy)).toEqual([
      "2 quarters are compared: January to March 2026 and April to June 2026.",
      "From January to March 2026 to April to June 2026, the largest rise was Empowerment (pillar), up 100 points from 0% to 100% of reflections; the largest fall was Holistic (pillar), down 100 points from 100% to 0% of reflections.",
    ]);
    expect(followThroughSentences(summary, reflectivePracticeTaxonomy)).toEqual([
      "Of the 16 plans, 6 had partly happened, 0 had not happened yet and 0 had been set aside; the numbers that had happened and that had not been followed up are not shown.",
      "At follow-up, the challenge named most often as getting in the way was Time (6 follow-ups).",
    ]);
    // Time x colleagues is 12, but 16 reflections name time: the 4 left would be exposed, and every other pairing is 0.
    expect(pairingSentence(summary, reflectivePracticeTaxonomy)).toBe("No pairing of a challenge with a solution can be shown.");
    expect(themeSentence(summary, reflectivePracticeTaxonomy)).toBe("16 reflections had free text; the untagged themes it suggests most often are Building trust (6).");
    const html = renderPracticeReport({ summary, taxonomy: reflectivePracticeTaxonomy, sessions: smallRun().sessions, generatedAt: "2026-04-28T10:00:00Z" });
    checkReport(html);
    expect(html).toContain("How many participants were studying is not shown, to protect small numbers.");
    expect(html).toContain("Self Management Reflective Practice · 2 sessions, 2026-01-20 to 2026-04-21 · 16 reflections");
  });

  it("reads plainly with nothing to show", () => {
    const empty = summarisePractice({ sessions: [], reflections: [] }, reflectivePracticeTaxonomy);
    expect(summarySentences(empty, reflectivePracticeTaxonomy).slice(0, 4)).toEqual([
      "No sessions are recorded.",
      "0 people took part and 0 reflections were collected.",
      "Lived experience was part of delivering 0 of 0 sessions.",
      "No reflection named a pillar.",
    ]);
    expect(changeSentences(empty, reflectivePracticeTaxonomy)).toEqual(["All sessions fall in one quarter, so there is no change to show yet."]);
    expect(followThroughSentences(empty, reflectivePracticeTaxonomy)).toEqual(["No reflection included a plan to take back to practice."]);
    expect(pairingSentence(empty, reflectivePracticeTaxonomy)).toBe("No pairing of a challenge with a solution can be shown.");
    expect(themeSentence(empty, reflectivePracticeTaxonomy)).toBe("0 reflections had free text; it suggests no untagged theme that can be shown.");
    const html = renderPracticeReport({ summary: empty, taxonomy: reflectivePracticeTaxonomy, sessions: [], generatedAt: "2026-04-28T10:00:00Z" });
    expect(html).toContain("Self Management Reflective Practice · no sessions");
    expect(html).toContain("<th scope=\"row\">None named</th>");

    const tiny = { sessions: [smallRun().sessions[0] as Session], reflections: smallRun().reflections.slice(0, 3) };
    const hidden = summarisePractice(tiny, reflectivePracticeTaxonomy);
    const sentences = summarySentences(hidden, reflectivePracticeTaxonomy);
    expect(sentences).toContain("No pillar count can be shown without risking identifying people.");
    expect(sentences).toContain("How many reflections included a plan is not shown, to protect small numbers.");
    expect(followThroughSentences(hidden, reflectivePracticeTaxonomy)).toEqual(["Of the plans, no outcome can be shown without risking identifying people."]);
  });
});
