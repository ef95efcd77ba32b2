/**
 * Return groups for the one-pass count, formed exactly as compile.ts forms them: a return names its original by
 * Reference and SKU (a CustomerReturn its Sales, a VendorReturn its Receipts), References matching ignoring case
 * and through the same fingerprint filter. The count can check a customer return against its sales itself; a
 * vendor return tied to a receipt leaves from that receipt's own lot, which only the valuation can check (null).
 */
import { foldHash, PRINT_MASK } from "./compile";
import { text, type OnHandScan } from "./onhandScan";
import { CODES } from "./types";

const { CUSTOMER_RETURN, RECEIPT, SALE } = CODES;

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

export interface ReturnGroups {
  /** Per row: 1 + its group (a matched customer return or one of its sales), 0 for none. */
  group: Int32Array;
  count: number;
}

/** True when every character of t is plain ASCII. */
function ascii(t: string): boolean {
  for (let k = 0; k < t.length; k++) if (t.charCodeAt(k) > 0x7f) return false;
  return true;
}

const NONE = new Int32Array(0);

/** The scan's return groups; null when a vendor return is tied to its receipt (the valuation must decide). */
export function returnGroups(s: OnHandScan): ReturnGroups | null {
  if (!s.hasReturnRef) return { group: NONE, count: 0 };
  const n = s.n;
  const group = new Int32Array(n);
  const { type: typ, sku: skuOf, rawRef, returnRows } = s;
  const items = s.skuIndex.size;
  // Per item: whether a customer return (bit 1) or a vendor return (bit 2) of it names a Reference.
  const wants = new Uint8Array(items);
  const prints = new Int32Array(1 << 17);
  // Lower-case Reference -> its groups as (kind, item, group) triples: few per Reference.
  const byRef = new Map<string, number[]>();
  let nGroups = 0;
  // Per item, the signatures of its return References (all bits when one is not plain ASCII): an original
  // whose signature is not among them cannot lower-case to one of them (see signature).
  const sigs = new Int32Array(items);
  for (const i of returnRows) {
    const item = skuOf[i];
    const kind = typ[i] === CUSTOMER_RETURN ? 0 : 1;
    const ref = text(rawRef[i]) as string;
    const h = foldHash(ref) & PRINT_MASK;
    prints[h >>> 5] |= 1 << (h & 31);
    sigs[item] |= ascii(ref) ? 1 << signature(ref) : -1;
    wants[item] |= kind + 1;
    const lower = ref.toLowerCase();
    let list = byRef.get(lower);
    if (!list) byRef.set(lower, (list = []));
    let g = -1;
    for (let k = 0; k < list.length; k += 3) if (list[k] === kind && list[k + 1] === item) g = list[k + 2];
    if (g < 0) list.push(kind, item, (g = nGroups++));
    group[i] = g + 1;
  }
  const hasOriginal = new Uint8Array(nGroups);
  for (let i = 0; i < n; i++) {
    const t = typ[i];
    const kind = t === SALE ? 0 : t === RECEIPT ? 1 : -1;
    const item = skuOf[i];
    if (kind < 0 || (wants[item] & (kind + 1)) === 0) continue;
    const raw = rawRef[i];
    if (typeof raw === "string" && raw.length > 0) {
      // Cheap rejection first: ASCII ends (nothing for trim to remove) and a signature no return of the item has.
      const a = raw.charCodeAt(0);
      const z = raw.charCodeAt(raw.length - 1);
      if (a > 32 && a < 127 && z > 32 && z < 127 && (sigs[item] & (1 << signature(raw))) === 0) continue;
    }
    const ref = text(raw);
    if (ref === undefined) return null;
    if (ref === null) continue;
    const h = foldHash(ref) & PRINT_MASK;
    if ((prints[h >>> 5] & (1 << (h & 31))) === 0) continue;
    const list = byRef.get(ref.toLowerCase());
    if (!list) continue;
    let g = -1;
    for (let k = 0; k < list.length; k += 3) if (list[k] === kind && list[k + 1] === item) g = list[k + 2];
    if (g < 0) continue;
    if (kind === 1) return null; // a vendor return matched to its receipt: lots decide
    group[i] = g + 1;
    hasOriginal[g] = 1;
  }
  for (const i of returnRows) if (hasOriginal[group[i] - 1] === 0) group[i] = 0; // unmatched: no check
  return { group, count: nGroups };
}
