/**
 * Profit by cost center after depreciation: the gross margin of the items of a cost center (Items.CostCenter)
 * less the depreciation expense of the assets of that cost center (Assets.CostCenter) for the report period —
 * the same per-asset figure the Depreciation sheet shows (depreciationRun).
 */
import { round } from "../../money";
import { depreciationRun } from "../deprRun";
import type { ReportCell, ReportContext, Summary } from "../model";
import { allocate, footed, orNone } from "../tally";
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
  // Each figure rounded first; margin, profit and the Total row are built from the rounded figures, so every
  // line cross-foots and the Total foots (and its depreciation equals the Depreciation sheet's and the Journal's).
  const r = (x: number) => round(x, dec);
  // Revenue and COGS allocated to the cent like the sheet's other summaries, so the totals are the same numbers.
  const rev = allocate(
    list.map((c) => c.revenue),
    dec
  );
  const cogs = allocate(
    list.map((c) => c.cogs),
    dec
  );
  const rounded = list.map((c, i) => ({ revenue: rev[i], cogs: cogs[i], depreciation: r(c.depreciation) }));
  const cells = (c: Omit<CostCenterProfit, "costCenter">, name: string): ReportCell[] => [
    name,
    c.revenue,
    c.cogs,
    footed([c.revenue, -c.cogs], dec),
    marginPct(c.revenue, c.cogs),
    c.depreciation,
    footed([c.revenue, -c.cogs, -c.depreciation], dec),
  ];
  const t = {
    revenue: footed(
      rounded.map((c) => c.revenue),
      dec
    ),
    cogs: footed(
      rounded.map((c) => c.cogs),
      dec
    ),
    depreciation: footed(
      rounded.map((c) => c.depreciation),
      dec
    ),
  };
  const rows = [...rounded.map((c, i) => cells(c, list[i].costCenter)), cells(t, "Total")];
  // Margin % of each cost center from its full-precision figures (as BOOK.MARGINPCT gives them).
  list.forEach((c, i) => (rows[i][4] = marginPct(c.revenue, c.cogs)));
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
