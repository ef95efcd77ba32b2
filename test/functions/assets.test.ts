import { toSerial } from "../../src/engine/dates";
import { custodian, onLoan, overdue } from "../../src/functions/assets";

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

// Checkouts[#All] as Excel passes it: header first, dates as serials, blanks as "" (ReturnedOn of open loans).
const CHECKOUTS = [
  ["AssetID", "CheckedOutTo", "CheckedOutOn", "DueOn", "ReturnedOn", "Location", "Notes"],
  ["A-1", "Ann", d("2024-03-01"), d("2024-03-08"), d("2024-03-10"), "Site B", ""],
  ["A-1", "Bob", d("2024-03-15"), d("2024-03-31"), "", "", ""],
  ["A-2", "Cy", d("2024-02-01"), d("2024-02-29"), "", "", ""],
  ["A-3", "Di", d("2024-01-05"), "", "", "", "no due date"],
];

describe("BOOK.CUSTODIAN", () => {
  it("names the borrower on the date, '' when the asset is in stock", () => {
    expect(custodian(CHECKOUTS, [["A-1"]], d("2024-03-05"))).toEqual([["Ann"]]);
    expect(custodian(CHECKOUTS, [["a-1"]], d("2024-03-20"))).toEqual([["Bob"]]);
    // Returned on 10 Mar: in stock that day.
    expect(custodian(CHECKOUTS, [["A-1"]], d("2024-03-10"))).toEqual([[""]]);
    expect(custodian(CHECKOUTS, [["NEVER"]], d("2024-03-10"))).toEqual([[""]]);
  });
  it("spills one result per id for a range, blank ids giving ''", () => {
    expect(custodian(CHECKOUTS, [["A-1"], ["A-2"], [""], ["A-3"]], d("2024-03-05"))).toEqual([
      ["Ann"],
      ["Cy"],
      [""],
      ["Di"],
    ]);
  });
  it("reads dates typed as text and defaults as_of to today", () => {
    expect(custodian(CHECKOUTS, [["A-1"]], "2024-03-05")).toEqual([["Ann"]]);
    // Open loans with no return date are still out today.
    expect(custodian(CHECKOUTS, [["A-2"]])).toEqual([["Cy"]]);
  });
  it("gives #VALUE! with a message when checkouts is not a table or lacks a column", () => {
    expect(excelError(() => custodian("A-1" as unknown as unknown[][], [["A-1"]], d("2024-03-05")))).toMatchObject({
      code: "#VALUE!",
      message: "Checkouts must be a table with its header row, e.g. Checkouts[#All].",
    });
    const noBorrower = CHECKOUTS.map((r) => [r[0], r[2]]);
    expect(excelError(() => custodian(noBorrower, [["A-1"]], d("2024-03-05"))).message).toBe(
      "Table Checkouts has no CheckedOutTo column. Add it, or map your own header to CheckedOutTo in Settings."
    );
    expect(excelError(() => custodian(CHECKOUTS, [["A-1"]], "someday")).message).toMatch(/^as_of must be a date/);
  });
});

describe("BOOK.OVERDUE", () => {
  it("counts days past the due date, 0 when not overdue", () => {
    // Due 31 Mar 2024: 15 Apr is 15 days later. Due 29 Feb 2024: 15 Apr is 46 days later (31 + 15).
    expect(overdue(CHECKOUTS, [["A-1"]], d("2024-04-15"))).toEqual([[15]]);
    expect(overdue(CHECKOUTS, [["A-2"]], d("2024-04-15"))).toEqual([[46]]);
    expect(overdue(CHECKOUTS, [["A-1"]], d("2024-03-31"))).toEqual([[0]]);
    expect(overdue(CHECKOUTS, [["A-3"]], d("2024-04-15"))).toEqual([[0]]);
    expect(overdue(CHECKOUTS, [["NEVER"]], d("2024-04-15"))).toEqual([[0]]);
  });
  it("spills for a range of ids", () => {
    expect(overdue(CHECKOUTS, [["A-1", "A-2", "A-3"]], d("2024-04-01"))).toEqual([[1, 32, 0]]);
  });
  it("without asset_id lists the overdue loans, most overdue first", () => {
    expect(overdue(CHECKOUTS, undefined, d("2024-04-01"))).toEqual([
      ["AssetID", "DaysOverdue"],
      ["A-2", 32],
      ["A-1", 1],
    ]);
    expect(overdue(CHECKOUTS, undefined, d("2024-02-10"))).toEqual([["AssetID", "DaysOverdue"]]);
  });
});

describe("BOOK.ONLOAN", () => {
  it("spills the loans open on the date under a header row", () => {
    expect(onLoan(CHECKOUTS, d("2024-03-05"))).toEqual([
      ["AssetID", "CheckedOutTo", "CheckedOutOn", "DueOn", "DaysOverdue"],
      ["A-1", "Ann", d("2024-03-01"), d("2024-03-08"), 0],
      ["A-2", "Cy", d("2024-02-01"), d("2024-02-29"), 5], // 5 Mar is 5 days after 29 Feb 2024
      ["A-3", "Di", d("2024-01-05"), "", 0],
    ]);
  });
  it("gives just the header when nothing is out", () => {
    expect(onLoan(CHECKOUTS, d("2023-12-31"))).toEqual([
      ["AssetID", "CheckedOutTo", "CheckedOutOn", "DueOn", "DaysOverdue"],
    ]);
  });
  it("never returns NaN, undefined or null cells", () => {
    for (const row of onLoan(CHECKOUTS, d("2024-04-01")))
      for (const v of row) expect(v === null || v === undefined || Number.isNaN(v)).toBe(false);
  });
});
