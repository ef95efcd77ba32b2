/** Reads a workbook's tables once, through the port, into a report's input (parsed tables, cells, options). */
import type { ReportInput } from "../engine/reports/model";
import { checkOptions, reportOptions, type ReportRequest } from "../engine/reports/options";
import { TABLE_NAMES, type TableName } from "../engine/schema/tables";
import { readTables } from "../port/batch";
import { openBook, parseRead } from "../port/book";
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
    // Every table in one batch (a port that can reads them in shared chunks); progress names each as it starts.
    const present = TABLE_NAMES.filter((n) => book.tables[n]);
    const total = TABLE_NAMES.length;
    const datas = await readTables(
      port,
      present.map((n) => book.tables[n]?.name as string),
      (k) => tell(`Reading ${present[k]}`, TABLE_NAMES.indexOf(present[k]), total)
    );
    for (const name of TABLE_NAMES) {
      const k = present.indexOf(name);
      const data = k >= 0 ? datas[k] : null;
      tables[name] = parseRead(book, name, data);
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
