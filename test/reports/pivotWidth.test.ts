/**
 * pivotWidth: the columns a PivotTable takes at most, so several can be queued side by side in one request.
 * Reference: Excel's compact layout (Microsoft, "Design the layout and format of a PivotTable"): all row fields
 * share one column of labels; each value field takes one column per column-field item plus the Grand Total column,
 * and with several column fields each outer item adds a subtotal column. So one row field, value fields v and a
 * column field of n items take 1 + v × (n + 1) columns; without column fields, 1 + v.
 */
import type { FactTable, PivotModel } from "../../src/engine/reports/model";
import { pivotWidth } from "../../src/reports/pivotWidth";

const facts: FactTable = {
  name: "F",
  headers: ["Category", "FiscalYear", "Quarter", "Amount", "Cost"],
  rows: [
    ["A", 2024, 1, 10, 1],
    ["A", 2025, 2, 20, 2],
    ["B", 2025, 3, 30, 3],
    ["B", 2026, 3, 40, 4],
  ],
  formats: {},
};
const pivot = (p: Partial<PivotModel>): PivotModel => ({
  name: "P",
  title: "P",
  table: "F",
  rows: ["Category"],
  values: [{ field: "Amount", summarizeBy: "Sum" }],
  ...p,
});

describe("pivotWidth", () => {
  it("one row field and one value: the labels and the values column (compact layout: 2)", () => {
    expect(pivotWidth(pivot({}), facts)).toBe(2);
  });

  it("two values, no column field: labels + one column per value (3)", () => {
    const p = pivot({
      values: [
        { field: "Amount", summarizeBy: "Sum" },
        { field: "Cost", summarizeBy: "Sum" },
      ],
    });
    expect(pivotWidth(p, facts)).toBe(3);
  });

  it("a column field of 3 fiscal years, 2 values: 1 + 2 × (3 + 1) = 9", () => {
    const p = pivot({
      columns: ["FiscalYear"],
      values: [
        { field: "Amount", summarizeBy: "Sum" },
        { field: "Cost", summarizeBy: "Sum" },
      ],
    });
    expect(pivotWidth(p, facts)).toBe(9);
  });

  it("two column fields cover every item, each outer subtotal and the grand total", () => {
    // 3 years × 3 quarters as combinations, 3 year subtotals, 1 grand total: at most 13 value columns.
    const p = pivot({ columns: ["FiscalYear", "Quarter"] });
    expect(pivotWidth(p, facts)).toBeGreaterThanOrEqual(1 + 13);
  });

  it("never less than a column of labels and one of values, even without facts", () => {
    expect(pivotWidth(pivot({ rows: [], columns: ["FiscalYear"] }), undefined)).toBeGreaterThanOrEqual(2);
  });
});
