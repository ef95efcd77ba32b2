/**
 * The workbook-port contract: one suite run against every implementation (in-memory, Office.js over the Excel
 * fake, ExcelJS over real files) so they cannot drift. Expected values come from the port's documented behaviour
 * (src/port/types.ts) and from Excel's serial dates (DATE(2024,1,1) = 45292 in the 1900 system).
 */
import { defaultSettings } from "../../src/engine/settings";
import { PortError, tempSheetName, type CellValue, type SheetSpec, type WorkbookPort } from "../../src/port/types";
import { describeBatchContract } from "./contractBatch";

export interface PortHarness {
  port: WorkbookPort;
  /** Adds a user's table as a person would type it, on its own sheet (sheet defaults to the table name). */
  addUserTable(name: string, header: string[], rows: CellValue[][], sheet?: string): Promise<void>;
  /** Adds a user's plain sheet holding one value in A1. */
  addUserSheet(name: string, a1: string): Promise<void>;
  /** The value in A1 of a sheet (to prove a user's sheet was left alone). */
  userSheetA1(name: string): Promise<CellValue>;
  /** The port after a save and re-open where the implementation has files; the same port otherwise. */
  reopen(): Promise<WorkbookPort>;
}

export const INJECTION_TEXTS = [
  '=HYPERLINK("http://example.com","click")',
  "+1+2",
  "-cmd",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
  "=1+1",
  "00123",
  "1/2",
  "TRUE",
  "#N/A",
  "12%",
  "Jan 5",
];

const sheetSpec = (name: string, table: string, rows: CellValue[][], title = "Report"): SheetSpec => ({
  name,
  blocks: [
    { kind: "title", text: title, lines: ["Period: FY2024"] },
    { kind: "table", name: table, headers: ["SKU", "Qty", "Value"], rows, formats: { Value: "currency" } },
    { kind: "summary", title: "Totals", headers: ["Item", "Amount"], rows: [["Total", 30]], boldRows: [0] },
  ],
  freezeHeader: true,
});

export function describePortContract(name: string, make: () => Promise<PortHarness>): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    let h: PortHarness;
    beforeEach(async () => {
      h = await make();
    });

    describe("tables", () => {
      it("lists user tables with their headers and row counts", async () => {
        await h.addUserTable(
          "Ledger",
          ["Date", "SKU", "Type", "Quantity"],
          [
            [45292, "A-1", "Receipt", 10],
            [45293, "A-1", "Sale", 4],
          ]
        );
        const port = await h.reopen();
        const tables = await port.listTables();
        const ledger = tables.find((t) => t.name === "Ledger");
        expect(ledger).toEqual({
          name: "Ledger",
          sheet: "Ledger",
          headers: ["Date", "SKU", "Type", "Quantity"],
          rowCount: 2,
        });
      });

      it("reads a table whole: header row, numbers, text, booleans and blanks as Excel holds them", async () => {
        await h.addUserTable(
          "Items",
          ["SKU", "Kind", "ReorderPoint", "Active"],
          [
            ["A-1", "Stock", 5, true],
            ["B-2", null, 2.5, false],
          ]
        );
        const t = await (await h.reopen()).readTable("items");
        expect(t.name).toBe("Items");
        expect(t.sheet).toBe("Items");
        expect(t.headerRow).toBe(1);
        expect(t.header).toEqual(["SKU", "Kind", "ReorderPoint", "Active"]);
        expect(t.rows).toEqual([
          ["A-1", "Stock", 5, true],
          ["B-2", null, 2.5, false],
        ]);
      });

      it("refuses to read a table that does not exist", async () => {
        await expect(h.port.readTable("Nope")).rejects.toBeInstanceOf(PortError);
      });

      it("applies edits: appends rows (unnamed columns blank) and changes given cells", async () => {
        await h.addUserTable("Checkouts", ["AssetID", "CheckedOutTo", "ReturnedOn"], [["A-1", "Ann", null]]);
        await h.port.applyEdits([
          {
            table: "Checkouts",
            update: [{ rowIndex: 0, values: { ReturnedOn: 45300 } }],
            append: [{ AssetID: "A-2", checkedoutto: "Bob" }],
          },
        ]);
        const t = await (await h.reopen()).readTable("Checkouts");
        expect(t.rows).toEqual([
          ["A-1", "Ann", 45300],
          ["A-2", "Bob", null],
        ]);
      });

      it("changes nothing when an edit names a column the table does not have", async () => {
        await h.addUserTable("Checkouts", ["AssetID", "CheckedOutTo"], [["A-1", "Ann"]]);
        await expect(
          h.port.applyEdits([
            { table: "Checkouts", append: [{ AssetID: "A-2", CheckedOutTo: "Bob" }] },
            { table: "Checkouts", append: [{ Nope: 1 }] },
          ])
        ).rejects.toBeInstanceOf(PortError);
        await expect(
          h.port.applyEdits([{ table: "Checkouts", update: [{ rowIndex: 5, values: { AssetID: "X" } }] }])
        ).rejects.toBeInstanceOf(PortError);
        expect((await h.port.readTable("Checkouts")).rows).toEqual([["A-1", "Ann"]]);
      });

      it("creates a table on a new sheet and refuses to overwrite a sheet or a table", async () => {
        await h.port.createTable({
          name: "Assets",
          sheet: "Assets",
          headers: ["AssetID", "AcquiredOn", "Cost", "Status"],
          rows: [["A-1", 45292, 1200.5, "In service"]],
          formats: { AcquiredOn: "date", Cost: "currency" },
          validation: { Status: ["In service", "Disposed"] },
          conditionalFormats: [{ column: "AcquiredOn", formula: "=B2<TODAY()", fill: "#FFC7CE" }],
          style: "TableStyleMedium2",
        });
        const port = await h.reopen();
        const t = await port.readTable("Assets");
        expect(t.header).toEqual(["AssetID", "AcquiredOn", "Cost", "Status"]);
        expect(t.rows).toEqual([["A-1", 45292, 1200.5, "In service"]]);
        await expect(port.createTable({ name: "Other", sheet: "Assets", headers: ["X"] })).rejects.toBeInstanceOf(
          PortError
        );
        await expect(port.createTable({ name: "Assets", sheet: "Fresh", headers: ["X"] })).rejects.toBeInstanceOf(
          PortError
        );
        expect((await port.readTable("Assets")).rows).toHaveLength(1);
      });

      it("creates an empty table that reads as no rows and takes appended rows", async () => {
        await h.port.createTable({ name: "Ledger", sheet: "Ledger", headers: ["Date", "SKU", "Quantity"] });
        expect((await (await h.reopen()).readTable("Ledger")).rows).toEqual([]);
        const port = await h.reopen();
        await port.applyEdits([{ table: "Ledger", append: [{ Date: 45292, SKU: "A", Quantity: 1 }, { SKU: "B" }] }]);
        expect((await port.readTable("Ledger")).rows).toEqual([
          [45292, "A", 1],
          [null, "B", null],
        ]);
      });

      it("keeps dates as serial numbers (1900 system) through create, edit and read", async () => {
        await h.port.createTable({
          name: "Log",
          sheet: "Log",
          headers: ["Date", "Note"],
          rows: [[45292, "new year"]],
          formats: { Date: "date" },
        });
        await h.port.applyEdits([{ table: "Log", append: [{ Date: 45351.5, Note: "leap day noon" }] }]);
        const port = await h.reopen();
        expect((await port.info()).date1904).toBe(false);
        expect((await port.readTable("Log")).rows).toEqual([
          [45292, "new year"],
          [45351.5, "leap day noon"],
        ]);
      });

      it("keeps formula-looking and number-looking text as text, exactly as typed", async () => {
        await h.port.createTable({
          name: "Notes",
          sheet: "Notes",
          headers: ["Id", "Text"],
          rows: INJECTION_TEXTS.slice(0, 3).map((t, i) => [i, t]),
        });
        await h.port.applyEdits([
          { table: "Notes", append: INJECTION_TEXTS.slice(3).map((t, i) => ({ Id: i + 3, Text: t })) },
        ]);
        await h.port.applyEdits([{ table: "Notes", update: [{ rowIndex: 0, values: { Text: "=2*3" } }] }]);
        await h.port.writeSheet(
          sheetSpec(
            "Echo",
            "Echo",
            INJECTION_TEXTS.map((t) => [t, 1, 2])
          )
        );
        const port = await h.reopen();
        const notes = await port.readTable("Notes");
        expect(notes.rows.map((r) => r[1])).toEqual(["=2*3", ...INJECTION_TEXTS.slice(1)]);
        expect((await port.readTable("Echo")).rows.map((r) => r[0])).toEqual(INJECTION_TEXTS);
      });
    });

    describe("owned sheets", () => {
      it("writes an owned sheet whose tables can be read back, and lists it as owned", async () => {
        await h.port.writeSheet(
          sheetSpec("Valuation", "ValuationFacts", [
            ["A", 1, 10.5],
            ["B", 2, 19.5],
          ])
        );
        const port = await h.reopen();
        expect(await port.ownedSheets()).toEqual(["Valuation"]);
        const t = await port.readTable("ValuationFacts");
        expect(t.sheet).toBe("Valuation");
        // Title, one line, a blank row, then the table's header (layout.ts): the header is on sheet row 4.
        expect(t.headerRow).toBe(4);
        expect(t.rows).toEqual([
          ["A", 1, 10.5],
          ["B", 2, 19.5],
        ]);
      });

      it("replaces its own sheet on a re-run", async () => {
        await h.port.writeSheet(sheetSpec("Valuation", "ValuationFacts", [["A", 1, 10]]));
        await h.port.writeSheet(sheetSpec("Valuation", "ValuationFacts", [["Z", 9, 90]]));
        const port = await h.reopen();
        expect((await port.readTable("ValuationFacts")).rows).toEqual([["Z", 9, 90]]);
        expect(await port.ownedSheets()).toEqual(["Valuation"]);
      });

      it("never replaces a user's sheet that shares the name", async () => {
        await h.addUserSheet("Valuation", "my own notes");
        await expect(h.port.writeSheet(sheetSpec("Valuation", "ValuationFacts", [["A", 1, 1]]))).rejects.toBeInstanceOf(
          PortError
        );
        await h.port.deleteSheets(["Valuation"]);
        expect(await h.userSheetA1("Valuation")).toBe("my own notes");
        expect(await h.port.ownedSheets()).toEqual([]);
      });

      it("swaps temp sheets in: the old owned final goes, the temp takes its name and its tables drop _new", async () => {
        await h.port.writeSheet(sheetSpec("Valuation", "ValuationFacts", [["old", 1, 1]]));
        const temp = tempSheetName("Valuation");
        await h.port.writeSheet(sheetSpec(temp, "ValuationFacts_new", [["new", 2, 2]]));
        await h.port.swapSheets([{ temp, final: "Valuation" }]);
        const port = await h.reopen();
        expect(await port.ownedSheets()).toEqual(["Valuation"]);
        const t = await port.readTable("ValuationFacts");
        expect(t.sheet).toBe("Valuation");
        expect(t.rows).toEqual([["new", 2, 2]]);
        await expect(port.readTable("ValuationFacts_new")).rejects.toBeInstanceOf(PortError);
        expect((await port.info()).sheets).not.toContain(temp);
      });

      it("refuses a swap onto a user's sheet before changing anything", async () => {
        await h.addUserSheet("Valuation", "keep me");
        const temp = tempSheetName("Valuation");
        await h.port.writeSheet(sheetSpec(temp, "ValuationFacts_new", [["new", 2, 2]]));
        await expect(h.port.swapSheets([{ temp, final: "Valuation" }])).rejects.toBeInstanceOf(PortError);
        expect(await h.userSheetA1("Valuation")).toBe("keep me");
        expect(await h.port.ownedSheets()).toEqual([temp]);
      });

      it("deletes owned sheets and ignores names it does not own", async () => {
        await h.addUserSheet("Mine", "x");
        await h.port.writeSheet(sheetSpec("Report A", "FactsA", [["a", 1, 1]]));
        await h.port.writeSheet(sheetSpec("Report B", "FactsB", [["b", 1, 1]]));
        await h.port.deleteSheets(["Report A", "Mine", "Nothing"]);
        const port = await h.reopen();
        expect(await port.ownedSheets()).toEqual(["Report B"]);
        expect((await port.info()).sheets).toEqual(expect.arrayContaining(["Mine", "Report B"]));
        expect((await port.info()).sheets).not.toContain("Report A");
      });

      it("activates a sheet that exists and refuses one that does not", async () => {
        await h.port.writeSheet(sheetSpec("Valuation", "ValuationFacts", [["A", 1, 1]]));
        await h.port.activateSheet("Valuation");
        await expect(h.port.activateSheet("Nope")).rejects.toBeInstanceOf(PortError);
      });

      it("answers addPivot and addChart with ok or a reason for the static fallback", async () => {
        await h.port.writeSheet(sheetSpec("Valuation", "ValuationFacts", [["A", 1, 1]]));
        const pivot = await h.port.addPivot({
          name: "ByItem",
          sheet: "Valuation",
          sourceTable: "ValuationFacts",
          rows: ["SKU"],
          values: [{ field: "Value", summarizeBy: "Sum" }],
        });
        const chart = await h.port.addChart({
          name: "ValueChart",
          sheet: "Valuation",
          sourceTable: "ValuationFacts",
          series: ["Value"],
          type: "column",
          title: "Value by SKU",
        });
        for (const r of [pivot, chart]) {
          if (r.ok) expect(r).toEqual({ ok: true });
          else expect(r.reason).toMatch(/\w/);
        }
      });
    });

    describeBatchContract(() => h);

    describe("settings", () => {
      it("reads defaults from a workbook without a _Stockbook sheet", async () => {
        expect(await h.port.readSettings()).toEqual(defaultSettings());
      });

      it("round-trips settings, header map and owned sheets through the _Stockbook sheet", async () => {
        const s = {
          ...defaultSettings(),
          fiscalYearEndMonth: 6,
          currencyDecimals: 0,
          valuationMethod: "MOVING" as const,
          allowNegativeStock: true,
          headerMap: { Ledger: { Quantity: "Qty", Date: "=Posted" } },
          ownedSheets: ["Valuation"],
        };
        await h.port.writeSettings(s);
        await h.port.writeSettings({ ...s, warrantyWarningDays: 45 });
        const port = await h.reopen();
        expect(await port.readSettings()).toEqual({ ...s, warrantyWarningDays: 45 });
        expect((await port.info()).sheets).toContain("_Stockbook");
      });

      it("reports progress without failing", () => {
        expect(() => h.port.progress({ step: "Reading Ledger", done: 1, total: 2 })).not.toThrow();
      });
    });
  });
}
