/**
 * Worked examples from public accounting course material, checked against the numbers printed there (not
 * against this code's own output).
 */
import { valueLedger } from "../../../src/engine/inventory";
import { ledger } from "./helpers";

describe("FIFO and LIFO (perpetual): June example", () => {
  // Source: worked answer at https://indextestingapp.uonbi.ac.ke/preguntia/13686044 — June 1 balance 304 @ $13,
  // June 10 sold 205 @ $30, June 11 bought 804 @ $15, June 15 sold 504 @ $32, June 20 bought 498 @ $16,
  // June 27 sold 295 @ $34. Printed: FIFO ending inventory $9,528, COGS $14,452; LIFO perpetual ending
  // $9,035, COGS $14,945 (cost available $23,980).
  const rows = ledger([
    { date: "2024-06-01", type: "Receipt", qty: 304, cost: 13 },
    { date: "2024-06-10", type: "Sale", qty: 205, price: 30 },
    { date: "2024-06-11", type: "Receipt", qty: 804, cost: 15 },
    { date: "2024-06-15", type: "Sale", qty: 504, price: 32 },
    { date: "2024-06-20", type: "Receipt", qty: 498, cost: 16 },
    { date: "2024-06-27", type: "Sale", qty: 295, price: 34 },
  ]);

  it("FIFO: ending inventory $9,528 and COGS $14,452", () => {
    const r = valueLedger(rows, { method: "FIFO" }).items[0];
    expect(r.onHand).toBe(602);
    expect(r.value).toBeCloseTo(9528, 9);
    expect(r.cogs).toBeCloseTo(14452, 9);
    expect(r.receipts.value).toBeCloseTo(23980, 9);
  });

  it("LIFO perpetual: ending inventory $9,035 and COGS $14,945", () => {
    const r = valueLedger(rows, { method: "LIFO", lots: true }).items[0];
    expect(r.value).toBeCloseTo(9035, 9);
    expect(r.cogs).toBeCloseTo(14945, 9);
    // The printed layers left: 99 @ $13, 300 @ $15, 203 @ $16.
    expect(r.lots.map((l) => [l.quantity, l.unitCost])).toEqual([
      [99, 13],
      [300, 15],
      [203, 16],
    ]);
  });

  it("revenue is quantity × unit price of the sales", () => {
    const r = valueLedger(rows, { method: "FIFO" }).items[0];
    expect(r.revenue).toBeCloseTo(205 * 30 + 504 * 32 + 295 * 34, 9);
  });
});

describe("LIFO (perpetual): simplestudies.com illustration 10", () => {
  // Source: http://simplestudies.com/accounting-for-inventories.html/page/6 and /page/7 — Jan 1 50 @ $10,
  // Feb 25 100 @ $12, Mar 3 sale 120 @ $20, Apr 6 60 @ $14, May 17 sale 70 @ $25. Printed (LIFO perpetual):
  // Mar 3 cost 100 × $12 + 20 × $10, May 17 cost 60 × $14 + 10 × $10, total COGS $2,340, ending $200.
  const rows = ledger([
    { date: "2027-01-01", type: "Receipt", qty: 50, cost: 10 },
    { date: "2027-02-25", type: "Receipt", qty: 100, cost: 12 },
    { date: "2027-03-03", type: "Sale", qty: 120, price: 20 },
    { date: "2027-04-06", type: "Receipt", qty: 60, cost: 14 },
    { date: "2027-05-17", type: "Sale", qty: 70, price: 25 },
  ]);

  it("COGS $2,340, ending inventory $200, and each sale line's cost", () => {
    const v = valueLedger(rows, { method: "LIFO", lineCosts: true });
    const r = v.items[0];
    expect(r.cogs).toBeCloseTo(2340, 9);
    expect(r.value).toBeCloseTo(200, 9);
    expect(v.lineCost![2]).toBeCloseTo(1200 + 200, 9);
    expect(v.lineCost![4]).toBeCloseTo(840 + 100, 9);
    expect(v.issues.some((i) => /IFRS/.test(i.message))).toBe(true);
  });
});

describe("Moving average (perpetual) and periodic weighted average: September example", () => {
  // Source: https://techwhiff.com/learn/the-following-information-is-taken-from-the/53986 — Sep 1 8,000 @ $10.00,
  // Sep 7 6,000 @ $10.70, Sep 10 sold 6,000, Sep 25 16,000 @ $10.90, Sep 29 sold 10,000.
  // Printed, perpetual (moving) average: rate $10.30 after Sep 7, $10.70 after Sep 25; COGS $168,800, ending
  // $149,800. Printed, periodic average: $318,600 / 30,000 = $10.62; ending 14,000 × $10.62 = $148,680,
  // COGS $169,920.
  const rows = ledger([
    { date: "2023-09-01", type: "Receipt", qty: 8000, cost: 10 },
    { date: "2023-09-07", type: "Receipt", qty: 6000, cost: 10.7 },
    { date: "2023-09-10", type: "Sale", qty: 6000, price: 15 },
    { date: "2023-09-25", type: "Receipt", qty: 16000, cost: 10.9 },
    { date: "2023-09-29", type: "Sale", qty: 10000, price: 15 },
  ]);

  it("MOVING: COGS $168,800 and ending $149,800 at $10.70", () => {
    const v = valueLedger(rows, { method: "MOVING", lineCosts: true });
    const r = v.items[0];
    expect(r.cogs).toBeCloseTo(168800, 6);
    expect(r.value).toBeCloseTo(149800, 6);
    expect(r.unitCost).toBeCloseTo(10.7, 9);
    expect(v.lineCost![2]).toBeCloseTo(61800, 6); // 6,000 × $10.30
    expect(v.lineCost![4]).toBeCloseTo(107000, 6); // 10,000 × $10.70
  });

  it("WEIGHTED (fiscal month): every sale of September costs $10.62; ending $148,680, COGS $169,920", () => {
    const v = valueLedger(rows, { method: "WEIGHTED", lineCosts: true });
    const r = v.items[0];
    expect(r.unitCost).toBeCloseTo(10.62, 9);
    expect(r.value).toBeCloseTo(148680, 6);
    expect(r.cogs).toBeCloseTo(169920, 6);
    // The Sep 10 sale happens before the Sep 25 receipt, yet costs the period's average.
    expect(v.lineCost![2]).toBeCloseTo(6000 * 10.62, 6);
  });

  it("WEIGHTED, period still open: as of Sep 12 the average uses the rows so far", () => {
    const r = valueLedger(rows, { method: "WEIGHTED", to: rows[2].Date }).items[0];
    // (80,000 + 64,200) / 14,000 = 10.30 — the same as the printed perpetual rate at that point.
    expect(r.unitCost).toBeCloseTo(10.3, 9);
    expect(r.value).toBeCloseTo(82400, 6);
  });
});

describe("Periodic weighted average over a fiscal year: Accounting Principles, A Business Perspective", () => {
  // Source: Accounting Principles: A Business Perspective (Global Text, CC BY 3.0), p. 292-293, Exhibit 55:
  // beginning 10 @ $8.00, Mar 2 10 @ $8.50, May 28 20 @ $8.40, Aug 12 10 @ $9.00, Oct 12 20 @ $8.80,
  // Dec 21 10 @ $9.10; 80 units cost $690; average $690 / 80 = $8.625; ending inventory 20 units.
  // http://online.flipbuilder.com/oode/sjrj/files/basic-html/page292.html
  const rows = ledger([
    { date: "2010-01-01", type: "Receipt", qty: 10, cost: 8 },
    { date: "2010-03-02", type: "Receipt", qty: 10, cost: 8.5 },
    { date: "2010-05-28", type: "Receipt", qty: 20, cost: 8.4 },
    { date: "2010-06-15", type: "Sale", qty: 30, price: 12 },
    { date: "2010-08-12", type: "Receipt", qty: 10, cost: 9 },
    { date: "2010-10-12", type: "Receipt", qty: 20, cost: 8.8 },
    { date: "2010-12-21", type: "Receipt", qty: 10, cost: 9.1 },
    { date: "2010-12-28", type: "Sale", qty: 30, price: 12 },
  ]);

  it("average $8.625; ending 20 × $8.625 = $172.50; COGS $690 − $172.50 = $517.50", () => {
    const r = valueLedger(rows, { method: "WEIGHTED", weightedPeriod: "year" }).items[0];
    expect(r.unitCost).toBeCloseTo(8.625, 12);
    expect(r.value).toBeCloseTo(172.5, 9);
    expect(r.cogs).toBeCloseTo(517.5, 9);
  });

  it("the FIFO ending layers of the same data are the last purchases (Dec 21 and Oct 12)", () => {
    const r = valueLedger(rows, { method: "FIFO" }).items[0];
    // Worked by hand from the same data: ending 20 units = 10 @ $9.10 + 10 @ $8.80 = $179.
    expect(r.value).toBeCloseTo(179, 9);
  });
});
