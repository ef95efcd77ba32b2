import { valueError, type EngineError } from "../../errors";
import { deprMessages as m } from "../../messages/depreciation";
import type { AssetRow } from "../../schema/rows";
import * as _cents from "./cents";
import type { Plan } from "./plan";
import * as _plan from "./plan";
import * as _rows from "./rows";
import { SCHEDULE_METHODS, type MonthRow, type ScheduleMethod, type ScheduleRow, type ScheduleSpec } from "./types";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { cents } = _cents;
const { buildPlan } = _plan;
const { depreciationBetween, monthRows, valuesAt, yearRows } = _rows;

/** Which books: the financial statements (Method/LifeYears/Convention) or tax (TaxMethod/TaxLifeYears/TaxConvention). */
export type Side = "book" | "tax";

export interface AssetScheduleOptions {
  /** Last month of the fiscal year, 1-12 (Settings.fiscalYearEndMonth). */
  fyEndMonth: number;
  /** Default "book". */
  side?: Side;
}

export interface Disposal {
  disposedOn: number;
  proceeds: number;
  /** Net book value at disposal, after the disposal year's depreciation. */
  netBookValue: number;
  /** proceeds − net book value: positive is a gain, negative a loss. */
  gainLoss: number;
}

export interface AssetSchedule {
  assetId: string;
  side: Side;
  spec: ScheduleSpec;
  years: ScheduleRow[];
  disposal: Disposal | null;
}

const where = (a: AssetRow, column: string) => ({ table: "Assets", row: a.row, column });

/**
 * The schedule spec of an asset for one side. Book: Method (default SL), LifeYears, Convention (default FM),
 * Salvage (default 0). Tax: TaxMethod, TaxLifeYears, TaxConvention, each falling back to the book column when
 * blank; tax depreciation ignores salvage (IRC §168(b)(4)). MACRS uses HY unless the convention is MQ.
 */
export function assetSpec(a: AssetRow, side: Side, fyEndMonth: number): ScheduleSpec | EngineError {
  const tax = side === "tax";
  const methodText = ((tax ? (a.TaxMethod ?? a.Method) : a.Method) ?? "SL").toUpperCase();
  const methodColumn = tax && a.TaxMethod ? "TaxMethod" : "Method";
  if (methodText === "UOP") return valueError(m.uopNeedsUnits(), where(a, methodColumn));
  if (!(SCHEDULE_METHODS as readonly string[]).includes(methodText)) {
    return valueError(m.unknownMethod(methodText, SCHEDULE_METHODS), where(a, methodColumn));
  }
  const method = methodText as ScheduleMethod;
  const life = tax ? (a.TaxLifeYears ?? a.LifeYears) : a.LifeYears;
  if (!(life > 0))
    return valueError(m.badLife(tax && a.TaxLifeYears != null ? "TaxLifeYears" : "LifeYears"), where(a, "LifeYears"));
  const convention = (tax ? (a.TaxConvention ?? a.Convention) : a.Convention) ?? (method === "MACRS" ? "HY" : "FM");
  const inService = a.InServiceOn ?? a.AcquiredOn;
  const salvage = tax ? 0 : (a.Salvage ?? 0);
  if (!(salvage <= a.Cost)) return valueError(m.badSalvage(), where(a, "Salvage"));
  if (a.DisposedOn != null && a.DisposedOn < inService)
    return valueError(m.disposedBeforeService(), where(a, "DisposedOn"));
  return { cost: a.Cost, salvage, life, inService, fyEndMonth, method, convention, disposedOn: a.DisposedOn };
}

function planFor(a: AssetRow, opts: AssetScheduleOptions): { spec: ScheduleSpec; plan: Plan } | EngineError {
  const spec = assetSpec(a, opts.side ?? "book", opts.fyEndMonth);
  if ("code" in spec) return spec;
  const plan = buildPlan(spec);
  if ("code" in plan) return { ...plan, table: "Assets", row: a.row };
  return { spec, plan };
}

/** Full year-by-year schedule of an asset, with the gain or loss when it was disposed of. */
export function assetSchedule(a: AssetRow, opts: AssetScheduleOptions): AssetSchedule | EngineError {
  const r = planFor(a, opts);
  if ("code" in r) return r;
  const years = yearRows(r.plan);
  let disposal: Disposal | null = null;
  if (a.DisposedOn != null) {
    const nbv = valuesAt(r.plan, a.DisposedOn).bookValue;
    const proceeds = a.DisposalProceeds ?? 0;
    disposal = { disposedOn: a.DisposedOn, proceeds, netBookValue: nbv, gainLoss: cents(proceeds - nbv) };
  }
  return { assetId: a.AssetID, side: opts.side ?? "book", spec: r.spec, years, disposal };
}

/** Month-by-month schedule of an asset. */
export function assetMonthlySchedule(a: AssetRow, opts: AssetScheduleOptions): MonthRow[] | EngineError {
  const r = planFor(a, opts);
  return "code" in r ? r : monthRows(r.plan);
}

/** Book and tax schedules side by side. */
export function bookAndTax(
  a: AssetRow,
  fyEndMonth: number
): { book: AssetSchedule | EngineError; tax: AssetSchedule | EngineError } {
  return { book: assetSchedule(a, { fyEndMonth, side: "book" }), tax: assetSchedule(a, { fyEndMonth, side: "tax" }) };
}

/**
 * Depreciation expense of an asset for fiscal year `fiscalYear` (named by the calendar year it ends in), or for
 * the days `from`..`to` inclusive (serials). Rounded to cents; summing over all years gives the schedule total.
 */
export function assetExpense(
  a: AssetRow,
  period: { fiscalYear: number } | { from: number; to: number },
  opts: AssetScheduleOptions
): number | EngineError {
  const r = planFor(a, opts);
  if ("code" in r) return r;
  if ("fiscalYear" in period) {
    const k = period.fiscalYear - r.plan.firstFiscalYear;
    return k >= 0 && k < r.plan.rounded.length ? r.plan.rounded[k] : 0;
  }
  if (period.from > period.to) return valueError(m.spanOrderDates());
  return depreciationBetween(r.plan, period.from, period.to);
}

/** Accumulated depreciation and net book value of an asset at the end of day `asOf`. */
export function assetValuesAsOf(
  a: AssetRow,
  asOf: number,
  opts: AssetScheduleOptions
): { accumulated: number; bookValue: number } | EngineError {
  const r = planFor(a, opts);
  return "code" in r ? r : valuesAt(r.plan, asOf);
}
