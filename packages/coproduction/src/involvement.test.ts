import { describe, expect, it } from "vitest";
import type { StageInvolvement } from "./assessment";
import { miniFramework } from "../test/fixtures";
import { assessInvolvement } from "./involvement";
import { highestLadderLevel, ladderLabels, ladderLevels, ladderRank, lowestLadderLevel } from "./ladder";

const codes = (involvement: StageInvolvement[]) => assessInvolvement(involvement, miniFramework).tokenism.map((flag) => flag.code);

describe("the participation ladder", () => {
  it("orders the rungs from coercion to co-production", () => {
    expect(ladderLevels).toEqual(["coercion", "educating", "informing", "consultation", "engagement", "co-design", "co-production"]);
    expect(ladderRank("coercion")).toBe(0);
    expect(ladderRank("co-production")).toBe(6);
    expect(lowestLadderLevel(["co-design", "informing", "engagement"])).toBe("informing");
    expect(highestLadderLevel(["co-design", "informing", "engagement"])).toBe("co-design");
    expect(lowestLadderLevel([])).toBeNull();
    expect(highestLadderLevel([])).toBeNull();
    expect(Object.keys(ladderLabels)).toEqual([...ladderLevels]);
  });
});

describe("assessInvolvement", () => {
  it("takes the highest lived-experience level per stage and the lowest stage overall", () => {
    const found = assessInvolvement(
      [
        { stage: "design", perspective: "person", level: "consultation" },
        { stage: "design", perspective: "carer", level: "engagement" },
        { stage: "delivery", perspective: "person", level: "co-production" },
        { stage: "evaluation", perspective: "person", level: "co-design" },
        { stage: "evaluation", perspective: "practitioner", level: "co-production" },
      ],
      miniFramework,
    );
    expect(found.ladder).toEqual({
      level: "engagement",
      byStage: [
        { stage: "design", level: "engagement", byPerspective: { person: "consultation", carer: "engagement" } },
        { stage: "delivery", level: "co-production", byPerspective: { person: "co-production" } },
        { stage: "evaluation", level: "co-design", byPerspective: { person: "co-design", practitioner: "co-production" } },
      ],
    });
    expect(found.tokenism).toEqual([]);
  });

  it("reaches co-production only when lived experience is part of every stage", () => {
    const everywhere: StageInvolvement[] = ["design", "delivery", "evaluation"].map((stage) => ({ stage, perspective: "person", level: "co-production" }));
    expect(assessInvolvement(everywhere, miniFramework).ladder.level).toBe("co-production");
    expect(assessInvolvement(everywhere.slice(0, 2), miniFramework).ladder.level).toBe("co-design");
    expect(assessInvolvement([], miniFramework).ladder.level).toBeNull();
    expect(assessInvolvement([{ stage: "design", perspective: "practitioner", level: "co-production" }], miniFramework).ladder.level).toBeNull();
  });

  it("flags lived experience that is never above consultation", () => {
    const found = assessInvolvement(
      [
        { stage: "design", perspective: "person", level: "consultation" },
        { stage: "delivery", perspective: "person", level: "informing" },
        { stage: "evaluation", perspective: "carer", level: "consultation" },
      ],
      miniFramework,
    );
    expect(found.tokenism).toEqual([
      { code: "never-deciding", message: "People with lived experience were informed or consulted, but at no stage did they share in decisions." },
    ]);
    expect(found.ladder.level).toBe("informing");
    expect(codes([{ stage: "design", perspective: "person", level: "engagement" }])).toEqual([]);
  });

  it("flags involvement in delivery without design or evaluation", () => {
    expect(assessInvolvement([{ stage: "delivery", perspective: "person", level: "co-production" }], miniFramework).tokenism).toEqual([
      {
        code: "delivery-without-design-or-evaluation",
        message: "People with lived experience helped deliver the initiative but had no part in its design and evaluation.",
        stages: ["design", "evaluation"],
      },
    ]);
    const designed = codes([
      { stage: "delivery", perspective: "person", level: "co-production" },
      { stage: "design", perspective: "carer", level: "co-design" },
    ]);
    expect(designed).toEqual(["delivery-without-design-or-evaluation"]);
    expect(
      assessInvolvement(
        [
          { stage: "delivery", perspective: "person", level: "co-production" },
          { stage: "design", perspective: "carer", level: "co-design" },
        ],
        miniFramework,
      ).tokenism[0]?.message,
    ).toBe("People with lived experience helped deliver the initiative but had no part in its evaluation.");
    // a practitioner in design does not count as lived-experience involvement
    expect(
      codes([
        { stage: "delivery", perspective: "person", level: "engagement" },
        { stage: "design", perspective: "practitioner", level: "engagement" },
        { stage: "evaluation", perspective: "person", level: "engagement" },
      ]),
    ).toEqual(["delivery-without-design-or-evaluation"]);
  });

  it("flags professionals sharing decisions where lived experience is only consulted or absent", () => {
    const found = assessInvolvement(
      [
        { stage: "design", perspective: "manager", level: "co-design" },
        { stage: "design", perspective: "person", level: "consultation" },
        { stage: "delivery", perspective: "person", level: "co-production" },
        { stage: "evaluation", perspective: "practitioner", level: "co-production" },
      ],
      miniFramework,
    );
    expect(found.tokenism.map((flag) => flag.code)).toEqual(["delivery-without-design-or-evaluation", "unequal-partners"]);
    expect(found.tokenism[1]).toEqual({
      code: "unequal-partners",
      message: "At the design and evaluation stages, professionals shared in decisions while people with lived experience were at most consulted.",
      stages: ["design", "evaluation"],
    });
    const one = assessInvolvement([{ stage: "design", perspective: "practitioner", level: "co-design" }], miniFramework).tokenism;
    expect(one).toEqual([
      {
        code: "unequal-partners",
        message: "At the design stage, professionals shared in decisions while people with lived experience were at most consulted.",
        stages: ["design"],
      },
    ]);
    expect(codes([{ stage: "design", perspective: "practitioner", level: "engagement" }])).toEqual([]);
  });

  it("holds the level at engagement when lived experience had no part in the design", () => {
    const laterStages: StageInvolvement[] = ["delivery", "evaluation"].map((stage) => ({ stage, perspective: "person", level: "co-production" }));
    expect(assessInvolvement(laterStages, miniFramework).ladder.level).toBe("engagement");
    expect(assessInvolvement([{ stage: "delivery", perspective: "carer", level: "co-design" }], miniFramework).ladder.level).toBe("engagement");
    // lower levels are not raised
    expect(assessInvolvement([{ stage: "delivery", perspective: "person", level: "consultation" }], miniFramework).ladder.level).toBe("consultation");
    // with design shared, the usual rule applies: co-design, as evaluation was not shared
    expect(assessInvolvement([...laterStages.slice(0, 1), { stage: "design", perspective: "person", level: "co-production" }], miniFramework).ladder.level).toBe("co-design");
  });

  it("does not count being informed about the design or evaluation as taking part in it", () => {
    const found = assessInvolvement(
      [
        { stage: "design", perspective: "person", level: "informing" },
        { stage: "delivery", perspective: "person", level: "co-production" },
        { stage: "evaluation", perspective: "carer", level: "consultation" },
      ],
      miniFramework,
    );
    expect(found.tokenism).toEqual([
      {
        code: "delivery-without-design-or-evaluation",
        message: "People with lived experience helped deliver the initiative but had no part in its design.",
        stages: ["design"],
      },
    ]);
    // the ladder still records what happened: the least shared stage was informing
    expect(found.ladder.level).toBe("informing");
    // being told about the delivery is not helping to deliver it
    expect(codes([{ stage: "delivery", perspective: "person", level: "informing" }])).toEqual(["never-deciding"]);
    expect(
      codes([
        { stage: "design", perspective: "person", level: "consultation" },
        { stage: "delivery", perspective: "person", level: "co-production" },
        { stage: "evaluation", perspective: "carer", level: "consultation" },
      ]),
    ).toEqual([]);
  });

  it("keeps the highest level when unvalidated input repeats a perspective at a stage", () => {
    const found = assessInvolvement(
      [
        { stage: "design", perspective: "person", level: "co-design" },
        { stage: "design", perspective: "person", level: "informing" },
      ],
      miniFramework,
    );
    expect(found.ladder.byStage[0]).toEqual({ stage: "design", level: "co-design", byPerspective: { person: "co-design" } });
  });

  it("uses a framework's own stages", () => {
    const framework = { ...miniFramework, stages: [{ id: "commissioning", label: { en: "Commissioning" } }] };
    const found = assessInvolvement([{ stage: "commissioning", perspective: "person", level: "co-production" }], framework);
    expect(found.ladder.level).toBe("co-production");
    expect(found.tokenism).toEqual([]);
  });
});
