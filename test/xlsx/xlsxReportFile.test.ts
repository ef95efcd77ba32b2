/**
 * The CLI's streamed report file (XlsxReportFile + fast/writeBook): what it writes is read back with ExcelJS's full
 * reader (XlsxWorkbook and raw ExcelJS) and with the fast reader, so the file is checked by a reader that shares no
 * code with the writer. Expected cells come from the sheet specs put in and the shared layout rules
 * (src/port/layout.ts: blocks one blank row apart, table header then rows). Where LibreOffice is installed the
 * file is converted to PDF to prove it opens.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { defaultSettings } from "../../src/engine/settings";
import { PortError, type SheetSpec } from "../../src/port/types";
import { readZip } from "../../src/xlsx/fast/zip";
import { XlsxReportFile } from "../../src/xlsx/xlsxReportFile";
import { XlsxSource } from "../../src/xlsx/xlsxSource";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { generateReports } from "../../src/reports/generate";
import { readReportInput } from "../../src/reports/read";
import { INJECTION_TEXTS } from "../port/contract";
import { FY2025, sampleBook } from "../reports/fixture";

const dir = mkdtempSync(join(tmpdir(), "stockbook-reportfile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);
let round = 0;

const spec = (name: string, table: string): SheetSpec => ({
  name,
  blocks: [
    { kind: "title", text: "Inventory valuation", lines: ["FIFO, FY2024"] },
    {
      kind: "summary",
      title: "Check",
      headers: ["Item", "Amount"],
      rows: [
        ["Opening", 100],
        ["Total", 195.5],
      ],
      formats: { Amount: "currency" },
      boldRows: [1],
    },
    {
      kind: "table",
      name: table,
      headers: ["SKU", "OnHand", "Value", "Note", "Date"],
      rows: INJECTION_TEXTS.map((t, i) => [`S-${i}`, i, i * 2.5, t, 45292 + i]),
      formats: { Value: "currency", OnHand: "integer", Date: "date" },
    },
  ],
  tabColor: "#2E7D32",
});

async function written(): Promise<string> {
  const path = file("report.xlsx");
  if (existsSync(path)) return path;
  const port = new XlsxReportFile();
  await port.writeSettings({ ...defaultSettings(), currencyDecimals: 3 });
  await port.writeSheet(spec("Valuation~new", "SB_Valuation_new"));
  await port.writeSheet({
    name: "Issues~new",
    blocks: [{ kind: "table", name: "SB_Issues_new", headers: ["Table", "Problem"], rows: [] }],
    freezeHeader: true,
  });
  await port.swapSheets([
    { temp: "Valuation~new", final: "Valuation" },
    { temp: "Issues~new", final: "Issues" },
  ]);
  await port.activateSheet("Valuation");
  await port.saveAs(path);
  return path;
}

describe("XlsxReportFile", () => {
  it("writes the report sheets, named as swapped, and the very hidden settings sheet", async () => {
    const wb = await XlsxWorkbook.open(await written());
    expect(await wb.info()).toEqual({ date1904: false, sheets: ["_Stockbook", "Valuation", "Issues"] });
    expect(wb.wb.getWorksheet("_Stockbook")?.state).toBe("veryHidden");
    const settings = await wb.readSettings();
    expect(settings.currencyDecimals).toBe(3);
    expect(settings.ownedSheets).toEqual(["Valuation", "Issues"]);
    expect(await wb.ownedSheets()).toEqual(["Valuation", "Issues"]);
  });

  it("places blocks as the layout does and writes real Excel tables over the fact rows", async () => {
    const wb = await XlsxWorkbook.open(await written());
    expect(await wb.listTables()).toEqual([
      { name: "SB_Valuation", sheet: "Valuation", headers: ["SKU", "OnHand", "Value", "Note", "Date"], rowCount: 13 },
      { name: "SB_Issues", sheet: "Issues", headers: ["Table", "Problem"], rowCount: 0 },
    ]);
    const facts = await wb.readTable("SB_Valuation");
    // Title (row 1), its line (2), blank (3), summary title (4), header (5), two rows (6-7), blank (8), table (9).
    expect(facts.headerRow).toBe(9);
    expect(facts.rows).toEqual(INJECTION_TEXTS.map((t, i) => [`S-${i}`, i, i * 2.5, t, 45292 + i]));
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(await written());
    const ws = raw.getWorksheet("Valuation") as ExcelJS.Worksheet;
    expect(ws.getCell("A1").value).toBe("Inventory valuation");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(14);
    expect(ws.getCell("A4").value).toBe("Check");
    expect(ws.getCell("B7").value).toBe(195.5);
    expect(ws.getCell("B7").numFmt).toBe("#,##0.000");
    expect(ws.getCell("A7").font?.bold).toBe(true);
    expect(ws.getCell("A6").font?.bold).toBeFalsy();
    expect(ws.getCell("B10").numFmt).toBe("#,##0");
    expect(ws.getCell("E10").numFmt).toBe("yyyy-mm-dd");
    // Text that looks like a formula is text, never a formula.
    for (let i = 0; i < INJECTION_TEXTS.length; i++) {
      expect(ws.getCell(`D${10 + i}`).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(`D${10 + i}`).value).toBe(INJECTION_TEXTS[i]);
    }
    expect(ws.properties.tabColor).toEqual({ argb: "FF2E7D32" });
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual('=HYPERLINK("http://example.com","click")'.length);
    const issues = raw.getWorksheet("Issues") as ExcelJS.Worksheet;
    expect(issues.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // The active sheet is the one activated, and only it is selected (ExcelJS does not read tabSelected back
    // reliably, so the sheet parts are checked).
    expect(raw.views[0].activeTab).toBe(1);
    const zip = readZip(readFileSync(await written()));
    const part = (n: number) => zip.get(`xl/worksheets/sheet${n}.xml`)!.read().toString("utf8");
    expect([1, 2, 3].map((n) => part(n).includes('tabSelected="1"'))).toEqual([false, true, false]);
  });

  it("is read back the same by the fast reader", async () => {
    const src = XlsxSource.open(await written());
    const a = await src.readTable("SB_Valuation");
    const wb = await XlsxWorkbook.open(await written());
    expect(a).toEqual(await wb.readTable("SB_Valuation"));
    expect(await src.readSettings()).toEqual(await wb.readSettings());
  });

  it("declares every part it writes in [Content_Types].xml", async () => {
    const zip = readZip(readFileSync(await written()));
    const types = zip.get("[Content_Types].xml")!.read().toString("utf8");
    for (const name of zip.keys())
      if (!name.endsWith(".rels") && name !== "[Content_Types].xml") expect(types).toContain(`PartName="/${name}"`);
  });

  it("keeps the port's rules: no user sheet replaced, table names unique, its reader's file never overwritten", async () => {
    const port = new XlsxReportFile({ refuse: file("input.xlsx") });
    await port.writeSheet(spec("A", "T1"));
    await expect(port.writeSheet(spec("B", "T1"))).rejects.toThrow("A table named T1 already exists elsewhere");
    await port.writeSheet(spec("A", "T1")); // rewriting its own sheet is fine
    await port.deleteSheets(["A", "not there"]);
    expect(await port.ownedSheets()).toEqual([]);
    await expect(port.swapSheets([{ temp: "Z~new", final: "Z" }])).rejects.toThrow(PortError);
    await expect(port.saveAs(file("input.xlsx"))).rejects.toThrow(/does not overwrite/);
    await expect(port.createTable()).rejects.toThrow(PortError);
  });

  it("gives a workbook with no visible sheet an empty Sheet1 to show", async () => {
    const port = new XlsxReportFile();
    await port.writeSettings(defaultSettings());
    await port.saveAs(file("settings-only.xlsx"));
    const wb = await XlsxWorkbook.open(file("settings-only.xlsx"));
    expect((await wb.info()).sheets).toEqual(["_Stockbook", "Sheet1"]);
  });

  it("keeps any text exactly, control characters, carriage returns and _xHHHH_ look-alikes included", async () => {
    const text = fc.oneof(
      fc.constantFrom(
        "_x000D_",
        "a\r\nb",
        "_x005F_x0041_",
        "\u0001\u0008",
        " lead",
        "trail ",
        "=1+1",
        "x\ud83d\ude00y"
      ),
      fc.string({ unit: "grapheme", maxLength: 20 }),
      // eslint-disable-next-line no-control-regex
      fc.stringMatching(/^[a-z_x0-9D\r\n\t\u0001\u001f&<>"' ]{0,20}$/)
    );
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), async (texts) => {
        const port = new XlsxReportFile();
        const rows = texts.map((t, i) => [i, t === "" ? null : t]);
        await port.writeSheet({ name: "T", blocks: [{ kind: "table", name: "TT", headers: ["N", "Text"], rows }] });
        const path = file(`text-${++round}.xlsx`);
        await port.saveAs(path);
        expect((await XlsxSource.open(path).readTable("TT")).rows).toEqual(rows);
        expect((await (await XlsxWorkbook.open(path)).readTable("TT")).rows).toEqual(rows);
      }),
      { numRuns: 25 }
    );
  });

  const soffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
  if (soffice)
    it("writes a file LibreOffice opens (converted to PDF)", async () => {
      execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, await written()], {
        stdio: "ignore",
        timeout: 120_000,
      });
      expect(existsSync(file("report.pdf"))).toBe(true);
    }, 150_000);
});

describe("report run on the file ports", () => {
  // Both file ports say up front that PivotTables are for Excel, so each sheet is written once, with its static
  // summaries, instead of written, refused a PivotTable and written again.
  it.each([
    ["XlsxReportFile", () => new XlsxReportFile()],
    ["XlsxWorkbook", () => XlsxWorkbook.create()],
  ])("%s writes each report sheet once, with the static summaries", async (_name, make) => {
    const source = await sampleBook();
    const input = await readReportInput(source, FY2025, () => undefined);
    const port = make();
    await port.writeSettings(defaultSettings());
    const writes = jest.spyOn(port, "writeSheet");
    const r = await generateReports(port, { ...FY2025, input });
    expect(r.sheets.length).toBeGreaterThan(3);
    expect(writes).toHaveBeenCalledTimes(r.sheets.length);
    expect(r.pivots).toBe(0);
    expect(r.pivotFallback).toMatch(/only inside Excel/);
    expect(port.pivotSupport()).toEqual({ ok: false, reason: expect.stringMatching(/PivotTables/) });
  });
});
