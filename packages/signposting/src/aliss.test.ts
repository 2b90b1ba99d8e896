import { describe, expect, it } from "vitest";
import { alissEnvelope } from "../test/aliss-fixture";
import { importAlissServices } from "./aliss";
import { validateDirectory } from "./directory";

describe("importAlissServices (fictional fixture)", () => {
  const report = importAlissServices(alissEnvelope);

  it("imports good services with their organisation, categories, features, areas and locations", () => {
    expect(report.imported).toBe(2);
    expect(validateDirectory(report.directory).ok).toBe(true);
    const [walk, carers] = report.directory.services;
    expect(walk).toEqual({
      id: "0b7c1a52-6c1e-4e59-9d7e-3f1a2b4c5d6e",
      organisationId: "6a1f0e7d-2b3c-4d5e-8f90-a1b2c3d4e5f6",
      name: "Example Wednesday Walking Group",
      description: "A gentle, fictional walk for people living with long-term conditions.",
      url: "https://example.org/walking",
      email: "walks@example.org",
      status: "active",
      categories: ["physical-activity", "peer-support-group"],
      classifications: [{ system: "https://www.aliss.org/categories", code: "outdoors", display: "Outdoors" }],
      accessibility: ["step-free-access", "hearing-loop"],
      areas: [
        { kind: "council-area", code: "S12000036", name: "City of Edinburgh" },
        { kind: "health-board", code: "S08000024", name: "Lothian" },
      ],
      locationIds: ["9f8e7d6c-5b4a-4392-8180-7f6e5d4c3b2a"],
      attending: ["in-person"],
      contacts: [{ phone: "0131 496 0000" }],
      lastModified: "2026-02-11T09:15:00Z",
    });
    expect(carers?.areas).toEqual([{ kind: "national", name: "Scotland" }]);
    expect(carers?.categories).toEqual(["carers-support"]);
    expect(report.directory.organisations.map((organisation) => organisation.name)).toEqual(["Example Community Trust", "Example Carers Network"]);
    expect(report.directory.organisations[0]?.website).toBe("https://example.org");
  });

  it("normalises postcodes and reads one-line addresses", () => {
    const [park, office] = report.directory.locations;
    expect(park?.address).toEqual({ country: "GB", line1: "1 Example Road", city: "Edinburgh", region: "City of Edinburgh", postcode: "EH1 1YZ" });
    expect(office?.address).toEqual({ country: "GB", line1: "2 Example Lane", city: "Perth", postcode: "PH1 5AA" });
  });

  it("reports bad records one by one with ALISS paths", () => {
    expect(report.problems.map((problem) => problem.path)).toEqual([
      ["data", 2],
      ["data", 3],
    ]);
    expect(report.problems[0]?.issues.map((found) => [found.path.join("."), found.code])).toEqual([
      ["locations.0.latitude", "too_big"],
      ["email", "invalid_format"],
      ["service_areas.0.code", "invalid_format"],
    ]);
    expect(report.problems[1]?.issues[0]?.code).toBe("invalid_type");
  });

  it("lists what it did not keep", () => {
    expect(report.notices.map((notice) => [notice.path.join("."), notice.code])).toEqual([
      ["accessibility_features.*", "unknown_feature"],
      ["organisation.phone", "not_kept"],
    ]);
  });

  it("accepts a bare list or one service, refuses other shapes, and reports repeats", () => {
    const [first] = alissEnvelope.data;
    expect(importAlissServices([first]).imported).toBe(1);
    expect(importAlissServices(first).imported).toBe(1);
    expect(importAlissServices(42).problems[0]?.issues[0]?.code).toBe("not_a_feed");
    const twice = importAlissServices([first, first]);
    expect(twice.imported).toBe(1);
    expect(twice.problems[0]?.issues[0]).toMatchObject({ path: ["id"], code: "duplicate_id" });
    const wrongShapes = importAlissServices([{ id: "x", name: "Example", organisation: "Example Org", accessibility_features: "loop", categories: "walks" }]);
    expect(wrongShapes.problems[0]?.issues.map((found) => [found.path.join("."), found.code])).toEqual([
      ["organisation", "invalid_type"],
      ["categories", "invalid_type"],
      ["accessibility_features", "invalid_type"],
    ]);
  });
});
