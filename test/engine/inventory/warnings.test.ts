/**
 * Warnings the valuation must raise while still using the row (BUG-H2, BUG-H3 in docs/HARDENING.md):
 * - a Ledger SKU that the Items table does not list is valued as a stock item by the default method;
 * - a return whose Reference matches no original (issue 4, "Returns": without a matching Reference, a return is
 *   valued at the current unit cost) — the accountant is told so on that row.
 */
import { valueLedger } from "../../../src/engine/inventory";
import type { ValuationMethod } from "../../../src/engine/settings";
import { item, ledger } from "./helpers";

const METHODS: ValuationMethod[] = ["FIFO", "LIFO", "WEIGHTED", "MOVING"];
const warningsOn = (v: ReturnType<typeof valueLedger>, row: number) =>
  v.issues.filter((i) => i.row === row && i.severity === "warning" && !/IFRS/.test(i.message));

describe("SKU not in Items (BUG-H2)", () => {
  const rows = ledger([
    { date: "2024-03-01", sku: "SKU-1", type: "Receipt", qty: 5, cost: 4 },
    { date: "2024-03-02", sku: "SKU-404", type: "Receipt", qty: 5, cost: 4 },
    { date: "2024-03-07", sku: "SKU-404", type: "Sale", qty: 2, price: 9 },
  ]);

  it("warns on each row of the unlisted SKU, says what to do, and still values it by the default method", () => {
    const v = valueLedger(rows, { defaultMethod: "MOVING" }, [item("SKU-1", { Method: "FIFO" })]);
    for (const row of [3, 4]) {
      const w = warningsOn(v, row);
      expect(w).toHaveLength(1);
      expect(w[0].sku).toBe("SKU-404");
      expect(w[0].message).toMatch(/SKU-404.*not in the Items table.*MOVING.*Add it to Items/);
    }
    expect(warningsOn(v, 2)).toEqual([]);
    const r = v.get("sku-404")!;
    expect(r.error).toBeNull();
    expect(r.method).toBe("MOVING");
    // 5 received at 4, 2 sold: 3 on hand worth 12 (any method; one cost).
    expect(r.onHand).toBe(3);
    expect(r.value).toBeCloseTo(12, 12);
  });

  it("says nothing when no Items rows are given (every SKU is then a stock item by design)", () => {
    expect(valueLedger(rows, {}).issues).toEqual([]);
  });

  it("ignores rows after the as-of date", () => {
    const v = valueLedger(rows, { to: rows[1].Date }, [item("SKU-1")]);
    expect(v.issues.map((i) => i.row)).toEqual([3]);
  });
});

describe("returns whose Reference matches no original (BUG-H3)", () => {
  const rows = ledger([
    { date: "2024-01-02", type: "Receipt", qty: 10, cost: 5, ref: "PO-1" },
    { date: "2024-01-10", type: "Sale", qty: 4, price: 10, ref: "INV-1" },
    { date: "2024-01-11", type: "CustomerReturn", qty: 1, ref: "INV-404" },
    { date: "2024-01-12", type: "CustomerReturn", qty: 1 },
    { date: "2024-01-13", type: "CustomerReturn", qty: 1, ref: "inv-1" },
    { date: "2024-01-14", type: "VendorReturn", qty: 1, ref: "PO-9" },
    { date: "2024-01-15", type: "VendorReturn", qty: 1, ref: "po-1" },
    // Reference of a Sale of ANOTHER SKU: still no Sale of W carries it.
    { date: "2024-01-16", sku: "X", type: "Receipt", qty: 2, cost: 1 },
    { date: "2024-01-16", sku: "X", type: "Sale", qty: 1, price: 2, ref: "INV-X" },
    { date: "2024-01-17", type: "CustomerReturn", qty: 1, ref: "INV-X" },
  ]);

  it.each(METHODS)("%s: warns on each unmatched return, costs it at the current unit cost, keeps the row", (m) => {
    const v = valueLedger(rows, { method: m });
    const w = (row: number) => warningsOn(v, row).map((i) => i.message);
    expect(w(4)).toEqual([
      "CustomerReturn on row 4 names Reference INV-404, but no Sale of W has it; it is costed at the current unit " +
        "cost. Check the Reference.",
    ]);
    expect(w(5)[0]).toMatch(/^CustomerReturn on row 5 has no Reference.*current unit cost\. Check the Reference\.$/);
    expect(w(7)[0]).toMatch(/^VendorReturn on row 7 names Reference PO-9, but no Receipt of W has it;.*Reference\.$/);
    expect(w(11)[0]).toMatch(/^CustomerReturn on row 11 names Reference INV-X, but no Sale of W has it/);
    // Matched returns (any case) are not flagged.
    expect(w(6)).toEqual([]);
    expect(w(8)).toEqual([]);
    const r = v.get("W")!;
    expect(r.error).toBeNull();
    // Every unit bought at 5: 10 in, 4 sold, 4 customer returns back, 2 vendor returns out → 8 on hand at 5.
    expect(r.onHand).toBe(8);
    expect(r.value).toBeCloseTo(40, 9);
    expect(r.customerReturns.quantity).toBe(4);
  });

  it("does not flag services (they hold no stock to cost)", () => {
    const svc = ledger([{ date: "2024-01-12", sku: "S", type: "CustomerReturn", qty: 1, price: 5 }]);
    expect(valueLedger(svc, {}, [item("S", { Kind: "Service" })]).issues).toEqual([]);
  });
});
