/**
 * FIFO and LIFO (perpetual): every inflow is a lot (units, unit cost, date); an outflow takes units from the
 * oldest lot (FIFO, a queue: a head pointer over the item's lots) or the newest (LIFO, a stack of lot indices,
 * so a vendor return can still find its own lot). Lots live in per-run typed arrays reused item after item.
 * Negative stock (when allowed) is a shortfall valued at the last unit cost; the receipt that covers it carries
 * the difference between that cost and its own as an adjustment (as ERPNext posts it), so value is conserved.
 *
 * Speed: one function, every running figure in a local variable (V8 keeps them in registers; object fields or
 * variables shared with a closure cost a memory round trip each), no allocation per row. Calls are made only
 * for what is rare: a return's match, a report (warning or error), a location seen for the first time.
 */
import { CODES, type Lot } from "./types";
import { inventoryMessages as M } from "../messages/inventory";
import { BUCKETS, type Acc, finish, type Run } from "./run";

const { ADJUSTMENT, CUSTOMER_RETURN, ISSUE, RECEIPT, SALE, TRANSFER, VENDOR_RETURN } = CODES;
const { EPS } = BUCKETS;

export function valueLots(run: Run, s: number, acc: Acc, lifo: boolean, keepLots: boolean, full: boolean): void {
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
  const { gQty, gCost, gRev, gLot, lotQty, lotCost, lotDate, lotNext, stack } = run;
  const lineCost = run.lineCost;
  const from = acc.from;
  const w90 = acc.w90;
  const w12 = acc.w12;
  const allowNegative = run.allowNegative;
  // A lot's date is read only for the remaining lots (keepLots: STOCKAGE and the ageing report use them).
  const dated = keepLots;
  let nLots = 0; // lots appended
  let head = 0; // FIFO: oldest lot that may hold units
  let top = 0; // LIFO: stack height
  let onHand = 0;
  let short = 0; // units issued beyond stock (negative stock allowed)
  let lastCost = 0;
  // The accumulator's figures (see Acc.post): each is added to in the same order as Acc.post would.
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
    const q = Q[i];
    // Rows that move nothing (an adjustment of 0) must not touch a location: the list keeps first-move order.
    if (t > ADJUSTMENT || (t === ADJUSTMENT && q === 0)) continue;
    if (t === TRANSFER) {
      // A transfer moves only location quantities: nothing to do for a plain valuation.
      if (!full) continue;
      run.transfer(i, LOC[i], TL[i], q);
      continue;
    }
    if (t === RECEIPT || t === CUSTOMER_RETURN || (t === ADJUSTMENT && q > 0)) {
      // Inflow: a new lot at the receipt's cost, the original sale's cost, or the current cost.
      let c = NaN;
      let g = -1;
      if (t === RECEIPT) c = C[i];
      else if (t === CUSTOMER_RETURN) {
        g = G[i];
        if (!run.matched(g, q)) {
          g = run.matchReturn(i, "sold");
          if (g === -2) break;
        }
        if (g >= 0) c = gCost[g] / gQty[g];
      } else c = C[i];
      if (c !== c) {
        // Current unit cost: average of the lots on hand, else the last unit cost.
        // (LIFO reads the stack: the same lots in the same order, without those already taken, which hold 0.)
        let cq = 0;
        let cv = 0;
        for (let p = lifo ? 0 : head, e = lifo ? top : nLots; p < e; p++) {
          const k = lifo ? stack[p] : p;
          cq += lotQty[k];
          cv += lotQty[k] * lotCost[k];
        }
        c = cq > EPS ? cv / cq : lastCost;
      }
      let k = -1;
      let lq = q;
      let lot = true;
      if (short > 0) {
        // The short units left at lastCost; they are now replaced at c: post the difference (value conserved).
        const cover = Math.min(lq, short);
        const diff = short * (lastCost - c);
        if (d < from) {
          openQ += 0;
          openV += diff;
        } else {
          adjQ += 0;
          adjV += diff;
        }
        short -= cover;
        lq -= cover;
        lastCost = c;
        lot = lq > EPS;
      }
      if (lot) {
        k = nLots++;
        lotQty[k] = lq;
        lotCost[k] = c;
        if (dated) lotDate[k] = d;
        if (lifo) stack[top++] = k;
        lastCost = c;
      }
      onHand += q;
      const v = q * c;
      if (t === RECEIPT) {
        g = G[i];
        if (g >= 0) {
          gQty[g] += q;
          gCost[g] += v;
          if (k >= 0) {
            // Chain the group's lots so a vendor return can take from its own receipt(s). A lot's link is set
            // when it joins a chain (lots outside every chain are never followed).
            lotNext[k] = -1;
            if (gLot[g] < 0) gLot[g] = k;
            else {
              let j = gLot[g];
              while (lotNext[j] >= 0) j = lotNext[j];
              lotNext[j] = k;
            }
          }
        }
        if (d < from) {
          openQ += q;
          openV += v;
        } else {
          recQ += q;
          recV += v;
        }
      } else {
        if (t === CUSTOMER_RETURN) {
          if (full && d >= w12) cogs12 -= v;
          if (d < from) {
            openQ += q;
            openV += v;
          } else {
            crQ += q;
            crV += v;
            revenue += -run.returnRevenue(i, g);
          }
        } else if (d < from) {
          openQ += q;
          openV += v;
        } else {
          adjQ += q;
          adjV += v;
        }
        if (lineCost !== null) lineCost[SRC[i]] = v;
      }
      if (full) run.locationIn(LOC[i], q);
      continue;
    }
    // Outflow: a sale, an issue, a vendor return or an adjustment down.
    const oq = t === ADJUSTMENT ? -q : q;
    // `onHand >= oq` first: the common case decides on one compare (the same outcome as the full test).
    if (!(onHand >= oq || allowNegative || onHand - oq >= -EPS * Math.max(1, oq))) {
      run.checkStock(i, onHand, oq);
      break;
    }
    let cost = 0;
    let g = -1;
    if (t === VENDOR_RETURN) {
      g = G[i];
      if (!run.matched(g, oq)) {
        g = run.matchReturn(i, "received");
        if (g === -2) break;
      }
    }
    if (g >= 0) {
      // A vendor return of a known receipt leaves at its cost, from that receipt's own lot(s).
      let held = 0;
      for (let k = gLot[g]; k >= 0; k = lotNext[k]) held += lotQty[k];
      if (oq > held + EPS * Math.max(1, oq)) {
        run.fail(i, M.lotTooSmall(run.sku, L.sheetRow[i], L.groupRef[g], held), "Quantity");
        break;
      }
      let need = oq;
      for (let k = gLot[g]; k >= 0 && need > EPS; k = lotNext[k]) {
        const part = Math.min(need, lotQty[k]);
        lotQty[k] -= part;
        cost += part * lotCost[k];
        need -= part;
      }
    } else {
      // Take oq units by the method's order.
      let need = oq;
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
        short += need; // only reached when negative stock is allowed (checked above)
        cost += need * lastCost;
      }
    }
    onHand -= oq;
    if (t === SALE) {
      const p = P[i];
      const rev = p === p ? q * p : 0;
      if (p !== p) run.warnNoPrice(i);
      g = G[i];
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
      if (lineCost !== null) lineCost[SRC[i]] = cost;
    } else if (t === ADJUSTMENT) {
      if (d < from) {
        openQ += -oq;
        openV += -cost;
      } else {
        adjQ += -oq;
        adjV += -cost;
      }
      if (lineCost !== null) lineCost[SRC[i]] = -cost;
    } else {
      if (t === ISSUE) {
        if (full && d >= w90) out90 += q;
        if (d < from) {
          openQ -= q;
          openV -= cost;
        } else {
          issQ += q;
          issV += cost;
        }
      } else if (d < from) {
        openQ -= q;
        openV -= cost;
      } else {
        vrQ += q;
        vrV += cost;
      }
      if (lineCost !== null) lineCost[SRC[i]] = cost;
    }
    if (full) run.locationOut(i, LOC[i], oq);
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
  let value = -short * lastCost;
  const lots: Lot[] | null = keepLots ? [] : null;
  for (let p = lifo ? 0 : head, e = lifo ? top : nLots; p < e; p++) {
    const k = lifo ? stack[p] : p;
    const lq = lotQty[k];
    if (lq <= EPS) continue;
    value += lq * lotCost[k];
    if (lots !== null) lots.push({ date: lotDate[k], quantity: lq, unitCost: lotCost[k] });
  }
  return finish(run, acc, s, lifo ? "LIFO" : "FIFO", onHand, value, lastCost, lots);
}
