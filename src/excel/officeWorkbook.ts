/**
 * The workbook port inside Excel, over Office.js. Every operation runs in one `Excel.run` batch; reads load and
 * sync once for the layout and once per chunk of rows, writes go as whole-range numberFormat + values arrays under
 * the payload budget with calculation suspended. Sheets the add-in writes are listed on the very hidden
 * `_Stockbook` sheet; only those are ever replaced, renamed or deleted.
 *
 * In the add-in: `new OfficeWorkbook((batch) => Excel.run(batch))`. Tests pass a fake runner.
 */
import type { Settings } from "../engine/settings";
import { layoutSheet } from "../port/layout";
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
  sameName,
} from "../port/types";
import { cellAddress, rectAddress } from "./a1";
import { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_READ_CHUNK_CELLS, planChunks, rowBytes } from "./chunks";
import {
  isOwned,
  loadHostState,
  loadHostStateExpecting,
  ownedExisting,
  sheetNamed,
  tableNamed,
  type HostState,
} from "./hostState";
import { addChartsBatch, addPivotsBatch, queuePivot } from "./objectsBatch";
import { loadOverview, readTablesBatch, type TableSize } from "./readBatch";
import { writeSheetsBatch } from "./writeBatch";
import { numberFormatCode, TEXT_FORMAT } from "./numberFormats";
import { queueSettings } from "./settingsIo";
import { finishMeta, missingTable, queueMeta, readTableData, type TableMeta } from "./tableIo";
import { mustWriteAsText } from "./textEscape";
import { dropPartial, queueSheetFinish, replaceSheet, scratchName, sheetFinishBytes } from "./sheetOps";
import { dressSupport, planDress } from "./dress";
import { toCell, WriteSession, type Supports } from "./writeSession";

/** What applyEdits needs to put the tables back after a failure. */
interface Undo {
  edits: TableEdits[];
  metas: TableMeta[];
  bodyRows: number[];
  olds: Map<number, Excel.Range>[];
  indexers: ((k: string) => number)[];
}

/**
 * A write Excel stopped part-way and that could not be undone: `partialWrite` is set so the task pane does not say
 * "Nothing was written" (src/taskpane/logic/outcome.ts), and the message names the rows to check.
 */
function partialWrite(e: PortError, rows: string): PortError {
  const out = new PortError(
    `${e.message} Excel stopped part-way and the change could not be undone: check ${rows} before trying again.`
  );
  return Object.assign(out, { partialWrite: true });
}

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Requirement-set check; defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: Supports;
  /** Largest estimated request, bytes (default 4 MB; Excel on the web refuses over 5 MB). */
  maxRequestBytes?: number;
  /** Cells per read chunk (default 100,000). */
  readChunkCells?: number;
  onProgress?: (p: Progress) => void;
  /**
   * Told just before each sync of readTable(s) and writeSheet(s) that carries a chunk of table data (read or
   * write), so a caller can count the syncs that move data apart from the others (bench/office.bench.ts).
   */
  onChunkSync?: (kind: ChunkSyncKind) => void;
}

export type ChunkSyncKind = "read" | "write";

const PIVOT_UNSUPPORTED =
  "PivotTables need Excel API 1.8 (Excel 2019, Excel on the web or Microsoft 365); a static summary is shown instead.";
const CHART_UNSUPPORTED = "This version of Excel cannot add this chart from an add-in; the table is shown instead.";

function officeSupports(set: string, version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(set, version) === true;
}

const stripTemp = (n: string): string => (n.endsWith(TEMP_TABLE_SUFFIX) ? n.slice(0, -TEMP_TABLE_SUFFIX.length) : n);

/** A host failure as a PortError the task pane can show; PortErrors pass through. */
function hostError(action: string, e: unknown): PortError {
  if (e instanceof PortError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new PortError(`Excel could not ${action}: ${msg}`);
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly supports: Supports;
  private readonly budget: number;
  private readonly chunkCells: number;

  constructor(
    private readonly run: ExcelRun,
    private readonly opts: OfficeWorkbookOptions = {}
  ) {
    this.supports = opts.isSetSupported ?? officeSupports;
    this.budget = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.chunkCells = opts.readChunkCells ?? DEFAULT_READ_CHUNK_CELLS;
  }

  progress(p: Progress): void {
    this.opts.onProgress?.(p);
  }

  /** Whether the `_Stockbook` sheet was there when last looked at: its cells are then loaded with the state. */
  private expectSettings = false;
  /** Table sizes the last overview saw (lower-case names): readTables sends its first chunk with the layouts. */
  private sizes = new Map<string, TableSize>();

  /** The host state for the batch calls (one sync where the `_Stockbook` sheet is expected). */
  private async state(ctx: Excel.RequestContext): Promise<HostState> {
    const st = await loadHostStateExpecting(ctx, this.expectSettings);
    this.expectSettings = st.hasSettingsSheet;
    return st;
  }

  private chunkSync(kind: ChunkSyncKind): () => void {
    return () => this.opts.onChunkSync?.(kind);
  }

  async overview(): Promise<WorkbookOverview> {
    return this.run(async (ctx) => {
      const r = await loadOverview(ctx, this.supports, this.expectSettings);
      this.expectSettings = r.hasSettingsSheet;
      this.sizes = new Map(r.metas.map((m) => [m.name.toLowerCase(), { rows: m.rowCount, cols: m.columnCount }]));
      return r.overview;
    });
  }

  async readTables(names: string[], onTable?: (index: number) => void): Promise<TableData[]> {
    if (names.length === 0) return [];
    return this.run((ctx) =>
      readTablesBatch(ctx, names, {
        chunkCells: this.chunkCells,
        hint: (n) => this.sizes.get(n.toLowerCase()),
        chunkSync: this.chunkSync("read"),
        onChunk: (name, done, total) => this.progress({ step: `Reading ${name}`, done, total }),
        onTable,
      })
    );
  }

  async writeSheets(specs: SheetSpec[], opts: WriteSheetsOptions = {}): Promise<void> {
    if (specs.length === 0 && !opts.dropLeftovers) return;
    await this.run(async (ctx) => {
      const st = await this.state(ctx).catch((e: unknown) => {
        throw hostError("write the report sheets", e);
      });
      const env = {
        ctx,
        supports: this.supports,
        budget: this.budget,
        chunkSync: this.chunkSync("write"),
        onChunk: (name: string, done: number, total: number) => this.progress({ step: `Writing ${name}`, done, total }),
      };
      await writeSheetsBatch(env, st, specs, opts).catch((e: unknown) => {
        throw hostError(`write the sheets ${specs.map((x) => x.name).join(", ")}`, e);
      });
      this.expectSettings ||= specs.length > 0;
    });
  }

  pivotSupport(): AddResult {
    return this.supports("ExcelApi", "1.8") ? { ok: true } : { ok: false, reason: PIVOT_UNSUPPORTED };
  }

  async addPivots(specs: PivotSpec[]): Promise<AddResult[]> {
    if (specs.length === 0) return [];
    if (!this.supports("ExcelApi", "1.8")) return specs.map(() => ({ ok: false, reason: PIVOT_UNSUPPORTED }));
    return this.run((ctx) => addPivotsBatch(ctx, specs));
  }

  async addCharts(specs: ChartSpec[]): Promise<AddResult[]> {
    if (specs.length === 0) return [];
    if (!this.supports("ExcelApi", "1.1")) return specs.map(() => ({ ok: false, reason: CHART_UNSUPPORTED }));
    return this.run((ctx) => addChartsBatch(ctx, specs, this.supports("ExcelApi", "1.7"), CHART_UNSUPPORTED));
  }

  async info(): Promise<WorkbookInfo> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      // DATE(1904,1,1) is 0 in a 1904-system workbook and 1462 in a 1900-system one (Office.js has no flag for it).
      const probe = this.supports("ExcelApi", "1.2") ? ctx.workbook.functions.date(1904, 1, 1).load("value") : null;
      await ctx.sync();
      return { date1904: probe !== null && probe.value === 0, sheets: sheets.items.map((s) => s.name) };
    });
  }

  async listTables(): Promise<TableInfo[]> {
    return this.run(async (ctx) => {
      const tables = ctx.workbook.tables.load("items/name");
      await ctx.sync();
      const pending = tables.items.map((t) => queueMeta(ctx, t.name));
      await ctx.sync();
      return pending.map(finishMeta).map((m) => ({
        name: m.name,
        sheet: m.sheet,
        headers: m.header,
        rowCount: m.rowCount,
      }));
    });
  }

  async readTable(name: string): Promise<TableData> {
    return this.run((ctx) =>
      readTableData(
        ctx,
        name,
        this.chunkCells,
        (done, total) => this.progress({ step: `Reading ${name}`, done, total }),
        this.chunkSync("read")
      )
    );
  }

  async applyEdits(edits: TableEdits[]): Promise<void> {
    if (edits.length === 0) return;
    await this.run(async (ctx) => {
      const pending = edits.map((e) => queueMeta(ctx, e.table));
      // The undo record, loaded with the layout: the table row of every updated cell as it is now (the header row
      // offset down, which Excel allows past the table's end; an out-of-range update is refused below).
      const olds = edits.map((e, i) => {
        const m = new Map<number, Excel.Range>();
        for (const u of e.update ?? [])
          if (!m.has(u.rowIndex))
            m.set(
              u.rowIndex,
              pending[i].table
                .getHeaderRowRange()
                .getOffsetRange(1 + u.rowIndex, 0)
                .load("values,numberFormat,formulas")
            );
        return m;
      });
      const app = ctx.workbook.application.load("calculationMode");
      try {
        await ctx.sync();
      } catch (e) {
        throw missingTable(e, edits.map((x) => x.table).join(" or "));
      }
      const metas = pending.map(finishMeta);
      const bodyRows = pending.map((p) => p.body.rowCount);
      // Check everything before changing anything, so a bad edit changes nothing.
      const indexers = metas.map((m, i) => {
        const idx = (k: string): number => {
          const c = m.header.findIndex((h) => sameName(h, k));
          if (c < 0) throw new PortError(`Table ${m.name} has no column ${k}.`);
          return c;
        };
        for (const rec of [...(edits[i].append ?? []), ...(edits[i].update ?? []).map((u) => u.values)])
          Object.keys(rec).forEach(idx);
        for (const u of edits[i].update ?? [])
          if (!(u.rowIndex >= 0 && u.rowIndex < m.rowCount))
            throw new PortError(`Table ${m.name} has no data row ${u.rowIndex + 1}.`);
        return idx;
      });
      const session = new WriteSession(ctx, this.supports, String(app.calculationMode), this.budget);
      session.begin();
      try {
        for (let i = 0; i < edits.length; i++)
          await this.queueEdits(session, metas[i], bodyRows[i], edits[i], indexers[i]);
        session.end();
        await ctx.sync();
      } catch (e) {
        // Excel has no rollback: what ran before the failing operation stays. Undo it (BUG-H7).
        const undo = { edits, metas, bodyRows, olds, indexers };
        const undone = await this.undoEdits(session, undo).then(
          () => true,
          () => false
        );
        await session.abort().catch(() => undefined);
        if (undone) throw hostError("change the tables", e);
        throw partialWrite(hostError("change the tables", e), this.rowsToCheck(undo));
      }
    });
  }

  /**
   * Puts the edited tables back as they were: appended rows deleted (TableRow.delete, last first), the blank row of
   * a table that was empty blanked again, updated cells given their old format and value (or formula). Two
   * requests: the tables' row counts now, then the compensating changes (the caller restores calculation).
   */
  private async undoEdits(session: WriteSession, u: Undo): Promise<void> {
    const ctx = session.ctx;
    const now = u.metas.map((m) => m.table.getDataBodyRange().load("rowCount"));
    await ctx.sync();
    u.edits.forEach((edit, i) => {
      const m = u.metas[i];
      const body = m.table.getDataBodyRange();
      for (let r = now[i].rowCount - 1; r >= u.bodyRows[i]; r--) m.table.rows.getItemAt(r).delete();
      if ((edit.append ?? []).length > 0 && u.bodyRows[i] > m.rowCount)
        body.getRow(0).values = [m.header.map(() => "")];
      for (const up of edit.update ?? []) {
        const old = u.olds[i].get(up.rowIndex) as Excel.Range;
        for (const k of Object.keys(up.values)) {
          const c = u.indexers[i](k);
          const cell = body.getCell(up.rowIndex, c);
          const f: unknown = old.formulas?.[0]?.[c];
          cell.numberFormat = [[old.numberFormat[0][c]]];
          if (typeof f === "string" && f.startsWith("=")) cell.formulas = [[f]];
          else cell.values = [[old.values[0][c]]];
        }
      }
    });
    await ctx.sync();
  }

  /** Sheet rows an undone-or-not write may have touched, for the user to check ("Checkouts rows 5–7; …"). */
  private rowsToCheck(u: Undo): string {
    return u.edits
      .map((e, i) => {
        const m = u.metas[i];
        const first = m.headerRow + 1;
        const rows = [...new Set((e.update ?? []).map((x) => first + x.rowIndex))].sort((a, b) => a - b);
        const n = (e.append ?? []).length;
        if (n > 0) {
          const from = first + m.rowCount;
          rows.push(from);
          if (n > 1)
            return `${m.name} (${m.sheet}) rows ${[...rows.slice(0, -1), `${from}–${from + n - 1}`].join(", ")}`;
        }
        return rows.length ? `${m.name} (${m.sheet}) row${rows.length > 1 ? "s" : ""} ${rows.join(", ")}` : "";
      })
      .filter((x) => x !== "")
      .join("; ");
  }

  private async queueEdits(
    session: WriteSession,
    meta: TableMeta,
    bodyRows: number,
    edit: TableEdits,
    idx: (k: string) => number
  ): Promise<void> {
    const setCell = (rowIndex: number, col: number, v: CellValue) => {
      const cell = meta.table.getDataBodyRange().getCell(rowIndex, col);
      if (typeof v === "string" && mustWriteAsText(v)) cell.numberFormat = [[TEXT_FORMAT]];
      cell.values = [[toCell(v)]];
    };
    for (const u of edit.update ?? []) for (const [k, v] of Object.entries(u.values)) setCell(u.rowIndex, idx(k), v);
    const rows: CellValue[][] = (edit.append ?? []).map((rec) => {
      const row: CellValue[] = meta.header.map(() => null);
      for (const [k, v] of Object.entries(rec)) row[idx(k)] = v;
      return row;
    });
    let next = meta.rowCount;
    // An empty Excel table still has one blank row: the first appended row fills it.
    if (rows.length > 0 && bodyRows > meta.rowCount) {
      rows[0].forEach((v, c) => setCell(0, c, v));
      next = 1;
      rows.shift();
    }
    const risky = (v: CellValue) => typeof v === "string" && mustWriteAsText(v);
    const chunks = planChunks(
      rows.map((r) => rowBytes(r)),
      this.budget / 2
    );
    for (const { start, count } of chunks) {
      const part = rows.slice(start, start + count);
      meta.table.rows.add(
        undefined,
        part.map((r) => r.map((v) => (risky(v) ? "" : toCell(v))))
      );
      part.forEach((r, i) => r.forEach((v, c) => risky(v) && setCell(next + start + i, c, v)));
      if (start + count < rows.length) await session.sync();
    }
  }

  async createTable(spec: TableSpec): Promise<void> {
    await this.run(async (ctx) => {
      const st = await loadHostState(ctx, false).catch((e: unknown) => {
        throw hostError(`create the table ${spec.name}`, e);
      });
      if (sheetNamed(st, spec.sheet))
        throw new PortError(`A sheet named ${spec.sheet} already exists; it was left as it is.`);
      if (tableNamed(st, spec.name))
        throw new PortError(`A table named ${spec.name} already exists; it was left as it is.`);
      const session = new WriteSession(ctx, this.supports, st.calculationMode, this.budget);
      session.begin();
      try {
        const sheet = ctx.workbook.worksheets.add(spec.sheet);
        const rows = spec.rows ?? [];
        const cols = spec.headers.length;
        const colFormats = spec.headers.map((h) => numberFormatCode(spec.formats?.[h], st.settings.currencyDecimals));
        const dataRows = Math.max(rows.length, 1);
        const grid: CellValue[][] = [spec.headers, ...rows];
        const formats = [spec.headers.map(() => "General"), ...rows.map(() => colFormats)];
        await session.writeGrid(sheet, 0, 0, grid, formats, (done, total) =>
          this.progress({ step: `Creating ${spec.name}`, done, total })
        );
        const table = sheet.tables.add(rectAddress({ row: 0, col: 0, rows: rows.length + 1, cols }), true);
        table.name = spec.name;
        table.style = spec.style ?? "TableStyleMedium2";
        // Excel gives an empty table one blank row: format it so what is typed there gets the column's format.
        if (rows.length === 0)
          sheet.getRange(rectAddress({ row: 1, col: 0, rows: 1, cols })).numberFormat = [colFormats];
        const column = (h: string) => {
          const c = spec.headers.indexOf(h);
          if (c < 0) throw new PortError(`Table ${spec.name} has no column ${h}.`);
          return sheet.getRange(rectAddress({ row: 1, col: c, rows: dataRows, cols: 1 }));
        };
        if (this.supports("ExcelApi", "1.8"))
          for (const [h, list] of Object.entries(spec.validation ?? {}))
            column(h).dataValidation.rule = { list: { inCellDropDown: true, source: list.join(",") } };
        if (this.supports("ExcelApi", "1.6"))
          for (const f of spec.conditionalFormats ?? []) {
            const cf = column(f.column).conditionalFormats.add("Custom");
            cf.custom.rule.formula = f.formula;
            cf.custom.format.fill.color = f.fill;
            if (f.font) cf.custom.format.font.color = f.font;
          }
        sheet.freezePanes.freezeRows(1);
        session.end();
        await ctx.sync();
      } catch (e) {
        await session.abort().catch(() => undefined);
        // The sheet did not exist before: a half-made one would block the next attempt.
        await dropPartial(ctx, [spec.sheet]);
        throw hostError(`create the table ${spec.name}`, e);
      }
    });
  }

  async writeSheet(spec: SheetSpec): Promise<void> {
    const layout = layoutSheet(spec);
    await this.run(async (ctx) => {
      const st = await loadHostState(ctx).catch((e: unknown) => {
        throw hostError(`write the sheet ${spec.name}`, e);
      });
      const existing = sheetNamed(st, spec.name);
      if (existing && !isOwned(st, existing))
        throw new PortError(
          `A sheet named ${spec.name} exists and is not one Stockbook made; rename it and try again.`
        );
      for (const t of layout.tables) {
        const other = tableNamed(st, t.name);
        if (other && !(existing && sameName(other.sheet, existing)))
          throw new PortError(`A table named ${t.name} already exists elsewhere in the workbook.`);
      }
      const session = new WriteSession(ctx, this.supports, st.calculationMode, this.budget);
      session.onChunkSync = this.chunkSync("write");
      session.begin();
      const scratch = existing ? scratchName(st) : undefined;
      try {
        const sheet = replaceSheet(ctx, existing, scratch, spec.name);
        if (!existing) queueSettings(ctx, st, { ...st.settings, ownedSheets: [...st.settings.ownedSheets, spec.name] });
        const formats = layout.formats.map((r) => r.map((k) => numberFormatCode(k, st.settings.currencyDecimals)));
        const part = {
          sheet,
          row: 0,
          col: 0,
          values: layout.values,
          formats,
          onChunk: (done: number, total: number) => this.progress({ step: `Writing ${spec.name}`, done, total }),
          dress: planDress(layout, dressSupport(this.supports)),
        };
        await session.writeGrids([part], sheetFinishBytes(spec, layout));
        queueSheetFinish(sheet, spec, layout);
        session.end();
        session.onChunkSync(); // the last chunk goes with the tables and formats
        await ctx.sync();
      } catch (e) {
        await session.abort().catch(() => undefined);
        // The scratch sheet is never wanted; the sheet of the final name is ours to drop once the old one is gone
        // (it did not exist, or a request of this write went through).
        const drop = scratch ? [scratch] : [];
        if (!existing || session.synced > 0) drop.push(spec.name);
        await dropPartial(ctx, drop, [spec.name]);
        throw hostError(`write the sheet ${spec.name}`, e);
      }
    });
  }

  /** Free columns to the right of what a sheet holds, for a PivotTable or chart. */
  private async anchorRight(ctx: Excel.RequestContext, sheet: Excel.Worksheet): Promise<number> {
    const used = sheet.getUsedRange().load("columnIndex,columnCount");
    await ctx.sync();
    return used.columnIndex + used.columnCount + 1;
  }

  async addPivot(spec: PivotSpec): Promise<AddResult> {
    if (!this.supports("ExcelApi", "1.8")) return { ok: false, reason: PIVOT_UNSUPPORTED };
    return this.run(async (ctx) => {
      const { sheet, meta } = await this.sheetAndSource(ctx, spec.sheet, spec.sourceTable);
      for (const f of [...spec.rows, ...(spec.columns ?? []), ...spec.values.map((v) => v.field)])
        if (!meta.header.includes(f)) throw new PortError(`Table ${spec.sourceTable} has no column ${f}.`);
      const col = await this.anchorRight(ctx, sheet);
      try {
        queuePivot(ctx, sheet, spec, col, meta.table);
        await ctx.sync();
        return { ok: true } as AddResult;
      } catch (e) {
        return { ok: false, reason: hostError(`add the PivotTable ${spec.name}`, e).message } as AddResult;
      }
    });
  }

  private async sheetAndSource(ctx: Excel.RequestContext, sheetName: string, source: string) {
    const st = await loadHostState(ctx, false);
    const sheetFound = sheetNamed(st, sheetName);
    const tableFound = tableNamed(st, source);
    if (!sheetFound) throw new PortError(`The workbook has no sheet named ${sheetName}.`);
    if (!tableFound) throw new PortError(`The workbook has no table named ${source}.`);
    const sheet = ctx.workbook.worksheets.getItem(sheetFound);
    const pending = queueMeta(ctx, tableFound.name);
    await ctx.sync();
    return { sheet, meta: finishMeta(pending) };
  }

  async addChart(spec: ChartSpec): Promise<AddResult> {
    if (!this.supports("ExcelApi", "1.1")) return { ok: false, reason: CHART_UNSUPPORTED };
    return this.run(async (ctx) => {
      const { sheet, meta } = await this.sheetAndSource(ctx, spec.sheet, spec.sourceTable);
      for (const s of spec.series)
        if (!meta.header.includes(s)) throw new PortError(`Table ${spec.sourceTable} has no column ${s}.`);
      const unwanted = meta.header
        .map((h, i) => (i > 0 && !spec.series.includes(h) ? i - 1 : -1))
        .filter((i) => i >= 0);
      if (unwanted.length > 0 && !this.supports("ExcelApi", "1.7")) return { ok: false, reason: CHART_UNSUPPORTED };
      // The sheet's charts before this one, loaded with the anchor: a failure's clean-up deletes any other.
      const before = sheet.charts.load("items/name");
      const col = await this.anchorRight(ctx, sheet);
      try {
        const chart = sheet.charts.add(
          spec.type === "line" ? "Line" : "ColumnClustered",
          meta.table.getRange(),
          "Columns"
        );
        for (const i of unwanted.reverse()) chart.series.getItemAt(i).delete();
        chart.name = spec.name;
        chart.title.text = spec.title;
        chart.setPosition(cellAddress(1, col));
        await ctx.sync();
        return { ok: true } as AddResult;
      } catch (e) {
        await this.dropNewCharts(ctx, sheet, before);
        return { ok: false, reason: hostError(`add the chart ${spec.name}`, e).message } as AddResult;
      }
    });
  }

  /**
   * After a failed chart request (BUG-H10): Excel keeps the chart it added before the failing operation, unnamed
   * ("Chart 1") and half set up. Deletes, in fresh requests, every chart of the sheet that was not there before.
   * Best effort: the failure the caller reports is the one that matters.
   */
  private async dropNewCharts(
    ctx: Excel.RequestContext,
    sheet: Excel.Worksheet,
    before: Excel.ChartCollection
  ): Promise<void> {
    try {
      const had = new Set(before.items.map((c) => c.name));
      const now = sheet.charts.load("items/name");
      await ctx.sync();
      const added = now.items.filter((c) => !had.has(c.name));
      if (added.length === 0) return;
      for (const c of added) c.delete();
      await ctx.sync();
    } catch {
      // Nothing more to do here; the chart's name on the sheet tells the user which one to remove.
    }
  }

  async ownedSheets(): Promise<string[]> {
    return this.run(async (ctx) => ownedExisting(await loadHostState(ctx)));
  }

  async deleteSheets(names: string[]): Promise<void> {
    await this.run(async (ctx) => {
      const st = await loadHostState(ctx);
      const gone = names.map((n) => sheetNamed(st, n)).filter((n): n is string => !!n && isOwned(st, n));
      if (gone.length === 0) return;
      try {
        for (const n of new Set(gone)) ctx.workbook.worksheets.getItem(n).delete();
        const kept = st.settings.ownedSheets.filter((o) => !gone.some((g) => sameName(g, o)));
        queueSettings(ctx, st, { ...st.settings, ownedSheets: kept });
        await ctx.sync();
      } catch (e) {
        throw hostError("delete the old report sheets", e);
      }
    });
  }

  async swapSheets(pairs: { temp: string; final: string }[]): Promise<void> {
    await this.run(async (ctx) => {
      const st = await loadHostState(ctx).catch((e: unknown) => {
        throw hostError("put the new report sheets in place", e);
      });
      await this.swapIn(ctx, st, { pairs });
    });
  }

  /**
   * swapSheets, deleteSheets and activateSheet in one batch: the state (one sync once the `_Stockbook` sheet is
   * known), the final names listed (first run only), then the swap, the deletions and the activation together.
   */
  async finishSheets(job: FinishJob): Promise<void> {
    await this.run(async (ctx) => {
      const st = await this.state(ctx).catch((e: unknown) => {
        throw hostError("put the new report sheets in place", e);
      });
      const act = job.activate;
      if (act && !job.pairs.some((p) => sameName(p.final, act)) && !sheetNamed(st, act))
        throw new PortError(`The workbook has no sheet named ${act}.`);
      await this.swapIn(ctx, st, job);
    });
  }

  private async swapIn(ctx: Excel.RequestContext, st: HostState, job: FinishJob): Promise<void> {
    const { pairs } = job;
    for (const p of pairs) {
      const temp = sheetNamed(st, p.temp);
      if (!temp || !isOwned(st, temp)) throw new PortError(`Sheet ${p.temp} was not written by this run.`);
      const fin = sheetNamed(st, p.final);
      if (fin && !isOwned(st, fin))
        throw new PortError(`A sheet named ${p.final} exists and is not one Stockbook made; rename it and try again.`);
    }
    // List every final name first, in a request of its own: a swap Excel stops part-way must never leave a
    // sheet under a final name that is not ours (it would lock out every later run). Skipped when all are listed.
    const unlisted = pairs.map((p) => p.final).filter((f) => !isOwned(st, f));
    if (unlisted.length > 0) {
      st.settings = { ...st.settings, ownedSheets: [...st.settings.ownedSheets, ...unlisted] };
      queueSettings(ctx, st, st.settings);
      try {
        await ctx.sync();
      } catch (e) {
        throw hostError("put the new report sheets in place", e);
      }
    }
    try {
      this.queueSwap(ctx, st, job);
      await ctx.sync();
    } catch (e) {
      // Excel applies a request up to the failing operation: some sheets may be new and others old. Finish the
      // swap in a fresh request (every step checks what is already done); if that fails too, say what is where.
      const left = await this.finishSwap(ctx, job).catch(() => null);
      if (left === null || left.length > 0)
        throw new PortError(
          `${hostError("put the new report sheets in place", e).message} Excel stopped part-way; ` +
            `run the reports again to replace ${left?.length ? left.join(", ") : "the report sheets"}.`
        );
    }
  }

  /**
   * Queues the swap of each temp sheet into its final name: the old final is deleted, the temp's `_new` tables
   * take their final names (before the sheet does, so a temp sheet cut off half-way still holds them and is
   * replaced by the next run), the sheet is renamed; then the temp names leave the owned list.
   */
  private queueSwap(ctx: Excel.RequestContext, st: HostState, job: FinishJob): void {
    const { pairs } = job;
    let owned = [...st.settings.ownedSheets];
    for (const p of pairs) {
      const temp = sheetNamed(st, p.temp);
      const fin = sheetNamed(st, p.final);
      if (temp && fin && !sameName(temp, fin)) ctx.workbook.worksheets.getItem(fin).delete();
      const onSheet = temp ?? fin;
      for (const t of st.tables)
        if (onSheet && sameName(t.sheet, onSheet) && t.name !== stripTemp(t.name))
          ctx.workbook.tables.getItem(t.name).name = stripTemp(t.name);
      if (temp) ctx.workbook.worksheets.getItem(temp).name = p.final;
      owned = owned.filter((o) => !sameName(o, p.temp) && !sameName(o, p.final));
      owned.push(p.final);
    }
    // Then the owned sheets no longer wanted (never one this swap puts in place), and the sheet to show.
    for (const n of job.drop ?? []) {
      const name = sheetNamed(st, n);
      if (!name || !isOwned(st, name) || pairs.some((p) => sameName(p.final, name) || sameName(p.temp, name))) continue;
      ctx.workbook.worksheets.getItem(name).delete();
      owned = owned.filter((o) => !sameName(o, name));
    }
    queueSettings(ctx, st, { ...st.settings, ownedSheets: owned });
    if (job.activate) ctx.workbook.worksheets.getItem(job.activate).activate();
  }

  /** After a failed swap request: completes what is left; returns the finals still not in place. */
  private async finishSwap(ctx: Excel.RequestContext, job: FinishJob): Promise<string[]> {
    const { pairs } = job;
    const st = await loadHostState(ctx);
    this.queueSwap(ctx, st, job);
    try {
      await ctx.sync();
      return [];
    } catch {
      const now = await loadHostState(ctx, false);
      return pairs.filter((p) => sheetNamed(now, p.temp) || !sheetNamed(now, p.final)).map((p) => p.final);
    }
  }

  async activateSheet(name: string): Promise<void> {
    await this.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).activate();
      try {
        await ctx.sync();
      } catch (e) {
        if ((e as { code?: unknown }).code === "ItemNotFound")
          throw new PortError(`The workbook has no sheet named ${name}.`);
        throw hostError(`show the sheet ${name}`, e);
      }
    });
  }

  async readSettings(): Promise<Settings> {
    return this.run(async (ctx) => (await loadHostState(ctx)).settings);
  }

  async writeSettings(settings: Settings): Promise<void> {
    await this.run(async (ctx) => {
      const st = await loadHostState(ctx);
      queueSettings(ctx, st, settings);
      // Custom functions read the settings; a full recalculation makes every cell see the new ones.
      ctx.workbook.application.calculate("Full");
      try {
        await ctx.sync();
      } catch (e) {
        throw hostError("save the settings", e);
      }
    });
  }
}
