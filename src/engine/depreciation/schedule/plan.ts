import { MAX_SERIAL } from "../../dates";
import { numError, valueError, type EngineError } from "../../errors";
import { deprMessages as m } from "../../messages/depreciation";
import * as _assetTime from "./assetTime";
import * as _cents from "./cents";
import * as _conventions from "./conventions";
import * as _dbYears from "./dbYears";
import * as _macrsYears from "./macrsYears";
import * as _position from "./position";
import { CONVENTIONS, SCHEDULE_METHODS, type ScheduleSpec } from "./types";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { assetTimeYears } = _assetTime;
const { cents, roundPeriods } = _cents;
const { startMonth } = _conventions;
const { dbYears } = _dbYears;
const { macrsYears } = _macrsYears;
const { fiscalPosition } = _position;

/**
 * A schedule reduced to what every view needs: per fiscal year (index 0 = the year placed in service) the exact
 * and the rounded depreciation, and the months of the year over which it accrues (`lo`..`hi`, in months from the
 * start of the fiscal year, 0..12). Rows, months, values as of a date and spans all derive from it.
 */
export interface Plan {
  firstFiscalYear: number;
  fyEndMonth: number;
  cost: number;
  exact: number[];
  rounded: number[];
  lo: number[];
  hi: number[];
  /** Disposal date: from it on, the whole of the schedule is booked (the convention's disposal-year amount). */
  disposedOn: number | null;
}

/** Checks a spec; returns an error value for anything the methods cannot run on. */
export function checkSpec(s: ScheduleSpec): EngineError | null {
  if (!(SCHEDULE_METHODS as readonly string[]).includes(s.method)) {
    return valueError(m.unknownMethod(String(s.method), SCHEDULE_METHODS));
  }
  if (!CONVENTIONS.includes(s.convention)) return valueError(m.unknownConvention(String(s.convention)));
  if (!Number.isInteger(s.fyEndMonth) || s.fyEndMonth < 1 || s.fyEndMonth > 12) return valueError(m.fyEndMonth());
  // Beyond 10^15 a double no longer holds cents; such a cost is a typo.
  if (!(s.cost >= 0 && s.cost <= 1e15)) return numError(m.badCost());
  if (s.method !== "MACRS" && !(s.salvage >= 0 && s.salvage <= s.cost)) return numError(m.badSalvage());
  if (!(s.life > 0) || !Number.isFinite(s.life)) return numError(m.badLife("Life"));
  if (!Number.isFinite(s.inService)) return valueError(m.noInService());
  if (!(s.inService >= 1 && s.inService <= MAX_SERIAL)) return numError(m.dateRange("The in-service date"));
  if (s.disposedOn != null && !(s.disposedOn <= MAX_SERIAL)) return numError(m.dateRange("The disposal date"));
  // One row per year: a life that runs past Excel's last date is a typo, and would exhaust memory.
  if (fiscalPosition(s.inService, s.fyEndMonth).fiscalYear + s.life > 10000) return numError(m.lifeTooLong());
  if (s.disposedOn != null && s.disposedOn < s.inService) return valueError(m.disposedBeforeService());
  if (s.factor !== undefined && !(s.factor > 0)) return numError(m.notPositive(s.method, "factor"));
  return null;
}

/** Builds the plan of a schedule (see Plan). */
export function buildPlan(s: ScheduleSpec): Plan | EngineError {
  const bad = checkSpec(s);
  if (bad) return bad;
  const start = fiscalPosition(s.inService, s.fyEndMonth);
  const disposal = s.disposedOn != null ? fiscalPosition(s.disposedOn, s.fyEndMonth) : null;
  const plan: Plan = {
    firstFiscalYear: start.fiscalYear,
    fyEndMonth: s.fyEndMonth,
    cost: s.cost,
    exact: [],
    rounded: [],
    lo: [],
    hi: [],
    disposedOn: s.disposedOn ?? null,
  };
  let cap: number;
  let absorb: boolean;
  if (s.method === "NONE") {
    plan.exact.push(0);
    plan.lo.push(startMonth(s.convention, start));
    plan.hi.push(12);
    cap = 0;
    absorb = false;
  } else if (s.method === "MACRS") {
    const bad2 = macrsYears(s, start, disposal, plan);
    if (bad2) return bad2;
    cap = cents(s.cost);
    absorb = disposal === null;
  } else if (s.method === "DB") {
    dbYears(s, start, disposal, plan);
    cap = cents(s.cost);
    absorb = false;
  } else {
    assetTimeYears(s, start, disposal, plan);
    cap = cents(s.cost - s.salvage);
    absorb = disposal === null && s.method !== "DDB";
  }
  if (disposal) {
    // The disposal year's amount is booked by the end of the month of disposal, even where the convention deems
    // the asset in service longer (half-year, mid-quarter).
    const k = plan.hi.length - 1;
    if (k === disposal.fiscalYear - start.fiscalYear) {
      plan.hi[k] = Math.max(plan.lo[k], Math.min(plan.hi[k], disposal.monthIndex + 1));
    }
  }
  plan.rounded = roundPeriods(plan.exact, cap, absorb);
  return plan;
}
