/**
 * Reading (and writing) a 200,000-row × 9-column ledger through the workbook ports: the ExcelJS adapter on a real
 * file, and the Office.js adapter over the Excel fake that counts syncs and measures every request. Goal: reads in
 * ⌈cells ÷ chunk⌉ + 1 syncs, no request over 4 MB.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OfficeWorkbook } from "../src/excel/officeWorkbook";
import { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_READ_CHUNK_CELLS } from "../src/excel/chunks";
import type { CellValue } from "../src/port/types";
import { XlsxWorkbook } from "../src/xlsx/xlsxWorkbook";
import { ExcelFake } from "../test/fakes/excelFake";

const ROWS = 200_000;
const HEADERS = ["Date", "SKU", "Type", "Quantity", "UnitCost", "UnitPrice", "Location", "Reference", "Party"];
const TYPES = ["Receipt", "Sale", "Sale", "Issue", "Transfer", "Adjustment"];

function ledger(n: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const type = TYPES[i % TYPES.length];
    rows.push([
      43831 + Math.floor(i / 100),
      `SKU-${String(i % 2000).padStart(5, "0")}`,
      type,
      (i % 23) + 1,
      type === "Receipt" ? 10 + (i % 97) / 4 : null,
      type === "Sale" ? 25 + (i % 89) / 4 : null,
      `WH-${i % 7}`,
      `INV-${100000 + i}`,
      i % 5 === 0 ? "Contoso Ltd" : "Fabrikam Inc",
    ]);
  }
  return rows;
}

const ms = (t0: number): number => Math.round(performance.now() - t0);
const mb = (bytes: number): number => Math.round((bytes / 1e6) * 100) / 100;

export async function run(): Promise<Record<string, unknown>> {
  const rows = ledger(ROWS);
  const cells = ROWS * HEADERS.length;
  const dir = mkdtempSync(join(tmpdir(), "stockbook-bench-"));
  try {
    // ExcelJS: write the ledger as a table to a file, then open it and read the table.
    let t0 = performance.now();
    process.stderr.write("  xlsx write...\n");
    const book = XlsxWorkbook.create();
    await book.createTable({ name: "Ledger", sheet: "Ledger", headers: HEADERS, rows, formats: { Date: "date" } });
    const file = join(dir, "ledger.xlsx");
    await book.saveAs(file);
    const xlsxWriteMs = ms(t0);
    t0 = performance.now();
    const opened = await XlsxWorkbook.open(file);
    const xlsxOpenMs = ms(t0);
    t0 = performance.now();
    const xlsxRead = await opened.readTable("Ledger");
    const xlsxReadMs = ms(t0);

    // Office.js over the counting fake.
    process.stderr.write("  office fake...\n");
    const fake = new ExcelFake();
    fake.state.seedTable("Ledger", "Ledger", HEADERS, rows);
    const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
    t0 = performance.now();
    const officeRead = await port.readTable("Ledger");
    const officeReadMs = ms(t0);
    const readSyncs = fake.syncs;
    const readLargest = fake.largestRequest;
    fake.resetCounters();
    t0 = performance.now();
    // createTable writes through the same chunked grid writer as writeSheet (layoutSheet cannot lay out 200,000
    // rows yet: its Math.max(...rows) overflows the call stack).
    await port.createTable({
      name: "LedgerCopy",
      sheet: "LedgerCopy",
      headers: HEADERS,
      rows,
      formats: { Date: "date" },
    });
    const officeWriteMs = ms(t0);

    return {
      rows: ROWS,
      columns: HEADERS.length,
      cells,
      xlsx: {
        writeMs: xlsxWriteMs,
        fileMB: mb(statSync(file).size),
        openMs: xlsxOpenMs,
        readTableMs: xlsxReadMs,
        rowsRead: xlsxRead.rows.length,
      },
      officeFake: {
        chunkCells: DEFAULT_READ_CHUNK_CELLS,
        read: {
          ms: officeReadMs,
          syncs: readSyncs,
          goalSyncs: Math.ceil(cells / DEFAULT_READ_CHUNK_CELLS) + 1,
          largestRequestMB: mb(readLargest),
          rowsRead: officeRead.rows.length,
        },
        createTable: {
          ms: officeWriteMs,
          syncs: fake.syncs,
          largestRequestMB: mb(fake.largestRequest),
          budgetMB: mb(DEFAULT_MAX_REQUEST_BYTES),
        },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
