/**
 * What the Reports page needs from the report runner (src/reports): run with a period and method, hear progress,
 * get the sheets written. The session (workbook.ts) supplies the runner for its host; tests pass their own.
 */
import type { ValuationMethod } from "../../engine/settings";
import type { Progress, WorkbookPort } from "../../port/types";

export interface ReportRunRequest {
  from: number;
  to: number;
  /** One method for every item; null: each item's own (Items.Method, else Settings). */
  valuationMethod: ValuationMethod | null;
  allowNegativeStock: boolean;
}

export interface ReportRun {
  /** Final names of the sheets written, in workbook order. */
  sheets: string[];
  /** Rows on the Issues sheet. */
  issues: number;
  /** Why PivotTables were replaced by static summaries, if they were. */
  pivotFallback: string | null;
  /** Charts Excel could not add. */
  chartFailures?: string[];
}

export type ReportRunner = (
  port: WorkbookPort,
  request: ReportRunRequest,
  onProgress?: (p: Progress) => void
) => Promise<ReportRun>;
