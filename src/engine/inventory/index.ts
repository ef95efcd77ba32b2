/**
 * Inventory ledger engine: valuation (FIFO, LIFO, periodic weighted average, moving average), on hand per item
 * and location, COGS, revenue, returns, ageing, turnover, ABC and reorder. Pure: no Office, no I/O.
 *
 * ## API for the reports (and the BOOK functions)
 * - `readLedger(ledger: TableCells, items?: TableCells | null, opts?) → LedgerInput` — reads the Ledger's cells
 *   straight into compiled columns (cells.ts: the parser's validation and issues, rows it cannot vouch for go
 *   through parseTable) and attributes bad rows to items: `{ compiled, rows, items, skuErrors, tableError,
 *   issues }` (`rows`, the typed rows, are parsed when first read). Or `compileLedger(rows: LedgerRow[], items?:
 *   ItemRow[]) → CompiledLedger` from typed rows you already have.
 * - `valueLedger(ledger: LedgerRow[] | CompiledLedger, options?: ValueOptions, items?: ItemRow[])
 *   → ValuationResult` — the one pass. Options: `method` (override for every item), `defaultMethod`
 *   (Settings.valuationMethod), `from`, `to` (as-of date), `fiscalYearEndMonth`, `weightedPeriod`,
 *   `allowNegativeStock`, `lots` (keep FIFO/LIFO layers), `lineCosts` (cost per ledger row), `needs`
 *   ("value" for a plain valuation: FIFO/LIFO/MOVING skip outflow90, cogs12m and `locations`, and their
 *   location-below-zero warnings; every other figure is the same to the bit. Reorder, ABC, ONHAND by location
 *   and reports keep the default "all").
 *   Result: `items: SkuResult[]`, `get(sku)`, `issues: InventoryIssue[]` (row-numbered errors and warnings),
 *   `lineCost: Float64Array | null` aligned with the rows passed to compileLedger/readLedger (`input.rows[k]`).
 *   The pass computes every figure into typed columns; `items`, `get(sku)` and `issues` build their objects
 *   and messages when first read (results.ts), and give the same objects on every read.
 * - `SkuResult`: `opening {quantity, value}`, `receipts`, `vendorReturns`, `adjustments` (signed), `sales`,
 *   `customerReturns`, `issues` (each {quantity, value} for the span), `cogs`, `revenue`, `onHand`, `value`,
 *   `unitCost`, `locations`, `lots`, `outflow90`, `cogs12m`, `method`, `service`, `error`.
 *   Roll-forward, exact to full precision: opening.value + receipts.value − vendorReturns.value
 *   + adjustments.value = cogs + issues.value + value.
 * - `ageing(lots, asOf) → Ageing` (average age, buckets 0-30/31-60/61-90/91+ in units and value; pass lots of a
 *   FIFO run), `turnover(r, from, to) → Turnover | EngineError` (turnover and days inventory outstanding),
 *   `abcClasses(results) → ("A"|"B"|"C")[]`, `reorder(r, itemRow) → Reorder` (reorder point, suggested order).
 * - `LedgerCache` — parsed ledgers and valuations cached on the tables' full contents (used by the functions).
 *
 * ```ts
 * const input = readLedger({ header, rows }, { header: itemsHeader, rows: itemsRows });
 * const v = valueLedger(input.compiled, { from, to, defaultMethod: settings.valuationMethod,
 *   fiscalYearEndMonth: settings.fiscalYearEndMonth, weightedPeriod: settings.weightedPeriod,
 *   allowNegativeStock: settings.allowNegativeStock, lineCosts: true });
 * for (const r of v.items) {
 *   const err = input.tableError ?? input.skuErrors.get(r.sku.toLowerCase()) ?? r.error; // show it, not figures
 * }
 * input.rows.forEach((row, k) => row.Type === "Sale" && v.lineCost![k]); // COGS of each sale line
 * const fifo = valueLedger(input.compiled, { method: "FIFO", to, lots: true }); // ageing needs FIFO lots
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
 *   like any outflow of the method (FIFO/LIFO take lots in order; the averages take the average). Such an
 *   unmatched return (no Reference, or none of that SKU's Sales/Receipts carries it) is also a warning issue on
 *   its row, so it shows on the Issues sheet (services excepted: they hold no stock).
 * - When Items rows are given (at least one), every used Ledger row of a SKU they do not list is a warning issue
 *   ("not in the Items table … Add it to Items"); the row is still valued, as a stock item by the method in force.
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
export { OnHandCache, quickOnHand, type QuickOnHand } from "./onhand";
