/**
 * Reads what Stockbook needs from an .xlsx file without building a workbook model: the sheet list, the date
 * system, every Excel table (ListObject: name, sheet, cell rectangle, header texts and cells) and the
 * `_Stockbook` sheet's columns A:B. ExcelJS's full reader keeps every cell of every sheet as objects (~3 GB and
 * minutes for a 200,000-row ledger); its streaming reader does not see tables. Here the table parts
 * (xl/tables/*.xml, found through the sheets' relationships) give the rectangles, and one pass over each sheet's
 * XML keeps only the cells inside them, as stored: numbers (dates as serials), text, booleans, error codes
 * (#N/A), a formula's cached result. Sheets without tables are not parsed.
 */
import { readFileSync } from "node:fs";
import { parseAddress, type Rect } from "../../excel/a1";
import type { CellValue } from "../../port/types";
import { attr, attrs, decodeText, runsText } from "./xml";
import { readZip, type ZipEntry } from "./zip";

export interface BookTable {
  name: string;
  sheet: string;
  /** Whole table, header row included, totals row excluded (0-based). */
  rect: Rect;
  /** Column names from the table part (used where a header cell is blank). */
  columns: string[];
}

export interface ReadBook {
  sheets: { name: string; state: string }[];
  date1904: boolean;
  tables: BookTable[];
  /** Cells of a table's rectangle, header row first. */
  cells(table: BookTable): CellValue[][];
  /** Columns A:B of a sheet (the settings sheet), from row 1 to its last filled row; null when absent. */
  sheetAB(sheet: string): CellValue[][] | null;
}

interface Rel {
  type: string;
  target: string;
}

const dirOf = (p: string): string => p.slice(0, p.lastIndexOf("/") + 1);
const baseOf = (p: string): string => p.slice(p.lastIndexOf("/") + 1);

/** A relationship target as a part name (no leading slash), resolved against the folder of its source part. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (dirOf(from) + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * The prefix a part writes SpreadsheetML's elements with ("" for the usual default namespace): some producers
 * (the Open XML SDK among them) write `<x:worksheet xmlns:x="…/spreadsheetml/2006/main">` and `<x:row>`, `<x:c>`
 * throughout. Read from the start of the part, where the root element declares it.
 */
export function mainPrefix(head: string): string {
  for (const m of head.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g)) {
    if (m[2] === MAIN_NS && new RegExp(`<${literal(m[1])}:[A-Za-z]`).test(head)) return m[1];
  }
  return "";
}

/** XML with the prefix `p` taken off its element names (`<x:row>` -> `<row>`), as the readers here expect. */
export function unprefixed(xml: string, p: string): string {
  return p === "" ? xml : xml.replace(new RegExp(`<(/?)${literal(p)}:`, "g"), "<$1");
}

/** A prefix as a regular expression matching it literally (a prefix may hold "."). */
const literal = (p: string): string => p.replace(/\./g, "\\.");

function text(zip: Map<string, ZipEntry>, part: string): string | null {
  const e = zip.get(part);
  if (!e) return null;
  const xml = e.read().toString("utf8");
  return unprefixed(xml, mainPrefix(xml.slice(0, 4096)));
}

function rels(zip: Map<string, ZipEntry>, part: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  const xml = text(zip, `${dirOf(part)}_rels/${baseOf(part)}.rels`);
  if (xml === null) return out;
  for (const m of xml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    if (a.TargetMode === "External") continue;
    out.set(a.Id, { type: a.Type ?? "", target: resolvePart(part, a.Target ?? "") });
  }
  return out;
}

function sharedStrings(zip: Map<string, ZipEntry>, part: string | undefined): string[] {
  const xml = part ? text(zip, part) : null;
  if (xml === null) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si\s*\/>|<si>([\s\S]*?)<\/si>/g)) {
    const inner = m[1];
    if (inner === undefined) out.push("");
    // The usual item, <t>plain text</t>, without the run machinery.
    else if (inner.startsWith("<t>") && inner.indexOf("<", 3) === inner.length - 4 && inner.endsWith("</t>"))
      out.push(decodeText(inner.slice(3, -4)));
    else out.push(runsText(inner));
  }
  return out;
}

const MS_PER_DAY = 86_400_000;
/** An ISO date cell (t="d") as the 1900-system serial Excel would store (1904 workbooks: 1462 less). */
function isoToSerial(s: string, date1904: boolean): CellValue {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
  if (!Number.isFinite(ms)) return s;
  return Math.round((ms / MS_PER_DAY + 25569 - (date1904 ? 1462 : 0)) * 1e9) / 1e9;
}

function colIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** One cell's value as stored, from its type (`t`) and content. */
function cellValue(t: string | undefined, inner: string | undefined, sst: string[], date1904: boolean): CellValue {
  if (inner === undefined) return null;
  if (t === "inlineStr") {
    const s = runsText(inner);
    return s === "" ? null : s;
  }
  let v: string;
  if (inner.startsWith("<v>") && inner.endsWith("</v>") && inner.indexOf("<", 3) === inner.length - 4)
    v = inner.slice(3, -4); // the usual <v>…</v> alone
  else {
    const vs = inner.indexOf("<v");
    if (vs < 0) return null;
    const open = inner.indexOf(">", vs);
    if (inner[open - 1] === "/") return null; // <v/>
    v = inner.slice(open + 1, inner.indexOf("</v>", open));
  }
  switch (t) {
    case "s": {
      const s = sst[Number(v)];
      return s === undefined || s === "" ? null : s;
    }
    case "str":
    case "e": {
      const s = decodeText(v);
      return s === "" ? null : s;
    }
    case "b":
      return v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "d":
      return isoToSerial(v.trim(), date1904);
    default: {
      if (v === "") return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** Wanted cells of one sheet: row range + column range per rectangle. */
interface Want {
  rects: Rect[];
  grid: Map<number, CellValue[]>;
  minCol: number;
  maxCol: number;
}

/**
 * A row start, or a cell. The second alternative is the form Excel, LibreOffice and ExcelJS write (`r`, then
 * optional `s` and `t`, in that order) with its parts captured; any other cell falls to the third, whose
 * attributes are read one by one.
 */
const ROW_OR_CELL =
  /<row\b([^>]*)>|<c r="([A-Z]{1,3})(\d+)"(?: s="\d+")?(?: t="(\w+)")?(?:\/>|>([\s\S]*?)<\/c>)|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const CHUNK = 16 << 20;

/** One pass over a sheet's XML, in chunks cut after a `</row>`, keeping the cells inside the wanted rectangles. */
function scanSheet(xml: Buffer, want: Want, sst: string[], date1904: boolean): void {
  const p = mainPrefix(xml.toString("utf8", 0, Math.min(xml.length, 4096)));
  const tag = p === "" ? "" : `${p}:`;
  const rowEnd = `</${tag}row>`;
  const start = xml.indexOf(`<${tag}sheetData`);
  if (start < 0) return;
  let end = xml.lastIndexOf(`</${tag}sheetData>`);
  if (end < 0) end = xml.length;
  let row = -1;
  let col = -1;
  let cells: CellValue[] | null = null;
  const enter = (r: number): void => {
    row = r;
    cells = null;
    if (!want.rects.some((x) => r >= x.row && r < x.row + x.rows)) return;
    cells = want.grid.get(r) ?? null;
    if (cells === null) want.grid.set(r, (cells = []));
  };
  for (let pos = start; pos < end;) {
    let cut = Math.min(end, pos + CHUNK);
    if (cut < end) {
      const back = xml.lastIndexOf(rowEnd, cut);
      const ahead = back > pos ? -1 : xml.indexOf(rowEnd, cut);
      cut = back > pos ? back + rowEnd.length : ahead < 0 || ahead > end ? end : ahead + rowEnd.length;
    }
    const s = unprefixed(xml.toString("utf8", pos, cut), p);
    pos = cut;
    ROW_OR_CELL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ROW_OR_CELL.exec(s)) !== null) {
      let t: string | undefined;
      let inner: string | undefined;
      if (m[1] !== undefined) {
        const r = attr(m[1], "r");
        enter(r === undefined ? row + 1 : Number(r) - 1);
        col = -1;
        continue;
      } else if (m[2] !== undefined) {
        col = colIndex(m[2]);
        const r = Number(m[3]) - 1;
        if (r !== row) enter(r); // a cell outside its <row> element's number: trust the cell
        t = m[4];
        inner = m[5];
      } else {
        const a = m[6];
        const ref = attr(a, "r");
        if (ref !== undefined) {
          col = colIndex(ref);
          const digits = ref.search(/\d/);
          const r = digits > 0 ? Number(ref.slice(digits)) - 1 : row;
          if (r !== row) enter(r);
        } else col++;
        t = attr(a, "t");
        inner = m[7];
      }
      if (cells === null || col < want.minCol || col > want.maxCol) continue;
      const v = cellValue(t, inner, sst, date1904);
      if (v !== null) (cells as CellValue[])[col] = v;
    }
  }
}

/** Reads an .xlsx file. Throws an Error with a plain message when it is not one. */
export function readBook(path: string): ReadBook {
  const zip = readZip(readFileSync(path));
  const root = rels(zip, "");
  const wbPart = [...root.values()].find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const wbXml = text(zip, wbPart);
  if (wbXml === null) throw new Error("no workbook part (is it an .xlsx file?)");
  const wbRels = rels(zip, wbPart);
  const pr = /<workbookPr\b([^>]*)>/.exec(wbXml);
  const d1904 = pr ? attrs(pr[1]).date1904 : undefined;
  const date1904 = d1904 === "1" || d1904 === "true";
  const sheets: { name: string; state: string; part: string | null }[] = [];
  for (const m of wbXml.matchAll(/<sheet\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    const idKey = Object.keys(a).find((k) => k === "id" || k.endsWith(":id"));
    const rel = idKey ? wbRels.get(a[idKey]) : undefined;
    const part = rel && rel.type.endsWith("/worksheet") ? rel.target : null;
    sheets.push({ name: a.name ?? "", state: a.state ?? "visible", part });
  }
  const sstPart = [...wbRels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const tables: BookTable[] = [];
  const wants = new Map<string, Want>();
  const want = (part: string): Want => {
    let w = wants.get(part);
    if (!w) wants.set(part, (w = { rects: [], grid: new Map(), minCol: Infinity, maxCol: -1 }));
    return w;
  };
  const addRect = (w: Want, r: Rect): void => {
    w.rects.push(r);
    w.minCol = Math.min(w.minCol, r.col);
    w.maxCol = Math.max(w.maxCol, r.col + r.cols - 1);
  };
  const partOf = new Map<string, string>();
  for (const s of sheets) {
    if (!s.part) continue;
    partOf.set(s.name.toLowerCase(), s.part);
    for (const rel of rels(zip, s.part).values()) {
      if (!rel.type.endsWith("/table")) continue;
      const xml = text(zip, rel.target);
      const head = xml && /<table\b([^>]*)>/.exec(xml);
      if (!xml || !head) continue;
      const a = attrs(head[1]);
      let rect: Rect;
      try {
        rect = parseAddress(a.ref ?? "");
      } catch {
        continue;
      }
      if (Number(a.totalsRowCount ?? 0) > 0) rect = { ...rect, rows: rect.rows - 1 };
      const columns = [...xml.matchAll(/<tableColumn\b([^>]*)>/g)].map((c) => decodeText(attrs(c[1]).name ?? ""));
      tables.push({ name: a.displayName || a.name || "", sheet: s.name, rect, columns });
      addRect(want(s.part), rect);
    }
  }
  const settingsParts = new Set<string>();
  const withAB = (sheet: string): string | undefined => partOf.get(sheet.toLowerCase());
  const sst = sharedStrings(zip, sstPart);
  const scanned = new Set<string>();
  const scan = (part: string): Want => {
    const w = want(part);
    if (!scanned.has(part)) {
      scanned.add(part);
      const e = zip.get(part);
      if (e) scanSheet(e.read(), w, sst, date1904);
    }
    return w;
  };
  for (const part of wants.keys()) scan(part);
  return {
    sheets: sheets.map(({ name, state }) => ({ name, state })),
    date1904,
    tables,
    cells(t) {
      const w = scan(partOf.get(t.sheet.toLowerCase()) as string);
      const out: CellValue[][] = [];
      for (let i = 0; i < t.rect.rows; i++) {
        const src = w.grid.get(t.rect.row + i);
        const r: CellValue[] = new Array(t.rect.cols);
        for (let c = 0; c < t.rect.cols; c++) r[c] = src?.[t.rect.col + c] ?? null;
        out.push(r);
      }
      return out;
    },
    sheetAB(sheet) {
      const part = withAB(sheet);
      if (!part) return null;
      if (!settingsParts.has(part)) {
        settingsParts.add(part);
        // Columns A:B, every row, in a pass of its own (the settings sheet is small); kept for later calls.
        const w: Want = {
          rects: [{ row: 0, col: 0, rows: 1_048_576, cols: 2 }],
          grid: new Map(),
          minCol: 0,
          maxCol: 1,
        };
        const e = zip.get(part);
        if (e) scanSheet(e.read(), w, sst, date1904);
        wants.set(`${part}#AB`, w);
      }
      const w = wants.get(`${part}#AB`) as Want;
      let last = -1; // a loop, not Math.max(...keys): a spread of many rows overflows the call stack
      for (const r of w.grid.keys()) if (r > last) last = r;
      return Array.from({ length: last + 1 }, (_, r) => [w.grid.get(r)?.[0] ?? null, w.grid.get(r)?.[1] ?? null]);
    },
  };
}
