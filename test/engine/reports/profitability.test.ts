/**
 * Profitability on the hand-worked book of handWorked.ts (the worked figures are there).
 */
import { buildProfitability, PROFIT_FACT, PROFIT_HEADERS } from "../../../src/engine/reports/profitability";
import { MONTHLY_HEADERS } from "../../../src/engine/reports/profitabilityParts/monthly";
import { d, makeContext, summaryRows, tableRows, type Rec } from "./fixture";

import { ASSETS, FY2025, ITEMS, LEDGER } from "./handWorked";

const sheet = (extra: Parameters<typeof makeContext>[1] = {}, ledger = LEDGER) => {
  const s = buildProfitability(makeContext({ Items: ITEMS, Ledger: ledger, Assets: ASSETS }, { ...FY2025, ...extra }));
  if (!s) throw new Error("no sheet");
  return s;
};

describe("Profitability (hand-worked ledger)", () => {
  it("has one fact row per sale and customer return of the period, with the line's FIFO cost", () => {
    const facts = tableRows(sheet(), PROFIT_FACT);
    expect(facts.map((f) => [f.SKU, f.Type, f.Quantity])).toEqual([
      ["W", "Sale", 12],
      ["W", "CustomerReturn", -2],
      ["SV", "Sale", 1],
      ["W", "Sale", 3],
    ]);
    const [sale, ret, service, sale2] = facts;
    expect(sale).toMatchObject({ Revenue: 60, COGS: 26, "Gross margin": 34, Date: d(2025, 2, 3) });
    expect(sale).toMatchObject({ FiscalYear: 2025, Quarter: "Q1", Month: "2025-02", Category: "Parts" });
    expect(sale).toMatchObject({ Location: "North", Party: "Acme", Description: "Widget", CostCenter: "CC-A" });
    expect(ret.Revenue).toBe(-10);
    // −(26/12 × 2) = −4.3333, printed to the cent: the item's rows 26 − 4.33 + 9 = 30.67, its line (a pivot sums them).
    expect(ret.COGS).toBe(-4.33);
    expect(ret["Gross margin"]).toBe(-5.67);
    expect(service).toMatchObject({ Revenue: 100, COGS: 40, "Gross margin": 60, Location: "(none)" });
    expect(sale2).toMatchObject({ Revenue: 18, COGS: 9, Location: "South", Quarter: "Q2", Month: "2025-05" });
  });

  it("sums by category and item, month, location and customer, with margin %", () => {
    const s = sheet();
    const cat = summaryRows(s, "By category and item");
    expect(cat[0]["Category / item"]).toBe("Parts (1 item)");
    expect(cat[0]).toMatchObject({ Quantity: 13, Revenue: 68, COGS: 30.67, "Gross margin": 37.33 });
    expect(cat[0]["Margin %"] as number).toBeCloseTo(37.333333 / 68, 6);
    expect(cat[1]["Category / item"]).toBe("    W Widget");
    const total = cat[cat.length - 1];
    expect(total).toMatchObject({ "Category / item": "Total", Revenue: 168, COGS: 70.67, "Gross margin": 97.33 });
    expect(total["Margin %"] as number).toBeCloseTo(97.333333 / 168, 6);

    const months = summaryRows(s, "By month");
    expect(months).toHaveLength(13); // every month of FY2025 + total
    expect(months[1]).toMatchObject({ Month: "2025-02", Revenue: 50, COGS: 21.67 });
    expect(months[0]).toMatchObject({ Month: "2025-01", Revenue: 0, "Margin %": null });

    expect(summaryRows(s, "By location")).toEqual([
      expect.objectContaining({ Location: "North", Revenue: 50, COGS: 21.67 }),
      expect.objectContaining({ Location: "South", Revenue: 18, COGS: 9 }),
      expect.objectContaining({ Location: "(none)", Revenue: 100, COGS: 40 }),
      expect.objectContaining({ Location: "Total", Revenue: 168 }),
    ]);
    expect(summaryRows(s, "By customer")).toEqual([
      expect.objectContaining({ Customer: "Acme", Revenue: 50, COGS: 21.67 }),
      expect.objectContaining({ Customer: "Beta", Revenue: 118, COGS: 49 }),
      expect.objectContaining({ Customer: "Total", Revenue: 168, COGS: 70.67 }),
    ]);
  });

  it("shows profit by cost center after the depreciation of its assets", () => {
    const cc = summaryRows(sheet(), "Profit by cost center");
    expect(cc).toEqual([
      expect.objectContaining({ "Cost center": "CC-A", "Gross margin": 37.33, Depreciation: 2400 }),
      expect.objectContaining({ "Cost center": "CC-B", "Gross margin": 60, Depreciation: 0 }),
      expect.objectContaining({ "Cost center": "Total", "Profit after depreciation": -2302.67 }),
    ]);
    expect(cc[0]["Profit after depreciation"]).toBe(-2362.67);
    expect(cc[1]["Profit after depreciation"]).toBe(60);
  });

  it("costs by the report's method override (LIFO) and says IFRS does not permit it", () => {
    const s = sheet({ valuationMethod: "LIFO" });
    expect(tableRows(s, PROFIT_FACT)[0].COGS).toBe(34);
    expect(s.notes.join(" ")).toMatch(/IFRS \(IAS 2\) does not permit LIFO/);
    expect(s.header.lines[1]).toMatch(/LIFO/);
    expect(sheet().notes.join(" ")).not.toMatch(/LIFO/);
  });

  it("has PivotTables by category → item, month, location and customer, and a monthly chart", () => {
    const s = sheet();
    expect(s.pivots.map((p) => [p.name, p.rows])).toEqual([
      ["PT_ProfitByCategory", ["Category", "SKU"]],
      ["PT_ProfitByMonth", ["Month"]],
      ["PT_ProfitByLocation", ["Location"]],
      ["PT_ProfitByCustomer", ["Party"]],
    ]);
    for (const p of s.pivots) {
      expect(p.values.map((v) => v.field)).toEqual(["Revenue", "COGS", "Gross margin"]);
      for (const f of p.rows) expect(PROFIT_HEADERS).toContain(f);
    }
    expect(s.charts).toEqual([
      expect.objectContaining({ table: "SB_ProfitMonthly", series: ["Revenue", "COGS", "Gross margin"] }),
    ]);
    const monthly = tableRows(s, "SB_ProfitMonthly");
    expect(monthly[1]).toMatchObject({ Month: "2025-02", Revenue: 50, "Sales revenue": 60, "Returns revenue": -10 });
    expect(monthly[1]).toMatchObject({ "Units sold": 12, "Units returned": -2, Lines: 2, Items: 1, Customers: 1 });
  });

  it("keeps every table as wide as the sheet's widest row (the layout pads rows in place)", () => {
    const s = sheet();
    const widest = Math.max(...s.summaries.map((x) => x.headers.length), ...s.tables.map((t) => t.headers.length));
    for (const t of s.tables) expect(t.headers.length).toBe(widest);
    expect(MONTHLY_HEADERS).toHaveLength(PROFIT_HEADERS.length);
  });

  it("leaves out an item in error and lists it as left out (the Issues sheet gives the row)", () => {
    const bad: Rec[] = [
      ...LEDGER,
      { Date: d(2025, 6, 1), SKU: "X", Type: "Sale", Quantity: 2, UnitPrice: 9, Party: "Acme" }, // nothing on hand
    ];
    const s = sheet({}, bad);
    expect(tableRows(s, PROFIT_FACT).some((f) => f.SKU === "X")).toBe(false);
    const left = summaryRows(s, "Items left out");
    expect(left).toEqual([expect.objectContaining({ SKU: "X" })]);
    expect(String(left[0].Problem)).toMatch(/row 1[0-9]/);
    expect(summaryRows(s, "By category and item").at(-1)).toMatchObject({ Revenue: 168 });
  });

  it("names fiscal years and quarters by the fiscal year's last month (June: Feb is period 8, Q3 of FY2025)", () => {
    // FY2025 with a June year end runs 2024-07-01 to 2025-06-30; 2025-05-01 is period 11 (Q4).
    const facts = tableRows(sheet({ fiscalYearEndMonth: 6 }), PROFIT_FACT);
    expect(facts[0]).toMatchObject({ FiscalYear: 2025, Quarter: "Q3", Month: "2025-02" });
    expect(facts[3]).toMatchObject({ FiscalYear: 2025, Quarter: "Q4", Month: "2025-05" });
  });

  it("takes a return's revenue from its own UnitPrice when given", () => {
    const withPrice = LEDGER.map((r) => (r.Type === "CustomerReturn" ? { ...r, UnitPrice: 4 } : r));
    const ret = tableRows(sheet({}, withPrice), PROFIT_FACT)[1];
    expect(ret.Revenue).toBe(-8);
  });
});
