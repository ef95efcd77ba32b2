/**
 * Return groups for the one-pass count, formed exactly as compile.ts forms them: a return names its original by
 * Reference and SKU (a CustomerReturn its Sales, a VendorReturn its Receipts), References matching ignoring case
 * (text(cell).toLowerCase() alike). The count can check a customer return against its sales itself; a vendor
 * return tied to a receipt leaves from that receipt's own lot, which only the valuation can check (null).
 *
 * Returns are few and invoice numbers many: the returns' References are collected first, per item, and only the
 * Sales and Receipts of an item some return names are looked at, each compared with that item's few return
 * References character by character (folding A-Z as it goes), so no invoice number is hashed, trimmed or copied
 * in lower case. An item named by many returns' References takes them from a Map instead.
 */
import type { Cell } from "../schema";
import { refAt, text, type OnHandScan } from "./onhandScan";
import { CODES } from "./types";

const { CUSTOMER_RETURN, RECEIPT, SALE } = CODES;

/** Per type code: 1 for a Sale (a customer return's original), 2 for a Receipt (a vendor return's), else 0. */
const ORIGINAL = new Uint8Array(8);
ORIGINAL[SALE] = 1;
ORIGINAL[RECEIPT] = 2;

/** An item with more return References than this matches its originals through a Map, not one by one. */
const FEW = 4;

export interface ReturnGroups {
  /** Per row: 1 + its group (a matched customer return or one of its sales), 0 for none. */
  group: Int32Array;
  count: number;
}

const NONE = new Int32Array(0);

/**
 * True when the Reference cell `raw` reads as `lower` (text(raw).toLowerCase(): trimmed, lower case), false when
 * not, undefined when the cell is not one a Reference can hold. Plain text is compared in place, from the end
 * (invoice numbers of one item differ in their last digits): when the cell's ends are printable ASCII, trim
 * leaves it as it is, and an ASCII character lowers to one character (A-Z folded), so while the characters read
 * from the end are ASCII they line up with `lower`'s last ones and the first that differs decides. Anything
 * else (blanks at the ends, other characters, numbers) is read through text() and toLowerCase().
 */
export function sameRef(raw: Cell | undefined, lower: string): boolean | undefined {
  if (typeof raw === "string") {
    const n = raw.length;
    const a = n > 0 ? raw.charCodeAt(0) : 0;
    const z = n > 0 ? raw.charCodeAt(n - 1) : 0;
    if (a > 32 && a < 127 && z > 32 && z < 127) {
      let k = n - 1;
      for (let m = lower.length - 1; k >= 0; k--, m--) {
        let c = raw.charCodeAt(k);
        if (c >= 128) break; // not ASCII: toLowerCase decides
        if (c >= 65 && c <= 90) c += 32;
        if (m < 0 || c !== lower.charCodeAt(m)) return false;
      }
      if (k < 0) return n === lower.length;
    }
  }
  const t = text(raw);
  if (t === undefined) return undefined;
  return t !== null && t.toLowerCase() === lower;
}

/** The scan's return groups; null when a vendor return is tied to its receipt (the valuation must decide). */
export function returnGroups(s: OnHandScan): ReturnGroups | null {
  if (!s.hasReturnRef) return { group: NONE, count: 0 };
  const n = s.n;
  const group = new Int32Array(n);
  const { type: typ, sku: skuOf, rawRef, returnRows } = s;
  const items = s.skuIndex.size;
  // Per item: whether a customer return (bit 1) or a vendor return (bit 2) of it names a Reference, and its
  // groups as a list (first[item] = 1 + its latest group, next[g] = 1 + the one before; 0 ends).
  const wants = new Uint8Array(items);
  const first = new Int32Array(items);
  const perItem = new Int32Array(items);
  const next: number[] = [];
  const kindOf: number[] = [];
  const lowerOf: string[] = [];
  for (let k = 0; k < returnRows.length; k++) {
    const i = returnRows[k];
    const item = skuOf[i];
    const kind = typ[i] === CUSTOMER_RETURN ? 0 : 1;
    const lower = s.returnRef[k];
    wants[item] |= kind + 1;
    let g = first[item] - 1;
    while (g >= 0 && !(kindOf[g] === kind && lowerOf[g] === lower)) g = next[g] - 1;
    if (g < 0) {
      g = lowerOf.length;
      next.push(first[item]);
      kindOf.push(kind);
      lowerOf.push(lower);
      first[item] = g + 1;
      perItem[item]++;
    }
    group[i] = g + 1;
  }
  const count = lowerOf.length;
  // Items with many return References: lower-case Reference -> their groups (as kind, item, group triples).
  let byRef: Map<string, number[]> | null = null;
  for (let item = 0; item < items; item++) {
    if (perItem[item] <= FEW) continue;
    byRef ??= new Map();
    for (let g = first[item] - 1; g >= 0; g = next[g] - 1) {
      const list = byRef.get(lowerOf[g]);
      if (list) list.push(kindOf[g], item, g);
      else byRef.set(lowerOf[g], [kindOf[g], item, g]);
    }
  }
  const hasOriginal = new Uint8Array(count);
  for (let i = 0; i < n; i++) {
    // One test per row: a Sale (bit 1) or Receipt (bit 2) of an item whose returns of that kind name References.
    const item = skuOf[i];
    const bit = wants[item] & ORIGINAL[typ[i]];
    if (bit === 0) continue;
    const kind = bit - 1;
    const raw = refAt(rawRef, i);
    let g = -1;
    if (perItem[item] <= FEW) {
      for (let h = first[item] - 1; h >= 0; h = next[h] - 1) {
        if (kindOf[h] !== kind) continue;
        const same = sameRef(raw, lowerOf[h]);
        if (same === undefined) return null;
        if (same) {
          g = h;
          break;
        }
      }
    } else {
      const ref = text(raw);
      if (ref === undefined) return null;
      const list = ref === null ? undefined : (byRef as Map<string, number[]>).get(ref.toLowerCase());
      if (list) for (let k = 0; k < list.length; k += 3) if (list[k] === kind && list[k + 1] === item) g = list[k + 2];
    }
    if (g < 0) continue;
    if (kind === 1) return null; // a vendor return matched to its receipt: lots decide
    group[i] = g + 1;
    hasOriginal[g] = 1;
  }
  for (const i of returnRows) if (hasOriginal[group[i] - 1] === 0) group[i] = 0; // unmatched: no check
  return { group, count };
}
