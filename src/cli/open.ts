/** Opening a workbook for the CLI: an unreadable or non-Stockbook file is exit code 2 with one line. */
import { existsSync, statSync } from "node:fs";
import type { ReportInput } from "../engine/reports/model";
import type { ReportRequest } from "../engine/reports/options";
import { TABLE_NAMES } from "../engine/schema/tables";
import type { Progress, WorkbookPort } from "../port/types";
import { hasAnyTable, readReportInput } from "../reports/read";
import { XlsxSource } from "../xlsx/xlsxSource";
import type { XlsxWorkbook } from "../xlsx/xlsxWorkbook";
import { BAD_FILE, CliFailure } from "./io";
import { loadXlsxWorkbook } from "./lazy";

const firstLine = (s: string) => s.split("\n")[0];

function mustBeFile(path: string): void {
  if (!existsSync(path)) throw new CliFailure(BAD_FILE, `${path}: no such file.`);
  if (!statSync(path).isFile()) throw new CliFailure(BAD_FILE, `${path} is not a file.`);
}

function unreadable(path: string, e: unknown): CliFailure {
  return new CliFailure(
    BAD_FILE,
    firstLine(`${path} is not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)})`)
  );
}

/**
 * Opens a workbook to read its tables only (report, check): the fast reader, which keeps the table cells and
 * nothing else (see src/xlsx/xlsxSource.ts).
 */
export async function openSource(path: string, onProgress?: (p: Progress) => void): Promise<XlsxSource> {
  mustBeFile(path);
  onProgress?.({ step: `Reading ${path}`, done: 0, total: 1 });
  try {
    return XlsxSource.open(path, { onProgress });
  } catch (e) {
    throw unreadable(path, e);
  }
}

/** Opens a workbook whole, to be written back with changes (`report --with-tables`). */
export async function openWorkbook(path: string, onProgress?: (p: Progress) => void): Promise<XlsxWorkbook> {
  mustBeFile(path);
  try {
    const { XlsxWorkbook } = loadXlsxWorkbook();
    return await XlsxWorkbook.open(path, { onProgress });
  } catch (e) {
    throw unreadable(path, e);
  }
}

/** Reads the tables; a workbook without any of Stockbook's tables is the wrong file. */
export async function readInput(
  port: WorkbookPort,
  path: string,
  request: ReportRequest,
  tell?: (step: string, done: number, total: number) => void
): Promise<ReportInput> {
  let input: ReportInput;
  try {
    input = await readReportInput(port, request, tell);
  } catch (e) {
    throw new CliFailure(BAD_FILE, firstLine(`${path}: ${e instanceof Error ? e.message : String(e)}`));
  }
  if (!hasAnyTable(input))
    throw new CliFailure(
      BAD_FILE,
      `${path} has none of Stockbook's tables (${TABLE_NAMES.join(", ")}); "stockbook init" makes an empty one.`
    );
  return input;
}
