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

export function snapshot(t: TableCells): Snapshot {
  const cols = t.header.length;
  const cells: Cell[] = new Array<Cell>((t.rows.length + 1) * cols);
  let k = 0;
  for (let c = 0; c < cols; c++) cells[k++] = t.header[c];
  for (const row of t.rows) for (let c = 0; c < cols; c++) cells[k++] = row[c];
  return { rows: t.rows.length, cols, cells };
}

export function same(s: Snapshot, t: TableCells): boolean {
  const cols = s.cols;
  if (t.rows.length !== s.rows || t.header.length !== cols) return false;
  const cells = s.cells;
  let k = 0;
  for (let c = 0; c < cols; c++) if (t.header[c] !== cells[k++]) return false;
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r];
    if (row.length !== cols) return false;
    for (let c = 0; c < cols; c++) if (row[c] !== cells[k++]) return false;
  }
  return true;
}
