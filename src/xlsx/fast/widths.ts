/**
 * Print-ready column widths (both file ports, through presentation.ts): a column is as
 * wide as its widest figure or header, counting only rows with two or more filled cells — titles, header lines
 * and notes are single-cell rows that run across empty neighbours, as Excel shows them. A number counts as its
 * two-decimal text plus 4, at least 8 (a date: 11). Columns no such row fills keep the layout's width.
 */
import type { CellValue } from "../../port/types";

const MAX_WIDTH = 60;

/** Empty as written: blank, empty text, or a number that is not finite (written as a blank cell). */
const blank = (v: CellValue): boolean => v === null || v === "" || (typeof v === "number" && !Number.isFinite(v));

/** Characters of `v.toFixed(2)` at most (digits of the integer part, one more for a carry, sign, ".00"). */
function fixedBound(v: number): number {
  const a = Math.abs(v);
  return a < 1 ? 5 : Math.floor(Math.log10(a)) + 6;
}

export function contentWidths(
  values: readonly (readonly CellValue[])[],
  isDate: (row: number, col: number) => boolean,
  fallback: readonly number[]
): number[] {
  const widths: (number | undefined)[] = [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    let filled = 0;
    for (const v of row) if (!blank(v)) filled++;
    if (filled <= 1) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (blank(v)) continue;
      const now = widths[c] ?? 8;
      let w: number;
      if (typeof v === "number") {
        if (isDate(r, c)) w = 13;
        // toFixed is the slow part of this pass: skip it when the number cannot widen the column.
        else if (Math.max(8, fixedBound(v) + 4) + 2 <= now) continue;
        else w = Math.max(8, v.toFixed(2).length + 4) + 2;
      } else w = String(v).length + 2;
      if (w > now) widths[c] = w;
      else if (widths[c] === undefined) widths[c] = now;
    }
  }
  const n = Math.max(widths.length, fallback.length);
  return Array.from({ length: n }, (_, c) => {
    const w = widths[c];
    return w === undefined ? fallback[c] : Math.min(w, MAX_WIDTH);
  });
}
