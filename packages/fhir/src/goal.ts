import type { Role} from "@selfmanage/core";
import { toIsoDate, type Coding } from "@selfmanage/core";
import type {
  StepStatus} from "@selfmanage/goals";
import {
  AchievementStatus,
  GasLevel,
  LifeArea,
  LifecycleStatus,
  lifeAreas,
  type GasScale,
  type Goal,
  type GoalChange,
  type GoalLink,
  type GoalReview,
  type GoalStep,
  type GoalSupport,
} from "@selfmanage/goals";
import { fhirCodes } from "./codes";
import { codeable, codeFrom, extensionValue, isRole, oneOf, identifierValue, provenanceExtension, readCoding, readCodings, readProvenance, readRoleReference, roleReference } from "./common";
import { gasLevelCoding, gasLevelOf, readReviewObservation, reviewObservations } from "./goal-observations";
import { fhirId } from "./ids";
import { subNodes, subValue, type FhirNode } from "./reader";
import { complexExtension, compact, extension, list, personReference, recordReference, type FhirElement, type FhirResource } from "./resource";

const S = fhirCodes.systems;
const isLifecycleStatus = oneOf(LifecycleStatus.options);
const isAchievementStatus = oneOf(AchievementStatus.options);
const isLifeArea = oneOf(LifeArea.options);
const isGasLevel = oneOf<GasLevel>([...GasLevel.values]);
const X = fhirCodes.extensions;
const GAS_MEASURE = fhirCodes.gas.scoreCodes.reported;

function supportExtension(support: GoalSupport): FhirElement {
  return complexExtension(X.goalSupport.url, [
    extension("description", "valueString", support.description),
    extension("role", "valueCode", support.role),
    extension("reference", "valueString", support.reference),
  ]);
}

function linkExtension(link: GoalLink, index: number): FhirElement {
  return complexExtension(X.goalLink.url, [
    extension("index", "valueInteger", index),
    extension("kind", "valueCode", link.kind),
    extension("description", "valueString", link.description),
    extension("coding", "valueCoding", link.coding),
    extension("reference", "valueString", link.reference),
  ]);
}

function addressesReference(link: GoalLink, index: number): FhirElement {
  return compact({
    // The position keeps the links in their order, as they are split between addresses and the extension.
    extension: [complexExtension(X.goalLink.url, [extension("index", "valueInteger", index), extension("kind", "valueCode", link.kind === "condition" ? undefined : link.kind), extension("coding", "valueCoding", link.coding)])],
    type: "Condition",
    identifier: link.reference === undefined ? undefined : { system: fhirCodes.identifiers.goalLink, value: link.reference },
    display: link.description,
  });
}

function changeExtension(change: GoalChange): FhirElement {
  return complexExtension(X.goalChange.url, [
    extension("from", "valueCode", change.from),
    extension("to", "valueCode", change.to),
    extension("achievementStatus", "valueCode", change.achievementStatus),
    extension("reason", "valueString", change.reason),
    provenanceExtension(change.provenance, "recorded"),
  ]);
}

function gasExtensions(scale: GasScale | undefined): FhirElement[] {
  if (scale === undefined) return [];
  const levels = scale.levels.map((descriptor) =>
    complexExtension(fhirCodes.hl7Extensions.pcoGoalAttainmentScaling, [{ url: "level", valueCoding: gasLevelCoding(descriptor.level) }, { url: "text", valueString: descriptor.description }]),
  );
  const weighting =
    scale.baseline === undefined && scale.importance === undefined && scale.difficulty === undefined
      ? []
      : [
          complexExtension(X.gasScale.url, [
            extension("baseline", "valueInteger", scale.baseline),
            extension("importance", "valueInteger", scale.importance),
            extension("difficulty", "valueInteger", scale.difficulty),
          ]),
        ];
  return [...levels, ...weighting];
}

function goalResource(goal: Goal): FhirResource {
  const smart = goal.smart;
  const readiness = goal.readiness;
  const indexed = (goal.links ?? []).map((link, index) => ({ link, index }));
  const addressed = indexed.filter(({ link }) => link.kind in fhirCodes.addressedLinkKinds);
  const other = indexed.filter(({ link }) => !(link.kind in fhirCodes.addressedLinkKinds));
  const last = goal.history?.[goal.history.length - 1];
  const target = smart?.measure === undefined && smart?.targetDate === undefined ? undefined : compact({ measure: smart.measure === undefined ? undefined : { text: smart.measure }, dueDate: smart.targetDate });
  return compact({
    resourceType: "Goal",
    id: fhirId(goal.id),
    extension: list<FhirElement>([
      ...(goal.supports ?? []).map(supportExtension),
      ...(goal.barriers ?? []).map((barrier) => ({ url: X.goalBarrier.url, valueString: barrier })),
      ...other.map(({ link, index }) => linkExtension(link, index)),
      smart?.targetActivity === undefined && smart?.supportNeeded === undefined && smart?.timePeriod === undefined
        ? undefined
        : complexExtension(X.smart.url, [
            extension("targetActivity", "valueString", smart.targetActivity),
            extension("supportNeeded", "valueString", smart.supportNeeded),
            extension("timePeriod", "valueString", smart.timePeriod),
          ]),
      readiness === undefined
        ? undefined
        : complexExtension(X.readiness.url, [
            extension("importance", "valueInteger", readiness.importance),
            extension("confidence", "valueInteger", readiness.confidence),
            extension("recordedOn", "valueDate", readiness.recordedOn),
          ]),
      extension(X.nextReviewDue.url, "valueDate", goal.nextReviewDue),
      ...gasExtensions(goal.gas),
      provenanceExtension(goal.created),
      ...(goal.history ?? []).map(changeExtension),
    ]),
    identifier: [{ system: fhirCodes.identifiers.goal, value: goal.id }],
    lifecycleStatus: goal.lifecycleStatus,
    achievementStatus: goal.achievementStatus === undefined ? undefined : codeable(S.goalAchievement, goal.achievementStatus),
    category: [codeable(S.lifeArea, goal.lifeArea, lifeAreas[goal.lifeArea].label)],
    description: { text: goal.ownWords },
    subject: personReference(goal.person),
    startDate: smart?.startDate,
    target: list([target, goal.gas === undefined ? undefined : { measure: { coding: [{ ...GAS_MEASURE }] } }]),
    statusDate: last === undefined ? undefined : toIsoDate(last.provenance.recordedAt),
    statusReason: last?.reason,
    expressedBy: roleReference(goal.expressedBy),
    addresses: list(addressed.map(({ link, index }) => addressesReference(link, index))),
    note: goal.summary === undefined ? undefined : [{ text: goal.summary }],
    outcomeReference: list(
      (goal.reviews ?? []).map((_review, index) => recordReference("Observation", fhirCodes.identifiers.goalReview, `${goal.id}#review-${index}`)),
    ),
  });
}

function carePlanResource(goal: Goal): FhirResource | undefined {
  if (goal.steps === undefined || goal.steps.length === 0) return undefined;
  return {
    resourceType: "CarePlan",
    id: fhirId(`${goal.id}#steps`),
    identifier: [{ system: fhirCodes.identifiers.carePlan, value: goal.id }],
    status: fhirCodes.carePlanStatus[goal.lifecycleStatus],
    intent: "plan",
    subject: personReference(goal.person),
    goal: [recordReference("Goal", fhirCodes.identifiers.goal, goal.id)],
    activity: goal.steps.map((step) => ({
      detail: compact({
        extension: list([extension(X.stepId.url, "valueString", step.id), extension(X.stepCompletedOn.url, "valueDate", step.completedOn)]),
        status: fhirCodes.stepStatus[step.status],
        description: step.description,
        scheduledPeriod: step.dueDate === undefined ? undefined : { end: step.dueDate },
        performer: [roleReference(step.owner.role, step.owner.reference)],
      }),
    })),
  };
}

/**
 * A goal as FHIR R4 resources: the `Goal` (the person's words in `description.text`, lifecycle
 * and achievement status, life area as category, target measure and due date, expressedBy,
 * conditions and needs in `addresses`, the summary as a note, GAS levels as the PCO
 * goal-attainment-scaling extension), a `CarePlan` whose activities are the steps, and an
 * `Observation` per review (plus a PCO GAS score Observation for each review with a GAS level).
 * The Goal comes first. References are relative (`Goal/goal-walk`); {@link toBundle} resolves them.
 *
 * @example
 * ```ts
 * const [fhirGoal, ...related] = goalToFhir(goal);
 * fhirGoal.resourceType; // "Goal"
 * ```
 */
export function goalToFhir(goal: Goal): FhirResource[] {
  const carePlan = carePlanResource(goal);
  return [goalResource(goal), ...(carePlan === undefined ? [] : [carePlan]), ...reviewObservations(goal)];
}

function readSupport(found: FhirNode): GoalSupport | undefined {
  const description = subValue(found, "description", "valueString");
  const role = subValue(found, "role", "valueCode");
  const reference = subValue(found, "reference", "valueString");
  if (typeof description !== "string") {
    found.problem(undefined, "incomplete_extension", "A goal-support extension needs a description.");
    return undefined;
  }
  return { description, ...(isRole(role) ? { role: role as Role } : {}), ...(typeof reference === "string" ? { reference } : {}) };
}

function readLinkParts(found: FhirNode): { index: unknown; kind: unknown; description: unknown; coding: Coding | undefined; reference: unknown } {
  const [codingNode] = subNodes(found, "coding");
  codingNode?.skip("url");
  const coding = codingNode?.node("valueCoding");
  return {
    index: subValue(found, "index", "valueInteger"),
    kind: subValue(found, "kind", "valueCode"),
    description: subValue(found, "description", "valueString"),
    coding: coding === undefined ? undefined : readCoding(coding),
    reference: subValue(found, "reference", "valueString"),
  };
}

function makeLink(kind: unknown, description: unknown, coding: Coding | undefined, reference: unknown): GoalLink {
  return {
    kind: kind as GoalLink["kind"],
    ...(typeof description === "string" ? { description } : {}),
    ...(coding === undefined ? {} : { coding }),
    ...(typeof reference === "string" ? { reference } : {}),
  };
}

function readAddressed(found: FhirNode): { index: unknown; link: GoalLink } {
  const [linkNode] = found.extensions(X.goalLink.url);
  const parts = linkNode === undefined ? undefined : readLinkParts(linkNode);
  const identifier = found.node("identifier");
  identifier?.skip("system");
  const reference = identifier?.string("value");
  const description = found.string("display");
  found.skip("type", "reference");
  return { index: parts?.index, link: makeLink(parts?.kind ?? "condition", description, parts?.coding, reference) };
}

function readGasScale(goal: FhirNode): GasScale | undefined {
  const levels = goal.extensions(fhirCodes.hl7Extensions.pcoGoalAttainmentScaling).flatMap((found) => {
    const [levelNode] = subNodes(found, "level");
    const codingNode = levelNode?.node("valueCoding", true);
    const coding = codingNode === undefined ? undefined : readCoding(codingNode);
    const level = coding === undefined ? undefined : gasLevelOf(coding);
    const description = subValue(found, "text", "valueString");
    if (coding !== undefined && level === undefined) levelNode?.problem("valueCoding", "unknown_code", "This is not a Goal Attainment Scaling answer code.");
    if (typeof description !== "string") found.problem(undefined, "incomplete_extension", "A goal-attainment-scaling extension needs its text.");
    return level === undefined || typeof description !== "string" ? [] : [{ level, description }];
  });
  const [weighting] = goal.extensions(X.gasScale.url);
  if (levels.length === 0) return undefined;
  const baseline = weighting === undefined ? undefined : subValue(weighting, "baseline", "valueInteger");
  const importance = weighting === undefined ? undefined : subValue(weighting, "importance", "valueInteger");
  const difficulty = weighting === undefined ? undefined : subValue(weighting, "difficulty", "valueInteger");
  return {
    levels,
    ...(isGasLevel(baseline) ? { baseline: baseline as GasLevel } : {}),
    ...(typeof importance === "number" ? { importance } : {}),
    ...(typeof difficulty === "number" ? { difficulty } : {}),
  };
}

function readChange(found: FhirNode): GoalChange | undefined {
  const from = subValue(found, "from", "valueCode");
  const to = subValue(found, "to", "valueCode");
  const achievementStatus = subValue(found, "achievementStatus", "valueCode");
  const reason = subValue(found, "reason", "valueString");
  const provenance = readProvenance(subNodes(found, "recorded")[0]);
  if (!isLifecycleStatus(from) || !isLifecycleStatus(to) || typeof reason !== "string" || provenance === undefined) {
    found.problem(undefined, "incomplete_extension", "A goal-change extension needs from, to, a reason and who recorded it.");
    return undefined;
  }
  return {
    from: from as LifecycleStatus,
    to: to as LifecycleStatus,
    ...(isAchievementStatus(achievementStatus) ? { achievementStatus: achievementStatus as AchievementStatus } : {}),
    reason,
    provenance,
  };
}

function readStep(activity: FhirNode): GoalStep | undefined {
  activity.skip("outcomeCodeableConcept", "outcomeReference", "progress");
  const detail = activity.node("detail", true);
  if (detail === undefined) return undefined;
  const id = extensionValue(detail, X.stepId.url, "valueString");
  const completedOn = extensionValue(detail, X.stepCompletedOn.url, "valueDate");
  const fhirStatus = detail.string("status", true);
  const status = (Object.keys(fhirCodes.stepStatus) as StepStatus[]).find((key) => fhirCodes.stepStatus[key] === fhirStatus);
  const description = detail.string("description", true);
  const dueDate = detail.node("scheduledPeriod")?.date("end");
  const [performer] = detail.nodes("performer");
  const owner = performer === undefined ? undefined : readRoleReference(performer);
  if (fhirStatus !== undefined && status === undefined) detail.problem("status", "unmapped_code", "This activity status has no toolkit step status (to-do, done or dropped).");
  if (typeof id !== "string") detail.problem("extension", "required", "A step needs its toolkit id (the step-id extension).");
  if (owner === undefined) detail.problem("performer", "step_without_owner", "A step needs a performer: say who will do it.");
  if (typeof id !== "string" || description === undefined || status === undefined || owner?.role === undefined) return undefined;
  return {
    id,
    description,
    owner: { role: owner.role, ...(owner.id === undefined ? {} : { reference: owner.id }) },
    ...(dueDate === undefined ? {} : { dueDate }),
    status,
    ...(typeof completedOn === "string" ? { completedOn } : {}),
  };
}

/**
 * What a Goal's related resources are, for {@link readGoal}: its care plans (steps) and a way to
 * find the Observations its `outcomeReference` and `hasMember` point at.
 *
 * @example
 * ```ts
 * const related: GoalRelations = { carePlans: [], resolve: () => undefined };
 * ```
 */
export interface GoalRelations {
  readonly carePlans: readonly FhirNode[];
  /** The resource of this type in the same input that a reference points at, if there is one. */
  readonly resolve: (reference: FhirNode, resourceType: string) => FhirNode | undefined;
}

/**
 * Read a FHIR Goal (with its CarePlans and review Observations) back into a toolkit goal.
 * Foreign Goals are read as far as the model allows; what does not fit is a notice in the log,
 * and what is missing or malformed is an issue at its FHIRPath. Returns the goal when it could be
 * built (it still has to pass `validateGoal`).
 *
 * @example
 * ```ts
 * const goal = readGoal(goalNode, { carePlans: [], resolve: () => undefined });
 * ```
 */
export function readGoal(node: FhirNode, related: GoalRelations): Goal | undefined {
  const id = identifierValue(node, fhirCodes.identifiers.goal) ?? (typeof node.value.id === "string" ? node.value.id : undefined);
  if (id === undefined) node.problem("identifier", "required", "A goal needs an identifier (or a resource id).");
  const lifecycleStatus = node.string("lifecycleStatus", true);
  if (lifecycleStatus !== undefined && !isLifecycleStatus(lifecycleStatus)) node.problem("lifecycleStatus", "unknown_code", "This is not a FHIR R4 goal lifecycle status.");
  const achievementNode = node.node("achievementStatus");
  const achievementStatus = codeFrom(achievementNode, S.goalAchievement);
  if (achievementNode !== undefined && achievementStatus === undefined) node.problem("achievementStatus", "unmapped_code", "The achievement status needs a code from the FHIR goal-achievement code system.");
  const categories = node.nodes("category");
  let lifeArea: LifeArea = "other";
  for (const category of categories) {
    const code = codeFrom(category, S.lifeArea);
    if (code !== undefined && isLifeArea(code)) lifeArea = code as LifeArea;
    category.skip("text");
  }
  const description = node.node("description", true);
  description?.skip("coding");
  const ownWords = description?.string("text", true);
  const subject = node.node("subject", true);
  const person = subject === undefined ? undefined : readPersonReference(subject);
  const expressed = node.node("expressedBy");
  const expressedBy = expressed === undefined ? "person" : (readRoleReference(expressed).role ?? "person");
  const [targetNode] = node.nodes("target").filter((target) => {
    const isGas = readCodings((target.value.measure as object | undefined) === undefined ? undefined : target.node("measure")).some((coding) => coding.system === GAS_MEASURE.system && coding.code === GAS_MEASURE.code);
    if (isGas) target.skip("measure");
    return !isGas;
  });
  const measure = targetNode?.node("measure")?.string("text");
  const targetDate = targetNode?.date("dueDate");
  const startDate = node.date("startDate");
  const [smartNode] = node.extensions(X.smart.url);
  const smartText = (name: string): string | undefined => {
    const found = smartNode === undefined ? undefined : subValue(smartNode, name, "valueString");
    return typeof found === "string" ? found : undefined;
  };
  const smart = compactRecord({ targetActivity: smartText("targetActivity"), supportNeeded: smartText("supportNeeded"), measure, startDate, targetDate, timePeriod: smartText("timePeriod") });
  const [readinessNode] = node.extensions(X.readiness.url);
  const readiness =
    readinessNode === undefined
      ? undefined
      : compactRecord({
          importance: subValue(readinessNode, "importance", "valueInteger") as number | undefined,
          confidence: subValue(readinessNode, "confidence", "valueInteger") as number | undefined,
          recordedOn: subValue(readinessNode, "recordedOn", "valueDate") as string | undefined,
        });
  const notes = node.nodes("note").flatMap((note) => {
    note.skip("authorString", "authorReference", "time");
    const text = note.string("text", true);
    return text === undefined ? [] : [text];
  });
  const supports = node.extensions(X.goalSupport.url).flatMap((found) => readSupport(found) ?? []);
  const barriers = node.extensions(X.goalBarrier.url).flatMap((found) => {
    found.skip("valueString");
    return typeof found.value.valueString === "string" ? [found.value.valueString] : [];
  });
  const links = [
    ...node.nodes("addresses").map(readAddressed),
    ...node.extensions(X.goalLink.url).map((found) => {
      const parts = readLinkParts(found);
      return { index: parts.index, link: makeLink(parts.kind, parts.description, parts.coding, parts.reference) };
    }),
  ]
    .map((entry, position) => ({ ...entry, order: typeof entry.index === "number" ? entry.index : 10_000 + position }))
    .sort((a, b) => a.order - b.order)
    .map((entry) => entry.link);
  const nextReviewDue = extensionValue(node, X.nextReviewDue.url, "valueDate");
  const created = readProvenance(node.extensions(fhirCodes.extensions.recorded.url)[0]);
  if (created === undefined) node.problem("extension", "required", "A goal needs to say who recorded it first and when (the recorded extension).");
  const history = node.extensions(X.goalChange.url).flatMap((found) => readChange(found) ?? []);
  // statusDate and statusReason are written from the last history entry; without one they say something the model cannot keep.
  if (history.length > 0) node.skip("statusDate", "statusReason");
  const gas = readGasScale(node);
  const reviews: GoalReview[] = node.nodes("outcomeReference").flatMap((reference) => {
    const observation = related.resolve(reference, "Observation");
    return observation === undefined ? [] : (readReviewObservation(observation, (member) => related.resolve(member, "Observation")) ?? []);
  });
  node.skip("outcomeCode");
  const steps = related.carePlans.flatMap((plan) => {
    plan.skip("status", "intent", "subject", "goal", "identifier", "period", "created", "title", "description");
    return plan.nodes("activity").flatMap((activity) => readStep(activity) ?? []);
  });
  if (id === undefined || ownWords === undefined || person === undefined || created === undefined || lifecycleStatus === undefined || !isLifecycleStatus(lifecycleStatus)) return undefined;
  return {
    id,
    person,
    ownWords,
    ...(notes.length === 0 ? {} : { summary: notes.join("\n\n") }),
    lifeArea,
    expressedBy,
    ...(supports.length === 0 ? {} : { supports }),
    ...(barriers.length === 0 ? {} : { barriers }),
    ...(links.length === 0 ? {} : { links }),
    ...(smart === undefined ? {} : { smart }),
    ...(readiness === undefined ? {} : { readiness }),
    ...(steps.length === 0 ? {} : { steps }),
    ...(reviews.length === 0 ? {} : { reviews }),
    ...(typeof nextReviewDue === "string" ? { nextReviewDue } : {}),
    ...(gas === undefined ? {} : { gas }),
    lifecycleStatus: lifecycleStatus as LifecycleStatus,
    ...(achievementStatus === undefined || !isAchievementStatus(achievementStatus) ? {} : { achievementStatus: achievementStatus as AchievementStatus }),
    created,
    ...(history.length === 0 ? {} : { history }),
  };
}

/**
 * The pseudonymous person a reference names (Patient identifier), with an issue when there is none.
 *
 * @example
 * ```ts
 * readPersonReference(subjectNode); // "person-7f3a9c"
 * ```
 */
export function readPersonReference(found: FhirNode): string | undefined {
  found.skip("type", "display", "reference");
  const identifier = found.node("identifier");
  identifier?.skip("system", "use");
  const value = identifier?.string("value");
  if (value === undefined) found.problem("identifier", "required", "The person must be named by a pseudonymous identifier: the toolkit keeps no Patient resources.");
  return value;
}

function compactRecord<T extends Record<string, unknown>>(record: T): { [K in keyof T]?: Exclude<T[K], undefined> } | undefined {
  const kept = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length === 0 ? undefined : (kept as { [K in keyof T]?: Exclude<T[K], undefined> });
}
