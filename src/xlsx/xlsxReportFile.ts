/**
 * The command line's report workbook: a new .xlsx file that holds the `_Stockbook` settings sheet and the sheets
 * the run writes. `writeSheet` keeps each sheet's spec (the report model's rows, no copy); `saveAs` lays the
 * sheets out one at a time and streams them into the file (fast/writeBook), so a 150,000-row fact table costs
 * seconds and its own rows in memory instead of ExcelJS's minutes and gigabytes. Same cells, formats, real Excel
 * tables (ListObjects), frozen headers, tab colours and print layout as XlsxWorkbook (src/xlsx/presentation.ts).
 * It cannot read or change a user's tables (createTable and applyEdits answer PortError): it only ever holds
 * what this run wrote.
 */
import { resolve } from "node:path";
import { defaultSettings, type Settings } from "../engine/settings";
import { numberFormatCode, TEXT_FORMAT } from "../excel/numberFormats";
import { layoutSheet } from "../port/layout";
import { SETTINGS_SHEET, settingsSheetValues } from "../port/settingsSheet";
import {
  PortError,
  TEMP_TABLE_SUFFIX,
  type AddResult,
  type Block,
  type NumberFormatKind,
  type Progress,
  type SheetSpec,
  type TableData,
  type TableInfo,
  type WorkbookInfo,
  type WorkbookPort,
  sameName,
} from "../port/types";
import type { SheetOut } from "./fast/sheetXml";
import type { FontKind } from "./fast/styles";
import { writeBook, type SheetSource } from "./fast/writeBook";
import { NO_CHARTS, NO_PIVOTS } from "./hostOnly";
import { presentSheet } from "./presentation";

type Entry = { kind: "settings" } | { kind: "report"; spec: SheetSpec };
type TableBlock = Extract<Block, { kind: "table" }>;

export class XlsxReportFile implements WorkbookPort {
  private sheets: { name: string; entry: Entry }[] = [];
  private settings: Settings | null = null;
  private active = 0;

  constructor(private readonly opts: { onProgress?: (p: Progress) => void; refuse?: string } = {}) {}

  private find(name: string) {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  private tables(): { sheet: string; block: TableBlock }[] {
    return this.sheets.flatMap((s) =>
      s.entry.kind === "report"
        ? s.entry.spec.blocks
            .filter((b): b is TableBlock => b.kind === "table")
            .map((block) => ({ sheet: s.name, block }))
        : []
    );
  }

  progress(p: Progress): void {
    this.opts.onProgress?.(p);
  }

  async info(): Promise<WorkbookInfo> {
    return { date1904: false, sheets: this.sheets.map((s) => s.name) };
  }

  async listTables(): Promise<TableInfo[]> {
    return this.tables().map(({ sheet, block }) => ({
      name: block.name,
      sheet,
      headers: block.headers,
      rowCount: block.rows.length,
    }));
  }

  async readTable(name: string): Promise<TableData> {
    const t = this.tables().find((x) => sameName(x.block.name, name));
    if (!t) throw new PortError(`The workbook has no table named ${name}.`);
    const spec = (this.find(t.sheet)?.entry as { spec: SheetSpec }).spec;
    const top = layoutSheet({ ...spec, blocks: spec.blocks }).tables.find((x) => x.name === t.block.name)?.top ?? 0;
    return { name: t.block.name, sheet: t.sheet, headerRow: top + 1, header: t.block.headers, rows: t.block.rows };
  }

  async applyEdits(): Promise<void> {
    throw new PortError("A report file holds report sheets only; it has no tables to edit.");
  }

  async createTable(): Promise<void> {
    throw new PortError("A report file holds report sheets only; create tables with XlsxWorkbook.");
  }

  async writeSheet(spec: SheetSpec): Promise<void> {
    const settings = await this.readSettings();
    const existing = this.find(spec.name);
    const owned = (n: string) => settings.ownedSheets.some((o) => sameName(o, n));
    if (existing && (existing.entry.kind !== "report" || !owned(existing.name)))
      throw new PortError(`A sheet named ${spec.name} exists and is not one Stockbook made; rename it and try again.`);
    for (const b of spec.blocks)
      if (b.kind === "table") {
        const other = this.tables().find((t) => sameName(t.block.name, b.name));
        if (other && other.sheet !== existing?.name)
          throw new PortError(`A table named ${b.name} already exists elsewhere in the workbook.`);
      }
    if (existing) existing.entry = { kind: "report", spec };
    else {
      this.sheets.push({ name: spec.name, entry: { kind: "report", spec } });
      await this.writeSettings({ ...settings, ownedSheets: [...settings.ownedSheets, spec.name] });
    }
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
      const s = this.find(o);
      if (s && !out.includes(s.name)) out.push(s.name);
    }
    return out;
  }

  async deleteSheets(names: string[]): Promise<void> {
    const settings = await this.readSettings();
    const gone = new Set<string>();
    for (const n of names) {
      const s = this.find(n);
      if (s && s.entry.kind === "report" && settings.ownedSheets.some((o) => sameName(o, s.name)))
        gone.add(s.name.toLowerCase());
    }
    if (gone.size === 0) return;
    this.sheets = this.sheets.filter((s) => !gone.has(s.name.toLowerCase()));
    await this.writeSettings({
      ...settings,
      ownedSheets: settings.ownedSheets.filter((o) => !gone.has(o.toLowerCase())),
    });
  }

  async swapSheets(pairs: { temp: string; final: string }[]): Promise<void> {
    const settings = await this.readSettings();
    const owned = (n: string) => settings.ownedSheets.some((o) => sameName(o, n));
    for (const p of pairs) {
      const temp = this.find(p.temp);
      if (!temp || !owned(temp.name)) throw new PortError(`Sheet ${p.temp} was not written by this run.`);
      const fin = this.find(p.final);
      if (fin && (fin.entry.kind !== "report" || !owned(fin.name)))
        throw new PortError(`A sheet named ${p.final} exists and is not one Stockbook made; rename it and try again.`);
    }
    let list = [...settings.ownedSheets];
    for (const p of pairs) {
      const fin = this.find(p.final);
      if (fin) this.sheets = this.sheets.filter((s) => s !== fin);
      const temp = this.find(p.temp) as { name: string; entry: Entry };
      const tempName = temp.name;
      const spec = (temp.entry as { spec: SheetSpec }).spec;
      const blocks = spec.blocks.map((b) =>
        b.kind === "table" && b.name.endsWith(TEMP_TABLE_SUFFIX)
          ? { ...b, name: b.name.slice(0, -TEMP_TABLE_SUFFIX.length) }
          : b
      );
      temp.name = p.final;
      temp.entry = { kind: "report", spec: { ...spec, name: p.final, blocks } };
      list = list.filter((o) => !sameName(o, tempName) && !sameName(o, p.final));
      list.push(p.final);
    }
    await this.writeSettings({ ...settings, ownedSheets: list });
  }

  async activateSheet(name: string): Promise<void> {
    const i = this.sheets.findIndex((s) => sameName(s.name, name));
    if (i < 0) throw new PortError(`The workbook has no sheet named ${name}.`);
    this.active = i;
  }

  async readSettings(): Promise<Settings> {
    return this.settings ?? defaultSettings();
  }

  async writeSettings(settings: Settings): Promise<void> {
    this.settings = settings;
    if (!this.find(SETTINGS_SHEET)) this.sheets.push({ name: SETTINGS_SHEET, entry: { kind: "settings" } });
  }

  /** Writes the file. `refuse` (the CLI's input path) is never overwritten. */
  async saveAs(path: string): Promise<void> {
    if (this.opts.refuse !== undefined && resolve(path) === resolve(this.opts.refuse))
      throw new PortError(`Stockbook does not overwrite the workbook it read (${path}); choose another file name.`);
    const decimals = (await this.readSettings()).currencyDecimals;
    const sources: SheetSource[] = this.sheets.map((s) =>
      s.entry.kind === "settings"
        ? { name: s.name, state: "veryHidden", build: () => this.settingsSheet() }
        : {
            name: s.name,
            state: "visible",
            build: (id) => reportSheet((s.entry as { spec: SheetSpec }).spec, decimals, id),
          }
    );
    await writeBook(path, sources, this.active, (name, done, total) =>
      this.progress({ step: `Saving ${name}`, done, total })
    );
  }

  private settingsSheet(): SheetOut {
    const values = settingsSheetValues(this.settings ?? defaultSettings()).map((r) =>
      r.map((v) => (v === null ? null : String(v)))
    );
    return {
      name: SETTINGS_SHEET,
      state: "veryHidden",
      values,
      format: () => TEXT_FORMAT,
      fonts: new Map(),
      widths: [],
      freezeRows: 0,
      fitToWidth: false,
      tables: [],
    };
  }
}

/** A report sheet's cells from the shared layout (src/port/layout.ts), as XlsxWorkbook.writeSheet places them. */
function reportSheet(spec: SheetSpec, decimals: number, nextTableId: () => number): SheetOut {
  const layout = layoutSheet(spec);
  const codes = new Map<NumberFormatKind | null, string>();
  const code = (k: NumberFormatKind | null): string => {
    let c = codes.get(k);
    if (c === undefined) codes.set(k, (c = numberFormatCode(k, decimals)));
    return c;
  };
  const format = (r: number, c: number) => code(layout.formats[r]?.[c] ?? null);
  const fonts = new Map<number, FontKind>();
  for (const r of layout.boldRows) fonts.set(r, 1);
  for (const r of layout.titleRows) fonts.set(r, 2);
  const look = presentSheet(layout);
  const styleOf = new Map(
    spec.blocks.filter((b): b is TableBlock => b.kind === "table").map((b) => [b.name, b.style ?? "TableStyleMedium2"])
  );
  return {
    name: spec.name,
    state: "visible",
    values: layout.values,
    format,
    fonts,
    align: look.align,
    widths: look.widths,
    freezeRows: layout.freezeRows,
    tabColor: spec.tabColor,
    fitToWidth: true,
    printTitleRow: look.printTitleRow,
    tables: layout.tables.map((t) => ({
      id: nextTableId(),
      name: t.name,
      top: t.top,
      headers: t.headers,
      rowCount: t.rowCount,
      style: styleOf.get(t.name) ?? "TableStyleMedium2",
    })),
  };
}
