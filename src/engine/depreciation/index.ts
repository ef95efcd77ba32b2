/**
 * Depreciation engine (issue 3). Pure: numbers and serial dates in, numbers / rows / EngineError out.
 *
 * Excel-compatible primitives, Excel's argument order, Excel's results and errors:
 *   sln(cost, salvage, life), syd(cost, salvage, life, per), db(cost, salvage, life, period, month = 12),
 *   ddb(cost, salvage, life, period, factor = 2), vdb(cost, salvage, life, start, end, factor = 2, noSwitch = false),
 *   amorlinc(cost, datePurchased, firstPeriod, salvage, period, rate, basis = 0), amordegrc(same).
 */
export { sln } from "./excel/sln";
export { syd } from "./excel/syd";
export { db } from "./excel/db";
export { ddb } from "./excel/ddb";
export { vdb } from "./excel/vdb";
export { amorlinc, amordegrc } from "./excel/amor";
export { yearFrac, type Basis } from "./excel/yearfrac";

/** MACRS (IRS Pub 946 Tables A-1 to A-7a as published) and the 40% mid-quarter test. */
export { macrs, macrsRate, macrsColumn, type MacrsConvention } from "./macrs/rate";
export { midQuarterTest, midQuarterTestForAssets, type Addition, type MidQuarterResult } from "./macrs/midQuarter";

/** Units of production and user-defined percentage schedules (rounded to cents, summing to cost − salvage). */
export { unitsDepr, unitsSchedule, percentSchedule, type PeriodAmount } from "./units";
export { cents } from "./schedule/cents";

/**
 * Calendar schedules. A schedule is built once into a plan (exact and cent-rounded depreciation per fiscal year,
 * the months each year accrues in); yearly rows, monthly rows, values as of a date and spans all come from it, so
 * they agree with one another to the cent. SL, SYD, VDB, 150DB and MACRS (to 0) sum to cost − salvage exactly, the
 * last year absorbing rounding; Excel's DB and DDB are not forced to salvage.
 *
 * For the reports (issue: reports) — per asset, from the typed AssetRow of the Assets table:
 *
 *   assetExpense(asset: AssetRow, period: { fiscalYear: number } | { from: number; to: number },
 *                opts: { fyEndMonth: number; side?: "book" | "tax" }): number | EngineError
 *     Depreciation expense in fiscal year `fiscalYear` (named by the calendar year it ends in) or over the days
 *     from..to inclusive (serials), rounded to cents. Summing the fiscal years gives the schedule's total.
 *   assetSchedule(asset, opts): AssetSchedule | EngineError
 *     { assetId, side, spec, years: {fiscalYear, depreciation, accumulated, bookValue}[],
 *       disposal: {disposedOn, proceeds, netBookValue, gainLoss} | null }
 *   assetMonthlySchedule(asset, opts): MonthRow[] | EngineError
 *   assetValuesAsOf(asset, asOf: number, opts): { accumulated, bookValue } | EngineError
 *   bookAndTax(asset, fyEndMonth): { book, tax }   (Method/LifeYears/Convention vs TaxMethod/TaxLifeYears/TaxConvention)
 *
 * Errors carry table "Assets", the sheet row and the column to fix.
 */
export {
  assetExpense,
  assetSchedule,
  assetMonthlySchedule,
  assetValuesAsOf,
  assetSpec,
  bookAndTax,
  type AssetSchedule,
  type AssetScheduleOptions,
  type Disposal,
  type Side,
} from "./schedule/asset";
export { buildPlan, checkSpec, type Plan } from "./schedule/plan";
export { yearRows, monthRows, monthAmounts, accumulatedAt, valuesAt, depreciationBetween } from "./schedule/rows";
export {
  SCHEDULE_METHODS,
  CONVENTIONS,
  type ScheduleMethod,
  type ScheduleSpec,
  type ScheduleRow,
  type MonthRow,
  type AsOfValues,
  type Convention,
} from "./schedule/types";

/** Year-by-year rows of a spec (convenience over buildPlan + yearRows). */
export { scheduleYears, scheduleMonths, valuesAsOf } from "./schedule/spec";

/** One period or a span by method name (the DEPRECIATE and DEPRBETWEEN functions). */
export {
  depreciatePeriod,
  depreciateBetween,
  parseMethod,
  PERIOD_FUNCTIONS,
  PERIOD_METHODS,
  SPAN_METHODS,
  type PeriodFn,
  type PeriodMethod,
  type SpanMethod,
} from "./methods";
