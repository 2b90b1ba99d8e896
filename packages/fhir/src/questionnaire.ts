import type { LocalisedText, OrdinalScale, ScaleOption } from "@selfmanage/core";
import {
  isLoincCode,
  AlertRule,
  ChangeParameters,
  ChimeDomain,
  InstrumentScoring,
  MissingDataRule,
  type InstrumentDefinition,
  type InstrumentItem,
  type Subscale,
} from "@selfmanage/recovery";
import { fhirCodes } from "./codes";
import { extensionValue, identifierValue, readCoding } from "./common";
import { fhirId } from "./ids";
import { licencePart, loincCodes, loincCoding, loincTotalPart, readInstrumentLoinc, readLicence, readSourcePart, sourcePart } from "./instrument-sources";
import { subNodes, subValue, type FhirNode } from "./reader";
import { compact, complexExtension, extension, list, setLocalised, type FhirElement, type FhirResource } from "./resource";

const X = fhirCodes.extensions;

/**
 * The canonical URL of the Questionnaire for an instrument id.
 *
 * @example
 * ```ts
 * questionnaireUrl("service-experience"); // "https://selfmanage.github.io/toolkit/fhir/Questionnaire/service-experience"
 * ```
 */
export function questionnaireUrl(instrumentId: string): string {
  return `${fhirCodes.questionnaireBase}/${encodeURIComponent(instrumentId)}`;
}

/**
 * The code system of one of an instrument's vocabularies (`scale/<id>`, `subscale`, `band`, `alert`).
 *
 * @example
 * ```ts
 * instrumentSystem("service-experience", "scale", "agreement-5");
 * ```
 */
export function instrumentSystem(instrumentId: string, kind: "scale" | "subscale" | "band" | "alert", scaleId?: string): string {
  return `${questionnaireUrl(instrumentId)}/${kind}${scaleId === undefined ? "" : `/${encodeURIComponent(scaleId)}`}`;
}

function localisedPart(name: string, text: LocalisedText | undefined): FhirElement | undefined {
  if (text === undefined) return undefined;
  const part: FhirElement = { url: name };
  setLocalised(part, "valueString", text);
  return part;
}

function optionCoding(instrument: InstrumentDefinition, scaleId: string, option: ScaleOption): FhirElement {
  const coding: FhirElement = { system: instrumentSystem(instrument.id, "scale", scaleId), code: option.code };
  setLocalised(coding, "display", option.label);
  return coding;
}

function answerOptions(instrument: InstrumentDefinition, scale: OrdinalScale): FhirElement[] {
  return scale.options.map((option) => ({
    extension: list([extension(fhirCodes.hl7Extensions.itemWeight, "valueDecimal", option.value), extension(X.optionExclusion.url, "valueCode", option.exclusion)]),
    valueCoding: optionCoding(instrument, scale.id, option),
  }));
}

function itemElement(instrument: InstrumentDefinition, item: InstrumentItem): FhirElement {
  const scale = instrument.scales.find((candidate) => candidate.id === item.scale);
  const earlier = item.showWhen === undefined ? undefined : instrument.items.find((candidate) => candidate.id === item.showWhen?.itemId);
  const element: FhirElement = compact({
    extension: list([extension(X.itemScale.url, "valueString", item.scale), extension(X.reverseScored.url, "valueBoolean", item.reverse), extension(X.scored.url, "valueBoolean", item.scored)]),
    linkId: item.id,
    code: list([...(item.chime ?? []).map((domain) => ({ system: fhirCodes.systems.chime, code: domain })), item.loinc === undefined ? undefined : loincCoding(item.loinc)]),
  });
  setLocalised(element, "text", item.text);
  Object.assign(
    element,
    compact({
      type: "choice",
      enableWhen:
        item.showWhen === undefined
          ? undefined
          : item.showWhen.anyOf.map((code) => ({ question: item.showWhen?.itemId, operator: "=", answerCoding: { system: instrumentSystem(instrument.id, "scale", earlier?.scale ?? ""), code } })),
      enableBehavior: item.showWhen !== undefined && item.showWhen.anyOf.length > 1 ? "any" : undefined,
      required: item.required,
      answerOption: scale === undefined ? undefined : answerOptions(instrument, scale),
    }),
  );
  return element;
}

function missingDataExtension(name: string, rule: MissingDataRule | undefined): FhirElement | undefined {
  if (rule === undefined) return undefined;
  return complexExtension(name, [
    extension("kind", "valueCode", rule.kind),
    extension("minimumAnswered", "valueInteger", "minimumAnswered" in rule ? rule.minimumAnswered : undefined),
    extension("maximumMissing", "valueInteger", "maximumMissing" in rule ? rule.maximumMissing : undefined),
    sourcePart("source", rule.source),
  ]);
}

function subscaleExtension(subscale: Subscale, inGroup: boolean): FhirElement {
  // On a group it is an extension of its own; in the instrument extension, one of its parts.
  return complexExtension(inGroup ? X.subscale.url : "subscale", [
    extension("id", "valueString", subscale.id),
    inGroup ? undefined : localisedPart("label", subscale.label),
    ...(inGroup ? [] : subscale.items.map((itemId) => extension("item", "valueString", itemId))),
    extension("chime", "valueCode", subscale.chime),
    missingDataExtension("missingData", subscale.missingData),
  ]);
}

/**
 * Whether the subscales can be Questionnaire groups: each item in at most one subscale, and each
 * subscale's items next to each other and in item order. Otherwise the subscales are listed in
 * the instrument extension and the items stay flat.
 */
function groupable(instrument: InstrumentDefinition): boolean {
  const subscales = instrument.subscales ?? [];
  if (subscales.length === 0) return false;
  const owner = new Map<string, number>();
  for (const [index, subscale] of subscales.entries()) {
    for (const itemId of subscale.items) {
      if (owner.has(itemId)) return false;
      owner.set(itemId, index);
    }
  }
  const positions = instrument.items.map((item) => item.id);
  const itemIds = new Set(positions);
  return subscales.every((subscale) => {
    if (subscale.items.some((itemId) => !itemIds.has(itemId)) || itemIds.has(`subscale:${subscale.id}`)) return false;
    const start = positions.indexOf(subscale.items[0] as string);
    return subscale.items.every((itemId, offset) => positions[start + offset] === itemId);
  });
}

function scoringExtension(instrument: InstrumentDefinition, grouped: boolean): FhirElement {
  const { scoring } = instrument;
  const usedScales = new Set(instrument.items.map((item) => item.scale));
  return complexExtension(X.instrument.url, [
    ...instrument.scales.map((scale) =>
      complexExtension("scale", [
        extension("id", "valueString", scale.id),
        localisedPart("label", scale.label),
        // Options of a scale no item uses have no answerOption to live in.
        ...(usedScales.has(scale.id)
          ? []
          : scale.options.map((option) =>
              complexExtension("option", [
                { url: "coding", valueCoding: optionCoding(instrument, scale.id, option) },
                extension("weight", "valueDecimal", option.value),
                extension("exclusion", "valueCode", option.exclusion),
              ]),
            )),
      ]),
    ),
    extension("method", "valueCode", scoring.method),
    missingDataExtension("missingData", scoring.missingData),
    extension("direction", "valueCode", scoring.direction),
    extension("decimals", "valueInteger", scoring.decimals),
    sourcePart("source", scoring.source),
    scoring.conversion === undefined
      ? undefined
      : complexExtension("conversion", [
          localisedPart("label", scoring.conversion.label),
          ...scoring.conversion.entries.map((entry) => complexExtension("entry", [extension("raw", "valueInteger", entry.raw), extension("metric", "valueDecimal", entry.metric)])),
          sourcePart("source", scoring.conversion.source),
        ]),
    ...(scoring.bands ?? []).map((band) =>
      complexExtension("band", [extension("id", "valueString", band.id), localisedPart("label", band.label), extension("min", "valueDecimal", band.min), extension("max", "valueDecimal", band.max), sourcePart("source", band.source)]),
    ),
    ...(instrument.alerts ?? []).map((rule) =>
      complexExtension("alert", [
        extension("id", "valueString", rule.id),
        extension("itemId", "valueString", rule.itemId),
        ...(rule.optionCodes ?? []).map((code) => extension("optionCode", "valueString", code)),
        extension("minimumValue", "valueDecimal", rule.minimumValue),
        localisedPart("message", rule.message),
        sourcePart("source", rule.source),
      ]),
    ),
    instrument.change === undefined ? undefined : changeExtension(instrument.change),
    ...(grouped ? [] : (instrument.subscales ?? []).map((subscale) => subscaleExtension(subscale, false))),
    loincTotalPart(instrument),
    licencePart(instrument.licence),
  ]);
}

const CHANGE_NUMBERS = ["standardDeviation", "reliability", "reliableChangeThreshold", "criticalValue", "cutOff"] as const;

function changeExtension(change: ChangeParameters): FhirElement {
  const population = (name: "clinical" | "functional"): FhirElement | undefined => {
    const statistics = change[name];
    return statistics === undefined ? undefined : complexExtension(name, [extension("mean", "valueDecimal", statistics.mean), extension("standardDeviation", "valueDecimal", statistics.standardDeviation)]);
  };
  return complexExtension("change", [
    ...CHANGE_NUMBERS.map((name) => extension(name, "valueDecimal", change[name])),
    population("clinical"),
    population("functional"),
    extension("cutOffMethod", "valueCode", change.cutOffMethod),
    change.sources === undefined ? undefined : complexExtension("sources", [sourcePart("reliableChange", change.sources.reliableChange), sourcePart("cutOff", change.sources.cutOff)]),
  ]);
}

/**
 * An instrument definition as a FHIR R4 `Questionnaire`: one `choice` item per instrument item,
 * its scale's options as `answerOption`s with their weights in the SDC `itemWeight` extension
 * (excluded options carry `option-exclusion` instead), conditions as `enableWhen`, `required`,
 * CHIME domains as item codes, subscales as groups when they can be (items in one subscale at
 * most, side by side), translations with the HL7 translation extension, and scoring, bands,
 * alerts and change parameters in the `instrument` extension.
 *
 * @example
 * ```ts
 * const questionnaire = instrumentToQuestionnaire(serviceExperienceQuestionnaire);
 * questionnaire.url; // ".../Questionnaire/service-experience"
 * ```
 */
export function instrumentToQuestionnaire(instrument: InstrumentDefinition): FhirResource {
  const grouped = groupable(instrument);
  const items = instrument.items.map((item) => itemElement(instrument, item));
  let topLevel: FhirElement[] = items;
  if (grouped) {
    const byId = new Map(instrument.items.map((item, index) => [item.id, items[index] as FhirElement]));
    const groupOf = new Map<string, Subscale>();
    for (const subscale of instrument.subscales ?? []) for (const itemId of subscale.items) groupOf.set(itemId, subscale);
    topLevel = [];
    for (const item of instrument.items) {
      const subscale = groupOf.get(item.id);
      if (subscale === undefined) topLevel.push(byId.get(item.id) as FhirElement);
      else if (subscale.items[0] === item.id) {
        const group: FhirElement = { extension: [subscaleExtension(subscale, true)], linkId: `subscale:${subscale.id}`, ...(subscale.chime === undefined ? {} : { code: [{ system: fhirCodes.systems.chime, code: subscale.chime }] }) };
        setLocalised(group, "text", subscale.label);
        group.type = "group";
        group.item = subscale.items.map((itemId) => byId.get(itemId) as FhirElement);
        topLevel.push(group);
      }
    }
  }
  const questionnaire: FhirResource = {
    resourceType: "Questionnaire",
    id: fhirId(instrument.id),
    extension: [scoringExtension(instrument, grouped)],
    url: questionnaireUrl(instrument.id),
    identifier: [{ system: fhirCodes.identifiers.instrument, value: instrument.id }],
    version: instrument.version,
  };
  setLocalised(questionnaire, "title", instrument.title);
  questionnaire.status = "active";
  setLocalised(questionnaire, "description", instrument.description);
  if (instrument.licence !== undefined) questionnaire.copyright = instrument.licence.notice;
  if (instrument.loinc?.panel !== undefined) questionnaire.code = [loincCoding(instrument.loinc.panel)];
  questionnaire.item = topLevel;
  return questionnaire;
}

function readMissingRule(found: FhirNode | undefined): MissingDataRule | undefined {
  if (found === undefined) return undefined;
  const rule = compactObject({ kind: subValue(found, "kind", "valueCode"), minimumAnswered: subValue(found, "minimumAnswered", "valueInteger"), maximumMissing: subValue(found, "maximumMissing", "valueInteger"), source: readSourcePart(found, "source") });
  const parsed = MissingDataRule.safeParse(rule);
  if (!parsed.success) found.problem(undefined, "invalid_extension", "This missing-data rule is not one the toolkit knows.");
  return parsed.success ? parsed.data : undefined;
}

function readLocalisedPart(found: FhirNode, name: string): LocalisedText | undefined {
  const [part] = subNodes(found, name);
  return part?.localised("valueString", true);
}

function compactObject(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function readUnusedOption(found: FhirNode): ScaleOption | undefined {
  const [codingPart] = subNodes(found, "coding");
  const coding = codingPart?.node("valueCoding", true);
  coding?.skip("system");
  const code = coding?.string("code", true);
  const label = coding?.localised("display") ?? (code === undefined ? undefined : { en: code });
  const value = subValue(found, "weight", "valueDecimal");
  const exclusion = subValue(found, "exclusion", "valueCode");
  if (code === undefined || label === undefined) return undefined;
  return { code, label, ...(typeof value === "number" ? { value } : {}), ...(typeof exclusion === "string" ? { exclusion } : {}) } as ScaleOption;
}

function readOption(found: FhirNode, weightUrl: string, exclusionUrl: string): ScaleOption | undefined {
  const coding = found.node("valueCoding", true);
  coding?.skip("system");
  const code = coding?.string("code", true);
  const label = coding?.localised("display") ?? (code === undefined ? undefined : { en: code });
  const value = extensionValue(found, weightUrl, "valueDecimal");
  const exclusion = extensionValue(found, exclusionUrl, "valueCode");
  found.skip("initialSelected");
  if (code === undefined || label === undefined) return undefined;
  return { code, label, ...(typeof value === "number" ? { value } : {}), ...(typeof exclusion === "string" ? { exclusion: exclusion as ScaleOption["exclusion"] & string } : {}) } as ScaleOption;
}

interface ReadItems {
  readonly items: InstrumentItem[];
  readonly scales: Map<string, ScaleOption[]>;
  readonly subscales: Subscale[];
}

function readItems(nodes: readonly FhirNode[], into: ReadItems, systems: Map<string, string>): void {
  for (const node of nodes) {
    const type = node.string("type", true);
    const linkId = node.string("linkId", true);
    if (type === "group") {
      const children = node.nodes("item");
      const before = into.items.length;
      readItems(children, into, systems);
      const [ours] = node.extensions(X.subscale.url);
      const label = node.localised("text") ?? (linkId === undefined ? undefined : { en: linkId });
      const id = ours === undefined ? linkId : subValue(ours, "id", "valueString");
      const chime = ours === undefined ? undefined : subValue(ours, "chime", "valueCode");
      const missingData = readMissingRule(ours === undefined ? undefined : subNodes(ours, "missingData")[0]);
      node.skip("code");
      if (typeof id === "string" && label !== undefined) {
        into.subscales.push({
          id,
          label,
          items: into.items.slice(before).map((item) => item.id),
          ...(ChimeDomain.safeParse(chime).success ? { chime: chime as ChimeDomain } : {}),
          ...(missingData === undefined ? {} : { missingData }),
        });
      }
      continue;
    }
    if (type !== undefined && type !== "choice") node.problem("type", "unsupported_item_type", "The toolkit reads choice items (and groups of them) only.");
    const text = node.localised("text", true);
    const scaleId = (extensionValue(node, X.itemScale.url, "valueString") as string | undefined) ?? (linkId === undefined ? undefined : `scale-${linkId}`);
    const options = node.nodes("answerOption").flatMap((option) => readOption(option, fhirCodes.hl7Extensions.itemWeight, X.optionExclusion.url) ?? []);
    const firstSystem = node.nodes("answerOption")[0]?.value.valueCoding as { system?: unknown } | undefined;
    if (scaleId !== undefined && !into.scales.has(scaleId)) into.scales.set(scaleId, options);
    if (scaleId !== undefined && typeof firstSystem?.system === "string") systems.set(firstSystem.system, scaleId);
    const reverse = extensionValue(node, X.reverseScored.url, "valueBoolean");
    const scored = extensionValue(node, X.scored.url, "valueBoolean");
    const required = node.boolean("required");
    const codes = node.nodes("code");
    const chime = codes.flatMap((found) => readCoding(found) ?? []).filter((coding) => coding.system === fhirCodes.systems.chime && ChimeDomain.safeParse(coding.code).success);
    const [loinc] = loincCodes(codes);
    for (const found of codes) {
      const system = found.value.system;
      const code = found.value.code;
      const known = typeof code === "string" && ((system === fhirCodes.systems.chime && ChimeDomain.safeParse(code).success) || (system === fhirCodes.systems.loinc && isLoincCode(code)));
      if (!known) found.notice(undefined, "not_kept", "This item code is neither a CHIME domain nor a LOINC code, so it was not kept.");
    }
    const conditions = node.nodes("enableWhen").flatMap((condition) => {
      condition.skip("operator");
      const question = condition.string("question", true);
      const answer = condition.node("answerCoding");
      answer?.skip("system", "display");
      const code = answer?.string("code", true);
      if (answer === undefined) condition.problem(undefined, "unsupported_condition", "The toolkit reads conditions on a coded answer only (answerCoding).");
      return question === undefined || code === undefined ? [] : [{ question, code }];
    });
    node.skip("enableBehavior", "prefix", "definition");
    if (linkId === undefined || text === undefined || scaleId === undefined) continue;
    const showWhen = conditions.length === 0 ? undefined : { itemId: conditions[0]?.question as string, anyOf: conditions.map((condition) => condition.code) };
    into.items.push({
      id: linkId,
      text,
      scale: scaleId,
      ...(typeof reverse === "boolean" ? { reverse } : {}),
      ...(required === undefined ? {} : { required }),
      ...(typeof scored === "boolean" ? { scored } : {}),
      ...(showWhen === undefined ? {} : { showWhen }),
      ...(chime.length === 0 ? {} : { chime: chime.map((coding) => coding.code as ChimeDomain) }),
      ...(loinc === undefined ? {} : { loinc }),
    });
  }
}

/**
 * Read a FHIR `Questionnaire` back into an instrument definition (it still has to pass
 * `validateInstrument`). A Questionnaire that is not ours is read as far as it goes: its choice
 * items with their answer options and `itemWeight`s, groups as subscales; without our
 * `instrument` extension the instrument has no scoring rules, which is an issue.
 *
 * @example
 * ```ts
 * const instrument = readQuestionnaire(questionnaireNode);
 * ```
 */
export function readQuestionnaire(node: FhirNode): InstrumentDefinition | undefined {
  node.skip("url", "status", "name", "date", "publisher", "experimental", "subjectType");
  const id = identifierValue(node, fhirCodes.identifiers.instrument) ?? (typeof node.value.id === "string" ? node.value.id : undefined);
  const version = node.string("version", true);
  const title = node.localised("title", true);
  const description = node.localised("description");
  const read: ReadItems = { items: [], scales: new Map(), subscales: [] };
  const systems = new Map<string, string>();
  readItems(node.nodes("item"), read, systems);
  const [instrumentNode] = node.extensions(X.instrument.url);
  if (instrumentNode === undefined) node.problem("extension", "no_scoring", "This Questionnaire has no toolkit instrument extension, so it says nothing about how it is scored.");
  const scaleLabels = new Map<string, LocalisedText | undefined>();
  const scaleOrder: string[] = [];
  for (const scaleNode of instrumentNode === undefined ? [] : subNodes(instrumentNode, "scale")) {
    const scaleId = subValue(scaleNode, "id", "valueString");
    if (typeof scaleId !== "string") continue;
    scaleOrder.push(scaleId);
    scaleLabels.set(scaleId, readLocalisedPart(scaleNode, "label"));
    const unused = subNodes(scaleNode, "option").flatMap((option) => readUnusedOption(option) ?? []);
    if (unused.length > 0 && !read.scales.has(scaleId)) read.scales.set(scaleId, unused);
  }
  for (const scaleId of read.scales.keys()) if (!scaleOrder.includes(scaleId)) scaleOrder.push(scaleId);
  const scales: OrdinalScale[] = scaleOrder.map((scaleId) => {
    const label = scaleLabels.get(scaleId);
    return { id: scaleId, ...(label === undefined ? {} : { label }), options: read.scales.get(scaleId) ?? [] };
  });
  let scoring: InstrumentScoring | undefined;
  const subscales = [...read.subscales];
  let alerts: AlertRule[] = [];
  let change: ChangeParameters | undefined;
  if (instrumentNode !== undefined) {
    const [conversionNode] = subNodes(instrumentNode, "conversion");
    const conversion =
      conversionNode === undefined
        ? undefined
        : compactObject({
            label: readLocalisedPart(conversionNode, "label"),
            entries: subNodes(conversionNode, "entry").map((entry) => ({ raw: subValue(entry, "raw", "valueInteger"), metric: subValue(entry, "metric", "valueDecimal") })),
            source: readSourcePart(conversionNode, "source"),
          });
    const bands = subNodes(instrumentNode, "band").map((band) =>
      compactObject({ id: subValue(band, "id", "valueString"), label: readLocalisedPart(band, "label"), min: subValue(band, "min", "valueDecimal"), max: subValue(band, "max", "valueDecimal"), source: readSourcePart(band, "source") }),
    );
    const candidate = compactObject({
      method: subValue(instrumentNode, "method", "valueCode"),
      missingData: readMissingRule(subNodes(instrumentNode, "missingData")[0]),
      direction: subValue(instrumentNode, "direction", "valueCode"),
      decimals: subValue(instrumentNode, "decimals", "valueInteger"),
      conversion,
      bands: bands.length === 0 ? undefined : bands,
      source: readSourcePart(instrumentNode, "source"),
    });
    const parsedScoring = InstrumentScoring.safeParse(candidate);
    if (parsedScoring.success) scoring = parsedScoring.data;
    else instrumentNode.problem(undefined, "invalid_extension", "The scoring in the instrument extension is not complete: it needs a method, a missing-data rule and a direction.");
    alerts = subNodes(instrumentNode, "alert").flatMap((alert) => {
      const codes = subNodes(alert, "optionCode").map((part) => {
        part.skip("valueString");
        return part.value.valueString;
      });
      const parsed = AlertRule.safeParse(
        compactObject({ id: subValue(alert, "id", "valueString"), itemId: subValue(alert, "itemId", "valueString"), optionCodes: codes.length === 0 ? undefined : codes, minimumValue: subValue(alert, "minimumValue", "valueDecimal"), message: readLocalisedPart(alert, "message"), source: readSourcePart(alert, "source") }),
      );
      if (!parsed.success) alert.problem(undefined, "invalid_extension", "This alert rule is not complete.");
      return parsed.success ? [parsed.data] : [];
    });
    const [changeNode] = subNodes(instrumentNode, "change");
    if (changeNode !== undefined) {
      const population = (name: string): Record<string, unknown> | undefined => {
        const [found] = subNodes(changeNode, name);
        return found === undefined ? undefined : { mean: subValue(found, "mean", "valueDecimal"), standardDeviation: subValue(found, "standardDeviation", "valueDecimal") };
      };
      const [sourcesNode] = subNodes(changeNode, "sources");
      const sources = sourcesNode === undefined ? undefined : compactObject({ reliableChange: readSourcePart(sourcesNode, "reliableChange"), cutOff: readSourcePart(sourcesNode, "cutOff") });
      const parsed = ChangeParameters.safeParse(
        compactObject({
          ...Object.fromEntries(CHANGE_NUMBERS.map((name) => [name, subValue(changeNode, name, "valueDecimal")])),
          clinical: population("clinical"),
          functional: population("functional"),
          cutOffMethod: subValue(changeNode, "cutOffMethod", "valueCode"),
          sources,
        }),
      );
      if (parsed.success) change = parsed.data;
      else changeNode.problem(undefined, "invalid_extension", "These change parameters are not complete.");
    }
    for (const subscaleNode of subNodes(instrumentNode, "subscale")) {
      const items = subNodes(subscaleNode, "item").map((part) => {
        part.skip("valueString");
        return part.value.valueString as string;
      });
      const chime = subValue(subscaleNode, "chime", "valueCode");
      const missingData = readMissingRule(subNodes(subscaleNode, "missingData")[0]);
      const id = subValue(subscaleNode, "id", "valueString");
      const label = readLocalisedPart(subscaleNode, "label");
      if (typeof id === "string" && label !== undefined) subscales.push({ id, label, items, ...(ChimeDomain.safeParse(chime).success ? { chime: chime as ChimeDomain } : {}), ...(missingData === undefined ? {} : { missingData }) });
    }
  }
  const loinc = readInstrumentLoinc(node, instrumentNode);
  const licence = readLicence(node, instrumentNode);
  if (id === undefined || version === undefined || title === undefined || scoring === undefined) return undefined;
  return {
    id,
    version,
    title,
    ...(description === undefined ? {} : { description }),
    scales,
    items: read.items,
    ...(subscales.length === 0 ? {} : { subscales }),
    scoring,
    ...(alerts.length === 0 ? {} : { alerts }),
    ...(change === undefined ? {} : { change }),
    ...(loinc === undefined ? {} : { loinc }),
    ...(licence === undefined ? {} : { licence }),
  };
}
