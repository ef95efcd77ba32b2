/**
 * Inventory ledger engine: valuation (FIFO, LIFO, periodic weighted average, moving average), on hand per item
 * and location, COGS, revenue, returns, ageing, turnover, ABC and reorder. Pure: no Office, no I/O.
 *
 * ## How to call it (reports, custom functions)
 * ```ts
 * const input = readLedger({ header, rows }, itemsTable);        // parse + attribute bad rows to items
 * const v = valueLedger(input.compiled, { from, to, method?, defaultMethod: settings.valuationMethod,
 *   fiscalYearEndMonth, weightedPeriod, allowNegativeStock, lots: true, lineCosts: true });
 * for (const r of v.items) {                                      // one SkuResult per item
 *   const err = input.tableError ?? input.skuErrors.get(r.sku.toLowerCase()) ?? r.error;  // show, skip figures
 *   // roll-forward: r.opening.value + r.receipts.value − r.vendorReturns.value + r.adjustments.value
 *   //             = r.cogs + r.issues.value + r.value
 * }
 * v.lineCost![k]   // cost of input.rows[k] (Sale: COGS of that sale line; CustomerReturn: cost back)
 * ageing(r.lots, to)          // needs lots from a FIFO run (valueLedger(..., { method: "FIFO", lots: true }))
 * turnover(r, from, to); abcClasses(v.items); reorder(r, itemRow)
 * ```
 *
 * ## Conventions
 * - Rows are processed in date order; rows on the same date keep the table's order. Rows after `to` are
 *   ignored; rows before `from` make the opening balance; flows are those of [from, to].
 * - SKUs, References and Locations match ignoring case.
 * - A return matches its original on Reference + SKU (Sale for a CustomerReturn, Receipt for a VendorReturn;
 *   several originals with one Reference count together, at their average cost). A customer return comes
 *   back at the cost its sale left at (FIFO/LIFO: a new lot dated at the return); a vendor return leaves at its
 *   receipt's cost, from that receipt's own lot under FIFO/LIFO. Without a match a customer return comes back
 *   at the current unit cost (average of what is on hand, else the last unit cost) and a vendor return leaves
 *   like any outflow of the method (FIFO/LIFO take lots in order; the averages take the average).
 * - Negative stock: error at the first row that takes an item below zero, unless allowNegativeStock; then the
 *   short units leave at the last unit cost and the receipt that covers them posts the cost difference as an
 *   adjustment (value stays conserved).
 * - Periodic weighted average: a period's outflows are costed when it closes; a period still open at `to`
 *   uses its rows so far. Opening at `from` (mid-period) is seen from `to`.
 * - Reorder demand (outflow90) = units sold + units issued in the 90 days ending at `to` (gross of returns).
 * - ABC by net COGS of the 12 months ending at `to` (or at the last ledger date when `to` is not given).
 * - Services (Items.Kind = Service) have revenue and direct cost (UnitCost) but no stock.
 */
export { compileLedger, type CompiledLedger } from "./compile";
export { readLedger, type LedgerInput, type TableCells } from "./read";
export { valueLedger } from "./value";
export {
  ageing,
  abcClasses,
  reorder,
  turnover,
  type Ageing,
  type AbcClass,
  type Reorder,
  type Turnover,
} from "./analytics";
export type { InventoryIssue, LocationQty, Lot, QtyValue, SkuResult, ValuationResult, ValueOptions } from "./types";
export { LedgerCache, type CachedLedger } from "./cache";
