/**
 * What the inventory sheets share about items: which ones are withheld (an error in their rows or valuation),
 * their Items row, and the revenue of each Sale / CustomerReturn line (the engine keeps only per-item totals).
 */
import type { EngineError } from "../../errors";
import type { CompiledLedger, LedgerInput, SkuResult } from "../../inventory";
import { CODES } from "../../inventory/types";
import type { ItemRow } from "../../schema/rows";

const { SALE, CUSTOMER_RETURN } = CODES;

/** The error that withholds an item's figures: the table's, its rows' bad data, or its valuation's. */
export function itemError(input: LedgerInput, r: SkuResult): EngineError | null {
  return input.tableError ?? input.skuErrors.get(r.sku.toLowerCase()) ?? r.error;
}

/** The Items row of an item (null when the Items table does not list it). */
export function itemRowOf(compiled: CompiledLedger, sku: string): ItemRow | null {
  const s = compiled.skuIndex.get(sku.trim().toLowerCase());
  return s === undefined ? null : compiled.itemRows[s];
}

/**
 * Signed revenue of each ledger row, aligned with the rows passed to compileLedger (0 for rows that carry none):
 * a Sale brings quantity × UnitPrice; a CustomerReturn takes back its own UnitPrice, else its original sales'
 * average price so far (Reference + SKU) — the same rule the engine applies to the item's total revenue. Rows
 * after `to` are left at 0.
 */
export function lineRevenue(L: CompiledLedger, to: number): Float64Array {
  const out = new Float64Array(L.n);
  const gQty = new Float64Array(L.nGroups);
  const gRev = new Float64Array(L.nGroups);
  for (let s = 0; s + 1 < L.skuStart.length; s++) {
    for (let i = L.skuStart[s]; i < L.skuStart[s + 1]; i++) {
      if (L.date[i] > to) break;
      const t = L.type[i];
      const q = L.qty[i];
      const p = L.price[i];
      const g = L.group[i];
      if (t === SALE) {
        const rev = p === p ? q * p : 0;
        if (g >= 0) {
          gQty[g] += q;
          gRev[g] += rev;
        }
        out[L.src[i]] = rev;
      } else if (t === CUSTOMER_RETURN) {
        const matched = g >= 0 && L.groupHasOriginal[g] === 1 && gQty[g] > 0;
        out[L.src[i]] = -(p === p ? q * p : matched ? (q * gRev[g]) / gQty[g] : 0);
      }
    }
  }
  return out;
}

/** -0 and float dust shown as a plain 0 after rounding (a check cell must read 0.00, not -0.00). */
export const clean = (x: number): number => (x === 0 ? 0 : x);
