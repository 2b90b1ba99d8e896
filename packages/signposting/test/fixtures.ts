/**
 * A small, fictional directory around a point in Edinburgh. Locations sit due north of the query
 * point, so distances are easy to work out by hand: 0.01 degrees of latitude is
 * 6371 * 0.01 * pi / 180 = 1.111949 km.
 */
import type { Directory, Location, Service } from "../src/directory";
import type { OpeningHours } from "../src/hours";

export const here = { latitude: 55.95, longitude: -3.19 };
export const KM_PER_HUNDREDTH = (6371 * 0.01 * Math.PI) / 180;

const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"] as const;
export const officeHours: OpeningHours = { weekly: weekdays.map((day) => ({ day, opens: "09:00", closes: "17:00" })) };
export const thursdayEvening: OpeningHours = { weekly: [{ day: "thursday", opens: "18:00", closes: "20:00" }] };

export const locations: Location[] = [
  {
    id: "loc-near",
    kind: "physical",
    name: "Example Community Hall",
    address: { line1: "1 Example Street", city: "Edinburgh", postcode: "EH1 1YZ", country: "GB" },
    latitude: 55.96,
    longitude: -3.19,
    accessibility: [{ features: ["hearing-loop", "step-free-access"], description: "Loop in the main hall." }],
  },
  { id: "loc-mid", kind: "physical", name: "Example Park Pavilion", latitude: 55.99, longitude: -3.19 },
  { id: "loc-far", kind: "physical", name: "Example Leith Centre", latitude: 56.05, longitude: -3.19 },
  { id: "loc-refuge", kind: "physical", confidential: true, maskedAddress: { locality: "Edinburgh", postcodeDistrict: "EH7" }, latitude: 55.97, longitude: -3.19 },
  { id: "loc-online", kind: "virtual", url: "https://example.org/join" },
];

const base = { organisationId: "org-1", status: "active" as const };

export const services: Service[] = [
  {
    ...base,
    id: "s1",
    name: "Example Thursday peer group",
    categories: ["peer-support-group"],
    locationIds: ["loc-near"],
    hours: thursdayEvening,
    eligibility: { minimumAge: 18 },
    attending: ["in-person"],
    accessRoutes: ["drop-in"],
    languages: ["en", "gd"],
    lastReviewed: "2026-01-10",
  },
  {
    ...base,
    id: "s2",
    name: "Example peer support walk",
    categories: ["peer-support-group", "physical-activity"],
    locationIds: ["loc-mid"],
    hours: { weekly: [{ day: "thursday", opens: "09:00", closes: "21:00" }] },
    eligibility: { minimumAge: 16, maximumAge: 25 },
    attending: ["in-person"],
    lastReviewed: "2025-06-01",
  },
  { ...base, id: "s3", name: "Example health coaching", description: "One-to-one coaching sessions.", categories: ["health-coaching"], locationIds: ["loc-far"], hours: officeHours },
  { ...base, id: "s4", name: "Example safe space", categories: ["peer-support-one-to-one"], locationIds: ["loc-refuge"], hours: officeHours },
  {
    ...base,
    id: "s5",
    name: "Example national peer line",
    categories: ["peer-support-digital", "peer-support-group"],
    areas: [{ kind: "national", name: "Scotland" }],
    attending: ["phone", "online"],
    locationIds: ["loc-online"],
    hours: { weekly: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((day) => ({ day: day as "monday", opens: "08:00", closes: "22:00" })) },
  },
  { ...base, id: "s6", name: "Example Edinburgh carers centre", categories: ["carers-support"], areas: [{ kind: "council-area", code: "S12000036", name: "City of Edinburgh" }] },
  { ...base, id: "s7", name: "Example overflow peer group", categories: ["peer-support-group"], locationIds: ["loc-near"], deprioritised: true, lastReviewed: "2026-02-01" },
  { ...base, id: "s8", name: "Example closed peer group", status: "inactive", categories: ["peer-support-group"], locationIds: ["loc-near"] },
  { ...base, id: "s9", name: "Example Lothian WRAP course", categories: ["wrap"], areas: [{ kind: "health-board", code: "S08000024" }] },
  { ...base, id: "s10", name: "Example befriending", categories: ["befriending"], locationIds: ["loc-far"], areas: [{ kind: "radius", radiusKm: 15, locationId: "loc-far" }] },
  { ...base, id: "s11", name: "Example older peer group listing", categories: ["peer-support-group"], locationIds: ["loc-near"], lastReviewed: "2024-01-01" },
];

export const directory: Directory = {
  organisations: [{ id: "org-1", name: "Example Peer Network" }],
  locations,
  services,
};
