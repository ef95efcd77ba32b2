/**
 * The Office.js adapter against the stateful Excel fake: sync counts, payload chunking, the text escape, owned
 * sheets and failures. The fake queues work until `sync()` like Excel, and models what Excel does with typed text
 * (its `typeValue`): the escape tests would fail if the adapter wrote "=…" into a cell not formatted as Text.
 */
import { readChunks } from "../../src/excel/chunks";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { defaultSettings } from "../../src/engine/settings";
import { PortError, tempSheetName, type CellValue, type SheetSpec } from "../../src/port/types";
import { ExcelFake, PAYLOAD_LIMIT } from "../fakes/excelFake";
import { INJECTION_TEXTS } from "../port/contract";

function setup(opts: { supports?: (set: string, v: string) => boolean; budget?: number; chunkCells?: number } = {}) {
  const fake = new ExcelFake();
  const port = new OfficeWorkbook(fake.run, {
    isSetSupported: opts.supports ?? (() => true),
    maxRequestBytes: opts.budget,
    readChunkCells: opts.chunkCells,
  });
  return { fake, port };
}

const ledgerRows = (n: number): CellValue[][] =>
  Array.from({ length: n }, (_, i) => [
    45292 + (i % 365),
    `SKU-${i % 500}`,
    i % 3 === 0 ? "Sale" : "Receipt",
    (i % 17) + 1,
  ]);

const report = (name: string, table: string, rows: CellValue[][]): SheetSpec => ({
  name,
  blocks: [
    { kind: "title", text: "Valuation" },
    { kind: "table", name: table, headers: ["SKU", "Qty", "Value"], rows },
  ],
});

describe("OfficeWorkbook over the Excel fake", () => {
  describe("syncs", () => {
    it("reads a table of up to chunk ÷ 64 rows in one sync: layout and rows together", async () => {
      const { fake, port } = setup();
      fake.state.seedTable("Ledger", "Ledger", ["Date", "SKU", "Type", "Quantity"], ledgerRows(1500));
      // Another table below is inside the first-rows read; its rows are not the ledger's.
      fake.state.seedTable("Ledger", "Below", ["Other"], [["not a ledger row"]], { row: 1502, col: 0 });
      const t = await port.readTable("Ledger");
      expect(t.rows).toEqual(ledgerRows(1500));
      expect(fake.syncs).toBe(1);
    });

    it("reads an empty table in one sync", async () => {
      const { fake, port } = setup();
      await port.createTable({ name: "Ledger", sheet: "Ledger", headers: ["Date", "SKU"] });
      fake.resetCounters();
      expect((await port.readTable("Ledger")).rows).toEqual([]);
      expect(fake.syncs).toBe(1);
    });

    it("reads a large table in ⌈cells ÷ chunk⌉ + 1 syncs (first rows with the layout, the rest in chunks)", async () => {
      const { fake, port } = setup({ chunkCells: 10_000 });
      const rows = ledgerRows(25_000); // 100,000 cells → 10 chunks of 2,500 rows
      fake.state.seedTable("Ledger", "Ledger", ["Date", "SKU", "Type", "Quantity"], rows);
      const t = await port.readTable("Ledger");
      expect(fake.syncs).toBe(Math.ceil(100_000 / 10_000) + 1);
      expect(t.rows).toEqual(rows);
      expect(t.headerRow).toBe(1);
    });

    it("halves a chunk Excel finds too large and still reads every row", async () => {
      const { fake, port } = setup({ chunkCells: 1_000_000 });
      const long = "x".repeat(3000);
      const rows: CellValue[][] = Array.from({ length: 3000 }, (_, i) => [i, long]); // ~9 MB in one response
      fake.state.seedTable("Notes", "Notes", ["Id", "Text"], rows);
      const t = await port.readTable("Notes");
      expect(t.rows).toEqual(rows);
      // Layout + first rows, then the whole table in one chunk, came back over Excel's 5 MB; the halves did not.
      const over = fake.requests.filter((r) => r.responseBytes > PAYLOAD_LIMIT);
      expect(over.length).toBeGreaterThanOrEqual(1);
      const lastOver = fake.requests.lastIndexOf(over[over.length - 1]);
      expect(fake.requests.slice(lastOver + 1).every((r) => r.responseBytes <= PAYLOAD_LIMIT)).toBe(true);
      expect(fake.syncs).toBeGreaterThan(lastOver + 2);
    });

    it("writes a new report sheet in 2 syncs (state, write) and 3 once _Stockbook exists", async () => {
      const { fake, port } = setup();
      await port.writeSheet(report("Valuation", "Facts", [["A", 1, 2]]));
      expect(fake.syncs).toBe(2);
      fake.resetCounters();
      await port.writeSheet(report("Other", "OtherFacts", [["A", 1, 2]]));
      expect(fake.syncs).toBe(3);
    });

    it("does a full round trip (create, read, edit, read) in 6 syncs", async () => {
      const { fake, port } = setup();
      await port.createTable({ name: "Ledger", sheet: "Ledger", headers: ["Date", "SKU"], rows: [[45292, "A"]] });
      await port.readTable("Ledger");
      await port.applyEdits([{ table: "Ledger", append: [{ Date: 45293, SKU: "B" }] }]);
      const t = await port.readTable("Ledger");
      expect(t.rows).toEqual([
        [45292, "A"],
        [45293, "B"],
      ]);
      // createTable: state + write; readTable: 1; applyEdits: layout + write; readTable again: 1.
      expect(fake.syncs).toBe(2 + 1 + 2 + 1);
    });

    it("splits a large write into requests under the budget", async () => {
      const budget = 200_000;
      const { fake, port } = setup({ budget });
      const rows = ledgerRows(20_000).map((r) => [r[1], r[3], r[0]]);
      await port.writeSheet(report("Valuation", "Facts", rows));
      const writes = fake.requests.filter((r) => r.requestBytes > 10_000);
      expect(writes.length).toBeGreaterThan(3);
      expect(Math.max(...fake.requests.map((r) => r.requestBytes))).toBeLessThanOrEqual(budget);
      const t = await port.readTable("Facts");
      expect(t.rows).toEqual(rows);
    });

    it("splits a large append into requests under the budget", async () => {
      const budget = 100_000;
      const { fake, port } = setup({ budget });
      fake.state.seedTable("Ledger", "Ledger", ["Date", "SKU", "Type", "Quantity"], ledgerRows(1));
      const extra = ledgerRows(10_000);
      await port.applyEdits([
        { table: "Ledger", append: extra.map((r) => ({ Date: r[0], SKU: r[1], Type: r[2], Quantity: r[3] })) },
      ]);
      expect(Math.max(...fake.requests.map((r) => r.requestBytes))).toBeLessThanOrEqual(budget);
      expect((await port.readTable("Ledger")).rows).toEqual([...ledgerRows(1), ...extra]);
    });
  });

  describe("text stays text", () => {
    it("writes formula- and number-looking text into Text-formatted cells, so no cell becomes a formula", async () => {
      const { fake, port } = setup();
      await port.writeSheet(
        report(
          "Echo",
          "Echo",
          INJECTION_TEXTS.map((t) => [t, 1, "plain"])
        )
      );
      const sheet = fake.state.findSheet("Echo");
      if (!sheet) throw new Error("no sheet");
      INJECTION_TEXTS.forEach((text, i) => {
        const cell = sheet.cell(2 + 1 + i, 0); // title, blank, header, then the rows
        expect(cell).toMatchObject({ value: text, numberFormat: "@" });
        expect(cell.formula).toBeUndefined();
        expect(sheet.cell(3 + i, 2)).toMatchObject({ value: "plain", numberFormat: "General" });
      });
    });

    it("escapes text in appended and updated table cells too", async () => {
      const { fake, port } = setup();
      fake.state.seedTable("Notes", "Notes", ["Id", "Text"], [[1, "ok"]]);
      await port.applyEdits([
        {
          table: "Notes",
          update: [{ rowIndex: 0, values: { Text: "=cmd|' /C calc'!A0" } }],
          append: [{ Id: 2, Text: "-2+3" }],
        },
      ]);
      const s = fake.state.findSheet("Notes");
      expect(s?.cell(1, 1)).toMatchObject({ value: "=cmd|' /C calc'!A0", numberFormat: "@" });
      expect(s?.cell(2, 1)).toMatchObject({ value: "-2+3", numberFormat: "@" });
      expect([s?.cell(1, 1).formula, s?.cell(2, 1).formula]).toEqual([undefined, undefined]);
    });

    it("(the fake models Excel: unescaped, the same text becomes a formula)", () => {
      const fake = new ExcelFake();
      const s = fake.state.addSheet("Raw");
      s.typeValue(0, 0, "=1+1");
      s.typeValue(0, 1, "00123");
      expect(s.cell(0, 0).formula).toBe("=1+1");
      expect(s.cell(0, 1).value).toBe(123);
    });
  });

  describe("owned sheets", () => {
    it("lists owned sheets on the very hidden _Stockbook sheet", async () => {
      const { fake, port } = setup();
      await port.writeSheet(report("Valuation", "Facts", [["A", 1, 2]]));
      expect(fake.state.findSheet("_Stockbook")?.visibility).toBe("VeryHidden");
      expect((await port.readSettings()).ownedSheets).toEqual(["Valuation"]);
    });

    it("refuses to replace a user's sheet of the same name without sending any change", async () => {
      const { fake, port } = setup();
      fake.state.addSheet("Valuation").typeValue(0, 0, "mine");
      await expect(port.writeSheet(report("Valuation", "Facts", [["A", 1, 2]]))).rejects.toThrow(PortError);
      expect(fake.requests.every((r) => r.requestBytes < 1_000)).toBe(true);
      expect(fake.state.findSheet("Valuation")?.cell(0, 0).value).toBe("mine");
      expect(fake.state.findSheet("_Stockbook")).toBeUndefined();
    });

    it("refuses a table name a user's table already has", async () => {
      const { fake, port } = setup();
      fake.state.seedTable("Data", "Facts", ["A"], [[1]]);
      await expect(port.writeSheet(report("Valuation", "Facts", [["A", 1, 2]]))).rejects.toThrow(/already exists/);
    });

    it("swaps in one request: deletes the old final, renames the temp and its _new tables", async () => {
      const { fake, port } = setup();
      await port.writeSheet(report("Valuation", "Facts", [["old", 1, 1]]));
      const temp = tempSheetName("Valuation");
      await port.writeSheet(report(temp, "Facts_new", [["new", 2, 2]]));
      fake.resetCounters();
      await port.swapSheets([{ temp, final: "Valuation" }]);
      expect(fake.syncs).toBe(3); // state, settings, the swap itself
      expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "_Stockbook", "Valuation"]);
      expect(fake.state.findTable("Facts")?.sheet.name).toBe("Valuation");
      expect(fake.state.findSheet("Valuation")?.cell(3, 0).value).toBe("new");
    });

    it("a failed swap request is finished in a fresh request (BUG-H8: never a half-swapped set)", async () => {
      const { fake, port } = setup();
      await port.writeSheet(report("Valuation", "Facts", [["old", 1, 1]]));
      const temp = tempSheetName("Valuation");
      await port.writeSheet(report(temp, "Facts_new", [["new", 2, 2]]));
      fake.failAtSync = fake.syncs + 3;
      fake.applyBeforeFailure = 2;
      await port.swapSheets([{ temp, final: "Valuation" }]);
      expect(fake.state.findSheet("Valuation")?.cell(3, 0).value).toBe("new");
      expect(fake.state.findTable("Facts")?.sheet.name).toBe("Valuation");
      expect(fake.state.findSheet(temp)).toBeUndefined();
    });

    it("a sync failing mid-write leaves no half-written sheet and restores calculation", async () => {
      const { fake, port } = setup({ budget: 50_000 });
      await port.writeSheet(report("Valuation", "Facts", [["old", 1, 1]]));
      const temp = tempSheetName("Valuation");
      fake.failAtSync = fake.syncs + 5; // state (2), first write chunk, second chunk, the failing third
      fake.applyBeforeFailure = 1;
      await expect(port.writeSheet(report(temp, "Facts_new", ledgerRows(5000)))).rejects.toThrow(PortError);
      expect(fake.state.findSheet(temp)).toBeUndefined();
      expect(fake.state.findSheet("Valuation")?.cell(3, 0).value).toBe("old");
      expect(fake.state.calculationMode).toBe("Automatic");
    });
  });

  describe("host features", () => {
    it("writes with calculation manual and screen updating suspended, then restores automatic", async () => {
      const { fake, port } = setup({ budget: 50_000 });
      await port.writeSheet(report("Valuation", "Facts", ledgerRows(5000)));
      const modes = fake.state.calculationModes;
      expect(modes.slice(1, -1).every((m) => m === "Manual")).toBe(true);
      expect(modes[modes.length - 1]).toBe("Automatic");
      expect(fake.state.screenSuspensions).toBeGreaterThan(1);
    });

    it("leaves calculation alone where ExcelApi 1.8 is missing", async () => {
      const { fake, port } = setup({ supports: (_s, v) => Number(v) < 1.8 });
      await port.writeSheet(report("Valuation", "Facts", [["A", 1, 2]]));
      expect(fake.state.calculationModes.every((m) => m === "Automatic")).toBe(true);
      expect(fake.state.screenSuspensions).toBe(0);
    });

    it("asks for a full recalculation after settings change", async () => {
      const { fake, port } = setup();
      await port.writeSettings({ ...defaultSettings(), fiscalYearEndMonth: 3 });
      expect(fake.state.calculations).toEqual(["Full"]);
    });

    it("detects a 1904-system workbook", async () => {
      const { fake, port } = setup();
      fake.state.date1904 = true;
      expect((await port.info()).date1904).toBe(true);
    });

    it("creates a PivotTable with rows, columns and summarised values", async () => {
      const { fake, port } = setup();
      await port.writeSheet({
        name: "Profit",
        blocks: [
          { kind: "table", name: "ProfitFacts", headers: ["Category", "Month", "Revenue"], rows: [["A", 1, 10]] },
        ],
      });
      const r = await port.addPivot({
        name: "ByCategory",
        sheet: "Profit",
        sourceTable: "ProfitFacts",
        rows: ["Category"],
        columns: ["Month"],
        values: [{ field: "Revenue", summarizeBy: "Sum", caption: "Revenue total" }],
        title: "Revenue by category",
      });
      expect(r).toEqual({ ok: true });
      expect(fake.state.pivots[0]).toMatchObject({
        name: "ByCategory",
        rows: ["Category"],
        columns: ["Month"],
        data: [{ field: "Revenue", summarizeBy: "Sum", name: "Revenue total" }],
      });
      await expect(
        port.addPivot({ name: "Bad", sheet: "Profit", sourceTable: "ProfitFacts", rows: ["Nope"], values: [] })
      ).rejects.toThrow(PortError);
    });

    it("answers ok:false for PivotTables without ExcelApi 1.8, so the caller writes the static summary", async () => {
      const { fake, port } = setup({ supports: (_s, v) => Number(v) < 1.8 });
      const r = await port.addPivot({ name: "P", sheet: "S", sourceTable: "T", rows: ["A"], values: [] });
      expect(r.ok).toBe(false);
      expect(fake.syncs).toBe(0);
    });

    it("adds a chart with only the named series", async () => {
      const { fake, port } = setup();
      await port.writeSheet({
        name: "Profit",
        blocks: [
          {
            kind: "table",
            name: "Monthly",
            headers: ["Month", "Revenue", "COGS", "Margin"],
            rows: [["Jan", 10, 6, 4]],
          },
        ],
      });
      const r = await port.addChart({
        name: "RevenueChart",
        sheet: "Profit",
        sourceTable: "Monthly",
        series: ["Revenue", "Margin"],
        type: "line",
        title: "Revenue and margin",
      });
      expect(r).toEqual({ ok: true });
      expect(fake.state.charts[0]).toMatchObject({
        name: "RevenueChart",
        type: "Line",
        title: "Revenue and margin",
        series: ["Revenue", "Margin"],
      });
    });
  });
});

describe("read chunks", () => {
  it("splits a read into ⌈cells ÷ chunk⌉ chunks of equal height covering every row once", () => {
    const chunks = readChunks(200_000, 9, 100_000);
    expect(chunks).toHaveLength(18);
    expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(200_000);
    chunks.forEach((c, i) => expect(c.start).toBe(i === 0 ? 0 : chunks[i - 1].start + chunks[i - 1].count));
    expect(Math.max(...chunks.map((c) => c.count * 9))).toBeLessThan(100_000 + 9);
    expect(readChunks(0, 9, 100_000)).toEqual([]);
  });
});

describe("text escape (property)", () => {
  it("any non-empty text written to a sheet reads back exactly as typed", async () => {
    const fc = await import("fast-check");
    const risky = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "#", "0", "1", " ", "$", "(", ".", "TRUE");
    const text = fc
      .tuple(fc.array(risky, { maxLength: 3 }), fc.string({ maxLength: 12 }))
      .map(([prefix, rest]) => prefix.join("") + rest)
      .filter((s) => s !== "");
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 30 }), async (texts) => {
        const { fake, port } = setup();
        await port.writeSheet(
          report(
            "Echo",
            "Echo",
            texts.map((t) => [t, 1, 2])
          )
        );
        const back = await port.readTable("Echo");
        expect(back.rows.map((r) => r[0])).toEqual(texts);
        const sheet = fake.state.findSheet("Echo");
        texts.forEach((_, i) => expect(sheet?.cell(3 + i, 0).formula).toBeUndefined());
      }),
      { numRuns: 150 }
    );
  });
});

describe("cell limits", () => {
  it("cuts text to Excel's 32,767 characters a cell instead of failing the request", async () => {
    const { fake, port } = setup();
    await port.writeSheet(report("Long", "LongFacts", [["x".repeat(40_000), 1, 2]]));
    expect(String(fake.state.findSheet("Long")?.cell(3, 0).value).length).toBe(32_767);
  });
});

describe("failures at every sync of a re-write", () => {
  it.each([1, 2, 3, 4, 5, 6])(
    "a failure at write sync %i never leaves a scratch sheet and never keeps a half-written one",
    async (k) => {
      for (const applied of [0, 1, 2, 3]) {
        const { fake, port } = setup({ budget: 50_000 });
        await port.writeSheet(report("Valuation", "Facts", [["old", 1, 1]]));
        fake.resetCounters();
        fake.failAtSync = 2 + k; // after the state syncs (2)
        fake.applyBeforeFailure = applied;
        const done = await port.writeSheet(report("Valuation", "Facts", ledgerRows(4000))).then(
          () => true,
          (e: unknown) => (e instanceof PortError ? false : Promise.reject(e))
        );
        const names = fake.state.sheets.map((s) => s.name);
        expect(names.filter((n) => n.startsWith("~"))).toEqual([]);
        if (!done) {
          const v = fake.state.findSheet("Valuation");
          // Either the earlier report is still there, or no sheet of that name is.
          if (v) expect(v.cell(3, 0).value).toBe("old");
        }
        expect(fake.state.calculationMode).toBe("Automatic");
      }
    }
  );
});

describe("createTable failure", () => {
  it("leaves no half-made sheet, so setting up again works", async () => {
    const { fake, port } = setup();
    fake.failAtSync = 2; // state, then the failing write
    fake.applyBeforeFailure = 3;
    const spec = { name: "Items", sheet: "Items", headers: ["SKU", "Kind"], rows: [["A", "Stock"]] };
    await expect(port.createTable(spec)).rejects.toThrow(PortError);
    expect(fake.state.findSheet("Items")).toBeUndefined();
    await port.createTable(spec);
    expect((await port.readTable("Items")).rows).toEqual([["A", "Stock"]]);
  });
});

describe("progress", () => {
  it("reports each chunk of a large read and write to the listener", async () => {
    const fake = new ExcelFake();
    const seen: string[] = [];
    const port = new OfficeWorkbook(fake.run, {
      isSetSupported: () => true,
      readChunkCells: 10_000,
      maxRequestBytes: 100_000,
      onProgress: (p) => seen.push(`${p.step} ${p.done}/${p.total}`),
    });
    fake.state.seedTable("Ledger", "Ledger", ["Date", "SKU", "Type", "Quantity"], ledgerRows(5000));
    await port.readTable("Ledger");
    expect(seen.filter((s) => s.startsWith("Reading Ledger")).pop()).toBe("Reading Ledger 5000/5000");
    await port.writeSheet(report("Copy", "CopyFacts", ledgerRows(5000)));
    const writes = seen.filter((s) => s.startsWith("Writing Copy"));
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.pop()).toBe("Writing Copy 5003/5003");
  });
});
