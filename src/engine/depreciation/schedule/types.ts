import type { Convention } from "../../schema/tables";

export type { Convention };

/** Methods a calendar schedule runs (UOP and custom percentages have their own schedules, see units.ts). */
export const SCHEDULE_METHODS = ["SL", "SYD", "DB", "DDB", "VDB", "150DB", "MACRS", "NONE"] as const;
export type ScheduleMethod = (typeof SCHEDULE_METHODS)[number];
export const CONVENTIONS: readonly Convention[] = ["FM", "MM", "HY", "MQ", "DAYS"];

/** Everything a calendar schedule needs. Dates are serials (1900 system); life in years. */
export interface ScheduleSpec {
  cost: number;
  /** Ignored by MACRS (which depreciates to 0). */
  salvage: number;
  /** Useful life in years; for MACRS the recovery period (3, 5, 7, 10, 15, 20, 27.5, 39). */
  life: number;
  inService: number;
  /** Last month of the fiscal year, 1-12 (12 = calendar year). */
  fyEndMonth: number;
  method: ScheduleMethod;
  /**
   * First-year (and disposal-year) convention: FM full month, MM mid-month, HY half-year, MQ mid-quarter, DAYS
   * actual days. MACRS uses HY (or MQ when given) for 3-20 years and mid-month for 27.5 and 39 years.
   */
  convention: Convention;
  /** Declining-balance factor for DDB and VDB (default 2); 150DB always uses 1.5. */
  factor?: number;
  /** Serial disposal date: depreciation runs to it (per the convention) and stops. */
  disposedOn?: number | null;
}

/** One fiscal year of a schedule, rounded to cents. */
export interface ScheduleRow {
  fiscalYear: number;
  depreciation: number;
  accumulated: number;
  bookValue: number;
}

/** One month of a schedule; `year`/`month` are the calendar month, `period` the fiscal period (1-12). */
export interface MonthRow extends ScheduleRow {
  year: number;
  month: number;
  period: number;
}

/** Accumulated depreciation and net book value at the end of a given day. */
export interface AsOfValues {
  accumulated: number;
  bookValue: number;
}
