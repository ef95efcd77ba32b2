/**
 * Print-ready report sheets in the CLI's file: columns sized by their figures and headers (titles, header lines
 * and notes are single-cell rows that run across empty neighbours, as Excel shows them, so they do not widen
 * column A), landscape pages fitted to one page wide. Only the sheets the run wrote are touched.
 *
 * (The port's layout sizes columns by every row; the lead was asked to apply the same rule in src/port/layout.ts,
 * after which this pass only sets the page.)
 */
import type ExcelJS from "exceljs";

const MAX_WIDTH = 60;

function text(v: ExcelJS.CellValue, numFmt: string | undefined): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number")
    return numFmt && /y|d/.test(numFmt) && !/0/.test(numFmt) ? 11 : Math.max(8, v.toFixed(2).length + 4);
  if (v instanceof Date) return 11;
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("").length;
  return String(v).length;
}

export function polishSheets(wb: ExcelJS.Workbook, sheets: readonly string[]): void {
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    const widths: number[] = [];
    ws.eachRow((row) => {
      let filled = 0;
      row.eachCell((c) => {
        if (c.value !== null && c.value !== undefined && c.value !== "") filled++;
      });
      if (filled <= 1) return; // a title, header line or note: it runs across
      row.eachCell((c, col) => {
        widths[col] = Math.max(widths[col] ?? 8, text(c.value, c.numFmt) + 2);
      });
    });
    widths.forEach((w, col) => {
      if (w !== undefined) ws.getColumn(col).width = Math.min(w, MAX_WIDTH);
    });
    ws.pageSetup = { ...ws.pageSetup, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
}
