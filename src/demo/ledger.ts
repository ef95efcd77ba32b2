/**
 * Two years of ledger rows, simulated day by day per item so stock never goes below zero, in total or at a
 * location: receipts when stock falls to the reorder point (arriving after the lead time), sales, internal
 * issues, transfers between the warehouses, count adjustments, customer returns of recent sales and vendor
 * returns of fresh receipts (same Reference and SKU as the row they return). Services only sell.
 */
import type { CellValue } from "../port/types";
import { CUSTOMERS } from "./names";
import type { DemoItem } from "./items";
import { columnNames } from "../engine/schema/tables";
import type { Rng } from "./random";

export const LEDGER_HEADER = columnNames("Ledger");

export const MAIN_STORE = "Warehouse North";
export const SECOND_STORE = "Warehouse South";
export const LEDGER_DAYS = 730;

interface Movement {
  date: number;
  sku: string;
  type: "Receipt" | "Sale" | "Issue" | "CustomerReturn" | "VendorReturn" | "Transfer" | "Adjustment";
  quantity: number;
  unitCost: number | null;
  unitPrice: number | null;
  location: string | null;
  toLocation: string | null;
  party: string | null;
  /** Reference prefix for originals; a return points at the row it returns and copies its Reference. */
  prefix?: string;
  returns?: Movement;
  reference?: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function simulateStock(r: Rng, it: DemoItem, start: number, today: number, out: Movement[]): void {
  let north = 0;
  let south = 0;
  let cost = it.cost;
  let arrival: number | null = null;
  let vendorReturn: { day: number; of: Movement } | null = null;
  const sales: { m: Movement; returned: boolean }[] = [];
  const push = (m: Omit<Movement, "sku">): Movement => {
    const full = { ...m, sku: it.sku };
    out.push(full);
    return full;
  };
  const receive = (day: number, quantity: number): Movement => {
    north += quantity;
    return push({
      date: day,
      type: "Receipt",
      quantity,
      unitCost: round2(cost),
      unitPrice: null,
      location: MAIN_STORE,
      toLocation: null,
      party: it.supplier,
      prefix: "PO",
    });
  };

  receive(start, it.reorderQty * 2 + it.reorderPoint);
  for (let d = start + 1; d <= today; d++) {
    if (arrival === d) {
      arrival = null;
      cost *= 1 + (r.next() - 0.35) * 0.04; // prices drift up a little over two years
      const rec = receive(d, it.reorderQty);
      if (r.chance(0.08)) vendorReturn = { day: d + r.int(1, 3), of: rec };
      continue;
    }
    if (vendorReturn !== null) {
      // Nothing else moves the item until the damaged units go back, so the receipt's lot is still whole.
      if (vendorReturn.day === d) {
        const q = Math.max(1, Math.floor(vendorReturn.of.quantity * 0.1));
        north -= q;
        push({
          date: d,
          type: "VendorReturn",
          quantity: q,
          unitCost: vendorReturn.of.unitCost,
          unitPrice: null,
          location: MAIN_STORE,
          toLocation: null,
          party: it.supplier,
          returns: vendorReturn.of,
        });
        vendorReturn = null;
      }
      continue;
    }
    const x = r.next();
    const p = it.saleChance;
    if (x < p) {
      const fromSouth = south > 0 && r.chance(0.4);
      const have = fromSouth ? south : north;
      if (have > 0) {
        const q = Math.min(have, r.int(1, it.maxQty));
        if (fromSouth) south -= q;
        else north -= q;
        const m = push({
          date: d,
          type: "Sale",
          quantity: q,
          unitCost: null,
          unitPrice: round2(it.listPrice * r.pick([1, 1, 0.95, 0.9])),
          location: fromSouth ? SECOND_STORE : MAIN_STORE,
          toLocation: null,
          party: r.pick(CUSTOMERS),
          prefix: "SO",
        });
        sales.push({ m, returned: false });
      }
    } else if (x < p + 0.004) {
      const recent = sales.filter((s) => !s.returned && s.m.date >= d - 45);
      if (recent.length > 0) {
        const s = r.pick(recent);
        s.returned = true;
        const q = r.int(1, s.m.quantity);
        if (s.m.location === SECOND_STORE) south += q;
        else north += q;
        push({
          date: d,
          type: "CustomerReturn",
          quantity: q,
          unitCost: null,
          unitPrice: s.m.unitPrice,
          location: s.m.location,
          toLocation: null,
          party: s.m.party,
          returns: s.m,
        });
      }
    } else if (x < p + 0.01) {
      const q = r.int(1, Math.max(1, Math.floor(it.maxQty / 2)));
      if (north >= q) {
        north -= q;
        push({
          date: d,
          type: "Issue",
          quantity: q,
          unitCost: null,
          unitPrice: null,
          location: MAIN_STORE,
          toLocation: null,
          party: "Workshop",
          prefix: "ISS",
        });
      }
    } else if (x < p + 0.016) {
      const q = Math.floor((north - it.reorderPoint) / 2);
      if (q > 0) {
        north -= q;
        south += q;
        push({
          date: d,
          type: "Transfer",
          quantity: q,
          unitCost: null,
          unitPrice: null,
          location: MAIN_STORE,
          toLocation: SECOND_STORE,
          party: null,
          prefix: "TR",
        });
      }
    } else if (x < p + 0.019) {
      const delta = r.pick([-2, -1, 1, 2]);
      if (north + delta >= 0) {
        north += delta;
        push({
          date: d,
          type: "Adjustment",
          quantity: delta,
          unitCost: null,
          unitPrice: null,
          location: MAIN_STORE,
          toLocation: null,
          party: null,
          prefix: "CNT",
        });
      }
    }
    if (arrival === null && north + south <= it.reorderPoint) arrival = d + it.leadTimeDays;
  }
}

function simulateService(r: Rng, it: DemoItem, start: number, today: number, out: Movement[]): void {
  for (let d = start + 1; d <= today; d++) {
    if (!r.chance(it.saleChance)) continue;
    out.push({
      date: d,
      sku: it.sku,
      type: "Sale",
      quantity: r.int(1, it.maxQty),
      unitCost: it.cost,
      unitPrice: it.listPrice,
      location: null,
      toLocation: null,
      party: r.pick(CUSTOMERS),
      prefix: "SO",
    });
  }
}

export function demoLedger(r: Rng, items: readonly DemoItem[], today: number): CellValue[][] {
  const start = today - LEDGER_DAYS;
  const moves: Movement[] = [];
  for (const it of items) {
    const first = start + r.int(0, 10);
    if (it.service) simulateService(r, it, first, today, moves);
    else simulateStock(r, it, first, today, moves);
  }
  // Date order (stable: each item's same-day rows keep their order), then document numbers in that order.
  moves.sort((a, b) => a.date - b.date);
  const counters = new Map<string, number>();
  for (const m of moves) {
    if (m.prefix) {
      const n = (counters.get(m.prefix) ?? 0) + 1;
      counters.set(m.prefix, n);
      m.reference = `${m.prefix}-${String(10000 + n)}`;
    }
  }
  return moves.map((m) => [
    m.date,
    m.sku,
    m.type,
    m.quantity,
    m.unitCost,
    m.unitPrice,
    m.location,
    m.toLocation,
    m.returns?.reference ?? m.reference ?? null,
    m.party,
  ]);
}
