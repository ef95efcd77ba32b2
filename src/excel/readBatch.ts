/**
 * Reading through Office.js in batches: the workbook's overview (sheets, date system, settings and every table's
 * layout) in two syncs, and several tables' data as one stream of row chunks of about `chunkCells` cells each, a
 * chunk spanning the end of one table and the start of the next. Sizes seen by the overview let the first chunk
 * travel with the tables' layouts; a table that changed size meanwhile is read again from its layout.
 */
import { SETTINGS_SHEET } from "../port/settingsSheet";
import { PortError, type CellValue, type TableData, type WorkbookOverview } from "../port/types";
import { isPayloadError } from "./chunks";
import { sheetNamed, takeSettings, type HostState } from "./hostState";
import { defaultSettings } from "../engine/settings";
import { finishMeta, fromCell, queueMeta, type TableMeta } from "./tableIo";
import type { Supports } from "./writeSession";

export interface TableSize {
  rows: number;
  cols: number;
}

const notFound = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === "ItemNotFound";

/**
 * Sheets, tables, date system (and the settings when the `_Stockbook` sheet is expected) in one sync; the settings
 * (when not yet read) and every table's layout in a second.
 */
export async function loadOverview(
  ctx: Excel.RequestContext,
  supports: Supports,
  expectSettings: boolean
): Promise<{ overview: WorkbookOverview; metas: TableMeta[]; hasSettingsSheet: boolean }> {
  const first = async (withSettings: boolean) => {
    const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
    const tables = ctx.workbook.tables.load("items/name,items/worksheet/name");
    // DATE(1904,1,1) is 0 in a 1904-system workbook and 1462 in a 1900-system one (Office.js has no flag for it).
    const probe = supports("ExcelApi", "1.2") ? ctx.workbook.functions.date(1904, 1, 1).load("value") : null;
    const used = withSettings
      ? ctx.workbook.worksheets.getItem(SETTINGS_SHEET).getUsedRange().load("values,rowIndex,columnIndex")
      : null;
    await ctx.sync();
    return { sheets, tables, probe, used };
  };
  let r: Awaited<ReturnType<typeof first>>;
  try {
    r = await first(expectSettings);
  } catch (e) {
    if (!expectSettings || !notFound(e)) throw e;
    r = await first(false);
  }
  const st: HostState = {
    sheets: r.sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility) })),
    tables: [],
    settings: defaultSettings(),
    settingsRows: 0,
    hasSettingsSheet: false,
    calculationMode: "",
  };
  const settingsSheet = sheetNamed(st, SETTINGS_SHEET);
  const pending = r.tables.items.map((t) => queueMeta(ctx, t.name));
  const used =
    r.used ??
    (settingsSheet
      ? ctx.workbook.worksheets.getItem(settingsSheet).getUsedRange().load("values,rowIndex,columnIndex")
      : null);
  if (pending.length > 0 || (used && !r.used)) await ctx.sync();
  if (used) takeSettings(st, used);
  const metas = pending.map(finishMeta);
  return {
    overview: {
      info: { date1904: r.probe !== null && r.probe.value === 0, sheets: st.sheets.map((s) => s.name) },
      settings: st.settings,
      tables: metas.map((m) => ({ name: m.name, sheet: m.sheet, headers: m.header, rowCount: m.rowCount })),
    },
    metas,
    hasSettingsSheet: st.hasSettingsSheet,
  };
}

interface Piece {
  t: number;
  start: number;
  count: number;
}

/** Row pieces of the tables from `from[t]` on, packed into chunks of at most `chunkCells` cells (one row at least). */
export function planReads(sizes: readonly TableSize[], from: readonly number[], chunkCells: number): Piece[][] {
  const chunks: Piece[][] = [];
  let cur: Piece[] = [];
  let cells = 0;
  sizes.forEach((z, t) => {
    const cols = Math.max(1, z.cols);
    let s = from[t] ?? 0;
    while (s < z.rows) {
      let fit = Math.floor((chunkCells - cells) / cols);
      if (fit < 1 && cur.length > 0) {
        chunks.push(cur);
        cur = [];
        cells = 0;
        continue;
      }
      fit = Math.max(1, fit);
      const count = Math.min(z.rows - s, fit);
      cur.push({ t, start: s, count });
      cells += count * cols;
      s += count;
    }
  });
  if (cur.length) chunks.push(cur);
  return chunks;
}

/** A chunk Excel found too large, as two smaller ones. */
function halve(chunk: Piece[]): Piece[][] | null {
  if (chunk.length > 1) {
    const k = Math.ceil(chunk.length / 2);
    return [chunk.slice(0, k), chunk.slice(k)];
  }
  const p = chunk[0];
  if (p.count <= 1) return null;
  const h = Math.ceil(p.count / 2);
  return [[{ ...p, count: h }], [{ ...p, start: p.start + h, count: p.count - h }]];
}

export interface ReadEnv {
  chunkCells: number;
  /** Sizes the overview saw (by lower-case table name): the first chunk then travels with the layouts. */
  hint: (name: string) => TableSize | undefined;
  chunkSync: () => void;
  onChunk: (table: string, done: number, total: number) => void;
  onTable?: (index: number) => void;
}

/** Several tables read whole; throws PortError naming a table that does not exist. */
export async function readTablesBatch(ctx: Excel.RequestContext, names: string[], env: ReadEnv): Promise<TableData[]> {
  const rows: CellValue[][][] = names.map(() => []);
  const told = new Set<number>();
  const tell = (t: number) => {
    for (let k = 0; k <= t; k++)
      if (!told.has(k)) {
        told.add(k);
        env.onTable?.(k);
      }
  };
  const queuePieces = (tables: Excel.Table[], chunk: Piece[]) =>
    chunk.map((p) => {
      tell(p.t);
      return tables[p.t]
        .getDataBodyRange()
        .getRow(p.start)
        .getResizedRange(p.count - 1, 0)
        .load("values");
    });

  // 1. Layouts, with the first chunk planned from the overview's sizes.
  const hints = names.map((n) => env.hint(n));
  let pending = names.map((n) => queueMeta(ctx, n));
  let first: Piece[] = [];
  if (hints.every((h) => h !== undefined))
    first =
      planReads(
        hints as TableSize[],
        names.map(() => 0),
        env.chunkCells
      )[0] ?? [];
  let firstRanges = queuePieces(
    pending.map((p) => p.table),
    first
  );
  try {
    if (first.length) env.chunkSync();
    await ctx.sync();
  } catch (e) {
    if (notFound(e)) throw await missing(ctx, names);
    if (!isPayloadError(e)) throw e;
    pending = names.map((n) => queueMeta(ctx, n));
    first = [];
    firstRanges = [];
    await ctx.sync();
  }
  const metas = pending.map(finishMeta);
  const done = metas.map(() => 0);
  first.forEach((p, i) => {
    const m = metas[p.t];
    const h = hints[p.t] as TableSize;
    if (m.rowCount !== h.rows || m.columnCount !== h.cols || p.start !== done[p.t]) return; // changed: read again
    for (const r of firstRanges[i].values) rows[p.t].push(r.map(fromCell));
    done[p.t] += p.count;
  });

  // 2. The rest in chunks, one sync each; a chunk Excel finds too large is halved and retried.
  const queue = planReads(
    metas.map((m) => ({ rows: m.rowCount, cols: m.columnCount })),
    done,
    env.chunkCells
  );
  const tables = metas.map((m) => m.table);
  while (queue.length > 0) {
    const chunk = queue[0];
    const ranges = queuePieces(tables, chunk);
    try {
      env.chunkSync();
      await ctx.sync();
    } catch (e) {
      const parts = isPayloadError(e) ? halve(chunk) : null;
      if (!parts) throw e;
      queue.splice(0, 1, ...parts);
      continue;
    }
    queue.shift();
    chunk.forEach((p, i) => {
      for (const r of ranges[i].values) rows[p.t].push(r.map(fromCell));
      env.onChunk(metas[p.t].name, rows[p.t].length, metas[p.t].rowCount);
    });
  }
  tell(names.length - 1);
  return metas.map((m, t) => ({
    name: m.name,
    sheet: m.sheet,
    headerRow: m.headerRow,
    header: m.header,
    rows: rows[t].slice(0, m.rowCount),
  }));
}

/** The port's error for the first of `names` the workbook has no table of. */
async function missing(ctx: Excel.RequestContext, names: string[]): Promise<PortError> {
  const tables = ctx.workbook.tables.load("items/name");
  await ctx.sync();
  const have = new Set(tables.items.map((t) => t.name.toLowerCase()));
  const gone = names.find((n) => !have.has(n.toLowerCase())) ?? names.join(" or ");
  return new PortError(`The workbook has no table named ${gone}.`);
}
