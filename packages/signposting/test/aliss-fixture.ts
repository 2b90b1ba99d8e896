/**
 * A FICTIONAL ALISS API v4 response, written for these tests. The organisations, services, places
 * and ids are invented; only the shape follows the public ALISS API (`/api/v4/services/`).
 */
export const alissEnvelope = {
  count: 4,
  next: null,
  previous: null,
  data: [
    {
      id: "0b7c1a52-6c1e-4e59-9d7e-3f1a2b4c5d6e",
      name: "Example Wednesday Walking Group",
      description: "A gentle, fictional walk for people living with long-term conditions.",
      url: "https://example.org/walking",
      phone: "0131 496 0000",
      email: "walks@example.org",
      slug: "example-wednesday-walking-group",
      last_updated: "2026-02-11T09:15:00Z",
      organisation: { id: "6a1f0e7d-2b3c-4d5e-8f90-a1b2c3d4e5f6", name: "Example Community Trust", url: "https://example.org", is_claimed: true, phone: "0131 496 0001" },
      categories: [
        { name: "Physical activity", slug: "physical-activity" },
        { name: "Peer support", slug: "peer-support" },
        { name: "Outdoors", slug: "outdoors" },
      ],
      accessibility_features: [{ name: "Wheelchair accessible", slug: "wheelchair-accessible" }, "hearing-loop", { name: "Ramp to stage", slug: "ramp-to-stage" }],
      service_areas: [
        { code: "S12000036", name: "City of Edinburgh", type: "local_authority" },
        { code: "S08000024", name: "Lothian", type: "health_board" },
      ],
      locations: [
        {
          id: "9f8e7d6c-5b4a-4392-8180-7f6e5d4c3b2a",
          name: "Example Park Gates",
          formatted_address: "1 Example Road, Edinburgh, EH1 1YZ",
          street_address: "1 Example Road",
          locality: "Edinburgh",
          region: "City of Edinburgh",
          postal_code: "eh11yz",
          latitude: 55.95,
          longitude: -3.19,
        },
      ],
    },
    {
      id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
      name: "Example Scotland-wide Carers Line",
      organisation: { id: "7b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", name: "Example Carers Network" },
      categories: [{ name: "Carers", slug: "carers" }],
      accessibility_features: [],
      service_areas: [{ code: "S92000003", name: "Scotland", type: "country" }],
      locations: [{ id: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", name: "Example Office", formatted_address: "2 Example Lane, Perth, PH1 5AA", latitude: 56.39, longitude: -3.43 }],
    },
    {
      id: "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b",
      name: "Example Broken Record",
      email: "not an email",
      organisation: { id: "8c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", name: "Example Org" },
      categories: [],
      service_areas: [{ code: "S12000999X", name: "Nowhere", type: "local_authority" }],
      locations: [{ id: "4f5a6b7c-8d9e-4f0a-8b1c-2d3e4f5a6b7c", latitude: 123, longitude: -3.2 }],
    },
    "not a service",
  ],
};
