/**
 * Applies table edits and, when the host fails part-way, says what it really left behind. The port promises
 * all-or-none "as far as the host allows"; Excel has no rollback, so after a failed write the touched tables are
 * read again and compared with how they were: the message then says "nothing was written" only when that is
 * true, and otherwise names the rows to check (BUG-H7 in docs/HARDENING.md).
 */
import type { Book } from "../../port/book";
import { sameName, type CellValue, type TableEdits } from "../../port/types";
import { errorText } from "../context";
import { portFailure, type Outcome } from "./outcome";

interface Before {
  table: string;
  rowCount: number;
  headerRow: number;
  /** Old values of the cells the edits update: [rowIndex, header, value]. */
  cells: [number, string, CellValue][];
}

async function look(book: Book, edits: readonly TableEdits[]): Promise<Before[]> {
  const list = await book.port.listTables();
  const out: Before[] = [];
  for (const e of edits) {
    const info = list.find((t) => sameName(t.name, e.table));
    const updates = e.update ?? [];
    if (updates.length === 0) {
      out.push({ table: e.table, rowCount: info?.rowCount ?? 0, headerRow: 1, cells: [] });
      continue;
    }
    // Only tables whose cells change are read whole (the Ledger, append-only, is never read here).
    const d = await book.port.readTable(e.table);
    const col = (h: string) => d.header.findIndex((x) => sameName(x, h));
    out.push({
      table: e.table,
      rowCount: d.rows.length,
      headerRow: d.headerRow,
      cells: updates.flatMap((u) =>
        Object.keys(u.values).map((h): [number, string, CellValue] => [
          u.rowIndex,
          h,
          d.rows[u.rowIndex]?.[col(h)] ?? null,
        ])
      ),
    });
  }
  return out;
}

async function changes(book: Book, before: readonly Before[]): Promise<string[]> {
  const list = await book.port.listTables();
  const found: string[] = [];
  for (const b of before) {
    const count = list.find((t) => sameName(t.name, b.table))?.rowCount ?? 0;
    if (count !== b.rowCount) {
      const n = count - b.rowCount;
      found.push(
        `${Math.abs(n)} ${Math.abs(n) === 1 ? "row" : "rows"} ${n > 0 ? "added to" : "removed from"} ${b.table}`
      );
    }
    if (b.cells.length === 0) continue;
    const d = await book.port.readTable(b.table);
    const col = (h: string) => d.header.findIndex((x) => sameName(x, h));
    const rows = new Set<number>();
    for (const [i, h, v] of b.cells) if ((d.rows[i]?.[col(h)] ?? null) !== v) rows.add(b.headerRow + 1 + i);
    if (rows.size) found.push(`${b.table} row ${[...rows].join(", ")} changed`);
  }
  return found;
}

/** Applies the edits; null when they were written, else the outcome to show (honest about partial writes). */
export async function applyChecked(book: Book, edits: TableEdits[]): Promise<Outcome | null> {
  const names = edits.map((e) => e.table).join(", ");
  let before: Before[];
  try {
    before = await look(book, edits);
  } catch (e) {
    return portFailure(e);
  }
  try {
    await book.port.applyEdits(edits);
    return null;
  } catch (e) {
    let found: string[];
    try {
      found = await changes(book, before);
    } catch {
      return {
        ok: false,
        message: `${errorText(e)} Excel may have written part of it; check the last rows of ${names} before trying again.`,
      };
    }
    if (found.length === 0) return portFailure(e);
    return {
      ok: false,
      message:
        `${errorText(e)} Excel stopped part-way: ${found.join("; ")}; the rest was not written. ` +
        `Check those rows (correct or clear them) before trying again.`,
    };
  }
}
