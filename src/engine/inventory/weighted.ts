/**
 * Periodic weighted average. Per period (fiscal month by default, or fiscal year):
 *   average = (opening value + cost received − cost of vendor returns + value of adjustments in)
 *           ÷ (opening units + units received − units returned to vendors + adjustment units in)
 * and every unit that leaves in the period (sales, issues, adjustments out, returns to vendors without a known
 * receipt) costs that average; a customer return of a sale of the same period reduces the units sold. A period
 * still open at `to` uses its rows so far. Outflows are costed when their period closes.
 */
import { fiscalYear, fromSerial } from "../dates";
import { CODES } from "./types";
import { BUCKETS, Acc, finish, type Run } from "./run";

const { ADJUSTMENT, CUSTOMER_RETURN, ISSUE, RECEIPT, SALE, TRANSFER, VENDOR_RETURN } = CODES;
const { B_ADJUST, B_CUSTOMER_RETURN, B_ISSUE, B_RECEIPT, B_SALE, B_VENDOR_RETURN, EPS } = BUCKETS;

/** Period key of a day: calendar month (fiscal months are calendar months) or fiscal year. */
function periodOf(d: number, byYear: boolean, fyEnd: number): number {
  if (byYear) return fiscalYear(d, fyEnd);
  const { year, month } = fromSerial(d);
  return year * 12 + month;
}

/** Period keys of every day of the ledger, computed once per run (calendar arithmetic allocates). */
export function periodTable(minDate: number, maxDate: number, byYear: boolean, fyEnd: number): Int32Array {
  const out = new Int32Array(Math.max(0, maxDate - minDate + 1));
  for (let d = minDate; d <= maxDate; d++) out[d - minDate] = periodOf(d, byYear, fyEnd);
  return out;
}

/** The period's pool and the rows whose cost waits for its average (state shared with closePeriod). */
class Pool {
  poolQ = 0;
  poolV = 0;
  avg = 0;
  nPending = 0;
  lastDay = 0;
}

/** Closes a period: its average, then the cost of every row that waited for it. */
function closePeriod(run: Run, acc: Acc, w: Pool): void {
  const L = run.L;
  const { date: D, type: T, qty: Q, group: G } = L;
  const { gCost, gOpen, stack: pending } = run;
  if (w.poolQ > EPS) w.avg = w.poolV / w.poolQ;
  const avg = w.avg;
  let outQ = 0;
  for (let k = 0; k < w.nPending; k++) {
    const i = pending[k];
    const t = T[i];
    const q = t === ADJUSTMENT ? -Q[i] : Q[i];
    const cost = q * avg;
    const g = G[i];
    if (t === CUSTOMER_RETURN) {
      outQ -= q;
      acc.post(B_CUSTOMER_RETURN, D[i], q, cost);
      run.setLineCost(i, cost);
      continue;
    }
    outQ += q;
    if (t === SALE) {
      if (g >= 0) {
        gCost[g] += cost;
        gOpen[g] -= q;
      }
      acc.post(B_SALE, D[i], q, cost);
    } else if (t === ISSUE) acc.post(B_ISSUE, D[i], q, cost);
    else if (t === VENDOR_RETURN) acc.post(B_VENDOR_RETURN, D[i], q, cost);
    else acc.post(B_ADJUST, D[i], -q, -cost);
    run.setLineCost(i, t === ADJUSTMENT ? -cost : cost);
  }
  const units = w.poolQ - outQ;
  let value = w.poolV - outQ * avg;
  if (w.poolQ <= EPS) {
    // No positive pool to average over (negative stock allowed): value what is left at the last average.
    const want = units * avg;
    if (Math.abs(want - value) > 0) acc.post(B_ADJUST, w.lastDay, 0, want - value);
    value = want;
  }
  if (Math.abs(units) <= EPS) {
    if (value !== 0) acc.post(B_ADJUST, w.lastDay, 0, -value);
    value = 0;
  }
  w.poolQ = units;
  w.poolV = value;
  w.nPending = 0;
}

/**
 * Speed: the row loop keeps the pool in local variables and hands them to closePeriod (a module function, not
 * a closure: variables a closure shares live in a heap context, a memory round trip at every use) only when a
 * period ends.
 */
export function valueWeighted(run: Run, s: number, acc: Acc, periods: Int32Array): void {
  const L = run.L;
  const { date: D, type: T, qty: Q, cost: C, price: P, group: G, toLoc: TL, loc: LOC } = L;
  const { gQty, gCost, gRev, gOpen, stack: pending } = run;
  const allowNegative = run.allowNegative;
  const minDate = L.minDate;
  const w = new Pool();
  let onHand = 0; // running units (negative-stock checks)
  let poolQ = 0; // units and value the period's average is taken over
  let poolV = 0;
  let avg = 0; // last average (the current unit cost)
  let nPending = 0; // rows whose cost waits for the period's average
  let period = NaN;
  let lastDay = 0;
  let periodEndKnownAt = -1; // day whose period key was last computed, to skip recomputation

  // Rows after `to` are ignored, and the loop stops before the item's first row failing the row checks.
  const last = run.rowsEnd(s);
  let i = L.skuStart[s];
  for (; i < last; i++) {
    const d = D[i];
    const t = T[i];
    const q = Q[i];
    if (d !== periodEndKnownAt) {
      const p = periods[d - minDate];
      periodEndKnownAt = d;
      if (p !== period) {
        if (nPending > 0 || period === period) {
          w.poolQ = poolQ;
          w.poolV = poolV;
          w.avg = avg;
          w.nPending = nPending;
          w.lastDay = lastDay;
          closePeriod(run, acc, w);
          poolQ = w.poolQ;
          poolV = w.poolV;
          avg = w.avg;
          nPending = 0;
        }
        period = p;
      }
    }
    lastDay = d;
    const g = G[i];
    const l = LOC[i];
    if (t === RECEIPT) {
      const c = C[i];
      if (g >= 0) {
        gQty[g] += q;
        gCost[g] += q * c;
      }
      poolQ += q;
      poolV += q * c;
      onHand += q;
      acc.post(B_RECEIPT, d, q, q * c);
      run.locationIn(l, q);
    } else if (t === ADJUSTMENT && q > 0) {
      const c = C[i] === C[i] ? C[i] : poolQ > EPS ? poolV / poolQ : avg;
      poolQ += q;
      poolV += q * c;
      onHand += q;
      acc.post(B_ADJUST, d, q, q * c);
      run.setLineCost(i, q * c);
      run.locationIn(l, q);
    } else if (t === CUSTOMER_RETURN) {
      const m = run.matchReturn(i, "sold");
      if (m === -2) break;
      acc.postRevenue(d, -run.returnRevenue(i, m));
      onHand += q;
      run.locationIn(l, q);
      if (m >= 0 && gOpen[m] <= EPS) {
        // Its sale was costed in an earlier period: the units come back at that cost, into this period's pool.
        const c = gCost[m] / gQty[m];
        poolQ += q;
        poolV += q * c;
        acc.post(B_CUSTOMER_RETURN, d, q, q * c);
        run.setLineCost(i, q * c);
      } else pending[nPending++] = i; // reduces the units sold this period
    } else if (t === TRANSFER) {
      run.transfer(i, l, TL[i], q);
    } else {
      const out = t === ADJUSTMENT ? -q : q;
      if (out === 0) continue;
      if (!(allowNegative || onHand - out >= -EPS * Math.max(1, out))) {
        run.checkStock(i, onHand, out);
        break;
      }
      if (t === VENDOR_RETURN) {
        const m = run.matchReturn(i, "received");
        if (m === -2) break;
        if (m >= 0) {
          const c = gCost[m] / gQty[m];
          poolQ -= q;
          poolV -= q * c;
          onHand -= q;
          acc.post(B_VENDOR_RETURN, d, q, q * c);
          run.setLineCost(i, q * c);
          run.locationOut(i, l, q);
          continue;
        }
      }
      if (t === SALE) {
        const p = P[i];
        const rev = p === p ? q * p : 0;
        if (p !== p) run.warnNoPrice(i);
        if (g >= 0) {
          gQty[g] += q;
          gRev[g] += rev;
          gOpen[g] += q;
        }
        acc.postRevenue(d, rev);
      }
      onHand -= out;
      pending[nPending++] = i;
      run.locationOut(i, l, out);
    }
  }
  run.endedAt(i);
  w.poolQ = poolQ;
  w.poolV = poolV;
  w.avg = avg;
  w.nPending = nPending;
  w.lastDay = lastDay;
  closePeriod(run, acc, w);
  finish(run, acc, s, "WEIGHTED", onHand, w.poolV, w.avg, null);
}
