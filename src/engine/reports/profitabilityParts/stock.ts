/**
 * Per-item stock figures for the Inventory Valuation sheet, from the shared valuation: reorder advice, status,
 * FIFO ageing, turnover and ABC class. Items whose figures are withheld (see items.ts) carry their error instead.
 */
import type { EngineError } from "../../errors";
import { abcClasses, ageing, reorder, turnover, valueLedger, type Ageing, type SkuResult } from "../../inventory";
import { round } from "../../money";
import type { ItemRow } from "../../schema/rows";
import { inventoryRun } from "../inventoryRun";
import type { ReportContext } from "../model";
import { itemError, itemRowOf } from "./items";

export type StockStatus = "OK" | "Reorder" | "Out of stock";

export interface StockLine {
  result: SkuResult;
  item: ItemRow | null;
  /** Set when the item's figures are withheld; the fields below are then not meaningful. */
  error: EngineError | null;
  reorderPoint: number;
  suggestedOrder: number;
  status: StockStatus;
  /** From a FIFO run's lots (whatever the item's method); null when that run could not value the item. */
  ageing: Ageing | null;
  turnover: number | null;
  daysOnHand: number | null;
  abc: "A" | "B" | "C";
}

/** Lots for ageing: the shared run's own where it is FIFO, else one FIFO run of the whole ledger (memoised). */
function fifoLots(ctx: ReportContext, r: SkuResult): SkuResult | null {
  if (r.method === "FIFO") return r;
  const fifo = ctx.memo("inventory:fifo-lots", () => {
    const { input } = inventoryRun(ctx);
    return valueLedger(input.compiled, {
      method: "FIFO",
      to: ctx.options.to,
      allowNegativeStock: ctx.options.allowNegativeStock,
      lots: true,
    });
  });
  const f = fifo.get(r.sku);
  return f && !f.error ? f : null;
}

export function stockLines(ctx: ReportContext): StockLine[] {
  return ctx.memo("valuation:lines", () => {
    const { input, result } = inventoryRun(ctx);
    const { from, to } = ctx.options;
    const stock = result.items.filter((r) => !r.service);
    const errors = stock.map((r) => itemError(input, r));
    const valued = stock.filter((_, i) => errors[i] === null);
    const classes = new Map(abcClasses(valued).map((c, i) => [valued[i], c]));
    return stock.map((r, i): StockLine => {
      const item = itemRowOf(input.compiled, r.sku);
      const error = errors[i];
      const advice = reorder(r, item);
      const t = error ? null : turnover(r, from, to);
      const ok = t !== null && !("code" in t);
      const lots = error ? null : fifoLots(ctx, r);
      return {
        result: r,
        item,
        error,
        reorderPoint: advice.reorderPoint,
        suggestedOrder: advice.suggestedOrder,
        status: r.onHand <= 0 ? "Out of stock" : r.onHand <= advice.reorderPoint ? "Reorder" : "OK",
        ageing: lots ? ageing(lots.lots, to) : null,
        turnover: ok ? t.turnover : null,
        daysOnHand: ok && typeof t.daysInventoryOutstanding === "number" ? t.daysInventoryOutstanding : null,
        abc: classes.get(r) ?? "C",
      };
    });
  });
}

/** Opening + receipts − vendor returns ± adjustments − COGS − issues − closing: 0 for a consistent valuation. */
export const rollForwardGap = (r: SkuResult): number =>
  r.opening.value + r.receipts.value - r.vendorReturns.value + r.adjustments.value - r.cogs - r.issues.value - r.value;

/**
 * One roll-forward line as shown: [opening, receipts, vendor returns, adjustments, COGS, issues, closing, gap],
 * each rounded to the currency decimals, except that Adjustments absorbs the rounding difference (as a ledger's
 * rounding line does): adjustments = closing − opening − receipts + vendor returns + COGS + issues + gap, from the
 * rounded figures. So the line closes to the cent (its check shows the valuation's own gap, 0 when consistent),
 * and the Journal posts these very amounts (journalInventory.ts), so the two sheets agree. `opening`, when given,
 * is the closing value the year before showed (a fiscal year opens with it; see inventoryYears.ts).
 */
export function shownRollForward(v: readonly number[], dec: number, opening?: number): number[] {
  const [o0, rc, vr, , c, is, k, g] = v.map((x) => round(x, dec));
  const o = opening ?? o0;
  const adj = round(k - o - rc + vr + c + is + g, dec);
  return [o, rc, vr, adj, c, is, k, g].map((x) => (x === 0 ? 0 : x));
}
