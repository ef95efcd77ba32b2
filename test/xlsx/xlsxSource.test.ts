/**
 * The read-only fast reader (XlsxSource over fast/readBook) against files whose contents are known: written by
 * ExcelJS through XlsxWorkbook (the values put in are the expected values), and hand-made parts that use the
 * forms other producers write (inline strings, formula results, errors, booleans, ISO dates, rich text with
 * phonetic runs, cells without an `r` attribute, a totals row), as ECMA-376 Part 1 §18.3.1.4 (c) and §18.4
 * (shared strings) define them.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { writeDemoWorkbook } from "../../src/cli/demo";
import { defaultSettings } from "../../src/engine/settings";
import { PortError, type CellValue } from "../../src/port/types";
import { readZip, ZipWriter } from "../../src/xlsx/fast/zip";
import { XlsxSource } from "../../src/xlsx/xlsxSource";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { INJECTION_TEXTS } from "../port/contract";

const dir = mkdtempSync(join(tmpdir(), "stockbook-source-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

const HEADER = ["Date", "SKU", "Type", "Quantity", "UnitCost", "Reference"];
const ROWS: CellValue[][] = [
  [45292, "A-1", "Receipt", 10, 2.5, "PO-1"],
  [45300.5, "Ünïcödé ✓ 😀", "Sale", -4, null, 'Tom & "Jerry" <co>'],
  [45301, "line\nbreak", "Issue", 0.1 + 0.2, 1e-7, "carriage\rreturn"],
  [45302, "_x000D_ literally", "Adjustment", 123456789.123, -0, "  padded  "],
  [null, "B-2", null, true, false, null],
  ...INJECTION_TEXTS.map((t, i): CellValue[] => [45303 + i, t, "Sale", i, null, null]),
];

describe("XlsxSource", () => {
  it("reads back the tables, values and settings XlsxWorkbook (ExcelJS) wrote", async () => {
    const wb = XlsxWorkbook.create();
    const settings = { ...defaultSettings(), fiscalYearEndMonth: 6, ownedSheets: ["Old report"] };
    await wb.writeSettings(settings);
    await wb.createTable({
      name: "Ledger",
      sheet: "Moves",
      headers: HEADER,
      rows: ROWS,
      formats: { Date: "date", UnitCost: "currency" },
    });
    await wb.createTable({ name: "Items", sheet: "Items", headers: ["SKU", "Kind"], rows: [] });
    // A user's table that does not start in A1, beside other cells.
    const ws = wb.wb.addWorksheet("Old report");
    ws.getCell("A1").value = "notes above";
    ws.addTable({
      name: "Side",
      ref: "C3",
      columns: [{ name: "K" }, { name: "V" }],
      rows: [
        ["a", 1],
        ["b", 2],
      ],
    });
    ws.getCell("F4").value = "beside";
    await wb.saveAs(file("exceljs.xlsx"));

    const src = XlsxSource.open(file("exceljs.xlsx"));
    expect(await src.info()).toEqual({ date1904: false, sheets: ["_Stockbook", "Moves", "Items", "Old report"] });
    expect(await src.listTables()).toEqual([
      { name: "Ledger", sheet: "Moves", headers: HEADER, rowCount: ROWS.length },
      { name: "Items", sheet: "Items", headers: ["SKU", "Kind"], rowCount: 0 },
      { name: "Side", sheet: "Old report", headers: ["K", "V"], rowCount: 2 },
    ]);
    const ledger = await src.readTable("ledger");
    expect(ledger.headerRow).toBe(1);
    expect(ledger.header).toEqual(HEADER);
    // -0 is stored as 0; every other value exactly as written.
    expect(ledger.rows).toEqual(ROWS.map((r) => r.map((v) => (Object.is(v, -0) ? 0 : v))));
    expect((await src.readTable("Items")).rows).toEqual([]);
    expect(await src.readTable("Side")).toEqual({
      name: "Side",
      sheet: "Old report",
      headerRow: 3,
      header: ["K", "V"],
      rows: [
        ["a", 1],
        ["b", 2],
      ],
    });
    expect(await src.readSettings()).toEqual(settings);
    expect(await src.ownedSheets()).toEqual(["Old report"]);
  });

  it("returns a 1904 workbook's cells as stored and says it is one", async () => {
    const wb = new ExcelJS.Workbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    wb.addWorksheet("L").addTable({ name: "Ledger", ref: "A1", columns: [{ name: "Date" }], rows: [[43830]] });
    await wb.xlsx.writeFile(file("1904.xlsx"));
    const src = XlsxSource.open(file("1904.xlsx"));
    expect((await src.info()).date1904).toBe(true);
    expect((await src.readTable("Ledger")).rows).toEqual([[43830]]);
  });

  it("reads the cell forms other producers write", async () => {
    const path = file("handmade.xlsx");
    await handMade(path);
    const src = XlsxSource.open(path);
    expect(await src.listTables()).toEqual([
      { name: "Facts", sheet: "Data & more", headers: ["A", "B", "C"], rowCount: 3 },
    ]);
    expect((await src.readTable("Facts")).rows).toEqual([
      // inline rich text; a formula's cached text; an error code
      ["inline rich", "from formula", "#N/A"],
      // rich shared string without its phonetic run; boolean; ISO date (2024-01-01 = serial 45292)
      ["漢字 kanji", true, 45292],
      // cells without r: positions follow on; a formula without a cached value is blank; entity and escape
      ["<tag> & 'q'", null, "tab\there_"],
    ]);
    expect(await src.readSettings()).toEqual(defaultSettings());
  });

  it("agrees with ExcelJS's full reader on the demo workbook, and on it re-saved by LibreOffice", async () => {
    await writeDemoWorkbook(file("demo.xlsx"), 46351);
    const files = [file("demo.xlsx")];
    if (spawnSync("sh", ["-c", "command -v soffice"]).status === 0) {
      mkdirSync(file("lo"), { recursive: true });
      execFileSync("soffice", ["--headless", "--convert-to", "xlsx", "--outdir", file("lo"), file("demo.xlsx")], {
        stdio: "ignore",
        timeout: 120_000,
      });
      files.push(file("lo/demo.xlsx"));
    }
    for (const f of files) {
      const fast = XlsxSource.open(f);
      const full = await XlsxWorkbook.open(f);
      expect(await fast.info()).toEqual(await full.info());
      expect(await fast.readSettings()).toEqual(await full.readSettings());
      const tables = await full.listTables();
      expect(tables.map((t) => t.name).sort()).toEqual(["AssetLog", "Assets", "Checkouts", "Items", "Ledger"]);
      expect(await fast.listTables()).toEqual(tables);
      for (const t of tables) expect(await fast.readTable(t.name)).toEqual(await full.readTable(t.name));
    }
  }, 150_000);

  it("reads parts that write SpreadsheetML with a prefix (x:row, x:c), as the Open XML SDK does", async () => {
    await writeDemoWorkbook(file("plain.xlsx"), 46351);
    // Every part in SpreadsheetML's main namespace rewritten to declare it as x: and name its elements x:….
    const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const zip = new ZipWriter(file("prefixed.xlsx"));
    let rewritten = 0;
    for (const [name, entry] of readZip(readFileSync(file("plain.xlsx")))) {
      const body = entry.read();
      const xml = body.toString("utf8");
      if (!name.endsWith(".xml") || !xml.includes(`xmlns="${MAIN}"`)) {
        await zip.add(name, [body]);
        continue;
      }
      rewritten++;
      const prefixed = xml
        .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
        .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, "<$1x:$2");
      await zip.add(name, [prefixed]);
    }
    zip.close();
    // Workbook, sheets, tables, shared strings (and styles, not read).
    expect(rewritten).toBeGreaterThanOrEqual(12);
    const plain = XlsxSource.open(file("plain.xlsx"));
    const prefixed = XlsxSource.open(file("prefixed.xlsx"));
    expect(await prefixed.info()).toEqual(await plain.info());
    expect(await prefixed.readSettings()).toEqual(await plain.readSettings());
    const tables = await plain.listTables();
    expect(tables).toHaveLength(5);
    expect(await prefixed.listTables()).toEqual(tables);
    for (const t of tables) {
      const rows = (await plain.readTable(t.name)).rows;
      expect(rows.length).toBeGreaterThan(0);
      expect(await prefixed.readTable(t.name)).toEqual(await plain.readTable(t.name));
    }
    // ExcelJS (report --with-tables) reads none of it: a PortError says so and what to do.
    await expect(XlsxWorkbook.open(file("prefixed.xlsx"))).rejects.toThrow(
      /namespace prefix .*`stockbook report` without --with-tables and `stockbook check` read such files/
    );
  });

  it("refuses what is not an .xlsx workbook, with a PortError", async () => {
    writeFileSync(file("text.xlsx"), "just some text, not a ZIP file");
    expect(() => XlsxSource.open(file("text.xlsx"))).toThrow(PortError);
    const zip = new ZipWriter(file("empty.zip"));
    await zip.add("hello.txt", ["hi"]);
    zip.close();
    expect(() => XlsxSource.open(file("empty.zip"))).toThrow(/no workbook part/);
  });

  it("refuses every change: results go to a new file", async () => {
    const src = XlsxSource.open(file("exceljs.xlsx"));
    await expect(src.applyEdits([])).rejects.toThrow(PortError);
    await expect(src.writeSheet({ name: "X", blocks: [] })).rejects.toThrow(/read-only/);
    await expect(src.readTable("Nope")).rejects.toThrow("The workbook has no table named Nope.");
  });
});

/** A workbook put together part by part, as another producer might write it. */
async function handMade(path: string): Promise<void> {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const zip = new ZipWriter(path);
  await zip.add("_rels/.rels", [
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
  ]);
  await zip.add("xl/workbook.xml", [
    `${head}<workbook ${ns} xmlns:x="${rel}"><sheets><sheet name="Data &amp; more" sheetId="1" x:id="w1"/></sheets></workbook>`,
  ]);
  await zip.add("xl/_rels/workbook.xml.rels", [
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="w1" Type="${rel}/worksheet" Target="sheets/one.xml"/>` +
      `<Relationship Id="w2" Type="${rel}/sharedStrings" Target="strings.xml"/></Relationships>`,
  ]);
  await zip.add("xl/strings.xml", [
    `${head}<sst ${ns}><si><t>A</t></si><si><t>B</t></si><si><t xml:space="preserve">C</t></si>` +
      '<si><r><rPr><b/></rPr><t>漢字</t></r><r><t xml:space="preserve"> kanji</t></r><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>' +
      "<si><t>&lt;tag&gt; &amp; &apos;q&apos;</t></si></sst>",
  ]);
  await zip.add("xl/sheets/one.xml", [
    `${head}<worksheet ${ns}><sheetData>`,
    '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c></row>',
    '<row r="3"><c r="B3" t="inlineStr"><is><r><t>inline </t></r><r><t>rich</t></r></is></c>',
    '<c r="C3" t="str"><f>LOWER("FROM FORMULA")</f><v>from formula</v></c><c r="D3" t="e"><f>NA()</f><v>#N/A</v></c></row>',
    '<row r="4"><c r="B4" t="s"><v>3</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="d"><v>2024-01-01T00:00:00</v></c></row>',
    '<row r="5"><c r="B5" t="s" s="0"><v>4</v></c><c><f>1/0+</f></c><c t="inlineStr"><is><t>tab\there_x005F_</t></is></c></row>',
    '<row r="6"><c r="B6"><v>99</v></c></row>',
    "</sheetData></worksheet>",
  ]);
  await zip.add("xl/sheets/_rels/one.xml.rels", [
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="t1" Type="${rel}/table" Target="../tables/facts.xml"/></Relationships>`,
  ]);
  await zip.add("xl/tables/facts.xml", [
    `${head}<table ${ns} id="1" name="Table1" displayName="Facts" ref="B2:D6" totalsRowCount="1"><tableColumns count="3">` +
      '<tableColumn id="1" name="A"/><tableColumn id="2" name="B"/><tableColumn id="3" name="C"/></tableColumns></table>',
  ]);
  zip.close();
}
