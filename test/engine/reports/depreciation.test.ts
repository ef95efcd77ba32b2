import { buildDepreciation } from "../../../src/engine/reports/depreciation";
import { depreciationRun } from "../../../src/engine/reports/deprRun";
import { utcOffsetText } from "../../../src/engine/reports/text";
import { d, makeContext, summaryRows, tableRows } from "./fixture";

/**
 * Worked examples by hand (straight line: (cost − salvage) ÷ life per year, ACCOUNTING.md / Excel's SLN):
 * - A-1 van: cost 10,000, salvage 1,000, 5 years, in service 1 Jan 2024 → 1,800 a year.
 * - A-2 laptop: cost 12,000, no salvage, 4 years, in service 1 Jan 2023 → 3,000 a year (250 a month); disposed
 *   of on 1 Jul 2025 for 5,000. Full-month convention: nothing in the month of disposal, so 2025 has Jan–Jun =
 *   1,500; accumulated 7,500, NBV 4,500, gain 500.
 * - A-3 printer: cost 2,400, 2 years, acquired and in service 1 Jul 2025 → 1,200 a year, 6 months in 2025 = 600.
 */
const assets = [
  {
    AssetID: "A-1",
    Name: "Van",
    Category: "Vehicles",
    AcquiredOn: d(2024, 1, 1),
    Cost: 10000,
    Salvage: 1000,
    LifeYears: 5,
    Method: "SL",
  },
  {
    AssetID: "A-2",
    Name: "Laptop",
    Category: "IT",
    AcquiredOn: d(2023, 1, 1),
    Cost: 12000,
    LifeYears: 4,
    Method: "SL",
    Status: "Disposed",
    DisposedOn: d(2025, 7, 1),
    DisposalProceeds: 5000,
  },
  {
    AssetID: "A-3",
    Name: "Printer",
    Category: "IT",
    AcquiredOn: d(2025, 7, 1),
    Cost: 2400,
    LifeYears: 2,
    Method: "SL",
  },
];
const FY2025 = { from: d(2025, 1, 1), to: d(2025, 12, 31) };

describe("Depreciation sheet", () => {
  it("has one fact row per asset and fiscal year with opening balances (hand-worked SL)", () => {
    const sheet = buildDepreciation(makeContext({ Assets: assets }, FY2025));
    const rows = tableRows(sheet!);
    expect(rows.map((r) => [r.AssetID, r.FiscalYear])).toEqual([
      ["A-1", 2025],
      ["A-2", 2025],
      ["A-3", 2025],
    ]);
    const van = rows[0];
    expect([van["Opening accumulated"], van.Depreciation, van.Accumulated, van["Net book value"]]).toEqual([
      1800, 1800, 3600, 6400,
    ]);
    const laptop = rows[1];
    // Disposed of in the year: its 7,500 accumulated left the books with it (shown under Disposals), so the
    // year-end accumulated depreciation and net book value it carries are 0.
    expect([
      laptop["Opening accumulated"],
      laptop.Depreciation,
      laptop.Accumulated,
      laptop["Net book value"],
      laptop.DisposedOn,
    ]).toEqual([6000, 1500, 0, 0, d(2025, 7, 1)]);
    expect(rows[2].Depreciation).toBe(600);
  });

  it("limits the facts to the report's fiscal years, one row per year", () => {
    const sheet = buildDepreciation(makeContext({ Assets: [assets[0]] }, { from: d(2024, 1, 1), to: d(2025, 12, 31) }));
    expect(tableRows(sheet!).map((r) => [r.FiscalYear, r["Opening accumulated"], r.Depreciation])).toEqual([
      [2024, 0, 1800],
      [2025, 1800, 1800],
    ]);
  });

  it("reports the disposal with the gain: proceeds 5,000 − NBV 4,500 = 500", () => {
    const sheet = buildDepreciation(makeContext({ Assets: assets }, FY2025));
    const disp = summaryRows(sheet!, "Disposals");
    expect(disp[0]).toMatchObject({
      AssetID: "A-2",
      Cost: 12000,
      Accumulated: 7500,
      "Net book value": 4500,
      Proceeds: 5000,
      "Gain (loss)": 500,
    });
  });

  it("rolls cost and accumulated depreciation forward with zero checks", () => {
    const sheet = buildDepreciation(makeContext({ Assets: assets }, FY2025));
    const cost = summaryRows(sheet!, "Fixed assets at cost");
    const total = cost[cost.length - 1];
    // opening 10,000 + 12,000; addition 2,400; disposal 12,000; closing 12,400.
    expect(total).toMatchObject({
      "Opening cost": 22000,
      Additions: 2400,
      Disposals: 12000,
      "Closing cost": 12400,
      "Check (must be 0)": 0,
    });
    const acc = summaryRows(sheet!, "Accumulated depreciation");
    const t = acc[acc.length - 1];
    // opening 1,800 + 6,000; depreciation 1,800 + 1,500 + 600; disposals 7,500; closing 3,600 + 600.
    expect(t).toMatchObject({
      "Opening accumulated": 7800,
      Depreciation: 3900,
      Disposals: 7500,
      "Closing accumulated": 4200,
      "Check (must be 0)": 0,
    });
  });

  it("leaves an asset disposed of mid-year out of the year-end NBV by category, which ties to the roll-forward", () => {
    // FY2024: van 10,000 − 1,800 = 8,200; laptop 12,000 − 2 × 3,000 = 6,000 (still held). FY2025: van 6,400;
    // laptop disposed 1 Jul 2025 → 0 (not 4,500); printer 2,400 − 600 = 1,800. Closing cost 12,400 − closing
    // accumulated 4,200 (3,600 + 600) = 8,200 = 6,400 + 1,800.
    const sheet = buildDepreciation(makeContext({ Assets: assets }, { from: d(2024, 1, 1), to: d(2025, 12, 31) }));
    expect(summaryRows(sheet!, "Net book value by category")).toEqual([
      { Category: "IT", FY2024: 6000, FY2025: 1800 },
      { Category: "Vehicles", FY2024: 8200, FY2025: 6400 },
      { Category: "Total", FY2024: 14200, FY2025: 8200 },
    ]);
    expect(summaryRows(sheet!, "Net book value check").map((r) => r.Amount)).toEqual([8200, 12400, 4200, 0]);
  });

  it("sums depreciation by category and fiscal year", () => {
    const sheet = buildDepreciation(makeContext({ Assets: assets }, FY2025));
    expect(summaryRows(sheet!, "Depreciation by category")).toEqual([
      { Category: "IT", FY2025: 2100, Total: 2100 },
      { Category: "Vehicles", FY2025: 1800, Total: 1800 },
      { Category: "Total", FY2025: 3900, Total: 3900 },
    ]);
  });

  it("shows book vs tax where TaxMethod is set (MACRS 5-year HY year 2 = 32%, IRS Pub 946 Table A-1)", () => {
    const a = { ...assets[0], TaxMethod: "MACRS", TaxLifeYears: 5, TaxConvention: "HY" };
    const sheet = buildDepreciation(makeContext({ Assets: [a] }, FY2025));
    const row = tableRows(sheet!)[0];
    expect(row["Tax method"]).toBe("MACRS");
    expect(row["Tax depreciation"]).toBe(3200);
    expect(summaryRows(sheet!, "Book vs tax")[0]).toMatchObject({
      "Book depreciation": 1800,
      "Tax depreciation": 3200,
      "Tax − book": 1400,
    });
  });

  it("lists an asset whose schedule cannot be computed and keeps it out of the figures", () => {
    const bad = { ...assets[0], AssetID: "A-9", Method: "SL", Salvage: 20000 };
    const ctx = makeContext({ Assets: [assets[0], bad] }, FY2025);
    const run = depreciationRun(ctx);
    expect(run.assets.find((x) => x.asset.AssetID === "A-9")!.ok).toBe(false);
    expect(ctx.findings).toHaveLength(1);
    expect(ctx.findings[0]).toMatchObject({ table: "Assets", row: 3, effect: "Asset not depreciated" });
  });

  it("is not written when there are no assets", () => {
    expect(buildDepreciation(makeContext({}, FY2025))).toBeNull();
  });

  it("states period, method and generated time", () => {
    const sheet = buildDepreciation(makeContext({ Assets: assets }, FY2025))!;
    expect(sheet.header.lines[0]).toBe("Period: 1 Jan 2025 to 31 Dec 2025 (FY2025; fiscal year ends in December)");
    expect(sheet.header.lines[1]).toMatch(/book SL/);
    // The fixture's clock is local 15 Jan 2026 09:30; the header adds its offset from UTC.
    const off = -new Date(2026, 0, 15, 9, 30).getTimezoneOffset() || 0;
    expect(sheet.header.lines[2]).toBe(`Generated: 15 Jan 2026 09:30 (${utcOffsetText(off)})`);
  });
});
