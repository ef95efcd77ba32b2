/**
 * Excel tables (ListObjects) in an ExcelJS workbook: finding them, their cell rectangle, reading and growing them.
 * ExcelJS keeps a table's extent in its model (`tableRef`, `autoFilterRef`) and writes that back; the adapter keeps
 * the cells itself and moves the refs. Tables read from a file lose their header flag in ExcelJS 4.4 (it reads
 * headerRowCount's OOXML default of 1 as "no header"), which would damage them on save, so it is set back.
 */
import type ExcelJS from "exceljs";
import { parseAddress, rectAddress, type Rect } from "../excel/a1";
import type { CellValue } from "../port/types";
import { fromExcelJs } from "./cells";

export interface TableModel {
  name: string;
  displayName?: string;
  tableRef: string;
  autoFilterRef?: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: { name: string }[];
}

export interface FoundTable {
  ws: ExcelJS.Worksheet;
  table: { model: TableModel };
  model: TableModel;
}

type WithTables = ExcelJS.Worksheet & { tables: Record<string, { model: TableModel }> };

export function tablesOf(ws: ExcelJS.Worksheet): FoundTable[] {
  return Object.values((ws as WithTables).tables).map((table) => ({ ws, table, model: table.model }));
}

export function allTables(wb: ExcelJS.Workbook): FoundTable[] {
  return wb.worksheets.flatMap(tablesOf);
}

export function findTable(wb: ExcelJS.Workbook, name: string): FoundTable | undefined {
  return allTables(wb).find((t) => t.model.name.toLowerCase() === name.toLowerCase());
}

/** Repairs what ExcelJS 4.4 loses when it reads a table (see above). */
export function repairLoadedTables(wb: ExcelJS.Workbook): void {
  for (const t of allTables(wb)) {
    t.model.headerRow = true;
    t.model.displayName = t.model.name;
  }
}

/** Whole table, header included (totals row excluded). */
export function tableRect(m: TableModel): Rect {
  const r = parseAddress(m.tableRef);
  return m.totalsRow ? { ...r, rows: r.rows - 1 } : r;
}

export function setTableRect(m: TableModel, r: Rect): void {
  m.tableRef = rectAddress(m.totalsRow ? { ...r, rows: r.rows + 1 } : r);
  m.autoFilterRef = rectAddress(r);
}

export function renameTable(t: FoundTable, name: string): void {
  const tables = (t.ws as WithTables).tables;
  delete tables[t.model.name];
  t.model.name = name;
  t.model.displayName = name;
  tables[name] = t.table;
}

export function cellAt(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return ws.getCell(row + 1, col + 1);
}

export function readRect(ws: ExcelJS.Worksheet, r: Rect, date1904: boolean): CellValue[][] {
  const out: CellValue[][] = [];
  for (let i = 0; i < r.rows; i++) {
    // ExcelJS rows hold their cells as an array; `values` is 1-based (index 0 unused).
    const stored = ws.getRow(r.row + 1 + i).values as unknown[];
    const vals: CellValue[] = [];
    for (let c = 0; c < r.cols; c++) vals.push(fromExcelJs(stored[r.col + 1 + c], date1904));
    out.push(vals);
  }
  return out;
}

export interface TableContents {
  header: string[];
  /** Data rows; Excel's one blank row of an empty table reads as none. */
  rows: CellValue[][];
  /** Rows the table's body spans on the sheet (1 for an empty table). */
  bodyRows: number;
  rect: Rect;
}

/** Header and data-row count without reading the body (one row is read to tell Excel's blank row apart). */
export function tableSummary(t: FoundTable): { header: string[]; rowCount: number } {
  const rect = tableRect(t.model);
  const head = readRect(t.ws, { ...rect, rows: Math.min(rect.rows, 2) }, false);
  const header = head[0].map((v, i) => (v === null ? (t.model.columns[i]?.name ?? "") : String(v)));
  const blankOnly = rect.rows === 2 && head[1].every((v) => v === null);
  return { header, rowCount: blankOnly ? 0 : rect.rows - 1 };
}

export function readTableContents(t: FoundTable, date1904: boolean): TableContents {
  const rect = tableRect(t.model);
  const header = readRect(t.ws, { ...rect, rows: 1 }, date1904)[0].map((v, i) =>
    v === null ? (t.model.columns[i]?.name ?? "") : String(v)
  );
  const body = readRect(t.ws, { ...rect, row: rect.row + 1, rows: rect.rows - 1 }, date1904);
  const blankOnly = body.length === 1 && body[0].every((v) => v === null);
  return { header, rows: blankOnly ? [] : body, bodyRows: body.length, rect };
}
