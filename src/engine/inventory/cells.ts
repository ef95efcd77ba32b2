/**
 * The Ledger's cells straight into unsorted columns (RawLedger), without a row object per row. Every row whose
 * cells are plainly good (a serial date, a SKU text, a Type spelled as one of ours, numbers where numbers go,
 * text or blanks elsewhere) is read here; any other row, however rare or odd (numeric or date text, a bad or
 * blank required cell, a blank row, booleans), is handed to the schema parser (parseTable) together with the
 * other such rows, so its issues, values and skipping are exactly the parser's. The issues come out in the
 * parser's order: header findings first, then row by row.
 */
import { DATE1904_OFFSET, MAX_SERIAL } from "../dates";
import { matchHeaders, parseTable, type Cell, type Issue, type ParseOptions } from "../schema";
import type { ItemRow, LedgerRow } from "../schema/rows";
import { Columns, startRaw, type RawLedger } from "./compile";
import { canonicalType, typeOf } from "./types";

export interface CellsRead {
  raw: RawLedger;
  /** The parser's issues for these cells (header findings, then rows in order). */
  issues: Issue[];
  /** Our column name -> index in the header. */
  columns: Record<string, number>;
}

/**
 * Text without surrounding white space: the text itself when its first and last characters are printable ASCII
 * (the common case, a check much cheaper than trim(), which also looks for Unicode spaces), else trim().
 */
export function trimmed(s: string): string {
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  return a > 32 && a < 128 && z > 32 && z < 128 ? s : s.trim();
}

/** An optional text cell as the parser reads it: null when blank; undefined when only the parser can say. */
function optText(raw: Cell): string | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string") {
    const t = trimmed(raw);
    return t === "" ? null : t;
  }
  return typeof raw === "number" ? String(raw) : undefined;
}

/** Slots of the SKU cache, two per set (a power of two): 10,000 items fill a seventh of them. */
const SKU_SLOTS = 1 << 16;

/**
 * The set (first of its two slots) of a SKU cell's text in the SKU cache: its length and its last six
 * characters (where item codes usually differ), hashed. Equal texts get the same set; unequal ones sharing a set
 * only cost a miss when more than two of them do.
 */
function skuSet(s: string): number {
  const n = s.length;
  let h = Math.imul(n, 0x9e3779b1);
  for (let i = n - 1, end = n > 6 ? n - 6 : 0; i >= end; i--) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) & (SKU_SLOTS - 2);
}

/**
 * Reads the Ledger's cells. Null when a required column is missing (the caller then uses the parser, which
 * reports it and reads no rows). `pooled`: the columns are carved from reused scratch memory (scratch.ts), so
 * the result is only good until the next pooled read: for a caller that compiles it at once (readLedger).
 */
export function readLedgerCells(
  header: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  opts: ParseOptions = {},
  items: readonly ItemRow[] = [],
  pooled = false
): CellsRead | null {
  const match = matchHeaders("Ledger", header, opts);
  if (match.missingRequired.length > 0) return null;
  const col = (name: string) => match.columns[name] ?? -1;
  const cDate = col("Date");
  const cSku = col("SKU");
  const cType = col("Type");
  const cQty = col("Quantity");
  const cCost = col("UnitCost");
  const cPrice = col("UnitPrice");
  const cLoc = col("Location");
  const cTo = col("ToLocation");
  const cRef = col("Reference");
  const headerRow = opts.headerRow ?? 1;
  const shift = opts.date1904 === true ? DATE1904_OFFSET : 0;
  const n0 = rows.length;
  let start = startRaw(items);
  let { skus, locs } = start;
  const cols = new Columns(n0, 3, 5, 1, pooled ? "raw" : undefined);
  const qty = cols.f64();
  const cost = cols.f64();
  const price = cols.f64();
  const skuOf = cols.i32();
  const day = cols.i32();
  const loc = cols.i32();
  const toLoc = cols.i32();
  const row = cols.i32();
  const type = cols.u8();
  const refs: (string | null)[] = new Array<string | null>(n0);
  const typeMemo = new Map<string, number>();
  /** Rows left to the parser: their index in `rows`, and the column position reserved for them. */
  const slow: number[] = [];
  const slowAt: number[] = [];
  let minDate = Infinity;
  let maxDate = -Infinity;
  // The SKU cache: a cell's text -> its item, so most rows find their item by one comparison of texts (short
  // texts from JSON are one shared object per spelling: a pointer comparison) instead of trim() and a Map lookup.
  const skuText: (string | null)[] = new Array<string | null>(SKU_SLOTS).fill(null);
  const skuId = new Int32Array(SKU_SLOTS);
  // Ledgers name few locations, mostly the same one row after row: remember the last cell of each column.
  let lastLoc: Cell = null;
  let lastLocId = 0;
  let lastTo: Cell = null;
  let lastToId = -1;
  let k = 0;
  for (let index = 0; index < n0; index++) {
    const c = rows[index];
    // Required cells: a serial date, a SKU, one of our Types, a finite Quantity.
    const rd = c[cDate];
    const rs = c[cSku];
    const rt = c[cType];
    const rq = c[cQty];
    let fast = typeof rd === "number" && typeof rq === "number" && rq - rq === 0 && typeof rt === "string";
    let d = 0;
    let sku = "";
    let slot = -1;
    let id = -1;
    let t = -1;
    if (fast) {
      const serial = (rd as number) + shift;
      if (serial >= 1 && serial <= MAX_SERIAL) d = Math.floor(serial);
      else fast = false;
      if (typeof rs === "string" && rs !== "") {
        slot = skuSet(rs);
        if (skuText[slot] === rs) id = skuId[slot];
        else if (skuText[slot + 1] === rs) id = skuId[slot + 1];
        else sku = trimmed(rs);
      } else if (typeof rs === "number") sku = String(rs);
      if (id < 0 && sku === "") fast = false;
      t = typeOf(rt as string, typeMemo);
      if (t < 0) fast = false;
    }
    // Optional cells: blank, or a number of 0 or more, or text.
    let uc = NaN;
    let up = NaN;
    let l: string | null | undefined = null;
    let tl: string | null | undefined = null;
    let ref: string | null | undefined = null;
    if (fast) {
      const rc = cCost < 0 ? null : c[cCost];
      if (typeof rc === "number") {
        if (rc - rc === 0 && rc >= 0) uc = rc;
        else fast = false;
      } else if (rc !== null && rc !== undefined) fast = false;
      const rp = cPrice < 0 ? null : c[cPrice];
      if (typeof rp === "number") {
        if (rp - rp === 0 && rp >= 0) up = rp;
        else fast = false;
      } else if (rp !== null && rp !== undefined) fast = false;
      const rl = cLoc < 0 ? null : c[cLoc];
      if (rl !== lastLoc) l = optText(rl);
      const rtl = cTo < 0 ? null : c[cTo];
      if (rtl !== lastTo) tl = optText(rtl);
      ref = cRef < 0 ? null : optText(c[cRef]);
      if (l === undefined || tl === undefined || ref === undefined) fast = false;
      else {
        // Read only now that the row is known to be good: names are numbered as first seen among good rows.
        if (rl !== lastLoc) {
          lastLoc = rl;
          lastLocId = l ? locs.id(l) : 0;
        }
        if (rtl !== lastTo) {
          lastTo = rtl;
          lastToId = tl ? locs.id(tl) : -1;
        }
      }
    }
    if (!fast) {
      slow.push(index);
      slowAt.push(k++);
      continue;
    }
    if (id < 0) {
      id = skus.id(sku);
      if (slot >= 0) {
        if (skuText[slot] !== null) slot++; // the set's second slot (replacing its text, if any)
        skuText[slot] = rs as string;
        skuId[slot] = id;
      }
    }
    skuOf[k] = id;
    day[k] = d;
    if (d < minDate) minDate = d;
    if (d > maxDate) maxDate = d;
    type[k] = t;
    qty[k] = rq as number;
    cost[k] = uc;
    price[k] = up;
    loc[k] = lastLocId;
    toLoc[k] = lastToId;
    refs[k] = ref as string | null;
    row[k] = headerRow + 1 + index;
    k++;
  }

  const issues: Issue[] = [...match.issues];
  let n = k;
  if (slow.length > 0) {
    // The parser reads the odd rows as one small table; its row numbers are then put back to the sheet's.
    const sub = parseTable(
      "Ledger",
      header,
      slow.map((i) => rows[i]),
      { ...opts, headerRow }
    );
    for (const is of sub.issues) {
      if (is.row === null || is.row === headerRow) continue; // header findings: already in match.issues
      issues.push({ ...is, row: headerRow + 1 + slow[is.row - headerRow - 1] });
    }
    const used = new Uint8Array(slow.length);
    const parsedAt: (LedgerRow | null)[] = new Array<LedgerRow | null>(slow.length).fill(null);
    for (const r of sub.rows) {
      const j = r.index;
      used[j] = 1;
      parsedAt[j] = r;
      const at = slowAt[j];
      const d = Math.floor(r.Date);
      day[at] = d;
      if (d < minDate) minDate = d;
      if (d > maxDate) maxDate = d;
      type[at] = canonicalType(r.Type);
      qty[at] = r.Quantity;
      cost[at] = r.UnitCost ?? NaN;
      price[at] = r.UnitPrice ?? NaN;
      refs[at] = r.Reference;
      row[at] = headerRow + 1 + slow[j];
    }
    // Items and locations are numbered (and spelled) as first seen in table order: number them again, now that
    // the parser's rows are known. (Every row got a column position in the pass above: position = row index.)
    start = startRaw(items);
    ({ skus, locs } = start);
    let j = 0;
    for (let p = 0; p < k; p++) {
      let sku: string;
      let l: string | null;
      let tl: string | null;
      if (j < slow.length && slow[j] === p) {
        const r = parsedAt[j++];
        if (r === null) continue;
        sku = r.SKU;
        l = r.Location;
        tl = r.ToLocation;
      } else {
        const c = rows[p];
        const rs = c[cSku];
        sku = typeof rs === "string" ? rs.trim() : String(rs);
        l = cLoc < 0 ? null : (optText(c[cLoc]) as string | null);
        tl = cTo < 0 ? null : (optText(c[cTo]) as string | null);
      }
      skuOf[p] = skus.id(sku);
      loc[p] = l ? locs.id(l) : 0;
      toLoc[p] = tl ? locs.id(tl) : -1;
    }
    if (sub.rows.length < slow.length) {
      // Skipped rows leave a gap in the columns: close it, keeping table order.
      const gap = new Uint8Array(k);
      for (let j = 0; j < slow.length; j++) if (!used[j]) gap[slowAt[j]] = 1;
      n = 0;
      for (let p = 0; p < k; p++) {
        if (gap[p]) continue;
        if (n !== p) {
          skuOf[n] = skuOf[p];
          day[n] = day[p];
          type[n] = type[p];
          qty[n] = qty[p];
          cost[n] = cost[p];
          price[n] = price[p];
          loc[n] = loc[p];
          toLoc[n] = toLoc[p];
          refs[n] = refs[p];
          row[n] = row[p];
        }
        n++;
      }
    }
  }
  const cut = <A extends Int32Array | Float64Array | Uint8Array>(a: A): A => (n === n0 ? a : (a.subarray(0, n) as A));
  return {
    raw: {
      ...start,
      n,
      skuOf: cut(skuOf),
      day: cut(day),
      type: cut(type),
      qty: cut(qty),
      cost: cut(cost),
      price: cut(price),
      loc: cut(loc),
      toLoc: cut(toLoc),
      row: cut(row),
      ref: (p) => refs[p],
      minDate,
      maxDate,
    },
    issues,
    columns: match.columns,
  };
}

/** The typed rows of the same cells, for callers that want them (parsed when asked, exactly as parseTable). */
export function ledgerRowsOf(
  header: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  opts: ParseOptions = {}
): LedgerRow[] {
  return parseTable("Ledger", header, rows, opts).rows;
}
