/** The three port implementations behind one test harness each (see PortHarness in contract.ts). */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { MemoryWorkbook } from "../../src/port/memory";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { ExcelFake } from "../fakes/excelFake";
import type { PortHarness } from "./contract";

export async function memoryHarness(): Promise<PortHarness> {
  const port = new MemoryWorkbook();
  return {
    port,
    addUserTable: async (name, header, rows, sheet) => port.addUserTable(name, header, rows, sheet ?? name),
    addUserSheet: async (name, a1) => port.addUserSheet(name, [[a1]]),
    userSheetA1: async (name) => port.sheetValues(name)[0]?.[0] ?? null,
    reopen: async () => port,
  };
}

export async function officeHarness(): Promise<PortHarness & { fake: ExcelFake }> {
  const fake = new ExcelFake();
  const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
  return {
    fake,
    port,
    addUserTable: async (name, header, rows, sheet) => {
      fake.state.seedTable(sheet ?? name, name, header, rows);
    },
    addUserSheet: async (name, a1) => fake.state.addSheet(name).typeValue(0, 0, a1),
    userSheetA1: async (name) => fake.state.findSheet(name)?.cell(0, 0).value ?? null,
    reopen: async () => port,
  };
}

let files = 0;
const dir = mkdtempSync(join(tmpdir(), "stockbook-contract-"));

/** ExcelJS; `reopen` saves to a new file in a temp folder and opens it, so checks read what the file holds. */
export async function xlsxHarness(): Promise<PortHarness> {
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
      const file = join(dir, `round-${++files}.xlsx`);
      await port.saveAs(file);
      port = await XlsxWorkbook.open(file);
      return port;
    },
  };
}
