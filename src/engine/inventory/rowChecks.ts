/**
 * The row checks every method shares (Run.checkRow), done once when the ledger is compiled: per item, the
 * position of its first row that fails them. A kernel then runs its rows up to that position with no check per
 * row and reports the bad row (through checkRow, for the message) only if it reaches it. The checks depend on
 * the row alone, never on the options, so one compile serves every valuation.
 */
import { CODES } from "./types";

const { ADJUSTMENT, RECEIPT, TRANSFER } = CODES;

/** Per item s: the first position in skuStart[s] .. skuStart[s+1]-1 failing the row checks, else skuStart[s+1]. */
export function firstBadRows(
  skuStart: Int32Array,
  type: Uint8Array,
  qty: Float64Array,
  cost: Float64Array,
  toLoc: Int32Array
): Int32Array {
  const nSku = skuStart.length - 1;
  const out = new Int32Array(Math.max(nSku, 0));
  for (let s = 0; s < nSku; s++) {
    const end = skuStart[s + 1];
    let i = skuStart[s];
    for (; i < end; i++) {
      const t = type[i];
      if (t === ADJUSTMENT) continue;
      if (!(qty[i] > 0) || (t === RECEIPT && !(cost[i] >= 0)) || (t === TRANSFER && toLoc[i] < 0)) break;
    }
    out[s] = i;
  }
  return out;
}

/** The first position in [lo, hi) whose day is after `to` (days ascend within an item), else hi. */
export function endByDate(date: Int32Array, lo: number, hi: number, to: number): number {
  if (hi <= lo || date[hi - 1] <= to) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (date[mid] <= to) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
