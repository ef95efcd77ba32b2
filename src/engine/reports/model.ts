/**
 * The shape of a report sheet, before any workbook sees it: a header block, fact tables (written as Excel tables),
 * PivotTable specs over them, static summaries and charts. Pure data; the runner (src/reports) writes it through a
 * WorkbookPort. The cell and format types match src/port/types structurally, so the engine imports nothing of the
 * ports.
 */
import type { Issue, ParsedTable } from "../schema/parse";
import type { RowTypes } from "../schema/rows";
import type { TableName } from "../schema/tables";
import type { Settings } from "../settings";
import type { ReportOptions } from "./options";

export type ReportCell = string | number | boolean | null;
export type ReportFormat =
  "currency" | "number" | "integer" | "percent" | "date" | "text" | "general" | "ratio" | "days";
export type Summarize = "Sum" | "Count" | "Average" | "Max" | "Min";

/** A table of facts, one row per thing counted; written as an Excel table so users can filter and pivot it. */
export interface FactTable {
  /** Excel table name (final name; the runner adds the temp suffix while it writes). */
  name: string;
  title?: string;
  headers: string[];
  rows: ReportCell[][];
  formats: Record<string, ReportFormat>;
}

/** A small, fixed table of figures: totals, roll-forwards, check cells, or a pivot's static stand-in. */
export interface Summary {
  title: string;
  headers: string[];
  rows: ReportCell[][];
  formats?: Record<string, ReportFormat>;
  /** 0-based rows shown bold (totals, checks). */
  boldRows?: number[];
  /**
   * Name of the PivotModel this summary stands in for: shown only where that PivotTable could not be added
   * (ExcelJS files, Excel without API 1.8). Summaries without it are always shown (margin %, checks).
   */
  fallbackFor?: string;
}

export interface PivotModel {
  /** PivotTable name (unique in the workbook). */
  name: string;
  title: string;
  /** Name of the FactTable of this sheet the PivotTable reads. */
  table: string;
  rows: string[];
  columns?: string[];
  values: { field: string; summarizeBy: Summarize; caption?: string }[];
}

export interface ChartModel {
  name: string;
  title: string;
  type: "column" | "line";
  /** A FactTable of this sheet: its first column is the category axis, `series` are its value columns. */
  table: string;
  series: string[];
}

export interface HeaderBlock {
  title: string;
  /** Period, method, generated time (each sheet stands on its own when printed). */
  lines: string[];
}

export interface SheetModel {
  /** Final sheet name (at most 31 characters). */
  name: string;
  header: HeaderBlock;
  /** Short remarks under the header (e.g. the IFRS note on LIFO). */
  notes: string[];
  summaries: Summary[];
  /** Written after the summaries, in this order (chart sources first, the big fact table last). */
  tables: FactTable[];
  pivots: PivotModel[];
  charts: ChartModel[];
  tabColor?: string;
}

/** Everything a sheet builder reads: the parsed tables, the settings and the options. */
export interface ReportInput {
  tables: { [K in TableName]: ParsedTable<RowTypes[K]> };
  /** The tables' cells as read (header + rows), for engines that parse themselves (inventory readLedger). */
  raw: Partial<Record<TableName, { header: ReportCell[]; rows: ReportCell[][]; headerRow: number }>>;
  settings: Settings;
  options: ReportOptions;
  date1904?: boolean;
}

export interface ReportContext extends ReportInput {
  /** Computes once per report run and shares the result between builders (e.g. the inventory valuation). */
  memo<T>(key: string, compute: () => T): T;
  /**
   * Problems found while building (an asset whose schedule cannot be computed, an item in error), listed on the
   * Issues sheet beside the parsing issues. `severity: "skipped"` means the row's figures are left out.
   */
  findings: Finding[];
}

/** An Issue with the effect it had on the report, when that is not just the parser's skip or ignore. */
export interface Finding extends Issue {
  /** e.g. "Asset not depreciated", "Item not valued". */
  effect?: string;
}

/** One report sheet: its builder returns null when there is nothing to report (the sheet is then not written). */
export interface SheetBuilder {
  /** Final sheet name; also the key other code refers to. */
  sheet: string;
  build(ctx: ReportContext): SheetModel | null;
}
