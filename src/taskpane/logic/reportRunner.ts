/**
 * The bridge to the report runner (src/reports, built by another part of the project). Until it is part of the
 * build, `reportRunner` is null and the Reports page says so plainly rather than pretending.
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
}

export type ReportRunner = (
  port: WorkbookPort,
  request: ReportRunRequest,
  onProgress?: (p: Progress) => void
) => Promise<ReportRun>;

export const reportRunner: ReportRunner | null = null;
