/**
 * Quantity on hand without valuing: one pass over the Ledger's cells, signed quantities per item (and at one
 * location). It answers only for clean ledgers it can answer EXACTLY as the valuation would: every cell plain
 * (numbers, serial dates, canonical types, text), integer quantities (so every sum is exact whatever its order),
 * no row the valuation would reject (negative stock, a return beyond its sale, a vendor return tied to its
 * receipt's lot, ...). Anything else returns null and the caller takes the full path (parse, compile, value),
 * which reports the problem with its row. Pure: no cache, so a changed cell can never give a stale result.
 */
import { MAX_SERIAL } from "../dates";
import { matchHeaders, type Cell } from "../schema";
import { LEDGER_TYPES, normalizeName } from "../schema/tables";
import type { TableCells } from "./read";
import { foldHash, PRINT_MASK } from "./compile";
import { same, snapshot, type Snapshot } from "./snapshot";

export interface QuickOnHand {
  /** Lower-case SKU -> item index (every SKU of the ledger, whatever its dates). */
  skuIndex: Map<string, number>;
  /** Per item: units on hand as of `to` (at `location` when one was given). */
  onHand: Float64Array;
  /** Lower-case names of every location the ledger names ("" included: rows without one). */
  locations: Set<string>;
}

const RECEIPT = 0;
const SALE = 1;
const ISSUE = 2;
const CUSTOMER_RETURN = 3;
const VENDOR_RETURN = 4;
const TRANSFER = 5;
const ADJUSTMENT = 6;

/** Integer quantities up to this size keep every running sum of a sheet's rows exact in a double. */
const MAX_QTY = 1e9;

// eslint-disable-next-line no-control-regex -- plain ASCII is exactly what is tested
const ASCII = /^[\x00-\x7f]*$/;

/**
 * 0..31 from a text's length and its first and last characters folded to lower case. Two texts whose lower cases
 * are equal, one plain ASCII and the other with ASCII first and last characters, have the same signature: a
 * lower case that is ASCII keeps the text's length and maps it character by character (only U+0130 lengthens,
 * and into non-ASCII).
 */
function signature(t: string): number {
  let a = t.charCodeAt(0);
  let z = t.charCodeAt(t.length - 1);
  if (a >= 65 && a <= 90) a += 32;
  if (z >= 65 && z <= 90) z += 32;
  return (Math.imul(t.length, 7) + a * 3 + z) & 31;
}

/** Text as parseTable reads it: trimmed ("" is blank), numbers as written, TRUE/FALSE; undefined: not a cell. */
function text(raw: Cell | undefined): string | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string") {
    const t = raw.trim();
    return t === "" ? null : t;
  }
  if (typeof raw === "number") return String(raw);
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return undefined;
}

/** An optional non-negative number cell is fine when blank or a plain number of 0 or more. */
function plainAmount(raw: Cell | undefined): boolean {
  if (raw === null || raw === undefined || raw === "") return true;
  return typeof raw === "number" && raw - raw === 0 && raw >= 0;
}

/** Type code of a Type cell (as the schema matches choices: ignoring case and spaces), -1 when none. */
function typeOf(raw: Cell | undefined, memo: Map<string, number>): number {
  if (typeof raw !== "string") return -1;
  switch (raw) {
    case "Receipt":
      return RECEIPT;
    case "Sale":
      return SALE;
    case "Issue":
      return ISSUE;
    case "CustomerReturn":
      return CUSTOMER_RETURN;
    case "VendorReturn":
      return VENDOR_RETURN;
    case "Transfer":
      return TRANSFER;
    case "Adjustment":
      return ADJUSTMENT;
  }
  let t = memo.get(raw);
  if (t === undefined) {
    const n = normalizeName(raw);
    t = LEDGER_TYPES.findIndex((v) => normalizeName(v) === n);
    memo.set(raw, t);
  }
  return t;
}

/**
 * On hand per item as of `to` (rows dated after it are ignored), at `location` (lower case) when not null
 * (transfers move units between locations), or null when the ledger needs the full path.
 */
export function quickOnHand(ledger: TableCells, to: number, location: string | null): QuickOnHand | null {
  const match = matchHeaders("Ledger", ledger.header);
  if (match.missingRequired.length > 0) return null;
  const col = (name: string) => match.columns[name] ?? -1;
  const cD = col("Date");
  const cS = col("SKU");
  const cT = col("Type");
  const cQ = col("Quantity");
  const cC = col("UnitCost");
  const cP = col("UnitPrice");
  const cL = col("Location");
  const cTo = col("ToLocation");
  const cR = col("Reference");
  const rows = ledger.rows;
  const n = rows.length;

  const skuIndex = new Map<string, number>();
  const skuExact = new Map<string, number>();
  const locId = new Map<string, number>([["", 0]]);
  const locExact = new Map<string, number>();
  const types = new Map<string, number>();
  const day = new Int32Array(n);
  const skuOf = new Int32Array(n);
  const typ = new Uint8Array(n);
  const qty = new Float64Array(n);
  const loc = new Int32Array(n);
  const toLoc = new Int32Array(n);
  let refSku = new Uint8Array(64); // per item: 1 when one of its returns carries a Reference
  const origRef: (Cell | undefined)[] = new Array<Cell | undefined>(n).fill(null); // Sales' and Receipts'
  let hasReturnRef = false;
  let lastLoc: Cell | undefined = null;
  let lastLocId = -1;
  let minD = Infinity;
  let maxD = -Infinity;

  /** Location id of a cell (-1 blank, -2 not plain text): raw spellings memoised, so most cells cost one lookup. */
  const locOf = (raw: Cell | undefined): number => {
    if (raw === null || raw === undefined) return -1;
    if (typeof raw === "string") {
      const hit = locExact.get(raw);
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
    if (typeof raw === "string") locExact.set(raw, id);
    return id;
  };

  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const d = r[cD];
    if (typeof d !== "number" || !(d >= 1 && d <= MAX_SERIAL)) return null;
    const dd = Math.floor(d);
    const s = r[cS];
    let key: number | undefined;
    if (typeof s === "string") key = skuExact.get(s);
    if (key === undefined) {
      const name = text(s);
      if (!name) return null;
      const lower = name.toLowerCase();
      key = skuIndex.get(lower);
      if (key === undefined) {
        key = skuIndex.size;
        skuIndex.set(lower, key);
        if (key >= refSku.length) {
          const grown = new Uint8Array(refSku.length * 2);
          grown.set(refSku);
          refSku = grown;
        }
      }
      if (typeof s === "string") skuExact.set(s, key);
    }
    const t = typeOf(r[cT], types);
    if (t < 0) return null;
    const q = r[cQ];
    if (typeof q !== "number" || !Number.isInteger(q) || Math.abs(q) > MAX_QTY) return null;
    if (t !== ADJUSTMENT && !(q > 0)) return null;
    if (cC >= 0 && !plainAmount(r[cC])) return null;
    if (cP >= 0 && !plainAmount(r[cP])) return null;
    // Receipts must carry a cost: the valuation reports one without.
    if (t === RECEIPT) {
      const c = cC >= 0 ? r[cC] : null;
      if (typeof c !== "number") return null;
    }
    // Most rows name the location of the row before: that costs one comparison.
    const lc = cL >= 0 ? r[cL] : null;
    let lid: number;
    if (lc === lastLoc && lc !== undefined) lid = lastLocId;
    else {
      lid = locOf(lc);
      lastLoc = lc;
      lastLocId = lid;
    }
    const tid = cTo >= 0 ? locOf(r[cTo]) : -1;
    if (lid === -2 || tid === -2) return null;
    if (t === TRANSFER && tid < 0) return null;
    // Party is text, which reads from any cell; References matter only to returns and their originals.
    if ((t === SALE || t === RECEIPT) && cR >= 0) origRef[i] = r[cR];
    else if ((t === CUSTOMER_RETURN || t === VENDOR_RETURN) && cR >= 0) {
      const ref = text(r[cR]);
      if (ref === undefined) return null;
      if (ref !== null) {
        hasReturnRef = true;
        refSku[key] = 1;
      }
    }
    day[i] = dd;
    skuOf[i] = key;
    typ[i] = t;
    qty[i] = q;
    loc[i] = lid < 0 ? 0 : lid;
    toLoc[i] = tid;
    if (dd < minD) minD = dd;
    if (dd > maxD) maxD = dd;
  }

  // Return groups (Reference + SKU, as compile.ts forms them): a customer return is checked against its sales;
  // a vendor return tied to a receipt leaves from that receipt's lot, which only the valuation can check.
  const group = new Int32Array(n).fill(-1);
  let nGroups = 0;
  if (hasReturnRef) {
    const prints = new Int32Array(1 << 17);
    const groups = new Map<string, number>();
    // Per item, the signatures of its return References (all bits when one is not plain ASCII): an original
    // whose signature is not among them cannot lower-case to one of them (see signature).
    const sigs = new Int32Array(refSku.length);
    for (let i = 0; i < n; i++) {
      const t = typ[i];
      if (t !== CUSTOMER_RETURN && t !== VENDOR_RETURN) continue;
      const ref = text(rows[i][cR]);
      if (!ref) continue;
      const h = foldHash(ref) & PRINT_MASK;
      prints[h >>> 5] |= 1 << (h & 31);
      sigs[skuOf[i]] |= ASCII.test(ref) ? 1 << signature(ref) : -1;
      const k = `${t === CUSTOMER_RETURN ? 0 : 1}\u0000${skuOf[i]}\u0000${ref.toLowerCase()}`;
      let g = groups.get(k);
      if (g === undefined) groups.set(k, (g = nGroups++));
      group[i] = g;
    }
    const hasOriginal = new Uint8Array(nGroups);
    for (let i = 0; i < n; i++) {
      const t = typ[i];
      if ((t !== SALE && t !== RECEIPT) || refSku[skuOf[i]] === 0) continue;
      const raw = origRef[i];
      if (typeof raw === "string" && raw.length > 0) {
        // Cheap rejection first: ASCII ends (nothing for trim to remove) and a signature no return of the item has.
        const a = raw.charCodeAt(0);
        const z = raw.charCodeAt(raw.length - 1);
        if (a > 32 && a < 127 && z > 32 && z < 127 && (sigs[skuOf[i]] & (1 << signature(raw))) === 0) continue;
      }
      const ref = text(raw);
      if (ref === undefined) return null;
      if (ref === null) continue;
      const h = foldHash(ref) & PRINT_MASK;
      if ((prints[h >>> 5] & (1 << (h & 31))) === 0) continue;
      const g = groups.get(`${t === SALE ? 0 : 1}\u0000${skuOf[i]}\u0000${ref.toLowerCase()}`);
      if (g === undefined) continue;
      if (t === RECEIPT) return null; // a vendor return matched to its receipt: lots decide
      group[i] = g;
      hasOriginal[g] = 1;
    }
    for (let i = 0; i < n; i++) if (group[i] >= 0 && hasOriginal[group[i]] === 0) group[i] = -1; // unmatched
  }

  // The rows as the valuation takes them: by date, rows on one date in the table's order (stable).
  const order = byDate(day, n, minD, maxD);
  const nSku = skuIndex.size;
  const bal = new Float64Array(nSku);
  const at = location === null ? bal : new Float64Array(nSku);
  const where = location === null ? -2 : (locId.get(location) ?? -3);
  const gQty = new Float64Array(nGroups);
  const gRet = new Float64Array(nGroups);
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : order[k];
    if (day[i] > to) {
      if (order === null) continue;
      break;
    }
    const s = skuOf[i];
    const t = typ[i];
    let q = qty[i];
    let inflow: boolean;
    switch (t) {
      case RECEIPT:
        inflow = true;
        break;
      case CUSTOMER_RETURN: {
        const g = group[i];
        if (g >= 0) {
          if (!(gQty[g] > 0) || q > gQty[g] - gRet[g]) return null;
          gRet[g] += q;
        }
        inflow = true;
        break;
      }
      case TRANSFER:
        if (where >= 0) {
          if (loc[i] === where) at[s] -= q;
          if (toLoc[i] === where) at[s] += q;
        }
        continue;
      case ADJUSTMENT:
        if (q === 0) continue;
        inflow = q > 0;
        if (q < 0) q = -q;
        break;
      default: // Sale, Issue, VendorReturn
        inflow = false;
        if (t === SALE && group[i] >= 0) gQty[group[i]] += q;
    }
    if (inflow) {
      bal[s] += q;
      if (where >= 0 && loc[i] === where) at[s] += q;
    } else {
      if (bal[s] < q) return null; // negative stock: the valuation reports it
      bal[s] -= q;
      if (where >= 0 && loc[i] === where) at[s] -= q;
    }
  }
  if (where !== -2 && where < 0) at.fill(0); // a location no row names holds nothing
  for (let s = 0; s < nSku; s++) if (at[s] === 0) at[s] = 0; // no -0
  return { skuIndex, onHand: at, locations: new Set(locId.keys()) };
}

/**
 * Row positions sorted by day, stable; null when the table is already in date order. A counting sort when the
 * days span a modest range, else a comparison sort.
 */
function byDate(day: Int32Array, n: number, minD: number, maxD: number): Int32Array | null {
  let sorted = true;
  for (let i = 1; i < n; i++) {
    if (day[i] < day[i - 1]) {
      sorted = false;
      break;
    }
  }
  if (sorted) return null;
  const order = new Int32Array(n);
  const span = maxD - minD + 1;
  if (span <= 4 * n + 4096) {
    const start = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) start[day[i] - minD + 1]++;
    for (let d = 0; d < span; d++) start[d + 1] += start[d];
    for (let i = 0; i < n; i++) order[start[day[i] - minD]++] = i;
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => day[a] - day[b] || a - b);
  return order;
}

/**
 * Counts remembered on the ledger's full contents, as LedgerCache does for parsed ledgers: a lookup compares
 * every cell with a private copy (===), so a changed cell is never answered from memory. ONHAND is volatile:
 * Excel calls it again on every recalculation with the same contents. A null count (the ledger needs the full
 * path) is remembered too, so such a ledger is not scanned again before the valuation's own cache answers.
 */
export class OnHandCache {
  private entries: { snap: Snapshot; counts: Map<string, QuickOnHand | null> }[] = [];

  constructor(private readonly capacity = 4) {}

  count(ledger: TableCells, to: number, location: string | null): QuickOnHand | null {
    const key = `${to}|${location === null ? "" : `=${location}`}`;
    let e = this.entries.find((x) => same(x.snap, ledger));
    if (!e) {
      e = { snap: snapshot(ledger), counts: new Map() };
      this.entries.unshift(e);
      if (this.entries.length > this.capacity) this.entries.pop();
    }
    if (e.counts.has(key)) return e.counts.get(key) as QuickOnHand | null;
    const q = quickOnHand(ledger, to, location);
    if (e.counts.size >= 16) e.counts.delete(e.counts.keys().next().value as string);
    e.counts.set(key, q);
    return q;
  }

  clear(): void {
    this.entries = [];
  }
}
