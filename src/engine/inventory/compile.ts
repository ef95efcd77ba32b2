/**
 * Compiles a ledger into column arrays, grouped by item and sorted by date (rows on the same date keep the
 * table's order), so the valuation pass reads each item's rows contiguously. Compile once, value many times
 * (methods, dates). The unsorted columns come from typed rows (rawFromRows) or straight from the table's cells
 * (cells.ts); compileRaw resolves return groups and sorts by a stable LSD radix sort of whole row records (by
 * day, skipped when the table is already in date order, then by item in 7-bit digits): O(rows), streamed.
 */
import type { ItemRow, LedgerRow } from "../schema/rows";
import type { ValuationMethod } from "../settings";
import { scratchBuffer } from "./scratch";
import { firstBadRows } from "./rowChecks";
import { canonicalType, CODES } from "./types";

const { CUSTOMER_RETURN, RECEIPT, SALE, VENDOR_RETURN } = CODES;

export interface CompiledLedger {
  /** Rows compiled (the length of the rows passed in). */
  n: number;
  /** Item display names (first spelling seen), Items table first. */
  skus: string[];
  /** Lower-case SKU -> item index. */
  skuIndex: Map<string, number>;
  /** Per item: its Items row, if the Items table was given and lists it. */
  itemRows: (ItemRow | null)[];
  /** True when Items rows were given: a ledger SKU they do not list is then a warning (valued by the default). */
  itemsGiven: boolean;
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
  /** Per item: position of its first row failing the shared row checks (Run.checkRow), else skuStart[s+1]. */
  firstBad: Int32Array;
  /** Largest number of rows of one item. */
  maxItemRows: number;
  minDate: number;
  maxDate: number;
}

/**
 * Case-insensitive 32-bit hash of a Reference: the FNV-1a hash of its toLowerCase(), computed without allocating
 * for ASCII text (letters folded as read), so the many invoice numbers that no return names are skipped without
 * building their lower-case copies. Text with other characters is hashed through toLowerCase(), so any two
 * References that match ignoring case (É and é too) hash alike.
 */
export function foldHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 128) return lowerHash(s.toLowerCase());
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

function lowerHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** 2^22 fingerprint bits (512 KB): with a few thousand return References, few invoice numbers pass by chance. */
export const PRINT_MASK = (1 << 22) - 1;
const PRINT_WORDS = 1 << 17;

/** Typed columns of n entries carved from one buffer: 8-byte columns first, then 4-byte, then 1-byte. */
export class Columns {
  private readonly buf: ArrayBuffer;
  private at = 0;
  /** `scratch`: the name of a temporary to carve from reused memory (scratch.ts); else new memory. */
  constructor(
    private readonly n: number,
    f64s: number,
    i32s: number,
    u8s: number,
    scratch?: string
  ) {
    const bytes = n * (8 * f64s + 4 * i32s + u8s);
    this.buf = scratch ? scratchBuffer(scratch, bytes) : new ArrayBuffer(bytes);
  }
  f64(): Float64Array {
    const a = new Float64Array(this.buf, this.at, this.n);
    this.at += 8 * this.n;
    return a;
  }
  i32(): Int32Array {
    const a = new Int32Array(this.buf, this.at, this.n);
    this.at += 4 * this.n;
    return a;
  }
  u8(): Uint8Array {
    const a = new Uint8Array(this.buf, this.at, this.n);
    this.at += this.n;
    return a;
  }
}

/** Interns names case-insensitively: the exact text first (cheap), then its lower case. */
export class Interner {
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

/**
 * A ledger's rows as unsorted columns in table order (what compileRaw sorts and groups). Built from typed rows
 * (rawFromRows) or straight from the table's cells (cells.ts).
 */
export interface RawLedger {
  n: number;
  skus: Interner;
  locs: Interner;
  itemRows: (ItemRow | null)[];
  itemsGiven: boolean;
  skuOf: Int32Array;
  day: Int32Array;
  type: Uint8Array;
  qty: Float64Array;
  cost: Float64Array;
  price: Float64Array;
  loc: Int32Array;
  toLoc: Int32Array;
  row: Int32Array;
  /** Row k's Reference (trimmed, null when blank). */
  ref: (k: number) => string | null;
  /**
   * Optional: foldHash of the References of Sales and Receipts (anything for other rows), taken while their
   * text was at hand, so matching them to returns' References reads no string that no return can name.
   */
  refHash?: Int32Array | null;
  minDate: number;
  maxDate: number;
}

/** The interners of a new raw ledger: the Items table's SKUs first, location 0 = no location. */
export function startRaw(items: readonly ItemRow[]): Pick<RawLedger, "skus" | "locs" | "itemRows" | "itemsGiven"> {
  const skus = new Interner();
  const itemRows: (ItemRow | null)[] = [];
  for (const it of items) {
    const id = skus.id(it.SKU);
    if (id === itemRows.length) itemRows.push(it);
  }
  const locs = new Interner();
  locs.id("");
  return { skus, locs, itemRows, itemsGiven: items.length > 0 };
}

/** Unsorted columns of typed rows. */
export function rawFromRows(rows: readonly LedgerRow[], items: readonly ItemRow[] = [], pooled = false): RawLedger {
  const n = rows.length;
  const start = startRaw(items);
  const { skus, locs } = start;
  // Pass 1, in table order (sequential reads of the row objects): every field into an unsorted column.
  // Columns are carved out of one buffer rather than many: each typed-array buffer is external memory, and on a
  // large ledger many of them made V8 run full collections over all the row objects.
  const scratch = new Columns(n, 3, 5, 1, pooled ? "raw" : undefined);
  const qty0 = scratch.f64();
  const cost0 = scratch.f64();
  const price0 = scratch.f64();
  const skuOf = scratch.i32();
  const day = scratch.i32();
  const loc0 = scratch.i32();
  const toLoc0 = scratch.i32();
  const row0 = scratch.i32();
  const type0 = scratch.u8();
  let minDate = Infinity;
  let maxDate = -Infinity;
  let lastLoc: string | null = null;
  let lastLocId = 0;
  let lastTo: string | null = null;
  let lastToId = -1;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    skuOf[i] = skus.id(r.SKU);
    const d = Math.floor(r.Date);
    day[i] = d;
    if (d < minDate) minDate = d;
    if (d > maxDate) maxDate = d;
    // Typed rows carry the canonical spelling (the parser's); anything else is 255, a row the kernels skip.
    const tc = canonicalType(r.Type);
    type0[i] = tc >= 0 ? tc : 255;
    qty0[i] = r.Quantity;
    cost0[i] = r.UnitCost ?? NaN;
    price0[i] = r.UnitPrice ?? NaN;
    // Ledgers name few locations, mostly the same one row after row: remember the last one of each column.
    const l = r.Location;
    if (l !== lastLoc) {
      lastLoc = l;
      lastLocId = l ? locs.id(l) : 0;
    }
    loc0[i] = lastLocId;
    const tl = r.ToLocation;
    if (tl !== lastTo) {
      lastTo = tl;
      lastToId = tl ? locs.id(tl) : -1;
    }
    toLoc0[i] = lastToId;
    row0[i] = r.row;
  }
  return {
    ...start,
    n,
    skuOf,
    day,
    type: type0,
    qty: qty0,
    cost: cost0,
    price: price0,
    loc: loc0,
    toLoc: toLoc0,
    row: row0,
    ref: (k) => rows[k].Reference,
    minDate,
    maxDate,
  };
}

export function compileLedger(rows: readonly LedgerRow[], items: readonly ItemRow[] = []): CompiledLedger {
  return compileRaw(rawFromRows(rows, items, true));
}

/** A return group's key: the Reference in lower case, the item, and 0 for Sale/CustomerReturn, 1 for Receipt/VendorReturn. */
interface GroupKey {
  lower: string;
  sku: number;
  pair: number;
  g: number;
}

/** Words (4 bytes) of one row's record in the sort. */
const REC = 14;

/**
 * Puts the rows in compiled order (item, then day, then table order) as a stable LSD radix sort that moves whole
 * rows: each row is one record of 14 words (its three numbers as raw bits, day, type, locations, group, sheet
 * row, item, position), sorted by day, then by item in digits of 7 bits. Every pass reads its records in order
 * and writes to at most 128 places at a time (the day pass: one per day), so the memory is streamed; gathering
 * the columns through a permutation instead reads one random place per row and waits on memory each time.
 */
function sortRecords(
  raw: RawLedger,
  group0: Int32Array,
  nSku: number,
  o: {
    qty: Float64Array;
    cost: Float64Array;
    price: Float64Array;
    order: Int32Array;
    date: Int32Array;
    loc: Int32Array;
    toLoc: Int32Array;
    group: Int32Array;
    sheetRow: Int32Array;
    type: Uint8Array;
  }
): void {
  const { n, skuOf, day, minDate, maxDate } = raw;
  // The numbers travel as their raw 32-bit halves (an Int32Array view of the Float64Array), so no NaN payload
  // or -0 is touched by arithmetic on the way.
  const q32 = new Int32Array(raw.qty.buffer, raw.qty.byteOffset, 2 * n);
  const c32 = new Int32Array(raw.cost.buffer, raw.cost.byteOffset, 2 * n);
  const p32 = new Int32Array(raw.price.buffer, raw.price.byteOffset, 2 * n);
  let a = new Int32Array(scratchBuffer("recordsA", 4 * REC * n), 0, REC * n);
  let b = new Int32Array(scratchBuffer("recordsB", 4 * REC * n), 0, REC * n);
  // Records in table order, written straight into their day-sorted places (the first pass).
  // A ledger kept in date order (as most are typed) needs no day pass: table order is already date order.
  let inOrder = true;
  for (let i = 1; i < n && inOrder; i++) inOrder = day[i] >= day[i - 1];
  const span = inOrder ? 0 : maxDate - minDate + 1;
  const count = new Int32Array(span + 1);
  if (!inOrder) {
    for (let i = 0; i < n; i++) count[day[i] - minDate + 1]++;
    for (let k = 1; k <= span; k++) count[k] += count[k - 1];
  }
  const { type: type0, loc: loc0, toLoc: toLoc0, row: row0 } = raw;
  for (let i = 0; i < n; i++) {
    const r = REC * (inOrder ? i : count[day[i] - minDate]++);
    a[r] = q32[2 * i];
    a[r + 1] = q32[2 * i + 1];
    a[r + 2] = c32[2 * i];
    a[r + 3] = c32[2 * i + 1];
    a[r + 4] = p32[2 * i];
    a[r + 5] = p32[2 * i + 1];
    a[r + 6] = day[i];
    a[r + 7] = type0[i];
    a[r + 8] = loc0[i];
    a[r + 9] = toLoc0[i];
    a[r + 10] = group0[i];
    a[r + 11] = row0[i];
    a[r + 12] = skuOf[i];
    a[r + 13] = i;
  }
  // Then by item, 7 bits at a time (stable, so day order and table order hold within an item). The last pass
  // writes the compiled columns directly (at most 128 places per column at a time).
  const q64 = new Int32Array(o.qty.buffer, o.qty.byteOffset, 2 * n);
  const c64 = new Int32Array(o.cost.buffer, o.cost.byteOffset, 2 * n);
  const p64 = new Int32Array(o.price.buffer, o.price.byteOffset, 2 * n);
  const { date, type, loc, toLoc, group, sheetRow, order } = o;
  const c128 = new Int32Array(129);
  for (let shift = 0; ; shift += 7) {
    const last = (nSku - 1) >>> (shift + 7) === 0;
    c128.fill(0);
    for (let r = 12; r < REC * n; r += REC) c128[((a[r] >>> shift) & 127) + 1]++;
    for (let k = 1; k <= 128; k++) c128[k] += c128[k - 1];
    if (last) {
      for (let r = 0; r < REC * n; r += REC) {
        const k = c128[(a[r + 12] >>> shift) & 127]++;
        q64[2 * k] = a[r];
        q64[2 * k + 1] = a[r + 1];
        c64[2 * k] = a[r + 2];
        c64[2 * k + 1] = a[r + 3];
        p64[2 * k] = a[r + 4];
        p64[2 * k + 1] = a[r + 5];
        date[k] = a[r + 6];
        type[k] = a[r + 7];
        loc[k] = a[r + 8];
        toLoc[k] = a[r + 9];
        group[k] = a[r + 10];
        sheetRow[k] = a[r + 11];
        order[k] = a[r + 13];
      }
      return;
    }
    for (let r = 0; r < REC * n; r += REC) {
      const w = REC * c128[(a[r + 12] >>> shift) & 127]++;
      b[w] = a[r];
      b[w + 1] = a[r + 1];
      b[w + 2] = a[r + 2];
      b[w + 3] = a[r + 3];
      b[w + 4] = a[r + 4];
      b[w + 5] = a[r + 5];
      b[w + 6] = a[r + 6];
      b[w + 7] = a[r + 7];
      b[w + 8] = a[r + 8];
      b[w + 9] = a[r + 9];
      b[w + 10] = a[r + 10];
      b[w + 11] = a[r + 11];
      b[w + 12] = a[r + 12];
      b[w + 13] = a[r + 13];
    }
    const t = a;
    a = b;
    b = t;
  }
}

/** Sorts and groups unsorted columns: items contiguous, each in date order, return groups resolved. */
export function compileRaw(raw: RawLedger): CompiledLedger {
  const { n, skus, locs, itemRows, skuOf, minDate, maxDate, type: type0 } = raw;
  const group0 = new Int32Array(scratchBuffer("groups", 4 * n), 0, n).fill(-1);
  while (itemRows.length < skus.names.length) itemRows.push(null);
  const nSku = skus.names.length;

  // Return groups: only References that some return names need one, so the table holds the returns' References
  // (few) rather than every invoice number. It is keyed by the Reference's case-folded hash, a number, so no
  // Map hashes a string; each entry (lower-case Reference, item, pair) is one group.
  const byHash = new Map<number, GroupKey[]>();
  const groupRef: string[] = [];
  const hasOriginal: number[] = [];
  // Fingerprints of the returns' References as a bit set (a typed-array probe is cheaper than a Map lookup).
  const prints = new Int32Array(PRINT_WORDS);
  for (let i = 0; i < n; i++) {
    const t = type0[i];
    if (t !== CUSTOMER_RETURN && t !== VENDOR_RETURN) continue;
    const ref = raw.ref(i);
    if (!ref) continue;
    const h = foldHash(ref);
    const lower = ref.toLowerCase();
    const sku = skuOf[i];
    const pair = t === CUSTOMER_RETURN ? 0 : 1;
    let list = byHash.get(h);
    if (!list) {
      list = [];
      byHash.set(h, list);
      const p = h & PRINT_MASK;
      prints[p >>> 5] |= 1 << (p & 31);
    }
    let g = -1;
    for (const e of list) {
      if (e.sku === sku && e.pair === pair && e.lower === lower) {
        g = e.g;
        break;
      }
    }
    if (g < 0) {
      g = groupRef.length;
      list.push({ lower, sku, pair, g });
      groupRef.push(ref);
      hasOriginal.push(0);
    }
    group0[i] = g;
  }
  const refHash = raw.refHash ?? null;
  if (groupRef.length > 0) {
    for (let i = 0; i < n; i++) {
      const t = type0[i];
      if (t !== SALE && t !== RECEIPT) continue;
      let ref: string | null;
      let h: number;
      if (refHash !== null) {
        h = refHash[i];
        const p = h & PRINT_MASK;
        if ((prints[p >>> 5] & (1 << (p & 31))) === 0) continue;
        ref = raw.ref(i);
        if (!ref) continue;
      } else {
        ref = raw.ref(i);
        if (!ref) continue;
        h = foldHash(ref);
        const p = h & PRINT_MASK;
        if ((prints[p >>> 5] & (1 << (p & 31))) === 0) continue;
      }
      const list = byHash.get(h);
      if (!list) continue;
      const sku = skuOf[i];
      const pair = t === SALE ? 0 : 1;
      let lower: string | null = null;
      for (const e of list) {
        if (e.sku !== sku || e.pair !== pair) continue;
        lower ??= ref.toLowerCase();
        if (e.lower === lower) {
          group0[i] = e.g;
          hasOriginal[e.g] = 1;
          break;
        }
      }
    }
  }

  const skuStart = new Int32Array(nSku + 1);
  for (let i = 0; i < n; i++) skuStart[skuOf[i] + 1]++;
  let maxItemRows = 0;
  for (let s = 0; s < nSku; s++) {
    if (skuStart[s + 1] > maxItemRows) maxItemRows = skuStart[s + 1];
    skuStart[s + 1] += skuStart[s];
  }
  const out = new Columns(n, 3, 7, 1);
  const qty = out.f64();
  const cost = out.f64();
  const price = out.f64();
  const order = out.i32();
  const date = out.i32();
  const loc = out.i32();
  const toLoc = out.i32();
  const group = out.i32();
  const sheetRow = out.i32();
  const type = out.u8();
  if (n > 0) sortRecords(raw, group0, nSku, { qty, cost, price, order, date, loc, toLoc, group, sheetRow, type });
  // Number the return groups in sorted order, so the valuation's per-group figures are read in order too.
  const nGroups = groupRef.length;
  let refs = groupRef;
  let originals = hasOriginal;
  if (nGroups > 0) {
    const renum = new Int32Array(nGroups).fill(-1);
    refs = new Array<string>(nGroups);
    originals = new Array<number>(nGroups);
    let next = 0;
    for (let k = 0; k < n; k++) {
      const g = group[k];
      if (g < 0) continue;
      let h = renum[g];
      if (h < 0) {
        h = renum[g] = next++;
        refs[h] = groupRef[g];
        originals[h] = hasOriginal[g];
      }
      group[k] = h;
    }
  }
  return {
    n,
    skus: skus.names,
    skuIndex: skus.lower,
    itemRows,
    itemsGiven: raw.itemsGiven,
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
    nGroups,
    groupRef: refs,
    groupHasOriginal: Uint8Array.from(originals),
    firstBad: firstBadRows(skuStart, type, qty, cost, toLoc),
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
