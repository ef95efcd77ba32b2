/**
 * A period of two fiscal years (year ending 30 June), worked by hand: the Inventory Valuation roll-forward and the
 * Journal carry the same figures, each fiscal year rounded on its own as its entries are posted.
 *
 *   P (stock, Parts, FIFO), unit cost quoted to a tenth of a cent: 1.004
 *   FY2024 (1 Jul 2023 – 30 Jun 2024)
 *     2023-08-01 Receipt 10 @ 1.004           receipts 10.04
 *     2023-09-01 Sale     1 @ 2.00            COGS 1.004            -> 1.00
 *     closing 9 × 1.004 = 9.036                                     -> 9.04
 *     adjustments (absorb rounding) = 9.04 − 0 − 10.04 + 1.00 = 0.00
 *   FY2025 (1 Jul 2024 – 30 Jun 2025)
 *     opening = FY2024's closing                                       9.04
 *     2024-09-01 Sale     1 @ 2.00            COGS 1.004            -> 1.00
 *     closing 8 × 1.004 = 8.032                                     -> 8.03
 *     adjustments = 8.03 − 9.04 + 1.00 = −0.01 (the rounding line)
 *   Period: opening 0.00, receipts 10.04, adjustments −0.01, COGS 1.00 + 1.00 = 2.00, closing 8.03
 *     (0 + 10.04 − 0.01 − 2.00 = 8.03). Rounding the period's COGS in one go would give 2.008 -> 2.01, a cent
 *     more than the two COGS entries posted — the gap this test pins down.
 *   Journal: REC-FY2024 Dr 1400 10.04 / Cr 2000 10.04; COGS-FY2024 Dr 5000 1.00 / Cr 1400 1.00 (30 Jun 2024);
 *     COGS-FY2025 Dr 5000 1.00 / Cr 1400 1.00; ADJ-FY2025 Dr 5100 0.01 / Cr 1400 0.01 (30 Jun 2025).
 *     1400 moves +9.04 in FY2024 (9.04 − 0) and −1.01 in FY2025 (8.03 − 9.04).
 */
import { buildJournal } from "../../../src/engine/reports/journal";
import { inventoryJournal } from "../../../src/engine/reports/journalInventory";
import { buildValuation } from "../../../src/engine/reports/valuation";
import { defaultSettings } from "../../../src/engine/settings";
import { d, makeContext, summaryRows, type Rec } from "./fixture";

const ITEMS: Rec[] = [{ SKU: "P", Description: "Pin", Kind: "Stock", Category: "Parts", Method: "FIFO" }];
const LEDGER: Rec[] = [
  { Date: d(2023, 8, 1), SKU: "P", Type: "Receipt", Quantity: 10, UnitCost: 1.004, Location: "North" },
  { Date: d(2023, 9, 1), SKU: "P", Type: "Sale", Quantity: 1, UnitPrice: 2, Location: "North" },
  { Date: d(2024, 9, 1), SKU: "P", Type: "Sale", Quantity: 1, UnitPrice: 2, Location: "North" },
];
const TWO_YEARS = { from: d(2023, 7, 1), to: d(2025, 6, 30), fiscalYearEndMonth: 6 };
const FY2025 = { from: d(2024, 7, 1), to: d(2025, 6, 30), fiscalYearEndMonth: 6 };

const ctx = (req: typeof TWO_YEARS) => {
  const settings = defaultSettings();
  settings.fiscalYearEndMonth = 6;
  return makeContext({ Items: ITEMS, Ledger: LEDGER }, req, settings);
};
const pick = (l: { entry: string; account: string; debit: number; credit: number; date: number }) => [
  l.entry,
  l.account,
  l.debit,
  l.credit,
  l.date,
];
const check = "Check (must be 0)";

describe("a period of two fiscal years (hand-worked, year ending June)", () => {
  it("posts each year's entries rounded on their own, Adjustments absorbing FY2025's cent", () => {
    expect(inventoryJournal.lines(ctx(TWO_YEARS)).map(pick)).toEqual([
      ["REC-FY2024", "1400 Inventory", 10.04, 0, d(2024, 6, 30)],
      ["REC-FY2024", "2000 Accounts payable", 0, 10.04, d(2024, 6, 30)],
      ["COGS-FY2024", "5000 Cost of goods sold", 1, 0, d(2024, 6, 30)],
      ["COGS-FY2024", "1400 Inventory", 0, 1, d(2024, 6, 30)],
      ["COGS-FY2025", "5000 Cost of goods sold", 1, 0, d(2025, 6, 30)],
      ["COGS-FY2025", "1400 Inventory", 0, 1, d(2025, 6, 30)],
      ["ADJ-FY2025", "1400 Inventory", 0, 0.01, d(2025, 6, 30)],
      ["ADJ-FY2025", "5100 Inventory adjustments", 0.01, 0, d(2025, 6, 30)],
    ]);
  });

  it("shows the same figures on the roll-forward: by category over the period, and by fiscal year", () => {
    const sheet = buildValuation(ctx(TWO_YEARS))!;
    const money = ["Opening value", "Receipts", "Vendor returns", "Adjustments", "COGS", "Issues", "Closing value"];
    const figures = (r: Record<string, unknown>) => [
      r["Category"] ?? r["Fiscal year"],
      ...money.map((h) => r[h]),
      r[check],
    ];
    expect(summaryRows(sheet, "Inventory roll-forward").map(figures)).toEqual([
      ["Parts", 0, 10.04, 0, -0.01, 2, 0, 8.03, 0],
      ["Total", 0, 10.04, 0, -0.01, 2, 0, 8.03, 0],
    ]);
    expect(summaryRows(sheet, "By fiscal year").map(figures)).toEqual([
      ["FY2024 (1 Jul 2023 – 30 Jun 2024)", 0, 10.04, 0, 0, 1, 0, 9.04, 0],
      ["FY2025 (1 Jul 2024 – 30 Jun 2025)", 9.04, 0, 0, -0.01, 1, 0, 8.03, 0],
      ["Period", 0, 10.04, 0, -0.01, 2, 0, 8.03, 0],
    ]);
    expect(sheet.notes.some((n) => n.includes("spans 2 fiscal years"))).toBe(true);
  });

  it("posts FY2025 the same whether the report covers that year alone or both", () => {
    const both = inventoryJournal.lines(ctx(TWO_YEARS)).filter((l) => l.entry.endsWith("FY2025"));
    expect(inventoryJournal.lines(ctx(FY2025)).map(pick)).toEqual(both.map(pick));
    // One fiscal year: no "By fiscal year" block.
    expect(buildValuation(ctx(FY2025))!.summaries.some((s) => s.title.startsWith("By fiscal year"))).toBe(false);
  });

  it("balances the Journal: debits 12.05 = credits 12.05", () => {
    const j = buildJournal(ctx(TWO_YEARS), [inventoryJournal])!;
    expect(summaryRows(j, "Debits = credits")).toContainEqual({
      Source: "Total",
      Debit: 12.05,
      Credit: 12.05,
      [check]: 0,
    });
  });
});
