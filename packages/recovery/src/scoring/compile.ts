import { SelfManageError, formatIssue, ok, safeParseResult, scaleBounds, type LocalisedText, type Result } from "@selfmanage/core";
import { validateInstrument, type InstrumentDefinition, type MissingDataRule, type ScoringMethod } from "../instrument";
import { InstrumentResponse, buildItemLookups, checkResponse } from "../response";
import { checkResponseFields, checkResponseQuickly } from "../response-check";
import type { InstrumentScore } from "./result";

/**
 * An instrument compiled once for fast validation and scoring of many responses.
 *
 * @example
 * ```ts
 * const compiled: CompiledInstrument = compileInstrument(serviceExperienceQuestionnaire);
 * const checked = compiled.validate(input);
 * if (checked.ok) compiled.score(checked.value);
 * ```
 */
export interface CompiledInstrument {
  /** The validated definition. */
  readonly instrument: InstrumentDefinition;
  /** Validate a response against this exact instrument and version. */
  validate(input: unknown): Result<InstrumentResponse>;
  /** Score a response that has already been validated (the fast path: it does not check again). */
  score(response: InstrumentResponse): InstrumentScore;
}

/**
 * What `scoreResponse` needs beyond the public {@link CompiledInstrument}: checking and scoring in
 * one pass. Internal to the package.
 *
 * @example
 * ```ts
 * const score = compileForScoring(definition).scoreIfValid(input); // undefined: validate in full
 * ```
 */
export interface CompiledForScoring extends CompiledInstrument {
  /** The score of a response the quick check accepts while scoring it, or undefined (then validate and score). */
  scoreIfValid(input: unknown): InstrumentScore | undefined;
}

const NOT_SCORED = Number.NaN;

/**
 * Combine answered item values into a score by method and missing-data rule. Returns NaN when the
 * rule refuses to score. The bounds sums let percent-of-maximum know the lowest and highest
 * possible totals for the answered items, or for all shown items when unanswered ones are filled in.
 */
function combine(
  method: ScoringMethod,
  rule: MissingDataRule,
  sum: number,
  answered: number,
  shown: number,
  answeredMin: number,
  answeredMax: number,
  shownMin: number,
  shownMax: number,
): number {
  if (answered === 0) return NOT_SCORED;
  const unanswered = shown - answered;
  let adjustedSum = sum;
  let imputed = false;
  switch (rule.kind) {
    case "minimum-answered":
      if (answered < rule.minimumAnswered) return NOT_SCORED;
      break;
    case "prorate":
      if (answered < rule.minimumAnswered) return NOT_SCORED;
      adjustedSum = (sum * shown) / answered;
      imputed = true;
      break;
    case "mean-substitution":
      if (unanswered > rule.maximumMissing) return NOT_SCORED;
      adjustedSum = sum + unanswered * (sum / answered);
      imputed = true;
      break;
    case "none":
      break;
  }
  if (method === "sum") return adjustedSum;
  if (method === "mean") return imputed ? adjustedSum / shown : sum / answered;
  return imputed ? ((adjustedSum - shownMin) / (shownMax - shownMin)) * 100 : ((sum - answeredMin) / (answeredMax - answeredMin)) * 100;
}

interface AlertCheck {
  readonly ruleId: string;
  readonly itemIndex: number;
  readonly codes: ReadonlySet<string> | undefined;
  readonly minimumValue: number;
  readonly message: LocalisedText;
}

interface SubscalePlan {
  readonly id: string;
  readonly rule: MissingDataRule;
}

const COMPLETE_ONLY: MissingDataRule = { kind: "mean-substitution", maximumMissing: 0 };

/**
 * Compile an instrument once into a fast validator and scorer. The scorer precomputes option
 * values (already reversed) per item, conditions, subscale membership, the conversion lookup,
 * bands and alerts, so that scoring a response does no searching.
 *
 * @throws {@link @selfmanage/core!SelfManageError} `invalid-definition` when the definition is not valid (see {@link validateInstrument}).
 * @example
 * ```ts
 * const compiled = compileInstrument(serviceExperienceQuestionnaire);
 * for (const input of inputs) {
 *   const checked = compiled.validate(input);
 *   if (checked.ok) results.push(compiled.score(checked.value));
 * }
 * ```
 */
export function compileInstrument(definition: InstrumentDefinition): CompiledInstrument {
  return compileForScoring(definition);
}

/**
 * {@link compileInstrument}, with the one-pass check and score that `scoreResponse` uses.
 * Internal to the package.
 *
 * @example
 * ```ts
 * const compiled = compileForScoring(serviceExperienceQuestionnaire);
 * ```
 */
export function compileForScoring(definition: InstrumentDefinition): CompiledForScoring {
  const validated = validateInstrument(definition);
  if (!validated.ok) {
    throw new SelfManageError("invalid-definition", `The instrument definition is not valid:\n${validated.issues.map(formatIssue).join("\n")}`);
  }
  const instrument = validated.value;
  const { scoring } = instrument;
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale]));
  const itemCount = instrument.items.length;
  const itemIds: string[] = [];
  const scored: boolean[] = [];
  const required: boolean[] = [];
  const values: Map<string, number>[] = [];
  const itemMin = new Float64Array(itemCount);
  const itemMax = new Float64Array(itemCount);
  const conditionItem: (string | undefined)[] = [];
  const conditionCodes: (ReadonlySet<string> | undefined)[] = [];
  const itemIndex = new Map<string, number>();
  instrument.items.forEach((item, index) => {
    const scale = scales.get(item.scale);
    /* v8 ignore next -- validateInstrument has already checked that every item's scale exists */
    if (scale === undefined) throw new SelfManageError("invalid-definition", "An item refers to a missing scale.");
    const bounds = scaleBounds(scale);
    const byCode = new Map<string, number>();
    for (const option of scale.options) {
      // NaN marks an excluded option, so that one lookup tells scored, excluded and unknown apart.
      const value = option.value === undefined ? Number.NaN : item.reverse === true ? bounds.min + bounds.max - option.value : option.value;
      byCode.set(option.code, value);
    }
    itemIds.push(item.id);
    scored.push(item.scored !== false);
    required.push(item.required === true);
    values.push(byCode);
    itemMin[index] = bounds.min;
    itemMax[index] = bounds.max;
    conditionItem.push(item.showWhen?.itemId);
    conditionCodes.push(item.showWhen === undefined ? undefined : new Set(item.showWhen.anyOf));
    itemIndex.set(item.id, index);
  });

  const subscalePlans: SubscalePlan[] = (instrument.subscales ?? []).map((subscale) => ({ id: subscale.id, rule: subscale.missingData ?? COMPLETE_ONLY }));
  const subscaleCount = subscalePlans.length;
  const membership: number[][] = instrument.items.map(() => []);
  (instrument.subscales ?? []).forEach((subscale, subscaleIndex) => {
    for (const itemId of subscale.items) membership[itemIndex.get(itemId) as number]?.push(subscaleIndex);
  });
  // Scratch accumulators reused by every call, so that scoring allocates nothing per item; reset at the start of each call.
  const subSum = new Float64Array(subscaleCount);
  const subAnswered = new Int32Array(subscaleCount);
  const subShown = new Int32Array(subscaleCount);
  const subExcluded = new Int32Array(subscaleCount);
  const subAnsweredMin = new Float64Array(subscaleCount);
  const subAnsweredMax = new Float64Array(subscaleCount);
  const subShownMin = new Float64Array(subscaleCount);
  const subShownMax = new Float64Array(subscaleCount);

  const alertChecks: AlertCheck[] = (instrument.alerts ?? []).map((rule) => ({
    ruleId: rule.id,
    itemIndex: itemIndex.get(rule.itemId) as number,
    codes: rule.optionCodes === undefined ? undefined : new Set(rule.optionCodes),
    minimumValue: rule.minimumValue ?? Number.POSITIVE_INFINITY,
    message: rule.message,
  }));
  const unreversed: Map<string, number>[] = instrument.items.map((item) => {
    const scale = scales.get(item.scale);
    return new Map((scale?.options ?? []).map((option) => [option.code, option.value ?? Number.NaN]));
  });

  const conversion = scoring.conversion;
  const lowestRaw = conversion === undefined ? 0 : conversion.entries.reduce((lowest, entry) => Math.min(lowest, entry.raw), Number.POSITIVE_INFINITY);
  const metricByRaw = new Float64Array(conversion === undefined ? 0 : conversion.entries.reduce((highest, entry) => Math.max(highest, entry.raw), Number.NEGATIVE_INFINITY) - lowestRaw + 1);
  for (const entry of conversion?.entries ?? []) metricByRaw[entry.raw - lowestRaw] = entry.metric;
  const bands = (scoring.bands ?? []).map((band) => ({ min: band.min, value: Object.freeze({ id: band.id, label: band.label }) }));
  const roundingFactor = scoring.decimals === undefined ? 0 : 10 ** scoring.decimals;
  const method = scoring.method;
  const rule = scoring.missingData;
  const lookups = buildItemLookups(instrument);

  function isShown(index: number, answers: Readonly<Record<string, string>>): boolean {
    const conditionId = conditionItem[index];
    if (conditionId === undefined) return true;
    const earlier = answers[conditionId];
    return earlier !== undefined && (conditionCodes[index] as ReadonlySet<string>).has(earlier);
  }

  /**
   * Score the answers. With `strict`, they are also checked as the quick validation checks them
   * (every answer an item's own, shown, with a code of its scale; every shown required item
   * answered; nothing else), and undefined is returned at the first problem.
   */
  function scoreAnswers(response: { readonly id?: unknown; readonly answers: Readonly<Record<string, unknown>> }, strict: boolean): InstrumentScore | undefined {
    const given = response.answers;
    // Read as text: when strict, every answer read below has been checked to be text first.
    const answers = given as Readonly<Record<string, string>>;
    subSum.fill(0);
    subAnswered.fill(0);
    subShown.fill(0);
    subExcluded.fill(0);
    subAnsweredMin.fill(0);
    subAnsweredMax.fill(0);
    subShownMin.fill(0);
    subShownMax.fill(0);
    let sum = 0;
    let shown = 0;
    let answered = 0;
    let excluded = 0;
    let answeredMin = 0;
    let answeredMax = 0;
    let shownMin = 0;
    let shownMax = 0;
    let answersSeen = 0;
    for (let index = 0; index < itemCount; index += 1) {
      const visible = isShown(index, answers);
      if (strict) {
        const itemId = itemIds[index] as string;
        const answer = given[itemId];
        if (answer !== undefined) {
          if (typeof answer !== "string" || !visible || !(values[index] as Map<string, number>).has(answer) || !Object.hasOwn(given, itemId)) return undefined;
          answersSeen += 1;
        } else if (visible && required[index]) return undefined;
      }
      if (!scored[index] || !visible) continue;
      const low = itemMin[index] as number;
      const high = itemMax[index] as number;
      shown += 1;
      shownMin += low;
      shownMax += high;
      const groups = membership[index] as number[];
      for (const group of groups) {
        subShown[group] = (subShown[group] as number) + 1;
        subShownMin[group] = (subShownMin[group] as number) + low;
        subShownMax[group] = (subShownMax[group] as number) + high;
      }
      const code = answers[itemIds[index] as string];
      if (code === undefined) continue;
      const value = (values[index] as Map<string, number>).get(code);
      if (value === undefined) continue;
      if (value !== value) {
        excluded += 1;
        for (const group of groups) subExcluded[group] = (subExcluded[group] as number) + 1;
        continue;
      }
      sum += value;
      answered += 1;
      answeredMin += low;
      answeredMax += high;
      for (const group of groups) {
        subSum[group] = (subSum[group] as number) + value;
        subAnswered[group] = (subAnswered[group] as number) + 1;
        subAnsweredMin[group] = (subAnsweredMin[group] as number) + low;
        subAnsweredMax[group] = (subAnsweredMax[group] as number) + high;
      }
    }

    if (strict) {
      // Nothing but the items' own answers: as many keys as answers found.
      let keys = 0;
      for (const _key in given) keys += 1;
      if (keys !== answersSeen) return undefined;
    }
    let total = combine(method, rule, sum, answered, shown, answeredMin, answeredMax, shownMin, shownMax);
    const isScored = total === total;
    if (isScored && roundingFactor !== 0) total = Math.round(total * roundingFactor) / roundingFactor;
    const missing = shown - answered - excluded;
    const result: InstrumentScore = {
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      status: isScored ? "scored" : "not-scored",
      raw: sum,
      total: isScored ? total : null,
      subscales: [],
      shown,
      answered,
      missing,
      excluded,
      completeness: shown === 0 ? 1 : answered / shown,
      missingDataRuleApplied: answered === shown ? "not-needed" : rule.kind,
      alerts: [],
    };
    if (response.id !== undefined) result.responseId = response.id as string;
    if (isScored) {
      let banded = total;
      if (conversion !== undefined) {
        banded = metricByRaw[Math.round(total) - lowestRaw] as number;
        result.metric = banded;
      }
      for (let bandIndex = bands.length - 1; bandIndex >= 0; bandIndex -= 1) {
        const band = bands[bandIndex] as (typeof bands)[number];
        if (banded >= band.min) {
          result.band = band.value;
          break;
        }
      }
    }
    for (let group = 0; group < subscaleCount; group += 1) {
      const plan = subscalePlans[group] as SubscalePlan;
      const subscaleScore = combine(
        method,
        plan.rule,
        subSum[group] as number,
        subAnswered[group] as number,
        subShown[group] as number,
        subAnsweredMin[group] as number,
        subAnsweredMax[group] as number,
        subShownMin[group] as number,
        subShownMax[group] as number,
      );
      result.subscales.push({
        id: plan.id,
        raw: subSum[group] as number,
        score: subscaleScore === subscaleScore ? subscaleScore : null,
        answered: subAnswered[group] as number,
        missing: (subShown[group] as number) - (subAnswered[group] as number) - (subExcluded[group] as number),
        excluded: subExcluded[group] as number,
      });
    }
    for (const check of alertChecks) {
      const code = answers[itemIds[check.itemIndex] as string];
      if (code === undefined || !isShown(check.itemIndex, answers)) continue;
      const triggered = check.codes === undefined ? ((unreversed[check.itemIndex] as Map<string, number>).get(code) ?? Number.NaN) >= check.minimumValue : check.codes.has(code);
      if (triggered) result.alerts.push({ ruleId: check.ruleId, itemId: itemIds[check.itemIndex] as string, message: check.message });
    }
    return result;
  }

  function score(response: InstrumentResponse): InstrumentScore {
    return scoreAnswers(response, false) as InstrumentScore;
  }

  function scoreIfValid(input: unknown): InstrumentScore | undefined {
    const answers = checkResponseFields(instrument, input);
    return answers === undefined ? undefined : scoreAnswers({ id: (input as { id?: unknown }).id, answers }, true);
  }

  function validate(input: unknown): Result<InstrumentResponse> {
    // Most responses are valid: accept those against the instrument's own ids and codes first.
    const accepted = checkResponseQuickly(instrument, lookups, input);
    if (accepted !== undefined) return ok(accepted);
    const parsed = safeParseResult(InstrumentResponse, input);
    if (!parsed.ok) return parsed;
    return checkResponse(instrument, lookups, parsed.value);
  }

  return Object.freeze({ instrument, validate, score, scoreIfValid });
}
