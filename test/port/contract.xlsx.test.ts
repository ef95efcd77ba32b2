import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { describePortContract } from "./contract";

const dir = mkdtempSync(join(tmpdir(), "stockbook-contract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describePortContract("ExcelJS over .xlsx files (saved and re-opened)", async () => {
  let port = XlsxWorkbook.create();
  return {
    get port() {
      return port;
    },
    addUserTable: async (name, header, rows, sheet) => {
      const ws = port.wb.addWorksheet(sheet ?? name);
      ws.addTable({ name, ref: "A1", columns: header.map((h) => ({ name: h })), rows });
    },
    addUserSheet: async (name, a1) => {
      port.wb.addWorksheet(name).getCell("A1").value = a1;
    },
    userSheetA1: async (name) => {
      const v = port.wb.getWorksheet(name)?.getCell("A1").value;
      return typeof v === "string" ? v : null;
    },
    reopen: async () => {
      const file = join(dir, `round-${++n}.xlsx`);
      await port.saveAs(file);
      port = await XlsxWorkbook.open(file);
      return port;
    },
  };
});
