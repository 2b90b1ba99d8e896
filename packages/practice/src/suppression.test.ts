import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSelfManageError } from "@selfmanage/core";
import { isSmallCount, protectCount, protectPartition } from "./suppression";

const counts = (row: ReturnType<typeof protectPartition>) => row.cells.map((cell) => cell.count);

describe("protectCount", () => {
  it("withholds counts of one to four people, and counts that leave one to four when taken from a total", () => {
    expect(protectCount(0, 5, [40])).toEqual({ count: 0, suppressed: false });
    expect(protectCount(1, 5, [40])).toEqual({ count: null, suppressed: true });
    expect(protectCount(4, 5, [40]).suppressed).toBe(true);
    expect(protectCount(5, 5, [40])).toEqual({ count: 5, suppressed: false });
    expect(protectCount(35, 5, [40]).suppressed).toBe(false);
    expect(protectCount(36, 5, [40]).suppressed).toBe(true); // 40 - 36 = 4 people did not
    expect(protectCount(40, 5, [40]).suppressed).toBe(false); // everybody: nobody is singled out
    expect(protectCount(12, 5, [40, 14]).suppressed).toBe(true); // 14 - 12 = 2 in the second total
  });

  it("treats a group smaller than the minimum as suppressed throughout", () => {
    for (let count = 0; count <= 3; count++) expect(protectCount(count, 5, [3]).suppressed).toBe(true);
    expect(protectCount(0, 5, [0]).suppressed).toBe(false);
  });

  it("switches off with a minimum of 1, and refuses a minimum below 1", () => {
    expect(protectCount(1, 1, [2])).toEqual({ count: 1, suppressed: false });
    expect(isSmallCount(1, 1)).toBe(false);
    expect(() => protectCount(1, 0)).toThrow(expect.objectContaining({ code: "invalid-argument" }) as Error);
    try {
      protectPartition([1], 2.5);
    } catch (error) {
      expect(isSelfManageError(error, "invalid-argument")).toBe(true);
    }
  });
});

describe("protectPartition (complementary suppression)", () => {
  it("leaves a safe row alone", () => {
    const row = protectPartition([10, 0, 7, 5], 5);
    expect(counts(row)).toEqual([10, 0, 7, 5]);
    expect(row.total).toEqual({ count: 22, suppressed: false });
  });

  it("withholds the smallest other cell with a small one, so the total cannot give it back", () => {
    // 3 is small. Hiding it alone, 32 - 20 - 9 = 3 would bring it back; 9 is the smallest other non-zero cell.
    const row = protectPartition([20, 3, 9], 5);
    expect(counts(row)).toEqual([20, null, null]);
    expect(row.total.count).toBe(32);
  });

  it("keeps going until the hidden cells add up to a safe count", () => {
    // 1 and 2 are small; together they are 3, still small, so 6 goes too: 1 + 2 + 6 = 9.
    const row = protectPartition([1, 2, 6, 30], 5);
    expect(counts(row)).toEqual([null, null, null, 30]);
  });

  it("prefers a non-zero cell to a zero, and hides the total when nothing else can protect a cell", () => {
    expect(counts(protectPartition([0, 2, 8], 5))).toEqual([0, null, null]);
    // Only one cell besides the small one, and it is zero: whatever is hidden, 3 can be worked out, so the total goes.
    const row = protectPartition([3, 0], 5, { alreadySuppressed: [false, false] });
    expect(row.total.suppressed).toBe(true);
    expect(row.cells[0]?.suppressed).toBe(true);
  });

  it("does not rely on a total that is already withheld", () => {
    const row = protectPartition([20, 3, 9], 5, { totalSuppressed: true });
    expect(counts(row)).toEqual([20, null, 9]);
    expect(row.total.suppressed).toBe(true);
  });

  it("respects cells withheld elsewhere and the largest value each can take", () => {
    // The second cell is a group of 3 with all 3 counted (withheld: small group). With the third cell (6 of 6)
    // also hidden, 3 + 6 = 9 is safe, but a reader who knows the groups hold at most 3 and 6 can pin both
    // down: so another cell (the 10) is withheld as well.
    const row = protectPartition([10, 3, 6, 40], 5, { alreadySuppressed: [false, true, false, false], upperBounds: [50, 3, 6, 60] });
    expect(counts(row)).toEqual([null, null, null, 40]);
    expect(row.total.count).toBe(59);
  });

  it("never leaves a withheld cell that subtraction or bounds can recover (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 6 }), (row, minimum) => {
        const result = protectPartition(row, minimum);
        const hidden = result.cells.flatMap((cell, index) => (cell.suppressed ? [index] : []));
        for (const cell of result.cells) if (!cell.suppressed) expect(isSmallCount(cell.count as number, minimum, result.total.suppressed ? [] : [result.total.count as number])).toBe(false);
        if (result.total.suppressed || hidden.length === 0) return;
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        const hiddenSum = hidden.reduce((sum, index) => sum + (row[index] as number), 0);
        expect(hiddenSum === 0 || hiddenSum >= minimum).toBe(true);
      }),
    );
  });
});
