/**
 * A run of writes: calculation set to manual and screen updating suspended while writing (where the host's
 * requirement sets allow: calculationMode can be set from ExcelApi 1.8, suspendScreenUpdatingUntilNextSync is
 * ExcelApi 1.9), cells written as whole-range `numberFormat` + `values` arrays in chunks under the payload budget,
 * and the calculation mode restored at the end (also after a failure).
 */
import type { CellValue } from "../port/types";
import { planChunks, REQUEST_HEADROOM, rowBytes } from "./chunks";
import type { SheetDress } from "./dress";
import { rectAddress } from "./a1";
import { GENERAL_FORMAT, TEXT_FORMAT } from "./numberFormats";
import { mustWriteAsText } from "./textEscape";

export type Supports = (set: string, version: string) => boolean;

export class WriteSession {
  private suspended = false;
  /** Calculation was set to manual by this session (restored again after any failure). */
  private changedMode = false;
  constructor(
    readonly ctx: Excel.RequestContext,
    private readonly supports: Supports,
    private readonly originalMode: string,
    readonly budget: number
  ) {}

  /** Queues calculation → manual and the screen-update suspension; call once before the first write. */
  begin(): void {
    if (this.supports("ExcelApi", "1.8") && this.originalMode !== "Manual") {
      this.ctx.workbook.application.calculationMode = "Manual";
      this.suspended = true;
      this.changedMode = true;
    }
    this.suspendScreen();
  }

  private suspendScreen(): void {
    if (this.supports("ExcelApi", "1.9")) this.ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  }

  /** Write requests that went through. */
  synced = 0;
  /** Told just before each sync that carries a chunk of cells (for counting syncs by what they carry). */
  onChunkSync?: () => void;

  async sync(): Promise<void> {
    await this.ctx.sync();
    this.synced++;
    this.suspendScreen();
  }

  /** Queues the calculation mode's restoration; the caller's next sync sends it. */
  end(): void {
    if (this.suspended) this.ctx.workbook.application.calculationMode = this.originalMode as Excel.CalculationMode;
    this.suspended = false;
  }

  /**
   * After a failure: restore the calculation mode in a sync of its own (Excel keeps what ran before the error).
   * Also when `end()` was queued: the failed request may have stopped before it.
   */
  async abort(): Promise<void> {
    if (!this.changedMode) return;
    this.suspended = true;
    this.end();
    await this.ctx.sync();
  }

  /**
   * Queues a grid of cells at (row, col) as chunks of whole-range numberFormat + values assignments, syncing
   * between chunks; the last chunk is left queued so the caller's following operations share its sync.
   * Text Excel would not keep as typed is given the Text format first (see textEscape.ts).
   */
  async writeGrid(
    sheet: Excel.Worksheet,
    row: number,
    col: number,
    values: readonly (readonly CellValue[])[],
    formats: readonly (readonly string[])[],
    onChunk?: (done: number, total: number) => void
  ): Promise<void> {
    if (values.length === 0) return;
    const width = values[0].length;
    const cellValues = values.map((r) => r.map(toCell));
    const cellFormats = values.map((r, i) =>
      r.map((v, c) => (typeof v === "string" && mustWriteAsText(v) ? TEXT_FORMAT : (formats[i]?.[c] ?? GENERAL_FORMAT)))
    );
    const chunks = planChunks(
      values.map((r, i) => rowBytes(r, cellFormats[i])),
      Math.max(this.budget - REQUEST_HEADROOM, this.budget / 2)
    );
    for (let k = 0; k < chunks.length; k++) {
      const { start, count } = chunks[k];
      const range = sheet.getRange(rectAddress({ row: row + start, col, rows: count, cols: width }));
      range.numberFormat = cellFormats.slice(start, start + count);
      range.values = cellValues.slice(start, start + count);
      onChunk?.(start + count, values.length);
      if (k < chunks.length - 1) {
        this.onChunkSync?.();
        await this.sync();
      }
    }
  }

  /**
   * writeGrid for several grids (sheets) at once: their rows planned as one stream, so a request carries a chunk
   * that may span the end of one grid and the start of the next, and is still under the budget less `reserve`
   * (bytes kept for operations queued after the last chunk). Syncs between chunks; the last is left queued.
   * `onPart(i)` is told as grid i's first rows are queued. Returns whether a chunk is left queued.
   * A part's `dress` operations go in the chunk that writes the row each starts at (their bytes counted there).
   */
  async writeGrids(parts: readonly GridPart[], reserve: number, onPart?: (index: number) => void): Promise<boolean> {
    const prepared = parts.map((p) => ({
      ...p,
      cellValues: p.values.map((r) => r.map(toCell)),
      cellFormats: p.values.map((r, i) =>
        r.map((v, c) =>
          typeof v === "string" && mustWriteAsText(v) ? TEXT_FORMAT : (p.formats[i]?.[c] ?? GENERAL_FORMAT)
        )
      ),
    }));
    const sizes: number[] = [];
    for (const p of prepared)
      for (let i = 0; i < p.values.length; i++)
        sizes.push(rowBytes(p.values[i], p.cellFormats[i]) + (p.dress?.bytesAt(i) ?? 0));
    const chunks = planChunks(sizes, Math.max(this.budget - REQUEST_HEADROOM - reserve, this.budget / 2));
    const total = sizes.length;
    const starts: number[] = [];
    let at = 0;
    for (const p of prepared) {
      starts.push(at);
      at += p.values.length;
    }
    const told = new Set<number>();
    for (let k = 0; k < chunks.length; k++) {
      const from = chunks[k].start;
      const to = from + chunks[k].count;
      prepared.forEach((p, i) => {
        const a = Math.max(from, starts[i]) - starts[i];
        const b = Math.min(to, starts[i] + p.values.length) - starts[i];
        if (b <= a) return;
        if (!told.has(i)) {
          told.add(i);
          onPart?.(i);
        }
        const width = p.values[0].length;
        const range = p.sheet.getRange(rectAddress({ row: p.row + a, col: p.col, rows: b - a, cols: width }));
        range.numberFormat = p.cellFormats.slice(a, b);
        range.values = p.cellValues.slice(a, b);
        p.dress?.queue(p.sheet, a, b);
        p.onChunk?.(b, p.values.length);
      });
      if (k < chunks.length - 1) {
        this.onChunkSync?.();
        await this.sync();
      }
    }
    prepared.forEach((_, i) => told.has(i) || onPart?.(i));
    return total > 0;
  }
}

/** One grid of writeGrids: cells at (row, col) of a sheet, formats of the same shape. */
export interface GridPart {
  sheet: Excel.Worksheet;
  row: number;
  col: number;
  values: readonly (readonly CellValue[])[];
  formats: readonly (readonly string[])[];
  onChunk?: (done: number, total: number) => void;
  /** Alignment, widths, row heights and page set-up, by the row each starts at (rows of this grid). */
  dress?: SheetDress;
}

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32_767;

/**
 * A value as range.values takes it: blanks as "", non-finite numbers (never valid in a cell) as blanks, text cut to
 * Excel's 32,767 characters (Excel refuses the whole request otherwise).
 */
export function toCell(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "number" && !Number.isFinite(v)) return "";
  if (typeof v === "string" && v.length > MAX_CELL_TEXT) return v.slice(0, MAX_CELL_TEXT);
  return v;
}
