import { agreementScale } from "@selfmanage/core";
import type { Framework } from "../framework";

function statements(principleId: string, texts: readonly string[]): Framework["principles"][number]["indicators"] {
  return texts.map((text, index) => ({ id: `${principleId}-${index + 1}`, statement: { en: text } }));
}

/**
 * The NEF six principles as data; published as `nefPrinciplesFramework`.
 *
 * @example
 * ```ts
 * nefPrinciples.principles.length;
 * ```
 */
export const nefPrinciples: Framework = {
  id: "nef-six-principles",
  version: "1.0.0",
  title: { en: "Six principles of co-production" },
  description: {
    en: "The six principles set out by the New Economics Foundation, each with statements a team can rate to see how far an initiative lives up to it.",
  },
  source: "New Economics Foundation, six principles of co-production (statements written for this toolkit).",
  scale: agreementScale,
  principles: [
    {
      id: "assets",
      title: { en: "Assets" },
      description: { en: "People who use services are partners with something to offer in design and delivery, not passive recipients." },
      indicators: statements("assets", [
        "People who use the service are treated as bringing skills and knowledge the service needs.",
        "People who use the service helped decide what the service offers.",
        "The service starts from what people can do rather than from what they cannot.",
        "Knowing what it is like to live with a condition counts as much as professional training.",
      ]),
    },
    {
      id: "capacity",
      title: { en: "Building on capacity" },
      description: { en: "The service notices and grows what people are able to do, instead of starting from their deficits." },
      indicators: statements("capacity", [
        "Taking part gives people chances to learn new skills.",
        "People can take on bigger roles as their confidence grows.",
        "The service finds out what people are good at before asking what they need.",
        "Taking part has helped people do things they did not expect to manage.",
      ]),
    },
    {
      id: "mutuality",
      title: { en: "Mutuality and reciprocity" },
      description: { en: "Everyone gives and receives: responsibilities and expectations are shared, and there are several reasons to take part." },
      indicators: statements("mutuality", [
        "Everyone involved both contributes something and gets something back.",
        "Roles, responsibilities and expectations were agreed together.",
        "People are thanked or rewarded for their time in ways that suit them.",
        "Staff and people who use the service depend on each other to make things work.",
      ]),
    },
    {
      id: "networks",
      title: { en: "Peer support networks" },
      description: { en: "Peer and personal networks work alongside professionals as ways of sharing knowledge and support." },
      indicators: statements("networks", [
        "The service helps people meet others who share their experience.",
        "People are linked to groups and support in their community, not only to professionals.",
        "Knowledge passes between people in every direction, not just from staff to people.",
        "Family, friends and neighbours are welcome to be part of the support.",
      ]),
    },
    {
      id: "blurring-roles",
      title: { en: "Blurring roles" },
      description: { en: "The fixed line between professionals and the people they serve is taken down, and roles are shared." },
      indicators: statements("blurring-roles", [
        "When we work together, it is hard to tell who is staff and who uses the service.",
        "People who use the service lead sessions or activities.",
        "Staff bring their own experience where it helps, not only their job title.",
        "Decisions are made by everyone around the table rather than by professionals alone.",
      ]),
    },
    {
      id: "catalysts",
      title: { en: "Facilitating rather than delivering" },
      description: { en: "The service acts as a catalyst that makes things possible, rather than being the main provider." },
      indicators: statements("catalysts", [
        "The service helps people and groups to do things for themselves.",
        "Staff see their job as making things possible rather than doing things for people.",
        "Activities the service started carry on without staff in charge.",
        "The service hands over resources and control when people are ready.",
      ]),
    },
  ],
};
