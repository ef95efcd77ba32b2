/**
 * Compiles a ledger into column arrays, grouped by item and sorted by date (rows on the same date keep the
 * table's order), so the valuation pass reads each item's rows contiguously. Compile once, value many times
 * (methods, dates). The unsorted columns come from typed rows (rawFromRows) or straight from the table's cells
 * (cells.ts); compileRaw resolves return groups and sorts whole row records in two passes (into buckets of
 * consecutive items, streamed; then each bucket by day and item within the cache): O(rows).
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
 * How the sort cuts its work (tests set small values to reach every path on small ledgers). A bucket is a run of
 * consecutive items holding up to `bucketRows` rows: 8,192 records of 56 bytes (about 460 KB) fit in a core's
 * cache, so the second pass sorts one bucket with reads and writes that stay there. Within a bucket, rows are put
 * in day order by counting days when the ledger spans at most `daySpanMax` days (89 years); beyond that, each
 * item whose rows are out of date order is sorted on its own.
 */
export interface SortTuning {
  bucketRows?: number;
  daySpanMax?: number;
}

/** The sorted columns sortRecords writes. */
interface SortedColumns {
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

/**
 * Puts the rows in compiled order (item, then day, then table order) in two passes over whole rows. Each row is
 * one record of 14 words (its three numbers as raw bits, day, type, locations, group, sheet row, item, position).
 * Pass 1 reads the columns in table order and appends each row's record to its item's bucket: about n / 8,192
 * places written at a time, so memory is streamed. Pass 2 sorts each bucket within the cache (by day, then by
 * item, both stable counting sorts of positions) and writes its rows to the compiled columns in order. Moving
 * whole records keeps every access either streamed or in cache: gathering the columns through a permutation of
 * the whole ledger instead reads one random place per row and column and waits on memory each time.
 * Return groups are numbered in sorted order on the way out (renum: old group -> new, -1 until seen; `seen`
 * gets the old numbers in their new order).
 */
function sortRecords(
  raw: RawLedger,
  group0: Int32Array,
  skuStart: Int32Array,
  o: SortedColumns,
  renum: Int32Array,
  seen: number[],
  tuning: SortTuning
): void {
  const { n, skuOf, day, minDate, maxDate } = raw;
  const nSku = skuStart.length - 1;
  const bucketRows = tuning.bucketRows ?? 8192;
  const daySpanMax = tuning.daySpanMax ?? 32768;
  // Buckets: runs of consecutive items of up to bucketRows rows (an item with more rows is a bucket alone).
  const bucketOf = new Int32Array(nSku);
  const firstItem: number[] = [0];
  for (let s = 0, from = 0; s < nSku; s++) {
    if (s > from && skuStart[s + 1] - skuStart[from] > bucketRows) {
      firstItem.push(s);
      from = s;
    }
    bucketOf[s] = firstItem.length - 1;
  }
  const nb = firstItem.length;
  firstItem.push(nSku);
  const next = new Int32Array(nb);
  let widest = 0;
  for (let b = 0; b < nb; b++) {
    next[b] = skuStart[firstItem[b]];
    widest = Math.max(widest, skuStart[firstItem[b + 1]] - next[b]);
  }

  // Pass 1: records in table order, each appended to its bucket (which sits where its items' rows will be).
  // The numbers travel as their raw 32-bit halves (an Int32Array view of the Float64Array), so no NaN payload
  // or -0 is touched by arithmetic on the way.
  const q32 = new Int32Array(raw.qty.buffer, raw.qty.byteOffset, 2 * n);
  const c32 = new Int32Array(raw.cost.buffer, raw.cost.byteOffset, 2 * n);
  const p32 = new Int32Array(raw.price.buffer, raw.price.byteOffset, 2 * n);
  const rec = new Int32Array(scratchBuffer("records", 4 * REC * n), 0, REC * n);
  const { type: type0, loc: loc0, toLoc: toLoc0, row: row0 } = raw;
  let inOrder = true;
  for (let i = 0; i < n; i++) {
    const r = REC * next[bucketOf[skuOf[i]]]++;
    rec[r] = q32[2 * i];
    rec[r + 1] = q32[2 * i + 1];
    rec[r + 2] = c32[2 * i];
    rec[r + 3] = c32[2 * i + 1];
    rec[r + 4] = p32[2 * i];
    rec[r + 5] = p32[2 * i + 1];
    rec[r + 6] = day[i];
    rec[r + 7] = type0[i];
    rec[r + 8] = loc0[i];
    rec[r + 9] = toLoc0[i];
    rec[r + 10] = group0[i];
    rec[r + 11] = row0[i];
    rec[r + 12] = skuOf[i];
    rec[r + 13] = i;
    if (i > 0 && day[i] < day[i - 1]) inOrder = false;
  }

  // Pass 2, bucket by bucket: `perm` lists the bucket's records in compiled order.
  const span = maxDate - minDate + 1;
  // A ledger kept in date order (as most are typed) is already in day order within each item.
  const byDayCount = !inOrder && span <= daySpanMax;
  const perm = new Int32Array(widest);
  const tmp = new Int32Array(widest);
  const atDay = byDayCount ? new Int32Array(span + 1) : null;
  const dayAt = byDayCount ? new Int32Array(widest) : tmp;
  const itemAt = byDayCount ? new Int32Array(widest) : tmp;
  const at = new Int32Array(nSku);
  const q64 = new Int32Array(o.qty.buffer, o.qty.byteOffset, 2 * n);
  const c64 = new Int32Array(o.cost.buffer, o.cost.byteOffset, 2 * n);
  const p64 = new Int32Array(o.price.buffer, o.price.byteOffset, 2 * n);
  const { date, type, loc, toLoc, group, sheetRow, order } = o;
  for (let b = 0; b < nb; b++) {
    const s0 = firstItem[b];
    const s1 = firstItem[b + 1];
    const p0 = skuStart[s0];
    const p1 = skuStart[s1];
    const m = p1 - p0;
    for (let s = s0; s < s1; s++) at[s] = skuStart[s] - p0;
    if (atDay !== null) {
      // By day (stable counting sort of the bucket's records), then by item (stable again), reading each
      // record once: its day and item are copied to small arrays first.
      atDay.fill(0);
      for (let j = 0, r = REC * p0; j < m; j++, r += REC) {
        const d = rec[r + 6] - minDate;
        dayAt[j] = d;
        itemAt[j] = rec[r + 12];
        atDay[d + 1]++;
      }
      for (let d = 1; d <= span; d++) atDay[d] += atDay[d - 1];
      for (let j = 0; j < m; j++) tmp[atDay[dayAt[j]]++] = j;
      for (let j = 0; j < m; j++) {
        const x = tmp[j];
        perm[at[itemAt[x]]++] = p0 + x;
      }
    } else {
      // By item; then any item whose rows are out of day order is sorted on its own.
      for (let r = p0; r < p1; r++) perm[at[rec[REC * r + 12]]++] = r;
      if (!inOrder) {
        for (let s = s0; s < s1; s++) sortItemByDay(rec, perm, skuStart[s] - p0, skuStart[s + 1] - p0, minDate);
      }
    }
    for (let k = p0; k < p1; k++) {
      const r = REC * perm[k - p0];
      q64[2 * k] = rec[r];
      q64[2 * k + 1] = rec[r + 1];
      c64[2 * k] = rec[r + 2];
      c64[2 * k + 1] = rec[r + 3];
      p64[2 * k] = rec[r + 4];
      p64[2 * k + 1] = rec[r + 5];
      date[k] = rec[r + 6];
      type[k] = rec[r + 7];
      loc[k] = rec[r + 8];
      toLoc[k] = rec[r + 9];
      let g = rec[r + 10];
      if (g >= 0) {
        const h = renum[g];
        if (h < 0) {
          renum[g] = seen.length;
          seen.push(g);
          g = seen.length - 1;
        } else g = h;
      }
      group[k] = g;
      sheetRow[k] = rec[r + 11];
      order[k] = rec[r + 13];
    }
  }
}

/**
 * Sorts perm[lo..hi) (one item's records, in table order) by day, keeping table order on equal days: each key
 * is day * count + rank (below 2^53), unique, so the numeric sort of the keys is stable by construction.
 */
function sortItemByDay(rec: Int32Array, perm: Int32Array, lo: number, hi: number, minDate: number): void {
  let sorted = true;
  for (let j = lo + 1; j < hi && sorted; j++) sorted = rec[REC * perm[j] + 6] >= rec[REC * perm[j - 1] + 6];
  if (sorted) return;
  const m = hi - lo;
  const keys = new Float64Array(m);
  const was = perm.slice(lo, hi);
  for (let j = 0; j < m; j++) keys[j] = (rec[REC * was[j] + 6] - minDate) * m + j;
  keys.sort();
  for (let j = 0; j < m; j++) perm[lo + j] = was[keys[j] % m];
}

/** Items with at most this many return groups match their originals by comparing References one by one. */
const FEW_GROUPS = 8;

/**
 * True when ref.toLowerCase() === lower, mostly without building the lower case: compared from the end, where
 * invoice numbers differ, so most unequal pairs cost a character or two. While ref's characters are ASCII,
 * the end of its lower case is their ASCII lower case (toLowerCase maps an ASCII character alone, whatever
 * precedes it); any other character, or a length left unsettled, defers to toLowerCase.
 */
export function sameRef(ref: string, lower: string): boolean {
  const a = ref.length;
  const b = lower.length;
  for (let j = 1; j <= a && j <= b; j++) {
    let c = ref.charCodeAt(a - j);
    if (c >= 128) return ref.toLowerCase() === lower;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(b - j)) return false;
  }
  return a === b || ref.toLowerCase() === lower;
}

/**
 * The last four characters of a Reference in ASCII lower case, 7 bits each (fewer when shorter), or -1 when one
 * of them is not ASCII. If ref.toLowerCase() === lower and neither is -1, tail4(ref) === tail4(lower): the end of
 * a lower case is the ASCII lower case of ASCII characters, and toLowerCase never shortens a text.
 */
function tail4(s: string): number {
  let key = 0;
  for (let i = s.length - 1, end = s.length > 4 ? s.length - 4 : 0; i >= end; i--) {
    let c = s.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) c += 32;
    key = (key << 7) | c;
  }
  return key;
}

/**
 * Return groups (group0[i] for each row in one, else -1): a return's group is its Reference ignoring case, its
 * item, and its pair (0 for Sale/CustomerReturn, 1 for Receipt/VendorReturn); an original joins the group of
 * its pair whose Reference it carries. Only References that some return names need a group, so the groups hold
 * the returns' References (few) rather than every invoice number.
 */
function returnGroups(raw: RawLedger, nSku: number, group0: Int32Array): { groupRef: string[]; hasOriginal: number[] } {
  const { n, skuOf, type: type0 } = raw;
  // The returns, keyed by the Reference's case-folded hash, a number, so no Map hashes a string.
  const byHash = new Map<number, GroupKey[]>();
  const groupRef: string[] = [];
  const hasOriginal: number[] = [];
  const groupSku: number[] = [];
  const groupPair: number[] = [];
  const groupLower: string[] = [];
  // Fingerprints of the returns' References as a bit set (a typed-array probe is cheaper than a Map lookup).
  const prints = new Int32Array(PRINT_WORDS);
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const t = type0[i];
    if (t !== CUSTOMER_RETURN && t !== VENDOR_RETURN) continue;
    const ref = raw.ref(i);
    if (!ref) continue;
    const h = foldHash(ref);
    const lower = ref.toLowerCase();
    const sku = skuOf[i];
    const pair = t === CUSTOMER_RETURN ? 0 : 1;
    pairs |= 1 << pair;
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
      groupSku.push(sku);
      groupPair.push(pair);
      groupLower.push(lower);
    }
    group0[i] = g;
  }
  if (groupRef.length === 0) return { groupRef, hasOriginal };

  // Each item's groups, listed by item: an item with few of them compares an original's Reference with theirs
  // directly (no hash of every invoice number); one with many looks it up by hash.
  const nGroups = groupRef.length;
  const first = new Int32Array(nSku + 1);
  for (let g = 0; g < nGroups; g++) first[groupSku[g] + 1]++;
  for (let s = 0; s < nSku; s++) first[s + 1] += first[s];
  const bySku = new Int32Array(nGroups);
  const at = first.slice(0, nSku);
  for (let g = 0; g < nGroups; g++) bySku[at[groupSku[g]]++] = g;
  // In the same order, each group's pair and tail4, so most Sales rule a group out without reading its text.
  const pairAt = new Uint8Array(nGroups);
  const tailAt = new Int32Array(nGroups);
  for (let k = 0; k < nGroups; k++) {
    pairAt[k] = groupPair[bySku[k]];
    tailAt[k] = tail4(groupLower[bySku[k]]);
  }

  // Then the originals: only Sales if some CustomerReturn names a Reference, only Receipts if a VendorReturn does.
  const sales = pairs & 1 ? SALE : -1;
  const receipts = pairs & 2 ? RECEIPT : -1;
  for (let i = 0; i < n; i++) {
    const t = type0[i];
    if (t !== sales && t !== receipts) continue;
    const sku = skuOf[i];
    const lo = first[sku];
    const hi = first[sku + 1];
    if (lo === hi) continue;
    const ref = raw.ref(i);
    if (!ref) continue;
    const pair = t === SALE ? 0 : 1;
    let g = -1;
    if (hi - lo <= FEW_GROUPS) {
      const tail = tail4(ref);
      for (let k = lo; k < hi; k++) {
        if (pairAt[k] !== pair) continue;
        const other = tailAt[k];
        if ((tail === other || tail < 0 || other < 0) && sameRef(ref, groupLower[bySku[k]])) {
          g = bySku[k];
          break;
        }
      }
    } else {
      const h = foldHash(ref);
      const p = h & PRINT_MASK;
      if ((prints[p >>> 5] & (1 << (p & 31))) === 0) continue;
      const list = byHash.get(h);
      if (!list) continue;
      let lower: string | null = null;
      for (const e of list) {
        if (e.sku !== sku || e.pair !== pair) continue;
        lower ??= ref.toLowerCase();
        if (e.lower === lower) {
          g = e.g;
          break;
        }
      }
    }
    if (g >= 0) {
      group0[i] = g;
      hasOriginal[g] = 1;
    }
  }
  return { groupRef, hasOriginal };
}

/** Sorts and groups unsorted columns: items contiguous, each in date order, return groups resolved. */
export function compileRaw(raw: RawLedger, tuning: SortTuning = {}): CompiledLedger {
  const { n, skus, locs, itemRows, skuOf, minDate, maxDate } = raw;
  const group0 = new Int32Array(scratchBuffer("groups", 4 * n), 0, n).fill(-1);
  while (itemRows.length < skus.names.length) itemRows.push(null);
  const nSku = skus.names.length;
  const { groupRef, hasOriginal } = returnGroups(raw, nSku, group0);

  const skuStart = new Int32Array(nSku + 1);
  for (let i = 0; i < n; i++) skuStart[skuOf[i] + 1]++;
  let maxItemRows = 0;
  for (let s = 0; s < nSku; s++) {
    if (skuStart[s + 1] > maxItemRows) maxItemRows = skuStart[s + 1];
    skuStart[s + 1] += skuStart[s];
  }
  const out = new Columns(n, 3, 6, 1);
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
  // Return groups are numbered in sorted order, so the valuation's per-group figures are read in order too.
  const nGroups = groupRef.length;
  const renum = new Int32Array(nGroups).fill(-1);
  const seen: number[] = [];
  const cols = { qty, cost, price, order, date, loc, toLoc, group, sheetRow, type };
  if (n > 0) sortRecords(raw, group0, skuStart, cols, renum, seen, tuning);
  const refs = seen.map((g) => groupRef[g]);
  const originals = seen.map((g) => hasOriginal[g]);
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
