/**
 * Counting from a scan (onhandScan.ts): units on hand per item as of a date, in total or at one location, or
 * null when the valuation must answer (stock going below zero, a return beyond what its sale sold).
 *
 * Totals do not depend on the order of the rows (integer quantities: every sum is exact), but the checks do:
 * they run over the rows in the valuation's order (by date, rows on one date in the table's order). That order is
 * built once per scan as packed columns (item, signed quantity, and a third for the return checks), read front
 * to back.
 *
 * Customer returns are checked in one of two ways. Exactly, against their return groups (onhandReturns.ts: every
 * Sale of the item on the return's Reference). Or on the way (`paired`): a return is paired with its item's
 * latest Sale before it, which must carry its Reference (as a return usually undoes the sale just before it),
 * and the units returned against that sale must not exceed it. That reads two Reference cells per return, where
 * forming the groups reads the Reference of every Sale of every item with a return (on a large ledger, most
 * Sales: it cost more than the count itself). Paired, a return is credited only with the sale it found, never
 * more than was sold on its Reference, so what the pairing accepts the exact groups accept; a ledger it refuses
 * goes to the exact groups (onhand.ts).
 */
import { sameRef, type ReturnGroups } from "./onhandReturns";
import { refAt, type OnHandScan } from "./onhandScan";
import { CODES } from "./types";

const { RECEIPT, SALE, ISSUE, CUSTOMER_RETURN, VENDOR_RETURN, TRANSFER, ADJUSTMENT } = CODES;

/** Per type code: the sign of its units in the item's total (+ in, − out, 0 for a transfer). */
const SIGN = new Int32Array(8);
SIGN[RECEIPT] = 1;
SIGN[SALE] = -1;
SIGN[ISSUE] = -1;
SIGN[CUSTOMER_RETURN] = 1;
SIGN[VENDOR_RETURN] = -1;
SIGN[TRANSFER] = 0;
SIGN[ADJUSTMENT] = 1;

/** Per type code: 1 for a Sale (its row is kept in the paired date order), else 0. */
const IS_SALE = new Int32Array(8);
IS_SALE[SALE] = 1;
/** Customer returns the paired count checks as it meets them (the rest after its pass). */
const EARLY = 16;

/** Per type code: 0 (no row kept: the third column is the return groups alone). */
const NONE = new Int32Array(8);

/** The scan's rows in date order, as the checks read them. */
export interface DateOrder {
  /**
   * Per row, packed side by side (one cache line serves a row): item, signed units (+ receipts, customer returns,
   * increases; − other outflows; 0 transfers) and, when `grouped`, 1 + its return group (0: none) or, when
   * `paired`, a Sale's row + 1 or a customer return's -(1 + its place among the scan's returns) (the scan's tag).
   */
  packed: Int32Array;
  grouped: boolean;
  paired: boolean;
  groups: number;
  /** Rows dated on or before a day: cumulative counts from `minDay` (counting sort), else the sorted days. */
  cum: Int32Array | null;
  days: Int32Array | null;
  minDay: number;
}

/**
 * The date order with return groups `g` (exact), or with the scan's tags when `g` is "paired" (the scan's customer
 * returns name References and no vendor return does).
 */
export function dateOrder(s: OnHandScan, g: ReturnGroups | "paired"): DateOrder {
  const n = s.n;
  const paired = g === "paired";
  const grouped = !paired && g.count > 0;
  const count = paired ? 0 : g.count;
  const w = grouped || paired ? 3 : 2;
  const packed = new Int32Array(n * w);
  const { day: from, sku: items, type, qty } = s;
  const gFrom = paired ? s.tag : g.group;
  const minD = s.minDay;
  const span = s.maxDay - minD + 1;
  if (!s.sorted && span <= 4 * n + 4096) {
    // Stable counting sort by day (the days of a sheet span a modest range): rows are read front to back and
    // written to one stream per day. Each loop is a function of its own: the engine then optimises each with
    // what it has seen of it (one function's later loops, not yet run when the first is compiled, would send it
    // back to the interpreter on every call).
    const cum = dayCounts(from, n, minD, span);
    spread(from, minD, cum.slice(0, span), items, type, qty, w === 3 ? gFrom : null, paired, packed);
    return { packed, grouped, paired, groups: count, cum, days: null, minDay: minD };
  }
  // Already in date order, or days far apart: a stable comparison sort of row positions.
  let order: Int32Array | null = null;
  let days = from;
  if (!s.sorted) {
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => from[a] - from[b] || a - b);
    days = new Int32Array(n);
    for (let k = 0; k < n; k++) days[k] = from[order[k]];
  }
  for (let k = 0; k < n; k++) {
    const i = order ? order[k] : k;
    const o = k * w;
    packed[o] = items[i];
    packed[o + 1] = SIGN[type[i]] * qty[i];
    if (w === 3) packed[o + 2] = gFrom[i] + (paired ? IS_SALE[type[i]] * (i + 1) : 0);
  }
  return { packed, grouped, paired, groups: count, cum: null, days, minDay: minD };
}

/**
 * The paired order `o` turned into the exact one with the return groups `g`, in place: each Sale's and customer
 * return's third column becomes 1 + its group (0: none), as dateOrder(s, g) would have written it.
 */
export function regroup(s: OnHandScan, o: DateOrder, g: ReturnGroups): DateOrder {
  const p = o.packed;
  const { group } = g;
  const { returnRows } = s;
  const n = s.n;
  for (let k = 0; k < n; k++) {
    const tag = p[3 * k + 2];
    if (tag !== 0) p[3 * k + 2] = g.count === 0 ? 0 : group[tag > 0 ? tag - 1 : returnRows[-tag - 1]];
  }
  // Grouped even without a group: the rows keep their three columns.
  return { ...o, grouped: true, paired: false, groups: g.count };
}

/** Rows dated on or before each day: cum[d + 1] counts the rows of days minD to minD + d. */
function dayCounts(from: Int32Array, n: number, minD: number, span: number): Int32Array {
  const cum = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) cum[from[i] - minD + 1]++;
  for (let d = 0; d < span; d++) cum[d + 1] += cum[d];
  return cum;
}

/** Writes each row's packed columns at its day's next place (next: per day, its first free place). */
function spread(
  from: Int32Array,
  minD: number,
  next: Int32Array,
  items: Int32Array,
  type: Uint8Array,
  qty: Int32Array,
  third: Int32Array | null,
  paired: boolean,
  packed: Int32Array
): void {
  const n = from.length;
  if (third) {
    // Paired, a Sale's third is its row + 1 (no branch on the Type: rows in random order would mispredict it).
    const rowOf = paired ? IS_SALE : NONE;
    for (let i = 0; i < n; i++) {
      const o = next[from[i] - minD]++ * 3;
      const t = type[i];
      packed[o] = items[i];
      packed[o + 1] = SIGN[t] * qty[i];
      packed[o + 2] = third[i] + rowOf[t] * (i + 1);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const o = next[from[i] - minD]++ * 2;
      packed[o] = items[i];
      packed[o + 1] = SIGN[type[i]] * qty[i];
    }
  }
}

/** How many rows of the date order are dated on or before `to`. */
function rowsUpTo(o: DateOrder, n: number, to: number): number {
  if (to !== to) return n; // NaN: no row is "after" it (as day > NaN is false)
  if (to < o.minDay) return 0;
  if (o.cum) {
    const k = Math.floor(to) - o.minDay + 1;
    return k >= o.cum.length ? n : o.cum[k];
  }
  const days = o.days as Int32Array;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] <= to) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Per item, units on hand as of `to` (rows dated after it are ignored); at location id `where` when it is 0 or
 * more (transfers move units between locations), -1 for all locations, -2 for a location no row names (nothing).
 * Null when a check fails: the valuation then reports the row.
 */
export function countOnHand(s: OnHandScan, o: DateOrder, to: number, where: number): Float64Array | null {
  const n = s.n;
  const bal = new Float64Array(s.skuIndex.size);
  const end = rowsUpTo(o, n, to);
  const p = o.packed;
  if (o.paired) {
    // Per item: its latest Sale so far (row + 1) and the units of it not yet returned. Only the latest sale can
    // be paired with a return, so the count restarts with each sale.
    const items = bal.length;
    const lastSale = new Int32Array(items);
    const left = new Float64Array(items);
    const { rawRef, returnRef } = s;
    // Each return's sale row, checked for the Reference after the pass (below).
    const saleOf = new Int32Array(returnRef.length).fill(-1);
    let early = EARLY;
    for (let k = 0; k < end; k++) {
      const item = p[3 * k];
      const q = p[3 * k + 1];
      const tag = p[3 * k + 2];
      if (tag > 0) {
        lastSale[item] = tag;
        left[item] = -q;
      } else if (tag < 0) {
        const sale = lastSale[item] - 1;
        // No sale before it, or more back than that sale has left: the exact groups decide.
        if (sale < 0 || q > left[item]) return null;
        left[item] -= q;
        // The first returns are checked at once: a ledger whose returns name older invoices is known early.
        if (early > 0) {
          early--;
          if (sameRef(refAt(rawRef, sale), returnRef[-tag - 1]) !== true) return null;
        } else saleOf[-tag - 1] = sale;
      }
      const v = bal[item] + q;
      if (v < 0) return null;
      bal[item] = v;
    }
    // The References last, return by return in the table's order (their cells were made in that order, so they
    // are read from memory mostly front to back), none waiting on another.
    for (let k = 0; k < saleOf.length; k++) {
      const sale = saleOf[k];
      if (sale >= 0 && sameRef(refAt(rawRef, sale), returnRef[k]) !== true) return null;
    }
  } else if (o.grouped) {
    const sold = new Float64Array(o.groups);
    const back = new Float64Array(o.groups);
    for (let k = 0; k < end; k++) {
      const item = p[3 * k];
      const q = p[3 * k + 1];
      const g = p[3 * k + 2] - 1;
      if (g >= 0) {
        if (q < 0) sold[g] -= q;
        else {
          // A customer return beyond what its sales sold so far (or before any): the valuation reports it.
          if (!(sold[g] > 0) || q > sold[g] - back[g]) return null;
          back[g] += q;
        }
      }
      const v = bal[item] + q;
      if (v < 0) return null; // negative stock: the valuation reports it
      bal[item] = v;
    }
  } else {
    for (let k = 0; k < end; k++) {
      const item = p[2 * k];
      const v = bal[item] + p[2 * k + 1];
      if (v < 0) return null;
      bal[item] = v;
    }
  }
  if (where === -1) return bal;
  const at = new Float64Array(bal.length);
  if (where < 0) return at; // a location no row names holds nothing
  // Per location the order does not matter (no check there): the table's order, rows after `to` skipped.
  const { day: days, type, qty, loc, toLoc } = s;
  const items = s.sku;
  for (let i = 0; i < n; i++) {
    if (days[i] > to) continue;
    if (type[i] === TRANSFER) {
      if (loc[i] === where) at[items[i]] -= qty[i];
      if (toLoc[i] === where) at[items[i]] += qty[i];
    } else if (loc[i] === where) at[items[i]] += SIGN[type[i]] * qty[i];
  }
  for (let k = 0; k < at.length; k++) if (at[k] === 0) at[k] = 0; // no -0
  return at;
}
