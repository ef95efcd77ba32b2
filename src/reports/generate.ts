/**
 * "Generate reports": reads the tables once, builds every sheet's model, writes each to a temp owned sheet,
 * adds its PivotTables and charts where the port can (else shows the static summaries), then swaps all the new
 * sheets in at once. Ports with the batch forms (src/port/batch.ts) do each step for all sheets at once, so the
 * Office.js path makes about ten syncs besides its read and write chunks (bench/office.bench.ts). On a failure
 * part-way the sheets this run created are deleted and a ReportError says what went wrong; the earlier reports and
 * the source tables stay as they were. Works through any WorkbookPort.
 */
import { buildReports } from "../engine/reports/build";
import type { ReportInput, SheetBuilder, SheetModel } from "../engine/reports/model";
import type { ReportOptions, ReportRequest } from "../engine/reports/options";
import { SHEET_BUILDERS } from "../engine/reports/registry";
import { finishSheets } from "../port/batch";
import { tempSheetName, type Progress, type WorkbookPort } from "../port/types";
import { ReportError } from "./errors";
import { withReportLock } from "./lock";
import { readReportInput } from "./read";
import { writeReportSheets, type Written } from "./writeReports";

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

  // 3. Write the temp sheets, their PivotTables and charts (writeReports.ts); 4. swap them in at once.
  const created: string[] = [];
  let written: Written = { pivots: 0, charts: 0, chartFailures: [], fallbackReason: null };
  let swapping = false;
  try {
    const steps = sheets.length + 1;
    const temps = sheets.map((m) => tempSheetName(m.name));
    written = await writeReportSheets(port, sheets, temps, tell, created);

    tell("Replacing the report sheets", sheets.length, steps);
    swapping = true;
    const produced = new Set(sheets.map((s) => s.name.toLowerCase()));
    // Earlier reports with nothing to show any more (the port ignores names it does not own).
    const gone = (request.builders ?? SHEET_BUILDERS).map((b) => b.sheet).filter((n) => !produced.has(n.toLowerCase()));
    await finishSheets(port, {
      pairs: sheets.map((s, k) => ({ temp: temps[k], final: s.name })),
      drop: gone,
      activate: sheets[0]?.name,
    });
    created.length = 0; // swapped: they are the reports now
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
    pivots: written.pivots,
    charts: written.charts,
    pivotFallback: written.fallbackReason,
    chartFailures: written.chartFailures,
    issues,
    options: input.options,
  };
}
