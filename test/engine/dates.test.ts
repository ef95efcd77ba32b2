import {
  addMonths,
  fiscalPeriod,
  fiscalQuarter,
  fiscalYear,
  fiscalYearBounds,
  from1904,
  fromSerial,
  parseDateText,
  toIso,
  toSerial,
} from "../../src/engine/dates";

// Reference serials are Excel's own: DATE(y,m,d) in a 1900-system workbook (Microsoft's DATE/DATEVALUE docs:
// "January 1, 1900 is serial number 1, and January 1, 2008 is serial number 39448").
describe("Excel serial dates (1900 system)", () => {
  it.each([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 3, 1, 61],
    [2008, 1, 1, 39448],
    [1999, 12, 31, 36525],
    [2024, 2, 29, 45351],
    [9999, 12, 31, 2958465],
  ])("DATE(%i,%i,%i) = %i", (y, m, d, serial) => {
    expect(toSerial(y, m, d)).toBe(serial);
    expect(fromSerial(serial)).toEqual({ year: y, month: m, day: d });
  });

  it("keeps Excel's fictitious 29 February 1900 as serial 60", () => {
    expect(fromSerial(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(toSerial(1900, 2, 29)).toBe(60);
  });

  it("round-trips every day from 1900-03-01 to 2100", () => {
    for (let s = 61; s < toSerial(2100, 1, 1); s += 1) {
      const { year, month, day } = fromSerial(s);
      expect(toSerial(year, month, day)).toBe(s);
    }
  });

  it("converts 1904-system serials: 0 is 1904-01-01", () => {
    expect(toIso(from1904(0))).toBe("1904-01-01");
    expect(from1904(0)).toBe(1462);
  });

  it("adds months like EDATE, clamping the day", () => {
    expect(toIso(addMonths(toSerial(2024, 1, 31), 1))).toBe("2024-02-29");
    expect(toIso(addMonths(toSerial(2023, 3, 31), -1))).toBe("2023-02-28");
    expect(toIso(addMonths(toSerial(2023, 11, 15), 14))).toBe("2025-01-15");
  });
});

describe("fiscal periods", () => {
  it("names a fiscal year by the calendar year it ends in", () => {
    expect(fiscalYear(toSerial(2024, 6, 30), 6)).toBe(2024);
    expect(fiscalYear(toSerial(2024, 7, 1), 6)).toBe(2025);
    expect(fiscalYear(toSerial(2024, 12, 31), 12)).toBe(2024);
  });
  it("numbers periods from the month after the year end", () => {
    expect(fiscalPeriod(toSerial(2024, 7, 1), 6)).toBe(1);
    expect(fiscalPeriod(toSerial(2024, 6, 30), 6)).toBe(12);
    expect(fiscalPeriod(toSerial(2024, 3, 5), 12)).toBe(3);
    expect(fiscalQuarter(toSerial(2024, 9, 30), 6)).toBe(1);
    expect(fiscalQuarter(toSerial(2024, 10, 1), 6)).toBe(2);
  });
  it("gives the first and last day of a fiscal year", () => {
    const b = fiscalYearBounds(2025, 6);
    expect(toIso(b.start)).toBe("2024-07-01");
    expect(toIso(b.end)).toBe("2025-06-30");
  });
});

describe("dates typed as text", () => {
  it.each([
    ["2024-03-31", "2024-03-31"],
    ["2024/3/5", "2024-03-05"],
    ["3/31/2024", "2024-03-31"],
    ["31.03.2024", "2024-03-31"],
    ["31 Mar 2024", "2024-03-31"],
    ["31-Mar-2024", "2024-03-31"],
    ["March 31, 2024", "2024-03-31"],
  ])("reads %s", (text, iso) => {
    const s = parseDateText(text);
    expect(s).not.toBeNull();
    expect(toIso(s as number)).toBe(iso);
  });
  it.each(["2024-02-30", "13/01/2024", "yesterday", "", "31 Foo 2024"])("refuses %p", (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});
