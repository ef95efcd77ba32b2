/**
 * What every method's pass over one item shares: the per-item accumulator (opening balance and span flows),
 * the per-location quantities, the row checks, return groups and issue reporting. Buffers are allocated once per
 * valuation run and reused item after item, so the hot loop allocates nothing.
 */
import { toIso } from "../dates";
import { valueError } from "../errors";
import { inventoryMessages as M } from "../messages/inventory";
import type { ValuationMethod } from "../settings";
import type { CompiledLedger } from "./compile";
import { IssueLog, methodCode, ResultStore, KINDS, SLOTS } from "./results";
import { endByDate } from "./rowChecks";
import { CODES, TYPE_NAMES, type Lot } from "./types";

const { ADJUSTMENT, RECEIPT, TRANSFER } = CODES;
const {
  F_OPEN_Q,
  F_OPEN_V,
  F_ON_HAND,
  F_VALUE,
  F_UNIT_COST,
  F_REC_Q,
  F_REC_V,
  F_VR_Q,
  F_VR_V,
  F_ADJ_Q,
  F_ADJ_V,
  F_SALE_Q,
  F_SALE_V,
  F_CR_Q,
  F_CR_V,
  F_ISS_Q,
  F_ISS_V,
  F_COGS,
  F_REVENUE,
  F_OUT90,
  F_COGS12,
  F_WIDTH,
} = SLOTS;
const { W_LOCATION, W_NO_PRICE, W_UNMATCHED_CR, W_UNMATCHED_VR } = KINDS;

/** Quantities this close to zero are zero (fractional units such as kg accumulate binary noise). */
export const EPS = 1e-9;

/** Flow buckets (also as one object, BUCKETS, for the kernels: see CODES in types.ts). */
export const B_RECEIPT = 0;
export const B_VENDOR_RETURN = 1;
export const B_ADJUST = 2;
export const B_SALE = 3;
export const B_CUSTOMER_RETURN = 4;
export const B_ISSUE = 5;
export const BUCKETS = { EPS, B_RECEIPT, B_VENDOR_RETURN, B_ADJUST, B_SALE, B_CUSTOMER_RETURN, B_ISSUE } as const;

/** One item's running figures: everything before `from` folds into the opening balance. */
export class Acc {
  openQ = 0;
  openV = 0;
  recQ = 0;
  recV = 0;
  vrQ = 0;
  vrV = 0;
  adjQ = 0;
  adjV = 0;
  saleQ = 0;
  saleV = 0;
  crQ = 0;
  crV = 0;
  issQ = 0;
  issV = 0;
  revenue = 0;
  out90 = 0;
  cogs12 = 0;
  constructor(
    readonly from: number,
    readonly w90: number,
    readonly w12: number
  ) {}

  /** Empties every figure for the next item. */
  reset(): void {
    this.openQ = 0;
    this.openV = 0;
    this.recQ = 0;
    this.recV = 0;
    this.vrQ = 0;
    this.vrV = 0;
    this.adjQ = 0;
    this.adjV = 0;
    this.saleQ = 0;
    this.saleV = 0;
    this.crQ = 0;
    this.crV = 0;
    this.issQ = 0;
    this.issV = 0;
    this.revenue = 0;
    this.out90 = 0;
    this.cogs12 = 0;
  }

  /** Records a movement of q units and value v (both positive; adjustments signed) in bucket b on day d. */
  post(b: number, d: number, q: number, v: number): void {
    if (d >= this.w12) {
      if (b === B_SALE) this.cogs12 += v;
      else if (b === B_CUSTOMER_RETURN) this.cogs12 -= v;
    }
    if (d >= this.w90 && (b === B_SALE || b === B_ISSUE)) this.out90 += q;
    if (d < this.from) {
      const inflow = b === B_RECEIPT || b === B_CUSTOMER_RETURN || b === B_ADJUST;
      this.openQ += inflow ? q : -q;
      this.openV += inflow ? v : -v;
      return;
    }
    switch (b) {
      case B_RECEIPT:
        this.recQ += q;
        this.recV += v;
        break;
      case B_VENDOR_RETURN:
        this.vrQ += q;
        this.vrV += v;
        break;
      case B_ADJUST:
        this.adjQ += q;
        this.adjV += v;
        break;
      case B_SALE:
        this.saleQ += q;
        this.saleV += v;
        break;
      case B_CUSTOMER_RETURN:
        this.crQ += q;
        this.crV += v;
        break;
      default:
        this.issQ += q;
        this.issV += v;
    }
  }

  postRevenue(d: number, amount: number): void {
    if (d >= this.from) this.revenue += amount;
  }
}

/** Shared state of one valuation run. */
export class Run {
  /** Findings in the order found (built into InventoryIssue objects when read). */
  readonly log: IssueLog;
  /** Every item's figures (built into SkuResult objects when read). */
  readonly store: ResultStore;
  /** Return groups: original units and their cost and revenue so far, units returned so far. */
  readonly gQty: Float64Array;
  readonly gCost: Float64Array;
  readonly gRev: Float64Array;
  readonly gRet: Float64Array;
  /** Per group: first lot (index in the item's lot buffer) of its receipts, -1 none; lots chain via lotNext. */
  readonly gLot: Int32Array;
  /** Per group: units of its sales not yet costed (periodic weighted average closes a period later). */
  readonly gOpen: Float64Array;
  readonly lotQty: Float64Array;
  readonly lotCost: Float64Array;
  readonly lotDate: Int32Array;
  readonly lotNext: Int32Array;
  /** LIFO stack of lot indices / weighted-average pending rows. */
  readonly stack: Int32Array;
  readonly locQty: Float64Array;
  readonly locStamp: Int32Array;
  readonly locWarned: Int32Array;
  readonly touched: Int32Array;
  nTouched = 0;
  error: ReturnType<typeof valueError> | null = null;
  sku = "";
  /** Item being valued (index into L.skus). */
  s = 0;
  /** End of the current item's rows dated up to `to` (set by rowsEnd). */
  stop = 0;
  stamp = 0;

  constructor(
    readonly L: CompiledLedger,
    readonly to: number,
    readonly allowNegative: boolean,
    readonly lineCost: Float64Array | null
  ) {
    this.log = new IssueLog(L);
    this.store = new ResultStore(L);
    const g = L.nGroups;
    this.gQty = new Float64Array(g);
    this.gCost = new Float64Array(g);
    this.gRev = new Float64Array(g);
    this.gRet = new Float64Array(g);
    this.gLot = new Int32Array(g).fill(-1);
    this.gOpen = new Float64Array(g);
    const m = L.maxItemRows + 1;
    this.lotQty = new Float64Array(m);
    this.lotCost = new Float64Array(m);
    this.lotDate = new Int32Array(m);
    this.lotNext = new Int32Array(m);
    this.stack = new Int32Array(m);
    const nl = L.locations.length;
    this.locQty = new Float64Array(nl);
    this.locStamp = new Int32Array(nl);
    this.locWarned = new Int32Array(nl);
    this.touched = new Int32Array(nl);
  }

  /** Starts an item: resets the location quantities. */
  begin(s: number): void {
    this.stamp = s + 1;
    this.nTouched = 0;
    this.error = null;
    this.sku = this.L.skus[s];
    this.s = s;
  }

  /** Starts counting location l for the item (kernels call it inline when locStamp[l] !== stamp). */
  touch(l: number): void {
    if (this.locStamp[l] !== this.stamp) {
      this.locStamp[l] = this.stamp;
      this.locQty[l] = 0;
      this.touched[this.nTouched++] = l;
    }
  }

  /** Location l went to `left` (< 0) at row i: a warning, once per location and item. */
  locationBelowZero(i: number, l: number, left: number): void {
    if (this.locWarned[l] !== this.stamp) {
      this.locWarned[l] = this.stamp;
      this.log.add(W_LOCATION, this.s, i, -left, l);
    }
  }

  /** q units arrive at location l. */
  locationIn(l: number, q: number): void {
    this.touch(l);
    this.locQty[l] += q;
  }

  /** q units leave location l at row i; going below zero is a warning (once per location). */
  locationOut(i: number, l: number, q: number): void {
    this.touch(l);
    const left = (this.locQty[l] -= q);
    if (left < -EPS) this.locationBelowZero(i, l, left);
  }

  /** Row i moves q units from location l to tl (l is listed first: the list keeps first-move order). */
  transfer(i: number, l: number, tl: number, q: number): void {
    this.touch(l);
    this.locationIn(tl, q);
    this.locationOut(i, l, q);
  }

  /**
   * The end of item s's rows a kernel runs (from L.skuStart[s]): those dated up to `to`, and before the item's
   * first row failing the shared row checks (found when compiled, see rowChecks.ts), so no row needs a check.
   */
  rowsEnd(s: number): number {
    const L = this.L;
    const stop = endByDate(L.date, L.skuStart[s], L.skuStart[s + 1], this.to);
    this.stop = stop;
    const bad = L.firstBad[s];
    return bad < stop ? bad : stop;
  }

  /** After a kernel's loop ended at row i: when it ended on the item's bad row, reports it as checkRow words it. */
  endedAt(i: number): void {
    const bad = this.L.firstBad[this.s];
    if (i === bad && bad < this.stop) this.checkRow(i);
  }

  /** Row checks every method shares; false (and the item's error set) when the row cannot be used. */
  checkRow(i: number): boolean {
    const L = this.L;
    const t = L.type[i];
    const q = L.qty[i];
    const row = L.sheetRow[i];
    if (t === ADJUSTMENT) return true;
    if (!(q > 0)) return this.fail(i, M.quantityNotPositive(this.sku, row, TYPE_NAMES[t] ?? "row"), "Quantity");
    if (t === RECEIPT && !(L.cost[i] >= 0)) return this.fail(i, M.receiptNeedsCost(this.sku, row), "UnitCost");
    if (t === TRANSFER && L.toLoc[i] < 0) return this.fail(i, M.transferNeedsTo(this.sku, row), "ToLocation");
    return true;
  }

  /** An outflow of q from onHand: false (error) when it takes the item below zero and that is not allowed. */
  checkStock(i: number, onHand: number, q: number): boolean {
    if (this.allowNegative || onHand - q >= -EPS * Math.max(1, q)) return true;
    const L = this.L;
    return this.fail(i, M.negativeStock(this.sku, L.sheetRow[i], toIso(L.date[i]), q - onHand), "Quantity");
  }

  fail(i: number, message: string, column?: string): false {
    const L = this.L;
    this.error = valueError(message, { table: "Ledger", row: L.sheetRow[i], column });
    this.log.addEager({ sku: this.sku, row: L.sheetRow[i], date: L.date[i], severity: "error", message });
    return false;
  }

  warn(i: number, message: string): void {
    const L = this.L;
    this.log.addEager({ sku: this.sku, row: L.sheetRow[i], date: L.date[i], severity: "warning", message });
  }

  /** A Sale without UnitPrice (its revenue counts as 0). */
  warnNoPrice(i: number): void {
    this.log.add(W_NO_PRICE, this.s, i, 0, 0);
  }

  setLineCost(i: number, v: number): void {
    if (this.lineCost) this.lineCost[this.L.src[i]] = v;
  }

  /** A customer return's revenue reversal: its own UnitPrice, else the original sale's average price. */
  returnRevenue(i: number, g: number): number {
    const p = this.L.price[i];
    if (p === p) return this.L.qty[i] * p;
    return g >= 0 && this.gQty[g] > 0 ? (this.L.qty[i] * this.gRev[g]) / this.gQty[g] : 0;
  }

  /**
   * The common case of a return, decided without a call: row's group g has its originals and q units are still
   * unreturned; records them and answers true. Otherwise false, and matchReturn decides (and reports).
   */
  matched(g: number, q: number): boolean {
    if (g < 0 || this.L.groupHasOriginal[g] === 0 || !(this.gQty[g] > 0)) return false;
    if (q > this.gQty[g] - this.gRet[g] + EPS * Math.max(1, q)) return false;
    this.gRet[g] += q;
    return true;
  }

  /**
   * Checks a return against its group: -1 = no matching original (value at current cost), -2 = error, else
   * the group id. Records the returned units.
   */
  matchReturn(i: number, kind: "sold" | "received"): number {
    const L = this.L;
    const g = L.group[i];
    if (g < 0 || L.groupHasOriginal[g] === 0) {
      // Valued anyway (current cost), but an accountant should see that the return matched nothing.
      if (L.itemRows[this.s]?.Kind !== "Service") {
        this.log.add(kind === "sold" ? W_UNMATCHED_CR : W_UNMATCHED_VR, this.s, i, 0, g < 0 ? -1 : g);
      }
      return -1;
    }
    const q = L.qty[i];
    const row = L.sheetRow[i];
    if (this.gQty[g] <= 0) {
      this.fail(i, M.returnBeforeOriginal(this.sku, row, L.groupRef[g]), "Reference");
      return -2;
    }
    const left = this.gQty[g] - this.gRet[g];
    if (q > left + EPS * Math.max(1, q)) {
      this.fail(i, M.returnTooMany(this.sku, row, L.groupRef[g], kind, left), "Quantity");
      return -2;
    }
    this.gRet[g] += q;
    return g;
  }
}

/** Records an item's figures from its accumulator and closing position (see ResultStore). */
export function finish(
  run: Run,
  acc: Acc,
  s: number,
  method: ValuationMethod | null,
  onHand: number,
  value: number,
  lastCost: number,
  lots: Lot[] | null
): void {
  const q = Math.abs(onHand) <= EPS ? 0 : onHand;
  const v = q === 0 && Math.abs(value) < 1e-9 ? 0 : value;
  const st = run.store;
  const f = st.f;
  const o = s * F_WIDTH;
  f[o + F_OPEN_Q] = acc.openQ;
  f[o + F_OPEN_V] = acc.openV;
  f[o + F_ON_HAND] = q;
  f[o + F_VALUE] = v;
  f[o + F_UNIT_COST] = q !== 0 ? v / q : lastCost;
  f[o + F_REC_Q] = acc.recQ;
  f[o + F_REC_V] = acc.recV;
  f[o + F_VR_Q] = acc.vrQ;
  f[o + F_VR_V] = acc.vrV;
  f[o + F_ADJ_Q] = acc.adjQ;
  f[o + F_ADJ_V] = acc.adjV;
  f[o + F_SALE_Q] = acc.saleQ;
  f[o + F_SALE_V] = acc.saleV;
  f[o + F_CR_Q] = acc.crQ;
  f[o + F_CR_V] = acc.crV;
  f[o + F_ISS_Q] = acc.issQ;
  f[o + F_ISS_V] = acc.issV;
  f[o + F_COGS] = acc.saleV - acc.crV;
  f[o + F_REVENUE] = acc.revenue;
  f[o + F_OUT90] = acc.out90;
  f[o + F_COGS12] = acc.cogs12;
  st.method[s] = methodCode(method);
  st.errors[s] = run.error;
  st.lots[s] = lots;
  // Quantities per location: those not zero (plus any below zero), in the order first moved.
  const locs = st.locs;
  st.locStart[s] = locs.n;
  for (let k = 0; k < run.nTouched; k++) {
    const l = run.touched[k];
    const lq = run.locQty[l];
    if (Math.abs(lq) > EPS) locs.push(l, lq);
  }
  st.locEnd[s] = locs.n;
}
