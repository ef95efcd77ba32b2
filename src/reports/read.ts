/** Reads a workbook's tables once, through the port, into a report's input (parsed tables, cells, options). */
import type { ReportInput } from "../engine/reports/model";
import { checkOptions, reportOptions, type ReportRequest } from "../engine/reports/options";
import { TABLE_NAMES, type TableName } from "../engine/schema/tables";
import { openBook, readParsed } from "../port/book";
import type { WorkbookPort } from "../port/types";
import { message, ReportError } from "./errors";

export async function readReportInput(
  port: WorkbookPort,
  request: ReportRequest,
  tell: (step: string, done: number, total: number) => void = () => undefined
): Promise<ReportInput> {
  try {
    const book = await openBook(port);
    const options = reportOptions(book.settings, request);
    const bad = checkOptions(options);
    if (bad) throw new ReportError(bad);
    const tables = {} as Record<TableName, unknown>;
    const raw: ReportInput["raw"] = {};
    let i = 0;
    for (const name of TABLE_NAMES) {
      tell(`Reading ${name}`, i++, TABLE_NAMES.length);
      const { parsed, data } = await readParsed(book, name);
      tables[name] = parsed;
      if (data) raw[name] = { header: data.header, rows: data.rows, headerRow: data.headerRow };
    }
    tell("Reading tables", TABLE_NAMES.length, TABLE_NAMES.length);
    return { tables: tables as ReportInput["tables"], raw, settings: book.settings, options, date1904: book.date1904 };
  } catch (e) {
    if (e instanceof ReportError) throw e;
    throw new ReportError(`Reports were not generated: the tables could not be read. ${message(e)}`, e);
  }
}

/** True when the workbook has at least one of Stockbook's tables (else it is not a Stockbook workbook). */
export function hasAnyTable(input: ReportInput): boolean {
  return Object.keys(input.raw).length > 0;
}
