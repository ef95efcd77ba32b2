/**
 * How a report sheet is dressed for reading and printing, one rule for both file ports: XlsxReportFile streams
 * it (fast/sheetXml.ts), XlsxWorkbook sets it on ExcelJS cells (the CLI's --with-tables path). Column widths from
 * the figures and headers (fast/widths.ts), each cell's alignment (fast/align.ts), the height of a row holding
 * wrapped text, a landscape page one page wide with the sheet name and "Page n of m" in the footer, and the longest
 * table's header repeated at the top of every printed page.
 */
import type { SheetLayout } from "../port/layout";
import { cellAlignment } from "./fast/align";
import type { AlignKind } from "./fast/styles";
import { contentWidths } from "./fast/widths";
import { wrappedLines } from "./fast/wrap";

/** Points per line of 11-pt Calibri, Excel's default row height. */
export const LINE_HEIGHT = 15;

/** Footer codes (ECMA-376 Part 1 §18.3.1.46): &L left section, &A sheet name, &C centre, &P page, &N pages. */
export const FOOTER = "&L&A&CPage &P of &N";

export interface SheetPresentation {
  /** Column widths in characters. */
  widths: number[];
  /** Alignment of the cell at (row, col), 0-based (see fast/styles.ts ALIGN_XML). */
  align: (row: number, col: number) => AlignKind;
  /** Row (0-based) whose header repeats on printed pages: the longest table's, if any. */
  printTitleRow: number | undefined;
}

export function presentSheet(layout: SheetLayout): SheetPresentation {
  const widths = contentWidths(layout.values, (r, c) => layout.formats[r]?.[c] === "date", layout.columnWidths);
  return {
    // Header rows: the bold ones (summary headers, titles, totals) and each Excel table's header row.
    align: cellAlignment(
      layout.values,
      layout.formats,
      [...layout.boldRows, ...layout.tables.map((t) => t.top)],
      widths
    ),
    widths,
    printTitleRow: longestTable(layout.tables)?.top,
  };
}

/** Lines the text of a wrapped cell takes in its column (1 for a cell that does not wrap). */
export function cellLines(text: string, align: AlignKind, width: number | undefined): number {
  return align >= 4 && width !== undefined ? wrappedLines(text, width) : 1;
}

/** The table whose header is worth repeating on printed pages: the one with the most rows (the fact table). */
function longestTable<T extends { rowCount: number }>(tables: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const t of tables) if (!best || t.rowCount > best.rowCount) best = t;
  return best;
}
