/**
 * Writing a run's report sheets under their temp names, with their PivotTables and charts. A port with the batch
 * forms (and pivotSupport) gets every sheet in one batch, every PivotTable in one, every chart in one (Office.js:
 * a sync each instead of several per sheet). Any other port (ExcelJS) goes sheet by sheet, so a host without
 * PivotTables learns it at the first sheet and writes the rest with their static summaries at once, each sheet
 * once. Either way: the sheets before the first refused PivotTable keep theirs; that sheet and every later one
 * with PivotTables show the static stand-ins with a note saying why.
 */
import type { PivotModel, SheetModel } from "../engine/reports/model";
import { reportMessages as M } from "../engine/reports/messages";
import { addCharts, addPivots, leftovers, writeSheets } from "../port/batch";
import type { ChartSpec, PivotSpec, WorkbookPort } from "../port/types";
import { pivotWidth } from "./pivotWidth";
import { tempTableName, toSheetSpec } from "./sheetSpec";

export interface Written {
  pivots: number;
  charts: number;
  chartFailures: string[];
  /** Why PivotTables were replaced by static summaries (null when every PivotTable was added). */
  fallbackReason: string | null;
}

type Tell = (step: string, done: number, total: number) => void;

/** A model's PivotTable as the port adds it on the temp sheet, reading the temp fact table. */
function pivotSpec(m: SheetModel, p: PivotModel, sheet: string): PivotSpec {
  return {
    name: p.name,
    sheet,
    sourceTable: tempTableName(p.table),
    rows: p.rows,
    columns: p.columns,
    values: p.values,
    title: p.title,
    width: pivotWidth(
      p,
      m.tables.find((t) => t.name === p.table)
    ),
  };
}

const chartSpecs = (m: SheetModel, sheet: string): ChartSpec[] =>
  m.charts.map((c) => ({
    name: c.name,
    sheet,
    sourceTable: tempTableName(c.table),
    series: c.series,
    type: c.type,
    title: c.title,
  }));

const pivotNames = (m: SheetModel) => new Set(m.pivots.map((p) => p.name));

/** The sheet's spec: with its PivotTables' stand-ins and the note when `off` gives the reason they are missing. */
const specOf = (m: SheetModel, sheet: string, off: string | null) =>
  toSheetSpec(m, {
    sheetName: sheet,
    fallbackFor: off !== null ? pivotNames(m) : new Set(),
    notes: off !== null && m.pivots.length ? [M.noPivots(off)] : [],
  });

/**
 * Writes every model to its temp sheet (`temps[k]`), pushing each temp name on `created` once it is written (the
 * caller deletes those after a later failure). Throws what the port throws.
 */
export function writeReportSheets(
  port: WorkbookPort,
  sheets: SheetModel[],
  temps: string[],
  tell: Tell,
  created: string[]
): Promise<Written> {
  return port.writeSheets && port.addPivots && port.pivotSupport
    ? batched(port, sheets, temps, tell, created)
    : sheetBySheet(port, sheets, temps, tell, created);
}

async function batched(
  port: WorkbookPort,
  sheets: SheetModel[],
  temps: string[],
  tell: Tell,
  created: string[]
): Promise<Written> {
  const steps = sheets.length + 1;
  const support = port.pivotSupport?.() ?? { ok: true };
  let fallbackReason = support.ok ? null : support.reason;
  await writeSheets(
    port,
    sheets.map((m, k) => specOf(m, temps[k], fallbackReason)),
    { dropLeftovers: true, onSheet: (k) => tell(`Writing ${sheets[k].name}`, k, steps) }
  );
  created.push(...temps);

  let pivots = 0;
  const wanted = fallbackReason !== null ? [] : sheets.flatMap((m, k) => m.pivots.map((p) => ({ k, p, m })));
  if (wanted.length) tell("Adding PivotTables", sheets.length, steps);
  const results = await addPivots(
    port,
    wanted.map(({ k, p, m }) => pivotSpec(m, p, temps[k]))
  );
  const first = results.findIndex((r) => !r.ok);
  if (first < 0) pivots = results.length;
  else {
    const reason = (results[first] as { ok: false; reason: string }).reason;
    const from = wanted[first].k;
    fallbackReason = reason;
    pivots = wanted.filter((x) => x.k < from).length;
    // Rewriting a sheet also removes the PivotTables added to it.
    const redo = sheets.map((m, k) => ({ m, k })).filter(({ m, k }) => k >= from && m.pivots.length > 0);
    await writeSheets(
      port,
      redo.map(({ m, k }) => specOf(m, temps[k], reason))
    );
  }

  const charts = sheets.flatMap((m, k) => chartSpecs(m, temps[k]));
  if (charts.length) tell("Adding charts", sheets.length, steps);
  const added = await addCharts(port, charts);
  return {
    pivots,
    charts: added.filter((r) => r.ok).length,
    chartFailures: added.flatMap((r, i) => (r.ok ? [] : [`${charts[i].title}: ${r.reason}`])),
    fallbackReason,
  };
}

async function sheetBySheet(
  port: WorkbookPort,
  sheets: SheetModel[],
  temps: string[],
  tell: Tell,
  created: string[]
): Promise<Written> {
  // A port that can say up front that it has no PivotTables gets each sheet written once, with its stand-ins.
  const support = port.pivotSupport?.() ?? { ok: true };
  const out: Written = { pivots: 0, charts: 0, chartFailures: [], fallbackReason: support.ok ? null : support.reason };
  const stale = leftovers(await port.ownedSheets(), temps);
  if (stale.length) await port.deleteSheets(stale); // left over from a run that was cut off
  const steps = sheets.length + 1;
  for (const [k, m] of sheets.entries()) {
    tell(`Writing ${m.name}`, k, steps);
    await port.writeSheet(specOf(m, temps[k], out.fallbackReason));
    created.push(temps[k]);
    if (out.fallbackReason === null && m.pivots.length) {
      let added = 0;
      for (const p of m.pivots) {
        const r = await port.addPivot(pivotSpec(m, p, temps[k]));
        if (!r.ok) {
          out.fallbackReason = r.reason;
          break;
        }
        added++;
      }
      // Rewrite the sheet with the static stand-ins (which also removes any PivotTable added before).
      if (out.fallbackReason !== null) await port.writeSheet(specOf(m, temps[k], out.fallbackReason));
      else out.pivots += added;
    }
    for (const c of chartSpecs(m, temps[k])) {
      const r = await port.addChart(c);
      if (r.ok) out.charts++;
      else out.chartFailures.push(`${c.title}: ${r.reason}`);
    }
  }
  return out;
}
