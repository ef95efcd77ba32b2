/**
 * One worksheet's XML (and its table parts), produced in chunks of rows so a 150,000-row fact table streams into
 * the ZIP without its XML ever being whole in memory. Cells are values only, never formulas: text is written as
 * shared strings (so text that starts with "=" stays text), numbers as numbers, booleans as booleans.
 */
import { columnLetters, rectAddress } from "../../excel/a1";
import type { CellValue } from "../../port/types";
import type { AlignKind, FontKind, SharedStrings, Styles } from "./styles";
import { cellText, escapeXml } from "./xml";
import { cellLines, FOOTER, LINE_HEIGHT } from "../presentation";

export interface SheetTable {
  /** Workbook-wide table id (1, 2, ...). */
  id: number;
  name: string;
  /** 0-based row of the header; the table starts in column A. */
  top: number;
  headers: string[];
  /** Data rows (an empty table spans Excel's one blank row). */
  rowCount: number;
  style: string;
}

export interface SheetOut {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  values: CellValue[][];
  /** Number-format code of a cell ("General" for none). */
  format(row: number, col: number): string;
  /** Font of whole rows (bold headers, title rows). */
  fonts: Map<number, FontKind>;
  /** Horizontal alignment of a cell (none: the default, 0). */
  align?(row: number, col: number): AlignKind;
  /** Column widths in characters (undefined: Excel's default). */
  widths: (number | undefined)[];
  freezeRows: number;
  /** Hex "#RRGGBB". */
  tabColor?: string;
  /** Landscape, one page wide (print-ready report sheets). */
  fitToWidth: boolean;
  /** 0-based row repeated at the top of every printed page after it (the header of the sheet's longest table). */
  printTitleRow?: number;
  tables: SheetTable[];
}

const ROWS_PER_CHUNK = 2_000;

/** The worksheet part, in chunks. Strings go to `sst`, styles to `styles` as they are met. */
export function* sheetXml(sheet: SheetOut, selected: boolean, styles: Styles, sst: SharedStrings): Generator<string> {
  const width = sheet.values.reduce((w, r) => Math.max(w, r.length), 1);
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  const pr =
    (sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor.replace("#", "").toUpperCase()}"/>` : "") +
    (sheet.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "");
  const pane =
    sheet.freezeRows > 0
      ? `<pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>` +
        '<selection pane="bottomLeft"/>'
      : "";
  const cols = sheet.widths
    .map((w, c) => (w === undefined ? "" : `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`))
    .join("");
  const rows = Math.max(sheet.values.length, 1);
  yield (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (pr ? `<sheetPr>${pr}</sheetPr>` : "") +
    `<dimension ref="${rectAddress({ row: 0, col: 0, rows, cols: width })}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}>${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    "<sheetData>"
  );
  let buf = "";
  // The style of a column's cell is usually the one above it: remembered per column (format codes are shared
  // strings, so === compares them cheaply).
  const lastCode: (string | undefined)[] = [];
  const lastFont: FontKind[] = [];
  const lastAlign: AlignKind[] = [];
  const lastStyle: string[] = [];
  const alignOf = sheet.align ?? (() => 0 as const);
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    const font = sheet.fonts.get(r) ?? 0;
    const rowRef = String(r + 1);
    let cells = "";
    let lines = 1;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const code = sheet.format(r, c);
      const align = alignOf(r, c);
      if ((v === null || v === undefined) && code === "General" && font === 0 && align === 0) continue;
      if (lastCode[c] !== code || lastFont[c] !== font || lastAlign[c] !== align) {
        const s = code === "General" && font === 0 && align === 0 ? 0 : styles.index(code, font, align);
        lastCode[c] = code;
        lastFont[c] = font;
        lastAlign[c] = align;
        lastStyle[c] = s ? ` s="${s}"` : "";
      }
      const at = `<c r="${letters[c]}${rowRef}"${lastStyle[c]}`;
      if (v === null || v === undefined) cells += `${at}/>`;
      else if (typeof v === "number") cells += Number.isFinite(v) ? `${at}><v>${v}</v></c>` : `${at}/>`;
      else if (typeof v === "boolean") cells += `${at} t="b"><v>${v ? 1 : 0}</v></c>`;
      else {
        cells += `${at} t="s"><v>${sst.index(v)}</v></c>`;
        if (align >= 4) lines = Math.max(lines, cellLines(v, align, sheet.widths[c]));
      }
    }
    // A wrapped cell's row is given its height: LibreOffice keeps a row without one at the default height, and
    // the wrapped lines would print over the rows below.
    const height = lines > 1 ? ` ht="${LINE_HEIGHT * lines}" customHeight="1"` : "";
    if (cells) buf += `<row r="${rowRef}"${height}>${cells}</row>`;
    if (r % ROWS_PER_CHUNK === ROWS_PER_CHUNK - 1) {
      yield buf;
      buf = "";
    }
  }
  const margins = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  // A printed report page says which sheet it is and where it falls: sheet name left, "Page 2 of 7" centred.
  const page = sheet.fitToWidth
    ? '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
      "<headerFooter><oddFooter>" +
      escapeXml(FOOTER) +
      "</oddFooter></headerFooter>"
    : "";
  const parts = sheet.tables.length
    ? `<tableParts count="${sheet.tables.length}">${sheet.tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
    : "";
  yield `${buf}</sheetData>${margins}${page}${parts}</worksheet>`;
}

/** A table part (ListObject) over cells the sheet already holds: header texts equal the column names. */
export function tableXml(t: SheetTable): string {
  const ref = rectAddress({ row: t.top, col: 0, rows: 1 + Math.max(t.rowCount, 1), cols: t.headers.length });
  const cols = t.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(cellText(h))}"/>`).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${t.id}" name="${escapeXml(t.name)}" ` +
    `displayName="${escapeXml(t.name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/>` +
    `<tableColumns count="${t.headers.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    "</table>"
  );
}
