import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fnv1a, isUuid, stableUuid } from "./hash";

/** The rule written out plainly, as the first release did it: FNV-1a of the name, then of "<part>:" and the name, chained four times. */
function referenceUuid(name: string): string {
  let seed = fnv1a(name);
  const hex: string[] = [];
  for (let part = 0; part < 4; part += 1) {
    seed = fnv1a(`${part}:${name}`, seed);
    hex.push(seed.toString(16).padStart(8, "0"));
  }
  const [first, second, third, fourth] = hex as [string, string, string, string];
  const variant = ((parseInt(third.charAt(0), 16) & 0x3) | 0x8).toString(16);
  return `${first}-${second.slice(0, 4)}-8${second.slice(5)}-${variant}${third.slice(1, 4)}-${third.slice(4)}${fourth}`;
}

describe("stableUuid", () => {
  it("gives the same UUIDs as every earlier release, so exported ids do not change", () => {
    // Pinned: exporters write these ids into feeds, and a consumer matches records on them.
    expect(stableUuid("svc-1")).toBe("9b99b43f-e7d7-89cc-a970-8a5ccbaa03a3");
    expect(stableUuid("loc-000003")).toBe("f9824013-0f6c-856c-add0-6fc058155545");
    expect(stableUuid("Peer support")).toBe("6a26877b-df31-80a7-99cf-e640258e0ef2");
    expect(stableUuid("taxonomy:wellbeing")).toBe("451ed2e7-65f9-87e6-b1a9-8260654dc127");
  });

  it("follows the plain rule for any name, short or long, remembered or not", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ minLength: 500, maxLength: 700 })), fc.boolean(), (name, repeats) => {
        fc.pre(!isUuid(name));
        expect(stableUuid(name, repeats)).toBe(referenceUuid(name));
      }),
      { numRuns: 300 },
    );
  });

  it("makes a well-formed custom (version 8) UUID for any name, and keeps a UUID as it is", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const uuid = stableUuid(name);
        expect(isUuid(uuid)).toBe(true);
        if (isUuid(name)) expect(uuid).toBe(name);
        else {
          expect(uuid.charAt(14)).toBe("8");
          expect("89ab").toContain(uuid.charAt(19));
        }
        expect(stableUuid(name)).toBe(uuid);
      }),
      { numRuns: 500 },
    );
  });
});
