import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "./extensions";
import { applyResidue, diffObject, jsonEqual, setOwn, type ResidueNote } from "./residue";

// Imports report a __proto__ key instead of keeping it, so the residues never hold one.
const object = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }).filter((value) => !JSON.stringify(value).includes('"__proto__"')) as fc.Arbitrary<{ [key: string]: JsonValue }>;

describe("diffObject and applyResidue", () => {
  it("put any source back onto any export", () => {
    fc.assert(
      fc.property(object, object, (source, exported) => {
        const residue = diffObject(source, exported, [], []);
        const back = residue === undefined ? exported : applyResidue(JSON.parse(JSON.stringify(exported)) as typeof exported, residue);
        expect(jsonEqual(back, source)).toBe(true);
        // The residue is plain JSON.
        if (residue !== undefined) expect(jsonEqual(JSON.parse(JSON.stringify(residue)), residue)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("matches rows by likeness, so moved rows keep their own extras", () => {
    const source = { rows: [{ id: "b", name: "Second", link: "y" }, { id: "a", name: "First", link: "x" }] };
    const exported = { rows: [{ id: "g1", name: "First" }, { id: "g2", name: "Second" }] };
    const notes: ResidueNote[] = [];
    const residue = diffObject(source, exported, [], notes);
    expect(residue?.rows?.rows).toEqual([
      { at: "g2", patch: { add: { link: "y" }, swap: { id: { from: "g2", to: "b" } } } },
      { at: "g1", patch: { add: { link: "x" }, swap: { id: { from: "g1", to: "a" } } } },
    ]);
    expect(notes.map((note) => [note.path.join("."), note.kind])).toEqual([
      ["rows.0.id", "kept"],
      ["rows.0.link", "kept"],
      ["rows.1.id", "kept"],
      ["rows.1.link", "kept"],
    ]);
  });

  it("lets the export win where it changed since, and keeps rows it did not know", () => {
    const residue = diffObject({ time: "10:00:00", rows: [{ id: "a", v: 1 }] }, { time: "10:00", rows: [{ id: "g", v: 1 }] }, [], []);
    expect(residue).toBeDefined();
    const edited = applyResidue({ time: "11:00", rows: [{ id: "g", v: 1 }, { id: "new", v: 2 }] }, residue ?? {});
    expect(edited).toEqual({ time: "11:00", rows: [{ id: "a", v: 1 }, { id: "new", v: 2 }] });
  });

  it("ignores extensions that are not shaped as a residue", () => {
    const bad = { swap: "x", into: { a: 3 }, rows: { r: "nope", s: [7, { at: 3 }] }, add: [1] } as unknown as Parameters<typeof applyResidue>[1];
    expect(applyResidue({ a: 1, r: [], s: [] }, bad)).toEqual({ a: 1, r: [], s: [] });
  });

  it("sets __proto__ as an own field", () => {
    const target: Record<string, unknown> = {};
    setOwn(target, "__proto__", { polluted: true });
    expect(Object.keys(target)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
  });
});
