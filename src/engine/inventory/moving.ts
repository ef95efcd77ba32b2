/**
 * Moving average (perpetual): the unit cost is recomputed after every inflow, (old value + new cost) ÷ (old
 * units + new units); outflows leave at the current average and do not change it. A vendor return of a known
 * receipt leaves at that receipt's cost and the average is recomputed. Whatever value would be left with no
 * units (or a negative value with units) is posted as an adjustment, so value is conserved and never absurd.
 *
 * Speed: as lots.ts, one function with every running figure in a local variable; calls only for what is rare
 * (a return's match, a report, a location seen for the first time). Each figure is added to in the order
 * Acc.post would add to it, so the results are the same to the last bit.
 */
import { CODES } from "./types";
import { BUCKETS, type Acc, finish, type Run } from "./run";

const { ADJUSTMENT, CUSTOMER_RETURN, ISSUE, RECEIPT, SALE, TRANSFER, VENDOR_RETURN } = CODES;
const { EPS } = BUCKETS;

export function valueMoving(run: Run, s: number, acc: Acc, full: boolean): void {
  const L = run.L;
  const D = L.date;
  const T = L.type;
  const Q = L.qty;
  const C = L.cost;
  const P = L.price;
  const G = L.group;
  const TL = L.toLoc;
  const LOC = L.loc;
  const SRC = L.src;
  const { gQty, gCost, gRev } = run;
  const lineCost = run.lineCost;
  const from = acc.from;
  const w90 = acc.w90;
  const w12 = acc.w12;
  const allowNegative = run.allowNegative;
  let onHand = 0;
  let value = 0;
  let avg = 0;
  let openQ = 0;
  let openV = 0;
  let recQ = 0;
  let recV = 0;
  let vrQ = 0;
  let vrV = 0;
  let adjQ = 0;
  let adjV = 0;
  let saleQ = 0;
  let saleV = 0;
  let crQ = 0;
  let crV = 0;
  let issQ = 0;
  let issV = 0;
  let revenue = 0;
  let out90 = 0;
  let cogs12 = 0;

  // Rows after `to` are ignored, and the loop stops before the item's first row failing the row checks.
  const last = run.rowsEnd(s);
  let i = L.skuStart[s];
  for (; i < last; i++) {
    const d = D[i];
    const t = T[i];
    let q = Q[i];
    let inCost = -1; // unit cost of an inflow
    if (t === RECEIPT) {
      inCost = C[i];
      const g = G[i];
      if (g >= 0) {
        gQty[g] += q;
        gCost[g] += q * inCost;
      }
    } else if (t === CUSTOMER_RETURN) {
      let g = G[i];
      if (!run.matched(g, q)) {
        g = run.matchReturn(i, "sold");
        if (g === -2) break;
      }
      inCost = g >= 0 ? gCost[g] / gQty[g] : avg;
      if (d >= from) revenue += -run.returnRevenue(i, g);
    } else if (t === ADJUSTMENT && q > 0) {
      inCost = C[i] === C[i] ? C[i] : avg;
    }
    const l = LOC[i];
    if (inCost >= 0) {
      if (onHand < 0) {
        // Covering negative stock: the short units left at avg, they come back at inCost (ERPNext's rule).
        const diff = -onHand * (avg - inCost);
        if (d < from) {
          openQ += 0;
          openV += diff;
        } else {
          adjQ += 0;
          adjV += diff;
        }
        onHand += q;
        value = onHand * inCost;
        avg = inCost;
      } else {
        onHand += q;
        value += q * inCost;
        avg = value / onHand;
      }
      const v = q * inCost;
      if (full && t === CUSTOMER_RETURN && d >= w12) cogs12 -= v;
      if (d < from) {
        openQ += q;
        openV += v;
      } else if (t === RECEIPT) {
        recQ += q;
        recV += v;
      } else if (t === CUSTOMER_RETURN) {
        crQ += q;
        crV += v;
      } else {
        adjQ += q;
        adjV += v;
      }
      if (t !== RECEIPT && lineCost !== null) lineCost[SRC[i]] = v;
      if (full) run.locationIn(l, q);
      continue;
    }
    if (t === TRANSFER) {
      // A transfer moves only location quantities: nothing to do for a plain valuation.
      if (!full) continue;
      run.transfer(i, l, TL[i], q);
      continue;
    }
    if (t === ADJUSTMENT) {
      if (q === 0) continue;
      q = -q;
    }
    // `onHand >= q` first: the common case decides on one compare (the same outcome as the full test).
    if (!(onHand >= q || allowNegative || onHand - q >= -EPS * Math.max(1, q))) {
      run.checkStock(i, onHand, q);
      break;
    }
    let cost = q * avg;
    let residual = 0;
    if (t === VENDOR_RETURN) {
      let g = G[i];
      if (!run.matched(g, q)) {
        g = run.matchReturn(i, "received");
        if (g === -2) break;
      }
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
    if (residual !== 0) {
      if (d < from) {
        openQ += 0;
        openV += residual;
      } else {
        adjQ += 0;
        adjV += residual;
      }
    }
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
      if (full) {
        if (d >= w12) cogs12 += cost;
        if (d >= w90) out90 += q;
      }
      if (d < from) {
        openQ -= q;
        openV -= cost;
      } else {
        saleQ += q;
        saleV += cost;
        revenue += rev;
      }
    } else if (t === ISSUE) {
      if (full && d >= w90) out90 += q;
      if (d < from) {
        openQ -= q;
        openV -= cost;
      } else {
        issQ += q;
        issV += cost;
      }
    } else if (t === VENDOR_RETURN) {
      if (d < from) {
        openQ -= q;
        openV -= cost;
      } else {
        vrQ += q;
        vrV += cost;
      }
    } else if (d < from) {
      openQ += -q;
      openV += -cost;
    } else {
      adjQ += -q;
      adjV += -cost;
    }
    if (lineCost !== null) lineCost[SRC[i]] = t === ADJUSTMENT ? -cost : cost;
    if (full) run.locationOut(i, l, q);
  }

  run.endedAt(i);

  acc.openQ = openQ;
  acc.openV = openV;
  acc.recQ = recQ;
  acc.recV = recV;
  acc.vrQ = vrQ;
  acc.vrV = vrV;
  acc.adjQ = adjQ;
  acc.adjV = adjV;
  acc.saleQ = saleQ;
  acc.saleV = saleV;
  acc.crQ = crQ;
  acc.crV = crV;
  acc.issQ = issQ;
  acc.issV = issV;
  acc.revenue = revenue;
  acc.out90 = full ? out90 : NaN;
  acc.cogs12 = full ? cogs12 : NaN;
  finish(run, acc, s, "MOVING", onHand, value, avg, null);
}
