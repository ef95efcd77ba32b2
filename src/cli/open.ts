/** Opening a workbook for the CLI: an unreadable or non-Stockbook file is exit code 2 with one line. */
import { existsSync, statSync } from "node:fs";
import type { ReportInput } from "../engine/reports/model";
import type { ReportRequest } from "../engine/reports/options";
import { TABLE_NAMES } from "../engine/schema/tables";
import type { Progress } from "../port/types";
import { hasAnyTable, readReportInput } from "../reports/read";
import { XlsxWorkbook } from "../xlsx/xlsxWorkbook";
import { BAD_FILE, CliFailure } from "./io";

const firstLine = (s: string) => s.split("\n")[0];

export async function openWorkbook(path: string, onProgress?: (p: Progress) => void): Promise<XlsxWorkbook> {
  if (!existsSync(path)) throw new CliFailure(BAD_FILE, `${path}: no such file.`);
  if (!statSync(path).isFile()) throw new CliFailure(BAD_FILE, `${path} is not a file.`);
  try {
    return await XlsxWorkbook.open(path, { onProgress });
  } catch (e) {
    throw new CliFailure(
      BAD_FILE,
      firstLine(`${path} is not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)})`)
    );
  }
}

/** Reads the tables; a workbook without any of Stockbook's tables is the wrong file. */
export async function readInput(
  port: XlsxWorkbook,
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
