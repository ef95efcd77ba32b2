import fc from "fast-check";
import { toSerial } from "../../src/engine/dates";
import { round } from "../../src/engine/money";
import {
  accumDepr,
  bookValue,
  deprBetween,
  depreciate,
  deprSchedule,
  macrs,
  macrsRate,
  unitsDepr,
} from "../../src/functions/depreciation";

function excelError(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}
const r2 = (x: number) => round(x, 2);

describe("BOOK.DEPRECIATE", () => {
  // Microsoft's documented examples (SLN, SYD, DB, DDB, VDB pages; see test/engine/depreciation/excel.test.ts).
  it("matches Excel's SLN, SYD, DB, DDB and VDB examples by method name", () => {
    expect(depreciate(30000, 7500, 10, 1)).toBe(2250);
    expect(r2(depreciate(30000, 7500, 10, 1, "syd"))).toBe(4090.91);
    expect(r2(depreciate(1000000, 100000, 6, 1, "DB", 7))).toBe(186083.33);
    expect(r2(depreciate(1000000, 100000, 6, 7, "DB", 7))).toBe(15845.1);
    expect(r2(depreciate(2400, 300, 10, 2, "DDB", 1.5))).toBe(306);
    expect(r2(depreciate(2400, 300, 10, 10, "ddb"))).toBe(22.12);
    expect(r2(depreciate(2400, 300, 10, 1, "VDB"))).toBe(480);
  });
  it("150DB is VDB with factor 1.5 for the period", () => {
    // VDB(2400, 300, 10, 0, 1, 1.5) = 2,400 × 15% = 360.
    expect(r2(depreciate(2400, 300, 10, 1, "150DB"))).toBe(360);
  });
  // IRS Pub 946 Table A-1 (5-year, year 2: 32%) and Table A-7a (39-year, month 3: 2.033% in year 1).
  it("MACRS uses the Pub 946 tables and ignores salvage", () => {
    expect(depreciate(10000, 999, 5, 2, "MACRS")).toBeCloseTo(3200, 9);
    expect(depreciate(1000000, 0, 39, 1, "MACRS", 3)).toBeCloseTo(20330, 6);
  });
  it("gives #VALUE! with the valid names for an unknown method, #NUM! where Excel does", () => {
    const e = excelError(() => depreciate(1000, 0, 5, 1, "straight"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/SL, SYD, DB, DDB, VDB, 150DB, MACRS/);
    expect(excelError(() => depreciate(1000000, 100000, 6, 7, "DB")).code).toBe("#NUM!");
    expect(excelError(() => depreciate(1000, 0, 5, 6, "SYD")).code).toBe("#NUM!");
    expect(excelError(() => depreciate(1000, 0, 0, 1)).code).toBe("#DIV/0!");
    expect(excelError(() => depreciate("abc", 0, 5, 1)).code).toBe("#VALUE!");
  });
  it("sends units of production to UNITSDEPR", () => {
    for (const f of [
      () => depreciate(1000, 0, 5, 1, "uop"),
      () => deprBetween(1000, 0, 5, 0, 1, "UOP"),
      () => deprSchedule(1000, 0, 5, toSerial(2024, 1, 1), " UOP"),
      () => bookValue(1000, 0, 5, toSerial(2024, 1, 1), "UOP", 12, "", toSerial(2025, 1, 1)),
    ]) {
      const e = excelError(f);
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(/UNITSDEPR/);
    }
  });
  it("accepts numbers typed as text", () => {
    expect(depreciate("12000", "0", "5", "1", "SL")).toBe(2400);
  });
});

/** The value, or the Excel error's code and message. */
function outcome(f: () => number): number | { code: string; message: string } {
  try {
    return f();
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    const { code, message } = e as { code: string; message: string };
    return { code, message };
  }
}

// DEPRECIATE answers plain numbers with a known method name without the general argument rules; the answer, or the
// error with its message, must be the one the rules give (numbers typed as text and a padded method name take them).
describe("BOOK.DEPRECIATE fast path", () => {
  const methods = ["SL", "SYD", "DB", "DDB", "VDB", "150DB", "MACRS"];
  const quarterNumber = fc.integer({ min: -8, max: 200 }).map((k) => k / 4);
  it("gives what the argument rules give, errors included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 100000 }),
        fc.integer({ min: -100, max: 20000 }),
        fc.oneof(quarterNumber, fc.constantFrom(27.5, 39)),
        quarterNumber,
        fc.option(fc.constantFrom(...methods, ...methods.map((x) => x.toLowerCase())), { nil: undefined }),
        fc.option(fc.integer({ min: -2, max: 13 }), { nil: undefined }),
        (cost, salvage, life, period, method, extra) => {
          const fast = outcome(() => depreciate(cost, salvage, life, period, method, extra));
          const general = outcome(() =>
            depreciate(
              String(cost),
              String(salvage),
              String(life),
              String(period),
              method === undefined ? undefined : ` ${method} `,
              extra === undefined ? undefined : String(extra)
            )
          );
          expect(fast).toEqual(general);
        }
      ),
      { numRuns: 3000 }
    );
  });
});

describe("BOOK.DEPRBETWEEN", () => {
  // Microsoft's VDB page: months 6–18 → 396.31; factor 1.5 → 311.81; first fiscal year 0–0.875 at 1.5 → 315.00.
  it("matches Excel's VDB examples (fractional spans)", () => {
    expect(r2(deprBetween(2400, 300, 120, 6, 18))).toBe(396.31);
    expect(r2(deprBetween(2400, 300, 120, 6, 18, "VDB", 1.5))).toBe(311.81);
    expect(r2(deprBetween(2400, 300, 10, 0, 0.875, "vdb", 1.5))).toBe(315);
  });
  it("SL is linear and no_switch keeps declining balance", () => {
    expect(deprBetween(12000, 0, 5, 0.5, 2, "SL")).toBeCloseTo(3600, 9);
    expect(deprBetween(2400, 300, 10, 0, 10, "VDB", 1.5, true)).toBeLessThan(2100);
  });
  it("rejects an end before the start", () => {
    expect(excelError(() => deprBetween(2400, 300, 10, 3, 2)).code).toBe("#NUM!");
  });
});

describe("BOOK.DEPRSCHEDULE", () => {
  it("spills a header row and one row per fiscal year, summing to cost − salvage", () => {
    const out = deprSchedule(12000, 0, 5, toSerial(2024, 4, 1));
    expect(out[0]).toEqual(["Fiscal year", "Depreciation", "Accumulated", "Net book value"]);
    expect(out.slice(1)).toEqual([
      [2024, 1800, 1800, 10200],
      [2025, 2400, 4200, 7800],
      [2026, 2400, 6600, 5400],
      [2027, 2400, 9000, 3000],
      [2028, 2400, 11400, 600],
      [2029, 600, 12000, 0],
    ]);
  });
  // Pub 946 Table A-1, 3-year: 33.33, 44.45, 14.81, 7.41 %.
  it("runs MACRS with the half-year table and a June fiscal year", () => {
    const out = deprSchedule(1000, 0, 3, "2023-09-15", "macrs", 6);
    expect(out.slice(1).map((r) => r[1])).toEqual([333.3, 444.5, 148.1, 74.1]);
    expect(out[1][0]).toBe(2024);
  });
  it("gives #VALUE! for an unknown convention or fiscal month", () => {
    expect(excelError(() => deprSchedule(1000, 0, 3, toSerial(2024, 1, 1), "SL", 12, "XX")).code).toBe("#VALUE!");
    expect(excelError(() => deprSchedule(1000, 0, 3, toSerial(2024, 1, 1), "SL", 13)).code).toBe("#VALUE!");
  });
});

// Hand-worked disposals. Straight line, full-month convention: nothing in the month of disposal. MACRS (Pub 946,
// "Figuring depreciation ... in the year of disposition"): half-year property gets half the table's year; mid-quarter
// property the months up to the middle of the quarter of disposal; mid-month property the months up to the middle of
// the month of disposal; property placed in service and disposed of in the same year gets nothing.
describe("BOOK.DEPRSCHEDULE with a disposal date", () => {
  const d = toSerial;
  it("straight line, full month: stops at the start of the month of disposal", () => {
    // 12,000 over 5 years = 200 a month; April 2024 in service, 15 June 2026 disposed: 9, 12 and 5 months.
    expect(deprSchedule(12000, 0, 5, d(2024, 4, 1), "SL", 12, "FM", d(2026, 6, 15)).slice(1)).toEqual([
      [2024, 1800, 1800, 10200],
      [2025, 2400, 4200, 7800],
      [2026, 1000, 5200, 6800],
    ]);
    // Disposed of in the year placed in service: April to August, 5 months.
    expect(deprSchedule(12000, 0, 5, d(2024, 4, 1), "SL", 12, "FM", d(2024, 9, 10)).slice(1)).toEqual([
      [2024, 1000, 1000, 11000],
    ]);
  });
  it("MACRS half-year: half of the table's year of disposal", () => {
    // Table A-1, 5-year: 20%, 32%, then 19.20% halved = 9.60% of 10,000.
    expect(deprSchedule(10000, 0, 5, d(2024, 3, 1), "MACRS", 12, "HY", d(2026, 8, 10)).slice(1)).toEqual([
      [2024, 2000, 2000, 8000],
      [2025, 3200, 5200, 4800],
      [2026, 960, 6160, 3840],
    ]);
  });
  it("MACRS mid-quarter: up to the middle of the quarter of disposal", () => {
    // Table A-5 (4th quarter), 5-year: 5%, 38%, then 22.80% × 4.5/12 for a disposal in the second quarter = 855.
    expect(deprSchedule(10000, 0, 5, d(2024, 11, 5), "MACRS", 12, "MQ", d(2026, 5, 20)).slice(1)).toEqual([
      [2024, 500, 500, 9500],
      [2025, 3800, 4300, 5700],
      [2026, 855, 5155, 4845],
    ]);
  });
  it("MACRS mid-month (39-year): up to the middle of the month of disposal", () => {
    // Table A-7a, March: 2.033% of 390,000 = 7,928.70; then 2.564% = 9,999.60; July disposal: 9,999.60 × 6.5/12.
    expect(deprSchedule(390000, 0, 39, d(2024, 3, 12), "MACRS", 12, "", d(2026, 7, 10)).slice(1)).toEqual([
      [2024, 7928.7, 7928.7, 382071.3],
      [2025, 9999.6, 17928.3, 372071.7],
      [2026, 5416.45, 23344.75, 366655.25],
    ]);
  });
  it("MACRS property disposed of in the year placed in service gets nothing", () => {
    expect(deprSchedule(10000, 0, 5, d(2024, 3, 1), "MACRS", 12, "HY", d(2024, 10, 1)).slice(1)).toEqual([
      [2024, 0, 0, 10000],
    ]);
  });
  it("takes a date as text, treats a blank as no disposal and refuses a disposal before service", () => {
    expect(deprSchedule(12000, 0, 5, d(2024, 4, 1), "SL", 12, "FM", "2026-06-15")).toEqual(
      deprSchedule(12000, 0, 5, d(2024, 4, 1), "SL", 12, "FM", d(2026, 6, 15))
    );
    expect(deprSchedule(12000, 0, 5, d(2024, 4, 1), "SL", 12, "FM", "")).toEqual(
      deprSchedule(12000, 0, 5, d(2024, 4, 1))
    );
    const before = excelError(() => deprSchedule(12000, 0, 5, d(2024, 4, 1), "SL", 12, "FM", d(2024, 3, 1)));
    expect(before.code).toBe("#VALUE!");
    expect(before.message).toMatch(/disposed_on \(2024-03-01\) is before in_service \(2024-04-01\)/);
    expect(excelError(() => deprSchedule(12000, 0, 5, d(2024, 4, 1), "SL", 12, "FM", "soon")).code).toBe("#VALUE!");
  });
});

describe("BOOK.BOOKVALUE and BOOK.ACCUMDEPR", () => {
  it("give values as of a date", () => {
    const inService = toSerial(2024, 1, 1);
    expect(accumDepr(12000, 0, 5, inService, "SL", 12, "FM", toSerial(2024, 12, 31))).toBe(2400);
    expect(bookValue(12000, 0, 5, inService, "SL", 12, "FM", "2025-12-31")).toBe(7200);
    expect(bookValue(12000, 2000, 5, inService, null, null, null, toSerial(2040, 1, 1))).toBe(2000);
  });
});

describe("BOOK.MACRSRATE and BOOK.MACRS", () => {
  // Pub 946: Table A-1 5-year year 1 20%; A-5 (4th quarter) 7-year year 1 3.57%; A-6 month 4 year 1 2.576%.
  it("return the published table rates as fractions", () => {
    expect(macrsRate(5, 1)).toBeCloseTo(0.2, 12);
    expect(macrsRate(7, 1, "MQ", 4)).toBeCloseTo(0.0357, 12);
    expect(macrsRate(27.5, 1, "MM", 4)).toBeCloseTo(0.02576, 12);
    expect(macrsRate(5, 7)).toBe(0);
    expect(macrs(50000, 7, 2, "hy")).toBeCloseTo(12245, 6); // 24.49%
  });
  it("give #VALUE! for a class or convention that does not exist", () => {
    expect(excelError(() => macrsRate(6, 1)).code).toBe("#VALUE!");
    expect(excelError(() => macrsRate(5, 1, "XY")).message).toMatch(/HY .*MQ .*MM/);
    expect(excelError(() => macrsRate(5, 1, "MQ")).code).toBe("#VALUE!");
  });
});

describe("BOOK.UNITSDEPR", () => {
  // Kieso et al., Intermediate Accounting (activity method): $500,000 − $50,000 over 100,000 hours, 10,000 hours.
  it("matches the textbook example", () => {
    expect(unitsDepr(500000, 50000, 100000, 10000)).toBe(45000);
  });
  it("is #NUM! for zero total units", () => {
    expect(excelError(() => unitsDepr(1000, 0, 0, 5)).code).toBe("#NUM!");
  });
});

// BUG-H1 (docs/HARDENING.md, found by the hardening fuzzer): a huge life (a typo, a pasted serial number) made
// DEPRSCHEDULE/BOOKVALUE/ACCUMDEPR allocate one entry per year until V8 aborted the process. A schedule must end by
// 9999-12-31; the per-period functions must answer at once.
describe("absurd arguments are refused or answered at once, never computed for ever", () => {
  it.each([1e15, 1e308, 1e6])("DEPRSCHEDULE with life %d is #NUM!", (life) => {
    expect(excelError(() => deprSchedule(496493, 0, life, 46295, null, 2)).code).toBe("#NUM!");
  });
  it.each([1e15, 1e308])("BOOKVALUE and ACCUMDEPR with life %d are #NUM!", (life) => {
    expect(excelError(() => bookValue(496493, 0, life, 46295)).code).toBe("#NUM!");
    expect(excelError(() => accumDepr(496493, 0, life, 46295)).code).toBe("#NUM!");
  });
  it("accepts the longest life that still ends by 9999", () => {
    expect(deprSchedule(1000, 0, 7000, toSerial(2024, 1, 1)).length).toBe(7001); // header + 7,000 years
  });
  it("a date past 9999-12-31 as as_of is the end of the schedule, not NaN", () => {
    expect(bookValue(12000, 0, 5, toSerial(2024, 1, 1), "SL", 12, "FM", 1e15)).toBe(0);
  });
  it("DEPRECIATE and DEPRBETWEEN answer huge lives and periods without looping through them", () => {
    expect(Number.isFinite(depreciate(1000, 100, 1e15, 1e15, "DB"))).toBe(true);
    expect(Number.isFinite(depreciate(1000, 100, 1e15, 1e15 - 5, "DDB"))).toBe(true);
    expect(Number.isFinite(depreciate(1000, 100, 1e15, 1e14, "SYD"))).toBe(true);
    expect(Number.isFinite(deprBetween(1000, 100, 1e15, 3.5, 1e14, "SYD"))).toBe(true);
    expect(excelError(() => depreciate(1000, 100, 1e15, 1e15, "VDB")).code).toBe("#NUM!");
    expect(excelError(() => deprBetween(1000, 100, 1e15, 0, 1e15)).code).toBe("#NUM!");
  });
});
