/**
 * Print-ready column widths (the rule of src/cli/polish.ts, on a grid instead of ExcelJS cells): a column is as
 * wide as its widest figure or header, counting only rows with two or more filled cells — titles, header lines
 * and notes are single-cell rows that run across empty neighbours, as Excel shows them. Columns no such row
 * fills keep the layout's width.
 */
import type { CellValue } from "../../port/types";

const MAX_WIDTH = 60;

function shown(v: CellValue, code: string): number {
  if (v === null) return 0;
  if (typeof v === "number") return /y|d/.test(code) && !/0/.test(code) ? 11 : Math.max(8, v.toFixed(2).length + 4);
  return String(v).length;
}

export function contentWidths(
  values: readonly (readonly CellValue[])[],
  format: (row: number, col: number) => string,
  fallback: readonly number[]
): number[] {
  const widths: (number | undefined)[] = [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    let filled = 0;
    for (const v of row) if (v !== null && v !== "") filled++;
    if (filled <= 1) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === "") continue;
      widths[c] = Math.max(widths[c] ?? 8, shown(v, format(r, c)) + 2);
    }
  }
  const n = Math.max(widths.length, fallback.length);
  return Array.from({ length: n }, (_, c) => {
    const w = widths[c];
    return w === undefined ? fallback[c] : Math.min(w, MAX_WIDTH);
  });
}
