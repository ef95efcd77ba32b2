/**
 * The fast valuation kernels (typed columns, common rows inline, rare rows through a general branch) must give
 * exactly what the straightforward kernels gave: the same figures, issues and line costs on random ledgers with
 * returns by Reference, transfers, adjustments, services, negative stock, spans and as-of dates. The oracle is a
 * frozen copy of those kernels (test/engine/inventory/reference, see its README).
 */
import fc from "fast-check";
import { compileLedger, valueLedger } from "../../../src/engine/inventory";
import type { ItemRow, LedgerRow } from "../../../src/engine/schema/rows";
import type { LedgerType } from "../../../src/engine/schema/tables";
import type { ValuationMethod } from "../../../src/engine/settings";
import { valueLedger as referenceValue } from "./reference/value";
import { compileLedger as referenceCompile } from "./reference/compile";
import { item, ledger, type RowSpec } from "./helpers";

const TYPES: LedgerType[] = ["Receipt", "Sale", "Issue", "CustomerReturn", "VendorReturn", "Transfer", "Adjustment"];
const METHODS: ValuationMethod[] = ["FIFO", "LIFO", "MOVING", "WEIGHTED"];

const rowArb = fc.record({
  sku: fc.constantFrom("A", "B", "c", "C", "D"),
  date: fc.integer({ min: 45000, max: 45100 }),
  type: fc.constantFrom(...TYPES, "Receipt", "Receipt", "Sale", "Sale", "Sale"),
  qty: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, -3, 0.25, 2.5)),
  cost: fc.oneof(
    fc.integer({ min: 0, max: 5000 }).map((c) => c / 100),
    fc.constant(-1)
  ),
  price: fc.integer({ min: 1, max: 9000 }).map((c) => c / 100),
  ref: fc.constantFrom(undefined, undefined, "R1", "r1", "R2", "R3"),
  withCost: fc.boolean(),
  withPrice: fc.integer({ min: 0, max: 9 }),
  down: fc.boolean(),
  loc: fc.constantFrom(undefined, "X", "Y", "x"),
  to: fc.constantFrom(undefined, "Z", "X", "Z", "Z"),
});
type Raw = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

const spec = (r: Raw): RowSpec => ({
  sku: r.sku,
  date: r.date,
  type: r.type,
  qty: r.type === "Adjustment" && r.down ? -Math.abs(r.qty) : r.qty,
  cost: r.type === "Receipt" || r.withCost ? r.cost : undefined,
  price: r.withPrice > 0 ? r.price : undefined,
  ref: r.ref,
  loc: r.loc,
  to: r.type === "Transfer" ? r.to : undefined,
});

/** Mostly good rows, so that items get far enough for their later rows to matter. */
const cleanRow = (r: Raw): Raw => ({
  ...r,
  qty: Math.abs(r.qty) || 1,
  cost: Math.max(0, r.cost),
  to: r.to ?? "Z",
});

const ledgerArb = fc
  .tuple(fc.array(rowArb, { minLength: 1, maxLength: 80 }), fc.integer({ min: 0, max: 9 }))
  .map(([rs, dirt]) => ledger(rs.map((r, k) => spec(k % 10 < dirt ? r : cleanRow(r)))));

const itemsArb = fc.oneof(
  fc.constant([] as ItemRow[]),
  fc
    .tuple(
      fc.constantFrom<ValuationMethod | null>(null, "FIFO", "LIFO", "MOVING", "WEIGHTED"),
      fc.constantFrom<ValuationMethod | null>(null, "LIFO", "MOVING"),
      fc.boolean()
    )
    .map(([ma, mb, service]) => [
      item("A", { Method: ma }),
      item("B", { Method: mb }),
      item("D", { Kind: service ? "Service" : null }),
    ])
);

const optionsArb = fc.record({
  method: fc.constantFrom<ValuationMethod | undefined>(undefined, ...METHODS),
  defaultMethod: fc.constantFrom<ValuationMethod | undefined>(undefined, "MOVING", "LIFO", "WEIGHTED"),
  from: fc.option(fc.integer({ min: 45000, max: 45100 }), { nil: undefined }),
  to: fc.option(fc.integer({ min: 45000, max: 45110 }), { nil: undefined }),
  allowNegativeStock: fc.boolean(),
  weightedPeriod: fc.constantFrom<"month" | "year" | undefined>(undefined, "year"),
  lots: fc.boolean(),
  lineCosts: fc.constant(true),
});

/** Everything a caller can see of a valuation, as plain data. */
function seen(v: ReturnType<typeof valueLedger>) {
  return {
    items: v.items.map((r) => ({ ...r })),
    issues: v.issues,
    lineCost: v.lineCost ? Array.from(v.lineCost) : null,
  };
}

function agree(rows: LedgerRow[], items: ItemRow[], options: Parameters<typeof valueLedger>[1]) {
  const fast = valueLedger(compileLedger(rows, items), options);
  const ref = referenceValue(rows, options, items);
  expect(seen(fast)).toEqual(seen(ref));
}

describe("fast valuation kernels agree with the straightforward ones", () => {
  it("on random ledgers, every method and option (fast-check)", () => {
    fc.assert(
      fc.property(ledgerArb, itemsArb, optionsArb, (rows, items, options) => agree(rows, items, options)),
      { numRuns: 1500 }
    );
  });

  for (const method of METHODS) {
    it(`${method}: long clean ledgers of one item (deep lot queues and stacks)`, () => {
      fc.assert(
        fc.property(fc.array(rowArb, { minLength: 100, maxLength: 300 }), fc.boolean(), (rs, allowNegativeStock) => {
          const rows = ledger(rs.map((r) => spec({ ...cleanRow(r), sku: "A" })));
          agree(rows, [], { method, allowNegativeStock, lots: true, lineCosts: true });
        }),
        { numRuns: 150 }
      );
    });
  }
});

describe("compileLedger's sort", () => {
  it("groups many items (several radix digits) in date order, same-date rows in table order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 20000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 45000, max: 45400 })), { minLength: 1, maxLength: 3000 }),
        fc.boolean(),
        (nSku, drawn, dateOrder) => {
          // Also a table already in date order (the compile then skips its day pass).
          const picks = dateOrder ? [...drawn].sort((a, b) => a[1] - b[1]) : drawn;
          const rows = ledger(
            picks.map(([k, date]) => ({
              sku: `S${k % nSku}`,
              date,
              type: "Receipt",
              qty: (k % 7) - 0.5,
              cost: k % 3 === 0 ? undefined : k % 3 === 1 ? -0 : k / 7,
              price: k % 5 === 0 ? undefined : k / 3,
              loc: k % 4 === 0 ? "X" : undefined,
              ref: k % 6 === 0 ? "R" : undefined,
            }))
          );
          const fast = compileLedger(rows);
          const ref = referenceCompile(rows);
          expect(fast.skus).toEqual(ref.skus);
          expect(fast.skuStart).toEqual(ref.skuStart);
          expect(fast.src).toEqual(ref.src);
          expect(fast.date).toEqual(ref.date);
          expect(fast.sheetRow).toEqual(ref.sheetRow);
          expect(fast.qty).toEqual(ref.qty);
          expect(fast.cost).toEqual(ref.cost);
          expect(fast.price).toEqual(ref.price);
          expect(fast.loc).toEqual(ref.loc);
          expect(fast.type).toEqual(ref.type);
        }
      ),
      { numRuns: 60 }
    );
  });
});

/**
 * A plain valuation (needs "value") against the full run of the same kernels, which the test above ties to the
 * frozen reference: every figure it computes is the same to the bit; for FIFO, LIFO and MOVING items it leaves
 * out outflow90 and cogs12m (NaN), the per-location quantities (empty) and location-below-zero warnings.
 */
describe('needs: "value"', () => {
  const LOCATION_WARNING = /goes below zero at location/;
  it("gives the full run's figures for every field it computes (fast-check)", () => {
    fc.assert(
      fc.property(ledgerArb, itemsArb, optionsArb, (rows, items, options) => {
        const L = compileLedger(rows, items);
        const all = valueLedger(L, options);
        const plain = valueLedger(L, { ...options, needs: "value" });
        expect(Array.from(plain.lineCost ?? [])).toEqual(Array.from(all.lineCost ?? []));
        expect(plain.items.length).toBe(all.items.length);
        plain.items.forEach((p, k) => {
          const a = all.items[k];
          const skipped = a.method === "FIFO" || a.method === "LIFO" || a.method === "MOVING";
          if (skipped) {
            expect(p.outflow90).toBeNaN();
            expect(p.cogs12m).toBeNaN();
            expect(p.locations).toEqual([]);
            expect({ ...p, outflow90: 0, cogs12m: 0, locations: [] }).toEqual({
              ...a,
              outflow90: 0,
              cogs12m: 0,
              locations: [],
            });
          } else expect(p).toEqual(a);
        });
        const locationWarning = (i: { sku: string; message: string; severity: string }) =>
          i.severity === "warning" &&
          LOCATION_WARNING.test(i.message) &&
          all.items.some((r) => r.sku === i.sku && r.method !== "WEIGHTED" && !r.service);
        expect(plain.issues).toEqual(all.issues.filter((i) => !locationWarning(i)));
      }),
      { numRuns: 1000 }
    );
  });
});
