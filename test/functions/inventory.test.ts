/** BOOK inventory functions over a Ledger table as Excel passes it (header row first). */
import { toSerial } from "../../src/engine/dates";
import {
  cogs,
  ledgerCache,
  margin,
  onHandCache,
  marginPct,
  onHand,
  reorder,
  revenue,
  stockAge,
  stockValue,
  turnover,
  unitCost,
} from "../../src/functions/inventory";

const d = (iso: string) => {
  const [y, m, day] = iso.split("-").map(Number);
  return toSerial(y, m, day);
};

function excelError(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

type Cell = string | number | boolean | null;
/** Excel hands a single key to a matrix parameter as a 1×1 range. */
const K = (sku: string) => [[sku]];
/** The value of a 1×1 result (an error cell included). */
const one = (x: unknown[][]) => x[0][0];
const err = (x: unknown) => x as { code: string; message: string };

// Headers as a user might type them: synonyms of the schema (Qty, Cost, Price, Item, Ref, Warehouse).
const HEADER: Cell[] = ["Posting Date", "Item", "Type", "Qty", "Cost", "Price", "Warehouse", "To", "Ref", "Party"];
// The simplestudies.com example (FIFO COGS $2,260 = 50 × 10 + 70 × 12 + 30 × 12 + 40 × 14; LIFO $2,340; ending
// 20 units) for W, plus a second item G.
function table(): Cell[][] {
  return [
    HEADER,
    [d("2027-01-01"), "W", "Receipt", 50, 10, null, "Main", null, "PO-1", null],
    [d("2027-02-25"), "W", "Receipt", 100, 12, null, "Main", null, "PO-2", null],
    [d("2027-03-03"), "W", "Sale", 120, null, 20, "Main", null, "INV-1", null],
    [d("2027-04-06"), "W", "Receipt", 60, 14, null, "Main", null, "PO-3", null],
    [d("2027-05-17"), "W", "Sale", 70, null, 25, "Main", null, "INV-2", null],
    [d("2027-01-10"), "G", "Receipt", 10, 3, null, "Main", null, null, null],
    [d("2027-01-11"), "G", "Transfer", 4, null, null, "Main", "Van", null, null],
    [d("2027-01-12"), "G", "Sale", 2, null, 5, "Van", null, null, null],
  ];
}
const ITEMS: Cell[][] = [
  ["SKU", "Kind", "Method", "ReorderPoint", "ReorderQty", "SafetyStock", "LeadTimeDays"],
  ["W", "Stock", "LIFO", null, null, 5, 10],
  ["G", "Stock", null, 20, 50, null, null],
  ["FIT", "Service", null, null, null, null, null],
];
const END = d("2027-12-31");

beforeEach(() => {
  ledgerCache.clear();
  onHandCache.clear();
});

describe("BOOK.STOCKVALUE / ONHAND / UNITCOST", () => {
  it("value one SKU, as of a date, by method", () => {
    expect(one(stockValue(table(), K("W"), END, "FIFO"))).toBe(280);
    expect(one(stockValue(table(), K("w"), END, "lifo"))).toBe(200);
    expect(one(onHand(table(), K("W"), END))).toBe(20);
    expect(one(unitCost(table(), K("W"), END, "FIFO"))).toBe(14);
    // As of 2027-03-31: 30 units left of the Feb 25 lot under FIFO.
    expect(one(stockValue(table(), K("W"), d("2027-03-31"), "FIFO"))).toBe(360);
  });

  it("spill one result per SKU in the shape of the range", () => {
    expect(onHand(table(), [["W"], ["G"]], END)).toEqual([[20], [8]]);
    expect(stockValue(table(), [["W", "G"]], END, "FIFO")).toEqual([[280, 24]]);
  });

  it("take each item's method from Items, and the method argument over it", () => {
    expect(one(stockValue(table(), K("W"), END, null, ITEMS))).toBe(200); // Items says LIFO
    expect(one(stockValue(table(), K("W"), END, "FIFO", ITEMS))).toBe(280);
  });

  it("omitted SKU = all items together", () => {
    expect(one(stockValue(table(), undefined, END, "FIFO"))).toBe(280 + 24);
    expect(one(onHand(table(), undefined, END))).toBe(28);
  });

  it("ONHAND at one location", () => {
    expect(one(onHand(table(), K("G"), END, "van"))).toBe(2);
    expect(one(onHand(table(), K("G"), END, "Main"))).toBe(6);
    expect(excelError(() => onHand(table(), K("G"), END, "Attic")).code).toBe("#N/A");
  });

  it("unknown SKU is #N/A, only in its cell", () => {
    const out = onHand(table(), [["W"], ["NOPE"]], END);
    expect(out[0][0]).toBe(20);
    expect(err(out[1][0]).code).toBe("#N/A");
    expect(err(out[1][0]).message).toMatch(/NOPE/);
    expect(err(one(onHand(table(), K("NOPE"), END))).code).toBe("#N/A");
  });

  it("an unknown method is #VALUE!", () => {
    expect(excelError(() => stockValue(table(), K("W"), END, "HIFO")).message).toMatch(
      /FIFO, LIFO, WEIGHTED or MOVING/
    );
  });
});

describe("BOOK.COGS / REVENUE / MARGIN / MARGINPCT", () => {
  it("COGS for a period under each method (simplestudies.com figures)", () => {
    expect(one(cogs(table(), K("W"), null, END, "LIFO"))).toBe(2340);
    expect(one(cogs(table(), K("W"), null, END, "FIFO"))).toBe(2260);
    expect(one(cogs(table(), K("W"), d("2027-04-01"), END, "FIFO"))).toBe(920);
  });
  it("revenue and margin", () => {
    expect(one(revenue(table(), K("W"), null, END))).toBe(2400 + 1750);
    expect(one(margin(table(), K("W"), null, END, "LIFO"))).toBe(4150 - 2340);
    expect(one(marginPct(table(), K("W"), null, END, "LIFO"))).toBeCloseTo((4150 - 2340) / 4150, 12);
    expect(err(one(marginPct(table(), K("W"), d("2027-06-01"), END))).code).toBe("#DIV/0!");
  });
  it("from after to is #VALUE!", () => {
    expect(excelError(() => cogs(table(), K("W"), END, d("2027-01-01"))).code).toBe("#VALUE!");
  });
});

describe("BOOK.REORDER / STOCKAGE / TURNOVER", () => {
  it("REORDER uses the Items table", () => {
    // G: ReorderPoint 20 given, on hand 8 ≤ 20 → ReorderQty 50. W: no outflow in the 90 days to END → point 5,
    // on hand 20 > 5 → 0.
    expect(reorder(table(), ITEMS, [["G"], ["W"]], END)).toEqual([[50], [0]]);
    expect(excelError(() => reorder(table(), null as never, K("G"), END)).code).toBe("#VALUE!");
  });
  it("STOCKAGE: FIFO lots' average age", () => {
    // W's 20 units left after the May 17 sale are from the Apr 6 lot: 60 days old on Jun 5.
    expect(one(stockAge(table(), K("W"), d("2027-06-05")))).toBe(60);
  });
  it("TURNOVER: COGS ÷ average inventory", () => {
    const from = d("2027-01-01");
    const to = d("2027-12-31");
    // G: opening 0, closing 8 × 3 = 24, COGS 6 → 6 / 12 = 0.5
    expect(one(turnover(table(), K("G"), from, to, "FIFO"))).toBe(0.5);
  });
});

describe("bad data concerns only its items", () => {
  it("text in Quantity: #VALUE! naming the row in that item's cells only", () => {
    const t = table();
    t[6][3] = "ten"; // G's receipt, sheet row 7
    const out = onHand(t, [["W"], ["G"]], END);
    expect(out[0][0]).toBe(20);
    expect(err(out[1][0]).code).toBe("#VALUE!");
    expect(err(out[1][0]).message).toMatch(/Row 7/);
    expect(err(out[1][0]).message).toMatch(/Quantity/);
  });
  it("an unknown Type: #VALUE! for that item", () => {
    const t = table();
    t[3][2] = "Sold";
    const e = err(one(stockValue(t, K("W"), END)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/Row 4/);
    expect(one(onHand(t, K("G"), END))).toBe(8);
  });
  it("negative stock: #VALUE! with item, row, date and units short", () => {
    const t = table();
    t[8][3] = 12; // G sells 12 from Van with 10 on hand
    const e = err(one(onHand(t, [["G"]], END)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/Item G goes below zero on row 9 \(2027-01-12\): 2 units short/);
  });
  it("a missing column: #VALUE! everywhere, naming the column", () => {
    const t = table().map((r) => r.filter((_, i) => i !== 3));
    const out = onHand(t, [["W"], ["G"]], END);
    expect(err(out[0][0]).message).toMatch(/no Quantity column/);
    expect(err(out[1][0]).code).toBe("#VALUE!");
  });
  it("not a table: #VALUE!", () => {
    expect(excelError(() => onHand(42 as never, K("W"))).code).toBe("#VALUE!");
  });
  it("all items together fail when any item is in error", () => {
    const t = table();
    t[6][3] = "ten";
    expect(excelError(() => onHand(t, undefined, END)).message).toMatch(/Row 7/);
  });
});

describe("cache", () => {
  it("repeated calls on the same contents parse once", () => {
    onHand(table(), K("W"), END);
    stockValue(table(), K("G"), END);
    cogs(table(), [["W"], ["G"]], null, END);
    expect(ledgerCache.parses).toBe(1);
  });
  it("a changed cell is never stale", () => {
    const t = table();
    expect(one(onHand(t, K("W"), END))).toBe(20);
    const t2 = table();
    t2[5][3] = 69; // one cell: the May 17 sale is now 69 units
    expect(one(onHand(t2, K("W"), END))).toBe(21);
    // Mutating the very array passed earlier is seen too.
    t[5][3] = 71;
    expect(one(onHand(t, K("W"), END))).toBe(19);
    const t3 = table();
    t3[0][3] = "Units"; // header changed (a synonym): parsed again, same figures
    expect(one(onHand(t3, K("W"), END))).toBe(20);
    // ONHAND counts a clean ledger in one pass without the cache: nothing parsed, nothing to go stale.
    expect(ledgerCache.parses).toBe(0);
  });
  it("ONHAND's remembered counts are never stale (same array changed in place, other dates and locations)", () => {
    const t = table();
    expect(one(onHand(t, K("G"), END, "Van"))).toBe(2); // 4 moved to the Van, 2 sold from it
    expect(one(onHand(t, K("G"), END, "Van"))).toBe(2);
    t[7][3] = 3; // the transfer is now 3 units
    expect(one(onHand(t, K("G"), END, "Van"))).toBe(1);
    expect(one(onHand(t, K("G"), END, "Main"))).toBe(7);
    expect(one(onHand(t, K("G"), d("2027-01-10")))).toBe(10); // before the sale
    t[8][3] = 5; // more than the Van holds is still fine for the item: 10 - 5 = 5
    expect(one(onHand(t, K("G"), END))).toBe(5);
    t[8][3] = 11; // now more than the item holds: negative stock, reported through the full path
    expect(err(one(onHand(t, K("G"), END))).code).toBe("#VALUE!");
  });
  it("a changed cell is never stale through the cache (STOCKVALUE)", () => {
    const t = table();
    expect(one(stockValue(t, K("W"), END))).toBe(280); // FIFO: 20 units of the April receipt at 14
    t[5][3] = 71; // the May 17 sale is now 71 units: 19 left at 14
    expect(one(stockValue(t, K("W"), END))).toBe(266);
    expect(ledgerCache.parses).toBe(2);
  });
  it("a changed Items table is never stale", () => {
    expect(one(stockValue(table(), K("W"), END, null, ITEMS))).toBe(200);
    const items = ITEMS.map((r) => [...r]);
    items[1][2] = "FIFO";
    expect(one(stockValue(table(), K("W"), END, null, items))).toBe(280);
  });
});
