/**
 * Services (Items.Kind = Service) are sold but never stocked: a Sale carries revenue and, where UnitCost is
 * given, a direct cost (its cost of sales); a CustomerReturn reverses both. Other row types are ignored with a
 * warning, since they would move stock that does not exist.
 */
import { CODES, TYPE_NAMES, type SkuResult } from "./types";
import { inventoryMessages as M } from "../../../../src/engine/messages/inventory";
import { BUCKETS, Acc, finish, type Run } from "./run";

const { CUSTOMER_RETURN, SALE } = CODES;
const { B_CUSTOMER_RETURN, B_SALE } = BUCKETS;

export function valueService(run: Run, s: number, acc: Acc): SkuResult {
  const L = run.L;
  const { date: D, type: T, qty: Q, cost: C, price: P, group: G } = L;
  const { gQty, gCost, gRev } = run;
  const end = L.skuStart[s + 1];
  for (let i = L.skuStart[s]; i < end; i++) {
    const d = D[i];
    if (d > run.to) break;
    const t = T[i];
    if (t !== SALE && t !== CUSTOMER_RETURN) {
      run.warn(i, M.serviceStockRow(run.sku, L.sheetRow[i], TYPE_NAMES[t]));
      continue;
    }
    if (!run.checkRow(i)) break;
    const q = Q[i];
    if (t === SALE) {
      const cost = C[i] === C[i] ? q * C[i] : 0;
      const rev = P[i] === P[i] ? q * P[i] : 0;
      const g = G[i];
      if (g >= 0) {
        gQty[g] += q;
        gCost[g] += cost;
        gRev[g] += rev;
      }
      acc.post(B_SALE, d, q, cost);
      acc.postRevenue(d, rev);
      run.setLineCost(i, cost);
    } else {
      const g = run.matchReturn(i, "sold");
      if (g === -2) break;
      const cost = C[i] === C[i] ? q * C[i] : g >= 0 ? (q * gCost[g]) / gQty[g] : 0;
      acc.post(B_CUSTOMER_RETURN, d, q, cost);
      acc.postRevenue(d, -run.returnRevenue(i, g));
      run.setLineCost(i, cost);
    }
  }
  // A service holds nothing: its "opening" is the cost of sales before the span, which is not stock.
  acc.openQ = 0;
  acc.openV = 0;
  return finish(run, acc, s, null, 0, 0, 0, []);
}
