/**
 * A report sheet dressed for reading and printing inside Excel by the rule both file ports follow
 * (src/xlsx/presentation.ts): columns as wide as their figures and headers, headers over figures right-aligned,
 * dates centred, text after a column of figures indented by one, text the next cell would cut off wrapped with its
 * row as tall as its lines, and a landscape page one page wide with the sheet name and "Page n of m" in the footer
 * and the longest table's header repeated on every printed page.
 *
 * No request of its own: the operations are planned by the row they start at, so each rides in the request that
 * writes that row's cells (writeGrids counts their bytes into the chunk): an alignment range and a row height
 * with their first row, the column widths and the page set-up with the sheet's first row.
 */
import type { SheetLayout } from "../port/layout";
import { cellLines, FOOTER, LINE_HEIGHT, presentSheet } from "../xlsx/presentation";
import type { AlignKind } from "../xlsx/fast/styles";
import { rectAddress, type Rect } from "./a1";
import type { Supports } from "./writeSession";

/**
 * The footer's sections as Office.js sets them: presentation.ts FOOTER is the file's one string, whose &L, &C and &R
 * codes start the left, centre and right sections; the codes inside (&A sheet name, &P page, &N pages) are Excel's.
 */
export function footerSections(footer: string): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  let at: keyof typeof out = "center"; // text before any section code is centred
  for (const part of footer.split(/(&[LCR])/)) {
    if (part === "&L") at = "left";
    else if (part === "&C") at = "center";
    else if (part === "&R") at = "right";
    else out[at] += part;
  }
  return out;
}
const FOOTERS = footerSections(FOOTER);

/**
 * Points of a column `chars` characters wide: Excel's standard column (8.43 characters) is 48 points, about 5.7 a
 * character (the conversion the port has always used for widths).
 */
export function columnPoints(chars: number): number {
  return Math.round(chars * 5.7);
}

/** What the host allows: indentLevel and Worksheet.pageLayout are ExcelApi 1.9. */
export interface DressSupport {
  indent: boolean;
  page: boolean;
}

export function dressSupport(supports: Supports): DressSupport {
  const v19 = supports("ExcelApi", "1.9");
  return { indent: v19, page: v19 };
}

interface DressOp {
  /** Layout row the operation starts at: it goes with the chunk that writes that row. */
  row: number;
  /** Estimated request bytes (generous: the object paths and the property set, as Office.js sends them). */
  bytes: number;
  queue(sheet: Excel.Worksheet): void;
}

export interface SheetDress {
  /** Request bytes of the operations starting at each row (rows without any: 0). */
  bytesAt(row: number): number;
  /** Queues the operations that start in rows [from, to). */
  queue(sheet: Excel.Worksheet, from: number, to: number): void;
}

/**
 * Bytes in the request JSON, generous: a range costs the object paths of getRange (with its address) and of its
 * format plus their instantiate actions (~250 bytes as Office.js serialises them); each property set one action.
 */
const RANGE_BYTES = 320;
const PROPERTY_BYTES = 128;

/** Excel's alignment of each AlignKind (fast/styles.ts ALIGN_XML writes the same into a file). */
const ALIGN: readonly { horizontal?: "Right" | "Center" | "Left"; indent?: true; wrap?: true }[] = [
  {},
  { horizontal: "Right" },
  { horizontal: "Center" },
  { horizontal: "Left", indent: true },
  { wrap: true },
  { horizontal: "Left", indent: true, wrap: true },
];

interface Run extends Rect {
  kind: AlignKind;
}

/**
 * Cells of equal alignment as few rectangles: per column, runs of one kind down the column (a blank cell neither
 * starts nor ends a run: an alignment on an empty cell shows nowhere), then runs of equal rows and kind in
 * neighbouring columns joined (a header row's right-aligned headers become one range).
 */
function alignRuns(layout: SheetLayout, align: (r: number, c: number) => AlignKind, onLines: LinesSink): Run[] {
  const { values } = layout;
  const open: ({ kind: AlignKind; start: number; last: number } | undefined)[] = [];
  const columnRuns: Run[][] = Array.from({ length: layout.width }, () => []);
  const close = (c: number) => {
    const o = open[c];
    if (o) columnRuns[c].push({ row: o.start, col: c, rows: o.last - o.start + 1, cols: 1, kind: o.kind });
    open[c] = undefined;
  };
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === "") continue;
      const kind = align(r, c);
      if (typeof v === "string" && kind >= 4) onLines(r, c, v, kind);
      const o = open[c];
      if (o && o.kind === kind) {
        o.last = r;
        continue;
      }
      close(c);
      if (kind !== 0) open[c] = { kind, start: r, last: r };
    }
  }
  for (let c = 0; c < layout.width; c++) close(c);
  // Join a run with the same rows and kind in the column before it.
  const out: Run[] = [];
  const byKey = new Map<string, Run>();
  columnRuns.forEach((runs, c) => {
    for (const run of runs) {
      const key = `${run.row}:${run.rows}:${run.kind}`;
      const left = byKey.get(key);
      if (left && left.col + left.cols === c) left.cols++;
      else {
        const copy = { ...run };
        out.push(copy);
        byKey.set(key, copy);
      }
    }
  });
  return out;
}

type LinesSink = (row: number, col: number, text: string, kind: AlignKind) => void;

/** Plans the dressing of a laid-out report sheet (see the file comment); queue it with the sheet's chunks. */
export function planDress(layout: SheetLayout, support: DressSupport): SheetDress {
  const look = presentSheet(layout);
  const ops: DressOp[] = [];
  const lines = new Map<number, number>();
  const runs = alignRuns(layout, look.align, (r, c, text, kind) => {
    const n = cellLines(text, kind, look.widths[c]);
    if (n > (lines.get(r) ?? 1)) lines.set(r, n);
  });

  // Column widths (runs of equal width share one range) and the page: with the sheet's first row.
  for (let c = 0; c < look.widths.length;) {
    const w = look.widths[c];
    let n = 1;
    while (c + n < look.widths.length && look.widths[c + n] === w) n++;
    if (w !== undefined) {
      const address = rectAddress({ row: 0, col: c, rows: 1, cols: n });
      const points = columnPoints(w);
      ops.push({
        row: 0,
        bytes: RANGE_BYTES + PROPERTY_BYTES + address.length,
        queue: (sheet) => (sheet.getRange(address).format.columnWidth = points),
      });
    }
    c += n;
  }
  if (support.page) {
    const title = look.printTitleRow;
    ops.push({
      row: 0,
      bytes: 8 * PROPERTY_BYTES,
      queue: (sheet) => queuePage(sheet, title),
    });
  }

  for (const run of runs) {
    const a = ALIGN[run.kind];
    const address = rectAddress(run);
    const props = (a.horizontal ? 1 : 0) + (a.indent && support.indent ? 1 : 0) + (a.wrap ? 1 : 0);
    if (props === 0) continue;
    ops.push({
      row: run.row,
      bytes: RANGE_BYTES + props * PROPERTY_BYTES + address.length,
      queue: (sheet) => {
        const f = sheet.getRange(address).format;
        if (a.horizontal) f.horizontalAlignment = a.horizontal;
        if (a.indent && support.indent) f.indentLevel = 1;
        if (a.wrap) f.wrapText = true;
      },
    });
  }

  // Rows holding wrapped text get the height of their lines (consecutive rows of one height share a range).
  const tall = [...lines.keys()].sort((x, y) => x - y);
  for (let i = 0; i < tall.length;) {
    const h = lines.get(tall[i]) ?? 1;
    let n = 1;
    while (i + n < tall.length && tall[i + n] === tall[i] + n && lines.get(tall[i + n]) === h) n++;
    const address = rectAddress({ row: tall[i], col: 0, rows: n, cols: 1 });
    const points = LINE_HEIGHT * h;
    ops.push({
      row: tall[i],
      bytes: RANGE_BYTES + PROPERTY_BYTES + address.length,
      queue: (sheet) => (sheet.getRange(address).format.rowHeight = points),
    });
    i += n;
  }

  ops.sort((x, y) => x.row - y.row);
  const bytes = new Map<number, number>();
  for (const op of ops) bytes.set(op.row, (bytes.get(op.row) ?? 0) + op.bytes);
  return {
    bytesAt: (row) => bytes.get(row) ?? 0,
    queue: (sheet, from, to) => {
      // First operation at or after `from` (ops are sorted by row).
      let lo = 0;
      let hi = ops.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ops[mid].row < from) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < ops.length && ops[i].row < to; i++) ops[i].queue(sheet);
    },
  };
}

/**
 * Landscape, one page wide and as many tall as it takes (verticalFitToPages 0, as fitToHeight="0" in a file), the
 * footer on every page, and the print-title row (a whole row, as setPrintTitleRows requires).
 */
function queuePage(sheet: Excel.Worksheet, titleRow: number | undefined): void {
  const page = sheet.pageLayout as Excel.PageLayout | undefined;
  // An Office.js library older than ExcelApi 1.9 has no pageLayout at all (as the shared test fake): skipped too.
  if (!page) return;
  page.orientation = "Landscape";
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  const footer = page.headersFooters.defaultForAllPages;
  footer.leftFooter = FOOTERS.left;
  footer.centerFooter = FOOTERS.center;
  if (FOOTERS.right) footer.rightFooter = FOOTERS.right;
  if (titleRow !== undefined) page.setPrintTitleRows(`$${titleRow + 1}:$${titleRow + 1}`);
}
