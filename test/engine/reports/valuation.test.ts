/**
 * Inventory Valuation on the hand-worked ledger of profitability.test.ts (FIFO; as at 2025-12-31), plus:
 *   Z: 2025-01-01 Receipt 1 @ 5; 2025-01-02 Sale 1 @ 8            -> out of stock, COGS 5
 *   X: 2025-06-01 Sale 2 with nothing on hand                       -> not valued (error)
 *
 * W: on hand 10 + 10 − 12 + 2 − 1 − 1 − 3 = 5 (North 4, South 1). Remaining FIFO layers: 3 of the 2025-01-10
 *   receipt @ 3 = 9 and the 2 returned units @ 26/12 = 4.3333 -> value 13.3333, unit cost 2.6667.
 *   Reorder point 6 (Items) ≥ 5 -> Reorder, order ReorderQty 10.
 *   Ageing at 2025-12-31: 3 units 355 days old, 2 units 314 days old: all 91+; average (3×355 + 2×314)/5 = 338.6.
 *   Turnover = COGS 30.6667 ÷ mean(20, 13.3333) = 1.84; days on hand 365 / 1.84 = 198.4.
 * ABC by 12-month COGS: W 30.67, Z 5 (total 35.67): W starts at 0% -> A; Z starts at 86% -> B.
 * Roll-forward (Parts: W and Z): opening 20; receipts 30 + 5 = 35; adjustments −3; COGS 30.6667 + 5 = 35.6667;
 *   issues 3; closing 13.3333; check 20 + 35 − 0 − 3 − 35.6667 − 3 − 13.3333 = 0.
 * With a vendor return of 1 unit of the 2025-01-10 receipt (PO2) on 2025-01-12: it leaves at 3; closing
 *   20 + 30 − 3 − 3 − 30.6667 − 3 = 10.3333 (W alone).
 */
import { buildValuation, NOT_VALUED, VALUATION_FACT } from "../../../src/engine/reports/valuation";
import { d, makeContext, summaryRows, tableRows, type Rec } from "./fixture";

import { ASSETS, FY2025, ITEMS, LEDGER, LEDGER_WITH_VENDOR_RETURN } from "./handWorked";

const sheet = (extra: Parameters<typeof makeContext>[1] = {}, ledger = LEDGER, items = ITEMS) => {
  const ctx = makeContext({ Items: items, Ledger: ledger, Assets: ASSETS }, { ...FY2025, ...extra });
  const s = buildValuation(ctx);
  if (!s) throw new Error("no sheet");
  return s;
};

const EXTRA: Rec[] = [
  { Date: d(2025, 1, 1), SKU: "Z", Type: "Receipt", Quantity: 1, UnitCost: 5, Location: "North" },
  { Date: d(2025, 1, 2), SKU: "Z", Type: "Sale", Quantity: 1, UnitPrice: 8, Location: "North" },
  { Date: d(2025, 6, 1), SKU: "X", Type: "Sale", Quantity: 2, UnitPrice: 9, Location: "North" },
];
const ALL = [...LEDGER, ...EXTRA];
const ITEMS_Z = [...ITEMS, { SKU: "Z", Description: "Zed", Kind: "Stock", Category: "Parts" }];

describe("Inventory Valuation (hand-worked ledger)", () => {
  const s = sheet({}, ALL, ITEMS_Z);
  const rows = tableRows(s, VALUATION_FACT);
  const bySku = Object.fromEntries(rows.map((r) => [r.SKU, r]));

  it("values each stock item as at the end of the period, per location too; services are not listed", () => {
    expect(rows.map((r) => r.SKU)).toEqual(["W", "Z", "X"]);
    expect(bySku.W).toMatchObject({ "On hand": 5, "On hand: North": 4, "On hand: South": 1 });
    expect(bySku.W).toMatchObject({ Value: 13.33, "Unit cost": 2.67, Method: "FIFO", Category: "Parts" });
    expect(bySku.W).toMatchObject({ "Reorder point": 6, "Suggested order": 10, Status: "Reorder" });
    expect(bySku.W).toMatchObject({ "Units 0-30 days": 0, "Units 91+ days": 5, "Average age (days)": 338.6 });
    expect(bySku.W).toMatchObject({ Turnover: 1.84, "Days on hand": 198.4, ABC: "A", Description: "Widget" });
    expect(bySku.Z).toMatchObject({ "On hand": 0, Value: 0, Status: "Out of stock", ABC: "B", "Suggested order": 0 });
  });

  it("formats turnover as a ratio (two decimals) and day counts with one decimal", () => {
    const f = s.tables.find((t) => t.name === VALUATION_FACT)!.formats;
    expect([f.Turnover, f["Days on hand"], f["Average age (days)"]]).toEqual(["ratio", "days", "days"]);
  });

  it("marks an item in error as not valued and leaves its figures blank", () => {
    expect(bySku.X).toMatchObject({ Status: NOT_VALUED, Value: null, "On hand": null, ABC: null });
    expect(s.notes.join(" ")).toMatch(/1 item\(s\) marked "Not valued \(see Issues\)"/);
    expect(summaryRows(s, "Stock status")).toContainEqual({ Status: NOT_VALUED, Items: 1, Value: 0 });
  });

  it("rolls the inventory forward with a zero check", () => {
    const rf = summaryRows(s, "Inventory roll-forward");
    const parts = {
      Category: "Parts",
      "Opening value": 20,
      Receipts: 35,
      "Vendor returns": 0,
      Adjustments: -3,
      COGS: 35.67,
      Issues: 3,
      "Closing value": 13.33,
      "Check (must be 0)": 0,
    };
    expect(rf).toEqual([parts, { ...parts, Category: "Total" }]);
  });

  it("takes a vendor return out at its receipt's cost", () => {
    const v = sheet({}, LEDGER_WITH_VENDOR_RETURN);
    expect(summaryRows(v, "Inventory roll-forward")[0]).toMatchObject({
      "Vendor returns": 3,
      "Closing value": 10.33,
      "Check (must be 0)": 0,
    });
    expect(tableRows(v, VALUATION_FACT)[0]).toMatchObject({ "On hand": 4, Status: "Reorder" });
  });

  it("sums ageing, ABC classes and locations", () => {
    expect(summaryRows(s, "Ageing")).toEqual([
      { Age: "0-30 days", Units: 0, Value: 0 },
      { Age: "31-60 days", Units: 0, Value: 0 },
      { Age: "61-90 days", Units: 0, Value: 0 },
      { Age: "91+ days", Units: 5, Value: 13.33 },
      { Age: "Total", Units: 5, Value: 13.33 },
    ]);
    const abc = summaryRows(s, "ABC classes");
    expect(abc.map((r) => [r.Class, r.Items, r["COGS 12 months"]])).toEqual([
      ["A", 1, 30.67],
      ["B", 1, 5],
      ["C", 0, 0],
    ]);
    expect(summaryRows(s, "Stock by location")).toEqual([
      { Location: "North", Items: 1, Units: 4, Value: 10.67 },
      { Location: "South", Items: 1, Units: 1, Value: 2.67 },
    ]);
  });

  it("states the period, method and, under LIFO, the IFRS note", () => {
    expect(s.header.lines[0]).toBe("Period: 1 Jan 2025 to 31 Dec 2025 (FY2025; fiscal year ends in December)");
    const lifo = sheet({ valuationMethod: "LIFO" }, ALL, ITEMS_Z);
    expect(lifo.notes[0]).toMatch(/IFRS \(IAS 2\) does not permit LIFO/);
    // LIFO: W's remaining layers are the oldest: opening 10 @ 2 less what left… value differs from FIFO.
    expect(summaryRows(lifo, "Inventory roll-forward").at(-1)!["Check (must be 0)"]).toBe(0);
  });

  it("keeps the item table the sheet's widest block (the layout pads rows in place)", () => {
    const widest = Math.max(...s.summaries.map((x) => x.headers.length));
    expect(s.tables[0].headers.length).toBeGreaterThanOrEqual(widest);
    for (const r of s.tables[0].rows) expect(r).toHaveLength(s.tables[0].headers.length);
    expect(bySku.X).toMatchObject({ Method: "FIFO", Description: null, "On hand: North": null });
  });
});
