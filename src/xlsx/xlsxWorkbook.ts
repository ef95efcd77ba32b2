/**
 * The workbook port on .xlsx files, over ExcelJS 4.4: for the command line and for tests. Real Excel tables
 * (ListObjects) with their names, number formats, validation lists and conditional formats; the very hidden
 * `_Stockbook` sheet for settings and owned sheets. ExcelJS cannot write PivotTables or charts, so addPivot and
 * addChart answer `{ ok: false }` and the caller writes the static summary. ExcelJS is known to damage some tables
 * it reads and writes back, so `saveAs` refuses to overwrite the file it opened: results go to a new file.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defaultSettings, type Settings } from "../engine/settings";
import { layoutSheet, type SheetLayout } from "../port/layout";
import { SETTINGS_SHEET, settingsFromSheetValues, settingsSheetValues } from "../port/settingsSheet";
import {
  PortError,
  TEMP_TABLE_SUFFIX,
  type AddResult,
  type CellValue,
  type Progress,
  type SheetSpec,
  type TableData,
  type TableEdits,
  type TableInfo,
  type TableSpec,
  type WorkbookInfo,
  type WorkbookPort,
  sameName,
} from "../port/types";
import { rectAddress } from "../excel/a1";
import { numberFormatCode, TEXT_FORMAT } from "../excel/numberFormats";
import { toExcelJs } from "./cells";
import { mainPrefix } from "./fast/readBook";
import { readZip } from "./fast/zip";
import { stretchColumnRules } from "./rules";
import {
  allTables,
  cellAt,
  findTable,
  readRect,
  readTableContents,
  renameTable,
  repairLoadedTables,
  setTableRect,
  tablesOf,
  tableSummary,
} from "./tables";
import { NO_CHARTS, NO_PIVOTS } from "./hostOnly";
import { cellLines, FOOTER, LINE_HEIGHT, presentSheet } from "./presentation";

export interface XlsxOptions {
  onProgress?: (p: Progress) => void;
}

/** ExcelJS 4.4 has worksheet.dataValidations (ranges allowed) but its typings omit it. */
interface WithValidations {
  dataValidations: { add(address: string, v: ExcelJS.DataValidation): void };
}

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    readonly wb: ExcelJS.Workbook,
    private readonly sourcePath: string | null,
    private readonly opts: XlsxOptions
  ) {}

  static async open(path: string, opts: XlsxOptions = {}): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(path);
    } catch (e) {
      if (writesPrefixedXml(path)) {
        throw new PortError(
          `${path} writes its spreadsheet XML with a namespace prefix (<x:worksheet>, as the Open XML SDK does), ` +
            "which the full reader (ExcelJS, used by `stockbook report --with-tables`) cannot read. `stockbook " +
            "report` without --with-tables and `stockbook check` read such files; or open it in Excel and save it once."
        );
      }
      throw new PortError(`Could not open ${path} as an Excel workbook: ${e instanceof Error ? e.message : String(e)}`);
    }
    repairLoadedTables(wb);
    return new XlsxWorkbook(wb, resolve(path), opts);
  }

  static create(opts: XlsxOptions = {}): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook(), null, opts);
  }

  /** Writes the workbook to a new file; the file it was opened from is never overwritten. */
  async saveAs(path: string): Promise<void> {
    if (this.sourcePath !== null && resolve(path) === this.sourcePath)
      throw new PortError(`Stockbook does not overwrite the workbook it read (${path}); choose another file name.`);
    this.prepareViews();
    await this.wb.xlsx.writeFile(path);
  }

  /** A workbook needs a visible, active sheet; a very hidden sheet must never be the selected one. */
  private prepareViews(): void {
    let visible = this.wb.worksheets.filter((w) => w.state === "visible");
    if (visible.length === 0) {
      this.wb.addWorksheet("Sheet1");
      visible = this.wb.worksheets.filter((w) => w.state === "visible");
    }
    const sheets = this.wb.worksheets;
    const view = this.wb.views?.[0];
    let active = view?.activeTab ?? 0;
    if (!sheets[active] || sheets[active].state !== "visible") active = sheets.indexOf(visible[0]);
    this.wb.views = [
      { x: 0, y: 0, width: 12000, height: 8000, firstSheet: 0, activeTab: active, visibility: "visible" },
    ];
    sheets.forEach((ws, i) => {
      const v = ws.views?.[0] ?? {};
      ws.views = [{ ...v, tabSelected: i === active } as unknown as ExcelJS.WorksheetView];
    });
  }

  progress(p: Progress): void {
    this.opts.onProgress?.(p);
  }

  private get date1904(): boolean {
    return (this.wb.properties as { date1904?: boolean }).date1904 === true;
  }

  private sheet(name: string): ExcelJS.Worksheet | undefined {
    return this.wb.worksheets.find((w) => sameName(w.name, name));
  }

  async info(): Promise<WorkbookInfo> {
    return { date1904: this.date1904, sheets: this.wb.worksheets.map((w) => w.name) };
  }

  async listTables(): Promise<TableInfo[]> {
    return allTables(this.wb).map((t) => {
      const { header, rowCount } = tableSummary(t);
      return { name: t.model.name, sheet: t.ws.name, headers: header, rowCount };
    });
  }

  async readTable(name: string): Promise<TableData> {
    const t = findTable(this.wb, name);
    if (!t) throw new PortError(`The workbook has no table named ${name}.`);
    const c = readTableContents(t, this.date1904);
    return { name: t.model.name, sheet: t.ws.name, headerRow: c.rect.row + 1, header: c.header, rows: c.rows };
  }

  async applyEdits(edits: TableEdits[]): Promise<void> {
    // Check everything before changing anything, so a bad edit changes nothing.
    const plans = edits.map((e) => {
      const t = findTable(this.wb, e.table);
      if (!t) throw new PortError(`The workbook has no table named ${e.table}.`);
      const c = readTableContents(t, this.date1904);
      const idx = (k: string): number => {
        const i = c.header.findIndex((h) => sameName(h, k));
        if (i < 0) throw new PortError(`Table ${t.model.name} has no column ${k}.`);
        return i;
      };
      for (const rec of [...(e.append ?? []), ...(e.update ?? []).map((u) => u.values)]) Object.keys(rec).forEach(idx);
      for (const u of e.update ?? [])
        if (!(u.rowIndex >= 0 && u.rowIndex < c.rows.length))
          throw new PortError(`Table ${t.model.name} has no data row ${u.rowIndex + 1}.`);
      const appendAt = c.rows.length === 0 ? c.rect.row + 1 : c.rect.row + c.rect.rows;
      const grows = Math.max(0, appendAt + (e.append?.length ?? 0) - (c.rect.row + c.rect.rows));
      const below = readRect(t.ws, { ...c.rect, row: c.rect.row + c.rect.rows, rows: grows }, false);
      if (below.some((r) => r.some((v) => v !== null)))
        throw new PortError(`Rows below table ${t.model.name} are not empty; move what is there and try again.`);
      return { e, t, c, idx, appendAt };
    });
    for (const { e, t, c, idx, appendAt } of plans) {
      const formatRow = c.rect.row + 1;
      for (const u of e.update ?? [])
        for (const [k, v] of Object.entries(u.values))
          cellAt(t.ws, c.rect.row + 1 + u.rowIndex, c.rect.col + idx(k)).value = toExcelJs(v);
      (e.append ?? []).forEach((rec, i) => {
        const r = appendAt + i;
        for (let col = 0; col < c.header.length; col++) {
          const cell = cellAt(t.ws, r, c.rect.col + col);
          const k = Object.keys(rec).find((key) => idx(key) === col);
          cell.value = k === undefined ? null : toExcelJs(rec[k]);
          // New rows take the column's format, as Excel extends a table.
          if (r !== formatRow) cell.numFmt = cellAt(t.ws, formatRow, c.rect.col + col).numFmt;
        }
      });
      const last = Math.max(c.rect.row + c.rect.rows - 1, appendAt + (e.append?.length ?? 0) - 1);
      setTableRect(t.model, { ...c.rect, rows: last - c.rect.row + 1 });
      stretchColumnRules(t.ws, { ...c.rect, row: c.rect.row + 1, rows: c.bodyRows }, last - c.rect.row);
    }
  }

  async createTable(spec: TableSpec): Promise<void> {
    if (this.sheet(spec.sheet))
      throw new PortError(`A sheet named ${spec.sheet} already exists; it was left as it is.`);
    if (findTable(this.wb, spec.name))
      throw new PortError(`A table named ${spec.name} already exists; it was left as it is.`);
    for (const h of [...Object.keys(spec.validation ?? {}), ...(spec.conditionalFormats ?? []).map((f) => f.column)])
      if (!spec.headers.includes(h)) throw new PortError(`Table ${spec.name} has no column ${h}.`);
    const ws = this.wb.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    const rows = spec.rows ?? [];
    const decimals = (await this.readSettings()).currencyDecimals;
    const formats = spec.headers.map((h) => numberFormatCode(spec.formats?.[h], decimals));
    this.addTable(ws, 0, spec.name, spec.headers, rows, formats, spec.style);
    const dataRows = Math.max(rows.length, 1);
    const colRange = (h: string) => {
      const c = spec.headers.indexOf(h);
      return rectAddress({ row: 1, col: c, rows: dataRows, cols: 1 });
    };
    for (const [h, list] of Object.entries(spec.validation ?? {}))
      (ws as unknown as WithValidations).dataValidations.add(colRange(h), {
        type: "list",
        allowBlank: true,
        showErrorMessage: true,
        formulae: [`"${list.join(",")}"`],
      });
    (spec.conditionalFormats ?? []).forEach((f, i) =>
      ws.addConditionalFormatting({
        ref: colRange(f.column),
        rules: [
          {
            type: "expression",
            priority: i + 1,
            formulae: [f.formula.replace(/^=/, "")],
            style: {
              fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(f.fill) } },
              ...(f.font ? { font: { color: { argb: argb(f.font) } } } : {}),
            },
          },
        ],
      })
    );
    spec.headers.forEach((h, c) => (ws.getColumn(c + 1).width = Math.min(Math.max(h.length + 4, 12), 40)));
  }

  /** Cells first (values + formats), then the ListObject over them; an empty table gets Excel's one blank row. */
  private addTable(
    ws: ExcelJS.Worksheet,
    top: number,
    name: string,
    headers: string[],
    rows: CellValue[][],
    formats: string[],
    style?: string
  ): void {
    const body = rows.length > 0 ? rows : [headers.map(() => null)];
    ws.addTable({
      name,
      displayName: name,
      ref: rectAddress({ row: top, col: 0, rows: 1, cols: 1 }),
      headerRow: true,
      style: { theme: (style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: headers.map((h) => ({ name: h, filterButton: true })),
      rows: body.map((r) => headers.map((_, c) => toExcelJs(r[c] ?? null))),
    });
    // A number format is a style per cell in ExcelJS: set only those that are not General.
    formats.forEach((f, c) => {
      if (f !== "General") for (let i = 0; i < body.length; i++) cellAt(ws, top + 1 + i, c).numFmt = f;
    });
  }

  async writeSheet(spec: SheetSpec): Promise<void> {
    const settings = await this.readSettings();
    const existing = this.sheet(spec.name);
    const owned = (n: string) => settings.ownedSheets.some((o) => sameName(o, n));
    if (existing && !owned(existing.name))
      throw new PortError(`A sheet named ${spec.name} exists and is not one Stockbook made; rename it and try again.`);
    const layout = layoutSheet(spec);
    for (const t of layout.tables) {
      const other = findTable(this.wb, t.name);
      if (other && other.ws !== existing)
        throw new PortError(`A table named ${t.name} already exists elsewhere in the workbook.`);
    }
    if (existing) this.wb.removeWorksheet(existing.id);
    const ws = this.wb.addWorksheet(spec.name);
    const formats = layout.formats.map((r) => r.map((k) => numberFormatCode(k, settings.currencyDecimals)));
    layout.values.forEach((r, i) =>
      r.forEach((v, c) => {
        if (v === null && formats[i][c] === "General") return;
        const cell = cellAt(ws, i, c);
        cell.value = toExcelJs(v);
        if (formats[i][c] !== "General") cell.numFmt = formats[i][c];
      })
    );
    for (const t of layout.tables) {
      const block = spec.blocks.find((b) => b.kind === "table" && b.name === t.name);
      const rows = layout.values.slice(t.top + 1, t.top + 1 + t.rowCount).map((r) => r.slice(0, t.headers.length));
      const fmts = t.headers.map((_, c) => formats[t.top + 1]?.[c] ?? "General");
      this.addTable(ws, t.top, t.name, t.headers, rows, fmts, block?.kind === "table" ? block.style : undefined);
    }
    for (const r of layout.boldRows) ws.getRow(r + 1).font = { bold: true };
    for (const r of layout.titleRows) ws.getRow(r + 1).font = { bold: true, size: 14 };
    dress(ws, layout);
    if (layout.freezeRows > 0) ws.views = [{ state: "frozen", ySplit: layout.freezeRows }];
    if (spec.tabColor) ws.properties.tabColor = { argb: argb(spec.tabColor) };
    if (!existing) await this.writeSettings({ ...settings, ownedSheets: [...settings.ownedSheets, spec.name] });
  }

  /** Known before any sheet is written, so each report sheet is written once, with its static summaries. */
  pivotSupport(): AddResult {
    return NO_PIVOTS;
  }

  async addPivot(): Promise<AddResult> {
    return this.pivotSupport();
  }

  async addChart(): Promise<AddResult> {
    return NO_CHARTS;
  }

  async ownedSheets(): Promise<string[]> {
    const out: string[] = [];
    for (const o of (await this.readSettings()).ownedSheets) {
      const ws = this.sheet(o);
      if (ws && !out.includes(ws.name)) out.push(ws.name);
    }
    return out;
  }

  async deleteSheets(names: string[]): Promise<void> {
    const settings = await this.readSettings();
    const gone = new Set<string>();
    for (const n of names) {
      const ws = this.sheet(n);
      if (ws && settings.ownedSheets.some((o) => sameName(o, ws.name))) {
        gone.add(ws.name.toLowerCase());
        this.wb.removeWorksheet(ws.id);
      }
    }
    if (gone.size > 0)
      await this.writeSettings({
        ...settings,
        ownedSheets: settings.ownedSheets.filter((o) => !gone.has(o.toLowerCase())),
      });
  }

  async swapSheets(pairs: { temp: string; final: string }[]): Promise<void> {
    const settings = await this.readSettings();
    const owned = (n: string) => settings.ownedSheets.some((o) => sameName(o, n));
    for (const p of pairs) {
      const temp = this.sheet(p.temp);
      if (!temp || !owned(temp.name)) throw new PortError(`Sheet ${p.temp} was not written by this run.`);
      const fin = this.sheet(p.final);
      if (fin && !owned(fin.name))
        throw new PortError(`A sheet named ${p.final} exists and is not one Stockbook made; rename it and try again.`);
    }
    let list = [...settings.ownedSheets];
    for (const p of pairs) {
      const fin = this.sheet(p.final);
      if (fin) this.wb.removeWorksheet(fin.id);
      const temp = this.sheet(p.temp) as ExcelJS.Worksheet;
      const tempName = temp.name;
      temp.name = p.final;
      for (const t of tablesOf(temp))
        if (t.model.name.endsWith(TEMP_TABLE_SUFFIX)) renameTable(t, t.model.name.slice(0, -TEMP_TABLE_SUFFIX.length));
      list = list.filter((o) => !sameName(o, tempName) && !sameName(o, p.final));
      list.push(p.final);
    }
    await this.writeSettings({ ...settings, ownedSheets: list });
  }

  async activateSheet(name: string): Promise<void> {
    const ws = this.sheet(name);
    if (!ws) throw new PortError(`The workbook has no sheet named ${name}.`);
    this.wb.views = [
      { ...(this.wb.views?.[0] ?? {}), activeTab: this.wb.worksheets.indexOf(ws) } as ExcelJS.WorkbookView,
    ];
  }

  async readSettings(): Promise<Settings> {
    const ws = this.sheet(SETTINGS_SHEET);
    if (!ws) return defaultSettings();
    return settingsFromSheetValues(readRect(ws, { row: 0, col: 0, rows: ws.rowCount, cols: 2 }, false));
  }

  async writeSettings(settings: Settings): Promise<void> {
    let ws = this.sheet(SETTINGS_SHEET);
    if (!ws) ws = this.wb.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    const rows = settingsSheetValues(settings);
    const height = Math.max(rows.length, ws.rowCount);
    for (let r = 0; r < height; r++)
      for (let c = 0; c < 2; c++) {
        const cell = cellAt(ws, r, c);
        const v = rows[r]?.[c];
        cell.value = v === undefined || v === null ? null : String(v);
        cell.numFmt = TEXT_FORMAT;
      }
  }
}

/** ExcelJS's alignment for each AlignKind (fast/styles.ts writes the same as XML). */
const ALIGNMENTS: (Partial<ExcelJS.Alignment> | undefined)[] = [
  undefined,
  { horizontal: "right" },
  { horizontal: "center" },
  { horizontal: "left", indent: 1 },
  { wrapText: true },
  { horizontal: "left", indent: 1, wrapText: true },
];

/**
 * A written report sheet made ready to read and print, by the rule XlsxReportFile streams (presentation.ts):
 * widths, alignments, wrapped rows' heights, landscape one page wide, footer, print titles.
 */
function dress(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const look = presentSheet(layout);
  look.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  layout.values.forEach((row, r) => {
    let lines = 1;
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const kind = look.align(r, c);
      const alignment = ALIGNMENTS[kind];
      if (alignment) ws.getCell(r + 1, c + 1).alignment = alignment;
      if (typeof v === "string") lines = Math.max(lines, cellLines(v, kind, look.widths[c]));
    });
    if (lines > 1) ws.getRow(r + 1).height = LINE_HEIGHT * lines;
  });
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(look.printTitleRow !== undefined && { printTitlesRow: `${look.printTitleRow + 1}:${look.printTitleRow + 1}` }),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: FOOTER };
}

/** True when the file's workbook part names SpreadsheetML's elements with a prefix (ExcelJS reads none of them). */
function writesPrefixedXml(path: string): boolean {
  try {
    const part = readZip(readFileSync(path)).get("xl/workbook.xml");
    return part !== undefined && mainPrefix(part.read().toString("utf8", 0, 4096)) !== "";
  } catch {
    return false;
  }
}
