import { toSerial } from "../../src/engine/dates";
import { warrantyDays, warrantyStatus } from "../../src/functions/warranty";

const d = (iso: string) => {
  const [y, m, day] = iso.split("-").map(Number);
  return toSerial(y, m, day);
};

function excelError(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

describe("BOOK.WARRANTYDAYS", () => {
  it("counts calendar days to the expiry date", () => {
    // 2024 is a leap year: 1 Feb to 1 Mar is 29 days.
    expect(warrantyDays([[d("2024-03-01")]], d("2024-02-01"))).toEqual([[29]]);
    expect(warrantyDays([[d("2024-03-01")]], d("2024-03-01"))).toEqual([[0]]);
    expect(warrantyDays([[d("2024-03-01")]], d("2024-03-11"))).toEqual([[-10]]);
  });
  it("accepts dates typed as text", () => {
    expect(warrantyDays([["2025-01-31"]], "2025-01-01")).toEqual([[30]]);
  });
  it("defaults as_of to today", () => {
    const now = new Date();
    const today = toSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
    expect(warrantyDays([[today + 5]])).toEqual([[5]]);
  });
  it("spills one result per cell for a range]], errors only in their own cells", () => {
    const out = warrantyDays([[d("2024-01-11")], ["soon"], [d("2023-12-31")]], d("2024-01-01")) as unknown[][];
    expect(out[0][0]).toBe(10);
    expect(out[1][0]).toBeInstanceOf(CustomFunctions.Error);
    expect((out[1][0] as { message: string }).message).toMatch(/expiry must be a date/);
    expect(out[2][0]).toBe(-1);
  });
  it("gives #VALUE! with a message for bad input: in the cell for a bad expiry, for the call for a bad as_of", () => {
    const e = warrantyDays([["next year"]], d("2024-01-01"))[0][0] as { code: string; message: string };
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/expiry must be a date.*"next year"/);
    expect(excelError(() => warrantyDays([[d("2024-01-01")]], "tomorrow")).message).toMatch(/as_of must be a date/);
    expect((warrantyDays([[null]], d("2024-01-01"))[0][0] as { message: string }).message).toMatch(/expiry is blank/);
  });
});

describe("BOOK.WARRANTYSTATUS", () => {
  const asOf = d("2024-06-15");
  it.each([
    ["2024-12-31", "Active"],
    ["2024-07-15", "Expiring"], // 30 days left: within the default 30-day window
    ["2024-07-16", "Active"], // 31 days left
    ["2024-06-15", "Expiring"], // the expiry day is still covered
    ["2024-06-14", "Expired"],
  ])("expiry %s -> %s (default 30 warning days)", (expiry, status) => {
    expect(warrantyStatus([[d(expiry)]], asOf)).toEqual([[status]]);
  });
  it("is still Active on its expiry day when there is no warning window", () => {
    expect(warrantyStatus([[asOf]], asOf, 0)).toEqual([["Active"]]);
    expect(warrantyStatus([[asOf - 1]], asOf, 0)).toEqual([["Expired"]]);
  });
  it("says None for a blank expiry", () => {
    expect(warrantyStatus([[""]], asOf)).toEqual([["None"]]);
    expect(warrantyStatus([[null]], asOf)).toEqual([["None"]]);
  });
  it("honours warn_days", () => {
    expect(warrantyStatus([[d("2024-09-01")]], asOf, 90)).toEqual([["Expiring"]]);
    expect(warrantyStatus([[d("2024-09-01")]], asOf, 60)).toEqual([["Active"]]);
  });
  it("spills for a range", () => {
    expect(warrantyStatus([[d("2024-12-31"), null, d("2024-01-01")]], asOf)).toEqual([["Active", "None", "Expired"]]);
  });
  it("refuses a negative or non-numeric warn_days with #VALUE!", () => {
    expect(excelError(() => warrantyStatus([[asOf]], asOf, -1)).message).toMatch(/warn_days must be at least 0/);
    expect(excelError(() => warrantyStatus([[asOf]], asOf, "a month")).message).toMatch(/warn_days must be a number/);
  });
});
