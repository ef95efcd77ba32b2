import { numError, valueError, type EngineError } from "../../errors";
import { deprMessages as m } from "../../messages/depreciation";
import * as _db from "../excel/db";
import * as _ddb from "../excel/ddb";
import * as _vdb from "../excel/vdb";
import type { MacrsConvention } from "../macrs/rate";
import * as _rate from "../macrs/rate";
import * as _cents from "./cents";
import type { FiscalPosition } from "./position";
import * as _position from "./position";
import { CONVENTIONS, SCHEDULE_METHODS, type Convention, type ScheduleSpec } from "./types";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { dbRate } = _db;
const { ddbPeriod } = _ddb;
const { vdbPeriods } = _vdb;
const { macrsColumn } = _rate;
const { cents, roundPeriods } = _cents;
const { calendarMonth, fiscalPosition, fiscalYearDays, monthLength } = _position;

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

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Months from the start of the fiscal year at which depreciation starts, by convention. */
function startMonth(conv: Convention, p: FiscalPosition): number {
  if (conv === "MM") return p.monthIndex + 0.5;
  if (conv === "DAYS") return p.monthIndex + (p.day - 1) / p.daysInMonth;
  return p.monthIndex;
}

/** Months from the start of the fiscal year at which depreciation stops for a disposal, by convention. */
function stopMonth(conv: Convention, p: FiscalPosition): number {
  switch (conv) {
    case "MM":
      return p.monthIndex + 0.5;
    case "HY":
      return 6;
    case "MQ":
      return 3 * Math.floor(p.monthIndex / 3) + 1.5;
    case "DAYS":
      return p.monthIndex + (p.day - 1) / p.daysInMonth;
    default:
      return p.monthIndex; // FM: nothing in the month of disposal
  }
}

/** Share of the first fiscal year the convention counts. */
function firstYearShare(conv: Convention, p: FiscalPosition, fyEndMonth: number): number {
  switch (conv) {
    case "HY":
      return 0.5;
    case "MQ":
      return (12 - 3 * Math.floor(p.monthIndex / 3) - 1.5) / 12;
    case "MM":
      return (12 - p.monthIndex - 0.5) / 12;
    case "DAYS": {
      const days = fiscalYearDays(p.fiscalYear, fyEndMonth);
      // Days from the in-service day to the fiscal year end, inclusive.
      let left = p.daysInMonth - p.day + 1;
      for (let i = p.monthIndex + 1; i < 12; i++) {
        const { year, month } = calendarMonth(p.fiscalYear, i, fyEndMonth);
        left += monthLength(year, month);
      }
      return left / days;
    }
    default:
      return (12 - p.monthIndex) / 12;
  }
}

/** Checks a spec; returns an error value for anything the methods cannot run on. */
export function checkSpec(s: ScheduleSpec): EngineError | null {
  if (!(SCHEDULE_METHODS as readonly string[]).includes(s.method)) {
    return valueError(m.unknownMethod(String(s.method), SCHEDULE_METHODS));
  }
  if (!CONVENTIONS.includes(s.convention)) return valueError(m.unknownConvention(String(s.convention)));
  if (!Number.isInteger(s.fyEndMonth) || s.fyEndMonth < 1 || s.fyEndMonth > 12) return valueError(m.fyEndMonth());
  if (!(s.cost >= 0) || !Number.isFinite(s.cost)) return numError(m.badCost());
  if (s.method !== "MACRS" && !(s.salvage >= 0 && s.salvage <= s.cost)) return numError(m.badSalvage());
  if (!(s.life > 0) || !Number.isFinite(s.life)) return numError(m.badLife("Life"));
  if (!Number.isFinite(s.inService)) return valueError(m.noInService());
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

/**
 * SL, SYD, DDB, VDB, 150DB: the method runs on asset time τ (years since the convention's start, 0..life), each
 * asset year taking the method's amount for that period (linear within the year, as VDB's fractional periods);
 * fiscal years map onto τ through the first-year share the convention gives.
 */
function assetTimeYears(s: ScheduleSpec, start: FiscalPosition, disposal: FiscalPosition | null, plan: Plan): void {
  const { cost, salvage, life } = s;
  const base = cost - salvage;
  const years = Math.ceil(life);
  let amounts: number[] | null = null;
  if (s.method === "SYD") {
    amounts = new Array<number>(years);
    const whole = Math.floor(life);
    let sum = 0;
    for (let j = 0; j < years; j++) {
      amounts[j] = j < whole ? (base * (life - j) * 2) / (life * (life + 1)) : base - sum;
      sum += amounts[j];
    }
  } else if (s.method === "DDB") {
    const factor = s.factor ?? 2;
    amounts = new Array<number>(years);
    for (let j = 0; j < years; j++) {
      const full = ddbPeriod(cost, salvage, life, j + 1, factor);
      amounts[j] = j + 1 > life ? full * (life - j) : full;
    }
  } else if (s.method === "VDB" || s.method === "150DB") {
    amounts = vdbPeriods(cost, salvage, life, s.method === "150DB" ? 1.5 : (s.factor ?? 2));
  }
  const curve: Curve = { amounts, prefix: [0], years, life, base };
  if (amounts) for (let j = 0; j < years; j++) curve.prefix.push(curve.prefix[j] + amounts[j]);
  const a = startMonth(s.convention, start);
  const f1 = firstYearShare(s.convention, start, s.fyEndMonth);
  let tauEnd = life;
  if (disposal) {
    const kd = disposal.fiscalYear - start.fiscalYear;
    tauEnd = Math.min(life, Math.max(0, tauAt(f1, a, kd, stopMonth(s.convention, disposal))));
  }
  const last = tauEnd <= f1 ? 0 : Math.ceil(tauEnd - f1 - 1e-12);
  let before = 0;
  for (let k = 0; k <= last; k++) {
    const after = curveAt(curve, Math.min(tauAt(f1, a, k, 12), tauEnd));
    plan.exact.push(after - before);
    before = after;
    const lo = k === 0 ? a : 0;
    let hi = 12;
    if (k === last) hi = k === 0 ? a + (tauEnd / f1) * (12 - a) : (tauEnd - f1 - (k - 1)) * 12;
    plan.lo.push(lo);
    plan.hi.push(Math.max(lo, Math.min(12, hi)));
  }
}

/** Cumulative depreciation of a method on asset time: whole asset years plus a pro rata part of the current one. */
interface Curve {
  /** Per asset year; null for straight line. */
  amounts: number[] | null;
  prefix: number[];
  years: number;
  life: number;
  base: number;
}

function curveAt(c: Curve, tau: number): number {
  if (tau <= 0) return 0;
  if (!c.amounts) return (c.base * Math.min(tau, c.life)) / c.life;
  if (tau >= c.life) return c.prefix[c.years];
  const j = Math.floor(tau);
  const len = Math.min(j + 1, c.life) - j;
  return c.prefix[j] + (c.amounts[j] * (tau - j)) / len;
}

/** Asset time (years since the convention's start) at month `p` of fiscal year index `k`. */
function tauAt(f1: number, a: number, k: number, p: number): number {
  return k === 0 ? f1 * clamp01((p - a) / (12 - a)) : f1 + (k - 1) + p / 12;
}

/** Excel DB on fiscal years: the first year holds the months in service (month = 12 − months before). */
function dbYears(s: ScheduleSpec, start: FiscalPosition, disposal: FiscalPosition | null, plan: Plan): void {
  const month = 12 - start.monthIndex;
  const whole = Math.floor(s.life);
  const periods = whole + (month < 12 ? 1 : 0);
  const rate = s.cost === 0 || s.salvage >= s.cost ? 0 : dbRate(s.cost, s.salvage, s.life);
  let taken = 0;
  for (let k = 0; k < periods; k++) {
    let dep: number;
    if (k === 0) dep = (s.cost * rate * month) / 12;
    else if (k < whole) dep = (s.cost - taken) * rate;
    else dep = ((s.cost - taken) * rate * (12 - month)) / 12;
    taken += dep;
    plan.exact.push(dep);
    plan.lo.push(k === 0 ? start.monthIndex : 0);
    plan.hi.push(k === periods - 1 && month < 12 ? start.monthIndex : 12);
  }
  if (disposal) cutAtDisposal(plan, disposal.fiscalYear - start.fiscalYear, stopMonth(s.convention, disposal));
}

/** Stops a plan at month `stop` of year index `kd`: that year keeps the share of its window before the stop. */
function cutAtDisposal(plan: Plan, kd: number, stop: number): void {
  if (kd >= plan.exact.length) return;
  const k = Math.max(0, kd);
  const lo = plan.lo[k];
  const hi = plan.hi[k];
  const newHi = Math.max(lo, Math.min(hi, stop));
  const share = kd < 0 ? 0 : hi > lo ? (newHi - lo) / (hi - lo) : stop > lo ? 1 : 0;
  plan.exact[k] *= share;
  plan.hi[k] = newHi;
  plan.exact.length = plan.lo.length = plan.hi.length = k + 1;
}

/**
 * MACRS from the published tables: recovery year k is fiscal (tax) year k. The disposal year takes the
 * convention's share (half a year, up to the middle of the quarter or month of disposal); property disposed of
 * in the year placed in service gets nothing (Pub 946).
 */
function macrsYears(
  s: ScheduleSpec,
  start: FiscalPosition,
  disposal: FiscalPosition | null,
  plan: Plan
): EngineError | null {
  const real = s.life === 27.5 || s.life === 39;
  const conv: MacrsConvention = real ? "MM" : s.convention === "MQ" ? "MQ" : "HY";
  const which = conv === "MM" ? start.monthIndex + 1 : conv === "MQ" ? Math.floor(start.monthIndex / 3) + 1 : null;
  const column = macrsColumn(s.life, conv, which);
  if (!Array.isArray(column)) return column as EngineError;
  let years = column.length;
  while (years > 1 && column[years - 1] === 0) years--;
  // The share of the last recovery year the convention counts, for spreading it over months.
  const lastShare = conv === "HY" ? 0.5 : conv === "MQ" ? (3 * (which! - 1) + 1.5) / 12 : 1;
  for (let k = 0; k < years; k++) {
    plan.exact.push((s.cost * column[k]) / 100);
    plan.lo.push(k === 0 ? (conv === "MM" ? start.monthIndex + 0.5 : start.monthIndex) : 0);
    plan.hi.push(k === years - 1 && years > 1 ? 12 * lastShare : 12);
  }
  if (disposal) {
    const kd = disposal.fiscalYear - start.fiscalYear;
    if (kd >= years) return null;
    const share =
      kd <= 0
        ? 0
        : conv === "HY"
          ? 0.5
          : conv === "MQ"
            ? (3 * Math.floor(disposal.monthIndex / 3) + 1.5) / 12
            : (disposal.monthIndex + 0.5) / 12;
    const k = Math.max(0, kd);
    plan.exact[k] *= share;
    plan.lo[k] = k === 0 ? plan.lo[k] : 0;
    plan.hi[k] = k === 0 ? plan.lo[k] : Math.max(plan.lo[k], 12 * share);
    plan.exact.length = plan.lo.length = plan.hi.length = k + 1;
  }
  return null;
}
