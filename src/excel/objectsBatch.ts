/**
 * PivotTables and charts added many to a request (WorkbookPort.addPivots / addCharts): one sync reads where each
 * sheet's free columns start and the source tables' headers, one adds them all. Excel has no rollback, so when it
 * refuses that request, what it made before stopping is removed and each is added on its own at the same place, to
 * answer which ones the host cannot make (those then leave nothing on the sheet).
 */
import { PortError, type AddResult, type ChartSpec, type PivotSpec } from "../port/types";
import { cellAddress } from "./a1";
import { loadHostState, sheetNamed, tableNamed } from "./hostState";
import { TEXT_FORMAT } from "./numberFormats";
import { mustWriteAsText } from "./textEscape";

/** Columns kept for a PivotTable whose spec does not estimate its width. */
export const DEFAULT_PIVOT_WIDTH = 12;

const lower = (s: string) => s.toLowerCase();
const unique = (xs: string[]) => [...new Map(xs.map((x) => [lower(x), x])).values()];
const notFound = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === "ItemNotFound";
const why = (action: string, e: unknown) =>
  e instanceof PortError ? e.message : `Excel could not ${action}: ${e instanceof Error ? e.message : String(e)}`;

interface Prepared {
  sheets: Map<string, Excel.Worksheet>;
  /** First free column right of each sheet's used range. */
  freeCol: Map<string, number>;
  headers: Map<string, string[]>;
  charts: Map<string, Excel.ChartCollection>;
}

/** One sync: each sheet's used range (and charts), each source table's header. Names a missing sheet or table. */
async function prepare(
  ctx: Excel.RequestContext,
  sheetNames: string[],
  sources: string[],
  withCharts: boolean
): Promise<Prepared> {
  const sheets = new Map(sheetNames.map((n) => [lower(n), ctx.workbook.worksheets.getItem(n)]));
  const used = new Map([...sheets].map(([k, s]) => [k, s.getUsedRange().load("columnIndex,columnCount")]));
  const charts = new Map(withCharts ? [...sheets].map(([k, s]) => [k, s.charts.load("items/name")]) : []);
  const heads = new Map(
    sources.map((n) => [lower(n), ctx.workbook.tables.getItem(n).getHeaderRowRange().load("values")])
  );
  try {
    await ctx.sync();
  } catch (e) {
    if (!notFound(e)) throw e;
    const st = await loadHostState(ctx, false);
    for (const n of sheetNames) if (!sheetNamed(st, n)) throw new PortError(`The workbook has no sheet named ${n}.`);
    for (const n of sources) if (!tableNamed(st, n)) throw new PortError(`The workbook has no table named ${n}.`);
    throw e;
  }
  return {
    sheets,
    freeCol: new Map([...used].map(([k, u]) => [k, u.columnIndex + u.columnCount + 1])),
    headers: new Map([...heads].map(([k, h]) => [k, h.values[0].map((v) => String(v))])),
    charts,
  };
}

// PivotTables

/**
 * Queues one PivotTable (and its bold title two rows above it) at column `col` of `sheet`; nothing is synced. The
 * source is the spec's table unless the caller has it already. Used by addPivotsBatch and by the port's addPivot.
 */
export function queuePivot(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  spec: PivotSpec,
  col: number,
  source: Excel.Table = ctx.workbook.tables.getItem(spec.sourceTable)
): void {
  let row = 0;
  if (spec.title) {
    const t = sheet.getRange(cellAddress(0, col));
    if (mustWriteAsText(spec.title)) t.numberFormat = [[TEXT_FORMAT]];
    t.values = [[spec.title]];
    t.format.font.bold = true;
    row = 2;
  }
  const pt = sheet.pivotTables.add(spec.name, source, sheet.getRange(cellAddress(row, col)));
  for (const f of spec.rows) pt.rowHierarchies.add(pt.hierarchies.getItem(f));
  for (const f of spec.columns ?? []) pt.columnHierarchies.add(pt.hierarchies.getItem(f));
  for (const v of spec.values) {
    const dh = pt.dataHierarchies.add(pt.hierarchies.getItem(v.field));
    dh.summarizeBy = v.summarizeBy as Excel.AggregationFunction;
    if (v.caption) dh.name = v.caption;
  }
}

/** Deletes what a refused request left of these PivotTables: the PivotTables by name and their title cells. */
async function removePivots(ctx: Excel.RequestContext, p: Prepared, specs: PivotSpec[], cols: number[]) {
  const names = new Set(specs.map((s) => lower(s.name)));
  const lists = [...new Set(specs.map((s) => lower(s.sheet)))].map((k) =>
    (p.sheets.get(k) as Excel.Worksheet).pivotTables.load("items/name")
  );
  await ctx.sync();
  for (const l of lists) for (const pt of l.items) if (names.has(lower(pt.name))) pt.delete();
  specs.forEach((s, i) => {
    if (s.title) (p.sheets.get(lower(s.sheet)) as Excel.Worksheet).getRange(cellAddress(0, cols[i])).clear();
  });
  await ctx.sync();
}

export async function addPivotsBatch(ctx: Excel.RequestContext, specs: PivotSpec[]): Promise<AddResult[]> {
  const p = await prepare(ctx, unique(specs.map((s) => s.sheet)), unique(specs.map((s) => s.sourceTable)), false);
  for (const s of specs) {
    const header = p.headers.get(lower(s.sourceTable)) as string[];
    for (const f of [...s.rows, ...(s.columns ?? []), ...s.values.map((v) => v.field)])
      if (!header.includes(f)) throw new PortError(`Table ${s.sourceTable} has no column ${f}.`);
  }
  // Side by side from each sheet's first free column, each as wide as its estimate and one blank column apart.
  const cols = specs.map((s) => {
    const k = lower(s.sheet);
    const col = p.freeCol.get(k) as number;
    p.freeCol.set(k, col + Math.max(1, s.width ?? DEFAULT_PIVOT_WIDTH) + 1);
    return col;
  });
  specs.forEach((s, i) => queuePivot(ctx, p.sheets.get(lower(s.sheet)) as Excel.Worksheet, s, cols[i]));
  try {
    await ctx.sync();
    return specs.map(() => ({ ok: true }));
  } catch (e) {
    try {
      await removePivots(ctx, p, specs, cols);
    } catch {
      // Not knowing what is on the sheets, answer that none was added: the caller shows the static summaries.
      return specs.map(() => ({ ok: false, reason: why("add the PivotTables", e) }));
    }
  }
  const out: AddResult[] = [];
  for (const [i, s] of specs.entries()) {
    queuePivot(ctx, p.sheets.get(lower(s.sheet)) as Excel.Worksheet, s, cols[i]);
    try {
      await ctx.sync();
      out.push({ ok: true });
    } catch (e) {
      out.push({ ok: false, reason: why(`add the PivotTable ${s.name}`, e) });
      await removePivots(ctx, p, [s], [cols[i]]).catch(() => undefined);
    }
  }
  return out;
}

// Charts

export interface ChartPlan {
  spec: ChartSpec;
  /** Indexes (0-based, among the source table's columns after the first) of series to delete. */
  unwanted: number[];
}

function queueChart(ctx: Excel.RequestContext, sheet: Excel.Worksheet, c: ChartPlan, col: number): void {
  const source = ctx.workbook.tables.getItem(c.spec.sourceTable).getRange();
  const chart = sheet.charts.add(c.spec.type === "line" ? "Line" : "ColumnClustered", source, "Columns");
  for (const i of [...c.unwanted].reverse()) chart.series.getItemAt(i).delete();
  chart.name = c.spec.name;
  chart.title.text = c.spec.title;
  chart.setPosition(cellAddress(1, col));
}

/** Deletes every chart of these sheets that was not there before (BUG-H10: a refused request leaves "Chart 1"). */
async function dropNewCharts(ctx: Excel.RequestContext, p: Prepared, sheetKeys: string[]): Promise<void> {
  const now = sheetKeys.map((k) => ({ k, list: (p.sheets.get(k) as Excel.Worksheet).charts.load("items/name") }));
  await ctx.sync();
  let n = 0;
  for (const { k, list } of now) {
    const had = new Set((p.charts.get(k) as Excel.ChartCollection).items.map((c) => c.name));
    for (const c of list.items)
      if (!had.has(c.name)) {
        c.delete();
        n++;
      }
  }
  if (n > 0) await ctx.sync();
}

export async function addChartsBatch(
  ctx: Excel.RequestContext,
  specs: ChartSpec[],
  canDeleteSeries: boolean,
  unsupported: string
): Promise<AddResult[]> {
  const p = await prepare(ctx, unique(specs.map((s) => s.sheet)), unique(specs.map((s) => s.sourceTable)), true);
  const out: (AddResult | null)[] = [];
  const plans: (ChartPlan | null)[] = specs.map((s) => {
    const header = p.headers.get(lower(s.sourceTable)) as string[];
    for (const x of s.series)
      if (!header.includes(x)) throw new PortError(`Table ${s.sourceTable} has no column ${x}.`);
    const unwanted = header.map((h, i) => (i > 0 && !s.series.includes(h) ? i - 1 : -1)).filter((i) => i >= 0);
    if (unwanted.length > 0 && !canDeleteSeries) {
      out.push({ ok: false, reason: unsupported });
      return null;
    }
    out.push(null);
    return { spec: s, unwanted };
  });
  const colOf = (s: ChartSpec) => p.freeCol.get(lower(s.sheet)) as number;
  const sheetOf = (s: ChartSpec) => p.sheets.get(lower(s.sheet)) as Excel.Worksheet;
  const todo = plans.map((c, i) => ({ c, i })).filter((x): x is { c: ChartPlan; i: number } => x.c !== null);
  for (const { c } of todo) queueChart(ctx, sheetOf(c.spec), c, colOf(c.spec));
  try {
    await ctx.sync();
    for (const { i } of todo) out[i] = { ok: true };
    return out as AddResult[];
  } catch (e) {
    try {
      await dropNewCharts(ctx, p, [...new Set(todo.map(({ c }) => lower(c.spec.sheet)))]);
    } catch {
      for (const { i } of todo) out[i] = { ok: false, reason: why("add the charts", e) };
      return out as AddResult[];
    }
  }
  for (const { c, i } of todo) {
    queueChart(ctx, sheetOf(c.spec), c, colOf(c.spec));
    try {
      await ctx.sync();
      out[i] = { ok: true };
    } catch (e) {
      out[i] = { ok: false, reason: why(`add the chart ${c.spec.name}`, e) };
      await dropNewCharts(ctx, p, [lower(c.spec.sheet)]).catch(() => undefined);
    }
  }
  return out as AddResult[];
}
