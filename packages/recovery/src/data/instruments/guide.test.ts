import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtInInstruments } from "../../index";

interface VectorFile {
  cases: { name: string; answers: Record<string, string>; working: string; expected: { total: number | null; band: string | null; alerts: string[]; missingDataRuleApplied: string } }[];
}

/** The guide's table of test vectors, made from the vector files. */
function vectorTable(): string {
  const lines = ["| Instrument | Case | Answers (item 1 to last; – blank) | Working | Total | Band | Alerts | Missing-data rule |", "|---|---|---|---|---|---|---|---|"];
  for (const definition of builtInInstruments) {
    const file = JSON.parse(readFileSync(new URL(`../../../test/vectors/${definition.id}.json`, import.meta.url), "utf8")) as VectorFile;
    const itemIds = definition.items.filter((item) => item.scored !== false).map((item) => item.id);
    for (const vector of file.cases) {
      const answers = itemIds.map((id) => vector.answers[id] ?? "–").join(" ");
      const { total, band, alerts, missingDataRuleApplied } = vector.expected;
      lines.push(`| ${definition.id} | ${vector.name} | ${answers} | ${vector.working} | ${total ?? "not scored"} | ${band ?? "–"} | ${alerts.join(", ") || "–"} | ${missingDataRuleApplied} |`);
    }
  }
  return lines.join("\n");
}

describe("the recovery guide", () => {
  it("shows exactly the test vectors the tests run", () => {
    const guide = readFileSync(new URL("../../../../../docs/recovery.md", import.meta.url), "utf8");
    const shown = /<!-- vectors:start -->\n([\s\S]*?)\n<!-- vectors:end -->/.exec(guide)?.[1];
    expect(shown).toBe(vectorTable());
  });
});
