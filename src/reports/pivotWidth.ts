/**
 * How many columns a PivotTable will take at most, from its source facts: the row labels (one column in Excel's
 * compact layout; one per row field at worst), then per value field one column per column-field item, its
 * subtotals and the grand total. Lets a port place a sheet's PivotTables side by side in one request; an estimate
 * too small makes the host refuse them, and the port then adds them one at a time.
 */
import type { FactTable, PivotModel } from "../engine/reports/model";

export function pivotWidth(p: PivotModel, source: FactTable | undefined): number {
  const values = Math.max(1, p.values.length);
  const columns = p.columns ?? [];
  let items = 1; // the grand total
  if (columns.length > 0 && source) {
    // Every combination of column items, with a subtotal per item of each outer field: ∏(distinct + 1) bounds it.
    items = columns.reduce((n, f) => {
      const c = source.headers.indexOf(f);
      const distinct = c < 0 ? 1 : new Set(source.rows.map((r) => r[c])).size;
      return n * (distinct + 1);
    }, 1);
  } else if (columns.length > 0) items = 64;
  return Math.max(1, p.rows.length) + values * items;
}
