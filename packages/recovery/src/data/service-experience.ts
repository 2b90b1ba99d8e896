import { agreementScale } from "@selfmanage/core";
import type { InstrumentDefinition } from "../instrument";

/**
 * A person-level questionnaire about how recovery-focused a service feels, in eight statements
 * (one per expectation: the right help at the right time, fit to the person, plans and goals,
 * strengths, self management, community, acting on involvement, being listened to).
 * Rated on the five-point agreement scale; scored as the mean (1-5) when at least six
 * statements are rated; "not applicable" and "don't know" are never scored.
 *
 * @example
 * ```ts
 * const result = scoreResponse(serviceExperienceQuestionnaire, response);
 * if (result.ok) console.log(result.value.total, result.value.band?.id);
 * ```
 */
export const serviceExperienceQuestionnaire: InstrumentDefinition = {
  id: "service-experience",
  version: "1.0.0",
  title: { en: "How recovery-focused does this service feel?" },
  description: {
    en: "Eight statements for people who use a service. There are no right or wrong answers: tell us how it has been for you.",
  },
  scales: [agreementScale],
  items: [
    { id: "right-help-right-time", text: { en: "I got help when I needed it, and it was the kind of help I needed." }, scale: "agreement-5", chime: ["empowerment"] },
    { id: "fits-my-needs", text: { en: "The support I get is shaped around me and my life." }, scale: "agreement-5", chime: ["identity"] },
    { id: "plans-and-goals", text: { en: "Staff help me work towards the goals and plans that matter to me." }, scale: "agreement-5", chime: ["meaning", "hope"] },
    { id: "strengths-seen", text: { en: "Staff see what I am good at, not only what I find hard." }, scale: "agreement-5", chime: ["identity", "hope"] },
    { id: "self-management", text: { en: "I am encouraged to look after my own wellbeing in ways that work for me." }, scale: "agreement-5", chime: ["empowerment"] },
    { id: "community-links", text: { en: "I have been helped to connect with people, groups or activities outside the service." }, scale: "agreement-5", chime: ["connectedness"] },
    { id: "involvement-acted-on", text: { en: "When I give my views about the service, something happens as a result." }, scale: "agreement-5", chime: ["empowerment"] },
    { id: "listened-to", text: { en: "I feel listened to and understood." }, scale: "agreement-5", chime: ["connectedness"] },
  ],
  subscales: [
    {
      id: "person-centred",
      label: { en: "Centred on me" },
      items: ["fits-my-needs", "plans-and-goals", "strengths-seen", "listened-to"],
      missingData: { kind: "minimum-answered", minimumAnswered: 3 },
    },
    {
      id: "empowering",
      label: { en: "Builds my independence" },
      chime: "empowerment",
      items: ["right-help-right-time", "self-management", "community-links", "involvement-acted-on"],
      missingData: { kind: "minimum-answered", minimumAnswered: 3 },
    },
  ],
  scoring: {
    method: "mean",
    missingData: { kind: "minimum-answered", minimumAnswered: 6 },
    direction: "higher-is-better",
    decimals: 2,
    bands: [
      { id: "needs-attention", label: { en: "Needs attention" }, min: 1, max: 2.99 },
      { id: "mixed", label: { en: "Mixed" }, min: 3, max: 3.99 },
      { id: "recovery-focused", label: { en: "Feels recovery-focused" }, min: 4, max: 5 },
    ],
  },
};
