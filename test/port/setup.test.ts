import { openBook, readParsed, toPortEdits } from "../../src/port/book";
import { layoutSheet, columnLetter } from "../../src/port/layout";
import { MemoryWorkbook } from "../../src/port/memory";
import { missingTableSpecs, resolveTables, tableSpec } from "../../src/port/setup";
import { defaultSettings } from "../../src/engine/settings";
import { TABLE_NAMES } from "../../src/engine/schema/tables";

describe("layout of an owned sheet", () => {
  it("stacks blocks one blank row apart and records where tables land", () => {
    const l = layoutSheet({
      name: "R",
      freezeHeader: true,
      blocks: [
        { kind: "title", text: "Report", lines: ["Period: 2024"] },
        {
          kind: "table",
          name: "Facts",
          headers: ["A", "B"],
          rows: [
            [1, "x"],
            [2, "y"],
          ],
          formats: { A: "currency" },
        },
        { kind: "note", text: "end" },
      ],
    });
    expect(l.values.map((r) => r[0])).toEqual(["Report", "Period: 2024", null, "A", 1, 2, null, "end"]);
    expect(l.tables).toEqual([{ name: "Facts", top: 3, headers: ["A", "B"], rowCount: 2 }]);
    expect(l.formats[4]).toEqual(["currency", null]);
    expect(l.freezeRows).toBe(4);
    expect(l.values.every((r) => r.length === 2)).toBe(true);
  });
  it("cuts text longer than an Excel cell holds, showing the cut", () => {
    const long = "x".repeat(100_000);
    const l = layoutSheet({
      name: "R",
      blocks: [{ kind: "table", name: "T", headers: ["A"], rows: [[long], ["ok"]] }],
    });
    expect((l.values[1][0] as string).length).toBe(32_767);
    expect((l.values[1][0] as string).endsWith("…")).toBe(true);
    expect(l.values[2][0]).toBe("ok");
  });

  it("lays out a 200,000-row fact table", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [i, "x"]);
    const l = layoutSheet({ name: "R", blocks: [{ kind: "table", name: "T", headers: ["N", "S"], rows }] });
    expect(l.values).toHaveLength(200_001);
    expect(l.tables[0].rowCount).toBe(200_000);
  });

  it("names columns as Excel does", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });
});

describe("setting up tables", () => {
  it("gives each table its columns, formats, validation lists and timer colours", () => {
    const s = tableSpec("Assets", defaultSettings());
    expect(s.headers[0]).toBe("AssetID");
    expect(s.formats?.Cost).toBe("currency");
    expect(s.formats?.AcquiredOn).toBe("date");
    expect(s.validation?.Status).toContain("Checked out");
    // WarrantyExpires is column Q (17th); Status is F.
    expect(s.conditionalFormats?.map((c) => c.formula)).toEqual([
      '=AND(ISNUMBER(Q2),Q2<TODAY(),F2<>"Disposed")',
      "=AND(ISNUMBER(Q2),Q2>=TODAY(),Q2-TODAY()<=30)",
    ]);
    expect(tableSpec("Ledger", defaultSettings()).validation?.Type).toContain("CustomerReturn");
  });

  it("recognises existing tables by name and by headers, and creates only the missing ones", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserTable("Ledger", ["Date", "SKU", "Type", "Quantity"], []);
    wb.addUserTable("MyRegister", ["Asset Tag", "Purchase Date", "Purchase Cost", "Useful Life", "Custodian"], []);
    wb.addUserTable("Other", ["Asset Tag", "Purchase Date", "Purchase Cost", "Useful Life"], []);
    const found = resolveTables(await wb.listTables(), defaultSettings());
    expect(found.Ledger?.name).toBe("Ledger");
    expect(found.Assets?.name).toBe("MyRegister");
    const missing = missingTableSpecs(await wb.listTables(), defaultSettings()).map((s) => s.name);
    expect(missing).toEqual(["Checkouts", "AssetLog", "Items"]);
    for (const spec of missingTableSpecs(await wb.listTables(), defaultSettings())) await wb.createTable(spec);
    expect(Object.keys(resolveTables(await wb.listTables(), defaultSettings())).sort()).toEqual(
      [...TABLE_NAMES].sort()
    );
  });

  it("refuses to create a table over an existing sheet", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Items", [["my notes"]]);
    await expect(wb.createTable(tableSpec("Items", defaultSettings()))).rejects.toThrow(/already exists/);
    expect(wb.sheetValues("Items")).toEqual([["my notes"]]);
  });
});

describe("a book: typed reads and edits in the user's own headers", () => {
  it("reads through the header map and writes edits under the user's headers", async () => {
    const wb = new MemoryWorkbook();
    const settings = { ...defaultSettings(), headerMap: { Ledger: { Quantity: "How many" } } };
    await wb.writeSettings(settings);
    wb.addUserTable(
      "Ledger",
      ["Posting Date", "Item Code", "Type", "How many", "Memo"],
      [[45292, "A-1", "receipt", 5, "x"]]
    );
    const book = await openBook(wb);
    const { parsed } = await readParsed(book, "Ledger");
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({ Date: 45292, SKU: "A-1", Type: "Receipt", Quantity: 5, row: 2 });
    const edits = toPortEdits(book, [
      { table: "Ledger", append: [{ Date: 45293, SKU: "A-1", Type: "Sale", Quantity: 2, UnitPrice: 9 }], update: [] },
    ]);
    // UnitPrice has no column in this table, so it is dropped rather than invented.
    expect(edits).toEqual([
      {
        table: "Ledger",
        append: [{ "Posting Date": 45293, "Item Code": "A-1", Type: "Sale", "How many": 2 }],
        update: [],
      },
    ]);
    await wb.applyEdits(edits);
    expect((await wb.readTable("Ledger")).rows[1]).toEqual([45293, "A-1", "Sale", 2, null]);
  });

  it("reports a missing table as an issue instead of failing", async () => {
    const book = await openBook(new MemoryWorkbook());
    const { parsed, data } = await readParsed(book, "Assets");
    expect(data).toBeNull();
    expect(parsed.issues[0].message).toMatch(/no Assets table/);
  });
});

describe("owned sheets in memory", () => {
  it("replaces only its own sheets and swaps temp sheets in with their tables renamed", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Journal", [["mine"]]);
    await expect(wb.writeSheet({ name: "Journal", blocks: [{ kind: "note", text: "x" }] })).rejects.toThrow(
      /not one Stockbook made/
    );
    await wb.writeSheet({ name: "Report", blocks: [{ kind: "table", name: "Facts", headers: ["A"], rows: [[1]] }] });
    await wb.writeSheet({
      name: "Report~new",
      blocks: [{ kind: "table", name: "Facts_new", headers: ["A"], rows: [[2]] }],
    });
    await wb.swapSheets([{ temp: "Report~new", final: "Report" }]);
    expect(await wb.ownedSheets()).toEqual(["Report"]);
    expect((await wb.readTable("Facts")).rows).toEqual([[2]]);
    expect(wb.sheetValues("Journal")).toEqual([["mine"]]);
    await wb.deleteSheets(["Report", "Journal"]);
    expect([...wb.sheets.keys()].sort()).toEqual(["Journal", "_Stockbook"]);
  });
});
