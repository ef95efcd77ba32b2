/**
 * Inventory journal entries on the hand-worked ledger of profitability.test.ts (FIFO, FY = calendar year).
 * FY2025 (W, category Parts; the service SV holds no stock and is left out):
 *   REC-FY2025  Dr 1400 Inventory 30.00 / Cr 2000 Accounts payable 30.00 (receipt 10 @ 3)
 *   COGS-FY2025 Dr 5000 COGS 30.67 / Cr 1400 Inventory 30.67        (26 − 4.3333 + 9)
 *   ISS-FY2025  Dr 6200 Materials consumed 3.00 / Cr 1400 3.00      (issue 1 @ 3)
 *   ADJ-FY2025  Dr 5100 Inventory adjustments 3.00 / Cr 1400 3.00   (count −1 @ 3)
 * Net on 1400 Inventory: 30 − 30.67 − 3 − 3 = −6.67 = closing 13.33 − opening 20.00.
 * A period from 2024-12-01 adds FY2024: REC-FY2024 Dr 1400 20.00 / Cr 2000 20.00 (receipt 10 @ 2).
 * Goods received are owed to the vendor (accounts payable), not paid in cash; a return to the vendor reverses
 * it (Dr payables / Cr inventory). Cash moves only with disposals' proceeds.
 */
import { buildJournal } from "../../../src/engine/reports/journal";
import { inventoryJournal } from "../../../src/engine/reports/journalInventory";
import { d, makeContext, summaryRows } from "./fixture";

import { ASSETS, FY2025, ITEMS, LEDGER, LEDGER_WITH_VENDOR_RETURN } from "./handWorked";

const lines = (req = FY2025) =>
  inventoryJournal.lines(makeContext({ Items: ITEMS, Ledger: LEDGER, Assets: ASSETS }, req));
const pick = (l: ReturnType<typeof lines>[number]) => [l.entry, l.account, l.debit, l.credit, l.reference];

describe("inventory journal (hand-worked ledger)", () => {
  it("posts a return to the vendor Dr accounts payable / Cr inventory at the receipt's cost (1 @ 3)", () => {
    const out = inventoryJournal.lines(
      makeContext({ Items: ITEMS, Ledger: LEDGER_WITH_VENDOR_RETURN, Assets: ASSETS }, FY2025)
    );
    expect(out.filter((l) => l.entry === "VRT-FY2025").map(pick)).toEqual([
      ["VRT-FY2025", "2000 Accounts payable", 3, 0, "Parts"],
      ["VRT-FY2025", "1400 Inventory", 0, 3, "Parts"],
    ]);
    expect(out.some((l) => l.account === "1000 Cash")).toBe(false);
  });

  it("posts receipts, COGS, issues and adjustments per fiscal year and category", () => {
    const out = lines();
    expect(out.map(pick)).toEqual([
      ["REC-FY2025", "1400 Inventory", 30, 0, "Parts"],
      ["REC-FY2025", "2000 Accounts payable", 0, 30, "Parts"],
      ["COGS-FY2025", "5000 Cost of goods sold", 30.67, 0, "Parts"],
      ["COGS-FY2025", "1400 Inventory", 0, 30.67, "Parts"],
      ["ISS-FY2025", "6200 Materials consumed", 3, 0, "Parts"],
      ["ISS-FY2025", "1400 Inventory", 0, 3, "Parts"],
      ["ADJ-FY2025", "1400 Inventory", 0, 3, "Parts"],
      ["ADJ-FY2025", "5100 Inventory adjustments", 3, 0, "Parts"],
    ]);
    for (const l of out) expect(l.date).toBe(d(2025, 12, 31));
    const inv = out.filter((l) => l.account === "1400 Inventory").reduce((s, l) => s + l.debit - l.credit, 0);
    expect(inv).toBeCloseTo(13.33 - 20, 10);
  });

  it("balances every entry and shows a zero check on the Journal sheet", () => {
    const out = lines();
    const byEntry = new Map<string, number>();
    for (const l of out) byEntry.set(l.entry, (byEntry.get(l.entry) ?? 0) + l.debit - l.credit);
    for (const v of byEntry.values()) expect(v).toBeCloseTo(0, 10);
    const j = buildJournal(makeContext({ Items: ITEMS, Ledger: LEDGER }, FY2025), [inventoryJournal])!;
    expect(summaryRows(j, "Debits = credits")).toContainEqual({
      Source: "Total",
      Debit: 66.67,
      Credit: 66.67,
      "Check (must be 0)": 0,
    });
  });

  it("splits a period over two fiscal years into an entry per year", () => {
    const out = lines({ from: d(2024, 12, 1), to: d(2025, 12, 31) });
    expect(out.filter((l) => l.entry.endsWith("FY2024")).map(pick)).toEqual([
      ["REC-FY2024", "1400 Inventory", 20, 0, "Parts"],
      ["REC-FY2024", "2000 Accounts payable", 0, 20, "Parts"],
    ]);
    expect(out.find((l) => l.entry === "REC-FY2024")!.date).toBe(d(2024, 12, 31));
    expect(out.filter((l) => l.entry.endsWith("FY2025")).map(pick)).toEqual(lines().map(pick));
  });

  it("uses the account codes of the settings", () => {
    const ctx = makeContext({ Items: ITEMS, Ledger: LEDGER }, FY2025);
    ctx.settings.accounts = { ...ctx.settings.accounts, inventory: "130 Stock", payables: "210 Trade creditors" };
    const accounts = new Set(inventoryJournal.lines(ctx).map((l) => l.account));
    expect(accounts).toContain("130 Stock");
    expect(accounts).toContain("210 Trade creditors");
    expect(accounts).not.toContain("1400 Inventory");
  });
});
