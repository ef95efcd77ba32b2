/**
 * Lays out an owned sheet's blocks as one grid, so every port writes the same cells: blocks stacked from the top
 * with one blank row between, tables with their header row, summaries with a bold title. Pure: no host calls.
 */
import type { Block, CellValue, NumberFormatKind, SheetSpec } from "./types";

export interface PlacedTable {
  name: string;
  /** 0-based row of the header in the grid. */
  top: number;
  headers: string[];
  rowCount: number;
}

export interface SheetLayout {
  name: string;
  /** Rectangular grid of values (rows × width). */
  values: CellValue[][];
  /** Format of each cell, same shape; null = General. */
  formats: (NumberFormatKind | null)[][];
  /** Rows (0-based) to show bold: titles, headers, totals. */
  boldRows: number[];
  /** Rows (0-based) holding a block title (shown larger). */
  titleRows: number[];
  tables: PlacedTable[];
  /** Rows above this one are frozen (0 = none). */
  freezeRows: number;
  /** Suggested column widths in characters. */
  columnWidths: number[];
  width: number;
}

/** Excel holds at most 32,767 characters in a cell; longer text is cut and ends in "…" so the cut shows. */
export const MAX_CELL_TEXT = 32_767;

function fit(v: CellValue): CellValue {
  return typeof v === "string" && v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT - 1) + "…" : v;
}

function pushRow(
  values: CellValue[][],
  formats: (NumberFormatKind | null)[][],
  row: CellValue[],
  fmt: (NumberFormatKind | null)[] = []
): number {
  values.push(row.map(fit));
  formats.push(row.map((_, i) => fmt[i] ?? null));
  return values.length - 1;
}

function columnFormats(headers: string[], formats?: Record<string, NumberFormatKind>): (NumberFormatKind | null)[] {
  return headers.map((h) => formats?.[h] ?? null);
}

export function layoutSheet(spec: SheetSpec): SheetLayout {
  const values: CellValue[][] = [];
  const formats: (NumberFormatKind | null)[][] = [];
  const boldRows: number[] = [];
  const titleRows: number[] = [];
  const tables: PlacedTable[] = [];
  let freezeRows = 0;
  spec.blocks.forEach((b: Block, i) => {
    if (i > 0) pushRow(values, formats, []);
    switch (b.kind) {
      case "title":
        titleRows.push(pushRow(values, formats, [b.text]));
        for (const line of b.lines ?? []) pushRow(values, formats, [line]);
        break;
      case "note":
        pushRow(values, formats, [b.text]);
        break;
      case "summary": {
        boldRows.push(pushRow(values, formats, [b.title]));
        boldRows.push(pushRow(values, formats, b.headers));
        const fmt = columnFormats(b.headers, b.formats);
        const first = values.length;
        for (const r of b.rows) pushRow(values, formats, r, fmt);
        for (const k of b.boldRows ?? []) boldRows.push(first + k);
        break;
      }
      case "table": {
        if (b.title) boldRows.push(pushRow(values, formats, [b.title]));
        const top = pushRow(values, formats, b.headers);
        if (spec.freezeHeader && freezeRows === 0) freezeRows = top + 1;
        const fmt = columnFormats(b.headers, b.formats);
        for (const r of b.rows) pushRow(values, formats, r, fmt);
        tables.push({ name: b.name, top, headers: b.headers, rowCount: b.rows.length });
        break;
      }
    }
  });
  let width = 1; // a loop, not Math.max(...rows): a spread of 200,000 rows overflows the call stack
  for (const r of values) if (r.length > width) width = r.length;
  for (let r = 0; r < values.length; r++) {
    while (values[r].length < width) values[r].push(null);
    while (formats[r].length < width) formats[r].push(null);
  }
  const titles = new Set(titleRows);
  const columnWidths = Array.from({ length: width }, (_, c) => {
    let w = 8;
    for (let r = 0; r < values.length; r++) {
      if (titles.has(r)) continue; // titles may run across columns
      const v = values[r][c];
      const len = v === null ? 0 : typeof v === "number" ? 12 : String(v).length;
      if (len > w) w = len;
    }
    return Math.min(w + 2, 50);
  });
  return { name: spec.name, values, formats, boldRows, titleRows, tables, freezeRows, columnWidths, width };
}

/** Excel column letters of a 0-based column index (0 -> A, 26 -> AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based row and column. */
export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}
