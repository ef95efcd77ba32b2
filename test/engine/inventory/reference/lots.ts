/**
 * FIFO and LIFO (perpetual): every inflow is a lot (units, unit cost, date); an outflow takes units from the
 * oldest lot (FIFO, a queue) or the newest (LIFO, a stack). Lots are appended to per-run typed arrays, so the
 * loop allocates nothing; the LIFO stack holds lot indices so a vendor return can still find its own lot.
 * Negative stock (when allowed) is a shortfall valued at the last unit cost; the receipt that covers it carries
 * the difference between that cost and its own as an adjustment (as ERPNext posts it), so value is conserved.
 */
import { CODES, type Lot, type SkuResult } from "./types";
import { inventoryMessages as M } from "../../../../src/engine/messages/inventory";
import { BUCKETS, Acc, finish, type Run } from "./run";

const { ADJUSTMENT, CUSTOMER_RETURN, ISSUE, RECEIPT, SALE, TRANSFER, VENDOR_RETURN } = CODES;
const { B_ADJUST, B_CUSTOMER_RETURN, B_ISSUE, B_RECEIPT, B_SALE, B_VENDOR_RETURN, EPS } = BUCKETS;

export function valueLots(run: Run, s: number, acc: Acc, lifo: boolean, keepLots: boolean): SkuResult {
  const L = run.L;
  const { date: D, type: T, qty: Q, cost: C, price: P, group: G, toLoc: TL } = L;
  const { lotQty, lotCost, lotDate, lotNext, stack, gQty, gCost, gRev, gLot } = run;
  const to = run.to;
  let nLots = 0; // lots appended
  let head = 0; // FIFO: oldest lot that may hold units
  let top = 0; // LIFO: stack height
  let onHand = 0;
  let short = 0; // units issued beyond stock (negative stock allowed)
  let lastCost = 0;
  const end = L.skuStart[s + 1];

  /** Adds a lot; covers a shortfall first. Returns the lot index or -1 when it only covered a shortfall. */
  const addLot = (i: number, q: number, c: number): number => {
    if (short > 0) {
      // The short units left at lastCost; they are now replaced at c: post the difference (value conserved).
      const cover = Math.min(q, short);
      acc.post(B_ADJUST, D[i], 0, short * (lastCost - c));
      short -= cover;
      q -= cover;
      lastCost = c;
      if (q <= EPS) return -1;
    }
    lotQty[nLots] = q;
    lotCost[nLots] = c;
    lotDate[nLots] = D[i];
    lotNext[nLots] = -1;
    if (lifo) stack[top++] = nLots;
    lastCost = c;
    return nLots++;
  };

  /** Takes q units by the method's order; returns their cost. */
  const take = (q: number): number => {
    let need = q;
    let cost = 0;
    if (lifo) {
      while (need > EPS && top > 0) {
        const k = stack[top - 1];
        const lq = lotQty[k];
        if (lq <= need) {
          cost += lq * lotCost[k];
          need -= lq;
          lotQty[k] = 0;
          top--;
        } else {
          lotQty[k] = lq - need;
          cost += need * lotCost[k];
          need = 0;
        }
        lastCost = lotCost[k];
      }
    } else {
      while (need > EPS && head < nLots) {
        const lq = lotQty[head];
        if (lq <= need) {
          cost += lq * lotCost[head];
          need -= lq;
          lotQty[head] = 0;
          lastCost = lotCost[head];
          head++;
        } else {
          lotQty[head] = lq - need;
          cost += need * lotCost[head];
          lastCost = lotCost[head];
          need = 0;
        }
      }
    }
    if (need > EPS) {
      short += need; // only reached when negative stock is allowed (checkStock ran before)
      cost += need * lastCost;
    }
    return cost;
  };

  let i = L.skuStart[s];
  for (; i < end; i++) {
    const d = D[i];
    if (d > to) break;
    const t = T[i];
    let q = Q[i];
    // The row checks every method shares, inline for the common good row; checkRow reports the bad one.
    if (t !== ADJUSTMENT && (!(q > 0) || (t === RECEIPT && !(C[i] >= 0)) || (t === TRANSFER && TL[i] < 0))) {
      run.checkRow(i);
      break;
    }
    if (t === RECEIPT) {
      const c = C[i];
      const k = addLot(i, q, c);
      const g = G[i];
      if (g >= 0) {
        gQty[g] += q;
        gCost[g] += q * c;
        if (k >= 0) {
          // Chain the group's lots so a vendor return can take from its own receipt(s).
          if (gLot[g] < 0) gLot[g] = k;
          else {
            let j = gLot[g];
            while (lotNext[j] >= 0) j = lotNext[j];
            lotNext[j] = k;
          }
        }
      }
      acc.post(B_RECEIPT, d, q, q * c);
      onHand += q;
      run.moveLocations(i, q, true);
    } else if (t === SALE || t === ISSUE) {
      if (!run.checkStock(i, onHand, q)) break;
      const cost = take(q);
      onHand -= q;
      if (t === SALE) {
        const p = P[i];
        const rev = p === p ? q * p : 0;
        if (p !== p) run.warn(i, M.saleWithoutPrice(run.sku, L.sheetRow[i]));
        const g = G[i];
        if (g >= 0) {
          gQty[g] += q;
          gCost[g] += cost;
          gRev[g] += rev;
        }
        acc.post(B_SALE, d, q, cost);
        acc.postRevenue(d, rev);
      } else acc.post(B_ISSUE, d, q, cost);
      run.setLineCost(i, cost);
      run.moveLocations(i, q, false);
    } else if (t === CUSTOMER_RETURN) {
      const g = run.matchReturn(i, "sold");
      if (g === -2) break;
      const unit = g >= 0 ? gCost[g] / gQty[g] : currentCost();
      addLot(i, q, unit);
      onHand += q;
      acc.post(B_CUSTOMER_RETURN, d, q, q * unit);
      acc.postRevenue(d, -run.returnRevenue(i, g));
      run.setLineCost(i, q * unit);
      run.moveLocations(i, q, true);
    } else if (t === VENDOR_RETURN) {
      if (!run.checkStock(i, onHand, q)) break;
      const g = run.matchReturn(i, "received");
      if (g === -2) break;
      let cost: number;
      if (g >= 0) {
        // Leaves at its receipt's cost, from that receipt's own lot(s).
        let held = 0;
        for (let k = gLot[g]; k >= 0; k = lotNext[k]) held += lotQty[k];
        if (q > held + EPS * Math.max(1, q)) {
          run.fail(i, M.lotTooSmall(run.sku, L.sheetRow[i], L.groupRef[g], held), "Quantity");
          break;
        }
        cost = 0;
        let need = q;
        for (let k = gLot[g]; k >= 0 && need > EPS; k = lotNext[k]) {
          const part = Math.min(need, lotQty[k]);
          lotQty[k] -= part;
          cost += part * lotCost[k];
          need -= part;
        }
      } else cost = take(q);
      onHand -= q;
      acc.post(B_VENDOR_RETURN, d, q, cost);
      run.setLineCost(i, cost);
      run.moveLocations(i, q, false);
    } else if (t === ADJUSTMENT) {
      if (q > 0) {
        const c = C[i] === C[i] ? C[i] : currentCost();
        addLot(i, q, c);
        onHand += q;
        acc.post(B_ADJUST, d, q, q * c);
        run.setLineCost(i, q * c);
        run.moveLocations(i, q, true);
      } else if (q < 0) {
        q = -q;
        if (!run.checkStock(i, onHand, q)) break;
        const cost = take(q);
        onHand -= q;
        acc.post(B_ADJUST, d, -q, -cost);
        run.setLineCost(i, -cost);
        run.moveLocations(i, q, false);
      }
    } else if (t === TRANSFER) {
      run.moveLocations(i, q, false);
    }
  }

  /** Current unit cost: average of the lots on hand, else the last unit cost. */
  function currentCost(): number {
    let q = 0;
    let v = 0;
    for (let k = lifo ? 0 : head; k < nLots; k++) {
      q += lotQty[k];
      v += lotQty[k] * lotCost[k];
    }
    return q > EPS ? v / q : lastCost;
  }

  let value = -short * lastCost;
  const lots: Lot[] = [];
  for (let k = lifo ? 0 : head; k < nLots; k++) {
    const lq = lotQty[k];
    if (lq <= EPS) continue;
    value += lq * lotCost[k];
    if (keepLots) lots.push({ date: lotDate[k], quantity: lq, unitCost: lotCost[k] });
  }
  return finish(run, acc, s, lifo ? "LIFO" : "FIFO", onHand, value, lastCost, lots);
}
