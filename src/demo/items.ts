/**
 * The demo item list: ~145 stock items in five categories and a few services, each with how it sells (chance of
 * a sale on a day, largest order) so the ledger simulation and the reorder figures agree.
 */
import type { CellValue } from "../port/types";
import { SUPPLIERS } from "./names";
import { columnNames } from "../engine/schema/tables";
import type { Rng } from "./random";

export const ITEM_HEADER = columnNames("Items");

export interface DemoItem {
  sku: string;
  description: string;
  service: boolean;
  category: string;
  unit: string;
  method: string | null;
  reorderPoint: number;
  reorderQty: number;
  safetyStock: number;
  leadTimeDays: number;
  listPrice: number;
  supplier: string;
  costCenter: string;
  /** Purchase (or, for a service, direct) cost per unit at the start of the ledger. */
  cost: number;
  /** Chance of a sale on any day, and the largest quantity of one sale. */
  saleChance: number;
  maxQty: number;
}

type Base = readonly [name: string, unit: string, lo: number, hi: number];

const STOCK: readonly { category: string; prefix: string; costCenter: string; bases: readonly Base[] }[] = [
  {
    category: "Office supplies",
    prefix: "OFF",
    costCenter: "CC-400 Sales",
    bases: [
      ["Copy paper A4 (ream)", "ream", 3, 5],
      ["Toner cartridge black", "ea", 45, 80],
      ["Ballpoint pens (box of 50)", "box", 6, 10],
      ["Sticky notes 76x76 (pack)", "pack", 4, 7],
      ["Stapler heavy duty", "ea", 12, 25],
      ["Staples 24/6 (box)", "box", 1, 3],
      ["Lever arch file A4", "ea", 2, 4],
      ["Envelopes C4 (box of 250)", "box", 14, 22],
      ["Whiteboard markers (set of 4)", "set", 4, 8],
      ["Notebook A5 ruled", "ea", 2, 5],
    ],
  },
  {
    category: "Electrical",
    prefix: "ELE",
    costCenter: "CC-400 Sales",
    bases: [
      ["LED bulb 9W E27", "ea", 2, 4],
      ["Extension cord 5 m", "ea", 8, 14],
      ["Cable ties 300 mm (pack)", "pack", 3, 6],
      ["Fuse 13A (pack of 10)", "pack", 2, 4],
      ["Circuit breaker 16A", "ea", 6, 11],
      ["Cat6 patch cable 3 m", "ea", 2, 5],
      ["HDMI cable 2 m", "ea", 3, 7],
      ["USB-C charger 65W", "ea", 18, 30],
      ["Batteries AA (pack of 24)", "pack", 7, 12],
      ["Power strip 6-way", "ea", 9, 16],
    ],
  },
  {
    category: "Hardware",
    prefix: "HDW",
    costCenter: "CC-200 Workshop",
    bases: [
      ["Wood screws 4x40 (box of 200)", "box", 5, 9],
      ["Hex bolts M8x50 (box of 50)", "box", 7, 12],
      ["Wall plugs 8 mm (box of 100)", "box", 3, 6],
      ["Hinge 100 mm stainless", "ea", 3, 6],
      ["Padlock 40 mm", "ea", 6, 12],
      ["Drill bit set HSS", "set", 14, 26],
      ["Tape measure 5 m", "ea", 5, 9],
      ["Work gloves (pair)", "pair", 2, 5],
      ["Safety glasses", "ea", 3, 6],
      ["Duct tape 50 mm", "roll", 3, 6],
    ],
  },
  {
    category: "Cleaning",
    prefix: "CLN",
    costCenter: "CC-100 Administration",
    bases: [
      ["Floor cleaner 5 L", "can", 9, 15],
      ["Hand soap 500 ml", "ea", 2, 4],
      ["Paper towels (case of 12)", "case", 14, 22],
      ["Trash bags 120 L (roll)", "roll", 4, 8],
      ["Microfibre cloths (pack of 10)", "pack", 6, 11],
      ["Disinfectant spray 750 ml", "ea", 3, 6],
      ["Mop head cotton", "ea", 4, 8],
      ["Glass cleaner 1 L", "ea", 2, 5],
    ],
  },
  {
    category: "Spare parts",
    prefix: "SPR",
    costCenter: "CC-300 Logistics",
    bases: [
      ["Air filter", "ea", 11, 24],
      ["Oil filter", "ea", 6, 14],
      ["V-belt A42", "ea", 7, 13],
      ["Bearing 6204-2RS", "ea", 3, 7],
      ["Hydraulic hose 1 m", "ea", 16, 30],
      ["Brake pads (set)", "set", 28, 55],
      ["Wiper blade 550 mm", "ea", 6, 11],
      ["Spark plug", "ea", 3, 7],
    ],
  },
];

const GRADES = ["", " - premium", " - economy", " - bulk"];
const GRADE_COST = [1, 1.35, 0.8, 0.9];

const SERVICES: readonly [string, string, number, number][] = [
  ["Installation labour", "hour", 38, 75],
  ["Repair labour", "hour", 42, 85],
  ["Delivery (per drop)", "drop", 14, 35],
  ["Annual support contract", "year", 260, 480],
  ["On-site training", "day", 320, 650],
];

const STOCK_ITEMS = 145;
/** Items named with no Method use the workbook's default (Settings); a few name their own. */
const METHODS: readonly (string | null)[] = [null, null, null, null, null, "FIFO", "MOVING", "WEIGHTED"];

export function demoItems(r: Rng): DemoItem[] {
  const out: DemoItem[] = [];
  const counters = new Map<string, number>();
  for (let g = 0; g < GRADES.length && out.length < STOCK_ITEMS; g++) {
    for (const cat of STOCK) {
      for (const [name, unit, lo, hi] of cat.bases) {
        if (out.length >= STOCK_ITEMS) break;
        if (g > 0 && r.chance(0.2)) continue;
        const n = (counters.get(cat.prefix) ?? 0) + 1;
        counters.set(cat.prefix, n);
        const cost = Math.round(r.money(lo, hi) * GRADE_COST[g] * 100) / 100;
        const saleChance = r.pick([0.02, 0.03, 0.05, 0.08]);
        const maxQty = r.int(2, 10);
        const lead = r.int(5, 21);
        const daily = (saleChance * (maxQty + 1)) / 2;
        const safety = Math.ceil(daily * 7);
        out.push({
          sku: `${cat.prefix}-${String(n).padStart(3, "0")}`,
          description: name + GRADES[g],
          service: false,
          category: cat.category,
          unit,
          method: r.pick(METHODS),
          reorderPoint: Math.ceil(daily * lead) + safety,
          reorderQty: Math.max(6, Math.ceil(daily * 60)),
          safetyStock: safety,
          leadTimeDays: lead,
          listPrice: Math.round(cost * r.pick([1.4, 1.5, 1.6, 1.8]) * 100) / 100,
          supplier: r.pick(SUPPLIERS),
          costCenter: cat.costCenter,
          cost,
          saleChance,
          maxQty,
        });
      }
    }
  }
  SERVICES.forEach(([name, unit, cost, price], k) => {
    out.push({
      sku: `SRV-${String(k + 1).padStart(3, "0")}`,
      description: name,
      service: true,
      category: "Services",
      unit,
      method: null,
      reorderPoint: 0,
      reorderQty: 0,
      safetyStock: 0,
      leadTimeDays: 0,
      listPrice: price,
      supplier: "In-house",
      costCenter: "CC-500 Services",
      cost,
      saleChance: 0.05,
      maxQty: unit === "hour" ? 6 : 1,
    });
  });
  return out;
}

export function itemRows(items: readonly DemoItem[]): CellValue[][] {
  return items.map((it) => [
    it.sku,
    it.description,
    it.service ? "Service" : "Stock",
    it.category,
    it.unit,
    it.method,
    it.service ? null : it.reorderPoint,
    it.service ? null : it.reorderQty,
    it.service ? null : it.safetyStock,
    it.service ? null : it.leadTimeDays,
    it.listPrice,
    it.supplier,
    it.costCenter,
  ]);
}
