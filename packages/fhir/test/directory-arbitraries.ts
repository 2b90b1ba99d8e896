// Generated organisations and locations that pass their validators: official identifiers with
// and without schemes, parents, web and email contacts; physical, postal and virtual places,
// positions, accessibility notes, external identifiers, and confidential places that have only a
// masked area.
import fc from "fast-check";
import { AccessibilityFeature, type Location, type Organisation } from "@selfmanage/signposting";
import { identifier, text } from "./arbitraries";

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** Organisations that pass validateOrganisation. */
export const organisationArbitrary: fc.Arbitrary<Organisation> = fc
  .record({
    id: identifier,
    name: text,
    description: optional(text),
    email: optional(fc.constantFrom("hello@example.org", "info@peer-network.example")),
    website: optional(fc.constantFrom("https://example.org", "https://peer-network.example/about")),
    logo: optional(fc.constant("https://example.org/logo.png")),
    parentOrganisationId: optional(identifier),
    identifiers: optional(
      fc.array(fc.record({ scheme: optional(fc.constantFrom("GB-SC", "GB-COH")), type: fc.constantFrom("Scottish charity number", "Company number"), value: fc.stringMatching(/^(SC|0)\d{6}$/) }).map(defined), { minLength: 1, maxLength: 3 }),
    ),
  })
  .map((organisation) => defined(organisation) as Organisation);

const accessibility = fc
  .record({
    features: fc.uniqueArray(fc.constantFrom(...AccessibilityFeature.options), { maxLength: 3 }),
    description: optional(text),
    details: optional(text),
    url: optional(fc.constant("https://example.org/access")),
  })
  .map(defined)
  .filter((note) => note.features.length > 0 || Object.keys(note).length > 1);

const address = fc
  .record({
    line1: text,
    line2: optional(text),
    city: fc.constantFrom("Stirling", "Inverness", "Dùn Èideann"),
    region: optional(fc.constantFrom("Highland", "Stirling")),
    stateProvince: optional(fc.constant("Scotland")),
    postcode: fc.constantFrom("FK8 2ET", "IV2 3JH", "EH1 1YZ"),
    country: fc.constant("GB"),
    attention: optional(text),
  })
  .map(defined);

/** Locations that pass validateLocation. */
export const locationArbitrary: fc.Arbitrary<Location> = fc
  .record({
    id: identifier,
    kind: fc.constantFrom("physical" as const, "postal" as const, "virtual" as const),
    name: optional(text),
    description: optional(text),
    address: optional(address),
    position: optional(fc.record({ latitude: fc.integer({ min: 54_600_000, max: 60_800_000 }).map((value) => value / 1_000_000), longitude: fc.integer({ min: -8_600_000, max: -700_000 }).map((value) => value / 1_000_000) })),
    url: optional(fc.constant("https://meet.example.org/group")),
    confidential: fc.constantFrom(undefined, false, true),
    maskedAddress: optional(
      fc.record({ locality: optional(fc.constantFrom("Perth", "Stirling")), postcodeDistrict: optional(fc.constantFrom("PH1", "FK8")), region: optional(fc.constant("Tayside")) }).map(defined).filter((masked) => Object.keys(masked).length > 0),
    ),
    accessibility: optional(fc.array(accessibility, { minLength: 1, maxLength: 2 })),
    externalIdentifier: optional(fc.record({ type: fc.constant("UPRN"), value: fc.stringMatching(/^\d{6,12}$/) })),
  })
  .map((drawn): Location => {
    const confidential = drawn.confidential === true;
    // A confidential place holds a masked area and no full address.
    const maskedAddress = confidential ? (drawn.maskedAddress ?? { locality: "Perth" }) : drawn.maskedAddress;
    return defined({
      id: drawn.id,
      kind: drawn.kind,
      name: drawn.name,
      description: drawn.description,
      address: confidential ? undefined : drawn.address,
      latitude: drawn.position?.latitude,
      longitude: drawn.position?.longitude,
      url: drawn.url,
      confidential: drawn.confidential,
      maskedAddress,
      accessibility: drawn.accessibility,
      externalIdentifier: drawn.externalIdentifier,
    }) as Location;
  });
