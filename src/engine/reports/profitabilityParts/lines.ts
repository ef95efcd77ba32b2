/**
 * The Profitability facts: one line per Sale and CustomerReturn row of the period, of items that are valued,
 * with the cost the shared valuation gave that row (by the item's method or the report's override). A customer
 * return is a negative line: its units, revenue and cost come back.
 */
import type { EngineError } from "../../errors";
import type { SkuResult } from "../../inventory";
import type { LedgerRow } from "../../schema/rows";
import { inventoryRun } from "../inventoryRun";
import type { ReportContext } from "../model";
import { orNone } from "../tally";
import { itemError, itemRowOf, lineRevenue } from "./items";

export interface ProfitLine {
  row: LedgerRow;
  result: SkuResult;
  description: string | null;
  category: string;
  costCenter: string;
  service: boolean;
  /** Signed: returns negative. */
  quantity: number;
  revenue: number;
  cogs: number;
}

export interface ProfitLines {
  lines: ProfitLine[];
  /** Items with sales or returns in the period whose figures are withheld, with why. */
  withheld: { result: SkuResult; error: EngineError }[];
}

export function profitLines(ctx: ReportContext): ProfitLines {
  return ctx.memo("profitability:lines", () => {
    const { input, result } = inventoryRun(ctx);
    const { from, to } = ctx.options;
    const cost = result.lineCost;
    const revenue = lineRevenue(input.compiled, to);
    const lines: ProfitLine[] = [];
    const withheld = new Map<SkuResult, EngineError>();
    const rows = input.rows;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      const sale = row.Type === "Sale";
      if (!sale && row.Type !== "CustomerReturn") continue;
      const day = Math.floor(row.Date);
      if (day < from || day > to) continue;
      const r = result.get(row.SKU);
      if (!r) continue;
      const err = itemError(input, r);
      const c = cost ? cost[k] : NaN;
      if (err || c !== c) {
        if (err) withheld.set(r, err);
        continue;
      }
      const item = itemRowOf(input.compiled, r.sku);
      const sign = sale ? 1 : -1;
      lines.push({
        row,
        result: r,
        description: item?.Description ?? null,
        category: orNone(item?.Category),
        costCenter: orNone(item?.CostCenter),
        service: r.service,
        quantity: sign * row.Quantity,
        revenue: revenue[k],
        cogs: sign * c,
      });
    }
    return { lines, withheld: [...withheld].map(([r, error]) => ({ result: r, error })) };
  });
}
