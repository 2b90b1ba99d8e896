import type { Role } from "@selfmanage/core";
import type { StageInvolvement } from "./assessment";
import { frameworkStages, type Framework } from "./framework";
import { highestLadderLevel, ladderRank, lowestLadderLevel, type LadderLevel } from "./ladder";

/**
 * The perspectives whose involvement decides the ladder level and the tokenism flags: people
 * with lived experience and unpaid carers or family members.
 *
 * @example
 * ```ts
 * livedExperiencePerspectives.includes("carer"); // true
 * ```
 */
export const livedExperiencePerspectives: readonly Role[] = ["person", "carer"];

/**
 * The perspectives that hold professional power in a service: practitioners and managers or commissioners.
 *
 * @example
 * ```ts
 * professionalPerspectives; // ["practitioner", "manager"]
 * ```
 */
export const professionalPerspectives: readonly Role[] = ["practitioner", "manager"];

/**
 * The stable codes of tokenism flags.
 *
 * - `never-deciding`: lived experience took part, but never above consultation at any stage.
 * - `delivery-without-design-or-evaluation`: lived experience helped deliver, but had no part in design or evaluation (or both);
 *   being only informed (or educated, or coerced) at a stage is not taking part in it.
 * - `unequal-partners`: at a stage, professionals co-designed or co-produced while lived experience was consulted or less, or absent.
 * - `no-lived-experience-respondents`: nobody with lived experience rated the initiative.
 * - `lived-experience-suppressed`: too few people with lived experience rated it for their view to be reported.
 *
 * @example
 * ```ts
 * const code: TokenismCode = "never-deciding";
 * ```
 */
export type TokenismCode =
  | "never-deciding"
  | "delivery-without-design-or-evaluation"
  | "unequal-partners"
  | "no-lived-experience-respondents"
  | "lived-experience-suppressed";

/**
 * A sign that involvement may be tokenistic, with a plain-English explanation and, where it
 * applies, the stages concerned.
 *
 * @example
 * ```ts
 * const flag: TokenismFlag = { code: "unequal-partners", message: "...", stages: ["design"] };
 * ```
 */
export interface TokenismFlag {
  /** The stable code of the flag. */
  code: TokenismCode;
  /** A plain-English explanation for the team. */
  message: string;
  /** The stages concerned, when the flag is about particular stages. */
  stages?: string[];
}

/**
 * The ladder level reached at one stage: the highest level of any lived-experience perspective
 * (`null` when none took part), and each perspective's own level.
 *
 * @example
 * ```ts
 * const design: StageLadder = { stage: "design", level: "co-design", byPerspective: { person: "co-design", practitioner: "co-production" } };
 * ```
 */
export interface StageLadder {
  /** The stage id. */
  stage: string;
  /** The highest level reached by a lived-experience perspective; `null` when none took part. */
  level: LadderLevel | null;
  /** The level recorded for each perspective that took part. */
  byPerspective: Partial<Record<Role, LadderLevel>>;
}

/**
 * The initiative's place on the participation ladder, overall and by stage.
 *
 * @remarks
 * `level` is the lowest lived-experience level among the stages where lived experience took
 * part (an initiative is as co-produced as its least shared stage). It is held at `co-design`
 * unless lived experience took part in every stage, because co-production runs through the
 * whole cycle, and at `engagement` when the framework has a design stage and lived experience
 * had no part in it, because an initiative nobody with lived experience helped design was not
 * co-designed. It is `null` when no lived-experience involvement is recorded.
 *
 * @example
 * ```ts
 * const ladder: InitiativeLadder = { level: "consultation", byStage: [] };
 * ```
 */
export interface InitiativeLadder {
  /** The initiative's level (see the remarks); `null` when no lived-experience involvement is recorded. */
  level: LadderLevel | null;
  /** The level at each of the framework's stages, in order. */
  byStage: StageLadder[];
}

/**
 * What the involvement records say: the ladder level and the tokenism flags that come from
 * involvement by stage.
 *
 * @example
 * ```ts
 * const found: InvolvementFindings = { ladder: { level: null, byStage: [] }, tokenism: [] };
 * ```
 */
export interface InvolvementFindings {
  /** The ladder level, overall and by stage. */
  ladder: InitiativeLadder;
  /** Tokenism flags that come from involvement by stage. */
  tokenism: TokenismFlag[];
}

const INFORMING = ladderRank("informing");
const CONSULTATION = ladderRank("consultation");
const ENGAGEMENT = ladderRank("engagement");
const CO_DESIGN = ladderRank("co-design");

function stageList(stages: readonly string[]): string {
  if (stages.length === 1) return stages[0] as string;
  return `${stages.slice(0, -1).join(", ")} and ${stages.at(-1) as string}`;
}

/**
 * Work out the initiative's ladder level and the involvement tokenism flags from involvement by
 * stage. `scoreAssessment` calls this for you; use it on its own when you only record involvement.
 *
 * @example
 * ```ts
 * const found = assessInvolvement(
 *   [
 *     { stage: "delivery", perspective: "person", level: "co-production" },
 *     { stage: "design", perspective: "practitioner", level: "co-production" },
 *   ],
 *   nefPrinciplesFramework,
 * );
 * found.ladder.level; // "engagement": lived experience had no part in the design
 * found.tokenism.map((flag) => flag.code); // ["delivery-without-design-or-evaluation", "unequal-partners"]
 * ```
 */
export function assessInvolvement(involvement: readonly StageInvolvement[], framework: Framework): InvolvementFindings {
  const byStage: StageLadder[] = frameworkStages(framework).map((stage) => {
    const byPerspective: Partial<Record<Role, LadderLevel>> = {};
    for (const entry of involvement) {
      if (entry.stage !== stage.id) continue;
      const previous = byPerspective[entry.perspective];
      byPerspective[entry.perspective] = previous === undefined ? entry.level : (highestLadderLevel([previous, entry.level]) as LadderLevel);
    }
    const lived = livedExperiencePerspectives.flatMap((perspective) => byPerspective[perspective] ?? []);
    return { stage: stage.id, level: highestLadderLevel(lived), byPerspective };
  });

  const reached = byStage.flatMap((stage) => stage.level ?? []);
  let level = lowestLadderLevel(reached);
  if (level === "co-production" && reached.length < byStage.length) level = "co-design";
  // People who had no part in designing an initiative did not co-design it, however far they shared its delivery.
  const design = byStage.find((stage) => stage.stage === "design");
  if (level !== null && design !== undefined && design.level === null && ladderRank(level) > ENGAGEMENT) level = "engagement";

  const tokenism: TokenismFlag[] = [];
  const highest = highestLadderLevel(reached);
  if (highest !== null && ladderRank(highest) <= CONSULTATION) {
    tokenism.push({
      code: "never-deciding",
      message: "People with lived experience were informed or consulted, but at no stage did they share in decisions.",
    });
  }
  const delivery = byStage.find((stage) => stage.stage === "delivery");
  if (delivery?.level != null && ladderRank(delivery.level) > INFORMING) {
    // Being told about a stage (informing or lower) is not taking part in it.
    const missing = byStage
      .filter((stage) => (stage.stage === "design" || stage.stage === "evaluation") && (stage.level === null || ladderRank(stage.level) <= INFORMING))
      .map((stage) => stage.stage);
    if (missing.length > 0) {
      tokenism.push({
        code: "delivery-without-design-or-evaluation",
        message: `People with lived experience helped deliver the initiative but had no part in its ${stageList(missing)}.`,
        stages: missing,
      });
    }
  }
  const unequal = byStage
    .filter((stage) => {
      const professional = highestLadderLevel(professionalPerspectives.flatMap((perspective) => stage.byPerspective[perspective] ?? []));
      return professional !== null && ladderRank(professional) >= CO_DESIGN && (stage.level === null || ladderRank(stage.level) <= CONSULTATION);
    })
    .map((stage) => stage.stage);
  if (unequal.length > 0) {
    tokenism.push({
      code: "unequal-partners",
      message: `At the ${stageList(unequal)} ${unequal.length === 1 ? "stage" : "stages"}, professionals shared in decisions while people with lived experience were at most consulted.`,
      stages: unequal,
    });
  }
  return { ladder: { level, byStage }, tokenism };
}
