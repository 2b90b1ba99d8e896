import { describe, expect, it } from "vitest";
import { Coding } from "@selfmanage/core";
import { AccessibilityFeature, categoryLabel, CommunityGroup, detectAccessibilityFeatures, ServiceCategory, signpostingCodes } from "./codes";

describe("signpostingCodes", () => {
  it("holds every supported-self-management category from the brief", () => {
    const codes = signpostingCodes.categories.map((entry) => entry.code);
    for (const required of [
      "peer-support-one-to-one",
      "peer-support-group",
      "peer-support-digital",
      "collective-advocacy",
      "peer-working",
      "self-management-education",
      "health-coaching",
      "wrap",
      "advocacy",
      "carers-support",
      "social-prescribing",
    ]) {
      expect(codes).toContain(required);
    }
    expect(new Set(codes).size).toBe(codes.length);
    // Categories are held in a 32-bit mask by the search index.
    expect(codes.length).toBeLessThanOrEqual(31);
    expect(signpostingCodes.accessibilityFeatures.length).toBeLessThanOrEqual(31);
  });
  it("keeps the SNOMED CT social prescribing codes as valid codings", () => {
    expect(Coding.parse(signpostingCodes.snomed.referralToSocialPrescribing).code).toBe("871731000000106");
    expect(Coding.parse(signpostingCodes.snomed.socialPrescribingDeclined).code).toBe("871711000000103");
  });
  it("maps ALISS slugs only to known codes", () => {
    for (const category of Object.values(signpostingCodes.alissCategories)) expect(ServiceCategory.safeParse(category).success).toBe(true);
    for (const feature of Object.values(signpostingCodes.alissAccessibility)) expect(AccessibilityFeature.safeParse(feature).success).toBe(true);
    for (const group of signpostingCodes.communityGroups) expect(CommunityGroup.safeParse(group.code).success).toBe(true);
    expect(new Set(Object.values(signpostingCodes.orukTaxonomies)).size).toBe(Object.keys(signpostingCodes.orukTaxonomies).length);
  });
  it("labels categories and finds accessibility features in text", () => {
    expect(categoryLabel("wrap")).toBe("Wellness Recovery Action Planning (WRAP)");
    expect(detectAccessibilityFeatures("Induction loop fitted; wheelchair access on all floors")).toEqual(["hearing-loop", "step-free-access"]);
    expect(detectAccessibilityFeatures("BSL interpreters on request")).toEqual(["bsl"]);
    expect(detectAccessibilityFeatures("Nothing to say")).toEqual([]);
  });
});
