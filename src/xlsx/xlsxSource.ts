/**
 * A read-only workbook port over an .xlsx file, for the command line's `report` and `check`: it lists and reads
 * the file's tables and settings through fast/readBook (one pass over the table cells, no workbook model), which
 * is what makes a 200,000-row ledger readable in seconds and a few hundred MB. Anything that would change the
 * file answers PortError: the CLI writes its results to a new file through XlsxReportFile (or, with
 * --with-tables, through XlsxWorkbook).
 */
import { defaultSettings, type Settings } from "../engine/settings";
import { SETTINGS_SHEET, settingsFromSheetValues } from "../port/settingsSheet";
import {
  PortError,
  type AddResult,
  type Progress,
  type SheetSpec,
  type TableEdits,
  type TableSpec,
  type TableData,
  type TableInfo,
  type WorkbookInfo,
  type WorkbookPort,
  sameName,
} from "../port/types";
import { readBook, type BookTable, type ReadBook } from "./fast/readBook";

export class XlsxSource implements WorkbookPort {
  private constructor(
    private readonly book: ReadBook,
    private readonly onProgress?: (p: Progress) => void
  ) {}

  /** Opens the file; PortError with a one-line reason when it is not a readable .xlsx workbook. */
  static open(path: string, opts: { onProgress?: (p: Progress) => void } = {}): XlsxSource {
    try {
      return new XlsxSource(readBook(path), opts.onProgress);
    } catch (e) {
      throw new PortError(`Could not open ${path} as an Excel workbook: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private find(name: string): BookTable | undefined {
    return this.book.tables.find((t) => sameName(t.name, name));
  }

  private header(t: BookTable, row: readonly (string | number | boolean | null)[]): string[] {
    return row.map((v, i) => (v === null ? (t.columns[i] ?? "") : String(v)));
  }

  async info(): Promise<WorkbookInfo> {
    return { date1904: this.book.date1904, sheets: this.book.sheets.map((s) => s.name) };
  }

  async listTables(): Promise<TableInfo[]> {
    return this.book.tables.map((t) => {
      const cells = this.book.cells({ ...t, rect: { ...t.rect, rows: Math.min(t.rect.rows, 2) } });
      const blankOnly = t.rect.rows === 2 && cells[1].every((v) => v === null);
      return {
        name: t.name,
        sheet: t.sheet,
        headers: this.header(t, cells[0]),
        rowCount: blankOnly ? 0 : t.rect.rows - 1,
      };
    });
  }

  async readTable(name: string): Promise<TableData> {
    const t = this.find(name);
    if (!t) throw new PortError(`The workbook has no table named ${name}.`);
    const cells = this.book.cells(t);
    const body = cells.slice(1);
    // Excel's one blank row of an empty table reads as no rows (as XlsxWorkbook does).
    const blankOnly = body.length === 1 && body[0].every((v) => v === null);
    return {
      name: t.name,
      sheet: t.sheet,
      headerRow: t.rect.row + 1,
      header: this.header(t, cells[0]),
      rows: blankOnly ? [] : body,
    };
  }

  async readSettings(): Promise<Settings> {
    const values = this.book.sheetAB(SETTINGS_SHEET);
    return values === null ? defaultSettings() : settingsFromSheetValues(values);
  }

  async ownedSheets(): Promise<string[]> {
    const out: string[] = [];
    for (const o of (await this.readSettings()).ownedSheets) {
      const s = this.book.sheets.find((x) => sameName(x.name, o));
      if (s && !out.includes(s.name)) out.push(s.name);
    }
    return out;
  }

  progress(p: Progress): void {
    this.onProgress?.(p);
  }

  private readOnly(): never {
    throw new PortError("This workbook was opened read-only; Stockbook writes its results to a new file.");
  }

  async applyEdits(_edits: TableEdits[]): Promise<void> {
    this.readOnly();
  }
  async createTable(_spec: TableSpec): Promise<void> {
    this.readOnly();
  }
  async writeSheet(_spec: SheetSpec): Promise<void> {
    this.readOnly();
  }
  async addPivot(): Promise<AddResult> {
    return this.readOnly();
  }
  async addChart(): Promise<AddResult> {
    return this.readOnly();
  }
  async deleteSheets(): Promise<void> {
    this.readOnly();
  }
  async swapSheets(): Promise<void> {
    this.readOnly();
  }
  async activateSheet(): Promise<void> {
    this.readOnly();
  }
  async writeSettings(): Promise<void> {
    this.readOnly();
  }
}
