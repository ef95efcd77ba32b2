/**
 * The workbook port: the one way the task pane, the ribbon commands and the command line reach a workbook.
 * Implemented by src/excel (Office.js), src/xlsx (ExcelJS, files) and src/port/memory.ts (tests, demo mode).
 * Values are as Excel holds them: numbers (dates as serial numbers, 1900 system), text, booleans, blanks (null).
 */
import type { Settings } from "../engine/settings";

export type CellValue = string | number | boolean | null;

export interface TableInfo {
  name: string;
  sheet: string;
  headers: string[];
  /** Data rows, header excluded. */
  rowCount: number;
}

export interface TableData {
  name: string;
  sheet: string;
  /** Sheet row (1-based, as Excel shows it) of the header; data row i is on sheet row headerRow + 1 + i. */
  headerRow: number;
  header: string[];
  rows: CellValue[][];
}

/** Changes to one table. Keys of the records are the table's own header texts. */
export interface TableEdits {
  table: string;
  /** Rows appended at the end; columns not named are left blank. */
  append?: Record<string, CellValue>[];
  /** Cells changed in existing rows; rowIndex is the 0-based data row index. */
  update?: { rowIndex: number; values: Record<string, CellValue> }[];
}

export type NumberFormatKind =
  | "currency"
  | "number"
  | "integer"
  | "percent"
  | "date"
  | "text"
  | "general"
  /** A ratio or multiple (turnover): two decimals. */
  | "ratio"
  /** A count of days that may be fractional (days on hand, average age): one decimal. */
  | "days";

export interface ConditionalFormat {
  /** Header of the column the rule colours. */
  column: string;
  /**
   * An Excel formula evaluated for the column's first data cell, with relative references (A1 style), e.g.
   * `=AND(ISNUMBER(K2),K2<TODAY())`. The port writes it; it never contains user text.
   */
  formula: string;
  fill: string; // hex colour "#FFC7CE"
  font?: string;
}

export interface TableSpec {
  name: string;
  sheet: string;
  headers: string[];
  rows?: CellValue[][];
  formats?: Record<string, NumberFormatKind>;
  /** Excel table style, e.g. "TableStyleMedium2". */
  style?: string;
  /** Data-validation lists by header. */
  validation?: Record<string, readonly string[]>;
  conditionalFormats?: ConditionalFormat[];
}

/** One block of an owned (generated) sheet. Blocks are stacked from the top, one blank row apart. */
export type Block =
  | { kind: "title"; text: string; lines?: string[] }
  | {
      kind: "table";
      /** Excel table name (unique in the workbook). */
      name: string;
      title?: string;
      headers: string[];
      rows: CellValue[][];
      formats?: Record<string, NumberFormatKind>;
      style?: string;
    }
  | {
      kind: "summary";
      title: string;
      headers: string[];
      rows: CellValue[][];
      formats?: Record<string, NumberFormatKind>;
      /** Row indexes (0-based) shown bold, e.g. totals and check rows. */
      boldRows?: number[];
    }
  | { kind: "note"; text: string };

export interface SheetSpec {
  name: string;
  blocks: Block[];
  /** Freeze the rows above the first table's data. */
  freezeHeader?: boolean;
  tabColor?: string;
}

export type SummarizeBy = "Sum" | "Count" | "Average" | "Max" | "Min";

export interface PivotSpec {
  name: string;
  /** Sheet that receives the PivotTable (an owned sheet). */
  sheet: string;
  /** Table (Excel table name) the PivotTable reads. */
  sourceTable: string;
  rows: string[];
  columns?: string[];
  values: { field: string; summarizeBy: SummarizeBy; caption?: string }[];
  title?: string;
  /**
   * Columns the PivotTable will take at most, estimated from its source data (optional). A port that adds several
   * PivotTables in one request places them side by side with it; one that adds them one at a time may ignore it.
   */
  width?: number;
}

export interface ChartSpec {
  name: string;
  sheet: string;
  /** An Excel table on an owned sheet: first column is the category axis, the named columns are series. */
  sourceTable: string;
  series: string[];
  type: "column" | "line";
  title: string;
}

export interface Progress {
  step: string;
  done: number;
  total: number;
}

export interface WorkbookInfo {
  /** True for workbooks in the 1904 date system. Ports return cell values as stored; parseTable converts dates. */
  date1904: boolean;
  sheets: string[];
}

/** Result of adding a PivotTable or chart: where the host cannot, the caller writes the static summary instead. */
export type AddResult = { ok: true } | { ok: false; reason: string };

export interface WorkbookPort {
  info(): Promise<WorkbookInfo>;
  listTables(): Promise<TableInfo[]>;
  /** Reads one table whole. Throws PortError when it does not exist. */
  readTable(name: string): Promise<TableData>;
  /** Applies edits to several tables atomically as far as the host allows (all or none on a failed sync). */
  applyEdits(edits: TableEdits[]): Promise<void>;
  /** Creates a table on a new sheet; refuses (PortError) to overwrite a sheet or table that exists. */
  createTable(spec: TableSpec): Promise<void>;
  /** Writes a sheet the add-in owns (replacing an owned sheet of that name, never a user's sheet). */
  writeSheet(spec: SheetSpec): Promise<void>;
  addPivot(spec: PivotSpec): Promise<AddResult>;
  addChart(spec: ChartSpec): Promise<AddResult>;
  /** Names of the sheets the add-in owns (from the _Stockbook sheet). */
  ownedSheets(): Promise<string[]>;
  /** Deletes owned sheets; names the add-in does not own are ignored. */
  deleteSheets(names: string[]): Promise<void>;
  /**
   * Replaces owned sheets in one step: each `temp` sheet (owned, written by this run) takes the name `final`;
   * an earlier owned `final` is deleted first, then the temp sheet's tables named `<name>_new` (TEMP_TABLE_SUFFIX) are
   * renamed to `<name>` (Excel table names are unique in a workbook, so a temp sheet cannot use the final names
   * while the old sheet exists). A user's sheet named `final` makes it fail before any change.
   */
  swapSheets(pairs: { temp: string; final: string }[]): Promise<void>;
  activateSheet(name: string): Promise<void>;
  readSettings(): Promise<Settings>;
  writeSettings(settings: Settings): Promise<void>;
  /** Tells whoever listens (task pane progress bar, CLI bar) how long work is going. */
  progress(p: Progress): void;

  // Batch forms (optional). Each does the work of several calls above in fewer host round trips. Callers go through
  // src/port/batch.ts, which falls back to the single calls for a port that lacks them, with the same results.

  /** info(), readSettings() and listTables() at once. */
  overview?(): Promise<WorkbookOverview>;
  /** readTable() of each name, in order. Throws PortError when one does not exist. */
  readTables?(names: string[], onTable?: (index: number) => void): Promise<TableData[]>;
  /**
   * writeSheet() of each spec, all or none: checks every spec before changing anything, and on a failure part-way
   * removes the named sheets again (an earlier owned sheet of one of those names is then gone too).
   */
  writeSheets?(specs: SheetSpec[], opts?: WriteSheetsOptions): Promise<void>;
  /**
   * Whether addPivot can add PivotTables here, answered without a host request (e.g. a requirement-set check), so a
   * caller can write the static summaries at once instead of after a refusal.
   */
  pivotSupport?(): AddResult;
  /** addPivot() of each spec, in order; one refused does not stop the others (nothing of it is left on the sheet). */
  addPivots?(specs: PivotSpec[]): Promise<AddResult[]>;
  /** addChart() of each spec, in order; one refused does not stop the others (nothing of it is left on the sheet). */
  addCharts?(specs: ChartSpec[]): Promise<AddResult[]>;
  /** swapSheets(pairs), then deleteSheets(drop), then activateSheet(activate). */
  finishSheets?(job: FinishJob): Promise<void>;
}

export interface WorkbookOverview {
  info: WorkbookInfo;
  settings: Settings;
  tables: TableInfo[];
}

export interface WriteSheetsOptions {
  /**
   * Also delete owned temp sheets (named with TEMP_SHEET_SUFFIX) that are not among the specs: left over from a run
   * that was cut off.
   */
  dropLeftovers?: boolean;
  /** Called as the writing of each spec begins (index into specs). */
  onSheet?: (index: number) => void;
}

export interface FinishJob {
  pairs: { temp: string; final: string }[];
  /** Owned sheets to delete after the swap (names the add-in does not own are ignored). */
  drop?: string[];
  /** Sheet to show at the end. */
  activate?: string;
}

/** Sheet and table names are one name whatever their case (Excel refuses "Sales" beside "SALES"). */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Suffix of table names on temp sheets, removed by swapSheets. */
export const TEMP_TABLE_SUFFIX = "_new";
/** Ending of temp sheet names (tempSheetName). */
export const TEMP_SHEET_SUFFIX = "~new";
/** Temp sheet name for a final sheet name (sheet names are at most 31 characters). */
export const tempSheetName = (final: string): string => `${final.slice(0, 27)}${TEMP_SHEET_SUFFIX}`;

/** An error of the workbook (missing table, name clash, host failure) with a message for the user. */
export class PortError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PortError";
  }
}
