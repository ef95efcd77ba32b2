/**
 * What the shared Excel fake (test/fakes, not ours to edit) does not record, added for the print-dress tests: a
 * range's horizontalAlignment, indentLevel, wrapText, columnWidth and rowHeight (RangeFormat), and a sheet's
 * pageLayout (ExcelApi 1.9): orientation, zoom, the default footer and setPrintTitleRows. They follow the fake's
 * rules: queued, applied at sync, one operation each, bytes counted as the fake counts its own.
 *
 * `hostLacks19()` makes the patched fake behave as a host without ExcelApi 1.9: a request that uses
 * `sheet.pageLayout` or sets indentLevel fails (ApiNotFound), as Excel refuses what its API version does not have.
 */
import { cellAddress, type Rect } from "../../src/excel/a1";
import { FakeContext, fakeError, FakeRangeProxy, FakeWorksheetProxy, type FakeSheet } from "../fakes/excelFake";

export interface CellLook {
  horizontal?: string;
  indent?: number;
  wrap?: boolean;
}

export interface PageLook {
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  leftFooter?: string;
  centerFooter?: string;
  rightFooter?: string;
  printTitleRows?: string;
}

export interface SheetLook {
  /** By A1 address of the cell. */
  cells: Map<string, CellLook>;
  /** Points, by 0-based column. */
  columnWidths: Map<number, number>;
  /** Points, by 0-based row. */
  rowHeights: Map<number, number>;
  page: PageLook;
}

const looks = new WeakMap<FakeSheet, SheetLook>();

/** What was set on a sheet (the same record after a rename: the fake renames the sheet object). */
export function lookOf(sheet: FakeSheet): SheetLook {
  let l = looks.get(sheet);
  if (!l) {
    l = { cells: new Map(), columnWidths: new Map(), rowHeights: new Map(), page: {} };
    looks.set(sheet, l);
  }
  return l;
}

/** The look of a cell by address ("B7"); {} when nothing was set. */
export function cellLook(sheet: FakeSheet, address: string): CellLook {
  return lookOf(sheet).cells.get(address) ?? {};
}

interface RangeRef {
  sheet: FakeSheet;
  rect: Rect;
}
interface Internals<T> {
  ctx: FakeContext;
  set(bytes: number, apply: (t: T) => void): void;
}
const inner = <T>(x: unknown) => x as Internals<T>;
const size = (v: unknown): number => JSON.stringify(v)?.length ?? 0;

let lacks19 = false;

/** Until `restore19()`: the host has no ExcelApi 1.9 (see the file comment). */
export function hostLacks19(): void {
  lacks19 = true;
}
export function restore19(): void {
  lacks19 = false;
}

let installed = false;

export function installFakePresentation(): void {
  if (installed) return;
  installed = true;
  const formatGetter = Object.getOwnPropertyDescriptor(FakeRangeProxy.prototype, "format")?.get;
  if (!formatGetter) throw new Error("Fake: Range.format not found");
  Object.defineProperty(FakeRangeProxy.prototype, "format", {
    get(this: FakeRangeProxy) {
      const base = formatGetter.call(this) as object;
      const me = inner<RangeRef>(this);
      const eachCell = (v: unknown, f: (look: CellLook) => void) =>
        me.set(size(v), ({ sheet, rect }) => {
          const l = lookOf(sheet);
          for (let r = 0; r < rect.rows; r++)
            for (let c = 0; c < rect.cols; c++) {
              const a = cellAddress(rect.row + r, rect.col + c);
              const look = l.cells.get(a) ?? {};
              f(look);
              l.cells.set(a, look);
            }
        });
      const writeOnly = (name: string, set: (v: never) => void): PropertyDescriptor => ({
        set,
        get() {
          throw new Error(`Fake: format.${name} is write-only`);
        },
        configurable: true,
      });
      Object.defineProperties(base, {
        horizontalAlignment: writeOnly("horizontalAlignment", (v: string) => {
          if (!["General", "Left", "Center", "Right"].includes(v))
            throw new Error(`Fake: horizontalAlignment ${v} not modelled`);
          eachCell(v, (l) => (l.horizontal = v));
        }),
        indentLevel: writeOnly("indentLevel", (v: number) => {
          if (lacks19)
            return me.set(size(v), () => {
              throw fakeError("ApiNotFound", "indentLevel needs ExcelApi 1.9.");
            });
          if (!(Number.isInteger(v) && v >= 0 && v <= 250)) throw new Error(`Fake: bad indentLevel ${v}`);
          eachCell(v, (l) => (l.indent = v));
        }),
        wrapText: writeOnly("wrapText", (v: boolean) => eachCell(v, (l) => (l.wrap = v))),
        columnWidth: writeOnly("columnWidth", (v: number) =>
          me.set(size(v), ({ sheet, rect }) => {
            for (let c = 0; c < rect.cols; c++) lookOf(sheet).columnWidths.set(rect.col + c, v);
          })
        ),
        rowHeight: writeOnly("rowHeight", (v: number) =>
          me.set(size(v), ({ sheet, rect }) => {
            for (let r = 0; r < rect.rows; r++) lookOf(sheet).rowHeights.set(rect.row + r, v);
          })
        ),
      });
      return base;
    },
    configurable: true,
  });

  Object.defineProperty(FakeWorksheetProxy.prototype, "pageLayout", {
    get(this: FakeWorksheetProxy) {
      const me = inner<FakeSheet>(this);
      // The Office.js library knows pageLayout; a host without ExcelApi 1.9 refuses the request that uses it.
      if (lacks19)
        me.set(0, () => {
          throw fakeError("ApiNotFound", "Worksheet.pageLayout needs ExcelApi 1.9.");
        });
      const page = (v: unknown, f: (p: PageLook) => void) => me.set(size(v), (s) => f(lookOf(s).page));
      const footer = (key: "leftFooter" | "centerFooter" | "rightFooter"): PropertyDescriptor => ({
        set: (v: string) => page(v, (p) => (p[key] = v)),
        get() {
          throw new Error(`Fake: ${key} is write-only`);
        },
      });
      const defaultForAllPages = Object.defineProperties(
        {},
        { leftFooter: footer("leftFooter"), centerFooter: footer("centerFooter"), rightFooter: footer("rightFooter") }
      );
      return Object.defineProperties(
        {
          headersFooters: { defaultForAllPages },
          setPrintTitleRows: (rows: string) =>
            page(rows, (p) => {
              // "The range must span the entire row to be valid": "$5:$5" (or "5:7").
              if (typeof rows !== "string" || !/^\$?\d+:\$?\d+$/.test(rows))
                throw fakeError("InvalidArgument", `Print titles must be whole rows: ${String(rows)}`);
              p.printTitleRows = rows;
            }),
        },
        {
          orientation: {
            set: (v: string) => {
              if (v !== "Landscape" && v !== "Portrait") throw new Error(`Fake: orientation ${v}`);
              page(v, (p) => (p.orientation = v));
            },
            get() {
              throw new Error("Fake: orientation is write-only");
            },
          },
          zoom: {
            set: (v: PageLook["zoom"]) => {
              const keys = Object.keys(v ?? {});
              if (keys.some((k) => !["horizontalFitToPages", "verticalFitToPages", "scale"].includes(k)))
                throw new Error(`Fake: zoom ${JSON.stringify(v)}`);
              page(v, (p) => (p.zoom = { ...v }));
            },
            get() {
              throw new Error("Fake: zoom is write-only");
            },
          },
        }
      );
    },
    configurable: true,
  });
}
