/**
 * rowChecks.ts: the shared row checks done at compile time. Expectations are worked by hand from the rules the
 * issue states (quantities positive except adjustments, a receipt needs a UnitCost, a transfer a ToLocation) and
 * checked against a plain linear scan for the date cut.
 */
import fc from "fast-check";
import { endByDate, firstBadRows } from "../../../src/engine/inventory/rowChecks";
import { CODES } from "../../../src/engine/inventory/types";

const { ADJUSTMENT, RECEIPT, SALE, TRANSFER } = CODES;

describe("firstBadRows", () => {
  it("finds each item's first row that breaks a rule, else the item's end", () => {
    // Item 0: rows 0-2 fine (an adjustment of -2 is allowed). Item 1: row 4 is a receipt without cost.
    // Item 2: row 6 is a transfer without ToLocation. Item 3: a sale of 0 units at row 7.
    const skuStart = Int32Array.from([0, 3, 6, 7, 8]);
    const type = Uint8Array.from([RECEIPT, ADJUSTMENT, SALE, RECEIPT, RECEIPT, SALE, TRANSFER, SALE]);
    const qty = Float64Array.from([5, -2, 1, 5, 5, 1, 1, 0]);
    const cost = Float64Array.from([2, NaN, NaN, 3, NaN, NaN, NaN, NaN]);
    const toLoc = Int32Array.from([-1, -1, -1, -1, -1, -1, -1, -1]);
    expect(Array.from(firstBadRows(skuStart, type, qty, cost, toLoc))).toEqual([3, 4, 6, 7]);
  });
});

describe("endByDate", () => {
  it("is the first position after `to` in an ascending run of days (same as a linear scan)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }),
        fc.integer({ min: -5, max: 60 }),
        (days, to) => {
          const date = Int32Array.from(days.sort((a, b) => a - b));
          let expected = 0;
          while (expected < date.length && date[expected] <= to) expected++;
          expect(endByDate(date, 0, date.length, to)).toBe(expected);
        }
      )
    );
  });
  it("takes every row when `to` is Infinity", () => {
    expect(endByDate(Int32Array.from([1, 2, 3]), 0, 3, Infinity)).toBe(3);
  });
});
