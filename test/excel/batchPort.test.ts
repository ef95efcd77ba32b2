/**
 * The Office.js port's batch methods over the stateful Excel fake: how many syncs each makes, that reading in
 * shared chunks gives what readTable gives (also when a table changed since the overview), and that a refused
 * PivotTable or a failed write leaves nothing half-made.
 */
import { OfficeWorkbook, type ChunkSyncKind } from "../../src/excel/officeWorkbook";
import { PortError, tempSheetName, type CellValue, type PivotSpec, type SheetSpec } from "../../src/port/types";
import { ExcelFake, type FakeValue } from "../fakes/excelFake";

function setup(opts: { readChunkCells?: number; maxRequestBytes?: number } = {}) {
  const fake = new ExcelFake();
  const kinds = new Map<number, ChunkSyncKind>();
  const port = new OfficeWorkbook(fake.run, {
    isSetSupported: () => true,
    onChunkSync: (k) => kinds.set(fake.syncs + 1, k),
    ...opts,
  });
  return { fake, port, kinds };
}
const grid = (n: number, tag: string): FakeValue[][] => Array.from({ length: n }, (_, i) => [`${tag}${i}`, i, i * 1.5]);
const sheet = (name: string, table: string, rows: CellValue[][]): SheetSpec => ({
  name,
  blocks: [
    { kind: "title", text: name },
    { kind: "table", name: table, headers: ["SKU", "Qty", "Value"], rows, formats: { Value: "currency" } },
  ],
  freezeHeader: true,
});
const pivot = (name: string, sheetName: string, table: string): PivotSpec => ({
  name,
  sheet: sheetName,
  sourceTable: table,
  rows: ["SKU"],
  values: [{ field: "Value", summarizeBy: "Sum" }],
  title: `${name} title`,
  width: 3,
});

describe("OfficeWorkbook batch methods", () => {
  describe("reading", () => {
    it("overview: 2 syncs (sheets, tables and date system; then settings and every table's layout)", async () => {
      const { fake, port } = setup();
      fake.state.seedTable("Items", "Items", ["SKU"], [["A"]]);
      fake.state.seedTable("Ledger", "Ledger", ["SKU", "Qty"], [["A", 1]]);
      await port.writeSettings({ ...(await port.readSettings()), fiscalYearEndMonth: 6 });
      fake.resetCounters();
      const o = await port.overview();
      expect(fake.syncs).toBe(2);
      expect(o.settings.fiscalYearEndMonth).toBe(6);
      expect(o.tables.map((t) => [t.name, t.rowCount])).toEqual([
        ["Items", 1],
        ["Ledger", 1],
      ]);
    });

    it("reads tables in chunks shared across tables, the first with the layouts, equal to readTable", async () => {
      const { fake, port, kinds } = setup({ readChunkCells: 100 });
      fake.state.seedTable("A", "A", ["SKU", "Qty", "Value"], grid(50, "a"));
      fake.state.seedTable("B", "B", ["SKU", "Qty", "Value"], grid(7, "b"));
      fake.state.seedTable("C", "C", ["SKU", "Qty", "Value"], []);
      await port.overview();
      fake.resetCounters();
      kinds.clear();
      const got = await port.readTables(["A", "B", "C"]);
      // 157 cells of data in chunks of at most 100 (whole rows): 2 syncs, both carrying data.
      expect(fake.syncs).toBe(2);
      expect([...kinds.values()]).toEqual(["read", "read"]);
      for (const [i, n] of ["A", "B", "C"].entries()) expect(got[i]).toEqual(await port.readTable(n));
    });

    it("reads a table again from its layout when it changed after the overview", async () => {
      const { fake, port } = setup({ readChunkCells: 100 });
      const t = fake.state.seedTable("A", "A", ["SKU", "Qty", "Value"], grid(5, "a"));
      await port.overview();
      const sh = fake.state.findSheet("A")!;
      grid(3, "z").forEach((r, i) => r.forEach((v, c) => sh.typeValue(6 + i, c, v)));
      t.rect = { ...t.rect, rows: t.rect.rows + 3 };
      const [a] = await port.readTables(["A"]);
      expect(a.rows.map((r) => r[0])).toEqual(["a0", "a1", "a2", "a3", "a4", "z0", "z1", "z2"]);
    });

    it("readTable and writeSheet report their chunk syncs too (all of a read; all but the state of a write)", async () => {
      const { fake, port, kinds } = setup({ readChunkCells: 30, maxRequestBytes: 20_000 });
      fake.state.seedTable("A", "A", ["SKU", "Qty", "Value"], grid(50, "a"));
      fake.resetCounters();
      await port.readTable("A");
      expect(fake.syncs).toBeGreaterThan(2);
      expect([...kinds.values()]).toEqual(Array.from({ length: fake.syncs }, () => "read"));
      fake.resetCounters();
      kinds.clear();
      await port.writeSheet(sheet("W", "FW", grid(400, "w")));
      expect([...kinds.keys()]).toEqual(Array.from({ length: fake.syncs - 1 }, (_, i) => i + 2));
    });

    it("names the table that does not exist", async () => {
      const { fake, port } = setup();
      fake.state.seedTable("A", "A", ["SKU"], [["x"]]);
      await expect(port.readTables(["A", "Nope"])).rejects.toThrow(
        new PortError("The workbook has no table named Nope.")
      );
    });
  });

  describe("writing", () => {
    it("writes several sheets in the state sync and one per chunk, the last chunk with the tables and formats", async () => {
      const { fake, port, kinds } = setup({ maxRequestBytes: 20_000 });
      fake.resetCounters();
      await port.writeSheets([sheet("A", "FA", grid(400, "a")), sheet("B", "FB", grid(3, "b"))]);
      const chunkSyncs = [...kinds.values()].filter((k) => k === "write").length;
      expect(chunkSyncs).toBeGreaterThan(1);
      expect(fake.syncs).toBe(1 + chunkSyncs); // the state, then only chunks
      for (const r of fake.requests) expect(r.requestBytes).toBeLessThanOrEqual(20_000);
      expect((await port.readTable("FA")).rows).toEqual(grid(400, "a"));
      expect((await port.readTable("FB")).rows).toEqual(grid(3, "b"));
      expect(fake.state.findSheet("A")?.frozenRows).toBe(3);
      expect(await port.ownedSheets()).toEqual(["A", "B"]);
    });

    it("a sync failing part-way removes every sheet of the batch and keeps the owned list truthful (BUG-H5)", async () => {
      const clean = setup({ maxRequestBytes: 20_000 });
      await clean.port.writeSheet(sheet("Keep", "FK", grid(1, "k")));
      clean.fake.resetCounters();
      await clean.port.writeSheets([sheet("A", "FA", grid(400, "a")), sheet("B", "FB", grid(3, "b"))]);
      for (let n = 1; n <= clean.fake.syncs; n++)
        for (const applied of [0, 2, 5]) {
          const { fake, port } = setup({ maxRequestBytes: 20_000 });
          await port.writeSheet(sheet("Keep", "FK", grid(1, "k")));
          fake.resetCounters();
          fake.failAtSync = n;
          fake.applyBeforeFailure = applied;
          await expect(
            port.writeSheets([sheet("A", "FA", grid(400, "a")), sheet("B", "FB", grid(3, "b"))])
          ).rejects.toBeInstanceOf(PortError);
          fake.failAtSync = 0;
          const names = fake.state.sheets.map((s) => s.name);
          expect({ n, applied, names }).toEqual({ n, applied, names: ["Sheet1", "Keep", "_Stockbook"] });
          expect((await port.readSettings()).ownedSheets).toEqual(["Keep"]);
          expect(fake.state.calculationMode).toBe("Automatic");
        }
    });

    it("refuses before changing anything when a table name is taken elsewhere or used twice", async () => {
      const { fake, port } = setup();
      fake.state.seedTable("Data", "FA", ["SKU"], [["x"]]);
      await expect(port.writeSheets([sheet("A", "FA", [])])).rejects.toThrow(/FA already exists/);
      await expect(port.writeSheets([sheet("A", "FX", []), sheet("B", "FX", [])])).rejects.toThrow(/FX/);
      expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Data"]);
    });
  });

  describe("PivotTables and charts", () => {
    async function twoSheets() {
      const s = setup();
      await s.port.writeSheets([sheet("A", "FA", grid(3, "a")), sheet("B", "FB", grid(3, "b"))]);
      s.fake.resetCounters();
      return s;
    }

    it("adds every PivotTable in 2 syncs (free columns and headers; all of them), side by side per sheet", async () => {
      const { fake, port } = await twoSheets();
      const r = await port.addPivots([pivot("P1", "A", "FA"), pivot("P2", "A", "FA"), pivot("P3", "B", "FB")]);
      expect(r).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
      expect(fake.syncs).toBe(2);
      // Sheet cells end in column C: the first PivotTable at E (one column apart), the next after its width of 3.
      expect(fake.state.pivots.map((p) => [p.sheet.name, p.name, p.anchor])).toEqual([
        ["A", "P1", "E3"],
        ["A", "P2", "I3"],
        ["B", "P3", "E3"],
      ]);
      expect(fake.state.findSheet("A")?.cell(0, 8).value).toBe("P2 title");
    });

    it("a refused PivotTable leaves nothing (no PivotTable, no title) and the others are added where they belong", async () => {
      const clean = await twoSheets();
      await clean.port.addPivots([pivot("P1", "A", "FA"), pivot("P2", "A", "FA"), pivot("P3", "B", "FB")]);
      const { fake, port } = await twoSheets();
      fake.state.refusePivots.add("P2");
      const r = await port.addPivots([pivot("P1", "A", "FA"), pivot("P2", "A", "FA"), pivot("P3", "B", "FB")]);
      expect(r[0]).toEqual({ ok: true });
      expect(r[1]).toEqual({ ok: false, reason: expect.stringMatching(/could not add the PivotTable P2/) });
      expect(r[2]).toEqual({ ok: true });
      expect(fake.state.pivots.map((p) => [p.name, p.anchor])).toEqual([
        ["P1", "E3"],
        ["P3", "E3"],
      ]);
      const a = fake.state.findSheet("A")!;
      expect(a.cell(0, 8).value).toBeNull();
      expect(a.cell(0, 4).value).toBe("P1 title");
    });

    it("adds every chart in 2 syncs; a refused one leaves no half-made chart", async () => {
      const { fake, port } = await twoSheets();
      const chart = (name: string, s: string, t: string) => ({
        name,
        sheet: s,
        sourceTable: t,
        series: ["Value"],
        type: "column" as const,
        title: name,
      });
      expect(await port.addCharts([chart("C1", "A", "FA"), chart("C2", "B", "FB")])).toEqual([
        { ok: true },
        { ok: true },
      ]);
      expect(fake.syncs).toBe(2);
      const x = await twoSheets();
      x.fake.state.refuseCharts.add("C1");
      const r = await x.port.addCharts([chart("C1", "A", "FA"), chart("C2", "B", "FB")]);
      expect(r[0]).toEqual({ ok: false, reason: expect.stringMatching(/could not add the chart C1/) });
      expect(r[1]).toEqual({ ok: true });
      expect(x.fake.state.charts.map((c) => [c.sheet.name, c.name, c.series])).toEqual([["B", "C2", ["Value"]]]);
    });
  });

  describe("finishing", () => {
    it("swaps, drops and activates in the state sync, the listing of new finals, and one request", async () => {
      const { fake, port } = setup();
      await port.writeSheets([sheet("Old", "FO", grid(1, "o")), sheet(tempSheetName("A"), "FA_new", grid(1, "a"))]);
      fake.resetCounters();
      await port.finishSheets({ pairs: [{ temp: tempSheetName("A"), final: "A" }], drop: ["Old"], activate: "A" });
      expect(fake.syncs).toBe(3); // state (with the settings), the final name listed, the swap
      expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "_Stockbook", "A"]);
      expect(fake.state.activeSheet).toBe("A");
      expect(fake.state.findTable("FA")?.sheet.name).toBe("A");
      expect(await port.ownedSheets()).toEqual(["A"]);
      await port.writeSheets([sheet(tempSheetName("A"), "FA_new", grid(1, "b"))]);
      fake.resetCounters();
      await port.finishSheets({ pairs: [{ temp: tempSheetName("A"), final: "A" }], activate: "A" });
      expect(fake.syncs).toBe(2); // the final is listed already
    });
  });
});
