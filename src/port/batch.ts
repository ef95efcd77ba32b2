/**
 * The batch forms of the port's calls (WorkbookPort's optional methods), for every port: a port that implements
 * one answers it in fewer host round trips (Office.js: a sync per batch instead of per sheet); for any other the
 * single calls are made in order, with the same results and the same all-or-none rules.
 */
import {
  TEMP_SHEET_SUFFIX,
  type AddResult,
  type ChartSpec,
  type FinishJob,
  type PivotSpec,
  type SheetSpec,
  type TableData,
  type WorkbookOverview,
  type WorkbookPort,
  type WriteSheetsOptions,
  sameName,
} from "./types";

/** Workbook facts, settings and tables. */
export async function overview(port: WorkbookPort): Promise<WorkbookOverview> {
  if (port.overview) return port.overview();
  const settings = await port.readSettings();
  const info = await port.info();
  const tables = await port.listTables();
  return { info, settings, tables };
}

/** Several tables read whole, in the order named. */
export async function readTables(
  port: WorkbookPort,
  names: string[],
  onTable?: (index: number) => void
): Promise<TableData[]> {
  if (names.length === 0) return [];
  if (port.readTables) return port.readTables(names, onTable);
  const out: TableData[] = [];
  for (const [i, n] of names.entries()) {
    onTable?.(i);
    out.push(await port.readTable(n));
  }
  return out;
}

/** Owned temp sheets left over from a run that was cut off (not among `keep`). */
export function leftovers(owned: readonly string[], keep: readonly string[]): string[] {
  return owned.filter((n) => n.endsWith(TEMP_SHEET_SUFFIX) && !keep.some((k) => sameName(k, n)));
}

/**
 * Several owned sheets written, all or none: on a failure part-way, the sheets written by this call are deleted
 * again and the error is passed on.
 */
export async function writeSheets(
  port: WorkbookPort,
  specs: SheetSpec[],
  opts: WriteSheetsOptions = {}
): Promise<void> {
  if (port.writeSheets) return port.writeSheets(specs, opts);
  if (opts.dropLeftovers) {
    const stale = leftovers(
      await port.ownedSheets(),
      specs.map((s) => s.name)
    );
    if (stale.length) await port.deleteSheets(stale);
  }
  const written: string[] = [];
  try {
    for (const [i, spec] of specs.entries()) {
      opts.onSheet?.(i);
      await port.writeSheet(spec);
      written.push(spec.name);
    }
  } catch (e) {
    if (written.length) await port.deleteSheets(written).catch(() => undefined);
    throw e;
  }
}

/** PivotTables added, each answered ok or with the reason it could not be. */
export async function addPivots(port: WorkbookPort, specs: PivotSpec[]): Promise<AddResult[]> {
  if (specs.length === 0) return [];
  if (port.addPivots) return port.addPivots(specs);
  const out: AddResult[] = [];
  for (const s of specs) out.push(await port.addPivot(s));
  return out;
}

/** Charts added, each answered ok or with the reason it could not be. */
export async function addCharts(port: WorkbookPort, specs: ChartSpec[]): Promise<AddResult[]> {
  if (specs.length === 0) return [];
  if (port.addCharts) return port.addCharts(specs);
  const out: AddResult[] = [];
  for (const s of specs) out.push(await port.addChart(s));
  return out;
}

/** The temp sheets swapped in, sheets no longer wanted deleted, one shown. */
export async function finishSheets(port: WorkbookPort, job: FinishJob): Promise<void> {
  if (port.finishSheets) return port.finishSheets(job);
  if (job.pairs.length) await port.swapSheets(job.pairs);
  if (job.drop?.length) await port.deleteSheets(job.drop);
  if (job.activate) await port.activateSheet(job.activate);
}
