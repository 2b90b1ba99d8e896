import { describe, expect, it } from "vitest";
import { safeParseResult } from "@selfmanage/core";
import { PartnershipSides, SideAssignment, assignPartnershipSides, defaultPartnershipSides, partnershipSideLabels, partnershipSideOrder } from "./sides";

describe("sides of the partnership", () => {
  it("ships a default table that passes its own schema and places every perspective", () => {
    expect(safeParseResult(PartnershipSides, defaultPartnershipSides)).toEqual({ ok: true, value: defaultPartnershipSides });
    expect(defaultPartnershipSides).toEqual({
      person: "using-services",
      carer: "using-services",
      practitioner: "providing-services",
      "peer-worker": "providing-services",
      volunteer: "providing-services",
      manager: "providing-services",
    });
    expect(partnershipSideOrder.map((side) => partnershipSideLabels[side])).toEqual(["People who use services", "People who provide and commission services"]);
  });

  it("lets the framework and then the assessment move peer workers and volunteers, and nobody else", () => {
    expect(assignPartnershipSides(undefined, undefined)).toEqual(defaultPartnershipSides);
    const sides = assignPartnershipSides({ "peer-worker": "using-services", volunteer: "using-services" }, { volunteer: "providing-services" });
    expect([sides["peer-worker"], sides.volunteer, sides.person, sides.manager]).toEqual(["using-services", "providing-services", "using-services", "providing-services"]);
    // people with lived experience cannot be placed with the providers, nor managers with the people who use services
    const moved = safeParseResult(SideAssignment, { person: "providing-services" });
    expect(moved.ok).toBe(false);
    if (!moved.ok) expect(moved.issues[0]).toMatchObject({ code: "unknown_field" });
  });
});
