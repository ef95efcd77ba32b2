/** Ageing, turnover and days inventory outstanding, ABC classes and reorder advice. */
import { abcClasses, ageing, reorder, turnover, valueLedger, type SkuResult } from "../../../src/engine/inventory";
import { isEngineError } from "../../../src/engine/errors";
import { day, item, ledger } from "./helpers";

describe("turnover", () => {
  // Source: worked figures at https://bestftxrpswdxj.netlify.app/champ37987wexo/average-stock-turnover-days-60.html
  // ("Inventory ratio = $600,000 / $120,000 = 5") and CFI's "1 / (73/365) = 5": a year with COGS $600,000 and
  // average inventory $120,000 turns 5 times; days inventory outstanding = 365 / 5 = 73.
  const rows = ledger([
    { date: "2022-12-31", type: "Receipt", qty: 100000, cost: 1 },
    { date: "2023-03-01", type: "Receipt", qty: 640000, cost: 1 },
    { date: "2023-06-01", type: "Sale", qty: 600000, price: 2 },
  ]);
  it("COGS ÷ mean of opening and closing value; days in span ÷ turnover", () => {
    const from = day("2023-01-01");
    const to = day("2023-12-31");
    const r = valueLedger(rows, { from, to }).items[0];
    expect(r.opening.value).toBe(100000);
    expect(r.value).toBe(140000);
    const t = turnover(r, from, to);
    if (isEngineError(t)) throw new Error(t.message);
    expect(t.turnover).toBe(5);
    expect(t.daysInventoryOutstanding).toBe(73);
  });
  it("is #DIV/0! with no inventory value", () => {
    const r =
      valueLedger(ledger([]), {}).items[0] ?? ({ sku: "X", opening: { value: 0 }, value: 0, cogs: 0 } as SkuResult);
    const t = turnover(r, 1, 365);
    expect(isEngineError(t) && t.code).toBe("#DIV/0!");
  });
});

describe("ageing of FIFO lots", () => {
  it("quantity-weighted average age and buckets 0-30, 31-60, 61-90, 91+", () => {
    const asOf = day("2024-06-30");
    const a = ageing(
      [
        { date: asOf - 100, quantity: 1, unitCost: 10 },
        { date: asOf - 90, quantity: 2, unitCost: 10 },
        { date: asOf - 61, quantity: 3, unitCost: 10 },
        { date: asOf - 31, quantity: 4, unitCost: 10 },
        { date: asOf - 30, quantity: 5, unitCost: 2 },
        { date: asOf, quantity: 5, unitCost: 2 },
      ],
      asOf
    );
    expect(a.buckets).toEqual([10, 4, 5, 1]);
    expect(a.bucketValues).toEqual([20, 40, 50, 10]);
    expect(a.averageAge).toBeCloseTo((100 + 180 + 183 + 124 + 150) / 20, 12);
  });
  it("comes from the lots a FIFO run leaves", () => {
    const rows = ledger([
      { date: "2024-01-01", type: "Receipt", qty: 10, cost: 1 },
      { date: "2024-03-01", type: "Receipt", qty: 10, cost: 1 },
      { date: "2024-03-02", type: "Sale", qty: 15 },
    ]);
    const r = valueLedger(rows, { method: "FIFO", lots: true }).items[0];
    const a = ageing(r.lots, day("2024-03-31"));
    expect(a.quantity).toBe(5);
    expect(a.averageAge).toBe(30);
  });
});

describe("ABC classes", () => {
  const r = (sku: string, cogs12m: number) => ({ sku, cogs12m, error: null }) as SkuResult;
  it("A while the share before the item is under 80%, B under 95%, else C; no COGS is C", () => {
    const items = [r("a", 500), r("b", 300), r("c", 120), r("d", 50), r("e", 30), r("f", 0)];
    // cumulative share before each: a 0, b 0.5, c 0.8, d 0.92, e 0.97
    expect(abcClasses(items)).toEqual(["A", "A", "B", "B", "C", "C"]);
  });
  it("uses the last 12 months' COGS up to `to`", () => {
    const rows = ledger([
      { date: "2022-01-01", type: "Receipt", qty: 100, cost: 1, sku: "OLD" },
      { date: "2022-02-01", type: "Sale", qty: 100, sku: "OLD" },
      { date: "2024-01-01", type: "Receipt", qty: 10, cost: 1, sku: "NEW" },
      { date: "2024-02-01", type: "Sale", qty: 10, sku: "NEW" },
    ]);
    const v = valueLedger(rows, { to: day("2024-06-30") });
    expect(v.get("OLD")!.cogs12m).toBe(0);
    expect(v.get("NEW")!.cogs12m).toBe(10);
    expect(abcClasses(v.items)).toEqual(["C", "A"]);
  });
});

describe("reorder", () => {
  // 90 units out over the last 90 days = 1 a day; lead time 10 days, safety stock 5 → reorder point 15.
  const asOf = day("2024-06-30");
  const rows = ledger([
    { date: asOf - 120, type: "Receipt", qty: 200, cost: 1 },
    { date: asOf - 100, type: "Sale", qty: 100 }, // outside the 90 days
    { date: asOf - 60, type: "Sale", qty: 60 },
    { date: asOf - 10, type: "Issue", qty: 30 },
  ]);
  const r = valueLedger(rows, { to: asOf }).items[0];
  it("reorder point = average daily outflow × LeadTimeDays + SafetyStock", () => {
    expect(r.outflow90).toBe(90);
    const x = reorder(r, item("W", { LeadTimeDays: 10, SafetyStock: 5 }));
    expect(x.averageDailyOutflow).toBe(1);
    expect(x.reorderPoint).toBe(15);
    // on hand 10 ≤ 15: order 15 + 30 × 1 − 10 = 35
    expect(x.suggestedOrder).toBe(35);
  });
  it("Items.ReorderPoint and ReorderQty take precedence", () => {
    expect(reorder(r, item("W", { ReorderPoint: 12, ReorderQty: 100 }))).toMatchObject({
      reorderPoint: 12,
      suggestedOrder: 100,
    });
    expect(reorder(r, item("W", { ReorderPoint: 9, ReorderQty: 100 })).suggestedOrder).toBe(0);
  });
});
