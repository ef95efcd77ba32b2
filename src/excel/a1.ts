/** A1 addresses for the Office.js adapter: 0-based row/column indexes <-> "B3", "A1:C10". */

export interface Rect {
  /** 0-based first row and column. */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "A1:C10" for a rectangle (a single cell gives "A1"). */
export function rectAddress(r: Rect): string {
  const a = cellAddress(r.row, r.col);
  if (r.rows === 1 && r.cols === 1) return a;
  return `${a}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** Parses "A1", "A1:C10", "$A$1:$C$10" and "Sheet1!A1:B2" (the sheet part is dropped). */
export function parseAddress(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = bare.replace(/\$/g, "").split(":");
  const cell = (p: string): [number, number] => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(p.trim());
    if (!m) throw new Error(`Not an A1 cell address: ${p}`);
    return [Number(m[2]) - 1, columnIndex(m[1])];
  };
  const [r0, c0] = cell(parts[0]);
  const [r1, c1] = parts.length > 1 ? cell(parts[1]) : [r0, c0];
  return { row: Math.min(r0, r1), col: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}
