/**
 * Moving average (perpetual): the unit cost is recomputed after every inflow, (old value + new cost) ÷ (old
 * units + new units); outflows leave at the current average and do not change it. A vendor return of a known
 * receipt leaves at that receipt's cost and the average is recomputed. Whatever value would be left with no
 * units (or a negative value with units) is posted as an adjustment, so value is conserved and never absurd.
 */
import { CODES } from "./types";
import { BUCKETS, Acc, finish, type Run } from "./run";

const { ADJUSTMENT, CUSTOMER_RETURN, ISSUE, RECEIPT, SALE, TRANSFER, VENDOR_RETURN } = CODES;
const { B_ADJUST, B_CUSTOMER_RETURN, B_ISSUE, B_RECEIPT, B_SALE, B_VENDOR_RETURN, EPS } = BUCKETS;

export function valueMoving(run: Run, s: number, acc: Acc): void {
  const L = run.L;
  const { date: D, type: T, qty: Q, cost: C, price: P, group: G, toLoc: TL } = L;
  const { gQty, gCost, gRev } = run;
  const to = run.to;
  let onHand = 0;
  let value = 0;
  let avg = 0;
  const end = L.skuStart[s + 1];
  for (let i = L.skuStart[s]; i < end; i++) {
    const d = D[i];
    if (d > to) break;
    const t = T[i];
    let q = Q[i];
    // The row checks every method shares, inline for the common good row; checkRow reports the bad one.
    if (t !== ADJUSTMENT && (!(q > 0) || (t === RECEIPT && !(C[i] >= 0)) || (t === TRANSFER && TL[i] < 0))) {
      run.checkRow(i);
      break;
    }
    let inCost = -1; // unit cost of an inflow
    let bucket: number = B_RECEIPT;
    if (t === RECEIPT) {
      inCost = C[i];
      const g = G[i];
      if (g >= 0) {
        gQty[g] += q;
        gCost[g] += q * inCost;
      }
    } else if (t === CUSTOMER_RETURN) {
      const g = run.matchReturn(i, "sold");
      if (g === -2) break;
      inCost = g >= 0 ? gCost[g] / gQty[g] : avg;
      bucket = B_CUSTOMER_RETURN;
      acc.postRevenue(d, -run.returnRevenue(i, g));
    } else if (t === ADJUSTMENT && q > 0) {
      inCost = C[i] === C[i] ? C[i] : avg;
      bucket = B_ADJUST;
    }
    if (inCost >= 0) {
      if (onHand < 0) {
        // Covering negative stock: the short units left at avg, they come back at inCost (ERPNext's rule).
        acc.post(B_ADJUST, d, 0, -onHand * (avg - inCost));
        onHand += q;
        value = onHand * inCost;
        avg = inCost;
      } else {
        onHand += q;
        value += q * inCost;
        avg = value / onHand;
      }
      acc.post(bucket, d, q, q * inCost);
      if (t !== RECEIPT) run.setLineCost(i, q * inCost);
      run.moveLocations(i, q, true);
      continue;
    }
    if (t === TRANSFER) {
      run.moveLocations(i, q, false);
      continue;
    }
    if (t === ADJUSTMENT) {
      if (q === 0) continue;
      q = -q;
    }
    if (!run.checkStock(i, onHand, q)) break;
    let cost = q * avg;
    let residual = 0;
    if (t === VENDOR_RETURN) {
      const g = run.matchReturn(i, "received");
      if (g === -2) break;
      if (g >= 0) cost = (q * gCost[g]) / gQty[g];
    }
    onHand -= q;
    value -= cost;
    if (Math.abs(onHand) <= EPS * Math.max(1, q)) {
      // Nothing left: no value may stay behind. Rounding noise goes with the outflow, a real difference (a
      // vendor return at its receipt's cost) is an adjustment.
      if (t === VENDOR_RETURN && Math.abs(value) > 1e-9) residual = -value;
      else cost += value;
      value = 0;
    } else if (onHand > 0) {
      if (value < 0) {
        residual = -value;
        value = 0;
      }
      avg = value / onHand;
    } else {
      // Below zero (allowed): the shortfall is valued at the average; a vendor return at its receipt's cost
      // leaves a difference, posted as an adjustment.
      residual = onHand * avg - value;
      value = onHand * avg;
    }
    if (residual !== 0) acc.post(B_ADJUST, d, 0, residual);
    if (t === SALE) {
      const p = P[i];
      const rev = p === p ? q * p : 0;
      if (p !== p) run.warnNoPrice(i);
      const g = G[i];
      if (g >= 0) {
        gQty[g] += q;
        gCost[g] += cost;
        gRev[g] += rev;
      }
      acc.post(B_SALE, d, q, cost);
      acc.postRevenue(d, rev);
    } else if (t === ISSUE) acc.post(B_ISSUE, d, q, cost);
    else if (t === VENDOR_RETURN) acc.post(B_VENDOR_RETURN, d, q, cost);
    else acc.post(B_ADJUST, d, -q, -cost);
    run.setLineCost(i, t === ADJUSTMENT ? -cost : cost);
    run.moveLocations(i, q, false);
  }
  return finish(run, acc, s, "MOVING", onHand, value, avg, null);
}
