/**
 * BUG-H10 (docs/HARDENING.md), the adapter's part: a chart request Excel stops part-way leaves a half-made chart
 * ("Chart 1", without its name, title or series choice). addChart must remove it before answering ok:false, and
 * leave the sheet's earlier charts alone.
 */
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import type { ChartSpec } from "../../src/port/types";
import { ExcelFake } from "../fakes/excelFake";
import { installFakeExtras } from "./fakeExtras";

installFakeExtras();

async function sheetWithTable() {
  const fake = new ExcelFake();
  const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
  await port.writeSheet({
    name: "Profit",
    blocks: [
      { kind: "table", name: "Monthly", headers: ["Month", "Revenue", "COGS", "Margin"], rows: [["Jan", 10, 6, 4]] },
    ],
  });
  return { fake, port };
}
const chart = (name: string): ChartSpec => ({
  name,
  sheet: "Profit",
  sourceTable: "Monthly",
  series: ["Revenue", "Margin"],
  type: "line",
  title: "Revenue and margin",
});

describe("addChart failure (BUG-H10)", () => {
  it("makes its chart in 4 syncs (state, source table, anchor with the sheet's charts, the chart)", async () => {
    const { fake, port } = await sheetWithTable();
    fake.resetCounters();
    expect(await port.addChart(chart("RevenueChart"))).toEqual({ ok: true });
    expect(fake.syncs).toBe(4);
  });

  it.each([0, 1, 2, 3, 4, 5, 6])(
    "a chart request failing after %i operations leaves no chart, keeps the earlier one, and a retry works",
    async (applied) => {
      const { fake, port } = await sheetWithTable();
      expect(await port.addChart(chart("First"))).toEqual({ ok: true });
      fake.resetCounters();
      fake.failAtSync = 4;
      fake.applyBeforeFailure = applied;
      const r = await port.addChart(chart("RevenueChart"));
      expect(r.ok).toBe(false);
      expect(r.ok === false && r.reason).toMatch(/could not add the chart RevenueChart/);
      expect(fake.state.charts.map((c) => c.name)).toEqual(["First"]);
      fake.failAtSync = 0;
      expect(await port.addChart(chart("RevenueChart"))).toEqual({ ok: true });
      expect(fake.state.charts.map((c) => [c.name, c.title, c.series])).toEqual([
        ["First", "Revenue and margin", ["Revenue", "Margin"]],
        ["RevenueChart", "Revenue and margin", ["Revenue", "Margin"]],
      ]);
    }
  );
});
