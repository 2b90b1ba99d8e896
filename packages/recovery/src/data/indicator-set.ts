import { agreementScale } from "@selfmanage/core";
import type { EvidenceSource, IndicatorSet } from "../indicators";

/**
 * The six evidence sources for service-level recovery indicators: three kinds of document
 * (only written evidence counts) and three groups of people to talk with.
 *
 * @example
 * ```ts
 * evidenceSources.filter((source) => source.kind === "documentary").map((source) => source.id);
 * // ["assessments", "care-plans", "service-information"]
 * ```
 */
export const evidenceSources: readonly EvidenceSource[] = [
  {
    id: "assessments",
    kind: "documentary",
    label: { en: "Assessments" },
    description: { en: "A sample of recent assessments, often about ten, read for what is written down." },
  },
  {
    id: "care-plans",
    kind: "documentary",
    label: { en: "Care and support plans" },
    description: { en: "A sample of current plans, often about ten, read for what is written down." },
  },
  {
    id: "service-information",
    kind: "documentary",
    label: { en: "Service information" },
    description: { en: "Leaflets, web pages, policies and procedures that describe how the service works." },
  },
  {
    id: "staff-conversations",
    kind: "conversational",
    label: { en: "Conversations with staff" },
    description: { en: "Talking with the people who provide the service, paid or volunteer." },
  },
  {
    id: "people-using-service-conversations",
    kind: "conversational",
    label: { en: "Conversations with people using the service" },
    description: { en: "Talking with people who use the service now or did recently." },
  },
  {
    id: "carer-conversations",
    kind: "conversational",
    label: { en: "Conversations with informal carers" },
    description: { en: "Talking with family members, friends and other unpaid carers." },
  },
];

const DOCUMENTS_ABOUT_A_PERSON = ["assessments", "care-plans", "staff-conversations", "people-using-service-conversations", "carer-conversations"];

/**
 * A built-in set of ten service-level recovery indicators, written for this toolkit after the
 * structure of the Scottish Recovery Indicator 2: reflective statements under each indicator,
 * rated 1-5 (or not applicable) from six evidence sources.
 *
 * @example
 * ```ts
 * recoveryIndicatorSet.indicators.map((indicator) => indicator.id);
 * // ["basic-needs", "goals", "personalised-support", ...]
 * ```
 */
export const recoveryIndicatorSet: IndicatorSet = {
  id: "recovery-indicators",
  version: "1.0.0",
  title: { en: "Recovery indicators for services" },
  description: {
    en: "A development tool for teams: reflect on how far the service supports recovery, gather evidence, and agree what to build on and what to change. It is not an audit.",
  },
  ratingScale: agreementScale,
  evidenceSources: [...evidenceSources],
  indicators: [
    {
      id: "basic-needs",
      title: { en: "Everyday essentials" },
      description: { en: "Help with the practical foundations of a settled life: a home, an income, physical health." },
      statements: [
        { id: "basic-needs-1", text: { en: "We ask early on whether the person has a safe, settled place to live." } },
        { id: "basic-needs-2", text: { en: "We help people sort out benefits, debt and money worries, or link them to someone who can." } },
        { id: "basic-needs-3", text: { en: "Physical health checks and advice are part of the support we offer." } },
      ],
    },
    {
      id: "goals",
      title: { en: "The person's own goals" },
      description: { en: "Support is organised around what the person wants to achieve, in their words." },
      statements: [
        { id: "goals-1", text: { en: "Each plan records goals the person chose, written the way they said them." }, sources: DOCUMENTS_ABOUT_A_PERSON },
        { id: "goals-2", text: { en: "Goals are reviewed with the person, and changed when their hopes change." } },
        { id: "goals-3", text: { en: "Small steps towards a goal are noticed and celebrated." } },
      ],
    },
    {
      id: "personalised-support",
      title: { en: "Support that fits the person" },
      description: { en: "What we offer is shaped by the individual, their culture and circumstances, not by a standard package." },
      statements: [
        { id: "personalised-support-1", text: { en: "People can choose how, when and where they are seen, within what we can offer." } },
        { id: "personalised-support-2", text: { en: "We take account of culture, faith, language, age, gender and sexuality in the support we give." } },
        { id: "personalised-support-3", text: { en: "When our service is not the right fit, we help the person find one that is." } },
      ],
    },
    {
      id: "strengths",
      title: { en: "Building on strengths" },
      description: { en: "We start from what the person can do and what already helps them, as well as what is hard." },
      statements: [
        { id: "strengths-1", text: { en: "Assessments record the person's skills, interests and sources of support, not only their difficulties." }, sources: DOCUMENTS_ABOUT_A_PERSON },
        { id: "strengths-2", text: { en: "Staff help people recognise and use what has worked for them before." } },
        { id: "strengths-3", text: { en: "We talk about hope and a good life with the person, whatever their symptoms." } },
      ],
    },
    {
      id: "social-inclusion",
      title: { en: "Connected to the community" },
      description: { en: "Support reaches beyond the service: work, learning, friendships, groups and activities." },
      statements: [
        { id: "social-inclusion-1", text: { en: "We help people take part in work, volunteering, learning or leisure of their choosing." } },
        { id: "social-inclusion-2", text: { en: "We know about local groups and community resources, and introduce people to them." } },
        { id: "social-inclusion-3", text: { en: "We challenge stigma and discrimination when people meet it." } },
      ],
    },
    {
      id: "involvement-of-people",
      title: { en: "People who use the service shape it" },
      description: { en: "People with lived experience are involved in planning, delivering and reviewing the service." },
      statements: [
        { id: "involvement-of-people-1", text: { en: "People who use the service have a say in how it is run, and we show what changed as a result." } },
        { id: "involvement-of-people-2", text: { en: "Lived experience is valued in our workforce, for example through peer roles." } },
        { id: "involvement-of-people-3", text: { en: "Information about rights, advocacy and how to complain is easy to find and understand." } },
      ],
    },
    {
      id: "involvement-of-carers",
      title: { en: "Families and carers are involved" },
      description: { en: "Informal carers are recognised, supported and, with the person's agreement, included." },
      statements: [
        { id: "involvement-of-carers-1", text: { en: "With the person's agreement, we include the people close to them in planning." } },
        { id: "involvement-of-carers-2", text: { en: "Carers are told about support available to them in their own right." } },
        { id: "involvement-of-carers-3", text: { en: "Carers' knowledge of the person is listened to and recorded." } },
      ],
    },
    {
      id: "planning-ahead",
      title: { en: "Planning ahead and self management" },
      description: { en: "People are supported to manage their own wellbeing and to plan for harder times." },
      statements: [
        { id: "planning-ahead-1", text: { en: "We offer help to write a plan for staying well, such as a wellness recovery action plan." } },
        { id: "planning-ahead-2", text: { en: "People are supported to make advance statements about care they would want in a crisis." } },
        { id: "planning-ahead-3", text: { en: "We share tools and courses for self management and encourage people to use them." } },
      ],
    },
    {
      id: "staff-valued",
      title: { en: "Staff are supported and valued" },
      description: { en: "The people who provide the service have the training, supervision and encouragement to work in a recovery-focused way." },
      statements: [
        { id: "staff-valued-1", text: { en: "Staff receive training in recovery-focused practice, and refresh it." } },
        { id: "staff-valued-2", text: { en: "Supervision and reflective practice happen regularly." } },
        { id: "staff-valued-3", text: { en: "Staff wellbeing is taken seriously and staff feel able to raise concerns." } },
      ],
    },
    {
      id: "recovery-practice",
      title: { en: "Recovery-focused practice" },
      description: { en: "The whole service works in a way that promotes hope, choice and control." },
      statements: [
        { id: "recovery-practice-1", text: { en: "Our service information describes recovery as living a satisfying life, as the person defines it." }, sources: ["service-information", "staff-conversations"] },
        { id: "recovery-practice-2", text: { en: "Positive risk-taking is supported and decisions are shared with the person." } },
        { id: "recovery-practice-3", text: { en: "We measure how recovery-focused we are and act on what we learn." } },
      ],
    },
  ],
};
