/**
 * A stateful fake of the Excel JavaScript API subset the Office.js adapter uses. Unlike office-addin-mock it keeps
 * state and honours arguments, and like Excel it queues every call and runs the queue only in `context.sync()`:
 * reading a property that was not loaded and synced throws, a getItem of a missing item fails at the sync, and a
 * failing operation leaves the ones before it applied (Excel has no rollback).
 *
 * It counts syncs and measures each request: bytes sent (JSON of the arguments plus a small per-operation
 * overhead) and bytes returned (JSON of the loaded properties). Either over 5 MB fails the sync with Excel on the
 * web's error codes. `failAtSync = n` makes the n-th sync fail (after `applyBeforeFailure` of its operations).
 */
import { parseAddress, rectAddress, type Rect } from "../../src/excel/a1";
import { toSerial } from "../../src/engine/dates";
import { fakeError, FakeSheet, FakeTable, FakeWorkbookState, type FakeRequest, type FakeValue } from "./excelFakeState";

export * from "./excelFakeState";

/** Excel on the web's request and response payload cap. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const OP_OVERHEAD = 64;

type Props = string | string[];
interface Op {
  bytes: number;
  /** Returns the bytes it adds to the response. */
  run: () => number;
}

const size = (v: unknown): number => JSON.stringify(v)?.length ?? 0;
const propList = (p?: Props): string[] | null =>
  p === undefined ? null : (Array.isArray(p) ? p : p.split(",")).map((s) => s.trim().replace(/^items\//, ""));

export class ExcelFake {
  state = new FakeWorkbookState();
  syncs = 0;
  requests: FakeRequest[] = [];
  failAtSync = 0;
  applyBeforeFailure = 0;

  /** An `Excel.run`-style runner over this fake: a new context per batch, unsynced work is an error. */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    const out = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending() > 0) throw new Error(`Excel.run ended with ${ctx.pending()} operations never synced`);
    return out;
  };

  get largestRequest(): number {
    return Math.max(0, ...this.requests.map((r) => Math.max(r.requestBytes, r.responseBytes)));
  }

  resetCounters(): void {
    this.syncs = 0;
    this.requests = [];
  }
}

export class FakeContext {
  private queue: Op[] = [];
  /** The request being run (for counting the cells it moves). */
  current: FakeRequest | null = null;
  countCells(n: number): void {
    if (this.current) this.current.cells += n;
  }
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly fake: ExcelFake) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  get state(): FakeWorkbookState {
    return this.fake.state;
  }
  pending(): number {
    return this.queue.length;
  }
  enqueue(bytes: number, run: () => number | void): void {
    this.queue.push({
      bytes: bytes + OP_OVERHEAD,
      run: () => {
        const r = run();
        return typeof r === "number" ? r : 0;
      },
    });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const f = this.fake;
    f.syncs++;
    const requestBytes = ops.reduce((s, o) => s + o.bytes, 0);
    const record: FakeRequest = { ops: ops.length, requestBytes, responseBytes: 0, cells: 0 };
    this.current = record;
    f.requests.push(record);
    if (requestBytes > PAYLOAD_LIMIT)
      throw fakeError("RequestPayloadSizeLimitExceeded", `The request payload (${requestBytes} bytes) is too large.`);
    const failing = f.failAtSync === f.syncs;
    const n = failing ? Math.min(f.applyBeforeFailure, ops.length) : ops.length;
    for (let i = 0; i < n; i++) record.responseBytes += ops[i].run();
    if (failing) throw fakeError("GeneralException", `Injected failure at sync ${f.syncs}.`);
    if (record.responseBytes > PAYLOAD_LIMIT)
      throw fakeError("ResponsePayloadSizeLimitExceeded", `The response payload is too large.`);
    f.state.calculationModes.push(f.state.calculationMode);
  }
}

/** A reference that an operation binds when the queue runs (as Excel resolves getItem at sync time). */
abstract class Proxy<T> {
  private target: T | null | undefined = undefined;
  protected loaded: Record<string, unknown> | null = null;
  constructor(
    protected ctx: FakeContext,
    resolve: () => T | null,
    bytes = 0,
    immediate = false
  ) {
    if (immediate) this.target = resolve();
    else
      ctx.enqueue(bytes, () => {
        this.target = resolve();
      });
  }
  protected get t(): T {
    if (this.target === undefined) throw new Error("Fake: object used before its operation ran");
    if (this.target === null) throw fakeError("InvalidObjectPath", "The object is a null object.");
    return this.target;
  }
  /** The bound item, or null for a null object; for proxies bound in the same queue. */
  protected tryT(): T | null {
    return this.target ?? null;
  }
  get isNullObject(): boolean {
    if (this.target === undefined) throw fakeError("PropertyNotLoaded", "isNullObject read before sync");
    return this.target === null;
  }
  protected abstract snapshot(props: string[] | null): Record<string, unknown>;
  load(props?: Props): this {
    this.ctx.enqueue(size(props ?? ""), () => {
      if (this.target === null) {
        this.loaded = {};
        return 0;
      }
      this.loaded = this.snapshot(propList(props));
      return size(this.loaded);
    });
    return this;
  }
  protected read<V>(prop: string): V {
    if (!this.loaded || !(prop in this.loaded))
      throw fakeError("PropertyNotLoaded", `The property '${prop}' is not available. Load it and sync first.`);
    return this.loaded[prop] as V;
  }
  protected set(bytes: number, apply: (t: T) => void): void {
    this.ctx.enqueue(bytes, () => {
      apply(this.t);
    });
  }
  /** Used by other proxies' operations (run inside sync). */
  bound(): T {
    return this.t;
  }
}

const pick = (all: Record<string, () => unknown>, props: string[] | null): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const k of props ?? Object.keys(all)) if (all[k]) out[k] = all[k]();
  return out;
};

interface RangeRef {
  sheet: FakeSheet;
  rect: Rect;
}

function grid<V>(v: V | V[][], rect: Rect, what: string): V[][] {
  if (!Array.isArray(v)) return Array.from({ length: rect.rows }, () => Array.from({ length: rect.cols }, () => v));
  if (v.length !== rect.rows || v.some((r) => r.length !== rect.cols))
    throw fakeError("InvalidArgument", `The ${what} array does not match the size of the range ${rectAddress(rect)}.`);
  return v;
}

export class FakeRangeProxy extends Proxy<RangeRef> {
  protected snapshot(props: string[] | null): Record<string, unknown> {
    const { sheet, rect } = this.t;
    const st = this.ctx.state;
    return pick(
      {
        values: () => {
          this.ctx.countCells(rect.rows * rect.cols);
          return st.values(sheet, rect);
        },
        numberFormat: () => mapRect(rect, (r, c) => sheet.cell(r, c).numberFormat),
        formulas: () =>
          mapRect(
            rect,
            (r, c) => sheet.cell(r, c).formula ?? st.values(sheet, { row: r, col: c, rows: 1, cols: 1 })[0][0]
          ),
        address: () => `${sheet.name}!${rectAddress(rect)}`,
        rowCount: () => rect.rows,
        columnCount: () => rect.cols,
        rowIndex: () => rect.row,
        columnIndex: () => rect.col,
      },
      props
    );
  }
  get values(): (string | number | boolean)[][] {
    return this.read("values");
  }
  set values(v: FakeValue[][]) {
    this.set(size(v), ({ sheet, rect }) => {
      const g = grid(v, rect, "values");
      if (g.some((row) => row.some((x) => typeof x === "string" && x.length > 32_767)))
        throw fakeError("InvalidArgument", "A cell's text is longer than 32,767 characters.");
      g.forEach((row, r) => row.forEach((x, c) => sheet.typeValue(rect.row + r, rect.col + c, x)));
      this.ctx.countCells(rect.rows * rect.cols);
    });
  }
  /** Range.clear(): values, formats and number formats (ExcelApi 1.1). */
  clear(): void {
    this.set(8, ({ sheet, rect }) =>
      forRect(rect, (r, c) => {
        sheet.setBold(r, c, false);
        sheet.setFormat(r, c, "General");
        sheet.typeValue(r, c, null);
      })
    );
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.set(size(v), ({ sheet, rect }) => {
      const g = grid(v, rect, "numberFormat");
      g.forEach((row, r) => row.forEach((x, c) => sheet.setFormat(rect.row + r, rect.col + c, x)));
    });
  }
  set formulas(v: string[][]) {
    this.set(size(v), ({ sheet, rect }) => {
      grid(v, rect, "formulas").forEach((row, r) =>
        row.forEach((x, c) => sheet.setFormula(rect.row + r, rect.col + c, x, "#CALC"))
      );
    });
  }
  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  private sub(f: (r: Rect) => Rect): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => ({ sheet: this.t.sheet, rect: f(this.t.rect) }));
  }
  getCell(row: number, col: number): FakeRangeProxy {
    return this.sub((r) => ({ row: r.row + row, col: r.col + col, rows: 1, cols: 1 }));
  }
  getRow(i: number): FakeRangeProxy {
    return this.sub((r) => ({ ...r, row: r.row + i, rows: 1 }));
  }
  getColumn(i: number): FakeRangeProxy {
    return this.sub((r) => ({ ...r, col: r.col + i, cols: 1 }));
  }
  getResizedRange(dRows: number, dCols: number): FakeRangeProxy {
    return this.sub((r) => ({ ...r, rows: r.rows + dRows, cols: r.cols + dCols }));
  }
  getOffsetRange(dRows: number, dCols: number): FakeRangeProxy {
    return this.sub((r) => ({ ...r, row: r.row + dRows, col: r.col + dCols }));
  }
  get worksheet(): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.ctx, () => this.t.sheet);
  }
  get format(): { font: { bold: boolean; color: string }; autofitColumns: () => void; columnWidth: number } {
    const set = (f: (ref: RangeRef, r: number, c: number) => void) =>
      this.set(8, (ref) => forRect(ref.rect, (r, c) => f(ref, r, c)));
    return {
      font: {
        set bold(b: boolean) {
          set(({ sheet }, r, c) => sheet.setBold(r, c, b));
        },
        set color(_c: string) {
          set(() => undefined);
        },
        get bold(): boolean {
          throw new Error("Fake: font.bold is write-only");
        },
        get color(): string {
          throw new Error("Fake: font.color is write-only");
        },
      },
      autofitColumns: () => this.set(0, () => undefined),
      set columnWidth(_w: number) {
        set(() => undefined);
      },
      get columnWidth(): number {
        throw new Error("Fake: columnWidth is write-only");
      },
    };
  }
  get dataValidation(): { rule: { list?: { inCellDropDown: boolean; source: string } } } {
    const self = this;
    return {
      set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
        self.set(size(rule), ({ sheet, rect }) => sheet.validations.push({ rect, list: rule.list?.source.split(",") }));
      },
      get rule(): { list?: { inCellDropDown: boolean; source: string } } {
        throw new Error("Fake: dataValidation.rule is write-only");
      },
    };
  }
  get conditionalFormats(): { add: (type: string) => FakeConditionalFormat } {
    return {
      add: (type: string) => {
        if (type !== "Custom") throw new Error("Fake: only custom conditional formats");
        const cf = { rect: { row: 0, col: 0, rows: 0, cols: 0 }, formula: "", fill: "", font: "" };
        this.set(0, ({ sheet, rect }) => {
          cf.rect = rect;
          sheet.conditionalFormats.push(cf);
        });
        return new FakeConditionalFormat(this.ctx, cf);
      },
    };
  }
}

export class FakeConditionalFormat {
  constructor(
    private ctx: FakeContext,
    private cf: { formula: string; fill: string; font: string }
  ) {}
  get custom(): { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } {
    const { ctx, cf } = this;
    const later = (f: () => void) => ctx.enqueue(16, f);
    return {
      rule: {
        set formula(v: string) {
          later(() => (cf.formula = v));
        },
        get formula(): string {
          return cf.formula;
        },
      },
      format: {
        fill: {
          set color(v: string) {
            later(() => (cf.fill = v));
          },
          get color(): string {
            return cf.fill;
          },
        },
        font: {
          set color(v: string) {
            later(() => (cf.font = v));
          },
          get color(): string {
            return cf.font;
          },
        },
      },
    };
  }
}

function forRect(rect: Rect, f: (r: number, c: number) => void): void {
  for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) f(rect.row + r, rect.col + c);
}
function mapRect<V>(rect: Rect, f: (r: number, c: number) => V): V[][] {
  return Array.from({ length: rect.rows }, (_, r) =>
    Array.from({ length: rect.cols }, (_c, c) => f(rect.row + r, rect.col + c))
  );
}

export class FakeWorksheetProxy extends Proxy<FakeSheet> {
  protected snapshot(props: string[] | null): Record<string, unknown> {
    return pick({ name: () => this.t.name, visibility: () => this.t.visibility }, props);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set(size(v), (s) => {
      const other = this.ctx.state.findSheet(v);
      if (other && other !== s) throw fakeError("InvalidArgument", `A sheet named ${v} exists.`);
      s.name = v;
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.set(8, (s) => (s.visibility = v));
  }
  set tabColor(v: string) {
    this.set(8, (s) => (s.tabColor = v));
  }
  delete(): void {
    this.set(0, (s) => this.ctx.state.deleteSheet(s));
  }
  activate(): void {
    this.set(0, (s) => {
      if (s.visibility !== "Visible") throw fakeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.ctx.state.activeSheet = s.name;
    });
  }
  getRange(address: string): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => ({ sheet: this.t, rect: parseAddress(address) }), size(address));
  }
  /** Bounding rectangle of the cells with content (A1 for an empty sheet), as Excel's getUsedRange. */
  getUsedRange(): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => {
      const s = this.t;
      let r0 = Infinity,
        c0 = Infinity,
        r1 = -1,
        c1 = -1;
      for (const key of s.cells.keys()) {
        const { row, col } = parseAddress(key);
        r0 = Math.min(r0, row);
        c0 = Math.min(c0, col);
        r1 = Math.max(r1, row);
        c1 = Math.max(c1, col);
      }
      for (const t of this.ctx.state.tables.filter((x) => x.sheet === s)) {
        r0 = Math.min(r0, t.rect.row);
        c0 = Math.min(c0, t.rect.col);
        r1 = Math.max(r1, t.rect.row + t.rect.rows - 1);
        c1 = Math.max(c1, t.rect.col + t.rect.cols - 1);
      }
      const rect =
        r1 < 0 ? { row: 0, col: 0, rows: 1, cols: 1 } : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
      return { sheet: s, rect };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => ({ sheet: this.t, rect: { row, col, rows, cols } }), 32);
  }
  get freezePanes(): { freezeRows: (n: number) => void } {
    return { freezeRows: (n: number) => this.set(4, (s) => (s.frozenRows = n)) };
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.ctx, () => ({ sheet: this.t }));
  }
  get pivotTables(): FakePivotCollection {
    return new FakePivotCollection(this.ctx, () => this.t);
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, () => this.t);
  }
}

class FakeWorksheetCollection extends Proxy<FakeWorkbookState> {
  protected snapshot(props: string[] | null): Record<string, unknown> {
    return { items: this.t.sheets.map((s) => pick({ name: () => s.name, visibility: () => s.visibility }, props)) };
  }
  get items(): { name: string; visibility: string }[] {
    return this.read("items");
  }
  getItem(name: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(
      this.ctx,
      () => {
        const s = this.ctx.state.findSheet(name);
        if (!s) throw fakeError("ItemNotFound", `The sheet ${name} does not exist.`);
        return s;
      },
      size(name)
    );
  }
  getItemOrNullObject(name: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.ctx, () => this.ctx.state.findSheet(name) ?? null, size(name));
  }
  add(name: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.ctx, () => this.ctx.state.addSheet(name), size(name));
  }
}

interface TableItemSnapshot {
  name: string;
  worksheet: { name: string };
}

export class FakeTableCollection extends Proxy<{ sheet: FakeSheet | null }> {
  private all(): FakeTable[] {
    const sheet = this.t.sheet;
    return this.ctx.state.tables.filter((t) => sheet === null || t.sheet === sheet);
  }
  protected snapshot(props: string[] | null): Record<string, unknown> {
    return {
      items: this.all().map((t) =>
        pick({ name: () => t.name, style: () => t.style, "worksheet/name": () => t.sheet.name }, props)
      ),
    };
  }
  get items(): TableItemSnapshot[] {
    return this.read<Record<string, unknown>[]>("items").map((x) => ({
      name: x.name as string,
      worksheet: { name: x["worksheet/name"] as string },
    }));
  }
  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(this.ctx, () => {
      const t = this.ctx.state.findTable(name);
      if (!t) throw fakeError("ItemNotFound", `The table ${name} does not exist.`);
      return t;
    });
  }
  getItemOrNullObject(name: string): FakeTableProxy {
    return new FakeTableProxy(this.ctx, () => this.ctx.state.findTable(name) ?? null);
  }
  add(address: string | FakeRangeProxy, hasHeaders: boolean): FakeTableProxy {
    if (!hasHeaders) throw new Error("Fake: tables are added with headers");
    return new FakeTableProxy(
      this.ctx,
      () => {
        const st = this.ctx.state;
        if (typeof address !== "string") {
          const ref = address.bound();
          return st.addTable(ref.sheet, ref.rect);
        }
        const sheet = this.t.sheet ?? st.findSheet(address.split("!")[0].replace(/'/g, ""));
        if (!sheet) throw fakeError("ItemNotFound", `No sheet for ${address}`);
        return st.addTable(sheet, parseAddress(address));
      },
      size(address)
    );
  }
}

export class FakeTableProxy extends Proxy<FakeTable> {
  protected snapshot(props: string[] | null): Record<string, unknown> {
    return pick({ name: () => this.t.name, style: () => this.t.style }, props);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set(size(v), (t) => {
      const other = this.ctx.state.findTable(v);
      if (other && other !== t) throw fakeError("InvalidArgument", `A table named ${v} exists.`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v)) throw fakeError("InvalidArgument", `Bad table name ${v}.`);
      t.name = v;
    });
  }
  set style(v: string) {
    this.set(size(v), (t) => (t.style = v));
  }
  get worksheet(): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.ctx, () => this.t.sheet);
  }
  getHeaderRowRange(): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => ({ sheet: this.t.sheet, rect: { ...this.t.rect, rows: 1 } }));
  }
  getDataBodyRange(): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => ({ sheet: this.t.sheet, rect: this.t.dataRect }));
  }
  getRange(): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => ({ sheet: this.t.sheet, rect: this.t.rect }));
  }
  get rows(): { add: (index: number | null | undefined, values: FakeValue[][]) => void } {
    return {
      add: (_index, values) =>
        this.set(size(values), (t) => {
          values.forEach((row, i) => {
            if (row.length !== t.rect.cols) throw fakeError("InvalidArgument", "Row width does not match the table.");
            row.forEach((v, c) => t.sheet.typeValue(t.rect.row + t.rect.rows + i, t.rect.col + c, v));
          });
          t.rect = { ...t.rect, rows: t.rect.rows + values.length };
          this.ctx.countCells(values.length * t.rect.cols);
        }),
    };
  }
}

class FakePivotCollection extends Proxy<FakeSheet> {
  protected snapshot(): Record<string, unknown> {
    return { items: this.ctx.state.pivots.filter((p) => p.sheet === this.t) };
  }
  /** The sheet's PivotTables (after `load("items/name")`), each a proxy with its name and delete(). */
  get items(): FakePivotProxy[] {
    return this.read<PivotState[]>("items").map((p) => new FakePivotProxy(this.ctx, () => p, 0, true, p.name));
  }
  getItemOrNullObject(name: string): FakePivotProxy {
    return new FakePivotProxy(
      this.ctx,
      () =>
        this.ctx.state.pivots.find((p) => p.sheet === this.t && p.name.toLowerCase() === name.toLowerCase()) ?? null,
      size(name)
    );
  }
  add(name: string, source: string | FakeTableProxy, destination: string | FakeRangeProxy): FakePivotProxy {
    return new FakePivotProxy(
      this.ctx,
      () => {
        const st = this.ctx.state;
        const table = typeof source === "string" ? st.findTable(source) : source.bound();
        if (!table) throw fakeError("ItemNotFound", `No table ${String(source)}`);
        // PivotTable names are unique on a worksheet, not in the workbook (a copied sheet keeps its PivotTables'
        // names), so a temp report sheet may hold PivotTables named like those of the report it replaces.
        if (st.pivots.some((p) => p.sheet === this.t && p.name.toLowerCase() === name.toLowerCase()))
          throw fakeError("ItemAlreadyExists", `A PivotTable named ${name} exists on this sheet.`);
        if (st.refusePivots.has(name)) throw fakeError("InvalidOperation", `The PivotTable ${name} cannot be built.`);
        const anchor = typeof destination === "string" ? destination : rectAddress(destination.bound().rect);
        const p = { name, sheet: this.t, source: table, anchor, rows: [], columns: [], data: [] };
        st.pivots.push(p);
        return p;
      },
      size(name)
    );
  }
}

type PivotState = FakeWorkbookState["pivots"][number];

export class FakePivotProxy extends Proxy<PivotState> {
  constructor(ctx: FakeContext, resolve: () => PivotState | null, bytes = 0, immediate = false, knownName?: string) {
    super(ctx, resolve, bytes, immediate);
    if (knownName !== undefined) this.loaded = { name: knownName };
  }
  protected snapshot(props: string[] | null): Record<string, unknown> {
    return pick({ name: () => this.t.name }, props);
  }
  get name(): string {
    return this.read("name");
  }
  delete(): void {
    this.set(0, (p) => {
      const all = this.ctx.state.pivots;
      all.splice(all.indexOf(p), 1);
    });
  }
  get hierarchies(): { getItem: (field: string) => { field: string } } {
    return { getItem: (field: string) => ({ field }) };
  }
  private axis(which: "rows" | "columns") {
    return {
      add: (h: { field: string }) =>
        this.set(size(h.field), (p) => {
          if (!p.source.headers().includes(h.field)) throw fakeError("ItemNotFound", `No field ${h.field}`);
          p[which].push(h.field);
        }),
    };
  }
  get rowHierarchies(): { add: (h: { field: string }) => void } {
    return this.axis("rows");
  }
  get columnHierarchies(): { add: (h: { field: string }) => void } {
    return this.axis("columns");
  }
  get dataHierarchies(): { add: (h: { field: string }) => { summarizeBy: string; name: string } } {
    return {
      add: (h: { field: string }) => {
        const d = { field: h.field, name: `Sum of ${h.field}`, summarizeBy: "Sum" };
        this.set(size(h.field), (p) => {
          if (!p.source.headers().includes(h.field)) throw fakeError("ItemNotFound", `No field ${h.field}`);
          p.data.push(d);
        });
        const later = (f: () => void) => this.set(16, f);
        return {
          set summarizeBy(v: string) {
            later(() => (d.summarizeBy = v));
          },
          get summarizeBy(): string {
            return d.summarizeBy;
          },
          set name(v: string) {
            later(() => (d.name = v));
          },
          get name(): string {
            return d.name;
          },
        };
      },
    };
  }
}

class FakeChartCollection extends Proxy<FakeSheet> {
  protected snapshot(): Record<string, unknown> {
    return { items: this.ctx.state.charts.filter((c) => c.sheet === this.t) };
  }
  /** The sheet's charts (after `load("items/name")`), each a proxy with its name and delete(). */
  get items(): FakeChartProxy[] {
    return this.read<ChartState[]>("items").map((c) => new FakeChartProxy(this.ctx, () => c, 0, true, c.name));
  }
  add(type: string, source: FakeRangeProxy, _seriesBy?: string): FakeChartProxy {
    return new FakeChartProxy(
      this.ctx,
      () => {
        const ref = source.bound();
        const table = this.ctx.state.tables.find((t) => t.sheet === ref.sheet && t.rect.row === ref.rect.row);
        const series = table ? table.headers().slice(1) : [];
        const c = {
          name: `Chart ${this.ctx.state.charts.length + 1}`,
          sheet: this.t,
          type,
          source: ref.rect,
          title: "",
          series,
        };
        this.ctx.state.charts.push(c);
        return c;
      },
      size(type)
    );
  }
}

type ChartState = FakeWorkbookState["charts"][number];

export class FakeChartProxy extends Proxy<ChartState> {
  constructor(ctx: FakeContext, resolve: () => ChartState | null, bytes = 0, immediate = false, knownName?: string) {
    super(ctx, resolve, bytes, immediate);
    if (knownName !== undefined) this.loaded = { name: knownName };
  }
  protected snapshot(props: string[] | null): Record<string, unknown> {
    return pick({ name: () => this.t.name }, props);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set(size(v), (c) => {
      if (this.ctx.state.refuseCharts.has(v)) throw fakeError("InvalidOperation", `The chart ${v} cannot be made.`);
      c.name = v;
    });
  }
  delete(): void {
    this.set(0, (c) => {
      const all = this.ctx.state.charts;
      const i = all.indexOf(c);
      if (i >= 0) all.splice(i, 1);
    });
  }
  get title(): { text: string } {
    const set = (v: string) => this.set(size(v), (c) => (c.title = v));
    return {
      set text(v: string) {
        set(v);
      },
      get text(): string {
        throw new Error("Fake: title.text is write-only");
      },
    };
  }
  get series(): { getItemAt: (i: number) => { delete: () => void } } {
    return {
      getItemAt: (i: number) => ({ delete: () => this.set(4, (c) => c.series.splice(i, 1)) }),
    };
  }
  setPosition(_start: string, _end?: string): void {
    this.set(16, () => undefined);
  }
}

class FakeApplication extends Proxy<FakeWorkbookState> {
  protected snapshot(props: string[] | null): Record<string, unknown> {
    return pick({ calculationMode: () => this.t.calculationMode }, props);
  }
  get calculationMode(): string {
    return this.read("calculationMode");
  }
  set calculationMode(v: string) {
    this.set(8, (st) => (st.calculationMode = v));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.set(0, (st) => st.screenSuspensions++);
  }
  calculate(type: string): void {
    this.set(8, (st) => st.calculations.push(type));
  }
}

class FakeFunctionResult extends Proxy<{ value: number }> {
  protected snapshot(props: string[] | null): Record<string, unknown> {
    return pick({ value: () => this.t.value }, props);
  }
  get value(): number {
    return this.read("value");
  }
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  constructor(private ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx, () => ctx.state, 0, true);
    this.tables = new FakeTableCollection(ctx, () => ({ sheet: null }), 0, true);
    this.application = new FakeApplication(ctx, () => ctx.state, 0, true);
  }
  get functions(): { date: (y: number, m: number, d: number) => FakeFunctionResult } {
    return {
      date: (y, m, d) =>
        new FakeFunctionResult(this.ctx, () => ({
          value: toSerial(y, m, d) - (this.ctx.state.date1904 ? 1462 : 0),
        })),
    };
  }
}

export type { FakeTable };
