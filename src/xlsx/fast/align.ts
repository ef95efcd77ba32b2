/**
 * Horizontal alignment of a report sheet's cells, so a printed column reads as one:
 * - a header over figures is right-aligned like the figures under it (left-aligned, "Debit" sat over the gap
 *   between two columns of amounts, and "Check (must be 0)" a column's width from its 0.00);
 * - dates are centred, so a right-aligned date no longer runs into the text after it ("2026-05-23DSP-FN-013");
 * - text in the column after a column of figures is indented by one, as right-aligned figures end at the column's
 *   edge ("123.6Copy paper A4", "2026SL"). LibreOffice ignores an indent on right-aligned cells, so the space
 *   goes on the text's side;
 * - text longer than its column wraps when the next cell would cut it off (an Issues problem, a Journal
 *   description: the end of the sentence was lost on paper). Titles and notes, alone on their row, run across.
 * Everything else keeps Excel's default (text left, numbers right).
 */
import type { CellValue, NumberFormatKind } from "../../port/types";
import type { AlignKind } from "./styles";
import { wrappedLines } from "./wrap";

/** How far below a header the first value of its column is looked for (a column may start with blanks). */
const LOOK_DOWN = 50;

const FIGURES = new Set<NumberFormatKind | null>(["currency", "number", "integer", "percent", "ratio", "days"]);

const isBlankRow = (row: readonly CellValue[]): boolean => row.every((v) => v === null || v === "");

export function cellAlignment(
  values: readonly (readonly CellValue[])[],
  formats: readonly (readonly (NumberFormatKind | null)[])[],
  headerRows: readonly number[],
  /** Final column widths in characters (the column's text wraps beyond them). */
  widths: readonly (number | undefined)[] = []
): (row: number, col: number) => AlignKind {
  // Per header row: the alignment of the column's first value below it, within the block (a blank row ends it).
  const below = new Map<number, Map<number, AlignKind>>();
  for (const r of headerRows) {
    const row = values[r];
    if (!row) continue;
    const aligned = new Map<number, AlignKind>();
    for (let c = 0; c < row.length; c++) {
      for (let k = r + 1; k < values.length && k <= r + LOOK_DOWN && !isBlankRow(values[k]); k++) {
        const v = values[k][c];
        if (v === null || v === "") continue;
        aligned.set(c, typeof v !== "number" ? 0 : formats[k]?.[c] === "date" ? 2 : 1);
        break;
      }
    }
    below.set(r, aligned);
  }
  const figure = (r: number, c: number): boolean => {
    const v = values[r]?.[c];
    if (typeof v === "number") return formats[r]?.[c] !== "date";
    if (v !== null && v !== undefined && v !== "") return false;
    return FIGURES.has(formats[r]?.[c] ?? null); // a blank in a column of figures
  };
  const filled = (v: CellValue | undefined): boolean => v !== null && v !== undefined && v !== "";
  return (r, c) => {
    const v = values[r]?.[c];
    if (formats[r]?.[c] === "date") return 2;
    if (typeof v !== "string" || v === "") return 0;
    const header = below.get(r);
    const own = header?.get(c);
    if (own) return own;
    const indent = c > 0 && (header ? header.get(c - 1) === 1 : figure(r, c - 1));
    // Cut off: longer than a line of the column, with a value in the next cell.
    const width = widths[c];
    const wrap = width !== undefined && filled(values[r]?.[c + 1]) && wrappedLines(v, width) > 1;
    return wrap ? (indent ? 5 : 4) : indent ? 3 : 0;
  };
}
