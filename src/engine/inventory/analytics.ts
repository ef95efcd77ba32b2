/**
 * Figures derived from an item's valuation: stock ageing, turnover and days inventory outstanding, ABC class,
 * reorder advice. Each takes a SkuResult (see valueLedger) and returns numbers or an engine error.
 */
import { divZero, type EngineError } from "../errors";
import { inventoryMessages as M } from "../messages/inventory";
import type { ItemRow } from "../schema/rows";
import type { Lot, SkuResult } from "./types";

export interface Ageing {
  quantity: number;
  /** Quantity-weighted average age in days of the units on hand (0 when none). */
  averageAge: number;
  /** Units aged 0-30, 31-60, 61-90 and 91+ days. */
  buckets: [number, number, number, number];
  /** Cost value of the same buckets. */
  bucketValues: [number, number, number, number];
}

/** Ageing of FIFO lots as of a date: age = asOf − the lot's receipt date, in days. */
export function ageing(lots: readonly Lot[], asOf: number): Ageing {
  const buckets: [number, number, number, number] = [0, 0, 0, 0];
  const bucketValues: [number, number, number, number] = [0, 0, 0, 0];
  let quantity = 0;
  let weighted = 0;
  for (const lot of lots) {
    const age = Math.max(0, asOf - lot.date);
    const b = age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3;
    buckets[b] += lot.quantity;
    bucketValues[b] += lot.quantity * lot.unitCost;
    quantity += lot.quantity;
    weighted += lot.quantity * age;
  }
  return { quantity, averageAge: quantity > 0 ? weighted / quantity : 0, buckets, bucketValues };
}

export interface Turnover {
  /** COGS of the span ÷ mean of its opening and closing inventory value. */
  turnover: number;
  /** Days in the span ÷ turnover. */
  daysInventoryOutstanding: number | EngineError;
}

/** Turnover of the span the result was valued over ([from, to], both inclusive). */
export function turnover(r: SkuResult, from: number, to: number): Turnover | EngineError {
  const average = (r.opening.value + r.value) / 2;
  if (!(Math.abs(average) > 1e-9)) return divZero(M.noAverageInventory(r.sku));
  const t = r.cogs / average;
  const days = to - from + 1;
  return { turnover: t, daysInventoryOutstanding: t !== 0 ? days / t : divZero(M.noAverageInventory(r.sku)) };
}

export type AbcClass = "A" | "B" | "C";

/**
 * ABC classes by the last 12 months' net COGS (SkuResult.cogs12m): sorted largest first, an item is A while the
 * share of the items before it is under 80%, B under 95%, else C (so the largest item is always A). Items
 * without COGS are C. Returns classes in the order of `results`.
 */
export function abcClasses(results: readonly SkuResult[]): AbcClass[] {
  const total = results.reduce((a, r) => a + (r.error || !(r.cogs12m > 0) ? 0 : r.cogs12m), 0);
  const order = results.map((_, i) => i).sort((a, b) => results[b].cogs12m - results[a].cogs12m || a - b);
  const out: AbcClass[] = results.map(() => "C");
  let before = 0;
  for (const i of order) {
    const c = results[i].cogs12m;
    if (results[i].error || !(c > 0) || total <= 0) continue;
    const share = before / total;
    out[i] = share < 0.8 ? "A" : share < 0.95 ? "B" : "C";
    before += c;
  }
  return out;
}

export interface Reorder {
  /** Units out through sales and issues per day, averaged over the 90 days up to the as-of date. */
  averageDailyOutflow: number;
  reorderPoint: number;
  /** Units to order now: 0 when on hand is above the reorder point. */
  suggestedOrder: number;
}

/**
 * Reorder point = average daily outflow (last 90 days) × LeadTimeDays + SafetyStock, or the Items table's
 * ReorderPoint when given. When on hand ≤ reorder point: order ReorderQty if given, else reorder point + 30
 * days of average outflow − on hand.
 */
export function reorder(r: SkuResult, item: ItemRow | null | undefined): Reorder {
  const daily = r.outflow90 / 90;
  const point = item?.ReorderPoint ?? daily * (item?.LeadTimeDays ?? 0) + (item?.SafetyStock ?? 0);
  let order = 0;
  if (r.onHand <= point) order = item?.ReorderQty ?? Math.max(0, point + 30 * daily - r.onHand);
  return { averageDailyOutflow: daily, reorderPoint: point, suggestedOrder: order };
}
