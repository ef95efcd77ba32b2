import { amordegrc, amorlinc, db, ddb, sln, syd, vdb } from "../../../src/engine/depreciation";
import { isEngineError } from "../../../src/engine/errors";
import { round } from "../../../src/engine/money";
import { toSerial } from "../../../src/engine/dates";
import * as formulajs from "@formulajs/formulajs";

/** Value rounded as Microsoft's pages print it (2 decimals unless said otherwise). */
function shown(x: unknown, decimals = 2): number {
  if (typeof x !== "number") throw new Error(`expected a number, got ${JSON.stringify(x)}`);
  return round(x, decimals);
}
function code(x: unknown): string | undefined {
  return isEngineError(x) ? x.code : undefined;
}

// Microsoft, "SLN function" (support.microsoft.com/office/sln-function): cost 30,000, salvage 7,500, life 10 → 2,250.
describe("SLN", () => {
  it("matches Microsoft's documented example", () => {
    expect(sln(30000, 7500, 10)).toBe(2250);
  });
  it("is #DIV/0! for a zero life, as Excel", () => {
    expect(code(sln(30000, 7500, 0))).toBe("#DIV/0!");
  });
});

// Microsoft, "SYD function" (support.microsoft.com/excel/functions/syd-function): $30,000, $7,500, 10 years:
// year 1 $4,090.91, year 10 $409.09.
describe("SYD", () => {
  it("matches Microsoft's documented examples", () => {
    expect(shown(syd(30000, 7500, 10, 1))).toBe(4090.91);
    expect(shown(syd(30000, 7500, 10, 10))).toBe(409.09);
  });
  it("returns #NUM! for life ≤ 0, per ≤ 0 and per > life", () => {
    expect(code(syd(30000, 7500, 0, 1))).toBe("#NUM!");
    expect(code(syd(30000, 7500, 10, 0))).toBe("#NUM!");
    expect(code(syd(30000, 7500, 10, 11))).toBe("#NUM!");
  });
  it("sums to cost − salvage over the life", () => {
    let total = 0;
    for (let p = 1; p <= 10; p++) total += syd(30000, 7500, 10, p) as number;
    expect(total).toBeCloseTo(22500, 9);
  });
});

// Microsoft, "DB function" (support.microsoft.com/excel/db-function): $1,000,000 cost, $100,000 salvage, 6 years,
// month 7: 186,083.33; 259,639.42; 176,814.44; 120,410.64; 81,999.64; 55,841.76; 15,845.10 (7th year, 5 months).
describe("DB", () => {
  const printed = [186083.33, 259639.42, 176814.44, 120410.64, 81999.64, 55841.76, 15845.1];
  it.each(printed.map((v, i) => [i + 1, v]))("matches Microsoft's example for period %i", (period, value) => {
    expect(shown(db(1000000, 100000, 6, period, 7))).toBe(value);
  });
  it("rounds its rate to three decimals (the 7-month example uses 0.319)", () => {
    // 1 − 0.1^(1/6) = 0.31871…, Excel uses 0.319: first year 1,000,000 × 0.319 × 7/12.
    expect(db(1000000, 100000, 6, 1, 7)).toBeCloseTo((1000000 * 0.319 * 7) / 12, 6);
  });
  // [MS-OI29500] 2.1.924: "if period > life and month argument is omitted or month is 12, or if period > (life + 1)
  // … Office returns #NUM!". Microsoft's DB page and ECMA-376 §18.17.7.80: negative arguments are #NUM!.
  it("returns #NUM! exactly where Excel does", () => {
    expect(code(db(1000000, 100000, 6, 7))).toBe("#NUM!"); // period > life, month omitted
    expect(code(db(1000000, 100000, 6, 7, 12))).toBe("#NUM!");
    expect(code(db(1000000, 100000, 6, 8, 7))).toBe("#NUM!"); // period > life + 1
    expect(code(db(-1, 100000, 6, 1))).toBe("#NUM!");
    expect(code(db(1000000, -1, 6, 1))).toBe("#NUM!");
    expect(code(db(1000000, 100000, 0, 1))).toBe("#NUM!");
    expect(code(db(1000000, 100000, 6, 0))).toBe("#NUM!");
    expect(code(db(1000000, 100000, 6, 1, 0))).toBe("#NUM!");
    expect(code(db(1000000, 100000, 6, 1, 13))).toBe("#NUM!");
  });
  it("allows the extra period life + 1 when month < 12", () => {
    expect(isEngineError(db(1000000, 100000, 6, 7, 11))).toBe(false);
  });
  // @formulajs/formulajs DB agrees with Excel for whole-year first periods (month 12) inside the life.
  it("agrees with formulajs for month 12", () => {
    for (let p = 1; p <= 5; p++) {
      expect(db(10000, 1000, 5, p)).toBeCloseTo(formulajs.DB(10000, 1000, 5, p, 12) as number, 8);
    }
  });
});

// Microsoft, "DDB function" (support.microsoft.com/excel/functions/ddb-function): $2,400 cost, $300 salvage, 10
// years: first day 1.32 (life×365), first month 40.00 (life×12), first year 480.00, second year factor 1.5
// 306.00, tenth year 22.12.
describe("DDB", () => {
  it("matches Microsoft's documented examples", () => {
    expect(shown(ddb(2400, 300, 10 * 365, 1))).toBe(1.32);
    expect(shown(ddb(2400, 300, 10 * 12, 1, 2))).toBe(40);
    expect(shown(ddb(2400, 300, 10, 1, 2))).toBe(480);
    expect(shown(ddb(2400, 300, 10, 2, 1.5))).toBe(306);
    expect(shown(ddb(2400, 300, 10, 10))).toBe(22.12);
  });
  it("never switches to straight line and never goes below salvage", () => {
    let total = 0;
    for (let p = 1; p <= 10; p++) total += ddb(2400, 300, 10, p) as number;
    expect(total).toBeCloseTo(2100, 9); // reaches salvage exactly here thanks to the year-10 cap
    let slow = 0;
    for (let p = 1; p <= 10; p++) slow += ddb(2400, 300, 10, p, 1) as number;
    expect(slow).toBeLessThan(2100); // factor 1 never reaches salvage: DDB does not switch
  });
  // ECMA-376 §18.17.7 DDB and Microsoft's page ("all five arguments must be positive", salvage may be 0).
  it("returns #NUM! for negative cost or salvage, non-positive life/period/factor, period > life", () => {
    expect(code(ddb(-1, 300, 10, 1))).toBe("#NUM!");
    expect(code(ddb(2400, -1, 10, 1))).toBe("#NUM!");
    expect(code(ddb(2400, 300, 0, 1))).toBe("#NUM!");
    expect(code(ddb(2400, 300, 10, 0))).toBe("#NUM!");
    expect(code(ddb(2400, 300, 10, 1, 0))).toBe("#NUM!");
    expect(code(ddb(2400, 300, 10, 11))).toBe("#NUM!");
  });
  // formulajs's DDB loop is Excel's documented MIN formula for whole periods.
  it("agrees with formulajs for whole periods", () => {
    for (let p = 1; p <= 8; p++)
      expect(ddb(5000, 500, 8, p, 2)).toBeCloseTo(formulajs.DDB(5000, 500, 8, p, 2) as number, 8);
  });
});

// Microsoft, "VDB function" (support.microsoft.com/excel/functions/vdb-function): $2,400, $300, 10 years:
// first day 1.32, first month 40.00, first year 480.00, months 6–18 396.31, months 6–18 factor 1.5 311.81,
// first fiscal year (bought mid first quarter, 0 to 0.875, factor 1.5) 315.00.
describe("VDB", () => {
  it("matches Microsoft's documented examples", () => {
    expect(shown(vdb(2400, 300, 10 * 365, 0, 1))).toBe(1.32);
    expect(shown(vdb(2400, 300, 10 * 12, 0, 1))).toBe(40);
    expect(shown(vdb(2400, 300, 10, 0, 1))).toBe(480);
    expect(shown(vdb(2400, 300, 10 * 12, 6, 18))).toBe(396.31);
    expect(shown(vdb(2400, 300, 10 * 12, 6, 18, 1.5))).toBe(311.81);
    expect(shown(vdb(2400, 300, 10, 0, 0.875, 1.5))).toBe(315);
  });
  it("switches to straight line and reaches salvage exactly over the life", () => {
    expect(vdb(2400, 300, 10, 0, 10, 1.5)).toBeCloseTo(2100, 9);
    expect(vdb(10000, 0, 5, 0, 5)).toBeCloseTo(10000, 9);
  });
  it("does not switch with noSwitch (equals DDB period by period)", () => {
    for (let p = 1; p <= 10; p++) {
      expect(vdb(2400, 300, 10, p - 1, p, 1.5, true)).toBeCloseTo(ddb(2400, 300, 10, p, 1.5) as number, 9);
    }
  });
  it("prorates a fractional end within its period", () => {
    const year1 = vdb(2400, 300, 10, 0, 1) as number;
    expect(vdb(2400, 300, 10, 0, 0.25)).toBeCloseTo(year1 * 0.25, 9);
  });
  it("returns #NUM! for bad arguments", () => {
    expect(code(vdb(-1, 300, 10, 0, 1))).toBe("#NUM!");
    expect(code(vdb(2400, -1, 10, 0, 1))).toBe("#NUM!");
    expect(code(vdb(2400, 300, 0, 0, 1))).toBe("#NUM!");
    expect(code(vdb(2400, 300, 10, -1, 1))).toBe("#NUM!");
    expect(code(vdb(2400, 300, 10, 2, 1))).toBe("#NUM!");
    expect(code(vdb(2400, 300, 10, 0, 11))).toBe("#NUM!");
    expect(code(vdb(2400, 300, 10, 0, 1, 0))).toBe("#NUM!");
  });
});

// Microsoft, "AMORLINC function": cost 2400, purchased 39679 (2008-08-19), first period ends 39813 (2008-12-31),
// salvage 300, period 1, rate 0.15, basis 1 → 360. "AMORDEGRC function": same data → 776.
describe("AMORLINC / AMORDEGRC", () => {
  it("uses serials 39679 and 39813 for 2008-08-19 and 2008-12-31", () => {
    expect(toSerial(2008, 8, 19)).toBe(39679);
    expect(toSerial(2008, 12, 31)).toBe(39813);
  });
  it("AMORLINC matches Microsoft's documented example", () => {
    expect(amorlinc(2400, 39679, 39813, 300, 1, 0.15, 1)).toBeCloseTo(360, 9);
  });
  it("AMORDEGRC matches Microsoft's documented example", () => {
    expect(amordegrc(2400, 39679, 39813, 300, 1, 0.15, 1)).toBe(776);
  });
  it("AMORLINC period 0 is the prorated first period and the periods sum to cost − salvage", () => {
    // 134 days of 366 (2008 is a leap year, basis 1) × 0.15 × 2400.
    expect(amorlinc(2400, 39679, 39813, 300, 0, 0.15, 1)).toBeCloseTo((134 / 366) * 0.15 * 2400, 9);
    let total = 0;
    for (let p = 0; p <= 10; p++) total += amorlinc(2400, 39679, 39813, 300, p, 0.15, 1) as number;
    expect(total).toBeCloseTo(2100, 9);
  });
  it("accepts bases 0, 1, 3, 4 and rejects 2 and others (Microsoft's basis table)", () => {
    for (const b of [0, 1, 3, 4]) expect(isEngineError(amorlinc(2400, 39679, 39813, 300, 1, 0.15, b))).toBe(false);
    for (const b of [0, 1, 3, 4]) expect(isEngineError(amordegrc(2400, 39679, 39813, 300, 1, 0.15, b))).toBe(false);
    expect(code(amorlinc(2400, 39679, 39813, 300, 1, 0.15, 2))).toBe("#NUM!");
    expect(code(amordegrc(2400, 39679, 39813, 300, 1, 0.15, 5))).toBe("#NUM!");
  });
  // Microsoft's AMORDEGRC page: "If the life of assets is between 0 (zero) and 1, 1 and 2, 2 and 3, or 4 and 5,
  // the #NUM! error value is returned."
  it("AMORDEGRC returns #NUM! for lives Microsoft lists (0–3 and 4–5 years)", () => {
    expect(code(amordegrc(2400, 39679, 39813, 300, 1, 1 / 2.5, 1))).toBe("#NUM!");
    expect(code(amordegrc(2400, 39679, 39813, 300, 1, 1 / 4.5, 1))).toBe("#NUM!");
    expect(isEngineError(amordegrc(2400, 39679, 39813, 300, 1, 1 / 3.5, 1))).toBe(false);
  });
  it("return #NUM! for negative cost, salvage above cost, purchase after first period, rate ≤ 0", () => {
    expect(code(amorlinc(-1, 39679, 39813, 0, 1, 0.15))).toBe("#NUM!");
    expect(code(amorlinc(2400, 39679, 39813, 2500, 1, 0.15))).toBe("#NUM!");
    expect(code(amorlinc(2400, 39813, 39679, 300, 1, 0.15))).toBe("#NUM!");
    expect(code(amordegrc(2400, 39679, 39813, 300, 1, 0))).toBe("#NUM!");
    expect(code(amordegrc(2400, 39679, 39813, 300, -1, 0.15))).toBe("#NUM!");
  });
});

describe("long lives", () => {
  it("DB in closed form past 1,000 periods agrees with the period-by-period formula", () => {
    // Period 1,001 of a 2,000-period life by the documented formula, step by step.
    const rate = 0.001; // 1 − (1/e^2)^(1/2000) = 0.000999… → 0.001
    let taken = (10000 * rate * 12) / 12;
    let dep = 0;
    for (let i = 2; i <= 1001; i++) {
      dep = (10000 - taken) * rate;
      taken += dep;
    }
    expect(db(10000, 10000 / Math.E ** 2, 2000, 1001)).toBeCloseTo(dep, 9);
  });
  it("AMORDEGRC stops once a period rounds to nothing", () => {
    expect(amordegrc(2400, 39679, 39813, 300, 1e12, 0.15, 1)).toBe(0);
  });
});
