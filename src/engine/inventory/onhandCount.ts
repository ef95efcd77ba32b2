/**
 * Counting from a scan (onhandScan.ts): units on hand per item as of a date, in total or at one location, or
 * null when the valuation must answer (stock going below zero, a return beyond what its sale sold).
 *
 * Totals do not depend on the order of the rows (integer quantities: every sum is exact), but the checks do:
 * they run over the rows in the valuation's order (by date, rows on one date in the table's order). That order is
 * built once per scan as packed columns (day, item, signed quantity, return group), read front to back.
 */
import { TRANSFER, type OnHandScan } from "./onhandScan";
import type { ReturnGroups } from "./onhandReturns";

/** The scan's rows in date order, as the checks read them. */
export interface DateOrder {
  day: Int32Array;
  sku: Int32Array;
  /** Signed units: + for receipts, customer returns and increases, − for the other outflows, 0 for transfers. */
  delta: Int32Array;
  /** 1 + return group per row, 0 for none (see onhandReturns.ts), or null when the ledger has none. */
  group: Int32Array | null;
  groups: number;
}

export function dateOrder(s: OnHandScan, g: ReturnGroups): DateOrder {
  const n = s.n;
  const groups = g.count;
  if (s.sorted) return { day: s.day, sku: s.sku, delta: s.delta, group: groups > 0 ? g.group : null, groups };
  const day = new Int32Array(n);
  const sku = new Int32Array(n);
  const delta = new Int32Array(n);
  const group = groups > 0 ? new Int32Array(n) : null;
  const { day: from, sku: items, delta: change } = s;
  const gFrom = g.group;
  // Stable counting sort by day when the days span a modest range (they do: a sheet covers some years), else a
  // stable comparison sort of row positions; either way the rows land in their places in one gather.
  const minD = s.minDay;
  const span = s.maxDay - minD + 1;
  let order: Int32Array;
  if (span <= 4 * n + 4096) {
    const start = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) start[from[i] - minD + 1]++;
    for (let d = 0; d < span; d++) start[d + 1] += start[d];
    if (!group) {
      for (let i = 0; i < n; i++) {
        const k = start[from[i] - minD]++;
        day[k] = from[i];
        sku[k] = items[i];
        delta[k] = change[i];
      }
      return { day, sku, delta, group, groups };
    }
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[start[from[i] - minD]++] = i;
  } else {
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => from[a] - from[b] || a - b);
  }
  for (let k = 0; k < n; k++) {
    const i = order[k];
    day[k] = from[i];
    sku[k] = items[i];
    delta[k] = change[i];
    if (group) group[k] = gFrom[i];
  }
  return { day, sku, delta, group, groups };
}

/**
 * Per item, units on hand as of `to` (rows dated after it are ignored); at location id `where` when it is 0 or
 * more (transfers move units between locations), -1 for all locations, -2 for a location no row names (nothing).
 * Null when a check fails: the valuation then reports the row.
 */
export function countOnHand(s: OnHandScan, o: DateOrder, to: number, where: number): Float64Array | null {
  const n = s.n;
  const bal = new Float64Array(s.skuIndex.size);
  const { day, sku, delta, group } = o;
  if (group) {
    const sold = new Float64Array(o.groups);
    const back = new Float64Array(o.groups);
    for (let k = 0; k < n; k++) {
      if (day[k] > to) break;
      const q = delta[k];
      const g = group[k] - 1;
      if (g >= 0) {
        if (q < 0) sold[g] -= q;
        else {
          // A customer return beyond what its sales sold so far (or before any): the valuation reports it.
          if (!(sold[g] > 0) || q > sold[g] - back[g]) return null;
          back[g] += q;
        }
      }
      const v = bal[sku[k]] + q;
      if (v < 0) return null; // negative stock: the valuation reports it
      bal[sku[k]] = v;
    }
  } else {
    for (let k = 0; k < n; k++) {
      if (day[k] > to) break;
      const s2 = sku[k];
      const v = bal[s2] + delta[k];
      if (v < 0) return null;
      bal[s2] = v;
    }
  }
  if (where === -1) return bal;
  const at = new Float64Array(bal.length);
  if (where < 0) return at; // a location no row names holds nothing
  // Per location the order does not matter (no check there): the table's order, rows after `to` skipped.
  const { day: days, type, qty, loc, toLoc, delta: change } = s;
  const items = s.sku;
  for (let i = 0; i < n; i++) {
    if (days[i] > to) continue;
    if (type[i] === TRANSFER) {
      if (loc[i] === where) at[items[i]] -= qty[i];
      if (toLoc[i] === where) at[items[i]] += qty[i];
    } else if (loc[i] === where) at[items[i]] += change[i];
  }
  for (let k = 0; k < at.length; k++) if (at[k] === 0) at[k] = 0; // no -0
  return at;
}
