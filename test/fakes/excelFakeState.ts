/**
 * State of the stateful Excel fake: sheets of cells (value, formula, number format), tables, PivotTables, charts
 * and the application's calculation mode. The proxies in excelFake.ts act on it only inside `sync()`, as Excel does.
 *
 * Writing a value models how Excel reads what is typed into a cell that is not formatted as text ("@"):
 * "=…", "+…", "-…", "@…" (also after a tab or CR) become formulas, numeric text becomes a number, TRUE/FALSE a
 * boolean, a leading apostrophe is dropped. That is what the adapter's text escape must defeat.
 */
import { cellAddress, type Rect } from "../../src/excel/a1";

export type FakeValue = string | number | boolean | null;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  numberFormat: string;
  bold?: boolean;
}

export interface FakeRule {
  rect: Rect;
  list?: string[];
  formula?: string;
  fill?: string;
  font?: string;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  frozenRows = 0;
  tabColor = "";
  validations: FakeRule[] = [];
  conditionalFormats: FakeRule[] = [];
  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell {
    return this.cells.get(cellAddress(row, col)) ?? { value: null, numberFormat: "General" };
  }

  private put(row: number, col: number, c: FakeCell): void {
    if (c.value === null && c.formula === undefined && c.numberFormat === "General" && !c.bold)
      this.cells.delete(cellAddress(row, col));
    else this.cells.set(cellAddress(row, col), c);
  }

  setFormat(row: number, col: number, numberFormat: string): void {
    this.put(row, col, { ...this.cell(row, col), numberFormat });
  }

  setBold(row: number, col: number, bold: boolean): void {
    this.put(row, col, { ...this.cell(row, col), bold });
  }

  /** Stores a value as Excel would when it is typed (or assigned through `range.values`). */
  typeValue(row: number, col: number, v: FakeValue): void {
    const prev = this.cell(row, col);
    const base = { numberFormat: prev.numberFormat, bold: prev.bold };
    if (v === null || v === "") return this.put(row, col, { ...base, value: null });
    if (typeof v !== "string" || prev.numberFormat === "@") return this.put(row, col, { ...base, value: v });
    if (v.startsWith("'")) return this.put(row, col, { ...base, value: v.slice(1) });
    const trimmed = v.trim();
    if (trimmed !== "" && Number.isFinite(Number(trimmed)))
      return this.put(row, col, { ...base, value: Number(trimmed) });
    if (/^(true|false)$/i.test(trimmed))
      return this.put(row, col, { ...base, value: trimmed.toLowerCase() === "true" });
    if (/^[\t\r]*[=+\-@]./s.test(v)) return this.put(row, col, { ...base, formula: v, value: "#NAME?" });
    this.put(row, col, { ...base, value: v });
  }

  setFormula(row: number, col: number, f: string, value: FakeValue): void {
    this.put(row, col, { ...this.cell(row, col), formula: f, value });
  }
}

export class FakeTable {
  style = "TableStyleMedium2";
  constructor(
    public name: string,
    public sheet: FakeSheet,
    /** Header row included. */
    public rect: Rect
  ) {}
  get dataRect(): Rect {
    return { row: this.rect.row + 1, col: this.rect.col, rows: this.rect.rows - 1, cols: this.rect.cols };
  }
  headers(): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.rect.cols; c++)
      out.push(String(this.sheet.cell(this.rect.row, this.rect.col + c).value ?? ""));
    return out;
  }
}

export interface FakePivot {
  name: string;
  sheet: FakeSheet;
  source: FakeTable;
  anchor: string;
  rows: string[];
  columns: string[];
  data: { field: string; name: string; summarizeBy: string }[];
}

export interface FakeChart {
  name: string;
  sheet: FakeSheet;
  type: string;
  source: Rect;
  title: string;
  series: string[];
}

/** One `sync`: what it carried each way. */
export interface FakeRequest {
  ops: number;
  requestBytes: number;
  responseBytes: number;
  /** Cells whose values the request wrote (range.values, table rows) or read back (values, formulas). */
  cells: number;
}

export class FakeWorkbookState {
  sheets: FakeSheet[] = [new FakeSheet("Sheet1")];
  tables: FakeTable[] = [];
  pivots: FakePivot[] = [];
  charts: FakeChart[] = [];
  calculationMode = "Automatic";
  /** Calculation modes seen at the end of each sync, to show writing happened with calculation suspended. */
  calculationModes: string[] = [];
  calculations: string[] = [];
  screenSuspensions = 0;
  date1904 = false;
  activeSheet = "Sheet1";
  /** Names of PivotTables (or charts) the host refuses to add, as Excel refuses one it cannot build. */
  refusePivots = new Set<string>();
  refuseCharts = new Set<string>();

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  findTable(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): FakeSheet {
    if (this.findSheet(name)) throw fakeError("ItemAlreadyExists", `A sheet named ${name} exists.`);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }

  deleteSheet(s: FakeSheet): void {
    if (this.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
      throw fakeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    this.pivots = this.pivots.filter((p) => p.sheet !== s);
    this.charts = this.charts.filter((c) => c.sheet !== s);
  }

  addTable(sheet: FakeSheet, rect: Rect): FakeTable {
    for (const t of this.tables)
      if (t.sheet === sheet && overlaps(t.rect, rect)) throw fakeError("InvalidOperation", "Tables cannot overlap.");
    let n = this.tables.length + 1;
    while (this.findTable(`Table${n}`)) n++;
    // Excel gives a header-only table one blank data row.
    const r = rect.rows === 1 ? { ...rect, rows: 2 } : rect;
    const t = new FakeTable(`Table${n}`, sheet, r);
    this.tables.push(t);
    return t;
  }

  /** Test set-up: a user's table with values, as if typed (no escape). */
  seedTable(
    sheetName: string,
    name: string,
    header: string[],
    rows: FakeValue[][],
    at = { row: 0, col: 0 }
  ): FakeTable {
    const sheet = this.findSheet(sheetName) ?? this.addSheet(sheetName);
    header.forEach((h, c) => sheet.typeValue(at.row, at.col + c, h));
    rows.forEach((r, i) => r.forEach((v, c) => sheet.typeValue(at.row + 1 + i, at.col + c, v)));
    const t = this.addTable(sheet, { row: at.row, col: at.col, rows: rows.length + 1, cols: header.length });
    t.name = name;
    return t;
  }

  /** Values of a rectangle, as `range.values` returns them (blanks as ""). */
  values(sheet: FakeSheet, rect: Rect): (string | number | boolean)[][] {
    const out: (string | number | boolean)[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = 0; c < rect.cols; c++) {
        const v = sheet.cell(rect.row + r, rect.col + c).value;
        row.push(v === null ? "" : v);
      }
      out.push(row);
    }
    return out;
  }
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** An error shaped like OfficeExtension.Error (code + message). */
export function fakeError(code: string, message: string): Error & { code: string } {
  const e = new Error(message) as Error & { code: string };
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}
