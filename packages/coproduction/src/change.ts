import { SelfManageError, type IsoDate, type Role } from "@selfmanage/core";
import type { TokenismCode } from "./involvement";
import { ladderRank, type LadderLevel } from "./ladder";
import type { AssessmentScore, PerspectiveScores } from "./scoring";

/**
 * How one score moved between two assessments. `change` is `after - before` in points on 0-100,
 * and `null` when either side is not reported (suppressed, or no ratings).
 *
 * @example
 * ```ts
 * const moved: ScoreChange = { before: 55, after: 70, change: 15 };
 * const unknown: ScoreChange = { before: null, after: 70, change: null };
 * ```
 */
export interface ScoreChange {
  /** The earlier score, or `null` when it was not reported. */
  before: number | null;
  /** The later score, or `null` when it was not reported. */
  after: number | null;
  /** `after - before` in points; `null` unless both are reported. */
  change: number | null;
}

/**
 * How a combined score and each perspective's score moved.
 *
 * @example
 * ```ts
 * const overall: CombinedChange = { before: 60, after: 65, change: 5, byPerspective: { person: { before: 50, after: 62, change: 12 } } };
 * ```
 */
export interface CombinedChange extends ScoreChange {
  /** The change for each perspective present in either assessment. */
  byPerspective: Partial<Record<Role, ScoreChange>>;
}

/**
 * How one principle's score moved.
 *
 * @example
 * ```ts
 * const assets: PrincipleChange = { principleId: "assets", before: 50, after: 75, change: 25, byPerspective: {} };
 * ```
 */
export interface PrincipleChange extends CombinedChange {
  /** The principle compared. */
  principleId: string;
}

/**
 * The change between two assessments of the same initiative.
 *
 * @example
 * ```ts
 * const change: AssessmentChange = compareAssessments(scoreAssessment(spring, framework), scoreAssessment(autumn, framework));
 * change.overall.change; // e.g. 6.25
 * change.ladder.steps; // e.g. 2: two rungs up the ladder
 * ```
 */
export interface AssessmentChange {
  /** The initiative both assessments are about. */
  initiative: string;
  /** The framework both were scored against. */
  frameworkId: string;
  /** The earlier assessment's id and date. */
  before: { assessmentId: string; date: IsoDate };
  /** The later assessment's id and date. */
  after: { assessmentId: string; date: IsoDate };
  /** The change in the overall score. */
  overall: CombinedChange;
  /** The change in each principle's score, in framework order. */
  principles: PrincipleChange[];
  /** The ladder levels, and how many rungs the initiative moved (negative when down). */
  ladder: { before: LadderLevel | null; after: LadderLevel | null; steps: number | null };
  /** Tokenism flags that went away, and flags that are new. */
  tokenism: { resolved: TokenismCode[]; raised: TokenismCode[] };
}

function scoreChange(before: number | null | undefined, after: number | null | undefined): ScoreChange {
  const was = before ?? null;
  const now = after ?? null;
  return { before: was, after: now, change: was === null || now === null ? null : now - was };
}

function perspectiveChanges(before: PerspectiveScores, after: PerspectiveScores): Partial<Record<Role, ScoreChange>> {
  const changes: Partial<Record<Role, ScoreChange>> = {};
  const roles = new Set([...Object.keys(before), ...Object.keys(after)] as Role[]);
  for (const role of roles) changes[role] = scoreChange(before[role]?.score, after[role]?.score);
  return changes;
}

/** Whether every perspective present in both results carries the same explicit weight. */
function sameCustomWeights(before: AssessmentScore, after: AssessmentScore): boolean {
  const earlier = new Map(before.perspectives.map((group) => [group.perspective, group.weight]));
  return after.perspectives.every((group) => !earlier.has(group.perspective) || earlier.get(group.perspective) === group.weight);
}

/**
 * Compare two scored assessments of the same initiative, made with the same framework and
 * weighting: the change overall, per principle and per perspective, on the ladder, and in
 * tokenism flags.
 *
 * @remarks
 * Suppression carries through: a change is only given where both assessments report the score,
 * so the comparison shows nothing that the two results did not already show. It cannot undo
 * what the two results reveal together: see the note on re-runs in {@link scoreAssessment}.
 *
 * @throws `SelfManageError` (from `@selfmanage/core`) `invalid-argument` when the two results are for different
 * initiatives or frameworks, or were weighted differently, because the change would mislead.
 * @example
 * ```ts
 * const change = compareAssessments(scoreAssessment(spring, nefPrinciplesFramework), scoreAssessment(autumn, nefPrinciplesFramework));
 * change.principles.filter((principle) => (principle.change ?? 0) < 0); // principles that slipped
 * ```
 */
export function compareAssessments(before: AssessmentScore, after: AssessmentScore): AssessmentChange {
  if (before.initiative !== after.initiative) {
    throw new SelfManageError("invalid-argument", "Only assessments of the same initiative can be compared.");
  }
  if (before.frameworkId !== after.frameworkId) {
    throw new SelfManageError("invalid-argument", "Only assessments made with the same framework can be compared.");
  }
  if (before.weighting !== after.weighting || (before.weighting === "custom" && !sameCustomWeights(before, after))) {
    throw new SelfManageError("invalid-argument", "Both assessments must be scored with the same perspective weighting to be compared.");
  }
  const afterPrinciples = new Map(after.principles.map((principle) => [principle.principleId, principle]));
  const principles: PrincipleChange[] = before.principles.map((principle) => {
    const later = afterPrinciples.get(principle.principleId);
    return {
      principleId: principle.principleId,
      ...scoreChange(principle.score, later?.score),
      byPerspective: perspectiveChanges(principle.byPerspective, later?.byPerspective ?? {}),
    };
  });
  const beforeFlags = new Set(before.tokenism.map((flag) => flag.code));
  const afterFlags = new Set(after.tokenism.map((flag) => flag.code));
  const beforeLevel = before.ladder.level;
  const afterLevel = after.ladder.level;
  return {
    initiative: before.initiative,
    frameworkId: before.frameworkId,
    before: { assessmentId: before.assessmentId, date: before.date },
    after: { assessmentId: after.assessmentId, date: after.date },
    overall: { ...scoreChange(before.overall.score, after.overall.score), byPerspective: perspectiveChanges(before.overall.byPerspective, after.overall.byPerspective) },
    principles,
    ladder: {
      before: beforeLevel,
      after: afterLevel,
      steps: beforeLevel === null || afterLevel === null ? null : ladderRank(afterLevel) - ladderRank(beforeLevel),
    },
    tokenism: {
      resolved: [...beforeFlags].filter((code) => !afterFlags.has(code)),
      raised: [...afterFlags].filter((code) => !beforeFlags.has(code)),
    },
  };
}
