/**
 * Invariants of the inventory sheets for any ledger, method and period (ACCOUNTING.md, "Conservation"):
 * - the roll-forward closes: opening + receipts − vendor returns ± adjustments − COGS − issues − closing = 0.00
 *   on every category row and the total, under FIFO, LIFO, WEIGHTED and MOVING, with or without negative stock;
 * - each item's Profitability lines (printed to the cent) add up to within a cent of the valuation's revenue and
 *   COGS for the period;
 * - every inventory journal entry balances, and its lines move the inventory account by closing − opening as the
 *   roll-forward shows them (within a cent per category of the full-precision change).
 */
import fc from "fast-check";
import type { ValuationMethod } from "../../../src/engine/settings";
import { inventoryRun } from "../../../src/engine/reports/inventoryRun";
import { inventoryJournal } from "../../../src/engine/reports/journalInventory";
import { PROFIT_FACT, buildProfitability } from "../../../src/engine/reports/profitability";
import { itemError } from "../../../src/engine/reports/profitabilityParts/items";
import { buildValuation, VALUATION_FACT } from "../../../src/engine/reports/valuation";
import { d, makeContext, summaryRows, tableRows, type Rec } from "./fixture";

const START = d(2023, 1, 1);
const SKUS = ["S0", "S1", "S2", "S3"];
const TYPES = [
  "Receipt",
  "Receipt",
  "Sale",
  "Sale",
  "Issue",
  "CustomerReturn",
  "VendorReturn",
  "Adjustment",
  "Transfer",
];
const METHODS: ValuationMethod[] = ["FIFO", "LIFO", "WEIGHTED", "MOVING"];

const move = fc.record({
  day: fc.integer({ min: 0, max: 2 * 365 }),
  sku: fc.integer({ min: 0, max: SKUS.length - 1 }),
  type: fc.integer({ min: 0, max: TYPES.length - 1 }),
  qty: fc.integer({ min: 1, max: 20 }),
  costCents: fc.integer({ min: 1, max: 10_000 }),
  priceCents: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: null }),
  ref: fc.integer({ min: 0, max: 5 }),
  down: fc.boolean(),
  south: fc.boolean(),
});

type Move = typeof move extends fc.Arbitrary<infer T> ? T : never;

/** A stock of every item before the first move (so most runs value most items), then the random moves. */
function ledger(moves: Move[], opening: number): Rec[] {
  const first: Rec[] = SKUS.map((s, i) => ({
    Date: START - 1,
    SKU: s,
    Type: "Receipt",
    Quantity: opening,
    UnitCost: 1 + i,
    Location: "North",
    Reference: "PO-0",
  }));
  return [
    ...first,
    ...moves.map((m) => {
      const type = TYPES[m.type];
      const sale = type === "Sale" || type === "CustomerReturn";
      const bought = type === "Receipt" || type === "VendorReturn";
      return {
        Date: START + m.day,
        SKU: SKUS[m.sku],
        Type: type,
        // Returns are small so most of them match what was sold or received.
        Quantity: type === "Adjustment" && m.down ? -m.qty : type.endsWith("Return") ? 1 + (m.qty % 3) : m.qty,
        UnitCost: type === "Receipt" || (type === "Adjustment" && !m.down) ? m.costCents / 100 : null,
        UnitPrice:
          type === "Sale"
            ? (m.priceCents ?? 1) / 100
            : type === "CustomerReturn"
              ? m.priceCents && m.priceCents / 100
              : null,
        Location: m.south ? "South" : "North",
        ToLocation: type === "Transfer" ? (m.south ? "North" : "South") : null,
        Reference: sale ? `INV-${m.ref}` : bought ? `PO-${m.ref}` : null,
        Party: sale ? `C${m.ref}` : null,
      };
    }),
  ];
}

describe("inventory report invariants", () => {
  it("roll-forward check is 0.00, lines add up and the journal balances, for any ledger and method", () => {
    fc.assert(
      fc.property(
        fc.array(move, { minLength: 30, maxLength: 80 }),
        fc.option(fc.constantFrom(...METHODS), { nil: null }),
        fc.array(fc.constantFrom(...METHODS, null), { minLength: SKUS.length, maxLength: SKUS.length }),
        fc.boolean(),
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 30, max: 2 * 365 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 300 }),
        (moves, override, itemMethods, negative, fromOff, len, fyEnd, opening) => {
          const items: Rec[] = SKUS.map((s, i) => ({
            SKU: s,
            Kind: "Stock",
            Category: i % 2 ? "Odd" : "Even",
            Method: itemMethods[i],
          }));
          const from = START + fromOff;
          const ctx = makeContext(
            { Items: items, Ledger: ledger(moves, opening) },
            { from, to: from + len, fiscalYearEndMonth: fyEnd, valuationMethod: override, allowNegativeStock: negative }
          );
          const val = buildValuation(ctx)!;
          for (const r of summaryRows(val, "Inventory roll-forward")) expect(r["Check (must be 0)"]).toBe(0);

          const { input, result } = inventoryRun(ctx);
          const ok = result.items.filter((r) => !itemError(input, r));
          const valued = tableRows(val, VALUATION_FACT).filter((r) => typeof r.Value === "number");
          expect(valued.map((r) => r.SKU).sort()).toEqual(ok.map((r) => r.sku).sort());

          const facts = tableRows(buildProfitability(ctx)!, PROFIT_FACT);
          for (const r of ok) {
            const mine = facts.filter((f) => f.SKU === r.sku);
            const rev = mine.reduce((s, f) => s + (f.Revenue as number), 0);
            const cogs = mine.reduce((s, f) => s + (f.COGS as number), 0);
            // Fact rows are printed to the cent and add up to the item's line, which is within a cent of its figure.
            expect(Math.abs(rev - r.revenue)).toBeLessThanOrEqual(0.01 + 1e-9);
            expect(Math.abs(cogs - r.cogs)).toBeLessThanOrEqual(0.01 + 1e-9);
          }

          const lines = inventoryJournal.lines(ctx);
          const entries = new Map<string, number>();
          for (const l of lines)
            entries.set(l.entry, (entries.get(l.entry) ?? 0) + Math.round((l.debit - l.credit) * 100));
          for (const cents of entries.values()) expect(cents).toBe(0);
          const inv = lines.filter((l) => l.account === ctx.settings.accounts.inventory);
          const moved = inv.reduce((s, l) => s + l.debit - l.credit, 0);
          // Exactly the roll-forward's closing − opening as shown (the Journal posts the roll-forward's amounts)…
          const roll = summaryRows(val, "Inventory roll-forward");
          const total = roll[roll.length - 1];
          expect(Math.round(moved * 100)).toBe(
            Math.round((total["Closing value"] as number) * 100) - Math.round((total["Opening value"] as number) * 100)
          );
          // …which is the full-precision change but for the rounding of each category's opening and closing value
          // (half a cent each; the flows' rounding is absorbed by Adjustments).
          const change = ok.reduce((s, r) => s + r.value - r.opening.value, 0);
          expect(Math.abs(moved - change)).toBeLessThanOrEqual(0.01 * (roll.length - 1) + 1e-6);
        }
      ),
      { numRuns: 200 }
    );
  });
});
