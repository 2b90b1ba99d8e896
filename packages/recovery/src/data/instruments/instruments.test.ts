import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyInstrumentWording, builtInInstruments, gad2, gad7, isLoincCode, phq2, phq9, scoreResponse, validateInstrument, who5, type InstrumentDefinition } from "../../index";

interface VectorCase {
  name: string;
  answers: Record<string, string>;
  working: string;
  expected: { status: "scored" | "not-scored"; total: number | null; band: string | null; alerts: string[]; missingDataRuleApplied: string };
}
interface VectorFile {
  instrumentId: string;
  instrumentVersion: string;
  cases: VectorCase[];
}

function readVectors(id: string): VectorFile {
  return JSON.parse(readFileSync(new URL(`../../../test/vectors/${id}.json`, import.meta.url), "utf8")) as VectorFile;
}

describe("ready-made definitions", () => {
  it("are the five named instruments", () => {
    expect(builtInInstruments.map((definition) => definition.id)).toEqual(["phq-9", "phq-2", "gad-7", "gad-2", "who-5"]);
    expect([phq9, phq2, gad7, gad2, who5]).toEqual(builtInInstruments);
  });

  for (const definition of builtInInstruments) {
    describe(definition.id, () => {
      it("validates with the package's own schema and round-trips unchanged", () => {
        const checked = validateInstrument(definition);
        expect(checked).toEqual({ ok: true, value: definition });
      });

      it("carries a source on every rule", () => {
        const { scoring } = definition;
        expect(scoring.source?.citation).toBeTruthy();
        expect(scoring.missingData.source?.citation).toBeTruthy();
        for (const band of scoring.bands ?? []) expect(band.source?.year, band.id).toBeGreaterThan(1990);
        for (const alert of definition.alerts ?? []) expect(alert.source?.citation, alert.id).toBeTruthy();
        if (definition.change !== undefined) {
          expect(definition.change.sources?.reliableChange?.citation).toBeTruthy();
          expect(definition.change.sources?.cutOff?.citation).toBeTruthy();
        }
        expect(definition.licence?.wordingIncluded).toBe(false);
        expect(definition.licence?.source.citation).toBeTruthy();
      });

      it("ships no wording of the instrument: item labels and option labels are ours", () => {
        const acronym = definition.id.toUpperCase();
        for (const item of definition.items) {
          expect(Object.keys(item.text)).toEqual(["en"]);
          expect(item.text.en).toMatch(new RegExp(`^${acronym} (item \\d|difficulty question \\(not scored\\))`));
        }
        for (const scale of definition.scales) for (const option of scale.options) expect(option.label).toEqual({ en: option.code });
      });

      it("passes its hand-worked test vectors", () => {
        const vectors = readVectors(definition.id);
        expect(vectors.instrumentVersion).toBe(definition.version);
        expect(vectors.cases.length).toBeGreaterThanOrEqual(4);
        for (const vector of vectors.cases) {
          const result = scoreResponse(definition, { instrumentId: definition.id, instrumentVersion: definition.version, answers: vector.answers });
          if (!result.ok) throw new Error(`${vector.name}: ${JSON.stringify(result.issues)}`);
          const score = result.value;
          expect(
            { status: score.status, total: score.total, band: score.band?.id ?? null, alerts: score.alerts.map((alert) => alert.ruleId), missingDataRuleApplied: score.missingDataRuleApplied },
            vector.name,
          ).toEqual(vector.expected);
        }
      });
    });
  }

  it("covers every band and every missing-data outcome of each definition in its vectors", () => {
    for (const definition of builtInInstruments) {
      const cases = readVectors(definition.id).cases;
      const bands = new Set(cases.map((vector) => vector.expected.band));
      for (const band of definition.scoring.bands ?? []) expect(bands.has(band.id), `${definition.id} ${band.id}`).toBe(true);
      expect(cases.some((vector) => vector.expected.status === "not-scored"), definition.id).toBe(true);
      expect(cases.some((vector) => vector.expected.missingDataRuleApplied === "not-needed"), definition.id).toBe(true);
    }
  });

  it("uses the LOINC codes confirmed for each panel, item and total", () => {
    const items = (definition: InstrumentDefinition) => definition.items.map((item) => item.loinc ?? null);
    expect(phq9.loinc).toEqual({ panel: "44249-1", total: "44261-6" });
    expect(items(phq9)).toEqual(["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8", "69722-7"]);
    expect(phq2.loinc).toEqual({ panel: "55757-9", total: "55758-7" });
    expect(items(phq2)).toEqual(items(phq9).slice(0, 2));
    expect(gad7.loinc).toEqual({ panel: "69737-5", total: "70274-6" });
    expect(items(gad7)).toEqual(["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"]);
    expect(gad2.loinc).toBeUndefined();
    expect(items(gad2)).toEqual(items(gad7).slice(0, 2));
    expect(who5.loinc).toBeUndefined();
    expect(items(who5)).toEqual([null, null, null, null, null]);
    for (const definition of builtInInstruments) {
      for (const code of [definition.loinc?.panel, definition.loinc?.total, ...items(definition)]) if (code) expect(isLoincCode(code), code).toBe(true);
    }
  });

  it("sets the NHS Talking Therapies caseness and reliable change thresholds", () => {
    expect(phq9.change).toMatchObject({ cutOff: 10, reliableChangeThreshold: 6 });
    expect(gad7.change).toMatchObject({ cutOff: 8, reliableChangeThreshold: 4 });
    expect(who5.change).toMatchObject({ cutOff: 50, reliableChangeThreshold: 10 });
    expect(phq9.alerts?.[0]).toMatchObject({ itemId: "item-9", minimumValue: 1 });
  });
});

describe("applyInstrumentWording", () => {
  const english = { instrumentId: "phq-2", language: "en", title: "Our licensed title", items: { "item-1": "First licensed sentence", "item-2": "Second licensed sentence" } };

  it("puts the wording in and leaves the scoring alone", () => {
    const worded = applyInstrumentWording(phq2, english);
    if (!worded.ok) throw new Error(JSON.stringify(worded.issues));
    expect(worded.value.items.map((item) => item.text.en)).toEqual(["First licensed sentence", "Second licensed sentence"]);
    expect(worded.value.title.en).toBe("Our licensed title");
    expect(worded.value.scoring).toEqual(phq2.scoring);
    expect(phq2.items[0]?.text.en).toBe("PHQ-2 item 1");
  });

  it("adds other languages and option labels beside English", () => {
    const welsh = applyInstrumentWording(gad2, {
      instrumentId: "gad-2",
      instrumentVersion: "1.0.0",
      language: "cy",
      description: "Disgrifiad",
      items: { "item-1": "Eitem un", "item-2": "Eitem dau" },
      options: { "gad-frequency": { "0": "Dim o gwbl", "1": "Sawl diwrnod", "2": "Mwy na hanner y dyddiau", "3": "Bron bob dydd" } },
    });
    if (!welsh.ok) throw new Error(JSON.stringify(welsh.issues));
    expect(welsh.value.items[0]?.text).toEqual({ en: "GAD-2 item 1", cy: "Eitem un" });
    expect(welsh.value.scales[0]?.options[3]?.label).toEqual({ en: "3", cy: "Bron bob dydd" });
    expect(welsh.value.description?.cy).toBe("Disgrifiad");
  });

  it("checks that every item and every option of a labelled scale is covered", () => {
    const result = applyInstrumentWording(phq9, {
      instrumentId: "phq-9",
      language: "en",
      items: { "item-1": "One", "item-10": "Ten" },
      options: { "phq-frequency": { "0": "None", "4": "Too many" }, "no-such-scale": { "0": "x" } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.issues.map((problem) => `${problem.path.join(".")} ${problem.code}`);
    expect(found).toContain("items.item-2 missing_wording");
    expect(found).toContain("items.difficulty missing_wording");
    expect(found).toContain("items.item-10 unknown_item");
    expect(found).toContain("options.phq-frequency.1 missing_wording");
    expect(found).toContain("options.phq-frequency.4 unknown_option");
    expect(found).toContain("options.no-such-scale unknown_scale");
    for (const problem of result.issues) expect(problem.message).not.toContain("One");
  });

  it("refuses wording for another instrument or version, and bad input", () => {
    expect(applyInstrumentWording(phq2, { ...english, instrumentId: "gad-2" })).toMatchObject({ ok: false, issues: [{ code: "wrong_instrument" }] });
    expect(applyInstrumentWording(phq2, { ...english, instrumentVersion: "2.0.0" })).toMatchObject({ ok: false, issues: [{ code: "wrong_version" }] });
    expect(applyInstrumentWording(phq2, { ...english, language: "not a tag" }).ok).toBe(false);
    expect(applyInstrumentWording(phq2, null).ok).toBe(false);
  });
});
