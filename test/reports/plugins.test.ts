/**
 * The runner with a sheet builder plugged in the way Profitability is: a fact table, a monthly table with a
 * chart over it, a pivot with columns and its static stand-in.
 */
import type { FactTable, SheetBuilder } from "../../src/engine/reports/model";
import { issuesSheet } from "../../src/engine/reports/issues";
import { generateReports } from "../../src/reports/generate";
import { FY2025, sampleBook } from "./fixture";

const TABLES: FactTable[] = [
  {
    name: "SB_PlugMonthly",
    headers: ["Month", "Revenue", "COGS", "Gross margin"],
    rows: [["2025-02", 20, 8, 12]],
    formats: { Revenue: "currency", COGS: "currency", "Gross margin": "currency" },
  },
  {
    name: "SB_PlugFacts",
    headers: ["Date", "SKU", "Month", "Revenue"],
    rows: [[45691, "S1", "2025-02", 20]],
    formats: { Date: "date", Revenue: "currency" },
  },
];

const monthly: SheetBuilder = {
  sheet: "Plugged In",
  build: (ctx) => ({
    name: "Plugged In",
    header: { title: "Plugged In", lines: [`Rows: ${ctx.tables.Ledger.rows.length}`] },
    notes: [],
    summaries: [
      {
        title: "Margin %",
        headers: ["Month", "Margin %"],
        rows: [["2025-02", 0.6]],
        formats: { "Margin %": "percent" },
      },
      {
        title: "Revenue by month",
        headers: ["Month", "Revenue"],
        rows: [["2025-02", 20]],
        fallbackFor: "PT_PlugByMonth",
      },
    ],
    tables: TABLES,
    pivots: [
      {
        name: "PT_PlugByMonth",
        title: "Revenue by month",
        table: "SB_PlugFacts",
        rows: ["SKU"],
        columns: ["Month"],
        values: [{ field: "Revenue", summarizeBy: "Sum" }],
      },
    ],
    charts: [
      {
        name: "CH_PlugMonthly",
        title: "Revenue, COGS and margin by month",
        type: "column",
        table: "SB_PlugMonthly",
        series: ["Revenue", "COGS", "Gross margin"],
      },
    ],
  }),
};

describe("a plugged-in sheet with a chart", () => {
  const builders = [monthly, issuesSheet];

  it("adds its PivotTable and its chart over the final table names, first in the workbook", async () => {
    const wb = await sampleBook();
    const res = await generateReports(wb, { ...FY2025, builders });
    expect(res.sheets[0]).toBe("Plugged In");
    expect(res.charts).toBe(1);
    const s = wb.sheets.get("Plugged In")!;
    expect(s.charts).toEqual([
      {
        name: "CH_PlugMonthly",
        sheet: "Plugged In",
        sourceTable: "SB_PlugMonthly",
        series: ["Revenue", "COGS", "Gross margin"],
        type: "column",
        title: "Revenue, COGS and margin by month",
      },
    ]);
    expect(s.pivots[0]).toMatchObject({ sourceTable: "SB_PlugFacts", columns: ["Month"] });
    const cells = wb.sheetValues("Plugged In").flat();
    expect(cells).toContain("Margin %");
    expect(cells).not.toContain("Revenue by month");
  });

  it("without PivotTables and charts, shows the static summaries and the monthly table", async () => {
    const wb = await sampleBook({ pivotsSupported: false });
    const res = await generateReports(wb, { ...FY2025, builders });
    expect(res.charts).toBe(0);
    const cells = wb.sheetValues("Plugged In").flat();
    expect(cells).toContain("Revenue by month");
    expect(cells).toContain("Gross margin");
  });
});
