import { describe, expect, it } from "vitest";
import { locatePostcode, normalisePostcode, parsePostcode } from "./postcode";

describe("parsePostcode", () => {
  it("normalises and splits UK postcodes", () => {
    expect(parsePostcode(" eh11yz ")).toEqual({ ok: true, value: { postcode: "EH1 1YZ", outward: "EH1", inward: "1YZ", area: "EH", district: "EH1", sector: "EH1 1" } });
    expect(parsePostcode("G2 1DY")).toEqual({ ok: true, value: { postcode: "G2 1DY", outward: "G2", inward: "1DY", area: "G", district: "G2", sector: "G2 1" } });
    expect(parsePostcode("ze1 0ab").ok).toBe(true);
  });
  it("rejects anything else without repeating it", () => {
    const result = parsePostcode("SENTINEL-Jane-Doe");
    expect(result).toEqual({ ok: false, issues: [{ path: [], code: "invalid_postcode", message: "This is not a valid UK postcode. Check the letters and numbers, for example EH1 1YZ." }] });
    expect(parsePostcode("EH1").ok).toBe(false);
    expect(normalisePostcode("not a postcode")).toBeUndefined();
    expect(normalisePostcode("kw15 1nx")).toBe("KW15 1NX");
  });
});

describe("locatePostcode", () => {
  const centroids = new Map([
    ["G2 1DY", { latitude: 55.8611, longitude: -4.2543 }],
    ["EH1 1", { latitude: 55.953, longitude: -3.189 }],
    ["EH7", { latitude: 55.96, longitude: -3.17 }],
  ]);
  const lookup = (key: string) => centroids.get(key);
  it("tries the postcode, then the sector, then the district", () => {
    expect(locatePostcode("g21dy", lookup)).toEqual({ ok: true, value: { latitude: 55.8611, longitude: -4.2543, precision: "postcode" } });
    expect(locatePostcode("EH1 1AA", lookup)).toEqual({ ok: true, value: { latitude: 55.953, longitude: -3.189, precision: "sector" } });
    expect(locatePostcode("EH7 5AB", lookup)).toEqual({ ok: true, value: { latitude: 55.96, longitude: -3.17, precision: "district" } });
  });
  it("reports invalid and unknown postcodes", () => {
    expect(locatePostcode("nonsense", lookup).ok ? "" : "invalid").toBe("invalid");
    const unknown = locatePostcode("KW15 1NX", lookup);
    expect(unknown.ok ? [] : unknown.issues.map((found) => found.code)).toEqual(["postcode_not_located"]);
  });
});
