/** readLedger: parsing issues are attributed to the items they concern. */
import { readLedger, valueLedger } from "../../../src/engine/inventory";
import { day, ledger } from "./helpers";

const header = ["Date", "SKU", "Type", "Quantity", "UnitCost", "UnitPrice"];

describe("readLedger", () => {
  it("a bad cell makes an error for its item only, naming the row and the column", () => {
    const input = readLedger({
      header,
      rows: [
        [45000, "A", "Receipt", 5, 2, null],
        [45001, "B", "Receipt", "five", 2, null],
        [45002, "B", "Receipt", 5, "two", null],
      ],
    });
    expect(input.tableError).toBeNull();
    const e = input.skuErrors.get("b");
    expect(e).toMatchObject({ code: "#VALUE!", table: "Ledger", row: 3, column: "Quantity" });
    expect(e?.message).toMatch(/Row 3 of the Ledger \(item B\): Quantity must be a number \(found "five"\)\./);
    expect(input.skuErrors.has("a")).toBe(false);
    expect(input.compiled.skus).toEqual(["A", "B"]);
  });

  it("a bad row whose SKU cannot be read concerns every item", () => {
    const input = readLedger({ header, rows: [[45000, null, "Receipt", "x", 2, null]] });
    expect(input.tableError?.message).toMatch(/Row 2 of the Ledger cannot be read/);
  });

  it("blank rows are ignored", () => {
    const input = readLedger({
      header,
      rows: [
        [null, null, null, null, null, null],
        [45000, "A", "Receipt", 5, 2, null],
      ],
    });
    expect(input.tableError).toBeNull();
    expect(input.skuErrors.size).toBe(0);
  });

  it("a missing required column concerns every item", () => {
    const input = readLedger({ header: ["Date", "SKU", "Quantity"], rows: [[45000, "A", 1]] });
    expect(input.tableError?.message).toMatch(/no Type column/);
  });

  it("bad data in Items is an error for that item; Items gives methods and services", () => {
    const input = readLedger(
      { header, rows: [[45000, "A", "Receipt", 5, 2, null]] },
      {
        header: ["SKU", "Method", "Kind"],
        rows: [
          ["A", "LIFO", "Stock"],
          ["B", "HIFO", null],
          ["S", null, "Service"],
        ],
      }
    );
    expect(input.skuErrors.get("b")?.message).toMatch(/Row 3 of the Items \(item B\): Method must be one of/);
    expect(input.compiled.itemRows[0]?.Method).toBe("LIFO");
    const v = valueLedger(input.compiled);
    expect(v.get("A")?.method).toBe("LIFO");
    expect(v.get("S")?.service).toBe(true);
  });
});

describe("warnings", () => {
  it("a sale without UnitPrice counts 0 revenue and says so", () => {
    const v = valueLedger(
      ledger([
        { date: "2024-01-01", type: "Receipt", qty: 2, cost: 1 },
        { date: "2024-01-02", type: "Sale", qty: 1 },
      ])
    );
    expect(v.items[0].revenue).toBe(0);
    expect(v.issues).toEqual([
      expect.objectContaining({ severity: "warning", row: 3, message: expect.stringMatching(/no UnitPrice/) }),
    ]);
  });
});

describe("WEIGHTED over a fiscal year ending in June", () => {
  it("July to June is one period", () => {
    const rows = ledger([
      { date: "2023-06-30", type: "Receipt", qty: 10, cost: 1 }, // FY2023
      { date: "2023-07-01", type: "Receipt", qty: 10, cost: 3 }, // FY2024 from here
      { date: "2023-07-02", type: "Sale", qty: 10, price: 5 },
      { date: "2024-06-30", type: "Receipt", qty: 20, cost: 4 },
    ]);
    const r = valueLedger(rows, { method: "WEIGHTED", weightedPeriod: "year", fiscalYearEndMonth: 6 }).items[0];
    // FY2024 average = (10 + 30 + 80) / 40 = 3: the July sale costs 30 and 30 units remain at 90.
    expect(r.cogs).toBe(30);
    expect(r.value).toBe(90);
    const monthly = valueLedger(rows, { method: "WEIGHTED", to: day("2023-07-31") }).items[0];
    expect(monthly.cogs).toBe(20); // July alone: (10 + 30) / 20 = 2
  });
});
