/**
 * Profit by cost center after depreciation: the gross margin of the items of a cost center (Items.CostCenter)
 * less the depreciation expense of the assets of that cost center (Assets.CostCenter) for the report period —
 * the same per-asset figure the Depreciation sheet shows (depreciationRun).
 */
import { round } from "../../money";
import { depreciationRun } from "../deprRun";
import type { ReportCell, ReportContext, Summary } from "../model";
import { orNone } from "../tally";
import type { ProfitLine } from "./lines";
import { Groups, marginPct } from "./tally";

export interface CostCenterProfit {
  costCenter: string;
  revenue: number;
  cogs: number;
  depreciation: number;
}

export function costCenterProfit(ctx: ReportContext, lines: readonly ProfitLine[]): CostCenterProfit[] {
  const sales = new Groups();
  const depr = new Groups(); // depreciation carried in the `cogs` slot
  for (const l of lines) sales.add([l.costCenter], 0, l.revenue, l.cogs);
  for (const d of depreciationRun(ctx).assets) if (d.ok) depr.add([orNone(d.asset.CostCenter)], 0, 0, d.depreciation);
  const keys = new Groups();
  for (const g of sales.sorted()) keys.touch(g.keys);
  for (const g of depr.sorted()) keys.touch(g.keys);
  return keys.sorted().map((k) => {
    const s = sales.get(k.keys);
    return {
      costCenter: k.keys[0],
      revenue: s?.revenue ?? 0,
      cogs: s?.cogs ?? 0,
      depreciation: depr.get(k.keys)?.cogs ?? 0,
    };
  });
}

export function costCenterSummary(list: readonly CostCenterProfit[], dec: number): Summary {
  const r = (x: number) => round(x, dec);
  const cells = (c: Omit<CostCenterProfit, "costCenter">, name: string): ReportCell[] => [
    name,
    r(c.revenue),
    r(c.cogs),
    r(c.revenue - c.cogs),
    marginPct(c.revenue, c.cogs),
    r(c.depreciation),
    r(c.revenue - c.cogs - c.depreciation),
  ];
  const t = list.reduce(
    (a, c) => ({
      revenue: a.revenue + c.revenue,
      cogs: a.cogs + c.cogs,
      depreciation: a.depreciation + c.depreciation,
    }),
    { revenue: 0, cogs: 0, depreciation: 0 }
  );
  const rows = [...list.map((c) => cells(c, c.costCenter)), cells(t, "Total")];
  return {
    title: "Profit by cost center after depreciation (gross margin of its items − depreciation of its assets)",
    headers: [
      "Cost center",
      "Revenue",
      "COGS",
      "Gross margin",
      "Gross margin %",
      "Depreciation",
      "Profit after depreciation",
    ],
    rows,
    formats: {
      Revenue: "currency",
      COGS: "currency",
      "Gross margin": "currency",
      Depreciation: "currency",
      "Profit after depreciation": "currency",
      "Gross margin %": "percent",
    },
    boldRows: [rows.length - 1],
  };
}
