import { agreementScale } from "@selfmanage/core";
import type { Framework } from "../framework";

function statements(principleId: string, texts: readonly string[]): Framework["principles"][number]["indicators"] {
  return texts.map((text, index) => ({ id: `${principleId}-${index + 1}`, statement: { en: text } }));
}

/**
 * The five practice pillars as data; published as `practicePillarsFramework`.
 *
 * @example
 * ```ts
 * practicePillars.principles.length;
 * ```
 */
export const practicePillars: Framework = {
  id: "self-management-practice-pillars",
  version: "1.0.0",
  title: { en: "Five pillars of self-management practice" },
  description: {
    en: "Five connected qualities that practitioners reflecting on their work named as what supporting self management looks like in practice.",
  },
  source: "Self Management Reflective Practice sessions, Health and Social Care Alliance Scotland (statements written for this toolkit).",
  scale: agreementScale,
  principles: [
    {
      id: "holistic",
      title: { en: "Holistic" },
      description: { en: "Support looks at the whole person and their circumstances, not only the condition." },
      indicators: statements("holistic", [
        "Support looks at the whole of a person's life, not only their condition.",
        "Money, housing, work and relationships are part of the conversation when they matter to the person.",
        "The person's own priorities shape the support they get.",
        "Support fits around the person's circumstances rather than the service's routine.",
      ]),
    },
    {
      id: "empowerment",
      title: { en: "Empowerment" },
      description: { en: "The person takes ownership: they set the direction and grow in confidence." },
      indicators: statements("empowerment", [
        "People set their own goals.",
        "People come away more confident about managing their health.",
        "People get the information they need to make their own choices.",
        "People can turn support down now without losing the chance of it later.",
      ]),
    },
    {
      id: "communication",
      title: { en: "Communication" },
      description: { en: "Communication is clear, open and free of judgement between everyone involved." },
      indicators: statements("communication", [
        "Staff explain things in plain words.",
        "People feel listened to and not judged.",
        "Information comes in formats and languages that suit each person.",
        "Everyone knows what was agreed and who will do what next.",
      ]),
    },
    {
      id: "quality-service",
      title: { en: "Quality service" },
      description: { en: "The service is proactive and flexible, and has what it needs to support self management well." },
      indicators: statements("quality-service", [
        "Support is there when people need it, not only at fixed times.",
        "The service adapts quickly when things change for a person.",
        "Feedback from people leads to changes they can see.",
        "Staff have the time and training to support self management.",
      ]),
    },
    {
      id: "partnership-working",
      title: { en: "Partnership working" },
      description: { en: "The person, practitioners and other services work together to remove barriers." },
      indicators: statements("partnership-working", [
        "Staff and the person work together as partners.",
        "Services work with each other so that people do not have to repeat their story.",
        "Community and third-sector organisations are part of the support on offer.",
        "Barriers are tackled together rather than left to the person.",
      ]),
    },
  ],
};
