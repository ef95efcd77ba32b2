/**
 * A valuation computes every figure into typed columns and builds its SkuResult objects and issue messages when
 * first read (results.ts). What a caller sees must not depend on that: the same objects on every read, `get`
 * agreeing with `items`, plain data for JSON and spreading, and the figures of a hand-worked example.
 */
import { compileLedger, valueLedger } from "../../../src/engine/inventory";
import { ledger } from "./helpers";

// Hand-worked: receive 10 @ 2.00, receive 10 @ 3.00, sell 15 @ 5.00 (the usual cost-flow exercise).
// FIFO: COGS 10×2 + 5×3 = 35, 5 left @ 3 = 15. LIFO: COGS 10×3 + 5×2 = 40, 5 left @ 2 = 10.
// Moving average: (20 + 30) ÷ 20 = 2.50; COGS 15×2.5 = 37.50, 5 left = 12.50. Revenue 15×5 = 75.
const rows = ledger([
  { date: "2024-01-02", sku: "A", type: "Receipt", qty: 10, cost: 2, loc: "Main" },
  { date: "2024-01-03", sku: "A", type: "Receipt", qty: 10, cost: 3, loc: "Main" },
  { date: "2024-01-04", sku: "A", type: "Sale", qty: 15, price: 5, loc: "Main" },
  { date: "2024-01-05", sku: "B", type: "Receipt", qty: 4, cost: 1, loc: "Main" },
  { date: "2024-01-06", sku: "B", type: "Sale", qty: 1, loc: "Main" }, // no UnitPrice: a warning
]);

describe("valuation results built when read", () => {
  it.each([
    ["FIFO", 35, 15],
    ["LIFO", 40, 10],
    ["MOVING", 37.5, 12.5],
  ] as const)("%s: the hand-worked figures", (method, cogs, value) => {
    const v = valueLedger(rows, { method });
    const a = v.get("a")!;
    expect(a.cogs).toBeCloseTo(cogs, 10);
    expect(a.value).toBeCloseTo(value, 10);
    expect(a.onHand).toBe(5);
    expect(a.revenue).toBe(75);
    expect(a.locations).toEqual([{ location: "Main", quantity: 5 }]);
  });

  it("gives the same objects on every read, and get() agrees with items", () => {
    const v = valueLedger(compileLedger(rows), { method: "FIFO" });
    const b = v.get("B");
    expect(v.items).toBe(v.items);
    expect(v.items[1]).toBe(b);
    expect(v.get(" b ")).toBe(b);
    expect(v.get("nope")).toBeUndefined();
    expect(v.issues).toBe(v.issues);
  });

  it("builds the messages of the findings, in the order found", () => {
    const v = valueLedger(rows, { method: "LIFO" });
    expect(v.issues.map((i) => [i.sku, i.row, i.severity])).toEqual([
      ["A", null, "warning"], // LIFO is not allowed under IFRS
      ["B", 6, "warning"], // Sale without UnitPrice
      ["B", null, "warning"],
    ]);
    expect(v.issues[1].message).toMatch(/Sale on row 6 \(item B\) has no UnitPrice/);
    expect(v.issues[0].message).toMatch(/IFRS/);
  });

  it("is plain data: JSON and spreading see every figure", () => {
    const v = valueLedger(rows, { method: "FIFO" });
    const json = JSON.parse(JSON.stringify(v)) as { items: { sku: string; cogs: number }[]; issues: unknown[] };
    expect(json.items.map((r) => [r.sku, r.cogs])).toEqual([
      ["A", 35],
      ["B", 1],
    ]);
    expect(json.issues).toHaveLength(1);
    expect({ ...v }.items).toHaveLength(2);
  });
});
