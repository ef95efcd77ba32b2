/**
 * A copy of a table's cells, compared cell by cell: the caches (LedgerCache, OnHandCache) answer from memory only
 * when every cell is still the same, so a changed cell never gives a stale result.
 */
import type { Cell } from "../schema";
import type { TableCells } from "./read";

export interface Snapshot {
  rows: number;
  cols: number;
  cells: Cell[];
}

/** The header and rows[start..] (start 1 when the header is also the matrix's first row). */
export function snapshot(t: TableCells, start = 0): Snapshot {
  const cols = t.header.length;
  const n = Math.max(0, t.rows.length - start);
  const cells: Cell[] = new Array<Cell>((n + 1) * cols);
  let k = 0;
  for (let c = 0; c < cols; c++) cells[k++] = t.header[c];
  for (let r = start; r < t.rows.length; r++) {
    const row = t.rows[r];
    for (let c = 0; c < cols; c++) cells[k++] = row[c];
  }
  return { rows: n, cols, cells };
}

export function same(
  s: Snapshot,
  header: readonly Cell[],
  rows: readonly (readonly Cell[] | undefined)[],
  start = 0
): boolean {
  const cols = s.cols;
  if (rows.length - start !== s.rows || header.length !== cols) return false;
  const cells = s.cells;
  let k = 0;
  for (let c = 0; c < cols; c++) if (header[c] !== cells[k++]) return false;
  for (let r = start; r < rows.length; r++) {
    const row = rows[r];
    if (!row || row.length !== cols) return false;
    for (let c = 0; c < cols; c++) if (row[c] !== cells[k++]) return false;
  }
  return true;
}
