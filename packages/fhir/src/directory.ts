import type { Location, Organisation } from "@selfmanage/signposting";
import { fhirCodes } from "./codes";
import { identifierValue, referencedId } from "./common";
import { fhirId } from "./ids";
import { subNodes, subValue, type FhirNode } from "./reader";
import { compact, complexExtension, extension, list, optionalComplexExtension, recordReference, type FhirResource } from "./resource";

const X = fhirCodes.extensions;
const I = fhirCodes.identifiers;

/**
 * An organisation as a FHIR R4 `Organization`: name, email and website as `telecom`, the parent as
 * `partOf`, official identifiers as `identifier`s (their scheme in the organisation-details extension).
 *
 * @example
 * ```ts
 * organisationToFhir({ id: "org-1", name: "Fictional Peer Network" }).resourceType; // "Organization"
 * ```
 */
export function organisationToFhir(organisation: Organisation): FhirResource {
  const schemes = (organisation.identifiers ?? []).map((entry, index) => (entry.scheme === undefined ? undefined : complexExtension("scheme", [extension("index", "valueInteger", index), extension("value", "valueString", entry.scheme)])));
  const details = list([extension("description", "valueString", organisation.description), extension("logo", "valueUrl", organisation.logo), ...schemes]);
  return compact({
    resourceType: "Organization",
    id: fhirId(organisation.id),
    extension: details === undefined ? undefined : [complexExtension(X.organisationDetails.url, details)],
    identifier: [{ system: I.organisation, value: organisation.id }, ...(organisation.identifiers ?? []).map((entry) => ({ type: { text: entry.type }, value: entry.value }))],
    name: organisation.name,
    telecom: list([organisation.email === undefined ? undefined : { system: "email", value: organisation.email }, organisation.website === undefined ? undefined : { system: "url", value: organisation.website }]),
    partOf: organisation.parentOrganisationId === undefined ? undefined : recordReference("Organization", I.organisation, organisation.parentOrganisationId),
  });
}

function telecom(node: FhirNode, system: string): string | undefined {
  const match = node.nodes("telecom").find((entry) => entry.value.system === system);
  if (match === undefined) return undefined;
  match.skip("system", "use", "rank");
  return match.string("value", true);
}

/**
 * Read an `Organization` back into a directory organisation.
 *
 * @example
 * ```ts
 * const organisation = readOrganisation(node);
 * ```
 */
export function readOrganisation(node: FhirNode): Organisation | undefined {
  node.skip("active", "type", "alias");
  const id = identifierValue(node, I.organisation) ?? (typeof node.value.id === "string" ? node.value.id : undefined);
  const name = node.string("name", true);
  const [details] = node.extensions(X.organisationDetails.url);
  const description = details === undefined ? undefined : subValue(details, "description", "valueString");
  const logo = details === undefined ? undefined : subValue(details, "logo", "valueUrl");
  const schemes = new Map<number, string>();
  for (const scheme of details === undefined ? [] : subNodes(details, "scheme")) {
    const index = subValue(scheme, "index", "valueInteger");
    const value = subValue(scheme, "value", "valueString");
    if (typeof index === "number" && typeof value === "string") schemes.set(index, value);
  }
  const identifiers = node.nodes("identifier").flatMap((entry) => {
    if (entry.value.system === I.organisation) return [];
    entry.skip("use", "system");
    const type = entry.node("type")?.string("text");
    const value = entry.string("value", true);
    return value === undefined ? [] : [{ type: type ?? (typeof entry.value.system === "string" ? entry.value.system : "identifier"), value }];
  });
  const email = telecom(node, "email");
  const website = telecom(node, "url");
  const parent = referencedId(node.node("partOf"), I.organisation);
  if (id === undefined || name === undefined) return undefined;
  return {
    id,
    name,
    ...(typeof description === "string" ? { description } : {}),
    ...(email === undefined ? {} : { email }),
    ...(website === undefined ? {} : { website }),
    ...(typeof logo === "string" ? { logo } : {}),
    ...(parent === undefined ? {} : { parentOrganisationId: parent }),
    ...(identifiers.length === 0 ? {} : { identifiers: identifiers.map((entry, index) => ({ ...(schemes.has(index) ? { scheme: schemes.get(index) as string } : {}), ...entry })) }),
  };
}

/**
 * A location as a FHIR R4 `Location`: its address, its position (latitude and longitude), an
 * online location's URL as `telecom`, an external identifier (such as a UPRN) as `identifier`.
 * A confidential location (a refuge, say) is written as its masked area only: no street address,
 * no position, and the security label `R` (restricted).
 *
 * @example
 * ```ts
 * locationToFhir({ id: "refuge", kind: "physical", confidential: true, maskedAddress: { locality: "Perth" } }).position; // undefined
 * ```
 */
export function locationToFhir(location: Location): FhirResource {
  const confidential = location.confidential === true;
  const masked = location.maskedAddress;
  const address = location.address;
  const details = [
    extension("kind", "valueCode", location.kind),
    extension("confidential", "valueBoolean", location.confidential),
    masked === undefined
      ? undefined
      : optionalComplexExtension("maskedAddress", [extension("locality", "valueString", masked.locality), extension("postcodeDistrict", "valueString", masked.postcodeDistrict), extension("region", "valueString", masked.region)]),
    ...(location.accessibility ?? []).map((note) =>
      optionalComplexExtension("accessibility", [
        ...note.features.map((feature) => ({ url: "feature", valueCoding: { system: fhirCodes.systems.accessibilityFeature, code: feature } })),
        extension("description", "valueString", note.description),
        extension("details", "valueString", note.details),
        extension("url", "valueUrl", note.url),
      ]),
    ),
    extension("attention", "valueString", address?.attention),
  ];
  const shownAddress = confidential
    ? masked === undefined
      ? undefined
      : compact({ city: masked.locality, district: masked.region, postalCode: masked.postcodeDistrict })
    : address === undefined
      ? undefined
      : compact({ line: list([address.line1, address.line2]), city: address.city, district: address.region, state: address.stateProvince, postalCode: address.postcode, country: address.country });
  return compact({
    resourceType: "Location",
    id: fhirId(location.id),
    meta: confidential ? { security: [{ ...fhirCodes.restricted }] } : undefined,
    extension: [complexExtension(X.locationDetails.url, details)],
    identifier: [
      { system: I.location, value: location.id },
      ...(location.externalIdentifier === undefined ? [] : [{ type: { text: location.externalIdentifier.type }, value: location.externalIdentifier.value }]),
    ],
    status: "active",
    name: location.name,
    description: location.description,
    mode: "instance",
    telecom: location.url === undefined ? undefined : [{ system: "url", value: location.url }],
    address: shownAddress === undefined || Object.keys(shownAddress).length === 0 ? undefined : shownAddress,
    position: confidential || location.latitude === undefined || location.longitude === undefined ? undefined : { longitude: location.longitude, latitude: location.latitude },
  });
}

/**
 * Read a `Location` back into a directory location. A location marked restricted, or confidential
 * in our extension, is read as confidential; its address is then its masked area.
 *
 * @example
 * ```ts
 * const location = readLocation(node);
 * ```
 */
export function readLocation(node: FhirNode): Location | undefined {
  node.skip("status", "mode", "operationalStatus", "physicalType", "type", "alias", "managingOrganization", "partOf", "hoursOfOperation", "availabilityExceptions");
  const meta = node.node("meta");
  meta?.skip("lastUpdated", "versionId", "profile", "tag");
  const restricted = (meta?.nodes("security") ?? []).some((label) => {
    label.skip("system", "code", "display");
    return label.value.code === fhirCodes.restricted.code && label.value.system === fhirCodes.restricted.system;
  });
  const id = identifierValue(node, I.location) ?? (typeof node.value.id === "string" ? node.value.id : undefined);
  const [details] = node.extensions(X.locationDetails.url);
  const kind = (details === undefined ? undefined : subValue(details, "kind", "valueCode")) ?? "physical";
  const confidentialFlag = details === undefined ? undefined : subValue(details, "confidential", "valueBoolean");
  const confidential = typeof confidentialFlag === "boolean" ? confidentialFlag : restricted ? true : undefined;
  const [maskedNode] = details === undefined ? [] : subNodes(details, "maskedAddress");
  const maskedAddress =
    maskedNode === undefined
      ? undefined
      : compactText({ locality: subValue(maskedNode, "locality", "valueString"), postcodeDistrict: subValue(maskedNode, "postcodeDistrict", "valueString"), region: subValue(maskedNode, "region", "valueString") });
  const accessibility = (details === undefined ? [] : subNodes(details, "accessibility")).map((note) => {
    const features = subNodes(note, "feature").flatMap((feature) => {
      const coding = feature.node("valueCoding", true);
      coding?.skip("system", "display");
      const code = coding?.string("code", true);
      return code === undefined ? [] : [code];
    });
    return { features, ...compactText({ description: subValue(note, "description", "valueString"), details: subValue(note, "details", "valueString"), url: subValue(note, "url", "valueUrl") }) };
  });
  const attention = details === undefined ? undefined : subValue(details, "attention", "valueString");
  const addressNode = node.node("address");
  addressNode?.skip("use", "type", "text", "period");
  const lines = addressNode?.strings("line") ?? [];
  const city = addressNode?.string("city");
  const region = addressNode?.string("district");
  const state = addressNode?.string("state");
  const postcode = addressNode?.string("postalCode");
  const country = addressNode?.string("country");
  const position = node.node("position");
  position?.skip("altitude");
  const latitude = position?.decimal("latitude", true);
  const longitude = position?.decimal("longitude", true);
  const url = telecom(node, "url");
  const external = node.nodes("identifier").find((entry) => entry.value.system !== I.location);
  external?.skip("system", "use");
  const externalType = external?.node("type")?.string("text");
  const externalValue = external?.string("value", true);
  const name = node.string("name");
  const description = node.string("description");
  if (id === undefined) {
    node.problem("identifier", "required", "A location needs an identifier (or a resource id).");
    return undefined;
  }
  const address =
    confidential === true || addressNode === undefined
      ? undefined
      : {
          line1: lines[0] ?? "",
          ...(lines[1] === undefined ? {} : { line2: lines[1] }),
          city: city ?? "",
          ...(region === undefined ? {} : { region }),
          ...(state === undefined ? {} : { stateProvince: state }),
          postcode: postcode ?? "",
          country: country ?? "",
          ...(typeof attention === "string" ? { attention } : {}),
        };
  const foreignMasked = confidential === true && maskedAddress === undefined && addressNode !== undefined ? compactText({ locality: city, postcodeDistrict: postcode, region }) : undefined;
  return {
    id,
    kind: kind as Location["kind"],
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
    ...(address === undefined ? {} : { address }),
    ...(latitude === undefined || longitude === undefined || confidential === true ? {} : { latitude, longitude }),
    ...(url === undefined ? {} : { url }),
    ...(confidential === undefined ? {} : { confidential }),
    ...((maskedAddress ?? foreignMasked) === undefined ? {} : { maskedAddress: (maskedAddress ?? foreignMasked) as NonNullable<Location["maskedAddress"]> }),
    ...(accessibility.length === 0 ? {} : { accessibility: accessibility as NonNullable<Location["accessibility"]> }),
    ...(externalValue === undefined ? {} : { externalIdentifier: { type: externalType ?? "identifier", value: externalValue } }),
  };
}

/**
 * The entries of a record whose value is a string (the others are left out).
 *
 * @example
 * ```ts
 * compactText({ a: "x", b: undefined }); // { a: "x" }
 * ```
 */
export function compactText(record: Record<string, unknown>): Record<string, string> | undefined {
  const kept = Object.fromEntries(Object.entries(record).filter(([, value]) => typeof value === "string")) as Record<string, string>;
  return Object.keys(kept).length === 0 ? undefined : kept;
}
