import { describe, expect, it } from "vitest";
import { validateWellnessRecoveryActionPlan, WellnessRecoveryActionPlan, wrapSections } from "./wrap";
import { clone, SENTINEL, wrapPlan } from "../test/fixtures";

describe("validateWellnessRecoveryActionPlan", () => {
  it("accepts a plan with every section, written by its owner", () => {
    expect(validateWellnessRecoveryActionPlan(wrapPlan)).toEqual({ ok: true, value: wrapPlan });
  });

  it("lists every WRAP section, in order, and each is a field of the plan", () => {
    expect(wrapSections.map((section) => section.key)).toEqual([
      "wellnessToolbox",
      "dailyMaintenance",
      "triggers",
      "earlyWarningSigns",
      "breakingDown",
      "crisisPlan",
      "postCrisisPlan",
    ]);
    const fields = Object.keys(WellnessRecoveryActionPlan.shape);
    for (const section of wrapSections) {
      expect(fields).toContain(section.key);
      expect(wrapPlan[section.key]).toBeDefined();
    }
  });

  it("accepts a plan that has just been started", () => {
    const { id, owner, provenance } = wrapPlan;
    expect(validateWellnessRecoveryActionPlan({ id, owner, provenance, wellnessToolbox: ["Walk by the canal"] }).ok).toBe(true);
  });

  it("refuses a plan with no sections", () => {
    const { id, owner, provenance } = wrapPlan;
    const result = validateWellnessRecoveryActionPlan({ id, owner, provenance });
    expect(!result.ok && result.issues).toEqual([
      { path: [], code: "empty_plan", message: "A plan needs at least one section. The wellness toolbox is a good place to start." },
    ]);
  });

  it("keeps the plan the person's own when someone else writes it", () => {
    const byWorker = { ...clone(wrapPlan), provenance: { recordedBy: "peer-4", role: "peer-worker" as const, recordedAt: "2026-03-10T19:00:00Z" } };
    const result = validateWellnessRecoveryActionPlan(byWorker);
    expect(!result.ok && result.issues).toEqual([
      {
        path: ["agreedByOwnerOn"],
        code: "not_agreed_by_owner",
        message: "This plan belongs to the person. When someone else writes or updates it, record the day the person agreed it.",
      },
    ]);
    expect(validateWellnessRecoveryActionPlan({ ...byWorker, agreedByOwnerOn: "2026-03-11" }).ok).toBe(true);
  });

  it("counts a plan recorded by another person as written by someone else", () => {
    const byOtherPerson = { ...clone(wrapPlan), provenance: { recordedBy: "person-0b1d2e", role: "person" as const, recordedAt: "2026-03-10T19:00:00Z" } };
    expect(validateWellnessRecoveryActionPlan(byOtherPerson).ok).toBe(false);
    expect(validateWellnessRecoveryActionPlan({ ...byOtherPerson, agreedByOwnerOn: "2026-03-10" }).ok).toBe(true);
  });

  it("refuses an agreement dated before the update it should cover", () => {
    const byWorker = {
      ...clone(wrapPlan),
      provenance: { recordedBy: "peer-4", role: "peer-worker" as const, recordedAt: "2026-03-10T19:00:00Z" },
      agreedByOwnerOn: "2026-03-09",
    };
    const result = validateWellnessRecoveryActionPlan(byWorker);
    expect(!result.ok && result.issues).toEqual([
      {
        path: ["agreedByOwnerOn"],
        code: "agreed_before_update",
        message: "The person agreed the plan before its latest update. Check the changes with them and record the day they agreed the plan as it is now.",
      },
    ]);
    // The owner's own update needs no separate agreement, whatever date is kept from before.
    expect(validateWellnessRecoveryActionPlan({ ...clone(wrapPlan), agreedByOwnerOn: "2026-03-01" }).ok).toBe(true);
  });

  it("refuses someone who is both a supporter and not to be involved", () => {
    const plan = clone(wrapPlan);
    plan.crisisPlan!.notInvolved!.push({ description: "Someone", reference: "supporter-2" });
    plan.crisisPlan!.notInvolved!.push({ description: "Someone without a reference" });
    const result = validateWellnessRecoveryActionPlan(plan);
    expect(!result.ok && result.issues.map((found) => [found.path.join("."), found.code])).toEqual([["crisisPlan.notInvolved.1.reference", "supporter_also_excluded"]]);
  });

  it("reports structural problems with paths and without the rejected value", () => {
    const plan = clone(wrapPlan) as unknown as Record<string, Record<string, unknown>>;
    plan.triggers = { signs: [SENTINEL], actionPlan: SENTINEL };
    plan.owner = `${SENTINEL}@example.org` as never;
    const result = validateWellnessRecoveryActionPlan(plan);
    expect(!result.ok && result.issues.map((found) => [found.path.join("."), found.code])).toEqual([
      ["owner", "not_pseudonymous"],
      ["triggers.actionPlan", "invalid_type"],
    ]);
    for (const found of result.ok ? [] : result.issues) expect(found.message).not.toContain(SENTINEL);
  });
});
