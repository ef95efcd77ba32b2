/**
 * The in-memory workbook: a WorkbookPort with no host, used by tests, by the task pane's demo mode and as the
 * reference the Office.js and ExcelJS ports are held to (test/port/contract.ts). It keeps what a person would see:
 * sheets with their cells, tables, PivotTables and charts, and the very hidden `_Stockbook` sheet.
 */
import { defaultSettings, type Settings } from "../engine/settings";
import { layoutSheet, type SheetLayout } from "./layout";
import { SETTINGS_SHEET, settingsFromSheetValues, settingsSheetValues } from "./settingsSheet";
import {
  PortError,
  TEMP_TABLE_SUFFIX,
  type AddResult,
  type CellValue,
  type ChartSpec,
  type FinishJob,
  type PivotSpec,
  type Progress,
  type SheetSpec,
  type TableData,
  type TableEdits,
  type TableInfo,
  type TableSpec,
  type WorkbookInfo,
  type WorkbookOverview,
  type WorkbookPort,
  type WriteSheetsOptions,
} from "./types";
import { leftovers } from "./batch";

export interface MemoryTable {
  name: string;
  sheet: string;
  headerRow: number;
  header: string[];
  rows: CellValue[][];
  spec?: TableSpec;
}

export interface MemorySheet {
  name: string;
  visibility: "visible" | "veryHidden";
  /** Cells of a generated sheet (its layout); user tables keep their cells in `tables`. */
  layout?: SheetLayout;
  values?: CellValue[][];
  pivots: PivotSpec[];
  charts: ChartSpec[];
}

export interface MemoryOptions {
  date1904?: boolean;
  /** Answer for addPivot/addChart (a host without ExcelApi 1.8 says no). */
  pivotsSupported?: boolean;
  onProgress?: (p: Progress) => void;
}

const PIVOTS_UNSUPPORTED = "PivotTables need ExcelApi 1.8.";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, MemorySheet>();
  readonly tables = new Map<string, MemoryTable>();
  active: string | null = null;
  private readonly opts: MemoryOptions;

  constructor(opts: MemoryOptions = {}) {
    this.opts = opts;
  }

  private sheetKey(name: string): string | undefined {
    const lower = name.toLowerCase();
    for (const k of this.sheets.keys()) if (k.toLowerCase() === lower) return k;
    return undefined;
  }

  private tableKey(name: string): string | undefined {
    const lower = name.toLowerCase();
    for (const k of this.tables.keys()) if (k.toLowerCase() === lower) return k;
    return undefined;
  }

  /** Test helper: adds a user table on its own sheet, as a person would type it. */
  addUserTable(name: string, header: string[], rows: CellValue[][], sheet = name, headerRow = 1): void {
    if (!this.sheetKey(sheet)) this.sheets.set(sheet, { name: sheet, visibility: "visible", pivots: [], charts: [] });
    this.tables.set(name, { name, sheet, headerRow, header: [...header], rows: clone(rows) });
  }

  /** Test helper: adds a plain user sheet (not a table). */
  addUserSheet(name: string, values: CellValue[][] = []): void {
    this.sheets.set(name, { name, visibility: "visible", values: clone(values), pivots: [], charts: [] });
  }

  async info(): Promise<WorkbookInfo> {
    return { date1904: this.opts.date1904 === true, sheets: [...this.sheets.keys()] };
  }

  async listTables(): Promise<TableInfo[]> {
    return [...this.tables.values()].map((t) => ({
      name: t.name,
      sheet: t.sheet,
      headers: [...t.header],
      rowCount: t.rows.length,
    }));
  }

  async readTable(name: string): Promise<TableData> {
    const key = this.tableKey(name);
    if (!key) throw new PortError(`The workbook has no table named ${name}.`);
    const t = this.tables.get(key) as MemoryTable;
    return { name: t.name, sheet: t.sheet, headerRow: t.headerRow, header: [...t.header], rows: clone(t.rows) };
  }

  async applyEdits(edits: TableEdits[]): Promise<void> {
    // Validate everything first, so a bad edit changes nothing (all or none).
    for (const e of edits) {
      const key = this.tableKey(e.table);
      if (!key) throw new PortError(`The workbook has no table named ${e.table}.`);
      const t = this.tables.get(key) as MemoryTable;
      const cols = new Set(t.header.map((h) => h.toLowerCase()));
      for (const rec of [...(e.append ?? []), ...(e.update ?? []).map((u) => u.values)]) {
        for (const k of Object.keys(rec)) {
          if (!cols.has(k.toLowerCase())) throw new PortError(`Table ${t.name} has no column ${k}.`);
        }
      }
      for (const u of e.update ?? []) {
        if (!(u.rowIndex >= 0 && u.rowIndex < t.rows.length)) {
          throw new PortError(`Table ${t.name} has no data row ${u.rowIndex + 1}.`);
        }
      }
    }
    for (const e of edits) {
      const t = this.tables.get(this.tableKey(e.table) as string) as MemoryTable;
      const idx = (k: string) => t.header.findIndex((h) => h.toLowerCase() === k.toLowerCase());
      for (const u of e.update ?? []) for (const [k, v] of Object.entries(u.values)) t.rows[u.rowIndex][idx(k)] = v;
      for (const rec of e.append ?? []) {
        const row: CellValue[] = t.header.map(() => null);
        for (const [k, v] of Object.entries(rec)) row[idx(k)] = v;
        t.rows.push(row);
      }
    }
  }

  async createTable(spec: TableSpec): Promise<void> {
    if (this.sheetKey(spec.sheet))
      throw new PortError(`A sheet named ${spec.sheet} already exists; it was left as it is.`);
    if (this.tableKey(spec.name))
      throw new PortError(`A table named ${spec.name} already exists; it was left as it is.`);
    this.sheets.set(spec.sheet, { name: spec.sheet, visibility: "visible", pivots: [], charts: [] });
    this.tables.set(spec.name, {
      name: spec.name,
      sheet: spec.sheet,
      headerRow: 1,
      header: [...spec.headers],
      rows: clone(spec.rows ?? []),
      spec: clone(spec),
    });
  }

  async writeSheet(spec: SheetSpec): Promise<void> {
    const settings = await this.readSettings();
    const existing = this.sheetKey(spec.name);
    if (existing && !settings.ownedSheets.some((o) => o.toLowerCase() === existing.toLowerCase())) {
      throw new PortError(`A sheet named ${spec.name} exists and is not one Stockbook made; rename it and try again.`);
    }
    const layout = layoutSheet(spec);
    for (const t of layout.tables) {
      const other = this.tableKey(t.name);
      if (other && this.tables.get(other)?.sheet !== existing) {
        throw new PortError(`A table named ${t.name} already exists elsewhere in the workbook.`);
      }
    }
    if (existing) this.removeSheet(existing);
    this.sheets.set(spec.name, { name: spec.name, visibility: "visible", layout, pivots: [], charts: [] });
    for (const t of layout.tables) {
      this.tables.set(t.name, {
        name: t.name,
        sheet: spec.name,
        headerRow: t.top + 1,
        header: t.headers,
        rows: layout.values.slice(t.top + 1, t.top + 1 + t.rowCount).map((r) => r.slice(0, t.headers.length)),
      });
    }
    if (!existing) await this.writeSettings({ ...settings, ownedSheets: [...settings.ownedSheets, spec.name] });
  }

  private removeSheet(name: string): void {
    this.sheets.delete(name);
    for (const [k, t] of [...this.tables]) if (t.sheet === name) this.tables.delete(k);
  }

  async addPivot(spec: PivotSpec): Promise<AddResult> {
    if (this.opts.pivotsSupported === false) return { ok: false, reason: PIVOTS_UNSUPPORTED };
    const sheet = this.sheets.get(this.sheetKey(spec.sheet) ?? "");
    if (!sheet) throw new PortError(`The workbook has no sheet named ${spec.sheet}.`);
    const src = this.tables.get(this.tableKey(spec.sourceTable) ?? "");
    if (!src) throw new PortError(`The workbook has no table named ${spec.sourceTable}.`);
    for (const f of [...spec.rows, ...(spec.columns ?? []), ...spec.values.map((v) => v.field)]) {
      if (!src.header.includes(f)) throw new PortError(`Table ${spec.sourceTable} has no column ${f}.`);
    }
    sheet.pivots.push(clone(spec));
    return { ok: true };
  }

  async addChart(spec: ChartSpec): Promise<AddResult> {
    if (this.opts.pivotsSupported === false) return { ok: false, reason: "Charts need ExcelApi 1.8." };
    const sheet = this.sheets.get(this.sheetKey(spec.sheet) ?? "");
    if (!sheet) throw new PortError(`The workbook has no sheet named ${spec.sheet}.`);
    if (!this.tableKey(spec.sourceTable)) throw new PortError(`The workbook has no table named ${spec.sourceTable}.`);
    sheet.charts.push(clone(spec));
    return { ok: true };
  }

  async ownedSheets(): Promise<string[]> {
    const owned = (await this.readSettings()).ownedSheets;
    return owned.filter((n) => this.sheetKey(n) !== undefined);
  }

  async deleteSheets(names: string[]): Promise<void> {
    const settings = await this.readSettings();
    const owned = new Set(settings.ownedSheets.map((o) => o.toLowerCase()));
    const gone = new Set<string>();
    for (const n of names) {
      const key = this.sheetKey(n);
      if (key && owned.has(key.toLowerCase())) {
        this.removeSheet(key);
        gone.add(key.toLowerCase());
      }
    }
    const kept = settings.ownedSheets.filter((o) => !gone.has(o.toLowerCase()));
    if (kept.length !== settings.ownedSheets.length) await this.writeSettings({ ...settings, ownedSheets: kept });
  }

  async swapSheets(pairs: { temp: string; final: string }[]): Promise<void> {
    const settings = await this.readSettings();
    const owned = new Set(settings.ownedSheets.map((o) => o.toLowerCase()));
    for (const p of pairs) {
      const temp = this.sheetKey(p.temp);
      if (!temp || !owned.has(temp.toLowerCase())) throw new PortError(`Sheet ${p.temp} was not written by this run.`);
      const fin = this.sheetKey(p.final);
      if (fin && !owned.has(fin.toLowerCase())) {
        throw new PortError(`A sheet named ${p.final} exists and is not one Stockbook made; rename it and try again.`);
      }
    }
    let ownedList = [...settings.ownedSheets];
    for (const p of pairs) {
      const fin = this.sheetKey(p.final);
      if (fin) this.removeSheet(fin);
      const temp = this.sheetKey(p.temp) as string;
      const sheet = this.sheets.get(temp) as MemorySheet;
      this.sheets.delete(temp);
      sheet.name = p.final;
      this.sheets.set(p.final, sheet);
      for (const [k, t] of [...this.tables]) {
        if (t.sheet !== temp) continue;
        t.sheet = p.final;
        if (k.endsWith(TEMP_TABLE_SUFFIX)) {
          this.tables.delete(k);
          t.name = k.slice(0, -TEMP_TABLE_SUFFIX.length);
          this.tables.set(t.name, t);
        }
      }
      for (const pv of sheet.pivots) {
        pv.sheet = p.final;
        if (pv.sourceTable.endsWith(TEMP_TABLE_SUFFIX))
          pv.sourceTable = pv.sourceTable.slice(0, -TEMP_TABLE_SUFFIX.length);
      }
      for (const c of sheet.charts) {
        c.sheet = p.final;
        if (c.sourceTable.endsWith(TEMP_TABLE_SUFFIX))
          c.sourceTable = c.sourceTable.slice(0, -TEMP_TABLE_SUFFIX.length);
      }
      if (sheet.layout)
        sheet.layout = {
          ...sheet.layout,
          name: p.final,
          tables: sheet.layout.tables.map((t) => ({
            ...t,
            name: t.name.endsWith(TEMP_TABLE_SUFFIX) ? t.name.slice(0, -TEMP_TABLE_SUFFIX.length) : t.name,
          })),
        };
      ownedList = ownedList.filter(
        (o) => o.toLowerCase() !== temp.toLowerCase() && o.toLowerCase() !== p.final.toLowerCase()
      );
      ownedList.push(p.final);
    }
    await this.writeSettings({ ...settings, ownedSheets: ownedList });
  }

  async activateSheet(name: string): Promise<void> {
    const key = this.sheetKey(name);
    if (!key) throw new PortError(`The workbook has no sheet named ${name}.`);
    this.active = key;
  }

  async readSettings(): Promise<Settings> {
    const sheet = this.sheets.get(SETTINGS_SHEET);
    return sheet?.values ? settingsFromSheetValues(sheet.values) : defaultSettings();
  }

  async writeSettings(settings: Settings): Promise<void> {
    this.sheets.set(SETTINGS_SHEET, {
      name: SETTINGS_SHEET,
      visibility: "veryHidden",
      values: settingsSheetValues(settings),
      pivots: [],
      charts: [],
    });
  }

  progress(p: Progress): void {
    this.opts.onProgress?.(p);
  }

  // Batch forms: the single calls in order; writeSheets checks every spec first so a refusal changes nothing.

  async overview(): Promise<WorkbookOverview> {
    return { info: await this.info(), settings: await this.readSettings(), tables: await this.listTables() };
  }

  async readTables(names: string[], onTable?: (index: number) => void): Promise<TableData[]> {
    for (const n of names) if (!this.tableKey(n)) throw new PortError(`The workbook has no table named ${n}.`);
    const out: TableData[] = [];
    for (const [i, n] of names.entries()) {
      onTable?.(i);
      out.push(await this.readTable(n));
    }
    return out;
  }

  async writeSheets(specs: SheetSpec[], opts: WriteSheetsOptions = {}): Promise<void> {
    const settings = await this.readSettings();
    const owned = (n: string) => settings.ownedSheets.some((o) => o.toLowerCase() === n.toLowerCase());
    const stale = opts.dropLeftovers
      ? leftovers(
          settings.ownedSheets.filter((n) => this.sheetKey(n)),
          specs.map((x) => x.name)
        )
      : [];
    const replaced = new Set([...specs.map((x) => this.sheetKey(x.name)), ...stale.map((n) => this.sheetKey(n))]);
    const names = new Set<string>();
    for (const spec of specs) {
      const existing = this.sheetKey(spec.name);
      if (existing && !owned(existing))
        throw new PortError(
          `A sheet named ${spec.name} exists and is not one Stockbook made; rename it and try again.`
        );
      for (const t of layoutSheet(spec).tables) {
        const other = this.tableKey(t.name);
        if ((other && !replaced.has(this.tables.get(other)?.sheet)) || names.has(t.name.toLowerCase()))
          throw new PortError(`A table named ${t.name} already exists elsewhere in the workbook.`);
        names.add(t.name.toLowerCase());
      }
    }
    if (stale.length) await this.deleteSheets(stale);
    for (const [i, spec] of specs.entries()) {
      opts.onSheet?.(i);
      await this.writeSheet(spec);
    }
  }

  pivotSupport(): AddResult {
    return this.opts.pivotsSupported === false ? { ok: false, reason: PIVOTS_UNSUPPORTED } : { ok: true };
  }

  async addPivots(specs: PivotSpec[]): Promise<AddResult[]> {
    const out: AddResult[] = [];
    for (const x of specs) out.push(await this.addPivot(x));
    return out;
  }

  async addCharts(specs: ChartSpec[]): Promise<AddResult[]> {
    const out: AddResult[] = [];
    for (const x of specs) out.push(await this.addChart(x));
    return out;
  }

  async finishSheets(job: FinishJob): Promise<void> {
    if (job.activate && !job.pairs.some((p) => p.final === job.activate) && !this.sheetKey(job.activate))
      throw new PortError(`The workbook has no sheet named ${job.activate}.`);
    if (job.pairs.length) await this.swapSheets(job.pairs);
    if (job.drop?.length) await this.deleteSheets(job.drop);
    if (job.activate) await this.activateSheet(job.activate);
  }

  /** Test helper: every value of a generated sheet, row by row. */
  sheetValues(name: string): CellValue[][] {
    const s = this.sheets.get(this.sheetKey(name) ?? "");
    if (!s) throw new PortError(`The workbook has no sheet named ${name}.`);
    return clone(s.layout?.values ?? s.values ?? []);
  }
}
