/**
 * Compiles typed ledger rows into column arrays, grouped by item and sorted by date (rows on the same date keep
 * the table's order). Sorting is two stable counting sorts (by day, then by item), so it is O(rows) and the
 * valuation pass then reads each item's rows contiguously. Compile once, value many times (methods, dates).
 */
import type { ItemRow, LedgerRow } from "../schema/rows";
import type { ValuationMethod } from "../settings";
import { LEDGER_TYPES } from "../schema/tables";
import { CUSTOMER_RETURN, RECEIPT, SALE, VENDOR_RETURN } from "./types";

export interface CompiledLedger {
  /** Rows compiled (the length of the rows passed in). */
  n: number;
  /** Item display names (first spelling seen), Items table first. */
  skus: string[];
  /** Lower-case SKU -> item index. */
  skuIndex: Map<string, number>;
  /** Per item: its Items row, if the Items table was given and lists it. */
  itemRows: (ItemRow | null)[];
  /** Location names (first spelling); index 0 is "" (no location). */
  locations: string[];
  /** Item i's rows are positions skuStart[i] .. skuStart[i+1]-1 of the sorted columns. */
  skuStart: Int32Array;
  /** Sorted columns. */
  date: Int32Array;
  type: Uint8Array;
  qty: Float64Array;
  /** NaN when blank. */
  cost: Float64Array;
  /** NaN when blank. */
  price: Float64Array;
  loc: Int32Array;
  /** -1 when blank. */
  toLoc: Int32Array;
  /** Return group (Reference + SKU + pair Sale/CustomerReturn or Receipt/VendorReturn), -1 without Reference. */
  group: Int32Array;
  /** Position of the row in the rows passed in. */
  src: Int32Array;
  /** Sheet row as Excel shows it. */
  sheetRow: Int32Array;
  nGroups: number;
  /** Per group: the Reference as written. */
  groupRef: string[];
  /** Per group: 1 when the group holds at least one original (Sale or Receipt). */
  groupHasOriginal: Uint8Array;
  /** Largest number of rows of one item. */
  maxItemRows: number;
  minDate: number;
  maxDate: number;
}

const TYPE_CODE = new Map<string, number>(LEDGER_TYPES.map((t, i) => [t, i]));

/** Interns names case-insensitively: the exact text first (cheap), then its lower case. */
class Interner {
  readonly names: string[] = [];
  readonly lower = new Map<string, number>();
  private readonly exact = new Map<string, number>();
  id(name: string): number {
    const hit = this.exact.get(name);
    if (hit !== undefined) return hit;
    const key = name.toLowerCase();
    let id = this.lower.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.lower.set(key, id);
    }
    this.exact.set(name, id);
    return id;
  }
}

export function compileLedger(rows: readonly LedgerRow[], items: readonly ItemRow[] = []): CompiledLedger {
  const n = rows.length;
  const skus = new Interner();
  const itemRows: (ItemRow | null)[] = [];
  for (const it of items) {
    const id = skus.id(it.SKU);
    if (id === itemRows.length) itemRows.push(it);
  }
  const locs = new Interner();
  locs.id("");
  const skuOf = new Int32Array(n);
  const day = new Int32Array(n);
  let minDate = Infinity;
  let maxDate = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    skuOf[i] = skus.id(r.SKU);
    const d = Math.floor(r.Date);
    day[i] = d;
    if (d < minDate) minDate = d;
    if (d > maxDate) maxDate = d;
  }
  while (itemRows.length < skus.names.length) itemRows.push(null);
  const nSku = skus.names.length;

  // Stable counting sort by day, then stable counting sort by item: items grouped, each in date order.
  const byDay = new Int32Array(n);
  if (n > 0) {
    const span = maxDate - minDate + 1;
    const count = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) count[day[i] - minDate + 1]++;
    for (let k = 1; k <= span; k++) count[k] += count[k - 1];
    for (let i = 0; i < n; i++) byDay[count[day[i] - minDate]++] = i;
  }
  const skuStart = new Int32Array(nSku + 1);
  for (let i = 0; i < n; i++) skuStart[skuOf[i] + 1]++;
  let maxItemRows = 0;
  for (let s = 0; s < nSku; s++) {
    if (skuStart[s + 1] > maxItemRows) maxItemRows = skuStart[s + 1];
    skuStart[s + 1] += skuStart[s];
  }
  const fill = skuStart.slice(0, nSku);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byDay[k];
    order[fill[skuOf[i]]++] = i;
  }

  const date = new Int32Array(n);
  const type = new Uint8Array(n);
  const qty = new Float64Array(n);
  const cost = new Float64Array(n);
  const price = new Float64Array(n);
  const loc = new Int32Array(n);
  const toLoc = new Int32Array(n);
  const group = new Int32Array(n);
  const sheetRow = new Int32Array(n);
  const groups = new Map<string, number>();
  const groupRef: string[] = [];
  const hasOriginal: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const r = rows[i];
    const t = TYPE_CODE.get(r.Type) ?? -1;
    date[k] = day[i];
    type[k] = t;
    qty[k] = r.Quantity;
    cost[k] = r.UnitCost ?? NaN;
    price[k] = r.UnitPrice ?? NaN;
    loc[k] = r.Location ? locs.id(r.Location) : 0;
    toLoc[k] = r.ToLocation ? locs.id(r.ToLocation) : -1;
    sheetRow[k] = r.row;
    group[k] = -1;
    const pair = t === SALE || t === CUSTOMER_RETURN ? "S" : t === RECEIPT || t === VENDOR_RETURN ? "R" : "";
    if (pair && r.Reference) {
      const key = `${skuOf[i]}\u0000${pair}\u0000${r.Reference.toLowerCase()}`;
      let g = groups.get(key);
      if (g === undefined) {
        g = groupRef.length;
        groups.set(key, g);
        groupRef.push(r.Reference);
        hasOriginal.push(0);
      }
      group[k] = g;
      if (t === SALE || t === RECEIPT) hasOriginal[g] = 1;
    }
  }
  return {
    n,
    skus: skus.names,
    skuIndex: skus.lower,
    itemRows,
    locations: locs.names,
    skuStart,
    date,
    type,
    qty,
    cost,
    price,
    loc,
    toLoc,
    group,
    src: order,
    sheetRow,
    nGroups: groupRef.length,
    groupRef,
    groupHasOriginal: Uint8Array.from(hasOriginal),
    maxItemRows,
    minDate: n ? minDate : 0,
    maxDate: n ? maxDate : 0,
  };
}

/** The method an item is valued by: the override, else its Items row's Method, else the default. */
export function methodOf(
  L: CompiledLedger,
  s: number,
  override: ValuationMethod | undefined,
  dflt: ValuationMethod
): ValuationMethod {
  return override ?? L.itemRows[s]?.Method ?? dflt;
}
