/**
 * Every PivotTable shows, to the cent, the static lines printed beside it. A PivotTable sums the fact rows of its
 * table by its row (and column) fields; here the fact rows are summed the same way, independently of the report
 * code, and compared with each static line (its stand-in, or for Profitability the summary of the same cut):
 * every line, subtotal and total. Run on the demo workbook and on demo-shaped books from random seeds, periods of
 * one to three fiscal years and any year end, some with asset costs keyed to tenths of a cent.
 *
 * The demo must also keep every Profitability line (month, location, customer, item, cost center) within a cent of
 * its full-precision figure (the sum of the lines' unrounded revenue and COGS from the shared valuation), so
 * rounding the facts moved nothing further; the cost-center lines are the facts summed by CostCenter too.
 */
import fc from "fast-check";
import { demoWorkbook } from "../../../src/demo";
import { fiscalYear, fiscalYearBounds, toSerial } from "../../../src/engine/dates";
import { buildReports } from "../../../src/engine/reports/build";
import { createContext } from "../../../src/engine/reports/context";
import type {
  FactTable,
  PivotModel,
  ReportCell,
  ReportInput,
  SheetModel,
  Summary,
} from "../../../src/engine/reports/model";
import { reportOptions } from "../../../src/engine/reports/options";
import { dayInfo } from "../../../src/engine/reports/profitabilityParts/days";
import { profitLines } from "../../../src/engine/reports/profitabilityParts/lines";
import { defaultSettings } from "../../../src/engine/settings";
import { parsedTables } from "./fixture";

const cents = (x: ReportCell | undefined) => Math.round(Number(x ?? 0) * 100);
const SEP = "\u0000";
const key = (parts: ReportCell[]) => parts.map((p) => String(p ?? "").toLowerCase()).join(SEP);

/** `subCent`: asset costs keyed with tenths of a cent (a cost computed in Excel and pasted as a value). */
function inputOf(today: number, seed?: number, years = 1, fyEnd = 12, subCent = false): ReportInput {
  const data = demoWorkbook(today, seed);
  const ci = data.Assets.header.indexOf("Cost");
  if (subCent) data.Assets.rows.forEach((r, k) => (r[ci] = Number(r[ci]) + ((k * 37) % 100) / 1000 + 0.0004));
  const settings = defaultSettings();
  settings.fiscalYearEndMonth = fyEnd;
  const from = fiscalYearBounds(fiscalYear(today, fyEnd) - years + 1, fyEnd).start;
  const options = reportOptions(settings, { from, to: today, now: new Date(2026, 10, 25, 9) });
  return { ...parsedTables((n) => data[n]), settings, options };
}

/** What a PivotTable shows: per combination of its row and column fields, each value's Sum (cents) or Count. */
function pivotSums(t: FactTable, p: PivotModel): Map<string, number[]> {
  const fields = [...p.rows, ...(p.columns ?? [])].map((f) => t.headers.indexOf(f));
  const vals = p.values.map((v) => ({ i: t.headers.indexOf(v.field), count: v.summarizeBy === "Count" }));
  expect(fields.every((i) => i >= 0) && vals.every((v) => v.i >= 0)).toBe(true);
  const out = new Map<string, number[]>();
  const add = (k: string, r: ReportCell[]) => {
    const s = out.get(k) ?? vals.map(() => 0);
    vals.forEach((v, j) => (s[j] += v.count ? (r[v.i] === null ? 0 : 1) : cents(r[v.i])));
    out.set(k, s);
  };
  for (const r of t.rows) {
    // Every level a PivotTable shows: each prefix of its row fields (subtotals), and the grand total ("").
    for (let d = 0; d <= p.rows.length; d++) add(key(fields.slice(0, d).map((i) => r[i])), r);
    if (p.columns?.length)
      add(
        `${key(p.rows.map((f) => r[t.headers.indexOf(f)]))}|${key(p.columns.map((f) => r[t.headers.indexOf(f)]))}`,
        r
      );
    if (p.columns?.length) add(`|${key(p.columns.map((f) => r[t.headers.indexOf(f)]))}`, r);
  }
  return out;
}

const PROFIT_CUTS: Record<string, string> = {
  PT_ProfitByMonth: "By month",
  PT_ProfitByLocation: "By location",
  PT_ProfitByCustomer: "By customer",
  PT_ProfitByCategory: "By category and item",
};

/** The static summary beside a pivot: its stand-in, or for Profitability the summary of the same cut. */
const standIn = (sheet: SheetModel, p: PivotModel): Summary | undefined =>
  sheet.summaries.find((s) => s.fallbackFor === p.name) ??
  sheet.summaries.find((s) => PROFIT_CUTS[p.name] !== undefined && s.title === PROFIT_CUTS[p.name]);

/** Static lines of a summary as (pivot key, value cells): "Total" is the grand total (key ""). */
function staticLines(s: Summary, p: PivotModel): { k: string; cells: ReportCell[] }[] {
  const out: { k: string; cells: ReportCell[] }[] = [];
  const n = p.rows.length;
  const valueCols = p.values.map((v, j) => (s.headers.includes(v.field) ? s.headers.indexOf(v.field) : n + j));
  if (p.name === "PT_ProfitByCategory") {
    // "Parts (12 items)" is the category subtotal; "    SKU Description" an item under it.
    let cat = "";
    for (const r of s.rows) {
      const label = String(r[0]);
      if (label === "Total") out.push({ k: "", cells: valueCols.map((i) => r[i]) });
      else if (label.startsWith("    ")) {
        out.push({ k: key([cat, label.trim().split(" ")[0]]), cells: valueCols.map((i) => r[i]) });
      } else {
        cat = label.replace(/ \(\d+ items?\)$/, "");
        out.push({ k: key([cat]), cells: valueCols.map((i) => r[i]) });
      }
    }
    return out;
  }
  if (p.columns?.length) {
    // Category rows × FY columns (one value): each cell, each column's Total, each row's Total.
    const cols = s.headers.map((h, i) => ({ h, i })).filter(({ h }) => /^FY\d+$/.test(h));
    for (const r of s.rows) {
      const row = r[0] === "Total" ? "" : key([r[0]]);
      for (const { h, i } of cols) out.push({ k: `${row}|${key([Number(h.slice(2))])}`, cells: [r[i]] });
      const t = s.headers.indexOf("Total");
      if (t > 0) out.push({ k: row, cells: [r[t]] });
    }
    return out;
  }
  for (const r of s.rows)
    out.push({ k: r[0] === "Total" ? "" : key(r.slice(0, n)), cells: valueCols.map((i) => r[i]) });
  return out;
}

function expectPivotsAgree(sheets: SheetModel[]): number {
  let compared = 0;
  for (const sheet of sheets)
    for (const p of sheet.pivots) {
      const t = sheet.tables.find((x) => x.name === p.table) as FactTable;
      const s = standIn(sheet, p);
      expect([p.name, s !== undefined]).toEqual([p.name, true]);
      const sums = pivotSums(t, p);
      for (const line of staticLines(s as Summary, p)) {
        const want = sums.get(line.k) ?? p.values.map(() => 0);
        const got = line.cells.map((c, j) => (p.values[j].summarizeBy === "Count" ? Number(c ?? 0) : cents(c)));
        expect([p.name, line.k, got]).toEqual([p.name, line.k, want]);
        compared++;
      }
    }
  return compared;
}

/**
 * "Profit by cost center" has no PivotTable, but the fact table has a CostCenter column an accountant may pivot:
 * its revenue and COGS are the facts summed by CostCenter too.
 */
function expectCostCentersAgree(sheets: SheetModel[]): void {
  const prof = sheets.find((x) => x.name === "Profitability");
  if (!prof) return;
  const t = prof.tables.find((x) => x.name === "SB_Profitability") as FactTable;
  const p: PivotModel = {
    name: "cost centers",
    title: "",
    table: t.name,
    rows: ["CostCenter"],
    values: [
      { field: "Revenue", summarizeBy: "Sum", caption: "" },
      { field: "COGS", summarizeBy: "Sum", caption: "" },
    ],
  };
  const sums = pivotSums(t, p);
  const s = prof.summaries.find((x) => x.title.startsWith("Profit by cost center")) as Summary;
  for (const r of s.rows) {
    const k = r[0] === "Total" ? "" : key([r[0]]);
    const want = sums.get(k) ?? [0, 0];
    expect([k, cents(r[1]), cents(r[2])]).toEqual([k, ...want]);
  }
}

describe("PivotTables show the static lines beside them, to the cent", () => {
  it("on the demo workbook, where every Profitability line is also within a cent of its full figure", () => {
    const input = inputOf(toSerial(2026, 11, 25));
    const { sheets } = buildReports(input);
    expect(sheets.reduce((a, s) => a + s.pivots.length, 0)).toBeGreaterThanOrEqual(10);
    expect(expectPivotsAgree(sheets)).toBeGreaterThan(200);
    expectCostCentersAgree(sheets);

    // Independent reference: the unrounded lines summed per cut, rounded once.
    const { lines } = profitLines(createContext(input));
    const info = dayInfo(input.options.fiscalYearEndMonth);
    const cuts: Record<string, (l: (typeof lines)[number]) => string> = {
      "By month": (l) => info(l.row.Date).month,
      "By location": (l) => l.row.Location ?? "(none)",
      "By customer": (l) => l.row.Party ?? "(none)",
      "By category and item": (l) => l.result.sku,
      "Profit by cost center": (l) => l.costCenter,
    };
    const prof = sheets.find((x) => x.name === "Profitability") as SheetModel;
    for (const [title, cut] of Object.entries(cuts)) {
      const s = prof.summaries.find((x) => x.title.startsWith(title)) as Summary;
      const [ri, ci] = [s.headers.indexOf("Revenue"), s.headers.indexOf("COGS")];
      const full = new Map<string, [number, number]>();
      for (const l of lines) {
        const f = full.get(cut(l).toLowerCase()) ?? [0, 0];
        f[0] += l.revenue;
        f[1] += l.cogs;
        full.set(cut(l).toLowerCase(), f);
      }
      // Item lines are "    SKU Description" (category subtotals, not keyed by SKU, are left to the footing test).
      const label = (r: ReportCell[]) => String(r[0]).trim().split(" ")[0].toLowerCase();
      const rows = s.rows.slice(0, -1).filter((r) => title !== "By category and item" || String(r[0]).startsWith(" "));
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        const k = title === "By category and item" ? label(r) : String(r[0]).toLowerCase();
        const [rev, cogs] = full.get(k) ?? [0, 0];
        expect([title, r[0], Math.abs(cents(r[ri]) - rev * 100) < 1 + 1e-6]).toEqual([title, r[0], true]);
        expect([title, r[0], Math.abs(cents(r[ci]) - cogs * 100) < 1 + 1e-6]).toEqual([title, r[0], true]);
      }
    }
  });

  it("on random demo-shaped books, periods of one to three fiscal years and any year end", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (seed, day, years, fyEnd, subCent) => {
          const { sheets } = buildReports(inputOf(toSerial(2025, 1, 15) + day, seed, years, fyEnd, subCent));
          expect(expectPivotsAgree(sheets)).toBeGreaterThan(0);
          expectCostCentersAgree(sheets);
          // The Depreciation sheet's checks (roll-forwards, NBV = closing cost − closing accumulated) stay 0.00.
          const depr = sheets.find((x) => x.name === "Depreciation") as SheetModel;
          for (const sm of depr.summaries) {
            const c = sm.headers.indexOf("Check (must be 0)");
            if (c >= 0) for (const r of sm.rows) expect([sm.title, r[0], r[c]]).toEqual([sm.title, r[0], 0]);
            if (sm.title.startsWith("Net book value check")) expect(sm.rows[sm.rows.length - 1][1]).toBe(0);
          }
        }
      ),
      { numRuns: 6 }
    );
  });
});
