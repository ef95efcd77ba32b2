/**
 * A workbook opened for Stockbook's work: its settings, where each of our tables is, and typed reads and
 * canonical-name edits through the port. The task pane, the ribbon command and the CLI all go through here.
 */
import type { EngineEdits } from "../engine/assets/edits";
import { matchHeaders, parseTable, type ParsedTable } from "../engine/schema/parse";
import type { RowTypes } from "../engine/schema/rows";
import { columnNames, TABLES, type TableName } from "../engine/schema/tables";
import type { Settings } from "../engine/settings";
import { overview } from "./batch";
import { resolveTables } from "./setup";
import { PortError, type CellValue, type TableData, type TableEdits, type TableInfo, type WorkbookPort } from "./types";

export interface Book {
  port: WorkbookPort;
  settings: Settings;
  date1904: boolean;
  tables: Partial<Record<TableName, TableInfo>>;
}

export async function openBook(port: WorkbookPort): Promise<Book> {
  const { settings, info, tables } = await overview(port);
  return { port, settings, date1904: info.date1904, tables: resolveTables(tables, settings) };
}

/** Reads and parses one of our tables; an empty table with a "missing table" issue when it is not there. */
export async function readParsed<K extends TableName>(
  book: Book,
  table: K
): Promise<{ parsed: ParsedTable<RowTypes[K]>; data: TableData | null }> {
  const info = book.tables[table];
  const data = info ? await book.port.readTable(info.name) : null;
  return { parsed: parseRead(book, table, data), data };
}

/** Parses a table read through the port; null (no such table) gives an empty table with a "missing table" issue. */
export function parseRead<K extends TableName>(book: Book, table: K, data: TableData | null): ParsedTable<RowTypes[K]> {
  if (!data) {
    const parsed = parseTable(table, columnNames(table), []);
    parsed.issues.push({
      table,
      row: null,
      column: null,
      value: null,
      message: `The workbook has no ${table} table. Use "Set up tables" to create it.`,
      severity: "warning",
    });
    return parsed;
  }
  return parseTable(table, data.header, data.rows, {
    headerMap: book.settings.headerMap[table],
    headerRow: data.headerRow,
    date1904: book.date1904,
  });
}

/** Engine edits (our column names) -> port edits (the user's headers). */
export function toPortEdits(book: Book, edits: readonly EngineEdits[]): TableEdits[] {
  return edits.map((e) => {
    const info = book.tables[e.table];
    if (!info) throw new PortError(`The workbook has no ${e.table} table. Use "Set up tables" to create it.`);
    const { columns } = matchHeaders(e.table, info.headers, { headerMap: book.settings.headerMap[e.table] });
    const rename = (rec: Record<string, CellValue>): Record<string, CellValue> => {
      const out: Record<string, CellValue> = {};
      for (const [k, v] of Object.entries(rec)) {
        const idx = columns[k];
        if (idx === undefined) {
          // An optional column the user's table does not have: the value has nowhere to go.
          if (TABLES[e.table].columns.find((c) => c.name === k)?.required) {
            throw new PortError(`Table ${info.name} has no ${k} column.`);
          }
          continue;
        }
        out[info.headers[idx]] = v;
      }
      return out;
    };
    return {
      table: info.name,
      append: e.append.map(rename),
      update: e.update.map((u) => ({ rowIndex: u.index, values: rename(u.values) })),
    };
  });
}
