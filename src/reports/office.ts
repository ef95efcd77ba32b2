/**
 * The Office.js port of the add-in, constructed in this one place so the ribbon command and the task pane share
 * it, and "Generate reports" inside Excel. Progress of the port's own chunked reads and writes and of the run goes
 * to the listener of the current run.
 */
import { OfficeWorkbook, type ExcelRun } from "../excel/officeWorkbook";
import type { Progress } from "../port/types";
import { generateReports, type GenerateOptions, type GenerateResult } from "./generate";
import { isRunning } from "./lock";

let port: OfficeWorkbook | null = null;
let listener: ((p: Progress) => void) | null = null;

const excelRun: ExcelRun = (batch) => Excel.run(batch);

/** The add-in's workbook port (Excel.run by default; tests pass the fake's runner once, before first use). */
export function excelPort(
  run: ExcelRun = excelRun,
  isSetSupported?: (set: string, v: string) => boolean
): OfficeWorkbook {
  port ??= new OfficeWorkbook(run, { onProgress: (p) => listener?.(p), isSetSupported });
  return port;
}

/** Tests: forget the port so the next excelPort() builds a new one. */
export function resetExcelPort(): void {
  port = null;
  listener = null;
}

/** Generates the reports in the open workbook; `onProgress` hears every step until the run ends. */
export async function generateReportsInExcel(
  request: GenerateOptions = {},
  onProgress?: (p: Progress) => void
): Promise<GenerateResult> {
  const p = excelPort();
  if (isRunning()) return generateReports(p, request); // refused with ReportsBusyError; keep the running listener
  listener = onProgress ?? null;
  try {
    return await generateReports(p, request);
  } finally {
    listener = null;
  }
}
