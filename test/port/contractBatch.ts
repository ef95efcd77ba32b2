/**
 * The batch forms of the port (src/port/batch.ts over WorkbookPort's optional methods) held to the single calls'
 * documented results, on every implementation: a port with its own batch methods (in-memory, Office.js) and one
 * without (ExcelJS, through the fallback) must answer alike.
 */
import { addCharts, addPivots, finishSheets, overview, readTables, writeSheets } from "../../src/port/batch";
import { PortError, tempSheetName, type CellValue, type SheetSpec } from "../../src/port/types";
import type { PortHarness } from "./contract";

const spec = (name: string, table: string, rows: CellValue[][]): SheetSpec => ({
  name,
  blocks: [
    { kind: "title", text: "Report", lines: ["Period: FY2024"] },
    { kind: "table", name: table, headers: ["SKU", "Qty", "Value"], rows, formats: { Value: "currency" } },
  ],
  freezeHeader: true,
});

export function describeBatchContract(get: () => PortHarness): void {
  describe("batch forms", () => {
    it("overview answers as info, readSettings and listTables do", async () => {
      const h = get();
      await h.addUserTable("Items", ["SKU", "Kind"], [["A-1", "Stock"]]);
      const port = await h.reopen();
      const o = await overview(port);
      expect(o.settings).toEqual(await port.readSettings());
      expect(o.info).toEqual(await port.info());
      expect(o.tables).toEqual(await port.listTables());
    });

    it("readTables answers as readTable of each, in the order named, and refuses a missing table", async () => {
      const h = get();
      await h.addUserTable("Items", ["SKU", "Kind"], [["A-1", "Stock"]]);
      await h.addUserTable(
        "Ledger",
        ["Date", "SKU", "Quantity"],
        Array.from({ length: 30 }, (_, i) => [45292 + i, `S${i}`, i])
      );
      await h.addUserTable("Empty", ["A", "B"], []);
      const port = await h.reopen();
      await overview(port);
      const seen: number[] = [];
      const got = await readTables(port, ["Ledger", "Empty", "Items"], (k) => seen.push(k));
      expect(got).toEqual([
        await port.readTable("Ledger"),
        await port.readTable("Empty"),
        await port.readTable("Items"),
      ]);
      expect(got[1].rows).toEqual([]);
      expect(seen).toEqual([0, 1, 2]);
      await expect(readTables(port, ["Items", "Nope"])).rejects.toBeInstanceOf(PortError);
    });

    it("writeSheets writes and lists every sheet; a user's sheet among them refuses all, changing nothing", async () => {
      const h = get();
      await writeSheets(h.port, [spec("A", "FactsA", [["a", 1, 1]]), spec("B", "FactsB", [["b", 2, 2]])]);
      expect((await h.port.ownedSheets()).sort()).toEqual(["A", "B"]);
      expect((await h.port.readTable("FactsB")).rows).toEqual([["b", 2, 2]]);
      await h.addUserSheet("Mine", "keep");
      await expect(
        writeSheets(h.port, [spec("C", "FactsC", [["c", 3, 3]]), spec("Mine", "FactsM", [["m", 1, 1]])])
      ).rejects.toBeInstanceOf(PortError);
      expect(await h.userSheetA1("Mine")).toBe("keep");
      expect((await h.port.ownedSheets()).sort()).toEqual(["A", "B"]);
      expect((await h.port.info()).sheets).not.toContain("C");
    });

    it("writeSheets with dropLeftovers deletes owned temp sheets of an earlier cut-off run", async () => {
      const h = get();
      const stale = tempSheetName("Gone");
      await h.port.writeSheet(spec(stale, "Gone_new", [["x", 1, 1]]));
      await writeSheets(h.port, [spec(tempSheetName("A"), "FactsA_new", [["a", 1, 1]])], { dropLeftovers: true });
      expect(await h.port.ownedSheets()).toEqual([tempSheetName("A")]);
      expect((await h.port.info()).sheets).not.toContain(stale);
    });

    it("addPivots and addCharts answer each spec with ok or a reason", async () => {
      const h = get();
      await writeSheets(h.port, [spec("A", "FactsA", [["a", 1, 1]]), spec("B", "FactsB", [["b", 2, 2]])]);
      const pivots = await addPivots(h.port, [
        {
          name: "PA",
          sheet: "A",
          sourceTable: "FactsA",
          rows: ["SKU"],
          values: [{ field: "Value", summarizeBy: "Sum" }],
        },
        {
          name: "PB",
          sheet: "B",
          sourceTable: "FactsB",
          rows: ["SKU"],
          values: [{ field: "Qty", summarizeBy: "Sum" }],
        },
      ]);
      const charts = await addCharts(h.port, [
        { name: "CA", sheet: "A", sourceTable: "FactsA", series: ["Value"], type: "column", title: "A" },
        { name: "CB", sheet: "B", sourceTable: "FactsB", series: ["Qty", "Value"], type: "line", title: "B" },
      ]);
      expect(pivots).toHaveLength(2);
      expect(charts).toHaveLength(2);
      for (const r of [...pivots, ...charts]) {
        if (r.ok) expect(r).toEqual({ ok: true });
        else expect(r.reason).toMatch(/\w/);
      }
      // A field the table lacks: refused, or (a port without PivotTables) answered with its reason.
      const bad = await addPivots(h.port, [
        { name: "PX", sheet: "A", sourceTable: "FactsA", rows: ["Nope"], values: [] },
      ]).catch((e: unknown) => e);
      if (Array.isArray(bad)) expect(bad[0].ok).toBe(false);
      else expect(bad).toBeInstanceOf(PortError);
    });

    it("pivotSupport, where a port answers it, agrees with addPivot", async () => {
      const h = get();
      await writeSheets(h.port, [spec("A", "FactsA", [["a", 1, 1]])]);
      const said = h.port.pivotSupport?.();
      const r = await h.port.addPivot({
        name: "PA",
        sheet: "A",
        sourceTable: "FactsA",
        rows: ["SKU"],
        values: [{ field: "Value", summarizeBy: "Sum" }],
      });
      if (said) expect(said.ok).toBe(r.ok);
    });

    it("finishSheets swaps the temps in, deletes the sheets named to drop and shows the one named", async () => {
      const h = get();
      await writeSheets(h.port, [spec("A", "FactsA", [["old", 1, 1]]), spec("Old", "FactsOld", [["o", 1, 1]])]);
      await writeSheets(h.port, [spec(tempSheetName("A"), "FactsA_new", [["new", 2, 2]])]);
      await finishSheets(h.port, {
        pairs: [{ temp: tempSheetName("A"), final: "A" }],
        drop: ["Old", "Not there"],
        activate: "A",
      });
      const port = await h.reopen();
      expect(await port.ownedSheets()).toEqual(["A"]);
      expect((await port.readTable("FactsA")).rows).toEqual([["new", 2, 2]]);
      expect((await port.info()).sheets).not.toContain("Old");
      await expect(finishSheets(port, { pairs: [], activate: "Nope" })).rejects.toBeInstanceOf(PortError);
    });
  });
}
