/**
 * Invariants on random ledgers, all four methods: value is conserved to the cent, on hand is the signed sum of
 * movements, and results do not depend on the order of rows with different dates.
 */
import fc from "fast-check";
import { valueLedger } from "../../../src/engine/inventory";
import { round } from "../../../src/engine/money";
import type { LedgerRow } from "../../../src/engine/schema/rows";
import type { LedgerType } from "../../../src/engine/schema/tables";
import { ledger, type RowSpec } from "./helpers";

const METHODS = ["FIFO", "LIFO", "WEIGHTED", "MOVING"] as const;
const TYPES: LedgerType[] = ["Receipt", "Sale", "Issue", "CustomerReturn", "VendorReturn", "Transfer", "Adjustment"];

const rowArb = fc.record({
  sku: fc.constantFrom("A", "B", "C"),
  date: fc.integer({ min: 45000, max: 45120 }),
  type: fc.constantFrom(...TYPES, "Receipt", "Receipt", "Sale"),
  qty: fc.integer({ min: 1, max: 40 }),
  cost: fc.integer({ min: 1, max: 5000 }).map((c) => c / 100),
  price: fc.integer({ min: 1, max: 9000 }).map((c) => c / 100),
  ref: fc.constantFrom(undefined, "R1", "R2", "R3"),
  withCost: fc.boolean(),
  down: fc.boolean(),
  loc: fc.constantFrom(undefined, "X", "Y"),
});

type Raw = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

const spec = (r: Raw): RowSpec => ({
  sku: r.sku,
  date: r.date,
  type: r.type,
  qty: r.type === "Adjustment" && r.down ? -r.qty : r.qty,
  cost: r.type === "Receipt" || r.withCost ? r.cost : undefined,
  price: r.price,
  ref: r.ref,
  loc: r.loc,
  to: r.type === "Transfer" ? "Z" : undefined,
});

const ledgerArb = fc.array(rowArb, { minLength: 1, maxLength: 60 }).map((rs) => ledger(rs.map(spec)));

const signed = (r: LedgerRow) =>
  r.Type === "Receipt" || r.Type === "CustomerReturn" || r.Type === "Adjustment"
    ? r.Quantity
    : r.Type === "Transfer"
      ? 0
      : -r.Quantity;

describe("valuation invariants (fast-check)", () => {
  for (const method of METHODS) {
    for (const allowNegativeStock of [false, true]) {
      it(`${method}${allowNegativeStock ? ", negative stock allowed" : ""}: conservation and on hand`, () => {
        fc.assert(
          fc.property(ledgerArb, (rows) => {
            const v = valueLedger(rows, { method, allowNegativeStock });
            for (const r of v.items) {
              if (r.error) continue;
              // cost of receipts − cost of vendor returns ± adjustments = COGS + cost of issues + closing value
              const lhs = r.receipts.value - r.vendorReturns.value + r.adjustments.value;
              const rhs = r.cogs + r.issues.value + r.value;
              expect(round(lhs - rhs, 2)).toBe(0);
              expect(r.opening).toEqual({ quantity: 0, value: 0 });
              const sum = rows.filter((x) => x.SKU === r.sku).reduce((a, x) => a + signed(x), 0);
              expect(r.onHand).toBeCloseTo(sum, 9);
              const q = r.receipts.quantity - r.vendorReturns.quantity + r.adjustments.quantity;
              expect(r.onHand).toBeCloseTo(q - r.sales.quantity + r.customerReturns.quantity - r.issues.quantity, 9);
              if (!allowNegativeStock) expect(r.onHand).toBeGreaterThanOrEqual(0);
            }
          }),
          { numRuns: 300 }
        );
      });
    }

    it(`${method}: a span's roll-forward closes (opening + flows = closing)`, () => {
      fc.assert(
        fc.property(ledgerArb, fc.integer({ min: 45000, max: 45120 }), (rows, from) => {
          const v = valueLedger(rows, { method, from, allowNegativeStock: true });
          for (const r of v.items) {
            const lhs = r.opening.value + r.receipts.value - r.vendorReturns.value + r.adjustments.value;
            expect(round(lhs - (r.cogs + r.issues.value + r.value), 2)).toBe(0);
          }
        }),
        { numRuns: 200 }
      );
    });

    it(`${method}: results do not depend on the order of rows with different dates`, () => {
      fc.assert(
        fc.property(ledgerArb, fc.integer(), (rows, seed) => {
          // Keep one row per (item, date) so that only rows with different dates get reordered.
          const seen = new Set<string>();
          const unique = rows.filter((r) => !seen.has(`${r.SKU}|${r.Date}`) && !!seen.add(`${r.SKU}|${r.Date}`));
          const shuffled = [...unique];
          let s = seed >>> 0;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            const j = s % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
          }
          const a = valueLedger(unique, { method, allowNegativeStock: true });
          const b = valueLedger(shuffled, { method, allowNegativeStock: true });
          for (const ra of a.items) {
            const rb = b.get(ra.sku)!;
            expect(rb.error?.row === undefined).toBe(ra.error?.row === undefined);
            expect(rb.onHand).toBeCloseTo(ra.onHand, 9);
            expect(rb.value).toBeCloseTo(ra.value, 6);
            expect(rb.cogs).toBeCloseTo(ra.cogs, 6);
            expect(rb.revenue).toBeCloseTo(ra.revenue, 6);
          }
        }),
        { numRuns: 200 }
      );
    });
  }
});
