import { buildIssues } from "../../../src/engine/reports/issues";
import { d, makeContext, summaryRows, tableRows } from "./fixture";

describe("Issues sheet", () => {
  const ctx = makeContext(
    {
      Assets: [
        { AssetID: "A-1", AcquiredOn: d(2024, 1, 1), Cost: 100, LifeYears: 5 },
        { AssetID: "A-2", AcquiredOn: "not a date", Cost: 100, LifeYears: 5 },
        {},
        { AssetID: "A-3", AcquiredOn: d(2024, 1, 1), Cost: 100, LifeYears: 5, WarrantyExpires: "soon" },
      ],
      Ledger: [
        { Date: d(2025, 1, 2), SKU: "S1", Type: "Receipt", Quantity: 5, UnitCost: 2 },
        { Date: d(2025, 1, 3), SKU: "S1", Type: "Sale", Quantity: 9, UnitPrice: 3 },
        { Date: d(2025, 1, 3), SKU: "S2", Type: "Teleport", Quantity: 1 },
      ],
    },
    { from: d(2025, 1, 1), to: d(2025, 12, 31) }
  );
  const sheet = buildIssues(ctx);
  const issues = tableRows(sheet);

  it("lists every unusable row with table, row, column, value and problem", () => {
    expect(issues.find((i) => i.Table === "Assets" && i.Row === 3)).toMatchObject({
      Column: "AcquiredOn",
      Value: "not a date",
      Effect: "Row not used",
    });
    expect(issues.find((i) => i.Table === "Assets" && i.Row === 4)).toMatchObject({ Effect: "Row not used" });
    expect(issues.find((i) => i.Table === "Assets" && i.Row === 5)).toMatchObject({
      Column: "WarrantyExpires",
      Effect: "Cell ignored; row used",
    });
    expect(issues.find((i) => i.Table === "Ledger" && i.Row === 4)).toMatchObject({
      Column: "Type",
      Value: "Teleport",
    });
  });

  it("lists an item the valuation had to stop (selling 9 with 5 on hand) as not valued", () => {
    expect(issues.find((i) => i.Effect === "Item not valued")).toMatchObject({ Table: "Ledger", Row: 3, Value: "S1" });
  });

  it("shows rows in = rows used + rows skipped for every table, with a zero check, and counts every warning line", () => {
    const counts = summaryRows(sheet, "Rows per table");
    expect(counts.map((r) => r.Table)).toEqual(["Assets", "Checkouts", "AssetLog", "Items", "Ledger"]);
    expect(counts[0]).toEqual({
      Table: "Assets",
      "Rows in": 4,
      "Rows used": 2,
      "Rows skipped (listed)": 2,
      // Every line about a used row: row 5's bad WarrantyExpires, and the blank InServiceOn of rows 2 and 5.
      Warnings: 3,
      "Check (must be 0)": 0,
    });
    expect(counts[4]).toMatchObject({
      "Rows in": 3,
      "Rows used": 2,
      "Rows skipped (listed)": 1,
      Warnings: 1, // the valuation's line on row 3 (S1 not valued)
      "Check (must be 0)": 0,
    });
  });

  it("counts a whole table skipped for a missing required column as listed once for all its rows", () => {
    const c = makeContext({}, {});
    const parsed = c.tables.Items;
    parsed.rowsIn = 3;
    parsed.rowsSkipped = 3;
    parsed.missingRequired = ["SKU"];
    const row = summaryRows(buildIssues(c), "Rows per table")[3];
    expect(row).toMatchObject({ "Rows in": 3, "Rows used": 0, "Rows skipped (listed)": 3, "Check (must be 0)": 0 });
  });
});
