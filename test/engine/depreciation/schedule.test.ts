import {
  assetExpense,
  assetSchedule,
  assetValuesAsOf,
  bookAndTax,
  scheduleMonths,
  scheduleYears,
  valuesAsOf,
  type ScheduleRow,
  type ScheduleSpec,
} from "../../../src/engine/depreciation";
import { isEngineError, type EngineError } from "../../../src/engine/errors";
import { toSerial } from "../../../src/engine/dates";
import type { AssetRow } from "../../../src/engine/schema/rows";

const d = toSerial;
function ok<T>(x: T | EngineError): T {
  if (isEngineError(x)) throw new Error(`${x.code} ${x.message}`);
  return x;
}
const deps = (rows: ScheduleRow[]) => rows.map((r) => r.depreciation);
const spec = (over: Partial<ScheduleSpec>): ScheduleSpec => ({
  cost: 12000,
  salvage: 0,
  life: 5,
  inService: d(2024, 1, 1),
  fyEndMonth: 12,
  method: "SL",
  convention: "FM",
  ...over,
});

describe("calendar schedules: conventions", () => {
  // Partial-year straight line (textbook rule: annual amount × months in service ÷ 12): $12,000 over 5 years,
  // in service 1 April → 9 months in the first year, the 3 months left in the sixth.
  it("FM: full month from the month placed in service", () => {
    const rows = ok(scheduleYears(spec({ inService: d(2024, 4, 1) })));
    expect(rows.map((r) => r.fiscalYear)).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
    expect(deps(rows)).toEqual([1800, 2400, 2400, 2400, 2400, 600]);
    expect(rows[5].bookValue).toBe(0);
  });
  it("MM: half a month in the first month", () => {
    // 8.5 months of 2,400/12 = 1,700 in 2024; the last half month in April 2029.
    const rows = ok(scheduleYears(spec({ inService: d(2024, 4, 20), convention: "MM" })));
    expect(deps(rows)).toEqual([1700, 2400, 2400, 2400, 2400, 700]);
  });
  it("HY: half a year in the first and the last year", () => {
    const rows = ok(scheduleYears(spec({ inService: d(2024, 11, 3), convention: "HY" })));
    expect(deps(rows)).toEqual([1200, 2400, 2400, 2400, 2400, 1200]);
  });
  it("MQ: from the middle of the quarter placed in service", () => {
    // Q3 → 4.5 months of 12 in the first year.
    const rows = ok(scheduleYears(spec({ inService: d(2024, 8, 10), convention: "MQ" })));
    expect(deps(rows)).toEqual([900, 2400, 2400, 2400, 2400, 1500]);
  });
  it("DAYS: actual days in service in the first year", () => {
    // 15 March – 31 December 2024 is 292 days of 366: 2,400 × 292/366 = 1,914.75…
    const rows = ok(scheduleYears(spec({ inService: d(2024, 3, 15), convention: "DAYS" })));
    expect(rows[0].depreciation).toBe(1914.75);
    expect(rows.reduce((s, r) => s + r.depreciation, 0)).toBeCloseTo(12000, 9);
  });
  it("uses the fiscal year's last month (June year end, named by the year it ends in)", () => {
    // In service August 2023: FY2024 (July 2023 – June 2024) has 11 months.
    const rows = ok(scheduleYears(spec({ inService: d(2023, 8, 1), fyEndMonth: 6 })));
    expect(rows[0]).toEqual({ fiscalYear: 2024, depreciation: 2200, accumulated: 2200, bookValue: 9800 });
    expect(rows[rows.length - 1].fiscalYear).toBe(2029);
  });
});

describe("calendar schedules: methods", () => {
  it("rounds each year to cents and lets the last year absorb the rounding (SL)", () => {
    const rows = ok(scheduleYears(spec({ cost: 1000, life: 3 })));
    expect(deps(rows)).toEqual([333.33, 333.33, 333.34]);
  });
  // Microsoft's SYD example: $30,000, $7,500, 10 years → year 1 4,090.91, year 10 409.09.
  it("SYD from January matches Excel's SYD year by year and sums to cost − salvage", () => {
    const rows = ok(scheduleYears(spec({ cost: 30000, salvage: 7500, life: 10, method: "SYD" })));
    expect(rows[0].depreciation).toBe(4090.91);
    expect(rows[9].depreciation).toBe(409.09);
    expect(rows[9].accumulated).toBe(22500);
    expect(rows[9].bookValue).toBe(7500);
  });
  // Microsoft's DDB example: $2,400, $300, 10 years → year 1 480.00, year 10 22.12.
  it("DDB from January matches Excel's DDB", () => {
    const rows = ok(scheduleYears(spec({ cost: 2400, salvage: 300, life: 10, method: "DDB" })));
    expect(rows[0].depreciation).toBe(480);
    expect(rows[9].depreciation).toBe(22.12);
  });
  // Microsoft's DB example: $1,000,000, $100,000, 6 years, 7 months in the first year (in service in June).
  it("DB from June matches Excel's DB with month 7, including the extra seventh year", () => {
    const rows = ok(
      scheduleYears(spec({ cost: 1000000, salvage: 100000, life: 6, method: "DB", inService: d(2024, 6, 1) }))
    );
    expect(deps(rows)).toEqual([186083.33, 259639.42, 176814.44, 120410.64, 81999.64, 55841.76, 15845.1]);
  });
  // Microsoft's VDB example: "first fiscal year … asset bought in the middle of the first quarter", factor 1.5 → 315.00.
  it("150DB with the mid-quarter convention gives Excel's VDB(…, 0, 0.875, 1.5) in the first year", () => {
    const rows = ok(
      scheduleYears(
        spec({ cost: 2400, salvage: 300, life: 10, method: "150DB", convention: "MQ", inService: d(2024, 2, 14) })
      )
    );
    expect(rows[0].depreciation).toBe(315);
    expect(rows[rows.length - 1].accumulated).toBe(2100);
  });
  it("VDB switches to straight line and ends at salvage exactly", () => {
    const rows = ok(scheduleYears(spec({ cost: 10000, salvage: 1000, life: 7, method: "VDB" })));
    expect(rows[rows.length - 1].bookValue).toBe(1000);
  });
  // IRS Pub 946 Table A-1, 5-year property: 20, 32, 19.2, 11.52, 11.52, 5.76 %.
  it("MACRS 5-year half-year is Table A-1 × basis, salvage ignored", () => {
    const rows = ok(
      scheduleYears(
        spec({ cost: 10000, salvage: 500, life: 5, method: "MACRS", convention: "HY", inService: d(2024, 5, 1) })
      )
    );
    expect(deps(rows)).toEqual([2000, 3200, 1920, 1152, 1152, 576]);
    expect(rows[5].bookValue).toBe(0);
  });
  // Pub 946 Table A-5 (mid-quarter, 4th quarter), 7-year: 3.57, 27.55, 19.68 …
  it("MACRS mid-quarter uses the quarter placed in service", () => {
    const rows = ok(
      scheduleYears(spec({ cost: 10000, life: 7, method: "MACRS", convention: "MQ", inService: d(2024, 11, 1) }))
    );
    expect(deps(rows).slice(0, 3)).toEqual([357, 2755, 1968]);
  });
  // Pub 946 Table A-6: residential rental placed in service in month 4 → 2.576% in year 1.
  it("MACRS 27.5-year uses mid-month by month placed in service", () => {
    const rows = ok(scheduleYears(spec({ cost: 100000, life: 27.5, method: "MACRS", inService: d(2024, 4, 10) })));
    expect(rows[0].depreciation).toBe(2576);
    expect(rows).toHaveLength(28); // month 4: year 29 of Table A-6 is blank (0)
    expect(rows[27].accumulated).toBe(100000);
  });
  it("NONE (land) never depreciates", () => {
    const rows = ok(scheduleYears(spec({ method: "NONE" })));
    expect(rows.every((r) => r.depreciation === 0)).toBe(true);
  });
});

describe("calendar schedules: months, values as of a date", () => {
  it("spreads a year over its months and the months add up to the year", () => {
    const months = ok(scheduleMonths(spec({ inService: d(2024, 4, 1) })));
    expect(months[0]).toMatchObject({ fiscalYear: 2024, year: 2024, month: 4, period: 4, depreciation: 200 });
    expect(months).toHaveLength(60);
    expect(months[59]).toMatchObject({ year: 2029, month: 3, accumulated: 12000, bookValue: 0 });
  });
  it("gives values as of any date, pro rata of the month's days", () => {
    const s = spec({ inService: d(2024, 1, 1) });
    expect(ok(valuesAsOf(s, d(2023, 12, 31)))).toEqual({ accumulated: 0, bookValue: 12000 });
    expect(ok(valuesAsOf(s, d(2024, 12, 31)))).toEqual({ accumulated: 2400, bookValue: 9600 });
    // 200 a month; 15 of June's 30 days → 5 × 200 + 100.
    expect(ok(valuesAsOf(s, d(2024, 6, 15))).accumulated).toBe(1100);
    expect(ok(valuesAsOf(s, d(2040, 1, 1))).bookValue).toBe(0);
  });
});

const asset = (over: Partial<AssetRow>): AssetRow => ({
  row: 5,
  index: 3,
  AssetID: "A-0004",
  Name: "Forklift",
  Category: null,
  Location: null,
  Custodian: null,
  Status: null,
  AcquiredOn: d(2024, 1, 1),
  InServiceOn: null,
  Cost: 12000,
  Salvage: null,
  LifeYears: 5,
  Method: null,
  Convention: null,
  TaxMethod: null,
  TaxLifeYears: null,
  TaxConvention: null,
  WarrantyExpires: null,
  LastAuditedOn: null,
  Vendor: null,
  SerialNumber: null,
  CostCenter: null,
  DisposedOn: null,
  DisposalProceeds: null,
  ...over,
});

describe("asset schedules", () => {
  it("disposal: depreciation to the disposal date, gain or loss = proceeds − net book value", () => {
    // SL 2,400 a year from January 2024; disposed 15 July 2026 (FM: nothing in the month of disposal) →
    // 2 × 2,400 + 6 × 200 = 6,000 accumulated, NBV 6,000; proceeds 7,000 → gain 1,000.
    const s = ok(assetSchedule(asset({ DisposedOn: d(2026, 7, 15), DisposalProceeds: 7000 }), { fyEndMonth: 12 }));
    expect(deps(s.years)).toEqual([2400, 2400, 1200]);
    expect(s.disposal).toEqual({ disposedOn: d(2026, 7, 15), proceeds: 7000, netBookValue: 6000, gainLoss: 1000 });
  });
  // Pub 946: under the half-year convention the year of disposal gets half the year's table amount.
  it("MACRS disposal year follows the convention (half-year: half of the year's percentage)", () => {
    const s = ok(
      assetSchedule(asset({ TaxMethod: "MACRS", DisposedOn: d(2026, 3, 1), DisposalProceeds: 0 }), {
        fyEndMonth: 12,
        side: "tax",
      })
    );
    expect(deps(s.years)).toEqual([2400, 3840, 1152]); // 20%, 32%, half of 19.2% of 12,000
  });
  it("MACRS: nothing for property placed in service and disposed of in the same year", () => {
    const s = ok(
      assetSchedule(asset({ TaxMethod: "MACRS", DisposedOn: d(2024, 9, 1) }), { fyEndMonth: 12, side: "tax" })
    );
    expect(deps(s.years)).toEqual([0]);
  });
  it("book and tax side by side", () => {
    const r = bookAndTax(asset({ Salvage: 2000, TaxMethod: "MACRS", TaxLifeYears: 7 }), 12);
    const book = ok(r.book);
    const tax = ok(r.tax);
    expect(book.years[0].depreciation).toBe(2000); // (12,000 − 2,000) / 5
    expect(tax.years[0].depreciation).toBe(1714.8); // Table A-1 7-year 14.29% of 12,000, salvage ignored
    expect(tax.years).toHaveLength(8);
  });
  it("expense for a fiscal year or a span of days, and values as of a date", () => {
    const a = asset({ InServiceOn: d(2024, 4, 1) });
    expect(assetExpense(a, { fiscalYear: 2024 }, { fyEndMonth: 12 })).toBe(1800);
    expect(assetExpense(a, { fiscalYear: 2023 }, { fyEndMonth: 12 })).toBe(0);
    expect(assetExpense(a, { from: d(2025, 1, 1), to: d(2025, 3, 31) }, { fyEndMonth: 12 })).toBe(600);
    expect(assetValuesAsOf(a, d(2024, 12, 31), { fyEndMonth: 12 })).toEqual({ accumulated: 1800, bookValue: 10200 });
  });
  it("errors name the table, row and column to fix", () => {
    const e = assetSchedule(asset({ Method: "straight" }), { fyEndMonth: 12 });
    expect(isEngineError(e) && [e.code, e.table, e.row, e.column]).toEqual(["#VALUE!", "Assets", 5, "Method"]);
    // The Assets table has no units column: UOP points to UNITSDEPR, on the row and column to change.
    const u = assetSchedule(asset({ Method: "UOP" }), { fyEndMonth: 12 });
    expect(isEngineError(u) && [u.code, u.table, u.row, u.column]).toEqual(["#VALUE!", "Assets", 5, "Method"]);
    expect(isEngineError(u) && u.message).toMatch(/UNITSDEPR/);
    const ut = assetSchedule(asset({ TaxMethod: "uop" }), { fyEndMonth: 12, side: "tax" });
    expect(isEngineError(ut) && [ut.code, ut.column]).toEqual(["#VALUE!", "TaxMethod"]);
    const l = assetSchedule(asset({ TaxMethod: "MACRS", TaxLifeYears: 6 }), { fyEndMonth: 12, side: "tax" });
    expect(isEngineError(l) && l.code).toBe("#VALUE!");
  });
});

// Pub 946, "Property Disposed of Before End of Recovery Period": in the year of disposal, mid-quarter property
// gets the year's table amount × 12.5%, 37.5%, 62.5% or 87.5% for disposal in quarter 1-4; mid-month property
// the months before the month of disposal plus half that month, over 12.
describe("MACRS disposal-year conventions (Pub 946)", () => {
  it("mid-quarter: disposed in the third quarter of year 3 → 62.5% of that year's amount", () => {
    const rows = ok(
      scheduleYears(
        spec({
          cost: 10000,
          life: 5,
          method: "MACRS",
          convention: "MQ",
          inService: d(2024, 2, 1),
          disposedOn: d(2026, 8, 20),
        })
      )
    );
    // Table A-2 (first quarter) 5-year: 35%, 26%, 15.6% → 3,500; 2,600; 1,560 × 62.5% = 975.
    expect(deps(rows)).toEqual([3500, 2600, 975]);
  });
  it("mid-month: 39-year property disposed in April of year 5 → 3.5/12 of 2.564%", () => {
    const rows = ok(
      scheduleYears(
        spec({ cost: 100000, life: 39, method: "MACRS", inService: d(2024, 1, 15), disposedOn: d(2028, 4, 2) })
      )
    );
    // Table A-7a month 1: 2.461% then 2.564%; year 5: 2,564 × 3.5/12 = 747.83.
    expect(deps(rows)).toEqual([2461, 2564, 2564, 2564, 747.83]);
  });
});
