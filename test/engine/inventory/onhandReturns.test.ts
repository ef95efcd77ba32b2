/**
 * Return groups of the one-pass count. sameRef(cell, lower) must be exactly text(cell).toLowerCase() === lower
 * (the reading compile.ts gives a Reference), whatever the cell; the groups are checked on hand-worked ledgers,
 * one of them with an item named by more return References than are compared one by one (the Map path).
 */
import fc from "fast-check";
import { quickOnHand } from "../../../src/engine/inventory";
import { sameRef } from "../../../src/engine/inventory/onhandReturns";
import { text } from "../../../src/engine/inventory/onhandScan";

type Cell = string | number | boolean | null;
const H: Cell[] = ["Date", "SKU", "Type", "Quantity", "UnitCost", "UnitPrice", "Location", "ToLocation", "Reference"];
const D = 46000;

const chars = fc.constantFrom(
  "a",
  "A",
  "z",
  "Z",
  "1",
  "-",
  " ",
  "\t",
  "\u00A0",
  "\u212A",
  "k",
  "\u0130",
  "i",
  "\u0307",
  "é",
  "É"
);
const word = fc.array(chars, { maxLength: 6 }).map((c) => c.join(""));

describe("sameRef", () => {
  it("is text(cell).toLowerCase() === lower", () => {
    const cell = fc.oneof(word, fc.constantFrom<Cell>(null, 12, 1.5, true, "", "  "));
    const lower = fc.oneof(word, fc.constantFrom("12", "1.5", "true")).map((w) => w.trim().toLowerCase());
    fc.assert(
      fc.property(cell, lower, (c, l) => {
        const t = text(c);
        expect(sameRef(c, l)).toBe(t === undefined ? undefined : t !== null && t.toLowerCase() === l);
        // A cell read against its own lower case always matches.
        if (t) expect(sameRef(c, t.toLowerCase())).toBe(true);
      }),
      { numRuns: 20000 }
    );
  });
  it("hand-picked cells", () => {
    expect(sameRef("INV-1001", "inv-1001")).toBe(true);
    expect(sameRef(" INV-1001 ", "inv-1001")).toBe(true); // trimmed
    expect(sameRef("INV-1001", "inv-1002")).toBe(false);
    expect(sameRef("INV-11001", "inv-1001")).toBe(false);
    expect(sameRef("\u212A1", "k1")).toBe(true); // KELVIN SIGN lowers to k
    expect(sameRef("A\u0130", "ai\u0307")).toBe(true); // İ lowers to two characters
    expect(sameRef(1001, "1001")).toBe(true); // a number reads as its digits
    expect(sameRef(null, "x")).toBe(false);
  });
});

const sale = (d: number, ref: Cell, q: number): Cell[] => [D + d, "A", "Sale", q, null, 9, "Main", null, ref];
const ret = (d: number, ref: Cell, q: number): Cell[] => [
  D + d,
  "A",
  "CustomerReturn",
  q,
  null,
  null,
  "Main",
  null,
  ref,
];
const count = (rows: Cell[][]) => {
  const q = quickOnHand(
    { header: H, rows: [[D, "A", "Receipt", 100, 2, null, "Main", null, "PO"], ...rows] },
    D + 99,
    null
  );
  return q ? q.onHand[q.skuIndex.get("a")!] : null;
};

describe("customer returns paired with the sale before them (and the exact groups when that does not hold)", () => {
  // Each ledger opens with 100 received (count() above), so only the return checks can refuse it.
  it("a return of the sale just before it", () => {
    // Sales of 5 (INV-1) and 3 (INV-2), 2 back on INV-2: 100 - 8 + 2 = 94.
    expect(count([sale(1, "INV-1", 5), sale(2, "INV-2", 3), ret(3, "inv-2", 2)])).toBe(94);
    // 4 back of the 3 sold on INV-2: the valuation reports it.
    expect(count([sale(1, "INV-1", 5), sale(2, "INV-2", 3), ret(3, "inv-2", 4)])).toBeNull();
  });
  it("a return of an earlier sale than the latest: its own sale decides", () => {
    // 2 back on INV-1 after INV-2 was sold: INV-1 sold 5, so it stands: 94.
    expect(count([sale(1, "INV-1", 5), sale(2, "INV-2", 3), ret(3, "INV-1", 2)])).toBe(94);
    // 4 back on INV-1 (5 sold), though the latest sale sold only 3: 96.
    expect(count([sale(1, "INV-1", 5), sale(2, "INV-2", 3), ret(3, "INV-1", 4)])).toBe(96);
    // 3 back on INV-1 (1 sold) is refused, though the latest sale (INV-2) sold 5.
    expect(count([sale(1, "INV-1", 1), sale(2, "INV-2", 5), ret(3, "INV-1", 3)])).toBeNull();
    // 6 back on INV-1: more than its 5, the valuation reports it.
    expect(count([sale(1, "INV-1", 5), sale(2, "INV-2", 3), ret(3, "INV-1", 6)])).toBeNull();
  });
  it("an invoice sold in two lines: a return counts both", () => {
    // INV-1 sells 3 then 2; 4 back is within the 5 sold though more than the last line: 100 - 5 + 4 = 99.
    expect(count([sale(1, "INV-1", 3), sale(2, "INV-1", 2), ret(3, "inv-1", 4)])).toBe(99);
    expect(count([sale(1, "INV-1", 3), sale(2, "INV-1", 2), ret(3, "inv-1", 6)])).toBeNull();
  });
  it("returns add up against their sale", () => {
    // 2 + 1 back of 3 sold: 100 - 3 + 3 = 100; 2 + 2 back is one too many.
    expect(count([sale(1, "INV-1", 3), ret(2, "INV-1", 2), ret(3, "INV-1", 1)])).toBe(100);
    expect(count([sale(1, "INV-1", 3), ret(2, "INV-1", 2), ret(3, "INV-1", 2)])).toBeNull();
    // After a later sale on another invoice, a return on INV-1 still counts the 2 already back.
    expect(count([sale(1, "INV-1", 3), ret(2, "INV-1", 2), sale(3, "INV-2", 9), ret(4, "INV-1", 1)])).toBe(
      100 - 12 + 3
    );
    expect(count([sale(1, "INV-1", 3), ret(2, "INV-1", 2), sale(3, "INV-2", 9), ret(4, "INV-1", 2)])).toBeNull();
  });
  it("on one date the table's order decides which sale comes before a return", () => {
    // Return listed before its sale on the same date: no sale before it, the valuation reports it.
    expect(count([ret(2, "INV-1", 1), sale(2, "INV-1", 3)])).toBeNull();
    expect(count([sale(2, "INV-1", 3), ret(2, "INV-1", 1)])).toBe(98);
  });
  it("a return naming no sale of its item is not checked", () => {
    expect(count([sale(1, "INV-1", 3), ret(2, "INV-9", 1)])).toBe(98);
  });
});

describe("return groups", () => {
  it("a return matches its sale ignoring case and blanks, listed before it (out of date order)", () => {
    // 100 in; sale of 5 on INV-7 (day 2), return of 2 on 'inv-7 ' (day 3), listed first: 100 - 5 + 2 = 97.
    expect(count([ret(3, " inv-7 ", 2), sale(2, "INV-7", 5)])).toBe(97);
    // Returning 6 of the 5 sold is the valuation's to report (null here).
    expect(count([ret(3, "inv-7", 6), sale(2, "INV-7", 5)])).toBeNull();
    // The return dated before its sale, too.
    expect(count([ret(1, "inv-7", 2), sale(2, "INV-7", 5)])).toBeNull();
  });
  it("an item named by many return References (matched through a Map)", () => {
    // Six sales INV-1..INV-6 of 3 units each, six returns of 1 each in lower case: 100 - 18 + 6 = 88.
    const rows: Cell[][] = [];
    for (let k = 1; k <= 6; k++) rows.push(sale(k, `INV-${k}`, 3), ret(k + 10, `inv-${k}`, 1));
    expect(count(rows)).toBe(88);
    // A seventh return on INV-6 of 3 more: 1 + 3 > 3 sold, the valuation reports it.
    expect(count([...rows, ret(20, "INV-6", 3)])).toBeNull();
    // A return whose Reference no sale has is not checked against one: 88 + 1.
    expect(count([...rows, ret(20, "INV-9", 1)])).toBe(89);
  });
});
