import { inventoryMethodLine, lifoNotes } from "../../../src/engine/reports/header";
import { reportOptions, reportYears, checkOptions } from "../../../src/engine/reports/options";
import { defaultSettings } from "../../../src/engine/settings";
import { d, makeContext } from "./fixture";

describe("header block", () => {
  it("notes that IFRS does not permit LIFO when an item uses it", () => {
    const ctx = makeContext({ Items: [{ SKU: "A", Method: "LIFO" }, { SKU: "B" }] });
    expect(inventoryMethodLine(ctx)).toBe("Inventory valuation: FIFO, LIFO (per item)");
    expect(lifoNotes(ctx)[0]).toMatch(/IFRS \(IAS 2\) does not permit LIFO/);
  });

  it("uses the report's override for every item", () => {
    const ctx = makeContext({ Items: [{ SKU: "A", Method: "LIFO" }] }, { valuationMethod: "MOVING" });
    expect(inventoryMethodLine(ctx)).toBe("Inventory valuation: MOVING (chosen for this report)");
    expect(lifoNotes(ctx)).toEqual([]);
  });
});

describe("report options", () => {
  it("default to the fiscal year to date (June year end: 15 Jan 2026 is in FY2026, from 1 Jul 2025)", () => {
    const s = { ...defaultSettings(), fiscalYearEndMonth: 6 };
    const o = reportOptions(s, { now: new Date(2026, 0, 15, 12, 0) });
    expect([o.from, o.to]).toEqual([d(2025, 7, 1), d(2026, 1, 15)]);
    expect(o.generatedAt).toBe(d(2026, 1, 15) + 0.5);
    expect(reportYears(o)).toEqual([2026]);
  });

  it("refuses a period that ends before it starts", () => {
    const o = reportOptions(defaultSettings(), { from: d(2025, 2, 1), to: d(2025, 1, 1) });
    expect(checkOptions(o)).toMatch(/starts after it ends/);
  });
});
