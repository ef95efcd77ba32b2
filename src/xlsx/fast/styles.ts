/**
 * Cell styles of a written workbook: each distinct (number format, font, alignment) becomes one `cellXfs` entry.
 * Fonts: 0 the default (Calibri 11), 1 bold, 2 bold 14 pt (sheet titles), as XlsxWorkbook writes them.
 */
import { cellText, escapeXml } from "./xml";

export type FontKind = 0 | 1 | 2;

/**
 * Alignment: 0 the default, 1 right (headers over figures), 2 centred (dates, and their headers: a date column
 * stays apart from the text or figures beside it), 3 left with one indent (text right of a column of figures:
 * right-aligned figures end at the column's edge, and "123.6Copy paper A4" read as one word), 4 wrapped (text
 * longer than its column, which the next cell would cut off), 5 wrapped and indented.
 */
export type AlignKind = 0 | 1 | 2 | 3 | 4 | 5;

const ALIGN_XML = [
  "",
  '<alignment horizontal="right"/>',
  '<alignment horizontal="center"/>',
  '<alignment horizontal="left" indent="1"/>',
  '<alignment wrapText="1"/>',
  '<alignment horizontal="left" indent="1" wrapText="1"/>',
];

export class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly list: { fmt: number; font: FontKind; align: AlignKind }[] = [{ fmt: 0, font: 0, align: 0 }];
  /** Answers already given, per font and alignment (this is asked once per written cell). */
  private readonly known: Map<string, number>[] = Array.from({ length: 3 * ALIGN_XML.length }, () => new Map());

  constructor() {
    this.xfs.set("0|0|0", 0);
  }

  /** Style index (`s`) of a format code ("General" = built-in 0), font and alignment. */
  index(code: string, font: FontKind, align: AlignKind = 0): number {
    const known = this.known[font * ALIGN_XML.length + align];
    const seen = known.get(code);
    if (seen !== undefined) return seen;
    const i = this.add(code, font, align);
    known.set(code, i);
    return i;
  }

  private add(code: string, font: FontKind, align: AlignKind): number {
    let fmt = 0;
    if (code !== "General") {
      const known = this.formats.get(code);
      // Custom formats are numbered from 164, after Excel's built-in ones.
      fmt = known ?? 164 + this.formats.size;
      if (known === undefined) this.formats.set(code, fmt);
    }
    const key = `${fmt}|${font}|${align}`;
    let i = this.xfs.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push({ fmt, font, align });
      this.xfs.set(key, i);
    }
    return i;
  }

  xml(): string {
    const fmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    const font = (extra: string, size: number) =>
      `<font>${extra}<sz val="${size}"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
    const xfs = this.list.map(
      (x) =>
        `<xf numFmtId="${x.fmt}" fontId="${x.font}" fillId="0" borderId="0" xfId="0"` +
        `${x.fmt ? ' applyNumberFormat="1"' : ""}${x.font ? ' applyFont="1"' : ""}` +
        (x.align ? ` applyAlignment="1">${ALIGN_XML[x.align]}</xf>` : "/>")
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts.length ? `<numFmts count="${fmts.length}">${fmts.join("")}</numFmts>` : "") +
      `<fonts count="3">${font("", 11)}${font("<b/>", 11)}${font("<b/>", 14)}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

/** Shared strings: each distinct text once (as stored: `cellText`), cells refer to it by index. */
export class SharedStrings {
  private readonly map = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  index(s: string): number {
    this.count++;
    let i = this.map.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(cellText(s));
      this.map.set(s, i);
    }
    return i;
  }

  *xml(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    yield `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">`;
    let buf = "";
    for (const s of this.list) {
      // Leading/trailing spaces survive only with xml:space="preserve".
      const keep = s !== s.trim() || /\n/.test(s) ? ' xml:space="preserve"' : "";
      buf += `<si><t${keep}>${escapeXml(s)}</t></si>`;
      if (buf.length > 1 << 20) {
        yield buf;
        buf = "";
      }
    }
    yield buf + "</sst>";
  }
}
