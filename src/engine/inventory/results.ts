/**
 * Per-item figures of a valuation in typed columns, and the run's findings as compact codes: the valuation
 * pass writes numbers only, and the SkuResult objects and issue messages a caller reads are built when first
 * read (all of them for `items` and `issues`, one item for `get(sku)`). On a 10,000-item ledger that is the
 * difference between writing 200,000 numbers and allocating some 100,000 objects and 20,000 messages while the
 * pass runs. What a caller sees is the same objects with the same values, to the bit.
 */
import type { EngineError } from "../errors";
import { inventoryMessages as M } from "../messages/inventory";
import type { ValuationMethod } from "../settings";
import type { CompiledLedger } from "./compile";
import { TYPE_NAMES, type InventoryIssue, type LocationQty, type Lot, type SkuResult } from "./types";

/** Slots of one item's row in ResultStore.f. */
export const F_OPEN_Q = 0;
export const F_OPEN_V = 1;
export const F_ON_HAND = 2;
export const F_VALUE = 3;
export const F_UNIT_COST = 4;
export const F_REC_Q = 5;
export const F_REC_V = 6;
export const F_VR_Q = 7;
export const F_VR_V = 8;
export const F_ADJ_Q = 9;
export const F_ADJ_V = 10;
export const F_SALE_Q = 11;
export const F_SALE_V = 12;
export const F_CR_Q = 13;
export const F_CR_V = 14;
export const F_ISS_Q = 15;
export const F_ISS_V = 16;
export const F_COGS = 17;
export const F_REVENUE = 18;
export const F_OUT90 = 19;
export const F_COGS12 = 20;
export const F_WIDTH = 21;
/**
 * The same slots as one object. run.ts destructures it into module constants: named imports compile to getter
 * calls under CommonJS interop (jest, tsx), which cost a call per slot per item in finish().
 */
export const SLOTS = {
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
} as const;

const METHODS: (ValuationMethod | null)[] = [null, "FIFO", "LIFO", "MOVING", "WEIGHTED"];
export const methodCode = (m: ValuationMethod | null): number => METHODS.indexOf(m);

/** Growable columns of (location, quantity) pairs: item s owns entries locStart[s] .. locEnd[s]-1. */
class LocationList {
  loc = new Int32Array(1024);
  qty = new Float64Array(1024);
  n = 0;
  push(l: number, q: number): void {
    if (this.n === this.loc.length) {
      const loc = new Int32Array(this.n * 2);
      loc.set(this.loc);
      this.loc = loc;
      const qty = new Float64Array(this.n * 2);
      qty.set(this.qty);
      this.qty = qty;
    }
    this.loc[this.n] = l;
    this.qty[this.n++] = q;
  }
}

export class ResultStore {
  readonly f: Float64Array;
  readonly method: Uint8Array;
  readonly errors: (EngineError | null)[];
  readonly lots: (Lot[] | null)[];
  readonly locStart: Int32Array;
  readonly locEnd: Int32Array;
  readonly locs = new LocationList();
  private readonly built: (SkuResult | undefined)[];

  constructor(readonly L: CompiledLedger) {
    const n = L.skus.length;
    this.f = new Float64Array(n * F_WIDTH);
    this.method = new Uint8Array(n);
    this.errors = new Array<EngineError | null>(n).fill(null);
    this.lots = new Array<Lot[] | null>(n).fill(null);
    this.locStart = new Int32Array(n);
    this.locEnd = new Int32Array(n);
    this.built = new Array<SkuResult | undefined>(n);
  }

  /** Item s's result object (built once). */
  item(s: number): SkuResult {
    const done = this.built[s];
    if (done) return done;
    const f = this.f;
    const o = s * F_WIDTH;
    const method = METHODS[this.method[s]];
    const locations: LocationQty[] = [];
    for (let k = this.locStart[s]; k < this.locEnd[s]; k++) {
      locations.push({ location: this.L.locations[this.locs.loc[k]], quantity: this.locs.qty[k] });
    }
    const r: SkuResult = {
      sku: this.L.skus[s],
      method,
      service: method === null,
      error: this.errors[s],
      opening: { quantity: f[o + F_OPEN_Q], value: f[o + F_OPEN_V] },
      onHand: f[o + F_ON_HAND],
      value: f[o + F_VALUE],
      unitCost: f[o + F_UNIT_COST],
      receipts: { quantity: f[o + F_REC_Q], value: f[o + F_REC_V] },
      vendorReturns: { quantity: f[o + F_VR_Q], value: f[o + F_VR_V] },
      adjustments: { quantity: f[o + F_ADJ_Q], value: f[o + F_ADJ_V] },
      sales: { quantity: f[o + F_SALE_Q], value: f[o + F_SALE_V] },
      customerReturns: { quantity: f[o + F_CR_Q], value: f[o + F_CR_V] },
      issues: { quantity: f[o + F_ISS_Q], value: f[o + F_ISS_V] },
      cogs: f[o + F_COGS],
      revenue: f[o + F_REVENUE],
      outflow90: f[o + F_OUT90],
      cogs12m: f[o + F_COGS12],
      locations,
      lots: this.lots[s] ?? [],
    };
    this.built[s] = r;
    return r;
  }

  all(): SkuResult[] {
    const out: SkuResult[] = new Array<SkuResult>(this.L.skus.length);
    for (let s = 0; s < out.length; s++) out[s] = this.item(s);
    return out;
  }
}

/** Kinds of findings kept as codes (their messages are built when the issues are read). */
export const W_EAGER = 0;
export const W_NO_PRICE = 1;
export const W_UNMATCHED_CR = 2;
export const W_UNMATCHED_VR = 3;
export const W_LOCATION = 4;
export const W_NOT_IN_ITEMS = 5;
export const W_LIFO = 6;
export const W_SERVICE_ROW = 7;
/** The same kinds as one object (destructured by the kernels' modules, as SLOTS). */
export const KINDS = {
  W_EAGER,
  W_NO_PRICE,
  W_UNMATCHED_CR,
  W_UNMATCHED_VR,
  W_LOCATION,
  W_NOT_IN_ITEMS,
  W_LIFO,
  W_SERVICE_ROW,
} as const;

/**
 * The run's findings in order: (kind, item, row position, a number, an index) per finding; errors and any
 * other message already written are kept as objects (kind W_EAGER, index into `eager`).
 */
export class IssueLog {
  kind: Uint8Array;
  item: Int32Array;
  pos: Int32Array;
  num: Float64Array;
  idx: Int32Array;
  n = 0;
  readonly eager: InventoryIssue[] = [];

  constructor(readonly L: CompiledLedger) {
    // Room for a finding per 32 rows before growing (a ledger's unmatched returns and unpriced sales are a few
    // per cent of its rows; each doubling copies and allocates five columns).
    const m = Math.max(256, L.n >> 5);
    this.kind = new Uint8Array(m);
    this.item = new Int32Array(m);
    this.pos = new Int32Array(m);
    this.num = new Float64Array(m);
    this.idx = new Int32Array(m);
  }

  add(kind: number, s: number, i: number, num: number, idx: number): void {
    if (this.n === this.kind.length) this.grow();
    const k = this.n++;
    this.kind[k] = kind;
    this.item[k] = s;
    this.pos[k] = i;
    this.num[k] = num;
    this.idx[k] = idx;
  }

  addEager(issue: InventoryIssue): void {
    this.add(W_EAGER, -1, -1, 0, this.eager.length);
    this.eager.push(issue);
  }

  private grow(): void {
    const m = this.n * 2;
    const kind = new Uint8Array(m);
    kind.set(this.kind);
    this.kind = kind;
    const item = new Int32Array(m);
    item.set(this.item);
    this.item = item;
    const pos = new Int32Array(m);
    pos.set(this.pos);
    this.pos = pos;
    const num = new Float64Array(m);
    num.set(this.num);
    this.num = num;
    const idx = new Int32Array(m);
    idx.set(this.idx);
    this.idx = idx;
  }

  /** Every finding as an InventoryIssue, in the order found. */
  build(): InventoryIssue[] {
    const out: InventoryIssue[] = new Array<InventoryIssue>(this.n);
    const L = this.L;
    for (let k = 0; k < this.n; k++) {
      const kind = this.kind[k];
      if (kind === W_EAGER) {
        out[k] = this.eager[this.idx[k]];
        continue;
      }
      const sku = L.skus[this.item[k]];
      if (kind === W_LIFO) {
        out[k] = { sku, row: null, date: null, severity: "warning", message: M.lifoIfrs(sku) };
        continue;
      }
      const i = this.pos[k];
      const row = L.sheetRow[i];
      let message: string;
      switch (kind) {
        case W_NO_PRICE:
          message = M.saleWithoutPrice(sku, row);
          break;
        case W_UNMATCHED_CR:
        case W_UNMATCHED_VR: {
          const g = this.idx[k];
          const ref = g < 0 ? null : L.groupRef[g];
          message = M.returnUnmatched(sku, row, ref, kind === W_UNMATCHED_CR ? "CustomerReturn" : "VendorReturn");
          break;
        }
        case W_LOCATION:
          message = M.locationBelowZero(sku, L.locations[this.idx[k]], row, this.num[k]);
          break;
        case W_NOT_IN_ITEMS:
          message = M.skuNotInItems(sku, row, METHODS[this.idx[k]] as string);
          break;
        default:
          message = M.serviceStockRow(sku, row, TYPE_NAMES[this.idx[k]]);
      }
      out[k] = { sku, row, date: L.date[i], severity: "warning", message };
    }
    return out;
  }
}
