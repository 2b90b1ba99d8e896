import * as z from "zod";

/**
 * Every coded value the package understands lives in this file, as data, so that it can be
 * checked against its source and changed in one place. Logic elsewhere looks codes up here
 * instead of branching on them.
 */

const serviceCategoryTable = [
  { code: "peer-support-one-to-one", label: "Peer support: one to one", group: "peer-support" },
  { code: "peer-support-group", label: "Peer support: mutual or self-help group", group: "peer-support" },
  { code: "peer-support-digital", label: "Peer support: online or digital", group: "peer-support" },
  { code: "collective-advocacy", label: "Collective advocacy", group: "peer-support" },
  { code: "peer-working", label: "Peer working", group: "peer-support" },
  { code: "self-management-education", label: "Self-management education", group: "self-management" },
  { code: "health-coaching", label: "Health coaching", group: "self-management" },
  { code: "wrap", label: "Wellness Recovery Action Planning (WRAP)", group: "self-management" },
  { code: "advocacy", label: "Independent advocacy", group: "support" },
  { code: "carers-support", label: "Support for unpaid carers", group: "support" },
  { code: "social-prescribing", label: "Social prescribing", group: "support" },
  { code: "befriending", label: "Befriending", group: "community" },
  { code: "physical-activity", label: "Physical activity", group: "community" },
  { code: "arts-and-creativity", label: "Arts and creative activities", group: "community" },
  { code: "mental-wellbeing", label: "Mental health and wellbeing", group: "health" },
  { code: "long-term-conditions", label: "Living with a long-term condition", group: "health" },
  { code: "money-advice", label: "Money and benefits advice", group: "practical" },
  { code: "housing", label: "Housing support", group: "practical" },
  { code: "employability", label: "Work, learning and volunteering", group: "practical" },
  { code: "food", label: "Food and meals", group: "practical" },
  { code: "bereavement", label: "Bereavement support", group: "support" },
] as const;

const accessibilityFeatureTable = [
  { code: "hearing-loop", label: "Hearing (induction) loop", keywords: ["hearing loop", "induction loop", "t-coil"] },
  { code: "step-free-access", label: "Step-free access", keywords: ["step-free", "step free", "wheelchair", "level access", "ramp"] },
  { code: "accessible-toilet", label: "Accessible toilet", keywords: ["accessible toilet", "disabled toilet"] },
  { code: "changing-places", label: "Changing Places toilet", keywords: ["changing places"] },
  { code: "dementia-friendly", label: "Dementia friendly", keywords: ["dementia"] },
  { code: "autism-friendly", label: "Autism friendly", keywords: ["autism", "autistic"] },
  { code: "bsl", label: "British Sign Language (BSL)", keywords: ["bsl", "british sign language", "sign language"] },
  { code: "large-print", label: "Large print information", keywords: ["large print"] },
  { code: "easy-read", label: "Easy-read information", keywords: ["easy read", "easy-read"] },
  { code: "accessible-parking", label: "Accessible parking", keywords: ["blue badge", "accessible parking", "disabled parking"] },
  { code: "quiet-space", label: "Quiet space", keywords: ["quiet room", "quiet space"] },
  { code: "assistance-dogs-welcome", label: "Assistance dogs welcome", keywords: ["assistance dog", "guide dog"] },
] as const;

const communityGroupTable = [
  { code: "unpaid-carers", label: "Unpaid carers" },
  { code: "young-people", label: "Young people" },
  { code: "older-people", label: "Older people" },
  { code: "veterans", label: "Veterans and their families" },
  { code: "lgbtqi", label: "LGBTQI+ people" },
  { code: "minority-ethnic", label: "Minority ethnic communities" },
  { code: "refugees-and-asylum-seekers", label: "Refugees and people seeking asylum" },
  { code: "disabled-people", label: "Disabled people" },
  { code: "women", label: "Women" },
  { code: "men", label: "Men" },
  { code: "people-in-recovery", label: "People in recovery from alcohol or drug use" },
  { code: "people-with-long-term-conditions", label: "People living with long-term conditions" },
] as const;

type CodeOf<T extends readonly { code: string }[]> = T[number]["code"];

function codesOf<T extends readonly { code: string }[]>(table: T): [CodeOf<T>, ...CodeOf<T>[]] {
  return table.map((entry) => entry.code) as [CodeOf<T>, ...CodeOf<T>[]];
}

/**
 * A category of support. Includes every supported-self-management type: peer support
 * (one to one, groups, digital, collective advocacy, peer working), self-management
 * education, health coaching, WRAP, advocacy, carers' support and social prescribing.
 *
 * @example
 * ```ts
 * ServiceCategory.parse("health-coaching");
 * ```
 */
export const ServiceCategory = z.enum(codesOf(serviceCategoryTable)).meta({
  id: "ServiceCategory",
  title: "Service category",
  description: "A category of support, from the package's category table (signpostingCodes.categories).",
});
/**
 * A category code (see {@link ServiceCategory}).
 *
 * @example
 * ```ts
 * const category: ServiceCategory = "peer-support-group";
 * ```
 */
export type ServiceCategory = z.infer<typeof ServiceCategory>;

/**
 * An accessibility feature of a service or place, such as a hearing loop or step-free access.
 *
 * @example
 * ```ts
 * AccessibilityFeature.parse("hearing-loop");
 * ```
 */
export const AccessibilityFeature = z.enum(codesOf(accessibilityFeatureTable)).meta({
  id: "AccessibilityFeature",
  title: "Accessibility feature",
  description: "An accessibility feature, from signpostingCodes.accessibilityFeatures.",
});
/**
 * An accessibility feature code (see {@link AccessibilityFeature}).
 *
 * @example
 * ```ts
 * const feature: AccessibilityFeature = "dementia-friendly";
 * ```
 */
export type AccessibilityFeature = z.infer<typeof AccessibilityFeature>;

/**
 * A community group a service is for (an eligibility criterion), such as unpaid carers or veterans.
 *
 * @example
 * ```ts
 * CommunityGroup.parse("unpaid-carers");
 * ```
 */
export const CommunityGroup = z.enum(codesOf(communityGroupTable)).meta({
  id: "CommunityGroup",
  title: "Community group",
  description: "A community group a service is meant for, from signpostingCodes.communityGroups.",
});
/**
 * A community group code (see {@link CommunityGroup}).
 *
 * @example
 * ```ts
 * const group: CommunityGroup = "veterans";
 * ```
 */
export type CommunityGroup = z.infer<typeof CommunityGroup>;

const SNOMED = "http://snomed.info/sct";

/**
 * The package's code table: categories, accessibility features, community groups, the SNOMED CT
 * codes for signposting events, the ALISS category and accessibility mappings, and the
 * Open Referral UK attribute taxonomies used for fields that ORUK has no column for.
 *
 * @remarks
 * NHS England's social prescribing guidance is reported to use SNOMED CT 871731000000106
 * (referral to social prescribing service) and 871711000000103 (social prescribing declined).
 * They are kept here as data so they can be checked and corrected without touching logic.
 *
 * @example
 * ```ts
 * signpostingCodes.snomed.referralToSocialPrescribing.code; // "871731000000106"
 * signpostingCodes.categories.find((entry) => entry.code === "wrap")?.label;
 * ```
 */
export const signpostingCodes = {
  categories: serviceCategoryTable,
  accessibilityFeatures: accessibilityFeatureTable,
  communityGroups: communityGroupTable,
  snomed: {
    referralToSocialPrescribing: { system: SNOMED, code: "871731000000106", display: "Referral to social prescribing service" },
    socialPrescribingDeclined: { system: SNOMED, code: "871711000000103", display: "Social prescribing declined" },
  },
  /** ALISS category slugs that correspond to a package category. Other slugs are kept as classifications. */
  alissCategories: {
    "peer-support": "peer-support-group",
    "self-management": "self-management-education",
    "health-coaching": "health-coaching",
    advocacy: "advocacy",
    "carers-support": "carers-support",
    carers: "carers-support",
    "social-prescribing": "social-prescribing",
    befriending: "befriending",
    "physical-activity": "physical-activity",
    "arts-and-crafts": "arts-and-creativity",
    "mental-health": "mental-wellbeing",
    "money-advice": "money-advice",
    housing: "housing",
    employability: "employability",
    food: "food",
    bereavement: "bereavement",
  } satisfies Record<string, ServiceCategory>,
  /** ALISS accessibility feature slugs that correspond to a package feature. */
  alissAccessibility: {
    "hearing-loop": "hearing-loop",
    "wheelchair-accessible": "step-free-access",
    "step-free-access": "step-free-access",
    "accessible-toilet": "accessible-toilet",
    "dementia-friendly": "dementia-friendly",
    "autism-friendly": "autism-friendly",
    bsl: "bsl",
    "british-sign-language": "bsl",
    "large-print": "large-print",
    "easy-read": "easy-read",
    "accessible-parking": "accessible-parking",
  } satisfies Record<string, AccessibilityFeature>,
  /**
   * The taxonomies of the ORUK `attributes` the exporter writes for fields ORUK has no column for.
   * The importer reads them back, so ORUK -> model -> ORUK keeps them.
   */
  orukTaxonomies: {
    category: "selfmanage:service-category",
    accessibility: "selfmanage:accessibility-feature",
    communityGroup: "selfmanage:community-group",
    accessRoute: "selfmanage:access-route",
    attending: "selfmanage:attending-type",
    language: "selfmanage:language",
    cost: "selfmanage:cost",
    lastReviewed: "selfmanage:last-reviewed",
    deprioritised: "selfmanage:deprioritised",
    eligibility: "selfmanage:eligibility",
  },
} as const;

/**
 * The plain-English label of a category.
 *
 * @example
 * ```ts
 * categoryLabel("wrap"); // "Wellness Recovery Action Planning (WRAP)"
 * ```
 */
export function categoryLabel(category: ServiceCategory): string {
  return (serviceCategoryTable.find((entry) => entry.code === category) as { label: string }).label;
}

/**
 * The accessibility features mentioned in free text, found with the keyword lists in
 * {@link signpostingCodes}. Used when importing descriptions from other systems.
 *
 * @example
 * ```ts
 * detectAccessibilityFeatures("Induction loop fitted; wheelchair access on all floors");
 * // ["hearing-loop", "step-free-access"]
 * ```
 */
export function detectAccessibilityFeatures(text: string): AccessibilityFeature[] {
  const lower = text.toLowerCase();
  return accessibilityFeatureTable.filter((entry) => entry.keywords.some((keyword) => lower.includes(keyword))).map((entry) => entry.code);
}
