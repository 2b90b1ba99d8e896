// Generated toolkit records for the round-trip properties. Text is printable and never blank,
// as FHIR strings must be; optional lists and objects are either absent or non-empty, because
// FHIR has no empty elements (the guide says so).
import fc from "fast-check";
import { Role } from "@selfmanage/core";
import { AchievementStatus, LifeArea, LifecycleStatus, type Goal } from "@selfmanage/goals";
import { signpostingCodes, type Service, type SignpostingEvent } from "@selfmanage/signposting";

const word = fc.stringMatching(/^[A-Za-z][A-Za-z'-]{0,11}$/);
export const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(" "));
export const identifier = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _:/-]{0,40}[A-Za-z0-9]$/));
const day = fc.integer({ min: 0, max: 3000 }).map((offset) => new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
const role = fc.constantFrom(...Role.options);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const nonEmpty = <T>(arbitrary: fc.Arbitrary<T>, maxLength = 3) => optional(fc.array(arbitrary, { minLength: 1, maxLength }));

function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

const gasScale = fc.record({
  baseline: optional(fc.constantFrom(-2, -1) as fc.Arbitrary<-2 | -1>),
  weighted: fc.boolean(),
  importance: fc.integer({ min: 0, max: 3 }),
  difficulty: fc.integer({ min: 0, max: 3 }),
  worse: fc.boolean(),
  descriptions: fc.array(text, { minLength: 6, maxLength: 6 }),
});

/** Goals that pass validateGoal: no history (so the achievement status comes from reviews only). */
export const goalArbitrary: fc.Arbitrary<Goal> = fc
  .record({
    id: identifier,
    person: fc.stringMatching(/^person-[a-f0-9]{6}$/),
    ownWords: text,
    summary: optional(text),
    lifeArea: fc.constantFrom(...LifeArea.options),
    expressedBy: role,
    supports: nonEmpty(fc.record({ description: text, role: optional(role), reference: optional(identifier) }).map(defined)),
    barriers: nonEmpty(text),
    links: nonEmpty(
      fc.oneof(
        fc.record({ kind: fc.constantFrom("condition" as const, "need" as const, "service" as const, "goal" as const, "other" as const), description: text, reference: optional(identifier) }).map(defined),
        fc.record({ kind: fc.constantFrom("condition" as const, "need" as const, "other" as const), coding: fc.record({ system: fc.constant("http://snomed.info/sct"), code: fc.stringMatching(/^[1-9]\d{5,9}$/) }) }),
      ),
    ),
    smart: optional(fc.record({ targetActivity: optional(text), supportNeeded: optional(text), measure: optional(text), timePeriod: optional(text), targetDate: optional(day) }).map(defined)),
    readiness: optional(fc.record({ importance: fc.integer({ min: 0, max: 10 }), confidence: optional(fc.integer({ min: 0, max: 10 })), recordedOn: optional(day) }).map(defined)),
    steps: nonEmpty(fc.record({ description: text, role, reference: optional(identifier), dueDate: optional(day), status: fc.constantFrom("to-do" as const, "done" as const, "dropped" as const) })),
    reviews: nonEmpty(
      fc.record({
        progress: text,
        rating: optional(fc.integer({ min: 0, max: 10 })),
        whatHelped: optional(text),
        whatGotInTheWay: optional(text),
        nextStep: optional(text),
        achievementStatus: optional(fc.constantFrom(...AchievementStatus.options)),
        gasLevel: optional(fc.constantFrom(-2, -1, 0, 1, 2) as fc.Arbitrary<-2 | -1 | 0 | 1 | 2>),
        recorder: optional(role),
      }),
    ),
    nextReviewDue: optional(day),
    gas: optional(gasScale),
    lifecycleStatus: fc.constantFrom(...LifecycleStatus.options),
  })
  .map((drawn): Goal => {
    const created = { recordedBy: "practitioner-12", role: "practitioner" as const, recordedAt: "2020-01-01T09:00:00Z" };
    const reviews = drawn.reviews?.map((review, index) =>
      defined({
        date: new Date(Date.UTC(2020, 0, 2 + index)).toISOString().slice(0, 10),
        progress: review.progress,
        rating: review.rating,
        whatHelped: review.whatHelped,
        whatGotInTheWay: review.whatGotInTheWay,
        nextStep: review.nextStep,
        achievementStatus: review.achievementStatus,
        gasLevel: drawn.gas === undefined ? undefined : review.gasLevel,
        provenance: review.recorder === undefined ? undefined : { recordedBy: "someone-1", role: review.recorder, recordedAt: "2020-01-05T10:00:00+01:00" },
      }),
    );
    const latest = [...(reviews ?? [])].reverse().find((review) => review.achievementStatus !== undefined)?.achievementStatus;
    const levels = [-3, -2, -1, 0, 1, 2] as const;
    const gas =
      drawn.gas === undefined
        ? undefined
        : defined({
            levels: levels.filter((level) => level !== -3 || drawn.gas?.worse === true).map((level, index) => ({ level, description: drawn.gas?.descriptions[index] as string })),
            baseline: drawn.gas.baseline,
            importance: drawn.gas.weighted ? drawn.gas.importance : undefined,
            difficulty: drawn.gas.weighted ? drawn.gas.difficulty : undefined,
          });
    return defined({
      id: drawn.id,
      person: drawn.person,
      ownWords: drawn.ownWords,
      summary: drawn.summary,
      lifeArea: drawn.lifeArea,
      expressedBy: drawn.expressedBy,
      supports: drawn.supports,
      barriers: drawn.barriers,
      links: drawn.links,
      smart: drawn.smart === undefined || Object.keys(drawn.smart).length === 0 ? undefined : drawn.smart,
      readiness: drawn.readiness,
      steps: drawn.steps?.map((step, index) =>
        defined({ id: `step-${index}`, description: step.description, owner: defined({ role: step.role, reference: step.reference }), dueDate: step.dueDate, status: step.status, completedOn: step.status === "done" ? "2020-01-03" : undefined }),
      ),
      reviews,
      nextReviewDue: drawn.nextReviewDue,
      gas,
      lifecycleStatus: drawn.lifecycleStatus,
      achievementStatus: latest,
      created,
    }) as Goal;
  });

const categories = signpostingCodes.categories.map((entry) => entry.code);

/** Services that pass validateService. */
export const serviceArbitrary: fc.Arbitrary<Service> = fc
  .record({
    id: identifier,
    organisationId: optional(identifier),
    name: text,
    description: optional(text),
    url: optional(fc.constant("https://example.org/service")),
    email: optional(fc.constant("hello@example.org")),
    status: fc.constantFrom("active" as const, "inactive" as const, "defunct" as const, "temporarily-closed" as const),
    categories: fc.uniqueArray(fc.constantFrom(...categories), { maxLength: 3 }),
    classifications: nonEmpty(fc.record({ system: fc.constant("https://example.org/taxonomy"), code: fc.stringMatching(/^[a-z]{1,8}$/), display: optional(text) }).map(defined)),
    eligibility: optional(fc.record({ minimumAge: optional(fc.integer({ min: 0, max: 20 })), maximumAge: optional(fc.integer({ min: 21, max: 120 })), communityGroups: nonEmpty(fc.constantFrom("unpaid-carers" as const, "veterans" as const)), description: optional(text) }).map(defined).filter((value) => Object.keys(value).length > 0)),
    cost: optional(fc.record({ kind: optional(fc.constantFrom("free" as const, "discounted" as const, "paid" as const)), options: nonEmpty(fc.record({ label: optional(text), amount: optional(fc.integer({ min: 0, max: 100 })), currency: optional(fc.constant("GBP")), validFrom: optional(day) }).map(defined).filter((value) => Object.keys(value).length > 0)), description: optional(text) }).map(defined).filter((value) => Object.keys(value).length > 0)),
    accessRoutes: nonEmpty(fc.constantFrom("self-referral" as const, "referral" as const, "appointment" as const, "drop-in" as const), 1),
    attending: nonEmpty(fc.constantFrom("in-person" as const, "phone" as const, "online" as const), 1),
    languages: nonEmpty(fc.constantFrom("en", "gd", "cy", "pl"), 1),
    accessibility: nonEmpty(fc.constantFrom("hearing-loop" as const, "bsl" as const), 1),
    locationIds: nonEmpty(identifier),
    areas: nonEmpty(
      fc.oneof(
        fc.record({ kind: fc.constant("national" as const), name: optional(text) }).map(defined),
        fc.record({ kind: fc.constant("council-area" as const), code: fc.constant("S12000036"), name: optional(text) }).map(defined),
        fc.record({ kind: fc.constant("health-board" as const), code: fc.constant("S08000024") }),
        fc.record({ kind: fc.constant("radius" as const), radiusKm: fc.integer({ min: 1, max: 50 }) }),
        fc.record({ kind: fc.constant("described" as const), description: text, name: optional(text) }).map(defined),
      ),
    ),
    hours: optional(
      fc.record({
        weekly: fc.array(fc.record({ day: fc.constantFrom("monday" as const, "sunday" as const), opens: fc.constantFrom("09:00", "13:30"), closes: fc.constantFrom("17:00", "24:00"), validFrom: optional(day) }).map(defined), { maxLength: 3 }),
        exceptions: nonEmpty(fc.record({ date: day, periods: fc.array(fc.record({ opens: fc.constant("10:00"), closes: fc.constant("12:00") }), { maxLength: 1 }), reason: optional(fc.constantFrom("bank-holiday" as const, "closure" as const)), note: optional(text) }).map(defined), 1),
        notes: optional(text),
      })
        .map(defined)
        .filter((hours) => hours.weekly.length > 0 || hours.exceptions !== undefined || hours.notes !== undefined),
    ),
    contacts: nonEmpty(fc.record({ name: optional(text), phone: optional(fc.constant("0131 496 0000")) }).map(defined).filter((value) => Object.keys(value).length > 0)),
    lastReviewed: optional(day),
    lastModified: optional(fc.constant("2026-03-02T10:00:00Z")),
    deprioritised: optional(fc.boolean()),
    alert: optional(text),
    fundingSources: nonEmpty(text),
  })
  .map((service) => defined(service) as Service);

/** Signposting events that pass validateSignpostingEvent. */
export const eventArbitrary: fc.Arbitrary<SignpostingEvent> = fc
  .record({
    id: identifier,
    person: fc.stringMatching(/^person-[a-f0-9]{6}$/),
    organisationId: identifier,
    practitioner: optional(fc.record({ id: identifier, role })),
    needs: fc.array(fc.oneof(fc.record({ category: fc.constantFrom(...categories) }), fc.record({ description: text }), fc.record({ category: fc.constantFrom(...categories), description: text })), { minLength: 1, maxLength: 3 }),
    services: fc.uniqueArray(fc.record({ serviceId: identifier, method: fc.constantFrom("information" as const, "warm-handover" as const, "referral" as const), code: optional(fc.constant({ system: "http://snomed.info/sct", code: "871731000000106" })) }).map(defined), { maxLength: 3, selector: (service) => service.serviceId }),
    given: fc.boolean(),
    withdrawn: fc.boolean(),
    followUps: nonEmpty(fc.record({ outcome: fc.constantFrom("attended" as const, "declined" as const, "unknown" as const), helpful: optional(fc.boolean()), feedback: optional(text) }).map(defined)),
    notes: optional(text),
  })
  .map((drawn): SignpostingEvent => {
    const consent = drawn.given
      ? defined({ given: true, scope: ["share-with-service" as const, "follow-up" as const], recordedAt: "2026-03-01T09:00:00Z", withdrawnAt: drawn.withdrawn ? "2026-04-01T09:00:00Z" : undefined })
      : { given: false, scope: [], recordedAt: "2026-03-01T09:00:00Z" };
    return defined({
      id: drawn.id,
      person: drawn.person,
      occurredAt: "2026-03-02T10:00:00Z",
      organisationId: drawn.organisationId,
      practitioner: drawn.practitioner,
      needs: drawn.needs,
      services: drawn.given ? drawn.services : drawn.services.map((service) => ({ ...service, method: "information" as const })),
      consent,
      followUps: drawn.followUps?.map((followUp) => ({ ...followUp, recordedAt: "2026-03-09T10:00:00Z" })),
      notes: drawn.notes,
    }) as SignpostingEvent;
  });

/** Replace the value at one place of a JSON tree, in place: the `pick`-th key met walking it depth first (modulo their number). */
export function replaceOnePlace(tree: unknown, pick: number, replacement: unknown): void {
  const places: Array<{ parent: Record<string, unknown>; key: string }> = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    for (const key of Object.keys(node)) {
      places.push({ parent: node as Record<string, unknown>, key });
      walk((node as Record<string, unknown>)[key]);
    }
  };
  walk(tree);
  const place = places[pick % places.length];
  if (place !== undefined) place.parent[place.key] = replacement;
}
