/**
 * "Generate reports": reads the tables once, builds every sheet's model, writes each to a temp owned sheet,
 * adds its PivotTables and charts where the port can (else shows the static summaries), then swaps all the new
 * sheets in at once. On a failure part-way the sheets this run created are deleted and a ReportError says what went
 * wrong; the earlier reports and the source tables stay as they were. Works through any WorkbookPort.
 */
import { buildReports } from "../engine/reports/build";
import type { ReportInput, SheetBuilder, SheetModel } from "../engine/reports/model";
import type { ReportOptions, ReportRequest } from "../engine/reports/options";
import { SHEET_BUILDERS } from "../engine/reports/registry";
import { reportMessages as M } from "../engine/reports/messages";
import { tempSheetName, type Progress, type WorkbookPort } from "../port/types";
import { ReportError } from "./errors";
import { withReportLock } from "./lock";
import { readReportInput } from "./read";
import { tempTableName, toSheetSpec } from "./sheetSpec";

export interface GenerateResult {
  /** Final names of the sheets written, in workbook order. */
  sheets: string[];
  pivots: number;
  charts: number;
  /** Why PivotTables were replaced by static summaries (null when every PivotTable was added). */
  pivotFallback: string | null;
  /** Charts the host could not add, each "title: reason" (the figures are on the sheet all the same). */
  chartFailures: string[];
  /** Rows listed on the Issues sheet. */
  issues: number;
  options: ReportOptions;
}

export interface GenerateOptions extends ReportRequest {
  /** Sheet builders to run (default: the registry). */
  builders?: readonly SheetBuilder[];
  /** Tables already read through this port (readReportInput), so they are not read twice. */
  input?: ReportInput;
}

import { message } from "./errors";

/** Generates the report sheets in the workbook behind `port`. One run at a time (see lock.ts). */
export function generateReports(
  port: WorkbookPort,
  request: GenerateOptions = {},
  onProgress?: (p: Progress) => void
): Promise<GenerateResult> {
  return withReportLock(() => run(port, request, onProgress));
}

async function run(
  port: WorkbookPort,
  request: GenerateOptions,
  onProgress?: (p: Progress) => void
): Promise<GenerateResult> {
  const tell = (step: string, done: number, total: number) => {
    const p = { step, done, total };
    port.progress(p);
    onProgress?.(p);
  };

  // 1. Read every table once.
  const input = request.input ?? (await readReportInput(port, request, tell));

  // 2. Build the models (pure).
  tell("Computing reports", 0, 1);
  let sheets: SheetModel[];
  let issues = 0;
  try {
    const built = buildReports(input, request.builders ?? SHEET_BUILDERS);
    sheets = built.sheets;
    issues = sheets.find((s) => s.name === "Issues")?.tables[0]?.rows.length ?? 0;
  } catch (e) {
    throw new ReportError(`Reports were not generated: computing them failed. ${message(e)}`, e);
  }
  tell("Computing reports", 1, 1);

  // 3. Write temp sheets, pivots and charts; 4. swap them in at once.
  const created: string[] = [];
  let pivots = 0;
  let charts = 0;
  const chartFailures: string[] = [];
  let swapping = false;
  let fallbackReason: string | null = null;
  try {
    const ownedBefore = await port.ownedSheets();
    const stale = ownedBefore.filter((n) => n.endsWith("~new"));
    if (stale.length) await port.deleteSheets(stale); // left over from a run that was cut off
    const steps = sheets.length + 1;
    for (const [k, model] of sheets.entries()) {
      tell(`Writing ${model.name}`, k, steps);
      const temp = tempSheetName(model.name);
      const all = new Set(model.pivots.map((p) => p.name));
      const pivotsOff = fallbackReason !== null;
      await port.writeSheet(
        toSheetSpec(model, {
          sheetName: temp,
          fallbackFor: pivotsOff ? all : new Set(),
          notes: pivotsOff && all.size ? [M.noPivots(fallbackReason as string)] : [],
        })
      );
      created.push(temp);
      if (!pivotsOff && model.pivots.length) {
        let failed: string | null = null;
        let added = 0;
        for (const p of model.pivots) {
          const r = await port.addPivot({
            name: p.name,
            sheet: temp,
            sourceTable: tempTableName(p.table),
            rows: p.rows,
            columns: p.columns,
            values: p.values,
            title: p.title,
          });
          if (!r.ok) {
            failed = r.reason;
            break;
          }
          added++;
        }
        if (failed !== null) {
          // Rewrite the sheet with the static stand-ins (which also removes any PivotTable added before).
          fallbackReason = failed;
          await port.writeSheet(toSheetSpec(model, { sheetName: temp, fallbackFor: all, notes: [M.noPivots(failed)] }));
        } else pivots += added;
      }
      for (const c of model.charts) {
        const r = await port.addChart({
          name: c.name,
          sheet: temp,
          sourceTable: tempTableName(c.table),
          series: c.series,
          type: c.type,
          title: c.title,
        });
        if (r.ok) charts++;
        else chartFailures.push(`${c.title}: ${r.reason}`);
      }
    }
    tell("Replacing the report sheets", sheets.length, steps);
    swapping = true;
    await port.swapSheets(sheets.map((s) => ({ temp: tempSheetName(s.name), final: s.name })));
    created.length = 0; // swapped: they are the reports now
    const produced = new Set(sheets.map((s) => s.name.toLowerCase()));
    const known = (request.builders ?? SHEET_BUILDERS).map((b) => b.sheet);
    // The owned sheets seen before the run, less the ones just replaced (one host round trip fewer).
    const gone = ownedBefore.filter(
      (o) => known.some((k) => k.toLowerCase() === o.toLowerCase()) && !produced.has(o.toLowerCase())
    );
    if (gone.length) await port.deleteSheets(gone); // a report with nothing to show any more
    if (sheets.length) await port.activateSheet(sheets[0].name);
    tell("Done", steps, steps);
  } catch (e) {
    if (created.length) await port.deleteSheets(created).catch(() => undefined);
    // Once the swap has begun the port's own message says which reports to run again; before it, nothing of the
    // earlier reports changed.
    const kept = swapping
      ? "Your tables were left as they were."
      : "The earlier report sheets and your tables were left as they were.";
    throw new ReportError(`Reports were not generated: ${message(e)} ${kept}`, e);
  }
  return {
    sheets: sheets.map((s) => s.name),
    pivots,
    charts,
    pivotFallback: fallbackReason,
    chartFailures,
    issues,
    options: input.options,
  };
}
