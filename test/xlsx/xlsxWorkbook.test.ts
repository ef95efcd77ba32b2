/**
 * The ExcelJS adapter on real files in a temp folder: what lands in the file (ListObjects, formats, validation,
 * conditional formats, the very hidden settings sheet), the 1904 date system, the no-overwrite rule, and — where
 * LibreOffice is installed (CI installs it) — that the files open: `soffice --headless --convert-to pdf`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { defaultSettings } from "../../src/engine/settings";
import { missingTableSpecs } from "../../src/port/setup";
import { PortError } from "../../src/port/types";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { INJECTION_TEXTS } from "../port/contract";

const dir = mkdtempSync(join(tmpdir(), "stockbook-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

async function openRaw(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

async function setUpWorkbook(): Promise<XlsxWorkbook> {
  const port = XlsxWorkbook.create();
  for (const spec of missingTableSpecs(await port.listTables(), defaultSettings())) await port.createTable(spec);
  await port.applyEdits([
    {
      table: "Ledger",
      append: [
        { Date: 45292, SKU: "A-1", Type: "Receipt", Quantity: 10, UnitCost: 2.5, Reference: '=HYPERLINK("x")' },
        { Date: 45300, SKU: "A-1", Type: "Sale", Quantity: 4, UnitPrice: 5, Party: "+1+2" },
      ],
    },
  ]);
  await port.writeSheet({
    name: "Valuation",
    blocks: [
      { kind: "title", text: "Inventory valuation", lines: ["FIFO, FY2024"] },
      {
        kind: "table",
        name: "ValuationFacts",
        headers: ["SKU", "OnHand", "Value", "Note"],
        rows: INJECTION_TEXTS.map((t, i) => [`S-${i}`, i, i * 2.5, t]),
        formats: { Value: "currency", OnHand: "integer" },
      },
      { kind: "summary", title: "Check", headers: ["Item", "Amount"], rows: [["Total", 195]], boldRows: [0] },
    ],
    freezeHeader: true,
    tabColor: "#2E7D32",
  });
  return port;
}

describe("XlsxWorkbook on files", () => {
  it("sets up the five tables as real Excel tables with formats, validation lists and conditional formats", async () => {
    const port = await setUpWorkbook();
    await port.saveAs(file("setup.xlsx"));
    const wb = await openRaw(file("setup.xlsx"));
    const assets = wb.getWorksheet("Assets");
    expect(assets?.getTable("Assets")).toBeDefined();
    expect(wb.worksheets.flatMap((w) => Object.keys((w as unknown as { tables: object }).tables)).sort()).toEqual(
      ["AssetLog", "Assets", "Checkouts", "Items", "Ledger", "ValuationFacts"].sort()
    );
    const ledger = wb.getWorksheet("Ledger");
    expect(ledger?.getCell("A2").numFmt).toBe("yyyy-mm-dd");
    // ExcelJS reads date-formatted cells back as Dates: 2024-01-01 is serial 45292.
    expect(ledger?.getCell("A2").value).toEqual(new Date(Date.UTC(2024, 0, 1)));
    const validations = (ledger as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
      .dataValidations.model;
    expect(Object.values(validations).some((v) => v.formulae[0].includes("Receipt,Sale,Issue"))).toBe(true);
    const cfs = (assets as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cfs.length).toBe(2);
    expect(wb.getWorksheet("_Stockbook")?.state).toBe("veryHidden");
  });

  it("recognises existing tables and creates only the missing ones", async () => {
    const port = await setUpWorkbook();
    await port.saveAs(file("again.xlsx"));
    const reopened = await XlsxWorkbook.open(file("again.xlsx"));
    expect(missingTableSpecs(await reopened.listTables(), defaultSettings())).toEqual([]);
    const ledger = await reopened.readTable("Ledger");
    expect(ledger.rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      [45292, "A-1", 10],
      [45300, "A-1", 4],
    ]);
  });

  it("keeps formula-looking text as text cells in the file", async () => {
    const port = await setUpWorkbook();
    await port.saveAs(file("text.xlsx"));
    const ws = (await openRaw(file("text.xlsx"))).getWorksheet("Valuation");
    const notes: unknown[] = [];
    ws?.getColumn(4).eachCell((c) => {
      if (c.type !== ExcelJS.ValueType.Null)
        notes.push(c.type === ExcelJS.ValueType.String ? c.value : `type ${c.type}`);
    });
    expect(notes).toEqual(["Note", ...INJECTION_TEXTS]);
  });

  it("keeps text whose _xHHHH_ look-alikes overlap (the underscore they share is escaped once for each)", async () => {
    // OOXML (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): _x005F_ stands for a literal underscore. "_x005F_x0041_"
    // holds two look-alikes sharing the underscore at index 6; both must be escaped or it reads back as "_x005FA".
    const texts = ["_x005F_x0041_", "_x000D__x000A_", "a_x0041_b\r"];
    const port = XlsxWorkbook.create();
    await port.createTable({ name: "T", sheet: "T", headers: ["Text"], rows: texts.map((t) => [t]) });
    await port.saveAs(file("lookalikes.xlsx"));
    const back = await XlsxWorkbook.open(file("lookalikes.xlsx"));
    expect((await back.readTable("T")).rows).toEqual(texts.map((t) => [t]));
  });

  it("refuses to overwrite the file it opened", async () => {
    await XlsxWorkbook.create().saveAs(file("in.xlsx"));
    const port = await XlsxWorkbook.open(file("in.xlsx"));
    await expect(port.saveAs(file("in.xlsx"))).rejects.toThrow(PortError);
    await expect(port.saveAs(join(dir, ".", "in.xlsx"))).rejects.toThrow(PortError);
    await port.saveAs(file("out.xlsx"));
    expect(existsSync(file("out.xlsx"))).toBe(true);
  });

  it("reports a 1904-system workbook and returns its dates as stored", async () => {
    const wb = new ExcelJS.Workbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const ws = wb.addWorksheet("Log");
    ws.addTable({
      name: "Log",
      ref: "A1",
      columns: [{ name: "Date" }],
      rows: [[new Date(Date.UTC(2024, 0, 1))]],
    });
    ws.getCell("A2").numFmt = "yyyy-mm-dd";
    await wb.xlsx.writeFile(file("mac.xlsx"));
    const port = await XlsxWorkbook.open(file("mac.xlsx"));
    expect((await port.info()).date1904).toBe(true);
    // 2024-01-01 is 45292 in the 1900 system and 1462 less in the 1904 system.
    expect((await port.readTable("Log")).rows).toEqual([[45292 - 1462]]);
  });

  it("says PivotTables and charts are not written, so the caller writes static summaries", async () => {
    const port = XlsxWorkbook.create();
    expect(await port.addPivot()).toEqual({ ok: false, reason: expect.stringContaining("PivotTables") });
    expect((await port.addChart()).ok).toBe(false);
  });

  const soffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
  // Registered only where LibreOffice is installed (CI installs it), so no test is ever reported as skipped.
  if (soffice)
    it("writes files LibreOffice opens and converts (soffice --headless)", async () => {
      const port = await setUpWorkbook();
      await port.saveAs(file("lo.xlsx"));
      execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, file("lo.xlsx")], {
        timeout: 120_000,
        stdio: "ignore",
      });
      expect(statSync(file("lo.pdf")).size).toBeGreaterThan(1000);
    }, 150_000);
});

describe("XlsxWorkbook rules follow a growing table", () => {
  it("stretches validation lists and conditional formats over appended rows, as Excel does", async () => {
    const port = XlsxWorkbook.create();
    for (const spec of missingTableSpecs([], defaultSettings())) await port.createTable(spec);
    await port.applyEdits([
      {
        table: "Checkouts",
        append: [1, 2, 3].map((i) => ({ AssetID: `A-${i}`, CheckedOutTo: "Ann", CheckedOutOn: 45292, DueOn: 45300 })),
      },
    ]);
    await port.saveAs(file("grown.xlsx"));
    const ws = (await openRaw(file("grown.xlsx"))).getWorksheet("Checkouts") as unknown as {
      conditionalFormattings: { ref: string }[];
    };
    // DueOn is column D; the three loans are on rows 2-4.
    expect(ws.conditionalFormattings.map((c) => c.ref)).toEqual(["D2:D4"]);
  });
});

describe("XlsxWorkbook on files Excel wrote", () => {
  it("keeps a table's header when the file omits headerRowCount (Excel's default of 1), which ExcelJS 4.4 misreads", async () => {
    // Excel writes <table … ref="A1:B2"> without headerRowCount; ExcelJS writes it, so strip it to imitate Excel.
    const JSZip = (await import("jszip")).default;
    const src = XlsxWorkbook.create();
    await src.createTable({ name: "Items", sheet: "Items", headers: ["SKU", "Kind"], rows: [["A-1", "Stock"]] });
    await src.saveAs(file("excel-made.xlsx"));
    const zip = await JSZip.loadAsync(readFileSync(file("excel-made.xlsx")));
    const path = Object.keys(zip.files).find((p) => /^xl\/tables\/table\d+\.xml$/.test(p)) as string;
    zip.file(path, (await zip.file(path)?.async("string"))?.replace(/ headerRowCount="1"/, "") ?? "");
    writeFileSync(file("excel-made2.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));

    const port = await XlsxWorkbook.open(file("excel-made2.xlsx"));
    await port.applyEdits([{ table: "Items", append: [{ SKU: "B-2", Kind: "Service" }] }]);
    await port.saveAs(file("excel-made3.xlsx"));
    const out = await JSZip.loadAsync(readFileSync(file("excel-made3.xlsx")));
    const xml = (await out.file(path)?.async("string")) ?? "";
    expect(xml).toContain('headerRowCount="1"');
    expect(xml).toContain('ref="A1:B3"');
    const again = await XlsxWorkbook.open(file("excel-made3.xlsx"));
    expect((await again.readTable("Items")).rows).toEqual([
      ["A-1", "Stock"],
      ["B-2", "Service"],
    ]);
  });
});
