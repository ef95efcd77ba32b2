import { buildAssetSummary } from "../../../src/engine/reports/assetSummary";
import { d, makeContext, summaryRows, tableRows } from "./fixture";

const TO = d(2025, 12, 31);
const base = { AcquiredOn: d(2024, 1, 1), LifeYears: 5 };
const assets = [
  {
    ...base,
    AssetID: "A-1",
    Name: "Van",
    Location: "Depot",
    Status: "In service",
    Cost: 30000,
    WarrantyExpires: d(2026, 3, 1),
    LastAuditedOn: d(2025, 6, 1),
  },
  {
    ...base,
    AssetID: "A-2",
    Name: "Laptop",
    Location: "HQ",
    Custodian: "Ana",
    Status: "Checked out",
    Cost: 1500,
    WarrantyExpires: d(2026, 6, 1),
    LastAuditedOn: d(2024, 11, 30),
  },
  { ...base, AssetID: "A-3", Name: "Drill", Location: "Depot", Custodian: "Ben", Status: "Checked out", Cost: 500 },
  { ...base, AssetID: "A-4", Name: "Later", Location: "HQ", Cost: 999, AcquiredOn: d(2026, 2, 1) },
];
const checkouts = [
  { AssetID: "A-2", CheckedOutTo: "Ana", CheckedOutOn: d(2025, 12, 1), DueOn: d(2026, 1, 10) },
  { AssetID: "A-3", CheckedOutTo: "Ben", CheckedOutOn: d(2025, 11, 1), DueOn: d(2025, 12, 21) },
];

describe("Asset Summary sheet", () => {
  const sheet = buildAssetSummary(
    makeContext({ Assets: assets, Checkouts: checkouts }, { from: d(2025, 1, 1), to: TO })
  )!;

  it("counts assets and cost by location (assets acquired after the period left out)", () => {
    expect(summaryRows(sheet, "Assets by location")).toEqual([
      { Location: "Depot", Assets: 2, Cost: 30500 },
      { Location: "HQ", Assets: 1, Cost: 1500 },
      { Location: "Total", Assets: 3, Cost: 32000 },
    ]);
  });

  it("counts by custodian and status, blanks as (none)", () => {
    expect(summaryRows(sheet, "Assets by custodian").map((r) => [r.Custodian, r.Assets])).toEqual([
      ["Ana", 1],
      ["Ben", 1],
      ["(none)", 1],
      ["Total", 3],
    ]);
    expect(summaryRows(sheet, "Assets by status").map((r) => [r.Status, r.Assets])).toEqual([
      ["Checked out", 2],
      ["In service", 1],
      ["Total", 3],
    ]);
  });

  it("lists warranties expiring within 90 days of the period end (1 Mar 2026 is 60 days after 31 Dec 2025)", () => {
    expect(summaryRows(sheet, "Warranties expiring")).toEqual([
      { AssetID: "A-1", Name: "Van", Expires: d(2026, 3, 1), "Days left": 60 },
    ]);
  });

  it("lists loans overdue at the period end (due 21 Dec → 10 days)", () => {
    expect(summaryRows(sheet, "Loans overdue")).toEqual([
      {
        AssetID: "A-3",
        Borrower: "Ben",
        "Checked out": d(2025, 11, 1),
        Due: d(2025, 12, 21),
        "Days overdue": 10,
        "Checkouts row": 3,
      },
    ]);
  });

  it("lists audits due: never audited, and audited more than 12 months ago", () => {
    expect(summaryRows(sheet, "Audits due").map((r) => [r.AssetID, r.Reason])).toEqual([
      ["A-3", "Never audited"],
      ["A-2", "Audit overdue"],
    ]);
  });

  it("carries the asset facts and pivots by location, custodian and status", () => {
    expect(tableRows(sheet).map((r) => r.AssetID)).toEqual(["A-1", "A-2", "A-3"]);
    expect(sheet.pivots.map((p) => p.rows[0])).toEqual(["Location", "Custodian", "Status"]);
    for (const p of sheet.pivots) expect(sheet.summaries.some((s) => s.fallbackFor === p.name)).toBe(true);
  });
});
