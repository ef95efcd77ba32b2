/**
 * The report of the demo workbook reconciles with the BOOK custom functions: run through the in-memory port,
 * every figure of an item without issues on Inventory Valuation and Profitability equals what STOCKVALUE,
 * ONHAND, UNITCOST, REORDER, STOCKAGE, TURNOVER, REVENUE, COGS, MARGIN and MARGINPCT give for the same item and
 * period (the functions read the same Ledger and Items cells, as Excel would pass them with their headers).
 * Report cells are rounded for show (money to the cent, ages to 0.1 day, turnover to 0.01); the functions' full
 * figures are rounded the same way before comparing.
 */
import { toSerial } from "../../src/engine/dates";
import { round } from "../../src/engine/money";
import { demoWorkbook, fillMemoryWorkbook } from "../../src/demo";
import type { ValuationMethod } from "../../src/engine/settings";
import {
  cogs,
  margin,
  marginPct,
  onHand,
  reorder,
  revenue,
  stockAge,
  stockValue,
  turnover,
  unitCost,
} from "../../src/functions/inventory";
import { MemoryWorkbook } from "../../src/port/memory";
import type { CellValue } from "../../src/port/types";
import { generateReports } from "../../src/reports/generate";

const TODAY = toSerial(2026, 11, 25);
const FROM = toSerial(2026, 1, 1);
const data = demoWorkbook(TODAY);
const LEDGER = [data.Ledger.header, ...data.Ledger.rows] as CellValue[][];
const ITEMS = [data.Items.header, ...data.Items.rows] as CellValue[][];
const K = (sku: string) => [[sku]];
/** The value of a 1×1 result, or the error's code when the function fails. */
function one(f: () => unknown[][]): unknown {
  try {
    return f()[0][0];
  } catch (e) {
    return (e as { code: string }).code;
  }
}

type Row = Record<string, CellValue>;
const rowsOf = (wb: MemoryWorkbook, table: string): Row[] => {
  const t = wb.tables.get(table);
  if (!t) throw new Error(`no table ${table}`);
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
};

async function report(method: ValuationMethod | null) {
  const wb = new MemoryWorkbook();
  fillMemoryWorkbook(wb, TODAY);
  await generateReports(wb, { from: FROM, to: TODAY, valuationMethod: method, now: new Date(2026, 10, 25, 9) });
  return wb;
}

describe.each([null, "LIFO"] as (ValuationMethod | null)[])("demo workbook, method %s", (method) => {
  let wb: MemoryWorkbook;
  beforeAll(async () => {
    wb = await report(method);
  });
  const m = method ?? undefined;

  it("values every stock item without issues as STOCKVALUE, ONHAND, UNITCOST, REORDER, STOCKAGE, TURNOVER do", () => {
    const items = rowsOf(wb, "SB_Valuation").filter((r) => typeof r.Value === "number");
    expect(items.length).toBeGreaterThan(100);
    const locations = Object.keys(items[0]).filter((h) => h.startsWith("On hand: "));
    expect(locations.length).toBeGreaterThan(1);
    for (const r of items) {
      const sku = String(r.SKU);
      expect([sku, r["On hand"]]).toEqual([sku, one(() => onHand(LEDGER, K(sku), TODAY, null, ITEMS))]);
      for (const h of locations) {
        const at = one(() => onHand(LEDGER, K(sku), TODAY, h.slice("On hand: ".length), ITEMS));
        expect([sku, h, r[h]]).toEqual([sku, h, at]);
      }
      const value = one(() => stockValue(LEDGER, K(sku), TODAY, m, ITEMS)) as number;
      expect([sku, r.Value]).toEqual([sku, round(value, 2)]);
      const unit = one(() => unitCost(LEDGER, K(sku), TODAY, m, ITEMS)) as number;
      expect([sku, r["Unit cost"]]).toEqual([sku, round(unit, 2)]);
      const order = one(() => reorder(LEDGER, ITEMS, K(sku), TODAY)) as number;
      expect([sku, r["Suggested order"]]).toEqual([sku, round(order, 2)]);
      const age = one(() => stockAge(LEDGER, K(sku), TODAY, ITEMS)) as number;
      expect([sku, r["Average age (days)"]]).toEqual([sku, round(age, 1)]);
      const turns = one(() => turnover(LEDGER, K(sku), FROM, TODAY, m, ITEMS));
      if (typeof turns === "number") {
        expect([sku, r.Turnover]).toEqual([sku, round(turns, 2)]);
        // Days on hand = days in the period ÷ turnover (ACCOUNTING.md).
        const days = turns === 0 ? null : round((TODAY - FROM + 1) / turns, 1); // nothing sold: no days on hand
        expect([sku, r["Days on hand"]]).toEqual([sku, days]);
      } else expect([sku, r.Turnover, turns]).toEqual([sku, null, "#DIV/0!"]);
    }
  });

  it("gives each item's revenue, COGS, margin and margin % as REVENUE, COGS, MARGIN, MARGINPCT do", () => {
    const facts = rowsOf(wb, "SB_Profitability");
    const skus = [...new Set(facts.map((f) => String(f.SKU)))];
    expect(skus.length).toBeGreaterThan(100);
    const values = wb.sheetValues("Profitability");
    for (const sku of skus) {
      const mine = facts.filter((f) => f.SKU === sku);
      const sum = (h: string) => mine.reduce((s, f) => s + (f[h] as number), 0);
      const rev = one(() => revenue(LEDGER, K(sku), FROM, TODAY, ITEMS)) as number;
      const cost = one(() => cogs(LEDGER, K(sku), FROM, TODAY, m, ITEMS)) as number;
      const gm = one(() => margin(LEDGER, K(sku), FROM, TODAY, m, ITEMS)) as number;
      // The item's line under its category in "By category and item": revenue, COGS, margin, margin %.
      const line = values.find((r) => typeof r[0] === "string" && r[0].trim().startsWith(`${sku} `));
      expect(line).toBeDefined();
      // The fact rows are printed to the cent and add up to the item's line (what the PivotTable shows).
      expect([sku, round(sum("Revenue"), 2), round(sum("COGS"), 2), round(sum("Gross margin"), 2)]).toEqual([
        sku,
        ...(line!.slice(2, 5) as number[]),
      ]);
      const pct = one(() => marginPct(LEDGER, K(sku), FROM, TODAY, m, ITEMS));
      // Margin % is a ratio of sums added in another order: equal to 12 significant digits.
      const fig = (x: unknown) => (typeof x === "number" ? Number(x.toPrecision(12)) : x);
      // Revenue and COGS lines are allocated to the cent so the category subtotal and the sheet total foot (the
      // leftover cents go to the lines whose rounding lost most): each is within a cent of its own rounding of BOOK.REVENUE / BOOK.COGS
      // (full precision). Gross margin is revenue − COGS as shown (the line cross-foots); margin % is exact.
      const [lr, lc, lm, lp] = line!.slice(2, 6) as number[];
      expect([sku, fig(lp)]).toEqual([sku, fig(pct)]);
      expect(Math.abs(lr - rev)).toBeLessThanOrEqual(0.015 + 1e-9);
      expect(Math.abs(lc - cost)).toBeLessThanOrEqual(0.015 + 1e-9);
      expect(lm).toBeCloseTo(lr - lc, 9);
      expect(Math.abs(lm - gm)).toBeLessThanOrEqual(0.03 + 1e-9);
    }
  });

  it("closes the inventory roll-forward to 0.00 and ties its closing value to STOCKVALUE of all items", () => {
    const values = wb.sheetValues("Inventory Valuation");
    const title = values.findIndex((r) => String(r[0]).startsWith("Inventory roll-forward"));
    const header = values[title + 1];
    const rows: CellValue[][] = [];
    for (let i = title + 2; values[i] && values[i][0] !== null; i++) rows.push(values[i]);
    const check = header.indexOf("Check (must be 0)");
    for (const r of rows) expect(r[check]).toBe(0);
    const total = rows[rows.length - 1];
    expect(total[0]).toBe("Total");
    const all = one(() => stockValue(LEDGER, null as never, TODAY, m, ITEMS)) as number;
    expect(total[header.indexOf("Closing value")]).toBe(round(all, 2));
  });
});
