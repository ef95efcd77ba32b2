/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells as any; values are narrowed to Scalar at once. */
/**
 * Depreciation functions (namespace BOOK). Bodies coerce Excel's arguments through the edge's argument rules and
 * call the depreciation engine; engine errors become Excel errors there.
 */
import { MAX_SERIAL, toIso, todaySerial } from "../engine/dates";
import type { Convention, MacrsConvention, PeriodFn, Plan, ScheduleMethod } from "../engine/depreciation";
import * as _depreciation from "../engine/depreciation";
import { isEngineError, valueError, type EngineError } from "../engine/errors";
import { deprMessages as m } from "../engine/messages/depreciation";
import type { ArgSpec, Scalar } from "./edge";
import * as _edge from "./edge";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in hot paths (a filled-down column of DEPRECIATE, schedules for 100,000 assets).
const {
  buildPlan,
  depreciateBetween,
  depreciatePeriod,
  macrs: macrsAmount,
  macrsRate: macrsTableRate,
  parseMethod,
  PERIOD_FUNCTIONS,
  PERIOD_METHODS,
  SCHEDULE_METHODS,
  SPAN_METHODS,
  unitsDepr: unitsAmount,
  valuesAt,
  yearRows,
} = _depreciation;
const { args, cell, fail, isBlank, scalar } = _edge;

/**
 * Method names as typed most often (upper and lower case), straight to the engine's function for that method: one
 * lookup per call, no case folding. Anything else (mixed case, spaces, unknown names) takes the argument rules.
 */
const PERIOD_FAST = new Map<string, PeriodFn>(
  PERIOD_METHODS.flatMap(
    (x) =>
      [
        [x, PERIOD_FUNCTIONS[x]],
        [x.toLowerCase(), PERIOD_FUNCTIONS[x]],
      ] as const
  )
);
const SL_FN = PERIOD_FUNCTIONS.SL;
// The last name looked up and its function: a filled-down column passes the same name on every call, and comparing
// one short string is cheaper than hashing it.
let lastName = "SL";
let lastFn: PeriodFn = SL_FN;

function fastMethod(name: string): PeriodFn | undefined {
  if (name === lastName) return lastFn;
  const fn = PERIOD_FAST.get(name);
  if (fn !== undefined) {
    lastName = name;
    lastFn = fn;
  }
  return fn;
}

/** The value, or the engine error thrown as Excel's error. */
const orFail = <T>(x: T | EngineError): T => (isEngineError(x) ? fail(x) : x);

const num = (name: string): ArgSpec => ({ name, type: "number" });
const optNum = (name: string): ArgSpec => ({ name, type: "number", default: NaN });
const text = (name: string, def: string): ArgSpec => ({ name, type: "text", default: def });
const CONVENTION_CODES: readonly Convention[] = ["FM", "MM", "HY", "MQ", "DAYS"];

/**
 * The method named, or #VALUE!: units of production has no place in these functions (it needs each period's units),
 * so "UOP" says to use UNITSDEPR rather than listing the other names.
 */
function methodOf<T extends string>(name: string, valid: readonly T[]): T | EngineError {
  return name.replace(/\s+/g, "").toUpperCase() === "UOP" ? valueError(m.uopNeedsUnits()) : parseMethod(name, valid);
}

/** A date for a message: ISO text within Excel's calendar, the number as given outside it. */
const dateText = (serial: number): string => (serial >= 1 && serial <= MAX_SERIAL ? toIso(serial) : String(serial));

/** NaN marks "omitted" for optional numbers whose default depends on the method. */
const given = (x: number): number | null => (Number.isNaN(x) ? null : x);

function conventionOf(textValue: string, method: ScheduleMethod): Convention | EngineError {
  if (textValue === "") return method === "MACRS" ? "HY" : "FM";
  const c = textValue.replace(/\s+/g, "").toUpperCase();
  return (CONVENTION_CODES as readonly string[]).includes(c)
    ? (c as Convention)
    : valueError(m.unknownConvention(textValue));
}

/**
 * Depreciation for one period, like Excel's SLN, SYD, DB, DDB and VDB in one function.
 * @customfunction DEPRECIATE
 * @param cost Cost of the asset (its depreciable basis), in money.
 * @param salvage Salvage (residual) value at the end of the life, in money. Ignored by MACRS.
 * @param life Useful life in periods (usually years). For MACRS the recovery period: 3, 5, 7, 10, 15, 20, 27.5 or 39.
 * @param period The period to depreciate, in the same units as life (1 = the first).
 * @param [method] SL, SYD, DB, DDB, VDB, 150DB or MACRS (any case). Default: SL. VDB and 150DB switch to straight line; DDB does not.
 * @param [factor_or_month] DB: months in the first year (default 12). DDB and VDB: the declining-balance factor (default 2). MACRS 27.5/39 years: month placed in service (1-12).
 * @returns The depreciation of that period, in money.
 */
export function depreciate(
  cost: any,
  salvage: any,
  life: any,
  period: any,
  method?: any,
  factor_or_month?: any
): number {
  // Fast path for the common case (plain numbers, a method name as typed or nothing): the same values the argument
  // rules give, without their allocations; a filled-down column calls this thousands of times. Kept small so the
  // engine inlines it; the general case is a separate function.
  if (
    typeof cost === "number" &&
    typeof salvage === "number" &&
    typeof life === "number" &&
    typeof period === "number" &&
    (factor_or_month == null || typeof factor_or_month === "number")
  ) {
    const fn = method == null ? SL_FN : typeof method === "string" ? fastMethod(method) : undefined;
    if (fn !== undefined) {
      const r = fn(cost, salvage, life, period, factor_or_month);
      return typeof r === "number" && Number.isFinite(r) ? r : scalar(r);
    }
  }
  return depreciateArgs([cost, salvage, life, period, method, factor_or_month] as Scalar[]);
}

/** DEPRECIATE through the general argument rules: text numbers, booleans, blanks, any spelling of the method. */
function depreciateArgs(values: Scalar[]): number {
  const [c, s, l, p, name, extra] = args(
    [num("cost"), num("salvage"), num("life"), num("period"), text("method", "SL"), optNum("factor_or_month")],
    values
  ) as [number, number, number, number, string, number];
  const which = orFail(methodOf(name, PERIOD_METHODS));
  return scalar(depreciatePeriod(which, c, s, l, p, given(extra)));
}

/**
 * Depreciation between two points of the life, fractional periods allowed (like Excel's VDB).
 * @customfunction DEPRBETWEEN
 * @param cost Cost of the asset, in money.
 * @param salvage Salvage value at the end of the life, in money.
 * @param life Useful life in periods (usually years).
 * @param start Start of the span, in periods from the start of the life (0 = when placed in service; 1.5 = half way through period 2).
 * @param end End of the span, in periods (at most life).
 * @param [method] VDB, 150DB, DDB, SL or SYD (any case). Default: VDB.
 * @param [factor] Declining-balance factor for VDB and DDB. Default: 2.
 * @param [no_switch] TRUE to stay on declining balance (no switch to straight line). Default: FALSE.
 * @returns The depreciation over the span, in money.
 */
export function deprBetween(
  cost: any,
  salvage: any,
  life: any,
  start: any,
  end: any,
  method?: any,
  factor?: any,
  no_switch?: any
): number {
  const [c, s, l, a, b, name, f, noSwitch] = args(
    [
      num("cost"),
      num("salvage"),
      num("life"),
      num("start"),
      num("end"),
      text("method", "VDB"),
      optNum("factor"),
      { name: "no_switch", type: "boolean", default: false },
    ],
    [cost, salvage, life, start, end, method, factor, no_switch] as Scalar[]
  ) as [number, number, number, number, number, string, number, boolean];
  const which = orFail(methodOf(name, SPAN_METHODS));
  return scalar(depreciateBetween(which, c, s, l, a, b, given(f), noSwitch));
}

/**
 * Reads the schedule arguments shared by DEPRSCHEDULE, BOOKVALUE and ACCUMDEPR into a plan; `disposedOn` (DEPRSCHEDULE
 * only) ends the schedule at a disposal date.
 */
function planOf(values: Scalar[], disposedOn: Scalar = null): Plan | EngineError {
  const [c, s, l, inService, name, fyEnd, conv] = args(
    [
      num("cost"),
      num("salvage"),
      num("life"),
      { name: "in_service", type: "date" },
      text("method", "SL"),
      {
        name: "fiscal_year_end_month",
        type: "number",
        default: 12,
        min: 1,
        max: 12,
        integer: true,
        rangeError: "#VALUE!",
      },
      text("convention", ""),
    ],
    values
  ) as [number, number, number, number, string, number, string];
  const method = methodOf(name, SCHEDULE_METHODS);
  if (typeof method !== "string") return method;
  const convention = conventionOf(conv, method);
  if (typeof convention !== "string") return convention;
  const [disposal] = args([{ name: "disposed_on", type: "date", default: NaN }], [disposedOn]) as number[];
  // Said here in the argument's own name (the engine's message names the Assets column DisposedOn).
  if (disposal < inService) {
    return valueError(
      `disposed_on (${dateText(disposal)}) is before in_service (${dateText(inService)}): ` +
        "enter a disposal date on or after the date placed in service, or leave it blank."
    );
  }
  return buildPlan({
    cost: c,
    salvage: method === "MACRS" ? 0 : s,
    life: l,
    inService,
    fyEndMonth: fyEnd,
    method,
    convention,
    disposedOn: given(disposal),
  });
}

/**
 * A year-by-year depreciation schedule that spills: fiscal year | depreciation | accumulated | net book value, under a header row. Each year is rounded to cents; the last year absorbs the rounding so the schedule adds up to cost − salvage. With a disposal date the schedule ends in the year of disposal, which takes depreciation up to the disposal date as the convention counts it (MACRS: half a year, or up to the middle of the quarter or month of disposal).
 * @customfunction DEPRSCHEDULE
 * @param cost Cost of the asset, in money.
 * @param salvage Salvage value at the end of the life, in money (ignored by MACRS).
 * @param life Useful life in years (MACRS: recovery period 3, 5, 7, 10, 15, 20, 27.5 or 39).
 * @param in_service Date placed in service.
 * @param [method] SL, SYD, DB, DDB, VDB, 150DB, MACRS or NONE (any case). Default: SL.
 * @param [fiscal_year_end_month] Last month of the fiscal year, 1-12 (6 = June). Default: 12. Fiscal years are named by the calendar year they end in.
 * @param [convention] First-year convention: FM (full month), MM (mid-month), HY (half-year), MQ (mid-quarter), DAYS (actual days). Default: FM; MACRS: HY (mid-month for 27.5 and 39 years).
 * @param [disposed_on] Date the asset was disposed of (sold, scrapped). Default: none, the schedule runs to the end of the life.
 * @returns Rows of fiscal year, depreciation, accumulated depreciation and net book value, with a header row.
 */
export function deprSchedule(
  cost: any,
  salvage: any,
  life: any,
  in_service: any,
  method?: any,
  fiscal_year_end_month?: any,
  convention?: any,
  disposed_on?: any
): any[][] {
  const plan = planOf(
    [cost, salvage, life, in_service, method, fiscal_year_end_month, convention] as Scalar[],
    disposed_on as Scalar
  );
  const rows = yearRows(orFail(plan));
  return [
    ["Fiscal year", "Depreciation", "Accumulated", "Net book value"],
    ...rows.map((r) => [r.fiscalYear, cell(r.depreciation), cell(r.accumulated), cell(r.bookValue)]),
  ];
}

function valuesOn(values: Scalar[], asOf: Scalar): { accumulated: number; bookValue: number } {
  const plan = orFail(planOf(values));
  const [date] = args([{ name: "as_of", type: "date", default: () => todaySerial() }], [asOf]) as number[];
  return valuesAt(plan, date);
}

/**
 * Net book value (cost − accumulated depreciation) at the end of a given day, from the cent-rounded schedule.
 * @customfunction BOOKVALUE
 * @volatile
 * @param cost Cost of the asset, in money.
 * @param salvage Salvage value at the end of the life, in money (ignored by MACRS).
 * @param life Useful life in years (MACRS: recovery period).
 * @param in_service Date placed in service.
 * @param [method] SL, SYD, DB, DDB, VDB, 150DB, MACRS or NONE. Default: SL.
 * @param [fiscal_year_end_month] Last month of the fiscal year, 1-12. Default: 12.
 * @param [convention] FM, MM, HY, MQ or DAYS. Default: FM (MACRS: HY).
 * @param [as_of] Date of the value. Default: today.
 * @returns Net book value, in money.
 */
export function bookValue(
  cost: any,
  salvage: any,
  life: any,
  in_service: any,
  method?: any,
  fiscal_year_end_month?: any,
  convention?: any,
  as_of?: any
): number {
  const v = valuesOn([cost, salvage, life, in_service, method, fiscal_year_end_month, convention] as Scalar[], as_of);
  return scalar(v.bookValue);
}

/**
 * Accumulated depreciation at the end of a given day, from the cent-rounded schedule.
 * @customfunction ACCUMDEPR
 * @volatile
 * @param cost Cost of the asset, in money.
 * @param salvage Salvage value at the end of the life, in money (ignored by MACRS).
 * @param life Useful life in years (MACRS: recovery period).
 * @param in_service Date placed in service.
 * @param [method] SL, SYD, DB, DDB, VDB, 150DB, MACRS or NONE. Default: SL.
 * @param [fiscal_year_end_month] Last month of the fiscal year, 1-12. Default: 12.
 * @param [convention] FM, MM, HY, MQ or DAYS. Default: FM (MACRS: HY).
 * @param [as_of] Date of the value. Default: today.
 * @returns Accumulated depreciation, in money.
 */
export function accumDepr(
  cost: any,
  salvage: any,
  life: any,
  in_service: any,
  method?: any,
  fiscal_year_end_month?: any,
  convention?: any,
  as_of?: any
): number {
  const v = valuesOn([cost, salvage, life, in_service, method, fiscal_year_end_month, convention] as Scalar[], as_of);
  return scalar(v.accumulated);
}

function macrsArgs(convention: Scalar, quarterOrMonth: Scalar): [MacrsConvention | null, number | null] {
  const conv = isBlank(convention) ? null : String(convention).replace(/\s+/g, "").toUpperCase();
  if (conv !== null && conv !== "HY" && conv !== "MQ" && conv !== "MM") {
    fail(valueError(m.macrsConventionName(String(convention))));
  }
  const [q] = args([optNum("quarter_or_month")], [quarterOrMonth]) as number[];
  return [conv as MacrsConvention | null, given(q)];
}

/**
 * MACRS percentage from IRS Publication 946 (Tables A-1 to A-7a), as a fraction: 0.2 for 20%.
 * @customfunction MACRSRATE
 * @param recovery_period GDS recovery period in years: 3, 5, 7, 10, 15, 20, 27.5 or 39.
 * @param year Recovery year (1 = the year placed in service).
 * @param [convention] HY (half-year), MQ (mid-quarter) or MM (mid-month). Default: HY; MM for 27.5 and 39 years.
 * @param [quarter_or_month] MQ: quarter of the tax year placed in service (1-4). MM: month of the tax year placed in service (1-12).
 * @returns The table rate as a fraction of the basis.
 */
export function macrsRate(recovery_period: any, year: any, convention?: any, quarter_or_month?: any): number {
  const [period, y] = args([num("recovery_period"), num("year")], [recovery_period, year] as Scalar[]) as number[];
  const [conv, which] = macrsArgs(convention as Scalar, quarter_or_month as Scalar);
  return scalar(macrsTableRate(period, y, conv, which));
}

/**
 * MACRS depreciation for a recovery year: basis × the IRS Pub 946 table rate (salvage is ignored).
 * @customfunction MACRS
 * @param cost Depreciable basis, in money.
 * @param recovery_period GDS recovery period in years: 3, 5, 7, 10, 15, 20, 27.5 or 39.
 * @param year Recovery year (1 = the year placed in service).
 * @param [convention] HY (half-year), MQ (mid-quarter) or MM (mid-month). Default: HY; MM for 27.5 and 39 years.
 * @param [quarter_or_month] MQ: quarter placed in service (1-4). MM: month placed in service (1-12).
 * @returns The deduction for that year, in money.
 */
export function macrs(cost: any, recovery_period: any, year: any, convention?: any, quarter_or_month?: any): number {
  const [c, period, y] = args([num("cost"), num("recovery_period"), num("year")], [
    cost,
    recovery_period,
    year,
  ] as Scalar[]) as number[];
  const [conv, which] = macrsArgs(convention as Scalar, quarter_or_month as Scalar);
  return scalar(macrsAmount(c, period, y, conv, which));
}

/**
 * Units-of-production depreciation for one period: (cost − salvage) × units ÷ total units.
 * @customfunction UNITSDEPR
 * @param cost Cost of the asset, in money.
 * @param salvage Salvage value at the end of its life, in money.
 * @param total_units Units the asset is expected to produce over its life (hours, km, pieces…).
 * @param units Units produced in the period, in the same unit.
 * @returns The depreciation of the period, in money.
 */
export function unitsDepr(cost: any, salvage: any, total_units: any, units: any): number {
  const [c, s, total, u] = args([num("cost"), num("salvage"), num("total_units"), num("units")], [
    cost,
    salvage,
    total_units,
    units,
  ] as Scalar[]) as number[];
  return scalar(unitsAmount(c, s, total, u));
}
