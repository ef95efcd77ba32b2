/**
 * The streamed report file (src/xlsx/fast via XlsxReportFile) writes the "ratio" and "days" number formats it
 * shares with the other adapters (src/excel/numberFormats.ts): read back with ExcelJS's reader, which shares no
 * code with the writer.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { defaultSettings } from "../../src/engine/settings";
import { XlsxReportFile } from "../../src/xlsx/xlsxReportFile";

const dir = mkdtempSync(join(tmpdir(), "stockbook-formats-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("writes ratio as 0.00, days as #,##0.0 and number as #,##0.00", async () => {
  const port = new XlsxReportFile();
  await port.writeSettings(defaultSettings());
  await port.writeSheet({
    name: "Valuation",
    blocks: [
      {
        kind: "table",
        name: "SB_Formats",
        headers: ["SKU", "Turnover", "Days on hand", "On hand"],
        rows: [
          ["A", 2.6612, 123.56, 7],
          ["B", 4.5, 81, 12.5],
        ],
        formats: { Turnover: "ratio", "Days on hand": "days", "On hand": "number" },
      },
    ],
  });
  const path = join(dir, "formats.xlsx");
  await port.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("Valuation")!;
  let found = 0;
  ws.eachRow((row) => {
    if (row.getCell(1).value === "A" || row.getCell(1).value === "B") {
      expect([row.getCell(2).numFmt, row.getCell(3).numFmt, row.getCell(4).numFmt]).toEqual([
        "0.00",
        "#,##0.0",
        "#,##0.00",
      ]);
      found++;
    }
  });
  expect(found).toBe(2);
});
