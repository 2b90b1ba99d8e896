import { agreementScale, type Role } from "@selfmanage/core";
import type { Assessment, Rating, Respondent, StageInvolvement } from "../src/assessment";
import type { SideAssignment } from "../src/sides";
import type { Framework } from "../src/framework";

/** A small framework for hand-computed tests: P1 has indicators a and b; P2 has c, worded the other way round. */
export const miniFramework: Framework = {
  id: "mini",
  title: { en: "Mini framework" },
  scale: agreementScale,
  principles: [
    {
      id: "p1",
      title: { en: "First" },
      indicators: [
        { id: "a", statement: { en: "Statement a." } },
        { id: "b", statement: { en: "Statement b." } },
      ],
    },
    { id: "p2", title: { en: "Second" }, indicators: [{ id: "c", statement: { en: "Statement c." }, reverse: true }] },
  ],
};

/** One respondent and their answers, by indicator id. */
export interface Person {
  id: string;
  perspective: Role;
  answers: Record<string, string>;
}

/** Many respondents of one perspective who all give the same answers. */
export function crowd(prefix: string, perspective: Role, size: number, answers: Record<string, string>): Person[] {
  return Array.from({ length: size }, (_, index) => ({ id: `${prefix}-${index + 1}`, perspective, answers }));
}

/** Put people and involvement together as an assessment. */
export function assemble(people: readonly Person[], options: { id?: string; framework?: string; date?: string; involvement?: StageInvolvement[]; partnershipSides?: SideAssignment } = {}): Assessment {
  const respondents: Respondent[] = people.map((person) => ({ id: person.id, perspective: person.perspective }));
  const ratings: Rating[] = people.flatMap((person) =>
    Object.entries(person.answers).map(([indicatorId, option]) => ({ respondentId: person.id, indicatorId, option })),
  );
  return {
    id: options.id ?? "assessment-1",
    initiative: "peer-hub",
    framework: options.framework ?? "mini",
    date: options.date ?? "2026-04-01",
    respondents,
    ratings,
    involvement: options.involvement ?? [],
    ...(options.partnershipSides === undefined ? {} : { partnershipSides: options.partnershipSides }),
  };
}

/** The hand-computed example used across the tests (values in comments are on 0-100). */
export const handWorked: Person[] = [
  // a: 100, b: 75, c: disagree 25 reversed to 75
  { id: "p-1", perspective: "person", answers: { a: "strongly-agree", b: "agree", c: "disagree" } },
  // a: 75, b: excluded, c: 0 reversed to 100
  { id: "p-2", perspective: "person", answers: { a: "agree", b: "dont-know", c: "strongly-disagree" } },
  // a: 50, b: 75, c: 75 reversed to 25
  { id: "s-1", perspective: "practitioner", answers: { a: "neutral", b: "agree", c: "agree" } },
  // a: 25, b: 50, c: excluded
  { id: "s-2", perspective: "practitioner", answers: { a: "disagree", b: "neutral", c: "not-applicable" } },
  // a: 0, b: 100, c: 50
  { id: "s-3", perspective: "practitioner", answers: { a: "strongly-disagree", b: "strongly-agree", c: "neutral" } },
];
