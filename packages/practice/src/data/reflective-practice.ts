import type { PracticeTaxonomy } from "../taxonomy";

/**
 * The built-in reflective-practice taxonomy as data; published as `reflectivePracticeTaxonomy`.
 * Labels, descriptions and synonyms are written for this toolkit.
 *
 * @example
 * ```ts
 * reflectivePractice.challenges.length; // 9
 * ```
 */
export const reflectivePractice: PracticeTaxonomy = {
  id: "self-management-reflective-practice",
  version: "1.0.0",
  title: { en: "Self Management Reflective Practice" },
  description: {
    en: "What practitioners say self management means to them, the techniques they use before and during a meeting, the challenges they meet and the solutions they propose.",
  },
  source: "Self Management Reflective Practice sessions, Health and Social Care Alliance Scotland (labels, descriptions and synonyms written for this toolkit).",
  pillars: [
    {
      id: "holistic",
      label: { en: "Holistic" },
      description: { en: "Looking at the whole of a person's life and circumstances, such as money, housing and family, and not only at their condition." },
      synonyms: ["holistic", "holistically", "whole person", "whole life", "whole of their life", "person as a whole", "wider circumstances", "socio-economic", "socioeconomic", "not just the condition", "not only the condition"],
    },
    {
      id: "empowerment",
      label: { en: "Empowerment" },
      description: { en: "The person takes ownership of their condition and makes the decisions, with support that builds their confidence." },
      synonyms: ["empower", "empowers", "empowered", "empowering", "ownership", "take control", "taking control", "in control", "driving seat", "self-efficacy", "their own choices", "own decisions"],
    },
    {
      id: "communication",
      label: { en: "Communication" },
      description: { en: "Talking and listening clearly and without judgement, between the person and everyone who supports them." },
      synonyms: ["communication", "communicate", "communicating", "listen", "listening", "listened", "non-judgemental", "non-judgmental", "without judgement", "without judgment", "plain language", "plain words", "clear information"],
    },
    {
      id: "quality-service",
      label: { en: "Quality service" },
      description: { en: "A service that is proactive and flexible, and gives the right support when the person needs it." },
      synonyms: ["quality service", "good service", "proactive", "flexible", "flexibility", "responsive", "right support at the right time", "when they need it"],
    },
    {
      id: "partnership-working",
      label: { en: "Partnership working" },
      description: { en: "The person and practitioners working together as partners to take down the barriers in the way." },
      synonyms: ["partnership", "partnerships", "partnership working", "partners", "collaboration", "collaborate", "collaborative", "working together", "work together", "joint working", "equal partner"],
    },
  ],
  techniqueStages: [
    { id: "before", label: { en: "Before a meeting" }, description: { en: "Preparing, so that the support given is better informed and more accurate." } },
    { id: "during", label: { en: "During a meeting" }, description: { en: "What practitioners do with the person while they meet." } },
  ],
  techniques: [
    {
      id: "gathering-information",
      group: "before",
      label: { en: "Gathering information" },
      description: { en: "Finding out beforehand about the person's situation and about the support available to them." },
      synonyms: ["gathering information", "gather information", "gathered information", "background information", "find out about", "finding out about", "read the notes", "reading the notes", "do my homework"],
    },
    {
      id: "sharing-good-practice",
      group: "before",
      label: { en: "Sharing good practice" },
      description: { en: "Swapping what works with colleagues, so that good ideas spread." },
      synonyms: ["good practice", "best practice", "sharing practice", "share practice", "sharing ideas", "share ideas", "bouncing ideas", "what works"],
    },
    {
      id: "training",
      group: "before",
      label: { en: "Training" },
      description: { en: "Courses and learning that keep practitioners' knowledge and skills up to date." },
      synonyms: ["training", "trained", "course", "courses", "cpd", "professional development", "learning session", "e-learning", "upskilling"],
    },
    {
      id: "building-networks",
      group: "before",
      label: { en: "Building networks" },
      description: { en: "Getting to know people in other teams, services and community groups, so that the person can be connected to them." },
      synonyms: ["network", "networks", "networking", "building networks", "contacts", "new connections", "building links", "make links", "making links"],
    },
    {
      id: "screening-tools",
      group: "during",
      label: { en: "Screening tools" },
      description: { en: "Structured questions or tools that help spot what matters and what support might help." },
      synonyms: ["screening", "screening tool", "screening tools", "screen", "assessment tool", "questionnaire", "questionnaires", "checklist"],
    },
    {
      id: "signposting",
      group: "during",
      label: { en: "Signposting" },
      description: { en: "Pointing the person to support in their community, or handing them over to it." },
      synonyms: ["signpost", "signposts", "signposting", "signposted", "point them to", "pointed them to", "referral", "referrals", "refer", "referred", "local support"],
    },
    {
      id: "setting-realistic-goals",
      group: "during",
      label: { en: "Setting realistic goals" },
      description: { en: "Agreeing goals with the person that are their own and within reach, often as small steps." },
      synonyms: ["realistic goals", "realistic goal", "achievable goals", "achievable goal", "goal setting", "setting goals", "set goals", "small steps", "smart goals", "action plan"],
    },
  ],
  challengeAreas: [
    { id: "system", label: { en: "The system" }, description: { en: "How services are organised, staffed and paid for." } },
    { id: "person", label: { en: "The person using the service" }, description: { en: "What the person brings to the meeting, seen from the practitioner's side." } },
    { id: "circumstances", label: { en: "Other circumstances" }, description: { en: "Other things that make support harder for both sides." } },
  ],
  challenges: [
    {
      id: "hierarchy",
      group: "system",
      label: { en: "Hierarchy" },
      description: { en: "Top-down structures where decisions and permission sit far from the practitioner and the person." },
      synonyms: ["hierarchy", "hierarchies", "hierarchical", "top down", "top-down", "chain of command", "management structure", "need permission", "sign off"],
    },
    {
      id: "time",
      group: "system",
      label: { en: "Time" },
      description: { en: "Too little time with each person, and caseloads that leave no room to do more." },
      synonyms: ["no time", "not enough time", "lack of time", "short of time", "time pressure", "time pressures", "pressed for time", "short appointments", "caseload", "caseloads", "workload"],
    },
    {
      id: "funding",
      group: "system",
      label: { en: "Funding" },
      description: { en: "Budgets and resources that limit what a service can offer." },
      synonyms: ["funding", "funded", "underfunded", "budget", "budgets", "cuts", "lack of resources", "no money", "short-term funding"],
    },
    {
      id: "engagement",
      group: "person",
      label: { en: "Engagement" },
      description: { en: "The person finds it hard to take part, or stops coming." },
      synonyms: ["engagement", "not engaging", "disengaged", "disengage", "did not attend", "missed appointments", "dropped out", "hard to reach"],
    },
    {
      id: "unrealistic-goals",
      group: "person",
      label: { en: "Unrealistic goals" },
      description: { en: "Goals that are out of reach for now, which can leave the person disheartened." },
      synonyms: ["unrealistic goals", "unrealistic goal", "unrealistic expectations", "too ambitious", "expect too much", "out of reach"],
    },
    {
      id: "reluctance-to-be-helped",
      group: "person",
      label: { en: "Reluctance to be helped" },
      description: { en: "The person does not want support, or is wary of accepting it." },
      synonyms: ["reluctant", "reluctance", "refuse help", "refused help", "refuses help", "turn down support", "turned down support", "does not want help", "doesn't want help", "don't want help"],
    },
    {
      id: "competing-priorities",
      group: "circumstances",
      label: { en: "Competing priorities" },
      description: { en: "Other demands on the person or the practitioner that push self management down the list." },
      synonyms: ["competing priorities", "other priorities", "priorities", "juggling", "other demands", "too much going on"],
    },
    {
      id: "building-trust",
      group: "circumstances",
      label: { en: "Building trust" },
      description: { en: "Trust between the person and the practitioner takes time to grow, and can be hard to win." },
      synonyms: ["trust", "trusting", "build trust", "building trust", "rapport", "mistrust", "distrust", "wary of services"],
    },
    {
      id: "condition-knowledge",
      group: "circumstances",
      label: { en: "Knowledge of a condition" },
      description: { en: "Not knowing enough about a particular condition to give confident support." },
      synonyms: ["knowledge of the condition", "knowledge of a condition", "lack of knowledge", "unfamiliar condition", "rare condition", "specialist knowledge", "not an expert"],
    },
  ],
  solutions: [
    {
      id: "working-with-colleagues",
      label: { en: "Working with colleagues" },
      description: { en: "Working alongside colleagues and learning from one another." },
      synonyms: ["colleagues", "colleague", "my team", "our team", "learning from each other", "learn from each other", "learning from one another", "supervision", "peer support for staff"],
    },
    {
      id: "working-across-services",
      label: { en: "Working across services" },
      description: { en: "Joining up with other services and organisations so the person does not fall between them." },
      synonyms: ["across services", "other services", "joined up", "joined-up", "multi-agency", "multiagency", "partner organisations", "third sector", "integrated working"],
    },
    {
      id: "managing-expectations",
      label: { en: "Managing expectations" },
      description: { en: "Being honest from the start about what is possible, and agreeing it with the person." },
      synonyms: ["manage expectations", "managing expectations", "managed expectations", "realistic expectations", "set expectations", "setting expectations", "what is possible", "be honest about"],
    },
    {
      id: "person-centred-communication",
      label: { en: "Open, person-centred communication" },
      description: { en: "Open conversations that start from what matters to the person." },
      synonyms: ["person centred", "person-centred", "person centered", "open conversation", "open conversations", "open communication", "what matters to them", "what matters to you", "what matters to the person"],
    },
  ],
};
