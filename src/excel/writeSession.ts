/**
 * A run of writes: calculation set to manual and screen updating suspended while writing (where the host's
 * requirement sets allow: calculationMode can be set from ExcelApi 1.8, suspendScreenUpdatingUntilNextSync is
 * ExcelApi 1.9), cells written as whole-range `numberFormat` + `values` arrays in chunks under the payload budget,
 * and the calculation mode restored at the end (also after a failure).
 */
import type { CellValue } from "../port/types";
import { planChunks, REQUEST_HEADROOM, rowBytes } from "./chunks";
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
      if (k < chunks.length - 1) await this.sync();
    }
  }
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
