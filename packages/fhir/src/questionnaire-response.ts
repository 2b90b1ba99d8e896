import type { InstrumentDefinition, InstrumentResponse } from "@selfmanage/recovery";
import { fhirCodes } from "./codes";
import { provenanceExtension, readProvenance } from "./common";
import { readPersonReference } from "./goal";
import { fhirId } from "./ids";
import type { FhirNode } from "./reader";
import { compact, list, personReference, setLocalised, type FhirElement, type FhirResource } from "./resource";
import { instrumentSystem, questionnaireUrl } from "./questionnaire";

/**
 * The key a response without an id is known by in FHIR: its instrument, respondent, time,
 * answers and who recorded it, so that the same response always gets the same resource id and
 * two different ones never share it.
 */
function responseKey(response: InstrumentResponse): string {
  if (response.id !== undefined) return response.id;
  const answers = Object.keys(response.answers)
    .sort()
    .map((itemId) => `${itemId}=${response.answers[itemId] as string}`)
    .join("&");
  const recorded = response.recorded === undefined ? "" : `|${response.recorded.recordedBy}|${response.recorded.role}|${response.recorded.recordedAt}|${response.recorded.organisation ?? ""}`;
  return `${response.instrumentId}|${response.instrumentVersion}|${response.respondent ?? ""}|${response.completedAt ?? ""}|${answers}${recorded}`;
}

/**
 * The resource id of a response's QuestionnaireResponse.
 *
 * @example
 * ```ts
 * responseResourceId({ instrumentId: "x", instrumentVersion: "1.0.0", id: "r-1", answers: {} }); // "r-1"
 * ```
 */
export function responseResourceId(response: InstrumentResponse): string {
  return fhirId(response.id ?? `response-${responseKey(response)}`);
}

/**
 * A response as a FHIR R4 `QuestionnaireResponse` of the instrument's Questionnaire (canonical
 * `url|version`): one item per answer, in the instrument's item order and inside the same subscale
 * groups, each answer a `valueCoding` of the item's scale with its label.
 *
 * @example
 * ```ts
 * const resource = responseToQuestionnaireResponse(response, serviceExperienceQuestionnaire);
 * resource.questionnaire; // ".../Questionnaire/service-experience|1.0.0"
 * ```
 */
export function responseToQuestionnaireResponse(response: InstrumentResponse, instrument: InstrumentDefinition): FhirResource {
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale]));
  const answerItem = (itemId: string): FhirElement => {
    const code = response.answers[itemId] as string;
    const item = items.get(itemId);
    const option = item === undefined ? undefined : scales.get(item.scale)?.options.find((candidate) => candidate.code === code);
    const coding: FhirElement = { system: instrumentSystem(instrument.id, "scale", item?.scale ?? "unknown"), code };
    if (option !== undefined) setLocalised(coding, "display", option.label);
    const element: FhirElement = { linkId: itemId };
    if (item !== undefined) element.text = item.text.en;
    element.answer = [{ valueCoding: coding }];
    return element;
  };
  const answered = new Set(Object.keys(response.answers));
  const placed = new Set<string>();
  const top: FhirElement[] = [];
  const questionnaire = instrument.subscales;
  const grouped = new Map<string, string>();
  for (const subscale of questionnaire ?? []) for (const itemId of subscale.items) if (!grouped.has(itemId)) grouped.set(itemId, subscale.id);
  // Items sit in the groups the Questionnaire has only when it has groups (see instrumentToQuestionnaire).
  const groups = new Map<string, FhirElement>();
  const usesGroups = hasGroups(instrument);
  for (const item of instrument.items) {
    if (!answered.has(item.id)) continue;
    placed.add(item.id);
    const subscaleId = usesGroups ? grouped.get(item.id) : undefined;
    if (subscaleId === undefined) {
      top.push(answerItem(item.id));
      continue;
    }
    let group = groups.get(subscaleId);
    if (group === undefined) {
      group = { linkId: `subscale:${subscaleId}`, item: [] };
      groups.set(subscaleId, group);
      top.push(group);
    }
    (group.item as FhirElement[]).push(answerItem(item.id));
  }
  for (const itemId of answered) if (!placed.has(itemId)) top.push(answerItem(itemId));
  return compact({
    resourceType: "QuestionnaireResponse",
    id: responseResourceId(response),
    extension: response.recorded === undefined ? undefined : [provenanceExtension(response.recorded)],
    identifier: response.id === undefined ? undefined : { system: fhirCodes.identifiers.response, value: response.id },
    questionnaire: `${questionnaireUrl(response.instrumentId)}|${response.instrumentVersion}`,
    status: "completed",
    subject: response.respondent === undefined ? undefined : personReference(response.respondent),
    authored: response.completedAt,
    item: list(top),
  });
}

function hasGroups(instrument: InstrumentDefinition): boolean {
  const subscales = instrument.subscales ?? [];
  if (subscales.length === 0) return false;
  const seen = new Set<string>();
  const positions = instrument.items.map((item) => item.id);
  for (const subscale of subscales) {
    if (positions.includes(`subscale:${subscale.id}`)) return false;
    for (const itemId of subscale.items) {
      if (seen.has(itemId) || !positions.includes(itemId)) return false;
      seen.add(itemId);
    }
    const start = positions.indexOf(subscale.items[0] as string);
    if (!subscale.items.every((itemId, offset) => positions[start + offset] === itemId)) return false;
  }
  return true;
}

function readAnswers(nodes: readonly FhirNode[], answers: Record<string, string>): void {
  for (const node of nodes) {
    const linkId = node.string("linkId", true);
    node.skip("text", "definition");
    readAnswers(node.nodes("item"), answers);
    const [answer, ...more] = node.nodes("answer");
    if (more.length > 0) node.problem("answer", "several_answers", "The toolkit keeps one answer per item.");
    if (answer === undefined || linkId === undefined) continue;
    const coding = answer.node("valueCoding");
    coding?.skip("system", "display", "_display");
    const code = coding?.string("code", true) ?? answer.string("valueString");
    if (coding === undefined && answer.value.valueString === undefined) answer.problem(undefined, "unsupported_answer", "The toolkit reads coded answers (valueCoding) or option codes as strings (valueString).");
    if (code !== undefined) answers[linkId] = code;
  }
}

/**
 * Read a `QuestionnaireResponse` back into an instrument response: the instrument and version
 * from its `questionnaire` canonical, answers from each item's coded answer.
 *
 * @example
 * ```ts
 * const response = readQuestionnaireResponse(node);
 * ```
 */
export function readQuestionnaireResponse(node: FhirNode): InstrumentResponse | undefined {
  node.skip("status", "author", "source", "basedOn", "partOf", "encounter");
  const canonical = node.string("questionnaire", true);
  const match = canonical === undefined ? null : /^(.*)\/Questionnaire\/([^/|]+)\|(.+)$/.exec(canonical);
  if (canonical !== undefined && match === null) node.problem("questionnaire", "unversioned_questionnaire", "The toolkit needs the Questionnaire's canonical URL with its version (url|version) to know which instrument version was answered.");
  // QuestionnaireResponse.identifier is a single Identifier in R4, not a list.
  const identifier = node.node("identifier");
  identifier?.skip("system", "use");
  const id = identifier?.value.system === fhirCodes.identifiers.response ? identifier.string("value", true) : undefined;
  const subject = node.node("subject");
  const respondent = subject === undefined ? undefined : readPersonReference(subject);
  const completedAt = node.dateTime("authored");
  const recorded = readProvenance(node.extensions(fhirCodes.extensions.recorded.url)[0]);
  const answers: Record<string, string> = {};
  readAnswers(node.nodes("item"), answers);
  if (match === null) return undefined;
  return {
    instrumentId: decodeURIComponent(match[2] as string),
    instrumentVersion: match[3] as string,
    ...(id === undefined ? {} : { id }),
    ...(respondent === undefined ? {} : { respondent }),
    ...(completedAt === undefined ? {} : { completedAt }),
    ...(recorded === undefined ? {} : { recorded }),
    answers,
  };
}
