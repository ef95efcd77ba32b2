/**
 * Reading Excel tables through Office.js: the header, size, position and first rows in one sync, then the rest of
 * the data body in row chunks of about `chunkCells` cells (one sync each). A chunk Excel still finds too large is
 * halved and retried.
 */
import { PortError, type CellValue, type TableData } from "../port/types";
import { isPayloadError, readChunks } from "./chunks";

export interface TableMeta {
  table: Excel.Table;
  name: string;
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  header: string[];
  /** Data rows; 0 for Excel's one blank row of an empty table. */
  rowCount: number;
  columnCount: number;
}

interface Pending {
  table: Excel.Table;
  sheet: Excel.Worksheet;
  header: Excel.Range;
  body: Excel.Range;
  first: Excel.Range;
}

/** Queues the loads for a table's metadata; `finishMeta` reads them after the sync. */
export function queueMeta(ctx: Excel.RequestContext, name: string): Pending {
  const table = ctx.workbook.tables.getItem(name);
  table.load("name");
  return {
    table,
    sheet: table.worksheet.load("name"),
    header: table.getHeaderRowRange().load("values,rowIndex"),
    body: table.getDataBodyRange().load("rowCount,columnCount"),
    first: table.getDataBodyRange().getRow(0).load("values"),
  };
}

export function finishMeta(p: Pending): TableMeta {
  const blankOnly = p.body.rowCount === 1 && p.first.values[0].every((v) => v === "" || v === null);
  return {
    table: p.table,
    name: p.table.name,
    sheet: p.sheet.name,
    headerRow: p.header.rowIndex + 1,
    header: p.header.values[0].map((v) => String(v)),
    rowCount: blankOnly ? 0 : p.body.rowCount,
    columnCount: p.body.columnCount,
  };
}

/** Turns Excel's "item not found" for a table into the port's error; other errors pass through. */
export function missingTable(e: unknown, names: string): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "ItemNotFound") return new PortError(`The workbook has no table named ${names}.`);
  return e;
}

/**
 * Columns assumed when the first rows are read with the layout, before the table's width is known: a table up to
 * this wide gets at most `chunkCells` cells in that first request.
 */
const FIRST_CHUNK_COLUMNS = 64;

/** Queues the layout and the first rows; null rows when the table's first rows could not come with it. */
async function syncMetaAndFirstRows(
  ctx: Excel.RequestContext,
  name: string,
  firstRows: number,
  onChunkSync?: () => void
) {
  const pending = queueMeta(ctx, name);
  // Rows past the table's end are read too and dropped; a table near the sheet's last row makes this fail, as
  // does a first request Excel finds too large: then the layout is read alone.
  const first = pending.table
    .getDataBodyRange()
    .getRow(0)
    .getResizedRange(firstRows - 1, 0)
    .load("values");
  try {
    onChunkSync?.();
    await ctx.sync();
    return { meta: finishMeta(pending), first: first.values };
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "ItemNotFound") throw missingTable(e, name);
  }
  const again = queueMeta(ctx, name);
  try {
    await ctx.sync();
  } catch (e) {
    throw missingTable(e, name);
  }
  return { meta: finishMeta(again), first: null };
}

/**
 * Reads a table: its layout and first rows in one sync (a table of up to chunkCells ÷ 64 rows needs no other),
 * then the remaining rows in ⌈cells ÷ chunkCells⌉ chunks, one sync each.
 */
export async function readTableData(
  ctx: Excel.RequestContext,
  name: string,
  chunkCells: number,
  onChunk?: (done: number, total: number) => void,
  onChunkSync?: () => void
): Promise<TableData> {
  const firstRows = Math.max(1, Math.floor(chunkCells / FIRST_CHUNK_COLUMNS));
  const { meta, first } = await syncMetaAndFirstRows(ctx, name, firstRows, onChunkSync);
  const rows: CellValue[][] = [];
  let from = 0;
  if (first && meta.columnCount <= FIRST_CHUNK_COLUMNS) {
    for (const r of first.slice(0, meta.rowCount)) rows.push(r.map(fromCell));
    from = rows.length;
  }
  const queue = readChunks(meta.rowCount - from, meta.columnCount, chunkCells).map((c) => ({
    start: c.start + from,
    count: c.count,
  }));
  while (queue.length > 0) {
    const { start, count } = queue[0];
    const range = meta.table
      .getDataBodyRange()
      .getRow(start)
      .getResizedRange(count - 1, 0)
      .load("values");
    try {
      onChunkSync?.();
      await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e) || count === 1) throw e;
      const half = Math.ceil(count / 2);
      queue.splice(0, 1, { start, count: half }, { start: start + half, count: count - half });
      continue;
    }
    queue.shift();
    for (const r of range.values) rows.push(r.map(fromCell));
    onChunk?.(rows.length, meta.rowCount);
  }
  return { name: meta.name, sheet: meta.sheet, headerRow: meta.headerRow, header: meta.header, rows };
}

/** Excel gives blanks as "". */
export function fromCell(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}
