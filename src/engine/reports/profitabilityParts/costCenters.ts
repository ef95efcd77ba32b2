/**
 * Profit by cost center after depreciation: the gross margin of the items of a cost center (Items.CostCenter)
 * less the depreciation expense of the assets of that cost center (Assets.CostCenter) for the report period —
 * the same per-asset figure the Depreciation sheet shows (depreciationRun).
 */
import { round } from "../../money";
import { depreciationRun } from "../deprRun";
import type { ReportCell, ReportContext, Summary } from "../model";
import { footed, orNone } from "../tally";
import type { ProfitLine } from "./lines";
import type { ShownFigures } from "./shown";
import { Groups, marginPct } from "./tally";

export interface CostCenterProfit {
  costCenter: string;
  /** Sums of the printed fact rows (shown.ts), so a pivot of the facts by CostCenter shows the same. */
  revenue: number;
  cogs: number;
  /** Full-precision revenue and COGS, for margin %. */
  rawRevenue: number;
  rawCogs: number;
  depreciation: number;
}

export function costCenterProfit(
  ctx: ReportContext,
  lines: readonly ProfitLine[],
  shown: ShownFigures
): CostCenterProfit[] {
  const sales = new Groups();
  const depr = new Groups(); // depreciation carried in the `cogs` slot
  lines.forEach((l, k) => sales.add([l.costCenter], 0, shown.revenue[k], shown.cogs[k], l.revenue, l.cogs));
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
      rawRevenue: s?.rawRevenue ?? 0,
      rawCogs: s?.rawCogs ?? 0,
      depreciation: depr.get(k.keys)?.cogs ?? 0,
    };
  });
}

export function costCenterSummary(list: readonly CostCenterProfit[], dec: number): Summary {
  // Each figure rounded first; margin, profit and the Total row are built from the rounded figures, so every
  // line cross-foots and the Total foots (and its depreciation equals the Depreciation sheet's and the Journal's).
  const r = (x: number) => round(x, dec);
  // Revenue and COGS are sums of the printed fact rows like the sheet's other summaries (sums of cents: rounding
  // drops float dust only), so the totals are the same numbers and a pivot of the facts by CostCenter agrees.
  const rounded = list.map((c) => ({ revenue: r(c.revenue), cogs: r(c.cogs), depreciation: r(c.depreciation) }));
  const cells = (c: Pick<CostCenterProfit, "revenue" | "cogs" | "depreciation">, name: string): ReportCell[] => [
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
  list.forEach((c, i) => (rows[i][4] = marginPct(c.rawRevenue, c.rawCogs)));
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
