/**
 * The one-pass count: hand-worked quantities on a small ledger (receipts in, sales, issues and vendor returns
 * out, customer returns in, adjustments signed, transfers moving units between locations only), and the
 * ledgers it must leave to the full valuation (null).
 */
import { quickOnHand } from "../../../src/engine/inventory";

type Cell = string | number | boolean | null;
const H: Cell[] = ["Date", "SKU", "Type", "Quantity", "UnitCost", "UnitPrice", "Location", "ToLocation", "Reference"];
const D = 46000;

// Item W, worked by hand row by row (the table is out of date order on purpose); item G has one receipt.
const ROWS: Cell[][] = [
  [D + 5, "W", "Transfer", 5, null, null, "Main", "Van", null], // Main -5, Van +5 (listed first, dated later)
  [D, "W", "Receipt", 10, 2, null, "Main", null, "PO-1"], // Main +10
  [D + 1, "w", "Sale", 3, null, 9, "Main", null, "INV-1"], // Main -3
  [D + 2, "W", "CustomerReturn", 1, null, null, "Main", null, "inv-1"], // Main +1 (matches INV-1)
  [D + 3, "W", "Issue", 2, null, null, "Main", null, null], // Main -2
  [D + 4, "W", "Adjustment", 4, null, null, "Main", null, null], // Main +4
  [D + 6, "W", "VendorReturn", 1, null, null, "Van", null, null], // Van -1 (no Reference: leaves like a sale)
  [D + 7, "W", "Sale", 2, null, 9, "Van", null, null], // Van -2
  [D + 2, "G", "Receipt", 7, 1, null, null, null, null], // G: no location
];

const count = (rows: Cell[][], to = D + 100, at: string | null = null) => quickOnHand({ header: H, rows }, to, at);

describe("quickOnHand", () => {
  it("sums signed quantities per item, SKUs ignoring case", () => {
    const q = count(ROWS);
    expect(q).not.toBeNull();
    // W: 10 - 3 + 1 - 2 + 4 - 1 - 2 = 7 (the transfer changes no total); G: 7.
    expect(q!.onHand[q!.skuIndex.get("w")!]).toBe(7);
    expect(q!.onHand[q!.skuIndex.get("g")!]).toBe(7);
  });
  it("per location, transfers move units", () => {
    // Main: 10 - 3 + 1 - 2 + 4 - 5 = 5; Van: 5 - 1 - 2 = 2 (5 + 2 = 7 in all).
    const main = count(ROWS, D + 100, "main")!;
    const van = count(ROWS, D + 100, "van")!;
    expect(main.onHand[main.skuIndex.get("w")!]).toBe(5);
    expect(van.onHand[van.skuIndex.get("w")!]).toBe(2);
    expect(van.onHand[van.skuIndex.get("g")!]).toBe(0);
    expect([...main.locations].sort()).toEqual(["", "main", "van"]);
  });
  it("ignores rows after as_of (the transfer and later rows of day D+5 on)", () => {
    const q = count(ROWS, D + 4, "van")!;
    expect(q.onHand[q.skuIndex.get("w")!]).toBe(0);
    const all = count(ROWS, D + 4)!;
    expect(all.onHand[all.skuIndex.get("w")!]).toBe(10); // 10 - 3 + 1 - 2 + 4
    expect(all.onHand[all.skuIndex.get("g")!]).toBe(7);
  });
  it("leaves to the full valuation what it cannot answer exactly", () => {
    const withRow = (r: Cell[]) => count([...ROWS, r]);
    expect(withRow([D + 8, "W", "Sale", 8, null, 9, "Main", null, null])).toBeNull(); // 7 on hand: negative
    expect(withRow([D + 8, "W", "Sale", "2", null, 9, "Main", null, null])).toBeNull(); // text in Quantity
    expect(withRow([D + 8, "W", "Sale", 1.5, null, 9, "Main", null, null])).toBeNull(); // fractional units
    expect(withRow([D + 8, "W", "Swap", 1, null, 9, "Main", null, null])).toBeNull(); // unknown Type
    expect(withRow(["soon", "W", "Sale", 1, null, 9, "Main", null, null])).toBeNull(); // bad date
    expect(withRow([D + 8, "W", "Receipt", 1, null, null, "Main", null, null])).toBeNull(); // receipt without cost
    expect(withRow([D + 8, "W", "Transfer", 1, null, null, "Main", null, null])).toBeNull(); // no ToLocation
    expect(withRow([D + 8, "W", "CustomerReturn", 3, null, null, "Main", null, "INV-1"])).toBeNull(); // > sold
    expect(withRow([D + 8, "W", "VendorReturn", 1, null, null, "Main", null, "PO-1"])).toBeNull(); // lot decides
    expect(withRow([null, null, null, null, null, null, null, null, null])).toBeNull(); // blank row
    expect(quickOnHand({ header: H.filter((h) => h !== "Quantity"), rows: [] }, D, null)).toBeNull(); // column
  });
  it("a return before its sale is the valuation's to report", () => {
    expect(count([...ROWS, [D, "W", "CustomerReturn", 1, null, null, "Main", null, "INV-1"]])).toBeNull();
  });
});
