/**
 * ONHAND's scan of the Ledger's cells (the SKU cells first, then the rest of each row): each row's day, item, type,
 * quantity and locations as numbers in typed columns, and its Reference cell as handed in. The columns do not
 * depend on the as_of date or the location asked for, so one scan answers every count of a ledger (onhandCount.ts);
 * the cache checks a table handed in again row by row against them (sameRows): Quantity and Reference cells ===,
 * SKU cells to the same item, the same day, Type and location codes, amounts still cells the count takes. A table
 * that matches only from the top down to some row is scanned from that row on, the rows above taken from the
 * earlier scan (takePrefix).
 *
 * The scan accepts only rows it can count EXACTLY as the valuation would: plain cells (numbers, serial dates,
 * Types as the schema matches them, text), integer quantities (so every sum is exact in any order), receipts with
 * a cost. Anything else returns null and the caller takes the full path, which reports the problem with its row.
 */
import { MAX_SERIAL } from "../dates";
import { matchHeaders, type Cell } from "../schema";
import { ItemIndex, SHORT as SHORT_TEXT, Spellings } from "./onhandNames";
import { CODES, typeOf } from "./types";

// Module constants (not named imports, which cost a getter call per use under CommonJS in the scan's loops).
const SHORT = SHORT_TEXT;
const LAST_DAY = MAX_SERIAL;
const { RECEIPT, SALE, ISSUE, CUSTOMER_RETURN, VENDOR_RETURN, TRANSFER, ADJUSTMENT } = CODES;

/** Integer quantities up to this size keep every running sum of a sheet's rows exact in a double (and fit Int32). */
const MAX_QTY = 1e9;

/** Rows as Excel hands them (the header row may sit inside the same matrix: rows[start] is the first data row). */
export type CellRows = readonly (readonly Cell[] | undefined)[];

export interface OnHandScan {
  /** Data rows scanned. */
  n: number;
  /** The header row as it was (compared on lookup: it fixes which column is which). */
  header: Cell[];
  cD: number;
  cS: number;
  cT: number;
  cQ: number;
  cC: number;
  cP: number;
  cL: number;
  cTo: number;
  cR: number;
  /** SKU text (trimmed, any case) -> item index. */
  skuIndex: ItemIndex;
  /**
   * SKU cells as written -> item: a key spelled as in the ledger needs no trim or lower case. Per item, its SKU
   * cell as first written (a row whose cell is that one is the same item at a glance).
   */
  spellings: Spellings;
  itemRaw: Cell[];
  /** Lower-case location -> id ("" = rows without one, id 0). */
  locId: Map<string, number>;
  /** Per row: the day (the floor of its date). */
  day: Int32Array;
  /** Per row: item index, type code, quantity (an integer), location id, ToLocation id (-1 none). */
  sku: Int32Array;
  type: Uint8Array;
  qty: Int32Array;
  loc: Int32Array;
  toLoc: Int32Array;
  /** Per row: the Reference cell as handed in (the cache compares them; returns read them), in chunks (refAt). */
  rawRef: Cell[][];
  /** Raw Type and location spellings -> their codes (the cache checks a row's cells through them). */
  types: Map<string, number>;
  locExact: Map<string, number>;
  hasReturnRef: boolean;
  /** Rows of returns that carry a Reference, in table order, and each one's Reference in lower case. */
  returnRows: number[];
  returnRef: string[];
  /** True when a VendorReturn carries a Reference (only the exact return groups can check it). */
  vendorRef: boolean;
  /**
   * Per row, what the count needs to pair a customer return with its sale on the way (onhandCount.ts): for a
   * CustomerReturn with a Reference -(1 + its place in returnRows), else 0.
   */
  tag: Int32Array;
  /** True when the rows are already in date order (then no reordering is needed to count). */
  sorted: boolean;
  minDay: number;
  maxDay: number;
}

/**
 * The Reference cells are kept in chunks of REF_CHUNK: an array of a whole ledger's cells would be a large object,
 * for which the engine maps fresh memory on every scan (about 1 ms for 200,000 rows, most of it page faults),
 * where chunks come from its young generation.
 */
const REF_BITS = 13;
const REF_CHUNK = 1 << REF_BITS;
const REF_MASK = REF_CHUNK - 1;

/** Row i's Reference cell. */
export function refAt(refs: readonly (readonly Cell[])[], i: number): Cell {
  return refs[i >> REF_BITS][i & REF_MASK];
}

/** Chunks for n rows, those wholly within the first m taken from `prior` (never written again), row m's copied. */
function refChunks(n: number, prior: Cell[][] | null, m: number): Cell[][] {
  const out: Cell[][] = [];
  for (let b = 0, c = 0; b < n; b += REF_CHUNK, c++) {
    const size = Math.min(REF_CHUNK, n - b);
    if (prior && b + size <= m) out.push(prior[c]);
    else if (prior && b < m) {
      const chunk = prior[c].slice(0, m - b);
      for (let k = m - b; k < size; k++) chunk.push(null);
      out.push(chunk);
    } else out.push(new Array<Cell>(size));
  }
  return out;
}

/** Text as parseTable reads it: trimmed ("" is blank), numbers as written, TRUE/FALSE; undefined: not a cell. */
export function text(raw: Cell | undefined): string | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string") {
    const t = raw.trim();
    return t === "" ? null : t;
  }
  if (typeof raw === "number") return String(raw);
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return undefined;
}

/**
 * True for an amount cell the count takes (UnitCost, UnitPrice): a number of 0 or more, or blank (null, undefined
 * or "").
 */
export function takesAmount(raw: Cell | undefined): boolean {
  if (raw === null) return true;
  if (typeof raw === "number") return raw >= 0 && raw < Infinity;
  return raw === undefined || raw === "";
}

/** The seven Types as we spell them, by length (they have seven lengths), and each one's code. */
const CANON_BY_LENGTH: (string | null)[] = new Array<string | null>(16).fill(null);
const CODE_BY_LENGTH = new Int32Array(16).fill(-1);
for (const [name, code] of [
  ["Receipt", RECEIPT],
  ["Sale", SALE],
  ["Issue", ISSUE],
  ["CustomerReturn", CUSTOMER_RETURN],
  ["VendorReturn", VENDOR_RETURN],
  ["Transfer", TRANSFER],
  ["Adjustment", ADJUSTMENT],
] as const) {
  CANON_BY_LENGTH[name.length] = name;
  CODE_BY_LENGTH[name.length] = code;
}

/**
 * Type code of a Type cell (the engine's one reading of a Type, `typeOf`), -1 when none or not text. The seven
 * Types as we spell them have seven lengths: the cell's length names the one spelling it can be, and one
 * comparison tells (no branch on which Type it is, which rows in any order would mispredict); any other
 * spelling goes to typeOf.
 */
function typeOfCell(raw: Cell | undefined, memo: Map<string, number>): number {
  if (typeof raw !== "string") return -1;
  const k = raw.length & 15;
  if (raw === CANON_BY_LENGTH[k]) return CODE_BY_LENGTH[k];
  return typeOf(raw, memo);
}

/** Location id of a cell: -1 blank, -2 not plain text; raw spellings memoised, so most cells cost one lookup. */
function locationOf(raw: Cell | undefined, locId: Map<string, number>, exact: Map<string, number>): number {
  if (raw === null || raw === undefined) return -1;
  if (typeof raw === "string") {
    const hit = exact.get(raw);
    if (hit !== undefined) return hit;
  }
  const name = text(raw);
  if (name === undefined) return -2;
  let id = -1;
  if (name !== null) {
    const key = name.toLowerCase();
    id = locId.get(key) ?? locId.size;
    if (id === locId.size) locId.set(key, id);
  }
  if (typeof raw === "string") exact.set(raw, id);
  return id;
}

/**
 * Scans rows[start..] under `header`; null when a row needs the full valuation (or a required column is missing).
 * `prior`: a scan of a table under the same header whose first `same` rows give the same columns (sameRows):
 * those rows are taken from it and only the rest is read (a sheet after an edit or with rows appended). With
 * `takeOver`, the caller drops `prior` whatever the outcome: a table of its size is then scanned into prior's own
 * memory (its columns and name tables written in place, nothing copied), so `prior` must not be used again.
 */
export function scanLedger(
  header: readonly Cell[],
  rows: CellRows,
  start: number,
  prior: OnHandScan | null = null,
  same = 0,
  takeOver = false
): OnHandScan | null {
  const match = matchHeaders("Ledger", header);
  if (match.missingRequired.length > 0) return null;
  const col = (name: string) => match.columns[name] ?? -1;
  const n = Math.max(0, rows.length - start);
  const own = takeOver && prior !== null && same > 0 && prior.n === n ? prior : null;
  // One block of memory for the columns (one allocation, not seven), or the prior scan's.
  const block = own ? null : new ArrayBuffer(25 * n);
  const column = <T>(mine: T | undefined, make: (b: ArrayBuffer) => T): T =>
    own ? (mine as T) : make(block as ArrayBuffer);
  const s: OnHandScan = {
    n,
    header: [...header],
    cD: col("Date"),
    cS: col("SKU"),
    cT: col("Type"),
    cQ: col("Quantity"),
    cC: col("UnitCost"),
    cP: col("UnitPrice"),
    cL: col("Location"),
    cTo: col("ToLocation"),
    cR: col("Reference"),
    skuIndex: new ItemIndex(),
    spellings: new Spellings(),
    itemRaw: [],
    locId: new Map([["", 0]]),
    day: column(own?.day, (b) => new Int32Array(b, 0, n)),
    sku: column(own?.sku, (b) => new Int32Array(b, 4 * n, n)),
    qty: column(own?.qty, (b) => new Int32Array(b, 8 * n, n)),
    loc: column(own?.loc, (b) => new Int32Array(b, 12 * n, n)),
    toLoc: column(own?.toLoc, (b) => new Int32Array(b, 16 * n, n)),
    tag: column(own?.tag, (b) => new Int32Array(b, 20 * n, n)),
    type: column(own?.type, (b) => new Uint8Array(b, 24 * n, n)),
    rawRef: [],
    types: new Map(),
    locExact: new Map(),
    hasReturnRef: false,
    returnRows: [],
    returnRef: [],
    vendorRef: false,
    sorted: true,
    minDay: 0,
    maxDay: 0,
  };
  const from = prior && same > 0 ? takePrefix(s, prior, Math.min(same, n, prior.n), own === prior) : 0;
  if (from === 0 && s.cR >= 0) s.rawRef = refChunks(n, null, 0);
  return itemRows(s, rows, start, from) && scanRows(s, rows, start, from) ? s : null;
}

/**
 * Fills the scan's first m rows from `p` (same header, same first m rows) and returns m. Items and locations are
 * numbered in the order they first appear, so those of the first m rows are the ones numbered below the largest
 * number these rows use; the memos of raw spellings are kept whole (each still maps to the same item). `own`: s
 * already holds p's columns (p is given up), so its rows stay where they are and tables the first m rows use
 * whole are taken as they are.
 */
function takePrefix(s: OnHandScan, p: OnHandScan, m: number, own: boolean): number {
  let items = 0;
  let places = 1;
  let sorted = true;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < m; i++) {
    if (p.sku[i] >= items) items = p.sku[i] + 1;
    if (p.loc[i] >= places) places = p.loc[i] + 1;
    if (p.toLoc[i] >= places) places = p.toLoc[i] + 1;
    const d = p.day[i];
    if (i > 0 && d < p.day[i - 1]) sorted = false;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  // Usually every item and location already appears in the shared rows: then the maps are copied whole (or, when
  // p is given up, taken).
  if (own && items === p.itemRaw.length) {
    s.skuIndex = p.skuIndex;
    s.spellings = p.spellings;
    s.itemRaw = p.itemRaw;
  } else {
    s.skuIndex = p.skuIndex.upTo(items);
    s.spellings = p.spellings.upTo(items, p.itemRaw.length);
    s.itemRaw = p.itemRaw.slice(0, items);
  }
  if (own && places === p.locId.size) {
    s.locId = p.locId;
    s.locExact = p.locExact;
    s.types = p.types;
  } else if (places === p.locId.size) {
    s.locId = new Map(p.locId);
    s.locExact = new Map(p.locExact);
  } else {
    s.locId = new Map();
    for (const [k, v] of p.locId) if (v < places) s.locId.set(k, v);
    for (const [k, v] of p.locExact) if (v < places) s.locExact.set(k, v);
  }
  if (s.types !== p.types) s.types = new Map(p.types);
  if (own) {
    // The rows from m on are written by the scan; only the returns' tags are written for some rows alone.
    s.tag.fill(0, m);
    if (s.cR >= 0) s.rawRef = p.rawRef;
  } else {
    s.day.set(p.day.subarray(0, m));
    s.sku.set(p.sku.subarray(0, m));
    s.type.set(p.type.subarray(0, m));
    s.qty.set(p.qty.subarray(0, m));
    s.loc.set(p.loc.subarray(0, m));
    s.toLoc.set(p.toLoc.subarray(0, m));
    s.tag.set(p.tag.subarray(0, m));
    if (s.cR >= 0) s.rawRef = refChunks(s.n, p.rawRef, m);
  }
  for (let k = 0; k < p.returnRows.length; k++) {
    const i = p.returnRows[k];
    if (i >= m) break;
    s.returnRows.push(i);
    s.returnRef.push(p.returnRef[k]);
    s.hasReturnRef = true;
    if (p.type[i] === VENDOR_RETURN) s.vendorRef = true;
  }
  s.sorted = sorted;
  s.minDay = minDay;
  s.maxDay = maxDay;
  return m;
}

/** A SKU cell not seen before: its item (added when new), -1 when blank or not plain. */
function itemOf(s: OnHandScan, raw: Cell | undefined): number {
  const name = text(raw);
  if (!name) return -1;
  const items = s.skuIndex.size;
  const item = s.skuIndex.add(name);
  if (item === items) s.itemRaw.push(raw as Cell);
  s.spellings.add(raw, item);
  return item;
}

/** First pass: each row's item, from its SKU cell (alone in its loop, the lookups of many rows overlap). */
function itemRows(s: OnHandScan, rows: CellRows, start: number, from: number): boolean {
  const { n, cS, spellings, sku } = s;
  const short = spellings.short;
  for (let i = from; i < n; i++) {
    const r = rows[start + i];
    if (!r) return false;
    const sc = r[cS];
    let sp = typeof sc === "string" && sc.length <= SHORT ? short[sc] : spellings.long.get(sc);
    if (sp === undefined) {
      sp = itemOf(s, sc);
      if (sp < 0) return false;
    }
    sku[i] = sp;
  }
  return true;
}

/**
 * The pass itself (kept apart from building the scan, so the engine optimises one tight loop). False when a row
 * needs the full valuation.
 */
function scanRows(s: OnHandScan, rows: CellRows, start: number, from: number): boolean {
  const { n, cD, cT, cQ, cC, cP, cL, cTo, cR, locId, locExact, types } = s;
  const { day: days, type: typ, qty, loc, toLoc, rawRef, tag, returnRows, returnRef } = s;
  let lastLoc: Cell | undefined = null;
  let lastLocId = 0;
  // Days as small integers (serials from 1), and the order test without a branch: the OR of every step from
  // one row's day to the next has its sign bit set once any step goes back (a branch on it would mispredict on
  // every other row of a table in random order).
  let prevDay = from > 0 ? days[from - 1] : 0;
  let minDay = from > 0 ? s.minDay : LAST_DAY + 1;
  let maxDay = from > 0 ? s.maxDay : 0;
  let steps = from > 0 && !s.sorted ? -1 : 0;
  let refs: Cell[] = cR >= 0 && from < n ? rawRef[from >> REF_BITS] : [];
  for (let i = from; i < n; i++) {
    const r = rows[start + i];
    if (!r) return false;
    const d = r[cD];
    if (typeof d !== "number" || !(d >= 1 && d <= LAST_DAY)) return false;
    const day = Math.floor(d) | 0;
    steps |= day - prevDay;
    prevDay = day;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
    const tc = r[cT];
    const t = typeOfCell(tc, types);
    if (t < 0) return false;
    const q = r[cQ];
    if (typeof q !== "number" || !Number.isInteger(q) || q > MAX_QTY || q < -MAX_QTY) return false;
    if (t !== ADJUSTMENT && !(q > 0)) return false;
    const c = cC >= 0 ? r[cC] : null;
    if (!takesAmount(c)) return false;
    // Receipts must carry a cost: the valuation reports one without.
    if (t === RECEIPT && typeof c !== "number") return false;
    if (cP >= 0 && !takesAmount(r[cP])) return false;
    // Most rows name the location of the row before: that costs one comparison.
    let lid = 0;
    if (cL >= 0) {
      const lc = r[cL];
      if (lc === lastLoc && lc !== undefined) lid = lastLocId;
      else {
        lid = locationOf(lc, locId, locExact);
        if (lid === -2) return false;
        if (lid < 0) lid = 0;
        lastLoc = lc;
        lastLocId = lid;
      }
    }
    let tid = -1;
    if (cTo >= 0) {
      const tc2 = r[cTo];
      if (tc2 !== null && tc2 !== undefined) {
        tid = locationOf(tc2, locId, locExact);
        if (tid === -2) return false;
      }
    }
    if (t === TRANSFER && tid < 0) return false;
    if (cR >= 0) {
      const rc = r[cR];
      if ((i & REF_MASK) === 0) refs = rawRef[i >> REF_BITS];
      refs[i & REF_MASK] = rc;
      // A return's Reference ties it to its original; other References matter only if a return names them.
      if ((t === CUSTOMER_RETURN || t === VENDOR_RETURN) && rc !== null && rc !== undefined) {
        const ref = text(rc);
        if (ref === undefined) return false;
        if (ref !== null) {
          s.hasReturnRef = true;
          returnRows.push(i);
          returnRef.push(ref.toLowerCase());
          if (t === CUSTOMER_RETURN) tag[i] = -returnRows.length;
          else s.vendorRef = true;
        }
      }
    }
    days[i] = day;
    typ[i] = t;
    qty[i] = q;
    loc[i] = lid;
    toLoc[i] = tid;
  }
  s.sorted = steps >= 0;
  s.minDay = n > 0 ? minDay : 0;
  s.maxDay = n > 0 ? maxDay : 0;
  return true;
}

/**
 * True when rows[start..] under `header` hold cells that give exactly the scan's columns, so its counts are never
 * stale: the header, Quantities and References ===; SKUs naming the same item; dates on the same day; Types and
 * locations to the same codes; UnitCost and UnitPrice still cells the count takes (their values never change a
 * count).
 */
export function sameCells(s: OnHandScan, header: readonly Cell[], rows: CellRows, start: number): boolean {
  return Math.max(0, rows.length - start) === s.n && sameRows(s, header, rows, start) === s.n;
}

/**
 * How many leading rows of rows[start..] give the scan's columns (as sameCells says), up to the shorter of the
 * two tables; -1 when the header differs.
 */
export function sameRows(s: OnHandScan, header: readonly Cell[], rows: CellRows, start: number): number {
  const n = Math.min(s.n, Math.max(0, rows.length - start));
  if (header.length !== s.header.length) return -1;
  for (let c = 0; c < header.length; c++) if (header[c] !== s.header[c]) return -1;
  const { cD, cS, cT, cQ, cC, cP, cL, cTo, cR, day, qty, sku, itemRaw, spellings, rawRef, type, loc, toLoc } = s;
  const { types, locId, locExact } = s;
  let lastLoc: Cell | undefined = null;
  let lastLocId = 0;
  let refs: Cell[] = cR >= 0 && n > 0 ? rawRef[0] : [];
  for (let i = 0; i < n; i++) {
    const r = rows[start + i];
    if (!r) return i;
    const d = r[cD];
    if (typeof d !== "number" || !(d >= 1 && d <= LAST_DAY) || Math.floor(d) !== day[i]) return i;
    if (r[cQ] !== qty[i]) return i;
    // The SKU cell: the item's first spelling at a glance, another spelling of the same item through the memo.
    const sc = r[cS];
    if (sc !== itemRaw[sku[i]] && spellings.get(sc) !== sku[i]) return i;
    const t = type[i];
    // Type codes: the seven canonical spellings are compared directly, others through the scan's memo.
    if (typeOfCell(r[cT], types) !== t) return i;
    const c = cC >= 0 ? r[cC] : null;
    if (!takesAmount(c) || (t === RECEIPT && typeof c !== "number")) return i;
    if (cP >= 0 && !takesAmount(r[cP])) return i;
    if (cL >= 0) {
      const lc = r[cL];
      if (lc !== lastLoc || lc === undefined) {
        const id = knownLocation(lc, locExact, locId);
        if (id === -2) return i;
        lastLoc = lc;
        lastLocId = id < 0 ? 0 : id;
      }
      if (lastLocId !== loc[i]) return i;
    }
    if (cTo >= 0) {
      const tc2 = r[cTo];
      const id = tc2 === null || tc2 === undefined ? -1 : knownLocation(tc2, locExact, locId);
      if (id !== toLoc[i]) return i;
    }
    if (cR >= 0) {
      if ((i & REF_MASK) === 0) refs = rawRef[i >> REF_BITS];
      if (r[cR] !== refs[i & REF_MASK]) return i;
    }
  }
  return n;
}

/** Location id of a cell among the scan's locations without adding any: -1 blank, -2 unknown or not plain. */
function knownLocation(raw: Cell | undefined, exact: Map<string, number>, locId: Map<string, number>): number {
  if (raw === null || raw === undefined) return -1;
  if (typeof raw === "string") {
    const hit = exact.get(raw);
    if (hit !== undefined) return hit;
  }
  const name = text(raw);
  if (name === undefined) return -2;
  if (name === null) return -1;
  return locId.get(name.toLowerCase()) ?? -2;
}
